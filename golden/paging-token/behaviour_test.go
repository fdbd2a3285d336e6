package pagingtoken

// Behavioural tests of the next-token iterators: Slack's
// response_metadata.next_cursor, Google's nextPageToken, and a token set by
// x-livegen-pagination, with servers that misbehave.

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/stretchr/testify/require"
)

// tokenServer answers the request whose token parameter is key with the
// body at that key; it records the tokens it was sent.
func tokenServer(t *testing.T, param string, bodies map[string]string) (*httptest.Server, *[]string) {
	var sent []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		token := r.URL.Query().Get(param)
		sent = append(sent, token)
		body, ok := bodies[token]
		if !ok {
			w.WriteHeader(http.StatusBadRequest)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprint(w, body)
	}))
	t.Cleanup(srv.Close)
	return srv, &sent
}

func collect(t *testing.T, seq func(func(Channel, error) bool)) []string {
	var out []string
	for ch, err := range seq {
		require.NoError(t, err)
		out = append(out, ch.ID)
	}
	return out
}

func TestSlackCursorIsSentBack(t *testing.T) {
	srv, sent := tokenServer(t, "cursor", map[string]string{
		"":         `{"ok": true, "channels": [{"id": "C1"}, {"id": "C2"}], "response_metadata": {"next_cursor": "dGVhbTpD"}}`,
		"dGVhbTpD": `{"ok": true, "channels": [{"id": "C3"}], "response_metadata": {"next_cursor": ""}}`,
	})
	c, _ := NewClient(srv.URL)
	require.Equal(t, []string{"C1", "C2", "C3"}, collect(t, c.ListConversationsAll(context.Background(), &ListConversationsParams{Limit: ptr(2)})))
	require.Equal(t, []string{"", "dGVhbTpD"}, *sent, "an empty next_cursor ends the walk")
}

func TestGoogleEmptyPageWithATokenGoesOn(t *testing.T) {
	srv, sent := tokenServer(t, "pageToken", map[string]string{
		"":   `{"topics": [{"id": "t1"}], "nextPageToken": "p2"}`,
		"p2": `{"nextPageToken": "p3"}`,
		"p3": `{"topics": [{"id": "t2"}]}`,
	})
	c, _ := NewClient(srv.URL)
	require.Equal(t, []string{"t1", "t2"}, collect(t, c.ListTopicsAll(context.Background(), nil)))
	require.Equal(t, []string{"", "p2", "p3"}, *sent, "an empty page with a token is not the last")
}

func TestRepeatedTokenStops(t *testing.T) {
	srv, sent := tokenServer(t, "pageToken", map[string]string{
		"":   `{"topics": [{"id": "t1"}], "nextPageToken": "p2"}`,
		"p2": `{"topics": [{"id": "t2"}], "nextPageToken": "p2"}`,
	})
	c, _ := NewClient(srv.URL)
	require.Equal(t, []string{"t1", "t2"}, collect(t, c.ListTopicsAll(context.Background(), nil)))
	require.Len(t, *sent, 2)
}

func TestServerThatIgnoresTheTokenStops(t *testing.T) {
	n := 0
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n++
		fmt.Fprintf(w, `{"topics": [{"id": "t1"}], "nextPageToken": "p%d"}`, n)
	}))
	defer srv.Close()
	c, _ := NewClient(srv.URL)
	require.Equal(t, []string{"t1"}, collect(t, c.ListTopicsAll(context.Background(), nil)))
	require.Equal(t, 2, n)
}

func TestEmptyPagesWithFreshTokensStop(t *testing.T) {
	n := 0
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n++
		fmt.Fprintf(w, `{"topics": [], "nextPageToken": "p%d"}`, n)
	}))
	defer srv.Close()
	c, _ := NewClient(srv.URL)
	require.Empty(t, collect(t, c.ListTopicsAll(context.Background(), nil)))
	require.Equal(t, 2, n, "a second empty page repeats the first")
}

func TestConfiguredTokenAndHasMore(t *testing.T) {
	srv, sent := tokenServer(t, "after", map[string]string{
		"x": `{"entries": [{"id": "e2"}], "paging": {"after": "y", "more": true}}`,
		"y": `{"entries": [{"id": "e3"}], "paging": {"after": "z", "more": false}}`,
	})
	c, _ := NewClient(srv.URL)
	require.Equal(t, []string{"e2", "e3"}, collect(t, c.ListFeedAll(context.Background(), &ListFeedParams{After: ptr("x")})))
	require.Equal(t, []string{"x", "y"}, *sent, "more: false ends the walk although after names z")
}

func ptr[T any](v T) *T { return &v }
