package compare

import (
	"context"
	"io"
	"net/http"
	"net/url"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/seed-0d47db62/livegen/bench/cputime"
	"github.com/seed-0d47db62/livegen/bench/fixtures"
)

// BenchmarkClient measures one call of each client against an answer from
// memory: building the request (path, query with the four filters, JSON
// body), the *http.Client round trip and decoding the answer (a 50-Live
// page, or 100 participants).
func BenchmarkClient(b *testing.B) {
	impls := clientImpls(b, memoryClient())
	for _, impl := range impls {
		benchCall(b, "op=ListLives/impl="+impl.name, impl.calls.listLives, pageSize)
	}
	for _, impl := range impls {
		benchCall(b, "op=BulkInvite/impl="+impl.name, impl.calls.bulkInvite, members)
	}
}

// benchCall runs one client call as a sub-benchmark; each call must decode
// want items.
func benchCall(b *testing.B, name string, call func(context.Context) (int, error), want int) {
	ctx := context.Background()
	b.Run(name, func(b *testing.B) {
		b.ReportAllocs()
		defer cputime.Start(b)()
		for b.Loop() {
			n, err := call(ctx)
			if err != nil || n != want {
				b.Fatalf("got %d items, error %v; want %d", n, err, want)
			}
		}
	})
}

// recorder remembers the last request that memoryTransport answered.
type recorder struct {
	query  url.Values
	path   string
	header http.Header
	body   string
}

func (r *recorder) RoundTrip(req *http.Request) (*http.Response, error) {
	r.path, r.query, r.header = req.URL.EscapedPath(), req.URL.Query(), req.Header.Clone()
	r.body = ""
	if req.Body != nil {
		data, err := io.ReadAll(req.Body)
		if err != nil {
			return nil, err
		}
		r.body = string(data)
	}
	return memoryTransport{}.RoundTrip(req)
}

// TestClientsAgree checks that the three clients send the same requests and
// decode the whole answers, so that the benchmarks compare the same work.
func TestClientsAgree(t *testing.T) {
	ctx := context.Background()
	wantQuery := url.Values{
		"page": {"2"}, "limit": {"50"}, "title[contains]": {fixtures.TitleContains}, "status[eq]": {"Ended"},
		"startDate[gte]": {"1715734941"}, "attendanceRate[gt]": {"50"},
	}
	rec := &recorder{}
	for _, impl := range clientImpls(t, &http.Client{Transport: rec}) {
		t.Run(impl.name, func(t *testing.T) {
			n, err := impl.calls.listLives(ctx)
			require.NoError(t, err)
			require.Equal(t, pageSize, n)
			require.Equal(t, "/v1/lives", rec.path)
			require.Equal(t, wantQuery, rec.query)
			require.Equal(t, "Bearer "+fixtures.Token, rec.header.Get("Authorization"))

			n, err = impl.calls.bulkInvite(ctx)
			require.NoError(t, err)
			require.Equal(t, members, n)
			require.Equal(t, "/v1/lives/"+fixtures.LiveID+"/participants~bulkInvite", rec.path)
			require.JSONEq(t, string(bulkBody), rec.body)
			require.Equal(t, "Bearer "+fixtures.Token, rec.header.Get("Authorization"))
		})
	}
}
