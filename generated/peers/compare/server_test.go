package compare

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/seed-0d47db62/livegen/bench/cputime"
	"github.com/seed-0d47db62/livegen/bench/fixtures"
	"github.com/seed-0d47db62/livegen/bench/handwritten"
	livegen "github.com/seed-0d47db62/livegen/generated/meltingspot"
	peer "github.com/seed-0d47db62/livegen/generated/peers/meltingspot"
)

// listLivesTarget is the ListLives request of the benchmarks: page 2 of 50
// and four filters, brackets escaped as url.Values writes them.
const listLivesTarget = "/v1/lives?attendanceRate%5Bgt%5D=50&limit=50&page=2&startDate%5Bgte%5D=1715734941&status%5Beq%5D=Ended&title%5Bcontains%5D=launch"

// bulkInviteTarget is the path of the BulkInviteLiveParticipants request.
const bulkInviteTarget = "/v1/lives/" + fixtures.LiveID + "/participants~bulkInvite"

// serverImpl is one implementation's handler.
type serverImpl struct {
	name    string
	handler http.Handler
}

// serverImpls are the three handlers, each over a service that answers with
// the fixtures decoded once into its own types, in table order.
func serverImpls(tb testing.TB) []serverImpl {
	return []serverImpl{
		{"handwritten", handwritten.NewHandler(newHandwrittenService(tb))},
		{"livegen", livegen.NewHandler(newLivegenService(tb))},
		{"oapi-codegen", peer.Handler(newPeerService(tb))},
	}
}

// request builds one benchmark request; the body reader is new each time.
func request(tb testing.TB, method, target string, body []byte) *http.Request {
	var req *http.Request
	var err error
	if body == nil {
		req, err = http.NewRequestWithContext(context.Background(), method, target, nil)
	} else {
		req, err = http.NewRequestWithContext(context.Background(), method, target, bytes.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
	}
	if err != nil {
		tb.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer "+fixtures.Token)
	return req
}

// BenchmarkServer measures one request through each handler's ServeHTTP
// with an httptest.ResponseRecorder: routing, credentials, parsing and
// checking the parameters or the body, calling the service (which answers
// from memory) and encoding its answer. impl=harness is the same loop with
// a handler that only answers 200: the cost of the request and recorder.
func BenchmarkServer(b *testing.B) {
	harness := http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(http.StatusOK) })
	impls := append(serverImpls(b), serverImpl{"harness", harness})
	for _, op := range []struct {
		name, method, target string
		body                 []byte
	}{
		{"ListLives", http.MethodGet, listLivesTarget, nil},
		{"BulkInvite", http.MethodPost, bulkInviteTarget, bulkBody},
	} {
		for _, impl := range impls {
			b.Run("op="+op.name+"/impl="+impl.name, func(b *testing.B) {
				b.ReportAllocs()
				defer cputime.Start(b)()
				for b.Loop() {
					rec := httptest.NewRecorder()
					impl.handler.ServeHTTP(rec, request(b, op.method, op.target, op.body))
					if rec.Code != http.StatusOK {
						b.Fatalf("status %d: %s", rec.Code, rec.Body)
					}
				}
			})
		}
	}
}

// TestServersAgree checks that the three handlers hand the same request to
// their service and write the same answer, so that the benchmarks compare
// the same work.
func TestServersAgree(t *testing.T) {
	for _, impl := range serverImpls(t) {
		t.Run(impl.name, func(t *testing.T) {
			rec := httptest.NewRecorder()
			impl.handler.ServeHTTP(rec, request(t, http.MethodGet, listLivesTarget, nil))
			require.Equal(t, http.StatusOK, rec.Code, rec.Body.String())
			require.JSONEq(t, string(livePage), rec.Body.String())

			rec = httptest.NewRecorder()
			impl.handler.ServeHTTP(rec, request(t, http.MethodPost, bulkInviteTarget, bulkBody))
			require.Equal(t, http.StatusOK, rec.Code, rec.Body.String())
			require.JSONEq(t, string(participants), rec.Body.String())
		})
	}
}

// handwrittenService answers with the fixtures and checks what it is asked.
type handwrittenService struct {
	page         *handwritten.LiveList
	participants []handwritten.Participant
}

func newHandwrittenService(tb testing.TB) *handwrittenService {
	page := decode[handwritten.LiveList](tb, livePage)
	return &handwrittenService{page: &page, participants: decode[[]handwritten.Participant](tb, participants)}
}

func (s *handwrittenService) ListLives(_ context.Context, q handwritten.ListLivesQuery) (*handwritten.LiveList, error) {
	if q.Limit == nil || *q.Limit != pageSize || q.StartDate.Gte == nil || q.Metrics["attendanceRate"].Gt == nil {
		return nil, errWrongRequest
	}
	return s.page, nil
}

func (s *handwrittenService) BulkInviteLiveParticipants(_ context.Context, liveID string, body handwritten.BulkInviteRequest) ([]handwritten.Participant, error) {
	if liveID != fixtures.LiveID || len(body.Members.Emails)+len(body.Members.SpotMemberIDs) != members {
		return nil, errWrongRequest
	}
	return s.participants, nil
}

// livegenService implements livegen's Server; the operations that the
// benchmarks do not call answer 501 (UnimplementedServer).
type livegenService struct {
	livegen.UnimplementedServer
	page         livegen.LiveList
	participants []livegen.Participant
}

func newLivegenService(tb testing.TB) *livegenService {
	return &livegenService{page: decode[livegen.LiveList](tb, livePage), participants: decode[[]livegen.Participant](tb, participants)}
}

func (s *livegenService) ListLives(_ context.Context, in livegen.ListLivesInput) (livegen.ListLivesOutput, error) {
	if in.Params.Limit == nil || *in.Params.Limit != pageSize || in.Params.Filter.StartDate.Gte == nil || in.Params.Filter.AttendanceRate.Gt == nil {
		return nil, errWrongRequest
	}
	return livegen.ListLivesOK{Body: s.page}, nil
}

func (s *livegenService) BulkInviteLiveParticipants(_ context.Context, in livegen.BulkInviteLiveParticipantsInput) (livegen.BulkInviteLiveParticipantsOutput, error) {
	if in.LiveID != fixtures.LiveID || len(in.Body.Members.Emails)+len(in.Body.Members.SpotMemberIDs) != members {
		return nil, errWrongRequest
	}
	return livegen.BulkInviteLiveParticipantsOK{Body: s.participants}, nil
}

// peerService implements oapi-codegen's ServerInterface as its users do:
// the handler decodes the body and encodes the answer itself.
type peerService struct {
	peer.ServerInterface
	page         peer.LiveList
	participants []peer.Participant
}

func newPeerService(tb testing.TB) *peerService {
	return &peerService{page: decode[peer.LiveList](tb, livePage), participants: decode[[]peer.Participant](tb, participants)}
}

func (s *peerService) ListLives(w http.ResponseWriter, _ *http.Request, params peer.ListLivesParams) {
	if params.Limit == nil || *params.Limit != pageSize || params.StartDateGte == nil || params.AttendanceRateGt == nil {
		http.Error(w, errWrongRequest.Error(), http.StatusInternalServerError)
		return
	}
	peerWriteJSON(w, s.page)
}

func (s *peerService) BulkInviteLiveParticipants(w http.ResponseWriter, r *http.Request, liveID peer.LiveId) {
	var body peer.BulkInviteLiveParticipantsJSONRequestBody
	if err := json.NewDecoder(r.Body).Decode(&body); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	if liveID != fixtures.LiveID || body.Members.Emails == nil || body.Members.SpotMemberIds == nil ||
		len(*body.Members.Emails)+len(*body.Members.SpotMemberIds) != members {
		http.Error(w, errWrongRequest.Error(), http.StatusInternalServerError)
		return
	}
	peerWriteJSON(w, s.participants)
}

// peerWriteJSON writes a JSON answer as oapi-codegen's examples do.
func peerWriteJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(http.StatusOK)
	_ = json.NewEncoder(w).Encode(v)
}

// errWrongRequest is a service's answer to a request that is not the
// benchmark's: the handler lost a parameter or part of the body.
var errWrongRequest = wrongRequest{}

type wrongRequest struct{}

func (wrongRequest) Error() string { return "the request is not the benchmark's" }
