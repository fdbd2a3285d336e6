package zoom

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestClientAddMeetingRegistrant sends the int64 meeting id in the path, the
// occurrence ids comma-separated (style form, explode false), the OAuth
// token, and the body.
func TestClientAddMeetingRegistrant(t *testing.T) {
	var method, path, query, auth, body string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		data, _ := io.ReadAll(r.Body)
		method, path, query, auth, body = r.Method, r.URL.EscapedPath(), r.URL.RawQuery, r.Header.Get("Authorization"), string(data)
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusCreated)
		_, _ = io.WriteString(w, `{}`)
	}))
	defer srv.Close()
	c, err := NewClient(srv.URL+"/v2", WithHTTPClient(srv.Client()), WithCredentials(Credentials{OpenapiOAuth: "oauth-token"}))
	require.NoError(t, err)
	country := "FR"
	created, err := c.AddMeetingRegistrant(context.Background(), 85746065432,
		&AddMeetingRegistrantParams{OccurrenceIDs: []string{"1648194360000", "a,b"}},
		MeetingRegistrantRequest{Email: "jane@example.com", FirstName: "Jane", Country: &country, NoOfEmployees: clientPtr(NoOfEmployees1To20)})
	require.NoError(t, err)
	require.NotNil(t, created)
	require.Equal(t, "POST", method)
	require.Equal(t, "/v2/meetings/85746065432/registrants", path)
	require.Equal(t, "occurrence_ids=1648194360000,a%2Cb", query, "the separator stays, a comma inside a value is escaped")
	require.Equal(t, "Bearer oauth-token", auth)
	require.JSONEq(t, `{"email": "jane@example.com", "first_name": "Jane", "country": "FR", "no_of_employees": "1-20"}`, body)
}

func clientPtr[T any](v T) *T { return &v }
