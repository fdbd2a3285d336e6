package generator

import (
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
)

// typeBody gives a body of a known kind its Go type: the schema's type for
// JSON, form and multipart bodies, a stream, a string or bytes otherwise.
// name is the type of an inline schema.
func (b *builder) typeBody(body *RequestBody, mt *openapi3.MediaType, name, ptr string) {
	switch {
	case body.Kind == BodyBinary:
		body.Type = &TypeRef{Kind: RefBytes, Note: streamNote}
	case body.Kind == BodyText:
		body.Type = &TypeRef{Kind: RefString}
	case body.Kind == BodyForm:
		body.Type = b.ref(mt.Schema, name, ptr+"/schema")
		body.FormStyles = formStyles(mt)
	case body.Kind == BodyMultipart:
		body.Type = b.ref(mt.Schema, name, ptr+"/schema")
		if !multipartParts(body, mt) {
			b.warn(ptr, "the multipart body is not an object; it is sent as raw bytes")
			body.Kind, body.Type = BodyBytes, &TypeRef{Kind: RefBytes}
		}
	case mt == nil || mt.Schema == nil:
		body.Type = &TypeRef{Kind: RefBytes}
	case body.JSON:
		body.Type = b.ref(mt.Schema, name, ptr+"/schema")
	default:
		b.warn(ptr, "content type %s is sent as raw bytes", body.ContentType)
		body.Type = &TypeRef{Kind: RefBytes, Note: "The body is raw bytes in " + body.ContentType + ", which livegen does not encode; the caller encodes it."}
	}
}

// alternateVariants name the kinds of body an operation may take besides
// its preferred one. Other JSON media types (application/merge-patch+json
// beside application/json) are the same kind and are left out, as are
// media types livegen sends as raw bytes.
var alternateVariants = map[BodyKind]string{
	BodyForm:      "FormBody",
	BodyMultipart: "MultipartBody",
	BodyBinary:    "BinaryBody",
	BodyText:      "TextBody",
}

// alternateBodies are the bodies of other kinds that the request also
// takes, the first media type of each kind by name, and the other JSON
// media types of the preferred body's schema (merge-patch+json, text/json).
// The caller picks a kind by calling its method, and a JSON media type with
// a request editor; the server reads whichever arrives.
func (b *builder) alternateBodies(o *Operation, rb *openapi3.RequestBody, preferred string, main *RequestBody, ptr string) []*RequestBody {
	taken := map[BodyKind]bool{main.Kind: true}
	var out []*RequestBody
	for _, ct := range sortedKeys(rb.Content) {
		mt := rb.Content[ct]
		if ct != preferred && jsonSubtype(ct) {
			if main.Kind == BodyJSON && sameMediaSchema(mt, rb.Content[preferred]) {
				out = append(out, &RequestBody{ContentType: ct, Required: rb.Required, Doc: main.Doc, Type: main.Type, JSON: true, Kind: BodyJSON, ServerField: main.ServerField})
			}
			continue
		}
		kind := bodyKind(ct, mt)
		variant, ok := alternateVariants[kind]
		if ct == preferred || !ok || taken[kind] {
			continue
		}
		if kind == BodyMultipart && sharesFileStruct(b, mt, main) {
			b.warn(ptr+escapeToken(ct), "the multipart body shares its schema, which has file members, with the %s body; only %s is generated", main.ContentType, main.ContentType)
			continue
		}
		taken[kind] = true
		alt := &RequestBody{ContentType: ct, Required: rb.Required, Doc: main.Doc, Kind: kind, Variant: variant}
		b.typeBody(alt, mt, o.Name+strings.TrimSuffix(variant, "Body")+"RequestBody", ptr+escapeToken(ct))
		if alt.Kind != kind {
			continue // degraded to bytes: nothing to pick
		}
		alt.ServerField = variant
		if sameDecodedType(alt, main) {
			alt.ServerField = main.ServerField
		}
		out = append(out, alt)
	}
	return out
}

// sameDecodedType reports whether two bodies decode into the same named
// type, as a form and a JSON body of one schema do: the server then reads
// either into one field.
func sameDecodedType(a, b *RequestBody) bool {
	decoded := func(r *RequestBody) bool {
		return (r.JSON || r.Kind == BodyForm || r.Kind == BodyMultipart) && r.Type != nil && r.Type.Kind == RefNamed
	}
	return decoded(a) && decoded(b) && a.Type.Named == b.Type.Named
}

// sameMediaSchema reports whether two media types give the same schema: one
// $ref, or one schema object.
func sameMediaSchema(a, b *openapi3.MediaType) bool {
	if a == nil || b == nil || a.Schema == nil || b.Schema == nil {
		return false
	}
	return a.Schema.Ref != "" && a.Schema.Ref == b.Schema.Ref || a.Schema.Value == b.Schema.Value
}

// jsonSubtype reports whether a media type is JSON: application/json, a
// +json suffix, or JSON under another top-level type (text/json).
func jsonSubtype(ct string) bool {
	ct = strings.ToLower(strings.TrimSpace(strings.SplitN(ct, ";", 2)[0]))
	return strings.HasSuffix(ct, "/json") || strings.HasSuffix(ct, "+json")
}

// sharesFileStruct reports whether a multipart schema is the named struct
// of the preferred body and has members of format binary: typing them as
// files would change the preferred body's type too.
func sharesFileStruct(b *builder, mt *openapi3.MediaType, main *RequestBody) bool {
	if mt.Schema == nil || mt.Schema.Value == nil || main.Type == nil || main.Type.Kind != RefNamed {
		return false
	}
	if byRef, byValue := b.byRef[mt.Schema.Ref], b.inline[mt.Schema.Value]; byRef != main.Type.Named && byValue != main.Type.Named {
		return false
	}
	for _, p := range mt.Schema.Value.Properties {
		if p != nil && p.Value != nil && p.Value.Format == "binary" {
			return true
		}
	}
	return false
}

// ClientAlternates are the alternate bodies that have a client method of
// their own: the other kinds, not the other JSON media types.
func (b *RequestBody) ClientAlternates() []*RequestBody {
	var out []*RequestBody
	for _, alt := range b.Alternates {
		if alt.Variant != "" {
			out = append(out, alt)
		}
	}
	return out
}

// RequestBodies are the bodies an operation takes: the preferred one, then
// its alternates; none without a body.
func (o *Operation) RequestBodies() []*RequestBody {
	if o.Body == nil {
		return nil
	}
	return append([]*RequestBody{o.Body}, o.Body.Alternates...)
}
