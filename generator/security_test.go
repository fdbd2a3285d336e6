package generator

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// TestUnstatedSecurity marks the operations for which a spec that declares
// security schemes states no requirement, warns once for all of them, and
// keeps an explicit security: [] open.
func TestUnstatedSecurity(t *testing.T) {
	spec := `openapi: 3.0.3
info: {title: T, version: "1"}
components:
  securitySchemes:
    bearer: {type: http, scheme: bearer}
paths:
  /a:
    get:
      operationId: getA
      responses: {"204": {description: none}}
  /b:
    get:
      operationId: getB
      responses: {"204": {description: none}}
  /open:
    get:
      operationId: getOpen
      security: []
      responses: {"204": {description: none}}
  /own:
    get:
      operationId: getOwn
      security: [{bearer: []}]
      responses: {"204": {description: none}}
`
	api := clientLoad(t, spec)
	require.True(t, clientOp(t, api, "getA").SecurityUnstated)
	require.True(t, clientOp(t, api, "getB").SecurityUnstated)
	require.False(t, clientOp(t, api, "getOpen").SecurityUnstated)
	require.False(t, clientOp(t, api, "getOwn").SecurityUnstated)
	var found []Warning
	for _, w := range api.Warnings {
		if w.Pointer == "/paths/~1a/get/security" {
			found = append(found, w)
		}
	}
	require.Len(t, found, 1)
	require.Contains(t, found[0].Message, "2 of 4 operations state no security requirement")

	_, err := LoadData([]byte(spec), "spec.yaml", Options{Package: "api", Strict: true})
	require.ErrorContains(t, err, "state no security requirement")
}

// TestScalarUnionParams writes a oneOf of scalars as the scalar, without a
// warning, and a oneOf with an object as JSON text, with one.
func TestScalarUnionParams(t *testing.T) {
	spec := `openapi: 3.0.3
info: {title: T, version: "1"}
paths:
  /m/{id}:
    get:
      operationId: getM
      parameters:
        - {name: id, in: path, required: true, schema: {oneOf: [{type: integer}, {type: string}]}}
        - {name: shape, in: query, schema: {oneOf: [{type: integer}, {type: object, properties: {x: {type: number}}}]}}
      responses: {"204": {description: none}}
`
	api := clientLoad(t, spec)
	op := clientOp(t, api, "getM")
	require.Equal(t, EncodeScalarUnion, ClientEncoding(op.PathParams[0]))
	require.Equal(t, EncodeJSON, ClientEncoding(op.QueryParams[0]))
	var warned []string
	for _, w := range api.Warnings {
		warned = append(warned, w.String())
	}
	require.Len(t, warned, 1)
	require.Contains(t, warned[0], `parameter "shape"`)
}
