package drift

// Behaviour of a client whose server does not follow the spec: every 2xx is
// a success, values that do not fit are misfits, objects keep their members,
// credentials go out when no requirement is stated, scalar unions are
// written as scalars, and proxy pages are not decoded as JSON.

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// driftReply is one answer of the test server.
type driftReply struct {
	status      int
	contentType string // "" leaves it out
	body        string
	header      map[string]string
}

// driftSeen is a request as the test server saw it.
type driftSeen struct {
	path, query string
	header      http.Header
}

// newDriftClient starts a loopback server that answers every request with
// reply and records it, and a client of it whose retries do not sleep.
func newDriftClient(t *testing.T, reply driftReply, opts ...ClientOption) (*Client, *[]driftSeen) {
	t.Helper()
	var seen []driftSeen
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		seen = append(seen, driftSeen{path: r.URL.EscapedPath(), query: r.URL.RawQuery, header: r.Header.Clone()})
		w.Header()["Content-Type"] = nil // no sniffing: the reply says what it is
		if reply.contentType != "" {
			w.Header().Set("Content-Type", reply.contentType)
		}
		for k, v := range reply.header {
			w.Header().Set(k, v)
		}
		w.WriteHeader(reply.status)
		_, _ = io.WriteString(w, reply.body)
	}))
	t.Cleanup(srv.Close)
	c, err := NewClient(srv.URL, append([]ClientOption{WithHTTPClient(srv.Client())}, opts...)...)
	require.NoError(t, err)
	c.engine.Sleep = func(context.Context, time.Duration) error { return nil }
	return c, &seen
}

func TestDriftEmptySuccessIsASuccess(t *testing.T) {
	for _, reply := range []driftReply{
		{status: 201},
		{status: 201, contentType: "application/json"},
		{status: 200, contentType: "application/json", body: " \n"},
		{status: 204},
		{status: 202},
	} {
		c, _ := newDriftClient(t, reply)
		var answer Answer
		item, err := c.CreateItem(RecordAnswer(context.Background(), &answer), Item{})
		require.NoError(t, err, "status %d", reply.status)
		require.NotNil(t, item, "an empty body gives the zero result")
		require.Equal(t, Item{}, *item)
		require.Equal(t, reply.status, answer.StatusCode)
		require.Empty(t, answer.Misfits)
	}
}

func TestDriftUndocumentedSuccess(t *testing.T) {
	c, _ := newDriftClient(t, driftReply{status: 202, contentType: "application/json", body: `{"queued": true}`})
	var answer Answer
	res, err := c.InviteItem(RecordAnswer(context.Background(), &answer), "i1")
	require.NoError(t, err, "202 is a success although only 200 and 201 are documented")
	require.Equal(t, InviteItemResult{}, *res, "no documented result is set")
	require.Equal(t, 202, answer.StatusCode)
	require.JSONEq(t, `{"queued": true}`, string(answer.Body))

	c, _ = newDriftClient(t, driftReply{status: 201})
	res, err = c.InviteItem(context.Background(), "i1")
	require.NoError(t, err)
	require.NotNil(t, res.Created, "a documented 201 without its body still says 201")
}

const driftMisfitPage = `{"items": [
  {"id": "a", "title": {}, "count": "12", "status": 5, "videoUrl": {}, "createdAt": "yesterday",
   "tags": ["x", 1, "z"], "extra": {"k": [1]}, "anything": {"deep": true},
   "meta": {"label": 5, "a": 1, "b": "two", "c": 3}},
  {"id": "b", "title": "fits", "count": 99999999999, "videoUrl": null},
  {"id": "c", "title": "also fits", "count": 3, "status": "Ended", "videoUrl": "https://v/c"}
], "total": 3}`

func TestDriftMisfitsDoNotLoseTheAnswer(t *testing.T) {
	c, _ := newDriftClient(t, driftReply{status: 200, contentType: "application/json", body: driftMisfitPage})
	var answer Answer
	page, err := c.ListItems(RecordAnswer(context.Background(), &answer))
	require.NoError(t, err)
	require.Equal(t, 3, page.Total)
	require.Len(t, page.Items, 3)

	a := page.Items[0]
	require.Equal(t, "a", *a.ID)
	require.Nil(t, a.Title)
	require.Nil(t, a.Count)
	require.Nil(t, a.Status)
	require.True(t, a.VideoURL.IsZero(), "a misfit nullable stays absent")
	require.Nil(t, a.CreatedAt)
	require.Equal(t, []string{"x", "", "z"}, a.Tags, "one item of a list misfits, not the list")
	require.Equal(t, map[string]any{"k": []any{1.0}}, a.Extra)
	require.Equal(t, map[string]any{"deep": true}, a.Anything)
	require.Nil(t, a.Meta.Label)
	require.Equal(t, map[string]int{"a": 1, "c": 3}, a.Meta.AdditionalProperties, "unlisted properties that fit are kept")

	b := page.Items[1]
	require.Equal(t, "fits", *b.Title)
	require.Nil(t, b.Count, "out of int32 range")
	require.True(t, b.VideoURL.IsNull())

	c2 := page.Items[2]
	require.Equal(t, int32(3), *c2.Count)
	require.Equal(t, StatusEnded, *c2.Status)
	url, _ := c2.VideoURL.Get()
	require.Equal(t, "https://v/c", url)

	type misfit struct{ name, pointer, raw string }
	var got []misfit
	for _, m := range answer.Misfits {
		require.NotEmpty(t, m.Problem)
		got = append(got, misfit{m.Name, m.Pointer, string(m.Raw)})
	}
	require.Equal(t, []misfit{
		{"count", "/items/0/count", `"12"`},
		{"createdAt", "/items/0/createdAt", `"yesterday"`},
		{"b", "/items/0/meta/b", `"two"`},
		{"label", "/items/0/meta/label", `5`},
		{"status", "/items/0/status", `5`},
		{"1", "/items/0/tags/1", `1`},
		{"title", "/items/0/title", `{}`},
		{"videoUrl", "/items/0/videoUrl", `{}`},
		{"count", "/items/1/count", `99999999999`},
	}, got)
}

func TestDriftStrictDecoding(t *testing.T) {
	c, _ := newDriftClient(t, driftReply{status: 200, contentType: "application/json", body: driftMisfitPage}, WithStrictDecoding())
	page, err := c.ListItems(context.Background())
	require.Nil(t, page)
	require.ErrorContains(t, err, "drift: listItems: decoding the answer (status 200)")

	c, _ = newDriftClient(t, driftReply{status: 200, contentType: "application/json", body: `{"items": [], "total": 0}`}, WithStrictDecoding())
	page, err = c.ListItems(context.Background())
	require.NoError(t, err, "an answer that fits passes strict decoding")
	require.Empty(t, page.Items)
}

func TestDriftFreeFormObjectsKeepTheirMembers(t *testing.T) {
	body := `{"id": "r1", "join_url": "https://zoom.us/j/1", "registrant_id": "x9", "occurrences": [{"id": 1}]}`
	c, _ := newDriftClient(t, driftReply{status: 201, contentType: "application/json", body: body})
	res, err := c.InviteItem(context.Background(), "i1")
	require.NoError(t, err)
	require.Equal(t, "https://zoom.us/j/1", (*res.Created)["join_url"])
	require.Equal(t, []any{map[string]any{"id": 1.0}}, (*res.Created)["occurrences"])
}

func TestDriftCredentialsGoOutWhenNoRequirementIsStated(t *testing.T) {
	creds := WithCredentials(Credentials{Bearer: "tok", Key: "k1"})
	c, seen := newDriftClient(t, driftReply{status: 200, contentType: "application/json", body: `{"items": [], "total": 0}`}, creds)
	_, err := c.ListItems(context.Background())
	require.NoError(t, err)
	require.Equal(t, "Bearer tok", (*seen)[0].header.Get("Authorization"))
	require.Equal(t, "k1", (*seen)[0].header.Get("X-Key"))

	c, seen = newDriftClient(t, driftReply{status: 200, contentType: "application/json", body: `{}`}, creds)
	_, err = c.Health(context.Background())
	require.NoError(t, err)
	require.Empty(t, (*seen)[0].header.Get("Authorization"), "security: [] sends nothing")
	require.Empty(t, (*seen)[0].header.Get("X-Key"))
}

func TestDriftScalarUnionParameters(t *testing.T) {
	c, seen := newDriftClient(t, driftReply{status: 200, contentType: "application/json", body: `{}`})
	id := "4444AAAiAAAAAiAiAiiAii=="
	var n int64 = 7
	_, err := c.GetMeeting(context.Background(), MeetingID{String: &id}, &GetMeetingParams{Occurrence: &MeetingID{Int64: &n}})
	require.NoError(t, err)
	require.Equal(t, "/meetings/4444AAAiAAAAAiAiAiiAii==", (*seen)[0].path)
	require.Equal(t, "occurrence=7", (*seen)[0].query)
}

// TestDriftScalarUnionRoundTrip sends scalar unions to the generated server,
// which reads them back as the variant they were.
func TestDriftScalarUnionRoundTrip(t *testing.T) {
	got := make(chan GetMeetingInput, 2)
	srv := httptest.NewServer(NewHandler(driftServer{meetings: got}))
	t.Cleanup(srv.Close)
	c, err := NewClient(srv.URL, WithHTTPClient(srv.Client()))
	require.NoError(t, err)
	id := "abc=="
	var n int64 = 42
	_, err = c.GetMeeting(context.Background(), MeetingID{String: &id}, &GetMeetingParams{Occurrence: &MeetingID{Int64: &n}})
	require.NoError(t, err)
	in := <-got
	require.Equal(t, "abc==", *in.MeetingID.String)
	require.Equal(t, int64(42), *in.Params.Occurrence.Int64)
}

type driftServer struct {
	Server
	meetings chan GetMeetingInput
}

func (s driftServer) GetMeeting(_ context.Context, in GetMeetingInput) (GetMeetingOutput, error) {
	s.meetings <- in
	return GetMeetingOK{Body: Receipt{}}, nil
}

func TestDriftHTMLAnswers(t *testing.T) {
	page := "<html><body><h1>502 Bad Gateway</h1></body></html>"
	c, _ := newDriftClient(t, driftReply{status: 502, contentType: "text/html", body: page})
	_, err := c.ListItems(context.Background())
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr)
	require.Equal(t, 502, apiErr.StatusCode)
	require.Nil(t, apiErr.Body)
	require.ErrorContains(t, err, "502 Bad Gateway (text/html): <html>")

	c, _ = newDriftClient(t, driftReply{status: 200, contentType: "text/html; charset=utf-8", body: page})
	var answer Answer
	list, err := c.ListItems(RecordAnswer(context.Background(), &answer))
	require.NoError(t, err, "a 2xx page is a success with one misfit")
	require.Equal(t, ItemList{}, *list)
	require.Len(t, answer.Misfits, 1)
	require.Equal(t, "", answer.Misfits[0].Pointer)
	require.Contains(t, answer.Misfits[0].Problem, "text/html")
	require.Equal(t, page, string(answer.Misfits[0].Raw))

	c, _ = newDriftClient(t, driftReply{status: 200, contentType: "text/html", body: page}, WithStrictDecoding())
	_, err = c.ListItems(context.Background())
	require.ErrorContains(t, err, "(status 200)")
	require.ErrorContains(t, err, "text/html")
	require.ErrorContains(t, err, "<html>")

	c, _ = newDriftClient(t, driftReply{status: 200, contentType: "text/plain; charset=utf-8", body: `{"items": [{"id": "a"}], "total": 1}`})
	list, err = c.ListItems(context.Background())
	require.NoError(t, err)
	require.Equal(t, "a", *list.Items[0].ID, "JSON sniffed as text/plain is still read")
}

func TestDriftMaxResponseBytes(t *testing.T) {
	body := `{"items": [], "total": 0, "padding": "` + strings.Repeat("x", 200) + `"}`
	c, _ := newDriftClient(t, driftReply{status: 200, contentType: "application/json", body: body}, WithMaxResponseBytes(100))
	_, err := c.ListItems(context.Background())
	require.ErrorContains(t, err, "larger than 100 bytes; raise WithMaxResponseBytes")

	c, _ = newDriftClient(t, driftReply{status: 200, contentType: "application/json", body: body}, WithMaxResponseBytes(int64(len(body))))
	_, err = c.ListItems(context.Background())
	require.NoError(t, err, "a body of exactly the cap is read")

	_, err = NewClient("https://api.example.com", WithMaxResponseBytes(0))
	require.ErrorContains(t, err, "WithMaxResponseBytes: the cap is not positive")
}

// TestDriftStalledErrorBodyIsClosed answers 500 with 70 KB and then stalls:
// the call returns with the first 64 KiB instead of waiting for the rest.
func TestDriftStalledErrorBodyIsClosed(t *testing.T) {
	release := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(500)
		_, _ = io.WriteString(w, strings.Repeat("e", 70<<10))
		w.(http.Flusher).Flush()
		select {
		case <-release:
		case <-r.Context().Done():
		}
	}))
	t.Cleanup(srv.Close)
	t.Cleanup(func() { close(release) })
	c, err := NewClient(srv.URL, WithHTTPClient(srv.Client()))
	require.NoError(t, err)
	_, err = c.ListItems(context.Background())
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr)
	require.Len(t, apiErr.RawBody, 64<<10)
}

// TestDriftRetryAfterZeroWaitsTheBackoff retries 429 "Retry-After: 0" and
// a date already passed after the backoff, not at once.
func TestDriftRetryAfterZeroWaitsTheBackoff(t *testing.T) {
	for _, retryAfter := range []string{"0", "Mon, 02 Jan 2006 15:04:05 GMT"} {
		c, seen := newDriftClient(t, driftReply{status: 429, header: map[string]string{"Retry-After": retryAfter}},
			WithRetryPolicy(RetryPolicy{MaxAttempts: 50, MaxElapsed: 3 * time.Second, BaseDelay: time.Second, MaxDelay: time.Second}))
		now := time.Date(2025, 5, 15, 12, 0, 0, 0, time.UTC)
		var waits []time.Duration
		c.engine.Now = func() time.Time { return now }
		c.engine.Sleep = func(_ context.Context, d time.Duration) error {
			waits = append(waits, d)
			now = now.Add(d)
			return nil
		}
		_, err := c.ListItems(context.Background())
		var apiErr *APIError
		require.True(t, errors.As(err, &apiErr))
		require.Equal(t, 429, apiErr.StatusCode)
		require.NotEmpty(t, waits)
		for _, d := range waits {
			require.GreaterOrEqual(t, d, 500*time.Millisecond, "Retry-After %q waits at least the backoff", retryAfter)
		}
		require.LessOrEqual(t, len(*seen), 7, "MaxElapsed bounds the attempts")
	}
}
