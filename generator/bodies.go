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
	case ct == "application/x-www-form-urlencoded":
		if objectSchema(mt) {
			return BodyForm
		}
		return BodyBytes
	case ct == "multipart/form-data":
		if objectSchema(mt) {
			return BodyMultipart
		}
		return BodyBytes
	case ct == "application/octet-stream", strings.HasSuffix(ct, "/*"), strings.HasPrefix(ct, "multipart/"),
		strings.HasPrefix(ct, "image/"), strings.HasPrefix(ct, "audio/"), strings.HasPrefix(ct, "video/"),
		strings.HasPrefix(ct, "font/"), strings.HasPrefix(ct, "model/"):
		// A media range (*/*, application/*) takes any bytes, and multipart
		// other than form-data has no form to map: both are streams.
		return BodyBinary
	case binarySchema(mt):
		return BodyBinary
	case isText(ct):
		return BodyText
	}
	return BodyBytes
}

// isText reports whether a media type is text that a Go string holds:
// text/*, and the application types that are text by definition (scripts,
// XML, YAML, GraphQL, SQL, CSV).
func isText(ct string) bool {
	if strings.HasPrefix(ct, "text/") || strings.HasSuffix(ct, "+xml") || strings.HasSuffix(ct, "+yaml") {
		return true
	}
	switch strings.TrimPrefix(ct, "application/") {
	case "javascript", "ecmascript", "x-javascript", "xml", "yaml", "x-yaml", "graphql", "sql", "csv", "x-sh", "toml":
		return true
	}
	return false
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

// objectSchema reports whether a media type's schema is an object.
func objectSchema(mt *openapi3.MediaType) bool {
	if mt == nil || mt.Schema == nil || mt.Schema.Value == nil {
		return false
	}
	s := mt.Schema.Value
	return (s.Type != nil && s.Type.Is("object")) || len(s.Properties) > 0
}

// formStyles reads the encoding of a form body's members: the styles that
// are not the default (form, exploded), in name order.
func formStyles(mt *openapi3.MediaType) []FormStyle {
	var out []FormStyle
	for _, name := range sortedKeys(mt.Encoding) {
		e := mt.Encoding[name]
		if e == nil {
			continue
		}
		style := e.Style
		if style == "" {
			style = "form"
		}
		explode := style == "form"
		if e.Explode != nil {
			explode = *e.Explode
		}
		switch {
		case style == "deepObject":
		case explode:
			continue
		case style != "form" && style != "pipeDelimited" && style != "spaceDelimited":
			continue
		}
		out = append(out, FormStyle{Name: name, Style: style})
	}
	return out
}

// multipartParts marks the file members of a multipart body's struct as
// FormFile and lists the parts that are not plain text. A member is a file
// when it is a string of format binary, or a string whose encoding
// contentType is neither JSON nor text; it is JSON when it is an object, or
// when its encoding says application/json. False when the body is not a
// struct.
func multipartParts(body *RequestBody, mt *openapi3.MediaType) bool {
	t := body.Type
	if t == nil || t.Kind != RefNamed || t.Named.Kind != KindStruct {
		return false
	}
	for _, f := range t.Named.Fields {
		var ct string
		if e := mt.Encoding[f.JSONName]; e != nil {
			ct = strings.ToLower(strings.TrimSpace(strings.SplitN(e.ContentType, ",", 2)[0]))
		}
		textual := ct == "" || isJSON(ct) || strings.HasPrefix(ct, "text/")
		isString := f.Type.Kind == RefString || f.Type.Kind == RefBytes
		part := Part{Name: f.JSONName, GoName: f.Name, ContentType: ct}
		switch {
		case f.Type.Kind == RefBytes && f.Type.Format == "binary", isString && !textual:
			f.Type = &TypeRef{Kind: RefFile, Note: streamNote}
			part.File, part.Pointer = true, f.Shape() == ShapePointer
		case isJSON(ct), ct == "" && objectRef(f.Type):
			part.JSON = true
		default:
			continue
		}
		body.Parts = append(body.Parts, part)
	}
	return true
}

// objectRef reports whether a member is an object, which a multipart
// body sends as a JSON part.
func objectRef(t *TypeRef) bool {
	for t.Kind == RefNamed && t.Named.Kind == KindAlias {
		t = t.Named.Alias
	}
	return t.Kind == RefMap || t.Kind == RefNamed && t.Named.Kind == KindStruct
}

// streamNote documents a streamed body on the Go type that carries it.
const streamNote = "The body is streamed, never held whole in memory."
