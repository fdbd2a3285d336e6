package livesim

import (
	"log/slog"
	"net/http"
	"time"
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

// logRequests writes one line per request to log: method, path, query,
// status, size of the answer and duration. Credentials are never logged.
func logRequests(next http.Handler, log *slog.Logger) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		rec := &statusRecorder{ResponseWriter: w}
		next.ServeHTTP(rec, r)
		log.LogAttrs(r.Context(), slog.LevelInfo, "request",
			slog.String("method", r.Method),
			slog.String("path", r.URL.Path),
			slog.String("query", r.URL.RawQuery),
			slog.Int("status", rec.statusOr200()),
			slog.Int("bytes", rec.bytes),
			slog.Duration("duration", time.Since(start)),
		)
	})
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
