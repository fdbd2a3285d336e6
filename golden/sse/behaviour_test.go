package sse

// Behaviour of Server-Sent Events through the generated client and server:
// typed events both ways, [DONE], comments and keep-alives, multi-line data,
// envelopes, misfits as in other answers, early break and cancellation.

import (
	"context"
	"io"
	"iter"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/require"
)

// sseServer implements Server with the events the test gives.
type sseServer struct {
	UnimplementedServer
	chunks []ChatChunk
	speech []SpeechEvent
	ticks  []string
}

func (s *sseServer) CreateChatCompletion(_ context.Context, in CreateChatCompletionInput) (CreateChatCompletionOutput, error) {
	if len(in.Body.Messages) == 0 {
		return CreateChatCompletionBadRequest{Body: Error{Message: "no messages"}}, nil
	}
	if in.Body.Stream == nil || !*in.Body.Stream {
		return CreateChatCompletionOK{Body: ChatCompletion{ID: "whole", Choices: []ChatCompletionChoicesItem{}}}, nil
	}
	return CreateChatCompletionOK{Events: slicesValues(s.chunks)}, nil
}

func (s *sseServer) Speak(context.Context, SpeakInput) (SpeakOutput, error) {
	return SpeakOK{Events: slicesValues(s.speech)}, nil
}

func (s *sseServer) ListTicks(context.Context, ListTicksInput) (ListTicksOutput, error) {
	return ListTicksOK{Events: slicesValues(s.ticks)}, nil
}

func slicesValues[E any](events []E) iter.Seq[E] {
	return func(yield func(E) bool) {
		for _, e := range events {
			if !yield(e) {
				return
			}
		}
	}
}

// newSSEClient serves impl with the generated handler and returns a client of it.
func newSSEClient(t *testing.T, impl Server, opts ...ClientOption) *Client {
	t.Helper()
	srv := httptest.NewServer(NewHandler(impl))
	t.Cleanup(srv.Close)
	c, err := NewClient(srv.URL, append([]ClientOption{WithHTTPClient(srv.Client())}, opts...)...)
	require.NoError(t, err)
	return c
}

// rawSSEClient returns a client of a server that answers body as an event stream.
func rawSSEClient(t *testing.T, body string, opts ...ClientOption) *Client {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/event-stream")
		_, _ = io.WriteString(w, body)
	}))
	t.Cleanup(srv.Close)
	c, err := NewClient(srv.URL, append([]ClientOption{WithHTTPClient(srv.Client())}, opts...)...)
	require.NoError(t, err)
	return c
}

func ptr[T any](v T) *T { return &v }

var chat = ChatRequest{Model: "m", Messages: []Message{{Role: MessageRoleUser, Content: "hi"}}, Stream: ptr(true)}

// collect ranges over a stream to its end.
func collect[E any](t *testing.T, seq iter.Seq2[E, error]) ([]E, error) {
	t.Helper()
	var events []E
	for e, err := range seq {
		if err != nil {
			return events, err
		}
		events = append(events, e)
	}
	return events, nil
}

func TestSSERoundTrip(t *testing.T) {
	chunks := []ChatChunk{
		{ID: "c1", Created: ptr(int64(1)), Choices: []ChatChunkChoicesItem{{Index: ptr(0), Delta: &ChatChunkChoicesItemDelta{Content: ptr("Hel")}}}},
		{ID: "c2", Choices: []ChatChunkChoicesItem{{Delta: &ChatChunkChoicesItemDelta{Content: ptr("lo\n<&>")}}}},
	}
	c := newSSEClient(t, &sseServer{chunks: chunks})
	got, err := collect(t, c.CreateChatCompletionStream(context.Background(), chat))
	require.NoError(t, err)
	require.Equal(t, chunks, got)

	// The plain method of the same operation reads the JSON answer.
	plain := chat
	plain.Stream = nil
	whole, err := c.CreateChatCompletion(context.Background(), plain)
	require.NoError(t, err)
	require.Equal(t, "whole", whole.ID)
}

func TestSSEEnvelopeRoundTrip(t *testing.T) {
	events := []SpeechEvent{
		{Event: ptr(SpeechEventEventAudioDelta), ID: ptr("1"), Data: SpeechData{Audio: []byte("RIFF"), Seconds: ptr(0.5)}},
		{Event: ptr(SpeechEventEventAudioDone), ID: ptr("2")},
	}
	c := newSSEClient(t, &sseServer{speech: events})
	got, err := collect(t, c.Speak(context.Background(), SpeakRequestBody{Input: "hello"}))
	require.NoError(t, err)
	require.Equal(t, events, got)
}

func TestSSEEnvelopeFromTheWire(t *testing.T) {
	c := rawSSEClient(t, "event: audio.delta\nid: 7\ndata: {\"seconds\": 1}\n\n: the id is kept\ndata: {}\n\n")
	got, err := collect(t, c.Speak(context.Background(), SpeakRequestBody{Input: "x"}))
	require.NoError(t, err)
	require.Equal(t, []SpeechEvent{
		{Event: ptr(SpeechEventEventAudioDelta), ID: ptr("7"), Data: SpeechData{Seconds: ptr(1.0)}},
		{ID: ptr("7")},
	}, got)
}

func TestSSETextMultiLineRoundTrip(t *testing.T) {
	ticks := []string{"one", "two\nlines", ""}
	c := newSSEClient(t, &sseServer{ticks: ticks})
	got, err := collect(t, c.ListTicks(context.Background(), nil))
	require.NoError(t, err)
	require.Equal(t, ticks, got)
}

func TestSSEDoneCommentsKeepAlivesMultiLine(t *testing.T) {
	body := ": keep-alive\n\n" +
		"retry: 1000\n\n" +
		"\n\n" +
		"event: chunk\r\ndata: {\"id\":\r\ndata:\"a\"}\r\n\r\n" +
		":ping\n" +
		"data: {\"id\": \"b\"}\n\n" +
		"data: [DONE]\n\n" +
		"data: {\"id\": \"after done\"}\n\n"
	c := rawSSEClient(t, body)
	got, err := collect(t, c.CreateChatCompletionStream(context.Background(), chat))
	require.NoError(t, err)
	require.Equal(t, []ChatChunk{{ID: "a"}, {ID: "b"}}, got)
}

func TestSSEUnfinishedLastEventIsDropped(t *testing.T) {
	c := rawSSEClient(t, "data: {\"id\": \"a\"}\n\ndata: {\"id\": \"cut\"}\n")
	got, err := collect(t, c.CreateChatCompletionStream(context.Background(), chat))
	require.NoError(t, err)
	require.Equal(t, []ChatChunk{{ID: "a"}}, got)
}

func TestSSEMalformedEventIsAMisfit(t *testing.T) {
	body := "data: {\"id\": \"a\"}\n\n" +
		"data: {not json\n\n" +
		"data: {\"id\": \"c\", \"created\": \"soon\"}\n\n" +
		"data: {\"id\": \"d\"}\n\n"
	c := rawSSEClient(t, body)
	var answer Answer
	got, err := collect(t, c.CreateChatCompletionStream(RecordAnswer(context.Background(), &answer), chat))
	require.NoError(t, err)
	require.Equal(t, []ChatChunk{{ID: "a"}, {ID: "c"}, {ID: "d"}}, got, "an event that does not fit at all is skipped; the others keep what fits")
	require.Equal(t, http.StatusOK, answer.StatusCode)
	require.Len(t, answer.Misfits, 2)
	require.Equal(t, "/1", answer.Misfits[0].Pointer)
	require.Equal(t, "/2/created", answer.Misfits[1].Pointer)
	require.Equal(t, `"soon"`, string(answer.Misfits[1].Raw))

	strict := rawSSEClient(t, body, WithStrictDecoding())
	got, err = collect(t, strict.CreateChatCompletionStream(context.Background(), chat))
	require.Error(t, err)
	require.Contains(t, err.Error(), "event 1")
	require.Equal(t, []ChatChunk{{ID: "a"}}, got)
}

func TestSSEErrorStatus(t *testing.T) {
	c := newSSEClient(t, &sseServer{})
	bad := chat
	bad.Messages = []Message{}
	got, err := collect(t, c.CreateChatCompletionStream(context.Background(), bad))
	require.Empty(t, got)
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr)
	require.Equal(t, http.StatusBadRequest, apiErr.StatusCode)
	require.Equal(t, &Error{Message: "no messages"}, apiErr.Body)
}

// closeRecorder counts the answer bodies that are closed.
type closeRecorder struct {
	doer   HTTPDoer
	closed *atomic.Int32
}

type recordedBody struct {
	io.ReadCloser
	closed *atomic.Int32
}

func (b recordedBody) Close() error { b.closed.Add(1); return b.ReadCloser.Close() }

func (d closeRecorder) Do(req *http.Request) (*http.Response, error) {
	resp, err := d.doer.Do(req)
	if err == nil {
		resp.Body = recordedBody{resp.Body, d.closed}
	}
	return resp, err
}

// endless yields ticks until the client goes away, and says when it did.
type endless struct {
	UnimplementedServer
	gone chan struct{}
}

func (e *endless) ListTicks(ctx context.Context, _ ListTicksInput) (ListTicksOutput, error) {
	return ListTicksOK{Events: func(yield func(string) bool) {
		defer close(e.gone)
		for i := 0; i < 1_000_000; i++ {
			if ctx.Err() != nil || !yield("tick") {
				return
			}
		}
	}}, nil
}

func TestSSEEarlyBreakClosesTheBody(t *testing.T) {
	impl := &endless{gone: make(chan struct{})}
	srv := httptest.NewServer(NewHandler(impl))
	t.Cleanup(srv.Close)
	var closed atomic.Int32
	c, err := NewClient(srv.URL, WithHTTPClient(closeRecorder{srv.Client(), &closed}))
	require.NoError(t, err)
	n := 0
	for tick, err := range c.ListTicks(context.Background(), nil) {
		require.NoError(t, err)
		require.Equal(t, "tick", tick)
		if n++; n == 3 {
			break
		}
	}
	require.Equal(t, int32(1), closed.Load(), "breaking out of the loop closes the body")
	<-impl.gone // the server's stream ends because the client went away
}

func TestSSEContextCancel(t *testing.T) {
	impl := &endless{gone: make(chan struct{})}
	c := newSSEClient(t, impl)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	n := 0
	var last error
	for _, err := range c.ListTicks(ctx, nil) {
		if err != nil {
			last = err
			continue
		}
		if n++; n == 2 {
			cancel()
		}
	}
	require.ErrorIs(t, last, context.Canceled)
	require.Equal(t, 2, n, "no event is yielded after the context ends")
	<-impl.gone
}

func TestSSELazyAndOncePerLoop(t *testing.T) {
	var calls atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		calls.Add(1)
		w.Header().Set("Content-Type", "text/event-stream")
		_, _ = io.WriteString(w, "data: x\n\n")
	}))
	t.Cleanup(srv.Close)
	c, err := NewClient(srv.URL)
	require.NoError(t, err)
	seq := c.ListTicks(context.Background(), nil)
	require.Zero(t, calls.Load(), "nothing is sent before the loop")
	for range 2 {
		got, err := collect(t, seq)
		require.NoError(t, err)
		require.Equal(t, []string{"x"}, got)
	}
	require.Equal(t, int32(2), calls.Load())
}

func TestSSEServerFlushesEachEvent(t *testing.T) {
	// Each event reaches the client before the next one is made.
	next := make(chan struct{})
	impl := &flushing{next: next}
	c := newSSEClient(t, impl)
	n := 0
	for tick, err := range c.ListTicks(context.Background(), nil) {
		require.NoError(t, err)
		require.Equal(t, "t", tick)
		n++
		next <- struct{}{}
	}
	require.Equal(t, 3, n)
}

type flushing struct {
	UnimplementedServer
	next chan struct{}
}

func (f *flushing) ListTicks(context.Context, ListTicksInput) (ListTicksOutput, error) {
	return ListTicksOK{Events: func(yield func(string) bool) {
		for range 3 {
			if !yield("t") {
				return
			}
			<-f.next
		}
	}}, nil
}

func TestSSEServerWritesTheWireFormat(t *testing.T) {
	rec := httptest.NewRecorder()
	req := httptest.NewRequest(http.MethodPost, "/speech", strings.NewReader(`{"input":"x"}`))
	req.Header.Set("Content-Type", "application/json")
	NewHandler(&sseServer{speech: []SpeechEvent{{Event: ptr(SpeechEventEventAudioDone), ID: ptr("9")}}}).ServeHTTP(rec, req)
	require.Equal(t, "text/event-stream", rec.Header().Get("Content-Type"))
	require.Equal(t, "no-cache", rec.Header().Get("Cache-Control"))
	require.Equal(t, "event: audio.done\nid: 9\ndata: {}\n\n", rec.Body.String())
	require.True(t, rec.Flushed)

}

func TestSSEAnswerThatIsNotAStream(t *testing.T) {
	// The request forgot to ask for a stream, and the server answered JSON.
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = io.WriteString(w, `{"id": "whole", "choices": []}`)
	}))
	t.Cleanup(srv.Close)
	c, err := NewClient(srv.URL)
	require.NoError(t, err)
	var answer Answer
	got, err := collect(t, c.CreateChatCompletionStream(RecordAnswer(context.Background(), &answer), chat))
	require.NoError(t, err)
	require.Empty(t, got)
	require.Len(t, answer.Misfits, 1)
	require.Equal(t, "the answer is application/json, not text/event-stream", answer.Misfits[0].Problem)
	require.Equal(t, `{"id": "whole", "choices": []}`, string(answer.Misfits[0].Raw))

	strict, err := NewClient(srv.URL, WithStrictDecoding())
	require.NoError(t, err)
	_, err = collect(t, strict.CreateChatCompletionStream(context.Background(), chat))
	require.ErrorContains(t, err, "not text/event-stream")
}
