package handwritten

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"mime"
	"net/http"
	"net/mail"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Service is what the handler calls once a request has been checked.
type Service interface {
	ListLives(ctx context.Context, q ListLivesQuery) (*LiveList, error)
	BulkInviteLiveParticipants(ctx context.Context, liveID string, body BulkInviteRequest) ([]Participant, error)
}

// Problem is one thing wrong with a request.
type Problem struct {
	Param   string `json:"param"`
	Problem string `json:"problem"`
}

// maxBody caps request bodies, as livegen's handler does by default.
const maxBody = 1 << 20

// handler serves the two operations with an http.ServeMux. Like livegen's,
// it wants a bearer token (401), a JSON body of at most maxBody bytes (415,
// 413), checks parameters and body (400, every problem at once) and turns a
// panic of the service into a 500.
type handler struct {
	svc Service
	mux *http.ServeMux
}

// NewHandler returns the handler of the two operations.
func NewHandler(svc Service) http.Handler {
	h := &handler{svc: svc, mux: http.NewServeMux()}
	h.mux.HandleFunc("GET /v1/lives", h.listLives)
	h.mux.HandleFunc("POST /v1/lives/{liveId}/participants~bulkInvite", h.bulkInvite)
	return h
}

func (h *handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	defer func() {
		if v := recover(); v != nil {
			if v == http.ErrAbortHandler {
				panic(v)
			}
			writeError(w, http.StatusInternalServerError, "internal server error", nil)
		}
	}()
	h.mux.ServeHTTP(w, r)
}

func (h *handler) listLives(w http.ResponseWriter, r *http.Request) {
	if !authorized(r) {
		writeError(w, http.StatusUnauthorized, "a bearer token is required", nil)
		return
	}
	q, problems := parseListLivesQuery(r)
	if len(problems) > 0 {
		writeError(w, http.StatusBadRequest, "the request is invalid", problems)
		return
	}
	page, err := h.svc.ListLives(r.Context(), q)
	if err != nil {
		writeError(w, http.StatusInternalServerError, "internal server error", nil)
		return
	}
	writeJSON(w, http.StatusOK, page)
}

func (h *handler) bulkInvite(w http.ResponseWriter, r *http.Request) {
	if !authorized(r) {
		writeError(w, http.StatusUnauthorized, "a bearer token is required", nil)
		return
	}
	data, status := readJSONBody(w, r)
	if status != 0 {
		writeError(w, status, http.StatusText(status), nil)
		return
	}
	body, problems := parseBulkInvite(data)
	if len(problems) > 0 {
		writeError(w, http.StatusBadRequest, "the request is invalid", problems)
		return
	}
	out, err := h.svc.BulkInviteLiveParticipants(r.Context(), r.PathValue("liveId"), body)
	if err != nil {
		writeError(w, http.StatusInternalServerError, "internal server error", nil)
		return
	}
	writeJSON(w, http.StatusOK, out)
}

// authorized reports whether the request carries a bearer token.
func authorized(r *http.Request) bool {
	v := r.Header.Get("Authorization")
	return len(v) > len("Bearer ") && strings.EqualFold(v[:len("Bearer ")], "Bearer ")
}

// readJSONBody reads a JSON body; the status is 415 or 413 when it is not
// JSON or too large, 0 otherwise.
func readJSONBody(w http.ResponseWriter, r *http.Request) ([]byte, int) {
	if media, _, err := mime.ParseMediaType(r.Header.Get("Content-Type")); err != nil || media != "application/json" {
		return nil, http.StatusUnsupportedMediaType
	}
	data, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxBody))
	var tooLarge *http.MaxBytesError
	if errors.As(err, &tooLarge) {
		return nil, http.StatusRequestEntityTooLarge
	}
	if err != nil {
		return nil, http.StatusBadRequest
	}
	return data, 0
}

// parseListLivesQuery reads and checks the page and filter parameters.
func parseListLivesQuery(r *http.Request) (ListLivesQuery, []Problem) {
	v := r.URL.Query()
	var q ListLivesQuery
	var p problems
	q.Page = p.positive(v, "page")
	q.Limit = p.positive(v, "limit")
	q.TitleEq = optional(v, "title[eq]")
	q.TitleContains = optional(v, "title[contains]")
	q.StatusEq = p.enum(v, "status[eq]", liveStatuses)
	q.StartDate = TimeCond{
		Lt: p.unix(v, "startDate[lt]"), Lte: p.unix(v, "startDate[lte]"),
		Gt: p.unix(v, "startDate[gt]"), Gte: p.unix(v, "startDate[gte]"), Eq: p.unix(v, "startDate[eq]"),
	}
	q.SolutionEq = p.enum(v, "solution[eq]", liveSolutions)
	q.ReplayEq = p.boolean(v, "replay[eq]")
	q.BuiltInTypeEq = p.enum(v, "builtInType[eq]", builtInTypes)
	for _, field := range liveMetricKeys {
		c := IntCond{
			Lt: p.integer(v, field+"[lt]"), Lte: p.integer(v, field+"[lte]"),
			Gt: p.integer(v, field+"[gt]"), Gte: p.integer(v, field+"[gte]"), Eq: p.integer(v, field+"[eq]"),
		}
		if c != (IntCond{}) {
			if q.Metrics == nil {
				q.Metrics = map[string]IntCond{}
			}
			q.Metrics[field] = c
		}
	}
	return q, p
}

// parseBulkInvite decodes and checks the body of BulkInviteLiveParticipants.
func parseBulkInvite(data []byte) (BulkInviteRequest, []Problem) {
	var body struct {
		BulkInviteRequest
		Members *BulkInviteMembers `json:"members"`
	}
	if err := json.Unmarshal(data, &body); err != nil {
		return BulkInviteRequest{}, []Problem{{Param: "body", Problem: err.Error()}}
	}
	if body.Members == nil {
		return BulkInviteRequest{}, []Problem{{Param: "members", Problem: "is required"}}
	}
	var p problems
	for i, email := range body.Members.Emails {
		if a, err := mail.ParseAddress(email); err != nil || a.Name != "" || a.Address != email {
			p.add("members.emails["+strconv.Itoa(i)+"]", "must be an email address")
		}
	}
	body.BulkInviteRequest.Members = *body.Members
	return body.BulkInviteRequest, p
}

// problems collects what is wrong with a request.
type problems []Problem

func (p *problems) add(param, problem string) {
	*p = append(*p, Problem{Param: param, Problem: problem})
}

func optional(v map[string][]string, name string) *string {
	if s, ok := v[name]; ok && len(s) > 0 {
		return &s[0]
	}
	return nil
}

func (p *problems) integer(v map[string][]string, name string) *int {
	s := optional(v, name)
	if s == nil {
		return nil
	}
	n, err := strconv.Atoi(*s)
	if err != nil {
		p.add(name, "must be an integer")
		return nil
	}
	return &n
}

func (p *problems) positive(v map[string][]string, name string) *int {
	n := p.integer(v, name)
	if n != nil && *n < 1 {
		p.add(name, "must be at least 1")
	}
	return n
}

func (p *problems) unix(v map[string][]string, name string) *time.Time {
	s := optional(v, name)
	if s == nil {
		return nil
	}
	n, err := strconv.ParseInt(*s, 10, 64)
	if err != nil {
		p.add(name, "must be a Unix time in seconds")
		return nil
	}
	t := time.Unix(n, 0)
	return &t
}

func (p *problems) boolean(v map[string][]string, name string) *bool {
	s := optional(v, name)
	if s == nil {
		return nil
	}
	b, err := strconv.ParseBool(*s)
	if err != nil || (*s != "true" && *s != "false") {
		p.add(name, "must be true or false")
		return nil
	}
	return &b
}

func (p *problems) enum(v map[string][]string, name string, values []string) *string {
	s := optional(v, name)
	if s != nil && !slices.Contains(values, *s) {
		p.add(name, "must be one of "+strings.Join(values, ", "))
	}
	return s
}

// writeJSON encodes v first, so that an error is still a clean 500.
func writeJSON(w http.ResponseWriter, status int, v any) {
	data, err := json.Marshal(v)
	if err != nil {
		writeError(w, http.StatusInternalServerError, "internal server error", nil)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_, _ = w.Write(data)
}

// writeError writes {"message": ..., "problems": [...]}.
func writeError(w http.ResponseWriter, status int, message string, problems []Problem) {
	if problems == nil {
		problems = []Problem{}
	}
	data, _ := json.Marshal(struct {
		Message  string    `json:"message"`
		Problems []Problem `json:"problems"`
	}{message, problems})
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_, _ = w.Write(data)
}
