package openapi31

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

func TestOpenAPI31RequiredTypeArrayWithNull(t *testing.T) {
	// note: {type: [string, "null"]}, required: a pointer, nil is null.
	it := roundTrip[Item](t, `{"id":"i1","note":null}`)
	require.Nil(t, it.Note)
	it = roundTrip[Item](t, `{"id":"i1","note":"hello"}`)
	require.Equal(t, "hello", *it.Note)
	it = roundTrip[Item](t, `{"id":"i1","note":""}`)
	require.Equal(t, "", *it.Note)

	out, err := json.Marshal(Item{ID: "i2"})
	require.NoError(t, err)
	require.JSONEq(t, `{"id":"i2","note":null}`, string(out))
}

func TestOpenAPI31OptionalTypeArrayWithNull(t *testing.T) {
	// count: {type: [integer, "null"]}, optional: absent, null and a value.
	it := roundTrip[Item](t, `{"id":"i1","note":null}`)
	require.True(t, it.Count.IsZero())
	it = roundTrip[Item](t, `{"id":"i1","note":null,"count":null}`)
	require.True(t, it.Count.IsNull())
	it = roundTrip[Item](t, `{"id":"i1","note":null,"count":0}`)
	n, ok := it.Count.Get()
	require.True(t, ok)
	require.Equal(t, 0, n)

	out, err := json.Marshal(Item{ID: "i", Count: NewNullable(3)})
	require.NoError(t, err)
	require.JSONEq(t, `{"id":"i","note":null,"count":3}`, string(out))
	out, err = json.Marshal(Item{ID: "i", Count: Null[int]()})
	require.NoError(t, err)
	require.JSONEq(t, `{"id":"i","note":null,"count":null}`, string(out))

	var bad Item
	require.Error(t, json.Unmarshal([]byte(`{"id":"i","note":null,"count":"3"}`), &bad))
}

func TestOpenAPI31Const(t *testing.T) {
	require.Equal(t, ItemKind("widget"), ItemKindWidget)
	require.Equal(t, []ItemKind{"widget"}, ItemKindValues())
	require.True(t, ItemKindWidget.Valid())
	require.False(t, ItemKind("gadget").Valid())
	require.False(t, ItemKind("").Valid())

	it := roundTrip[Item](t, `{"id":"i1","note":null,"kind":"widget"}`)
	require.Equal(t, ItemKindWidget, *it.Kind)
	// Like any enum, another value still decodes and reports Valid() == false.
	it = roundTrip[Item](t, `{"id":"i1","note":null,"kind":"gadget"}`)
	require.False(t, it.Kind.Valid())
	it = roundTrip[Item](t, `{"id":"i1","note":null}`)
	require.Nil(t, it.Kind)
}

func TestOpenAPI31ArrayWithExamples(t *testing.T) {
	it := roundTrip[Item](t, `{"id":"i1","note":null,"tags":["a","b"]}`)
	require.Equal(t, []string{"a", "b"}, it.Tags)
	it = roundTrip[Item](t, `{"id":"i1","note":null,"tags":[]}`)
	require.NotNil(t, it.Tags)
}

func TestOpenAPI31RecursiveParent(t *testing.T) {
	it := roundTrip[Item](t, `{"id":"c","note":null,"parent":{"id":"p","note":"root","parent":{"id":"gp","note":null}}}`)
	parent, ok := it.Parent.Get()
	require.True(t, ok)
	require.Equal(t, "p", parent.ID)
	grand, ok := parent.Parent.Get()
	require.True(t, ok)
	require.Equal(t, "gp", grand.ID)
	require.True(t, grand.Parent.IsZero(), "absent")
}

func TestOpenAPI31OptionalNullableParent(t *testing.T) {
	// parent: oneOf [Item, {type: "null"}], optional: absent and null are
	// different values, as for count (README: optional and nullable keeps
	// absent, null and a value apart).
	in := `{"id":"c","note":null,"parent":null}`
	var it Item
	require.NoError(t, json.Unmarshal([]byte(in), &it))
	out, err := json.Marshal(it)
	require.NoError(t, err)
	var got map[string]any
	require.NoError(t, json.Unmarshal(out, &got))
	if _, present := got["parent"]; !present {
		t.Fatalf("Item %s re-encodes as %s: the explicit null of the optional nullable recursive property parent (oneOf [Item, type null]) is lost, because it is held as *Item with omitempty instead of a type that keeps absent and null apart", in, out)
	}
	require.JSONEq(t, in, string(out))
}

func TestOpenAPI31ContentEncodingBase64IsBytes(t *testing.T) {
	// data: {type: string, contentEncoding: base64}: []byte, as format: byte.
	a := roundTrip[Attachment](t, `{"data":"iVBORw==","point":[1.5,2]}`)
	require.Equal(t, []byte{0x89, 'P', 'N', 'G'}, a.Data)
	require.Equal(t, []float64{1.5, 2}, a.Point)
	require.Error(t, json.Unmarshal([]byte(`{"data":"not base64!"}`), &a))
}

func TestOpenAPI31DefsAndRefSiblings(t *testing.T) {
	a := roundTrip[Attachment](t, `{"data":"","owner":{"name":"ann"},"item":{"id":"i1","note":null}}`)
	require.Equal(t, "ann", *a.Owner.Name)
	require.Equal(t, "i1", a.Item.ID)
}
