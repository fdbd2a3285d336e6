// Command consumer uses a livegen-generated client the way an integration
// would: it lists the MeltingSpot Lives that match filters and invites
// members to each of them in bulk.
//
//	consumer [-url URL] [-token T] [-status Scheduled] [-title TEXT] [-since RFC3339]
//	         [-invite ID-OR-EMAIL,...] [-chunk 50]
//
// Try it against livesim (go run github.com/seed-0d47db62/livegen/cmd/livesim
// from the livegen repository):
//
//	go run . -url http://127.0.0.1:8080 -invite member-ada,new.member@example.com
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"example.com/consumer/lives"
)

func main() {
	if err := run(context.Background(), os.Args[1:], os.Stdout); err != nil {
		if !errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(os.Stderr, "consumer:", err)
			os.Exit(1)
		}
	}
}

// options are the command line.
type options struct {
	url, token, status, title, since, invite string
	chunk                                    int
}

// run lists the matching Lives on stdout and, with -invite, invites the
// members to each of them.
func run(ctx context.Context, args []string, stdout io.Writer) error {
	opts, err := parseArgs(args)
	if err != nil {
		return err
	}
	filter, err := opts.filter()
	if err != nil {
		return err
	}
	client, err := lives.NewClient(opts.url, lives.WithCredentials(lives.Credentials{BearerAuth: opts.token}))
	if err != nil {
		return err
	}
	params := &lives.ListLivesParams{Filter: filter}
	for live, err := range client.ListLivesAll(ctx, params) {
		if err != nil {
			return fmt.Errorf("listing lives: %w", err)
		}
		fmt.Fprintf(stdout, "%s\t%s\t%s\t%d invited\n", *live.ID, live.StartDate.Format(time.RFC3339), *live.Title, *live.Metrics.Invited)
		if opts.invite != "" {
			if err := invite(ctx, client, *live.ID, opts, stdout); err != nil {
				return err
			}
		}
	}
	return nil
}

// parseArgs reads the flags.
func parseArgs(args []string) (options, error) {
	var o options
	fs := flag.NewFlagSet("consumer", flag.ContinueOnError)
	fs.StringVar(&o.url, "url", "http://127.0.0.1:8080", "base URL of the lives API")
	fs.StringVar(&o.token, "token", "", "bearer token")
	fs.StringVar(&o.status, "status", "Scheduled", "list the Lives with this status (Scheduled, Live, Ended; empty for any)")
	fs.StringVar(&o.title, "title", "", "list the Lives whose title contains this, ignoring case")
	fs.StringVar(&o.since, "since", "", "list the Lives that start at or after this RFC 3339 time")
	fs.StringVar(&o.invite, "invite", "", "comma-separated Spot member ids and email addresses to invite to each Live")
	fs.IntVar(&o.chunk, "chunk", 50, "members per bulk invitation request")
	if err := fs.Parse(args); err != nil {
		return o, err
	}
	if fs.NArg() > 0 {
		return o, fmt.Errorf("unexpected argument %q", fs.Arg(0))
	}
	if o.chunk < 1 {
		return o, errors.New("-chunk must be at least 1")
	}
	return o, nil
}

// filter is the listLives filter the flags ask for; an unknown status is
// an error here rather than a 400 from the server.
func (o options) filter() (lives.ListLivesFilter, error) {
	var f lives.ListLivesFilter
	if o.status != "" {
		status := lives.LiveStatus(o.status)
		if !status.Valid() {
			return f, fmt.Errorf("-status %q: use one of %v", o.status, lives.LiveStatusValues())
		}
		f = f.StatusEq(status)
	}
	if o.title != "" {
		f = f.TitleContains(o.title)
	}
	if o.since != "" {
		since, err := time.Parse(time.RFC3339, o.since)
		if err != nil {
			return f, fmt.Errorf("-since: %w", err)
		}
		f = f.StartDateGte(since)
	}
	return f, nil
}

// invite invites the -invite members to a Live, -chunk at a time, and
// reports how many participants it has now.
func invite(ctx context.Context, client *lives.Client, liveID string, o options, stdout io.Writer) error {
	var members lives.BulkInviteMembers
	for _, m := range strings.Split(o.invite, ",") {
		switch m = strings.TrimSpace(m); {
		case m == "":
		case strings.Contains(m, "@"):
			members.Emails = append(members.Emails, m)
		default:
			members.SpotMemberIDs = append(members.SpotMemberIDs, m)
		}
	}
	invited, err := client.BulkInviteLiveParticipantsInChunks(ctx, liveID, lives.BulkInviteRequest{Members: members}, o.chunk)
	if err != nil {
		return fmt.Errorf("inviting to %s: %w", liveID, err)
	}
	all, err := client.ListLiveParticipants(ctx, liveID, &lives.ListLiveParticipantsParams{Limit: ptr(1)})
	if err != nil {
		return fmt.Errorf("counting the participants of %s: %w", liveID, err)
	}
	fmt.Fprintf(stdout, "\tinvited %d members, %d participants now\n", len(invited), all.Total)
	return nil
}

func ptr[T any](v T) *T { return &v }
