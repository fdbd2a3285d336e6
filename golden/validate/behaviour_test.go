package validate

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/require"
)

func ptr[T any](v T) *T { return &v }

// problemsOf validates v and returns the JSON pointers of its problems.
func problemsOf(t *testing.T, v *Limits) []string {
	t.Helper()
	err := v.Validate()
	if err == nil {
		return nil
	}
	var ve *ValidationError
	require.True(t, errors.As(err, &ve), "%T", err)
	var names []string
	for _, p := range ve.Problems {
		names = append(names, p.Name)
	}
	return names
}

func valid() *Limits {
	return &Limits{Exact: 1, Items: []Code{"ABC"}}
}

func TestValidValuePasses(t *testing.T) {
	v := valid()
	v.Email, v.ID, v.Day = ptr("a@example.com"), ptr("0b8a3f6e-5f4c-4c4e-9b0a-1d2e3f4a5b6c"), ptr("2025-05-15")
	v.V4, v.V6, v.Home = ptr("10.0.0.1"), ptr("::1"), ptr("https://example.com/x")
	v.Open, v.Step, v.Fraction = ptr(0.5), ptr(10), ptr(0.75)
	v.Tags = Tags{"a", "b"}
	v.ByName = map[string]Level{"x": Level2}
	v.People = []Person{{Email: ptr("a@example.com")}, {Email: ptr("b@example.com")}}
	require.Empty(t, problemsOf(t, v))
}

// TestEveryConstraintIsChecked breaks one constraint at a time and expects
// a problem at its pointer.
func TestEveryConstraintIsChecked(t *testing.T) {
	cases := map[string]func(v *Limits){
		"/exact":          func(v *Limits) { v.Exact = 6 },
		"/open":           func(v *Limits) { v.Open = ptr(1.0) },
		"/step":           func(v *Limits) { v.Step = ptr(7) },
		"/fraction":       func(v *Limits) { v.Fraction = ptr(0.3) },
		"/items/0":        func(v *Limits) { v.Items = []Code{"abc"} },
		"/grid/1":         func(v *Limits) { v.Grid = [][]int{{1, 2}, {1, 2}} },
		"/byName":         func(v *Limits) { v.ByName = map[string]Level{"a": Level1, "b": Level1, "c": Level1} },
		"/byName/a":       func(v *Limits) { v.ByName = map[string]Level{"a": Level(9)} },
		"/email":          func(v *Limits) { v.Email = ptr("not an email") },
		"/id":             func(v *Limits) { v.ID = ptr("not-a-uuid") },
		"/day":            func(v *Limits) { v.Day = ptr("2025-13-45") },
		"/v4":             func(v *Limits) { v.V4 = ptr("::1") },
		"/v6":             func(v *Limits) { v.V6 = ptr("10.0.0.1") },
		"/maybe":          func(v *Limits) { v.Maybe = NewNullable("abc") },
		"/tags/1":         func(v *Limits) { v.Tags = Tags{"a", "a"} },
		"/tags/0":         func(v *Limits) { v.Tags = Tags{""} },
		"/people/1/email": func(v *Limits) { v.People = []Person{{Email: ptr("a@example.com")}, {Email: ptr("a@example.com")}} },
		"/people/0/nick":  func(v *Limits) { v.People = []Person{{Nick: ptr("UPPER")}} },
	}
	for pointer, breakIt := range cases {
		t.Run(pointer, func(t *testing.T) {
			v := valid()
			breakIt(v)
			require.Contains(t, problemsOf(t, v), pointer)
		})
	}
}

// TestAllProblemsAtOnce: one call reports every problem, not the first.
func TestAllProblemsAtOnce(t *testing.T) {
	v := valid()
	v.Exact = -6
	v.Email = ptr("x")
	v.Items = []Code{"abc"} // breaks the pattern only
	require.ElementsMatch(t, []string{"/exact", "/email", "/items/0"}, problemsOf(t, v))
}

// TestNullIsAllowedWhereNullable: an explicit null passes a nullable field.
func TestNullIsAllowedWhereNullable(t *testing.T) {
	v := valid()
	v.Maybe = Null[string]()
	require.Empty(t, problemsOf(t, v))
}
