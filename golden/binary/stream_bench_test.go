package binary

// Memory of streamed bodies: a large upload and download through the
// generated client and server in one process. Run by hand at 1 GiB (see
// BENCHMARKS.md):
//
//	go test ./golden/binary -run '^$' -bench Stream -benchtime 1x -args -stream-bytes 1073741824

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

var streamBytes = flag.Int64("stream-bytes", 64<<20, "size of the bodies that BenchmarkStream sends and receives")

// zeros reads zero bytes without end; a body of unknown size, sent chunked.
type zeros struct{}

func (zeros) Read(p []byte) (int, error) {
	clear(p)
	return len(p), nil
}

// streamServer swallows uploads and answers downloads of *streamBytes bytes.
type streamServer struct{ UnimplementedServer }

func (streamServer) UploadFile(ctx context.Context, in UploadFileInput) (UploadFileOutput, error) {
	n, err := io.Copy(io.Discard, in.Body)
	return UploadFileCreated{Body: Stored{Name: in.Name, Size: n}}, err
}

func (streamServer) DownloadFile(ctx context.Context, in DownloadFileInput) (DownloadFileOutput, error) {
	return DownloadFileOK{Body: io.LimitReader(zeros{}, *streamBytes)}, nil
}

// peakHeap samples the bytes of live heap objects until stop is called, and
// returns the highest sample.
func peakHeap() (stop func() uint64) {
	var peak atomic.Uint64
	done := make(chan struct{})
	finished := make(chan struct{})
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
	srv := httptest.NewServer(NewHandler(streamServer{}))
	defer srv.Close()
	c, err := NewClient(srv.URL)
	if err != nil {
		b.Fatal(err)
	}
	size := *streamBytes
	const limit = 64 << 20
	report := func(b *testing.B, peak uint64) {
		b.SetBytes(size)
		b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MiB")
		if peak > limit {
			b.Errorf("peak heap %d MiB is over %d MiB", peak>>20, limit>>20)
		}
	}
	b.Run("upload-octet-stream", func(b *testing.B) {
		stop := peakHeap()
		for b.Loop() {
			got, err := c.UploadFile(context.Background(), "big.bin", io.LimitReader(zeros{}, size))
			if err != nil {
				b.Fatal(err)
			}
			if got.Size != size {
				b.Fatalf("the server read %d bytes of %d", got.Size, size)
			}
		}
		report(b, stop())
	})
	b.Run("download-octet-stream", func(b *testing.B) {
		stop := peakHeap()
		for b.Loop() {
			res, err := c.DownloadFile(context.Background(), "big.bin")
			if err != nil {
				b.Fatal(err)
			}
			n, err := io.Copy(io.Discard, res.OK)
			_ = res.OK.Close()
			if err != nil || n != size {
				b.Fatalf("read %d bytes of %d: %v", n, size, err)
			}
		}
		report(b, stop())
	})
}
