package generator

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// clientLoad models a spec given as YAML, failing the test on errors.
func clientLoad(t *testing.T, spec string) *API {
	t.Helper()
	api, err := LoadData([]byte(spec), "spec.yaml", Options{Package: "api"})
	require.NoError(t, err)
	return api
}

// clientOp finds an operation by operationId.
func clientOp(t *testing.T, api *API, id string) *Operation {
	t.Helper()
	for _, o := range api.Operations {
		if o.ID == id {
			return o
		}
	}
	t.Fatalf("no operation %s", id)
	return nil
}

// clientListSpec is a spec with one list operation at /things whose query
// parameters and answer schema are given.
func clientListSpec(params, answer string) string {
	return `openapi: 3.0.3
info: {title: T, version: "1"}
paths:
  /things:
    get:
      operationId: listThings
      parameters: ` + params + `
      responses:
        "200":
          description: A page.
          content:
            application/json:
              schema: ` + answer + `
components:
  schemas:
    Thing: {type: object, properties: {id: {type: string}}}
`
}

const clientPageParams = `[{name: page, in: query, schema: {type: integer}}, {name: limit, in: query, schema: {type: integer}}]`
const clientPageAnswer = `{type: object, required: [items, total], properties: {items: {type: array, items: {$ref: '#/components/schemas/Thing'}}, total: {type: integer}}}`

func TestPaginationMeltingSpot(t *testing.T) {
	api, err := LoadFile("../openapi/meltingspot/lives.yaml", Options{Package: "meltingspot"})
	require.NoError(t, err)
	var paged []string
	for _, o := range api.Operations {
		if p := o.Pagination; p != nil {
			paged = append(paged, o.ID+"→"+p.Method+"("+p.Item.Named.Name+")")
			require.Equal(t, PagingPage, p.Style)
			require.Equal(t, "Page", p.Param.GoName)
			require.Equal(t, "Limit", p.Limit.GoName)
			require.Equal(t, int64(1), p.FirstPage, "the page parameter has minimum 1")
			require.Equal(t, "items", p.Items.String())
			require.Equal(t, "total", p.Total.String())
			require.Equal(t, "at", p.Locals.Key)
		}
	}
	require.Equal(t, []string{
		"listLives→ListLivesAll(Live)",
		"listLiveGroups→ListLiveGroupsAll(Group)",
		"listLiveParticipants→ListLiveParticipantsAll(Participant)",
		"listLiveSpeakers→ListLiveSpeakersAll(Participant)",
	}, paged)
}

func TestPaginationRule(t *testing.T) {
	tests := []struct {
		name, params, answer string
		paged                bool
		first                int64
	}{
		{"page and limit with items and total", clientPageParams, clientPageAnswer, true, 1},
		{"per_page, total_count and a 0-based page", `[{name: page, in: query, schema: {type: integer, format: int64, minimum: 0}}, {name: per_page, in: query, schema: {type: integer}}]`,
			`{type: object, properties: {items: {type: array, items: {type: string}}, total_count: {type: integer}}}`, true, 0},
		{"pageSize", `[{name: page, in: query, schema: {type: integer}}, {name: pageSize, in: query, schema: {type: integer}}]`, clientPageAnswer, true, 1},
		{"no limit", `[{name: page, in: query, schema: {type: integer}}]`, clientPageAnswer, false, 0},
		{"a page that is not an integer", `[{name: page, in: query, schema: {type: string}}, {name: limit, in: query, schema: {type: integer}}]`, clientPageAnswer, false, 0},
		{"no total", clientPageParams, `{type: object, properties: {items: {type: array, items: {type: string}}}}`, true, 1},
		{"a total that is not an integer", clientPageParams, `{type: object, properties: {items: {type: array, items: {type: string}}, total: {type: string}}}`, true, 1},
		{"data", clientPageParams, `{type: object, properties: {data: {type: array, items: {type: string}}, total: {type: integer}}}`, true, 1},
		{"two lists of unknown names", clientPageParams, `{type: object, properties: {a: {type: array, items: {type: string}}, b: {type: array, items: {type: string}}}}`, false, 0},
		{"a list answer", clientPageParams, `{type: array, items: {type: string}}`, true, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := clientOp(t, clientLoad(t, clientListSpec(tt.params, tt.answer)), "listThings")
			if !tt.paged {
				require.Nil(t, o.Pagination)
				return
			}
			require.NotNil(t, o.Pagination)
			require.Equal(t, tt.first, o.Pagination.FirstPage)
			require.Equal(t, "ListThingsAll", o.Pagination.Method)
		})
	}
}

// TestPaginationNames keeps the iterator's name and its page variable clear
// of other methods and of path parameters.
func TestPaginationNames(t *testing.T) {
	spec := `openapi: 3.0.3
info: {title: T, version: "1"}
paths:
  /a/{page}:
    get:
      operationId: listThingsAll
      parameters: [{name: page, in: path, required: true, schema: {type: string}}]
      responses: {"204": {description: none}}
  /b/{page}:
    get:
      operationId: listThings
      parameters: [{name: page, in: path, required: true, schema: {type: string}}, {name: page, in: query, schema: {type: integer}}, {name: limit, in: query, schema: {type: integer}}]
      responses:
        "200":
          description: A page.
          content: {application/json: {schema: ` + clientPageAnswer + `}}
components:
  schemas:
    Thing: {type: object, properties: {id: {type: string}}}
`
	o := clientOp(t, clientLoad(t, spec), "listThings")
	require.Equal(t, "ListThingsAll2", o.Pagination.Method, "an earlier operation holds ListThingsAll")
	require.Equal(t, "page2", o.Pagination.Locals.Page, "the path parameter holds page")

	// The other way round, the operation cannot be renamed: it is an error.
	swapped := strings.NewReplacer("/a/{page}", "/c/{page}").Replace(spec)
	_, err := LoadData([]byte(swapped), "spec.yaml", Options{Package: "api"})
	require.ErrorContains(t, err, "the operation's Go name ListThingsAll is the name of a client method of listThings; set x-go-name")
}
