package generator

import (
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestClientResultsMeltingSpot(t *testing.T) {
	api, err := LoadFile("../openapi/meltingspot/lives.yaml", Options{Package: "meltingspot"})
	require.NoError(t, err)
	for _, o := range api.Operations {
		switch o.ID {
		case "inviteLiveParticipant", "inviteLiveSpeaker":
			require.Equal(t, o.Name+"Result", o.ResultType)
			require.Len(t, o.Successes, 2)
			require.Equal(t, "OK", o.Successes[0].ResultField)
			require.Nil(t, o.Successes[0].Type, "200: already invited, no body")
			require.Equal(t, "Created", o.Successes[1].ResultField)
		default:
			require.Empty(t, o.ResultType, o.ID)
			require.Len(t, o.Successes, 1, o.ID)
		}
	}
	require.True(t, clientOp(t, api, "getLive").Successes[0].ResultByPointer, "a struct comes by pointer")
	require.False(t, clientOp(t, api, "bulkInviteLiveParticipants").Successes[0].ResultByPointer, "a slice comes as it is")
}

func TestClientResultsRules(t *testing.T) {
	spec := `openapi: 3.0.3
info: {title: T, version: "1"}
paths:
  /a:
    get:
      operationId: onlyDefault
      responses:
        default: {description: any, content: {application/json: {schema: {type: object, properties: {x: {type: string}}}}}}
  /b:
    get:
      operationId: texts
      responses:
        "200": {description: text, content: {text/plain: {schema: {type: string}}}}
        "203": {description: schema-less JSON, content: {application/json: {}}}
        "299": {description: base64 in JSON, content: {application/json: {schema: {type: string, format: byte}}}}
        2XX: {description: other}
        "404": {description: missing}
`
	api := clientLoad(t, spec)
	o := clientOp(t, api, "onlyDefault")
	require.Len(t, o.Successes, 1)
	require.True(t, o.Successes[0].Default, "the default answer is the result when no 2xx is documented")
	require.True(t, o.Successes[0].ResultByPointer)

	o = clientOp(t, api, "texts")
	require.Equal(t, "TextsResult", o.ResultType)
	var fields []string
	for _, r := range o.Successes {
		fields = append(fields, r.ResultField)
	}
	require.Equal(t, []string{"OK", "NonAuthoritativeInformation", "Status299", "Status2XX"}, fields)
	require.True(t, o.Successes[0].Raw, "text/plain is handed over as bytes")
	require.True(t, o.Successes[1].Raw, "JSON without a schema too")
	require.False(t, o.Successes[2].Raw, "a base64 string is decoded from JSON")
}

// TestClientFixedNames keeps a schema from taking the name of a client
// option: until the name is in ReservedNames that is an error, after that the
// schema gets the suffix Model.
func TestClientFixedNames(t *testing.T) {
	spec := `openapi: 3.0.3
info: {title: T, version: "1"}
paths:
  /a: {get: {operationId: getA, responses: {"204": {description: none}}}}
components:
  schemas:
    WithUserAgent: {type: string}
`
	api, err := LoadData([]byte(spec), "spec.yaml", Options{Package: "api"})
	if slices.Contains(ReservedNames, "WithUserAgent") {
		require.NoError(t, err)
		require.Equal(t, "WithUserAgentModel", api.Types[0].Name)
		return
	}
	require.ErrorContains(t, err, "/components/schemas/WithUserAgent: the schema's Go name WithUserAgent is the name of a client option")
}

// TestClientParamWarnings names the parameters that no style can write
// exactly, and says what is sent instead.
func TestClientParamWarnings(t *testing.T) {
	spec := `openapi: 3.0.3
info: {title: T, version: "1"}
paths:
  /a:
    get:
      operationId: getA
      parameters:
        - {name: X-Point, in: header, schema: {type: object, properties: {x: {type: number}}}}
        - {name: X-Deep, in: header, schema: {type: object, properties: {x: {type: object}}}}
        - {name: nested, in: query, style: deepObject, schema: {type: object, properties: {created: {type: object, properties: {gte: {type: integer}}}}}}
        - {name: grid, in: query, schema: {type: array, items: {type: array, items: {type: integer}}}}
        - {name: ids, in: query, style: deepObject, schema: {type: array, items: {type: integer}}}
        - {name: fine, in: query, style: deepObject, schema: {type: object, additionalProperties: {type: string}}}
        - {name: untyped, in: query, schema: {}}
        - {name: sort_by, in: query, schema: {type: object}}
        - {name: lines, in: query, schema: {type: array, items: {type: object, properties: {id: {type: string}}}}}
        - {name: X-Untyped, in: header, schema: {description: no type}}
        - {name: project, in: query, schema: {type: array, items: {oneOf: [{type: integer}, {type: string}]}}}
        - {name: target, in: query, schema: {oneOf: [{type: object, properties: {a: {type: string}}}, {type: object, properties: {b: {type: integer}}}]}}
        - {name: sort, in: query, schema: {type: array, items: {}}}
        - {name: X-Note, in: header, content: {text/plain: {schema: {type: string}}}}
        - {name: X-Doc, in: header, content: {application/xml: {schema: {type: string}}}}
        - {name: status, in: query, schema: {anyOf: [{type: string}, {type: array, items: {type: string}}]}}
        - {name: Idempotency-Key, in: header, schema: {type: object}}
      responses: {"204": {description: none}}
`
	api := clientLoad(t, spec)
	var warnings []string
	for _, w := range api.Warnings {
		warnings = append(warnings, w.String())
	}
	joined := strings.Join(warnings, "\n")
	require.NotContains(t, joined, `"X-Point"`, "an object of scalars in a header is written in style simple")
	require.Contains(t, joined, `parameter "X-Deep": no style defines how to write an object whose values are not all scalars in the header; it is sent as JSON text`)
	require.NotContains(t, joined, `"nested"`, "deepObject writes nested objects in brackets")
	require.Contains(t, joined, `parameter "grid": no style defines how to write a list of lists in the query`)
	require.Contains(t, joined, `parameter "ids": style deepObject does not apply to lists`)
	require.NotContains(t, joined, `"fine"`)
	require.NotContains(t, joined, `ntyped"`, "a value without a type is text on the wire")
	require.Contains(t, joined, `parameter "sort_by": style form defines no nesting; the object is sent in brackets, as style deepObject writes it (sort_by[k]=v, sort_by[k][j]=v)`)
	require.Equal(t, EncodeDeepObject, ClientEncoding(clientOp(t, api, "getA").QueryParams[5]))
	require.NotContains(t, joined, `"project"`, "a list of scalar unions is written item by item")
	require.Contains(t, joined, `parameter "target": style form defines no oneOf/anyOf of objects; the variant that is set is sent in brackets, as style deepObject writes it (target[k]=v)`)
	require.NotContains(t, joined, `"sort"`, "items without a type are text")
	require.NotContains(t, joined, `"X-Note"`, "text/plain of a string is the text as it is")
	require.NotContains(t, joined, `"status"`, "a union of a scalar and a list is written as a list")
	require.NotContains(t, joined, `"Idempotency-Key"`, "an object without members in a header is its text")
	require.Contains(t, joined, `parameter "X-Doc" has content application/xml instead of a schema; it is sent as a string`)
	require.Contains(t, joined, `parameter "lines": no style defines a list of objects in the query; it is sent in brackets, as forms write lists (lines[0][k]=v, lines[1][k]=v)`)
	require.Equal(t, EncodeDeepObject, ClientEncoding(clientOp(t, api, "getA").QueryParams[6]))
	require.Equal(t, EncodeScalar, ClientEncoding(clientOp(t, api, "getA").QueryParams[4]))
	require.Equal(t, EncodeScalar, ClientEncoding(clientOp(t, api, "getA").HeaderParams[2]))
	require.Equal(t, EncodeObject, ClientEncoding(clientOp(t, api, "getA").QueryParams[3]))
	require.Equal(t, EncodeDeepObject, ClientEncoding(clientOp(t, api, "getA").QueryParams[0]))
	require.Equal(t, EncodeObject, ClientEncoding(clientOp(t, api, "getA").HeaderParams[0]))
}
