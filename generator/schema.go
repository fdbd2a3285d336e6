package generator

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/getkin/kin-openapi/openapi3"
)

// itemRef maps the schema of an array's items or a map's values, noting
// whether null is one of them.
func (b *builder) itemRef(sr *openapi3.SchemaRef, ctx, ptr string) *TypeRef {
	r := b.ref(sr, ctx, ptr)
	r.Nullable = sr != nil && sr.Value != nil && isNullable(sr.Value)
	return r
}

// ref returns the Go type for a schema used at ptr; ctx names an inline
// type if one has to be created for it.
func (b *builder) ref(sr *openapi3.SchemaRef, ctx, ptr string) *TypeRef {
	if sr == nil || sr.Value == nil {
		return &TypeRef{Kind: RefAny}
	}
	if gt, ok := b.externalType(sr, ptr); ok {
		return &TypeRef{Kind: RefExternal, External: &gt}
	}
	if t, ok := b.byRef[sr.Ref]; ok {
		return &TypeRef{Kind: RefNamed, Named: t}
	}
	if name := defsName(sr.Ref); name != "" && needsNamedType(sr.Value) {
		// A component's $defs member is named after both, wherever it is used.
		t, ok := b.inline[sr.Value]
		if !ok {
			t = b.addType(&Type{Name: b.typeName(name), Pointer: refPointer(sr.Ref)})
			b.inline[sr.Value] = t
			b.fillNamedType(t, sr, t.Pointer)
		}
		b.byRef[sr.Ref] = t
		return &TypeRef{Kind: RefNamed, Named: t}
	}
	if sr.Ref != "" && !strings.HasPrefix(sr.Ref, "#/components/schemas/") {
		// A reference into another file or elsewhere: name it after its last segment.
		target := refTarget(sr)
		if t, ok := b.byTarget[target]; ok && target != "" {
			b.byRef[sr.Ref] = t
			return &TypeRef{Kind: RefNamed, Named: t}
		}
		name := sr.Ref[strings.LastIndexAny(sr.Ref, "/#")+1:]
		name = strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(name, ".yaml"), ".yml"), ".json")
		if name != "" && needsNamedType(sr.Value) {
			at := ptr
			if strings.HasPrefix(sr.Ref, "#/") {
				at = refPointer(sr.Ref) // a schema of this document (#/$defs/Money) is where it is written
			}
			t := b.addType(&Type{Name: b.typeName(name), Pointer: at})
			b.byRef[sr.Ref] = t
			if target != "" {
				b.byTarget[target] = t
			}
			b.fillNamedType(t, sr, at)
			return &TypeRef{Kind: RefNamed, Named: t}
		}
	}
	s := sr.Value
	b.warnUnenforced(s, ptr)
	if inner, ok := nullVariantStripped(s); ok {
		return b.ref(inner, ctx, ptr)
	}
	if needsNamedType(s) {
		// The same inline schema reached again (through a cycle, or a shared
		// $ref into it) is the same type.
		if t, ok := b.inline[s]; ok {
			return &TypeRef{Kind: RefNamed, Named: t}
		}
		t := b.addType(&Type{Name: b.typeName(ctx), Pointer: ptr})
		b.inline[s] = t
		b.fillNamedType(t, sr, ptr)
		return &TypeRef{Kind: RefNamed, Named: t}
	}
	if len(s.AllOf) == 1 {
		r := b.ref(s.AllOf[0], ctx, ptr+"/allOf/0")
		return r
	}
	return b.plainRef(s, ctx, ptr)
}

// defsName is the name source of a $ref to a component schema's $defs
// member, #/components/schemas/Order/$defs/Person: "Order Person"; empty
// for other references.
func defsName(ref string) string {
	rest, ok := strings.CutPrefix(ref, "#/components/schemas/")
	if !ok {
		return ""
	}
	component, def, ok := strings.Cut(rest, "/$defs/")
	if !ok || strings.Contains(component, "/") || strings.Contains(def, "/") {
		return ""
	}
	return unescapeToken(component) + " " + unescapeToken(def)
}

// needsNamedType reports whether a schema becomes a named Go type of its own.
func needsNamedType(s *openapi3.Schema) bool {
	if len(s.OneOf) > 0 || len(s.AnyOf) > 0 {
		if _, ok := nullVariantStripped(s); ok {
			return false
		}
		return true
	}
	if len(s.AllOf) > 1 || (len(s.AllOf) == 1 && len(s.Properties) > 0) {
		return true
	}
	if len(enumValues(s)) > 0 && enumBase(s) != 0 {
		return true
	}
	return len(s.Properties) > 0 || len(s.PrefixItems) > 0
}

// enumValues are the allowed values of an enum, or the one value of a const.
func enumValues(s *openapi3.Schema) []any {
	if s.Const != nil && len(s.Enum) == 0 {
		return []any{s.Const}
	}
	return nonNullEnum(s.Enum)
}

// plainRef maps a schema that needs no named type of its own.
func (b *builder) plainRef(s *openapi3.Schema, ctx, ptr string) *TypeRef {
	r := &TypeRef{Format: s.Format, Constraints: constraintsOf(s)}
	types := schemaTypes(s)
	switch {
	case len(types) > 1:
		r.Note = "Typed as any: the schema allows several types (" + strings.Join(types, ", ") + ")."
		b.warn(ptr, "a value of several types (%s) is typed as any", strings.Join(types, ", "))
		r.Kind = RefAny
	case len(types) == 0:
		switch {
		case s.Items != nil:
			r.Kind, r.Elem = RefSlice, b.itemRef(s.Items, ctx+"Item", ptr+"/items")
		case s.AdditionalProperties.Schema != nil:
			r.Kind, r.Elem = RefMap, b.itemRef(s.AdditionalProperties.Schema, ctx+"Value", ptr+"/additionalProperties")
		default:
			r.Kind = RefAny
		}
	default:
		switch types[0] {
		case "string":
			switch s.Format {
			case "date-time":
				r.Kind = RefTime
			case "byte", "binary":
				r.Kind = RefBytes
			default:
				r.Kind = RefString
				if strings.EqualFold(s.ContentEncoding, "base64") {
					// 3.1's spelling of format: byte; encoding/json reads standard base64 into []byte.
					r.Kind, r.Format = RefBytes, "byte"
				}
			}
			if s.ContentMediaType != "" && r.Kind == RefBytes {
				r.Note = "The bytes are " + s.ContentMediaType + " (contentMediaType)."
			} else if s.ContentMediaType != "" {
				r.Note = "The text is " + s.ContentMediaType + " (contentMediaType); livegen does not decode it."
			}
		case "integer":
			switch s.Format {
			case "int32":
				r.Kind = RefInt32
			case "int64", "unix-time":
				r.Kind = RefInt64
			default:
				r.Kind = RefInt
			}
		case "number":
			if s.Format == "float" {
				r.Kind = RefFloat32
			} else {
				r.Kind = RefFloat64
			}
		case "boolean":
			r.Kind = RefBool
		case "array":
			r.Kind = RefSlice
			r.Elem = b.itemRef(s.Items, ctx+"Item", ptr+"/items")
			if u := stringExtension(s.Extensions, "x-livegen-unique-by"); u != "" {
				r.Constraints.UniqueBy = u
			}
		case "object":
			r.Kind = RefMap
			switch {
			case s.AdditionalProperties.Schema != nil:
				r.Elem = b.itemRef(s.AdditionalProperties.Schema, ctx+"Value", ptr+"/additionalProperties")
			default:
				r.Elem = &TypeRef{Kind: RefAny}
			}
		case "null":
			r.Kind = RefAny
		default:
			r.Note = "Typed as any: the schema's type " + strconv.Quote(types[0]) + " is not an OpenAPI type."
			b.warn(ptr, "unknown type %q is typed as any", types[0])
			r.Kind = RefAny
		}
	}
	return r
}

// fillNamedType builds the body of a named type from its schema.
func (b *builder) fillNamedType(t *Type, sr *openapi3.SchemaRef, ptr string) {
	s := sr.Value
	if s == nil {
		t.Kind, t.Alias = KindAlias, &TypeRef{Kind: RefAny}
		return
	}
	b.recordMapping(t, s)
	t.Doc = schemaDoc(s)
	t.Deprecated = s.Deprecated
	t.Constraints = constraintsOf(s)
	if inner, ok := nullVariantStripped(s); ok {
		t.Kind, t.Alias = KindAlias, b.ref(inner, t.Name, ptr)
		return
	}
	switch {
	case len(s.OneOf) > 0:
		b.fillUnion(t, s, s.OneOf, true, ptr+"/oneOf")
	case len(s.AnyOf) > 0:
		b.fillUnion(t, s, s.AnyOf, false, ptr+"/anyOf")
	case len(s.AllOf) > 0:
		b.fillStruct(t, s, ptr)
	case len(enumValues(s)) > 0 && enumBase(s) != 0:
		b.fillEnum(t, s, ptr)
	case len(s.PrefixItems) > 0:
		b.fillTuple(t, s, ptr)
	case len(s.Properties) > 0 || schemaTypes(s).is("object") && s.AdditionalProperties.Schema == nil && hasFalse(s.AdditionalProperties.Has):
		// An object without properties is free-form (a map that keeps every
		// member) unless additionalProperties: false says it is always empty.
		b.fillStruct(t, s, ptr)
	default:
		t.Kind, t.Alias = KindAlias, b.plainRef(s, t.Name, ptr)
	}
}

func hasTrue(p *bool) bool { return p != nil && *p }

func hasFalse(p *bool) bool { return p != nil && !*p }

func (b *builder) fillEnum(t *Type, s *openapi3.Schema, ptr string) {
	t.Kind = KindEnum
	t.Enum = &Enum{Base: enumBase(s)}
	names := enumVarNames(s)
	seen := map[string]bool{}
	for i, v := range enumValues(s) {
		key := enumKey(v)
		if seen[key] {
			continue // duplicates add nothing; the validator reports them in strict mode
		}
		seen[key] = true
		ev := EnumValue{Value: normalizeEnumValue(v, t.Enum.Base)}
		if i < len(names) {
			ev.Name = names[i]
		}
		t.Enum.Values = append(t.Enum.Values, ev)
	}
}

func enumVarNames(s *openapi3.Schema) []string {
	raw, ok := s.Extensions["x-enum-varnames"].([]any)
	if !ok {
		return nil
	}
	names := make([]string, 0, len(raw))
	for _, r := range raw {
		n, _ := r.(string)
		names = append(names, n)
	}
	return names
}

func enumKey(v any) string { return fmt.Sprintf("%T:%v", v, v) }

// enumBase picks the Go base kind of an enum, or 0 when the enum cannot be a
// named constant type (booleans, objects, mixed values).
func enumBase(s *openapi3.Schema) RefKind {
	values := enumValues(s)
	allStrings, allInts, allNumbers := true, true, true
	for _, v := range values {
		switch x := v.(type) {
		case string:
			allInts, allNumbers = false, false
		case float64:
			allStrings = false
			if x != math.Trunc(x) || math.Abs(x) > 1<<53 {
				allInts = false
			}
		case int, int64:
			allStrings = false
		default:
			return 0
		}
	}
	types := schemaTypes(s)
	switch {
	case allStrings && (len(types) == 0 || types.is("string")):
		return RefString
	case allInts && (types.is("integer") || len(types) == 0):
		switch s.Format {
		case "int32":
			return RefInt32
		case "int64":
			return RefInt64
		}
		return RefInt
	case allNumbers && types.is("number"):
		return RefFloat64
	}
	return 0
}

func normalizeEnumValue(v any, base RefKind) any {
	switch x := v.(type) {
	case float64:
		if base == RefFloat64 {
			return x
		}
		return int64(x)
	case int:
		return int64(x)
	}
	return v
}

func nonNullEnum(values []any) []any {
	out := make([]any, 0, len(values))
	for _, v := range values {
		if v != nil {
			out = append(out, v)
		}
	}
	return out
}

// fillStruct builds a struct from properties, merging allOf members.
func (b *builder) fillStruct(t *Type, s *openapi3.Schema, ptr string) {
	t.Kind = KindStruct
	props := map[string]*openapi3.SchemaRef{}
	propPtr := map[string]string{}
	required := map[string]bool{}
	var additional *openapi3.SchemaRef
	b.collectProperties(s, ptr, props, propPtr, required, &additional, 0)
	fieldNames := newNameSet("Validate", "MarshalJSON", "UnmarshalJSON", "AdditionalProperties")
	for _, name := range sortedKeys(props) {
		pr := props[name]
		ps := pr.Value
		var ext map[string]any
		if ps != nil {
			ext = ps.Extensions
		}
		goName := b.goName(propPtr[name], ext, name)
		f := &Field{
			Name:     GoName(goName), // claimed below
			JSONName: name,
			Required: required[name],
			Pointer:  propPtr[name],
		}
		f.Type = b.ref(pr, t.Name+GoName(goName), f.Pointer)
		if ps != nil {
			f.Doc = schemaDoc(ps)
			f.Nullable = isNullable(ps)
			f.ReadOnly, f.WriteOnly, f.Deprecated = ps.ReadOnly, ps.WriteOnly, ps.Deprecated
		}
		t.Fields = append(t.Fields, f)
	}
	if additional != nil {
		t.AdditionalProperties = b.ref(additional, t.Name+"AdditionalProperty", ptr+"/additionalProperties")
	}
	claimFieldNames(t.Fields, fieldNames)
	assignTagNames(t.Fields)
}

// claimFieldNames makes the fields' Go names unique. Properties named as a
// Go programmer would name them (letters, digits, '_') claim first, so that
// "type" is Type and "@type" beside it is Type2, whatever the sort order.
func claimFieldNames(fields []*Field, names *nameSet) {
	for _, plainFirst := range []bool{true, false} {
		for _, f := range fields {
			if plainIdentifier(f.JSONName) == plainFirst {
				f.Name = names.claim(f.Name)
			}
		}
	}
}

func plainIdentifier(s string) bool {
	for _, c := range s {
		if c != '_' && !unicode.IsLetter(c) && !unicode.IsDigit(c) {
			return false
		}
	}
	return s != ""
}

// collectProperties gathers the properties of s and of its allOf members.
func (b *builder) collectProperties(s *openapi3.Schema, ptr string, props map[string]*openapi3.SchemaRef, propPtr map[string]string, required map[string]bool, additional **openapi3.SchemaRef, depth int) {
	if depth > 32 {
		b.fail(ptr, "allOf nests more than 32 levels deep (a cycle?); break the cycle with a property reference")
		return
	}
	for i, member := range s.AllOf {
		mptr := ptr + "/allOf/" + strconv.Itoa(i)
		if member == nil || member.Value == nil {
			continue
		}
		if strings.HasPrefix(member.Ref, "#/components/") {
			mptr = refPointer(member.Ref) // other $refs may be local to another file
		}
		m := member.Value
		if len(m.OneOf) > 0 || len(m.AnyOf) > 0 {
			b.warn(mptr, "a oneOf/anyOf inside allOf is not merged; its properties are left out of the struct")
			continue
		}
		b.collectProperties(m, mptr, props, propPtr, required, additional, depth+1)
	}
	for _, name := range sortedKeys(s.Properties) {
		pr := s.Properties[name]
		if prev, ok := props[name]; ok && prev != pr && !sameSchema(prev, pr) {
			b.warn(ptr+"/properties/"+escapeToken(name), "property %q is declared again with another schema in allOf; the last declaration wins", name)
		}
		props[name] = pr
		propPtr[name] = ptr + "/properties/" + escapeToken(name)
	}
	for _, r := range s.Required {
		required[r] = true
	}
	if s.AdditionalProperties.Schema != nil {
		*additional = s.AdditionalProperties.Schema
	} else if hasTrue(s.AdditionalProperties.Has) {
		*additional = &openapi3.SchemaRef{Value: &openapi3.Schema{}}
	}
}

func sameSchema(a, b *openapi3.SchemaRef) bool {
	if a.Ref != "" || b.Ref != "" {
		return a.Ref == b.Ref
	}
	return a.Value == b.Value || (schemaTypes(a.Value).is(firstType(b.Value)) && a.Value.Format == b.Value.Format)
}

func firstType(s *openapi3.Schema) string {
	if t := schemaTypes(s); len(t) > 0 {
		return t[0]
	}
	return ""
}

// fillUnion builds a oneOf/anyOf type.
func (b *builder) fillUnion(t *Type, s *openapi3.Schema, members openapi3.SchemaRefs, oneOf bool, ptr string) {
	t.Kind = KindUnion
	u := &Union{OneOf: oneOf}
	if s.Discriminator != nil && s.Discriminator.PropertyName != "" {
		u.Discriminator = &Discriminator{Property: s.Discriminator.PropertyName}
	}
	names := newNameSet("Validate", "MarshalJSON", "UnmarshalJSON", "Raw")
	for i, m := range members {
		mptr := ptr + "/" + strconv.Itoa(i)
		if m == nil || m.Value == nil || isNullSchema(m.Value) {
			continue
		}
		ctx := t.Name + "Option" + strconv.Itoa(i+1)
		if m.Value.Title != "" {
			ctx = t.Name + GoName(m.Value.Title)
		}
		r := b.ref(m, ctx, mptr)
		v := &Variant{Type: r} // JSONKind is set by finishUnions, once every type is built
		v.Name = names.claim(variantName(r))
		if u.Discriminator != nil {
			v.DiscriminatorValues = discriminatorValues(s.Discriminator, m)
		}
		u.Variants = append(u.Variants, v)
	}
	t.Union = u
}

// finishUnions settles what needs every type built: the JSON kind of each
// variant, and whether a discriminator can work.
func (b *builder) finishUnions() {
	for _, t := range b.api.Types {
		if t.Kind != KindUnion {
			continue
		}
		u := t.Union
		for _, v := range u.Variants {
			v.JSONKind = jsonKind(v.Type)
			if u.Discriminator != nil && v.JSONKind != "object" {
				b.warn(t.Pointer, "discriminator %q needs object variants; variant %s is not an object", u.Discriminator.Property, v.Name)
			}
		}
	}
}

func discriminatorValues(d *openapi3.Discriminator, m *openapi3.SchemaRef) []string {
	var values []string
	for _, key := range sortedKeys(d.Mapping) {
		if d.Mapping[key].Ref == m.Ref || strings.HasSuffix(m.Ref, "/"+d.Mapping[key].Ref) || "#/components/schemas/"+d.Mapping[key].Ref == m.Ref {
			values = append(values, key)
		}
	}
	if len(values) == 0 && m.Ref != "" {
		values = append(values, m.Ref[strings.LastIndex(m.Ref, "/")+1:])
	}
	return values
}

func variantName(r *TypeRef) string {
	switch r.Kind {
	case RefNamed:
		return r.Named.Name
	case RefSlice:
		return variantName(r.Elem) + "List"
	case RefMap:
		return variantName(r.Elem) + "Map"
	}
	return GoName(refKindNames[r.Kind])
}

var refKindNames = map[RefKind]string{
	RefString: "string", RefInt: "int", RefInt32: "int32", RefInt64: "int64",
	RefFloat32: "float32", RefFloat64: "float64", RefBool: "bool", RefTime: "time",
	RefBytes: "bytes", RefAny: "any", RefRaw: "raw",
}

// jsonKind tells which JSON value kind a type decodes from.
func jsonKind(r *TypeRef) string {
	switch r.Kind {
	case RefString, RefTime, RefBytes:
		return "string"
	case RefInt, RefInt32, RefInt64:
		return "integer"
	case RefFloat32, RefFloat64:
		return "number"
	case RefBool:
		return "boolean"
	case RefSlice:
		return "array"
	case RefMap:
		return "object"
	case RefNamed:
		switch r.Named.Kind {
		case KindStruct:
			return "object"
		case KindTuple:
			return "array"
		case KindEnum:
			if r.Named.Enum.Base == RefString {
				return "string"
			}
			return "number"
		case KindAlias:
			return jsonKind(r.Named.Alias)
		}
	}
	return ""
}

// nullVariantStripped recognises the 3.1 spellings of a nullable schema,
// oneOf/anyOf [X, {type: null}], and returns X.
func nullVariantStripped(s *openapi3.Schema) (*openapi3.SchemaRef, bool) {
	members := s.OneOf
	if len(members) == 0 {
		members = s.AnyOf
	}
	if len(members) != 2 {
		return nil, false
	}
	for i, m := range members {
		if m != nil && m.Value != nil && isNullSchema(m.Value) {
			other := members[1-i]
			if other != nil && other.Value != nil {
				return other, true
			}
		}
	}
	return nil, false
}

func isNullSchema(s *openapi3.Schema) bool {
	return s.Type != nil && len(*s.Type) == 1 && (*s.Type)[0] == "null"
}

// isNullable reports whether null is an allowed value.
func isNullable(s *openapi3.Schema) bool {
	if s.Nullable || (s.Type != nil && s.Type.Includes("null")) {
		return true
	}
	_, ok := nullVariantStripped(s)
	return ok
}

type typeList []string

func (t typeList) is(name string) bool { return len(t) == 1 && t[0] == name }

// schemaTypes returns the declared types without "null".
func schemaTypes(s *openapi3.Schema) typeList {
	if s.Type == nil {
		return nil
	}
	var out typeList
	for _, t := range *s.Type {
		if t != "null" {
			out = append(out, t)
		}
	}
	return out
}

func constraintsOf(s *openapi3.Schema) Constraints {
	c := Constraints{
		Minimum: s.Min, Maximum: s.Max, MultipleOf: s.MultipleOf,
		MinLength: s.MinLength, MaxLength: s.MaxLength, Pattern: s.Pattern,
		MinItems: s.MinItems, MaxItems: s.MaxItems, UniqueItems: s.UniqueItems,
		MinProperties: s.MinProps,
	}
	if s.MaxProps != nil {
		c.MaxProperties = *s.MaxProps
	}
	c.ExclusiveMinimum = s.ExclusiveMin.Bool != nil && *s.ExclusiveMin.Bool
	c.ExclusiveMaximum = s.ExclusiveMax.Bool != nil && *s.ExclusiveMax.Bool
	if s.ExclusiveMin.Value != nil {
		c.Minimum, c.ExclusiveMinimum = s.ExclusiveMin.Value, true
	}
	if s.ExclusiveMax.Value != nil {
		c.Maximum, c.ExclusiveMaximum = s.ExclusiveMax.Value, true
	}
	return c
}

// schemaDoc is the description of a schema, or its title when it has none.
func schemaDoc(s *openapi3.Schema) string {
	doc := strings.TrimSpace(s.Description)
	if doc == "" {
		doc = strings.TrimSpace(s.Title)
	}
	return doc
}

// refTarget is where a $ref to another file resolves, the same string
// whichever folder the $ref is written in; empty for other schemas.
func refTarget(sr *openapi3.SchemaRef) string {
	if sr == nil || sr.Ref == "" || strings.HasPrefix(sr.Ref, "#") {
		return ""
	}
	if u := sr.RefPath(); u != nil {
		return u.String()
	}
	return ""
}

func refPointer(ref string) string {
	if i := strings.Index(ref, "#"); i >= 0 {
		return ref[i+1:]
	}
	return ref
}

func trimFloat(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

func itoa(i int) string { return strconv.Itoa(i) }

// sortStrings returns a sorted copy.
func sortStrings(in []string) []string {
	out := append([]string(nil), in...)
	sort.Strings(out)
	return out
}

// warnUnenforced names the keywords that the generated types and validators
// do not enforce, once per schema.
func (b *builder) warnUnenforced(s *openapi3.Schema, ptr string) {
	if b.warned[s] {
		return
	}
	b.warned[s] = true
	var keywords []string
	if s.Not != nil {
		keywords = append(keywords, "not")
	}
	if s.If != nil || s.Then != nil || s.Else != nil {
		keywords = append(keywords, "if/then/else")
	}
	if len(s.PatternProperties) > 0 {
		keywords = append(keywords, "patternProperties")
	}
	if len(s.DependentSchemas) > 0 || len(s.DependentRequired) > 0 {
		keywords = append(keywords, "dependentSchemas/dependentRequired")
	}
	if len(keywords) > 0 {
		b.warn(ptr, "%s is not enforced by the generated code", strings.Join(keywords, ", "))
	}
}

// externalType finds the Go type that livegen.yaml or x-go-type maps a
// schema to: the config wins, by the pointer of the use or of the $ref'd
// component; then the schema's own x-go-type.
func (b *builder) externalType(sr *openapi3.SchemaRef, ptr string) (GoType, bool) {
	if gt, ok := b.opts.Overrides.Type(ptr); ok {
		return gt, true
	}
	if sr.Ref != "" {
		if gt, ok := b.opts.Overrides.Type(refPointer(sr.Ref)); ok {
			return gt, true
		}
	}
	gt, ok, skip, err := goTypeExtension(sr.Value.Extensions)
	if err != nil {
		b.fail(ptr, "%v", err)
		return GoType{}, false
	}
	if skip != "" {
		b.warnOnce(ptr, "%s", skip)
	}
	return gt, ok
}

// isExternal reports whether a component schema is mapped to a Go type of
// another package, so that no type is generated for it.
func (b *builder) isExternal(sr *openapi3.SchemaRef, ptr string) bool {
	if sr == nil || sr.Value == nil {
		return false
	}
	if _, ok := b.opts.Overrides.Type(ptr); ok {
		return true
	}
	_, ok, _, _ := goTypeExtension(sr.Value.Extensions)
	return ok
}
