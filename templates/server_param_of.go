package templates

import (
	"slices"
	"strings"

	"github.com/dave/jennifer/jen"
	"github.com/seed-0d47db62/livegen/generator"
)

// The handler reads most parameters in one line: a generic helper per
// location (serverQueryOf, serverHeaderListOf, ...) looks the text up,
// reports what is missing or repeated, and parses it with a parse function
// (serverParseIntOf[int], ...) that names its problem. The path of a
// problem is built inside the helper; parse functions take no state, so
// that neither the state nor the path leaves the handler's stack.

// parseFunc is the function that parses the text of a scalar of type r,
// and whether it yields r itself (false: its base type, to convert); nil
// when r is not a scalar written as text.
func parseFunc(r *generator.TypeRef) (jen.Code, bool) {
	if generator.IsScalarUnion(r) {
		return jen.Id("serverParseUnionOf").Index(typeRef(r)), true
	}
	switch scalarBaseOf(r) {
	case generator.RefInt, generator.RefInt32, generator.RefInt64:
		return jen.Id("serverParseIntOf").Index(typeRef(r)), true
	case generator.RefFloat32, generator.RefFloat64:
		return jen.Id("serverParseFloatOf").Index(typeRef(r)), true
	case generator.RefBool:
		return jen.Id("serverParseBoolOf").Index(typeRef(r)), true
	case generator.RefString:
		return jen.Id("serverTextOf").Index(typeRef(r)), true
	case generator.RefTime:
		return rt("ServerParseTime"), r.Kind == generator.RefTime
	case generator.RefBytes:
		return rt("ServerParseBytes"), r.Kind == generator.RefBytes
	case generator.RefAny:
		return rt("ServerAnyText"), r.Kind == generator.RefAny
	}
	return nil, false
}

// paramLookup is the one call that reads parameter p and returns its value
// and whether it is there and right; false when p needs more than a call
// (objects, deepObject, JSON text, types that need a conversion).
func paramLookup(p *generator.Param, wildcard string) (jen.Code, bool) {
	name, required := jen.Lit(p.Name), jen.Lit(p.Required)
	c, q, header := jen.Id("c"), jen.Id("q"), jen.Id("r").Dot("Header")
	switch generator.ClientEncoding(p) {
	case generator.EncodeScalar, generator.EncodeScalarUnion:
		parse, exact := parseFunc(p.Type)
		if !exact {
			return nil, false
		}
		switch p.In {
		case "path":
			return jen.Id("serverPathOf").Call(c, name, pathValue(p, wildcard), parse), true
		case "query":
			return jen.Id("serverQueryOf").Call(c, q, name, required, parse), true
		case "header":
			return jen.Id("serverHeaderOf").Call(c, header, name, required, parse), true
		}
		return jen.Id("serverCookieOf").Call(c, jen.Id("r"), name, required, parse), true
	case generator.EncodeUnionList:
		return jen.Id("serverQueryUnionOf").Index(typeRef(p.Type)).Call(c, q, name, jen.Lit(listSeparatorOf(p)), required), true
	case generator.EncodeList:
		if p.Type.Kind != generator.RefSlice {
			return nil, false
		}
		var parse jen.Code = jen.Nil() // text items are the list as it is
		helper := func(name string) *jen.Statement { return jen.Id(name).Index(jen.String()) }
		if p.Type.Elem.Kind != generator.RefString {
			helper = func(name string) *jen.Statement { return jen.Id(name) }
			fn, exact := parseFunc(p.Type.Elem)
			if !exact {
				return nil, false
			}
			parse = fn
		}
		switch p.In {
		case "path":
			items := rt("ServerPathList").Call(rt("ServerPathValue").Call(jen.Id("r"), jen.Lit(wildcard)), jen.Lit(p.Style), name, jen.Lit(p.Explode))
			return helper("serverPathListOf").Call(c, name, items, parse), true
		case "query":
			return helper("serverQueryListOf").Call(c, q, name, jen.Lit(listSeparatorOf(p)), required, parse), true
		case "header":
			return helper("serverHeaderListOf").Call(c, header, name, required, parse), true
		}
		return helper("serverCookieListOf").Call(c, jen.Id("r"), name, required, parse), true
	}
	return nil, false
}

// genParamLine stores what lookup reads into target: in one line, or, when
// the value has checks, in a block that checks it at the parameter's path.
func (c *checks) genParamLine(g *jen.Group, p *generator.Param, lookup jen.Code, target *jen.Statement, byPointer bool) {
	if !c.plan.Checked(p.Type) {
		if byPointer {
			g.Add(target).Op("=").Id("serverParamPtr").Call(lookup)
		} else {
			g.List(target, jen.Id("_")).Op("=").Add(lookup)
		}
		return
	}
	g.If(jen.List(jen.Id("v"), jen.Id("ok")).Op(":=").Add(lookup), jen.Id("ok")).BlockFunc(func(g *jen.Group) {
		g.Id("at").Op(":=").Op("&").Add(rt("Path")).Values(jen.Id("In").Op(":").Lit(p.In), jen.Id("Name").Op(":").Lit(p.Name))
		c.value(g, p.Type, jen.Id("v"), false, loc{parent: "at"}, 0)
		if byPointer {
			g.Add(target.Clone()).Op("=").Op("&").Id("v")
		} else {
			g.Add(target.Clone()).Op("=").Id("v")
		}
	})
}

// genParamOfRuntime renders the generic readers and parsers of parameters,
// the readers of the locations that n says are there.
func genParamOfRuntime(f *jen.File, n paramReaders) {
	c, at := jen.Id("c").Add(statePtr()), jen.Id("at").Add(pathPtr())
	parse := jen.Id("parse").Func().Params(jen.String()).Params(jen.Id("T"), jen.String())
	tAny := jen.Id("T").Any()
	paramAt := func(in string) jen.Code {
		return jen.Id("at").Op(":=").Op("&").Add(rt("Path")).Values(jen.Id("In").Op(":").Lit(in), jen.Id("Name").Op(":").Id("name"))
	}
	f.Comment("serverParsed parses the text s of a parameter that is there (found), reporting the")
	f.Comment("parse function's problem at at; false when absent or wrong.")
	f.Func().Id("serverParsed").Types(tAny.Clone()).Params(c.Clone(), at.Clone(), jen.Id("s").String(), jen.Id("found").Bool(), parse.Clone()).Params(jen.Id("T"), jen.Bool()).Block(
		jen.Var().Id("v").Id("T"),
		jen.If(jen.Op("!").Id("found")).Block(jen.Return(jen.Id("v"), jen.False())),
		jen.List(jen.Id("v"), jen.Id("problem")).Op(":=").Id("parse").Call(jen.Id("s")),
		jen.If(jen.Id("problem").Op("!=").Lit("")).Block(report(jen.Id("at"), jen.Id("problem")), jen.Return(jen.Id("v"), jen.False())),
		jen.Return(jen.Id("v"), jen.True()),
	)
	f.Comment("serverParsedList parses the items of a list parameter that is there (found), each")
	f.Comment("problem at its index; the list when every item is right. A nil parse keeps text items.")
	f.Func().Id("serverParsedList").Types(tAny.Clone()).Params(c.Clone(), at.Clone(), jen.Id("items").Index().String(), jen.Id("found").Bool(), parse.Clone()).Params(jen.Index().Id("T"), jen.Bool()).Block(
		jen.Switch().Block(
			jen.Case(jen.Op("!").Id("found")).Block(jen.Return(jen.Nil(), jen.False())),
			jen.Case(jen.Id("parse").Op("==").Nil()).Block(jen.Return(jen.Any().Call(jen.Id("items")).Assert(jen.Index().Id("T")), jen.True())),
		),
		jen.Id("list").Op(":=").Make(jen.Index().Id("T"), jen.Lit(0), jen.Len(jen.Id("items"))),
		jen.For(jen.List(jen.Id("i"), jen.Id("s")).Op(":=").Range().Id("items")).Block(
			jen.If(jen.List(jen.Id("v"), jen.Id("ok")).Op(":=").Id("serverParsed").Call(jen.Id("c"),
				jen.Op("&").Add(rt("Path")).Values(jen.Id("Parent").Op(":").Id("at"), jen.Id("Index").Op(":").Id("i"), jen.Id("IsIndex").Op(":").True()),
				jen.Id("s"), jen.True(), jen.Id("parse")), jen.Id("ok")).Block(
				jen.Id("list").Op("=").Append(jen.Id("list"), jen.Id("v")),
			),
		),
		jen.Return(jen.Id("list"), jen.Len(jen.Id("list")).Op("==").Len(jen.Id("items"))),
	)
	f.Comment("serverParamPtr points to v when ok: an optional parameter that is there and right.")
	f.Func().Id("serverParamPtr").Types(tAny.Clone()).Params(jen.Id("v").Id("T"), jen.Id("ok").Bool()).Op("*").Id("T").Block(
		jen.If(jen.Op("!").Id("ok")).Block(jen.Return(jen.Nil())),
		jen.Id("p").Op(":=").New(jen.Id("T")),
		jen.Op("*").Id("p").Op("=").Id("v"),
		jen.Return(jen.Id("p")),
	)
	type reader struct {
		in, what string
		src      []jen.Code // the parameters that hold the values
		lookup   string     // the reader of the text
		args     []jen.Code // its arguments after c, at
		needed   bool       // a parameter is there
	}
	header := jen.Id("h").Qual(pkgHTTP, "Header")
	// The readers of text are the runtime's (serverQuery: ServerQueryValue).
	exported := func(name string) string { return strings.ToUpper(name[:1]) + name[1:] }
	nameReq := []jen.Code{jen.Id("name").String(), jen.Id("required").Bool()}
	for _, rd := range []reader{
		{"query", "a query parameter", []jen.Code{jen.Id("q").Qual(pkgURL, "Values")}, "serverQuery", []jen.Code{jen.Id("q")}, n.query},
		{"header", "a header parameter", []jen.Code{header}, "serverHeader", []jen.Code{jen.Id("h")}, n.header},
		{"cookie", "a cookie parameter", []jen.Code{requestParam()}, "serverCookie", []jen.Code{jen.Id("r")}, n.cookie},
	} {
		if !rd.needed {
			continue
		}
		args := append(append([]jen.Code{jen.Id("c"), jen.Id("at")}, rd.args...), jen.Id("name"), jen.Id("required"))
		params := append(append([]jen.Code{c.Clone()}, rd.src...), nameReq...)
		f.Commentf("%sOf is the value of %s, parsed by parse; false when absent or wrong.", rd.lookup, rd.what)
		f.Func().Id(rd.lookup+"Of").Types(tAny.Clone()).Params(append(slices.Clone(params), parse.Clone())...).Params(jen.Id("T"), jen.Bool()).Block(
			paramAt(rd.in),
			jen.List(jen.Id("s"), jen.Id("ok")).Op(":=").Add(rt(exported(rd.lookup)+"Value")).Call(args...),
			jen.Return(jen.Id("serverParsed").Call(jen.Id("c"), jen.Id("at"), jen.Id("s"), jen.Id("ok"), jen.Id("parse"))),
		)
		if rd.in == "query" {
			args = append(slices.Clone(args[:len(args)-1]), jen.Id("sep"), jen.Id("required"))
			params = append(slices.Clone(params[:len(params)-2]), jen.List(jen.Id("name"), jen.Id("sep")).String(), jen.Id("required").Bool())
		}
		f.Commentf("%sListOf is the items of %s, parsed by parse.", rd.lookup, rd.what)
		f.Func().Id(rd.lookup+"ListOf").Types(tAny.Clone()).Params(append(params, parse.Clone())...).Params(jen.Index().Id("T"), jen.Bool()).Block(
			paramAt(rd.in),
			jen.List(jen.Id("items"), jen.Id("ok")).Op(":=").Add(rt(exported(rd.lookup)+"List")).Call(args...),
			jen.Return(jen.Id("serverParsedList").Call(jen.Id("c"), jen.Id("at"), jen.Id("items"), jen.Id("ok"), jen.Id("parse"))),
		)
	}
	f.Comment("serverPathOf is the value of a path parameter, whose text is s, parsed by parse.")
	f.Func().Id("serverPathOf").Types(tAny.Clone()).Params(c.Clone(), jen.List(jen.Id("name"), jen.Id("s")).String(), parse.Clone()).Params(jen.Id("T"), jen.Bool()).Block(
		paramAt("path"),
		jen.Return(jen.Id("serverParsed").Call(jen.Id("c"), jen.Id("at"), jen.Id("s"), jen.True(), jen.Id("parse"))),
	)
	f.Comment("serverPathListOf is the items of a list path parameter, parsed by parse.")
	f.Func().Id("serverPathListOf").Types(tAny.Clone()).Params(c.Clone(), jen.Id("name").String(), jen.Id("items").Index().String(), parse.Clone()).Params(jen.Index().Id("T"), jen.Bool()).Block(
		paramAt("path"),
		jen.Return(jen.Id("serverParsedList").Call(jen.Id("c"), jen.Id("at"), jen.Id("items"), jen.True(), jen.Id("parse"))),
	)
	genParseRuntime(f)
}
