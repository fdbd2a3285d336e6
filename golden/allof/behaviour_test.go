package allof

import (
	"bytes"
	"encoding/json"
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

func TestAllOfMergedFields(t *testing.T) {
	// Every property of Base, Named and the inline member is a field of Person.
	p := roundTrip[Person](t, `{"id":"p1","createdAt":"2024-02-29T12:30:00Z","name":"Ada","age":36}`)
	require.Equal(t, "p1", p.ID)
	require.Equal(t, "Ada", p.Name)
	require.NotNil(t, p.Age)
	require.Equal(t, int32(36), *p.Age)
	require.NotNil(t, p.CreatedAt)
	require.True(t, p.CreatedAt.Equal(time.Date(2024, 2, 29, 12, 30, 0, 0, time.UTC)))
}

func TestAllOfRequiredUnion(t *testing.T) {
	// id (from Base) and name (required by the inline member although
	// declared optional in Named) are required: held by value, never omitted.
	var _ string = Person{}.ID
	var _ string = Person{}.Name
	out, err := json.Marshal(Person{})
	require.NoError(t, err)
	require.JSONEq(t, `{"id":"","name":""}`, string(out))

	// Optional ones stay optional.
	p := roundTrip[Person](t, `{"id":"p1","name":"Ada"}`)
	require.Nil(t, p.Age)
	require.Nil(t, p.CreatedAt)

	// The members stay usable on their own with their own optionality.
	out, err = json.Marshal(Named{})
	require.NoError(t, err)
	require.JSONEq(t, `{}`, string(out))
	out, err = json.Marshal(Base{ID: "b"})
	require.NoError(t, err)
	require.JSONEq(t, `{"id":"b"}`, string(out))
}

func TestAllOfInt32Bounds(t *testing.T) {
	var p Person
	require.Error(t, json.Unmarshal([]byte(`{"id":"p","name":"n","age":2147483648}`), &p))
	roundTrip[Person](t, `{"id":"p","name":"n","age":2147483647}`)
}

func TestAllOfSingleMemberIsTheMember(t *testing.T) {
	var _ *Person = Wrapper{}.Person
	w := roundTrip[Wrapper](t, `{"person":{"id":"p1","name":"Ada","age":3}}`)
	require.NotNil(t, w.Person)
	require.Equal(t, "Ada", w.Person.Name)
	w = roundTrip[Wrapper](t, `{}`)
	require.Nil(t, w.Person)
}
