package main

import (
	"bytes"
	"context"
	"errors"
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/seed-0d47db62/livegen/livesim"

	"example.com/consumer/lives"
)

// now is livesim's clock in these tests, so that the demo's dates are fixed.
var now = time.Date(2025, 5, 15, 12, 0, 0, 0, time.UTC)

// server starts livesim with the demo data on loopback.
func server(t *testing.T, opts livesim.Options) string {
	t.Helper()
	opts.Seed, opts.Now = livesim.Demo, func() time.Time { return now }
	srv := livesim.NewServer(opts)
	t.Cleanup(srv.Close)
	return srv.URL
}

// The program lists the scheduled Lives and invites the members to each,
// in chunks; the server then holds each member once per Live.
func TestListAndInvite(t *testing.T) {
	url := server(t, livesim.Options{Token: "secret"})
	var out bytes.Buffer
	err := run(context.Background(), []string{"-url", url, "-token", "secret", "-invite", "member-ada, member-alan,new.member@example.com", "-chunk", "2"}, &out)
	require.NoError(t, err)
	require.Equal(t, ""+
		"live-4\t2025-05-18T12:00:00Z\tRoadmap webinar Q3\t5 invited\n"+
		"\tinvited 3 members, 7 participants now\n"+
		"live-5\t2025-05-25T12:00:00Z\tCustomer stories: scaling a community\t0 invited\n"+
		"\tinvited 3 members, 3 participants now\n", out.String())

	client, err := lives.NewClient(url, lives.WithCredentials(lives.Credentials{BearerAuth: "secret"}))
	require.NoError(t, err)
	ps, err := client.ListLiveParticipants(context.Background(), "live-5", &lives.ListLiveParticipantsParams{
		Filter: lives.ListLiveParticipantsFilter{}.StatusEq(lives.ParticipantStatusInvited),
	})
	require.NoError(t, err)
	var emails []string
	for _, p := range ps.Items {
		emails = append(emails, p.SpotMemberEmail)
	}
	require.ElementsMatch(t, []string{"ada@example.com", "alan@example.com", "new.member@example.com"}, emails)

	// Running it again invites nobody new.
	out.Reset()
	require.NoError(t, run(context.Background(), []string{"-url", url, "-token", "secret", "-title", "customer", "-invite", "member-ada"}, &out))
	require.Equal(t, "live-5\t2025-05-25T12:00:00Z\tCustomer stories: scaling a community\t3 invited\n\tinvited 1 members, 3 participants now\n", out.String())
}

// Filters reach the server: status, title and start date together.
func TestFilters(t *testing.T) {
	url := server(t, livesim.Options{})
	var out bytes.Buffer
	require.NoError(t, run(context.Background(), []string{"-url", url, "-status", "Ended", "-since", "2025-05-10T00:00:00Z"}, &out))
	require.Equal(t, "live-2\t2025-05-13T12:00:00Z\tOnboarding workshop for new members\t5 invited\n", out.String())
	out.Reset()
	require.NoError(t, run(context.Background(), []string{"-url", url, "-status", "", "-title", "ama"}, &out))
	require.Contains(t, out.String(), "live-3\t")
	require.Equal(t, 1, bytes.Count(out.Bytes(), []byte("\n")))
}

// A chunk larger than the server takes is a 413 that the program reports;
// mistakes on the command line and a wrong token are errors too.
func TestErrors(t *testing.T) {
	url := server(t, livesim.Options{MaxBulkInvite: 2, Token: "secret"})
	err := run(context.Background(), []string{"-url", url, "-token", "secret", "-invite", "member-ada,member-alan,member-tim", "-chunk", "3"}, &bytes.Buffer{})
	var apiErr *lives.APIError
	require.True(t, errors.As(err, &apiErr), "%v", err)
	require.Equal(t, http.StatusRequestEntityTooLarge, apiErr.StatusCode)
	var bulk *lives.BulkError
	require.True(t, errors.As(err, &bulk))
	require.Equal(t, []int{0}, bulk.Failed())

	err = run(context.Background(), []string{"-url", url, "-token", "wrong"}, &bytes.Buffer{})
	require.True(t, errors.As(err, &apiErr))
	require.Equal(t, http.StatusUnauthorized, apiErr.StatusCode)

	require.ErrorContains(t, run(context.Background(), []string{"-status", "Soon"}, &bytes.Buffer{}), `-status "Soon"`)
	require.ErrorContains(t, run(context.Background(), []string{"-since", "yesterday"}, &bytes.Buffer{}), "-since")
	require.ErrorContains(t, run(context.Background(), []string{"-chunk", "0"}, &bytes.Buffer{}), "-chunk")
}
