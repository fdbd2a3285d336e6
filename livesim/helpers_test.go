package livesim_test

import (
	"bytes"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/seed-0d47db62/livegen/generated/meltingspot"
	"github.com/seed-0d47db62/livegen/livesim"
)

// now is the clock of every test Sim: the demo's dates are around it.
var now = time.Date(2025, 5, 15, 12, 0, 0, 0, time.UTC)

// sim is a running Sim with a client of it.
type sim struct {
	*livesim.Sim
	url    string
	client *meltingspot.Client
}

// start serves a Sim on loopback with opts (on the test clock unless opts
// has one) and returns it with a client that does not retry.
func start(t *testing.T, opts livesim.Options) sim {
	t.Helper()
	if opts.Now == nil {
		opts.Now = func() time.Time { return now }
	}
	s, err := livesim.New(opts)
	require.NoError(t, err)
	srv := httptest.NewServer(s)
	t.Cleanup(srv.Close)
	clientOpts := []meltingspot.ClientOption{meltingspot.WithRetryPolicy(meltingspot.RetryPolicy{MaxAttempts: 1})}
	if opts.Token != "" {
		clientOpts = append(clientOpts, meltingspot.WithCredentials(meltingspot.Credentials{BearerAuth: opts.Token}))
	}
	c, err := meltingspot.NewClient(srv.URL, clientOpts...)
	require.NoError(t, err)
	return sim{Sim: s, url: srv.URL, client: c}
}

// demo starts a Sim with the demo seed.
func demo(t *testing.T) sim {
	return start(t, livesim.Options{Seed: livesim.Demo})
}

// statusOf is the HTTP status of a call's *meltingspot.APIError.
func statusOf(t *testing.T, err error) int {
	t.Helper()
	var apiErr *meltingspot.APIError
	require.True(t, errors.As(err, &apiErr), "want an *APIError, got %v", err)
	return apiErr.StatusCode
}

// liveIDs lists the ids of lives.
func liveIDs(lives []meltingspot.Live) []string {
	out := []string{}
	for _, l := range lives {
		out = append(out, *l.ID)
	}
	return out
}

// memberIDs lists the Spot member ids of participants.
func memberIDs(ps []meltingspot.Participant) []string {
	out := []string{}
	for _, p := range ps {
		out = append(out, p.SpotMemberID)
	}
	return out
}

func ptr[T any](v T) *T { return &v }

// rawResponse is an answer read whole.
type rawResponse struct {
	status int
	header http.Header
	body   string
}

// do sends a request as curl would, without the generated client.
func do(t *testing.T, method, url, token, body string) rawResponse {
	t.Helper()
	var r io.Reader
	if body != "" {
		r = strings.NewReader(body)
	}
	req, err := http.NewRequest(method, url, r)
	require.NoError(t, err)
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return rawResponse{status: resp.StatusCode, header: resp.Header, body: string(data)}
}

// lockedBuffer is a log sink that a running server writes to while the
// test reads it.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}
