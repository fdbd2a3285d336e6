package webex

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// clientInvitees answers every bulk insert with the invitees it was sent,
// except request failAt, which gets status 409; it records the request bodies.
type clientInvitees struct {
	mu     sync.Mutex
	bodies []CreateMeetingInviteesRequest
	failAt int
}

func (s *clientInvitees) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	var body CreateMeetingInviteesRequest
	data, _ := io.ReadAll(r.Body)
	if r.URL.Path != "/v1/meetingInvitees/bulkInsert" || r.Header.Get("Authorization") != "Bearer tok" || json.Unmarshal(data, &body) != nil {
		w.WriteHeader(http.StatusBadRequest)
		return
	}
	s.mu.Lock()
	s.bodies = append(s.bodies, body)
	n := len(s.bodies)
	s.mu.Unlock()
	if n == s.failAt {
		w.WriteHeader(http.StatusConflict)
		return
	}
	var out CreateMeetingInviteesResponse
	for _, in := range body.Items {
		out.Items = append(out.Items, MeetingInvitee{ID: &in.Email, Email: &in.Email, MeetingID: &body.MeetingID})
	}
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(out)
}

func clientInviteeInputs(n int) []MeetingInviteeInput {
	items := make([]MeetingInviteeInput, n)
	for i := range items {
		items[i] = MeetingInviteeInput{Email: fmt.Sprintf("p%03d@example.com", i)}
	}
	return items
}

func newClientForTest(t *testing.T, h http.Handler) *Client {
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	c, err := NewClient(srv.URL+"/v1", WithHTTPClient(srv.Client()), WithCredentials(Credentials{BearerAuth: "tok"}))
	require.NoError(t, err)
	c.engine.Sleep = func(context.Context, time.Duration) error { return nil }
	return c
}

// TestClientBulkFromMaxItems splits 250 invitees into chunks of 100, the
// spec's maxItems, and merges the items of the answers in order.
func TestClientBulkFromMaxItems(t *testing.T) {
	srv := &clientInvitees{}
	c := newClientForTest(t, srv)
	body := CreateMeetingInviteesRequest{MeetingID: "m1", Items: clientInviteeInputs(250)}
	got, err := c.CreateMeetingInviteesInChunks(context.Background(), body, 0)
	require.NoError(t, err)
	require.Len(t, got, 250)
	for i, inv := range got {
		require.Equal(t, body.Items[i].Email, *inv.Email)
		require.Equal(t, "m1", *inv.MeetingID)
	}
	require.Len(t, srv.bodies, 3)
	for i, size := range []int{100, 100, 50} {
		require.Len(t, srv.bodies[i].Items, size)
		require.Equal(t, "m1", srv.bodies[i].MeetingID, "every chunk carries the meeting")
	}

	_, err = c.CreateMeetingInviteesInChunks(context.Background(), body, 101)
	require.ErrorContains(t, err, "chunk size 101 is above the spec's maxItems 100")
	require.Len(t, srv.bodies, 3, "nothing is sent with a chunk size the API refuses")
}

// TestClientBulkMiddleChunkFails keeps the items of the other chunks.
func TestClientBulkMiddleChunkFails(t *testing.T) {
	srv := &clientInvitees{failAt: 2}
	c := newClientForTest(t, srv)
	got, err := c.CreateMeetingInviteesInChunks(context.Background(), CreateMeetingInviteesRequest{MeetingID: "m1", Items: clientInviteeInputs(5)}, 2)
	require.Len(t, got, 3)
	require.Equal(t, "p000@example.com", *got[0].Email)
	require.Equal(t, "p004@example.com", *got[2].Email)
	var bulkErr *BulkError
	require.ErrorAs(t, err, &bulkErr)
	require.Equal(t, []int{1}, bulkErr.Failed())
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr)
	require.Equal(t, http.StatusConflict, apiErr.StatusCode)
	require.True(t, strings.HasPrefix(apiErr.Description, "The request could not be processed because it conflicts"))
}

// TestClientSuccessesApart tells the four documented successes apart.
func TestClientSuccessesApart(t *testing.T) {
	for _, status := range []int{200, 201, 202, 204} {
		t.Run(fmt.Sprint(status), func(t *testing.T) {
			c := newClientForTest(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				w.WriteHeader(status)
				if status == 200 {
					_, _ = io.WriteString(w, `{"items": [{"id": "870f51ff287b41be84648412901e0402_2628962", "email": "john.andersen@example.com"}]}`)
				}
			}))
			res, err := c.CreateMeetingInvitees(context.Background(), CreateMeetingInviteesRequest{MeetingID: "m1"})
			require.NoError(t, err)
			require.Equal(t, status == 200, res.OK != nil)
			require.Equal(t, status == 201, res.Created)
			require.Equal(t, status == 202, res.Accepted)
			require.Equal(t, status == 204, res.NoContent)
			if status == 200 {
				require.Equal(t, "john.andersen@example.com", *res.OK.Items[0].Email)
			}
		})
	}
}

// TestClientRateLimit waits for the Retry-After that Webex sends with 429,
// and reports the spec's description when it gives up.
func TestClientRateLimit(t *testing.T) {
	calls := 0
	c := newClientForTest(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		calls++
		w.Header().Set("Retry-After", "3")
		w.WriteHeader(http.StatusTooManyRequests)
	}))
	var waits []time.Duration
	c.engine.Sleep = func(_ context.Context, d time.Duration) error {
		waits = append(waits, d)
		return nil
	}
	_, err := c.CreateMeetingInvitees(context.Background(), CreateMeetingInviteesRequest{MeetingID: "m1"})
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr)
	require.Equal(t, 429, apiErr.StatusCode)
	require.Contains(t, apiErr.Description, "rate limited")
	require.Equal(t, []time.Duration{3 * time.Second, 3 * time.Second}, waits)
	require.Equal(t, 3, calls)
}
