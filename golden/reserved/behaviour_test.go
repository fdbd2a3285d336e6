package reserved

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

func TestReservedClientModel(t *testing.T) {
	c := roundTrip[ClientModel](t, `{"type":"t","func":"f","map":"m"}`)
	require.Equal(t, "t", *c.Type)
	require.Equal(t, "f", *c.Func)
	require.Equal(t, "m", *c.Map)
	roundTrip[ClientModel](t, `{}`)
}

func TestReservedScalarModels(t *testing.T) {
	s := roundTrip[ServerModel](t, `"srv"`)
	require.Equal(t, ServerModel("srv"), s)
	n := roundTrip[NullableModel](t, `12`)
	require.Equal(t, NullableModel(12), n)
	var nm NullableModel
	require.Error(t, json.Unmarshal([]byte(`"12"`), &nm))
}

func TestReservedStringType(t *testing.T) {
	// Fields named like methods get a suffix but keep their JSON names; the
	// struct still encodes through encoding/json, not through a field.
	s := roundTrip[String](t, `{"range":true,"Validate":"v","MarshalJSON":"m"}`)
	require.True(t, *s.Range)
	require.Equal(t, "v", *s.Validate2)
	require.Equal(t, "m", *s.MarshalJSON2)

	out, err := json.Marshal(String{MarshalJSON2: new(string)})
	require.NoError(t, err)
	require.JSONEq(t, `{"MarshalJSON":""}`, string(out))

	// The type is not the predeclared string.
	var _ struct {
		MarshalJSON2 *string
		Validate2    *string
		Range        *bool
	} = struct {
		MarshalJSON2 *string
		Validate2    *string
		Range        *bool
	}(String{})
}
