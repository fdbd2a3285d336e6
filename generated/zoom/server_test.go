package zoom

// Behavioural tests of the generated Zoom server: a bad enum, a bad email
// and a missing first_name are each named in one 400; the int64 path
// parameter, the comma-separated list and the OAuth bearer token are read
// as the spec says; and the generated client round-trips with the handler.

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

type srvRegistrants struct{ got *AddMeetingRegistrantInput }

func (s *srvRegistrants) AddMeetingRegistrant(ctx context.Context, in AddMeetingRegistrantInput) (AddMeetingRegistrantOutput, error) {
	s.got = &in
	return AddMeetingRegistrantCreated{Body: MeetingRegistrantCreated{}}, nil
}

func srvPost(h http.Handler, target, body string, auth bool) *httptest.ResponseRecorder {
	r := httptest.NewRequest("POST", target, strings.NewReader(body))
	r.Header.Set("Content-Type", "application/json")
	if auth {
		r.Header.Set("Authorization", "Bearer zoom-token")
	}
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

func TestServerZoomRegistrant(t *testing.T) {
	s := &srvRegistrants{}
	h := NewHandler(s)

	w := srvPost(h, "/meetings/85746065432/registrants?occurrence_ids=a,b", `{"email":"jill@example.com","first_name":"Jill","language":"fr-FR","country":"FR"}`, true)
	require.Equal(t, http.StatusCreated, w.Code, w.Body.String())
	require.Equal(t, int64(85746065432), s.got.MeetingID)
	require.Equal(t, []string{"a", "b"}, s.got.Params.OccurrenceIDs)
	require.Equal(t, RegistrantLanguageFrFR, *s.got.Body.Language)

	w = srvPost(h, "/meetings/85746065432/registrants", `{"email":"jill","no_of_employees":"1-2","country":"France"}`, true)
	require.Equal(t, http.StatusBadRequest, w.Code)
	require.ElementsMatch(t, []Problem{
		{In: "body", Name: "/email", Problem: "must be an email address"},
		{In: "body", Name: "/first_name", Problem: "is required"},
		{In: "body", Name: "/no_of_employees", Problem: `must be one of "1-20", "21-50", "51-100", "101-500", "500-1,000", "1,001-5,000", "5,001-10,000", "More than 10,000"`},
		{In: "body", Name: "/country", Problem: "must be at most 2 characters long"},
	}, srvProblems(t, w))

	w = srvPost(h, "/meetings/12ab/registrants", `{"email":"jill@example.com","first_name":"Jill"}`, true)
	require.Equal(t, http.StatusBadRequest, w.Code)
	require.Equal(t, []Problem{{In: "path", Name: "meetingId", Problem: "must be an integer"}}, srvProblems(t, w))

	w = srvPost(h, "/meetings/99999999999999999999/registrants", `{"email":"jill@example.com","first_name":"Jill"}`, true)
	require.Equal(t, http.StatusBadRequest, w.Code)
	require.Equal(t, []Problem{{In: "path", Name: "meetingId", Problem: "is out of range for an integer"}}, srvProblems(t, w))

	w = srvPost(h, "/meetings/1/registrants", `{"email":"jill@example.com","first_name":"Jill"}`, false)
	require.Equal(t, http.StatusUnauthorized, w.Code)
	require.Equal(t, []Problem{{In: "header", Name: "Authorization", Problem: "a bearer token is required"}}, srvProblems(t, w),
		"the two alternatives (two scopes of one scheme) give one problem")
}

// TestServerZoomScopes gives the Authenticator the scopes of each alternative.
func TestServerZoomScopes(t *testing.T) {
	var scopes [][]string
	h := NewHandler(&srvRegistrants{}, WithAuthenticator(func(ctx context.Context, req AuthRequest) (context.Context, error) {
		scopes = append(scopes, req.Scopes)
		if len(req.Scopes) == 1 && req.Scopes[0] == "meeting:write" {
			return ctx, nil
		}
		return nil, context.Canceled
	}))
	w := srvPost(h, "/meetings/1/registrants", `{"email":"jill@example.com","first_name":"Jill"}`, true)
	require.Equal(t, http.StatusCreated, w.Code, w.Body.String())
	require.Equal(t, [][]string{{"meeting:write:admin"}, {"meeting:write"}}, scopes)
}

func TestServerZoomClientRoundTrip(t *testing.T) {
	s := &srvRegistrants{}
	ts := httptest.NewServer(NewHandler(s))
	defer ts.Close()
	c, err := NewClient(ts.URL, WithHTTPClient(ts.Client()), WithCredentials(Credentials{OpenapiOAuth: "zoom-token"}))
	require.NoError(t, err)
	lang := RegistrantLanguageDeDE
	_, err = c.AddMeetingRegistrant(context.Background(), 85746065432, &AddMeetingRegistrantParams{OccurrenceIDs: []string{"o1", "o2"}},
		MeetingRegistrantRequest{Email: "jill@example.com", FirstName: "Jill", Language: &lang})
	require.NoError(t, err)
	require.Equal(t, int64(85746065432), s.got.MeetingID)
	require.Equal(t, []string{"o1", "o2"}, s.got.Params.OccurrenceIDs)
	require.Equal(t, "Jill", s.got.Body.FirstName)

	_, err = c.AddMeetingRegistrant(context.Background(), 1, nil, MeetingRegistrantRequest{Email: "bad", FirstName: "Jill"})
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr)
	require.Equal(t, http.StatusBadRequest, apiErr.StatusCode)
	require.Contains(t, string(apiErr.RawBody), `"/email"`)
}
