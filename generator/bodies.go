package generator

import (
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
)

// bodyKind tells how a body of a media type travels. JSON is decoded into
// its schema; binary media types, and any other media type whose schema is a
// string of format binary, are streamed; text is a string. Event streams and
// line-delimited JSON are left as bytes here: they are read as a sequence.
func bodyKind(contentType string, mt *openapi3.MediaType) BodyKind {
	ct := strings.ToLower(strings.TrimSpace(strings.SplitN(contentType, ";", 2)[0]))
	switch {
	case isJSON(ct):
		if mt == nil || mt.Schema == nil {
			return BodyBytes
		}
		return BodyJSON
	case ct == "text/event-stream":
		return BodyBytes
	case ct == "application/octet-stream", ct == "*/*" && binarySchema(mt),
		strings.HasPrefix(ct, "image/"), strings.HasPrefix(ct, "audio/"), strings.HasPrefix(ct, "video/"):
		return BodyBinary
	case strings.HasPrefix(ct, "text/"):
		return BodyText
	case binarySchema(mt):
		return BodyBinary
	}
	return BodyBytes
}

// binarySchema reports whether a media type's schema is a string of format
// binary, the OpenAPI 3.0 way of saying "these bytes are a file".
func binarySchema(mt *openapi3.MediaType) bool {
	if mt == nil || mt.Schema == nil || mt.Schema.Value == nil {
		return false
	}
	s := mt.Schema.Value
	return s.Type != nil && s.Type.Is("string") && s.Format == "binary"
}

// streamNote documents a streamed body on the Go type that carries it.
const streamNote = "The body is streamed, never held whole in memory."
