package collections

import (
	"bytes"
	"encoding/json"
	"testing"

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

func TestCollectionsNamedTypes(t *testing.T) {
	var _ []string = Tags{}
	var _ map[string]string = Labels{}
	tags := roundTrip[Tags](t, `["a","b",""]`)
	require.Equal(t, Tags{"a", "b", ""}, tags)
	labels := roundTrip[Labels](t, `{"env":"prod","":"empty key"}`)
	require.Equal(t, "prod", labels["env"])
	roundTrip[Labels](t, `{}`)

	var l Labels
	require.Error(t, json.Unmarshal([]byte(`{"n":1}`), &l))
}

func TestCollectionsInventoryFull(t *testing.T) {
	in := `{
		"counts":{"apples":9007199254740993,"pears":0,"debt":-3},
		"matrix":[[1,2.5],[],[-0.125]],
		"lines":[{"sku":"A1","qty":2},{}],
		"anything":{"deep":[1,"two",null,true]},
		"freeform":{"a":1,"b":{"c":[]},"n":null},
		"tags":["x"]
	}`
	inv := roundTrip[Inventory](t, in)
	require.Equal(t, int64(9007199254740993), inv.Counts["apples"], "int64 keeps precision beyond float64")
	require.Equal(t, [][]float64{{1, 2.5}, {}, {-0.125}}, inv.Matrix)
	require.Len(t, inv.Lines, 2)
	var line InventoryLinesItem = inv.Lines[0]
	require.Equal(t, "A1", *line.Sku)
	require.Equal(t, 2, *line.Qty)
	require.Nil(t, inv.Lines[1].Sku)
	require.Equal(t, map[string]any{"deep": []any{float64(1), "two", nil, true}}, inv.Anything)
	require.Equal(t, map[string]any{"a": float64(1), "b": map[string]any{"c": []any{}}, "n": nil}, inv.Freeform)
	require.Equal(t, Tags{"x"}, inv.Tags)
}

func TestCollectionsAbsentVersusEmpty(t *testing.T) {
	inv := roundTrip[Inventory](t, `{"counts":{}}`)
	require.NotNil(t, inv.Counts)
	require.Nil(t, inv.Matrix)
	require.Nil(t, inv.Lines)
	require.Nil(t, inv.Freeform)
	require.Nil(t, inv.Tags)
	require.Nil(t, inv.Anything)

	inv = roundTrip[Inventory](t, `{"counts":{},"matrix":[],"lines":[],"freeform":{},"tags":[]}`)
	require.NotNil(t, inv.Matrix)
	require.NotNil(t, inv.Lines)
	require.NotNil(t, inv.Freeform)
	require.NotNil(t, inv.Tags)
}

func TestCollectionsAnyValues(t *testing.T) {
	// A property without a type takes any JSON value.
	for _, v := range []string{`"s"`, `0`, `-1.5`, `false`, `true`, `[]`, `{}`, `[{"a":[null]}]`, `""`} {
		inv := roundTrip[Inventory](t, `{"counts":{},"anything":`+v+`}`)
		require.NotNil(t, inv.Anything, v)
	}
}

func TestCollectionsWrongTypesFail(t *testing.T) {
	for _, in := range []string{
		`{"counts":{"a":"1"}}`,
		`{"counts":{"a":1.5}}`,
		`{"counts":{},"matrix":[1]}`,
		`{"counts":{},"matrix":[["x"]]}`,
		`{"counts":{},"lines":[{"qty":"2"}]}`,
		`{"counts":{},"freeform":[]}`,
		`{"counts":{},"tags":"x"}`,
	} {
		var inv Inventory
		require.Error(t, json.Unmarshal([]byte(in), &inv), in)
	}
}
