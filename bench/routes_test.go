package bench

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/seed-0d47db62/livegen/golden/routes"
)

// BenchmarkRoute times routing one request of golden/routes, whose handler
// has both kinds of routes: ServeMux's (the fast path, which every request
// reaches after the matcher's table is scanned) and the matcher's (text and
// parameters in one segment, a fixed query). The Server answers 501, the
// same small answer for each request.
func BenchmarkRoute(b *testing.B) {
	h := routes.NewHandler(routes.UnimplementedServer{})
	for _, bc := range []struct{ name, method, target string }{
		{"servemux", "GET", "/v1/abc"},
		{"matched", "GET", "/tasks/abc.json"},
		{"matched-query", "POST", "/users/u1/expire?tempPassword=true"},
		{"notfound", "GET", "/nothing/here"},
	} {
		b.Run("route="+bc.name, func(b *testing.B) {
			r := httptest.NewRequest(bc.method, bc.target, nil)
			b.ReportAllocs()
			for b.Loop() {
				w := httptest.NewRecorder()
				h.ServeHTTP(w, r)
				if w.Code != http.StatusNotImplemented && w.Code != http.StatusNotFound {
					b.Fatalf("%s %s: %d %s", bc.method, bc.target, w.Code, w.Body)
				}
			}
		})
	}
}
