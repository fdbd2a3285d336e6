package generator

import (
	"strconv"

	"github.com/getkin/kin-openapi/openapi3"
)

// A 3.1 tuple (prefixItems) becomes a struct with one field per position,
// V0, V1..., that is a JSON array on the wire, as ogen does: a [lat, lon]
// pair reads p.V0, p.V1 instead of p[0] on a []any. Positions after minItems
// may be absent; items after the positions go to Rest, typed by `items`,
// unless `items: false` or maxItems closes the tuple.

// fillTuple builds a tuple type, or, when a position has no type livegen
// can tell, a list of any value with a warning.
func (b *builder) fillTuple(t *Type, s *openapi3.Schema, ptr string) {
	fields := make([]*Field, 0, len(s.PrefixItems)+1)
	for i, sr := range s.PrefixItems {
		at := ptr + "/prefixItems/" + strconv.Itoa(i)
		f := &Field{Name: "V" + strconv.Itoa(i), JSONName: strconv.Itoa(i), Pointer: at, Required: uint64(i) < s.MinItems}
		f.TagName = f.JSONName
		f.Type = b.ref(sr, t.Name+f.Name, at)
		if f.Type.Kind == RefAny {
			b.warn(at, "prefixItems position %d has no type livegen can tell; the tuple is typed as a list of any value", i)
			t.Kind = KindAlias
			t.Alias = &TypeRef{Kind: RefSlice, Elem: &TypeRef{Kind: RefAny}, Constraints: t.Constraints,
				Note: "Typed as a list: a prefixItems position has no type livegen can tell."}
			return
		}
		if sr.Value != nil {
			f.Doc = schemaDoc(sr.Value)
			f.Nullable = isNullable(sr.Value)
			f.ReadOnly, f.WriteOnly, f.Deprecated = sr.Value.ReadOnly, sr.Value.WriteOnly, sr.Value.Deprecated
		}
		fields = append(fields, f)
	}
	t.Kind = KindTuple
	t.Tuple = &Tuple{Positions: len(fields), Required: min(int(s.MinItems), len(fields)), MaxItems: -1}
	if s.MaxItems != nil && *s.MaxItems < 1<<31 {
		t.Tuple.MaxItems = int(*s.MaxItems)
	}
	if isFalseSchema(s.Items) && (t.Tuple.MaxItems < 0 || t.Tuple.MaxItems > len(fields)) {
		t.Tuple.MaxItems = len(fields)
	}
	if t.Tuple.MaxItems < 0 || t.Tuple.MaxItems > len(fields) {
		rest := &Field{Name: "Rest", JSONName: "rest", TagName: "rest", Pointer: ptr + "/items",
			Doc: "Rest holds the items after position " + strconv.Itoa(len(fields)-1) + "."}
		rest.Type = &TypeRef{Kind: RefSlice, Elem: &TypeRef{Kind: RefAny}}
		if s.Items != nil && s.Items.Value != nil && s.Items.Value.Always == nil {
			rest.Type.Elem = b.itemRef(s.Items, t.Name+"RestItem", rest.Pointer)
		}
		t.Tuple.Rest = rest
		fields = append(fields, rest)
	}
	t.Fields = fields
}

// isFalseSchema reports whether a schema is the JSON Schema `false`, which
// no value fits.
func isFalseSchema(sr *openapi3.SchemaRef) bool {
	return sr != nil && sr.Value != nil && hasFalse(sr.Value.Always)
}
