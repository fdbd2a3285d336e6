package formats

import (
	"bytes"
	"encoding/json"
	"math"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

func decodeStrictT[T any](t *testing.T, data string) T {
	t.Helper()
	var v T
	dec := json.NewDecoder(bytes.NewReader([]byte(data)))
	dec.DisallowUnknownFields()
	require.NoError(t, dec.Decode(&v))
	return v
}

func roundTrip[T any](t *testing.T, data string) T {
	t.Helper()
	v := decodeStrictT[T](t, data)
	out, err := json.Marshal(v)
	require.NoError(t, err)
	require.JSONEq(t, data, string(out))
	return v
}

func TestFormatsDateTime(t *testing.T) {
	// RFC 3339 strings keep their exact text: offset and fractional seconds.
	for _, s := range []string{
		"2024-05-01T10:00:00Z",
		"2024-05-01T10:00:00+02:00",
		"2024-05-01T10:00:00.123456789-07:30",
		"2025-05-15T01:22:21.411Z",
	} {
		e := roundTrip[Everything](t, `{"when":"`+s+`"}`)
		want, err := time.Parse(time.RFC3339Nano, s)
		require.NoError(t, err)
		require.True(t, want.Equal(e.When), s)
	}
	var _ time.Time = Everything{}.When

	var e Everything
	require.Error(t, json.Unmarshal([]byte(`{"when":"2024-05-01"}`), &e))
	require.Error(t, json.Unmarshal([]byte(`{"when":1714557600}`), &e))
}

func TestFormatsBytesBase64(t *testing.T) {
	e := roundTrip[Everything](t, `{"when":"2024-05-01T10:00:00Z","blob":"AAEC/w==","file":"aGVsbG8="}`)
	require.Equal(t, []byte{0, 1, 2, 255}, e.Blob)
	require.Equal(t, []byte("hello"), e.File)

	out, err := json.Marshal(Everything{Blob: []byte("hi"), When: time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC)})
	require.NoError(t, err)
	require.JSONEq(t, `{"when":"2024-01-02T03:04:05Z","blob":"aGk="}`, string(out))

	// Absent and the empty string stay apart.
	e = roundTrip[Everything](t, `{"when":"2024-05-01T10:00:00Z","blob":""}`)
	require.NotNil(t, e.Blob)
	require.Empty(t, e.Blob)
	e = roundTrip[Everything](t, `{"when":"2024-05-01T10:00:00Z"}`)
	require.Nil(t, e.Blob)

	require.Error(t, json.Unmarshal([]byte(`{"when":"2024-05-01T10:00:00Z","blob":"not base64!"}`), &e))
}

func TestFormatsNumbers(t *testing.T) {
	in := `{"when":"2024-05-01T10:00:00Z","small":2147483647,"big":9223372036854775807,"plain":-5,"unix":1714557600,"ratio":0.1,"amount":12.345,"flag":false}`
	e := roundTrip[Everything](t, in)
	require.Equal(t, int32(math.MaxInt32), *e.Small)
	require.Equal(t, int64(math.MaxInt64), *e.Big)
	require.Equal(t, -5, *e.Plain)
	require.Equal(t, int64(1714557600), *e.Unix)
	require.Equal(t, float32(0.1), *e.Ratio)
	require.Equal(t, 12.345, *e.Amount)
	require.False(t, *e.Flag)

	// float32 encodes with float32 precision: 0.1, not 0.10000000149011612.
	ratio := float32(0.1)
	out, err := json.Marshal(Everything{Ratio: &ratio})
	require.NoError(t, err)
	require.Contains(t, string(out), `"ratio":0.1,`)

	for _, bad := range []string{
		`{"when":"2024-05-01T10:00:00Z","small":2147483648}`,
		`{"when":"2024-05-01T10:00:00Z","big":9223372036854775808}`,
		`{"when":"2024-05-01T10:00:00Z","plain":1.5}`,
		`{"when":"2024-05-01T10:00:00Z","unix":"1714557600"}`,
		`{"when":"2024-05-01T10:00:00Z","flag":"true"}`,
	} {
		var e Everything
		require.Error(t, json.Unmarshal([]byte(bad), &e), bad)
	}
}

func TestFormatsStringFormatsStayStrings(t *testing.T) {
	e := roundTrip[Everything](t, `{"when":"2024-05-01T10:00:00Z","day":"2024-05-01","email":"a@example.com","uuid":"123e4567-e89b-12d3-a456-426614174000"}`)
	var _ *string = e.Day
	require.Equal(t, "2024-05-01", *e.Day)
	require.Equal(t, "a@example.com", *e.Email)
	require.Equal(t, "123e4567-e89b-12d3-a456-426614174000", *e.UUID)
}

func TestFormatsZeroValueKeepsRequiredOnly(t *testing.T) {
	out, err := json.Marshal(Everything{})
	require.NoError(t, err)
	require.JSONEq(t, `{"when":"0001-01-01T00:00:00Z"}`, string(out))
}
