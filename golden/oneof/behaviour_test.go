package oneof

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

func TestOneOfObjectsPickTheirVariant(t *testing.T) {
	c := roundTrip[Contact](t, `{"email":"a@example.com","name":"Ada"}`)
	require.NotNil(t, c.ByEmail)
	require.Nil(t, c.ByPhone)
	require.Nil(t, c.String)
	require.Nil(t, c.Int)
	require.Equal(t, "a@example.com", c.ByEmail.Email)
	require.Equal(t, "Ada", *c.ByEmail.Name)

	c = roundTrip[Contact](t, `{"email":"a@example.com"}`)
	require.NotNil(t, c.ByEmail)

	// ByEmail does not know "phone", so strict decoding moves on to ByPhone.
	c = roundTrip[Contact](t, `{"phone":"+33 1 23 45 67 89"}`)
	require.Nil(t, c.ByEmail)
	require.NotNil(t, c.ByPhone)
	require.Equal(t, "+33 1 23 45 67 89", c.ByPhone.Phone)
}

func TestOneOfScalars(t *testing.T) {
	c := roundTrip[Contact](t, `"someone"`)
	require.NotNil(t, c.String)
	require.Equal(t, "someone", *c.String)
	require.Nil(t, c.ByEmail)
	require.Nil(t, c.Int)

	c = roundTrip[Contact](t, `""`)
	require.NotNil(t, c.String)

	c = roundTrip[Contact](t, `42`)
	require.NotNil(t, c.Int)
	require.Equal(t, 42, *c.Int)
	require.Nil(t, c.String)

	c = roundTrip[Contact](t, `-7`)
	require.Equal(t, -7, *c.Int)
}

func TestOneOfNoMatchErrors(t *testing.T) {
	for _, in := range []string{`true`, `false`, `null`, `[1]`, `1.5`} {
		var c Contact
		err := json.Unmarshal([]byte(in), &c)
		require.Error(t, err, "input %s", in)
		require.Contains(t, err.Error(), "Contact")
	}
}

func TestOneOfDecodeResetsPreviousVariant(t *testing.T) {
	var c Contact
	require.NoError(t, json.Unmarshal([]byte(`"x"`), &c))
	require.NoError(t, json.Unmarshal([]byte(`7`), &c))
	require.Nil(t, c.String)
	require.NotNil(t, c.Int)
}

func TestOneOfMarshal(t *testing.T) {
	_, err := json.Marshal(Contact{})
	require.Error(t, err)
	_, err = json.Marshal(Flexible{})
	require.Error(t, err)

	s := "x"
	out, err := json.Marshal(Contact{String: &s})
	require.NoError(t, err)
	require.Equal(t, `"x"`, string(out))

	out, err = json.Marshal(Contact{ByPhone: &ByPhone{Phone: "1"}})
	require.NoError(t, err)
	require.JSONEq(t, `{"phone":"1"}`, string(out))

	// As a field of a slice too.
	out, err = json.Marshal([]Contact{{String: &s}, {ByEmail: &ByEmail{Email: "e"}}})
	require.NoError(t, err)
	require.JSONEq(t, `["x",{"email":"e"}]`, string(out))
}

func TestOneOfInSlice(t *testing.T) {
	cs := roundTrip[[]Contact](t, `[{"email":"e"},{"phone":"p"},"s",3]`)
	require.NotNil(t, cs[0].ByEmail)
	require.NotNil(t, cs[1].ByPhone)
	require.NotNil(t, cs[2].String)
	require.NotNil(t, cs[3].Int)
}

func TestOneOfObjectMissingRequiredProperties(t *testing.T) {
	// Neither ByEmail (requires email) nor ByPhone (requires phone) validates
	// {"name":"Ada"} or {}, so a oneOf must reject them.
	for _, in := range []string{`{"name":"Ada"}`, `{}`} {
		var c Contact
		err := json.Unmarshal([]byte(in), &c)
		if err == nil {
			out, _ := json.Marshal(c)
			t.Fatalf("Contact decodes %s without error into ByEmail (email is required) and re-encodes it as %s; expected an error: no variant has its required properties", in, out)
		}
		require.Error(t, err)
	}
}

func TestAnyOf(t *testing.T) {
	f := roundTrip[Flexible](t, `{"code":7}`)
	require.NotNil(t, f.FlexibleOption1)
	require.Equal(t, 7, *f.FlexibleOption1.Code)
	require.Nil(t, f.Bool)

	f = roundTrip[Flexible](t, `{}`)
	require.NotNil(t, f.FlexibleOption1)

	f = roundTrip[Flexible](t, `true`)
	require.NotNil(t, f.Bool)
	require.True(t, *f.Bool)
	f = roundTrip[Flexible](t, `false`)
	require.NotNil(t, f.Bool)
	require.False(t, *f.Bool)

	for _, in := range []string{`"s"`, `1`, `null`, `[]`} {
		var f Flexible
		require.Error(t, json.Unmarshal([]byte(in), &f), "input %s", in)
	}
	var fl Flexible
	require.Error(t, json.Unmarshal([]byte(`{"code":"seven"}`), &fl), "a wrongly typed known property matches no variant")
}

func TestAnyOfExtraPropertiesAccepted(t *testing.T) {
	// The anyOf's inline object does not forbid other properties; the lenient
	// fallback accepts the object (the extra property is not kept, as the
	// schema declares no additionalProperties).
	var f Flexible
	require.NoError(t, json.Unmarshal([]byte(`{"code":1,"extra":true}`), &f))
	require.NotNil(t, f.FlexibleOption1)
	require.Equal(t, 1, *f.FlexibleOption1.Code)
}

// TestOneOfPrefersTheVariantThatKnowsEveryProperty: Cat comes first and has
// its required name, but only Dog knows "barks".
func TestOneOfPrefersTheVariantThatKnowsEveryProperty(t *testing.T) {
	p := roundTrip[Pet](t, `{"name":"Rex","barks":true}`)
	require.Nil(t, p.Cat)
	require.NotNil(t, p.Dog)
	p = roundTrip[Pet](t, `{"name":"Tom"}`)
	require.NotNil(t, p.Cat)
	var loose Pet
	require.NoError(t, json.Unmarshal([]byte(`{"name":"Max","wags":true}`), &loose))
	require.NotNil(t, loose.Cat, "no variant knows wags: the first whose required properties are there")
}
