package loader

import (
	"testing"

	"github.com/stretchr/testify/require"
)

const xWebhooksSpec = `openapi: 3.0.3
info: {title: t, version: '1'}
paths: {}
x-webhooks:
  paid:
    post:
      requestBody:
        content:
          application/json:
            schema: {$ref: '#/components/schemas/Payment'}
      responses:
        '200': {description: ok}
components:
  schemas:
    Payment: {type: object, properties: {id: {type: string}}}
`

// TestXWebhooksReadAsWebhooks: the 3.0 extension becomes the document's
// webhooks, $refs resolved, without a warning, and pointers into them are
// located under /x-webhooks.
func TestXWebhooksReadAsWebhooks(t *testing.T) {
	doc, err := Load(Input{Name: "api.yaml", Data: []byte(xWebhooksSpec)}, Options{})
	require.NoError(t, err)
	require.Empty(t, doc.Warnings)
	require.Contains(t, doc.T.Webhooks, "paid")
	body := doc.T.Webhooks["paid"].Post.RequestBody.Value.Content.Get("application/json")
	require.NotNil(t, body.Schema.Value, "the $ref resolves")
	require.Contains(t, body.Schema.Value.Properties, "id")

	file, at, line := doc.Locate("/webhooks/paid/post")
	require.Equal(t, "api.yaml", file)
	require.Equal(t, "/x-webhooks/paid/post", at)
	require.Equal(t, 7, line, "the line where the operation's fields start")

	_, err = Load(Input{Name: "api.yaml", Data: []byte(xWebhooksSpec)}, Options{Strict: true})
	require.NoError(t, err, "x-webhooks is an extension 3.0 allows")
}

func TestXWebhooksBesideWebhooksIsIgnoredWithAWarning(t *testing.T) {
	spec := "openapi: 3.1.0\ninfo: {title: t, version: '1'}\nwebhooks:\n  a:\n    post:\n      responses:\n        '200': {description: ok}\nx-webhooks:\n  b:\n    post:\n      responses:\n        '200': {description: ok}\n"
	doc, err := Load(Input{Name: "api.yaml", Data: []byte(spec)}, Options{})
	require.NoError(t, err)
	require.Len(t, doc.T.Webhooks, 1)
	require.Len(t, doc.Warnings, 1)
	require.Contains(t, doc.Warnings[0].Message, "x-webhooks is ignored")
}
