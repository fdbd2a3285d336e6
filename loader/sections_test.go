package loader

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	yaml "go.yaml.in/yaml/v3"
)

var sectionsFull = flag.Bool("sections.full", false, "compare the section load on every corpus spec, the large ones too (make corpus)")

// sectionSmallSpec is the size up to which corpus specs are compared in
// every test run; the larger ones take most of the time under -race.
const sectionSmallSpec = 100 << 10

// sectionTestSpecs lists the curated and golden specs and, when they are
// beside the checkout, the public corpus and its negative half.
func sectionTestSpecs(t *testing.T) []string {
	var files []string
	for _, pattern := range []string{
		"../openapi/*/*.yaml",
		"../golden/*/spec.yaml",
		"../golden/diff/*/*.yaml",
		"../../shared/corpus/*",
		"../../shared/corpus-negative/*",
	} {
		matches, err := filepath.Glob(pattern)
		require.NoError(t, err)
		for _, m := range matches {
			switch strings.ToLower(filepath.Ext(m)) {
			case ".yaml", ".yml", ".json":
			default:
				continue
			}
			if info, err := os.Stat(m); err == nil && info.Size() > sectionSmallSpec && !*sectionsFull {
				continue
			}
			files = append(files, m)
		}
	}
	require.NotEmpty(t, files)
	return files
}

// TestSectionLoadMatchesKin loads every spec both ways: whole, through
// kin-openapi's loader, and in sections. Where the whole load succeeds, the
// documents must be deeply equal; where it fails, so must the other.
func TestSectionLoadMatchesKin(t *testing.T) {
	files := sectionTestSpecs(t)
	split := 0
	for _, file := range files {
		data, err := os.ReadFile(file)
		require.NoError(t, err)
		abs, err := filepath.Abs(file)
		require.NoError(t, err)

		whole, wholeErr := loadDoc(data, abs)
		doc, _, err := readDocument(data, abs)
		if wholeErr != nil {
			assert.Error(t, err, "%s: kin-openapi fails (%v) but the section load does not", file, wholeErr)
			continue
		}
		if !assert.NoError(t, err, file) {
			continue
		}
		if _, used := sectionsOf(data, abs); used {
			split++
		}
		// JSON first: reflect.DeepEqual can take very long to tell two
		// different cyclic documents apart.
		a, err := json.Marshal(whole)
		require.NoError(t, err, file)
		b, err := json.Marshal(doc)
		require.NoError(t, err, file)
		if !assert.JSONEq(t, string(a), string(b), file) {
			continue
		}
		assert.True(t, reflect.DeepEqual(whole, doc), "%s: the section load differs from kin-openapi's in a field JSON does not show", file)
	}
	// Most documents must take the split path, or this test proves little.
	assert.Greater(t, split, len(files)/2, "documents loaded in sections")
	t.Logf("%d of %d documents loaded in sections", split, len(files))
}

// sectionsOf reports whether data loads through the section path.
func sectionsOf(data []byte, abs string) (sections, bool) {
	s, _, ok := splitJSON(data)
	if !ok {
		src, err := parseSourceErr(data)
		if err != nil || src == nil {
			return s, false
		}
		if s, ok = splitYAML(src.root); !ok {
			return s, false
		}
	}
	_, ok = loadSections(s, abs)
	return s, ok
}

func TestYAMLToJSONWriter(t *testing.T) {
	tests := []struct {
		name, yaml, json string
		ok               bool
	}{
		{"scalars", "a: 1\nb: 1.5\nc: true\nd: null\ne: text\nf: '2'\ng: 2024-01-02\n", `{"a":1,"b":1.5,"c":true,"d":null,"e":"text","f":"2","g":"2024-01-02"}`, true},
		{"numeric keys", "200: ok\n1.5: x\ntrue: y\n", `{"200":"ok","1.5":"x","true":"y"}`, true},
		{"escapes", "a: \"q\\\"b\\\\c\\n\\t\\u0001é\"\n", `{"a":"q\"b\\c\n\t\u0001é"}`, true},
		{"sequences", "a: [1, x, {b: c}]\n", `{"a":[1,"x",{"b":"c"}]}`, true},
		{"hex and exponent", "a: 0x1F\nb: 1e3\n", `{"a":31,"b":1000}`, true},
		{"alias", "a: &x 1\nb: *x\n", "", false},
		{"merge key", "a: {c: 1}\nb:\n  <<: {c: 1}\n", "", false},
		{"duplicate key", "a: 1\na: 2\n", "", false},
		{"infinity", "a: .inf\n", "", false},
		{"null key", "~: 1\n", "", false},
		{"binary", "a: !!binary aGk=\n", "", false},
		{"custom tag", "a: !thing x\n", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var doc yaml.Node
			require.NoError(t, yaml.Unmarshal([]byte(tt.yaml), &doc))
			var w jsonWriter
			ok := w.value(doc.Content[0])
			require.Equal(t, tt.ok, ok)
			if ok {
				assert.JSONEq(t, tt.json, string(w.buf))
				assert.Equal(t, tt.json, string(w.buf), "source order is kept")
			}
		})
	}
}

func TestSplitJSONRefusesWhatItCannotKeep(t *testing.T) {
	for name, doc := range map[string]string{
		"repeated member": `{"info":{"title":"a"},"info":{"version":"1"}}`,
		"webhooks":        `{"openapi":"3.1.0","webhooks":{}}`,
		"other casing":    `{"Paths":{}}`,
		"not an object":   `[1]`,
		"trailing data":   `{"a":1} x`,
	} {
		_, _, ok := splitJSON([]byte(doc))
		assert.False(t, ok, name)
	}
	s, isJSON, ok := splitJSON([]byte(`{"openapi":"3.0.3","paths":{"/a":{}},"x-b":1,"components":{}}`))
	require.True(t, isJSON)
	require.True(t, ok)
	assert.JSONEq(t, `{"/a":{}}`, string(s.paths))
	assert.JSONEq(t, `{}`, string(s.components))
	assert.JSONEq(t, `{"openapi":"3.0.3","x-b":1}`, string(s.rest))
}

// TestYAMLSectionsMatchWholeParse parses every YAML spec in sections and
// whole: the trees must agree node for node, lines and columns included.
func TestYAMLSectionsMatchWholeParse(t *testing.T) {
	sectioned := 0
	for _, file := range sectionTestSpecs(t) {
		if strings.HasSuffix(file, ".json") {
			continue
		}
		data, err := os.ReadFile(file)
		require.NoError(t, err)
		whole, wholeErr := parseSourceSafely(data)
		parts, err := parseSourceSections(data)
		if wholeErr != nil {
			assert.Equal(t, wholeErr.Error(), fmt.Sprint(err), file)
			continue
		}
		require.NoError(t, err, file)
		if sections, ok := topSections(data); ok {
			sectioned++
			assert.Equal(t, len(sections), len(parts.root.Content)/2, file)
		}
		if whole == nil {
			assert.Nil(t, parts, file)
			continue
		}
		if where := sameTree(whole.root, parts.root, ""); where != "" {
			t.Errorf("%s: the trees differ at %s", file, where)
		}
	}
	assert.Greater(t, sectioned, 10, "documents parsed in sections")
	t.Logf("%d YAML documents parsed in sections", sectioned)
}

// sameTree compares two YAML trees; it returns where they first differ.
func sameTree(a, b *yaml.Node, at string) string {
	if a.Kind != b.Kind || a.Tag != b.Tag || a.Value != b.Value || a.Line != b.Line ||
		a.Column != b.Column || a.Style != b.Style || a.Anchor != b.Anchor || len(a.Content) != len(b.Content) {
		return fmt.Sprintf("%s (line %d/%d, %q/%q)", orRoot(at), a.Line, b.Line, a.Value, b.Value)
	}
	for i := range a.Content {
		if where := sameTree(a.Content[i], b.Content[i], fmt.Sprintf("%s/%d", at, i)); where != "" {
			return where
		}
	}
	return ""
}

func TestTopSectionsRefuseWhatTheyCannotCut(t *testing.T) {
	pad := "\n" + strings.Repeat("  # padding to the size where sections pay\n", minSectionedYAML/40)
	for name, doc := range map[string]string{
		"directive":      "%YAML 1.2\n---\nopenapi: 3.0.3\npaths: {}\n",
		"second doc":     "openapi: 3.0.3\n---\npaths: {}\n",
		"flow root":      "{openapi: 3.0.3,\npaths: {}}\n",
		"quoted key":     "openapi: 3.0.3\n\"paths\": {}\n",
		"complex key":    "openapi: 3.0.3\n? paths\n: {}\n",
		"tab":            "openapi: 3.0.3\n\tpaths: {}\n",
		"one section":    "openapi: 3.0.3\n",
		"continued flow": "tags: [a,\n]\npaths: {}\n",
	} {
		_, ok := topSections([]byte(doc + pad))
		assert.False(t, ok, name)
	}
	_, ok := topSections([]byte("- a\nopenapi: 3.0.3\npaths: {}\n" + pad))
	assert.False(t, ok, "a list before any key")
	sections, ok := topSections([]byte("---\n# about\nopenapi: 3.0.3\r\npaths:\n  /a: {}\n\nservers:\n- url: /\n-\n  url: /b\ncomponents: {}" + pad))
	require.True(t, ok)
	require.Len(t, sections, 4)
	assert.Equal(t, []string{"openapi", "paths", "servers", "components"}, []string{sections[0].key, sections[1].key, sections[2].key, sections[3].key})
	assert.Equal(t, []int{2, 3, 6, 10}, []int{sections[0].line0, sections[1].line0, sections[2].line0, sections[3].line0})
	assert.Equal(t, "paths:\n  /a: {}\n\n", string(sections[1].text))
}

func TestSectionedParseFallsBackOnCrossSectionAliases(t *testing.T) {
	doc := "openapi: 3.0.3\ninfo: &i {title: t, version: '1'}\nx-copy: *i\n" + strings.Repeat("# padding\n", minSectionedYAML/10)
	src, err := parseSourceSections([]byte(doc))
	require.NoError(t, err)
	require.Len(t, src.root.Content, 6)
	assert.Equal(t, yaml.AliasNode, src.root.Content[5].Kind, "the whole parse keeps the alias")
}
