package livesim

import (
	"context"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/seed-0d47db62/livegen/generated/meltingspot"
)

// anonymousToken stands in for the missing credentials of a request to a Sim
// without a token: the generated handler requires a bearer token to be
// present, and a Sim without a token accepts every request.
const anonymousToken = "livesim-anonymous"

// allowAnonymous lets requests without credentials through when token is
// empty; with a token, the generated handler's authenticator checks it.
func allowAnonymous(next http.Handler, token string) http.Handler {
	if token != "" {
		return next
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") == "" {
			r = r.Clone(r.Context())
			r.Header.Set("Authorization", "Bearer "+anonymousToken)
		}
		next.ServeHTTP(w, r)
	})
}

// logRequests writes one line per request to log: method, path, operation,
// query, status, size of the answer and duration. Credentials are never
// logged: the query keeps the values of the parameters that the operation
// declares only (a token sent as ?access_token=T is logged as REDACTED).
func logRequests(next http.Handler, log *slog.Logger) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		served := &servedBy{}
		r = r.WithContext(context.WithValue(r.Context(), servedByKey{}, served))
		rec := &statusRecorder{ResponseWriter: w}
		next.ServeHTTP(rec, r)
		log.LogAttrs(r.Context(), slog.LevelInfo, "request",
			slog.String("method", r.Method),
			slog.String("path", r.URL.Path),
			slog.String("operation", served.op.ID),
			slog.String("query", redactQuery(r.URL.RawQuery, served.op)),
			slog.Int("status", rec.statusOr200()),
			slog.Int("bytes", rec.bytes),
			slog.Duration("duration", time.Since(start)),
		)
	})
}

// servedBy is the operation that served a request, as the log line learns it
// from noteOperation; empty when no operation matched.
type servedBy struct{ op meltingspot.ServerOperation }

// servedByKey is the context key of the request's *servedBy.
type servedByKey struct{}

// noteOperation is the handler's middleware that tells logRequests which
// operation serves the request.
func noteOperation(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if served, ok := r.Context().Value(servedByKey{}).(*servedBy); ok {
			served.op, _ = meltingspot.OperationFromContext(r.Context())
		}
		next.ServeHTTP(w, r)
	})
}

// redactQuery is the query for the log: each parameter that op does not
// declare keeps its name, and its value is replaced by REDACTED.
func redactQuery(raw string, op meltingspot.ServerOperation) string {
	if raw == "" {
		return ""
	}
	pairs := strings.Split(raw, "&")
	for i, pair := range pairs {
		rawName, _, hasValue := strings.Cut(pair, "=")
		name, err := url.QueryUnescape(rawName)
		if hasValue && (err != nil || !op.DeclaresQuery(name)) {
			pairs[i] = rawName + "=REDACTED"
		}
	}
	return strings.Join(pairs, "&")
}

// statusRecorder remembers the status and size of an answer for the log.
type statusRecorder struct {
	http.ResponseWriter
	status int
	bytes  int
}

// WriteHeader records the status.
func (r *statusRecorder) WriteHeader(status int) {
	if r.status == 0 {
		r.status = status
	}
	r.ResponseWriter.WriteHeader(status)
}

// Write counts the bytes of the body.
func (r *statusRecorder) Write(p []byte) (int, error) {
	n, err := r.ResponseWriter.Write(p)
	r.bytes += n
	return n, err
}

// Unwrap lets http.ResponseController reach the real writer.
func (r *statusRecorder) Unwrap() http.ResponseWriter {
	return r.ResponseWriter
}

// statusOr200 is the status sent: 200 when the handler wrote a body without
// calling WriteHeader.
func (r *statusRecorder) statusOr200() int {
	if r.status == 0 {
		return http.StatusOK
	}
	return r.status
}
