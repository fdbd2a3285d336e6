package meltingspot

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/seed-0d47db62/livegen/generated/meltingspot/internal/livegenrt"
)

// The example answers of the spec: the seed's examples, with the placeholders
// that do not fit the declared types ({} for a URL) replaced by values that do.
const (
	clientExampleLive = `{"id": "text", "title": "text", "startDate": "2025-05-15T01:22:21.411Z",
		"endDate": "2025-05-15T01:22:21.411Z",
		"metrics": {"averageViewTime": 1, "noShow": 1, "totalReplayView": 1, "registrant": 1, "attendee": 1, "attendanceRate": 1, "invited": 1},
		"description": [{"type": "p", "children": [{"text": "My new live"}]}],
		"status": "Ended", "computedStatus": "Ended", "solution": "Youtube",
		"privacy": {"visibility": "AnyOne", "participation": "AnySpotMembers"},
		"config": {"chatVisibility": "Display", "participantsVisibility": "Ended"},
		"builtInType": "Workshop", "videoUrl": "text", "createdAt": "2025-05-15T01:22:21.411Z", "spotId": "text",
		"builtInConfig": {"isRecorded": true, "recordAvailable": true,
			"videos": {"url": "text", "quality": "text", "encoding": "hls", "createdAt": "2025-05-15T01:22:21.411Z"},
			"replayVideo": null}}`
	clientExampleParticipant = `{"id": "text", "liveId": "text", "spotMemberId": "text", "spotMemberEmail": "text",
		"spotMemberFirstname": "text", "spotMemberLastname": "text", "status": "Accepted", "type": "Participant",
		"invitedAt": "2025-05-15T01:22:21.411Z", "registeredAt": "2025-05-15T01:22:21.411Z", "isHighlighted": true,
		"metrics": {"viewTime": 1, "hasReplayed": true, "hasParticipated": true}}`
	clientExampleBulkParticipants = `[{"id": "string", "liveId": "string", "spotMemberId": "string", "spotMemberEmail": "string",
		"spotMemberFirstname": "string", "spotMemberLastname": "string", "status": "Accepted", "type": "Participant",
		"invitedAt": "2025-05-04T09:42:00Z", "registeredAt": "2025-05-04T09:42:00Z", "isHighlighted": true,
		"metrics": {"viewTime": 42, "hasReplayed": true, "hasParticipated": true}}]`
	clientExampleGroupList = `{"items": [{"id": "text", "name": "text", "description": "text", "emoji": "text", "icon": "text"}], "total": 1}`
)

var (
	clientExampleLiveList        = `{"items": [` + clientExampleLive + `], "total": 1}`
	clientExampleParticipantList = `{"items": [` + clientExampleParticipant + `], "total": 1}`
)

// clientRecorded is a request as the server saw it.
type clientRecorded struct {
	Method   string
	Path     string // escaped
	RawQuery string
	Header   http.Header
	Body     string
}

// clientReply is a canned answer.
type clientReply struct {
	Status int
	Header map[string]string
	Body   string
}

// clientFakeAPI is a loopback server that records every request and answers with
// answer, which sees the requests clientRecorded so far.
type clientFakeAPI struct {
	*httptest.Server
	mu       sync.Mutex
	requests []clientRecorded
	answer   func(n int, r clientRecorded) clientReply
}

func newClientFakeAPI(t *testing.T, answer func(n int, r clientRecorded) clientReply) *clientFakeAPI {
	api := &clientFakeAPI{answer: answer}
	api.Server = httptest.NewServer(http.HandlerFunc(api.serve))
	t.Cleanup(api.Close)
	return api
}

// clientReplies answers the n-th request with the n-th clientReply, and the last clientReply after that.
func clientReplies(rs ...clientReply) func(int, clientRecorded) clientReply {
	return func(n int, _ clientRecorded) clientReply { return rs[min(n, len(rs)-1)] }
}

func (api *clientFakeAPI) serve(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	rec := clientRecorded{Method: r.Method, Path: r.URL.EscapedPath(), RawQuery: r.URL.RawQuery, Header: r.Header.Clone(), Body: string(body)}
	api.mu.Lock()
	n := len(api.requests)
	api.requests = append(api.requests, rec)
	api.mu.Unlock()
	rep := api.answer(n, rec)
	for k, v := range rep.Header {
		w.Header().Set(k, v)
	}
	if rep.Body != "" && w.Header().Get("Content-Type") == "" {
		w.Header().Set("Content-Type", "application/json")
	}
	w.WriteHeader(rep.Status)
	_, _ = io.WriteString(w, rep.Body)
}

func (api *clientFakeAPI) seen() []clientRecorded {
	api.mu.Lock()
	defer api.mu.Unlock()
	return slices.Clone(api.requests)
}

// clientFakeClock is the retry loop's clock: sleeping records the wait and moves
// the clock at once, so that no test sleeps for real.
type clientFakeClock struct {
	mu    sync.Mutex
	now   time.Time
	slept []time.Duration
}

func (fc *clientFakeClock) Now() time.Time {
	fc.mu.Lock()
	defer fc.mu.Unlock()
	return fc.now
}

func (fc *clientFakeClock) Sleep(ctx context.Context, d time.Duration) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	fc.mu.Lock()
	defer fc.mu.Unlock()
	fc.slept = append(fc.slept, d)
	fc.now = fc.now.Add(d)
	return nil
}

func (fc *clientFakeClock) waits() []time.Duration {
	fc.mu.Lock()
	defer fc.mu.Unlock()
	return slices.Clone(fc.slept)
}

// newClientForTest returns a client of api with a bearer token, a user agent
// and a fake clock that starts at a whole second.
func newClientForTest(t *testing.T, api *clientFakeAPI, opts ...ClientOption) (*Client, *clientFakeClock) {
	t.Helper()
	all := append([]ClientOption{
		WithHTTPClient(api.Client()),
		WithCredentials(Credentials{BearerAuth: "tok"}),
		WithUserAgent("livegen-test"),
	}, opts...)
	c, err := NewClient(api.URL+"/", all...)
	require.NoError(t, err)
	clock := &clientFakeClock{now: time.Date(2025, 5, 15, 12, 0, 0, 0, time.UTC)}
	c.engine.Now, c.engine.Sleep = clock.Now, clock.Sleep
	return c, clock
}

func clientPtr[T any](v T) *T { return &v }

// TestOperationsOnTheWire calls every operation once and checks the request
// as the server saw it (method, escaped path, exact query string, headers and
// JSON body, which is the spec's request example) and the decoded answer (the
// spec's example answer).
func TestClientOperationsOnTheWire(t *testing.T) {
	type call func(ctx context.Context, c *Client) (any, error)
	tests := []struct {
		name   string
		call   call
		answer clientReply
		method string
		path   string
		query  string
		body   string // JSON; empty for none
		accept bool   // the operation documents a JSON answer
		check  func(t *testing.T, got any)
	}{
		{
			name: "listLives",
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.ListLives(ctx, &ListLivesParams{
					Page: clientPtr(2), Limit: clientPtr(10),
					Filter: ListLivesFilter{}.TitleEq("Go & Co").StatusEq(LiveStatusEnded),
				})
			},
			answer: clientReply{Status: 200, Body: clientExampleLiveList},
			method: "GET", path: "/v1/lives", query: "limit=10&page=2&status[eq]=Ended&title[eq]=Go+%26+Co", accept: true,
			check: func(t *testing.T, got any) {
				list := got.(*LiveList)
				require.Equal(t, 1, list.Total)
				require.Len(t, list.Items, 1)
				live := list.Items[0]
				require.Equal(t, "text", *live.Title)
				require.Equal(t, time.Date(2025, 5, 15, 1, 22, 21, 411e6, time.UTC), *live.StartDate)
				require.Equal(t, 1, *live.Metrics.Invited)
				require.Equal(t, LiveStatusEnded, *live.Status)
				url, ok := live.VideoURL.Get()
				require.True(t, ok)
				require.Equal(t, "text", url)
				require.True(t, live.BuiltInConfig.ReplayVideo.IsNull())
				require.Equal(t, "My new live", *live.Description[0].Children[0].Text)
			},
		},
		{
			name: "createLive",
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.CreateLive(ctx, CreateLiveRequest{
					Title: "text", Description: clientPtr("text"), SpotMemberHostID: "text", StartDate: 1, EndDate: 1,
					Solution: LiveSolutionYoutube, BuiltInType: NewNullable(BuiltInTypeWorkshop), VideoURL: NewNullable("text"),
					ChatVisibility: clientPtr(ChatVisibilityDisplay), ParticipantsVisibility: clientPtr(ParticipantsVisibilityDisplay),
					Visibility: clientPtr(VisibilityAnyOne), Participation: clientPtr(ParticipationAnySpotMembers), Record: clientPtr(true),
				})
			},
			answer: clientReply{Status: 201, Body: clientExampleLive},
			method: "POST", path: "/v1/lives", accept: true,
			body: `{"title": "text", "description": "text", "spotMemberHostId": "text", "startDate": 1, "endDate": 1,
				"solution": "Youtube", "builtInType": "Workshop", "videoUrl": "text", "chatVisibility": "Display",
				"participantsVisibility": "Display", "visibility": "AnyOne", "participation": "AnySpotMembers", "record": true}`,
			check: func(t *testing.T, got any) { require.Equal(t, "text", *got.(*Live).ID) },
		},
		{
			name:   "getLive escapes the path parameter",
			call:   func(ctx context.Context, c *Client) (any, error) { return c.GetLive(ctx, "live 1/2?") },
			answer: clientReply{Status: 200, Body: clientExampleLive},
			method: "GET", path: "/v1/lives/live%201%2F2%3F", accept: true,
			check: func(t *testing.T, got any) { require.Equal(t, LiveSolutionYoutube, *got.(*Live).Solution) },
		},
		{
			name: "updateLive",
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.UpdateLive(ctx, "l1", UpdateLiveRequest{
					Title: "text", Description: clientPtr("text"), StartDate: 1, EndDate: 1,
					ChatVisibility: clientPtr(ChatVisibilityDisplay), ParticipantsVisibility: clientPtr(ParticipantsVisibilityDisplay),
					Visibility: clientPtr(VisibilityAnyOne), Participation: clientPtr(ParticipationAnySpotMembers),
					Solution: LiveSolutionYoutube, BuiltInType: clientPtr(BuiltInTypeWorkshop), Record: clientPtr(true),
					RecordAvailable: clientPtr(true), VideoURL: clientPtr("text"), ReplayVideoURL: Null[string](),
				})
			},
			answer: clientReply{Status: 200, Body: clientExampleLive},
			method: "PUT", path: "/v1/lives/l1", accept: true,
			body: `{"title": "text", "description": "text", "startDate": 1, "endDate": 1, "chatVisibility": "Display",
				"participantsVisibility": "Display", "visibility": "AnyOne", "participation": "AnySpotMembers",
				"solution": "Youtube", "builtInType": "Workshop", "record": true, "recordAvailable": true,
				"videoUrl": "text", "replayVideoUrl": null}`,
			check: func(t *testing.T, got any) { require.Equal(t, "text", *got.(*Live).SpotID) },
		},
		{
			name:   "deleteLive",
			call:   func(ctx context.Context, c *Client) (any, error) { return nil, c.DeleteLive(ctx, "l1") },
			answer: clientReply{Status: 204},
			method: "DELETE", path: "/v1/lives/l1",
		},
		{
			name: "listLiveGroups",
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.ListLiveGroups(ctx, "l1", &ListLiveGroupsParams{Page: clientPtr(1), Limit: clientPtr(50)})
			},
			answer: clientReply{Status: 200, Body: clientExampleGroupList},
			method: "GET", path: "/v1/lives/l1/groups", query: "limit=50&page=1", accept: true,
			check: func(t *testing.T, got any) {
				list := got.(*GroupList)
				require.Equal(t, 1, list.Total)
				require.Equal(t, "text", *list.Items[0].Emoji)
			},
		},
		{
			name: "linkLiveGroup",
			call: func(ctx context.Context, c *Client) (any, error) {
				return nil, c.LinkLiveGroup(ctx, "l1", LinkLiveGroupRequest{GroupID: "text", WithEmailNotification: clientPtr(true)})
			},
			answer: clientReply{Status: 204},
			method: "POST", path: "/v1/lives/l1/groups", body: `{"groupId": "text", "withEmailNotification": true}`,
		},
		{
			name:   "unlinkLiveGroup",
			call:   func(ctx context.Context, c *Client) (any, error) { return nil, c.UnlinkLiveGroup(ctx, "l1", "g1") },
			answer: clientReply{Status: 204},
			method: "DELETE", path: "/v1/lives/l1/groups/g1",
		},
		{
			name: "unlinkLiveGroups",
			call: func(ctx context.Context, c *Client) (any, error) {
				return nil, c.UnlinkLiveGroups(ctx, "l1", GroupIDsRequest{GroupIDs: []string{"text"}})
			},
			answer: clientReply{Status: 204},
			method: "POST", path: "/v1/lives/l1/groups~bulkRemove", body: `{"groupIds": ["text"]}`,
		},
		{
			name: "linkChannelGroups",
			call: func(ctx context.Context, c *Client) (any, error) {
				return nil, c.LinkChannelGroups(ctx, "c1", GroupIDsRequest{GroupIDs: []string{"text"}})
			},
			answer: clientReply{Status: 204},
			method: "POST", path: "/v1/channels/c1/groups~bulkAdd", body: `{"groupIds": ["text"]}`,
		},
		{
			name: "listLiveSpeakers",
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.ListLiveSpeakers(ctx, "l1", &ListLiveSpeakersParams{
					Limit: clientPtr(5), Filter: ListLiveSpeakersFilter{}.EmailContains("@example.com"),
				})
			},
			answer: clientReply{Status: 200, Body: clientExampleParticipantList},
			method: "GET", path: "/v1/lives/l1/speakers", query: "email[contains]=%40example.com&limit=5", accept: true,
			check: func(t *testing.T, got any) {
				p := got.(*ParticipantList).Items[0]
				require.Equal(t, ParticipantStatusAccepted, p.Status)
				require.Equal(t, "text", *p.SpotMemberFirstname)
			},
		},
		{
			name: "inviteLiveSpeaker answers 201",
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.InviteLiveSpeaker(ctx, "l1", InviteLiveSpeakerRequest{
					Member: SpeakerMember{MemberByEmail: &MemberByEmail{
						Email: "jane.doe@example.com", FirstName: clientPtr("text"), LastName: clientPtr("text"), Title: clientPtr("text"), Biography: clientPtr("text"),
					}},
					InvitedBySpotMemberID: clientPtr("text"), Highlighted: clientPtr(false), GrantHostRights: clientPtr(false), WithEmailNotification: clientPtr(false),
				})
			},
			answer: clientReply{Status: 201, Body: clientExampleParticipant},
			method: "POST", path: "/v1/lives/l1/speakers", accept: true,
			body: `{"member": {"email": "jane.doe@example.com", "firstName": "text", "lastName": "text", "title": "text",
				"biography": "text"}, "invitedBySpotMemberId": "text", "highlighted": false, "grantHostRights": false,
				"withEmailNotification": false}`,
			check: func(t *testing.T, got any) {
				res := got.(*InviteLiveSpeakerResult)
				require.False(t, res.OK)
				require.NotNil(t, res.Created)
				require.Equal(t, ParticipantTypeParticipant, res.Created.Type)
			},
		},
		{
			name: "bulkInviteLiveSpeakers",
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.BulkInviteLiveSpeakers(ctx, "l1", BulkInviteLiveSpeakersRequest{
					InvitedBySpotMemberID: clientPtr("text"), Highlighted: clientPtr(false), GrantHostRights: clientPtr(false),
					WithEmailNotification: clientPtr(false), SpotMemberIDs: []string{"text"},
				})
			},
			answer: clientReply{Status: 200, Body: `[` + clientExampleParticipant + `]`},
			method: "POST", path: "/v1/lives/l1/speakers~bulkInvite", accept: true,
			body: `{"invitedBySpotMemberId": "text", "highlighted": false, "grantHostRights": false,
				"withEmailNotification": false, "spotMemberIds": ["text"]}`,
			check: func(t *testing.T, got any) { require.Len(t, got.([]Participant), 1) },
		},
		{
			name: "listLiveParticipants",
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.ListLiveParticipants(ctx, "l1", &ListLiveParticipantsParams{
					Page: clientPtr(3), Filter: ListLiveParticipantsFilter{}.HasReplayedEq(true).TypeEq(ParticipantTypeParticipant),
				})
			},
			answer: clientReply{Status: 200, Body: clientExampleParticipantList},
			method: "GET", path: "/v1/lives/l1/participants", query: "hasReplayed[eq]=true&page=3&type[eq]=Participant", accept: true,
			check: func(t *testing.T, got any) {
				p := got.(*ParticipantList).Items[0]
				viewTime := 1
				require.Equal(t, &viewTime, p.Metrics.ViewTime)
			},
		},
		{
			name: "inviteLiveParticipant answers 200: already invited",
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.InviteLiveParticipant(ctx, "l1", InviteLiveParticipantRequest{
					Member: "text", InvitedBySpotMemberID: clientPtr("text"), WithEmailNotification: clientPtr(true),
				})
			},
			answer: clientReply{Status: 200},
			method: "POST", path: "/v1/lives/l1/participants", accept: true,
			body: `{"member": "text", "invitedBySpotMemberId": "text", "withEmailNotification": true}`,
			check: func(t *testing.T, got any) {
				res := got.(*InviteLiveParticipantResult)
				require.True(t, res.OK, "200 means already invited")
				require.Nil(t, res.Created)
			},
		},
		{
			name: "inviteLiveParticipant answers 201: invited",
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.InviteLiveParticipant(ctx, "l1", InviteLiveParticipantRequest{Member: "jane.doe@example.com"})
			},
			answer: clientReply{Status: 201, Body: clientExampleParticipant},
			method: "POST", path: "/v1/lives/l1/participants", accept: true, body: `{"member": "jane.doe@example.com"}`,
			check: func(t *testing.T, got any) {
				res := got.(*InviteLiveParticipantResult)
				require.False(t, res.OK)
				require.Equal(t, "text", res.Created.ID)
			},
		},
		{
			name: "bulkInviteLiveParticipants",
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.BulkInviteLiveParticipants(ctx, "l1", BulkInviteRequest{
					InvitedBySpotMemberID: clientPtr("text"), WithEmailNotification: clientPtr(true),
					Members: BulkInviteMembers{SpotMemberIDs: []string{"text"}, Emails: []string{"jane.doe@example.com"}},
				})
			},
			answer: clientReply{Status: 200, Body: clientExampleBulkParticipants},
			method: "POST", path: "/v1/lives/l1/participants~bulkInvite", accept: true,
			body: `{"invitedBySpotMemberId": "text", "withEmailNotification": true,
				"members": {"spotMemberIds": ["text"], "emails": ["jane.doe@example.com"]}}`,
			check: func(t *testing.T, got any) {
				ps := got.([]Participant)
				require.Len(t, ps, 1)
				require.Equal(t, time.Date(2025, 5, 4, 9, 42, 0, 0, time.UTC), *ps[0].InvitedAt)
				viewTime := 42
				require.Equal(t, &viewTime, ps[0].Metrics.ViewTime)
			},
		},
	}
	operations := map[string]bool{}
	for _, tt := range tests {
		operations[strings.Fields(tt.name)[0]] = true
		t.Run(tt.name, func(t *testing.T) {
			api := newClientFakeAPI(t, clientReplies(tt.answer))
			c, _ := newClientForTest(t, api)
			got, err := tt.call(context.Background(), c)
			require.NoError(t, err)
			reqs := api.seen()
			require.Len(t, reqs, 1)
			r := reqs[0]
			require.Equal(t, tt.method, r.Method)
			require.Equal(t, tt.path, r.Path)
			require.Equal(t, tt.query, r.RawQuery)
			require.Equal(t, "Bearer tok", r.Header.Get("Authorization"))
			require.Equal(t, "livegen-test", r.Header.Get("User-Agent"))
			if tt.accept {
				require.Equal(t, "application/json", r.Header.Get("Accept"))
			} else {
				require.Empty(t, r.Header.Get("Accept"))
			}
			if tt.body == "" {
				require.Empty(t, r.Body)
				require.Empty(t, r.Header.Get("Content-Type"))
			} else {
				require.JSONEq(t, tt.body, r.Body)
				require.Equal(t, "application/json", r.Header.Get("Content-Type"))
			}
			if tt.check != nil {
				tt.check(t, got)
			}
		})
	}
	require.Len(t, operations, 16, "every operation of the spec is called")
}

// TestEveryListLivesParameterUsesItsSpecName sets every parameter of
// ListLives, filters included, and checks that the query carries each under
// the exact name the spec gives.
func TestClientEveryListLivesParameterUsesItsSpecName(t *testing.T) {
	api := newClientFakeAPI(t, clientReplies(clientReply{Status: 200, Body: `{"items": [], "total": 0}`}))
	c, _ := newClientForTest(t, api)
	var params ListLivesParams
	clientFillEveryField(reflect.ValueOf(&params).Elem())
	_, err := c.ListLives(context.Background(), &params)
	require.NoError(t, err)
	query, err := url.ParseQuery(api.seen()[0].RawQuery)
	require.NoError(t, err)
	var names []string
	for name := range query {
		names = append(names, name)
	}
	want := []string{"page", "limit", "title[eq]", "title[contains]", "status[eq]", "solution[eq]", "replay[eq]", "builtInType[eq]"}
	for _, field := range []string{"startDate", "averageViewTime", "invited", "registrant", "attendee", "attendanceRate", "totalReplayView"} {
		for _, op := range []string{"lt", "lte", "gt", "gte", "eq"} {
			want = append(want, field+"["+op+"]")
		}
	}
	require.ElementsMatch(t, want, names)
	require.Equal(t, []string{"7"}, query["page"])
	require.Equal(t, []string{"x"}, query["title[eq]"])
}

// clientFillEveryField sets every settable field of v, through pointers, structs
// and slices, to a value that is not zero.
func clientFillEveryField(v reflect.Value) {
	switch v.Kind() {
	case reflect.Pointer:
		v.Set(reflect.New(v.Type().Elem()))
		clientFillEveryField(v.Elem())
	case reflect.Struct:
		if v.Type() == reflect.TypeFor[time.Time]() {
			v.Set(reflect.ValueOf(time.Unix(1700000000, 0).UTC()))
			return
		}
		for i := range v.NumField() {
			if v.Field(i).CanSet() {
				clientFillEveryField(v.Field(i))
			}
		}
	case reflect.Slice:
		s := reflect.MakeSlice(v.Type(), 1, 1)
		clientFillEveryField(s.Index(0))
		v.Set(s)
	case reflect.String:
		v.SetString("x")
	case reflect.Int, reflect.Int32, reflect.Int64:
		v.SetInt(7)
	case reflect.Bool:
		v.SetBool(true)
	}
}

// TestErrorsAreAPIErrors maps the documented failures to *APIError with the
// spec's description, and keeps the raw body.
func TestClientErrorsAreAPIErrors(t *testing.T) {
	tests := []struct {
		name        string
		call        func(ctx context.Context, c *Client) error
		status      int
		description string
	}{
		{"400", func(ctx context.Context, c *Client) error {
			_, err := c.CreateLive(ctx, CreateLiveRequest{})
			return err
		}, 400, "Malformed payload"},
		{"404", func(ctx context.Context, c *Client) error { _, err := c.GetLive(ctx, "missing"); return err }, 404, "Live not found"},
		{"404 of a group", func(ctx context.Context, c *Client) error { return c.UnlinkLiveGroup(ctx, "l1", "g1") }, 404, "Live or Group not found"},
		{"413", func(ctx context.Context, c *Client) error {
			_, err := c.BulkInviteLiveParticipants(ctx, "l1", BulkInviteRequest{})
			return err
		}, 413, "Payload is too large"},
		{"undocumented 500", func(ctx context.Context, c *Client) error { return c.DeleteLive(ctx, "l1") }, 500, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			body := `{"message": "no ` + tt.name + `"}`
			api := newClientFakeAPI(t, clientReplies(clientReply{Status: tt.status, Body: body, Header: map[string]string{"X-Request-Id": "r1"}}))
			c, _ := newClientForTest(t, api)
			err := tt.call(context.Background(), c)
			var apiErr *APIError
			require.ErrorAs(t, err, &apiErr)
			require.Equal(t, tt.status, apiErr.StatusCode)
			require.Equal(t, tt.description, apiErr.Description)
			require.Equal(t, body, string(apiErr.RawBody))
			require.Equal(t, "r1", apiErr.Header.Get("X-Request-Id"))
			require.Nil(t, apiErr.Body, "the spec documents no error body")
			require.Contains(t, err.Error(), strconv.Itoa(tt.status))
			require.Contains(t, err.Error(), tt.description)
			require.Contains(t, err.Error(), "no "+tt.name)
			require.Len(t, api.seen(), 1)
		})
	}
}

// TestErrorBodyIsCapped keeps at most 64 KiB of a failed answer.
func TestClientErrorBodyIsCapped(t *testing.T) {
	api := newClientFakeAPI(t, clientReplies(clientReply{Status: 400, Body: strings.Repeat("x", 200<<10)}))
	c, _ := newClientForTest(t, api)
	_, err := c.GetLive(context.Background(), "l1")
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr)
	require.Len(t, apiErr.RawBody, 64<<10)
	require.Less(t, len(err.Error()), 400, "the message shows only the start of the body")
}

// TestTransportErrorsAreWrapped reports a failed connection as the
// transport's error, not as an answer.
func TestClientTransportErrorsAreWrapped(t *testing.T) {
	api := newClientFakeAPI(t, clientReplies(clientReply{Status: 200}))
	c, _ := newClientForTest(t, api)
	api.Close()
	_, err := c.GetLive(context.Background(), "l1")
	require.Error(t, err)
	var urlErr *url.Error
	require.ErrorAs(t, err, &urlErr)
	var apiErr *APIError
	require.False(t, errors.As(err, &apiErr))
	require.Contains(t, err.Error(), "meltingspot: getLive:")
}

// TestUndecodableAnswer keeps the answer whose body does not fit the spec:
// the seed's own example shows {} for videoUrl, which the spec types as a
// string. The field stays absent and is reported; WithStrictDecoding makes it
// an error.
func TestClientUndecodableAnswer(t *testing.T) {
	seed := strings.Replace(clientExampleLive, `"videoUrl": "text"`, `"videoUrl": {}`, 1)
	api := newClientFakeAPI(t, clientReplies(clientReply{Status: 200, Body: seed}, clientReply{Status: 200, Body: seed}))
	c, _ := newClientForTest(t, api)
	var answer Answer
	live, err := c.GetLive(RecordAnswer(context.Background(), &answer), "l1")
	require.NoError(t, err)
	require.Equal(t, "text", *live.Title)
	require.True(t, live.VideoURL.IsZero(), "the misfit stays absent")
	require.Len(t, answer.Misfits, 1)
	require.Equal(t, "/videoUrl", answer.Misfits[0].Pointer)
	require.Equal(t, "{}", string(answer.Misfits[0].Raw))

	strict, _ := newClientForTest(t, api, WithStrictDecoding())
	live, err = strict.GetLive(context.Background(), "l1")
	require.Nil(t, live)
	require.ErrorContains(t, err, "meltingspot: getLive: decoding the answer (status 200)")
}

// TestEmptyPathParameter refuses a call whose path would name another resource.
func TestClientEmptyPathParameter(t *testing.T) {
	api := newClientFakeAPI(t, clientReplies(clientReply{Status: 200, Body: clientExampleLive}))
	c, _ := newClientForTest(t, api)
	_, err := c.GetLive(context.Background(), "")
	require.ErrorContains(t, err, "path parameter liveId is empty")
	require.Empty(t, api.seen())
}

func TestClientNewClientChecksTheBaseURL(t *testing.T) {
	for _, bad := range []string{"", "openapi.meltingspot.io", "ftp://openapi.meltingspot.io", "https://h/?x=1", "https://h/#f", "://"} {
		_, err := NewClient(bad)
		require.Error(t, err, bad)
	}
	_, err := NewClient("https://h", WithHTTPClient(nil))
	require.ErrorContains(t, err, "WithHTTPClient")
	c, err := NewClient("https://openapi.meltingspot.io/base/")
	require.NoError(t, err)
	require.Equal(t, "https://openapi.meltingspot.io/base", c.engine.BaseURL)
}

// TestBaseURLPath keeps the path of the base URL in front of the operation's.
func TestClientBaseURLPath(t *testing.T) {
	api := newClientFakeAPI(t, clientReplies(clientReply{Status: 204}))
	c, err := NewClient(api.URL+"/api/", WithHTTPClient(api.Client()))
	require.NoError(t, err)
	require.NoError(t, c.DeleteLive(context.Background(), "l1"))
	require.Equal(t, "/api/v1/lives/l1", api.seen()[0].Path)
	require.Empty(t, api.seen()[0].Header.Get("Authorization"), "no credentials were given")
}

// TestRequestEditors runs the client's editors, then the call's, on every
// attempt; an editor error stops the call before anything is sent.
func TestClientRequestEditors(t *testing.T) {
	api := newClientFakeAPI(t, clientReplies(clientReply{Status: 429, Header: map[string]string{"Retry-After": "1"}}, clientReply{Status: 204}))
	var order []string
	c, _ := newClientForTest(t, api, WithRequestEditorFn(func(_ context.Context, req *http.Request) error {
		order = append(order, "client")
		req.Header.Add("X-Trace", "client")
		return nil
	}))
	err := c.DeleteLive(context.Background(), "l1", func(_ context.Context, req *http.Request) error {
		order = append(order, "call")
		req.Header.Add("X-Trace", "call")
		return nil
	})
	require.NoError(t, err)
	require.Equal(t, []string{"client", "call", "client", "call"}, order)
	for _, r := range api.seen() {
		require.Equal(t, []string{"client", "call"}, r.Header.Values("X-Trace"), "a retry starts from a fresh request")
	}

	boom := errors.New("boom")
	err = c.DeleteLive(context.Background(), "l1", func(context.Context, *http.Request) error { return boom })
	require.ErrorIs(t, err, boom)
	require.Len(t, api.seen(), 2)
}

// TestRetryAfterSeconds waits as long as Retry-After says, then sends the
// same body again: 429 means the POST was not processed.
func TestClientRetryAfterSeconds(t *testing.T) {
	api := newClientFakeAPI(t, clientReplies(
		clientReply{Status: 429, Header: map[string]string{"Retry-After": "7"}, Body: `{"message": "slow down"}`},
		clientReply{Status: 201, Body: clientExampleLive},
	))
	c, clock := newClientForTest(t, api)
	live, err := c.CreateLive(context.Background(), CreateLiveRequest{Title: "t", Solution: LiveSolutionVimeo})
	require.NoError(t, err)
	require.Equal(t, "text", *live.ID)
	require.Equal(t, []time.Duration{7 * time.Second}, clock.waits())
	reqs := api.seen()
	require.Len(t, reqs, 2)
	require.Equal(t, reqs[0].Body, reqs[1].Body, "the body is replayed")
	require.JSONEq(t, `{"title": "t", "solution": "Vimeo", "spotMemberHostId": "", "startDate": 0, "endDate": 0}`, reqs[1].Body)
}

// TestRetryAfterDate waits until the HTTP date that Retry-After gives.
func TestClientRetryAfterDate(t *testing.T) {
	var c *Client
	var clock *clientFakeClock
	api := newClientFakeAPI(t, func(n int, _ clientRecorded) clientReply {
		if n == 0 {
			at := clock.Now().Add(45 * time.Second).Format(http.TimeFormat)
			return clientReply{Status: 423, Header: map[string]string{"Retry-After": at}}
		}
		return clientReply{Status: 200, Body: clientExampleLive}
	})
	c, clock = newClientForTest(t, api)
	_, err := c.GetLive(context.Background(), "l1")
	require.NoError(t, err)
	require.Equal(t, []time.Duration{45 * time.Second}, clock.waits())
}

// TestBackoffWithoutRetryAfter doubles the wait, with jitter, up to MaxDelay.
func TestClientBackoffWithoutRetryAfter(t *testing.T) {
	api := newClientFakeAPI(t, clientReplies(clientReply{Status: 503}, clientReply{Status: 503}, clientReply{Status: 503}, clientReply{Status: 503}, clientReply{Status: 200, Body: clientExampleGroupList}))
	c, clock := newClientForTest(t, api, WithRetryPolicy(RetryPolicy{MaxAttempts: 5, BaseDelay: time.Second, MaxDelay: 3 * time.Second}))
	_, err := c.ListLiveGroups(context.Background(), "l1", nil)
	require.NoError(t, err)
	waits := clock.waits()
	require.Len(t, waits, 4)
	for i, full := range []time.Duration{time.Second, 2 * time.Second, 3 * time.Second, 3 * time.Second} {
		require.GreaterOrEqual(t, waits[i], full/2, "wait %d", i)
		require.LessOrEqual(t, waits[i], full, "wait %d", i)
	}
}

// TestRetryGivesUpAfterMaxAttempts returns the last answer as an *APIError.
func TestClientRetryGivesUpAfterMaxAttempts(t *testing.T) {
	api := newClientFakeAPI(t, clientReplies(clientReply{Status: 429, Header: map[string]string{"Retry-After": "1"}, Body: "busy"}))
	c, clock := newClientForTest(t, api, WithRetryPolicy(RetryPolicy{MaxAttempts: 3}))
	_, err := c.GetLive(context.Background(), "l1")
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr)
	require.Equal(t, http.StatusTooManyRequests, apiErr.StatusCode)
	require.Equal(t, "busy", string(apiErr.RawBody))
	require.Len(t, api.seen(), 3)
	require.Equal(t, []time.Duration{time.Second, time.Second}, clock.waits())
}

// TestRetryGivesUpAfterMaxElapsed does not wait past the time bound.
func TestClientRetryGivesUpAfterMaxElapsed(t *testing.T) {
	api := newClientFakeAPI(t, clientReplies(clientReply{Status: 429, Header: map[string]string{"Retry-After": "40"}}))
	c, clock := newClientForTest(t, api, WithRetryPolicy(RetryPolicy{MaxAttempts: 10, MaxElapsed: time.Minute}))
	_, err := c.GetLive(context.Background(), "l1")
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr)
	require.Equal(t, []time.Duration{40 * time.Second}, clock.waits(), "a second wait of 40s would end after 80s")
	require.Len(t, api.seen(), 2)
}

// TestRetryStopsAtTheDeadline does not start a wait that ends after the
// context's deadline.
func TestClientRetryStopsAtTheDeadline(t *testing.T) {
	api := newClientFakeAPI(t, clientReplies(clientReply{Status: 503, Header: map[string]string{"Retry-After": "3600"}}))
	c, clock := newClientForTest(t, api, WithRetryPolicy(RetryPolicy{MaxElapsed: 2 * time.Hour}))
	clock.now = time.Now()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	_, err := c.GetLive(ctx, "l1")
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr)
	require.Equal(t, http.StatusServiceUnavailable, apiErr.StatusCode)
	require.Empty(t, clock.waits())
}

// TestRetryIsCancelledMidBackoff stops waiting when the context ends.
func TestClientRetryIsCancelledMidBackoff(t *testing.T) {
	api := newClientFakeAPI(t, clientReplies(clientReply{Status: 429, Header: map[string]string{"Retry-After": "30"}}))
	c, _ := newClientForTest(t, api)
	ctx, cancel := context.WithCancel(context.Background())
	var waited time.Duration
	c.engine.Sleep = func(ctx context.Context, d time.Duration) error {
		waited = d
		cancel() // the caller gives up while the client waits
		return livegenrt.ClientSleep(ctx, d)
	}
	_, err := c.GetLive(ctx, "l1")
	require.ErrorIs(t, err, context.Canceled)
	require.ErrorContains(t, err, "waiting 30s to retry after status 429")
	require.Equal(t, 30*time.Second, waited)
	require.Len(t, api.seen(), 1)
}

// TestNonIdempotentRetries retries a POST on 503 only when the caller opts in:
// 503 does not say whether the request was processed.
func TestClientNonIdempotentRetries(t *testing.T) {
	answers := clientReplies(clientReply{Status: 503, Header: map[string]string{"Retry-After": "2"}}, clientReply{Status: 204})
	api := newClientFakeAPI(t, answers)
	c, _ := newClientForTest(t, api)
	err := c.LinkLiveGroup(context.Background(), "l1", LinkLiveGroupRequest{GroupID: "g"})
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr)
	require.Equal(t, 503, apiErr.StatusCode)
	require.Len(t, api.seen(), 1)

	api = newClientFakeAPI(t, answers)
	c, clock := newClientForTest(t, api, WithRetryPolicy(RetryPolicy{RetryNonIdempotent: true}))
	require.NoError(t, c.LinkLiveGroup(context.Background(), "l1", LinkLiveGroupRequest{GroupID: "g"}))
	require.Len(t, api.seen(), 2)
	require.Equal(t, []time.Duration{2 * time.Second}, clock.waits())
}

func TestClientRetryAfterParsing(t *testing.T) {
	now := time.Date(2025, 5, 15, 12, 0, 0, 0, time.UTC)
	for value, want := range map[string]time.Duration{
		"0":                             0,
		" 12 ":                          12 * time.Second,
		"Thu, 15 May 2025 12:01:00 GMT": time.Minute,
		"Thu, 15 May 2025 11:00:00 GMT": 0, // in the past: now
		"99999999999999":                1_000_000_000 * time.Second,
	} {
		got, ok := livegenrt.ClientRetryAfter(value, now)
		require.True(t, ok, value)
		require.Equal(t, want, got, value)
	}
	for _, value := range []string{"", "-1", "soon", "1.5"} {
		_, ok := livegenrt.ClientRetryAfter(value, now)
		require.False(t, ok, value)
	}
}

// TestSleepEndsWithTheContext never sleeps for real: the context has ended.
func TestClientSleepEndsWithTheContext(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	require.ErrorIs(t, livegenrt.ClientSleep(ctx, time.Hour), context.Canceled)
}

// TestPagesAreWalked walks a list of 5 Lives by pages of 2: pages 1, 2 and 3,
// each with the caller's filter and limit, and stops at the total.
func TestClientPagesAreWalked(t *testing.T) {
	api := newClientFakeAPI(t, clientLivePages(5, 5))
	c, _ := newClientForTest(t, api)
	params := &ListLivesParams{Limit: clientPtr(2), Filter: ListLivesFilter{}.SolutionEq(LiveSolutionVimeo)}
	var titles []string
	for live, err := range c.ListLivesAll(context.Background(), params) {
		require.NoError(t, err)
		titles = append(titles, *live.Title)
	}
	require.Equal(t, []string{"live 1", "live 2", "live 3", "live 4", "live 5"}, titles)
	var queries []string
	for _, r := range api.seen() {
		queries = append(queries, r.RawQuery)
	}
	require.Equal(t, []string{
		"limit=2&page=1&solution[eq]=Vimeo",
		"limit=2&page=2&solution[eq]=Vimeo",
		"limit=2&page=3&solution[eq]=Vimeo",
	}, queries)
	require.Nil(t, params.Page, "the caller's params are left alone")
}

// TestPagesStopAtAnEmptyPage stops when a page is empty even though the
// total promises more, and starts at the caller's page.
func TestClientPagesStopAtAnEmptyPage(t *testing.T) {
	api := newClientFakeAPI(t, clientLivePages(4, 100))
	c, _ := newClientForTest(t, api)
	n := 0
	for _, err := range c.ListLivesAll(context.Background(), &ListLivesParams{Page: clientPtr(2)}) {
		require.NoError(t, err)
		n++
	}
	require.Equal(t, 2, n, "page 2 holds lives 3 and 4")
	require.Len(t, api.seen(), 2, "page 3 is empty")
}

// TestPagesStopAtAShortPage stops after a page shorter than the limit
// asked for, even though the total promises more.
func TestClientPagesStopAtAShortPage(t *testing.T) {
	api := newClientFakeAPI(t, clientLivePages(3, 100))
	c, _ := newClientForTest(t, api)
	n := 0
	for _, err := range c.ListLivesAll(context.Background(), &ListLivesParams{Page: clientPtr(2), Limit: clientPtr(2)}) {
		require.NoError(t, err)
		n++
	}
	require.Equal(t, 1, n, "page 2 holds live 3 only")
	require.Len(t, api.seen(), 1)
}

// TestPagesStopWhenTheServerIgnoresThePage stops at the second page when the
// server answers the first page again, whatever page is asked for.
func TestClientPagesStopWhenTheServerIgnoresThePage(t *testing.T) {
	first := clientLivePages(100, 1000)
	api := newClientFakeAPI(t, func(n int, r clientRecorded) clientReply {
		r.RawQuery = "page=1"
		return first(n, r)
	})
	c, _ := newClientForTest(t, api)
	var ids []string
	for live, err := range c.ListLivesAll(context.Background(), nil) {
		require.NoError(t, err)
		ids = append(ids, *live.ID)
	}
	require.Equal(t, []string{"l1", "l2"}, ids, "the repeated page is not yielded")
	require.Len(t, api.seen(), 2)
}

// TestPagesStopAtTheCap fetches no more pages than WithMaxPages says.
func TestClientPagesStopAtTheCap(t *testing.T) {
	api := newClientFakeAPI(t, clientLivePages(100, 100))
	c, err := NewClient(api.URL, WithMaxPages(3))
	require.NoError(t, err)
	n := 0
	for _, err := range c.ListLivesAll(context.Background(), nil) {
		require.NoError(t, err)
		n++
	}
	require.Equal(t, 6, n)
	require.Len(t, api.seen(), 3)
	_, err = NewClient(api.URL, WithMaxPages(-1))
	require.ErrorContains(t, err, "WithMaxPages")
}

// TestPagesStopWhenTheLoopBreaks fetches no page after a break.
func TestClientPagesStopWhenTheLoopBreaks(t *testing.T) {
	api := newClientFakeAPI(t, clientLivePages(10, 10))
	c, _ := newClientForTest(t, api)
	for range c.ListLivesAll(context.Background(), &ListLivesParams{Limit: clientPtr(2)}) {
		break
	}
	require.Len(t, api.seen(), 1)
}

// TestPagesStopAtAnError yields the error with a zero item and stops; an
// ended context is such an error.
func TestClientPagesStopAtAnError(t *testing.T) {
	api := newClientFakeAPI(t, func(n int, r clientRecorded) clientReply {
		if n == 1 {
			return clientReply{Status: 400}
		}
		return clientLivePages(10, 10)(n, r)
	})
	c, _ := newClientForTest(t, api)
	var errs []error
	for live, err := range c.ListLiveParticipantsAll(context.Background(), "l1", nil) {
		if err != nil {
			require.Empty(t, live.ID)
			errs = append(errs, err)
		}
	}
	require.Len(t, errs, 1)
	var apiErr *APIError
	require.ErrorAs(t, errs[0], &apiErr)
	require.Equal(t, "Malformed payload", apiErr.Description)

	api = newClientFakeAPI(t, clientLivePages(10, 10))
	c, _ = newClientForTest(t, api)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	seen := 0
	for _, err := range c.ListLivesAll(ctx, &ListLivesParams{Limit: clientPtr(2)}) {
		if err != nil {
			require.ErrorIs(t, err, context.Canceled)
			break
		}
		seen++
		cancel()
	}
	require.Equal(t, 2, seen, "the page that was fetched is yielded whole")
	require.Len(t, api.seen(), 1)
}

// clientLivePages answers list operations with pages of the Lives "live 1".."live
// count", as many per page as the limit says, and says total.
func clientLivePages(count, total int) func(int, clientRecorded) clientReply {
	return func(_ int, r clientRecorded) clientReply {
		q, _ := url.ParseQuery(r.RawQuery)
		page, _ := strconv.Atoi(q.Get("page"))
		limit, _ := strconv.Atoi(q.Get("limit"))
		if limit == 0 {
			limit = 2
		}
		items := []string{}
		for i := (page-1)*limit + 1; i <= min(page*limit, count); i++ {
			items = append(items, fmt.Sprintf(`{"id": "l%d", "title": "live %d"}`, i, i))
		}
		return clientReply{Status: 200, Body: `{"items": [` + strings.Join(items, ",") + `], "total": ` + strconv.Itoa(total) + `}`}
	}
}

// TestBulkChunks splits 2 emails and 5 member ids into chunks of 3, sends
// them in order with the rest of the body, and keeps the answers of chunks 0
// and 2 when chunk 1 gets 413.
func TestClientBulkChunks(t *testing.T) {
	api := newClientFakeAPI(t, func(n int, r clientRecorded) clientReply {
		if n == 1 {
			return clientReply{Status: 413, Body: "too large"}
		}
		var body BulkInviteRequest
		if err := json.Unmarshal([]byte(r.Body), &body); err != nil {
			return clientReply{Status: 400}
		}
		var out []string
		for _, m := range slices.Concat(body.Members.Emails, body.Members.SpotMemberIDs) {
			out = append(out, fmt.Sprintf(`{"id": %q, "liveId": "l1", "spotMemberId": %[1]q, "spotMemberEmail": "", "spotMemberFirstname": null,
				"spotMemberLastname": null, "status": "Accepted", "type": "Participant", "invitedAt": null, "registeredAt": null,
				"isHighlighted": false, "metrics": {"viewTime": null, "hasReplayed": null, "hasParticipated": null}}`, m))
		}
		return clientReply{Status: 200, Body: "[" + strings.Join(out, ",") + "]"}
	})
	c, _ := newClientForTest(t, api)
	body := BulkInviteRequest{
		InvitedBySpotMemberID: clientPtr("host"),
		Members: BulkInviteMembers{
			Emails:        []string{"a@x.io", "b@x.io"},
			SpotMemberIDs: []string{"m1", "m2", "m3", "m4", "m5"},
		},
	}
	got, err := c.BulkInviteLiveParticipantsInChunks(context.Background(), "l1", body, 3)
	var ids []string
	for _, p := range got {
		ids = append(ids, p.ID)
	}
	require.Equal(t, []string{"a@x.io", "b@x.io", "m1", "m5"}, ids, "chunks 0 and 2 answered")

	var bulkErr *BulkError
	require.ErrorAs(t, err, &bulkErr)
	require.Equal(t, []int{1}, bulkErr.Failed())
	require.Equal(t, 3, bulkErr.ChunkSize)
	require.Len(t, bulkErr.Errs, 3)
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr)
	require.Equal(t, "Payload is too large", apiErr.Description)
	require.ErrorContains(t, err, "1 of 3 chunks failed; chunk 1")

	reqs := api.seen()
	require.Len(t, reqs, 3)
	require.JSONEq(t, `{"invitedBySpotMemberId": "host", "members": {"emails": ["a@x.io", "b@x.io"], "spotMemberIds": ["m1"]}}`, reqs[0].Body)
	require.JSONEq(t, `{"invitedBySpotMemberId": "host", "members": {"spotMemberIds": ["m2", "m3", "m4"]}}`, reqs[1].Body)
	require.JSONEq(t, `{"invitedBySpotMemberId": "host", "members": {"spotMemberIds": ["m5"]}}`, reqs[2].Body)
	for _, r := range reqs {
		require.Equal(t, "/v1/lives/l1/participants~bulkInvite", r.Path)
	}
	require.Len(t, body.Members.SpotMemberIDs, 5, "the caller's body is left alone")
}

// TestBulkWithoutBody splits a list whose answers have no body, and sends a
// small list in one call, as it is.
func TestClientBulkWithoutBody(t *testing.T) {
	api := newClientFakeAPI(t, clientReplies(clientReply{Status: 204}))
	c, _ := newClientForTest(t, api)
	ids := []string{"g1", "g2", "g3", "g4", "g5"}
	require.NoError(t, c.UnlinkLiveGroupsInChunks(context.Background(), "l1", GroupIDsRequest{GroupIDs: ids}, 2))
	var bodies []string
	for _, r := range api.seen() {
		bodies = append(bodies, r.Body)
	}
	require.Equal(t, []string{`{"groupIds":["g1","g2"]}`, `{"groupIds":["g3","g4"]}`, `{"groupIds":["g5"]}`}, bodies)

	require.NoError(t, c.LinkChannelGroupsInChunks(context.Background(), "c1", GroupIDsRequest{GroupIDs: []string{}}, 10))
	require.Equal(t, `{"groupIds":[]}`, api.seen()[3].Body, "an empty list is still sent once")
}

// TestBulkChunkSize needs a positive chunk size, as the spec gives no maxItems.
func TestClientBulkChunkSize(t *testing.T) {
	api := newClientFakeAPI(t, clientReplies(clientReply{Status: 200, Body: "[]"}))
	c, _ := newClientForTest(t, api)
	_, err := c.BulkInviteLiveSpeakersInChunks(context.Background(), "l1", BulkInviteLiveSpeakersRequest{SpotMemberIDs: []string{"a"}}, 0)
	require.ErrorContains(t, err, "bulkInviteLiveSpeakers: the chunk size must be positive")
	require.Empty(t, api.seen())
}

// TestBulkStopsWithTheContext sends no chunk once the context has ended and
// reports the remaining chunks as failed with the context's error.
func TestClientBulkStopsWithTheContext(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	var sent []string
	doer := clientDoerFunc(func(req *http.Request) (*http.Response, error) {
		body, _ := io.ReadAll(req.Body)
		sent = append(sent, string(body))
		cancel() // the caller gives up while the first chunk is answered
		return &http.Response{StatusCode: 200, Body: io.NopCloser(strings.NewReader(`[` + clientExampleParticipant + `]`))}, nil
	})
	c, err := NewClient("https://openapi.meltingspot.io", WithHTTPClient(doer))
	require.NoError(t, err)
	got, err := c.BulkInviteLiveSpeakersInChunks(ctx, "l1", BulkInviteLiveSpeakersRequest{SpotMemberIDs: []string{"a", "b", "c"}}, 1)
	require.Len(t, got, 1, "the first chunk was answered")
	var bulkErr *BulkError
	require.ErrorAs(t, err, &bulkErr)
	require.Equal(t, []int{1, 2}, bulkErr.Failed())
	require.ErrorIs(t, err, context.Canceled)
	require.Equal(t, []string{`{"spotMemberIds":["a"]}`}, sent)
}

// clientTrackedBody is a response body that records how it was read and closed.
type clientTrackedBody struct {
	r      io.Reader
	read   int
	closed bool
}

func (b *clientTrackedBody) Read(p []byte) (int, error) {
	n, err := b.r.Read(p)
	b.read += n
	return n, err
}

func (b *clientTrackedBody) Close() error {
	b.closed = true
	return nil
}

// clientDoerFunc is an HTTPDoer made of a function.
type clientDoerFunc func(*http.Request) (*http.Response, error)

func (f clientDoerFunc) Do(req *http.Request) (*http.Response, error) { return f(req) }

// TestBodiesAreDrainedAndClosed closes every answer: decoded, failed and
// retried ones.
func TestClientBodiesAreDrainedAndClosed(t *testing.T) {
	var bodies []*clientTrackedBody
	statuses := []int{429, 200, 404}
	doer := clientDoerFunc(func(req *http.Request) (*http.Response, error) {
		status := statuses[len(bodies)]
		content := clientExampleLive
		if status != 200 {
			content = strings.Repeat("e", 1000)
		}
		b := &clientTrackedBody{r: strings.NewReader(content)}
		bodies = append(bodies, b)
		return &http.Response{StatusCode: status, Header: http.Header{"Retry-After": {"1"}}, Body: b, Request: req}, nil
	})
	c, err := NewClient("https://openapi.meltingspot.io", WithHTTPClient(doer))
	require.NoError(t, err)
	clock := &clientFakeClock{}
	c.engine.Now, c.engine.Sleep = clock.Now, clock.Sleep
	_, err = c.GetLive(context.Background(), "l1")
	require.NoError(t, err)
	_, err = c.GetLive(context.Background(), "l1")
	require.Error(t, err)
	require.Len(t, bodies, 3)
	for i, b := range bodies {
		require.True(t, b.closed, "body %d is closed", i)
		require.Positive(t, b.read, "body %d is read", i)
	}
	require.Equal(t, 1000, bodies[0].read, "the retried answer is drained")
}
