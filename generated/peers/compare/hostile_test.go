package compare

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"strconv"
	"testing"

	"github.com/seed-0d47db62/livegen/bench/cputime"
	"github.com/seed-0d47db62/livegen/bench/fixtures"
	livegen "github.com/seed-0d47db62/livegen/generated/meltingspot"
	deep "github.com/seed-0d47db62/livegen/golden/server"
)

// BenchmarkServerHostile sends bodies built to make validation work hard, at
// sizes from 10 KiB to 1 MiB, to livegen's handler. The cost must be linear
// in the body: the ns/B metric (time per byte of body) stays flat across
// sizes, and the answer stays small (answer-B/op).
func BenchmarkServerHostile(b *testing.B) {
	h := livegen.NewHandler(newLivegenService(b), livegen.WithMaxBodyBytes(2<<20))
	for _, body := range []struct {
		name, target string
		build        func(size int) []byte
	}{
		{"NullsThenWrongKinds", "/v1/lives", fixtures.NullsThenWrongKinds},
		{"WrongItemKinds", bulkInviteTarget, fixtures.WrongItemKinds},
		{"UnknownMembers", "/v1/lives", fixtures.UnknownMembers},
	} {
		for _, size := range []int{10 << 10, 100 << 10, 1 << 20} {
			data := body.build(size)
			b.Run("body="+body.name+"/size="+strconv.Itoa(size>>10)+"KiB", func(b *testing.B) {
				b.SetBytes(int64(len(data)))
				defer cputime.Start(b)()
				var answer int
				for b.Loop() {
					rec := httptest.NewRecorder()
					h.ServeHTTP(rec, request(b, http.MethodPost, body.target, data))
					if rec.Code != http.StatusBadRequest {
						b.Fatalf("status %d: %.200s", rec.Code, rec.Body)
					}
					answer = rec.Body.Len()
				}
				b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(data)), "ns/B")
				b.ReportMetric(float64(answer), "answer-B/op")
			})
		}
	}
}

// deepServer answers golden/server's operations with 501: the benchmark
// measures the checks that come before.
type deepServer struct{ deep.UnimplementedServer }

// BenchmarkServerHostileDeep sends a body nested up to 2,000 levels deep, with
// padding at the bottom, to a handler whose schema is recursive (golden/server's
// Outline): the time per byte stays flat from 10 KiB to 1 MiB.
func BenchmarkServerHostileDeep(b *testing.B) {
	h := deep.NewHandler(deepServer{}, deep.WithMaxBodyBytes(2<<20))
	for _, size := range []int{10 << 10, 100 << 10, 1 << 20} {
		data := fixtures.DeepOutline(size)
		b.Run("size="+strconv.Itoa(size>>10)+"KiB", func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			defer cputime.Start(b)()
			for b.Loop() {
				req := httptest.NewRequest(http.MethodPut, "/items/1", bytes.NewReader(data))
				req.Header.Set("Content-Type", "application/json")
				req.Header.Set("Authorization", "Basic dTpw")
				rec := httptest.NewRecorder()
				h.ServeHTTP(rec, req)
				if rec.Code != http.StatusNotImplemented {
					b.Fatalf("status %d: %.200s", rec.Code, rec.Body)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(data)), "ns/B")
		})
	}
}
