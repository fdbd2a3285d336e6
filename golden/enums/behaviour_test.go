package enums

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/require"
)

// decodeStrict decodes data into a new T and fails on unknown properties.
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

func TestEnumConstantValues(t *testing.T) {
	require.Equal(t, Employees("1-20"), Employees1To20)
	require.Equal(t, Employees("21-50"), Employees21To50)
	require.Equal(t, Employees("More than 10,000"), EmployeesMoreThan10000)
	require.Equal(t, Employees("Evaluator/Recommender"), EmployeesEvaluatorRecommender)
	require.Equal(t, Employees("en-US"), EmployeesEnUS)
	require.Equal(t, Employees(""), EmployeesEmpty)

	require.Equal(t, Priority(1), Priority1)
	require.Equal(t, Priority(2), Priority2)
	require.Equal(t, Priority(3), Priority3)

	// x-enum-varnames names the constants.
	require.Equal(t, Named("a"), NamedAlpha)
	require.Equal(t, Named("b"), NamedBeta)

	// The constant for "Values" would be CollidesValues, which is a type.
	require.Equal(t, Collides("Values"), CollidesValues2)
	var _ CollidesValues = "plain string type"

	require.Equal(t, HolderInline("on"), HolderInlineOn)
	require.Equal(t, HolderInline("off"), HolderInlineOff)
}

func TestEnumValuesOrder(t *testing.T) {
	require.Equal(t, []Employees{"1-20", "21-50", "More than 10,000", "Evaluator/Recommender", "en-US", ""}, EmployeesValues())
	require.Equal(t, []Priority{1, 2, 3}, PriorityValues())
	require.Equal(t, []Ratio{0.5, 1, 2.5}, RatioValues())
	require.Equal(t, []Named{"a", "b"}, NamedValues())
	require.Equal(t, []Collides{"Values"}, CollidesValues3())
	require.Equal(t, []HolderInline{"on", "off"}, HolderInlineValues())
}

func TestEnumValid(t *testing.T) {
	for _, v := range EmployeesValues() {
		require.True(t, v.Valid(), "%q", v)
	}
	for _, v := range []Employees{"1-21", "1To20", "Employees1To20", "en-us", " "} {
		require.False(t, v.Valid(), "%q", v)
	}
	for _, v := range PriorityValues() {
		require.True(t, v.Valid(), "%d", v)
	}
	for _, v := range []Priority{0, 4, -1} {
		require.False(t, v.Valid(), "%d", v)
	}
	for _, v := range RatioValues() {
		require.True(t, v.Valid(), "%g", v)
	}
	for _, v := range []Ratio{0, 0.4, 2} {
		require.False(t, v.Valid(), "%g", v)
	}
	require.True(t, NamedAlpha.Valid())
	require.False(t, Named("Alpha").Valid(), "the Go name is not a value")
	require.True(t, CollidesValues2.Valid())
	require.False(t, Collides("values").Valid())
	require.True(t, HolderInlineOff.Valid())
	require.False(t, HolderInline("OFF").Valid())
}

func TestEnumUnknownValuesRoundTrip(t *testing.T) {
	h := roundTrip[Holder](t, `{"size":"5000+","inline":"auto"}`)
	require.Equal(t, Employees("5000+"), h.Size)
	require.False(t, h.Size.Valid())
	require.NotNil(t, h.Inline)
	require.Equal(t, HolderInline("auto"), *h.Inline)
	require.False(t, h.Inline.Valid())

	var p Priority
	require.NoError(t, json.Unmarshal([]byte(`42`), &p))
	require.Equal(t, Priority(42), p)
	require.False(t, p.Valid())
	out, err := json.Marshal(p)
	require.NoError(t, err)
	require.Equal(t, `42`, string(out))
}

func TestEnumKnownValuesRoundTrip(t *testing.T) {
	h := roundTrip[Holder](t, `{"size":"More than 10,000","inline":"on"}`)
	require.Equal(t, EmployeesMoreThan10000, h.Size)
	require.Equal(t, HolderInlineOn, *h.Inline)

	// The empty string is a listed value and a required property keeps it.
	h = roundTrip[Holder](t, `{"size":""}`)
	require.Equal(t, EmployeesEmpty, h.Size)
	require.True(t, h.Size.Valid())
	require.Nil(t, h.Inline)

	out, err := json.Marshal(Holder{Size: Employees1To20})
	require.NoError(t, err)
	require.JSONEq(t, `{"size":"1-20"}`, string(out))
}

func TestEnumWrongJSONKindFails(t *testing.T) {
	var h Holder
	require.Error(t, json.Unmarshal([]byte(`{"size":5}`), &h))
	var p Priority
	require.Error(t, json.Unmarshal([]byte(`"1"`), &p))
	require.Error(t, json.Unmarshal([]byte(`1.5`), &p))
}

func TestEnumValidate(t *testing.T) {
	require.NoError(t, HolderInlineOn.Validate())
	require.NoError(t, PriorityValues()[2].Validate())
	var ve *ValidationError
	require.ErrorAs(t, Priority(7).Validate(), &ve)
	require.Equal(t, []Problem{{In: "body", Name: "", Problem: "must be one of 1, 2, 3"}}, ve.Problems)

	// A struct checks its enum members in place, at their paths.
	inline := HolderInline("auto")
	err := (&Holder{Size: "5000+", Inline: &inline}).Validate()
	require.ErrorAs(t, err, &ve)
	require.Equal(t, []Problem{
		{In: "body", Name: "/inline", Problem: `must be one of "on", "off"`},
		{In: "body", Name: "/size", Problem: `must be one of "1-20", "21-50", "More than 10,000", "Evaluator/Recommender", "en-US", ""`},
	}, ve.Problems)
	require.NoError(t, (&Holder{Size: EmployeesEmpty, Inline: nil}).Validate())
}
