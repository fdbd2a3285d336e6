package meltingspot

import (
	"context"
	"errors"
	"net/http"
	"testing"

	"github.com/stretchr/testify/require"
)

// srvPartial implements one operation; the others answer 501.
type srvPartial struct {
	UnimplementedServer
	seen ServerOperation
}

func (s *srvPartial) GetLive(ctx context.Context, in GetLiveInput) (GetLiveOutput, error) {
	s.seen, _ = OperationFromContext(ctx)
	return nil, errors.New("boom")
}

// TestServerUnimplemented serves a partial implementation: the operations
// it leaves out answer 501 with an ErrorResponse, not a panic and a 500.
func TestServerUnimplemented(t *testing.T) {
	h := NewHandler(&srvPartial{})
	w := srvServe(h, srvRequest("POST", "/v1/lives", srvCreateBody))
	require.Equal(t, http.StatusNotImplemented, w.Code, w.Body.String())
	require.Equal(t, "operation createLive is not implemented", srvErrorBody(t, w).Message)

	// A request that is invalid is still answered 400: checks come first.
	w = srvServe(h, srvRequest("POST", "/v1/lives", `{}`))
	require.Equal(t, http.StatusBadRequest, w.Code)
}

// TestServerOperationInContext: middleware, the error mapper and the Server
// method know the operation and its route from the request's context.
func TestServerOperationInContext(t *testing.T) {
	var inMiddleware, inMapper ServerOperation
	var pattern string
	mw := func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			inMiddleware, _ = OperationFromContext(r.Context())
			next.ServeHTTP(w, r)
			pattern = r.Pattern
		})
	}
	mapper := func(ctx context.Context, err error) (int, ErrorResponse) {
		inMapper, _ = OperationFromContext(ctx)
		return http.StatusTeapot, ErrorResponse{Message: "mapped"}
	}
	s := &srvPartial{}
	h := NewHandler(s, WithMiddleware(mw), WithErrorMapper(mapper))
	w := srvServe(h, srvRequest("GET", "/v1/lives/live-1", ""))
	require.Equal(t, http.StatusTeapot, w.Code)
	want := ServerOperation{ID: "getLive", Method: "GET", Path: "/v1/lives/{liveId}", Pattern: "GET /v1/lives/{liveID}"}
	for _, got := range []ServerOperation{inMiddleware, inMapper, s.seen} {
		got.declares = nil
		require.Equal(t, want, got)
	}
	require.Equal(t, want.Pattern, pattern)

	list, _ := OperationFromContext(context.Background())
	require.False(t, list.DeclaresQuery("page"), "no operation outside a request")
	require.True(t, serverOperationListLives.DeclaresQuery("title[eq]"))
	require.False(t, serverOperationListLives.DeclaresQuery("access_token"))
}
