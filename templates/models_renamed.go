package templates

import (
	"unicode"

	"github.com/dave/jennifer/jen"
	"github.com/seed-0d47db62/livegen/generator"
)

// Properties whose names a struct tag cannot hold (a comma, a quote, a
// backslash, "-", the empty name) are tagged with placeholders; the type's
// MarshalJSON and UnmarshalJSON call two shared helpers that swap the
// placeholders and the real names around encoding/json. Per type only the
// list of pairs is emitted.

func usesRenamed(api *generator.API) bool {
	for _, t := range api.Types {
		if t.Kind == generator.KindStruct && len(t.Renamed()) > 0 {
			return true
		}
	}
	return false
}

// renamesVar is the package-level list of a type's placeholder pairs.
func renamesVar(t *generator.Type) string {
	r := []rune(t.Name)
	r[0] = unicode.ToLower(r[0])
	return string(r) + "Renames"
}

// genRenames declares the type's placeholder pairs.
func genRenames(f *jen.File, t *generator.Type) {
	f.Commentf("%s pairs the placeholders in %s's struct tags with the property names.", renamesVar(t), t.Name)
	f.Var().Id(renamesVar(t)).Op("=").Index().Add(rt("JSONRename")).ValuesFunc(func(g *jen.Group) {
		for _, fl := range t.Renamed() {
			g.Values(jen.Dict{jen.Id("Tag"): jen.Lit(fl.TagName), jen.Id("Name"): jen.Lit(fl.JSONName)})
		}
	})
}

// genRenamedJSON gives a struct without additional properties its
// MarshalJSON and UnmarshalJSON through the shared helpers.
func genRenamedJSON(f *jen.File, t *generator.Type) {
	genRenames(f, t)
	plain := "plain" + t.Name
	f.Comment("MarshalJSON writes every property under its name in the spec.")
	f.Func().Params(jen.Id("v").Id(t.Name)).Id("MarshalJSON").Params().Params(jen.Index().Byte(), jen.Error()).Block(
		jen.Type().Id(plain).Id(t.Name),
		jen.Return(rt("MarshalRenamed").Call(jen.Id(plain).Call(jen.Id("v")), jen.Id(renamesVar(t)))),
	)
	f.Comment("UnmarshalJSON reads every property by its exact name in the spec.")
	f.Func().Params(jen.Id("v").Op("*").Id(t.Name)).Id("UnmarshalJSON").Params(jen.Id("data").Index().Byte()).Error().Block(
		jen.Type().Id(plain).Id(t.Name),
		jen.Return(rt("UnmarshalRenamed").Call(jen.Id("data"), jen.Parens(jen.Op("*").Id(plain)).Call(jen.Id("v")), jen.Id(renamesVar(t)))),
	)
}

// genRenamedHelpers emits the shared helpers into the runtime.
func genRenamedHelpers(f *jen.File) {
	all := jen.Id("all")
	rawMap := jen.Map(jen.String()).Qual(pkgJSON, "RawMessage")
	f.Comment("JSONRename pairs a placeholder in a struct tag with the property's name.")
	f.Type().Id("JSONRename").Struct(jen.List(jen.Id("Tag"), jen.Id("Name")).String())
	f.Comment("MarshalRenamed writes v as encoding/json does, with each placeholder member")
	f.Comment("under its property's name.")
	f.Func().Id("MarshalRenamed").Params(jen.Id("v").Any(), jen.Id("renames").Index().Id("JSONRename")).Params(jen.Index().Byte(), jen.Error()).Block(
		jen.List(jen.Id("data"), jen.Err()).Op(":=").Qual(pkgJSON, "Marshal").Call(jen.Id("v")),
		jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Err())),
		jen.Var().Id("all").Add(rawMap.Clone()),
		jen.If(jen.Err().Op(":=").Qual(pkgJSON, "Unmarshal").Call(jen.Id("data"), jen.Op("&").Add(all)), jen.Err().Op("!=").Nil().Op("||").Add(all).Op("==").Nil()).Block(jen.Return(jen.Id("data"), jen.Err())),
		jen.For(jen.List(jen.Id("_"), jen.Id("r")).Op(":=").Range().Id("renames")).Block(
			jen.If(jen.List(jen.Id("raw"), jen.Id("ok")).Op(":=").Add(all).Index(jen.Id("r").Dot("Tag")), jen.Id("ok")).Block(
				jen.Delete(all, jen.Id("r").Dot("Tag")),
				all.Clone().Index(jen.Id("r").Dot("Name")).Op("=").Id("raw"),
			),
		),
		jen.Return(jen.Qual(pkgJSON, "Marshal").Call(all)),
	)
	f.Comment("UnmarshalRenamed reads data into v as encoding/json does, matching the renamed")
	f.Comment("properties by their exact names; members that only look like a placeholder")
	f.Comment("are dropped.")
	f.Func().Id("UnmarshalRenamed").Params(jen.Id("data").Index().Byte(), jen.Id("v").Any(), jen.Id("renames").Index().Id("JSONRename")).Error().Block(
		jen.Var().Id("all").Add(rawMap.Clone()),
		jen.If(jen.Err().Op(":=").Qual(pkgJSON, "Unmarshal").Call(jen.Id("data"), jen.Op("&").Add(all)), jen.Err().Op("!=").Nil().Op("||").Add(all).Op("==").Nil()).Block(
			jen.Return(jen.Qual(pkgJSON, "Unmarshal").Call(jen.Id("data"), jen.Id("v"))),
		),
		jen.For(jen.Id("k").Op(":=").Range().Add(all)).Block(
			jen.For(jen.List(jen.Id("_"), jen.Id("r")).Op(":=").Range().Id("renames")).Block(
				jen.If(jen.Qual(pkgStrings, "EqualFold").Call(jen.Id("k"), jen.Id("r").Dot("Tag"))).Block(jen.Delete(all, jen.Id("k"))),
			),
		),
		jen.For(jen.List(jen.Id("_"), jen.Id("r")).Op(":=").Range().Id("renames")).Block(
			jen.If(jen.List(jen.Id("raw"), jen.Id("ok")).Op(":=").Add(all).Index(jen.Id("r").Dot("Name")), jen.Id("ok")).Block(
				jen.Delete(all, jen.Id("r").Dot("Name")),
				all.Clone().Index(jen.Id("r").Dot("Tag")).Op("=").Id("raw"),
			),
		),
		jen.List(jen.Id("fixed"), jen.Err()).Op(":=").Qual(pkgJSON, "Marshal").Call(all),
		jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())),
		jen.Return(jen.Qual(pkgJSON, "Unmarshal").Call(jen.Id("fixed"), jen.Id("v"))),
	)
}
