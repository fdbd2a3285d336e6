package generator

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// reachSpec has one kept operation (getZoo) whose answer reaches Animal;
// Cat only through Animal's discriminator mapping, Collar only through a
// nested allOf of Cat, Toy only through additionalProperties of Cat's
// items; the dropped operation alone reaches Keeper.
const reachSpec = `openapi: 3.0.3
info: {title: Reach, version: "1"}
paths:
  /zoo:
    get:
      operationId: getZoo
      tags: [zoo]
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: {$ref: "#/components/schemas/Animal"}
  /staff:
    get:
      operationId: getStaff
      tags: [staff]
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: {$ref: "#/components/schemas/Keeper"}
components:
  schemas:
    Animal:
      type: object
      required: [kind]
      properties:
        kind: {type: string}
      discriminator:
        propertyName: kind
        mapping:
          cat: "#/components/schemas/Cat"
    Cat:
      allOf:
        - allOf:
            - type: object
              properties:
                collar: {$ref: "#/components/schemas/Collar"}
        - type: object
          properties:
            toys:
              type: array
              items:
                type: object
                additionalProperties: {$ref: "#/components/schemas/Toy"}
    Collar:
      type: object
      properties:
        color: {type: string}
    Toy:
      type: string
    Keeper:
      type: object
      properties:
        name: {type: string}
`

func typeNames(api *API) []string {
	var names []string
	for _, t := range api.Types {
		names = append(names, t.Name)
	}
	return names
}

func TestSelectionKeepsTypesReachedThroughMappingAndNestedAllOf(t *testing.T) {
	api, err := LoadData([]byte(reachSpec), "reach.yaml", Options{Selection: &Selection{IncludeTags: []string{"zoo"}}})
	require.NoError(t, err)
	require.Len(t, api.Operations, 1)
	require.Equal(t, "getZoo", api.Operations[0].ID)
	names := typeNames(api)
	for _, want := range []string{"Animal", "Cat", "Collar", "Toy"} {
		require.Contains(t, names, want)
	}
	require.NotContains(t, names, "Keeper")
}

func TestSelectionExclusionWinsAndPrunesDeterministically(t *testing.T) {
	sel := &Selection{IncludePaths: []string{"/zoo", "/staff"}, ExcludeOperations: []string{"getZoo"}}
	first, err := LoadData([]byte(reachSpec), "reach.yaml", Options{Selection: sel})
	require.NoError(t, err)
	require.Len(t, first.Operations, 1)
	require.Equal(t, "getStaff", first.Operations[0].ID)
	require.Equal(t, []string{"Keeper"}, typeNames(first))
	again, err := LoadData([]byte(reachSpec), "reach.yaml", Options{Selection: sel})
	require.NoError(t, err)
	require.Equal(t, typeNames(first), typeNames(again))
}

func TestSelectionIncludeMatchingNothingIsAnError(t *testing.T) {
	_, err := LoadData([]byte(reachSpec), "reach.yaml", Options{Selection: &Selection{IncludeTags: []string{"zoo", "aquarium"}}})
	var se *SelectionError
	require.ErrorAs(t, err, &se)
	require.Equal(t, RuleIncludeTags, se.Rule)
	require.Equal(t, "aquarium", se.Value)
	require.Contains(t, err.Error(), `-include-tags "aquarium"`)
}

func TestSelectionPathPrefixFollowsSegments(t *testing.T) {
	require.True(t, underPath("/v1/lives/{id}", "/v1/lives"))
	require.True(t, underPath("/v1/lives", "/v1/lives/"))
	require.False(t, underPath("/v1/livestreams", "/v1/lives"))
	require.False(t, underPath("", "/"))
}
