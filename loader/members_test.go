package loader

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestValidMembersMatchEncodingJSON compares the scan with encoding/json's
// own reading of the same objects: the decoder's tokens for names and raw
// values, a decode into a map for the last-wins view.
func TestValidMembersMatchEncodingJSON(t *testing.T) {
	for _, doc := range []string{
		`{}`,
		` { } `,
		`{"a":1}`,
		"{\n\t\"a\" : [1, {\"b\": \"}]\\\"\"}] ,\r\n \"c\":null}",
		`{"x":true,"y":false,"z":-1.5e+3,"w":"\u00e9\"\\"}`,
		`{"p\u0061ths":{"/a":{}},"paths":{}}`,
		"{\"bad\xffname\":1,\"ok\":\"bad\xffvalue\"}",
		`{"nested":{"deep":[[[{"k":"v"}]]]},"after":{"x":"]"}}`,
		`{"dup":1,"dup":2}`,
	} {
		raw := []byte(doc)
		require.True(t, json.Valid(raw), doc)
		keys, values, ok := validMembers(raw)
		require.True(t, ok, doc)
		wantKeys, wantValues, _ := decoderMembers(t, raw)
		require.Equal(t, wantKeys, keys, doc)
		require.Equal(t, wantValues, values, doc)
		var want map[string]json.RawMessage
		require.NoError(t, json.Unmarshal(raw, &want))
		got, ok := memberMap(raw)
		require.True(t, ok)
		require.Equal(t, len(want), len(got), doc)
		for k, v := range want {
			require.JSONEq(t, string(v), string(got[k]), doc)
		}
	}
	_, _, ok := uniqueMembers([]byte(`{"dup":1,"d\u0075p":2}`))
	require.False(t, ok, "a repeated name, escaped or not, is refused")
	for _, notObject := range []string{`[]`, `"x"`, `1`, `null`, ``, `{`, `{"a"`, `{"a":`, `{"a":1`, `{"a":1,}`, `{"a" 1}`, `{"a":"x}`} {
		_, _, ok := validMembers([]byte(notObject))
		require.False(t, ok, notObject)
	}
}

// decoderMembers reads an object's members with json.Decoder's tokens,
// repeated names included.
func decoderMembers(t *testing.T, raw []byte) ([]string, []json.RawMessage, bool) {
	var keys []string
	var values []json.RawMessage
	dec := json.NewDecoder(bytes.NewReader(raw))
	tok, err := dec.Token()
	require.NoError(t, err)
	require.Equal(t, json.Delim('{'), tok)
	for dec.More() {
		tok, err := dec.Token()
		require.NoError(t, err)
		var v json.RawMessage
		require.NoError(t, dec.Decode(&v))
		keys, values = append(keys, tok.(string)), append(values, v)
	}
	if keys == nil {
		keys, values = []string{}, []json.RawMessage{}
	}
	return keys, values, true
}
