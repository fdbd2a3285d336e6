package templates

import (
	"github.com/dave/jennifer/jen"
	"github.com/seed-0d47db62/livegen/generator"
)

// serverParams lists the parameters the handler decodes one by one: path
// parameters, then the query, header and cookie ones that are fields of the
// params struct. Bracket filters are read by the filter's Parse function.
func serverParams(o *generator.Operation) []*generator.Param {
	out := append([]*generator.Param(nil), o.PathParams...)
	return append(out, nonFilterParams(o)...)
}

// scalarBaseOf is the kind a scalar is written as: an enum's base, an
// alias's target.
func scalarBaseOf(r *generator.TypeRef) generator.RefKind {
	for i := 0; r.Kind == generator.RefNamed && i < 32; i++ {
		switch t := r.Named; t.Kind {
		case generator.KindEnum:
			return t.Enum.Base
		case generator.KindAlias:
			r = t.Alias
		default:
			return generator.RefNamed
		}
	}
	return r.Kind
}

// listElem is the element type of a list parameter, through aliases.
func listElem(r *generator.TypeRef) *generator.TypeRef {
	for i := 0; r.Kind == generator.RefNamed && r.Named.Kind == generator.KindAlias && i < 32; i++ {
		r = r.Named.Alias
	}
	return r.Elem
}

// genParseScalar emits the parsing of the text in src into a value of type
// r, reporting a problem at at when it is not one, and calls then with the
// variable holding the value.
func genParseScalar(g *jen.Group, r *generator.TypeRef, src, at jen.Code, then func(g *jen.Group, v jen.Code)) {
	parse, exact := parseFunc(r)
	if parse == nil { // text as it is
		g.BlockFunc(func(g *jen.Group) {
			if r.Kind == generator.RefNamed {
				src = typeRef(r).Call(src)
			}
			g.Id("v").Op(":=").Add(src)
			then(g, jen.Id("v"))
		})
		return
	}
	call := jen.Id("serverParsed").Call(jen.Id("c"), at, src, jen.True(), parse)
	if exact {
		g.If(jen.List(jen.Id("v"), jen.Id("ok")).Op(":=").Add(call), jen.Id("ok")).BlockFunc(func(g *jen.Group) { then(g, jen.Id("v")) })
		return
	}
	g.If(jen.List(jen.Id("x"), jen.Id("ok")).Op(":=").Add(call), jen.Id("ok")).BlockFunc(func(g *jen.Group) {
		g.Id("v").Op(":=").Add(typeRef(r)).Call(jen.Id("x"))
		then(g, jen.Id("v"))
	})
}

// genParam emits the decoding and checking of one parameter into target.
func (c *checks) genParam(g *jen.Group, o *generator.Operation, p *generator.Param, wildcard string, target *jen.Statement, byPointer bool) {
	if p.In == "path" && generator.ClientEncoding(p) == generator.EncodeScalar && scalarBaseOf(p.Type) == generator.RefString && !c.plan.Checked(p.Type) {
		// A path segment is text already: nothing to parse, nothing to check.
		value := pathValue(p, wildcard)
		if p.Type.Kind == generator.RefNamed {
			value = typeRef(p.Type).Call(value)
		}
		g.Add(target).Op("=").Add(value)
		return
	}
	if lookup, ok := paramLookup(p, wildcard); ok {
		c.genParamLine(g, p, lookup, target, byPointer)
		return
	}
	g.BlockFunc(func(g *jen.Group) {
		g.Id("at").Op(":=").Op("&").Add(rt("Path")).Values(jen.Dict{jen.Id("In"): jen.Lit(p.In), jen.Id("Name"): jen.Lit(p.Name)})
		assign := func(g *jen.Group, v jen.Code) {
			c.value(g, p.Type, jen.Id("v"), false, loc{parent: "at"}, 0)
			if byPointer {
				g.Add(target.Clone()).Op("=").Op("&").Add(v)
			} else {
				g.Add(target.Clone()).Op("=").Add(v)
			}
		}
		switch generator.ClientEncoding(p) {
		case generator.EncodeScalar:
			withValue(g, p, wildcard, func(g *jen.Group, s jen.Code) { genParseScalar(g, p.Type, s, jen.Id("at"), assign) })
		case generator.EncodeList:
			c.genListParam(g, p, wildcard, assign)
		case generator.EncodeObject:
			c.genObjectParam(g, o, p, wildcard, assign)
		case generator.EncodeDeepObject:
			genDeepObjectParam(g, o, p, assign)
		default:
			withValue(g, p, wildcard, func(g *jen.Group, s jen.Code) {
				g.Var().Id("v").Add(typeRef(p.Type))
				failed := jen.Qual(pkgJSON, "Unmarshal").Call(jen.Index().Byte().Call(s), jen.Op("&").Id("v")).Op("!=").Nil()
				g.If(failed).Block(
					report(jen.Id("at"), jen.Lit("must be JSON text of "+jsonKindText(p.Type))),
				).Else().BlockFunc(func(g *jen.Group) { assign(g, jen.Id("v")) })
			})
		}
	})
}

// jsonKindText names what JSON a parameter read as JSON text must hold.
func jsonKindText(r *generator.TypeRef) string {
	switch r.Kind {
	case generator.RefSlice:
		return "an array"
	case generator.RefMap:
		return "an object"
	}
	return "the parameter's schema"
}

// withValue emits the lookup of a parameter's single text value and calls
// body with the variable holding it, when the parameter is present.
func withValue(g *jen.Group, p *generator.Param, wildcard string, body func(g *jen.Group, s jen.Code)) {
	var lookup jen.Code
	switch p.In {
	case "path":
		g.Id("s").Op(":=").Add(pathValue(p, wildcard))
		body(g, jen.Id("s"))
		return
	case "query":
		lookup = rt("ServerQueryValue").Call(jen.Id("c"), jen.Id("at"), jen.Id("q"), jen.Lit(p.Name), jen.Lit(p.Required))
	case "header":
		lookup = rt("ServerHeaderValue").Call(jen.Id("c"), jen.Id("at"), jen.Id("r").Dot("Header"), jen.Lit(p.Name), jen.Lit(p.Required))
	default:
		lookup = rt("ServerCookieValue").Call(jen.Id("c"), jen.Id("at"), jen.Id("r"), jen.Lit(p.Name), jen.Lit(p.Required))
	}
	g.If(jen.List(jen.Id("s"), jen.Id("ok")).Op(":=").Add(lookup), jen.Id("ok")).BlockFunc(func(g *jen.Group) { body(g, jen.Id("s")) })
}

// listSeparator is what joins the items of a list parameter in one value;
// "" when each item is its own value (form, exploded).
func listSeparatorOf(p *generator.Param) string {
	switch {
	case p.In != "query":
		return ","
	case p.Style == "spaceDelimited":
		return " "
	case p.Style == "pipeDelimited":
		return "|"
	case p.Style == "form" && !p.Explode:
		return ","
	}
	return ""
}

// genListParam emits the decoding of a list parameter, item by item.
func (c *checks) genListParam(g *jen.Group, p *generator.Param, wildcard string, assign func(*jen.Group, jen.Code)) {
	var lookup jen.Code
	switch p.In {
	case "path":
		lookup = rt("ServerPathList").Call(rt("ServerPathValue").Call(jen.Id("r"), jen.Lit(wildcard)), jen.Lit(p.Style), jen.Lit(p.Name), jen.Lit(p.Explode)).Op(",").True()
	case "query":
		lookup = rt("ServerQueryList").Call(jen.Id("c"), jen.Id("at"), jen.Id("q"), jen.Lit(p.Name), jen.Lit(listSeparatorOf(p)), jen.Lit(p.Required))
	case "header":
		lookup = rt("ServerHeaderList").Call(jen.Id("c"), jen.Id("at"), jen.Id("r").Dot("Header"), jen.Lit(p.Name), jen.Lit(p.Required))
	default:
		lookup = rt("ServerCookieList").Call(jen.Id("c"), jen.Id("at"), jen.Id("r"), jen.Lit(p.Name), jen.Lit(p.Required))
	}
	elem := listElem(p.Type)
	g.If(jen.List(jen.Id("items"), jen.Id("ok")).Op(":=").Add(lookup), jen.Id("ok")).BlockFunc(func(g *jen.Group) {
		if scalarBaseOf(elem) == generator.RefString {
			// Text items need no parsing.
			if p.Type.Kind == generator.RefSlice && elem.Kind == generator.RefString {
				g.Id("v").Op(":=").Id("items")
			} else {
				g.Id("v").Op(":=").Make(typeRef(p.Type), jen.Lit(0), jen.Len(jen.Id("items")))
				g.For(jen.List(jen.Id("_"), jen.Id("s")).Op(":=").Range().Id("items")).Block(
					jen.Id("v").Op("=").Append(jen.Id("v"), typeRef(elem).Call(jen.Id("s"))),
				)
			}
			assign(g, jen.Id("v"))
			return
		}
		g.Id("list").Op(":=").Make(typeRef(p.Type), jen.Lit(0), jen.Len(jen.Id("items")))
		g.For(jen.List(jen.Id("i"), jen.Id("s")).Op(":=").Range().Id("items")).BlockFunc(func(g *jen.Group) {
			g.Id("at").Op(":=").Op("&").Add(rt("Path")).Values(jen.Dict{jen.Id("Parent"): jen.Id("at"), jen.Id("Index"): jen.Id("i"), jen.Id("IsIndex"): jen.True()})
			genParseScalar(g, elem, jen.Id("s"), jen.Id("at"), func(g *jen.Group, v jen.Code) {
				g.Id("list").Op("=").Append(jen.Id("list"), v)
			})
		})
		g.If(jen.Len(jen.Id("list")).Op("==").Len(jen.Id("items"))).BlockFunc(func(g *jen.Group) {
			g.Id("v").Op(":=").Id("list")
			assign(g, jen.Id("v"))
		})
	})
}

// genObjectParam emits the decoding of a map or struct of scalars from the
// query (deepObject: name[key]=value; form: key=value or name=key,value),
// or from a path, header or cookie in its style.
func (c *checks) genObjectParam(g *jen.Group, o *generator.Operation, p *generator.Param, wildcard string, assign func(*jen.Group, jen.Code)) {
	t := p.Type
	for i := 0; t.Kind == generator.RefNamed && t.Named.Kind == generator.KindAlias && i < 32; i++ {
		t = t.Named.Alias
	}
	var keys jen.Code = jen.Nil()
	if t.Kind == generator.RefNamed {
		keys = jen.Index().String().ValuesFunc(func(g *jen.Group) {
			for _, f := range t.Named.Fields {
				g.Lit(f.JSONName)
			}
		})
	}
	if p.In != "query" {
		withValue(g, p, wildcard, func(g *jen.Group, s jen.Code) {
			lookup := rt("ServerStyledObject").Call(jen.Id("c"), jen.Id("at"), s, jen.Lit(p.Style), jen.Lit(p.Name), jen.Lit(p.Explode))
			c.genObjectFields(g, p, t, lookup, assign)
		})
		return
	}
	lookup := rt("ServerQueryObject").Call(jen.Id("c"), jen.Id("at"), jen.Id("q"), jen.Lit(p.Name), jen.Lit(p.Style), jen.Lit(p.Explode), keys, jen.Id(operationVar(o)).Dot("declares"), jen.Lit(p.Required))
	c.genObjectFields(g, p, t, lookup, assign)
}

// genObjectFields emits the typing of an object parameter's text values,
// which lookup reads, property by property.
func (c *checks) genObjectFields(g *jen.Group, p *generator.Param, t *generator.TypeRef, lookup jen.Code, assign func(*jen.Group, jen.Code)) {
	m := jen.Id("m")
	if t.Kind == generator.RefNamed && len(t.Named.Fields) == 0 {
		m = jen.Id("_")
	}
	g.If(jen.List(m, jen.Id("ok")).Op(":=").Add(lookup), jen.Id("ok")).BlockFunc(func(g *jen.Group) {
		if t.Kind == generator.RefMap {
			g.Id("obj").Op(":=").Make(typeRef(p.Type), jen.Len(jen.Id("m")))
			g.For(jen.List(jen.Id("_"), jen.Id("k")).Op(":=").Range().Add(rt("ServerSortedKeys")).Call(jen.Id("m"))).BlockFunc(func(g *jen.Group) {
				if parseUsesAt(t.Elem) {
					g.Id("at").Op(":=").Id("at").Dot("Field").Call(jen.Id("k"))
				}
				genParseScalar(g, t.Elem, jen.Id("m").Index(jen.Id("k")), jen.Id("at"), func(g *jen.Group, x jen.Code) {
					g.Id("obj").Index(jen.Id("k")).Op("=").Add(x)
				})
			})
			g.Id("v").Op(":=").Id("obj")
			assign(g, jen.Id("v"))
			return
		}
		g.Var().Id("obj").Add(typeRef(p.Type))
		for _, f := range t.Named.Fields {
			g.If(jen.List(jen.Id("s"), jen.Id("ok")).Op(":=").Id("m").Index(jen.Lit(f.JSONName)), jen.Id("ok")).BlockFunc(func(g *jen.Group) {
				if parseUsesAt(f.Type) {
					g.Id("at").Op(":=").Id("at").Dot("Field").Call(jen.Lit(f.JSONName))
				}
				genParseScalar(g, f.Type, jen.Id("s"), jen.Id("at"), func(g *jen.Group, x jen.Code) {
					if f.Shape() == generator.ShapePointer {
						g.Id("obj").Dot(f.Name).Op("=").Op("&").Add(x)
					} else {
						g.Id("obj").Dot(f.Name).Op("=").Add(x)
					}
				})
			}).Add(requiredElse(f))
		}
		g.Id("v").Op(":=").Id("obj")
		assign(g, jen.Id("v"))
	})
}

// requiredElse reports a missing required property of an object parameter.
func requiredElse(f *generator.Field) jen.Code {
	if !f.Required {
		return jen.Null()
	}
	return jen.Else().Block(report(jen.Id("at").Dot("Field").Call(jen.Lit(f.JSONName)), jen.Lit("is required")))
}

// declaredQuery is the literal of the query parameter names that an
// operation declares (filters and API keys included); nil when there are
// none.
func declaredQuery(o *generator.Operation) jen.Code {
	var names []jen.Code
	seen := map[string]bool{}
	add := func(n string) {
		if !seen[n] {
			seen[n] = true
			names = append(names, jen.Lit(n))
		}
	}
	var deep []jen.Code // deepObject parameters own every name[...]
	for _, p := range o.QueryParams {
		add(p.Name)
		if enc := generator.ClientEncoding(p); enc == generator.EncodeDeepObject || p.Style == "deepObject" && enc == generator.EncodeObject {
			deep = append(deep, jen.Lit(p.Name+"["))
		}
	}
	for _, req := range o.Security {
		for _, use := range req.Schemes {
			if use.Scheme.Type == "apiKey" && use.Scheme.In == "query" {
				add(use.Scheme.Name)
			}
		}
	}
	if len(names) == 0 {
		return nil
	}
	fields := []jen.Code{jen.Id("Names").Op(":").Index().String().Values(names...)}
	if len(deep) > 0 {
		fields = append(fields, jen.Id("Prefixes").Op(":").Index().String().Values(deep...))
	}
	return jen.Op("&").Add(rt("ServerQueryNames")).Values(fields...)
}

// genQueryNamesRuntime renders serverQueryNames, data rather than code so
// that each operation's names are a static table.
func genQueryNamesRuntime(f *jen.File) {
	f.Comment("ServerQueryNames are the query parameters an operation declares: names, and the")
	f.Comment("names that start with a prefix (a deepObject parameter's name[).")
	f.Type().Add(rt("ServerQueryNames")).Struct(jen.List(jen.Id("Names"), jen.Id("Prefixes")).Index().String())
	f.Comment("Has reports whether d (nil: no name) declares the query parameter name. It stays")
	f.Comment("out of line, so that DeclaresQuery and its pointer form are calls.")
	f.Comment(noInline)
	f.Func().Params(jen.Id("d").Op("*").Add(rt("ServerQueryNames"))).Id("Has").Params(jen.Id("name").String()).Bool().Block(
		jen.If(jen.Id("d").Op("==").Nil()).Block(jen.Return(jen.False())),
		jen.For(jen.List(jen.Id("_"), jen.Id("p")).Op(":=").Range().Id("d").Dot("Prefixes")).Block(
			jen.If(jen.Qual(pkgStrings, "HasPrefix").Call(jen.Id("name"), jen.Id("p"))).Block(jen.Return(jen.True())),
		),
		jen.Return(rt("ServerListed").Call(jen.Id("d").Dot("Names"), jen.Id("name"))),
	)
	f.Comment("ServerListed reports whether list holds s. It is a loop rather than slices.Contains,")
	f.Comment("whose generic instances would be compiled into the package.")
	f.Func().Add(rt("ServerListed")).Params(jen.Id("list").Index().String(), jen.Id("s").String()).Bool().Block(
		jen.For(jen.List(jen.Id("_"), jen.Id("x")).Op(":=").Range().Id("list")).Block(
			jen.If(jen.Id("x").Op("==").Id("s")).Block(jen.Return(jen.True())),
		),
		jen.Return(jen.False()),
	)
}

// paramReaders says which parameter readers the served operations call, so
// that a spec compiles only those (a spec without header parameters no
// header reader). serverQuery is always there: WithStrictQuery reads it.
type paramReaders struct {
	query, header, cookie bool // a query, header or cookie parameter
	pathList              bool // a list in a path segment
	object                bool // a map or struct parameter
	parsed                bool // a parameter whose text is parsed
}

// paramReadersOf finds the readers that the served operations of api call.
func paramReadersOf(api *generator.API) paramReaders {
	var n paramReaders
	for _, o := range api.ServedOperations() {
		for _, p := range serverParams(o) {
			enc := generator.ClientEncoding(p)
			n.query = n.query || p.In == "query" || enc == generator.EncodeUnionList
			n.header = n.header || p.In == "header"
			n.cookie = n.cookie || p.In == "cookie"
			n.pathList = n.pathList || p.In == "path" && enc == generator.EncodeList
			n.object = n.object || enc == generator.EncodeObject
			n.parsed = n.parsed || p.In != "path" || enc != generator.EncodeScalar || scalarBaseOf(p.Type) != generator.RefString
		}
	}
	return n
}

// split reports whether a reader that splits a value into items is there.
func (n paramReaders) split() bool {
	return n.query || n.header || n.cookie || n.pathList || n.object
}

// paramReaderCalls are the runtime pieces that read the parameters n
// names: the query string and path values always, the rest as used.
func paramReaderCalls(n paramReaders) []pieceCall {
	calls := []pieceCall{paramBasePiece.fixed()}
	if n.query {
		calls = append(calls, queryReaderPiece.fixed())
	}
	if n.split() {
		calls = append(calls, splitPiece.fixed())
	}
	if n.pathList {
		calls = append(calls, pathListPiece.fixed())
	}
	if n.object {
		calls = append(calls, objectReaderPiece.call(n.query))
	}
	calls = append(calls, headerReaderPiece.call(headerReading{header: n.header, cookie: n.cookie}), parseTextPiece.call(n.parsed))
	return calls
}

// headerReading says which of headers and cookies a handler reads.
type headerReading struct{ header, cookie bool }

// The parameter readers' pieces.
var (
	paramBasePiece = newFixedPiece("paramBase", func(f *jen.File) {
		c := jen.Id("c").Add(statePtr())
		query := jen.Op("&").Add(rt("Path")).Values(jen.Dict{jen.Id("In"): jen.Lit("query")})
		f.Comment("ServerQuery parses the query string. A malformed one is a problem, and the")
		f.Comment("well-formed pairs are still read. net/url reads no query of more than 10,000")
		f.Comment("parameters; that is a problem of its own.")
		f.Func().Add(rt("ServerQuery")).Params(c.Clone(), jen.Id("raw").String()).Qual(pkgURL, "Values").Block(
			jen.If(jen.Id("n").Op(":=").Qual(pkgStrings, "Count").Call(jen.Id("raw"), jen.Lit("&")).Op("+").Lit(1), jen.Id("n").Op(">").Lit(10000)).Block(
				report(query.Clone(), jen.Lit("has ").Op("+").Qual(pkgStrconv, "Itoa").Call(jen.Id("n")).Op("+").Lit(" parameters; at most 10000 are read")),
				jen.Return(jen.Qual(pkgURL, "Values").Values()),
			),
			jen.List(jen.Id("q"), jen.Err()).Op(":=").Qual(pkgURL, "ParseQuery").Call(jen.Id("raw")),
			jen.If(jen.Err().Op("!=").Nil()).Block(
				report(query.Clone(), jen.Lit("the query string is malformed (a bad %-escape or a semicolon)")),
			),
			jen.Return(jen.Id("q")),
		)
		genStrictQuery(f)
		f.Comment("ServerPathValue is the value of a path wildcard. It stays out of line: inlined,")
		f.Comment("Request.PathValue's search of the pattern would be compiled into every handler.")
		f.Comment(noInline)
		f.Func().Add(rt("ServerPathValue")).Params(requestParam(), jen.Id("name").String()).String().Block(
			jen.Return(jen.Id("r").Dot("PathValue").Call(jen.Id("name"))),
		)
	})
	queryReaderPiece = newFixedPiece("queryReader", genQueryRuntime)
	splitPiece       = newFixedPiece("split", func(f *jen.File) {
		f.Comment("serverSplit splits a list value; an empty value is an empty list.")
		f.Func().Id("serverSplit").Params(jen.List(jen.Id("s"), jen.Id("sep")).String()).Index().String().Block(
			jen.If(jen.Id("s").Op("==").Lit("")).Block(jen.Return(jen.Index().String().Values())),
			jen.Return(jen.Qual(pkgStrings, "Split").Call(jen.Id("s"), jen.Id("sep"))),
		)
	})
	pathListPiece     = newFixedPiece("pathList", genPathListRuntime)
	objectReaderPiece = newPiece("objectReader", bothBools, func(f *jen.File, query bool) {
		genObjectRuntime(f, query)
		genStyledObjectRuntime(f)
	})
	headerReaderPiece = newPiece("headerReader", []headerReading{{false, false}, {false, true}, {true, false}, {true, true}}, genHeaderRuntime)
	parseTextPiece    = newPiece("parseText", bothBools, genParseTextRuntime)
)

// genQueryRuntime renders the reading of query parameters' values.
func genQueryRuntime(f *jen.File) {
	c, at := jen.Id("c").Add(statePtr()), jen.Id("at").Add(pathPtr())
	once := func(n jen.Code) jen.Code {
		return report(jen.Id("at"), jen.Lit("must be given once, not ").Op("+").Qual(pkgStrconv, "Itoa").Call(n).Op("+").Lit(" times"))
	}
	missing := jen.If(jen.Id("required")).Block(report(jen.Id("at"), jen.Lit("is required")))
	f.Comment("ServerQueryValue is the one value of a query parameter; false when it is absent")
	f.Comment("(a problem when required) or given more than once.")
	f.Func().Add(rt("ServerQueryValue")).Params(c.Clone(), at.Clone(), jen.Id("q").Qual(pkgURL, "Values"), jen.Id("name").String(), jen.Id("required").Bool()).Params(jen.String(), jen.Bool()).Block(
		jen.Id("values").Op(":=").Id("q").Index(jen.Id("name")),
		jen.Switch(jen.Len(jen.Id("values"))).Block(
			jen.Case(jen.Lit(0)).Block(missing.Clone(), jen.Return(jen.Lit(""), jen.False())),
			jen.Case(jen.Lit(1)).Block(jen.Return(jen.Id("values").Index(jen.Lit(0)), jen.True())),
		),
		once(jen.Len(jen.Id("values"))),
		jen.Return(jen.Lit(""), jen.False()),
	)
	f.Comment("ServerQueryList is the items of a list query parameter: each value an item when sep")
	f.Comment("is \"\" (form, exploded), otherwise one value split at sep.")
	f.Func().Add(rt("ServerQueryList")).Params(c.Clone(), at.Clone(), jen.Id("q").Qual(pkgURL, "Values"), jen.List(jen.Id("name"), jen.Id("sep")).String(), jen.Id("required").Bool()).Params(jen.Index().String(), jen.Bool()).Block(
		jen.Id("values").Op(":=").Id("q").Index(jen.Id("name")),
		jen.Switch().Block(
			jen.Case(jen.Len(jen.Id("values")).Op("==").Lit(0)).Block(missing.Clone(), jen.Return(jen.Nil(), jen.False())),
			jen.Case(jen.Id("sep").Op("==").Lit("")).Block(jen.Return(jen.Id("values"), jen.True())),
			jen.Case(jen.Len(jen.Id("values")).Op(">").Lit(1)).Block(once(jen.Len(jen.Id("values"))), jen.Return(jen.Nil(), jen.False())),
		),
		jen.Return(jen.Id("serverSplit").Call(jen.Id("values").Index(jen.Lit(0)), jen.Id("sep")), jen.True()),
	)
}

// genObjectRuntime renders the reading of an object query parameter (when
// query) and the key order in which object parameters are typed.
func genObjectRuntime(f *jen.File, query bool) {
	f.Comment("ServerSortedKeys lists the keys of an object parameter in order, so that problems")
	f.Comment("come in a stable order.")
	f.Func().Add(rt("ServerSortedKeys")).Params(jen.Id("m").Map(jen.String()).String()).Index().String().Block(
		jen.Id("keys").Op(":=").Make(jen.Index().String(), jen.Lit(0), jen.Len(jen.Id("m"))),
		jen.For(jen.Id("k").Op(":=").Range().Id("m")).Block(jen.Id("keys").Op("=").Append(jen.Id("keys"), jen.Id("k"))),
		jen.Qual(pkgSort, "Strings").Call(jen.Id("keys")),
		jen.Return(jen.Id("keys")),
	)
	if !query {
		return
	}
	c, at := jen.Id("c").Add(statePtr()), jen.Id("at").Add(pathPtr())
	f.Comment("ServerQueryObject reads an object parameter as text per property: deepObject")
	f.Comment("(name[key]=value), form exploded (key=value, for the struct's keys, or every")
	f.Comment("undeclared parameter for a map) or form (name=key,value,...).")
	f.Func().Add(rt("ServerQueryObject")).Params(c.Clone(), at.Clone(), jen.Id("q").Qual(pkgURL, "Values"), jen.List(jen.Id("name"), jen.Id("style")).String(),
		jen.Id("explode").Bool(), jen.Id("keys").Index().String(), jen.Id("declared").Op("*").Add(rt("ServerQueryNames")), jen.Id("required").Bool()).Params(jen.Map(jen.String()).String(), jen.Bool()).Block(
		jen.Id("m").Op(":=").Map(jen.String()).String().Values(),
		jen.Switch().Block(
			jen.Case(jen.Id("style").Op("==").Lit("deepObject")).Block(
				jen.For(jen.List(jen.Id("k"), jen.Id("values")).Op(":=").Range().Id("q")).Block(
					jen.If(jen.List(jen.Id("key"), jen.Id("ok")).Op(":=").Qual(pkgStrings, "CutPrefix").Call(jen.Id("k"), jen.Id("name").Op("+").Lit("[")),
						jen.Id("ok").Op("&&").Qual(pkgStrings, "HasSuffix").Call(jen.Id("key"), jen.Lit("]")).Op("&&").Len(jen.Id("values")).Op(">").Lit(0)).Block(
						jen.Id("m").Index(jen.Id("key").Index(jen.Empty(), jen.Len(jen.Id("key")).Op("-").Lit(1))).Op("=").Id("values").Index(jen.Lit(0)),
					),
				),
			),
			jen.Case(jen.Id("explode").Op("&&").Id("keys").Op("!=").Nil()).Block(
				jen.For(jen.List(jen.Id("_"), jen.Id("k")).Op(":=").Range().Id("keys")).Block(
					jen.If(jen.Id("values").Op(":=").Id("q").Index(jen.Id("k")), jen.Len(jen.Id("values")).Op(">").Lit(0)).Block(
						jen.Id("m").Index(jen.Id("k")).Op("=").Id("values").Index(jen.Lit(0)),
					),
				),
			),
			jen.Case(jen.Id("explode")).Block(
				jen.For(jen.List(jen.Id("k"), jen.Id("values")).Op(":=").Range().Id("q")).Block(
					jen.If(jen.Op("!").Id("declared").Dot("Has").Call(jen.Id("k")).Op("&&").Len(jen.Id("values")).Op(">").Lit(0)).Block(
						jen.Id("m").Index(jen.Id("k")).Op("=").Id("values").Index(jen.Lit(0)),
					),
				),
			),
			jen.Default().Block(
				jen.List(jen.Id("s"), jen.Id("ok")).Op(":=").Add(rt("ServerQueryValue")).Call(jen.Id("c"), jen.Id("at"), jen.Id("q"), jen.Id("name"), jen.Id("required")),
				jen.If(jen.Op("!").Id("ok")).Block(jen.Return(jen.Nil(), jen.False())),
				jen.Return(rt("ServerStyledObject").Call(jen.Id("c"), jen.Id("at"), jen.Id("s"), jen.Lit("form"), jen.Id("name"), jen.False())),
			),
		),
		jen.If(jen.Len(jen.Id("m")).Op("==").Lit(0)).Block(
			jen.If(jen.Id("required")).Block(report(jen.Id("at"), jen.Lit("is required"))),
			jen.Return(jen.Nil(), jen.False()),
		),
		jen.Return(jen.Id("m"), jen.True()),
	)
}

// genStrictQuery renders serverStrictQuery. It sorts with sort.Strings:
// slices.Sorted and maps.Keys would compile their generic instances into
// every generated package.
func genStrictQuery(f *jen.File) {
	f.Comment("ServerStrictQuery reports every query parameter with a bracket in its name that the")
	f.Comment("operation does not declare (WithStrictQuery), in name order.")
	f.Func().Add(rt("ServerStrictQuery")).Params(jen.Id("c").Add(statePtr()), jen.Id("q").Qual(pkgURL, "Values"), jen.Id("declared").Op("*").Add(rt("ServerQueryNames"))).Block(
		jen.Var().Id("names").Index().String(),
		jen.For(jen.Id("name").Op(":=").Range().Id("q")).Block(
			jen.If(jen.Qual(pkgStrings, "Contains").Call(jen.Id("name"), jen.Lit("[")).Op("&&").Op("!").Id("declared").Dot("Has").Call(jen.Id("name"))).Block(
				jen.Id("names").Op("=").Append(jen.Id("names"), jen.Id("name")),
			),
		),
		jen.Qual(pkgSort, "Strings").Call(jen.Id("names")),
		jen.For(jen.List(jen.Id("_"), jen.Id("name")).Op(":=").Range().Id("names")).Block(
			report(jen.Op("&").Add(rt("Path")).Values(jen.Dict{jen.Id("In"): jen.Lit("query"), jen.Id("Name"): jen.Id("name")}), jen.Lit("is not a parameter of this operation")),
		),
	)
}

// genHeaderRuntime renders the writing of header values as JSON, and the
// reading of header and cookie parameters when n says they are there.
func genHeaderRuntime(f *jen.File, n headerReading) {
	c, at := jen.Id("c").Add(statePtr()), jen.Id("at").Add(pathPtr())
	missing := jen.If(jen.Id("required")).Block(report(jen.Id("at"), jen.Lit("is required")))
	f.Comment("ServerHeaderText writes a header value that is not a scalar as JSON text.")
	f.Func().Add(rt("ServerHeaderText")).Params(jen.Id("v").Any()).String().Block(
		jen.List(jen.Id("data"), jen.Id("_")).Op(":=").Qual(pkgJSON, "Marshal").Call(jen.Id("v")),
		jen.Return(jen.String().Call(jen.Id("data"))),
	)
	if n.header {
		f.Comment("ServerHeaderValue is the one value of a header parameter.")
		f.Func().Add(rt("ServerHeaderValue")).Params(c.Clone(), at.Clone(), jen.Id("h").Qual(pkgHTTP, "Header"), jen.Id("name").String(), jen.Id("required").Bool()).Params(jen.String(), jen.Bool()).Block(
			jen.Id("values").Op(":=").Id("h").Dot("Values").Call(jen.Id("name")),
			jen.Switch(jen.Len(jen.Id("values"))).Block(
				jen.Case(jen.Lit(0)).Block(missing.Clone(), jen.Return(jen.Lit(""), jen.False())),
				jen.Case(jen.Lit(1)).Block(jen.Return(jen.Id("values").Index(jen.Lit(0)), jen.True())),
			),
			report(jen.Id("at"), jen.Lit("must be given once")),
			jen.Return(jen.Lit(""), jen.False()),
		)
		f.Comment("ServerHeaderList is the comma-separated items of a header parameter, over all its lines.")
		f.Func().Add(rt("ServerHeaderList")).Params(c.Clone(), at.Clone(), jen.Id("h").Qual(pkgHTTP, "Header"), jen.Id("name").String(), jen.Id("required").Bool()).Params(jen.Index().String(), jen.Bool()).Block(
			jen.Id("values").Op(":=").Id("h").Dot("Values").Call(jen.Id("name")),
			jen.If(jen.Len(jen.Id("values")).Op("==").Lit(0)).Block(missing.Clone(), jen.Return(jen.Nil(), jen.False())),
			jen.Id("items").Op(":=").Id("serverSplit").Call(jen.Qual(pkgStrings, "Join").Call(jen.Id("values"), jen.Lit(",")), jen.Lit(",")),
			jen.For(jen.Id("i").Op(":=").Range().Id("items")).Block(jen.Id("items").Index(jen.Id("i")).Op("=").Qual(pkgStrings, "TrimSpace").Call(jen.Id("items").Index(jen.Id("i")))),
			jen.Return(jen.Id("items"), jen.True()),
		)
	}
	if n.cookie {
		f.Comment("ServerCookieValue is the value of a cookie parameter.")
		f.Func().Add(rt("ServerCookieValue")).Params(c.Clone(), at.Clone(), requestParam(), jen.Id("name").String(), jen.Id("required").Bool()).Params(jen.String(), jen.Bool()).Block(
			jen.List(jen.Id("ck"), jen.Err()).Op(":=").Id("r").Dot("Cookie").Call(jen.Id("name")),
			jen.If(jen.Err().Op("!=").Nil()).Block(missing.Clone(), jen.Return(jen.Lit(""), jen.False())),
			jen.Return(jen.Id("ck").Dot("Value"), jen.True()),
		)
		f.Comment("ServerCookieList is the comma-separated items of a cookie parameter.")
		f.Func().Add(rt("ServerCookieList")).Params(c.Clone(), at.Clone(), requestParam(), jen.Id("name").String(), jen.Id("required").Bool()).Params(jen.Index().String(), jen.Bool()).Block(
			jen.List(jen.Id("s"), jen.Id("ok")).Op(":=").Add(rt("ServerCookieValue")).Call(jen.Id("c"), jen.Id("at"), jen.Id("r"), jen.Id("name"), jen.Id("required")),
			jen.If(jen.Op("!").Id("ok")).Block(jen.Return(jen.Nil(), jen.False())),
			jen.Return(jen.Id("serverSplit").Call(jen.Id("s"), jen.Lit(",")), jen.True()),
		)
	}
}

// genParseRuntime renders the generic parsers of scalar parameter values:
// each takes the text and returns the value, or the problem that it is not
// one. They cost nothing until they are called; the others are the
// runtime's (genParseTextRuntime).
func genParseRuntime(f *jen.File) {
	text := jen.Id("s").String()
	result := func(t jen.Code) jen.Code { return jen.Params(t, jen.String()) }
	f.Comment("serverParseIntOf parses a decimal integer that T holds.")
	f.Func().Id("serverParseIntOf").Types(jen.Id("T").Add(jen.Op("~").Int().Op("|").Op("~").Int32().Op("|").Op("~").Int64())).Params(text.Clone()).Add(result(jen.Id("T"))).Block(
		jen.List(jen.Id("x"), jen.Err()).Op(":=").Qual(pkgStrconv, "ParseInt").Call(jen.Id("s"), jen.Lit(10), jen.Lit(64)),
		jen.Switch().Block(
			jen.Case(jen.Qual(pkgStrings, "HasPrefix").Call(jen.Id("s"), jen.Lit("+"))).Block(
				jen.Comment("JSON writes no '+' sign, and neither do the parameters."),
				jen.Return(jen.Lit(0), jen.Lit("must be an integer")),
			),
			jen.Case(jen.Qual(pkgErrors, "Is").Call(jen.Err(), jen.Qual(pkgStrconv, "ErrRange")).Op("||").Err().Op("==").Nil().Op("&&").Int64().Call(jen.Id("T").Call(jen.Id("x"))).Op("!=").Id("x")).Block(
				jen.Return(jen.Lit(0), jen.Lit("is out of range for an integer")),
			),
			jen.Case(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Lit(0), jen.Lit("must be an integer"))),
		),
		jen.Return(jen.Id("T").Call(jen.Id("x")), jen.Lit("")),
	)
	f.Comment("serverParseFloatOf parses a finite number that T holds.")
	f.Func().Id("serverParseFloatOf").Types(jen.Id("T").Add(jen.Op("~").Float32().Op("|").Op("~").Float64())).Params(text.Clone()).Add(result(jen.Id("T"))).Block(
		jen.Comment("A float32 cannot hold 2^24+1: parse to its precision."),
		jen.List(jen.Id("probe"), jen.Id("bits")).Op(":=").List(jen.Lit(16777217.0), jen.Lit(64)),
		jen.If(jen.Float64().Call(jen.Id("T").Call(jen.Id("probe"))).Op("!=").Id("probe")).Block(jen.Id("bits").Op("=").Lit(32)),
		jen.List(jen.Id("x"), jen.Err()).Op(":=").Qual(pkgStrconv, "ParseFloat").Call(jen.Id("s"), jen.Id("bits")),
		jen.If(jen.Err().Op("!=").Nil().Op("||").Qual(pkgStrings, "HasPrefix").Call(jen.Id("s"), jen.Lit("+")).Op("||").Qual(pkgMath, "IsNaN").Call(jen.Id("x")).Op("||").Qual(pkgMath, "IsInf").Call(jen.Id("x"), jen.Lit(0))).Block(
			jen.Return(jen.Lit(0), jen.Lit("must be a number")),
		),
		jen.Return(jen.Id("T").Call(jen.Id("x")), jen.Lit("")),
	)
	f.Comment("serverParseBoolOf parses true or false, as JSON writes them.")
	f.Func().Id("serverParseBoolOf").Types(jen.Id("T").Op("~").Bool()).Params(text.Clone()).Add(result(jen.Id("T"))).Block(
		jen.Return(jen.Id("s").Op("==").Lit("true"), rt("ServerProblemUnless").Call(jen.Id("s").Op("==").Lit("true").Op("||").Id("s").Op("==").Lit("false"), jen.Lit("must be true or false"))),
	)
	f.Comment("serverTextOf is text as the string type T: nothing to parse.")
	f.Func().Id("serverTextOf").Types(jen.Id("T").Op("~").String()).Params(text.Clone()).Add(result(jen.Id("T"))).Block(jen.Return(jen.Id("T").Call(jen.Id("s")), jen.Lit("")))
}

// genParseTextRuntime renders, into the runtime, the parsers of parameter
// values that are not generic: those of times, bytes and any value when parsed.
func genParseTextRuntime(f *jen.File, parsed bool) {
	text := jen.Id("s").String()
	result := func(t jen.Code) jen.Code { return jen.Params(t, jen.String()) }
	f.Comment("ServerProblemUnless is problem unless ok.")
	f.Func().Add(rt("ServerProblemUnless")).Params(jen.Id("ok").Bool(), jen.Id("problem").String()).String().Block(
		jen.If(jen.Id("ok")).Block(jen.Return(jen.Lit(""))),
		jen.Return(jen.Id("problem")),
	)
	if !parsed {
		return
	}
	f.Comment("ServerParseTime parses an RFC 3339 date-time. A '+' that the query turned into a")
	f.Comment("space (an unescaped time zone offset) is read as '+'.")
	f.Func().Add(rt("ServerParseTime")).Params(text.Clone()).Add(result(jen.Qual(pkgTime, "Time"))).Block(
		jen.List(jen.Id("t"), jen.Err()).Op(":=").Qual(pkgTime, "Parse").Call(jen.Qual(pkgTime, "RFC3339"), jen.Id("s")),
		jen.If(jen.Err().Op("!=").Nil().Op("&&").Qual(pkgStrings, "Contains").Call(jen.Id("s"), jen.Lit(" "))).Block(
			jen.List(jen.Id("t"), jen.Err()).Op("=").Qual(pkgTime, "Parse").Call(jen.Qual(pkgTime, "RFC3339"), jen.Qual(pkgStrings, "ReplaceAll").Call(jen.Id("s"), jen.Lit(" "), jen.Lit("+"))),
		),
		jen.Return(jen.Id("t"), rt("ServerProblemUnless").Call(jen.Err().Op("==").Nil(), jen.Lit("must be a date-time (RFC 3339, such as 2025-05-15T01:22:21Z)"))),
	)
	f.Comment("ServerParseBytes decodes base64 text (format byte).")
	f.Func().Add(rt("ServerParseBytes")).Params(text.Clone()).Add(result(jen.Index().Byte())).Block(
		jen.List(jen.Id("b"), jen.Err()).Op(":=").Qual(pkgB64, "StdEncoding").Dot("DecodeString").Call(jen.Id("s")),
		jen.Return(jen.Id("b"), rt("ServerProblemUnless").Call(jen.Err().Op("==").Nil(), jen.Lit("must be base64 text"))),
	)
	f.Comment("ServerAnyText is text as a value of any type.")
	f.Func().Add(rt("ServerAnyText")).Params(text.Clone()).Add(result(jen.Any())).Block(jen.Return(jen.Id("s"), jen.Lit("")))
}

// paramTarget is where the handler stores a decoded parameter.
func paramTarget(o *generator.Operation, p *generator.Param) (*jen.Statement, bool) {
	for i, pp := range o.PathParams {
		if pp == p {
			return jen.Id("in").Dot(o.ServerPathFields[i]), false
		}
	}
	return jen.Id("in").Dot(generator.ServerParamsField).Dot(p.GoName), p.ByPointer()
}

// wildcardOf is the ServeMux wildcard of a path parameter.
func wildcardOf(o *generator.Operation, p *generator.Param) string {
	for i, pp := range o.PathParams {
		if pp == p && i < len(o.ServerWildcards) {
			return o.ServerWildcards[i]
		}
	}
	return ""
}

// pathValue is the text of a scalar path parameter: the segment, without
// the prefix of the label (.v) and matrix (;name=v) styles.
func pathValue(p *generator.Param, wildcard string) *jen.Statement {
	segment := rt("ServerPathValue").Call(jen.Id("r"), jen.Lit(wildcard))
	switch p.Style {
	case "label":
		return jen.Qual(pkgStrings, "TrimPrefix").Call(segment, jen.Lit("."))
	case "matrix":
		return jen.Qual(pkgStrings, "TrimPrefix").Call(segment, jen.Lit(";"+p.Name+"="))
	}
	return segment
}

// genPathListRuntime renders the split of a list path parameter by style.
func genPathListRuntime(f *jen.File) {
	f.Comment("ServerPathList splits a list path parameter: simple (a,b), label (.a,b or .a.b")
	f.Comment("exploded) or matrix (;name=a,b or ;name=a;name=b exploded).")
	f.Func().Add(rt("ServerPathList")).Params(jen.List(jen.Id("s"), jen.Id("style"), jen.Id("name")).String(), jen.Id("explode").Bool()).Index().String().Block(
		jen.Switch(jen.Id("style")).Block(
			jen.Case(jen.Lit("label")).Block(
				jen.Id("s").Op("=").Qual(pkgStrings, "TrimPrefix").Call(jen.Id("s"), jen.Lit(".")),
				jen.If(jen.Id("explode")).Block(jen.Return(jen.Id("serverSplit").Call(jen.Id("s"), jen.Lit(".")))),
			),
			jen.Case(jen.Lit("matrix")).Block(
				jen.Id("prefix").Op(":=").Lit(";").Op("+").Id("name").Op("+").Lit("="),
				jen.If(jen.Op("!").Id("explode")).Block(jen.Return(jen.Id("serverSplit").Call(jen.Qual(pkgStrings, "TrimPrefix").Call(jen.Id("s"), jen.Id("prefix")), jen.Lit(",")))),
				jen.Id("items").Op(":=").Qual(pkgStrings, "Split").Call(jen.Id("s"), jen.Lit(";")).Index(jen.Lit(1), jen.Empty()),
				jen.For(jen.Id("i").Op(":=").Range().Id("items")).Block(
					jen.Id("items").Index(jen.Id("i")).Op("=").Qual(pkgStrings, "TrimPrefix").Call(jen.Id("items").Index(jen.Id("i")), jen.Id("name").Op("+").Lit("=")),
				),
				jen.Return(jen.Id("items")),
			),
		),
		jen.Return(jen.Id("serverSplit").Call(jen.Id("s"), jen.Lit(","))),
	)
}

// parseUsesAt reports whether parsing text into a value of r can report a
// problem, which needs the value's path.
func parseUsesAt(r *generator.TypeRef) bool {
	k := scalarBaseOf(r)
	return k != generator.RefString && k != generator.RefAny
}

// deepVar names the variable that holds the shape of a deepObject parameter.
func deepVar(o *generator.Operation, p *generator.Param) string {
	return "serverDeep" + o.Name + p.GoName
}

// genServerDeepVars renders the shape of each deepObject query parameter of
// an operation whose value nests objects or lists.
func genServerDeepVars(f *jen.File, o *generator.Operation) {
	for _, p := range nonFilterParams(o) {
		if generator.ClientEncoding(p) == generator.EncodeDeepObject {
			f.Commentf("%s is how the query parameter %s of %s maps onto its type.", deepVar(o, p), p.Name, o.Name)
			f.Var().Id(deepVar(o, p)).Op("=").Add(deepObjectLit(p.Type))
		}
	}
}

// deepObjectLit is the serverForm of a deepObject parameter. A union's
// shape merges its variants', the first variant that has a member deciding
// its kind, so that the JSON union decoder gets the variant's values typed.
func deepObjectLit(t *generator.TypeRef) jen.Code {
	u := clientUnalias(t)
	if u.Kind != generator.RefNamed || u.Named.Kind != generator.KindUnion {
		return serverFormLit(t, jen.Nil())
	}
	merged := jen.Dict{}
	seen := map[string]bool{}
	for _, v := range u.Named.Union.Variants {
		shape := map[string]byte{}
		formShape(v.Type, "", shape, 0)
		for path, kind := range shape {
			if !seen[path] {
				seen[path] = true
				merged[jen.Lit(path)] = jen.LitRune(rune(kind))
			}
		}
	}
	return jen.Op("&").Id("serverForm").Values(jen.Dict{jen.Id("shape"): jen.Map(jen.String()).Byte().Values(merged)})
}

// genDeepObjectParam emits the decoding of a deepObject query parameter:
// its bracketed pairs become JSON text, decoded into the parameter's type;
// problems are named by the full bracket name (filter[created][gte]).
func genDeepObjectParam(g *jen.Group, o *generator.Operation, p *generator.Param, assign func(*jen.Group, jen.Code)) {
	g.Id("at").Dot("Brackets").Op("=").True()
	read := g.If(jen.Id("data").Op(":=").Id("serverDeepObject").Call(jen.Id("q"), jen.Lit(p.Name), jen.Id(deepVar(o, p))), jen.Id("data").Op("!=").Nil()).BlockFunc(func(g *jen.Group) {
		g.Var().Id("v").Add(typeRef(p.Type))
		g.If(jen.Err().Op(":=").Qual(pkgJSON, "Unmarshal").Call(jen.Id("data"), jen.Op("&").Id("v")), jen.Err().Op("!=").Nil()).Block(
			rt("ServerParamJSONError").Call(jen.Id("c"), jen.Id("at"), jen.Id("data"), jen.Err()),
		).Else().BlockFunc(func(g *jen.Group) { assign(g, jen.Id("v")) })
	})
	if p.Required {
		read.Else().Block(report(jen.Id("at"), jen.Lit("is required")))
	}
}

// genParamJSONError renders the report of a parameter value that does not
// decode into its type.
func genParamJSONError(f *jen.File) {
	c, at := jen.Id("c").Add(statePtr()), jen.Id("at").Add(pathPtr())
	f.Comment("ServerParamJSONError reports a parameter value, the JSON text data, that does not")
	f.Comment("decode into its type, at the member that is wrong (lines[0][quantity]).")
	f.Func().Add(rt("ServerParamJSONError")).Params(c, at, jen.Id("data").Index().Byte(), jen.Err().Error()).Block(
		jen.Var().Id("te").Op("*").Qual(pkgJSON, "UnmarshalTypeError"),
		jen.If(jen.Op("!").Qual(pkgErrors, "As").Call(jen.Err(), jen.Op("&").Id("te")).Op("||").Id("te").Dot("Type").Op("==").Nil()).Block(
			report(jen.Id("at"), jen.Lit("is not valid: ").Op("+").Err().Dot("Error").Call()),
			jen.Return(),
		),
		jen.Id("at").Op("=").Id("serverJSONPathAt").Call(jen.Id("at"), jen.Id("data"), jen.Id("te").Dot("Offset")),
		jen.Id("want").Op(":=").Id("te").Dot("Type").Dot("String").Call(),
		jen.Switch().Block(
			jen.Case(jen.Qual(pkgStrings, "Contains").Call(jen.Id("want"), jen.Lit("int"))).Block(report(jen.Id("at"), jen.Lit("must be an integer"))),
			jen.Case(jen.Qual(pkgStrings, "Contains").Call(jen.Id("want"), jen.Lit("float"))).Block(report(jen.Id("at"), jen.Lit("must be a number"))),
			jen.Case(jen.Id("want").Op("==").Lit("bool")).Block(report(jen.Id("at"), jen.Lit("must be true or false"))),
			jen.Default().Block(report(jen.Id("at"), jen.Lit("must not be "+"a ").Op("+").Id("te").Dot("Value"))),
		),
	)
}

// genStyledObjectRuntime renders the reading of an object parameter in a
// path, header or cookie.
func genStyledObjectRuntime(f *jen.File) {
	c, at := jen.Id("c").Add(statePtr()), jen.Id("at").Add(pathPtr())
	f.Comment("ServerStyledObject reads the key, value pairs of an object parameter in a path,")
	f.Comment("header or cookie: simple role,admin (exploded role=admin,firstName=Alex), label")
	f.Comment(".role,admin (exploded .role=admin.firstName=Alex), matrix ;name=role,admin")
	f.Comment("(exploded ;role=admin;firstName=Alex).")
	f.Func().Add(rt("ServerStyledObject")).Params(c, at, jen.List(jen.Id("s"), jen.Id("style"), jen.Id("name")).String(), jen.Id("explode").Bool()).Params(jen.Map(jen.String()).String(), jen.Bool()).Block(
		jen.Id("sep").Op(":=").Lit(","),
		jen.Switch().Block(
			jen.Case(jen.Id("style").Op("==").Lit("label")).Block(
				jen.Id("s").Op("=").Qual(pkgStrings, "TrimPrefix").Call(jen.Id("s"), jen.Lit(".")),
				jen.If(jen.Id("explode")).Block(jen.Id("sep").Op("=").Lit(".")),
			),
			jen.Case(jen.Id("style").Op("==").Lit("matrix").Op("&&").Id("explode")).Block(
				jen.List(jen.Id("s"), jen.Id("sep")).Op("=").List(jen.Qual(pkgStrings, "TrimPrefix").Call(jen.Id("s"), jen.Lit(";")), jen.Lit(";")),
			),
			jen.Case(jen.Id("style").Op("==").Lit("matrix")).Block(
				jen.Id("s").Op("=").Qual(pkgStrings, "TrimPrefix").Call(jen.Id("s"), jen.Lit(";").Op("+").Id("name").Op("+").Lit("=")),
			),
		),
		jen.Id("m").Op(":=").Map(jen.String()).String().Values(),
		jen.Id("parts").Op(":=").Id("serverSplit").Call(jen.Id("s"), jen.Id("sep")),
		jen.If(jen.Id("explode")).Block(
			jen.For(jen.List(jen.Id("_"), jen.Id("part")).Op(":=").Range().Id("parts")).Block(
				jen.List(jen.Id("k"), jen.Id("v"), jen.Id("ok")).Op(":=").Qual(pkgStrings, "Cut").Call(jen.Id("part"), jen.Lit("=")),
				jen.If(jen.Op("!").Id("ok")).Block(
					report(jen.Id("at"), jen.Lit("must be key=value pairs")),
					jen.Return(jen.Nil(), jen.False()),
				),
				jen.Id("m").Index(jen.Id("k")).Op("=").Id("v"),
			),
			jen.Return(jen.Id("m"), jen.True()),
		),
		jen.If(jen.Len(jen.Id("parts")).Op("%").Lit(2).Op("!=").Lit(0)).Block(
			report(jen.Id("at"), jen.Lit("must be key,value pairs")),
			jen.Return(jen.Nil(), jen.False()),
		),
		jen.For(jen.Id("i").Op(":=").Lit(0), jen.Id("i").Op("<").Len(jen.Id("parts")), jen.Id("i").Op("+=").Lit(2)).Block(
			jen.Id("m").Index(jen.Id("parts").Index(jen.Id("i"))).Op("=").Id("parts").Index(jen.Id("i").Op("+").Lit(1)),
		),
		jen.Return(jen.Id("m"), jen.True()),
	)
}

// genJSONPathAt renders the finding of the member that a decoding error
// names by its offset: the decoder's Field leaves out list indices.
func genJSONPathAt(f *jen.File) {
	at := jen.Id("at").Add(pathPtr())
	f.Comment("serverJSONPathAt is the path below at of the value of data that ends at offset,")
	f.Comment("with the list indices that a decoding error's Field leaves out.")
	f.Func().Id("serverJSONPathAt").Params(at, jen.Id("data").Index().Byte(), jen.Id("offset").Int64()).Add(pathPtr()).Block(
		jen.Id("dec").Op(":=").Qual(pkgJSON, "NewDecoder").Call(jen.Qual(pkgBytes, "NewReader").Call(jen.Id("data"))),
		jen.Comment("Each open container: its path, and for an object whether a key is next."),
		jen.Type().Id("open").Struct(jen.Id("at").Add(pathPtr()), jen.List(jen.Id("object"), jen.Id("key")).Bool(), jen.Id("index").Int()),
		jen.Id("stack").Op(":=").Index().Id("open").Values(jen.Values(jen.Id("at").Op(":").Id("at"))),
		jen.Id("here").Op(":=").Id("at"),
		jen.For().BlockFunc(func(g *jen.Group) {
			g.List(jen.Id("tok"), jen.Err()).Op(":=").Id("dec").Dot("Token").Call()
			g.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Id("here")))
			g.Id("top").Op(":=").Op("&").Id("stack").Index(jen.Len(jen.Id("stack")).Op("-").Lit(1))
			g.If(jen.Id("d").Op(",").Id("ok").Op(":=").Id("tok").Assert(jen.Qual(pkgJSON, "Delim")), jen.Id("ok").Op("&&").Parens(jen.Id("d").Op("==").LitRune('}').Op("||").Id("d").Op("==").LitRune(']'))).Block(
				jen.Id("stack").Op("=").Id("stack").Index(jen.Empty(), jen.Len(jen.Id("stack")).Op("-").Lit(1)),
				jen.Continue(),
			)
			g.If(jen.Id("top").Dot("object").Op("&&").Id("top").Dot("key")).Block(
				jen.List(jen.Id("name"), jen.Id("_")).Op(":=").Id("tok").Assert(jen.String()),
				jen.List(jen.Id("here"), jen.Id("top").Dot("key")).Op("=").List(jen.Id("top").Dot("at").Dot("Field").Call(jen.Id("name")), jen.False()),
				jen.Continue(),
			)
			g.If(jen.Id("top").Dot("object")).Block(
				jen.Id("top").Dot("key").Op("=").True(),
			).Else().If(jen.Len(jen.Id("stack")).Op(">").Lit(1)).Block(
				jen.List(jen.Id("here"), jen.Id("top").Dot("index")).Op("=").List(jen.Id("top").Dot("at").Dot("Item").Call(jen.Id("top").Dot("index")), jen.Id("top").Dot("index").Op("+").Lit(1)),
			)
			g.If(jen.Id("dec").Dot("InputOffset").Call().Op(">=").Id("offset")).Block(jen.Return(jen.Id("here")))
			g.If(jen.List(jen.Id("d"), jen.Id("ok")).Op(":=").Id("tok").Assert(jen.Qual(pkgJSON, "Delim")), jen.Id("ok")).Block(
				jen.Id("stack").Op("=").Append(jen.Id("stack"), jen.Id("open").Values(jen.Id("at").Op(":").Id("here"), jen.Id("object").Op(":").Id("d").Op("==").LitRune('{'), jen.Id("key").Op(":").Id("d").Op("==").LitRune('{'))),
			)
		}),
	)
}

// unionParams reports whether a served operation reads a parameter that is
// a oneOf/anyOf of scalars or a list of them (unions), and one that is a
// union of scalars and lists (lists).
func unionParams(api *generator.API) (unions, lists bool) {
	for _, o := range api.ServedOperations() {
		for _, p := range serverParams(o) {
			t := clientUnalias(p.Type)
			lists = lists || generator.ClientEncoding(p) == generator.EncodeUnionList
			unions = unions || lists || generator.IsScalarUnion(t) || t.Kind == generator.RefSlice && generator.IsScalarUnion(t.Elem)
		}
	}
	return unions, lists
}

// genParseUnionRuntime renders the reading of a scalar union's text, and of
// a union of scalars and lists when lists.
func genParseUnionRuntime(f *jen.File, lists bool) {
	text := jen.Id("s").String()
	result := func(t jen.Code) jen.Code { return jen.Params(t, jen.String()) }
	f.Comment("serverParseUnionOf reads the text of a oneOf/anyOf of scalars, as clients write")
	f.Comment("the variant that is set: a number or true/false as JSON when the union takes it")
	f.Comment("so (its decoder picks the variant in spec order), anything else as a string.")
	f.Func().Id("serverParseUnionOf").Types(jen.Id("T").Any()).Params(text.Clone()).Add(result(jen.Id("T"))).Block(
		jen.Var().Id("v").Id("T"),
		jen.If(rt("ServerLooksScalar").Call(jen.Id("s")).Op("&&").Qual(pkgJSON, "Unmarshal").Call(jen.Index().Byte().Call(jen.Id("s")), jen.Op("&").Id("v")).Op("==").Nil()).Block(
			jen.Return(jen.Id("v"), jen.Lit("")),
		),
		jen.If(jen.Qual(pkgJSON, "Unmarshal").Call(jen.Index().Byte().Call(jen.Qual(pkgStrconv, "Quote").Call(jen.Id("s"))), jen.Op("&").Id("v")).Op("==").Nil()).Block(
			jen.Return(jen.Id("v"), jen.Lit("")),
		),
		jen.Return(jen.Id("v"), jen.Lit("must be one of the values the schema allows")),
	)
	if lists {
		genQueryUnionOf(f)
	}
}

// genLooksScalarRuntime renders, into the runtime, how union parameters
// tell numbers and booleans from strings.
func genLooksScalarRuntime(f *jen.File) {
	text := jen.Id("s").String()
	f.Comment("ServerLooksScalar reports whether s reads as a JSON number or boolean.")
	f.Func().Add(rt("ServerLooksScalar")).Params(text.Clone()).Bool().Block(
		jen.If(jen.Id("s").Op("==").Lit("true").Op("||").Id("s").Op("==").Lit("false")).Block(jen.Return(jen.True())),
		jen.List(jen.Id("_"), jen.Err()).Op(":=").Qual(pkgStrconv, "ParseFloat").Call(jen.Id("s"), jen.Lit(64)),
		jen.Return(jen.Err().Op("==").Nil().Op("&&").Id("s").Op("!=").Lit("").Op("&&").Qual(pkgStrings, "IndexAny").Call(jen.Id("s"), jen.Lit("xXpPiInN_")).Op("<").Lit(0)),
	)
}

// genQueryUnionOf renders the reading of a union of scalars and lists.
func genQueryUnionOf(f *jen.File) {
	c := jen.Id("c").Add(statePtr())
	f.Comment("serverQueryUnionOf is the value of a query parameter that is a union of scalars and")
	f.Comment("lists, written as a list: one item that a scalar variant reads is that variant,")
	f.Comment("otherwise the items are the list variant's, each read as serverParseUnionOf does.")
	f.Func().Id("serverQueryUnionOf").Types(jen.Id("T").Any()).Params(c, jen.Id("q").Qual(pkgURL, "Values"), jen.List(jen.Id("name"), jen.Id("sep")).String(), jen.Id("required").Bool()).Params(jen.Id("T"), jen.Bool()).Block(
		jen.Id("at").Op(":=").Op("&").Add(rt("Path")).Values(jen.Id("In").Op(":").Lit("query"), jen.Id("Name").Op(":").Id("name")),
		jen.Var().Id("v").Id("T"),
		jen.List(jen.Id("items"), jen.Id("ok")).Op(":=").Add(rt("ServerQueryList")).Call(jen.Id("c"), jen.Id("at"), jen.Id("q"), jen.Id("name"), jen.Id("sep"), jen.Id("required")),
		jen.If(jen.Op("!").Id("ok")).Block(jen.Return(jen.Id("v"), jen.False())),
		jen.If(jen.Len(jen.Id("items")).Op("==").Lit(1)).Block(
			jen.If(jen.List(jen.Id("one"), jen.Id("problem")).Op(":=").Id("serverParseUnionOf").Index(jen.Id("T")).Call(jen.Id("items").Index(jen.Lit(0))), jen.Id("problem").Op("==").Lit("")).Block(
				jen.Return(jen.Id("one"), jen.True()),
			),
		),
		jen.Id("list").Op(":=").Make(jen.Index().Qual(pkgJSON, "RawMessage"), jen.Len(jen.Id("items"))),
		jen.For(jen.List(jen.Id("i"), jen.Id("s")).Op(":=").Range().Id("items")).Block(
			jen.Id("list").Index(jen.Id("i")).Op("=").Qual(pkgJSON, "RawMessage").Call(jen.Qual(pkgStrconv, "Quote").Call(jen.Id("s"))),
			jen.If(rt("ServerLooksScalar").Call(jen.Id("s"))).Block(jen.Id("list").Index(jen.Id("i")).Op("=").Qual(pkgJSON, "RawMessage").Call(jen.Id("s"))),
		),
		jen.List(jen.Id("data"), jen.Id("_")).Op(":=").Qual(pkgJSON, "Marshal").Call(jen.Id("list")),
		jen.If(jen.Qual(pkgJSON, "Unmarshal").Call(jen.Id("data"), jen.Op("&").Id("v")).Op("!=").Nil()).Block(
			report(jen.Id("at"), jen.Lit("must be one of the values the schema allows")),
			jen.Return(jen.Id("v"), jen.False()),
		),
		jen.Return(jen.Id("v"), jen.True()),
	)
}
