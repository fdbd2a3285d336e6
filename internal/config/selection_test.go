package config

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/seed-0d47db62/livegen/generator"
)

func TestSelectionKeysAreRead(t *testing.T) {
	c, err := Parse([]byte("spec: api.yaml\nincludeTags: [repos, issues]\nexcludeOperations: [repos/delete]\nincludePaths: [/v1/lives]\n"), "livegen.yaml")
	require.NoError(t, err)
	require.Equal(t, &generator.Selection{
		IncludeTags: []string{"repos", "issues"}, IncludePaths: []string{"/v1/lives"}, ExcludeOperations: []string{"repos/delete"},
	}, c.Selection())
	c, err = Parse([]byte("spec: api.yaml\n"), "livegen.yaml")
	require.NoError(t, err)
	require.Nil(t, c.Selection())
}

func TestSelectionMistakesNameKeyAndLine(t *testing.T) {
	for _, tc := range []struct{ yaml, want string }{
		{"spec: a.yaml\nincludeTags: repos\n", "livegen.yaml:2: includeTags: expected a list such as [models, client]"},
		{"spec: a.yaml\n\nexcludePaths: [/a, b]\n", `livegen.yaml:3: excludePaths: item 2: "b" is not a path prefix`},
		{"spec: a.yaml\nincludeOperations: [\"\"]\n", "livegen.yaml:2: includeOperations: item 1: is empty"},
		{"spec: a.yaml\nincludeTag: [repos]\n", `livegen.yaml:2: unknown key "includeTag" (did you mean "includeTags"?)`},
	} {
		_, err := Parse([]byte(tc.yaml), "livegen.yaml")
		require.Error(t, err, tc.yaml)
		require.Contains(t, err.Error(), tc.want)
	}
}
