package nullable

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

// base holds the required properties; each case adds optional ones.
const base = `"id":"m1","firstname":"Ada","tags":["a"]`

func TestNullableOptionalAbsentNullValue(t *testing.T) {
	m := roundTrip[Member](t, `{`+base+`}`)
	require.True(t, m.Lastname.IsZero())
	require.False(t, m.Lastname.IsNull())
	_, ok := m.Lastname.Get()
	require.False(t, ok)

	m = roundTrip[Member](t, `{`+base+`,"lastname":null}`)
	require.False(t, m.Lastname.IsZero())
	require.True(t, m.Lastname.IsNull())
	_, ok = m.Lastname.Get()
	require.False(t, ok)

	m = roundTrip[Member](t, `{`+base+`,"lastname":"x"}`)
	require.False(t, m.Lastname.IsNull())
	v, ok := m.Lastname.Get()
	require.True(t, ok)
	require.Equal(t, "x", v)

	// The empty string is a value, not absent and not null.
	m = roundTrip[Member](t, `{`+base+`,"lastname":""}`)
	v, ok = m.Lastname.Get()
	require.True(t, ok)
	require.Equal(t, "", v)
}

func TestNullableConstructorsEncode(t *testing.T) {
	fn := "Ada"
	m := Member{ID: "m1", Firstname: &fn, Tags: []string{}}
	out, err := json.Marshal(m)
	require.NoError(t, err)
	require.JSONEq(t, `{"id":"m1","firstname":"Ada","tags":[]}`, string(out))

	m.Lastname = Null[string]()
	out, err = json.Marshal(m)
	require.NoError(t, err)
	require.JSONEq(t, `{"id":"m1","firstname":"Ada","tags":[],"lastname":null}`, string(out))

	m.Lastname = NewNullable("Lovelace")
	out, err = json.Marshal(m)
	require.NoError(t, err)
	require.JSONEq(t, `{"id":"m1","firstname":"Ada","tags":[],"lastname":"Lovelace"}`, string(out))
}

func TestNullableRequiredPointer(t *testing.T) {
	// Required and nullable: nil is encoded as an explicit null, never omitted.
	m := roundTrip[Member](t, `{"id":"m1","firstname":null,"tags":[]}`)
	require.Nil(t, m.Firstname)
	out, err := json.Marshal(Member{ID: "m2", Tags: []string{"t"}})
	require.NoError(t, err)
	require.JSONEq(t, `{"id":"m2","firstname":null,"tags":["t"]}`, string(out))

	m = roundTrip[Member](t, `{"id":"m1","firstname":"","tags":[]}`)
	require.NotNil(t, m.Firstname)
	require.Equal(t, "", *m.Firstname)
}

func TestNullableOptionalPointer(t *testing.T) {
	m := roundTrip[Member](t, `{`+base+`}`)
	require.Nil(t, m.Nickname)
	m = roundTrip[Member](t, `{`+base+`,"nickname":""}`)
	require.NotNil(t, m.Nickname)
	require.Equal(t, "", *m.Nickname)
}

func TestNullableArrays(t *testing.T) {
	// Optional array: absent and [] stay apart.
	m := roundTrip[Member](t, `{`+base+`}`)
	require.Nil(t, m.Aliases)
	m = roundTrip[Member](t, `{`+base+`,"aliases":[]}`)
	require.NotNil(t, m.Aliases)
	require.Empty(t, m.Aliases)
	m = roundTrip[Member](t, `{`+base+`,"aliases":["x","y"]}`)
	require.Equal(t, []string{"x", "y"}, m.Aliases)

	// Optional nullable array: absent, null, [] and a value stay apart.
	m = roundTrip[Member](t, `{`+base+`}`)
	require.True(t, m.Scores.IsZero())
	m = roundTrip[Member](t, `{`+base+`,"scores":null}`)
	require.True(t, m.Scores.IsNull())
	m = roundTrip[Member](t, `{`+base+`,"scores":[]}`)
	s, ok := m.Scores.Get()
	require.True(t, ok)
	require.NotNil(t, s)
	require.Empty(t, s)
	m = roundTrip[Member](t, `{`+base+`,"scores":[1,2,3]}`)
	s, ok = m.Scores.Get()
	require.True(t, ok)
	require.Equal(t, []int{1, 2, 3}, s)

	// Required array: an empty array stays an empty array.
	m = roundTrip[Member](t, `{"id":"m1","firstname":"Ada","tags":[]}`)
	require.NotNil(t, m.Tags)
	require.Empty(t, m.Tags)
}

func TestNullableEverythingSet(t *testing.T) {
	roundTrip[Member](t, `{"id":"m1","firstname":"Ada","nickname":"A","lastname":"L","tags":["t"],"aliases":["al"],"scores":[7]}`)
}

func TestNullableWrongTypeFails(t *testing.T) {
	var m Member
	require.Error(t, json.Unmarshal([]byte(`{`+base+`,"lastname":5}`), &m))
	require.Error(t, json.Unmarshal([]byte(`{`+base+`,"scores":["a"]}`), &m))
}
