package routes

// Behaviour of routes that http.ServeMux cannot express: each odd shape
// makes a round trip from the generated client to the generated handler,
// and the precedence between routes that compete for one request follows
// the most specific path.

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strconv"
	"testing"

	"github.com/stretchr/testify/require"
)

// impl answers every operation with the operation that its context names
// and the path parameters it read.
type impl struct{}

func served(ctx context.Context, params ...string) Served {
	op, _ := OperationFromContext(ctx)
	return Served{Operation: op.ID, Params: params}
}

func (impl) GetAccountLink(ctx context.Context, in GetAccountLinkInput) (GetAccountLinkOutput, error) {
	return GetAccountLinkOK{Body: served(ctx, in.AccountID, in.AccountID2)}, nil
}

func (impl) ListConversations(ctx context.Context, in ListConversationsInput) (ListConversationsOutput, error) {
	return ListConversationsOK{Body: served(ctx)}, nil
}

func (impl) StartConversationStream(ctx context.Context, in StartConversationStreamInput) (StartConversationStreamOutput, error) {
	return StartConversationStreamOK{Body: served(ctx)}, nil
}

func (impl) UpdateFile(ctx context.Context, in UpdateFileInput) (UpdateFileOutput, error) {
	return UpdateFileOK{Body: served(ctx, in.FileID)}, nil
}

func (impl) AddSharedLink(ctx context.Context, in AddSharedLinkInput) (AddSharedLinkOutput, error) {
	return AddSharedLinkOK{Body: served(ctx, in.FileID)}, nil
}

func (impl) GetInvitee(ctx context.Context, in GetInviteeInput) (GetInviteeOutput, error) {
	return GetInviteeOK{Body: served(ctx, in.InviteeID)}, nil
}

func (impl) ListInvitees(ctx context.Context, in ListInviteesInput) (ListInviteesOutput, error) {
	return ListInviteesOK{Body: served(ctx, in.MeetingID)}, nil
}

func (impl) GetPage(ctx context.Context, in GetPageInput) (GetPageOutput, error) {
	return GetPageOK{Body: served(ctx, strconv.Itoa(in.Page), in.Format)}, nil
}

func (impl) GetPair(ctx context.Context, in GetPairInput) (GetPairOutput, error) {
	return GetPairOK{Body: served(ctx, in.A, in.B)}, nil
}

func (impl) HeadTaskJSON(ctx context.Context, in HeadTaskJSONInput) (HeadTaskJSONOutput, error) {
	op, _ := OperationFromContext(ctx)
	return nil, errors.New(op.ID)
}

func (impl) ExportTasks(ctx context.Context, in ExportTasksInput) (ExportTasksOutput, error) {
	return ExportTasksOK{Body: served(ctx)}, nil
}

func (impl) GetTask(ctx context.Context, in GetTaskInput) (GetTaskOutput, error) {
	return GetTaskOK{Body: served(ctx, in.ID)}, nil
}

func (impl) GetTaskJSON(ctx context.Context, in GetTaskJSONInput) (GetTaskJSONOutput, error) {
	return GetTaskJSONOK{Body: served(ctx, in.ID)}, nil
}

func (impl) ExpirePassword(ctx context.Context, in ExpirePasswordInput) (ExpirePasswordOutput, error) {
	return ExpirePasswordOK{Body: served(ctx, in.UserID)}, nil
}

func (impl) ExpireWithTemporaryPassword(ctx context.Context, in ExpireWithTemporaryPasswordInput) (ExpireWithTemporaryPasswordOutput, error) {
	return ExpireWithTemporaryPasswordOK{Body: served(ctx, in.UserID)}, nil
}

func (impl) GetOperation(ctx context.Context, in GetOperationInput) (GetOperationOutput, error) {
	return GetOperationOK{Body: served(ctx, in.Name)}, nil
}

func (impl) CancelOperation(ctx context.Context, in CancelOperationInput) (CancelOperationOutput, error) {
	return CancelOperationOK{Body: served(ctx, in.Name)}, nil
}

func newClient(t *testing.T) *Client {
	t.Helper()
	srv := httptest.NewServer(NewHandler(impl{}))
	t.Cleanup(srv.Close)
	c, err := NewClient(srv.URL)
	require.NoError(t, err)
	return c
}

// TestRoundTrips: the client sends each odd shape as the handler routes it,
// and the handler reads the path parameters the client wrote.
func TestRoundTrips(t *testing.T) {
	c := newClient(t)
	ctx := context.Background()
	check := func(got *Served, err error, operation string, params ...string) {
		t.Helper()
		require.NoError(t, err)
		require.Equal(t, operation, got.Operation)
		require.Equal(t, params, got.Params)
	}
	got, err := c.GetTaskJSON(ctx, "a.b")
	check(got, err, "getTaskJSON", "a.b")
	got, err = c.GetTask(ctx, "7")
	check(got, err, "getTask", "7")
	got, err = c.ExportTasks(ctx)
	check(got, err, "exportTasks")
	got, err = c.GetPage(ctx, 3, "html")
	check(got, err, "getPage", "3", "html")
	got, err = c.GetPair(ctx, "x", "yz")
	check(got, err, "getPair", "x", "yz")
	got, err = c.CancelOperation(ctx, "op/1")
	check(got, err, "cancelOperation", "op/1")
	got, err = c.GetOperation(ctx, "op 1")
	check(got, err, "getOperation", "op 1")
	got, err = c.StartConversationStream(ctx)
	check(got, err, "startConversationStream")
	got, err = c.ListConversations(ctx)
	check(got, err, "listConversations")
	got, err = c.ExpirePassword(ctx, "u1")
	check(got, err, "expirePassword", "u1")
	got, err = c.ExpireWithTemporaryPassword(ctx, "u1")
	check(got, err, "expireWithTemporaryPassword", "u1")
	got, err = c.ListInvitees(ctx, "m1")
	check(got, err, "listInvitees", "m1")
	got, err = c.GetInvitee(ctx, "i1")
	check(got, err, "getInvitee", "i1")
	got, err = c.GetAccountLink(ctx, "a1", "a2")
	check(got, err, "getAccountLink", "a1", "a2")
	got, err = c.UpdateFile(ctx, "f1", nil, nil)
	check(got, err, "updateFile", "f1")
	// The fragment is not sent: the required query tells the request apart.
	got, err = c.AddSharedLink(ctx, "f1", &AddSharedLinkParams{Fields: "id"}, nil)
	check(got, err, "addSharedLink", "f1")
	// Nothing tells these two apart: getBoard serves both unless the Server chooses.
	got, err = c.GetBoardsByFilter(ctx, "open")
	check(got, err, "getBoard", "open")
}

func serve(h http.Handler, method, target string) *httptest.ResponseRecorder {
	w := httptest.NewRecorder()
	h.ServeHTTP(w, httptest.NewRequest(method, target, nil))
	return w
}

// TestPrecedence: of the routes that match a request, the most specific
// serves it, and the request carries that route's operation and pattern.
func TestPrecedence(t *testing.T) {
	var op ServerOperation
	var pattern string
	h := NewHandler(impl{}, WithMiddleware(func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			op, _ = OperationFromContext(r.Context())
			pattern = r.Pattern
			next.ServeHTTP(w, r)
		})
	}))
	for _, tc := range []struct{ method, target, operation, pattern string }{
		{"GET", "/tasks/export.json", "exportTasks", "GET /tasks/export.json"},
		{"GET", "/tasks/x.json", "getTaskJSON", "GET /tasks/{id}.json"},
		{"GET", "/tasks/x.jso", "getTask", "GET /tasks/{id}"},
		{"GET", "/tasks/.json", "getTask", "GET /tasks/{id}"},
		{"HEAD", "/tasks/x", "getTask", "GET /tasks/{id}"},
		{"GET", "/meetings/invitees/invitees", "getInvitee", "GET /meetings/invitees/{inviteeID}"},
		{"GET", "/meetings/m1/invitees", "listInvitees", "GET /meetings/{meetingID}/invitees"},
		{"POST", "/v1/x:cancel", "cancelOperation", "POST /v1/{name}:cancel"},
		{"GET", "/v1/x:cancel", "getOperation", "GET /v1/{name}"},
		{"POST", "/users/u/expire?tempPassword=false", "expirePassword", "POST /users/{userID}/expire?tempPassword=false"},
		{"POST", "/users/u/expire?a=1&tempPassword=true", "expireWithTemporaryPassword", "POST /users/{userID}/expire?tempPassword=true"},
		{"POST", "/conversations", "startConversationStream", "POST /conversations"},
	} {
		w := serve(h, tc.method, tc.target)
		require.Equal(t, http.StatusOK, w.Code, "%s %s: %s", tc.method, tc.target, w.Body.String())
		require.Equal(t, tc.operation, op.ID, "%s %s", tc.method, tc.target)
		require.Equal(t, tc.pattern, op.Pattern, "%s %s", tc.method, tc.target)
		require.Equal(t, tc.pattern, pattern, "%s %s: Request.Pattern", tc.method, tc.target)
	}
}

// TestHeadBeforeGet: a HEAD operation serves HEAD requests on its path,
// though a GET operation of the same path could.
func TestHeadBeforeGet(t *testing.T) {
	var failed error
	h := NewHandler(impl{}, WithErrorMapper(func(ctx context.Context, err error) (int, ErrorResponse) {
		failed = err
		return http.StatusTeapot, ErrorResponse{}
	}))
	require.Equal(t, http.StatusTeapot, serve(h, "HEAD", "/tasks/x.json").Code)
	require.EqualError(t, failed, "headTaskJSON")
}

// TestUnrouted: 404 for a path no operation has, 405 with Allow for a
// known path and another method, from ServeMux and the matcher alike.
func TestUnrouted(t *testing.T) {
	h := NewHandler(impl{})
	for _, tc := range []struct{ method, target, allow string }{
		{"DELETE", "/tasks/x.json", "GET, HEAD"},
		{"POST", "/tasks/x", "GET, HEAD"},
		{"DELETE", "/v1/x:cancel", "GET, HEAD, POST"},
		{"GET", "/users/u/expire?tempPassword=true", "POST"},
		{"PUT", "/conversations", "GET, HEAD, POST"},
	} {
		w := serve(h, tc.method, tc.target)
		require.Equal(t, http.StatusMethodNotAllowed, w.Code, "%s %s", tc.method, tc.target)
		require.Equal(t, tc.allow, w.Header().Get("Allow"), "%s %s", tc.method, tc.target)
	}
	for _, target := range []string{"/tasks", "/tasks/x.json/more", "/users/u/expire", "/users/u/expire?tempPassword=maybe", "/pairs/x", "/nothing"} {
		w := serve(h, "POST", target)
		if target == "/pairs/x" {
			w = serve(h, "GET", target)
		}
		require.Equal(t, http.StatusNotFound, w.Code, target)
		require.JSONEq(t, `{"message":"no operation has this path","problems":[]}`, w.Body.String())
	}
}
