package identifiers

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/stretchr/testify/require"
)

// The identifiers below are the contract of this case: punctuation
// separates words, package names do not shadow imports, and the property
// named like a Go identifier keeps the plain name.
var (
	_ = (*Client).IssuesListForRepo
	_ = (*Client).FilesPutFile
	_ = (*Client).HTTP
	_ = OddNames{Type: new(string), Type2: new(string), ABC: "", X: new(string), X2: new(string)}
	_ = []SortOrder{SortOrderPlus1, SortOrderMinus1, SortOrderAB, SortOrderAB2, SortOrderLessThan5, SortOrderGreaterThan5, SortOrderCPlusPlus, SortOrderC, SortOrderEmpty, SortOrderURL, SortOrderJSON, SortOrderTime}
	_ = (*Client).JSON
)

// oddJSON holds a value for every property whose name a struct tag cannot hold.
const oddJSON = `{"":"empty","-":"dash","@type":"at","type":"plain","a,b c":"comma","say \"hi\"":"quote",
 "back\\slash":"backslash","ünïcode":"letters","with space":7,"omitempty":"option","it's":"apostrophe","tab\tin":"tab"}`

func TestIdentifiersOddPropertyNamesRoundTrip(t *testing.T) {
	var v OddNames
	require.NoError(t, json.Unmarshal([]byte(oddJSON), &v))
	require.Equal(t, "empty", *v.X)
	require.Equal(t, "dash", *v.X2)
	require.Equal(t, "at", *v.Type2)
	require.Equal(t, "plain", *v.Type)
	require.Equal(t, "comma", v.ABC)
	require.Equal(t, "quote", *v.SayHi)
	require.Equal(t, "backslash", *v.BackSlash)
	require.Equal(t, "letters", *v.Ünïcode)
	require.Equal(t, 7, *v.WithSpace)
	require.Equal(t, "option", *v.Omitempty)
	require.Equal(t, "apostrophe", *v.ItS)
	require.Equal(t, "tab", *v.TabIn)
	out, err := json.Marshal(v)
	require.NoError(t, err)
	require.JSONEq(t, oddJSON, string(out))

	// A member spelled like a placeholder is not a property.
	var sneaky OddNames
	require.NoError(t, json.Unmarshal([]byte(`{"a,b c":"x","~abc":"sneaky","~X":"sneaky"}`), &sneaky))
	require.Equal(t, OddNames{ABC: "x"}, sneaky)
	out, err = json.Marshal(OddNames{})
	require.NoError(t, err)
	require.JSONEq(t, `{"a,b c":""}`, string(out), "absent properties stay absent; the required one is written")
}

type server struct{ t *testing.T }

func (s server) FilesPutFile(_ context.Context, in FilesPutFileInput) (FilesPutFileOutput, error) {
	require.Equal(s.t, []any{"e/1", "s 2", 3, "i?4"}, []any{in.Errors, in.Strings, in.Bytes, in.Io})
	return FilesPutFileOK{Body: in.Body}, nil
}

func (s server) HTTP(_ context.Context, in HTTPInput) (HTTPOutput, error) {
	require.Equal(s.t, HTTPInput{Req: "q", Err: "e", Resp: "r", Fmt: "f", Strconv: "c"}, in)
	return HTTPNoContent{}, nil
}

func (s server) JSON(context.Context, JSONInput) (JSONOutput, error) {
	url := "u"
	return JSONOK{Body: Context{URL: &url}}, nil
}

func (s server) IssuesListForRepo(_ context.Context, in IssuesListForRepoInput) (IssuesListForRepoOutput, error) {
	require.Equal(s.t, []string{"u", "h", "j", "t", "c"}, []string{in.URL, in.HTTP, in.JSON, in.Time, in.Context})
	require.Equal(s.t, "x", *in.Params.Errors)
	require.Equal(s.t, "q", *in.Params.URL, "a query parameter named like the path's")
	require.Equal(s.t, "h", *in.Params.Context, "a header named like a package")
	return IssuesListForRepoOK{Body: URL{URL3: &in.URL, JSON: &in.JSON}}, nil
}

// TestIdentifiersClientAndServerAgree: parameters named like imported
// packages reach the server, and odd property names cross the wire intact.
func TestIdentifiersClientAndServerAgree(t *testing.T) {
	srv := httptest.NewServer(NewHandler(server{t}))
	defer srv.Close()
	c, err := NewClient(srv.URL)
	require.NoError(t, err)
	ctx := context.Background()

	var body OddNames
	require.NoError(t, json.Unmarshal([]byte(oddJSON), &body))
	got, err := c.FilesPutFile(ctx, "e/1", "s 2", 3, "i?4", body)
	require.NoError(t, err)
	require.Equal(t, body, *got)

	require.NoError(t, c.HTTP(ctx, "q", "e", "r", "f", "c"))

	errs := "x"
	q, h := "q", "h"
	repo, err := c.IssuesListForRepo(ctx, "u", "h", "j", "t", "c", &IssuesListForRepoParams{Errors: &errs, URL: &q, Context: &h})
	require.NoError(t, err)
	require.Equal(t, "u", *repo.URL3)

	got2, err := c.JSON(ctx)
	require.NoError(t, err)
	require.Equal(t, "u", *got2.URL)

	// The server reads the odd names from the raw request too.
	req, err := http.NewRequest(http.MethodPut, srv.URL+"/files/e%2F1/s%202/3/i%3F4", jsonReader(oddJSON))
	require.NoError(t, err)
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	require.Equal(t, http.StatusOK, resp.StatusCode)
	var echoed map[string]any
	require.NoError(t, json.NewDecoder(resp.Body).Decode(&echoed))
	var want map[string]any
	require.NoError(t, json.Unmarshal([]byte(oddJSON), &want))
	require.Equal(t, want, echoed)
}

func jsonReader(s string) *stringsReader { return &stringsReader{s: s} }

// stringsReader keeps this test's imports to what the case is about.
type stringsReader struct{ s string }

func (r *stringsReader) Read(p []byte) (int, error) {
	if r.s == "" {
		return 0, io.EOF
	}
	n := copy(p, r.s)
	r.s = r.s[n:]
	return n, nil
}
