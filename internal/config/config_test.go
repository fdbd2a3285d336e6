package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/seed-0d47db62/livegen/generator"
)

const full = `# livegen.yaml of a consumer
spec: ../specs/api.yaml
out: gen
package: api
generate: [models, client]
strict: true
names:
  Live: Broadcast
  "#/components/schemas/Live/properties/id": Key
  /paths/~1lives/get: ListBroadcasts
types:
  Money: github.com/shopspring/decimal.Decimal
  /components/schemas/Live/properties/duration: time.Duration
chunkSizes:
  bulkInvite: 50
`

func TestParseReadsEveryKey(t *testing.T) {
	c, err := Parse([]byte(full), filepath.Join("consumer", "api", "livegen.yaml"))
	require.NoError(t, err)
	require.Equal(t, "../specs/api.yaml", c.Spec)
	require.Equal(t, filepath.Join("consumer", "specs", "api.yaml"), c.SpecPath())
	require.Equal(t, "../specs/api.yaml", c.SpecName())
	require.Equal(t, filepath.Join("consumer", "api", "gen"), c.OutDir())
	require.Equal(t, "api", c.Package)
	require.Equal(t, []string{"models", "client"}, c.Generate)
	require.True(t, c.Strict)
	require.Equal(t, &generator.Overrides{
		Names: map[string]string{
			"/components/schemas/Live":               "Broadcast",
			"/components/schemas/Live/properties/id": "Key",
			"/paths/~1lives/get":                     "ListBroadcasts",
		},
		Types: map[string]generator.GoType{
			"/components/schemas/Money":                    {Import: "github.com/shopspring/decimal", Name: "Decimal"},
			"/components/schemas/Live/properties/duration": {Import: "time", Name: "Duration"},
		},
		ChunkSizes: map[string]int{"bulkInvite": 50},
	}, c.Overrides)
}

func TestMinimalFileHasNoOverrides(t *testing.T) {
	c, err := Parse([]byte("spec: api.yaml\n"), "livegen.yaml")
	require.NoError(t, err)
	require.Nil(t, c.Overrides)
	require.Equal(t, ".", c.OutDir())
	require.Equal(t, "api.yaml", c.SpecPath())
}

// Each mistake is one line naming the file, the line, the key and the fix.
func TestMistakesNameTheKeyAndLine(t *testing.T) {
	cases := []struct{ name, yaml, want string }{
		{"unknown key", "spec: a.yaml\noutt: x\n", `livegen.yaml:2: unknown key "outt" (did you mean "out"?); the keys are spec, out, package, generate, strict, names, types, chunkSizes, pagination`},
		{"unknown key, a longer name", "spec: a.yaml\nchunk: {}\n", `livegen.yaml:2: unknown key "chunk" (did you mean "chunkSizes"?)`},
		{"unknown key far from any", "spec: a.yaml\nplugins: [x]\n", `livegen.yaml:2: unknown key "plugins"; the keys are`},
		{"not a bool", "spec: a.yaml\nstrict: maybe\n", `livegen.yaml:2: strict: expected true or false`},
		{"generate as a string", "generate: models,client\n", `livegen.yaml:1: generate: expected a list such as [models, client]`},
		{"chunk size not a number", "chunkSizes:\n  ok: 3\n  bulkInvite: many\n", `livegen.yaml:3: chunkSizes.bulkInvite: expected a whole number`},
		{"names value a mapping", "names:\n  Live: {go: X}\n", `livegen.yaml:2: names.Live: expected a string`},
		{"names not a mapping", "names: [a]\n", `livegen.yaml:1: names: expected a mapping of names to strings`},
		{"chunk size zero", "chunkSizes:\n  bulkInvite: 0\n", `livegen.yaml:2: chunkSizes.bulkInvite: 0 is not a chunk size`},
		{"pagination without a style", "pagination:\n  listThings:\n    param: after\n", `livegen.yaml:2: pagination.listThings.style: missing; use one of cursor, link, nexturl, offset, page, token`},
		{"pagination with an unknown key", "pagination:\n  listThings:\n    style: token\n    nxt: a\n", `livegen.yaml:4: pagination.listThings.nxt: unknown key; the keys are style, param, limit, items, next, hasMore, total, cursor`},
		{"pagination with a bad style", "pagination:\n  listThings: {style: pages}\n", `livegen.yaml:2: pagination.listThings.style: pages is not a style`},
		{"pagination as a list", "pagination:\n  listThings: [token]\n", `livegen.yaml:2: pagination.listThings: expected false or a mapping with the keys style, param, limit, items, next, hasMore, total, cursor, not a list`},
		{"pagination not a mapping", "pagination: [a]\n", `livegen.yaml:1: pagination: expected a mapping of operationIds`},
		{"bad go name", "names:\n  Live: broadcast\n", `livegen.yaml:2: names.Live: "broadcast" is not an exported Go identifier`},
		{"bad pointer", "names:\n  /components//Live: X\n", `livegen.yaml:2: names."/components//Live": "/components//Live" has an empty segment`},
		{"same target twice", "names:\n  Live: A\n  '#/components/schemas/Live': B\n", `livegen.yaml:3: names."#/components/schemas/Live": points at /components/schemas/Live, like "Live" at line 2; keep one of them`},
		{"bad go type", "types:\n  Money: decimal\n", `livegen.yaml:2: types.Money: "decimal" is not a Go type`},
		{"unexported go type", "types:\n  Money: example.com/m.money\n", `livegen.yaml:2: types.Money: "example.com/m.money": "money" is not an exported Go identifier`},
		{"bad package", "package: my-api\n", `livegen.yaml:1: package: "my-api" is not a Go package name`},
		{"empty spec", "spec: ''\n", `livegen.yaml:1: spec: is empty`},
		{"duplicate key", "spec: a.yaml\nspec: b.yaml\n", `livegen.yaml:2: mapping key "spec" already defined at line 1`},
		{"syntax", "spec: [a\n", `livegen.yaml:`},
		{"empty file", "# nothing\n", `livegen.yaml: the file is empty`},
		{"not a mapping", "- spec\n", `livegen.yaml:1: expected a mapping of keys`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse([]byte(tc.yaml), "livegen.yaml")
			require.Error(t, err)
			require.True(t, strings.HasPrefix(err.Error(), tc.want), "got  %s\nwant %s", err, tc.want)
			require.NotContains(t, err.Error(), "\n")
		})
	}
}

func TestLoadMissingFile(t *testing.T) {
	_, err := Load(filepath.Join(t.TempDir(), "livegen.yaml"))
	require.ErrorContains(t, err, "livegen.yaml: cannot read the config: no such file or directory")
}

func TestSpecNameIsNeverAMachinePath(t *testing.T) {
	dir := t.TempDir()
	abs := filepath.Join(dir, "specs", "api.yaml")
	c, err := Parse([]byte("spec: "+abs+"\n"), filepath.Join(dir, "pkg", "livegen.yaml"))
	require.NoError(t, err)
	require.Equal(t, "../specs/api.yaml", c.SpecName())
	require.Equal(t, abs, c.SpecPath())
}

func TestCheckOutputs(t *testing.T) {
	c, err := Parse([]byte("spec: a.yaml\ngenerate: [models, sever]\n"), "livegen.yaml")
	require.NoError(t, err)
	require.EqualError(t, c.CheckOutputs([]string{"models", "server"}), `livegen.yaml:2: generate: unknown output "sever" (item 2); choose from models, server`)
}

const spec = `openapi: 3.0.3
info: {title: Things, version: "1"}
paths:
  /things:
    get:
      operationId: listThings
      parameters:
        - {name: skip, in: query, schema: {type: integer}}
        - {name: limit, in: query, schema: {type: integer}}
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: {type: array, items: {$ref: '#/components/schemas/Thing'}}
  /things/bulk:
    post:
      operationId: bulkCreateThings
      requestBody:
        required: true
        content:
          application/json:
            schema:
              type: object
              required: [things]
              properties:
                things: {type: array, maxItems: 100, items: {$ref: '#/components/schemas/Thing'}}
      responses:
        "204": {description: created}
components:
  schemas:
    Thing:
      type: object
      properties:
        id: {type: string}
        price: {type: string}
`

func parse(t *testing.T, yaml string) *Config {
	t.Helper()
	c, err := Parse([]byte(yaml), "livegen.yaml")
	require.NoError(t, err)
	return c
}

func model(t *testing.T) *generator.API {
	t.Helper()
	api, err := generator.LoadData([]byte(spec), "api.yaml", generator.Options{Package: "api"})
	require.NoError(t, err)
	return api
}

func TestCheckSpecAndModelAcceptWhatExists(t *testing.T) {
	c := parse(t, `spec: api.yaml
names:
  Thing: Item
  /components/schemas/Thing/properties/id: Key
  /paths/~1things/get: ListItems
  /paths/~1things/get/parameters/1: Max
types:
  /components/schemas/Thing/properties/price: github.com/shopspring/decimal.Decimal
chunkSizes:
  bulkCreateThings: 25
`)
	require.NoError(t, c.CheckSpec([]byte(spec), "api.yaml"))
	require.NoError(t, c.CheckModel(model(t)))
}

// TestPaginationConfiguresAnOperation gives an iterator to a list whose
// paging the spec does not make clear, and names the key of a mistake that
// only the spec shows.
func TestPaginationConfiguresAnOperation(t *testing.T) {
	c := parse(t, "spec: api.yaml\npagination:\n  listThings: {style: offset, param: skip, limit: limit}\n")
	require.NoError(t, c.CheckSpec([]byte(spec), "api.yaml"))
	api, err := generator.LoadData([]byte(spec), "api.yaml", generator.Options{Package: "api", Overrides: c.Overrides})
	require.NoError(t, err)
	pg := api.Operations[0].Pagination
	require.NotNil(t, pg)
	require.Equal(t, generator.PagingOffset, pg.Style)
	require.Equal(t, "set by livegen.yaml:3: pagination.listThings", pg.Reason)

	c = parse(t, "spec: api.yaml\npagination:\n  listThings: {style: offset, param: from}\n")
	_, err = generator.LoadData([]byte(spec), "api.yaml", generator.Options{Package: "api", Overrides: c.Overrides})
	require.ErrorContains(t, err, `livegen.yaml:3: pagination.listThings.param: operation listThings has no query parameter "from" (its query parameters: skip, limit)`)

	c = parse(t, "spec: api.yaml\npagination:\n  listThing: false\n")
	require.EqualError(t, c.CheckSpec([]byte(spec), "api.yaml"), `livegen.yaml:3: pagination.listThing: no operation of api.yaml has operationId "listThing"`)
}

func TestCheckSpecRejectsWhatDoesNotExist(t *testing.T) {
	cases := []struct{ yaml, want string }{
		{"names:\n  Thing: A\n  Nope: B\n", `livegen.yaml:3: names.Nope: /components/schemas/Nope matches nothing in api.yaml`},
		{"types:\n  /components/schemas/Thing/properties/cost: time.Duration\n", `livegen.yaml:2: types."/components/schemas/Thing/properties/cost": /components/schemas/Thing/properties/cost matches nothing in api.yaml`},
		{"names:\n  /paths/~1things/get/parameters/2: X\n", `livegen.yaml:2: names."/paths/~1things/get/parameters/2": /paths/~1things/get/parameters/2 matches nothing`},
		{"names:\n  /paths/~1things/get/operationId: X\n", `livegen.yaml:2: names."/paths/~1things/get/operationId": /paths/~1things/get/operationId matches nothing`},
		{"chunkSizes:\n  bulkCreate: 5\n", `livegen.yaml:2: chunkSizes.bulkCreate: no operation of api.yaml has operationId "bulkCreate"`},
	}
	for _, tc := range cases {
		err := parse(t, tc.yaml).CheckSpec([]byte(spec), "api.yaml")
		require.Error(t, err, tc.yaml)
		require.True(t, strings.HasPrefix(err.Error(), tc.want), "got  %s\nwant %s", err, tc.want)
	}
}

func TestCheckModelRejectsWhatCannotApply(t *testing.T) {
	cases := []struct{ yaml, want string }{
		{"names:\n  /paths/~1things/get/responses/200: X\n", `livegen.yaml:2: names."/paths/~1things/get/responses/200": /paths/~1things/get/responses/200 is not a schema, property, parameter or operation that livegen names`},
		{"chunkSizes:\n  listThings: 5\n", `livegen.yaml:2: chunkSizes.listThings: operation listThings has no bulk helper`},
		{"chunkSizes:\n  bulkCreateThings: 500\n", `livegen.yaml:2: chunkSizes.bulkCreateThings: 500 is more than the 100 items the spec allows per request (maxItems); use 100 or less`},
	}
	for _, tc := range cases {
		c := parse(t, tc.yaml)
		require.NoError(t, c.CheckSpec([]byte(spec), "api.yaml"))
		err := c.CheckModel(model(t))
		require.Error(t, err, tc.yaml)
		require.True(t, strings.HasPrefix(err.Error(), tc.want), "got  %s\nwant %s", err, tc.want)
	}
}

func TestLoadReadsFromDisk(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, DefaultName)
	require.NoError(t, os.WriteFile(path, []byte(full), 0o644))
	c, err := Load(path)
	require.NoError(t, err)
	require.Equal(t, dir, c.Dir)
}
