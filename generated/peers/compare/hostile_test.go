package compare

import (
	"net/http"
	"net/http/httptest"
	"strconv"
	"testing"

	"github.com/seed-0d47db62/livegen/bench/cputime"
	"github.com/seed-0d47db62/livegen/bench/fixtures"
	livegen "github.com/seed-0d47db62/livegen/generated/meltingspot"
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
