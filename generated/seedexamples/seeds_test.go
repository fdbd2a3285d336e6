// Package seedexamples_test feeds every response example of the four seed
// documents (../../../shared/seeds), verbatim, placeholders included, to the
// generated clients over HTTP: no call fails, the {} placeholders that do not
// fit their types are reported as misfits, and every other value is decoded.
package seedexamples_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/seed-0d47db62/livegen/generated/meltingspot"
	"github.com/seed-0d47db62/livegen/generated/webex"
	"github.com/seed-0d47db62/livegen/generated/zoom"
)

// seedsDir is shared/seeds beside the work tree.
var seedsDir = filepath.Join("..", "..", "..", "shared", "seeds")

// seedCall is how one seed request is made with a generated client: the
// statuses that the documentation gives its success, whether the request
// shown carries a body (whose example comes first), and the call, which
// returns the decoded answer and what it recorded of it.
type seedCall struct {
	statuses    []int
	requestBody bool
	call        func(ctx context.Context, base string, doer *http.Client) (any, error)
}

// seedCalls maps a seed file and a request line of it ("" for a document
// without one) to its call.
var seedCalls = map[string]map[string]seedCall{
	"meltingspot-lives-endpoints.txt": {
		"GET /v1/lives": {statuses: []int{200}, call: melting(func(ctx context.Context, c *meltingspot.Client) (any, error) {
			return c.ListLives(ctx, nil)
		})},
		"DELETE /v1/lives/{liveId}": {statuses: []int{204}, call: melting(func(ctx context.Context, c *meltingspot.Client) (any, error) {
			return nil, c.DeleteLive(ctx, "l1")
		})},
		"GET /v1/lives/{liveId}": {statuses: []int{200}, call: melting(func(ctx context.Context, c *meltingspot.Client) (any, error) {
			return c.GetLive(ctx, "l1")
		})},
		"DELETE /v1/lives/{liveId}/groups/{groupId}": {statuses: []int{204}, call: melting(func(ctx context.Context, c *meltingspot.Client) (any, error) {
			return nil, c.UnlinkLiveGroup(ctx, "l1", "g1")
		})},
		"GET /v1/lives/{liveId}/groups": {statuses: []int{200}, call: melting(func(ctx context.Context, c *meltingspot.Client) (any, error) {
			return c.ListLiveGroups(ctx, "l1", nil)
		})},
		"GET /v1/lives/{liveId}/speakers": {statuses: []int{200}, call: melting(func(ctx context.Context, c *meltingspot.Client) (any, error) {
			return c.ListLiveSpeakers(ctx, "l1", nil)
		})},
		"GET /v1/lives/{liveId}/participants": {statuses: []int{200}, call: melting(func(ctx context.Context, c *meltingspot.Client) (any, error) {
			return c.ListLiveParticipants(ctx, "l1", nil)
		})},
		"POST /v1/lives": {statuses: []int{201}, requestBody: true, call: melting(func(ctx context.Context, c *meltingspot.Client) (any, error) {
			return c.CreateLive(ctx, meltingspot.CreateLiveRequest{})
		})},
		"PUT /v1/lives/{liveId}": {statuses: []int{200}, requestBody: true, call: melting(func(ctx context.Context, c *meltingspot.Client) (any, error) {
			return c.UpdateLive(ctx, "l1", meltingspot.UpdateLiveRequest{})
		})},
		"POST /v1/lives/{liveId}/groups~bulkRemove": {statuses: []int{204}, requestBody: true, call: melting(func(ctx context.Context, c *meltingspot.Client) (any, error) {
			return nil, c.UnlinkLiveGroups(ctx, "l1", meltingspot.GroupIDsRequest{GroupIDs: []string{"g1"}})
		})},
		"POST /v1/lives/{liveId}/groups": {statuses: []int{204}, requestBody: true, call: melting(func(ctx context.Context, c *meltingspot.Client) (any, error) {
			return nil, c.LinkLiveGroup(ctx, "l1", meltingspot.LinkLiveGroupRequest{})
		})},
		"POST /v1/channels/{channelId}/groups~bulkAdd": {statuses: []int{204}, requestBody: true, call: melting(func(ctx context.Context, c *meltingspot.Client) (any, error) {
			return nil, c.LinkChannelGroups(ctx, "c1", meltingspot.GroupIDsRequest{GroupIDs: []string{"g1"}})
		})},
		"POST /v1/lives/{liveId}/speakers": {statuses: []int{200, 201}, requestBody: true, call: melting(func(ctx context.Context, c *meltingspot.Client) (any, error) {
			member := "m1"
			return c.InviteLiveSpeaker(ctx, "l1", meltingspot.InviteLiveSpeakerRequest{Member: meltingspot.SpeakerMember{String: &member}})
		})},
		"POST /v1/lives/{liveId}/participants": {statuses: []int{200, 201}, requestBody: true, call: melting(func(ctx context.Context, c *meltingspot.Client) (any, error) {
			return c.InviteLiveParticipant(ctx, "l1", meltingspot.InviteLiveParticipantRequest{Member: "m"})
		})},
		"POST /v1/lives/{liveId}/speakers~bulkInvite": {statuses: []int{200}, requestBody: true, call: melting(func(ctx context.Context, c *meltingspot.Client) (any, error) {
			return c.BulkInviteLiveSpeakers(ctx, "l1", meltingspot.BulkInviteLiveSpeakersRequest{})
		})},
		"POST /v1/lives/{liveId}/participants~bulkInvite": bulkInviteParticipants,
	},
	"meltingspot-bulk-invite-participants.txt": {
		"POST /v1/lives/{liveId}/participants~bulkInvite": bulkInviteParticipants,
	},
	"webex-create-meeting-invitees.txt": {
		"": {statuses: []int{200}, requestBody: true, call: func(ctx context.Context, base string, doer *http.Client) (any, error) {
			c, err := webex.NewClient(base, webex.WithHTTPClient(doer))
			if err != nil {
				return nil, err
			}
			res, err := c.CreateMeetingInvitees(ctx, webex.CreateMeetingInviteesRequest{MeetingID: "m1"})
			if err != nil {
				return nil, err
			}
			return res.OK, nil
		}},
	},
	"zoom-add-meeting-registrant.txt": {
		"POST /meetings/{meetingId}/registrants": {statuses: []int{201}, requestBody: true, call: func(ctx context.Context, base string, doer *http.Client) (any, error) {
			c, err := zoom.NewClient(base, zoom.WithHTTPClient(doer))
			if err != nil {
				return nil, err
			}
			return c.AddMeetingRegistrant(ctx, 1, nil, zoom.MeetingRegistrantRequest{Email: "a@example.com", FirstName: "A"})
		}},
	},
}

var bulkInviteParticipants = seedCall{statuses: []int{200}, requestBody: true, call: melting(func(ctx context.Context, c *meltingspot.Client) (any, error) {
	return c.BulkInviteLiveParticipants(ctx, "l1", meltingspot.BulkInviteRequest{})
})}

// melting makes a call with a MeltingSpot client.
func melting(call func(ctx context.Context, c *meltingspot.Client) (any, error)) func(context.Context, string, *http.Client) (any, error) {
	return func(ctx context.Context, base string, doer *http.Client) (any, error) {
		c, err := meltingspot.NewClient(base, meltingspot.WithHTTPClient(doer))
		if err != nil {
			return nil, err
		}
		return call(ctx, c)
	}
}

// seedExample is what the documentation shows after one request line.
type seedExample struct {
	request string   // "METHOD /path", or "" before the first request line
	values  []string // the top-level JSON values, verbatim, in order
	empty   bool     // the documentation says the answer has no content
}

var seedRequestLine = regexp.MustCompile(`(?m)^(GET|POST|PUT|PATCH|DELETE) (/\S*)(?: HTTP/1\.1)?$`)

// seedExamples cuts a seed document at its request lines and lists the JSON
// values, those that start a line, after each.
func seedExamples(t *testing.T, text string) []seedExample {
	bounds := seedRequestLine.FindAllStringSubmatchIndex(text, -1)
	starts := []int{0}
	for _, b := range bounds {
		starts = append(starts, b[0])
	}
	var out []seedExample
	for i, start := range starts {
		end := len(text)
		if i+1 < len(starts) {
			end = starts[i+1]
		}
		section := text[start:end]
		ex := seedExample{empty: strings.Contains(section, "Aucun contenu")}
		if i > 0 {
			m := bounds[i-1]
			ex.request = text[m[2]:m[3]] + " " + text[m[4]:m[5]]
		}
		for off := 0; off < len(section); {
			nl := strings.IndexByte(section[off:], '\n')
			line := section[off:]
			if nl >= 0 {
				line = section[off : off+nl]
			}
			if strings.HasPrefix(line, "{") || strings.HasPrefix(line, "[") {
				dec := json.NewDecoder(strings.NewReader(section[off:]))
				var v json.RawMessage
				require.NoError(t, dec.Decode(&v), "a JSON example after %q", ex.request)
				ex.values = append(ex.values, section[off:off+int(dec.InputOffset())])
				off += int(dec.InputOffset())
				continue
			}
			if nl < 0 {
				break
			}
			off += nl + 1
		}
		if i == 0 && len(ex.values) == 0 {
			continue // the introduction of a document with request lines
		}
		out = append(out, ex)
	}
	return out
}

func TestSeedExamplesThroughTheClients(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(seedsDir, "*.txt"))
	require.NoError(t, err)
	if len(files) == 0 {
		t.Skip("no seed documents beside the work tree")
	}
	require.Len(t, files, 4)
	answers, placeholders := 0, 0
	for _, file := range files {
		name := filepath.Base(file)
		data, err := os.ReadFile(file)
		require.NoError(t, err)
		calls, ok := seedCalls[name]
		require.True(t, ok, "seed %s has no calls", name)
		for _, ex := range seedExamples(t, string(data)) {
			sc, ok := calls[ex.request]
			require.True(t, ok, "%s: no call for %q", name, ex.request)
			values := ex.values
			if sc.requestBody && len(values) > 0 {
				values = values[1:]
			}
			require.LessOrEqual(t, len(values), 1, "%s %q: one answer example at most", name, ex.request)
			body := ""
			if len(values) == 1 {
				body = values[0]
			} else if !ex.empty {
				continue // the document shows no answer
			}
			for _, status := range sc.statuses {
				t.Run(name+"/"+ex.request+"/"+strconv.Itoa(status), func(t *testing.T) {
					got, misfits := seedCallOverHTTP(t, sc, status, body)
					answers++
					for _, m := range misfits {
						require.Equal(t, "{}", string(m.Raw), "only placeholders misfit: %s", m.Pointer)
						t.Logf("placeholder %s reported", m.Pointer)
						placeholders++
					}
					if body != "" {
						seedRequireDecoded(t, body, got, misfits)
					}
				})
			}
		}
	}
	t.Logf("%d answers, %d placeholders reported as misfits", answers, placeholders)
	require.Greater(t, answers, 15)
	require.Greater(t, placeholders, 5)
}

// seedMisfit is a misfit of any of the generated packages.
type seedMisfit struct {
	Pointer string
	Raw     []byte
}

// seedCallOverHTTP answers the call with status and body and returns the
// decoded answer and its misfits.
func seedCallOverHTTP(t *testing.T, sc seedCall, status int, body string) (any, []seedMisfit) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.Copy(io.Discard, r.Body)
		if body != "" {
			w.Header().Set("Content-Type", "application/json")
		}
		w.WriteHeader(status)
		_, _ = io.WriteString(w, body)
	}))
	t.Cleanup(srv.Close)
	var mAnswer meltingspot.Answer
	var wAnswer webex.Answer
	var zAnswer zoom.Answer
	ctx := meltingspot.RecordAnswer(webex.RecordAnswer(zoom.RecordAnswer(context.Background(), &zAnswer), &wAnswer), &mAnswer)
	got, err := sc.call(ctx, srv.URL, srv.Client())
	require.NoError(t, err)
	var misfits []seedMisfit
	for _, m := range mAnswer.Misfits {
		misfits = append(misfits, seedMisfit{m.Pointer, m.Raw})
	}
	for _, m := range wAnswer.Misfits {
		misfits = append(misfits, seedMisfit{m.Pointer, m.Raw})
	}
	for _, m := range zAnswer.Misfits {
		misfits = append(misfits, seedMisfit{m.Pointer, m.Raw})
	}
	return got, misfits
}

// seedRequireDecoded checks that every value of the example, but the
// misfits, is in the decoded answer.
func seedRequireDecoded(t *testing.T, example string, got any, misfits []seedMisfit) {
	var want any
	require.NoError(t, json.Unmarshal([]byte(example), &want))
	encoded, err := json.Marshal(got)
	require.NoError(t, err)
	var have any
	require.NoError(t, json.Unmarshal(encoded, &have))
	var skip []string
	for _, m := range misfits {
		skip = append(skip, m.Pointer)
	}
	seedRequireContains(t, "", want, have, skip)
}

func seedRequireContains(t *testing.T, pointer string, want, have any, skip []string) {
	if slices.Contains(skip, pointer) {
		return
	}
	switch w := want.(type) {
	case map[string]any:
		h, ok := have.(map[string]any)
		require.True(t, ok, "%s: an object in the example, %v decoded", pointer, have)
		for k, v := range w {
			if v == nil {
				continue // null may decode as absent
			}
			seedRequireContains(t, pointer+"/"+k, v, h[k], skip)
		}
	case []any:
		h, ok := have.([]any)
		require.True(t, ok, "%s: an array in the example, %v decoded", pointer, have)
		require.Len(t, h, len(w), pointer)
		for i := range w {
			seedRequireContains(t, pointer+"/"+strconv.Itoa(i), w[i], h[i], skip)
		}
	default:
		wantJSON, _ := json.Marshal(want)
		haveJSON, _ := json.Marshal(have)
		require.True(t, bytes.Equal(wantJSON, haveJSON), "%s: %s in the example, %s decoded", pointer, wantJSON, haveJSON)
	}
}
