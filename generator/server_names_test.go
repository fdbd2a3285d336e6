package generator

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

const serverSpec = `
openapi: 3.0.3
info: {title: S, version: "1"}
paths:
  /items/{params}:
    get:
      operationId: getItem
      parameters:
        - {name: params, in: path, required: true, schema: {type: string}}
      responses:
        "200": {description: ok, headers: {Body: {schema: {type: string}}}}
        "299": {description: odd}
        "4XX": {description: client}
        default: {description: other}
  /items/{itemId}:archive:
    post:
      operationId: archiveItem
      responses: {"204": {description: ok}}
  /a/{x}/b:
    get:
      operationId: first
      responses: {"204": {description: ok}}
  /a/c/{y}:
    get:
      operationId: second
      responses: {"204": {description: ok}}
  /trailing/:
    put:
      operationId: trailing
      requestBody:
        content:
          application/json:
            schema:
              type: object
              properties:
                code: {type: string, pattern: '^(?=a)'}
                list: {type: array, x-livegen-unique-by: nope, items: {type: object, properties: {id: {type: string}}}}
      responses: {"204": {description: ok}}
components:
  schemas:
    GetItemInput: {type: string}
    WithLogger: {type: string}
`

func loadServerSpec(t *testing.T, spec string) *API {
	t.Helper()
	api, err := LoadData([]byte(spec), "spec.yaml", Options{Package: "p"})
	require.NoError(t, err)
	return api
}

func operation(api *API, id string) *Operation {
	for _, o := range api.Operations {
		if o.ID == id {
			return o
		}
	}
	return nil
}

func TestServerNames(t *testing.T) {
	spec := strings.Replace(serverSpec, "    WithLogger: {type: string}\n", "", 1)
	api := loadServerSpec(t, spec)
	o := operation(api, "getItem")
	require.Equal(t, "GetItemInput2", o.ServerInput, "a schema holds GetItemInput")
	require.Equal(t, "GetItemOutput", o.ServerOutput)
	require.Equal(t, []string{"Params2"}, o.ServerPathFields, "Params is the input's params field")
	require.Equal(t, "GET /items/{params2}", o.ServerPattern, "the wildcard is the local name, kept off the handler's own names")
	var names []string
	for _, r := range o.Responses {
		names = append(names, r.ServerName)
	}
	require.Equal(t, []string{"GetItemOK", "GetItemStatus299", "GetItemStatus4XX", "GetItemDefault"}, names)
	require.Equal(t, []string{"Body2"}, o.Responses[0].ServerHeaderFields)
	require.Equal(t, "PUT /trailing/{$}", operation(api, "trailing").ServerPattern)
}

func TestServerRoutesThatServeMuxRefuses(t *testing.T) {
	api := loadServerSpec(t, strings.Replace(serverSpec, "    WithLogger: {type: string}\n", "", 1))
	archive := operation(api, "archiveItem")
	require.True(t, archive.ServerMatched, "ServeMux cannot match text and a parameter in one segment")
	require.Equal(t, "POST /items/{itemID}:archive", archive.ServerPattern)
	require.False(t, operation(api, "getItem").ServerMatched, "another method: ServeMux keeps it")
	require.True(t, operation(api, "first").ServerMatched, "it conflicts with /a/c/{y}")
	require.True(t, operation(api, "second").ServerMatched, "it takes requests of /a/{x}/b, so the matcher orders both")
	var order []string
	for _, o := range api.ServerRoutes {
		order = append(order, o.ID)
	}
	require.Equal(t, []string{"archiveItem", "second", "first"}, order, "text beats a parameter, from the left; other paths keep their order")
	warnings := map[string]string{}
	for _, w := range api.Warnings {
		warnings[w.Pointer] += w.Message + "\n"
	}
	for ptr, msg := range warnings {
		require.NotContains(t, msg, "route", ptr)
	}
	require.Contains(t, warnings["/paths/~1trailing~1/put/requestBody/content/application~1json/schema/properties/code"], "is not RE2 syntax")
	require.Contains(t, warnings["/paths/~1trailing~1/put/requestBody/content/application~1json/schema/properties/list"], `x-livegen-unique-by "nope"`)
}

// TestServerFixedNamesAreKept: a schema named like a server helper is renamed,
// so the helper keeps its name.
func TestServerFixedNamesAreKept(t *testing.T) {
	api, err := LoadData([]byte(serverSpec), "spec.yaml", Options{Package: "p"})
	require.NoError(t, err)
	var names []string
	for _, ty := range api.Types {
		names = append(names, ty.Name)
	}
	require.Contains(t, names, "WithLoggerModel")
	require.NotContains(t, names, "WithLogger")
}

func TestValidationPlan(t *testing.T) {
	api := loadServerSpec(t, strings.Replace(serverSpec, "    WithLogger: {type: string}\n", "", 1))
	plan := PlanValidation(api)
	item := operation(api, "trailing").Body.Type.Named.Fields[1].Type.Elem
	require.True(t, NullRejected(item), "the items of list are not nullable")
	body := operation(api, "trailing").Body.Type.Named
	require.True(t, plan.Walks(body), "a request body is walked")
	require.True(t, plan.TracksPresence(body), "its list's items must not be null, which decoding cannot show")
	require.False(t, plan.HasMethod(body), "an unsupported pattern and unique-by leave nothing to check")
}
