package compare

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"regexp"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/seed-0d47db62/livegen/bench/cputime"
	"github.com/seed-0d47db62/livegen/bench/fixtures"
	livegen "github.com/seed-0d47db62/livegen/generated/meltingspot"
)

// misfitPage is the page of Lives with the seed's placeholder, "videoUrl": {},
// in every Live: fifty values that do not fit their string type.
var misfitPage = regexp.MustCompile(`"videoUrl":"[^"]*"`).ReplaceAll(livePage, []byte(`"videoUrl":{}`))

// pageTransport answers every request with one page of JSON from memory.
type pageTransport []byte

func (p pageTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	return &http.Response{
		StatusCode: http.StatusOK, Proto: "HTTP/1.1", ProtoMajor: 1, ProtoMinor: 1,
		Header:        http.Header{"Content-Type": {"application/json"}},
		Body:          io.NopCloser(bytes.NewReader(p)),
		ContentLength: int64(len(p)),
		Request:       req,
	}, nil
}

// BenchmarkClientDrift measures the livegen client's ListLives on a page
// that fits the spec (the strict decode alone, the path of every answer that
// fits) and on the same page with a misfit in each Live (the strict decode
// fails, then the tolerant walk keeps the rest). BenchmarkClient compares the
// fitting page with the other implementations.
func BenchmarkClientDrift(b *testing.B) {
	for _, answer := range []struct {
		name string
		page []byte
	}{{"fits", livePage}, {"misfits", misfitPage}} {
		c, err := livegen.NewClient(baseURL, livegen.WithHTTPClient(&http.Client{Transport: pageTransport(answer.page)}))
		require.NoError(b, err)
		b.Run("op=ListLives/answer="+answer.name, func(b *testing.B) {
			ctx := context.Background()
			b.ReportAllocs()
			defer cputime.Start(b)()
			for b.Loop() {
				page, err := c.ListLives(ctx, nil)
				if err != nil || len(page.Items) != pageSize {
					b.Fatalf("error %v", err)
				}
			}
		})
	}
}

// TestClientDriftPage checks that the misfit page differs from the page that
// fits only by its fifty misfits, which the client reports.
func TestClientDriftPage(t *testing.T) {
	require.Equal(t, pageSize, bytes.Count(misfitPage, []byte(`"videoUrl":{}`)))
	c, err := livegen.NewClient(baseURL, livegen.WithHTTPClient(&http.Client{Transport: pageTransport(misfitPage)}))
	require.NoError(t, err)
	var answer livegen.Answer
	page, err := c.ListLives(livegen.RecordAnswer(context.Background(), &answer), nil)
	require.NoError(t, err)
	require.Len(t, page.Items, pageSize)
	require.Len(t, answer.Misfits, pageSize)
	require.Equal(t, "/items/49/videoUrl", answer.Misfits[pageSize-1].Pointer)
	require.Equal(t, fixtures.Limit, len(page.Items))
}
