package generator

import (
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
)

// Streamed answers: Server-Sent Events and JSON values a line, which the
// client reads and the server writes one event at a time.

// streamKind tells how a media type frames a stream; 0 when it is not one.
func streamKind(contentType string) StreamKind {
	switch strings.ToLower(strings.TrimSpace(strings.SplitN(contentType, ";", 2)[0])) {
	case "text/event-stream":
		return StreamSSE
	case "application/x-ndjson", "application/ndjson", "application/jsonl", "application/x-jsonl",
		"application/jsonlines", "application/x-jsonlines":
		return StreamLines
	case "application/json-seq":
		return StreamSeq
	}
	return 0
}

// sseFields are the members of an SSE envelope schema.
var sseFields = map[string]bool{"event": true, "data": true, "id": true, "retry": true}

// buildStream finds the stream among an answer's media types, and types one
// of its events from the schema given for it: without a schema, an SSE
// event is its text and a line is raw JSON.
func (b *builder) buildStream(o *Operation, r *Response, content openapi3.Content, rptr string) *Stream {
	for _, ct := range sortedKeys(content) {
		kind := streamKind(ct)
		if kind == 0 {
			continue
		}
		s := &Stream{Kind: kind, ContentType: ct}
		mt := content[ct]
		switch {
		case mt != nil && mt.Schema != nil:
			s.Event = b.ref(mt.Schema, r.Name+"Event", rptr+"/content/"+escapeToken(ct)+"/schema")
		case kind == StreamSSE:
			s.Event = &TypeRef{Kind: RefString}
		default:
			s.Event = &TypeRef{Kind: RefRaw}
		}
		if data := envelopeData(s.Event); kind == StreamSSE && data != nil {
			s.Envelope = true
			s.Text = textRef(data.Type)
		} else {
			s.Text = kind == StreamSSE && textRef(s.Event)
		}
		return s
	}
	return nil
}

// textRef reports whether an SSE event's data is taken as text: a string,
// or a string enum.
func textRef(t *TypeRef) bool {
	t = unaliasRef(t)
	return t.Kind == RefString || (t.Kind == RefNamed && t.Named.Kind == KindEnum && t.Named.Enum.Base == RefString)
}

// envelopeData is the data member of a struct whose members are all SSE
// fields (event, data, id, retry), data among them; nil for other types.
func envelopeData(t *TypeRef) *Field {
	t = unaliasRef(t)
	if t.Kind != RefNamed || t.Named.Kind != KindStruct || t.Named.AdditionalProperties != nil {
		return nil
	}
	var data *Field
	for _, f := range t.Named.Fields {
		if !sseFields[f.JSONName] {
			return nil
		}
		if f.JSONName == "data" {
			data = f
		}
	}
	return data
}

// detectStream picks the success answer that streams and says which client
// method reads it: the operation's own when it is the only success and has
// no JSON body, else a second method beside the plain one.
func detectStream(o *Operation) {
	for _, r := range o.Successes {
		if r.Stream == nil {
			continue
		}
		o.StreamAnswer = r
		if len(o.Successes) == 1 && !r.JSON {
			o.StreamMethod = o.Name
		}
		return
	}
}

// streamSuffix names the streaming method beside the plain one.
const streamSuffix = "Stream" // CreateChatCompletion → CreateChatCompletionStream
