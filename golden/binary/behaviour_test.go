package binary

// Behaviour of binary and text bodies through the generated client and
// server: uploads stream from a reader, downloads stream to the caller, a
// body that cannot be rewound is sent once, and text is a string.

import (
	"bytes"
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// files is a Server that keeps the digest and size of what it is sent.
type files struct {
	UnimplementedServer
	mu       sync.Mutex
	digests  map[string][32]byte
	download func() io.Reader // the body DownloadFile answers
	status   int              // DownloadFile's answer: 200 or 206
	avatar   []byte
	noAvatar bool // SetAvatar received no body
}

func (f *files) UploadFile(ctx context.Context, in UploadFileInput) (UploadFileOutput, error) {
	h := sha256.New()
	n, err := io.Copy(h, in.Body)
	if err != nil {
		return nil, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	f.digests[in.Name] = [32]byte(h.Sum(nil))
	return UploadFileCreated{Body: Stored{Name: in.Name, Size: n}}, nil
}

func (f *files) DownloadFile(ctx context.Context, in DownloadFileInput) (DownloadFileOutput, error) {
	if f.download == nil {
		return DownloadFileNotFound{Body: Error{Message: "no file " + in.Name}}, nil
	}
	if f.status == 206 {
		return DownloadFilePartialContent{Body: f.download()}, nil
	}
	return DownloadFileOK{Body: f.download()}, nil
}

func (f *files) SetAvatar(ctx context.Context, in SetAvatarInput) (SetAvatarOutput, error) {
	if in.Body == nil {
		f.noAvatar = true
		return SetAvatarNoContent{}, nil
	}
	data, err := io.ReadAll(in.Body)
	f.avatar = data
	return SetAvatarNoContent{}, err
}

func (f *files) GetAvatar(ctx context.Context, in GetAvatarInput) (GetAvatarOutput, error) {
	return GetAvatarOK{Body: bytes.NewReader(f.avatar)}, nil
}

func (f *files) AddNote(ctx context.Context, in AddNoteInput) (AddNoteOutput, error) {
	return AddNoteOK{Body: "stored: " + in.Body}, nil
}

func (f *files) UploadAsset(ctx context.Context, in UploadAssetInput) (UploadAssetOutput, error) {
	n, err := io.Copy(io.Discard, in.Body)
	return UploadAssetCreated{Body: fmt.Sprintf("%d bytes of %s", n, in.BodyContentType)}, err
}

func (f *files) PutScript(ctx context.Context, in PutScriptInput) (PutScriptOutput, error) {
	return PutScriptOK{Body: "// stored\n" + in.Body}, nil
}

func (f *files) Echo(ctx context.Context, in EchoInput) (EchoOutput, error) {
	if in.Body == nil {
		return EchoOK{Body: "(nothing)"}, nil
	}
	return EchoOK{Body: *in.Body}, nil
}

// requests counts the requests that reach the server and what their bodies
// declare; fail, when set, answers a request before the generated handler.
type requests struct {
	mu             sync.Mutex
	count          int
	contentLengths []int64
	fail           func(n int) int // status to answer request n with, 0 to pass it on
}

func newPair(t *testing.T, impl *files) (*Client, *requests) {
	t.Helper()
	seen := &requests{}
	h := NewHandler(impl)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		seen.mu.Lock()
		seen.count++
		n := seen.count
		seen.contentLengths = append(seen.contentLengths, r.ContentLength)
		fail := seen.fail
		seen.mu.Unlock()
		if fail != nil {
			if status := fail(n); status != 0 {
				_, _ = io.Copy(io.Discard, r.Body)
				w.WriteHeader(status)
				return
			}
		}
		h.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	c, err := NewClient(srv.URL, WithRetryPolicy(RetryPolicy{MaxAttempts: 3, BaseDelay: time.Millisecond, MaxDelay: time.Millisecond}))
	require.NoError(t, err)
	return c, seen
}

func newFiles() *files { return &files{digests: map[string][32]byte{}} }

// pattern is n bytes that are not all alike.
func pattern(n int) []byte {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(i * 7 % 251)
	}
	return b
}

// onlyReader hides every method of a reader but Read: a body that cannot be
// rewound.
type onlyReader struct{ r io.Reader }

func (o onlyReader) Read(p []byte) (int, error) { return o.r.Read(p) }

func TestUploadStreamsFromAReader(t *testing.T) {
	impl := newFiles()
	c, seen := newPair(t, impl)
	data := pattern(3<<20 + 17)
	got, err := c.UploadFile(context.Background(), "a.bin", onlyReader{bytes.NewReader(data)})
	require.NoError(t, err)
	require.Equal(t, &Stored{Name: "a.bin", Size: int64(len(data))}, got)
	require.Equal(t, sha256.Sum256(data), impl.digests["a.bin"])
	require.Equal(t, []int64{-1}, seen.contentLengths, "a reader of unknown size is sent chunked")

	// A reader that seeks is sent from where it stands, with its length.
	r := bytes.NewReader(data)
	_, err = r.Seek(100, io.SeekStart)
	require.NoError(t, err)
	got, err = c.UploadFile(context.Background(), "b.bin", r)
	require.NoError(t, err)
	require.Equal(t, int64(len(data)-100), got.Size)
	require.Equal(t, sha256.Sum256(data[100:]), impl.digests["b.bin"])
	require.Equal(t, int64(len(data)-100), seen.contentLengths[1])
}

func TestUploadThatCannotRewindIsSentOnce(t *testing.T) {
	impl := newFiles()
	c, seen := newPair(t, impl)
	seen.fail = func(n int) int { return http.StatusServiceUnavailable }
	_, err := c.UploadFile(context.Background(), "a.bin", onlyReader{strings.NewReader("once")})
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr)
	require.Equal(t, http.StatusServiceUnavailable, apiErr.StatusCode)
	require.Equal(t, 1, seen.count, "a body read once cannot be sent again")
}

// A ReopenableBody is opened for each attempt, so a call with it is retried
// like one whose body seeks; its Size goes as Content-Length.
func TestReopenableBodyIsOpenedForEachAttempt(t *testing.T) {
	impl := newFiles()
	c, seen := newPair(t, impl)
	seen.fail = func(n int) int {
		if n == 1 {
			return http.StatusServiceUnavailable
		}
		return 0
	}
	data := pattern(64<<10 + 3)
	opened := 0
	body := ReopenableBody{Size: int64(len(data)), Open: func() (io.ReadCloser, error) {
		opened++
		return io.NopCloser(onlyReader{bytes.NewReader(data)}), nil
	}}
	got, err := c.UploadFile(context.Background(), "r.bin", body)
	require.NoError(t, err)
	require.Equal(t, int64(len(data)), got.Size)
	require.Equal(t, sha256.Sum256(data), impl.digests["r.bin"])
	require.Equal(t, 2, seen.count, "the 503 is retried")
	require.Equal(t, 2, opened)
	require.Equal(t, []int64{int64(len(data)), int64(len(data))}, seen.contentLengths)

	_, err = c.UploadFile(context.Background(), "e.bin", ReopenableBody{Open: func() (io.ReadCloser, error) {
		return nil, errors.New("gone")
	}})
	require.ErrorContains(t, err, "opening the request body: gone")
}

func TestUploadThatSeeksIsRewoundForRetries(t *testing.T) {
	impl := newFiles()
	c, seen := newPair(t, impl)
	seen.fail = func(n int) int {
		if n == 1 {
			return http.StatusServiceUnavailable
		}
		return 0
	}
	data := pattern(100 << 10)
	got, err := c.UploadFile(context.Background(), "a.bin", bytes.NewReader(data))
	require.NoError(t, err)
	require.Equal(t, 2, seen.count)
	require.Equal(t, int64(len(data)), got.Size)
	require.Equal(t, sha256.Sum256(data), impl.digests["a.bin"], "the retry sends the whole body again")
	require.Equal(t, []int64{int64(len(data)), int64(len(data))}, seen.contentLengths)
}

func TestDownloadIsAStreamTheCallerCloses(t *testing.T) {
	impl := newFiles()
	c, _ := newPair(t, impl)
	data := pattern(5<<20 + 3)
	impl.download = func() io.Reader { return bytes.NewReader(data) }
	res, err := c.DownloadFile(context.Background(), "a.bin")
	require.NoError(t, err)
	require.NotNil(t, res.OK)
	require.Nil(t, res.PartialContent)
	got, err := io.ReadAll(res.OK)
	require.NoError(t, err)
	require.NoError(t, res.OK.Close())
	require.Equal(t, data, got)

	impl.status = 206
	res, err = c.DownloadFile(context.Background(), "a.bin")
	require.NoError(t, err)
	require.Nil(t, res.OK)
	got, err = io.ReadAll(res.PartialContent)
	require.NoError(t, err)
	require.NoError(t, res.PartialContent.Close())
	require.Equal(t, data, got)

	impl.download = nil
	_, err = c.DownloadFile(context.Background(), "gone.bin")
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr)
	require.Equal(t, "no file gone.bin", apiErr.Body.(*Error).Message)
}

// The call returns while the server is still writing: the body is not read
// whole before the caller sees it.
func TestDownloadReturnsBeforeTheBodyEnds(t *testing.T) {
	impl := newFiles()
	c, _ := newPair(t, impl)
	pr, pw := io.Pipe()
	impl.download = func() io.Reader { return pr }
	head := pattern(64 << 10)
	go func() { _, _ = pw.Write(head) }()

	type result struct {
		res *DownloadFileResult
		err error
	}
	done := make(chan result, 1)
	go func() {
		res, err := c.DownloadFile(context.Background(), "live.bin")
		done <- result{res, err}
	}()
	var r result
	select {
	case r = <-done:
	case <-time.After(30 * time.Second):
		t.Fatal("DownloadFile waits for the whole body before returning")
	}
	require.NoError(t, r.err)
	got := make([]byte, len(head))
	_, err := io.ReadFull(r.res.OK, got)
	require.NoError(t, err)
	require.Equal(t, head, got)
	require.NoError(t, pw.Close())
	rest, err := io.ReadAll(r.res.OK)
	require.NoError(t, err)
	require.Empty(t, rest)
	require.NoError(t, r.res.OK.Close())
}

func TestOptionalBinaryBody(t *testing.T) {
	impl := newFiles()
	c, _ := newPair(t, impl)
	require.NoError(t, c.SetAvatar(context.Background(), nil))
	require.True(t, impl.noAvatar)
	require.NoError(t, c.SetAvatar(context.Background(), bytes.NewReader([]byte("\x89PNG"))))
	body, err := c.GetAvatar(context.Background())
	require.NoError(t, err)
	defer body.Close()
	got, err := io.ReadAll(body)
	require.NoError(t, err)
	require.Equal(t, "\x89PNG", string(got))
}

func TestTextBodiesAreStrings(t *testing.T) {
	impl := newFiles()
	c, _ := newPair(t, impl)
	got, err := c.AddNote(context.Background(), "héllo\n")
	require.NoError(t, err)
	require.Equal(t, "stored: héllo\n", got)

	got, err = c.Echo(context.Background(), nil)
	require.NoError(t, err)
	require.Equal(t, "(nothing)", got)
	text := "said"
	got, err = c.Echo(context.Background(), &text)
	require.NoError(t, err)
	require.Equal(t, "said", got)
}

func TestServerRefusesBadBinaryRequests(t *testing.T) {
	h := NewHandler(newFiles())
	serve := func(body, contentType string) *httptest.ResponseRecorder {
		r := httptest.NewRequest("PUT", "/files/a.bin", strings.NewReader(body))
		if contentType != "" {
			r.Header.Set("Content-Type", contentType)
		}
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		return w
	}
	w := serve("data", "application/json")
	require.Equal(t, http.StatusUnsupportedMediaType, w.Code)
	require.Contains(t, w.Body.String(), "application/octet-stream")

	w = serve("", "")
	require.Equal(t, http.StatusBadRequest, w.Code)
	require.Contains(t, w.Body.String(), "a request body is required")

	w = serve("data", "application/octet-stream")
	require.Equal(t, http.StatusCreated, w.Code)
	require.JSONEq(t, `{"name": "a.bin", "size": 4}`, w.Body.String())
}

// An answer body that fails midway cuts the download short: the caller sees
// an error, not a shorter file taken for whole.
func TestDownloadCutShortIsAnError(t *testing.T) {
	impl := newFiles()
	c, _ := newPair(t, impl)
	impl.download = func() io.Reader {
		return io.MultiReader(bytes.NewReader(pattern(10<<10)), failingReader{})
	}
	res, err := c.DownloadFile(context.Background(), "a.bin")
	require.NoError(t, err)
	defer res.OK.Close()
	_, err = io.ReadAll(res.OK)
	require.Error(t, err)
}

type failingReader struct{}

func (failingReader) Read([]byte) (int, error) { return 0, errors.New("disk gone") }

// A body the spec takes as any type (*/*) streams like octet-stream: sent as
// application/octet-stream unless an editor names its type, and the server
// hands the type sent to the implementation. JavaScript is text.
func TestOpenMediaTypesAndScripts(t *testing.T) {
	srv := httptest.NewServer(NewHandler(&files{digests: map[string][32]byte{}}))
	defer srv.Close()
	c, err := NewClient(srv.URL)
	require.NoError(t, err)
	ctx := context.Background()

	got, err := c.UploadAsset(ctx, strings.NewReader("PK\x03\x04zip"))
	require.NoError(t, err)
	require.Equal(t, "7 bytes of application/octet-stream", got)

	zip := func(ctx context.Context, req *http.Request) error {
		req.Header.Set("Content-Type", "application/zip")
		return nil
	}
	got, err = c.UploadAsset(ctx, strings.NewReader("PK\x03\x04zip"), zip)
	require.NoError(t, err)
	require.Equal(t, "7 bytes of application/zip", got)

	script, err := c.PutScript(ctx, "export default {}")
	require.NoError(t, err)
	require.Equal(t, "// stored\nexport default {}", script)
}
