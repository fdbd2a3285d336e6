package templates

import (
	"github.com/dave/jennifer/jen"
	"github.com/seed-0d47db62/livegen/generator"
)

// usesShapeUnions reports whether a union is told apart by its value's shape
// (not by a discriminator), the only kind that calls genUnionHelpers' code.
func usesShapeUnions(api *generator.API) bool {
	for _, t := range api.Types {
		if t.Kind == generator.KindUnion && t.Union.Discriminator == nil {
			return true
		}
	}
	return false
}

// genUnion renders a oneOf/anyOf as a struct with one pointer per variant and
// JSON methods that pick the variant by discriminator or by shape.
func genUnion(f *jen.File, d *jen.Statement, t *generator.Type) {
	u := t.Union
	f.Add(d.Type().Id(t.Name).StructFunc(func(g *jen.Group) {
		for _, v := range u.Variants {
			g.Id(v.Name).Op("*").Add(typeRef(v.Type))
		}
	}))
	what := "anyOf"
	if u.OneOf {
		what = "oneOf"
	}
	f.Commentf("MarshalJSON writes the first variant that is set (%s).", what)
	f.Func().Params(jen.Id("u").Id(t.Name)).Id("MarshalJSON").Params().Params(jen.Index().Byte(), jen.Error()).BlockFunc(func(g *jen.Group) {
		g.Switch().BlockFunc(func(sw *jen.Group) {
			for _, v := range u.Variants {
				sw.Case(jen.Id("u").Dot(v.Name).Op("!=").Nil()).Block(
					jen.Return(jen.Qual(pkgJSON, "Marshal").Call(jen.Id("u").Dot(v.Name))),
				)
			}
		})
		g.Return(jen.Nil(), jen.Qual(pkgErrors, "New").Call(jen.Lit(t.Name+": no variant is set")))
	})
	if u.Discriminator != nil {
		genDiscriminatedUnmarshal(f, t)
		return
	}
	genShapeUnmarshal(f, t)
}

func genDiscriminatedUnmarshal(f *jen.File, t *generator.Type) {
	u := t.Union
	prop := u.Discriminator.Property
	f.Commentf("UnmarshalJSON picks the variant named by the %q property.", prop)
	f.Func().Params(jen.Id("u").Op("*").Id(t.Name)).Id("UnmarshalJSON").Params(jen.Id("data").Index().Byte()).Error().BlockFunc(func(g *jen.Group) {
		g.Var().Id("probe").Struct(jen.Id("Value").String().Tag(map[string]string{"json": prop}))
		g.If(jen.Err().Op(":=").Qual(pkgJSON, "Unmarshal").Call(jen.Id("data"), jen.Op("&").Id("probe")), jen.Err().Op("!=").Nil()).Block(
			jen.Return(jen.Qual(pkgFmt, "Errorf").Call(jen.Lit(t.Name+": %w"), jen.Err())),
		)
		g.Op("*").Id("u").Op("=").Id(t.Name).Values()
		g.Switch(jen.Id("probe").Dot("Value")).BlockFunc(func(sw *jen.Group) {
			for _, v := range u.Variants {
				if len(v.DiscriminatorValues) == 0 {
					continue
				}
				values := make([]jen.Code, len(v.DiscriminatorValues))
				for i, d := range v.DiscriminatorValues {
					values[i] = jen.Lit(d)
				}
				sw.Case(values...).Block(
					jen.Id("u").Dot(v.Name).Op("=").New(typeRef(v.Type)),
					jen.Return(jen.Qual(pkgJSON, "Unmarshal").Call(jen.Id("data"), jen.Id("u").Dot(v.Name))),
				)
			}
		})
		g.Return(jen.Qual(pkgFmt, "Errorf").Call(jen.Lit(t.Name+": unknown "+prop+" %q"), jen.Id("probe").Dot("Value")))
	})
}

// genShapeUnmarshal decodes by the JSON value's kind. Among object variants
// it first takes one whose required properties are all present and which
// knows every property given, then one whose required properties are present.
// Which variants to try, in which order, is worked out by the shared
// runtime's UnionTries from a table of the variants' shapes; the method keeps only one
// decode per variant.
func genShapeUnmarshal(f *jen.File, t *generator.Type) {
	u := t.Union
	table := "unionShapesOf" + t.Name
	f.Commentf("%s says how each variant of %s fits a JSON value, for UnionTries.", table, t.Name)
	f.Var().Id(table).Op("=").Index().Add(rt("UnionShape")).ValuesFunc(func(g *jen.Group) {
		for _, v := range u.Variants {
			g.Add(variantShape(v))
		}
	})
	f.Comment("UnmarshalJSON picks the variant by the JSON value's kind and, among objects, by")
	f.Comment("which variant's required and known properties fit the value.")
	f.Func().Params(jen.Id("u").Op("*").Id(t.Name)).Id("UnmarshalJSON").Params(jen.Id("data").Index().Byte()).Error().BlockFunc(func(g *jen.Group) {
		g.Op("*").Id("u").Op("=").Id(t.Name).Values()
		g.List(jen.Id("kind"), jen.Id("tries"), jen.Err()).Op(":=").Add(rt("UnionTries")).Call(
			jen.Id("data"), jen.Lit(t.Name), jen.Id(table), jen.Make(jen.Index().Int(), jen.Lit(0), jen.Lit(2*len(u.Variants))))
		g.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err()))
		g.For(jen.List(jen.Id("_"), jen.Id("i")).Op(":=").Range().Id("tries")).Block(
			jen.Switch(jen.Id("i")).BlockFunc(func(sw *jen.Group) {
				for i, v := range u.Variants {
					sw.Case(jen.Lit(i)).Block(decodeVariant(v)...)
				}
			}),
		)
		g.Return(jen.Qual(pkgFmt, "Errorf").Call(jen.Lit(t.Name+": a JSON %s matches no variant"), jen.Id("kind")))
	})
}

// variantShape is a variant's row of its union's UnionShape table: its
// JSON kind and, for a struct, its required and known properties; exact
// when it can be matched on known properties (no additional properties).
// A variant without required properties fits every object in the second
// pass, as does an object that is not a struct (a map).
func variantShape(v *generator.Variant) jen.Code {
	row := jen.Dict{jen.Id("Kind"): jen.Lit(v.JSONKind)}
	st := structOf(v.Type)
	if v.JSONKind != "object" || st == nil {
		return jen.Values(row)
	}
	var required, known []jen.Code
	for _, fl := range st.Fields {
		known = append(known, jen.Lit(fl.JSONName))
		if fl.Required {
			required = append(required, jen.Lit(fl.JSONName))
		}
	}
	row[jen.Id("Exact")] = jen.Lit(st.AdditionalProperties == nil)
	if len(required) > 0 {
		row[jen.Id("Required")] = jen.Index().String().Values(required...)
	}
	if len(known) > 0 {
		row[jen.Id("Known")] = jen.Index().String().Values(known...)
	}
	return jen.Values(row)
}

// structOf returns the struct type behind a reference, or nil.
func structOf(r *generator.TypeRef) *generator.Type {
	for r.Kind == generator.RefNamed {
		switch r.Named.Kind {
		case generator.KindStruct:
			return r.Named
		case generator.KindAlias:
			r = r.Named.Alias
			continue
		}
		return nil
	}
	return nil
}

// decodeVariant decodes data into a variant and returns when it fits.
func decodeVariant(v *generator.Variant) []jen.Code {
	return []jen.Code{
		jen.Var().Id("v").Add(typeRef(v.Type)),
		jen.If(jen.Qual(pkgJSON, "Unmarshal").Call(jen.Id("data"), jen.Op("&").Id("v")).Op("==").Nil()).Block(
			jen.Id("u").Dot(v.Name).Op("=").Op("&").Id("v"),
			jen.Return(jen.Nil()),
		),
	}
}

// genUnionHelpers renders the runtime's functions that union decoding shares.
func genUnionHelpers(f *jen.File) {
	f.Comment("jsonKindOf names the kind of a JSON value by its first byte.")
	f.Func().Id("jsonKindOf").Params(jen.Id("data").Index().Byte()).String().Block(
		jen.Id("data").Op("=").Qual(pkgBytes, "TrimLeft").Call(jen.Id("data"), jen.Lit(" \t\r\n")),
		jen.If(jen.Len(jen.Id("data")).Op("==").Lit(0)).Block(jen.Return(jen.Lit("empty value"))),
		jen.Switch(jen.Id("data").Index(jen.Lit(0))).Block(
			jen.Case(jen.LitRune('{')).Block(jen.Return(jen.Lit("object"))),
			jen.Case(jen.LitRune('[')).Block(jen.Return(jen.Lit("array"))),
			jen.Case(jen.LitRune('"')).Block(jen.Return(jen.Lit("string"))),
			jen.Case(jen.LitRune('t'), jen.LitRune('f')).Block(jen.Return(jen.Lit("boolean"))),
			jen.Case(jen.LitRune('n')).Block(jen.Return(jen.Lit("null"))),
		),
		jen.Return(jen.Lit("number")),
	)
	f.Comment("UnionShape says how a variant of a union fits a JSON value: its JSON kind (any")
	f.Comment("when empty) and, for a struct, the properties it requires and knows; exact when")
	f.Comment("it can be matched on known properties.")
	f.Type().Id("UnionShape").Struct(
		jen.Id("Kind").String(),
		jen.Id("Exact").Bool(),
		jen.List(jen.Id("Required"), jen.Id("Known")).Index().String(),
	)
	f.Comment("UnionTries names the kind of data and appends to tries, in order, the variants of a")
	f.Comment("union to decode it as: for an object, first the variants whose required")
	f.Comment("properties are present and that know every property given, then those whose")
	f.Comment("required properties are present (and objects without known properties); then")
	f.Comment("the variants of other kinds that the value's kind fits.")
	f.Func().Id("UnionTries").Params(jen.Id("data").Index().Byte(), jen.Id("name").String(), jen.Id("shapes").Index().Id("UnionShape"), jen.Id("tries").Index().Int()).
		Params(jen.String(), jen.Index().Int(), jen.Error()).Block(
		jen.Id("kind").Op(":=").Id("jsonKindOf").Call(jen.Id("data")),
		jen.Var().Id("keys").Map(jen.String()).Qual(pkgJSON, "RawMessage"),
		jen.For(jen.List(jen.Id("_"), jen.Id("s")).Op(":=").Range().Id("shapes")).Block(
			jen.If(jen.Id("kind").Op("==").Lit("object").Op("&&").Id("s").Dot("Kind").Op("==").Lit("object")).Block(
				jen.If(jen.Err().Op(":=").Qual(pkgJSON, "Unmarshal").Call(jen.Id("data"), jen.Op("&").Id("keys")), jen.Err().Op("!=").Nil()).Block(
					jen.Return(jen.Id("kind"), jen.Nil(), jen.Qual(pkgFmt, "Errorf").Call(jen.Lit("%s: %w"), jen.Id("name"), jen.Err())),
				),
				jen.Break(),
			),
		),
		jen.For(jen.Id("pass").Op(":=").Range().Lit(3)).Block(
			jen.For(jen.Id("i").Op(":=").Range().Id("shapes")).Block(
				jen.If(jen.Id("unionFits").Call(jen.Op("&").Id("shapes").Index(jen.Id("i")), jen.Id("pass"), jen.Id("kind"), jen.Id("keys"))).Block(
					jen.Id("tries").Op("=").Append(jen.Id("tries"), jen.Id("i")),
				),
			),
		),
		jen.Return(jen.Id("kind"), jen.Id("tries"), jen.Nil()),
	)
	f.Comment("unionFits reports whether UnionTries tries a variant in a pass: 0 an object whose")
	f.Comment("required properties are present and which knows every property given, 1 an")
	f.Comment("object whose required properties are present, 2 a value of another kind that")
	f.Comment("the value's kind fits (a number fits an integer). keys are the object's")
	f.Comment("properties, nil unless the value is an object.")
	f.Comment(noInline)
	has := func() *jen.Statement {
		return jen.List(jen.Id("_"), jen.Id("ok")).Op(":=").Id("keys").Index(jen.Id("name"))
	}
	f.Func().Id("unionFits").Params(jen.Id("s").Op("*").Id("UnionShape"), jen.Id("pass").Int(), jen.Id("kind").String(), jen.Id("keys").Map(jen.String()).Qual(pkgJSON, "RawMessage")).Bool().Block(
		jen.If(jen.Id("pass").Op("==").Lit(2)).Block(jen.Return(jen.Id("s").Dot("Kind").Op("!=").Lit("object").Op("&&").Parens(
			jen.Id("s").Dot("Kind").Op("==").Lit("").Op("||").Id("s").Dot("Kind").Op("==").Id("kind").Op("||").Id("kind").Op("==").Lit("number").Op("&&").Id("s").Dot("Kind").Op("==").Lit("integer")))),
		jen.If(jen.Id("s").Dot("Kind").Op("!=").Lit("object").Op("||").Id("keys").Op("==").Nil().Op("||").Id("pass").Op("==").Lit(0).Op("&&").Op("!").Id("s").Dot("Exact")).Block(jen.Return(jen.False())),
		jen.For(jen.List(jen.Id("_"), jen.Id("name")).Op(":=").Range().Id("s").Dot("Required")).Block(
			jen.If(has(), jen.Op("!").Id("ok")).Block(jen.Return(jen.False())),
		),
		jen.If(jen.Id("pass").Op("==").Lit(1)).Block(jen.Return(jen.True())),
		jen.Id("found").Op(":=").Lit(0),
		jen.For(jen.List(jen.Id("_"), jen.Id("name")).Op(":=").Range().Id("s").Dot("Known")).Block(
			jen.If(has(), jen.Id("ok")).Block(jen.Id("found").Op("++")),
		),
		jen.Return(jen.Id("found").Op("==").Len(jen.Id("keys"))),
	)
}
