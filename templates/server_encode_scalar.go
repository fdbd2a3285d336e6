package templates

import (
	"maps"
	"slices"

	"github.com/dave/jennifer/jen"
	"github.com/seed-0d47db62/livegen/generator"
)

// Members that are strings, numbers, booleans or times (or enums of them),
// held by value, by pointer or in a Nullable, are written by one non-generic
// helper per Go type that takes the member by address: a generic helper is
// compiled once per shape and once more per type argument, and once again
// per way of holding the member.

// scalarAtHelpers names the helper of each kind, emitted when a member uses it.
var scalarAtHelpers = map[generator.RefKind]string{
	generator.RefString:  "AppendJSONStrAt",
	generator.RefInt:     "AppendJSONIntAt",
	generator.RefInt32:   "AppendJSONInt32At",
	generator.RefInt64:   "AppendJSONInt64At",
	generator.RefFloat32: "AppendJSONFloat32At",
	generator.RefFloat64: "AppendJSONFloat64At",
	generator.RefBool:    "AppendJSONBoolAt",
	generator.RefTime:    "AppendJSONTimeAt",
}

// scalarKind is the kind of Go value a member holds when a scalar helper
// writes it: its own kind, or an enum's base. A Nullable[*T] and an
// optional list are not written so.
func scalarKind(fl *generator.Field) (generator.RefKind, bool) {
	if fl.Recursive || fl.Shape() == generator.ShapeOmitZero {
		return 0, false
	}
	kind := fl.Type.Kind
	if fl.Type.Kind == generator.RefNamed {
		if enumBase(fl.Type) == nil {
			return 0, false
		}
		kind = fl.Type.Named.Enum.Base
	}
	_, ok := scalarAtHelpers[kind]
	return kind, ok
}

// scalarKinds are the kinds that the members of types write with a scalar
// helper.
func scalarKinds(types map[*generator.Type]bool) map[generator.RefKind]bool {
	kinds := map[generator.RefKind]bool{}
	for t := range types {
		for _, fl := range t.Fields {
			if kind, ok := scalarKind(fl); ok {
				kinds[kind] = true
			}
		}
	}
	return kinds
}

// scalarMember is the call that writes a scalar member: whether it is
// present, whether it is null, and its address (as its base type for an
// enum).
func scalarMember(fl *generator.Field, kind generator.RefKind, call func(string, ...jen.Code) jen.Code) jen.Code {
	x := jen.Id("v").Dot(fl.Name)
	var present, null, at jen.Code
	switch fl.Shape() {
	case generator.ShapePointer:
		present, null, at = jen.True(), x.Clone().Op("==").Nil(), x
		if !fl.Required {
			present, null = x.Clone().Op("!=").Nil(), jen.False()
		}
	case generator.ShapeNullable:
		present, null, at = x.Clone().Dot("set"), x.Clone().Dot("null"), jen.Op("&").Add(x).Dot("value")
	default:
		present, null, at = jen.True(), jen.False(), jen.Op("&").Add(x)
	}
	if fl.Type.Kind == generator.RefNamed { // an enum, by its base type
		at = jen.Parens(jen.Op("*").Add(typeRef(&generator.TypeRef{Kind: kind}))).Call(at)
	}
	return call(scalarAtHelpers[kind], present, null, at)
}

// scalarMemberPiece renders the scalar helper of one kind.
var scalarMemberPiece = newPiece("scalarMember", slices.Sorted(maps.Keys(scalarAtHelpers)), genScalarMember)

// scalarMemberCalls are the scalar helpers of kinds, in kind order.
func scalarMemberCalls(kinds map[generator.RefKind]bool) []pieceCall {
	var calls []pieceCall
	for _, kind := range slices.Sorted(maps.Keys(kinds)) {
		calls = append(calls, scalarMemberPiece.call(kind))
	}
	return calls
}

// genScalarMember renders the scalar helper of kind.
func genScalarMember(f *jen.File, kind generator.RefKind) {
	x := jen.Op("*").Id("x")
	var write []jen.Code
	switch kind {
	case generator.RefString:
		write = []jen.Code{jen.Return(rt("AppendJSONString").Call(jen.Id("b"), x), jen.Nil())}
	case generator.RefInt, generator.RefInt32, generator.RefInt64:
		write = []jen.Code{jen.Return(jen.Qual(pkgStrconv, "AppendInt").Call(jen.Id("b"), jen.Int64().Call(x), jen.Lit(10)), jen.Nil())}
	case generator.RefBool:
		write = []jen.Code{jen.Return(jen.Qual(pkgStrconv, "AppendBool").Call(jen.Id("b"), x), jen.Nil())}
	case generator.RefTime:
		write = []jen.Code{jen.Return(rt("AppendJSONTime").Call(x, jen.Id("b")))}
	default: // floats, as encoding/json writes them
		write = []jen.Code{
			jen.List(jen.Id("data"), jen.Err()).Op(":=").Qual(pkgJSON, "Marshal").Call(x),
			jen.Return(jen.Append(jen.Id("b"), jen.Id("data").Op("...")), jen.Err()),
		}
	}
	name := scalarAtHelpers[kind]
	f.Comment(name + " writes a member of type " + jen.Add(typeRef(&generator.TypeRef{Kind: kind})).GoString() + " held at x: left out unless present, null when null is true.")
	f.Comment(noInline)
	f.Func().Add(rt(name)).Params(jen.Id("b").Index().Byte(), jen.Err().Error(), jen.Id("key").String(), jen.List(jen.Id("present"), jen.Id("null")).Bool(), jen.Id("x").Op("*").Add(typeRef(&generator.TypeRef{Kind: kind}))).
		Params(jen.Index().Byte(), jen.Error()).Block(append([]jen.Code{
		passError(jen.Err().Op("!=").Nil().Op("||").Op("!").Id("present")),
		jen.Id("b").Op("=").Add(rt("AppendJSONKey")).Call(jen.Id("b"), jen.Id("key")),
		jen.If(jen.Id("null")).Block(jen.Return(appendNull(), jen.Nil())),
	}, write...)...)
}
