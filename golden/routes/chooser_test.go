package routes

// Behaviour of operations that nothing in the request tells apart: the
// first serves them unless the Server implements OperationChooser, whose
// choice serves the request with its body whole.

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

func (impl) AddFolderSharedLink(ctx context.Context, in AddFolderSharedLinkInput) (AddFolderSharedLinkOutput, error) {
	return AddFolderSharedLinkOK{Body: served(ctx, in.FolderID, linkAccess(in.Body))}, nil
}

func (impl) UpdateFolderSharedLink(ctx context.Context, in UpdateFolderSharedLinkInput) (UpdateFolderSharedLinkOutput, error) {
	return UpdateFolderSharedLinkOK{Body: served(ctx, in.FolderID, linkAccess(in.Body))}, nil
}

func linkAccess(body SharedLinkRequest) string {
	if body.SharedLink == nil || body.SharedLink.Access == nil {
		return ""
	}
	return *body.SharedLink.Access
}

// chooser adds a shared link to a folder that has none and updates the link
// of one that has (server state); for boards it follows the X-Choose header,
// which may also ask for nil or an operation that is not a candidate.
type chooser struct {
	impl
	linked map[string]bool
	// seen records the candidates' IDs and the body the chooser could read.
	seen []string
	body string
}

func (c *chooser) ChooseOperation(r *http.Request, candidates []*ServerOperation) *ServerOperation {
	c.seen = nil
	for _, op := range candidates {
		c.seen = append(c.seen, op.ID)
	}
	body, _ := io.ReadAll(r.Body)
	c.body = string(body)
	want := r.Header.Get("X-Choose")
	switch want {
	case "nil":
		return nil
	case "unknown":
		return &ServerOperation{ID: "getBoardsByFilter"}
	case "":
		if c.linked[r.PathValue("folderID")] {
			want = "updateFolderSharedLink"
		}
	}
	for _, op := range candidates {
		if op.ID == want {
			op.ID = "changed by the chooser" // a copy: the handler keeps its own
			return op
		}
	}
	return nil
}

// TestChooser: the Server's choice serves the request, the body reaches the
// chosen operation whole, and nil or a foreign operation keeps the default.
func TestChooser(t *testing.T) {
	c := &chooser{linked: map[string]bool{"linked": true}}
	var middlewareSaw []string
	h := NewHandler(c, WithMiddleware(func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			op, _ := OperationFromContext(r.Context())
			middlewareSaw = append(middlewareSaw, op.ID)
			next.ServeHTTP(w, r)
		})
	}))
	for _, tc := range []struct {
		method, target, body, choose string
		candidates                   []string
		operation, params            string
	}{
		{"PUT", "/folders/new", `{"shared_link":{"access":"open"}}`, "", []string{"addFolderSharedLink", "updateFolderSharedLink"}, "addFolderSharedLink", `["new","open"]`},
		{"PUT", "/folders/linked", `{"shared_link":{"access":"company"}}`, "", []string{"addFolderSharedLink", "updateFolderSharedLink"}, "updateFolderSharedLink", `["linked","company"]`},
		{"GET", "/boards/open", "", "getBoardsByFilter", []string{"getBoard", "getBoardsByFilter"}, "getBoardsByFilter", `["open"]`},
		{"GET", "/boards/b1", "", "getBoard", []string{"getBoard", "getBoardsByFilter"}, "getBoard", `["b1"]`},
		{"GET", "/boards/open", "", "nil", []string{"getBoard", "getBoardsByFilter"}, "getBoard", `["open"]`},
		{"GET", "/boards/open", "", "unknown", []string{"getBoard", "getBoardsByFilter"}, "getBoard", `["open"]`},
	} {
		name := tc.method + " " + tc.target + " " + tc.choose
		r := httptest.NewRequest(tc.method, tc.target, strings.NewReader(tc.body))
		r.Header.Set("Content-Type", "application/json")
		r.Header.Set("X-Choose", tc.choose)
		w := httptest.NewRecorder()
		middlewareSaw = nil
		h.ServeHTTP(w, r)
		require.Equal(t, http.StatusOK, w.Code, "%s: %s", name, w.Body.String())
		require.JSONEq(t, `{"operation":"`+tc.operation+`","params":`+tc.params+`}`, w.Body.String(), name)
		require.Equal(t, tc.candidates, c.seen, name)
		require.Empty(t, c.body, "%s: the chooser must not consume the body", name)
		require.Equal(t, []string{tc.operation}, middlewareSaw, name)
	}
}

// TestChooserDefault: without a chooser the first operation of the group
// serves its requests.
func TestChooserDefault(t *testing.T) {
	h := NewHandler(impl{})
	for target, operation := range map[string]string{"/folders/linked": "addFolderSharedLink", "/boards/open": "getBoard"} {
		method := http.MethodGet
		if strings.HasPrefix(target, "/folders/") {
			method = http.MethodPut
		}
		r := httptest.NewRequest(method, target, strings.NewReader(`{}`))
		r.Header.Set("Content-Type", "application/json")
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		require.Equal(t, http.StatusOK, w.Code, w.Body.String())
		require.Contains(t, w.Body.String(), `"operation":"`+operation+`"`, target)
	}
}

// partialChooser implements nothing but the choice: the chosen operation
// answers 501 through UnimplementedServer.
type partialChooser struct{ UnimplementedServer }

func (partialChooser) ChooseOperation(r *http.Request, candidates []*ServerOperation) *ServerOperation {
	return candidates[len(candidates)-1]
}

func TestChooserUnimplemented(t *testing.T) {
	var saw string
	h := NewHandler(partialChooser{}, WithMiddleware(func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			op, _ := OperationFromContext(r.Context())
			saw = op.ID
			next.ServeHTTP(w, r)
		})
	}))
	w := serve(h, http.MethodGet, "/boards/open")
	require.Equal(t, http.StatusNotImplemented, w.Code, w.Body.String())
	require.Equal(t, "getBoardsByFilter", saw)
}
