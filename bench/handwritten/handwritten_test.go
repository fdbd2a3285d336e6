package handwritten_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/seed-0d47db62/livegen/bench/fixtures"
	"github.com/seed-0d47db62/livegen/bench/handwritten"
)

// service answers with the fixtures and records what it was asked.
type service struct {
	query  handwritten.ListLivesQuery
	liveID string
	body   handwritten.BulkInviteRequest
}

func (s *service) ListLives(_ context.Context, q handwritten.ListLivesQuery) (*handwritten.LiveList, error) {
	s.query = q
	var page handwritten.LiveList
	return &page, json.Unmarshal(fixtures.LivePage(fixtures.Limit), &page)
}

func (s *service) BulkInviteLiveParticipants(_ context.Context, liveID string, body handwritten.BulkInviteRequest) ([]handwritten.Participant, error) {
	s.liveID, s.body = liveID, body
	var out []handwritten.Participant
	return out, json.Unmarshal(fixtures.Participants(100), &out)
}

func newPair(t *testing.T) (*handwritten.Client, *service) {
	svc := &service{}
	srv := httptest.NewServer(handwritten.NewHandler(svc))
	t.Cleanup(srv.Close)
	return &handwritten.Client{BaseURL: srv.URL, HTTP: srv.Client(), Token: fixtures.Token}, svc
}

// TestRoundTrip sends both calls through the hand-written client and
// server and checks that the filters, the body and the answers arrive
// whole, as the benchmarks assume.
func TestRoundTrip(t *testing.T) {
	client, svc := newPair(t)
	ctx := context.Background()
	page, limit, title, status, rate := fixtures.Page, fixtures.Limit, fixtures.TitleContains, fixtures.StatusEq, fixtures.AttendanceRateGt
	lives, err := client.ListLives(ctx, handwritten.ListLivesQuery{
		Page: &page, Limit: &limit, TitleContains: &title, StatusEq: &status,
		StartDate: handwritten.TimeCond{Gte: &fixtures.StartDateGte},
		Metrics:   map[string]handwritten.IntCond{"attendanceRate": {Gt: &rate}},
	})
	require.NoError(t, err)
	require.Len(t, lives.Items, fixtures.Limit)
	require.Equal(t, fixtures.PageTotal, lives.Total)
	got, err := json.Marshal(lives)
	require.NoError(t, err)
	require.JSONEq(t, string(fixtures.LivePage(fixtures.Limit)), string(got))
	require.Equal(t, 2, *svc.query.Page)
	require.Equal(t, "launch", *svc.query.TitleContains)
	require.Equal(t, "Ended", *svc.query.StatusEq)
	require.True(t, svc.query.StartDate.Gte.Equal(fixtures.StartDateGte))
	require.Equal(t, 50, *svc.query.Metrics["attendanceRate"].Gt)

	var body handwritten.BulkInviteRequest
	require.NoError(t, json.Unmarshal(fixtures.BulkInviteBody(100), &body))
	participants, err := client.BulkInviteLiveParticipants(ctx, fixtures.LiveID, body)
	require.NoError(t, err)
	require.Len(t, participants, 100)
	require.Equal(t, fixtures.LiveID, svc.liveID)
	require.Equal(t, body, svc.body)
	require.Len(t, svc.body.Members.Emails, 50)
}

// TestRejects checks that the handler does the checks the benchmarks count
// on: token, parameters, content type, required members, email format.
func TestRejects(t *testing.T) {
	h := handwritten.NewHandler(&service{})
	cases := []struct {
		name, method, target, contentType, body, token string
		status                                         int
		problem                                        string
	}{
		{"no token", "GET", "/v1/lives", "", "", "", 401, "bearer token"},
		{"bad page", "GET", "/v1/lives?page=0&status[eq]=Gone&startDate[gte]=yesterday", "", "", "t", 400, "must be at least 1"},
		{"bad status", "GET", "/v1/lives?status%5Beq%5D=Gone", "", "", "t", 400, "must be one of"},
		{"not json", "POST", "/v1/lives/x/participants~bulkInvite", "text/plain", "{}", "t", 415, ""},
		{"no members", "POST", "/v1/lives/x/participants~bulkInvite", "application/json", "{}", "t", 400, "members"},
		{"bad email", "POST", "/v1/lives/x/participants~bulkInvite", "application/json", `{"members": {"emails": ["nope"]}}`, "t", 400, "email address"},
		{"too large", "POST", "/v1/lives/x/participants~bulkInvite", "application/json", `{"members": {"emails": ["` + strings.Repeat("a", 1<<20) + `"]}}`, "t", 413, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			req := httptest.NewRequest(c.method, c.target, strings.NewReader(c.body))
			if c.contentType != "" {
				req.Header.Set("Content-Type", c.contentType)
			}
			if c.token != "" {
				req.Header.Set("Authorization", "Bearer "+c.token)
			}
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			require.Equal(t, c.status, rec.Code, rec.Body.String())
			require.Contains(t, rec.Body.String(), c.problem)
		})
	}
}

// TestPanicIs500 checks that a panicking service does not take the
// handler down.
func TestPanicIs500(t *testing.T) {
	h := handwritten.NewHandler(panicky{})
	req := httptest.NewRequest(http.MethodGet, "/v1/lives", nil)
	req.Header.Set("Authorization", "Bearer t")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	require.Equal(t, http.StatusInternalServerError, rec.Code)
}

type panicky struct{ handwritten.Service }

func (panicky) ListLives(context.Context, handwritten.ListLivesQuery) (*handwritten.LiveList, error) {
	panic("boom")
}

// TestRichTextNodeExtra checks that unknown node attributes are kept both
// ways, as the spec asks.
func TestRichTextNodeExtra(t *testing.T) {
	in := `{"type": "p", "bold": true, "children": [{"text": "x", "mark": {"color": "red"}}]}`
	var n handwritten.RichTextNode
	require.NoError(t, json.Unmarshal([]byte(in), &n))
	require.Equal(t, "p", *n.Type)
	require.Equal(t, true, n.Extra["bold"])
	require.Equal(t, map[string]any{"color": "red"}, n.Children[0].Extra["mark"])
	out, err := json.Marshal(n)
	require.NoError(t, err)
	require.JSONEq(t, in, string(out))
}
