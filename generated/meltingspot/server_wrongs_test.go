package meltingspot

import (
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestServerSmallWrongs covers requests that used to pass or to be
// misreported: each is answered with the one problem that names it.
func TestServerSmallWrongs(t *testing.T) {
	var many strings.Builder
	for i := range 10001 {
		many.WriteString("p" + strconv.Itoa(i) + "=1&")
	}
	for _, c := range []struct {
		name, method, target, body string
		status                     int
		want                       Problem
	}{
		{"null item in an array of strings", "POST", "/v1/lives/live-1/participants~bulkInvite", `{"members":{"spotMemberIds":[null]}}`,
			400, Problem{In: "body", Name: "/members/spotMemberIds/0", Problem: "must not be null"}},
		{"null body with a newline", "POST", "/v1/lives", "null\n",
			400, Problem{In: "body", Name: "", Problem: "must not be null"}},
		{"plus sign on an integer", "GET", "/v1/lives?limit=%2B5", "",
			400, Problem{In: "query", Name: "limit", Problem: "must be an integer"}},
		{"more query parameters than net/url reads", "GET", "/v1/lives?" + many.String(), "",
			400, Problem{In: "query", Name: "", Problem: "has 10002 parameters; at most 10000 are read"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			w := srvServe(NewHandler(newSrvFake()), srvRequest(c.method, c.target, c.body))
			require.Equal(t, c.status, w.Code, w.Body.String())
			require.Equal(t, []Problem{c.want}, srvErrorBody(t, w).Problems)
		})
	}
}

// TestServerAuthorizationTwice sends two Authorization headers: neither is
// guessed at, the request is refused.
func TestServerAuthorizationTwice(t *testing.T) {
	r := srvRequest("GET", "/v1/lives/live-1", "")
	r.Header.Add("Authorization", "Bearer other")
	w := srvServe(NewHandler(newSrvFake()), r)
	require.Equal(t, http.StatusUnauthorized, w.Code)
	require.Equal(t, []Problem{{In: "header", Name: "Authorization", Problem: "must be given once, not 2 times"}}, srvErrorBody(t, w).Problems)
}

// TestServerManyUnknownBrackets sends 10,000 undeclared bracket parameters
// under WithStrictQuery: the answer lists 100 and counts the others up to
// the 1,000 after which checks stop.
func TestServerManyUnknownBrackets(t *testing.T) {
	var q strings.Builder
	for i := range 9999 {
		q.WriteString("x" + strconv.Itoa(i) + "%5Beq%5D=1&")
	}
	w := srvServe(NewHandler(newSrvFake(), WithStrictQuery()), srvRequest("GET", "/v1/lives?"+q.String(), ""))
	require.Equal(t, http.StatusBadRequest, w.Code)
	e := srvErrorBody(t, w)
	require.Len(t, e.Problems, 100)
	require.Equal(t, 1000-100, e.MoreProblems, "checks stop after 1,000 problems")
}
