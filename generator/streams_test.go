package generator

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// streamSpec has one operation whose 200 answer offers the given content.
func streamSpec(content string) string {
	return `openapi: 3.0.3
info: {title: T, version: "1"}
paths:
  /a:
    get:
      operationId: chatStream
      responses:
        "204": {description: Takes the name first.}
  /chat:
    post:
      operationId: chat
      responses:
        "200":
          description: An answer.
          content:
` + content + `
components:
  schemas:
    Chunk: {type: object, properties: {id: {type: string}}}
    Envelope:
      type: object
      properties:
        event: {type: string}
        id: {type: string}
        data: {$ref: '#/components/schemas/Chunk'}
    TextEnvelope:
      type: object
      properties:
        event: {type: string}
        data: {type: string}
    NotEnvelope:
      type: object
      properties:
        data: {type: string}
        other: {type: string}
`
}

func TestStreamKinds(t *testing.T) {
	for ct, want := range map[string]StreamKind{
		"text/event-stream": StreamSSE, "Text/Event-Stream; charset=utf-8": StreamSSE,
		"application/x-ndjson": StreamLines, "application/jsonl": StreamLines, "application/json-seq": StreamSeq,
		"application/json": 0, "text/plain": 0,
	} {
		require.Equal(t, want, streamKind(ct), ct)
	}
}

func TestStreamBesideJSONGetsItsOwnMethod(t *testing.T) {
	api := clientLoad(t, streamSpec(`            application/json:
              schema: {$ref: '#/components/schemas/Chunk'}
            text/event-stream:
              schema: {$ref: '#/components/schemas/Chunk'}`))
	o := clientOp(t, api, "chat")
	require.NotNil(t, o.StreamAnswer)
	require.Equal(t, "application/json", o.StreamAnswer.ContentType, "the plain method keeps the JSON answer")
	require.Equal(t, &Stream{Kind: StreamSSE, ContentType: "text/event-stream", Event: o.StreamAnswer.Type}, o.StreamAnswer.Stream)
	// ChatStream is the Go name of operation chatStream: the method takes a suffix.
	require.Equal(t, "ChatStream2", o.StreamMethod)
}

func TestStreamAloneIsTheMethod(t *testing.T) {
	for content, want := range map[string]Stream{
		`            text/event-stream:
              schema: {$ref: '#/components/schemas/Envelope'}`: {Kind: StreamSSE, Envelope: true},
		`            text/event-stream:
              schema: {$ref: '#/components/schemas/TextEnvelope'}`: {Kind: StreamSSE, Envelope: true, Text: true},
		`            text/event-stream:
              schema: {$ref: '#/components/schemas/NotEnvelope'}`: {Kind: StreamSSE},
		`            text/event-stream: {}`:    {Kind: StreamSSE, Text: true},
		`            application/x-ndjson: {}`: {Kind: StreamLines},
	} {
		api := clientLoad(t, streamSpec(content))
		o := clientOp(t, api, "chat")
		require.Equal(t, "Chat", o.StreamMethod, content)
		s := o.StreamAnswer.Stream
		require.Equal(t, want, Stream{Kind: s.Kind, Envelope: s.Envelope, Text: s.Text}, content)
	}
}
