package server

// Behaviour of the generated server on the features this case gathers:
// parameters in every location, a nullable required property, a oneOf in a
// list, range and default answers, every kind of security scheme, raw
// bodies and paths that ServeMux routes (or cannot: the handler's matcher
// routes them).

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// impl answers from fields the tests set and records its inputs.
type impl struct {
	get    GetItemOutput
	gotGet GetItemInput
	gotPut PutItemInput
	upload []byte
	batch  []Item
}

func (s *impl) RunBatch(ctx context.Context, in RunBatchInput) (RunBatchOutput, error) {
	s.batch = in.Body
	return RunBatchOK{Body: in.Body}, nil
}

func (s *impl) GetItem(ctx context.Context, in GetItemInput) (GetItemOutput, error) {
	s.gotGet = in
	return s.get, nil
}

func (s *impl) PutItem(ctx context.Context, in PutItemInput) (PutItemOutput, error) {
	s.gotPut = in
	return PutItemNoContent{}, nil
}

func (s *impl) ArchiveItem(ctx context.Context, in ArchiveItemInput) (ArchiveItemOutput, error) {
	return ArchiveItemNoContent{}, nil
}

func (s *impl) Upload(ctx context.Context, in UploadInput) (UploadOutput, error) {
	if in.Body != nil {
		data, err := io.ReadAll(in.Body)
		if err != nil {
			return nil, err
		}
		s.upload = data
	}
	return UploadCreated{Body: "stored"}, nil
}

func serve(h http.Handler, method, target, body string, header ...string) *httptest.ResponseRecorder {
	r := httptest.NewRequest(method, target, strings.NewReader(body))
	for i := 0; i+1 < len(header); i += 2 {
		r.Header.Set(header[i], header[i+1])
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w
}

func problems(t *testing.T, w *httptest.ResponseRecorder) []Problem {
	t.Helper()
	var e ErrorResponse
	require.NoError(t, json.Unmarshal(w.Body.Bytes(), &e), w.Body.String())
	return e.Problems
}

func TestParametersInEveryLocation(t *testing.T) {
	s := &impl{get: GetItemOK{Body: Item{Name: "n", Owner: "o@example.com", Parts: []Part{}}, ETag: `"v1"`}}
	h := NewHandler(s)
	w := serve(h, "GET", "/items/7?view=brief&since=2025-05-15T01:22:21+02:00&tags=a,b&ratio=0.5", "",
		"Authorization", "Bearer t", "X-Request-Id", "123e4567-e89b-12d3-a456-426614174000", "Cookie", "session=abcd")
	require.Equal(t, http.StatusOK, w.Code, w.Body.String())
	require.Equal(t, `"v1"`, w.Header().Get("ETag"))
	require.Empty(t, w.Header().Get("X-Rate-Remaining"))
	p := s.gotGet.Params
	require.Equal(t, int64(7), s.gotGet.ItemID)
	require.Equal(t, ViewBrief, p.View)
	require.Equal(t, 2025, p.Since.Year(), "an unescaped + in the query is read as +")
	require.Equal(t, []string{"a", "b"}, p.Tags)
	require.Equal(t, 0.5, *p.Ratio)
	require.Equal(t, "abcd", *p.Session)

	w = serve(h, "GET", "/items/0?since=May&tags=a,B,a,c,d&ratio=0", "",
		"Authorization", "Bearer t", "X-Request-Id", "nope", "Cookie", "session=ab")
	require.Equal(t, http.StatusBadRequest, w.Code)
	require.ElementsMatch(t, []Problem{
		{In: "path", Name: "itemId", Problem: "must be at least 1"},
		{In: "query", Name: "view", Problem: "is required"},
		{In: "query", Name: "since", Problem: "must be a date-time (RFC 3339, such as 2025-05-15T01:22:21Z)"},
		{In: "query", Name: "tags", Problem: "must have at most 3 items, not 5"}, // and the items are not checked
		{In: "query", Name: "ratio", Problem: "must be greater than 0"},
		{In: "header", Name: "X-Request-Id", Problem: "must be a UUID (8-4-4-4-12 hexadecimal digits)"},
		{In: "cookie", Name: "session", Problem: "must be at least 4 characters long"},
	}, problems(t, w))

	w = serve(h, "GET", "/items/7?view=brief&tags=a,B,a", "", "Authorization", "Bearer t")
	require.Equal(t, http.StatusBadRequest, w.Code)
	require.ElementsMatch(t, []Problem{
		{In: "query", Name: "tags/1", Problem: "must match the pattern ^[a-z]+$"},
		{In: "query", Name: "tags/2", Problem: "repeats item 0; items must be unique"},
	}, problems(t, w))
}

func TestRangeAndDefaultAnswers(t *testing.T) {
	s := &impl{get: GetItemStatus4XX{Status: http.StatusTeapot, Body: Failure{}}}
	h := NewHandler(s, WithLogger(slog.New(slog.DiscardHandler)))
	target := "/items/1?view=full"
	require.Equal(t, http.StatusTeapot, serve(h, "GET", target, "", "Authorization", "Bearer t").Code)
	s.get = GetItemStatus4XX{Status: 200}
	require.Equal(t, http.StatusInternalServerError, serve(h, "GET", target, "", "Authorization", "Bearer t").Code,
		"a 4XX answer cannot carry another status")
	s.get = GetItemDefault{Status: http.StatusServiceUnavailable}
	require.Equal(t, http.StatusServiceUnavailable, serve(h, "GET", target, "", "Authorization", "Bearer t").Code)
}

const item = `{"name":"Box","owner":"ann@example.com","note":null,"parts":[{"code":"AB1","size":3},{"code":"CD2","size":{"w":1,"h":2}}],"labels":{"k":"abc"},"when":"2025-01-31","site":"https://example.com"}`

func TestBodyChecks(t *testing.T) {
	s := &impl{}
	h := NewHandler(s)
	w := serve(h, "PUT", "/items/1", item, "Content-Type", "application/json", "Authorization", "Basic dTpw")
	require.Equal(t, http.StatusNoContent, w.Code, w.Body.String())
	require.Nil(t, s.gotPut.Body.Note)
	require.Equal(t, 2, s.gotPut.Body.Parts[1].Size.Dimensions.H)

	bad := `{"name":"","owner":"ann","parts":[{"code":"ab","size":{"w":-1}},{"code":"ab"}],"labels":{"k":"abcd"},"when":"31/01/2025","site":"example.com","price":0.3,"count":11}`
	w = serve(h, "PUT", "/items/1", bad, "Content-Type", "application/json", "Authorization", "Basic dTpw")
	require.Equal(t, http.StatusBadRequest, w.Code)
	// parts does not decode (its first size matches no variant): its problem is
	// named, and the other properties are validated all the same.
	require.ElementsMatch(t, []Problem{
		{In: "body", Name: "/note", Problem: "is required"},
		{In: "body", Name: "/parts/0/size/h", Problem: "is required"},
		{In: "body", Name: "/name", Problem: "must be at least 1 characters long"},
		{In: "body", Name: "/owner", Problem: "must be an email address"},
		{In: "body", Name: "/labels/k", Problem: "must be at most 3 characters long"},
		{In: "body", Name: "/when", Problem: "must be a date (YYYY-MM-DD)"},
		{In: "body", Name: "/site", Problem: "must be an absolute URI"},
		{In: "body", Name: "/price", Problem: "must be a multiple of 0.5"},
		{In: "body", Name: "/count", Problem: "must be at most 10"},
	}, problems(t, w))

	bad = `{"name":"n","owner":"a@b.co","note":"x","parts":[{"code":"ab","size":{"w":-1,"h":1}},{"code":"ab"}]}`
	w = serve(h, "PUT", "/items/1", bad, "Content-Type", "application/json", "Authorization", "Basic dTpw")
	require.Equal(t, http.StatusBadRequest, w.Code)
	require.ElementsMatch(t, []Problem{
		{In: "body", Name: "/parts/1/code", Problem: `"ab" is also the code of item 0; each item's code must be unique`},
		{In: "body", Name: "/parts/0/code", Problem: "must match the pattern ^[A-Z]{2}[0-9]+$"},
		{In: "body", Name: "/parts/0/size/w", Problem: "must be at least 0"},
		{In: "body", Name: "/parts/1/code", Problem: "must match the pattern ^[A-Z]{2}[0-9]+$"},
	}, problems(t, w))

	w = serve(h, "PUT", "/items/1", `{"name":"x","owner":"a@b.co","note":"n","parts":[{"code":"AB1","size":"big"}],"count":99999999999}`,
		"Content-Type", "application/json", "Authorization", "Basic dTpw")
	require.Equal(t, http.StatusBadRequest, w.Code)
	require.ElementsMatch(t, []Problem{
		{In: "body", Name: "/parts/0/size", Problem: "must be an integer or an object"},
		{In: "body", Name: "/count", Problem: "must be an integer that fits in 32 bits"},
	}, problems(t, w))
}

// TestBodyArrayItems: null is refused where the items' schema does not
// allow it, and too many items are one problem, found before the items.
func TestBodyArrayItems(t *testing.T) {
	s := &impl{}
	h := NewHandler(s)
	put := func(extra string) *httptest.ResponseRecorder {
		body := `{"name":"n","owner":"a@b.co","note":null,"parts":[{"code":"AB1"}],` + extra + `}`
		return serve(h, "PUT", "/items/1", body, "Content-Type", "application/json", "Authorization", "Basic dTpw")
	}
	w := put(`"tags":["a"],"aliases":["b",null]`)
	require.Equal(t, http.StatusNoContent, w.Code, w.Body.String())
	require.Equal(t, []string{"b", ""}, s.gotPut.Body.Aliases, "nullable items are allowed")

	w = put(`"tags":[null,"a"]`)
	require.Equal(t, http.StatusBadRequest, w.Code)
	require.Equal(t, []Problem{{In: "body", Name: "/tags/0", Problem: "must not be null"}}, problems(t, w))

	w = put(`"tags":[null,1,{}]`)
	require.Equal(t, http.StatusBadRequest, w.Code)
	require.Equal(t, []Problem{{In: "body", Name: "/tags", Problem: "must have at most 2 items, not 3"}}, problems(t, w))
}

// TestBodyDeepNesting walks a deeply nested body: the required title is
// found missing at its JSON pointer, however deep, next to padding that the
// walk skips at every level above it.
func TestBodyDeepNesting(t *testing.T) {
	s := &impl{}
	h := NewHandler(s, WithMaxBodyBytes(4<<20))
	const depth = 1500
	pad := `"x":"` + strings.Repeat("p", 100) + `",`
	outline := func(innermost string) string {
		return strings.Repeat(`{`+pad+`"title":"t","children":[`, depth) + innermost + strings.Repeat(`]}`, depth)
	}
	put := func(o string) *httptest.ResponseRecorder {
		body := `{"name":"n","owner":"a@b.co","note":null,"parts":[{"code":"AB1"}],"outline":` + o + `}`
		return serve(h, "PUT", "/items/1", body, "Content-Type", "application/json", "Authorization", "Basic dTpw")
	}
	w := put(outline(`{` + pad + `"title":"leaf"}`))
	require.Equal(t, http.StatusNoContent, w.Code, "%.300s", w.Body.String())

	w = put(outline(`{` + pad + `"children":[]}`))
	require.Equal(t, http.StatusBadRequest, w.Code)
	want := "/outline" + strings.Repeat("/children/0", depth) + "/title"
	require.Equal(t, []Problem{{In: "body", Name: want, Problem: "is required"}}, problems(t, w))
}

func TestSecuritySchemes(t *testing.T) {
	s := &impl{}
	var seen []string
	h := NewHandler(s, WithAuthenticator(func(ctx context.Context, req AuthRequest) (context.Context, error) {
		seen = append(seen, req.Scheme+"="+req.Token+req.Username)
		return ctx, nil
	}))
	put := func(header ...string) int {
		return serve(h, "PUT", "/items/1?api_key=q", item, append([]string{"Content-Type", "application/json"}, header...)...).Code
	}
	require.Equal(t, http.StatusNoContent, put("Authorization", "Basic dTpw"))
	require.Equal(t, http.StatusNoContent, put("X-API-Key", "k"), "the second alternative needs the header and the query key")
	require.Equal(t, []string{"basic=u", "apiKeyHeader=k", "apiKeyQuery=q"}, seen)

	w := serve(h, "PUT", "/items/1", item, "Content-Type", "application/json", "X-API-Key", "k")
	require.Equal(t, http.StatusUnauthorized, w.Code)
	require.Equal(t, "Basic", w.Header().Get("WWW-Authenticate"))
	require.ElementsMatch(t, []Problem{
		{In: "header", Name: "Authorization", Problem: "HTTP basic credentials are required"},
		{In: "query", Name: "api_key", Problem: "an API key is required"},
	}, problems(t, w))

	w = serve(h, "POST", "/uploads/", "raw bytes", "Content-Type", "application/octet-stream", "Cookie", "key=c")
	require.Equal(t, http.StatusCreated, w.Code, w.Body.String())
	require.Equal(t, "stored", w.Body.String())
	require.Equal(t, "text/plain", w.Header().Get("Content-Type"))
	require.Equal(t, "raw bytes", string(s.upload))
	require.Equal(t, http.StatusUnauthorized, serve(h, "POST", "/uploads/", "x", "Content-Type", "application/octet-stream").Code)

	// The open operation needs no credentials; its body is optional.
	w = serve(h, "POST", "/batch~run", "")
	require.Equal(t, http.StatusOK, w.Code, w.Body.String())
	require.Equal(t, "[]", w.Body.String())
	require.Nil(t, s.batch)
}

func TestRoutes(t *testing.T) {
	h := NewHandler(&impl{})
	w := serve(h, "POST", "/items/1:archive", "", "Authorization", "Bearer t")
	require.Equal(t, http.StatusNoContent, w.Code, "ServeMux cannot route {itemId}:archive; the handler's matcher does")
	w = serve(h, "DELETE", "/items/1:archive", "")
	require.Equal(t, http.StatusMethodNotAllowed, w.Code)
	require.Equal(t, "GET, HEAD, PUT, POST", w.Header().Get("Allow"), "GET /items/{itemId} matches the path too")
	require.Equal(t, http.StatusNotFound, serve(h, "POST", "/uploads/more", "").Code, "a trailing slash matches only itself")
	w = serve(h, "POST", "/batch~run", `[`+item+`,`+item+`,`+item+`]`, "Content-Type", "application/json")
	require.Equal(t, http.StatusBadRequest, w.Code)
	require.Equal(t, []Problem{{In: "body", Name: "", Problem: "must have at most 2 items, not 3"}}, problems(t, w))
	w = serve(h, "DELETE", "/batch~run", "")
	require.Equal(t, http.StatusMethodNotAllowed, w.Code)
	require.Equal(t, "POST", w.Header().Get("Allow"))
}
