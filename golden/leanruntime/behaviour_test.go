package leanruntime

// Behaviour of a handler that has none of the readers its spec does not
// need: the route it matches itself, the bearer token, 404, 405 and a
// strict query still answer as in any other spec.

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

type impl struct{}

func (impl) DeleteReport(ctx context.Context, in DeleteReportInput) (DeleteReportOutput, error) {
	if in.ID != "r1" {
		return DeleteReportNotFound{}, nil
	}
	return DeleteReportNoContent{}, nil
}

func serve(t *testing.T, method, target, token string, opts ...HandlerOption) (*httptest.ResponseRecorder, ErrorResponse) {
	t.Helper()
	r := httptest.NewRequest(method, target, nil)
	if token != "" {
		r.Header.Set("Authorization", "Bearer "+token)
	}
	w := httptest.NewRecorder()
	NewHandler(impl{}, opts...).ServeHTTP(w, r)
	var body ErrorResponse
	if w.Body.Len() > 0 {
		require.NoError(t, json.Unmarshal(w.Body.Bytes(), &body))
	}
	return w, body
}

func TestLeanHandlerServes(t *testing.T) {
	w, _ := serve(t, http.MethodDelete, "/reports/r1.csv", "secret")
	require.Equal(t, http.StatusNoContent, w.Code)
	w, _ = serve(t, http.MethodDelete, "/reports/r2.csv", "secret")
	require.Equal(t, http.StatusNotFound, w.Code)
}

func TestLeanHandlerAnswersWhatIsWrong(t *testing.T) {
	w, body := serve(t, http.MethodDelete, "/reports/r1.csv", "")
	require.Equal(t, http.StatusUnauthorized, w.Code)
	require.Equal(t, []string{"Bearer"}, w.Header().Values("WWW-Authenticate"))
	require.Equal(t, []Problem{{In: "header", Name: "Authorization", Problem: "a bearer token is required"}}, body.Problems)

	w, _ = serve(t, http.MethodDelete, "/reports/r1", "secret")
	require.Equal(t, http.StatusNotFound, w.Code)

	w, _ = serve(t, http.MethodGet, "/reports/r1.csv", "secret")
	require.Equal(t, http.StatusMethodNotAllowed, w.Code)
	require.Equal(t, "DELETE", w.Header().Get("Allow"))

	w, body = serve(t, http.MethodDelete, "/reports/r1.csv?b[x]=1&a[y]=2", "secret", WithStrictQuery())
	require.Equal(t, http.StatusBadRequest, w.Code)
	require.Equal(t, []Problem{
		{In: "query", Name: "a[y]", Problem: "is not a parameter of this operation"},
		{In: "query", Name: "b[x]", Problem: "is not a parameter of this operation"},
	}, body.Problems)
}

// TestLeanHandlerCompilesNoUnusedReader checks that the readers of what the
// spec lacks are not generated: each would be compiled for nothing.
func TestLeanHandlerCompilesNoUnusedReader(t *testing.T) {
	for _, file := range []string{"server_decode.gen.go", "internal/livegenrt/server_decode.gen.go"} {
		src, err := os.ReadFile(file)
		require.NoError(t, err)
		for _, absent := range []string{
			"func ServerQueryValue(", "func ServerHeaderValue(", "func ServerCookieValue(", "func ServerQueryObject(",
			"func ServerStyledObject(", "func ServerPathList(", "func serverSplit(", "func ServerParseTime(",
			") readBody(", "func ServerReadBody(", "func serverSkipValue(", "BasicAuth()", "r.Cookie(", `"slices"`, `"maps"`,
		} {
			require.False(t, strings.Contains(string(src), absent), "%s has %q", file, absent)
		}
	}
}
