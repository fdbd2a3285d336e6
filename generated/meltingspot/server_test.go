package meltingspot

// Behavioural tests of the generated server (server.gen.go and
// validate.gen.go): every operation routed through NewHandler with plain
// net/http requests, table-driven bad input (each answered with the right
// 4xx naming the problem, never 5xx), limits, security, panics, error
// mapping, and round trips with the generated client over a loopback
// httptest server.

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// srvToken is the bearer token the tests send; no error body or log line may show it.
const srvToken = "s3cret-token-value"

// srvFake is an in-memory MeltingSpot written against the Server interface,
// as a team would write one to fake the API in its own tests.
type srvFake struct {
	mu    sync.Mutex
	lives map[string]Live
	// inputs holds the last input of each operation, by method name.
	inputs map[string]any
	// hook, when set, runs first in every method: it may panic or return an error.
	hook func(op string) error
}

func newSrvFake() *srvFake {
	title := "Weekly demo"
	status := LiveStatusScheduled
	id := "live-1"
	return &srvFake{
		lives:  map[string]Live{id: {ID: &id, Title: &title, Status: &status}},
		inputs: map[string]any{},
	}
}

func (f *srvFake) enter(op string, in any) error {
	f.mu.Lock()
	f.inputs[op] = in
	hook := f.hook
	f.mu.Unlock()
	if hook != nil {
		return hook(op)
	}
	return nil
}

// input returns the last input the fake received for op.
func (f *srvFake) input(op string) any {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.inputs[op]
}

func (f *srvFake) live(id string) (Live, bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	l, ok := f.lives[id]
	return l, ok
}

func srvParticipant(liveID, email string) Participant {
	return Participant{
		ID: "p-" + email, LiveID: liveID, SpotMemberID: "m-" + email, SpotMemberEmail: email,
		Status: ParticipantStatusInvited, Type: ParticipantTypeParticipant,
	}
}

func (f *srvFake) LinkChannelGroups(ctx context.Context, in LinkChannelGroupsInput) (LinkChannelGroupsOutput, error) {
	if err := f.enter("LinkChannelGroups", in); err != nil {
		return nil, err
	}
	if in.ChannelID == "missing" {
		return LinkChannelGroupsNotFound{}, nil
	}
	return LinkChannelGroupsNoContent{}, nil
}

func (f *srvFake) ListLives(ctx context.Context, in ListLivesInput) (ListLivesOutput, error) {
	if err := f.enter("ListLives", in); err != nil {
		return nil, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	var items []Live
	for _, l := range f.lives {
		if in.Params.Filter.Match(l) {
			items = append(items, l)
		}
	}
	return ListLivesOK{Body: LiveList{Items: items, Total: len(items)}}, nil
}

func (f *srvFake) CreateLive(ctx context.Context, in CreateLiveInput) (CreateLiveOutput, error) {
	if err := f.enter("CreateLive", in); err != nil {
		return nil, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	id := fmt.Sprintf("live-%d", len(f.lives)+1)
	title, solution := in.Body.Title, in.Body.Solution
	start := time.Unix(in.Body.StartDate, 0).UTC()
	l := Live{ID: &id, Title: &title, Solution: &solution, StartDate: &start}
	f.lives[id] = l
	return CreateLiveCreated{Body: l}, nil
}

func (f *srvFake) GetLive(ctx context.Context, in GetLiveInput) (GetLiveOutput, error) {
	if err := f.enter("GetLive", in); err != nil {
		return nil, err
	}
	if l, ok := f.live(in.LiveID); ok {
		return GetLiveOK{Body: l}, nil
	}
	return GetLiveNotFound{}, nil
}

func (f *srvFake) UpdateLive(ctx context.Context, in UpdateLiveInput) (UpdateLiveOutput, error) {
	if err := f.enter("UpdateLive", in); err != nil {
		return nil, err
	}
	l, ok := f.live(in.LiveID)
	if !ok {
		return UpdateLiveNotFound{}, nil
	}
	title := in.Body.Title
	l.Title = &title
	return UpdateLiveOK{Body: l}, nil
}

func (f *srvFake) DeleteLive(ctx context.Context, in DeleteLiveInput) (DeleteLiveOutput, error) {
	if err := f.enter("DeleteLive", in); err != nil {
		return nil, err
	}
	if _, ok := f.live(in.LiveID); !ok {
		return DeleteLiveNotFound{}, nil
	}
	return DeleteLiveNoContent{}, nil
}

func (f *srvFake) ListLiveGroups(ctx context.Context, in ListLiveGroupsInput) (ListLiveGroupsOutput, error) {
	if err := f.enter("ListLiveGroups", in); err != nil {
		return nil, err
	}
	id, name := "g-1", "Alumni"
	return ListLiveGroupsOK{Body: GroupList{Items: []Group{{ID: &id, Name: &name}}, Total: 1}}, nil
}

func (f *srvFake) LinkLiveGroup(ctx context.Context, in LinkLiveGroupInput) (LinkLiveGroupOutput, error) {
	if err := f.enter("LinkLiveGroup", in); err != nil {
		return nil, err
	}
	return LinkLiveGroupNoContent{}, nil
}

func (f *srvFake) UnlinkLiveGroup(ctx context.Context, in UnlinkLiveGroupInput) (UnlinkLiveGroupOutput, error) {
	if err := f.enter("UnlinkLiveGroup", in); err != nil {
		return nil, err
	}
	return UnlinkLiveGroupNoContent{}, nil
}

func (f *srvFake) UnlinkLiveGroups(ctx context.Context, in UnlinkLiveGroupsInput) (UnlinkLiveGroupsOutput, error) {
	if err := f.enter("UnlinkLiveGroups", in); err != nil {
		return nil, err
	}
	return UnlinkLiveGroupsNoContent{}, nil
}

func (f *srvFake) ListLiveParticipants(ctx context.Context, in ListLiveParticipantsInput) (ListLiveParticipantsOutput, error) {
	if err := f.enter("ListLiveParticipants", in); err != nil {
		return nil, err
	}
	all := []Participant{srvParticipant(in.LiveID, "ada@example.com"), srvParticipant(in.LiveID, "bob@example.com")}
	var items []Participant
	for _, p := range all {
		if in.Params.Filter.Match(p) {
			items = append(items, p)
		}
	}
	return ListLiveParticipantsOK{Body: ParticipantList{Items: items, Total: len(items)}}, nil
}

func (f *srvFake) InviteLiveParticipant(ctx context.Context, in InviteLiveParticipantInput) (InviteLiveParticipantOutput, error) {
	if err := f.enter("InviteLiveParticipant", in); err != nil {
		return nil, err
	}
	if in.Body.Member == "already@example.com" {
		return InviteLiveParticipantOK{}, nil
	}
	return InviteLiveParticipantCreated{Body: srvParticipant(in.LiveID, in.Body.Member)}, nil
}

func (f *srvFake) BulkInviteLiveParticipants(ctx context.Context, in BulkInviteLiveParticipantsInput) (BulkInviteLiveParticipantsOutput, error) {
	if err := f.enter("BulkInviteLiveParticipants", in); err != nil {
		return nil, err
	}
	var out []Participant
	for _, e := range in.Body.Members.Emails {
		out = append(out, srvParticipant(in.LiveID, e))
	}
	return BulkInviteLiveParticipantsOK{Body: out}, nil
}

func (f *srvFake) ListLiveSpeakers(ctx context.Context, in ListLiveSpeakersInput) (ListLiveSpeakersOutput, error) {
	if err := f.enter("ListLiveSpeakers", in); err != nil {
		return nil, err
	}
	return ListLiveSpeakersOK{Body: ParticipantList{Items: []Participant{}, Total: 0}}, nil
}

func (f *srvFake) InviteLiveSpeaker(ctx context.Context, in InviteLiveSpeakerInput) (InviteLiveSpeakerOutput, error) {
	if err := f.enter("InviteLiveSpeaker", in); err != nil {
		return nil, err
	}
	if in.Body.Member.MemberByEmail != nil {
		return InviteLiveSpeakerCreated{Body: srvParticipant(in.LiveID, in.Body.Member.MemberByEmail.Email)}, nil
	}
	return InviteLiveSpeakerOK{}, nil
}

func (f *srvFake) BulkInviteLiveSpeakers(ctx context.Context, in BulkInviteLiveSpeakersInput) (BulkInviteLiveSpeakersOutput, error) {
	if err := f.enter("BulkInviteLiveSpeakers", in); err != nil {
		return nil, err
	}
	// A nil slice: the handler must still write the array answer as [].
	return BulkInviteLiveSpeakersOK{}, nil
}

// srvRequest builds a request with the test's bearer token; a body is sent
// as application/json unless a Content-Type header is given.
func srvRequest(method, target, body string, header ...string) *http.Request {
	var r *http.Request
	if body == "" {
		r = httptest.NewRequest(method, target, nil)
	} else {
		r = httptest.NewRequest(method, target, strings.NewReader(body))
		r.Header.Set("Content-Type", "application/json")
	}
	r.Header.Set("Authorization", "Bearer "+srvToken)
	for i := 0; i+1 < len(header); i += 2 {
		if header[i+1] == "" {
			r.Header.Del(header[i])
			continue
		}
		r.Header.Set(header[i], header[i+1])
	}
	return r
}

func srvServe(h http.Handler, r *http.Request) *httptest.ResponseRecorder {
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w
}

// srvErrorBody decodes an error answer, which always has the ErrorResponse shape.
func srvErrorBody(t *testing.T, w *httptest.ResponseRecorder) ErrorResponse {
	t.Helper()
	require.Equal(t, "application/json", w.Header().Get("Content-Type"), "body: %s", w.Body.String())
	var e ErrorResponse
	require.NoError(t, json.Unmarshal(w.Body.Bytes(), &e), w.Body.String())
	require.NotEmpty(t, e.Message)
	require.NotNil(t, e.Problems, "problems is [] rather than null: %s", w.Body.String())
	return e
}

// srvHasProblem reports whether a problem is at (in, name) and its text has want.
func srvHasProblem(problems []Problem, in, name, want string) bool {
	for _, p := range problems {
		if p.In == in && p.Name == name && strings.Contains(p.Problem, want) {
			return true
		}
	}
	return false
}

const srvCreateBody = `{"title":"Demo","spotMemberHostId":"m-1","startDate":1747272141,"endDate":1747275741,"solution":"Youtube"}`

// TestServerRoutesEveryOperation sends a valid request to each operation and
// checks the status, the body and the typed input the implementation got.
func TestServerRoutesEveryOperation(t *testing.T) {
	f := newSrvFake()
	h := NewHandler(f)
	cases := []struct {
		op, method, target, body string
		status                   int
		check                    func(t *testing.T, in any, body string)
	}{
		{"LinkChannelGroups", "POST", "/v1/channels/ch-9/groups~bulkAdd", `{"groupIds":["g-1","g-2"]}`, 204, func(t *testing.T, in any, body string) {
			require.Equal(t, LinkChannelGroupsInput{ChannelID: "ch-9", Body: GroupIDsRequest{GroupIDs: []string{"g-1", "g-2"}}}, in)
			require.Empty(t, body)
		}},
		{"ListLives", "GET", "/v1/lives?page=2&limit=5&status%5Beq%5D=Scheduled", "", 200, func(t *testing.T, in any, body string) {
			p := in.(ListLivesInput).Params
			require.Equal(t, 2, *p.Page)
			require.Equal(t, 5, *p.Limit)
			require.Equal(t, LiveStatusScheduled, *p.Filter.Status.Eq)
			require.JSONEq(t, `{"items":[{"id":"live-1","title":"Weekly demo","status":"Scheduled"}],"total":1}`, body)
		}},
		{"CreateLive", "POST", "/v1/lives", srvCreateBody, 201, func(t *testing.T, in any, body string) {
			b := in.(CreateLiveInput).Body
			require.Equal(t, "Demo", b.Title)
			require.Equal(t, LiveSolutionYoutube, b.Solution)
			require.Contains(t, body, `"title":"Demo"`)
		}},
		{"GetLive", "GET", "/v1/lives/live-1", "", 200, func(t *testing.T, in any, body string) {
			require.Equal(t, GetLiveInput{LiveID: "live-1"}, in)
			require.Contains(t, body, `"id":"live-1"`)
		}},
		{"UpdateLive", "PUT", "/v1/lives/live-1", `{"title":"New","startDate":1,"endDate":2,"solution":"Vimeo","replayVideoUrl":null}`, 200, func(t *testing.T, in any, body string) {
			b := in.(UpdateLiveInput).Body
			require.True(t, b.ReplayVideoURL.IsNull())
			require.Contains(t, body, `"title":"New"`)
		}},
		{"DeleteLive", "DELETE", "/v1/lives/nope", "", 404, func(t *testing.T, in any, body string) {
			require.Equal(t, DeleteLiveInput{LiveID: "nope"}, in)
		}},
		{"ListLiveGroups", "GET", "/v1/lives/live-1/groups?page=1", "", 200, func(t *testing.T, in any, body string) {
			require.Equal(t, 1, *in.(ListLiveGroupsInput).Params.Page)
			require.Nil(t, in.(ListLiveGroupsInput).Params.Limit)
			require.JSONEq(t, `{"items":[{"id":"g-1","name":"Alumni"}],"total":1}`, body)
		}},
		{"LinkLiveGroup", "POST", "/v1/lives/live-1/groups", `{"groupId":"g-1","withEmailNotification":true}`, 204, func(t *testing.T, in any, body string) {
			require.True(t, *in.(LinkLiveGroupInput).Body.WithEmailNotification)
		}},
		{"UnlinkLiveGroup", "DELETE", "/v1/lives/live-1/groups/g-1", "", 204, func(t *testing.T, in any, body string) {
			require.Equal(t, UnlinkLiveGroupInput{LiveID: "live-1", GroupID: "g-1"}, in)
		}},
		{"UnlinkLiveGroups", "POST", "/v1/lives/live-1/groups~bulkRemove", `{"groupIds":[]}`, 204, func(t *testing.T, in any, body string) {
			require.Equal(t, []string{}, in.(UnlinkLiveGroupsInput).Body.GroupIDs)
		}},
		{"ListLiveParticipants", "GET", "/v1/lives/live-1/participants?email%5Bcontains%5D=ada", "", 200, func(t *testing.T, in any, body string) {
			require.Contains(t, body, "ada@example.com")
			require.NotContains(t, body, "bob@example.com")
		}},
		{"InviteLiveParticipant", "POST", "/v1/lives/live-1/participants", `{"member":"new@example.com"}`, 201, func(t *testing.T, in any, body string) {
			require.Contains(t, body, `"spotMemberEmail":"new@example.com"`)
		}},
		{"BulkInviteLiveParticipants", "POST", "/v1/lives/live-1/participants~bulkInvite", `{"members":{"emails":["a@example.com","b@example.com"]}}`, 200, func(t *testing.T, in any, body string) {
			var got []Participant
			require.NoError(t, json.Unmarshal([]byte(body), &got))
			require.Len(t, got, 2)
		}},
		{"ListLiveSpeakers", "GET", "/v1/lives/live-1/speakers?hasReplayed%5Beq%5D=true", "", 200, func(t *testing.T, in any, body string) {
			require.True(t, *in.(ListLiveSpeakersInput).Params.Filter.HasReplayed.Eq)
		}},
		{"InviteLiveSpeaker", "POST", "/v1/lives/live-1/speakers", `{"member":{"email":"jane.doe@example.com","firstName":"Jane"}}`, 201, func(t *testing.T, in any, body string) {
			require.Equal(t, "Jane", *in.(InviteLiveSpeakerInput).Body.Member.MemberByEmail.FirstName)
		}},
		{"BulkInviteLiveSpeakers", "POST", "/v1/lives/live-1/speakers~bulkInvite", `{"spotMemberIds":["m-1"]}`, 200, func(t *testing.T, in any, body string) {
			require.Equal(t, "[]", body, "a nil slice answers an array schema with []")
		}},
	}
	for _, tc := range cases {
		t.Run(tc.op, func(t *testing.T) {
			w := srvServe(h, srvRequest(tc.method, tc.target, tc.body))
			require.Equal(t, tc.status, w.Code, w.Body.String())
			tc.check(t, f.input(tc.op), w.Body.String())
		})
	}
}

// TestServerBadInput sends client mistakes: each is answered with the right
// 4xx and a body that names every problem, and none reaches the Server.
func TestServerBadInput(t *testing.T) {
	type want struct{ in, name, text string }
	cases := []struct {
		name, method, target, body string
		header                     []string
		status                     int
		problems                   []want
	}{
		{name: "malformed JSON", method: "POST", target: "/v1/lives", body: `{"title": "x",`, status: 400,
			problems: []want{{"body", "", "is not valid JSON"}}},
		{name: "trailing garbage", method: "POST", target: "/v1/lives", body: srvCreateBody + `}`, status: 400,
			problems: []want{{"body", "", "is not valid JSON"}}},
		{name: "body is null", method: "POST", target: "/v1/lives", body: `null`, status: 400,
			problems: []want{{"body", "", "must not be null"}}},
		{name: "body is an array", method: "POST", target: "/v1/lives", body: `[1,2]`, status: 400,
			problems: []want{{"body", "", "must be an object"}}},
		{name: "wrong types, all reported", method: "POST", target: "/v1/lives",
			body: `{"title":5,"spotMemberHostId":"m","startDate":"soon","endDate":1.5,"solution":"Youtube","record":"yes"}`, status: 400,
			problems: []want{{"body", "/title", "must be a string"}, {"body", "/startDate", "must be an integer"}, {"body", "/endDate", "must be an integer"}, {"body", "/record", "must be a boolean"}}},
		{name: "wrong type beside a bad enum, both reported", method: "PUT", target: "/v1/lives/live-1",
			body: `{"title":5,"startDate":1,"endDate":2,"solution":"Youtube","visibility":"Nobody"}`, status: 400,
			problems: []want{{"body", "/title", "must be a string"}, {"body", "/visibility", `must be one of "AnyOne"`}}},
		{name: "missing required fields", method: "POST", target: "/v1/lives", body: `{"description":"no title"}`, status: 400,
			problems: []want{{"body", "/title", "is required"}, {"body", "/spotMemberHostId", "is required"}, {"body", "/startDate", "is required"}, {"body", "/endDate", "is required"}, {"body", "/solution", "is required"}}},
		{name: "required field null", method: "POST", target: "/v1/lives", body: `{"title":null,"spotMemberHostId":"m","startDate":1,"endDate":2,"solution":"Youtube"}`, status: 400,
			problems: []want{{"body", "/title", "must not be null"}}},
		{name: "zero values are present values", method: "PUT", target: "/v1/lives/live-1", body: `{"title":"","startDate":0,"endDate":0,"solution":"Nope"}`, status: 400,
			problems: []want{{"body", "/solution", `must be one of "Youtube", "Vimeo", "BuiltIn"`}}},
		{name: "bad enums in body", method: "POST", target: "/v1/lives",
			body: `{"title":"t","spotMemberHostId":"m","startDate":1,"endDate":2,"solution":"Dailymotion","visibility":"Nobody","builtInType":"Party"}`, status: 400,
			problems: []want{{"body", "/solution", "must be one of"}, {"body", "/visibility", `must be one of "AnyOne"`}, {"body", "/builtInType", "must be one of"}}},
		{name: "bad email in a list", method: "POST", target: "/v1/lives/live-1/participants~bulkInvite", body: `{"members":{"emails":["ok@example.com","not-an-email"]}}`, status: 400,
			problems: []want{{"body", "/members/emails/1", "must be an email address"}}},
		{name: "wrong item type", method: "POST", target: "/v1/lives/live-1/participants~bulkInvite", body: `{"members":{"spotMemberIds":["a",7]}}`, status: 400,
			problems: []want{{"body", "/members/spotMemberIds/1", "must be a string"}}},
		{name: "missing required nested object", method: "POST", target: "/v1/lives/live-1/participants~bulkInvite", body: `{"withEmailNotification":true}`, status: 400,
			problems: []want{{"body", "/members", "is required"}}},
		{name: "missing required list", method: "POST", target: "/v1/lives/live-1/speakers~bulkInvite", body: `{}`, status: 400,
			problems: []want{{"body", "/spotMemberIds", "is required"}}},
		{name: "oneOf of the wrong kind", method: "POST", target: "/v1/lives/live-1/speakers", body: `{"member":42}`, status: 400,
			problems: []want{{"body", "/member", "must be a string or an object"}}},
		{name: "oneOf variant missing its required field", method: "POST", target: "/v1/lives/live-1/speakers", body: `{"member":{"firstName":"Jane"}}`, status: 400,
			problems: []want{{"body", "/member/email", "is required"}}},
		{name: "empty body", method: "POST", target: "/v1/lives", body: "", status: 400,
			problems: []want{{"body", "", "a request body is required"}}},
		{name: "bad page", method: "GET", target: "/v1/lives?page=abc&limit=0", status: 400,
			problems: []want{{"query", "page", "must be an integer"}, {"query", "limit", "must be at least 1"}}},
		{name: "page given twice", method: "GET", target: "/v1/lives?page=1&page=2", status: 400,
			problems: []want{{"query", "page", "must be given once"}}},
		{name: "bad filter values", method: "GET", target: "/v1/lives?status%5Beq%5D=Bogus&startDate%5Bgt%5D=yesterday&replay%5Beq%5D=maybe", status: 400,
			problems: []want{{"query", "status[eq]", ""}, {"query", "startDate[gt]", ""}, {"query", "replay[eq]", ""}}},
		{name: "malformed query", method: "GET", target: "/v1/lives?page=%zz", status: 400,
			problems: []want{{"query", "", "malformed"}}},
		{name: "params and body together", method: "POST", target: "/v1/lives/live-1/speakers", body: `{"member":true,"highlighted":"yes"}`, status: 400,
			problems: []want{{"body", "/member", "must be"}, {"body", "/highlighted", "must be a boolean"}}},
		{name: "text content type", method: "POST", target: "/v1/lives", body: srvCreateBody, header: []string{"Content-Type", "text/plain"}, status: 415,
			problems: []want{{"header", "Content-Type", "must be application/json"}}},
		{name: "missing content type", method: "POST", target: "/v1/lives", body: srvCreateBody, header: []string{"Content-Type", ""}, status: 415,
			problems: []want{{"header", "Content-Type", "must be application/json"}}},
		{name: "unknown path", method: "GET", target: "/v1/nothing", status: 404},
		{name: "unknown path below a known one", method: "GET", target: "/v1/lives/live-1/unknown", status: 404},
		{name: "wrong method", method: "PATCH", target: "/v1/lives/live-1", status: 405},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := newSrvFake()
			w := srvServe(NewHandler(f), srvRequest(tc.method, tc.target, tc.body, tc.header...))
			require.Equal(t, tc.status, w.Code, w.Body.String())
			e := srvErrorBody(t, w)
			for _, p := range tc.problems {
				require.True(t, srvHasProblem(e.Problems, p.in, p.name, p.text), "want %+v in %+v", p, e.Problems)
			}
			require.Empty(t, f.inputs, "a request with problems must not reach the Server")
		})
	}
}

// TestServerContentTypeParameters accepts a charset parameter and any case.
func TestServerContentTypeParameters(t *testing.T) {
	w := srvServe(NewHandler(newSrvFake()), srvRequest("POST", "/v1/lives", srvCreateBody, "Content-Type", "Application/JSON; charset=utf-8"))
	require.Equal(t, 201, w.Code, w.Body.String())
}

// TestServerMethodNotAllowed answers 405 with the methods the path serves.
func TestServerMethodNotAllowed(t *testing.T) {
	h := NewHandler(newSrvFake())
	w := srvServe(h, srvRequest("PATCH", "/v1/lives/live-1", ""))
	require.Equal(t, http.StatusMethodNotAllowed, w.Code)
	require.Equal(t, "GET, HEAD, PUT, DELETE", w.Header().Get("Allow"))
	w = srvServe(h, srvRequest("DELETE", "/v1/lives", ""))
	require.Equal(t, http.StatusMethodNotAllowed, w.Code)
	require.Equal(t, "GET, HEAD, POST", w.Header().Get("Allow"))
}

// TestServerBodyLimit answers 413 above the limit, whether the length is
// announced or not, and accepts a body just under it.
func TestServerBodyLimit(t *testing.T) {
	h := NewHandler(newSrvFake(), WithMaxBodyBytes(int64(len(srvCreateBody))))
	w := srvServe(h, srvRequest("POST", "/v1/lives", srvCreateBody))
	require.Equal(t, 201, w.Code, w.Body.String())

	big := `{"title":"` + strings.Repeat("x", 200) + `"}`
	w = srvServe(h, srvRequest("POST", "/v1/lives", big))
	require.Equal(t, http.StatusRequestEntityTooLarge, w.Code)
	require.True(t, srvHasProblem(srvErrorBody(t, w).Problems, "body", "", "must be at most"))

	r := srvRequest("POST", "/v1/lives", big)
	r.ContentLength = -1 // chunked: the limit applies while reading
	w = srvServe(h, r)
	require.Equal(t, http.StatusRequestEntityTooLarge, w.Code)

	// The default limit is 1 MiB.
	huge := `{"title":"` + strings.Repeat("x", 1<<20) + `"}`
	w = srvServe(NewHandler(newSrvFake()), srvRequest("POST", "/v1/lives", huge))
	require.Equal(t, http.StatusRequestEntityTooLarge, w.Code)
}

// TestServerSecurity checks the bearer scheme that the spec puts on every
// operation, with and without an Authenticator.
func TestServerSecurity(t *testing.T) {
	var logs bytes.Buffer
	logger := slog.New(slog.NewTextHandler(&logs, nil))
	type principal struct{}
	auth := func(ctx context.Context, req AuthRequest) (context.Context, error) {
		if req.Token != srvToken {
			return nil, errors.New("unknown token " + req.Token)
		}
		require.Equal(t, "getLive", req.Operation)
		require.Equal(t, "bearerAuth", req.Scheme)
		return context.WithValue(ctx, principal{}, "user-7"), nil
	}
	f := newSrvFake()
	var seen any
	f.hook = func(op string) error { return nil }
	h := NewHandler(&srvCtxSpy{Server: f, got: &seen, key: principal{}}, WithAuthenticator(auth), WithLogger(logger))

	w := srvServe(h, srvRequest("GET", "/v1/lives/live-1", "", "Authorization", ""))
	require.Equal(t, http.StatusUnauthorized, w.Code)
	require.Equal(t, "Bearer", w.Header().Get("WWW-Authenticate"))
	require.True(t, srvHasProblem(srvErrorBody(t, w).Problems, "header", "Authorization", "bearer token is required"))

	w = srvServe(h, srvRequest("GET", "/v1/lives/live-1", "", "Authorization", "Basic dXNlcjpwYXNz"))
	require.Equal(t, http.StatusUnauthorized, w.Code)

	w = srvServe(h, srvRequest("GET", "/v1/lives/live-1", "", "Authorization", "Bearer wrong-"+srvToken))
	require.Equal(t, http.StatusUnauthorized, w.Code)
	require.True(t, srvHasProblem(srvErrorBody(t, w).Problems, "header", "Authorization", "rejected"))
	require.NotContains(t, w.Body.String(), srvToken)

	w = srvServe(h, srvRequest("GET", "/v1/lives/live-1", ""))
	require.Equal(t, http.StatusOK, w.Code, w.Body.String())
	require.Equal(t, "user-7", seen, "the Authenticator's context reaches the Server")

	// Authentication comes before validation: a bad request without a token is a 401.
	w = srvServe(h, srvRequest("GET", "/v1/lives?page=x", "", "Authorization", ""))
	require.Equal(t, http.StatusUnauthorized, w.Code)

	// Without an Authenticator, a bearer token must be there but is not checked.
	open := NewHandler(newSrvFake())
	require.Equal(t, http.StatusOK, srvServe(open, srvRequest("GET", "/v1/lives/live-1", "", "Authorization", "Bearer anything")).Code)
	require.Equal(t, http.StatusUnauthorized, srvServe(open, srvRequest("GET", "/v1/lives/live-1", "", "Authorization", "Bearer ")).Code)

	require.NotContains(t, logs.String(), srvToken, "credentials never reach the log")
	req := AuthRequest{Operation: "getLive", Scheme: "bearerAuth", Token: srvToken, Password: "pw"}
	require.NotContains(t, fmt.Sprint(req), srvToken)
	require.NotContains(t, fmt.Sprintf("%+v %#v", req, req), srvToken)
	logs.Reset()
	logger.Info("auth", "req", req)
	require.NotContains(t, logs.String(), srvToken)
	require.NotContains(t, logs.String(), "pw")
}

// srvCtxSpy records a context value that the Authenticator set.
type srvCtxSpy struct {
	Server
	got *any
	key any
}

func (s *srvCtxSpy) GetLive(ctx context.Context, in GetLiveInput) (GetLiveOutput, error) {
	*s.got = ctx.Value(s.key)
	return s.Server.GetLive(ctx, in)
}

// TestServerPanicAndErrors turns a panic into a logged 500 and keeps
// serving; errors go through the error mapper.
func TestServerPanicAndErrors(t *testing.T) {
	var logs bytes.Buffer
	f := newSrvFake()
	h := NewHandler(f, WithLogger(slog.New(slog.NewTextHandler(&logs, nil))))

	f.hook = func(op string) error { panic("boom in " + op) }
	w := srvServe(h, srvRequest("GET", "/v1/lives/live-1", ""))
	require.Equal(t, http.StatusInternalServerError, w.Code)
	require.Equal(t, "internal server error", srvErrorBody(t, w).Message)
	require.NotContains(t, w.Body.String(), "boom")
	require.Contains(t, logs.String(), "boom in GetLive")
	require.NotContains(t, logs.String(), srvToken)

	f.hook = nil
	require.Equal(t, http.StatusOK, srvServe(h, srvRequest("GET", "/v1/lives/live-1", "")).Code, "the handler keeps serving")

	f.hook = func(string) error { return errors.New("database is down") }
	w = srvServe(h, srvRequest("GET", "/v1/lives/live-1", ""))
	require.Equal(t, http.StatusInternalServerError, w.Code)
	require.NotContains(t, w.Body.String(), "database")
	require.Contains(t, logs.String(), "database is down")

	f.hook = func(string) error {
		return fmt.Errorf("checking: %w", &ValidationError{Problems: []Problem{{In: "body", Name: "/title", Problem: "is taken"}}})
	}
	w = srvServe(h, srvRequest("POST", "/v1/lives", srvCreateBody))
	require.Equal(t, http.StatusBadRequest, w.Code)
	require.True(t, srvHasProblem(srvErrorBody(t, w).Problems, "body", "/title", "is taken"))

	errConflict := errors.New("conflict")
	mapped := NewHandler(f, WithLogger(slog.New(slog.DiscardHandler)), WithErrorMapper(func(ctx context.Context, err error) (int, ErrorResponse) {
		if errors.Is(err, errConflict) {
			return http.StatusConflict, ErrorResponse{Message: "already exists"}
		}
		return 700, ErrorResponse{}
	}))
	f.hook = func(string) error { return errConflict }
	w = srvServe(mapped, srvRequest("POST", "/v1/lives", srvCreateBody))
	require.Equal(t, http.StatusConflict, w.Code)
	require.Equal(t, "already exists", srvErrorBody(t, w).Message)
	f.hook = func(string) error { return errors.New("other") }
	require.Equal(t, http.StatusInternalServerError, srvServe(mapped, srvRequest("POST", "/v1/lives", srvCreateBody)).Code, "a status outside 400-599 becomes 500")
}

// srvNilServer answers GetLive with neither an answer nor an error.
type srvNilServer struct{ Server }

func (srvNilServer) GetLive(context.Context, GetLiveInput) (GetLiveOutput, error) { return nil, nil }

func TestServerNilAnswer(t *testing.T) {
	w := srvServe(NewHandler(srvNilServer{newSrvFake()}, WithLogger(slog.New(slog.DiscardHandler))), srvRequest("GET", "/v1/lives/live-1", ""))
	require.Equal(t, http.StatusInternalServerError, w.Code)
}

// TestServerStrictQuery rejects undeclared bracket parameters only when asked.
func TestServerStrictQuery(t *testing.T) {
	target := "/v1/lives?titel%5Beq%5D=typo&other=fine"
	require.Equal(t, http.StatusOK, srvServe(NewHandler(newSrvFake()), srvRequest("GET", target, "")).Code)
	w := srvServe(NewHandler(newSrvFake(), WithStrictQuery()), srvRequest("GET", target, ""))
	require.Equal(t, http.StatusBadRequest, w.Code)
	e := srvErrorBody(t, w)
	require.Len(t, e.Problems, 1, "%+v", e.Problems)
	require.True(t, srvHasProblem(e.Problems, "query", "titel[eq]", "not a parameter"))
}

// TestServerValidateIsShared checks that the exported validators report the
// same problems on values a program builds.
func TestServerValidateIsShared(t *testing.T) {
	require.NoError(t, (&CreateLiveRequest{Title: "t", Solution: LiveSolutionVimeo}).Validate())
	err := (&BulkInviteRequest{Members: BulkInviteMembers{Emails: []string{"x"}}}).Validate()
	var invalid *ValidationError
	require.ErrorAs(t, err, &invalid)
	require.Equal(t, []Problem{{In: "body", Name: "/members/emails/0", Problem: "must be an email address"}}, invalid.Problems)
	require.Error(t, LiveStatus("Paused").Validate())
	require.Contains(t, (&BulkInviteLiveSpeakersRequest{}).Validate().Error(), "/spotMemberIds: is required")
}

// srvClient is the generated client pointed at a loopback server serving
// the generated handler.
func srvClient(t *testing.T, h http.Handler) *Client {
	t.Helper()
	ts := httptest.NewServer(h)
	t.Cleanup(ts.Close)
	c, err := NewClient(ts.URL, WithHTTPClient(ts.Client()), WithCredentials(Credentials{BearerAuth: srvToken}))
	require.NoError(t, err)
	return c
}

// TestServerClientRoundTrips drives every operation with the generated
// client against the generated handler.
func TestServerClientRoundTrips(t *testing.T) {
	ctx := context.Background()
	f := newSrvFake()
	c := srvClient(t, NewHandler(f))

	require.NoError(t, c.LinkChannelGroups(ctx, "ch-1", GroupIDsRequest{GroupIDs: []string{"g-1"}}))
	require.Equal(t, "ch-1", f.input("LinkChannelGroups").(LinkChannelGroupsInput).ChannelID)

	created, err := c.CreateLive(ctx, CreateLiveRequest{Title: "Round trip", SpotMemberHostID: "m-1", StartDate: 1747272141, EndDate: 1747275741, Solution: LiveSolutionVimeo})
	require.NoError(t, err)
	require.Equal(t, "Round trip", *created.Title)
	require.Equal(t, time.Unix(1747272141, 0).UTC(), created.StartDate.UTC())

	page, limit := 1, 10
	list, err := c.ListLives(ctx, &ListLivesParams{Page: &page, Limit: &limit, Filter: ListLivesFilter{}.TitleEq("Round trip")})
	require.NoError(t, err)
	require.Len(t, list.Items, 1)
	require.Equal(t, ListLivesFilter{}.TitleEq("Round trip"), f.input("ListLives").(ListLivesInput).Params.Filter)

	got, err := c.GetLive(ctx, *created.ID)
	require.NoError(t, err)
	require.Equal(t, *created.ID, *got.ID)

	_, err = c.GetLive(ctx, "missing")
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr)
	require.Equal(t, http.StatusNotFound, apiErr.StatusCode)

	updated, err := c.UpdateLive(ctx, *created.ID, UpdateLiveRequest{Title: "Renamed", StartDate: 1, EndDate: 2, Solution: LiveSolutionBuiltIn, ReplayVideoURL: Null[string]()})
	require.NoError(t, err)
	require.Equal(t, "Renamed", *updated.Title)
	require.True(t, f.input("UpdateLive").(UpdateLiveInput).Body.ReplayVideoURL.IsNull())

	require.NoError(t, c.DeleteLive(ctx, *created.ID))
	groups, err := c.ListLiveGroups(ctx, "live-1", nil)
	require.NoError(t, err)
	require.Equal(t, 1, groups.Total)
	require.NoError(t, c.LinkLiveGroup(ctx, "live-1", LinkLiveGroupRequest{GroupID: "g-1"}))
	require.NoError(t, c.UnlinkLiveGroup(ctx, "live-1", "g-1"))
	require.NoError(t, c.UnlinkLiveGroups(ctx, "live-1", GroupIDsRequest{GroupIDs: []string{"g-1", "g-2"}}))
	require.Equal(t, []string{"g-1", "g-2"}, f.input("UnlinkLiveGroups").(UnlinkLiveGroupsInput).Body.GroupIDs)

	parts, err := c.ListLiveParticipants(ctx, "live-1", &ListLiveParticipantsParams{Filter: ListLiveParticipantsFilter{}.EmailContains("bob")})
	require.NoError(t, err)
	require.Len(t, parts.Items, 1)
	require.Equal(t, "bob@example.com", parts.Items[0].SpotMemberEmail)

	invited, err := c.InviteLiveParticipant(ctx, "live-1", InviteLiveParticipantRequest{Member: "new@example.com"})
	require.NoError(t, err)
	require.Equal(t, "new@example.com", invited.Created.SpotMemberEmail)
	again, err := c.InviteLiveParticipant(ctx, "live-1", InviteLiveParticipantRequest{Member: "already@example.com"})
	require.NoError(t, err)
	require.True(t, again.OK)
	require.Nil(t, again.Created)

	bulk, err := c.BulkInviteLiveParticipants(ctx, "live-1", BulkInviteRequest{Members: BulkInviteMembers{Emails: []string{"a@example.com", "b@example.com"}}})
	require.NoError(t, err)
	require.Len(t, bulk, 2)

	speakers, err := c.ListLiveSpeakers(ctx, "live-1", nil)
	require.NoError(t, err)
	require.Empty(t, speakers.Items)

	email := "jane.doe@example.com"
	sp, err := c.InviteLiveSpeaker(ctx, "live-1", InviteLiveSpeakerRequest{Member: SpeakerMember{MemberByEmail: &MemberByEmail{Email: email}}})
	require.NoError(t, err)
	require.Equal(t, email, sp.Created.SpotMemberEmail)
	id := "m-9"
	sp, err = c.InviteLiveSpeaker(ctx, "live-1", InviteLiveSpeakerRequest{Member: SpeakerMember{String: &id}})
	require.NoError(t, err)
	require.True(t, sp.OK)

	bulkSpeakers, err := c.BulkInviteLiveSpeakers(ctx, "live-1", BulkInviteLiveSpeakersRequest{SpotMemberIDs: []string{"m-1"}})
	require.NoError(t, err)
	require.Empty(t, bulkSpeakers)

	// A client-side mistake that the server catches comes back as a 400 APIError.
	_, err = c.CreateLive(ctx, CreateLiveRequest{Title: "x", Solution: "Dailymotion"})
	require.ErrorAs(t, err, &apiErr)
	require.Equal(t, http.StatusBadRequest, apiErr.StatusCode)
	require.Contains(t, string(apiErr.RawBody), "/solution")
}

// BenchmarkServerCreateLive measures one validated JSON request through the
// handler (decode, presence walk, validation, answer), without the network.
func BenchmarkServerCreateLive(b *testing.B) {
	h := NewHandler(srvDiscardServer{newSrvFake()})
	body := []byte(srvCreateBody)
	b.ReportAllocs()
	for b.Loop() {
		r := srvRequest("POST", "/v1/lives", "")
		r.Body, r.ContentLength = io.NopCloser(bytes.NewReader(body)), int64(len(body))
		r.Header.Set("Content-Type", "application/json")
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		if w.Code != http.StatusCreated {
			b.Fatal(w.Code, w.Body.String())
		}
	}
}

// srvDiscardServer answers CreateLive without storing the Live.
type srvDiscardServer struct{ Server }

func (srvDiscardServer) CreateLive(ctx context.Context, in CreateLiveInput) (CreateLiveOutput, error) {
	return CreateLiveCreated{Body: Live{Title: &in.Body.Title}}, nil
}
