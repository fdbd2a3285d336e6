package corpus

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/seed-0d47db62/livegen/generator"
)

// pagingCounts counts the operations that answer a list and the page
// iterators by style, in the order of generator.PagingStyles.
func pagingCounts(api *generator.API) (lists int, iterators string) {
	byStyle := map[generator.PagingStyle]int{}
	for _, o := range api.Operations {
		if o.ListsItems() || o.Pagination != nil {
			lists++
		}
		if o.Pagination != nil {
			byStyle[o.Pagination.Style]++
		}
	}
	var parts []string
	for _, s := range generator.PagingStyles {
		if byStyle[s] > 0 {
			parts = append(parts, fmt.Sprintf("%s %d", s, byStyle[s]))
		}
	}
	return lists, strings.Join(parts, ", ")
}

// TestGitHubListsPage: GitHub's list operations declare the Link header,
// and each gets an iterator that follows it.
func TestGitHubListsPage(t *testing.T) {
	spec := filepath.Join(sharedDir(t, "corpus"), "ogen__examples__api.github.com.json")
	api, err := generator.LoadFile(spec, generator.Options{Package: "github"})
	require.NoError(t, err)
	links := 0
	for _, o := range api.Operations {
		if o.Pagination != nil && o.Pagination.Style == generator.PagingLink {
			links++
		}
		if o.ID == "repos/list-for-org" {
			require.NotNil(t, o.Pagination)
			require.Equal(t, generator.PagingLink, o.Pagination.Style)
			require.Equal(t, "MinimalRepository", o.Pagination.Item.Named.Name)
		}
	}
	require.GreaterOrEqual(t, links, 140)
}
