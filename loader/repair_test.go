package loader

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

const repairHead = "openapi: 3.0.3\ninfo: {title: t, version: '1'}\n"

// TestSlipsOutsideSchemasAreRepairedWithAWarning: each slip loads, with a
// warning at its line and pointer; -strict stops at it instead.
func TestSlipsOutsideSchemasAreRepairedWithAWarning(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "texts.yml"), []byte("intro: |\n  Read me first.\n"), 0o644))
	cases := []struct {
		name, spec, pointer, says string
		line                      int
		check                     func(t *testing.T, d *Document)
	}{
		{"numeric version", "openapi: 3.0.3\ninfo:\n  title: t\n  version: 2.0\npaths: {}\n",
			"/info/version", "the number 2.0, but a string is required", 4,
			func(t *testing.T, d *Document) { require.Equal(t, "2.0", d.T.Info.Version) }},
		{"description from a file", repairHead + "tags:\n  - name: a\n    description:\n      $ref: texts.yml#/intro\npaths: {}\n",
			"/tags/0/description", "the text it points at is used", 6,
			func(t *testing.T, d *Document) { require.Equal(t, "Read me first.\n", d.T.Tags[0].Description) }},
		{"description object", repairHead + "paths:\n  /a:\n    get:\n      description: {text: hi}\n      responses: {'200': {description: ok}}\n",
			"/paths/~1a/get/description", "an object, but a string is required; it is left out", 6,
			func(t *testing.T, d *Document) { require.Empty(t, d.T.Paths.Value("/a").Get.Description) }},
		{"response refs a request body", repairHead + "paths:\n  /a:\n    put:\n      responses:\n        '200': {$ref: '#/components/requestBodies/Thing'}\n" +
			"components:\n  requestBodies:\n    Thing:\n      description: a thing\n      content: {application/json: {schema: {type: string}}}\n",
			"/paths/~1a/put/responses/200/$ref", "points at a request body where a response is expected", 7,
			func(t *testing.T, d *Document) {
				r := d.T.Paths.Value("/a").Put.Responses.Value("200")
				require.Equal(t, "#/components/responses/Thing", r.Ref)
				require.Equal(t, "a thing", *r.Value.Description)
				require.NotNil(t, r.Value.Content.Get("application/json"))
			}},
		{"schema-relative $defs", "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    get:\n      responses:\n        '200':\n          description: ok\n" +
			"          content:\n            application/json:\n              schema:\n                type: object\n                properties:\n                  kind: {$ref: '#/$defs/Kind'}\n" +
			"                $defs:\n                  Kind: {type: string, enum: [a, b]}\n",
			"/paths/~1a/get/responses/200/content/application~1json/schema/$defs", "1 $refs such as #/$defs/... point at this schema's $defs", 14,
			func(t *testing.T, d *Document) {
				kind := d.T.Paths.Value("/a").Get.Responses.Value("200").Value.Content.Get("application/json").Schema.Value.Properties["kind"]
				require.Equal(t, "#/paths/~1a/get/responses/200/content/application~1json/schema/$defs/Kind", kind.Ref)
				require.Len(t, kind.Value.Enum, 2)
			}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			in := Input{Name: "api.yaml", Path: filepath.Join(dir, "api.yaml"), Data: []byte(c.spec)}
			doc, err := Load(in, Options{})
			require.NoError(t, err)
			require.NotEmpty(t, doc.Warnings)
			w := doc.Warnings[0]
			require.Equal(t, c.pointer, w.Pointer)
			require.Equal(t, c.line, w.Line)
			require.Contains(t, w.Message, c.says)
			c.check(t, doc)

			_, err = Load(in, Options{Strict: true})
			var se *SpecError
			require.True(t, errors.As(err, &se), "%v", err)
			require.Equal(t, c.pointer, se.Pointer)
			require.Equal(t, c.line, se.Line)
			require.Contains(t, se.Message, "strict mode")
		})
	}
}

// TestLoadErrorsNameLinePointerAndFix: what cannot be repaired is an error
// that reads file:line: /pointer: what is wrong; what to change.
func TestLoadErrorsNameLinePointerAndFix(t *testing.T) {
	cases := []struct{ name, spec, want string }{
		{"text where a boolean is", repairHead + "paths:\n  /a:\n    get:\n      parameters:\n        - name: q\n          in: query\n          required: false [\n      responses: {'200': {description: ok}}\n",
			`api.yaml:9: /paths/~1a/get/parameters/0/required: required is the text "false [", but true or false is required here; write true or false`},
		{"schema where a request body is", repairHead + "paths:\n  /a:\n    post:\n      requestBody: {$ref: '#/components/schemas/X'}\n      responses: {'200': {description: ok}}\ncomponents:\n  schemas:\n    X: {type: string}\n",
			`api.yaml:6: /paths/~1a/post/requestBody/$ref: $ref "#/components/schemas/X" points at a component of another kind, but requestBody is required here; point it at a requestBody or write one in place`},
		{"yaml syntax", repairHead + "paths:\n  /a:\n    get:\n      responses:\n        '200': {description: ok\n",
			`api.yaml:6: /paths/~1a/get: the document is not valid YAML or JSON:`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Load(Input{Name: "api.yaml", Data: []byte(c.spec)}, Options{})
			require.Error(t, err)
			require.True(t, strings.HasPrefix(err.Error(), c.want), "got  %s\nwant %s", err, c.want)
			require.Contains(t, err.Error(), "; ")
		})
	}
}
