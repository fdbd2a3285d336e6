// Package livesim is an in-memory MeltingSpot lives API to test against: every
// operation of openapi/meltingspot/lives.yaml, served by the generated
// meltingspot.NewHandler, without credentials or network.
//
// In a test:
//
//	srv := livesim.NewServer(livesim.Options{Seed: livesim.Demo})
//	defer srv.Close()
//	client, _ := meltingspot.NewClient(srv.URL)
//
// To add members, groups or channels of your own, or to simulate what the
// API has no operation for (a member registering, attending, replaying),
// keep the Sim and use its Store:
//
//	sim, err := livesim.New(livesim.Options{})
//	err = sim.Store().AddMember(livesim.Member{ID: "m1", Email: "ada@example.com"})
//	srv := httptest.NewServer(sim)
//
// It is also the reference implementation of the generated Server interface:
// api.go answers each operation with the typed outputs the spec documents.
// Judgements that the spec leaves open are stated where they are made, and
// summed up here:
//
//   - Pages are 1-based; limit defaults to Options.DefaultLimit. Lists keep
//     creation (or invitation, or link) order, so pages are stable.
//   - status and computedStatus of a Live both follow its dates and the
//     clock: Scheduled before startDate, Live until endDate, Ended after.
//   - A Live's metrics are computed from its participants, so they start at
//     zero: invited counts the invitations, registrant the Accepted ones,
//     attendee those who participated, noShow the registrants of an ended
//     Live who did not, attendanceRate is attendee*100/registrant,
//     averageViewTime the mean viewTime of attendees, totalReplayView the
//     participants who replayed.
//   - A member is invited once per Live: inviting again (as a participant or
//     a speaker) answers 200 and changes nothing; bulk invitations answer the
//     resulting participants, old and new, once each, in request order.
//   - Invitations name Spot members by id or by email. An unknown id is a
//     400 that names it (and a bulk call then invites nobody); an unknown
//     email creates a Spot member with that email and, for participants, no
//     name (null firstname and lastname).
//   - An unknown Live, group or channel is a 404: the typed NotFound answer
//     where the spec documents one, otherwise an ErrorResponse body.
//   - withEmailNotification, invitedBySpotMemberId and grantHostRights are
//     accepted and change nothing that an answer shows.
//   - Without a token every request is accepted; with one, a request must
//     carry "Authorization: Bearer <token>" or gets 401.
package livesim

import (
	"context"
	"crypto/subtle"
	"errors"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"time"

	"github.com/seed-0d47db62/livegen/generated/meltingspot"
)

// Options configures a Sim. The zero value is an empty API that accepts
// every request.
type Options struct {
	// Seed fills the store before the first request, for example Demo; nil
	// leaves it empty.
	Seed func(*Store) error
	// Token, when set, is the bearer token every request must carry.
	Token string
	// MaxBulkInvite is the largest number of members a bulk invitation may
	// name before it is answered with 413 (default 100).
	MaxBulkInvite int
	// DefaultLimit is the page size of a list call without limit (default 20).
	DefaultLimit int
	// Now is the clock behind dates and statuses (default time.Now).
	Now func() time.Time
	// Logger gets one line per request (default: discarded).
	Logger *slog.Logger
	// LenientQuery ignores unknown bracket parameters (title[foo]) as many
	// servers do; by default they are answered with 400, so that a mistyped
	// filter fails the test instead of silently matching everything.
	LenientQuery bool
}

// Defaults of Options.
const (
	DefaultMaxBulkInvite = 100
	DefaultPageLimit     = 20
)

// Sim is the simulated API: an http.Handler over a Store.
type Sim struct {
	store   *Store
	handler http.Handler
}

// New returns a Sim with opts, seeded.
func New(opts Options) (*Sim, error) {
	opts = withDefaults(opts)
	store := newStore(opts.Now)
	if opts.Seed != nil {
		if err := opts.Seed(store); err != nil {
			return nil, err
		}
	}
	impl := &api{store: store, maxBulk: opts.MaxBulkInvite, defaultLimit: opts.DefaultLimit}
	handler := meltingspot.NewHandler(impl, handlerOptions(opts)...)
	handler = allowAnonymous(handler, opts.Token)
	handler = logRequests(handler, opts.Logger)
	return &Sim{store: store, handler: handler}, nil
}

// NewServer starts a loopback httptest.Server over New(opts); close it when
// done. Like httptest.NewServer, it panics when it cannot start, here also
// when opts.Seed fails.
func NewServer(opts Options) *httptest.Server {
	sim, err := New(opts)
	if err != nil {
		panic("livesim: seeding failed: " + err.Error())
	}
	return httptest.NewServer(sim)
}

// ServeHTTP serves the lives API.
func (s *Sim) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.handler.ServeHTTP(w, r)
}

// Store is the data behind the API, to add to or inspect in tests.
func (s *Sim) Store() *Store {
	return s.store
}

// withDefaults fills the zero fields of opts.
func withDefaults(opts Options) Options {
	if opts.MaxBulkInvite <= 0 {
		opts.MaxBulkInvite = DefaultMaxBulkInvite
	}
	if opts.DefaultLimit <= 0 {
		opts.DefaultLimit = DefaultPageLimit
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.DiscardHandler)
	}
	return opts
}

// handlerOptions configures the generated handler for opts.
func handlerOptions(opts Options) []meltingspot.HandlerOption {
	handlerOpts := []meltingspot.HandlerOption{
		meltingspot.WithLogger(opts.Logger),
		meltingspot.WithErrorMapper(mapError),
		meltingspot.WithMiddleware(noteOperation),
	}
	if opts.Token != "" {
		handlerOpts = append(handlerOpts, meltingspot.WithAuthenticator(tokenAuthenticator(opts.Token)))
	}
	if !opts.LenientQuery {
		handlerOpts = append(handlerOpts, meltingspot.WithStrictQuery())
	}
	return handlerOpts
}

// tokenAuthenticator accepts exactly token, compared in constant time.
func tokenAuthenticator(token string) meltingspot.Authenticator {
	return func(ctx context.Context, req meltingspot.AuthRequest) (context.Context, error) {
		if subtle.ConstantTimeCompare([]byte(req.Token), []byte(token)) != 1 {
			return nil, errors.New("livesim: wrong bearer token")
		}
		return ctx, nil
	}
}

// mapError answers the errors of operations whose spec documents no typed
// answer for them: a NotFoundError is 404 with its message, a
// *meltingspot.ValidationError 400 with its problems, anything else 500.
func mapError(_ context.Context, err error) (int, meltingspot.ErrorResponse) {
	var notFound *NotFoundError
	if errors.As(err, &notFound) {
		return http.StatusNotFound, meltingspot.ErrorResponse{Message: notFound.Error()}
	}
	var invalid *meltingspot.ValidationError
	if errors.As(err, &invalid) {
		return http.StatusBadRequest, meltingspot.ErrorResponse{Message: "the request is invalid", Problems: invalid.Problems, MoreProblems: invalid.MoreProblems}
	}
	return http.StatusInternalServerError, meltingspot.ErrorResponse{Message: "internal server error"}
}
