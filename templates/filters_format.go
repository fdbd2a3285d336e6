package templates

import (
	"github.com/dave/jennifer/jen"
	"github.com/seed-0d47db62/livegen/generator"
)

// formatHelper names the runtime function that writes one value of an
// operand as query text, func(T) string; "" when no shared one fits (a
// float32, say) and AppendQuery spells the conversion out.
func formatHelper(o *generator.FilterOp) string {
	t := elemType(o)
	switch base := baseKind(t); o.Kind {
	case generator.FilterValueUnix, generator.FilterValueDateTime:
		if t.Kind != generator.RefTime {
			return ""
		}
		if o.Kind == generator.FilterValueUnix {
			return "FilterFormatUnix"
		}
		return "FilterFormatDateTime"
	case generator.FilterValueInt:
		if base == generator.RefInt || base == generator.RefInt32 || base == generator.RefInt64 {
			return "FilterFormatInt"
		}
	case generator.FilterValueFloat:
		if base == generator.RefFloat64 {
			return "FilterFormatFloat"
		}
	case generator.FilterValueBool:
		if base == generator.RefBool {
			return "FilterFormatBool"
		}
	default:
		if base == generator.RefString {
			return "FilterFormatString"
		}
	}
	return ""
}

// formatterOf is the func(T) string that writes one value of an operand.
func formatterOf(o *generator.FilterOp) jen.Code {
	if name := formatHelper(o); name != "" {
		return rt(name)
	}
	return jen.Func().Params(jen.Id("x").Add(typeRef(elemType(o)))).String().Block(
		jen.Return(encodeValue(jen.Id("x"), false, elemType(o), o.Kind)),
	)
}

// genFilterFormatters renders the runtime's value writers that AppendQuery uses.
func genFilterFormatters(f *jen.File, used map[string]bool) {
	x := jen.Id("x")
	formatter := func(name, doc string, types jen.Code, param jen.Code, result jen.Code) {
		if !used[name] {
			return
		}
		f.Comment(doc)
		fn := f.Func().Id(name)
		if types != nil {
			fn.Types(types)
		}
		fn.Params(param).String().Block(jen.Return(result))
	}
	formatter("FilterFormatString", "FilterFormatString writes a string or a string enum.",
		jen.Id("S").Op("~").String(), x.Clone().Id("S"), jen.String().Call(x.Clone()))
	formatter("FilterFormatInt", "FilterFormatInt writes an integer in base 10.",
		jen.Id("I").Op("~").Int().Op("|").Op("~").Int32().Op("|").Op("~").Int64(), x.Clone().Id("I"),
		jen.Qual(pkgStrconv, "FormatInt").Call(jen.Int64().Call(x.Clone()), jen.Lit(10)))
	formatter("FilterFormatFloat", "FilterFormatFloat writes a float64 in its shortest exact form.",
		jen.Id("F").Op("~").Float64(), x.Clone().Id("F"),
		jen.Qual(pkgStrconv, "FormatFloat").Call(jen.Float64().Call(x.Clone()), jen.LitRune('g'), jen.Lit(-1), jen.Lit(64)))
	formatter("FilterFormatBool", "FilterFormatBool writes true or false.",
		jen.Id("B").Op("~").Bool(), x.Clone().Id("B"),
		jen.Qual(pkgStrconv, "FormatBool").Call(jen.Bool().Call(x.Clone())))
	formatter("FilterFormatUnix", "FilterFormatUnix writes a time as Unix seconds.",
		nil, x.Clone().Qual(pkgTime, "Time"),
		jen.Qual(pkgStrconv, "FormatInt").Call(x.Clone().Dot("Unix").Call(), jen.Lit(10)))
	formatter("FilterFormatDateTime", "FilterFormatDateTime writes a time as RFC 3339 with nanoseconds.",
		nil, x.Clone().Qual(pkgTime, "Time"),
		jen.Id("x").Dot("Format").Call(jen.Qual(pkgTime, "RFC3339Nano")))
}
