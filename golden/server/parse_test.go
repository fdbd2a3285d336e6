package server

// The parse functions the handler reads parameter text with: each names the
// problem of a text that is not a value of its type, the range of the type
// included.

import (
	"testing"

	"github.com/stretchr/testify/require"
)

func TestParseIntRange(t *testing.T) {
	v, problem := serverParseIntOf[int32]("2147483647")
	require.Equal(t, int32(2147483647), v)
	require.Empty(t, problem)
	_, problem = serverParseIntOf[int32]("2147483648")
	require.Equal(t, "is out of range for an integer", problem)
	_, problem = serverParseIntOf[int64]("9223372036854775808")
	require.Equal(t, "is out of range for an integer", problem)
	_, problem = serverParseIntOf[int]("+1")
	require.Equal(t, "must be an integer", problem)
	_, problem = serverParseIntOf[int]("1.5")
	require.Equal(t, "must be an integer", problem)
}

func TestParseFloatPrecision(t *testing.T) {
	f32, problem := serverParseFloatOf[float32]("0.1")
	require.Empty(t, problem)
	require.Equal(t, float32(0.1), f32)
	_, problem = serverParseFloatOf[float32]("1e39")
	require.Equal(t, "must be a number", problem, "beyond float32")
	f64, problem := serverParseFloatOf[float64]("1e39")
	require.Empty(t, problem)
	require.Equal(t, 1e39, f64)
	for _, s := range []string{"NaN", "+1", "Inf", "x"} {
		_, problem = serverParseFloatOf[float64](s)
		require.Equal(t, "must be a number", problem, s)
	}
}

func TestParseBoolAndText(t *testing.T) {
	b, problem := serverParseBoolOf[bool]("false")
	require.False(t, b)
	require.Empty(t, problem)
	_, problem = serverParseBoolOf[bool]("TRUE")
	require.Equal(t, "must be true or false", problem)
	view, problem := serverTextOf[View]("brief")
	require.Equal(t, ViewBrief, view)
	require.Empty(t, problem)
}
