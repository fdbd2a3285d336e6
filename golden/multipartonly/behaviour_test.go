package multipartonly

// Behaviour of an API whose only object body is a multipart form without
// files: its members are decoded as one JSON object by the shared decoder,
// validated, and a part of the wrong kind is a 400 beside the other problems.

import (
	"bytes"
	"context"
	"encoding/json"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"strconv"
	"testing"

	"github.com/stretchr/testify/require"
)

type loginServer struct{}

func (loginServer) Login(ctx context.Context, in LoginInput) (LoginOutput, error) {
	attempts := -1
	if in.Body.Attempts != nil {
		attempts = *in.Body.Attempts
	}
	return LoginOK{Body: in.Body.Passcode + " " + strconv.Itoa(attempts)}, nil
}

func TestMultipartRoundTrip(t *testing.T) {
	srv := httptest.NewServer(NewHandler(loginServer{}))
	defer srv.Close()
	client, err := NewClient(srv.URL)
	require.NoError(t, err)
	attempts := 2
	got, err := client.Login(context.Background(), LoginRequestBody{Passcode: "s3cret", Attempts: &attempts})
	require.NoError(t, err)
	require.Equal(t, "s3cret 2", got)
}

func TestMultipartProblemsAreNamed(t *testing.T) {
	var body bytes.Buffer
	w := multipart.NewWriter(&body)
	require.NoError(t, w.WriteField("passcode", "abc"))
	require.NoError(t, w.WriteField("attempts", "many"))
	require.NoError(t, w.Close())
	req := httptest.NewRequest(http.MethodPost, "/login", &body)
	req.Header.Set("Content-Type", w.FormDataContentType())
	rec := httptest.NewRecorder()
	NewHandler(loginServer{}).ServeHTTP(rec, req)
	require.Equal(t, http.StatusBadRequest, rec.Code, rec.Body.String())
	var answer struct {
		Problems []struct{ In, Name, Problem string } `json:"problems"`
	}
	require.NoError(t, json.Unmarshal(rec.Body.Bytes(), &answer), rec.Body.String())
	require.Equal(t, []struct{ In, Name, Problem string }{
		{"body", "/attempts", "must be an integer"},
		{"body", "/passcode", "must be at least 4 characters long"},
	}, answer.Problems)
}
