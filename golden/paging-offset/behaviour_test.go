package pagingoffset

// Behavioural tests of the offset iterator against servers that page by
// offset and limit, and against servers that misbehave.

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strconv"
	"testing"

	"github.com/stretchr/testify/require"
)

// offsetServer serves events 1..count: limit (default 2, at most max) after
// offset; wrap puts them in {results, total}; ignore answers offset 0 always.
func offsetServer(t *testing.T, count, max int, wrap, ignore bool) (*httptest.Server, *[]string) {
	var queries []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		queries = append(queries, r.URL.RawQuery)
		offset, _ := strconv.Atoi(r.URL.Query().Get("offset"))
		limit, _ := strconv.Atoi(r.URL.Query().Get("limit"))
		if limit == 0 {
			limit = 2
		}
		if ignore {
			offset = 0
		}
		events := []Event{}
		for i := offset + 1; i <= min(offset+min(limit, max), count); i++ {
			events = append(events, Event{ID: i})
		}
		if wrap {
			_ = json.NewEncoder(w).Encode(ListAlerts200ResponseBody{Results: events, Total: ptr(count)})
			return
		}
		_ = json.NewEncoder(w).Encode(events)
	}))
	t.Cleanup(srv.Close)
	return srv, &queries
}

func eventIDs(t *testing.T, seq func(func(Event, error) bool)) []int {
	var out []int
	for e, err := range seq {
		require.NoError(t, err)
		out = append(out, e.ID)
	}
	return out
}

func TestOffsetStopsAtAShortPage(t *testing.T) {
	srv, queries := offsetServer(t, 5, 100, false, false)
	c, _ := NewClient(srv.URL)
	require.Equal(t, []int{1, 2, 3, 4, 5}, eventIDs(t, c.ListEventsAll(context.Background(), &ListEventsParams{Limit: ptr(2)})))
	require.Equal(t, []string{"limit=2&offset=0", "limit=2&offset=2", "limit=2&offset=4"}, *queries, "offset 4 brings 1 of 2: the last page")
}

func TestOffsetWithoutALimitStopsAtAnEmptyPage(t *testing.T) {
	srv, queries := offsetServer(t, 3, 100, false, false)
	c, _ := NewClient(srv.URL)
	require.Equal(t, []int{1, 2, 3}, eventIDs(t, c.ListEventsAll(context.Background(), nil)))
	require.Equal(t, []string{"offset=0", "offset=2", "offset=3"}, *queries, "the offset counts the items seen")
}

func TestOffsetServerThatCapsTheLimit(t *testing.T) {
	// The server sends 2 where 10 were asked: a short page, taken as the last.
	srv, queries := offsetServer(t, 5, 2, true, false)
	c, _ := NewClient(srv.URL)
	require.Equal(t, []int{1, 2}, eventIDs(t, c.ListAlertsAll(context.Background(), &ListAlertsParams{Limit: 10})))
	require.Len(t, *queries, 1)
}

func TestOffsetStopsAtTheTotal(t *testing.T) {
	srv, queries := offsetServer(t, 4, 100, true, false)
	c, _ := NewClient(srv.URL)
	require.Equal(t, []int{3, 4}, eventIDs(t, c.ListAlertsAll(context.Background(), &ListAlertsParams{Offset: ptr[int64](2), Limit: 2})))
	require.Len(t, *queries, 1, "the page that reaches total is the last; no empty page is asked for")
}

func TestOffsetServerThatIgnoresTheOffsetStops(t *testing.T) {
	srv, queries := offsetServer(t, 50, 100, false, true)
	c, _ := NewClient(srv.URL)
	require.Equal(t, []int{1, 2}, eventIDs(t, c.ListEventsAll(context.Background(), &ListEventsParams{Limit: ptr(2)})))
	require.Len(t, *queries, 2)
}

func TestOffsetContextEndsTheWalk(t *testing.T) {
	srv, queries := offsetServer(t, 50, 100, false, false)
	c, _ := NewClient(srv.URL)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var errs []error
	for e, err := range c.ListEventsAll(ctx, nil) {
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if e.ID == 3 {
			cancel()
		}
	}
	require.Len(t, errs, 1)
	require.ErrorIs(t, errs[0], context.Canceled)
	require.Len(t, *queries, 2)
}

func ptr[T any](v T) *T { return &v }
