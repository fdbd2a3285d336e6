package templates

import (
	"net/http"

	"github.com/dave/jennifer/jen"
	"github.com/seed-0d47db62/livegen/generator"
)

// hasMatcher reports whether NewHandler routes some operations itself.
func hasMatcher(api *generator.API) bool { return len(api.ServerRoutes) > 0 }

// genServerRoutes renders the matcher of the operations ServeMux cannot
// route: one table, most specific route first, read by one function. It
// renders nothing when ServeMux routes every operation.
func genServerRoutes(f *jen.File, api *generator.API) {
	if !hasMatcher(api) {
		return
	}
	f.Comment("serverRoute is an operation that NewHandler routes itself, ahead of http.ServeMux:")
	f.Comment("a path segment mixes parameters and text (/tasks/{id}.json), the path key fixes a")
	f.Comment("query (?full=true), or ServeMux would take its requests for a less specific path.")
	twins := hasTwins(api)
	identical := identicalRoutes(api)
	f.Type().Id("serverRoute").StructFunc(func(g *jen.Group) {
		g.Id("method").String()
		g.Comment("segments are the path's segments; each alternates text and a wildcard name,").Line().
			Comment("starting and ending with text: {id}.json is \"\", \"id\", \".json\".").Line().
			Id("segments").Index().Index().String()
		g.Comment("query holds the name and value pairs the query must hold.").Line().Id("query").Index().String()
		if twins {
			g.Comment("twin, when set, is what tells the route apart from later ones that take the").Line().
				Comment("same requests; the request must carry it.").Line().Id("twin").Op("*").Id("serverTwin")
		}
		if len(identical) > 0 {
			g.Comment("identical, when set, are the positions of the routes that nothing in a request").Line().
				Comment("tells apart from this one, its own first: an OperationChooser picks one.").Line().Id("identical").Index().Int()
		}
		g.Id("op").Op("*").Id(srvOperation)
		g.Id("serve").Func().Params(handlerRecv(), writerParam(), requestParam())
	})
	f.Comment("serverRoutes are the routes of the matcher, most specific first: segment by segment")
	f.Comment("from the left, text beats text with parameters, which beats a whole parameter; then")
	f.Comment("more fixed query pairs beat fewer. Routes that take the same requests follow their")
	f.Comment("twins' order: what the request carries decides, the general operation last.")
	f.Var().Id("serverRoutes").Op("=").Index().Id("serverRoute").ValuesFunc(func(g *jen.Group) {
		for _, o := range api.ServerRoutes {
			g.Add(routeLit(o, identical[o]))
		}
	})
	genServerMatch(f, twins, len(identical) > 0)
	if twins {
		genServerTwins(f)
	}
	if len(identical) > 0 {
		genServerChooser(f)
	}
}

// routeLit is the serverRoute of one operation; identical are the positions
// of its group's routes (see identicalRoutes).
func routeLit(o *generator.Operation, identical []int) jen.Code {
	var segments []jen.Code
	for _, seg := range o.Route.Segments {
		var parts []jen.Code
		for _, p := range seg.Parts() {
			if p.IsText() {
				parts = append(parts, jen.Lit(p.Text))
			} else {
				parts = append(parts, jen.Lit(o.ServerWildcards[p.Param]))
			}
		}
		segments = append(segments, jen.Values(parts...))
	}
	d := jen.Dict{
		jen.Id("method"):   jen.Lit(o.Method),
		jen.Id("segments"): jen.Index().Index().String().Values(segments...),
		jen.Id("op"):       jen.Id(operationVar(o)),
		jen.Id("serve"):    serveExpr(o),
	}
	if o.ServerTwin != nil {
		d[jen.Id("twin")] = twinLit(o.ServerTwin)
	}
	if len(identical) > 0 {
		var positions []jen.Code
		for _, i := range identical {
			positions = append(positions, jen.Lit(i))
		}
		d[jen.Id("identical")] = jen.Index().Int().Values(positions...)
	}
	if len(o.Route.Query) > 0 {
		var pairs []jen.Code
		for _, q := range o.Route.Query {
			pairs = append(pairs, jen.Lit(q.Name), jen.Lit(q.Value))
		}
		d[jen.Id("query")] = jen.Index().String().Values(pairs...)
	}
	return jen.Values(d)
}

// genServerMatch renders serverMatch and the matching of one segment,
// which follows generator.MatchSegment.
func genServerMatch(f *jen.File, twins, choose bool) {
	f.Comment("serverMatch finds the first route for method and the request's path and query, and")
	f.Comment("the values of its wildcards, unescaped, in order; -1 when none matches. HEAD")
	f.Comment("requests are served by GET routes, as ServeMux does. A twin's checks read at most")
	f.Comment("limit bytes of the body; with limit 0 they never read it.")
	f.Func().Id("serverMatch").Params(requestParam(), jen.Id("method").String(), jen.Id("limit").Int64()).Params(jen.Int(), jen.Index().String()).BlockFunc(func(g *jen.Group) {
		g.Id("path").Op(":=").Id("r").Dot("URL").Dot("EscapedPath").Call()
		g.Id("count").Op(":=").Qual(pkgStrings, "Count").Call(jen.Id("path"), jen.Lit("/"))
		g.Var().Id("values").Index().String()
		if twins {
			g.Var().Id("peek").Id("serverPeek")
		}
		g.For(jen.Id("i").Op(":=").Range().Id("serverRoutes")).BlockFunc(func(g *jen.Group) {
			g.Id("route").Op(":=").Op("&").Id("serverRoutes").Index(jen.Id("i"))
			g.If(jen.Len(jen.Id("route").Dot("segments")).Op("!=").Id("count").Op("||").
				Id("route").Dot("method").Op("!=").Id("method").Op("&&").
				Parens(jen.Id("route").Dot("method").Op("!=").Lit(http.MethodGet).Op("||").Id("method").Op("!=").Lit(http.MethodHead))).
				Block(jen.Continue())
			g.List(jen.Id("rest"), jen.Id("ok")).Op(":=").List(jen.Qual(pkgStrings, "TrimPrefix").Call(jen.Id("path"), jen.Lit("/")), jen.True())
			g.Id("values").Op("=").Id("values").Index(jen.Empty(), jen.Lit(0))
			g.For(jen.Id("j").Op(":=").Lit(0), jen.Id("j").Op("<").Len(jen.Id("route").Dot("segments")).Op("&&").Id("ok"), jen.Id("j").Op("++")).Block(
				jen.Var().Id("segment").String(),
				jen.List(jen.Id("segment"), jen.Id("rest"), jen.Id("_")).Op("=").Qual(pkgStrings, "Cut").Call(jen.Id("rest"), jen.Lit("/")),
				jen.If(jen.Qual(pkgStrings, "Contains").Call(jen.Id("segment"), jen.Lit("%"))).Block(
					jen.Var().Err().Error(),
					jen.If(jen.List(jen.Id("segment"), jen.Err()).Op("=").Qual(pkgURL, "PathUnescape").Call(jen.Id("segment")), jen.Err().Op("!=").Nil()).Block(jen.Id("ok").Op("=").False(), jen.Break()),
				),
				jen.List(jen.Id("values"), jen.Id("ok")).Op("=").Id("serverMatchSegment").Call(jen.Id("route").Dot("segments").Index(jen.Id("j")), jen.Id("segment"), jen.Id("values")),
			)
			holds := jen.Id("ok").Op("&&").Id("serverQueryHolds").Call(jen.Id("r"), jen.Id("route").Dot("query"))
			if twins {
				holds = holds.Op("&&").Parens(jen.Id("route").Dot("twin").Op("==").Nil().Op("||").
					Id("route").Dot("twin").Dot("holds").Call(jen.Id("r"), jen.Id("values"), jen.Id("limit"), jen.Op("&").Id("peek")))
			}
			g.If(holds).Block(jen.Return(jen.Id("i"), jen.Id("values")))
		})
		g.Return(jen.Lit(-1), jen.Nil())
	})
	f.Comment("serverMatches reports whether a route of the matcher takes r's path with method,")
	f.Comment("for the Allow header of 405.")
	f.Func().Id("serverMatches").Params(requestParam(), jen.Id("method").String()).Bool().Block(
		jen.List(jen.Id("i"), jen.Id("_")).Op(":=").Id("serverMatch").Call(jen.Id("r"), jen.Id("method"), jen.Lit(0)),
		jen.Return(jen.Id("i").Op(">=").Lit(0)),
	)
	f.Comment("serverMatchSegment matches one path segment with parts, appending the wildcards'")
	f.Comment("values: the first and last text are the segment's prefix and suffix, a wildcard")
	f.Comment("followed by more wildcards ends where the text after it first occurs, the last one")
	f.Comment("takes what is left. Every wildcard holds at least one character.")
	f.Func().Id("serverMatchSegment").Params(jen.Id("parts").Index().String(), jen.Id("s").String(), jen.Id("values").Index().String()).Params(jen.Index().String(), jen.Bool()).Block(
		jen.List(jen.Id("first"), jen.Id("last")).Op(":=").Id("parts").Index(jen.Lit(0)).Op(",").Id("parts").Index(jen.Len(jen.Id("parts")).Op("-").Lit(1)),
		jen.If(jen.Len(jen.Id("parts")).Op("==").Lit(1)).Block(jen.Return(jen.Id("values"), jen.Id("s").Op("==").Id("first"))),
		jen.If(jen.Len(jen.Id("s")).Op("<").Len(jen.Id("first")).Op("+").Len(jen.Id("last")).Op("||").
			Op("!").Qual(pkgStrings, "HasPrefix").Call(jen.Id("s"), jen.Id("first")).Op("||").
			Op("!").Qual(pkgStrings, "HasSuffix").Call(jen.Id("s"), jen.Id("last"))).Block(jen.Return(jen.Id("values"), jen.False())),
		jen.Id("s").Op("=").Id("s").Index(jen.Len(jen.Id("first")), jen.Len(jen.Id("s")).Op("-").Len(jen.Id("last"))),
		jen.For(jen.Id("i").Op(":=").Lit(1), jen.Id("i").Op("<").Len(jen.Id("parts")).Op("-").Lit(2), jen.Id("i").Op("+=").Lit(2)).Block(
			jen.If(jen.Id("s").Op("==").Lit("")).Block(jen.Return(jen.Id("values"), jen.False())),
			jen.Id("at").Op(":=").Qual(pkgStrings, "Index").Call(jen.Id("s").Index(jen.Lit(1), jen.Empty()), jen.Id("parts").Index(jen.Id("i").Op("+").Lit(1))),
			jen.If(jen.Id("at").Op("<").Lit(0)).Block(jen.Return(jen.Id("values"), jen.False())),
			jen.Id("values").Op("=").Append(jen.Id("values"), jen.Id("s").Index(jen.Empty(), jen.Id("at").Op("+").Lit(1))),
			jen.Id("s").Op("=").Id("s").Index(jen.Id("at").Op("+").Lit(1).Op("+").Len(jen.Id("parts").Index(jen.Id("i").Op("+").Lit(1))), jen.Empty()),
		),
		jen.Return(jen.Append(jen.Id("values"), jen.Id("s")), jen.Id("s").Op("!=").Lit("")),
	)
	f.Comment("serverQueryHolds reports whether the request's query holds the name and value pairs.")
	f.Func().Id("serverQueryHolds").Params(requestParam(), jen.Id("pairs").Index().String()).Bool().Block(
		jen.If(jen.Len(jen.Id("pairs")).Op("==").Lit(0)).Block(jen.Return(jen.True())),
		jen.Id("q").Op(":=").Id("r").Dot("URL").Dot("Query").Call(),
		jen.For(jen.Id("i").Op(":=").Lit(0), jen.Id("i").Op("+").Lit(1).Op("<").Len(jen.Id("pairs")), jen.Id("i").Op("+=").Lit(2)).Block(
			jen.If(jen.Op("!").Add(rt("ServerListed")).Call(jen.Id("q").Index(jen.Id("pairs").Index(jen.Id("i"))), jen.Id("pairs").Index(jen.Id("i").Op("+").Lit(1)))).Block(jen.Return(jen.False())),
		),
		jen.Return(jen.True()),
	)
	f.Comment("serveMatched serves the request when a route of the matcher matches it: the")
	f.Comment("wildcards' values are set for Request.PathValue and the route's pattern in")
	f.Comment("Request.Pattern, as ServeMux does.")
	f.Func().Params(handlerRecv()).Id("serveMatched").Params(writerParam(), requestParam()).Bool().BlockFunc(func(g *jen.Group) {
		g.List(jen.Id("i"), jen.Id("values")).Op(":=").Id("serverMatch").Call(jen.Id("r"), jen.Id("r").Dot("Method"), jen.Id("h").Dot("maxBodyBytes"))
		g.If(jen.Id("i").Op("<").Lit(0)).Block(jen.Return(jen.False()))
		if choose {
			g.Id("i").Op("=").Id("h").Dot("choose").Call(jen.Id("r"), jen.Id("i"), jen.Id("values"))
		}
		g.Id("route").Op(":=").Op("&").Id("serverRoutes").Index(jen.Id("i"))
		g.Id("route").Dot("setPathValues").Call(jen.Id("r"), jen.Id("values"))
		g.Id("r").Dot("Pattern").Op("=").Id("route").Dot("op").Dot("Pattern")
		g.Id("h").Dot("matched").Index(jen.Id("i")).Dot("ServeHTTP").Call(jen.Id("w"), jen.Id("r"))
		g.Return(jen.True())
	})
	f.Comment("setPathValues sets the values of the route's wildcards, in order, for Request.PathValue.")
	f.Func().Params(jen.Id("route").Op("*").Id("serverRoute")).Id("setPathValues").Params(requestParam(), jen.Id("values").Index().String()).Block(
		jen.For(jen.List(jen.Id("_"), jen.Id("parts")).Op(":=").Range().Id("route").Dot("segments")).Block(
			jen.For(jen.Id("j").Op(":=").Lit(1), jen.Id("j").Op("<").Len(jen.Id("parts")), jen.Id("j").Op("+=").Lit(2)).Block(
				jen.Id("r").Dot("SetPathValue").Call(jen.Id("parts").Index(jen.Id("j")), jen.Id("values").Index(jen.Lit(0))),
				jen.Id("values").Op("=").Id("values").Index(jen.Lit(1), jen.Empty()),
			),
		),
	)
}
