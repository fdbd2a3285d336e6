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

// modernPagingTable counts the lists and page iterators of every spec of
// ../shared/corpus-modern (larger, newer APIs), generating the model only.
func modernPagingTable(t *testing.T) string {
	var b strings.Builder
	b.WriteString("\n## Page iterators in `../shared/corpus-modern/`\n\n")
	b.WriteString("The model only (no build): how many list operations of each API got a page iterator, by style.\n\n")
	b.WriteString("| spec | operations | lists | iterators | note |\n| --- | ---: | ---: | --- | --- |\n")
	for _, spec := range specFiles(t, sharedDir(t, "corpus-modern")) {
		name := filepath.Base(spec)
		api, err := generator.LoadFile(spec, generator.Options{Package: "p", SpecName: name})
		if err != nil {
			msg := strings.ReplaceAll(strings.ReplaceAll(err.Error(), spec, name), "|", "\\|")
			if len(msg) > 120 {
				msg = msg[:120] + "…"
			}
			fmt.Fprintf(&b, "| %s | | | | does not load: %s |\n", name, msg)
			continue
		}
		lists, iterators := pagingCounts(api)
		fmt.Fprintf(&b, "| %s | %d | %d | %s | |\n", name, len(api.Operations), lists, iterators)
	}
	return b.String()
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
