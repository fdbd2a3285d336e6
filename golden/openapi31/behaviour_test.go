package openapi31

import (
	"bytes"
	"encoding/json"
	"errors"
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

	// Validate holds a const like any enum.
	gadget := ItemKind("gadget")
	err := (&Item{ID: "i", Kind: &gadget}).Validate()
	require.Error(t, err)
	require.Contains(t, err.Error(), `must be one of "widget"`)
	widget := ItemKindWidget
	require.NoError(t, (&Item{ID: "i", Kind: &widget}).Validate())
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
	require.Equal(t, 1.5, *a.Point.V0)
	require.Equal(t, 2.0, *a.Point.V1)
	require.Error(t, json.Unmarshal([]byte(`{"data":"not base64!"}`), &a))
}

func TestOpenAPI31DefsAndRefSiblings(t *testing.T) {
	a := roundTrip[Attachment](t, `{"data":"","owner":{"name":"ann"},"item":{"id":"i1","note":null}}`)
	require.Equal(t, "ann", *a.Owner.Name)
	require.Equal(t, "i1", a.Item.ID)
	// owner and reviewer $ref the same $defs member: one type.
	a = roundTrip[Attachment](t, `{"data":"","owner":{"name":"ann"},"reviewer":{"name":"bob"}}`)
	var reviewer *AttachmentOwner = a.Reviewer
	require.Equal(t, "bob", *reviewer.Name)
}

// A closed tuple (minItems = maxItems = 2) is a struct with one field per
// position that reads and writes a JSON array.
func TestOpenAPI31ClosedTupleIsAStructOnTheWireAnArray(t *testing.T) {
	s := roundTrip[Sample](t, `[1700000000,"n/a"]`)
	require.Equal(t, 1700000000, s.V0)
	require.Equal(t, "n/a", *s.V1.String)
	s = roundTrip[Sample](t, `[1700000000,42]`)
	require.Equal(t, 42, *s.V1.Int)

	out, err := json.Marshal(Sample{V0: 5, V1: SampleV1{Int: new(int)}})
	require.NoError(t, err)
	require.JSONEq(t, `[5,0]`, string(out))

	for _, bad := range []string{`[1]`, `[1,2,3]`, `{"0":1,"1":2}`, `["x",2]`} {
		var v Sample
		require.Error(t, json.Unmarshal([]byte(bad), &v), bad)
	}
}

// Each position is validated with its own constraints, at its position.
func TestOpenAPI31TupleValidatesPositionByPosition(t *testing.T) {
	s := decodeStrictT[Sample](t, `[-1,2]`)
	err := s.Validate()
	var verr *ValidationError
	require.True(t, errors.As(err, &verr), "%v", err)
	require.Len(t, verr.Problems, 1)
	require.Contains(t, verr.Error(), "0")
	require.Contains(t, verr.Error(), "at least 0")

	r := decodeStrictT[Route](t, `["",null,"ok",""]`)
	err = r.Validate()
	require.True(t, errors.As(err, &verr), "%v", err)
	require.Len(t, verr.Problems, 2, "the first end and the last stop are empty")
}

// An open tuple keeps the items after its positions in Rest, typed by items;
// positions after minItems may be absent, and absent trailing ones are not written.
func TestOpenAPI31OpenTupleRestAndOptionalPositions(t *testing.T) {
	r := roundTrip[Route](t, `["Paris",null,"Lyon","Nice"]`)
	require.Equal(t, "Paris", r.V0)
	require.True(t, r.V1.IsNull())
	require.Equal(t, []string{"Lyon", "Nice"}, r.Rest)

	r = roundTrip[Route](t, `["Paris"]`)
	require.True(t, r.V1.IsZero(), "absent")
	r = roundTrip[Route](t, `["Paris","Rome"]`)
	end, ok := r.V1.Get()
	require.True(t, ok)
	require.Equal(t, "Rome", end)

	out, err := json.Marshal(Route{V0: "A", Rest: []string{"C"}})
	require.NoError(t, err)
	require.JSONEq(t, `["A",null,"C"]`, string(out), "a stop after an absent end writes the end as null")

	var bad Route
	require.Error(t, json.Unmarshal([]byte(`[]`), &bad), "minItems 1")
	require.Error(t, json.Unmarshal([]byte(`["A",null,3]`), &bad), "items are strings")

	// Without items, what follows the positions is kept as it is.
	a := roundTrip[Attachment](t, `{"data":"","point":[1,2,{"z":3}]}`)
	require.Equal(t, []any{map[string]any{"z": 3.0}}, a.Point.Rest)
}

// items: false closes a tuple.
func TestOpenAPI31ItemsFalseClosesTheTuple(t *testing.T) {
	f := roundTrip[Flag](t, `[true]`)
	require.True(t, *f.V0)
	roundTrip[Flag](t, `[]`)
	var bad Flag
	require.Error(t, json.Unmarshal([]byte(`[true,false]`), &bad))
}

// A position of unknown type makes the tuple a list (with a warning).
func TestOpenAPI31TupleWithAnUntypedPositionIsAList(t *testing.T) {
	l := roundTrip[Loose](t, `["a",{"b":1},3]`)
	require.Len(t, l, 3)
}
