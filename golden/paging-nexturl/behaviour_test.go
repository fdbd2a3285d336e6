package pagingnexturl

// Behavioural tests of the next-URL iterators: Twilio's meta.next_page_url
// and HAL's _links.next.href, with servers that misbehave.

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// twilioLike serves messages m1..m<count> by pages of 2; next builds the
// next page's URL from the number of the next page ("" for none).
type twilioLike struct {
	mu       sync.Mutex
	count    int
	next     func(page int) string
	fail     map[int]int // page → number of 503 answers before a 200
	requests []*http.Request
}

func (s *twilioLike) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.requests = append(s.requests, r.Clone(context.Background()))
	page, _ := strconv.Atoi(r.URL.Query().Get("Page"))
	if s.fail[page] > 0 {
		s.fail[page]--
		w.WriteHeader(http.StatusServiceUnavailable)
		return
	}
	var items []string
	for i := page*2 + 1; i <= min(page*2+2, s.count); i++ {
		items = append(items, fmt.Sprintf(`{"sid": "m%d"}`, i))
	}
	next := "null"
	if (page+1)*2 < s.count {
		next = strconv.Quote(s.next(page + 1))
	}
	w.Header().Set("Content-Type", "application/json")
	fmt.Fprintf(w, `{"messages": [%s], "meta": {"next_page_url": %s, "page_size": 2}}`, join(items), next)
}

func join(items []string) string {
	out := ""
	for i, it := range items {
		if i > 0 {
			out += ","
		}
		out += it
	}
	return out
}

func serve(t *testing.T, h http.Handler) *httptest.Server {
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv
}

func sids(t *testing.T, c *Client) []string {
	var out []string
	for m, err := range c.ListMessagesAll(context.Background(), &ListMessagesParams{PageSize: ptr(2)}) {
		require.NoError(t, err)
		out = append(out, m.Sid)
	}
	return out
}

func TestNextURLIsFollowedWithRetries(t *testing.T) {
	api := &twilioLike{count: 5, fail: map[int]int{1: 1}, next: func(page int) string {
		return "/messages?PageSize=2&Page=" + strconv.Itoa(page) + "&PageToken=PA" + strconv.Itoa(page)
	}}
	c, err := NewClient(serve(t, api).URL, WithCredentials(Credentials{Key: "k"}), WithRetryPolicy(RetryPolicy{BaseDelay: time.Millisecond}))
	require.NoError(t, err)
	require.Equal(t, []string{"m1", "m2", "m3", "m4", "m5"}, sids(t, c))
	require.Len(t, api.requests, 4, "page 1 is retried once after its 503")
	require.Equal(t, "PageSize=2", api.requests[0].URL.RawQuery)
	require.Equal(t, "PageSize=2&Page=2&PageToken=PA2", api.requests[3].URL.RawQuery, "the next URL's query, as the server wrote it")
	for _, r := range api.requests {
		require.Equal(t, "k", r.Header.Get("X-Api-Key"))
	}
}

func TestNextURLOnAnotherHostGetsNoCredentials(t *testing.T) {
	other := &twilioLike{count: 3, next: func(int) string { return "" }}
	otherURL := serve(t, other).URL
	api := &twilioLike{count: 3, next: func(page int) string { return otherURL + "/messages?Page=" + strconv.Itoa(page) }}
	c, err := NewClient(serve(t, api).URL, WithCredentials(Credentials{Key: "k"}))
	require.NoError(t, err)
	require.Equal(t, []string{"m1", "m2", "m3"}, sids(t, c))
	require.Len(t, other.requests, 1)
	require.Empty(t, other.requests[0].Header.Get("X-Api-Key"))
	require.Equal(t, "k", api.requests[0].Header.Get("X-Api-Key"))
}

func TestNextURLThatRepeatsStops(t *testing.T) {
	api := &twilioLike{count: 100, next: func(int) string { return "/messages?Page=1" }}
	c, _ := NewClient(serve(t, api).URL)
	require.Equal(t, []string{"m1", "m2", "m3", "m4"}, sids(t, c))
	require.Len(t, api.requests, 2, "page 1 names itself as next")
}

func TestNextURLServerThatIgnoresThePageStops(t *testing.T) {
	api := &twilioLike{count: 100, next: func(page int) string { return "/messages?Page=0&try=" + strconv.Itoa(page) }}
	c, _ := NewClient(serve(t, api).URL)
	require.Equal(t, []string{"m1", "m2"}, sids(t, c))
	require.Len(t, api.requests, 2)
}

func TestHALNextHref(t *testing.T) {
	n := 0
	srv := serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n++
		switch r.URL.Query().Get("p") {
		case "":
			fmt.Fprint(w, `{"items": [{"sid": "o1"}], "_links": {"next": {"href": "orders?p=2"}}}`)
		default:
			fmt.Fprint(w, `{"items": [{"sid": "o2"}], "_links": {}}`)
		}
	}))
	c, _ := NewClient(srv.URL)
	var got []string
	for o, err := range c.ListOrdersAll(context.Background()) {
		require.NoError(t, err)
		got = append(got, o.Sid)
	}
	require.Equal(t, []string{"o1", "o2"}, got)
	require.Equal(t, 2, n)
}

func ptr[T any](v T) *T { return &v }
