package meltingspot

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/seed-0d47db62/livegen/bench/fixtures"
)

// srvHostileLimit is the body limit of the hostile tests: large enough for
// bodies that the default limit of 1 MiB lets through.
const srvHostileLimit = 1 << 20

// TestServerProblemsAreCapped sends bodies with many distinct problems: the
// answer lists the first 100 and counts the others, so that it stays small
// whatever the body's size.
func TestServerProblemsAreCapped(t *testing.T) {
	h := NewHandler(newSrvFake(), WithMaxBodyBytes(srvHostileLimit))
	for _, c := range []struct {
		name, target string
		body         []byte
		more         bool
	}{
		{"wrong item kinds", "/v1/lives/live-1/participants~bulkInvite", fixtures.WrongItemKinds(256 << 10), true},
		{"null then wrong", "/v1/lives", fixtures.NullsThenWrongKinds(256 << 10), false},
	} {
		t.Run(c.name, func(t *testing.T) {
			w := srvServe(h, srvRequest("POST", c.target, string(c.body)))
			require.Equal(t, http.StatusBadRequest, w.Code)
			require.Less(t, w.Body.Len(), 16<<10, "the answer is bounded, not a copy of the body's size")
			e := srvErrorBody(t, w)
			require.LessOrEqual(t, len(e.Problems), 100)
			require.Equal(t, c.more, e.MoreProblems > 0, "the problems beyond the list are counted: %d", e.MoreProblems)
		})
	}
}

// TestServerRepeatedProblemOnce repeats a member many times: its problem is
// reported once.
func TestServerRepeatedProblemOnce(t *testing.T) {
	body := "{" + strings.Repeat(`"title":null,`, 5000) + `"startDate":"x"}`
	w := srvServe(NewHandler(newSrvFake()), srvRequest("POST", "/v1/lives", body))
	require.Equal(t, http.StatusBadRequest, w.Code)
	e := srvErrorBody(t, w)
	count := 0
	for _, p := range e.Problems {
		if p.Name == "/title" {
			count++
		}
	}
	require.Equal(t, 1, count, "%+v", e.Problems)
	require.Zero(t, e.MoreProblems)
}

// TestServerStopsWhenRequestEnds sends a large valid body on a request whose
// context is done: the checks stop, the Server is not called and the
// answer says why.
func TestServerStopsWhenRequestEnds(t *testing.T) {
	var b strings.Builder
	b.WriteString(`{"members":{"emails":[`)
	for i := range 20000 {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(`"a@example.com"`)
	}
	b.WriteString(`]}}`)
	f := newSrvFake()
	h := NewHandler(f, WithMaxBodyBytes(srvHostileLimit))
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	r := srvRequest("POST", "/v1/lives/live-1/participants~bulkInvite", b.String()).WithContext(ctx)
	w := srvServe(h, r)
	require.Equal(t, http.StatusServiceUnavailable, w.Code, w.Body.String())
	require.Nil(t, f.input("BulkInviteLiveParticipants"), "the Server never sees an unchecked request")
	srvErrorBody(t, w)
}
