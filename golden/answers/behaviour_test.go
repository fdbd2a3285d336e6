package answers

// Behavioural tests of the server's answers: every kind of response header,
// lists written as [] when nil, empty answers, a default answer's status, and
// Output interfaces that accept their own operation's answers only.

import (
	"context"
	"net/http"
	"net/http/httptest"
	"reflect"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// reports answers each operation with the answer the test sets.
type reports struct {
	UnimplementedServer
	report GetReportOutput
	list   ListReportsOutput
}

func (s reports) GetReport(context.Context, GetReportInput) (GetReportOutput, error) {
	return s.report, nil
}

func (s reports) ListReports(context.Context, ListReportsInput) (ListReportsOutput, error) {
	return s.list, nil
}

func get(t *testing.T, s reports, path string) *httptest.ResponseRecorder {
	t.Helper()
	w := httptest.NewRecorder()
	NewHandler(s).ServeHTTP(w, httptest.NewRequest(http.MethodGet, path, nil))
	return w
}

func TestAnswerHeadersOfEveryKind(t *testing.T) {
	when := time.Date(2026, 12, 1, 17, 30, 0, 500, time.UTC)
	stamp := Stamp(when.Add(time.Hour))
	count, ratio, final, kind, note := 42, 0.25, true, KindWeekly, "hi"
	w := get(t, reports{report: GetReportOK{
		XID: "r1", XCount: &count, XRatio: &ratio, XFinal: &final, XWhen: &when, XStamp: &stamp,
		XKind: &kind, XTags: []string{"a", "b"}, XBlob: []byte("hello"), XMeta: &Meta{Note: &note},
		Body: []Line{{Text: "one"}},
	}}, "/reports/r1")
	require.Equal(t, http.StatusOK, w.Code)
	want := map[string]string{
		"X-Id": "r1", "X-Count": "42", "X-Ratio": "0.25", "X-Final": "true",
		"X-When": "2026-12-01T17:30:00.0000005Z", "X-Stamp": "2026-12-01T18:30:00.0000005Z",
		"X-Kind": "weekly", "X-Tags": `["a","b"]`, "X-Blob": "aGVsbG8=", "X-Meta": `{"note":"hi"}`,
	}
	for name, value := range want {
		require.Equal(t, value, w.Header().Get(name), name)
	}
	require.Equal(t, "application/json", w.Header().Get("Content-Type"))
	require.JSONEq(t, `[{"text":"one"}]`, w.Body.String())
}

func TestAnswerLeavesUnsetHeadersOut(t *testing.T) {
	w := get(t, reports{report: GetReportOK{}}, "/reports/r1")
	require.Equal(t, http.StatusOK, w.Code)
	require.Equal(t, []string{""}, w.Header().Values("X-Id"), "a required header is always sent")
	for _, name := range []string{"X-Count", "X-Ratio", "X-Final", "X-When", "X-Stamp", "X-Kind", "X-Tags", "X-Blob", "X-Meta"} {
		require.Empty(t, w.Header().Values(name), name)
	}
	require.Equal(t, "[]", w.Body.String(), "a nil list is an empty array")
}

func TestAnswerListsAreNeverNull(t *testing.T) {
	w := get(t, reports{list: ListReportsOK{}}, "/reports")
	require.Equal(t, "[]", w.Body.String())
	w = get(t, reports{list: ListReportsOK{Body: []string{"x"}}}, "/reports")
	require.Equal(t, `["x"]`, w.Body.String())
}

func TestAnswerWithoutBody(t *testing.T) {
	w := get(t, reports{report: GetReportNoContent{}}, "/reports/r1")
	require.Equal(t, http.StatusNoContent, w.Code)
	require.Empty(t, w.Body.String())
	require.Empty(t, w.Header().Get("Content-Type"))
}

func TestDefaultAnswerStatus(t *testing.T) {
	w := get(t, reports{report: GetReportDefault{Status: 418, Body: Meta{}}}, "/reports/r1")
	require.Equal(t, 418, w.Code)
	require.JSONEq(t, `{}`, w.Body.String())
	w = get(t, reports{report: GetReportDefault{Status: 99}}, "/reports/r1")
	require.Equal(t, http.StatusInternalServerError, w.Code, "a status outside the range is the server's mistake")
}

func TestOutputsAcceptTheirOwnAnswersOnly(t *testing.T) {
	report, list := reflect.TypeFor[GetReportOutput](), reflect.TypeFor[ListReportsOutput]()
	for _, answer := range []any{GetReportOK{}, GetReportNoContent{}, GetReportDefault{}} {
		require.True(t, reflect.TypeOf(answer).Implements(report))
		require.False(t, reflect.TypeOf(answer).Implements(list))
	}
	require.True(t, reflect.TypeFor[ListReportsOK]().Implements(list))
	require.False(t, reflect.TypeFor[ListReportsOK]().Implements(report))
}
