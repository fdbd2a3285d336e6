package pagingcursor

// Behavioural tests of the Stripe-style cursor iterator against a server
// that pages as Stripe does, and against servers that misbehave.

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strconv"
	"testing"

	"github.com/stretchr/testify/require"
)

// stripeLike serves customers cus_1..cus_<count>: limit per page (default
// 3) after the one named by starting_after; ignore makes it answer the
// first page whatever the cursor.
func stripeLike(t *testing.T, count int, ignore bool) (*httptest.Server, *[]string) {
	var queries []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		queries = append(queries, r.URL.RawQuery)
		q := r.URL.Query()
		limit, _ := strconv.Atoi(q.Get("limit"))
		if limit == 0 {
			limit = 3
		}
		start := 1
		if after := q.Get("starting_after"); after != "" && !ignore {
			n, _ := strconv.Atoi(after[len("cus_"):])
			start = n + 1
		}
		page := CustomerList{Object: CustomerListObjectList, Data: []Customer{}, URL: "/v1/customers"}
		for i := start; i < start+limit && i <= count; i++ {
			page.Data = append(page.Data, Customer{ID: fmt.Sprintf("cus_%d", i)})
		}
		page.HasMore = ignore || start+limit <= count
		_ = json.NewEncoder(w).Encode(page)
	}))
	t.Cleanup(srv.Close)
	return srv, &queries
}

func ids(t *testing.T, c *Client, params *ListCustomersParams) []string {
	var out []string
	for cus, err := range c.ListCustomersAll(context.Background(), params) {
		require.NoError(t, err)
		out = append(out, cus.ID)
	}
	return out
}

func TestCursorPagesAreWalked(t *testing.T) {
	srv, queries := stripeLike(t, 7, false)
	c, err := NewClient(srv.URL)
	require.NoError(t, err)
	params := &ListCustomersParams{Email: ptr("a@b.c")}
	require.Equal(t, []string{"cus_1", "cus_2", "cus_3", "cus_4", "cus_5", "cus_6", "cus_7"}, ids(t, c, params))
	require.Equal(t, []string{"email=a%40b.c", "email=a%40b.c&starting_after=cus_3", "email=a%40b.c&starting_after=cus_6"}, *queries)
	require.Nil(t, params.StartingAfter, "the caller's params are left alone")
}

func TestCursorStartsAfterTheCallersCursor(t *testing.T) {
	srv, queries := stripeLike(t, 7, false)
	c, err := NewClient(srv.URL)
	require.NoError(t, err)
	require.Equal(t, []string{"cus_6", "cus_7"}, ids(t, c, &ListCustomersParams{StartingAfter: ptr("cus_5"), Limit: ptr(5)}))
	require.Len(t, *queries, 1, "has_more is false")
}

func TestCursorServerThatIgnoresTheCursorStops(t *testing.T) {
	srv, queries := stripeLike(t, 7, true)
	c, err := NewClient(srv.URL)
	require.NoError(t, err)
	require.Equal(t, []string{"cus_1", "cus_2", "cus_3"}, ids(t, c, nil))
	require.Len(t, *queries, 2, "the second page repeats the first, and the cursor repeats")
}

func TestCursorEmptyPageStops(t *testing.T) {
	n := 0
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n++
		_, _ = w.Write([]byte(`{"object": "list", "data": [], "has_more": true, "url": ""}`))
	}))
	defer srv.Close()
	c, err := NewClient(srv.URL)
	require.NoError(t, err)
	require.Empty(t, ids(t, c, nil))
	require.Equal(t, 1, n)
}

func TestCursorErrorIsYielded(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Query().Get("starting_after") != "" {
			w.WriteHeader(http.StatusBadRequest)
			return
		}
		_, _ = w.Write([]byte(`{"object": "list", "data": [{"id": "cus_1"}], "has_more": true, "url": ""}`))
	}))
	defer srv.Close()
	c, err := NewClient(srv.URL)
	require.NoError(t, err)
	var got []string
	var last error
	for cus, err := range c.ListCustomersAll(context.Background(), nil) {
		got = append(got, cus.ID)
		last = err
	}
	require.Equal(t, []string{"cus_1", ""}, got)
	var apiErr *APIError
	require.ErrorAs(t, last, &apiErr)
	require.Equal(t, 400, apiErr.StatusCode)
}

func ptr[T any](v T) *T { return &v }
