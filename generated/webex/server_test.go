package webex

// Behavioural tests of the generated Webex server: the seed's limits (at
// most 100 invitees, each email unique) are answered with 400 naming the
// offending items, and the generated client round-trips with the handler.

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// srvInvitees answers with the invitees it got; its hook picks another answer.
type srvInvitees struct {
	got    *CreateMeetingInviteesInput
	answer CreateMeetingInviteesOutput
}

func (s *srvInvitees) CreateMeetingInvitees(ctx context.Context, in CreateMeetingInviteesInput) (CreateMeetingInviteesOutput, error) {
	s.got = &in
	if s.answer != nil {
		return s.answer, nil
	}
	var out CreateMeetingInviteesResponse
	for i, it := range in.Body.Items {
		id, email := fmt.Sprintf("%s_%d", in.Body.MeetingID, i), it.Email
		out.Items = append(out.Items, MeetingInvitee{ID: &id, MeetingID: &in.Body.MeetingID, Email: &email, DisplayName: it.DisplayName})
	}
	return CreateMeetingInviteesOK{Body: out}, nil
}

// srvBody is a request body with n invitees; dup makes invitee dup repeat invitee 0's email.
func srvBody(n, dup int) string {
	items := make([]map[string]any, n)
	for i := range items {
		items[i] = map[string]any{"email": fmt.Sprintf("person%d@example.com", i)}
	}
	if dup > 0 {
		items[dup]["email"] = "PERSON0@example.com"
	}
	data, _ := json.Marshal(map[string]any{"meetingId": "870f51ff287b41be84648412901e0402", "items": items})
	return string(data)
}

func srvPost(h http.Handler, body string) *httptest.ResponseRecorder {
	r := httptest.NewRequest("POST", "/meetingInvitees/bulkInsert", strings.NewReader(body))
	r.Header.Set("Content-Type", "application/json")
	r.Header.Set("Authorization", "Bearer token")
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w
}

func srvProblems(t *testing.T, w *httptest.ResponseRecorder) []Problem {
	t.Helper()
	var e ErrorResponse
	require.NoError(t, json.Unmarshal(w.Body.Bytes(), &e), w.Body.String())
	return e.Problems
}

func TestServerWebexLimits(t *testing.T) {
	s := &srvInvitees{}
	h := NewHandler(s)

	w := srvPost(h, srvBody(100, 0))
	require.Equal(t, http.StatusOK, w.Code, w.Body.String())
	require.Len(t, s.got.Body.Items, 100)

	s.got = nil
	w = srvPost(h, srvBody(101, 0))
	require.Equal(t, http.StatusBadRequest, w.Code)
	require.Equal(t, []Problem{{In: "body", Name: "/items", Problem: "must have at most 100 items, not 101"}}, srvProblems(t, w))
	require.Nil(t, s.got)

	w = srvPost(h, srvBody(5, 3))
	require.Equal(t, http.StatusBadRequest, w.Code)
	require.Equal(t, []Problem{{In: "body", Name: "/items/3/email",
		Problem: `"person0@example.com" is also the email of item 0; each item's email must be unique`}}, srvProblems(t, w))

	w = srvPost(h, `{"meetingId":"m","hostEmail":"brenda","items":[{"email":"x@example.com","displayName":"`+strings.Repeat("é", 129)+`"},{"displayName":"no email"}]}`)
	require.Equal(t, http.StatusBadRequest, w.Code)
	require.ElementsMatch(t, []Problem{
		{In: "body", Name: "/hostEmail", Problem: "must be an email address"},
		{In: "body", Name: "/items/0/displayName", Problem: "must be at most 128 characters long"},
		{In: "body", Name: "/items/1/email", Problem: "is required"},
	}, srvProblems(t, w))

	w = srvPost(h, `{"items":[]}`)
	require.Equal(t, http.StatusBadRequest, w.Code)
	require.Equal(t, []Problem{{In: "body", Name: "/meetingId", Problem: "is required"}}, srvProblems(t, w))
}

// TestServerWebexAnswers writes a documented answer with its Retry-After header.
func TestServerWebexAnswers(t *testing.T) {
	retry := 30
	s := &srvInvitees{answer: CreateMeetingInviteesTooManyRequests{RetryAfter: &retry}}
	w := srvPost(NewHandler(s), srvBody(1, 0))
	require.Equal(t, http.StatusTooManyRequests, w.Code)
	require.Equal(t, "30", w.Header().Get("Retry-After"))
	require.Empty(t, w.Body.String())
}

func TestServerWebexClientRoundTrip(t *testing.T) {
	ts := httptest.NewServer(NewHandler(&srvInvitees{}))
	defer ts.Close()
	c, err := NewClient(ts.URL, WithHTTPClient(ts.Client()), WithCredentials(Credentials{BearerAuth: "token"}))
	require.NoError(t, err)
	res, err := c.CreateMeetingInvitees(context.Background(), CreateMeetingInviteesRequest{
		MeetingID: "m-1",
		Items:     []MeetingInviteeInput{{Email: "john.andersen@example.com"}, {Email: "jack.andersen@example.com"}},
	})
	require.NoError(t, err)
	require.Len(t, res.OK.Items, 2)
	require.Equal(t, "jack.andersen@example.com", *res.OK.Items[1].Email)

	_, err = c.CreateMeetingInvitees(context.Background(), CreateMeetingInviteesRequest{
		MeetingID: "m-1", Items: []MeetingInviteeInput{{Email: "a@example.com"}, {Email: "a@example.com"}},
	})
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr)
	require.Equal(t, http.StatusBadRequest, apiErr.StatusCode)
	require.Contains(t, string(apiErr.RawBody), "/items/1/email")
}
