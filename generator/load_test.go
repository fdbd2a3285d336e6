package generator

import (
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestBadSpecsFailWithLocation: every error names the file, the line and the
// JSON pointer of the problem, and says what to change.
func TestBadSpecsFailWithLocation(t *testing.T) {
	head := "openapi: 3.0.3\ninfo: {title: t, version: '1'}\n"
	cases := []struct {
		name, spec, pointer, says string
		line                      int
	}{
		{"broken ref", head + "paths:\n  /a:\n    get:\n      responses:\n        '200': {$ref: '#/components/responses/Nope'}\n",
			"/paths/~1a/get/responses/200/$ref", "points at nothing", 7},
		{"null parameter", head + "paths:\n  /a:\n    get:\n      parameters:\n        - null\n      responses: {'200': {description: ok}}\n",
			"/paths/~1a/get/parameters/0", "null", 7},
		{"yaml syntax", head + "paths: {/a: [}\n", "/", "not valid YAML", -1},
		{"bad status", head + "paths:\n  /a:\n    get:\n      responses:\n        '20': {description: ok}\n",
			"/paths/~1a/get/responses/20", "not an HTTP status code", 7},
		{"old swagger", "swagger: '1.2'\ninfo: {title: t, version: '1'}\npaths: {}\n", "/swagger", "not Swagger 2.0 or OpenAPI 3", 1},
		{"swagger broken ref", "swagger: '2.0'\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    get:\n      responses:\n        '200': {description: ok, schema: {$ref: '#/definitions/Nope'}}\n",
			"/paths/~1a/get/responses/200/schema/$ref", "points at nothing", 7},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := LoadData([]byte(c.spec), "api.yaml", Options{})
			require.Error(t, err)
			var se *SpecError
			require.True(t, errors.As(err, &se), "%T: %v", err, err)
			require.Equal(t, "api.yaml", se.File)
			require.Equal(t, c.pointer, se.Pointer, err.Error())
			if c.line < 0 {
				require.Positive(t, se.Line, "the YAML parser's line: %v", err) // its count is not always exact
			} else {
				require.Equal(t, c.line, se.Line, err.Error())
			}
			require.Contains(t, err.Error(), c.says)
			require.NotContains(t, err.Error(), "\n")
		})
	}
}

// TestLenientLoadingWarnsAndGoesOn: faults that cannot hurt the generated
// code are warnings, and -strict turns them back into errors.
func TestLenientLoadingWarnsAndGoesOn(t *testing.T) {
	spec := `openapi: 3.0.3
info: {title: t, version: '1'}
paths:
  /things/{id}:
    get:
      operationId: getThing
      responses:
        '200': {}
`
	api, err := LoadData([]byte(spec), "api.yaml", Options{})
	require.NoError(t, err)
	var msgs []string
	for _, w := range api.Warnings {
		msgs = append(msgs, w.String())
	}
	joined := strings.Join(msgs, "\n")
	require.Contains(t, joined, "path parameter {id} is not declared")
	require.Equal(t, "string", map[RefKind]string{RefString: "string"}[api.Operations[0].PathParams[0].Type.Kind])
	_, err = LoadData([]byte(spec), "api.yaml", Options{Strict: true})
	require.Error(t, err)
}

// TestTupleItemsLoadAsAnyList: draft-4 tuples, which kin-openapi cannot
// read, become lists of any value with a warning at their pointer.
func TestTupleItemsLoadAsAnyList(t *testing.T) {
	spec := `{"openapi": "3.0.3", "info": {"title": "t", "version": "1"}, "paths": {},
 "components": {"schemas": {"Pair": {"type": "object", "properties": {"xy": {"type": "array", "items": [{"type": "number"}, {"type": "number"}]}}}}}}`
	api, err := LoadData([]byte(spec), "api.json", Options{})
	require.NoError(t, err)
	require.Equal(t, "/components/schemas/Pair/properties/xy/items", api.Warnings[0].Pointer)
	require.Equal(t, RefAny, api.Types[0].Fields[0].Type.Elem.Kind)
	_, err = LoadData([]byte(spec), "api.json", Options{Strict: true})
	require.Error(t, err)
}
