package contenttypes

// Behaviour of a request taken in several content types: each client method
// sends its kind and the server decodes it into the input field of its type
// (Body for JSON and a form of the same schema, MultipartBody, BinaryBody), each
// kind is validated (400 naming the problems), and any other content type
// is answered 415 naming the types taken.

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// pets is a Server that answers with the field its request arrived in.
type pets struct{ UnimplementedServer }

func (pets) CreatePet(ctx context.Context, in CreatePetInput) (CreatePetOutput, error) {
	got := Received{ContentType: in.BodyContentType}
	switch {
	case strings.HasPrefix(in.BodyContentType, "application/json"), strings.HasPrefix(in.BodyContentType, "text/json"),
		strings.HasPrefix(in.BodyContentType, "application/x-www-form-urlencoded"):
		// A form of the same schema as the JSON body is read into Body too.
		got.Name, got.Age, got.Tags = &in.Body.Name, in.Body.Age, in.Body.Tags
	case strings.HasPrefix(in.BodyContentType, "multipart/form-data"):
		data, err := io.ReadAll(in.MultipartBody.Photo.Body)
		if err != nil {
			return nil, err
		}
		got.Name, got.Size = &in.MultipartBody.Name, ptr(len(data))
	case in.BinaryBody != nil:
		data, err := io.ReadAll(in.BinaryBody)
		if err != nil {
			return nil, err
		}
		got.Size = ptr(len(data))
	}
	return CreatePetCreated{Body: got}, nil
}

func ptr[T any](v T) *T { return &v }

func newPair(t *testing.T) (*Client, string) {
	t.Helper()
	srv := httptest.NewServer(NewHandler(pets{}))
	t.Cleanup(srv.Close)
	client, err := NewClient(srv.URL)
	require.NoError(t, err)
	return client, srv.URL
}

func TestEachMethodReachesItsField(t *testing.T) {
	client, _ := newPair(t)
	ctx := context.Background()
	pet := Pet{Name: "Rex", Age: ptr(3), Tags: []string{"good", "dog"}}

	got, err := client.CreatePet(ctx, pet)
	require.NoError(t, err)
	require.Equal(t, "application/json", got.ContentType)
	require.Equal(t, "Rex", *got.Name)
	require.Equal(t, 3, *got.Age)
	require.Equal(t, []string{"good", "dog"}, got.Tags)

	got, err = client.CreatePetWithFormBody(ctx, pet)
	require.NoError(t, err)
	require.Equal(t, "application/x-www-form-urlencoded", got.ContentType)
	require.Equal(t, "Rex", *got.Name)
	require.Equal(t, 3, *got.Age)
	require.Equal(t, []string{"good", "dog"}, got.Tags)

	got, err = client.CreatePetWithMultipartBody(ctx, CreatePetMultipartRequestBody{
		Name:  "Rex",
		Photo: FormFile{Name: "rex.png", Body: strings.NewReader("12345")},
	})
	require.NoError(t, err)
	require.True(t, strings.HasPrefix(got.ContentType, "multipart/form-data; boundary="), got.ContentType)
	require.Equal(t, "Rex", *got.Name)
	require.Equal(t, 5, *got.Size)

	got, err = client.CreatePetWithBinaryBody(ctx, bytes.NewReader([]byte("\x89PNG....")))
	require.NoError(t, err)
	require.Equal(t, "image/png", got.ContentType)
	require.Equal(t, 8, *got.Size)
}

// problemsOf returns the problems of a 400 the client reports.
func problemsOf(t *testing.T, err error) []Problem {
	t.Helper()
	var apiErr *APIError
	require.True(t, errors.As(err, &apiErr), "%v", err)
	require.Equal(t, http.StatusBadRequest, apiErr.StatusCode, string(apiErr.RawBody))
	var body ErrorResponse
	require.NoError(t, json.Unmarshal(apiErr.RawBody, &body))
	return body.Problems
}

func TestEachKindIsValidated(t *testing.T) {
	client, _ := newPair(t)
	ctx := context.Background()
	want := []Problem{{In: "body", Name: "/name", Problem: "must be at least 1 characters long"}, {In: "body", Name: "/age", Problem: "must be at least 0"}}
	bad := Pet{Name: "", Age: ptr(-1)}

	_, err := client.CreatePet(ctx, bad)
	require.ElementsMatch(t, want, problemsOf(t, err))
	_, err = client.CreatePetWithFormBody(ctx, bad)
	require.ElementsMatch(t, want, problemsOf(t, err))

}

func TestMultipartWithoutRequiredPartIs400(t *testing.T) {
	_, base := newPair(t)
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	require.NoError(t, mw.WriteField("name", ""))
	require.NoError(t, mw.Close())
	resp, err := http.Post(base+"/pets", mw.FormDataContentType(), &buf)
	require.NoError(t, err)
	defer resp.Body.Close()
	var body ErrorResponse
	require.NoError(t, json.NewDecoder(resp.Body).Decode(&body))
	require.Equal(t, http.StatusBadRequest, resp.StatusCode)
	require.ElementsMatch(t, []Problem{{In: "body", Name: "/photo", Problem: "is required"}, {In: "body", Name: "/name", Problem: "must be at least 1 characters long"}}, body.Problems)
}

func TestFormWithoutRequiredMemberIs400(t *testing.T) {
	_, base := newPair(t)
	resp, err := http.Post(base+"/pets", "application/x-www-form-urlencoded", strings.NewReader("age=2"))
	require.NoError(t, err)
	defer resp.Body.Close()
	var body ErrorResponse
	require.NoError(t, json.NewDecoder(resp.Body).Decode(&body))
	require.Equal(t, http.StatusBadRequest, resp.StatusCode)
	require.Equal(t, []Problem{{In: "body", Name: "/name", Problem: "is required"}}, body.Problems)
}

func TestOtherContentTypeIs415(t *testing.T) {
	_, base := newPair(t)
	resp, err := http.Post(base+"/pets", "text/plain", strings.NewReader("Rex"))
	require.NoError(t, err)
	defer resp.Body.Close()
	var body ErrorResponse
	require.NoError(t, json.NewDecoder(resp.Body).Decode(&body))
	require.Equal(t, http.StatusUnsupportedMediaType, resp.StatusCode)
	require.Equal(t, "the request body must be application/json, application/x-www-form-urlencoded, image/png, multipart/form-data or text/json", body.Message)
	require.Equal(t, []Problem{{In: "header", Name: "Content-Type", Problem: "must be application/json, application/x-www-form-urlencoded, image/png, multipart/form-data or text/json"}}, body.Problems)
}

func TestRequestWithoutBodyIs400(t *testing.T) {
	_, base := newPair(t)
	resp, err := http.Post(base+"/pets", "", http.NoBody)
	require.NoError(t, err)
	defer resp.Body.Close()
	var body ErrorResponse
	require.NoError(t, json.NewDecoder(resp.Body).Decode(&body))
	require.Equal(t, http.StatusBadRequest, resp.StatusCode)
	require.Equal(t, []Problem{{In: "body", Name: "", Problem: "a request body is required"}}, body.Problems)
}

func TestOtherJSONMediaTypeIsReadIntoBody(t *testing.T) {
	client, _ := newPair(t)
	got, err := client.CreatePet(context.Background(), Pet{Name: "Rex", Age: ptr(-1)}, func(ctx context.Context, req *http.Request) error {
		req.Header.Set("Content-Type", "text/json")
		return nil
	})
	require.Equal(t, []Problem{{In: "body", Name: "/age", Problem: "must be at least 0"}}, problemsOf(t, err), "validated as the JSON body")
	require.Nil(t, got)

	got, err = client.CreatePet(context.Background(), Pet{Name: "Rex"}, func(ctx context.Context, req *http.Request) error {
		req.Header.Set("Content-Type", "text/json; charset=utf-8")
		return nil
	})
	require.NoError(t, err)
	require.Equal(t, "text/json; charset=utf-8", got.ContentType)
	require.Equal(t, "Rex", *got.Name)
}

// An answer offered in several media types: the client asks for the one it
// decodes, and a caller who wants another representation names it in Accept
// and reads it from the recorded answer; the call still succeeds.
func TestAnswerInAnotherMediaType(t *testing.T) {
	var accepts []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		accepts = append(accepts, r.Header.Get("Accept"))
		if r.Header.Get("Accept") == "text/csv" {
			w.Header().Set("Content-Type", "text/csv")
			_, _ = io.WriteString(w, "name,age\nRex,3\n")
			return
		}
		w.Header().Set("Content-Type", "application/json")
		_, _ = io.WriteString(w, `{"name":"Rex","age":3}`)
	}))
	defer srv.Close()
	client, err := NewClient(srv.URL)
	require.NoError(t, err)

	pet, err := client.GetPet(context.Background(), "Rex")
	require.NoError(t, err)
	require.Equal(t, "Rex", pet.Name)

	var answer Answer
	ctx := RecordAnswer(context.Background(), &answer)
	asCSV := func(_ context.Context, req *http.Request) error {
		req.Header.Set("Accept", "text/csv")
		return nil
	}
	_, err = client.GetPet(ctx, "Rex", asCSV)
	require.NoError(t, err, "a success in another declared media type is not a failure")
	require.Equal(t, "name,age\nRex,3\n", string(answer.Body))
	require.Equal(t, "text/csv", answer.Header.Get("Content-Type"))
	require.Equal(t, []string{"application/json", "text/csv"}, accepts)
}
