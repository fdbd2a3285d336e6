package paginglink

// Behavioural tests of the Link-header iterator: against the generated
// server paging with NextPageLink, and against servers that misbehave.

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/seed-0d47db62/livegen/golden/paging-link/internal/livegenrt"
)

// repoServer serves 7 repositories by pages of per_page (default 3), with
// a Link header to the next page while there is one.
type repoServer struct{}

func (repoServer) ListRepos(_ context.Context, in ListReposInput) (ListReposOutput, error) {
	size, page := 3, 1
	if in.Params.PerPage != nil {
		size = *in.Params.PerPage
	}
	if in.Params.Page != nil {
		page = *in.Params.Page
	}
	out := ListReposOK{Body: []Repo{}}
	for i := (page-1)*size + 1; i <= min(page*size, 7); i++ {
		out.Body = append(out.Body, Repo{ID: i, Name: "repo " + strconv.Itoa(i)})
	}
	if page*size < 7 {
		query := url.Values{"per_page": {strconv.Itoa(size)}}
		link := NextPageLink(NextPageURL("/orgs/"+in.Org+"/repos", query, "page", strconv.Itoa(page+1)))
		out.Link = &link
	}
	return out, nil
}

// recorder counts the requests a handler gets and keeps their headers.
type recorder struct {
	mu       sync.Mutex
	requests []*http.Request
	next     http.Handler
}

func (rec *recorder) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	rec.mu.Lock()
	rec.requests = append(rec.requests, r.Clone(context.Background()))
	rec.mu.Unlock()
	rec.next.ServeHTTP(w, r)
}

func serve(t *testing.T, h http.Handler) (*httptest.Server, *recorder) {
	rec := &recorder{next: h}
	srv := httptest.NewServer(rec)
	t.Cleanup(srv.Close)
	return srv, rec
}

func names(t *testing.T, c *Client, params *ListReposParams) []string {
	var out []string
	for repo, err := range c.ListReposAll(context.Background(), "acme", params) {
		require.NoError(t, err)
		out = append(out, repo.Name)
	}
	return out
}

func TestLinkPagesAreFollowed(t *testing.T) {
	srv, rec := serve(t, NewHandler(repoServer{}))
	c, err := NewClient(srv.URL, WithCredentials(Credentials{Token: "secret"}))
	require.NoError(t, err)
	require.Equal(t, []string{"repo 1", "repo 2", "repo 3", "repo 4", "repo 5", "repo 6", "repo 7"}, names(t, c, &ListReposParams{PerPage: ptr(3)}))
	require.Len(t, rec.requests, 3)
	require.Equal(t, "per_page=3", rec.requests[0].URL.RawQuery)
	require.Equal(t, "page=3&per_page=3", rec.requests[2].URL.RawQuery)
	for _, r := range rec.requests {
		require.Equal(t, "Bearer secret", r.Header.Get("Authorization"), "same host: the credentials go")
	}
}

func TestLinkToAnotherHostGetsNoCredentials(t *testing.T) {
	other, otherRec := serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = w.Write([]byte(`[{"id": 2, "name": "elsewhere"}]`))
	}))
	srv, _ := serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Link", `<`+other.URL+`/repos?page=2>; rel="next", <`+other.URL+`/repos?page=9>; rel="last"`)
		_, _ = w.Write([]byte(`[{"id": 1, "name": "home"}]`))
	}))
	c, err := NewClient(srv.URL, WithCredentials(Credentials{Token: "secret"}))
	require.NoError(t, err)
	require.Equal(t, []string{"home", "elsewhere"}, names(t, c, nil))
	require.Len(t, otherRec.requests, 1)
	require.Equal(t, "/repos", otherRec.requests[0].URL.Path)
	require.Empty(t, otherRec.requests[0].Header.Get("Authorization"), "another host must not see the token")
}

func TestLinkThatRepeatsStops(t *testing.T) {
	srv, rec := serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Link", `</orgs/acme/repos?page=2>; rel="next"`)
		_, _ = w.Write([]byte(`[{"id": ` + strconv.Itoa(len(r.URL.RawQuery)) + `, "name": "r"}]`))
	}))
	c, err := NewClient(srv.URL)
	require.NoError(t, err)
	require.Len(t, names(t, c, nil), 2)
	require.Len(t, rec.requests, 2, "page 2 names page 2 again")
}

func TestServerThatIgnoresThePageStops(t *testing.T) {
	n := 0
	srv, rec := serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n++
		w.Header().Set("Link", `<?page=`+strconv.Itoa(n+1)+`>; rel="next"`)
		_, _ = w.Write([]byte(`[{"id": 1, "name": "same"}]`))
	}))
	c, err := NewClient(srv.URL)
	require.NoError(t, err)
	require.Equal(t, []string{"same"}, names(t, c, nil))
	require.Len(t, rec.requests, 2)
}

func TestLinkErrorsAndCap(t *testing.T) {
	srv, _ := serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Link", `<file:///etc/passwd>; rel="next"`)
		_, _ = w.Write([]byte(`[{"id": 1, "name": "one"}]`))
	}))
	c, err := NewClient(srv.URL)
	require.NoError(t, err)
	var errs []error
	for _, err := range c.ListReposAll(context.Background(), "acme", nil) {
		errs = append(errs, err)
	}
	require.Len(t, errs, 2)
	require.ErrorContains(t, errs[1], "is not an http or https URL")

	all, rec := serve(t, NewHandler(repoServer{}))
	c, err = NewClient(all.URL, WithMaxPages(2), WithCredentials(Credentials{Token: "t"}))
	require.NoError(t, err)
	require.Len(t, names(t, c, nil), 6)
	require.Len(t, rec.requests, 2)
}

func TestClientLinkNext(t *testing.T) {
	for value, want := range map[string]string{
		`<https://x/a?page=2>; rel="next", <https://x/a?page=5>; rel="last"`: "https://x/a?page=2",
		`<https://x/a?page=1>; rel="prev", <https://x/a?page=3>; rel=next`:   "https://x/a?page=3",
		`<https://x/a?page=3>; rel="next last"`:                              "https://x/a?page=3",
		`<https://x/a?page=3>; title="next"; rel="prev"`:                     "",
		`garbage`: "",
		``:        "",
	} {
		require.Equal(t, want, livegenrt.ClientLinkNext(http.Header{"Link": {value}}), value)
	}
}

func ptr[T any](v T) *T { return &v }

// TestQueryKeyFollowsOnTheSameHostOnly: an API key sent in the query is
// added to a next URL on the base URL's host, which leaves it out, and
// never to another host's.
func TestQueryKeyFollowsOnTheSameHostOnly(t *testing.T) {
	other, otherRec := serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = w.Write([]byte(`[{"id": 3, "name": "elsewhere"}]`))
	}))
	srv, rec := serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Query().Get("page") == "" {
			w.Header().Set("Link", `</orgs/acme/repos?page=2&per_page=1>; rel="next"`)
			_, _ = w.Write([]byte(`[{"id": 1, "name": "one"}]`))
			return
		}
		w.Header().Set("Link", `<`+other.URL+`/repos?page=3>; rel="next"`)
		_, _ = w.Write([]byte(`[{"id": 2, "name": "two"}]`))
	}))
	c, err := NewClient(srv.URL, WithCredentials(Credentials{Key: "k&1"}))
	require.NoError(t, err)
	require.Equal(t, []string{"one", "two", "elsewhere"}, names(t, c, nil))
	require.Equal(t, "access_token=k%261", rec.requests[0].URL.RawQuery)
	require.Equal(t, "page=2&per_page=1&access_token=k%261", rec.requests[1].URL.RawQuery, "the server's query as written, then the key")
	require.Equal(t, "page=3", otherRec.requests[0].URL.RawQuery)
}
