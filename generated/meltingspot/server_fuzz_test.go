package meltingspot

import (
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/seed-0d47db62/livegen/bench/fixtures"
)

// srvFuzzMethods are the methods the fuzz target picks from.
var srvFuzzMethods = []string{"GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS"}

// FuzzServerHandler sends random paths, queries and bodies to the generated
// handler: whatever a client sends, the handler must not panic nor answer
// 5xx, and every error it answers has the ErrorResponse shape. The seed
// corpus runs with go test; `go test -fuzz FuzzServerHandler` explores more.
func FuzzServerHandler(f *testing.F) {
	seeds := []struct {
		method        uint8
		path, query   string
		body, ctype   string
		authenticated bool
	}{
		{1, "v1/lives", "", srvCreateBody, "application/json", true},
		{1, "v1/lives", "", `{"title":1,"solution":[],"startDate":"x"}`, "application/json", true},
		{1, "v1/lives", "", `{"title":"t",`, "application/json", true},
		{1, "v1/lives", "", `[]`, "application/json; charset=utf-8", true},
		{1, "v1/lives", "", srvCreateBody, "text/plain", true},
		{0, "v1/lives", "page=2&limit=5&status%5Beq%5D=Live&startDate%5Bgte%5D=1700000000", "", "", true},
		{0, "v1/lives", "page=-1&limit=abc&status%5Beq%5D=Nope&startDate%5Bgte%5D=soon&title%5Bfoo%5D=x", "", "", true},
		{0, "v1/lives", "page=%zz;a=b", "", "", true},
		{0, "v1/lives/live-1", "", "", "", true},
		{0, "v1/lives/live-1", "", "", "", false},
		{2, "v1/lives/live-1", "", `{"title":"x","startDate":1,"endDate":2,"solution":"Vimeo","replayVideoUrl":null}`, "application/json", true},
		{3, "v1/lives/%2F..%2F", "", "", "", true},
		{0, "v1/lives/live-1/participants", "type%5Beq%5D=Host&hasReplayed%5Beq%5D=maybe", "", "", true},
		{1, "v1/lives/live-1/participants~bulkInvite", "", `{"members":{"emails":["a@example.com","b"],"spotMemberIds":[1]}}`, "application/json", true},
		{1, "v1/lives/live-1/speakers", "", `{"member":{"email":"x@example.com","firstName":null}}`, "application/json", true},
		{1, "v1/lives/live-1/speakers", "", `{"member":[{"email":1}]}`, "application/json", true},
		{1, "v1/lives/live-1/speakers~bulkInvite", "", `{"spotMemberIds":null}`, "application/json", true},
		{1, "v1/channels/c/groups~bulkAdd", "", `{"groupIds":["\ud800",{"a":[[[]]]}]}`, "application/json", true},
		{4, "v1/lives/live-1", "", "", "", true},
		{0, "v1/nowhere", "", "", "", true},
		{6, "", "", "", "", true},
		{1, "v1/lives", "", `{"TITLE":"t","spotmemberhostid":"m","startDate":1e3,"endDate":2,"solution":"Youtube"}`, "application/json", true},
	}
	for _, s := range seeds {
		f.Add(s.method, s.path, s.query, s.body, s.ctype, s.authenticated)
	}
	// Hostile bodies, cut to the fuzz body limit: many problems, repeated ones,
	// many members.
	const hostile = 4000
	f.Add(uint8(1), "v1/lives", "", string(fixtures.NullsThenWrongKinds(hostile)), "application/json", true)
	f.Add(uint8(1), "v1/lives/live-1/participants~bulkInvite", "", string(fixtures.WrongItemKinds(hostile)), "application/json", true)
	f.Add(uint8(1), "v1/lives", "", string(fixtures.UnknownMembers(hostile)), "application/json", true)
	f.Add(uint8(1), "v1/lives", "", "null", "application/json", true)
	f.Add(uint8(1), "v1/lives/live-1/participants~bulkInvite", "", `{"members":{"spotMemberIds":[null,null]}}`, "application/json", true)
	f.Add(uint8(0), "v1/lives", strings.Repeat("title%5Bx%5D=1&", 300)+"limit=+5", "", "", true)
	h := NewHandler(newSrvFake(), WithLogger(slog.New(slog.DiscardHandler)), WithMaxBodyBytes(4096), WithStrictQuery())
	f.Fuzz(func(t *testing.T, method uint8, path, query, body, ctype string, authenticated bool) {
		u := &url.URL{Path: "/" + path, RawQuery: query}
		r := &http.Request{
			Method:        srvFuzzMethods[int(method)%len(srvFuzzMethods)],
			URL:           u,
			RequestURI:    u.RequestURI(),
			Proto:         "HTTP/1.1",
			ProtoMajor:    1,
			ProtoMinor:    1,
			Host:          "example.com",
			Header:        http.Header{},
			Body:          io.NopCloser(strings.NewReader(body)),
			ContentLength: int64(len(body)),
		}
		if ctype != "" {
			r.Header.Set("Content-Type", ctype)
		}
		if authenticated {
			r.Header.Set("Authorization", "Bearer "+srvToken)
		}
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		if w.Code >= 500 {
			t.Fatalf("%s %s: client input got %d: %s", r.Method, u.RequestURI(), w.Code, w.Body.String())
		}
		// The fake answers a missing Live with the spec's 404, which has no body;
		// every error the handler writes itself is an ErrorResponse.
		if w.Code >= 400 && w.Body.Len() > 0 {
			var e ErrorResponse
			if err := json.Unmarshal(w.Body.Bytes(), &e); err != nil || e.Message == "" || e.Problems == nil {
				t.Fatalf("%s %s: %d answer is not an ErrorResponse: %s", r.Method, u.RequestURI(), w.Code, w.Body.String())
			}
			if len(e.Problems) > 100 {
				t.Fatalf("%s %s: %d problems listed, more than 100", r.Method, u.RequestURI(), len(e.Problems))
			}
		}
		if strings.Contains(w.Body.String(), srvToken) {
			t.Fatalf("the answer shows the token: %s", w.Body.String())
		}
	})
}
