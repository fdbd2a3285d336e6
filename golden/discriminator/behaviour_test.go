package discriminator

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

func TestDiscriminatorMapping(t *testing.T) {
	p := roundTrip[Pet](t, `{"kind":"cat","lives":9}`)
	require.NotNil(t, p.Cat)
	require.Nil(t, p.Dog)
	require.Equal(t, Cat{Kind: "cat", Lives: 9}, *p.Cat)

	// Two mapping values select the same schema; the value itself is kept.
	p = roundTrip[Pet](t, `{"kind":"kitten","lives":1}`)
	require.NotNil(t, p.Cat)
	require.Equal(t, "kitten", p.Cat.Kind)

	p = roundTrip[Pet](t, `{"kind":"dog","good":true}`)
	require.Nil(t, p.Cat)
	require.NotNil(t, p.Dog)
	require.True(t, *p.Dog.Good)

	p = roundTrip[Pet](t, `{"kind":"dog"}`)
	require.NotNil(t, p.Dog)
	require.Nil(t, p.Dog.Good)
}

func TestDiscriminatorSchemaNames(t *testing.T) {
	a := roundTrip[Animal](t, `{"kind":"Cat","lives":7}`)
	require.NotNil(t, a.Cat)
	require.Nil(t, a.Dog)
	require.Equal(t, 7, a.Cat.Lives)

	a = roundTrip[Animal](t, `{"kind":"Dog","good":false}`)
	require.NotNil(t, a.Dog)
	require.Nil(t, a.Cat)
	require.False(t, *a.Dog.Good)

	// Property order does not matter.
	a = roundTrip[Animal](t, `{"lives":2,"kind":"Cat"}`)
	require.NotNil(t, a.Cat)
}

func TestDiscriminatorUnknownOrMissingErrors(t *testing.T) {
	for _, in := range []string{
		`{"kind":"cow"}`,
		`{"kind":"cat","lives":9}`, // values are case-sensitive: Animal knows "Cat"
		`{"lives":9}`,
		`{"kind":""}`,
		`{"kind":null}`,
		`{"kind":1}`,
		`"cat"`,
		`[]`,
		`null`,
	} {
		var a Animal
		require.Error(t, json.Unmarshal([]byte(in), &a), "Animal %s", in)
	}
	var p Pet
	err := json.Unmarshal([]byte(`{"kind":"horse"}`), &p)
	require.Error(t, err)
	require.Contains(t, err.Error(), "horse")
	require.Error(t, json.Unmarshal([]byte(`{"kind":"Kitten","lives":1}`), &p))
	require.Error(t, json.Unmarshal([]byte(`{"good":true}`), &p), "a missing discriminator selects nothing")
}

func TestDiscriminatorWrongVariantBodyErrors(t *testing.T) {
	var p Pet
	require.Error(t, json.Unmarshal([]byte(`{"kind":"cat","lives":"nine"}`), &p))
}

func TestDiscriminatorMarshal(t *testing.T) {
	_, err := json.Marshal(Pet{})
	require.Error(t, err)
	_, err = json.Marshal(Animal{})
	require.Error(t, err)

	out, err := json.Marshal(Pet{Cat: &Cat{Kind: "kitten", Lives: 2}})
	require.NoError(t, err)
	require.JSONEq(t, `{"kind":"kitten","lives":2}`, string(out))

	out, err = json.Marshal([]Animal{{Dog: &Dog{Kind: "Dog"}}, {Cat: &Cat{Kind: "Cat", Lives: 1}}})
	require.NoError(t, err)
	require.JSONEq(t, `[{"kind":"Dog"},{"kind":"Cat","lives":1}]`, string(out))
}

func TestDiscriminatorInSlice(t *testing.T) {
	ps := roundTrip[[]Pet](t, `[{"kind":"cat","lives":1},{"kind":"dog"},{"kind":"kitten","lives":9}]`)
	require.NotNil(t, ps[0].Cat)
	require.NotNil(t, ps[1].Dog)
	require.NotNil(t, ps[2].Cat)
}
