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

// genShapeUnmarshal decodes by the JSON value's kind. Among object variants
// it first takes one whose required properties are all present and which
// knows every property given, then one whose required properties are present.
func genShapeUnmarshal(f *jen.File, t *generator.Type) {
	u := t.Union
	var objects, others []*generator.Variant
	for _, v := range u.Variants {
		if v.JSONKind == "object" {
			objects = append(objects, v)
		} else {
			others = append(others, v)
		}
	}
	f.Comment("UnmarshalJSON picks the variant by the JSON value's kind and, among objects, by")
	f.Comment("which variant's required and known properties fit the value.")
	f.Func().Params(jen.Id("u").Op("*").Id(t.Name)).Id("UnmarshalJSON").Params(jen.Id("data").Index().Byte()).Error().BlockFunc(func(g *jen.Group) {
		g.Op("*").Id("u").Op("=").Id(t.Name).Values()
		g.Id("kind").Op(":=").Id("jsonKindOf").Call(jen.Id("data"))
		if len(objects) > 0 {
			g.If(jen.Id("kind").Op("==").Lit("object")).BlockFunc(func(og *jen.Group) {
				og.Var().Id("keys").Map(jen.String()).Qual(pkgJSON, "RawMessage")
				og.If(jen.Err().Op(":=").Qual(pkgJSON, "Unmarshal").Call(jen.Id("data"), jen.Op("&").Id("keys")), jen.Err().Op("!=").Nil()).Block(
					jen.Return(jen.Qual(pkgFmt, "Errorf").Call(jen.Lit(t.Name+": %w"), jen.Err())),
				)
				for _, exact := range []bool{true, false} {
					for _, v := range objects {
						cond := variantKeyCheck(v, exact)
						if cond == nil {
							continue
						}
						og.If(cond).Block(decodeVariant(v)...)
					}
				}
			})
		}
		for _, v := range others {
			g.If(jen.Id("kindMatches").Call(jen.Id("kind"), jen.Lit(v.JSONKind))).Block(decodeVariant(v)...)
		}
		g.Return(jen.Qual(pkgFmt, "Errorf").Call(jen.Lit(t.Name+": a JSON %s matches no variant"), jen.Id("kind")))
	})
}

// variantKeyCheck is the condition under which an object variant is tried:
// with exact, its required properties are present and no property is
// unknown to it; otherwise its required properties are present. Variants
// whose properties are not known (maps, open structs) are tried only in the
// second pass, and nil means "skip in this pass".
func variantKeyCheck(v *generator.Variant, exact bool) jen.Code {
	st := structOf(v.Type)
	if st == nil {
		if exact {
			return nil
		}
		return jen.True()
	}
	var required, known []jen.Code
	for _, fl := range st.Fields {
		known = append(known, jen.Lit(fl.JSONName))
		if fl.Required {
			required = append(required, jen.Lit(fl.JSONName))
		}
	}
	has := jen.Id("hasKeys").Call(append([]jen.Code{jen.Id("keys")}, required...)...)
	if !exact {
		return has
	}
	if st.AdditionalProperties != nil {
		return nil
	}
	return jen.Add(has).Op("&&").Id("onlyKeys").Call(append([]jen.Code{jen.Id("keys")}, known...)...)
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
	f.Comment("hasKeys reports whether every name is a property of the object.")
	f.Func().Id("hasKeys").Params(jen.Id("keys").Map(jen.String()).Qual(pkgJSON, "RawMessage"), jen.Id("names").Op("...").String()).Bool().Block(
		jen.For(jen.List(jen.Id("_"), jen.Id("name")).Op(":=").Range().Id("names")).Block(
			jen.If(jen.List(jen.Id("_"), jen.Id("ok")).Op(":=").Id("keys").Index(jen.Id("name")), jen.Op("!").Id("ok")).Block(jen.Return(jen.False())),
		),
		jen.Return(jen.True()),
	)
	f.Comment("onlyKeys reports whether every property of the object is one of names, matched exactly.")
	f.Func().Id("onlyKeys").Params(jen.Id("keys").Map(jen.String()).Qual(pkgJSON, "RawMessage"), jen.Id("names").Op("...").String()).Bool().Block(
		jen.Id("found").Op(":=").Lit(0),
		jen.For(jen.List(jen.Id("_"), jen.Id("name")).Op(":=").Range().Id("names")).Block(
			jen.If(jen.List(jen.Id("_"), jen.Id("ok")).Op(":=").Id("keys").Index(jen.Id("name")), jen.Id("ok")).Block(jen.Id("found").Op("++")),
		),
		jen.Return(jen.Id("found").Op("==").Len(jen.Id("keys"))),
	)
}
