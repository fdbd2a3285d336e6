package additionalprops

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

func TestAdditionalPropsTypedKept(t *testing.T) {
	l := roundTrip[Labeled](t, `{"name":"box","width":3,"height":-4,"zero":0}`)
	require.Equal(t, "box", l.Name)
	require.Equal(t, map[string]int{"width": 3, "height": -4, "zero": 0}, l.AdditionalProperties)

	l = roundTrip[Labeled](t, `{"name":"box"}`)
	require.Nil(t, l.AdditionalProperties)
	l = roundTrip[Labeled](t, `{"name":""}`)
	require.Equal(t, "", l.Name)
}

func TestAdditionalPropsListedNotDuplicated(t *testing.T) {
	// The listed property never lands in AdditionalProperties...
	l := decodeStrictT[Labeled](t, `{"name":"box","n":1}`)
	_, dup := l.AdditionalProperties["name"]
	require.False(t, dup)

	// ...and an AdditionalProperties entry named like a listed property does
	// not override or duplicate it.
	out, err := json.Marshal(Labeled{Name: "real", AdditionalProperties: map[string]int{"name": 5, "x": 1}})
	require.NoError(t, err)
	require.JSONEq(t, `{"name":"real","x":1}`, string(out))
	require.Equal(t, 1, bytes.Count(out, []byte(`"name"`)))

	out, err = json.Marshal(Open{ID: new(string), AdditionalProperties: map[string]any{"id": "shadow"}})
	require.NoError(t, err)
	require.JSONEq(t, `{"id":""}`, string(out))
}

func TestAdditionalPropsWrongTypeErrors(t *testing.T) {
	for _, in := range []string{
		`{"name":"box","width":"3"}`,
		`{"name":"box","width":1.5}`,
		`{"name":"box","width":{}}`,
	} {
		var l Labeled
		err := json.Unmarshal([]byte(in), &l)
		require.Error(t, err, in)
		if in == `{"name":"box","width":"3"}` {
			require.Contains(t, err.Error(), `"width"`)
		}
	}
	var l Labeled
	require.Error(t, json.Unmarshal([]byte(`{"name":5}`), &l))
}

func TestAdditionalPropsNullIsNotAnInteger(t *testing.T) {
	// additionalProperties: {type: integer} does not allow null.
	in := `{"name":"box","width":null}`
	var l Labeled
	err := json.Unmarshal([]byte(in), &l)
	if err == nil {
		out, _ := json.Marshal(l)
		t.Fatalf("Labeled decodes %s without error into AdditionalProperties=%v and re-encodes it as %s; expected an error (null is not an integer), as for \"width\":\"3\"", in, l.AdditionalProperties, out)
	}
	require.Error(t, err)
}

func TestAdditionalPropsOpenAny(t *testing.T) {
	in := `{"id":"o1","n":1.5,"s":"x","b":true,"z":null,"arr":[1,{"k":"v"}],"obj":{"nested":{}}}`
	o := roundTrip[Open](t, in)
	require.Equal(t, "o1", *o.ID)
	require.Len(t, o.AdditionalProperties, 6)
	require.Equal(t, 1.5, o.AdditionalProperties["n"])
	require.Contains(t, o.AdditionalProperties, "z")
	require.Nil(t, o.AdditionalProperties["z"])
	_, dup := o.AdditionalProperties["id"]
	require.False(t, dup)

	o = roundTrip[Open](t, `{"extra":"only"}`)
	require.Nil(t, o.ID)
	roundTrip[Open](t, `{}`)
}

func TestAdditionalPropsInSlice(t *testing.T) {
	roundTrip[[]Labeled](t, `[{"name":"a","x":1},{"name":"b"}]`)
	roundTrip[map[string]Open](t, `{"k":{"id":"1","more":[true]}}`)
}

func TestAdditionalPropsNamesAreCaseSensitive(t *testing.T) {
	// "ID" is not the listed property "id": it is an additional property.
	in := `{"ID":"upper"}`
	var o Open
	require.NoError(t, json.Unmarshal([]byte(in), &o))
	out, err := json.Marshal(o)
	require.NoError(t, err)
	if o.ID != nil {
		t.Fatalf("Open decodes %s into ID=%q and AdditionalProperties=%v and re-encodes it as %s; expected ID nil, AdditionalProperties {\"ID\":\"upper\"}, output %s (encoding/json matches listed names case-insensitively)", in, *o.ID, o.AdditionalProperties, out, in)
	}
	require.JSONEq(t, in, string(out))
}

func TestAdditionalPropsCaseVariantOfTypedListedName(t *testing.T) {
	in := `{"name":"box","NAME":7}`
	var l Labeled
	err := json.Unmarshal([]byte(in), &l)
	if err != nil || l.Name != "box" {
		t.Fatalf("Labeled.UnmarshalJSON(%s) gives Name=%q, err=%v; expected Name \"box\" and AdditionalProperties {\"NAME\":7} (the case-insensitive match of \"NAME\" onto name)", in, l.Name, err)
	}
	require.Equal(t, map[string]int{"NAME": 7}, l.AdditionalProperties)
}

// TestAdditionalPropsListedWrongTypeNamed: a listed property that does not
// decode is an error naming it, and the value is left as the decoder found it.
func TestAdditionalPropsListedWrongTypeNamed(t *testing.T) {
	var l Labeled
	err := json.Unmarshal([]byte(`{"width":3,"name":7}`), &l)
	require.ErrorContains(t, err, `property "name": `)
	require.NoError(t, json.Unmarshal([]byte(`{"width":3}`), &l))
	require.Equal(t, map[string]int{"width": 3}, l.AdditionalProperties)
}
