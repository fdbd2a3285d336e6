package paramunions

// oneOf/anyOf values in parameters through the generated client and server:
// a list of scalar unions written as each variant's text in the parameter's
// style (Sentry's project=1234&project=android), read back by the text (an
// integer when it is one, else a string) and validated; a oneOf of objects
// in brackets, read back as the JSON union decoder picks the variant.

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"testing"

	"github.com/stretchr/testify/require"
)

type echoServer struct{ UnimplementedServer }

func (echoServer) ListProjects(ctx context.Context, in ListProjectsInput) (ListProjectsOutput, error) {
	p := in.Params
	note := ""
	if p.XNote != nil {
		note = *p.XNote
	}
	echo := Echo{IDs: in.IDs, Project: p.Project, Joined: p.Joined, One: p.One, Header: p.XProjects, Cookie: p.Projects, Target: p.Target, Sort: p.Sort, Note: &note, Key: p.IdempotencyKey}
	if p.Status != nil && p.Status.Status != nil {
		echo.Status = []Status{*p.Status.Status} // one status: the scalar variant
	}
	if p.Status != nil && p.Status.StatusList != nil {
		echo.Status = append(*p.Status.StatusList, *p.Status.StatusList...) // several: the list, twice
	}
	return ListProjectsOK{Body: echo}, nil
}

// One status is sent as the scalar variant, several repeated, and each
// comes back as the variant it was sent as.
func TestScalarOrListUnion(t *testing.T) {
	var seen url.Values
	h := NewHandler(echoServer{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		seen = r.URL.Query()
		h.ServeHTTP(w, r)
	}))
	defer srv.Close()
	client, err := NewClient(srv.URL)
	require.NoError(t, err)
	done, key := StatusDone, "any text, 42"
	got, err := client.ListProjects(context.Background(), []ProjectRef{id(1)}, &ListProjectsParams{Status: &ListProjectsStatus{Status: &done}, IdempotencyKey: &key})
	require.NoError(t, err)
	require.Equal(t, []string{"done"}, seen["status"])
	require.Equal(t, []Status{StatusDone}, got.Status)
	require.Equal(t, key, *got.Key)

	list := []Status{StatusDone, StatusFailed}
	got, err = client.ListProjects(context.Background(), []ProjectRef{id(1)}, &ListProjectsParams{Status: &ListProjectsStatus{StatusList: &list}})
	require.NoError(t, err)
	require.Equal(t, []string{"done", "failed"}, seen["status"])
	require.Equal(t, []Status{StatusDone, StatusFailed, StatusDone, StatusFailed}, got.Status)
}

func id(n int64) ProjectRef    { return ProjectRef{Int64: &n} }
func slug(s string) ProjectRef { return ProjectRef{String: &s} }

func TestUnionListsRoundTrip(t *testing.T) {
	var seen *http.Request
	h := NewHandler(echoServer{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		seen = r
		h.ServeHTTP(w, r)
	}))
	defer srv.Close()
	client, err := NewClient(srv.URL)
	require.NoError(t, err)
	refs := []ProjectRef{id(1234), slug("android")}
	size, user := 7, "ada"
	note := "plain text, as it is"
	got, err := client.ListProjects(context.Background(), refs, &ListProjectsParams{
		Project: refs, Joined: refs, One: &refs[1], XProjects: refs, Projects: refs,
		Target: &Target{TeamTarget: &TeamTarget{Team: "core", Size: &size}},
		Sort:   []string{"+count", "-bytes"}, XNote: &note,
	})
	require.NoError(t, err)
	require.Equal(t, url.Values{
		"project": {"1234", "android"}, "joined": {"1234,android"}, "one": {"android"},
		"target[team]": {"core"}, "target[size]": {"7"}, "sort": {"+count", "-bytes"},
	}, seen.URL.Query())
	require.Equal(t, "/projects/1234,android", seen.URL.Path)
	require.Equal(t, "1234,android", seen.Header.Get("X-Projects"))
	require.Equal(t, note, seen.Header.Get("X-Note"))
	for _, list := range [][]ProjectRef{got.IDs, got.Project, got.Joined, got.Header, got.Cookie} {
		require.Equal(t, refs, list)
	}
	require.Equal(t, slug("android"), *got.One)
	require.Equal(t, "core", got.Target.TeamTarget.Team)
	require.Equal(t, 7, *got.Target.TeamTarget.Size)
	require.Equal(t, []string{"+count", "-bytes"}, got.Sort)

	got, err = client.ListProjects(context.Background(), refs, &ListProjectsParams{Target: &Target{UserTarget: &UserTarget{User: user}}})
	require.NoError(t, err)
	require.Nil(t, got.Target.TeamTarget)
	require.Equal(t, user, got.Target.UserTarget.User)
}

// Each item is read by its text and checked against the variant it became.
func TestUnionItemsReadByText(t *testing.T) {
	h := NewHandler(echoServer{})
	w := httptest.NewRecorder()
	h.ServeHTTP(w, httptest.NewRequest("GET", "/projects/7,x2?project=-3&project=true&project=1.5", nil))
	require.Equal(t, http.StatusOK, w.Code, w.Body.String())
	require.JSONEq(t, `{"ids":[7,"x2"],"project":[-3,"true","1.5"],"note":""}`, w.Body.String())
}

func TestUnionBadValues(t *testing.T) {
	h := NewHandler(echoServer{})
	for _, tc := range []struct{ query, problem string }{
		{"project=1&project=a", `"name":"project/1","problem":`},      // a string of minLength 2
		{"limits=7&limits=101", `"name":"limits/1","problem":`},       // above the integer's maximum
		{"limits=yes", `"name":"limits/0","problem":"must be one of`}, // neither an integer nor a boolean
		{"target[team]=core&target[size]=many", `"name":"target","problem":"is not valid: Target: a JSON object matches no variant"`},
		{"target[team]=core&target[size]=99", `"name":"target`}, // above the maximum
		{"target[nobody]=x", `"name":"target"`},
		{"status=paused", `"name":"status"`},
		{"status=done&status=paused", `"name":"status`}, // no variant
	} {
		w := httptest.NewRecorder()
		h.ServeHTTP(w, httptest.NewRequest("GET", "/projects/1?"+tc.query, nil))
		require.Equal(t, http.StatusBadRequest, w.Code, tc.query)
		require.Contains(t, w.Body.String(), tc.problem, tc.query)
	}
}
