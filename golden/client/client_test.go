package client

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// clientSeen is a request as the server saw it.
type clientSeen struct {
	method, path, query, body string
	header                    http.Header
	cookies                   []*http.Cookie
}

// newClientForTest starts a loopback server that records each request and
// answers with answer, and a client of it whose retries do not sleep.
func newClientForTest(t *testing.T, answer func(w http.ResponseWriter, r clientSeen), opts ...ClientOption) (*Client, *[]clientSeen) {
	var seen []clientSeen
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		s := clientSeen{method: r.Method, path: r.URL.EscapedPath(), query: r.URL.RawQuery, body: string(body), header: r.Header, cookies: r.Cookies()}
		seen = append(seen, s)
		answer(w, s)
	}))
	t.Cleanup(srv.Close)
	c, err := NewClient(srv.URL+"/v1", append([]ClientOption{WithHTTPClient(srv.Client())}, opts...)...)
	require.NoError(t, err)
	c.engine.Sleep = func(context.Context, time.Duration) error { return nil }
	return c, &seen
}

func clientJSON(status int, body string) func(http.ResponseWriter, clientSeen) {
	return func(w http.ResponseWriter, _ clientSeen) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		_, _ = io.WriteString(w, body)
	}
}

func clientPtr[T any](v T) *T { return &v }

// TestClientQueryStyles writes each query parameter in its style: form
// exploded, comma, space and pipe separated lists, deepObject maps and
// structs, form objects, date-times, floats and bytes.
func TestClientQueryStyles(t *testing.T) {
	c, seen := newClientForTest(t, clientJSON(200, `{"items": []}`))
	_, err := c.ListThings(context.Background(), &ListThingsParams{
		Page: clientPtr[int64](2), PerPage: clientPtr[int64](10),
		IDs:    []int{3, 1},
		Names:  []string{"a,b", "c d"},
		Words:  []string{"hello", "big world"},
		Kinds:  []Kind{KindSmall, KindLarge},
		Labels: map[string]string{"z": "last", "a": "first"},
		Box:    &Box{W: 4, At: clientPtr(time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC))},
		Point:  &Point{X: clientPtr(1.5)},
		Size:   &Point{X: clientPtr(2.0), Y: clientPtr(3.25)},
		Since:  clientPtr(time.Date(2025, 5, 15, 1, 22, 21, 411e6, time.UTC)),
		Ratio:  0.5,
		Token:  []byte{0xfb, 0xff},
	})
	require.NoError(t, err)
	want := strings.Join([]string{
		"box[at]=2025-01-02T03%3A04%3A05Z", "box[w]=4",
		"ids=3", "ids=1",
		"kinds=small|large",
		"labels[a]=first", "labels[z]=last",
		"names=a%2Cb,c+d",
		"page=2", "per_page=10", "ratio=0.5",
		"since=2025-05-15T01%3A22%3A21.411Z",
		"size=x,2,y,3.25",
		"token=%2B%2F8%3D",
		"words=hello%20big+world",
		"x=1.5",
	}, "&")
	require.Equal(t, want, (*seen)[0].query)
	values, err := url.ParseQuery((*seen)[0].query)
	require.NoError(t, err)
	require.Equal(t, []string{"a,b,c d"}, values["names"], "a server that splits after decoding sees the values")
}

// TestClientPathStyles writes path parameters in the simple, label and
// matrix styles, and the header and cookie parameters.
func TestClientPathStyles(t *testing.T) {
	c, seen := newClientForTest(t, clientJSON(200, `{"id": 7, "kind": "large"}`),
		WithCredentials(Credentials{Basic: url.UserPassword("ann", "s3cret")}))
	thing, err := c.GetThing(context.Background(), 7, KindLarge, "round/ish", []float64{1.5, -2},
		&GetThingParams{XRequestID: "r-1", XTags: []string{"a", "b"}, SessionHint: clientPtr(true)})
	require.NoError(t, err)
	require.Equal(t, int64(7), thing.ID)
	require.Equal(t, KindLarge, *thing.Kind)
	r := (*seen)[0]
	require.Equal(t, "/v1/things/7/large/.round%2Fish/;coords=1.5;coords=-2", r.path)
	require.Equal(t, "r-1", r.header.Get("X-Request-Id"))
	require.Equal(t, "a,b", r.header.Get("X-Tags"))
	require.Len(t, r.cookies, 1)
	require.Equal(t, "session_hint", r.cookies[0].Name)
	require.Equal(t, "true", r.cookies[0].Value)
	user, pass, ok := (&http.Request{Header: r.header}).BasicAuth()
	require.True(t, ok)
	require.Equal(t, "ann", user)
	require.Equal(t, "s3cret", pass)
}

// TestClientSecurityAlternatives sends the first alternative whose secrets
// are all set, and nothing when none is complete.
func TestClientSecurityAlternatives(t *testing.T) {
	tests := []struct {
		name        string
		credentials Credentials
		auth, key   string
		query       string
	}{
		{"bearer first", Credentials{Bearer: "tok", APIKeyHeader: "k", APIKeyQuery: "q"}, "Bearer tok", "", "ratio=0"},
		{"both API keys", Credentials{APIKeyHeader: "k", APIKeyQuery: "q&r"}, "", "k", "api_key=q%26r&ratio=0"},
		{"one API key is not enough", Credentials{APIKeyHeader: "k"}, "", "", "ratio=0"},
		{"none", Credentials{}, "", "", "ratio=0"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, seen := newClientForTest(t, clientJSON(200, `{"items": []}`), WithCredentials(tt.credentials))
			_, err := c.ListThings(context.Background(), &ListThingsParams{})
			require.NoError(t, err)
			r := (*seen)[0]
			require.Equal(t, tt.auth, r.header.Get("Authorization"))
			require.Equal(t, tt.key, r.header.Get("X-API-Key"))
			require.Equal(t, tt.query, r.query)
		})
	}
	c, seen := newClientForTest(t, clientJSON(200, `{"id": 1}`), WithCredentials(Credentials{Session: "sess", Bearer: "unused"}))
	_, err := c.GetThing(context.Background(), 1, KindSmall, "s", []float64{0}, &GetThingParams{})
	require.NoError(t, err)
	require.Equal(t, "sess", (*seen)[0].cookies[0].Value, "getThing takes basic or a session cookie")
	require.Empty(t, (*seen)[0].header.Get("Authorization"))
}

// TestClientErrorBodies decodes the error body that the spec gives for the
// status, its range, or the default answer.
func TestClientErrorBodies(t *testing.T) {
	for status, description := range map[int]string{404: "No such thing.", 409: "Another client error.", 500: "An unexpected error."} {
		t.Run(strconv.Itoa(status), func(t *testing.T) {
			c, _ := newClientForTest(t, clientJSON(status, `{"title": "nope", "status": `+strconv.Itoa(status)+`}`))
			_, err := c.GetThing(context.Background(), 1, KindSmall, "s", []float64{0}, nil)
			var apiErr *APIError
			require.ErrorAs(t, err, &apiErr)
			require.Equal(t, description, apiErr.Description)
			problem, ok := apiErr.Body.(*ProblemModel)
			require.True(t, ok, "%T", apiErr.Body)
			require.Equal(t, "nope", problem.Title)
			require.Equal(t, status, *problem.Status)
		})
	}
	c, _ := newClientForTest(t, clientJSON(404, `not json`))
	_, err := c.GetThing(context.Background(), 1, KindSmall, "s", []float64{0}, nil)
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr)
	require.Nil(t, apiErr.Body, "a body that does not decode stays raw")
	require.Equal(t, "not json", string(apiErr.RawBody))
}

// TestClientSuccesses tells the answers of importThings apart, the 2XX
// range included, which keeps its text body raw.
func TestClientSuccesses(t *testing.T) {
	for _, tt := range []struct {
		status int
		body   string
		check  func(t *testing.T, res *ImportThingsResult)
	}{
		{200, `{"items": [{"id": 1}], "total_count": 1}`, func(t *testing.T, res *ImportThingsResult) { require.Equal(t, int64(1), res.OK.Items[0].ID) }},
		{202, ``, func(t *testing.T, res *ImportThingsResult) { require.True(t, res.Accepted) }},
		{207, `partly done`, func(t *testing.T, res *ImportThingsResult) { require.Equal(t, "partly done", string(*res.Status2XX)) }},
	} {
		c, _ := newClientForTest(t, clientJSON(tt.status, tt.body))
		res, err := c.ImportThings(context.Background(), ThingBatch{Source: "s"})
		require.NoError(t, err)
		tt.check(t, res)
	}
}

// TestClientRawBodies streams a binary body from a reader and returns a text
// answer as a string.
func TestClientRawBodies(t *testing.T) {
	c, seen := newClientForTest(t, func(w http.ResponseWriter, r clientSeen) {
		w.Header().Set("Content-Type", "text/plain")
		_, _ = io.WriteString(w, "stored: "+r.body)
	}, WithCredentials(Credentials{Bearer: "tok"}))
	got, err := c.PutThingsIDNotes(context.Background(), 3, strings.NewReader("\x00 notes"))
	require.NoError(t, err)
	require.Equal(t, "stored: \x00 notes", got)
	r := (*seen)[0]
	require.Equal(t, "application/octet-stream", r.header.Get("Content-Type"))
	require.Equal(t, "text/plain", r.header.Get("Accept"))
	require.Empty(t, r.header.Get("Authorization"), "the operation declares security: []")

	_, err = c.PutThingsIDNotes(context.Background(), 3, nil)
	require.NoError(t, err)
	require.Empty(t, (*seen)[1].header.Get("Content-Type"), "an optional body left nil is not sent")
}

// TestClientDefaultAnswer treats the default answer as the result when the
// spec documents no success, and as the error otherwise.
func TestClientDefaultAnswer(t *testing.T) {
	c, seen := newClientForTest(t, clientJSON(200, `{"title": "cleared"}`))
	got, err := c.ClearNotes(context.Background(), 3, &Point{Y: clientPtr(1.0)})
	require.NoError(t, err)
	require.Equal(t, "cleared", got.Title)
	require.JSONEq(t, `{"y": 1}`, (*seen)[0].body)

	c, seen = newClientForTest(t, clientJSON(409, `{"title": "busy"}`))
	_, err = c.ClearNotes(context.Background(), 3, nil)
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr)
	require.Equal(t, "busy", apiErr.Body.(*ProblemModel).Title)
	require.Empty(t, (*seen)[0].body)
}

// TestClientPagesFromZero walks pages from the page parameter's minimum, 0,
// and stops at an empty page when the answer gives no total.
func TestClientPagesFromZero(t *testing.T) {
	c, seen := newClientForTest(t, func(w http.ResponseWriter, r clientSeen) {
		q, _ := url.ParseQuery(r.query)
		page, _ := strconv.Atoi(q.Get("page"))
		items := "[]"
		if page < 2 {
			items = fmt.Sprintf(`[{"id": %d}, {"id": %d}]`, 2*page, 2*page+1)
		}
		clientJSON(200, `{"items": `+items+`}`)(w, r)
	})
	var ids []int64
	for thing, err := range c.ListThingsAll(context.Background(), &ListThingsParams{Names: []string{"n"}}) {
		require.NoError(t, err)
		ids = append(ids, thing.ID)
	}
	require.Equal(t, []int64{0, 1, 2, 3}, ids)
	require.Len(t, *seen, 3)
	require.Equal(t, "names=n&page=0&ratio=0", (*seen)[0].query)
}

// TestClientBulkMaxItems splits both lists together by the smaller
// maxItems (20) and collects the answers, one per chunk.
func TestClientBulkMaxItems(t *testing.T) {
	c, seen := newClientForTest(t, clientJSON(202, ``))
	things := make([]Thing, 30)
	for i := range things {
		things[i].ID = int64(i)
	}
	body := ThingBatch{Source: "csv", Drafts: things[:5], Things: things[5:]}
	res, err := c.ImportThingsInChunks(context.Background(), body, 0)
	require.NoError(t, err)
	require.Len(t, res, 2)
	require.True(t, res[1].Accepted)
	var first, second ThingBatch
	require.NoError(t, json.Unmarshal([]byte((*seen)[0].body), &first))
	require.NoError(t, json.Unmarshal([]byte((*seen)[1].body), &second))
	require.Len(t, first.Drafts, 5)
	require.Len(t, first.Things, 15)
	require.Empty(t, second.Drafts)
	require.Len(t, second.Things, 10)
	require.Equal(t, int64(29), second.Things[9].ID)
	require.Equal(t, "csv", second.Source)

	_, err = c.ImportThingsInChunks(context.Background(), body, 21)
	require.ErrorContains(t, err, "chunk size 21 is above the spec's maxItems 20")
}

// TestClientBulkConcat concatenates list answers.
func TestClientBulkConcat(t *testing.T) {
	c, seen := newClientForTest(t, func(w http.ResponseWriter, r clientSeen) {
		var body AddTagsRequestBody
		_ = json.Unmarshal([]byte(r.body), &body)
		out, _ := json.Marshal(body.Tags)
		clientJSON(200, string(out))(w, r)
	})
	got, err := c.AddTagsInChunks(context.Background(), AddTagsRequestBody{Tags: []string{"a", "b", "c"}, DryRun: clientPtr(true)}, 2)
	require.NoError(t, err)
	require.Equal(t, []string{"a", "b", "c"}, got)
	require.Equal(t, `{"dryRun":true,"tags":["c"]}`, (*seen)[1].body)
	require.Equal(t, "/v1/tags~batchAdd", (*seen)[1].path)
}

// clientDoerFunc is an HTTPDoer made of a function.
type clientDoerFunc func(*http.Request) (*http.Response, error)

func (f clientDoerFunc) Do(req *http.Request) (*http.Response, error) { return f(req) }

// TestClientTransportErrors wraps the transport's error without the query,
// which carries the API key, and refuses a client that answers nothing.
func TestClientTransportErrors(t *testing.T) {
	srv := httptest.NewServer(http.NotFoundHandler())
	srv.Close()
	c, err := NewClient(srv.URL, WithCredentials(Credentials{APIKeyHeader: "k", APIKeyQuery: "secret"}))
	require.NoError(t, err)
	_, err = c.ListThings(context.Background(), &ListThingsParams{Names: []string{"n"}})
	var urlErr *url.Error
	require.ErrorAs(t, err, &urlErr)
	require.Equal(t, srv.URL+"/things", urlErr.URL)
	require.NotContains(t, err.Error(), "secret")

	c, err = NewClient("https://api.example.com", WithHTTPClient(clientDoerFunc(func(*http.Request) (*http.Response, error) { return nil, nil })))
	require.NoError(t, err)
	_, err = c.ListThings(context.Background(), nil)
	require.ErrorContains(t, err, "client: listThings: the HTTP client returned no response")
}
