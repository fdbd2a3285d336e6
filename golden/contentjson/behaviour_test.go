package contentjson

// Parameters declared with content application/json travel as JSON text,
// strings quoted, and the generated server reads them back into their types.

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"testing"

	"github.com/stretchr/testify/require"
)

type echoServer struct{ UnimplementedServer }

func (echoServer) Search(ctx context.Context, in SearchInput) (SearchOutput, error) {
	label := in.Params.XLabel
	return SearchOK{Body: Echo{Where: in.Params.Where, Label: &label, Limit: in.Params.Limit}}, nil
}

func TestContentJSONParamsRoundTrip(t *testing.T) {
	var query url.Values
	var header http.Header
	h := NewHandler(echoServer{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		query, header = r.URL.Query(), r.Header.Clone()
		h.ServeHTTP(w, r)
	}))
	defer srv.Close()
	c, err := NewClient(srv.URL)
	require.NoError(t, err)

	low, limit := 2, int32(10)
	where := &FilterModel{Field: "name", Values: []string{"a", "b,c"}, Range: &FilterModelRange{Min: &low}}
	got, err := c.Search(context.Background(), &SearchParams{Where: where, Limit: &limit, XLabel: "tag \"x\""})
	require.NoError(t, err)
	require.JSONEq(t, `{"field":"name","range":{"min":2},"values":["a","b,c"]}`, query.Get("where"))
	require.Equal(t, "10", query.Get("limit"))
	require.Equal(t, `"tag \"x\""`, header.Get("X-Label"), "a string is quoted JSON")
	require.Equal(t, where, got.Where)
	require.Equal(t, "tag \"x\"", *got.Label)
	require.Equal(t, limit, *got.Limit)
}

func TestContentJSONParamsRefused(t *testing.T) {
	h := NewHandler(echoServer{})
	r := httptest.NewRequest("GET", "/search?where=%7Bnot+json&limit=ten", nil)
	r.Header.Set("X-Label", "unquoted")
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	require.Equal(t, http.StatusBadRequest, w.Code)
	for _, name := range []string{"where", "limit", "X-Label"} {
		require.Contains(t, w.Body.String(), `"`+name+`"`)
	}
}
