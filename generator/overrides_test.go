package generator

import (
	"testing"

	"github.com/stretchr/testify/require"
)

func TestParseGoType(t *testing.T) {
	good := map[string]GoType{
		"github.com/shopspring/decimal.Decimal": {Import: "github.com/shopspring/decimal", Name: "Decimal"},
		"time.Duration":                         {Import: "time", Name: "Duration"},
		"gopkg.in/yaml.v3.Node":                 {Import: "gopkg.in/yaml.v3", Name: "Node"},
		"example.com/a/b/v2.Money":              {Import: "example.com/a/b/v2", Name: "Money"},
		"string":                                {Name: "string"},
		" int64 ":                               {Name: "int64"},
	}
	for in, want := range good {
		got, err := ParseGoType(in)
		require.NoError(t, err, in)
		require.Equal(t, want, got, in)
	}
	for _, in := range []string{"", "Decimal", "decimal", "github.com/shopspring/decimal", "time.", ".Duration", "time.duration", "a//b.C", "./x.Y", "a b.C", `a\b.C`, "time.Dur-ation"} {
		_, err := ParseGoType(in)
		require.Error(t, err, in)
	}
	require.Equal(t, "time.Duration", GoType{Import: "time", Name: "Duration"}.String())
	require.Equal(t, "string", GoType{Name: "string"}.String())
}

func TestNilOverridesOverrideNothing(t *testing.T) {
	var o *Overrides
	require.True(t, o.IsZero())
	require.Empty(t, o.Name("/components/schemas/Live"))
	_, ok := o.Type("/components/schemas/Live")
	require.False(t, ok)
	require.Zero(t, o.ChunkSize("bulkInvite"))

	o = &Overrides{Names: map[string]string{"/components/schemas/Live": "Broadcast"}, ChunkSizes: map[string]int{"bulkInvite": 10}}
	require.False(t, o.IsZero())
	require.Equal(t, "Broadcast", o.Name("/components/schemas/Live"))
	require.Equal(t, 10, o.ChunkSize("bulkInvite"))
}

func TestGoTypeExtension(t *testing.T) {
	got, ok, skip, err := goTypeExtension(map[string]any{"x-go-type": "github.com/shopspring/decimal.Decimal"})
	require.NoError(t, err)
	require.True(t, ok)
	require.Empty(t, skip)
	require.Equal(t, GoType{Import: "github.com/shopspring/decimal", Name: "Decimal"}, got)
	_, ok, _, err = goTypeExtension(map[string]any{"x-go-name": "X"})
	require.NoError(t, err)
	require.False(t, ok)
	_, _, _, err = goTypeExtension(map[string]any{"x-go-type": map[string]any{"type": "X"}})
	require.ErrorContains(t, err, "x-go-type must be a string")
	_, _, _, err = goTypeExtension(map[string]any{"x-go-type": "decimal"})
	require.ErrorContains(t, err, `x-go-type: "decimal" is not a Go type`)
}

// TestGoTypeExtensionUsesOnlyImportablePackages: oapi-codegen's
// x-go-type-import gives the path; a package generated code cannot import
// is not used, with the reason.
func TestGoTypeExtensionUsesOnlyImportablePackages(t *testing.T) {
	got, ok, _, err := goTypeExtension(map[string]any{"x-go-type": "decimal.Decimal", "x-go-type-import": map[string]any{"path": "github.com/shopspring/decimal"}})
	require.NoError(t, err)
	require.True(t, ok)
	require.Equal(t, GoType{Import: "github.com/shopspring/decimal", Name: "Decimal"}, got)
	got, ok, _, err = goTypeExtension(map[string]any{"x-go-type": "time.Duration"})
	require.NoError(t, err)
	require.True(t, ok, "a standard package")
	require.Equal(t, GoType{Import: "time", Name: "Duration"}, got)
	for ext, why := range map[string]map[string]any{
		"is not in the standard library": {"x-go-type": "reps.AccessRep"},
		"is internal to its module":      {"x-go-type": "reps2.MaintainerRep", "x-go-type-import": map[string]any{"path": "github.com/launchdarkly/gonfalon/internal/reps2", "name": "reps2"}},
	} {
		_, ok, skip, err := goTypeExtension(why)
		require.NoError(t, err)
		require.False(t, ok)
		require.Contains(t, skip, ext)
	}
}
