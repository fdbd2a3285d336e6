package multipart

// Memory of a large multipart upload through the generated client and
// server in one process. Run by hand at 1 GiB (see BENCHMARKS.md):
//
//	go test ./golden/multipart -run '^$' -bench Stream -benchtime 1x -args -stream-bytes 1073741824

import (
	"context"
	"flag"
	"io"
	"net/http/httptest"
	"runtime/metrics"
	"sync/atomic"
	"testing"
	"time"
)

var streamBytes = flag.Int64("stream-bytes", 64<<20, "size of the file that BenchmarkStream uploads")

// zeros reads zero bytes without end; a file of unknown size.
type zeros struct{}

func (zeros) Read(p []byte) (int, error) {
	clear(p)
	return len(p), nil
}

// swallow is a Server that reads the file and answers its size.
type swallow struct{ UnimplementedServer }

func (swallow) UploadFile(ctx context.Context, in UploadFileInput) (UploadFileOutput, error) {
	n, err := io.Copy(io.Discard, in.Body.File.Body)
	size := int(n)
	return UploadFileOK{Body: Received{Size: &size}}, err
}

// peakHeap samples the bytes of live heap objects until stop is called, and
// returns the highest sample.
func peakHeap() (stop func() uint64) {
	var peak atomic.Uint64
	done, finished := make(chan struct{}), make(chan struct{})
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	go func() {
		defer close(finished)
		tick := time.NewTicker(time.Millisecond)
		defer tick.Stop()
		for {
			metrics.Read(sample)
			if v := sample[0].Value.Uint64(); v > peak.Load() {
				peak.Store(v)
			}
			select {
			case <-done:
				return
			case <-tick.C:
			}
		}
	}()
	return func() uint64 {
		close(done)
		<-finished
		return peak.Load()
	}
}

func BenchmarkStream(b *testing.B) {
	size := *streamBytes
	srv := httptest.NewServer(NewHandler(swallow{}, WithMaxBodyBytes(size+1<<20)))
	defer srv.Close()
	c, err := NewClient(srv.URL)
	if err != nil {
		b.Fatal(err)
	}
	const limit = 64 << 20
	b.Run("upload-multipart", func(b *testing.B) {
		stop := peakHeap()
		for b.Loop() {
			got, err := c.UploadFile(context.Background(), UploadFileRequestBody{
				File:    FormFile{Name: "big.bin", Body: io.LimitReader(zeros{}, size)},
				Purpose: UploadFileRequestBodyPurposeAssistants,
			})
			if err != nil {
				b.Fatal(err)
			}
			if int64(*got.Size) != size {
				b.Fatalf("the server read %d bytes of %d", *got.Size, size)
			}
		}
		peak := stop()
		b.SetBytes(size)
		b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MiB")
		if peak > limit {
			b.Errorf("peak heap %d MiB is over %d MiB", peak>>20, limit>>20)
		}
	})
}
