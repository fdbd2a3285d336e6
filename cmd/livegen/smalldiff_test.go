package main

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
	"go.yaml.in/yaml/v3"

	"github.com/seed-0d47db62/livegen/generator"
	"github.com/seed-0d47db62/livegen/internal/textdiff"
	"github.com/seed-0d47db62/livegen/openapi"
	"github.com/seed-0d47db62/livegen/templates"
)

// child returns the value of key in a YAML mapping.
func child(t *testing.T, m *yaml.Node, key string) *yaml.Node {
	t.Helper()
	require.Equal(t, yaml.MappingNode, m.Kind, "looking for %s", key)
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i+1]
		}
	}
	t.Fatalf("no key %s", key)
	return nil
}

// addEntry adds key: value (YAML text) to the mapping at path in doc.
func addEntry(t *testing.T, doc *yaml.Node, path []string, key, value string) {
	t.Helper()
	m := doc.Content[0]
	for _, p := range path {
		m = child(t, m, p)
	}
	var v yaml.Node
	require.NoError(t, yaml.Unmarshal([]byte(value), &v))
	m.Content = append(m.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: key}, v.Content[0])
}

// renderLives renders every output of the curated spec after edit.
func renderLives(t *testing.T, edit func(doc *yaml.Node)) map[string]string {
	t.Helper()
	var doc yaml.Node
	require.NoError(t, yaml.Unmarshal(openapi.Lives, &doc))
	edit(&doc)
	data, err := yaml.Marshal(&doc)
	require.NoError(t, err)
	api, err := generator.LoadData(data, openapi.DefaultSpecName, generator.Options{Package: "meltingspot", ImportPath: "example.com/meltingspot"})
	require.NoError(t, err)
	files, err := templates.Render(api, nil)
	require.NoError(t, err)
	out := map[string]string{}
	for _, f := range files {
		out[f.Name] = string(f.Content)
	}
	return out
}

// normalized splits code into lines with runs of blanks collapsed, so that
// gofmt re-aligning a neighbour's columns is not a change.
func normalized(code string) []string {
	lines := strings.Split(code, "\n")
	for i, l := range lines {
		lines[i] = strings.Join(strings.Fields(l), " ")
	}
	return lines
}

// Adding one field or one operation to the curated spec changes only lines
// that belong to it, in every output file: each hunk adds a line naming
// it, no hunk drops more than a couple of lines, and the total is bounded.
// It checks the property, not the lines, so that it holds whatever each
// renderer prints.
func TestSmallSpecChangesGiveSmallDiffs(t *testing.T) {
	cases := []struct {
		name     string
		edit     func(t *testing.T, doc *yaml.Node)
		maxAdded int
	}{
		{"field", func(t *testing.T, doc *yaml.Node) {
			addEntry(t, doc, []string{"components", "schemas", "Live", "properties"}, "nickname", "{type: string, description: A short name for the Live.}")
		}, 20},
		{"operation", func(t *testing.T, doc *yaml.Node) {
			addEntry(t, doc, []string{"paths"}, "/v1/nicknames/{nicknameId}", `
get:
  operationId: getNickname
  summary: Get the Live a nickname stands for.
  parameters:
    - {name: nicknameId, in: path, required: true, schema: {type: string}}
  responses:
    "200":
      description: the Live
      content:
        application/json:
          schema: {$ref: "#/components/schemas/Live"}
    "404":
      description: no such nickname
`)
		}, 300},
	}
	base := renderLives(t, func(*yaml.Node) {})
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			changed := renderLives(t, func(doc *yaml.Node) { tc.edit(t, doc) })
			require.Equal(t, len(base), len(changed), "the same files are written")
			added := 0
			for name, code := range changed {
				hunks := textdiff.Hunks(textdiff.Diff(normalized(base[name]), normalized(code)), 3)
				for _, h := range hunks {
					var inserted, deleted []string
					for _, l := range h.Lines {
						switch l.Kind {
						case textdiff.Insert:
							inserted = append(inserted, l.Text)
						case textdiff.Delete:
							deleted = append(deleted, l.Text)
						}
					}
					text := strings.ToLower(strings.Join(inserted, "\n"))
					require.Contains(t, text, "nickname", "%s: a hunk at line %d does not belong to the addition:\n%s", name, h.NewStart, hunkText(h))
					require.LessOrEqual(t, len(deleted), 2, "%s: a hunk at line %d rewrites existing lines:\n%s", name, h.NewStart, hunkText(h))
					added += len(inserted)
				}
			}
			require.Positive(t, added)
			require.LessOrEqual(t, added, tc.maxAdded)
		})
	}
}

func hunkText(h textdiff.Hunk) string {
	var b strings.Builder
	for _, l := range h.Lines {
		b.WriteString(string(l.Kind) + l.Text + "\n")
	}
	return b.String()
}
