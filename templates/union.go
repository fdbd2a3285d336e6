package templates

import (
	"github.com/dave/jennifer/jen"
	"github.com/seed-0d47db62/livegen/generator"
)

func usesUnions(api *generator.API) bool {
	for _, t := range api.Types {
		if t.Kind == generator.KindUnion {
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

// genShapeUnmarshal decodes into the first variant whose JSON kind matches,
// preferring variants that take every property (strict decoding) so that
// objects of different shapes land in the right variant.
func genShapeUnmarshal(f *jen.File, t *generator.Type) {
	u := t.Union
	f.Comment("UnmarshalJSON picks the variant by the JSON value's kind and, among objects,")
	f.Comment("by which variant knows every property of the value.")
	f.Func().Params(jen.Id("u").Op("*").Id(t.Name)).Id("UnmarshalJSON").Params(jen.Id("data").Index().Byte()).Error().BlockFunc(func(g *jen.Group) {
		g.Op("*").Id("u").Op("=").Id(t.Name).Values()
		g.Id("kind").Op(":=").Id("jsonKindOf").Call(jen.Id("data"))
		for _, strict := range []bool{true, false} {
			for _, v := range u.Variants {
				if !strict && v.JSONKind != "object" {
					continue
				}
				call := jen.Qual(pkgJSON, "Unmarshal").Call(jen.Id("data"), jen.Op("&").Id("v"))
				if strict && v.JSONKind == "object" {
					call = jen.Id("decodeStrict").Call(jen.Id("data"), jen.Op("&").Id("v"))
				}
				cond := jen.Id("kindMatches").Call(jen.Id("kind"), jen.Lit(v.JSONKind))
				g.If(cond).Block(
					jen.Var().Id("v").Add(typeRef(v.Type)),
					jen.If(call.Op("==").Nil()).Block(
						jen.Id("u").Dot(v.Name).Op("=").Op("&").Id("v"),
						jen.Return(jen.Nil()),
					),
				)
			}
		}
		g.Return(jen.Qual(pkgFmt, "Errorf").Call(jen.Lit(t.Name+": a JSON %s matches no variant"), jen.Id("kind")))
	})
}

// genUnionHelpers renders the small functions that union decoding shares.
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
	f.Comment("kindMatches reports whether a JSON value of kind can decode into a variant of want.")
	f.Func().Id("kindMatches").Params(jen.List(jen.Id("kind"), jen.Id("want")).String()).Bool().Block(
		jen.Return(jen.Id("want").Op("==").Lit("").Op("||").Id("kind").Op("==").Id("want").Op("||").
			Parens(jen.Id("kind").Op("==").Lit("number").Op("&&").Id("want").Op("==").Lit("integer"))),
	)
	f.Comment("decodeStrict decodes data into v and fails on properties that v does not know.")
	f.Func().Id("decodeStrict").Params(jen.Id("data").Index().Byte(), jen.Id("v").Any()).Error().Block(
		jen.Id("dec").Op(":=").Qual(pkgJSON, "NewDecoder").Call(jen.Qual(pkgBytes, "NewReader").Call(jen.Id("data"))),
		jen.Id("dec").Dot("DisallowUnknownFields").Call(),
		jen.Return(jen.Id("dec").Dot("Decode").Call(jen.Id("v"))),
	)
}
