package templates

import (
	"slices"

	"github.com/dave/jennifer/jen"
	"github.com/seed-0d47db62/livegen/generator"
)

// Models renders models.gen.go: one Go type per named type of the model.
func Models(api *generator.API) ([]byte, error) {
	f := newFile(api)
	if api.Title != "" || api.Description != "" {
		f.PackageComment("Package " + api.Package + " is generated from " + orDefault(api.Title, "the API") + versionSuffix(api.Version) + ".")
	}
	for _, t := range api.Types {
		genType(f, t)
	}
	genParamsStructs(f, api)
	if hasMultipart(api) {
		genFormFile(f)
	}
	if usesNullable(api) {
		genNullable(f)
	}
	return render(f)
}

// ModelsRuntime renders the runtime's models.gen.go: what the types' methods
// share (enum lookups, Nullable's decoding, union, renamed-property, tuple
// and additional-property helpers), each only when some type needs it; nil
// when none does.
func ModelsRuntime(api *generator.API) ([]byte, error) {
	enums, nullable, unions, renamed, tuples, listed := usesEnums(api), usesNullable(api), usesShapeUnions(api), usesRenamed(api), usesTuples(api), usesListedProperties(api)
	if !enums && !nullable && !unions && !renamed && !tuples && !listed {
		return nil, nil
	}
	t := newRuntimeText(api)
	for _, call := range enumHelperCalls(api) {
		t.add(call)
	}
	if nullable {
		t.add(nullablePiece.fixed())
	}
	if unions {
		t.add(unionHelpersPiece.fixed())
	}
	if renamed {
		t.add(renamedHelpersPiece.fixed())
	}
	if tuples {
		t.add(tupleHelpersPiece.fixed())
	}
	if listed {
		t.add(listedPropertyPiece.fixed())
	}
	return t.bytes()
}

// The models runtime's pieces.
var (
	nullablePiece       = newFixedPiece("nullable", genNullableRuntime)
	unionHelpersPiece   = newFixedPiece("unionHelpers", genUnionHelpers)
	renamedHelpersPiece = newFixedPiece("renamedHelpers", genRenamedHelpers)
	tupleHelpersPiece   = newFixedPiece("tupleHelpers", genTupleHelpers)
	listedPropertyPiece = newFixedPiece("listedProperty", genListedPropertyHelper)
)

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

func versionSuffix(v string) string {
	if v == "" {
		return ""
	}
	return " (version " + v + ")"
}

func genType(f *jen.File, t *generator.Type) {
	text := t.Doc
	if text == "" {
		text = t.Name + " is defined by the schema at " + t.Pointer + "."
	}
	if t.Deprecated {
		text += "\n\nDeprecated: the spec marks this schema as deprecated."
	}
	d := declDoc(t.Name, text)
	switch t.Kind {
	case generator.KindStruct:
		genStruct(f, d, t)
	case generator.KindEnum:
		genEnum(f, d, t)
	case generator.KindUnion:
		genUnion(f, d, t)
	case generator.KindTuple:
		genTuple(f, d, t)
	default:
		if t.Alias.Kind == generator.RefNamed {
			// A schema that only references another keeps its methods: a Go alias.
			f.Add(d.Type().Id(t.Name).Op("=").Add(typeRef(t.Alias)))
		} else {
			f.Add(d.Type().Id(t.Name).Add(typeRef(t.Alias)))
		}
	}
}

func genStruct(f *jen.File, d *jen.Statement, t *generator.Type) {
	f.Add(d.Type().Id(t.Name).StructFunc(func(g *jen.Group) {
		for _, fl := range t.Fields {
			text := fl.Doc
			if fl.Type.Note != "" {
				text += "\n\n" + fl.Type.Note
			}
			if fl.ReadOnly {
				text += "\n\nRead-only: servers send it, clients do not."
			}
			if fl.Deprecated {
				text += "\n\nDeprecated: the spec marks this property as deprecated."
			}
			g.Add(doc(text)).Id(fl.Name).Add(fieldType(fl)).Tag(jsonTag(fl))
		}
		if t.AdditionalProperties != nil {
			g.Add(doc("AdditionalProperties holds the properties that the schema does not list.")).
				Id("AdditionalProperties").Map(jen.String()).Add(typeRef(t.AdditionalProperties)).Tag(map[string]string{"json": "-"})
		}
	}))
	switch {
	case t.AdditionalProperties != nil:
		genAdditionalPropertiesJSON(f, t)
	case len(t.Renamed()) > 0:
		genRenamedJSON(f, t)
	}
}

// genAdditionalPropertiesJSON merges listed and unlisted properties on the wire.
func genAdditionalPropertiesJSON(f *jen.File, t *generator.Type) {
	plain := "plain" + t.Name
	marshal := jen.Qual(pkgJSON, "Marshal").Call(jen.Id(plain).Call(jen.Id("v")))
	if len(t.Renamed()) > 0 {
		genRenames(f, t)
		marshal = jen.Id("marshalRenamed").Call(jen.Id(plain).Call(jen.Id("v")), jen.Id(renamesVar(t)))
	}
	f.Comment("MarshalJSON writes the listed properties and AdditionalProperties as one object.")
	f.Func().Params(jen.Id("v").Id(t.Name)).Id("MarshalJSON").Params().Params(jen.Index().Byte(), jen.Error()).Block(
		jen.Type().Id(plain).Id(t.Name),
		jen.List(jen.Id("data"), jen.Err()).Op(":=").Add(marshal),
		jen.If(jen.Err().Op("!=").Nil().Op("||").Len(jen.Id("v").Dot("AdditionalProperties")).Op("==").Lit(0)).Block(jen.Return(jen.Id("data"), jen.Err())),
		jen.Id("all").Op(":=").Map(jen.String()).Qual(pkgJSON, "RawMessage").Values(),
		jen.If(jen.Err().Op(":=").Qual(pkgJSON, "Unmarshal").Call(jen.Id("data"), jen.Op("&").Id("all")), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Err())),
		jen.For(jen.List(jen.Id("k"), jen.Id("value")).Op(":=").Range().Id("v").Dot("AdditionalProperties")).Block(
			jen.If(jen.List(jen.Id("_"), jen.Id("listed")).Op(":=").Id("all").Index(jen.Id("k")), jen.Id("listed")).Block(jen.Continue()),
			jen.List(jen.Id("raw"), jen.Err()).Op(":=").Qual(pkgJSON, "Marshal").Call(jen.Id("value")),
			jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Err())),
			jen.Id("all").Index(jen.Id("k")).Op("=").Id("raw"),
		),
		jen.Return(jen.Qual(pkgJSON, "Marshal").Call(jen.Id("all"))),
	)
	f.Comment("UnmarshalJSON reads the listed properties, matching names exactly, and keeps the")
	f.Comment("others in AdditionalProperties. The object is parsed once; each listed property")
	f.Comment("is decoded from its own bytes.")
	f.Func().Params(jen.Id("v").Op("*").Id(t.Name)).Id("UnmarshalJSON").Params(jen.Id("data").Index().Byte()).Error().BlockFunc(func(g *jen.Group) {
		g.Var().Id("all").Map(jen.String()).Qual(pkgJSON, "RawMessage")
		g.If(jen.Err().Op(":=").Qual(pkgJSON, "Unmarshal").Call(jen.Id("data"), jen.Op("&").Id("all")), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err()))
		g.Op("*").Id("v").Op("=").Id(t.Name).Values()
		// encoding/json matches names without regard to case; look each name up exactly.
		for _, fl := range t.Fields {
			g.Add(genListedPropertyDecode(fl))
		}
		loop := []jen.Code{jen.Var().Id("value").Add(typeRef(t.AdditionalProperties))}
		if t.AdditionalProperties.Kind != generator.RefAny {
			loop = append(loop, jen.If(jen.String().Call(jen.Id("raw")).Op("==").Lit("null")).Block(
				jen.Return(jen.Qual(pkgFmt, "Errorf").Call(jen.Lit("property %q: null is not allowed"), jen.Id("k"))),
			))
		}
		loop = append(loop,
			jen.If(jen.Err().Op(":=").Qual(pkgJSON, "Unmarshal").Call(jen.Id("raw"), jen.Op("&").Id("value")), jen.Err().Op("!=").Nil()).Block(
				jen.Return(jen.Qual(pkgFmt, "Errorf").Call(jen.Lit("property %q: %w"), jen.Id("k"), jen.Err())),
			),
			jen.If(jen.Id("v").Dot("AdditionalProperties").Op("==").Nil()).Block(
				jen.Id("v").Dot("AdditionalProperties").Op("=").Map(jen.String()).Add(typeRef(t.AdditionalProperties)).Values(),
			),
			jen.Id("v").Dot("AdditionalProperties").Index(jen.Id("k")).Op("=").Id("value"),
		)
		g.For(jen.List(jen.Id("k"), jen.Id("raw")).Op(":=").Range().Id("all")).Block(loop...)
		g.Return(jen.Nil())
	})
}

// genListedPropertyDecode decodes one listed property from the object's
// members, by its exact name, and removes it from them: one call of the
// runtime's JSONTakeProperty per property.
func genListedPropertyDecode(fl *generator.Field) jen.Code {
	return jen.If(jen.Err().Op(":=").Add(rt("JSONTakeProperty")).Call(jen.Id("all"), jen.Lit(fl.JSONName), jen.Op("&").Id("v").Dot(fl.Name)), jen.Err().Op("!=").Nil()).Block(
		jen.Return(jen.Err()),
	)
}

// usesListedProperties reports whether a struct with additional properties
// lists properties of its own.
func usesListedProperties(api *generator.API) bool {
	for _, t := range api.Types {
		if t.Kind == generator.KindStruct && t.AdditionalProperties != nil && len(t.Fields) > 0 {
			return true
		}
	}
	return false
}

// genListedPropertyHelper renders the runtime's JSONTakeProperty, which the UnmarshalJSON
// of structs with additional properties calls once per listed property.
func genListedPropertyHelper(f *jen.File) {
	f.Comment("JSONTakeProperty decodes the member name of an object, if it is there, into")
	f.Comment("into, and removes it from the members.")
	f.Func().Id("JSONTakeProperty").Params(jen.Id("all").Map(jen.String()).Qual(pkgJSON, "RawMessage"), jen.Id("name").String(), jen.Id("into").Any()).Error().Block(
		jen.List(jen.Id("raw"), jen.Id("ok")).Op(":=").Id("all").Index(jen.Id("name")),
		jen.If(jen.Op("!").Id("ok")).Block(jen.Return(jen.Nil())),
		jen.Delete(jen.Id("all"), jen.Id("name")),
		jen.If(jen.Err().Op(":=").Qual(pkgJSON, "Unmarshal").Call(jen.Id("raw"), jen.Id("into")), jen.Err().Op("!=").Nil()).Block(
			jen.Return(jen.Qual(pkgFmt, "Errorf").Call(jen.Lit("property %q: %w"), jen.Id("name"), jen.Err())),
		),
		jen.Return(jen.Nil()),
	)
}

func genEnum(f *jen.File, d *jen.Statement, t *generator.Type) {
	base := typeRef(&generator.TypeRef{Kind: t.Enum.Base})
	f.Add(d.Type().Id(t.Name).Add(base))
	f.Const().DefsFunc(func(g *jen.Group) {
		for _, v := range t.Enum.Values {
			g.Id(v.Name).Id(t.Name).Op("=").Add(literal(v.Value))
		}
	})
	kind := enumKindOf(t)
	table := jen.Id(enumTable(t))
	f.Commentf("Valid reports whether v is a value that the spec lists. Unknown values still")
	f.Comment("decode without error, because APIs add values over time.")
	f.Func().Params(jen.Id("v").Id(t.Name)).Id("Valid").Params().Bool().Block(
		jen.Return(rt(kind.listed).Call(kind.elem().Call(jen.Id("v")), table.Clone())),
	)
	f.Commentf("%s lists the values, for Valid (through a shared helper) and %s.", enumTable(t), t.ValuesFunc)
	// A slice, not an array: the compiler writes an equality function for the
	// type of every package-level array, but none for a slice's backing store.
	f.Var().Id(enumTable(t)).Op("=").Index().Add(kind.elem()).ValuesFunc(func(g *jen.Group) {
		for _, v := range t.Enum.Values {
			g.Add(kind.elem().Call(jen.Id(v.Name)))
		}
	})
	f.Commentf("%s lists every value that the spec allows, in spec order.", t.ValuesFunc)
	f.Func().Id(t.ValuesFunc).Params().Index().Id(t.Name).Block(
		jen.Id("out").Op(":=").Make(jen.Index().Id(t.Name), jen.Len(table.Clone())),
		jen.For(jen.List(jen.Id("i"), jen.Id("v")).Op(":=").Range().Add(table)).Block(
			jen.Id("out").Index(jen.Id("i")).Op("=").Id(t.Name).Call(jen.Id("v")),
		),
		jen.Return(jen.Id("out")),
	)
}

// enumKind holds the shared helper of the enums of one base. Valid is one
// short call of it: the compiler writes a pointer wrapper of every Valid,
// which copies its body. XValues converts the table in a loop of its own: a
// slice literal of X would allocate an array [N]X, whose type descriptor
// makes the compiler write an equality function per enum, and a generic
// helper gets a compiled instantiation wrapper per enum type.
type enumKind struct {
	listed string
	elem   func() *jen.Statement // element type of the tables
}

var enumKinds = []enumKind{
	{"EnumListedString", jen.String},
	{"EnumListedInt", jen.Int64},
	{"EnumListedFloat", jen.Float64},
}

// enumKindOf picks the helpers of t's base: the generator makes enums of
// strings, integers and numbers only.
func enumKindOf(t *generator.Type) enumKind {
	switch t.Enum.Base {
	case generator.RefInt, generator.RefInt32, generator.RefInt64:
		return enumKinds[1]
	case generator.RefFloat64:
		return enumKinds[2]
	}
	return enumKinds[0]
}

// enumTable names the table of an enum's values. The prefix keeps it apart
// from every other name in the package.
func enumTable(t *generator.Type) string { return "enumValuesOf" + t.Name }

// usesEnums reports whether the API has an enum, whose Valid calls the runtime.
func usesEnums(api *generator.API) bool {
	for _, t := range api.Types {
		if t.Kind == generator.KindEnum {
			return true
		}
	}
	return false
}

// enumHelperCalls are the runtime pieces holding the look-ups that the Valid
// methods of api call.
func enumHelperCalls(api *generator.API) []pieceCall {
	used := map[string]bool{}
	for _, t := range api.Types {
		if t.Kind == generator.KindEnum {
			used[enumKindOf(t).listed] = true
		}
	}
	var calls []pieceCall
	for _, k := range enumKinds {
		if used[k.listed] {
			calls = append(calls, enumListedPiece.call(k.listed))
		}
	}
	return calls
}

// enumListedPiece renders the look-up of one enumKind, by its name.
var enumListedPiece = newPiece("enumListed", enumListedNames(), func(f *jen.File, name string) {
	i := slices.IndexFunc(enumKinds, func(k enumKind) bool { return k.listed == name })
	genEnumListed(f, enumKinds[i])
})

func enumListedNames() []string {
	var names []string
	for _, k := range enumKinds {
		names = append(names, k.listed)
	}
	return names
}

// genEnumListed renders the look-up of enum values of kind k.
func genEnumListed(f *jen.File, k enumKind) {
	f.Comment(k.listed + " reports whether v is one of values. Out of line, so that every")
	f.Comment("Valid, and the pointer wrapper the compiler writes for it, stays a call; a loop, as")
	f.Comment("slices.Contains would be compiled here once per element type.")
	f.Comment(noInline)
	f.Func().Id(k.listed).Params(jen.Id("v").Add(k.elem()), jen.Id("values").Index().Add(k.elem())).Bool().Block(
		jen.For(jen.List(jen.Id("_"), jen.Id("x")).Op(":=").Range().Id("values")).Block(
			jen.If(jen.Id("x").Op("==").Id("v")).Block(jen.Return(jen.True())),
		),
		jen.Return(jen.False()),
	)
}
