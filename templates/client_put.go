package templates

import (
	"github.com/dave/jennifer/jen"
	"github.com/seed-0d47db62/livegen/generator"
)

// Optional scalar and list parameters are one call each: clientOpt or
// clientList with the parameter's location, name, value and formatter, a
// small generic function per scalar kind emitted once.

// clientFormatters are the formatter functions, in the order they are
// rendered, with the type parameter list and the body that writes v.
var clientFormatters = []struct {
	name       string
	constraint func() jen.Code
	body       func() jen.Code
}{
	{"clientString", func() jen.Code { return jen.Op("~").String() }, func() jen.Code { return jen.String().Call(jen.Id("v")) }},
	{"clientInt", func() jen.Code { return jen.Op("~").Int().Op("|").Op("~").Int32().Op("|").Op("~").Int64() }, func() jen.Code {
		return jen.Qual(pkgStrconv, "FormatInt").Call(jen.Int64().Call(jen.Id("v")), jen.Lit(10))
	}},
	{"clientFloat32", func() jen.Code { return jen.Op("~").Float32() }, func() jen.Code {
		return jen.Qual(pkgStrconv, "FormatFloat").Call(jen.Float64().Call(jen.Id("v")), jen.LitRune('f'), jen.Lit(-1), jen.Lit(32))
	}},
	{"clientFloat64", func() jen.Code { return jen.Op("~").Float64() }, func() jen.Code {
		return jen.Qual(pkgStrconv, "FormatFloat").Call(jen.Float64().Call(jen.Id("v")), jen.LitRune('f'), jen.Lit(-1), jen.Lit(64))
	}},
	{"clientBool", func() jen.Code { return jen.Op("~").Bool() }, func() jen.Code { return jen.Qual(pkgStrconv, "FormatBool").Call(jen.Bool().Call(jen.Id("v"))) }},
	{"clientBytes", func() jen.Code { return jen.Op("~").Index().Byte() }, func() jen.Code {
		return jen.Qual(clientPkgBase64, "StdEncoding").Dot("EncodeToString").Call(jen.Index().Byte().Call(jen.Id("v")))
	}},
	{"clientTime", nil, func() jen.Code { return jen.Id("v").Dot("Format").Call(jen.Qual(pkgTime, "RFC3339Nano")) }},
	// A oneOf/anyOf of scalars: the text of the variant that is set.
	{"clientUnionText", func() jen.Code { return jen.Any() }, func() jen.Code { return rt("ClientValueText").Call(jen.Id("v")) }},
}

// clientFormatter names the function that writes a scalar of type t as
// clientFormat does; empty for the types it does not cover.
func (g *clientGen) clientFormatter(t *generator.TypeRef) string {
	name := ""
	if generator.IsScalarUnion(t) {
		name, g.usesJSONText = "clientUnionText", true
	}
	switch base := clientUnalias(t); base.Kind {
	case generator.RefString:
		name = "clientString"
	case generator.RefInt, generator.RefInt32, generator.RefInt64:
		name = "clientInt"
	case generator.RefFloat32:
		name = "clientFloat32"
	case generator.RefFloat64:
		name = "clientFloat64"
	case generator.RefBool:
		name = "clientBool"
	case generator.RefBytes:
		name = "clientBytes"
	case generator.RefTime:
		if t.Kind != generator.RefNamed {
			name = "clientTime"
		}
	case generator.RefNamed:
		if base.Named.Kind == generator.KindEnum {
			switch base.Named.Enum.Base {
			case generator.RefString:
				name = "clientString"
			case generator.RefFloat64:
				name = "clientFloat64"
			default:
				name = "clientInt"
			}
		}
	}
	if name != "" {
		if g.formatters == nil {
			g.formatters = map[string]bool{}
		}
		g.formatters[name] = true
	}
	return name
}

// clientIn is the location constant of a parameter.
func clientIn(p *generator.Param) jen.Code {
	switch p.In {
	case "header":
		return rt("ClientInHeader")
	case "cookie":
		return rt("ClientInCookie")
	}
	return rt("ClientInQuery")
}

// clientPutCall is the one-line call that writes an optional scalar or an
// optional list parameter; nil when the parameter needs the general code.
func (g *clientGen) clientPutCall(p *generator.Param) jen.Code {
	field := jen.Id("params").Dot(p.GoName)
	switch enc := generator.ClientEncoding(p); {
	case (enc == generator.EncodeScalar || enc == generator.EncodeScalarUnion) && p.ByPointer():
		if format := g.clientFormatter(p.Type); format != "" {
			g.usesPut = true
			return jen.Id("clientOpt").Call(jen.Id("s"), clientIn(p), jen.Lit(p.Name), field, jen.Id(format))
		}
	case enc == generator.EncodeList && !p.Required && !p.ByPointer():
		format := g.clientFormatter(clientUnalias(p.Type).Elem)
		if format == "" {
			return nil
		}
		sep := ","
		if p.In == "query" {
			sep = clientListSeparator(p)
			if p.Explode || p.Style == "deepObject" {
				sep = ""
			}
		}
		g.usesPut = true
		return jen.Id("clientList").Call(jen.Id("s"), clientIn(p), jen.Lit(p.Name), jen.Lit(sep), field, jen.Id(format))
	}
	return nil
}

// genClientIn renders, in the runtime, where a parameter or a secret goes and
// Put, which puts it there.
func genClientIn(r *jen.File) {
	s := func() *jen.Statement { return jen.Id("s") }
	r.Comment("ClientIn is where a parameter goes.")
	r.Type().Id("ClientIn").Int()
	r.Const().Defs(
		jen.Id("ClientInQuery").Id("ClientIn").Op("=").Iota(),
		jen.Id("ClientInHeader"),
		jen.Id("ClientInCookie"),
	)
	r.Comment("Put sets a parameter's written value in its location.")
	r.Func().Params(s().Op("*").Id("ClientCall")).Id("Put").Params(jen.Id("in").Id("ClientIn"), jen.List(jen.Id("name"), jen.Id("value")).String()).Block(
		jen.Switch(jen.Id("in")).Block(
			jen.Case(jen.Id("ClientInHeader")).Block(s().Dot("Header").Dot("Set").Call(jen.Id("name"), jen.Id("value"))),
			jen.Case(jen.Id("ClientInCookie")).Block(s().Dot("Cookies").Op("=").Append(s().Dot("Cookies"), jen.Op("&").Qual(pkgHTTP, "Cookie").Values(jen.Dict{
				jen.Id("Name"): jen.Id("name"), jen.Id("Value"): jen.Id("value"),
			}))),
			jen.Default().Block(s().Dot("Query").Dot("Set").Call(jen.Id("name"), jen.Id("value"))),
		),
	)
}

// genClientPut renders clientOpt, clientList and the
// formatters that the methods call.
func (g *clientGen) genClientPut(f *jen.File) {
	if !g.usesPut {
		return
	}
	g.usesStrings = true // clientList writes the values of other lists with clientStrings
	s := func() *jen.Statement { return jen.Id("s") }
	format := jen.Id("format").Func().Params(jen.Id("T")).String()
	f.Comment("clientOpt writes an optional parameter when it is set.")
	f.Func().Id("clientOpt").Types(jen.Id("T").Any()).Params(s().Op("*").Add(rt("ClientCall")), jen.Id("in").Add(rt("ClientIn")), jen.Id("name").String(), jen.Id("v").Op("*").Id("T"), format.Clone()).Block(
		jen.If(jen.Id("v").Op("!=").Nil()).Block(s().Dot("Put").Call(jen.Id("in"), jen.Id("name"), jen.Id("format").Call(jen.Op("*").Id("v")))),
	)
	f.Comment("clientList writes an optional list parameter when it has values: in the query")
	f.Comment("one pair per value when sep is empty (exploded), else the escaped values joined")
	f.Comment("by sep; elsewhere joined by commas.")
	f.Func().Id("clientList").Types(jen.Id("T").Any()).Params(s().Op("*").Add(rt("ClientCall")), jen.Id("in").Add(rt("ClientIn")), jen.List(jen.Id("name"), jen.Id("sep")).String(), jen.Id("values").Index().Id("T"), format.Clone()).Block(
		jen.If(jen.Len(jen.Id("values")).Op("==").Lit(0)).Block(jen.Return()),
		jen.List(jen.Id("written"), jen.Id("ok")).Op(":=").Any().Call(jen.Id("values")).Assert(jen.Index().String()),
		jen.If(jen.Op("!").Id("ok")).Block(jen.Id("written").Op("=").Id("clientStrings").Call(jen.Id("values"), jen.Id("format"))),
		jen.Switch().Block(
			jen.Case(jen.Id("in").Op("==").Add(rt("ClientInQuery")).Op("&&").Id("sep").Op("==").Lit("")).Block(
				jen.For(jen.List(jen.Id("_"), jen.Id("v")).Op(":=").Range().Id("written")).Block(s().Dot("Query").Dot("Add").Call(jen.Id("name"), jen.Id("v"))),
			),
			jen.Case(jen.Id("in").Op("==").Add(rt("ClientInQuery"))).Block(s().Dot("AddList").Call(jen.Id("name"), jen.Id("sep"), jen.Id("written"))),
			jen.Default().Block(s().Dot("Put").Call(jen.Id("in"), jen.Id("name"), jen.Qual(pkgStrings, "Join").Call(jen.Id("written"), jen.Lit(",")))),
		),
	)
	for _, fm := range clientFormatters {
		if !g.formatters[fm.name] {
			continue
		}
		var v jen.Code = jen.Id("v").Qual(pkgTime, "Time")
		decl := jen.Func().Id(fm.name)
		if fm.constraint != nil {
			decl.Types(jen.Id("T").Add(fm.constraint()))
			v = jen.Id("v").Id("T")
		}
		f.Commentf("%s writes a parameter value as text.", fm.name)
		f.Add(decl.Params(v).String().Block(jen.Return(fm.body())))
	}
}
