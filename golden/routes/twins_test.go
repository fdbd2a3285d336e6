package routes

// Behaviour of operations that take the same requests: each is served for a
// request that carries what tells it apart, and the general one otherwise.

import (
	"context"
	"io"
	"iter"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

func (impl) RemoveSharedLink(ctx context.Context, in RemoveSharedLinkInput) (RemoveSharedLinkOutput, error) {
	return RemoveSharedLinkOK{Body: served(ctx, in.FileID)}, nil
}

func (impl) GetSharedItem(ctx context.Context, in GetSharedItemInput) (GetSharedItemOutput, error) {
	return GetSharedItemOK{Body: served(ctx)}, nil
}

func (impl) GetSharedFolder(ctx context.Context, in GetSharedFolderInput) (GetSharedFolderOutput, error) {
	return GetSharedFolderOK{Body: served(ctx, in.Params.Boxapi)}, nil
}

func (impl) AddSchemaFields(ctx context.Context, in AddSchemaFieldsInput) (AddSchemaFieldsOutput, error) {
	return AddSchemaFieldsOK{Body: served(ctx, in.Body.Fields...)}, nil
}

func (impl) UpdateSchema(ctx context.Context, in UpdateSchemaInput) (UpdateSchemaOutput, error) {
	return UpdateSchemaOK{Body: served(ctx)}, nil
}

func (impl) Chat(ctx context.Context, in ChatInput) (ChatOutput, error) {
	return ChatOK{Body: served(ctx, in.Body.Model)}, nil
}

func (impl) ChatStream(ctx context.Context, in ChatStreamInput) (ChatStreamOutput, error) {
	var events iter.Seq[Served] = func(yield func(Served) bool) { yield(served(ctx, in.Body.Model)) }
	return ChatStreamOK{Events: events}, nil
}

func (impl) Token(ctx context.Context, in TokenInput) (TokenOutput, error) {
	return TokenOK{Body: served(ctx, string(in.Body.GrantType))}, nil
}

func (impl) RefreshToken(ctx context.Context, in RefreshTokenInput) (RefreshTokenOutput, error) {
	return RefreshTokenOK{Body: served(ctx, in.Body.RefreshToken)}, nil
}

func (impl) GetItem(ctx context.Context, in GetItemInput) (GetItemOutput, error) {
	return GetItemOK{Body: served(ctx, strconv.Itoa(in.ItemID))}, nil
}

func (impl) GetItemBySlug(ctx context.Context, in GetItemBySlugInput) (GetItemBySlugOutput, error) {
	return GetItemBySlugOK{Body: served(ctx, in.Slug)}, nil
}

func (impl) GetTagByCode(ctx context.Context, in GetTagByCodeInput) (GetTagByCodeOutput, error) {
	return GetTagByCodeOK{Body: served(ctx, in.TagCode)}, nil
}

func (impl) GetTag(ctx context.Context, in GetTagInput) (GetTagOutput, error) {
	return GetTagOK{Body: served(ctx, in.TagName)}, nil
}

func (impl) GetPeriodReport(ctx context.Context, in GetPeriodReportInput) (GetPeriodReportOutput, error) {
	return GetPeriodReportOK{Body: served(ctx, string(in.Period))}, nil
}

func (impl) GetReport(ctx context.Context, in GetReportInput) (GetReportOutput, error) {
	return GetReportOK{Body: served(ctx, in.ReportID)}, nil
}

func (impl) GetBoardsByFilter(ctx context.Context, in GetBoardsByFilterInput) (GetBoardsByFilterOutput, error) {
	return GetBoardsByFilterOK{Body: served(ctx, in.Filter)}, nil
}

func (impl) GetBoard(ctx context.Context, in GetBoardInput) (GetBoardOutput, error) {
	return GetBoardOK{Body: served(ctx, in.BoardID)}, nil
}

// twinRequest is a request with headers ("Name: value") and a body.
func twinRequest(method, target, body string, headers ...string) *http.Request {
	var r *http.Request
	if body == "" {
		r = httptest.NewRequest(method, target, nil)
	} else {
		r = httptest.NewRequest(method, target, strings.NewReader(body))
	}
	for _, h := range headers {
		name, value, _ := strings.Cut(h, ": ")
		r.Header.Set(name, value)
	}
	return r
}

const (
	asJSON  = "Content-Type: application/json"
	asPatch = "Content-Type: application/json-patch+json"
	asForm  = "Content-Type: application/x-www-form-urlencoded"
)

// TestTwins: of operations that take the same request, the one whose
// features the request carries serves it, the general one otherwise.
func TestTwins(t *testing.T) {
	h := NewHandler(impl{})
	for _, tc := range []struct {
		method, target, body string
		headers              []string
		operation            string
	}{
		// A required query parameter, then the body: shared_link null is removeSharedLink's.
		{"PUT", "/files/f1?fields=id", `{"shared_link":{"access":"open"}}`, []string{asJSON}, "addSharedLink"},
		{"PUT", "/files/f1?fields=id", `{"shared_link":null}`, []string{asJSON}, "removeSharedLink"},
		{"PUT", "/files/f1", `{"name":"a"}`, []string{asJSON}, "updateFile"},
		{"PUT", "/files/f1", `{"shared_link":null}`, []string{asJSON}, "updateFile"},
		// A required header.
		{"GET", "/shared_items", "", []string{"boxapi: shared_link=x"}, "getSharedFolder"},
		{"GET", "/shared_items", "", nil, "getSharedItem"},
		// The body's media type.
		{"PUT", "/schema", `{"fields":["a"]}`, []string{asJSON}, "addSchemaFields"},
		{"PUT", "/schema", `[{"op":"add"}]`, []string{asPatch}, "updateSchema"},
		// Accept.
		{"POST", "/chat", `{"model":"m","stream":true}`, []string{asJSON, "Accept: text/event-stream"}, "chatStream"},
		{"POST", "/chat", `{"model":"m"}`, []string{asJSON}, "chat"},
		{"POST", "/chat", `{"model":"m"}`, []string{asJSON, "Accept: application/json"}, "chat"},
		// A body member's enum, and the members it requires.
		{"POST", "/token", "grant_type=refresh_token&refresh_token=r1", []string{asForm}, "refreshToken"},
		{"POST", "/token", "grant_type=authorization_code&code=c1", []string{asForm}, "token"},
		{"POST", "/token", "grant_type=refresh_token", []string{asForm}, "token"},
		// Path parameter constraints.
		{"GET", "/items/42", "", nil, "getItem"},
		{"GET", "/items/forty-two", "", nil, "getItemBySlug"},
		{"GET", "/reports/weekly", "", nil, "getPeriodReport"},
		{"GET", "/reports/r7", "", nil, "getReport"},
		{"GET", "/tags/ABC-12", "", nil, "getTagByCode"},
		{"GET", "/tags/abc-12", "", nil, "getTag"},
	} {
		name := tc.method + " " + tc.target + " " + tc.body
		w := httptest.NewRecorder()
		h.ServeHTTP(w, twinRequest(tc.method, tc.target, tc.body, tc.headers...))
		require.Equal(t, http.StatusOK, w.Code, "%s: %s", name, w.Body.String())
		require.Contains(t, w.Body.String(), `"operation":"`+tc.operation+`"`, name)
	}
}

// TestTwinsBodyPutBack: the body read to choose between twins reaches the
// chosen operation whole.
func TestTwinsBodyPutBack(t *testing.T) {
	c := newClient(t)
	ctx := context.Background()
	got, err := c.RefreshToken(ctx, RefreshTokenRequestBody{GrantType: "refresh_token", RefreshToken: "r1"})
	require.NoError(t, err)
	require.Equal(t, Served{Operation: "refreshToken", Params: []string{"r1"}}, *got)
	got, err = c.Token(ctx, TokenRequestBody{GrantType: "authorization_code"})
	require.NoError(t, err)
	require.Equal(t, Served{Operation: "token", Params: []string{"authorization_code"}}, *got)
	got, err = c.AddSharedLink(ctx, "f1", &AddSharedLinkParams{Fields: "id"}, &AddSharedLinkRequestBody{})
	require.NoError(t, err)
	require.Equal(t, "addSharedLink", got.Operation)
	got, err = c.RemoveSharedLink(ctx, "f1", &RemoveSharedLinkParams{Fields: "id"}, &RemoveSharedLinkRequestBody{SharedLink: Null[map[string]any]()})
	require.NoError(t, err)
	require.Equal(t, "removeSharedLink", got.Operation)
	var events []Served
	for e, err := range c.ChatStream(ctx, ChatRequest{Model: "m"}) {
		require.NoError(t, err)
		events = append(events, e)
	}
	require.Equal(t, []Served{{Operation: "chatStream", Params: []string{"m"}}}, events)
}

// TestTwinsInvalid: a request that no twin takes reaches the general
// operation, whose checks name every problem with 4xx; a body larger than
// the limit is answered 413, not read whole to choose.
func TestTwinsInvalid(t *testing.T) {
	h := NewHandler(impl{}, WithMaxBodyBytes(64))
	for _, tc := range []struct {
		body    string
		status  int
		problem string
	}{
		{"grant_type=password", http.StatusBadRequest, "grant_type"},
		{"code=c1", http.StatusBadRequest, "grant_type"},
		{"grant_type=refresh_token&refresh_token=" + strings.Repeat("r", 100), http.StatusRequestEntityTooLarge, "at most 64 bytes"},
	} {
		w := httptest.NewRecorder()
		h.ServeHTTP(w, twinRequest("POST", "/token", tc.body, asForm))
		require.Equal(t, tc.status, w.Code, tc.body)
		require.Contains(t, w.Body.String(), tc.problem, tc.body)
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, twinRequest("POST", "/chat", `{"stream":true}`, asJSON, "Accept: text/event-stream"))
	require.Equal(t, http.StatusBadRequest, w.Code)
	require.Contains(t, w.Body.String(), "model")
	body, _ := io.ReadAll(w.Body)
	require.NotEmpty(t, body)
}
