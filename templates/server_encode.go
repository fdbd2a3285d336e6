package templates

import (
	"encoding/json"
	"fmt"
	"strings"
	"unicode"

	"github.com/dave/jennifer/jen"
	"github.com/seed-0d47db62/livegen/generator"
)

// Answers written without encoding/json's reflection.
//
// encoding/json calls a MarshalJSON method for every Nullable, time and
// rich-text value and then scans what it returned: most of the cost of an
// answer. The server instead writes the answer types with generated
// appendJSON methods, which produce the bytes encoding/json's Marshal
// produces (the generated packages' tests compare the two on random
// values) and hand anything unusual (maps, unions, floats, external types)
// to encoding/json, value by value.

// ServerEncode renders server_encode.gen.go: appendJSON for every struct an
// answer holds, and the writer that uses it. nil when no answer is such a
// struct.
func ServerEncode(api *generator.API) ([]byte, error) {
	types := encodedTypes(api)
	if len(types) == 0 {
		return nil, nil
	}
	f := newFile(api)
	genEncodeRuntime(f, holdsNullable(types))
	bodies := answerBodies(api)
	for _, t := range api.Types {
		if types[t] {
			genAppendJSON(f, t, bodies[t])
		}
	}
	return render(f)
}

// ServerEncodeRuntime renders the runtime's server_encode.gen.go: the JSON
// writing that appendJSON methods share and that does not depend on the
// spec's types. nil when ServerEncode has nothing to write.
func ServerEncodeRuntime(api *generator.API) ([]byte, error) {
	types := encodedTypes(api)
	if len(types) == 0 {
		return nil, nil
	}
	t := newRuntimeText(api)
	t.add(jsonWriterPiece.fixed())
	for _, c := range scalarMemberCalls(scalarKinds(types)) {
		t.add(c)
	}
	return t.bytes()
}

// appendable reports whether a named type gets an appendJSON method: a
// plain struct (no additional properties) whose names encoding/json takes
// as they are.
func appendable(t *generator.Type) bool {
	if t.Kind != generator.KindStruct || t.AdditionalProperties != nil {
		return false
	}
	for _, fl := range t.Fields {
		if fl.TagName != fl.JSONName { // the type has a MarshalJSON of its own
			return false
		}
	}
	return true
}

// answerAppendable reports whether an answer body is written with
// appendJSON: a struct that has it, or a list of them.
func answerAppendable(r *generator.TypeRef) bool {
	if r.Kind == generator.RefSlice {
		r = r.Elem
	}
	return r.Kind == generator.RefNamed && appendable(r.Named)
}

// encodedTypes are the appendable structs that answers reach.
func encodedTypes(api *generator.API) map[*generator.Type]bool {
	seen := map[*generator.Type]bool{}
	var visit func(r *generator.TypeRef)
	visit = func(r *generator.TypeRef) {
		for r.Kind == generator.RefSlice {
			r = r.Elem
		}
		if r.Kind != generator.RefNamed || seen[r.Named] || !appendable(r.Named) {
			return
		}
		seen[r.Named] = true
		for _, fl := range r.Named.Fields {
			visit(fl.Type)
		}
	}
	for _, o := range api.ServedOperations() {
		for _, r := range o.Responses {
			if r.Type != nil && r.JSON && answerAppendable(r.Type) {
				visit(r.Type)
			}
		}
	}
	return seen
}

// answerBodies are the structs that answers hold as their body (not in a
// list) and that hand no member on by address: their appendJSON keeps a
// value receiver, so that an answer hands
// its body over as a value rather than moving the whole answer to the heap
// to point at it, which costs more code in every answer method.
func answerBodies(api *generator.API) map[*generator.Type]bool {
	bodies := map[*generator.Type]bool{}
	for _, o := range api.ServedOperations() {
		for _, r := range o.Responses {
			if r.Type != nil && r.JSON && r.Type.Kind == generator.RefNamed && answerAppendable(r.Type) && !addressesMembers(r.Type.Named) {
				bodies[r.Type.Named] = true
			}
		}
	}
	return bodies
}

// addressesMembers reports whether t's appendJSON hands a member on by
// address (a struct or a Nullable struct held in place). With a value
// receiver that would move each value written to the heap, so such a type
// takes a pointer receiver even as an answer body (see answerBodyByPointer).
func addressesMembers(t *generator.Type) bool {
	for _, fl := range t.Fields {
		shape := fl.Shape()
		if fl.Type.Kind == generator.RefNamed && appendable(fl.Type.Named) &&
			(shape == generator.ShapeValue || shape == generator.ShapeNullable && !fl.Recursive) {
			return true
		}
	}
	return false
}

// answerBodyByPointer reports whether an answer hands its body (a struct,
// not a list) to the writer by pointer: its appendJSON has a pointer receiver.
func answerBodyByPointer(r *generator.TypeRef) bool {
	return r.Kind == generator.RefNamed && answerAppendable(r) && addressesMembers(r.Named)
}

// holdsNullable reports whether one of types has a Nullable member.
func holdsNullable(types map[*generator.Type]bool) bool {
	for t := range types {
		for _, fl := range t.Fields {
			if fl.Shape() == generator.ShapeNullable {
				return true
			}
		}
	}
	return false
}

// jsonKey is a member's name as encoding/json writes it, with the colon.
func jsonKey(name string) string {
	data, err := json.Marshal(name)
	if err != nil {
		panic(fmt.Sprintf("encoding the name %q: %v", name, err))
	}
	return string(data) + ":"
}

// keyLit is a member name as Go source, raw when it can be.
func keyLit(key string) jen.Code {
	if strings.ContainsAny(key, "`\r") {
		return jen.Lit(key)
	}
	return jen.Op("`" + key + "`")
}

// genAppendJSON renders the appendJSON method of one struct: one line per
// member, through the helpers of genEncodeRuntime. Members and list items
// that are structs are handed on by address, through one non-generic path,
// rather than copied into a generic helper compiled once per struct; so the
// receiver is a pointer, which spares the compiler a wrapper per type,
// except for answer bodies (see answerBodies).
func genAppendJSON(f *jen.File, t *generator.Type, answerBody bool) {
	recv := jen.Op("*").Id(t.Name)
	if answerBody {
		recv = jen.Id(t.Name)
	}
	f.Comment("appendJSON writes v as encoding/json's Marshal does.")
	f.Func().Params(jen.Id("v").Add(recv)).Id("appendJSON").Params(jen.Id("b").Index().Byte()).Params(jen.Id("_").Index().Byte(), jen.Err().Error()).BlockFunc(func(g *jen.Group) {
		g.Id("b").Op("=").Append(jen.Id("b"), jen.LitRune('{'))
		for _, fl := range t.Fields {
			if structList(fl) {
				appendObjects(g, fl)
				continue
			}
			g.List(jen.Id("b"), jen.Err()).Op("=").Add(appendMember(fl))
		}
		g.Return(rt("AppendJSONClose").Call(jen.Id("b"), jen.Err()))
	})
}

// structList reports whether a member is a plain list (not a Nullable one)
// of structs with appendJSON.
func structList(fl *generator.Field) bool {
	shape, elem := fl.Shape(), fl.Type.Elem
	return fl.Type.Kind == generator.RefSlice && (shape == generator.ShapeValue || shape == generator.ShapeOmitZero) &&
		elem.Kind == generator.RefNamed && appendable(elem.Named)
}

// appendObjects writes a member that is a list of structs with appendJSON:
// each item by address, in a loop of the method itself.
func appendObjects(g *jen.Group, fl *generator.Field) {
	x := jen.Id("v").Dot(fl.Name)
	isNil := x.Clone().Op("==").Nil()
	g.List(jen.Id("b"), jen.Err()).Op("=").Add(rt("AppendJSONListOpen")).Call(jen.Id("b"), jen.Err(), keyLit(jsonKey(fl.JSONName)), isNil, jen.Lit(fl.Shape() == generator.ShapeOmitZero))
	g.For(jen.Id("i").Op(":=").Range().Add(x.Clone())).Block(
		jen.List(jen.Id("b"), jen.Err()).Op("=").Id("appendJSONItem").Call(jen.Id("b"), jen.Err(), jen.Id("i"), jen.Op("&").Add(x.Clone()).Index(jen.Id("i"))),
	)
	g.List(jen.Id("b"), jen.Err()).Op("=").Add(rt("AppendJSONListClose")).Call(jen.Id("b"), jen.Err(), isNil.Clone())
}

// appendMember is the call that writes one member, left out as its tag says.
func appendMember(fl *generator.Field) jen.Code {
	x := jen.Id("v").Dot(fl.Name)
	call := func(helper string, args ...jen.Code) jen.Code {
		fn := jen.Id(helper)
		if unicode.IsUpper(rune(helper[0])) { // the runtime's
			fn = rt(helper)
		}
		return fn.Call(append([]jen.Code{jen.Id("b"), jen.Err(), keyLit(jsonKey(fl.JSONName))}, args...)...)
	}
	shape := fl.Shape()
	if base := enumBase(fl.Type); base != nil {
		// Written as its base type: a generic helper instantiated with each
		// enum would be one more compiled function per enum.
		switch shape {
		case generator.ShapePointer:
			x = jen.Parens(jen.Op("*").Add(base)).Call(x)
		case generator.ShapeValue:
			x = base.Call(x)
		}
	}
	if fl.Type.Kind == generator.RefNamed && appendable(fl.Type.Named) {
		// A struct with appendJSON: appendJSONObject(present, null, pointer).
		object := func(present, null, ptr jen.Code) jen.Code { return call("appendJSONObject", present, null, ptr) }
		switch {
		case shape == generator.ShapePointer && fl.Required:
			return object(jen.True(), x.Clone().Op("==").Nil(), x)
		case shape == generator.ShapePointer:
			return object(x.Clone().Op("!=").Nil(), jen.False(), x)
		case shape == generator.ShapeNullable && fl.Recursive: // Nullable[*T]
			return object(x.Clone().Dot("set"), x.Clone().Dot("null").Op("||").Add(x.Clone()).Dot("value").Op("==").Nil(), x.Clone().Dot("value"))
		case shape == generator.ShapeNullable:
			return object(x.Clone().Dot("set"), x.Clone().Dot("null"), jen.Op("&").Add(x).Dot("value"))
		default:
			return object(jen.True(), jen.False(), jen.Op("&").Add(x))
		}
	}
	if kind, ok := scalarKind(fl); ok {
		return scalarMember(fl, kind, call)
	}
	if r := fl.Type; handedToJSON(r) || r.Kind == generator.RefSlice && handedToJSON(r.Elem) {
		// Held as it is in an interface: generic helpers would be compiled
		// once per type. A Nullable writes itself (null or the value).
		present := jen.True()
		switch {
		case shape == generator.ShapeNullable:
			present = x.Clone().Dot("set")
		case shape == generator.ShapeOmitZero, shape == generator.ShapePointer && !fl.Required:
			present = x.Clone().Op("!=").Nil()
		}
		return call("AppendJSONAny", present, x)
	}
	switch {
	case shape == generator.ShapePointer && fl.Required:
		return call("appendJSONPtrOrNull", x, encoderOf(fl.Type))
	case shape == generator.ShapePointer:
		return call("appendJSONPtr", x, encoderOf(fl.Type))
	case shape == generator.ShapeNullable && fl.Recursive: // Nullable[*T]
		return call("appendJSONNullable", x, encoderFunc(jen.Op("*").Add(typeRef(fl.Type)), jen.Id("appendJSONOrNull"), encoderOf(fl.Type)))
	case shape == generator.ShapeNullable:
		return call("appendJSONNullable", x, encoderOf(fl.Type))
	case fl.Type.Kind == generator.RefSlice && shape == generator.ShapeOmitZero:
		return call("appendJSONOmitList", x, encoderOf(fl.Type.Elem))
	case fl.Type.Kind == generator.RefSlice:
		return call("appendJSONList", x, encoderOf(fl.Type.Elem))
	case shape == generator.ShapeOmitZero, !fl.Required && fl.Type.Kind == generator.RefAny: // a map, omitempty any
		return jen.Id("appendJSONIf").Call(jen.Id("b"), jen.Err(), x.Clone().Op("!=").Nil(), keyLit(jsonKey(fl.JSONName)), x, jen.Id("appendJSONValue"))
	default:
		return call("appendJSONField", x, encoderOf(fl.Type))
	}
}

// encoderOf is the function that writes one value of r's Go type, as
// func(T, []byte) ([]byte, error).
func encoderOf(r *generator.TypeRef) jen.Code {
	switch r.Kind {
	case generator.RefString:
		return jen.Id("appendJSONStr")
	case generator.RefInt, generator.RefInt32, generator.RefInt64:
		return jen.Id("appendJSONInt")
	case generator.RefBool:
		return rt("AppendJSONBool")
	case generator.RefTime:
		return rt("AppendJSONTime")
	case generator.RefSlice: // a list in a list or in a Nullable
		return encoderFunc(typeRef(r), jen.Id("appendJSONItems"), encoderOf(r.Elem))
	case generator.RefNamed:
		t := r.Named
		switch {
		case appendable(t): // in a list of lists or a Nullable list: rare
			return jen.Func().Params(jen.Id("x").Id(t.Name), jen.Id("b").Index().Byte()).Params(jen.Index().Byte(), jen.Error()).Block(
				jen.Return(jen.Id("x").Dot("appendJSON").Call(jen.Id("b"))),
			)
		case t.Kind == generator.KindEnum && t.Enum.Base == generator.RefString:
			return jen.Id("appendJSONStr")
		case t.Kind == generator.KindEnum && (t.Enum.Base == generator.RefInt || t.Enum.Base == generator.RefInt32 || t.Enum.Base == generator.RefInt64):
			return jen.Id("appendJSONInt")
		}
	}
	return jen.Id("appendJSONValue") // floats, bytes, maps, any, raw JSON, unions, external types
}

// handedToJSON reports whether r is a named type that the server leaves to
// encoding/json: a union, a struct with additional properties, an enum of
// numbers.
func handedToJSON(r *generator.TypeRef) bool {
	return r.Kind == generator.RefNamed && !appendable(r.Named) && enumBase(r) == nil
}

// enumBase is the base type of an enum that encoderOf writes as that type,
// or nil.
func enumBase(r *generator.TypeRef) *jen.Statement {
	if r.Kind != generator.RefNamed || r.Named.Kind != generator.KindEnum {
		return nil
	}
	switch r.Named.Enum.Base {
	case generator.RefString, generator.RefInt, generator.RefInt32, generator.RefInt64:
		return typeRef(&generator.TypeRef{Kind: r.Named.Enum.Base})
	}
	return nil
}

// encoderFunc wraps a helper that takes an encoder of its own (a list's
// items, a pointer's target) as an encoder of typ.
func encoderFunc(typ *jen.Statement, helper, inner jen.Code) jen.Code {
	return jen.Func().Params(jen.Id("x").Add(typ), jen.Id("b").Index().Byte()).Params(jen.Index().Byte(), jen.Error()).Block(
		jen.Return(jen.Add(helper).Call(jen.Id("x"), jen.Id("b"), inner)),
	)
}
