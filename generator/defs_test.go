package generator

import (
	"testing"

	"github.com/stretchr/testify/require"
)

const defsSpec = `openapi: 3.1.0
info: {title: D, version: "1"}
paths: {}
components:
  schemas:
    Order:
      type: object
      properties:
        createdBy: {$ref: '#/components/schemas/Order/$defs/Person'}
        approvedBy:
          $ref: '#/components/schemas/Order/$defs/Person'
          description: Who approved the order.
        total: {$ref: '#/components/schemas/Money'}
      $defs:
        Person:
          description: Someone.
          type: object
          properties:
            name: {type: string}
    Money:
      description: An amount.
      type: object
      properties:
        amount: {type: integer}
`

// TestDefsAreNamedAfterTheirComponent: a component's $defs member is one
// type named component + definition, whatever the properties that use it
// are called, and a $ref's sibling description documents the property.
func TestDefsAreNamedAfterTheirComponent(t *testing.T) {
	api, err := LoadData([]byte(defsSpec), "spec.yaml", Options{Package: "p"})
	require.NoError(t, err)
	types := map[string]*Type{}
	for _, ty := range api.Types {
		types[ty.Name] = ty
	}
	require.Contains(t, types, "OrderPerson")
	require.Equal(t, "/components/schemas/Order/$defs/Person", types["OrderPerson"].Pointer)
	require.NotContains(t, types, "OrderApprovedBy")
	require.NotContains(t, types, "OrderCreatedBy")
	docs := map[string]string{}
	for _, f := range types["Order"].Fields {
		require.Equal(t, RefNamed, f.Type.Kind, f.Name)
		docs[f.Name] = f.Doc
	}
	require.Same(t, types["OrderPerson"], types["Order"].Fields[0].Type.Named, "approvedBy")
	require.Same(t, types["OrderPerson"], types["Order"].Fields[1].Type.Named, "createdBy")
	require.Equal(t, "Who approved the order.", docs["ApprovedBy"], "the sibling description, not the target's")
	require.Equal(t, "Someone.", docs["CreatedBy"])
	require.Equal(t, "An amount.", docs["Total"])
}
