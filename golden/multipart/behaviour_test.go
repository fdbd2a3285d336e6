package multipart

// Behaviour of multipart bodies through the generated client and server:
// file parts stream from a reader and arrive as readers with their name and
// content type, text and JSON parts are typed and validated, a missing part
// is a 400 naming it, and a body that cannot be rewound is sent once.

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// store is a Server that answers with what it received.
type store struct {
	UnimplementedServer
	mu   sync.Mutex
	last UploadFileRequestBody
}

func (s *store) UploadFile(ctx context.Context, in UploadFileInput) (UploadFileOutput, error) {
	h := sha256.New()
	n, err := io.Copy(h, in.Body.File.Body)
	if err != nil {
		return nil, err
	}
	s.mu.Lock()
	s.last = in.Body
	s.mu.Unlock()
	got := Received{
		Name: &in.Body.File.Name, ContentType: &in.Body.File.ContentType, Size: ptr(int(n)),
		Sha256: ptr(hex.EncodeToString(h.Sum(nil))), Purpose: ptr(string(in.Body.Purpose)),
		SizeHint: in.Body.SizeHint, Tags: in.Body.Tags,
	}
	if in.Body.Attributes != nil {
		got.Owner = &in.Body.Attributes.Owner
	}
	if in.Body.Thumbnail != nil {
		data, err := io.ReadAll(in.Body.Thumbnail.Body)
		if err != nil {
			return nil, err
		}
		got.Thumbnail = ptr(in.Body.Thumbnail.Name + " " + in.Body.Thumbnail.ContentType + " " + string(data))
	}
	return UploadFileOK{Body: got}, nil
}

func ptr[T any](v T) *T { return &v }

// requests counts the requests the server saw; fail answers them with a status.
type requests struct {
	mu    sync.Mutex
	count int
	fail  int
}

func newPair(t *testing.T, opts ...HandlerOption) (*Client, *store, *requests, string) {
	t.Helper()
	impl, seen := &store{}, &requests{}
	h := NewHandler(impl, opts...)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		seen.mu.Lock()
		seen.count++
		fail := seen.fail
		seen.mu.Unlock()
		if fail != 0 {
			_, _ = io.Copy(io.Discard, r.Body)
			w.WriteHeader(fail)
			return
		}
		h.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	c, err := NewClient(srv.URL, WithRetryPolicy(RetryPolicy{MaxAttempts: 3, BaseDelay: time.Millisecond, MaxDelay: time.Millisecond}))
	require.NoError(t, err)
	return c, impl, seen, srv.URL
}

// pattern is n bytes that are not all alike.
func pattern(n int) []byte {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(i * 7 % 251)
	}
	return b
}

// onlyReader hides every method of a reader but Read.
type onlyReader struct{ r io.Reader }

func (o onlyReader) Read(p []byte) (int, error) { return o.r.Read(p) }

func digest(b []byte) string { s := sha256.Sum256(b); return hex.EncodeToString(s[:]) }

func TestFilePartsArriveIntactWithNameAndType(t *testing.T) {
	c, impl, _, _ := newPair(t)
	data := pattern(64<<10 + 3)
	got, err := c.UploadFile(context.Background(), UploadFileRequestBody{
		File:       FormFile{Name: "report ü.pdf", ContentType: "application/pdf", Body: bytes.NewReader(data)},
		Purpose:    UploadFileRequestBodyPurposeAssistants,
		SizeHint:   ptr(12),
		Tags:       []string{"a", "b c"},
		Attributes: &Attributes{Owner: "ana", Public: ptr(true)},
		Thumbnail:  &FormFile{Name: "t.png", Body: strings.NewReader("PNG")},
	})
	require.NoError(t, err)
	require.Equal(t, "report ü.pdf", *got.Name)
	require.Equal(t, "application/pdf", *got.ContentType)
	require.Equal(t, len(data), *got.Size)
	require.Equal(t, digest(data), *got.Sha256)
	require.Equal(t, "assistants", *got.Purpose)
	require.Equal(t, 12, *got.SizeHint)
	require.Equal(t, []string{"a", "b c"}, got.Tags)
	require.Equal(t, "ana", *got.Owner, "the object part travels as JSON")
	require.Equal(t, "t.png image/png PNG", *got.Thumbnail, "the encoding's content type is the file's default")
	require.Equal(t, ptr(true), impl.last.Attributes.Public)
}

func TestFileWithoutContentTypeIsOctetStream(t *testing.T) {
	c, _, _, _ := newPair(t)
	got, err := c.UploadFile(context.Background(), UploadFileRequestBody{
		File: FormFile{Name: "x", Body: strings.NewReader("x")}, Purpose: UploadFileRequestBodyPurposeFineTune,
	})
	require.NoError(t, err)
	require.Equal(t, "application/octet-stream", *got.ContentType)
	require.Nil(t, got.Thumbnail)
}

func TestFiveMiBFileStreamsThroughThePipe(t *testing.T) {
	c, _, _, _ := newPair(t, WithMaxBodyBytes(16<<20))
	data := pattern(5 << 20)
	got, err := c.UploadFile(context.Background(), UploadFileRequestBody{
		File: FormFile{Name: "big.bin", Body: onlyReader{bytes.NewReader(data)}}, Purpose: UploadFileRequestBodyPurposeAssistants,
	})
	require.NoError(t, err)
	require.Equal(t, len(data), *got.Size)
	require.Equal(t, digest(data), *got.Sha256)
}

func TestMultipartBodyIsSentOnce(t *testing.T) {
	c, _, seen, _ := newPair(t)
	seen.fail = http.StatusServiceUnavailable
	_, err := c.UploadFile(context.Background(), UploadFileRequestBody{
		File: FormFile{Name: "x", Body: bytes.NewReader([]byte("x"))}, Purpose: UploadFileRequestBodyPurposeAssistants,
	})
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr)
	require.Equal(t, 1, seen.count, "the files are read once: no retry")
}

// post sends a multipart body written by hand, as another client would.
func post(t *testing.T, url string, write func(*multipart.Writer)) (int, ErrorResponse) {
	t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	write(mw)
	require.NoError(t, mw.Close())
	resp, err := http.Post(url+"/files", mw.FormDataContentType(), &buf)
	require.NoError(t, err)
	defer resp.Body.Close()
	var out ErrorResponse
	_ = json.NewDecoder(resp.Body).Decode(&out)
	return resp.StatusCode, out
}

func TestMissingRequiredPartsAre400NamingThem(t *testing.T) {
	_, _, _, url := newPair(t)
	status, out := post(t, url, func(mw *multipart.Writer) {
		require.NoError(t, mw.WriteField("size_hint", "0"))
	})
	require.Equal(t, http.StatusBadRequest, status)
	var names []string
	for _, p := range out.Problems {
		names = append(names, p.Name)
	}
	require.ElementsMatch(t, []string{"/file", "/purpose", "/size_hint"}, names, "%+v", out.Problems)
}

func TestRequiredBodyWithoutBytesIs400(t *testing.T) {
	_, _, _, url := newPair(t)
	resp, err := http.Post(url+"/files", "multipart/form-data; boundary=x", http.NoBody)
	require.NoError(t, err)
	var out ErrorResponse
	require.NoError(t, json.NewDecoder(resp.Body).Decode(&out))
	resp.Body.Close()
	require.Equal(t, http.StatusBadRequest, resp.StatusCode)
	require.Equal(t, "a request body is required", out.Problems[0].Problem)
}

func TestJSONPartIsValidated(t *testing.T) {
	_, _, _, url := newPair(t)
	status, out := post(t, url, func(mw *multipart.Writer) {
		w, err := mw.CreateFormFile("file", "a.txt")
		require.NoError(t, err)
		_, _ = w.Write([]byte("a"))
		require.NoError(t, mw.WriteField("purpose", "assistants"))
		require.NoError(t, mw.WriteField("attributes", `{"owner":""}`))
	})
	require.Equal(t, http.StatusBadRequest, status)
	require.Len(t, out.Problems, 1)
	require.Equal(t, "/attributes/owner", out.Problems[0].Name)
}

func TestNotMultipartIs415AndMalformedIs400(t *testing.T) {
	_, _, _, url := newPair(t)
	resp, err := http.Post(url+"/files", "application/json", strings.NewReader("{}"))
	require.NoError(t, err)
	resp.Body.Close()
	require.Equal(t, http.StatusUnsupportedMediaType, resp.StatusCode)
	resp, err = http.Post(url+"/files", "multipart/form-data; boundary=x", strings.NewReader("not multipart"))
	require.NoError(t, err)
	resp.Body.Close()
	require.Equal(t, http.StatusBadRequest, resp.StatusCode)
}

func TestBodyOverTheLimitIs413(t *testing.T) {
	c, _, _, _ := newPair(t, WithMaxBodyBytes(1<<20))
	_, err := c.UploadFile(context.Background(), UploadFileRequestBody{
		File: FormFile{Name: "big", Body: onlyReader{bytes.NewReader(pattern(2 << 20))}}, Purpose: UploadFileRequestBodyPurposeAssistants,
	})
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr)
	require.Equal(t, http.StatusRequestEntityTooLarge, apiErr.StatusCode)
}

// tagger counts the ids of each TagFiles call.
type tagger struct {
	UnimplementedServer
	calls [][]string
}

func (s *tagger) TagFiles(ctx context.Context, in TagFilesInput) (TagFilesOutput, error) {
	s.calls = append(s.calls, in.Body.IDs)
	return TagFilesNoContent{}, nil
}

// A client with multipart uploads and bulk helpers builds (their helpers
// once had one name), and a list longer than maxItems goes in chunks.
func TestBulkBesideMultipart(t *testing.T) {
	s := &tagger{}
	srv := httptest.NewServer(NewHandler(s))
	defer srv.Close()
	c, err := NewClient(srv.URL)
	require.NoError(t, err)
	require.NoError(t, c.TagFilesInChunks(context.Background(), TagFilesRequestBody{IDs: []string{"a", "b", "c", "d", "e"}}, 0))
	require.Equal(t, [][]string{{"a", "b"}, {"c", "d"}, {"e"}}, s.calls)
}
