package compare

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/seed-0d47db62/livegen/bench/fixtures"
	"github.com/seed-0d47db62/livegen/bench/handwritten"
	livegen "github.com/seed-0d47db62/livegen/generated/meltingspot"
	peer "github.com/seed-0d47db62/livegen/generated/peers/meltingspot"
)

// members is the size of the bulk invitation; pageSize that of the page.
const (
	members  = 100
	pageSize = fixtures.Limit
	baseURL  = "https://api.example.com"
)

// The wire payloads, built once.
var (
	livePage     = fixtures.LivePage(pageSize)
	participants = fixtures.Participants(members)
	bulkBody     = fixtures.BulkInviteBody(members)
)

// memoryTransport answers from memory, so that the client benchmarks measure
// the clients and not the network: a GET gets the page of Lives, anything
// else the invited participants. It reads and closes the request body as a
// server would.
type memoryTransport struct{}

func (memoryTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	if req.Body != nil {
		_, _ = io.Copy(io.Discard, req.Body)
		_ = req.Body.Close()
	}
	answer := participants
	if req.Method == http.MethodGet {
		answer = livePage
	}
	return &http.Response{
		Status:        "200 OK",
		StatusCode:    http.StatusOK,
		Proto:         "HTTP/1.1",
		ProtoMajor:    1,
		ProtoMinor:    1,
		Header:        http.Header{"Content-Type": {"application/json"}},
		Body:          io.NopCloser(bytes.NewReader(answer)),
		ContentLength: int64(len(answer)),
		Request:       req,
	}, nil
}

// memoryClient is an *http.Client over memoryTransport, the same for every
// implementation.
func memoryClient() *http.Client { return &http.Client{Transport: memoryTransport{}} }

// calls are one implementation's two client calls, with their arguments
// ready; each returns how many items it decoded.
type calls struct {
	listLives  func(ctx context.Context) (int, error)
	bulkInvite func(ctx context.Context) (int, error)
}

// clientImpl is one implementation's client.
type clientImpl struct {
	name  string
	calls calls
}

// clientImpls builds the three clients over hc, in table order.
func clientImpls(tb testing.TB, hc *http.Client) []clientImpl {
	return []clientImpl{
		{"handwritten", handwrittenCalls(tb, hc)},
		{"livegen", livegenCalls(tb, hc)},
		{"oapi-codegen", peerCalls(tb, hc)},
	}
}

func handwrittenCalls(tb testing.TB, hc *http.Client) calls {
	c := &handwritten.Client{BaseURL: baseURL, HTTP: hc, Token: fixtures.Token}
	page, limit, title, status, rate := fixtures.Page, fixtures.Limit, fixtures.TitleContains, fixtures.StatusEq, fixtures.AttendanceRateGt
	q := handwritten.ListLivesQuery{
		Page: &page, Limit: &limit, TitleContains: &title, StatusEq: &status,
		StartDate: handwritten.TimeCond{Gte: &fixtures.StartDateGte},
		Metrics:   map[string]handwritten.IntCond{"attendanceRate": {Gt: &rate}},
	}
	body := decode[handwritten.BulkInviteRequest](tb, bulkBody)
	return calls{
		listLives: func(ctx context.Context) (int, error) {
			r, err := c.ListLives(ctx, q)
			if err != nil {
				return 0, err
			}
			return len(r.Items), nil
		},
		bulkInvite: func(ctx context.Context) (int, error) {
			r, err := c.BulkInviteLiveParticipants(ctx, fixtures.LiveID, body)
			return len(r), err
		},
	}
}

func livegenCalls(tb testing.TB, hc *http.Client) calls {
	c, err := livegen.NewClient(baseURL, livegen.WithHTTPClient(hc), livegen.WithCredentials(livegen.Credentials{BearerAuth: fixtures.Token}))
	require.NoError(tb, err)
	page, limit := fixtures.Page, fixtures.Limit
	params := &livegen.ListLivesParams{
		Page:  &page,
		Limit: &limit,
		Filter: livegen.ListLivesFilter{}.
			TitleContains(fixtures.TitleContains).
			StatusEq(livegen.LiveStatusEnded).
			StartDateGte(fixtures.StartDateGte).
			AttendanceRateGt(fixtures.AttendanceRateGt),
	}
	body := decode[livegen.BulkInviteRequest](tb, bulkBody)
	return calls{
		listLives: func(ctx context.Context) (int, error) {
			r, err := c.ListLives(ctx, params)
			if err != nil {
				return 0, err
			}
			return len(r.Items), nil
		},
		bulkInvite: func(ctx context.Context) (int, error) {
			r, err := c.BulkInviteLiveParticipants(ctx, fixtures.LiveID, body)
			return len(r), err
		},
	}
}

func peerCalls(tb testing.TB, hc *http.Client) calls {
	bearer := func(_ context.Context, req *http.Request) error {
		req.Header.Set("Authorization", "Bearer "+fixtures.Token)
		return nil
	}
	c, err := peer.NewClientWithResponses(baseURL, peer.WithHTTPClient(hc), peer.WithRequestEditorFn(bearer))
	require.NoError(tb, err)
	page, limit, title, status, start, rate := fixtures.Page, fixtures.Limit, fixtures.TitleContains, peer.LiveStatusEnded, int(fixtures.StartDateGteUnix), fixtures.AttendanceRateGt
	params := &peer.ListLivesParams{
		Page: &page, Limit: &limit, TitleContains: &title, StatusEq: &status,
		StartDateGte: &start, AttendanceRateGt: &rate,
	}
	body := decode[peer.BulkInviteRequest](tb, bulkBody)
	return calls{
		listLives: func(ctx context.Context) (int, error) {
			r, err := c.ListLivesWithResponse(ctx, params)
			if err != nil {
				return 0, err
			}
			if r.JSON200 == nil {
				return 0, errStatus(r.StatusCode())
			}
			return len(r.JSON200.Items), nil
		},
		bulkInvite: func(ctx context.Context) (int, error) {
			r, err := c.BulkInviteLiveParticipantsWithResponse(ctx, fixtures.LiveID, body)
			if err != nil {
				return 0, err
			}
			if r.JSON200 == nil {
				return 0, errStatus(r.StatusCode())
			}
			return len(*r.JSON200), nil
		},
	}
}

// errStatus is the error of an answer that is not the expected 200.
type errStatus int

func (e errStatus) Error() string { return "unexpected status " + http.StatusText(int(e)) }

// decode decodes a fixture into an implementation's type.
func decode[T any](tb testing.TB, data []byte) T {
	var v T
	require.NoError(tb, json.Unmarshal(data, &v))
	return v
}
