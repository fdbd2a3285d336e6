package ndjson

// Behaviour of JSON value streams (NDJSON, JSON Lines, json-seq) through the
// generated client and server: typed values both ways, blank lines and CRLF,
// misfits as in other answers, error statuses and early break.

import (
	"context"
	"encoding/json"
	"io"
	"iter"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/stretchr/testify/require"
)

type lineServer struct {
	UnimplementedServer
	records []Record
	logs    []json.RawMessage
}

func values[E any](events []E) iter.Seq[E] {
	return func(yield func(E) bool) {
		for _, e := range events {
			if !yield(e) {
				return
			}
		}
	}
}

func (s *lineServer) GetExport(_ context.Context, in GetExportInput) (GetExportOutput, error) {
	if in.ExportID != "e1" {
		return GetExportNotFound{Body: Error{Message: "no export " + in.ExportID}}, nil
	}
	return GetExportOK{Events: values(s.records)}, nil
}

func (s *lineServer) GetFeed(context.Context, GetFeedInput) (GetFeedOutput, error) {
	return GetFeedOK{Events: values(s.records)}, nil
}

func (s *lineServer) GetLogs(context.Context, GetLogsInput) (GetLogsOutput, error) {
	return GetLogsOK{Events: values(s.logs)}, nil
}

func newLineClient(t *testing.T, h http.Handler, opts ...ClientOption) *Client {
	t.Helper()
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	c, err := NewClient(srv.URL, append([]ClientOption{WithHTTPClient(srv.Client())}, opts...)...)
	require.NoError(t, err)
	return c
}

func rawLines(contentType, body string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", contentType)
		_, _ = io.WriteString(w, body)
	})
}

func collect[E any](seq iter.Seq2[E, error]) ([]E, error) {
	var out []E
	for e, err := range seq {
		if err != nil {
			return out, err
		}
		out = append(out, e)
	}
	return out, nil
}

func ptr[T any](v T) *T { return &v }

var records = []Record{{ID: 1, Name: ptr("one"), Tags: []string{"a"}}, {ID: 2}, {ID: 3, Name: ptr("line\nbreak")}}

func TestNDJSONRoundTrip(t *testing.T) {
	c := newLineClient(t, NewHandler(&lineServer{records: records}))
	got, err := collect(c.GetExport(context.Background(), "e1"))
	require.NoError(t, err)
	require.Equal(t, records, got)
}

func TestJSONSeqRoundTrip(t *testing.T) {
	c := newLineClient(t, NewHandler(&lineServer{records: records}))
	got, err := collect(c.GetFeed(context.Background()))
	require.NoError(t, err)
	require.Equal(t, records, got)
}

func TestJSONLinesWithoutSchemaRoundTrip(t *testing.T) {
	logs := []json.RawMessage{json.RawMessage(`{"level":"info"}`), json.RawMessage(`[1,2]`), json.RawMessage(`"text"`)}
	c := newLineClient(t, NewHandler(&lineServer{logs: logs}))
	got, err := collect(c.GetLogs(context.Background()))
	require.NoError(t, err)
	require.Equal(t, logs, got)
}

func TestServerWritesOneValueALine(t *testing.T) {
	for _, tc := range []struct{ path, contentType, want string }{
		{"/exports/e1", "application/x-ndjson", "{\"id\":1,\"name\":\"one\",\"tags\":[\"a\"]}\n{\"id\":2}\n"},
		{"/feed", "application/json-seq", "\x1e{\"id\":1,\"name\":\"one\",\"tags\":[\"a\"]}\n\x1e{\"id\":2}\n"},
	} {
		rec := httptest.NewRecorder()
		NewHandler(&lineServer{records: records[:2]}).ServeHTTP(rec, httptest.NewRequest(http.MethodGet, tc.path, nil))
		require.Equal(t, http.StatusOK, rec.Code)
		require.Equal(t, tc.contentType, rec.Header().Get("Content-Type"))
		require.Equal(t, tc.want, rec.Body.String())
	}
}

func TestNDJSONBlankLinesAndCRLF(t *testing.T) {
	c := newLineClient(t, rawLines("application/x-ndjson", "\n{\"id\": 1}\r\n\r\n  \n{\"id\": 2}"))
	got, err := collect(c.GetExport(context.Background(), "e1"))
	require.NoError(t, err)
	require.Equal(t, []Record{{ID: 1}, {ID: 2}}, got, "a last line without a line feed is a value")
}

func TestNDJSONMalformedLineIsAMisfit(t *testing.T) {
	body := "{\"id\": 1}\nnot json\n{\"id\": 3, \"tags\": \"x\"}\n{\"id\": 4}\n"
	c := newLineClient(t, rawLines("application/x-ndjson", body))
	var answer Answer
	got, err := collect(c.GetExport(RecordAnswer(context.Background(), &answer), "e1"))
	require.NoError(t, err)
	require.Equal(t, []Record{{ID: 1}, {ID: 3}, {ID: 4}}, got)
	require.Len(t, answer.Misfits, 2)
	require.Equal(t, "/1", answer.Misfits[0].Pointer)
	require.Equal(t, "/2/tags", answer.Misfits[1].Pointer)

	strict := newLineClient(t, rawLines("application/x-ndjson", body), WithStrictDecoding())
	got, err = collect(strict.GetExport(context.Background(), "e1"))
	require.ErrorContains(t, err, "event 1")
	require.Equal(t, []Record{{ID: 1}}, got)
}

func TestNDJSONErrorStatus(t *testing.T) {
	c := newLineClient(t, NewHandler(&lineServer{}))
	got, err := collect(c.GetExport(context.Background(), "nope"))
	require.Empty(t, got)
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr)
	require.Equal(t, http.StatusNotFound, apiErr.StatusCode)
	require.Equal(t, &Error{Message: "no export nope"}, apiErr.Body)
}

func TestNDJSONEarlyBreak(t *testing.T) {
	gone := make(chan struct{})
	endless := func(yield func(Record) bool) {
		defer close(gone)
		for i := int64(0); i < 1_000_000 && yield(Record{ID: i}); i++ {
		}
	}
	c := newLineClient(t, NewHandler(&endlessFeed{events: endless}))
	for r, err := range c.GetFeed(context.Background()) {
		require.NoError(t, err)
		if r.ID == 2 {
			break
		}
	}
	<-gone // the server stops writing: the client closed the connection
}

type endlessFeed struct {
	UnimplementedServer
	events iter.Seq[Record]
}

func (e *endlessFeed) GetFeed(context.Context, GetFeedInput) (GetFeedOutput, error) {
	return GetFeedOK{Events: e.events}, nil
}
