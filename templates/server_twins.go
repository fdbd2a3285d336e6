package templates

import (
	"slices"

	"github.com/dave/jennifer/jen"
	"github.com/seed-0d47db62/livegen/generator"
)

// srvChooser is the optional interface of a Server that picks among
// identical operations; generator.ReservedNames lists it.
const srvChooser = "OperationChooser"

// hasTwins reports whether some matched operations take the same requests
// as others and are told apart by what the request carries.
func hasTwins(api *generator.API) bool {
	return slices.ContainsFunc(api.ServerRoutes, func(o *generator.Operation) bool { return o.ServerTwin != nil })
}

// identicalRoutes maps the route that the matcher finds for a group of
// identical operations (generator.Operation.ServerIdentical) to the
// positions in serverRoutes of the group's routes, its own first. Members
// that a selection dropped are left out; a group of one is no group.
func identicalRoutes(api *generator.API) map[*generator.Operation][]int {
	position := make(map[*generator.Operation]int, len(api.ServerRoutes))
	for i, o := range api.ServerRoutes {
		position[o] = i
	}
	out := map[*generator.Operation][]int{}
	for _, o := range api.ServerRoutes {
		var group []int
		for _, member := range o.ServerIdentical {
			if i, ok := position[member]; ok {
				group = append(group, i)
			}
		}
		if len(group) > 1 && api.ServerRoutes[group[0]] == o {
			out[o] = group
		}
	}
	return out
}

// genServerChooser renders OperationChooser and the one function that asks
// it, for APIs with identical operations.
func genServerChooser(f *jen.File) {
	for _, line := range wrap("OperationChooser is an optional interface of a Server: it picks which of the operations that take the same requests,"+
		" and declare nothing a request carries to tell them apart, serves a request (see NewHandler)."+
		" Only the implementation can tell them apart, from the server's state or a convention of its clients."+
		" ChooseOperation receives the candidates, the operation NewHandler serves by default first, and returns one of them;"+
		" nil, or an operation not among candidates, keeps the default."+
		" r has no body, so that the chosen operation reads the body whole: decide from the URL, the headers, the path values"+
		" (r.PathValue by the wildcard name of any candidate's Pattern) and the context."+
		" The candidates are copies, and the chosen operation is the one OperationFromContext then returns.", 86) {
		f.Comment(line)
	}
	f.Type().Id(srvChooser).Interface(
		jen.Id("ChooseOperation").Params(requestParam(), jen.Id("candidates").Index().Op("*").Id(srvOperation)).Op("*").Id(srvOperation),
	)
	f.Comment("choose is the route that serves a request the matcher found at i, with the wildcards'")
	f.Comment("values: i itself, unless the route has identical ones and impl is an OperationChooser.")
	f.Func().Params(handlerRecv()).Id("choose").Params(requestParam(), jen.Id("i").Int(), jen.Id("values").Index().String()).Int().Block(
		jen.Id("identical").Op(":=").Id("serverRoutes").Index(jen.Id("i")).Dot("identical"),
		jen.List(jen.Id("chooser"), jen.Id("ok")).Op(":=").Id("h").Dot("impl").Assert(jen.Id(srvChooser)),
		jen.If(jen.Op("!").Id("ok").Op("||").Len(jen.Id("identical")).Op("==").Lit(0)).Block(jen.Return(jen.Id("i"))),
		jen.Id("probe").Op(":=").Op("*").Id("r"),
		jen.Id("probe").Dot("Body").Op("=").Qual(pkgHTTP, "NoBody"),
		jen.Id("ops").Op(":=").Make(jen.Index().Id(srvOperation), jen.Len(jen.Id("identical"))),
		jen.Id("candidates").Op(":=").Make(jen.Index().Op("*").Id(srvOperation), jen.Len(jen.Id("identical"))),
		jen.For(jen.List(jen.Id("k"), jen.Id("j")).Op(":=").Range().Id("identical")).Block(
			jen.Id("serverRoutes").Index(jen.Id("j")).Dot("setPathValues").Call(jen.Op("&").Id("probe"), jen.Id("values")),
			jen.Id("ops").Index(jen.Id("k")).Op("=").Op("*").Id("serverRoutes").Index(jen.Id("j")).Dot("op"),
			jen.Id("candidates").Index(jen.Id("k")).Op("=").Op("&").Id("ops").Index(jen.Id("k")),
		),
		jen.Id("chosen").Op(":=").Id("chooser").Dot("ChooseOperation").Call(jen.Op("&").Id("probe"), jen.Id("candidates")),
		jen.For(jen.List(jen.Id("k"), jen.Id("candidate")).Op(":=").Range().Id("candidates")).Block(
			jen.If(jen.Id("chosen").Op("==").Id("candidate").Op("&&").Id("chosen").Op("!=").Nil()).Block(jen.Return(jen.Id("identical").Index(jen.Id("k")))),
		),
		jen.Return(jen.Id("i")),
	)
}

// twinLit is the serverTwin of an operation: data only, read by the one
// shared serverTwin.holds.
func twinLit(t *generator.Twin) jen.Code {
	d := jen.Dict{}
	if len(t.Query) > 0 {
		d[jen.Id("query")] = stringsLit(t.Query)
	}
	if len(t.Headers) > 0 {
		d[jen.Id("headers")] = stringsLit(t.Headers)
	}
	if t.ContentType != "" {
		d[jen.Id("contentType")] = jen.Lit(t.ContentType)
	}
	if t.BodyRequired {
		d[jen.Id("bodyRequired")] = jen.True()
	}
	if t.Accept != "" {
		d[jen.Id("accept")] = jen.Lit(t.Accept)
	}
	if len(t.PathParams) > 0 {
		var params []jen.Code
		for _, p := range t.PathParams {
			pd := jen.Dict{jen.Id("position"): jen.Lit(p.Position)}
			if p.Kind != "" {
				pd[jen.Id("kind")] = jen.Lit(p.Kind)
			}
			if p.Enum != nil {
				pd[jen.Id("enum")] = stringsLit(p.Enum)
			}
			if p.Pattern != "" {
				pd[jen.Id("pattern")] = jen.Qual(pkgRegexp, "MustCompile").Call(jen.Lit(p.Pattern))
			}
			params = append(params, jen.Values(pd))
		}
		d[jen.Id("path")] = jen.Index().Id("serverTwinParam").Values(params...)
	}
	if len(t.Members) > 0 {
		var members []jen.Code
		for _, m := range t.Members {
			md := jen.Dict{jen.Id("name"): jen.Lit(m.Name)}
			if m.Required {
				md[jen.Id("required")] = jen.True()
			}
			if m.NotNull {
				md[jen.Id("notNull")] = jen.True()
			}
			if m.Enum != nil {
				md[jen.Id("enum")] = stringsLit(m.Enum)
			}
			members = append(members, jen.Values(md))
		}
		d[jen.Id("members")] = jen.Index().Id("serverTwinMember").Values(members...)
	}
	return jen.Op("&").Id("serverTwin").Values(d)
}

func stringsLit(values []string) jen.Code {
	var out []jen.Code
	for _, v := range values {
		out = append(out, jen.Lit(v))
	}
	return jen.Index().String().Values(out...)
}

// genServerTwins renders the types of twinLit and the one function that
// checks a request against them.
func genServerTwins(f *jen.File) {
	f.Comment("serverTwin is what a request must carry to be served by an operation that takes the")
	f.Comment("same requests as others (the same path once the #fragment is dropped): such routes")
	f.Comment("are tried most specific first, and the last of them, without a serverTwin, serves")
	f.Comment("what the others do not take.")
	f.Type().Id("serverTwin").Struct(
		jen.Comment("query and headers are the parameters the operation requires.").Line().
			List(jen.Id("query"), jen.Id("headers")).Index().String(),
		jen.Comment("contentType is the body's media type, checked when the body is required or").Line().
			Comment("the request names one.").Line().
			Id("contentType").String(),
		jen.Id("bodyRequired").Bool(),
		jen.Comment("accept is the media type the operation alone answers with, which the Accept").Line().
			Comment("header must name.").Line().
			Id("accept").String(),
		jen.Id("path").Index().Id("serverTwinParam"),
		jen.Comment("members are checked on the body, read only for them.").Line().
			Id("members").Index().Id("serverTwinMember"),
	)
	f.Comment("serverTwinParam constrains the value of the route's wildcard at position: its kind")
	f.Comment("(integer, number, boolean), its values, its pattern.")
	f.Type().Id("serverTwinParam").Struct(
		jen.Id("position").Int(),
		jen.Id("kind").String(),
		jen.Id("pattern").Op("*").Qual(pkgRegexp, "Regexp"),
		jen.Id("enum").Index().String(),
	)
	f.Comment("serverTwinMember is a top-level body member: present when required, not null when")
	f.Comment("notNull, one of enum (as written) when enum is set.")
	f.Type().Id("serverTwinMember").Struct(
		jen.Id("name").String(),
		jen.List(jen.Id("required"), jen.Id("notNull")).Bool(),
		jen.Id("enum").Index().String(),
	)
	f.Comment("serverBodyMember is a top-level member of a JSON object or form body: its text (a")
	f.Comment("JSON string unquoted) and whether it is null.")
	f.Type().Id("serverBodyMember").Struct(incomparable(), jen.Id("text").String(), jen.Id("null").Bool())
	f.Comment("serverPeek holds the body's members once read; members is nil when the body is")
	f.Comment("neither a JSON object nor a form, or larger than the limit.")
	f.Type().Id("serverPeek").Struct(jen.Id("done").Bool(), jen.Id("members").Map(jen.String()).Id("serverBodyMember"))

	f.Comment("holds reports whether the request carries what t requires; values are the route's")
	f.Comment("wildcards. The body is read, up to limit bytes, only when t checks members, and")
	f.Comment("put back for the handler.")
	f.Func().Params(jen.Id("t").Op("*").Id("serverTwin")).Id("holds").Params(requestParam(), jen.Id("values").Index().String(), jen.Id("limit").Int64(), jen.Id("peek").Op("*").Id("serverPeek")).Bool().Block(
		jen.For(jen.List(jen.Id("_"), jen.Id("name")).Op(":=").Range().Id("t").Dot("query")).Block(
			jen.If(jen.Op("!").Id("r").Dot("URL").Dot("Query").Call().Dot("Has").Call(jen.Id("name"))).Block(jen.Return(jen.False())),
		),
		jen.For(jen.List(jen.Id("_"), jen.Id("name")).Op(":=").Range().Id("t").Dot("headers")).Block(
			jen.If(jen.Id("r").Dot("Header").Dot("Get").Call(jen.Id("name")).Op("==").Lit("")).Block(jen.Return(jen.False())),
		),
		jen.Id("ct").Op(":=").Id("r").Dot("Header").Dot("Get").Call(jen.Lit("Content-Type")),
		jen.If(jen.Id("t").Dot("contentType").Op("!=").Lit("").Op("&&").Parens(jen.Id("t").Dot("bodyRequired").Op("||").Id("ct").Op("!=").Lit("")).Op("&&").
			Op("!").Add(rt("ServerMediaTypeMatches")).Call(jen.Id("ct"), jen.Id("t").Dot("contentType"))).Block(jen.Return(jen.False())),
		jen.If(jen.Id("t").Dot("accept").Op("!=").Lit("").Op("&&").Op("!").Qual(pkgStrings, "Contains").Call(
			jen.Qual(pkgStrings, "ToLower").Call(jen.Id("r").Dot("Header").Dot("Get").Call(jen.Lit("Accept"))), jen.Id("t").Dot("accept"))).Block(jen.Return(jen.False())),
		jen.For(jen.List(jen.Id("_"), jen.Id("p")).Op(":=").Range().Id("t").Dot("path")).Block(
			jen.If(jen.Op("!").Id("p").Dot("holds").Call(jen.Id("values").Index(jen.Id("p").Dot("position")))).Block(jen.Return(jen.False())),
		),
		jen.If(jen.Len(jen.Id("t").Dot("members")).Op("==").Lit(0)).Block(jen.Return(jen.True())),
		jen.If(jen.Op("!").Id("peek").Dot("done")).Block(
			jen.List(jen.Id("peek").Dot("members"), jen.Id("peek").Dot("done")).Op("=").List(jen.Id("serverPeekBody").Call(jen.Id("r"), jen.Id("limit")), jen.True()),
		),
		jen.If(jen.Id("peek").Dot("members").Op("==").Nil()).Block(jen.Return(jen.False())),
		jen.For(jen.List(jen.Id("_"), jen.Id("m")).Op(":=").Range().Id("t").Dot("members")).Block(
			jen.List(jen.Id("got"), jen.Id("ok")).Op(":=").Id("peek").Dot("members").Index(jen.Id("m").Dot("name")),
			jen.Switch().Block(
				jen.Case(jen.Op("!").Id("ok")).Block(jen.If(jen.Id("m").Dot("required")).Block(jen.Return(jen.False()))),
				jen.Case(jen.Id("got").Dot("null")).Block(jen.If(jen.Id("m").Dot("notNull")).Block(jen.Return(jen.False()))),
				jen.Case(jen.Id("m").Dot("enum").Op("!=").Nil().Op("&&").Op("!").Add(rt("ServerListed")).Call(jen.Id("m").Dot("enum"), jen.Id("got").Dot("text"))).Block(jen.Return(jen.False())),
			),
		),
		jen.Return(jen.True()),
	)

	f.Comment("holds reports whether a wildcard's value meets the constraint.")
	f.Func().Params(jen.Id("p").Id("serverTwinParam")).Id("holds").Params(jen.Id("value").String()).Bool().Block(
		jen.Var().Err().Error(),
		jen.Switch(jen.Id("p").Dot("kind")).Block(
			jen.Case(jen.Lit("integer")).Block(jen.List(jen.Id("_"), jen.Err()).Op("=").Qual(pkgStrconv, "ParseInt").Call(jen.Id("value"), jen.Lit(10), jen.Lit(64))),
			jen.Case(jen.Lit("number")).Block(jen.List(jen.Id("_"), jen.Err()).Op("=").Qual(pkgStrconv, "ParseFloat").Call(jen.Id("value"), jen.Lit(64))),
			jen.Case(jen.Lit("boolean")).Block(jen.List(jen.Id("_"), jen.Err()).Op("=").Qual(pkgStrconv, "ParseBool").Call(jen.Id("value"))),
		),
		jen.If(jen.Err().Op("!=").Nil().Op("||").Id("p").Dot("enum").Op("!=").Nil().Op("&&").Op("!").Add(rt("ServerListed")).Call(jen.Id("p").Dot("enum"), jen.Id("value"))).Block(jen.Return(jen.False())),
		jen.Return(jen.Id("p").Dot("pattern").Op("==").Nil().Op("||").Id("p").Dot("pattern").Dot("MatchString").Call(jen.Id("value"))),
	)

	f.Comment("serverPeekBody reads the body, up to limit bytes, and puts it back for the handler:")
	f.Comment("the top-level members of a JSON object or a form, an empty map for an empty body, nil")
	f.Comment("for any other body or one larger than limit (the handler then answers it).")
	f.Func().Id("serverPeekBody").Params(requestParam(), jen.Id("limit").Int64()).Map(jen.String()).Id("serverBodyMember").Block(
		jen.If(jen.Id("r").Dot("Body").Op("==").Nil().Op("||").Id("r").Dot("Body").Op("==").Qual(pkgHTTP, "NoBody")).Block(
			jen.Return(jen.Map(jen.String()).Id("serverBodyMember").Values()),
		),
		jen.If(jen.Id("limit").Op("<=").Lit(0)).Block(jen.Return(jen.Nil())),
		jen.List(jen.Id("data"), jen.Err()).Op(":=").Qual(pkgIO, "ReadAll").Call(jen.Qual(pkgIO, "LimitReader").Call(jen.Id("r").Dot("Body"), jen.Id("limit").Op("+").Lit(1))),
		jen.Id("r").Dot("Body").Op("=").Struct(jen.Qual(pkgIO, "Reader"), jen.Qual(pkgIO, "Closer")).Values(
			jen.Qual(pkgIO, "MultiReader").Call(jen.Qual(pkgBytes, "NewReader").Call(jen.Id("data")), jen.Id("r").Dot("Body")), jen.Id("r").Dot("Body")),
		jen.If(jen.Err().Op("!=").Nil().Op("||").Int64().Call(jen.Len(jen.Id("data"))).Op(">").Id("limit")).Block(jen.Return(jen.Nil())),
		jen.Id("members").Op(":=").Map(jen.String()).Id("serverBodyMember").Values(),
		jen.If(jen.Len(jen.Id("data")).Op("==").Lit(0)).Block(jen.Return(jen.Id("members"))),
		jen.If(rt("ServerMediaTypeMatches").Call(jen.Id("r").Dot("Header").Dot("Get").Call(jen.Lit("Content-Type")), jen.Lit("application/x-www-form-urlencoded"))).Block(
			jen.List(jen.Id("form"), jen.Err()).Op(":=").Qual(pkgURL, "ParseQuery").Call(jen.String().Call(jen.Id("data"))),
			jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil())),
			jen.For(jen.List(jen.Id("name"), jen.Id("values")).Op(":=").Range().Id("form")).Block(
				jen.Id("members").Index(jen.Id("name")).Op("=").Id("serverBodyMember").Values(jen.Dict{jen.Id("text"): jen.Id("values").Index(jen.Lit(0))}),
			),
			jen.Return(jen.Id("members")),
		),
		jen.Var().Id("object").Map(jen.String()).Qual(pkgJSON, "RawMessage"),
		jen.If(jen.Qual(pkgJSON, "Unmarshal").Call(jen.Id("data"), jen.Op("&").Id("object")).Op("!=").Nil()).Block(jen.Return(jen.Nil())),
		jen.For(jen.List(jen.Id("name"), jen.Id("raw")).Op(":=").Range().Id("object")).Block(
			jen.Id("text").Op(":=").String().Call(jen.Id("raw")),
			jen.Id("_").Op("=").Qual(pkgJSON, "Unmarshal").Call(jen.Id("raw"), jen.Op("&").Id("text")).Comment("a string is unquoted; other values keep their JSON text"),
			jen.Id("members").Index(jen.Id("name")).Op("=").Id("serverBodyMember").Values(jen.Dict{
				jen.Id("text"): jen.Id("text"), jen.Id("null"): jen.String().Call(jen.Id("raw")).Op("==").Lit("null")}),
		),
		jen.Return(jen.Id("members")),
	)
}
