package answers

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/require"
)

// A default answer's headers go out with its status; one whose status is out
// of range sends none of them: the answer is the server's mistake, a 500.
func TestDefaultAnswerHeadersOnlyInRange(t *testing.T) {
	trace := "t-1"
	w := get(t, reports{report: GetReportDefault{Status: 418, XTrace: &trace}}, "/reports/r1")
	require.Equal(t, 418, w.Code)
	require.Equal(t, "t-1", w.Header().Get("X-Trace"))
	w = get(t, reports{report: GetReportDefault{Status: 99, XTrace: &trace}}, "/reports/r1")
	require.Equal(t, http.StatusInternalServerError, w.Code)
	require.Empty(t, w.Header().Get("X-Trace"))
}
