package bench

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"runtime"
	"testing"

	"github.com/seed-0d47db62/livegen/bench/cputime"
	"github.com/seed-0d47db62/livegen/golden/sse"
)

// BenchmarkSSE streams chat completion chunks (golden/sse) through the
// generated code: 100,000 events an iteration (1,000 with -short), reported
// per event. client reads a body held in memory (unmarshal is its limit:
// encoding/json alone on each event's data), server writes into a writer
// that discards, and loopback runs both over a real connection.
func BenchmarkSSE(b *testing.B) {
	events := 100_000
	if testing.Short() {
		events = 1_000
	}
	chunks := streamChunks(events)
	b.Run("client", func(b *testing.B) {
		body := renderedStream(b, chunks)
		c, err := sse.NewClient("http://stream.test", sse.WithHTTPClient(memoryDoer(body)))
		if err != nil {
			b.Fatal(err)
		}
		measureEvents(b, events, func() int { return readStream(b, c) })
	})
	b.Run("unmarshal", func(b *testing.B) {
		// The limit of client: encoding/json alone decoding each event's data.
		data, err := json.Marshal(chunks[0])
		if err != nil {
			b.Fatal(err)
		}
		measureEvents(b, events, func() int {
			for range events {
				var chunk sse.ChatChunk
				if err := json.Unmarshal(data, &chunk); err != nil {
					b.Fatal(err)
				}
			}
			return events
		})
	})
	b.Run("server", func(b *testing.B) {
		h := sse.NewHandler(&streamServer{chunks: chunks})
		measureEvents(b, events, func() int {
			w := &discardWriter{header: http.Header{}}
			h.ServeHTTP(w, streamRequest())
			return events
		})
	})
	b.Run("loopback", func(b *testing.B) {
		srv := httptest.NewServer(sse.NewHandler(&streamServer{chunks: chunks}))
		defer srv.Close()
		c, err := sse.NewClient(srv.URL, sse.WithHTTPClient(srv.Client()))
		if err != nil {
			b.Fatal(err)
		}
		measureEvents(b, events, func() int { return readStream(b, c) })
	})
}

// measureEvents runs one stream an iteration and reports the time and the
// allocations (of the whole process) per event.
func measureEvents(b *testing.B, events int, stream func() int) {
	b.ReportAllocs()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	stop := cputime.Start(b)
	for b.Loop() {
		if n := stream(); n != events {
			b.Fatalf("%d events, want %d", n, events)
		}
	}
	stop()
	runtime.ReadMemStats(&after)
	total := float64(b.N * events)
	b.ReportMetric(float64(after.Mallocs-before.Mallocs)/total, "allocs/event")
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/total, "ns/event")
}

func streamChunks(n int) []sse.ChatChunk {
	chunks := make([]sse.ChatChunk, n)
	words := []string{"The", " quick", " brown", " fox"}
	for i := range chunks {
		index, created, content := 0, int64(1_700_000_000), words[i%len(words)]
		chunks[i] = sse.ChatChunk{ID: "chatcmpl-1", Created: &created, Choices: []sse.ChatChunkChoicesItem{{Index: &index, Delta: &sse.ChatChunkChoicesItemDelta{Content: &content}}}}
	}
	return chunks
}

func readStream(b *testing.B, c *sse.Client) int {
	stream := true
	n := 0
	for _, err := range c.CreateChatCompletionStream(context.Background(), sse.ChatRequest{Model: "m", Messages: []sse.Message{}, Stream: &stream}) {
		if err != nil {
			b.Fatal(err)
		}
		n++
	}
	return n
}

func streamRequest() *http.Request {
	req := httptest.NewRequest(http.MethodPost, "/chat/completions", bytes.NewReader([]byte(`{"model":"m","messages":[],"stream":true}`)))
	req.Header.Set("Content-Type", "application/json")
	return req
}

// renderedStream is the body that the generated server writes for chunks.
func renderedStream(b *testing.B, chunks []sse.ChatChunk) []byte {
	w := &discardWriter{header: http.Header{}, keep: true}
	sse.NewHandler(&streamServer{chunks: chunks}).ServeHTTP(w, streamRequest())
	if !bytes.HasPrefix(w.body.Bytes(), []byte("data: {")) {
		b.Fatalf("the server wrote %.100q", w.body.Bytes())
	}
	return append(w.body.Bytes(), "data: [DONE]\n\n"...)
}

// streamServer answers every chat completion with a stream of chunks.
type streamServer struct {
	sse.UnimplementedServer
	chunks []sse.ChatChunk
}

func (s *streamServer) CreateChatCompletion(context.Context, sse.CreateChatCompletionInput) (sse.CreateChatCompletionOutput, error) {
	return sse.CreateChatCompletionOK{Events: func(yield func(sse.ChatChunk) bool) {
		for _, c := range s.chunks {
			if !yield(c) {
				return
			}
		}
	}}, nil
}

// memoryDoer answers every request with body as an event stream.
type memoryDoer []byte

func (d memoryDoer) Do(*http.Request) (*http.Response, error) {
	return &http.Response{StatusCode: http.StatusOK, Header: http.Header{"Content-Type": {"text/event-stream"}}, Body: io.NopCloser(bytes.NewReader(d))}, nil
}

// discardWriter is a flushable ResponseWriter that drops the body, or keeps it.
type discardWriter struct {
	header http.Header
	keep   bool
	body   bytes.Buffer
}

func (w *discardWriter) Header() http.Header { return w.header }
func (w *discardWriter) WriteHeader(int)     {}
func (w *discardWriter) Flush()              {}
func (w *discardWriter) Write(p []byte) (int, error) {
	if w.keep {
		return w.body.Write(p)
	}
	return len(p), nil
}
