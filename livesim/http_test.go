package livesim_test

import (
	"context"
	"encoding/json"
	"log/slog"
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/seed-0d47db62/livegen/generated/meltingspot"
	"github.com/seed-0d47db62/livegen/livesim"
)

// Keys of the answers shown in the docs (/work/shared/seeds and the
// examples of openapi/meltingspot/lives.yaml).
var (
	liveKeys = []string{"builtInConfig", "builtInType", "computedStatus", "config", "createdAt", "description", "endDate",
		"id", "metrics", "privacy", "solution", "spotId", "startDate", "status", "title", "videoUrl"}
	liveMetricsKeys   = []string{"attendanceRate", "attendee", "averageViewTime", "invited", "noShow", "registrant", "totalReplayView"}
	builtInConfigKeys = []string{"isRecorded", "recordAvailable", "replayVideo", "videos"}
	participantKeys   = []string{"id", "invitedAt", "isHighlighted", "liveId", "metrics", "registeredAt", "spotMemberEmail",
		"spotMemberFirstname", "spotMemberId", "spotMemberLastname", "status", "type"}
	groupKeys = []string{"description", "emoji", "icon", "id", "name"}
)

// shape checks the keys of a JSON answer: want maps a path ("", "items/0",
// "items/0/metrics", "0") to the keys the object there has.
func shape(t *testing.T, body string, want map[string][]string) {
	t.Helper()
	var v any
	require.NoError(t, json.Unmarshal([]byte(body), &v), body)
	for _, path := range slices.Sorted(maps.Keys(want)) {
		at := v
		for _, step := range strings.Split(path, "/") {
			switch x := at.(type) {
			case map[string]any:
				if step != "" {
					at = x[step]
				}
			case []any:
				require.NotEmpty(t, x, "%s: empty list in %s", path, body)
				at = x[0]
			}
		}
		obj, ok := at.(map[string]any)
		require.True(t, ok, "%s is not an object in %s", path, body)
		require.Equal(t, want[path], slices.Sorted(maps.Keys(obj)), "keys at %q", path)
	}
}

// The requests the docs show, with their placeholders replaced by demo data,
// get the documented status and an answer of the documented shape.
func TestDocumentedRequests(t *testing.T) {
	s := demo(t)
	live := map[string][]string{"": liveKeys, "metrics": liveMetricsKeys, "builtInConfig": builtInConfigKeys, "description/0": {"children", "type"}}
	// Only a BuiltIn Live has videos; the others are hosted by their solution.
	hosted := map[string][]string{"": liveKeys, "builtInConfig": {"isRecorded", "recordAvailable", "replayVideo"}, "description/0/children/0": {"text"}}
	cases := []struct {
		name, method, path, body string
		status                   int
		shape                    map[string][]string
	}{
		{"list lives", "GET", "/v1/lives", "", 200, map[string][]string{"": {"items", "total"}, "items/0": liveKeys, "items/0/metrics": liveMetricsKeys}},
		{"get a live", "GET", "/v1/lives/live-2", "", 200, live},
		{"get an unknown live", "GET", "/v1/lives/text", "", 404, nil},
		{"create a live", "POST", "/v1/lives", `{"title":"text","description":"text","spotMemberHostId":"text","startDate":1,"endDate":1,"solution":"Youtube","builtInType":"Workshop","videoUrl":"text","chatVisibility":"Display","participantsVisibility":"Display","visibility":"AnyOne","participation":"AnySpotMembers","record":true}`, 201, hosted},
		{"create a live with the docs' videoUrl {}", "POST", "/v1/lives", `{"title":"text","description":"text","spotMemberHostId":"text","startDate":1,"endDate":1,"solution":"Youtube","builtInType":"Workshop","videoUrl":{},"chatVisibility":"Display","participantsVisibility":"Display","visibility":"AnyOne","participation":"AnySpotMembers","record":true}`, 400, map[string][]string{"": {"message", "problems"}}},
		{"update a live", "PUT", "/v1/lives/live-2", `{"title":"text","description":"text","startDate":1,"endDate":1,"chatVisibility":"Display","participantsVisibility":"Display","visibility":"AnyOne","participation":"AnySpotMembers","solution":"BuiltIn","builtInType":"Workshop","record":true,"recordAvailable":true,"videoUrl":"text","replayVideoUrl":null}`, 200, live},
		{"update an unknown live", "PUT", "/v1/lives/text", `{"title":"text","startDate":1,"endDate":1,"solution":"Youtube"}`, 404, nil},
		{"list groups", "GET", "/v1/lives/live-1/groups", "", 200, map[string][]string{"": {"items", "total"}, "items/0": {"description", "emoji", "id", "name"}}},
		{"list groups with an icon", "GET", "/v1/lives/live-4/groups?page=2&limit=1", "", 200, map[string][]string{"items/0": groupKeys}},
		{"link a group", "POST", "/v1/lives/live-1/groups", `{"groupId":"group-team","withEmailNotification":true}`, 204, nil},
		{"unlink a group", "DELETE", "/v1/lives/live-1/groups/group-customers", "", 204, nil},
		{"unlink groups", "POST", "/v1/lives/live-1/groups~bulkRemove", `{"groupIds":["group-partners"]}`, 204, nil},
		{"link channel groups", "POST", "/v1/channels/channel-general/groups~bulkAdd", `{"groupIds":["group-team"]}`, 204, nil},
		{"link groups to an unknown channel", "POST", "/v1/channels/text/groups~bulkAdd", `{"groupIds":["group-team"]}`, 404, nil},
		{"invite a speaker", "POST", "/v1/lives/live-5/speakers", `{"member":{"email":"jane.doe@example.com","firstName":"text","lastName":"text","title":"text","biography":"text"},"invitedBySpotMemberId":"text","highlighted":false,"grantHostRights":false,"withEmailNotification":false}`, 201, map[string][]string{"": participantKeys}},
		{"invite the speaker again", "POST", "/v1/lives/live-5/speakers", `{"member":{"email":"jane.doe@example.com"}}`, 200, nil},
		{"list speakers", "GET", "/v1/lives/live-5/speakers", "", 200, map[string][]string{"": {"items", "total"}, "items/0": participantKeys, "items/0/metrics": {"hasParticipated", "hasReplayed", "viewTime"}}},
		{"invite a participant", "POST", "/v1/lives/live-5/participants", `{"member":"member-tim","invitedBySpotMemberId":"text","withEmailNotification":true}`, 201, map[string][]string{"": participantKeys}},
		{"invite the participant again", "POST", "/v1/lives/live-5/participants", `{"member":"tim@example.com"}`, 200, nil},
		{"list participants", "GET", "/v1/lives/live-1/participants", "", 200, map[string][]string{"": {"items", "total"}, "items/0": participantKeys}},
		{"invite speakers", "POST", "/v1/lives/live-5/speakers~bulkInvite", `{"invitedBySpotMemberId":"text","highlighted":false,"grantHostRights":false,"withEmailNotification":false,"spotMemberIds":["member-ada"]}`, 200, map[string][]string{"0": participantKeys}},
		{"invite participants", "POST", "/v1/lives/live-5/participants~bulkInvite", `{"invitedBySpotMemberId":"string","withEmailNotification":true,"members":{"spotMemberIds":["member-alan"],"emails":["someone@example.com"]}}`, 200, map[string][]string{"0": participantKeys, "0/metrics": {"hasParticipated", "hasReplayed", "viewTime"}}},
		{"delete a live", "DELETE", "/v1/lives/live-3", "", 204, nil},
		{"delete it again", "DELETE", "/v1/lives/live-3", "", 404, nil},
	}
	for _, tc := range cases {
		r := do(t, tc.method, s.url+tc.path, "", tc.body)
		require.Equal(t, tc.status, r.status, "%s: %s", tc.name, r.body)
		if tc.shape != nil {
			shape(t, r.body, tc.shape)
		}
	}
}

// With a token, a request without it or with another one is 401 and the
// right one passes; without a token, every request passes.
func TestToken(t *testing.T) {
	const token = "s3cret"
	s := start(t, livesim.Options{Seed: livesim.Demo, Token: token})
	require.Equal(t, 401, do(t, "GET", s.url+"/v1/lives", "", "").status)
	wrong := do(t, "GET", s.url+"/v1/lives", "nope", "")
	require.Equal(t, 401, wrong.status)
	require.NotContains(t, wrong.body, "nope")
	require.Equal(t, 200, do(t, "GET", s.url+"/v1/lives", token, "").status)
	_, err := s.client.GetLive(context.Background(), "live-1")
	require.NoError(t, err, "the client sends its credentials")

	open := demo(t)
	require.Equal(t, 200, do(t, "GET", open.url+"/v1/lives", "", "").status)
	require.Equal(t, 200, do(t, "GET", open.url+"/v1/lives", "anything", "").status)
}

// Each request is one log line with its method, path, operation, query and
// status, and never the token, not even one sent in the query.
func TestOneLogLinePerRequest(t *testing.T) {
	var logs lockedBuffer
	s := start(t, livesim.Options{Seed: livesim.Demo, Token: "t0ken-value", Logger: slog.New(slog.NewJSONHandler(&logs, nil))})
	do(t, "GET", s.url+"/v1/lives?limit=1&access_token=t0ken-value&title%5Beq%5D=Demo", "t0ken-value", "")
	do(t, "GET", s.url+"/v1/lives/nope?access_token=t0ken-value", "t0ken-value", "")
	do(t, "POST", s.url+"/v1/lives", "wrong", `{}`)
	do(t, "GET", s.url+"/v1/nowhere?limit=t0ken-value", "t0ken-value", "")
	lines := strings.Split(strings.TrimSpace(logs.String()), "\n")
	require.Len(t, lines, 4)
	var entries []map[string]any
	for _, l := range lines {
		var e map[string]any
		require.NoError(t, json.Unmarshal([]byte(l), &e))
		require.Equal(t, "request", e["msg"])
		entries = append(entries, e)
	}
	// Undeclared parameters keep their names; their values are redacted.
	require.Equal(t, []any{"GET", "/v1/lives", "listLives", "limit=1&access_token=REDACTED&title%5Beq%5D=Demo", 200.0},
		[]any{entries[0]["method"], entries[0]["path"], entries[0]["operation"], entries[0]["query"], entries[0]["status"]})
	require.Equal(t, []any{"getLive", "access_token=REDACTED", 404.0}, []any{entries[1]["operation"], entries[1]["query"], entries[1]["status"]})
	require.Equal(t, []any{"POST", "createLive", 401.0}, []any{entries[2]["method"], entries[2]["operation"], entries[2]["status"]})
	require.Equal(t, []any{"", "limit=REDACTED", 404.0}, []any{entries[3]["operation"], entries[3]["query"], entries[3]["status"]}, "no operation declares anything")
	require.NotContains(t, logs.String(), "t0ken-value")
}

// NewServer serves at once; a failing seed makes New fail.
func TestNewServer(t *testing.T) {
	srv := livesim.NewServer(livesim.Options{Seed: livesim.Demo})
	defer srv.Close()
	c, err := meltingspot.NewClient(srv.URL)
	require.NoError(t, err)
	lives, err := c.ListLives(context.Background(), nil)
	require.NoError(t, err)
	require.Equal(t, 5, lives.Total)

	_, err = livesim.New(livesim.Options{Seed: func(s *livesim.Store) error {
		return s.AddMember(livesim.Member{ID: "x", Email: "not an email"})
	}})
	require.ErrorContains(t, err, `email "not an email" is not an email address`)
	require.Panics(t, func() {
		livesim.NewServer(livesim.Options{Seed: func(*livesim.Store) error { return context.Canceled }})
	})
}
