package basiconly

// Behaviour of a handler whose only scheme is HTTP basic: credentials are
// read from the Authorization header, handed to the Authenticator, and
// their absence or a second header is a 401 naming the problem.

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/stretchr/testify/require"
)

type impl struct{}

func (impl) DeleteReport(ctx context.Context, in DeleteReportInput) (DeleteReportOutput, error) {
	return DeleteReportNoContent{}, nil
}

func serveBasic(t *testing.T, header ...string) (*httptest.ResponseRecorder, ErrorResponse) {
	t.Helper()
	r := httptest.NewRequest(http.MethodDelete, "/reports/r1", nil)
	for _, h := range header {
		r.Header.Add("Authorization", h)
	}
	w := httptest.NewRecorder()
	check := func(ctx context.Context, req AuthRequest) (context.Context, error) {
		if req.Scheme != "basic" || req.Username != "ann" || req.Password != "pw" {
			return ctx, errors.New("unknown user")
		}
		return ctx, nil
	}
	NewHandler(impl{}, WithAuthenticator(check)).ServeHTTP(w, r)
	var body ErrorResponse
	if w.Body.Len() > 0 {
		require.NoError(t, json.Unmarshal(w.Body.Bytes(), &body))
	}
	return w, body
}

func TestBasicOnlyServes(t *testing.T) {
	w, _ := serveBasic(t, "Basic YW5uOnB3") // ann:pw
	require.Equal(t, http.StatusNoContent, w.Code)
}

func TestBasicOnlyAnswersWhatIsWrong(t *testing.T) {
	w, body := serveBasic(t)
	require.Equal(t, http.StatusUnauthorized, w.Code)
	require.Equal(t, []Problem{{In: "header", Name: "Authorization", Problem: "HTTP basic credentials are required"}}, body.Problems)

	w, body = serveBasic(t, "Basic YW5uOnB3", "Basic YW5uOnB3")
	require.Equal(t, http.StatusUnauthorized, w.Code)
	require.Len(t, body.Problems, 1)
	require.Contains(t, body.Problems[0].Problem, "must be given once")

	w, _ = serveBasic(t, "Basic Ym9iOng=") // bob:x
	require.Equal(t, http.StatusUnauthorized, w.Code)
}
