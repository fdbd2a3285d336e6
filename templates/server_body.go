package templates

import (
	"slices"
	"strings"

	"github.com/dave/jennifer/jen"
	"github.com/seed-0d47db62/livegen/generator"
)

// JSON kinds a schema accepts, as bits of serverKind in the generated code.
var jsonKinds = []struct{ name, text string }{
	{"ServerKindString", "a string"},
	{"ServerKindDateTime", "a date-time string (RFC 3339)"},
	{"ServerKindBase64", "a base64 string"},
	{"ServerKindNumber", "a number"},
	{"ServerKindInteger", "an integer"},
	{"ServerKindInt32", "an integer that fits in 32 bits"},
	{"ServerKindBoolean", "a boolean"},
	{"ServerKindArray", "an array"},
	{"ServerKindObject", "an object"},
}

// kindsOf lists the JSON kinds a value of r may have (null aside); nil for
// any value.
func kindsOf(r *generator.TypeRef) []string {
	switch r.Kind {
	case generator.RefString:
		return []string{"ServerKindString"}
	case generator.RefTime:
		return []string{"ServerKindDateTime"}
	case generator.RefBytes:
		return []string{"ServerKindBase64"}
	case generator.RefInt, generator.RefInt64:
		return []string{"ServerKindInteger"}
	case generator.RefInt32:
		return []string{"ServerKindInt32"}
	case generator.RefFloat32, generator.RefFloat64:
		return []string{"ServerKindNumber"}
	case generator.RefBool:
		return []string{"ServerKindBoolean"}
	case generator.RefSlice:
		return []string{"ServerKindArray"}
	case generator.RefMap:
		return []string{"ServerKindObject"}
	case generator.RefNamed:
		return namedKinds(r.Named)
	}
	return nil
}

func namedKinds(t *generator.Type) []string {
	switch t.Kind {
	case generator.KindStruct:
		return []string{"ServerKindObject"}
	case generator.KindTuple:
		return []string{"ServerKindArray"}
	case generator.KindEnum:
		return kindsOf(&generator.TypeRef{Kind: t.Enum.Base})
	case generator.KindAlias:
		return kindsOf(t.Alias)
	case generator.KindUnion:
		var out []string
		for _, v := range t.Union.Variants {
			ks := kindsOf(v.Type)
			if ks == nil {
				return nil
			}
			for _, k := range ks {
				if !slices.Contains(out, k) {
					out = append(out, k)
				}
			}
		}
		return out
	}
	return nil
}

// kindsExpr is the serverKind value of a list of kinds.
func kindsExpr(kinds []string) jen.Code {
	if kinds == nil {
		return rt("ServerKindAny")
	}
	var e *jen.Statement
	for _, k := range kinds {
		if e == nil {
			e = rt(k)
		} else {
			e = e.Op("|").Add(rt(k))
		}
	}
	return e
}

// mediaType is the lower-case media type of a content type, without parameters.
func mediaType(ct string) string {
	return strings.ToLower(strings.TrimSpace(strings.SplitN(ct, ";", 2)[0]))
}

// genBodyRuntime renders, into the runtime, the reading and walking of a
// body's JSON text, for APIs whose operations read a body or walk a body
// type.
func genBodyRuntime(f *jen.File) {
	genReadBodyRuntime(f)
	genBodyError(f)
	genKinds(f)
	genScanner(f)
	genCountItems(f)
}

// readsBodies reports whether a served operation of api reads a request body
// or c walks a type, which is what the body runtime is for.
func (c *checks) readsBodies(api *generator.API) bool {
	for _, o := range api.ServedOperations() {
		if o.Body != nil {
			return true
		}
	}
	for _, t := range api.Types {
		if c.plan.Walks(t) {
			return true
		}
	}
	return false
}

// genReadBody renders readBody, which answers 415 and 413 itself.
func genReadBody(f *jen.File) {
	problem := func(in, name, text jen.Code) jen.Code { return problemLit(in, name, text) }
	f.Comment("readBody checks the content type and reads the body, up to the size limit. It")
	f.Comment("answers 415 (wrong or missing content type) and 413 (too large) itself and then")
	f.Comment("returns false. A request without body bytes gives nil.")
	f.Func().Params(handlerRecv()).Id("readBody").Params(writerParam(), requestParam(), jen.Id("mediaType").String()).Params(jen.Index().Byte(), jen.Bool()).Block(
		jen.If(jen.Id("r").Dot("ContentLength").Op("==").Lit(0)).Block(jen.Return(jen.Nil(), jen.True())),
		jen.If(jen.Op("!").Id("serverCheckMediaType").Call(jen.Id("w"), jen.Id("r"), jen.Id("mediaType"))).Block(jen.Return(jen.Nil(), jen.False())),
		jen.List(jen.Id("data"), jen.Err()).Op(":=").Add(rt("ServerReadBody")).Call(jen.Id("w"), jen.Id("r"), jen.Id("h").Dot("maxBodyBytes")),
		jen.If(jen.Err().Op("!=").Nil()).Block(
			tooLargeOrBad(jen.Lit("the request body could not be read"), jen.Lit("could not be read to its end")),
			jen.Return(jen.Nil(), jen.False()),
		),
		jen.Return(jen.Id("data"), jen.True()),
	)
	f.Comment("serverCheckMediaType answers 415 when the body is not of the media type the")
	f.Comment("operation reads, and then returns false.")
	f.Func().Id("serverCheckMediaType").Params(writerParam(), requestParam(), jen.Id("mediaType").String()).Bool().Block(
		jen.If(rt("ServerMediaTypeMatches").Call(jen.Id("r").Dot("Header").Dot("Get").Call(jen.Lit("Content-Type")), jen.Id("mediaType"))).Block(jen.Return(jen.True())),
		rt("ServerWriteError").Call(jen.Id("w"), jen.Qual(pkgHTTP, "StatusUnsupportedMediaType"), errorBody(
			jen.Lit("the request body must be ").Op("+").Id("mediaType"),
			problem(jen.Lit("header"), jen.Lit("Content-Type"), jen.Lit("must be ").Op("+").Id("mediaType")))),
		jen.Return(jen.False()),
	)
	f.Comment("tooLarge answers 413.")
	f.Func().Params(handlerRecv()).Id("tooLarge").Params(writerParam()).Block(
		jen.Id("limit").Op(":=").Qual(pkgStrconv, "FormatInt").Call(jen.Id("h").Dot("maxBodyBytes"), jen.Lit(10)),
		rt("ServerWriteError").Call(jen.Id("w"), jen.Qual(pkgHTTP, "StatusRequestEntityTooLarge"), errorBody(
			jen.Lit("the request body is larger than ").Op("+").Id("limit").Op("+").Lit(" bytes"),
			problem(jen.Lit("body"), jen.Lit(""), jen.Lit("must be at most ").Op("+").Id("limit").Op("+").Lit(" bytes")))),
	)
}

// genReadBodyRuntime renders ServerReadBody, the reading that readBody
// answers for.
func genReadBodyRuntime(f *jen.File) {
	f.Comment("ServerReadBody reads the body of r, up to max bytes: a larger one is an")
	f.Comment("*http.MaxBytesError. A request without body bytes gives nil.")
	f.Func().Add(rt("ServerReadBody")).Params(writerParam(), requestParam(), jen.Id("max").Int64()).Params(jen.Index().Byte(), jen.Error()).Block(
		jen.If(jen.Id("r").Dot("ContentLength").Op(">").Id("max")).Block(
			jen.Return(jen.Nil(), jen.Op("&").Qual(pkgHTTP, "MaxBytesError").Values(jen.Dict{jen.Id("Limit"): jen.Id("max")})),
		),
		jen.Id("size").Op(":=").Id("r").Dot("ContentLength"),
		jen.If(jen.Id("size").Op("<").Lit(0)).Block(jen.Id("size").Op("=").Lit(0)),
		jen.Id("buf").Op(":=").Qual(pkgBytes, "NewBuffer").Call(jen.Make(jen.Index().Byte(), jen.Lit(0), jen.Id("size").Op("+").Qual(pkgBytes, "MinRead"))),
		jen.If(jen.List(jen.Id("_"), jen.Err()).Op(":=").Id("buf").Dot("ReadFrom").Call(
			jen.Qual(pkgHTTP, "MaxBytesReader").Call(jen.Id("w"), jen.Id("r").Dot("Body"), jen.Id("max"))), jen.Err().Op("!=").Nil()).Block(
			jen.Return(jen.Nil(), jen.Err()),
		),
		jen.If(jen.Id("buf").Dot("Len").Call().Op("==").Lit(0)).Block(jen.Return(jen.Nil(), jen.Nil())),
		jen.Return(jen.Id("buf").Dot("Bytes").Call(), jen.Nil()),
	)
}

// genMediaTypeMatches renders serverMediaTypeMatches, which the body reader
// and the route matcher call.
func genMediaTypeMatches(f *jen.File) {
	f.Comment("ServerMediaTypeMatches reports whether a Content-Type header is the media type the")
	f.Comment("operation reads (parameters such as charset aside; want may be type/* or */*).")
	f.Func().Add(rt("ServerMediaTypeMatches")).Params(jen.List(jen.Id("header"), jen.Id("want")).String()).Bool().Block(
		jen.List(jen.Id("got"), jen.Id("_"), jen.Err()).Op(":=").Qual(pkgMime, "ParseMediaType").Call(jen.Id("header")),
		jen.Switch().Block(
			jen.Case(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.False())),
			jen.Case(jen.Id("want").Op("==").Lit("*/*")).Block(jen.Return(jen.True())),
			jen.Case(jen.Qual(pkgStrings, "HasSuffix").Call(jen.Id("want"), jen.Lit("/*"))).Block(
				jen.Return(jen.Qual(pkgStrings, "HasPrefix").Call(jen.Id("got"), jen.Qual(pkgStrings, "TrimSuffix").Call(jen.Id("want"), jen.Lit("*")))),
			),
		),
		jen.Return(jen.Id("got").Op("==").Id("want")),
	)
}

// tooLargeOrBad answers a body that could not be read: 413 when it passed
// the size limit, else 400 with message and a problem on the body.
func tooLargeOrBad(message, problem jen.Code) jen.Code {
	return jen.Var().Id("tooLarge").Op("*").Qual(pkgHTTP, "MaxBytesError").Line().
		If(jen.Qual(pkgErrors, "As").Call(jen.Err(), jen.Op("&").Id("tooLarge"))).Block(
		jen.Id("h").Dot("tooLarge").Call(jen.Id("w")),
	).Else().Block(
		rt("ServerWriteError").Call(jen.Id("w"), jen.Qual(pkgHTTP, "StatusBadRequest"), errorBody(message, problemLit(jen.Lit("body"), jen.Lit(""), problem))),
	)
}

// genBodyError renders how a body that does not decode is reported.
func genBodyError(f *jen.File) {
	f.Comment("ServerBodyError reports a body that json.Unmarshal refused. Malformed JSON is one")
	f.Comment("problem, and then it returns false; otherwise walk looks for every value of the")
	f.Comment("wrong kind, and the decoder's own error is the problem only when walk finds none.")
	f.Func().Add(rt("ServerBodyError")).Params(jen.Id("c").Add(statePtr()), jen.Id("at").Add(pathPtr()), jen.Err().Error(), jen.Id("walk").Func().Params()).Bool().Block(
		jen.Var().Id("syntax").Op("*").Qual(pkgJSON, "SyntaxError"),
		jen.If(jen.Qual(pkgErrors, "As").Call(jen.Err(), jen.Op("&").Id("syntax"))).Block(
			report(jen.Id("at"), jen.Lit("is not valid JSON: ").Op("+").Id("syntax").Dot("Error").Call().Op("+").Lit(" (at byte ").Op("+").
				Qual(pkgStrconv, "FormatInt").Call(jen.Id("syntax").Dot("Offset"), jen.Lit(10)).Op("+").Lit(")")),
			jen.Return(jen.False()),
		),
		jen.Id("n").Op(":=").Id("c").Dot("Found").Call(),
		jen.Id("walk").Call(),
		jen.If(jen.Id("c").Dot("Found").Call().Op(">").Id("n").Op("||").Id("c").Dot("Stopped")).Block(jen.Return(jen.True())),
		jen.Var().Id("typ").Op("*").Qual(pkgJSON, "UnmarshalTypeError"),
		jen.If(jen.Qual(pkgErrors, "As").Call(jen.Err(), jen.Op("&").Id("typ")).Op("&&").Id("typ").Dot("Field").Op("!=").Lit("")).Block(
			jen.Id("p").Op(":=").Id("at"),
			jen.For(jen.List(jen.Id("_"), jen.Id("name")).Op(":=").Range().Qual(pkgStrings, "Split").Call(jen.Id("typ").Dot("Field"), jen.Lit("."))).Block(
				jen.Id("p").Op("=").Id("p").Dot("Field").Call(jen.Id("name")),
			),
			report(jen.Id("p"), jen.Lit("must not be a JSON ").Op("+").Id("typ").Dot("Value")),
			jen.Return(jen.True()),
		),
		report(jen.Id("at"), jen.Lit("cannot be decoded: ").Op("+").Qual(pkgStrings, "TrimPrefix").Call(jen.Err().Dot("Error").Call(), jen.Lit("json: "))),
		jen.Return(jen.True()),
	)
}

// bodyStructs are the struct types that are the whole body of a request;
// they get serverDecodeMembers.
func bodyStructs(api *generator.API) map[*generator.Type]bool {
	out := map[*generator.Type]bool{}
	for _, o := range api.ServedOperations() {
		if o.ServerPattern == "" {
			continue
		}
		for _, b := range o.RequestBodies() {
			if t := bodyOwner(b); t != nil {
				out[t] = true
			}
		}
	}
	return out
}

// genDecodeMembers renders serverDecodeMembers for a body struct: the
// pointers to its fields, in the order of its table of names.
func genDecodeMembers(f *jen.File, t *generator.Type) {
	f.Comment("serverDecodeMembers decodes each member of the JSON object data on its own (see")
	f.Comment("ServerDecodeEach).")
	f.Func().Params(jen.Id("v").Op("*").Id(t.Name)).Id("serverDecodeMembers").Params(jen.Id("c").Add(statePtr()), jen.Id("at").Add(pathPtr()), jen.Id("data").Index().Byte()).Block(
		rt("ServerDecodeEach").Call(jen.Id("c"), jen.Id("at"), jen.Id("data"), jen.Id(fieldsVar(t)), jen.Lit(t.AdditionalProperties == nil),
			jen.Index().Any().ValuesFunc(func(g *jen.Group) {
				for _, fl := range t.Fields {
					g.Op("&").Id("v").Dot(fl.Name)
				}
			})),
	)
}

// genDecodeEach renders serverDecodeEach, which every serverDecodeMembers calls.
func genDecodeEach(f *jen.File) {
	f.Comment("ServerDecodeEach decodes each member of the JSON object data on its own into the")
	f.Comment("target of the property it names, after decoding the whole object failed, so that the")
	f.Comment("values that are right are still validated. A member that fails is skipped: its")
	f.Comment("problem is reported already. Out of line: inlined, its closure would be compiled")
	f.Comment("again in every serverDecodeMembers.")
	f.Comment(noInline)
	f.Func().Add(rt("ServerDecodeEach")).Params(jen.Id("c").Add(statePtr()), jen.Id("at").Add(pathPtr()), jen.Id("data").Index().Byte(),
		jen.Id("names").Index().String(), jen.Id("fold").Bool(), jen.Id("targets").Index().Any()).Block(
		rt("ServerEachMember").Call(jen.Id("c"), jen.Id("data"), jen.Func().Params(jen.List(jen.Id("key"), jen.Id("value")).Index().Byte()).Block(
			jen.Id("i").Op(":=").Id("serverField").Call(jen.Id("key"), jen.Id("names"), jen.Id("fold")),
			jen.If(jen.Id("i").Op(">=").Lit(0).Op("&&").Qual(pkgJSON, "Unmarshal").Call(jen.Id("value"), jen.Id("targets").Index(jen.Id("i"))).Op("!=").Nil()).Block(
				jen.Id("c").Dot("Skip").Call(jen.Id("at").Dot("Field").Call(jen.Id("names").Index(jen.Id("i")))),
			),
		)),
	)
}

// genKinds renders serverKind and the check of a value's JSON kind.
func genKinds(f *jen.File) {
	f.Comment("ServerKind is a set of JSON kinds that a schema accepts.")
	f.Type().Add(rt("ServerKind")).Uint16()
	f.Const().DefsFunc(func(g *jen.Group) {
		for i, k := range jsonKinds {
			if i == 0 {
				g.Add(rt(k.name)).Add(rt("ServerKind")).Op("=").Lit(1).Op("<<").Iota()
				continue
			}
			g.Add(rt(k.name))
		}
		g.Add(rt("ServerKindAny")).Add(rt("ServerKind")).Op("=").Lit(1).Op("<<").Lit(len(jsonKinds)).Op("-").Lit(1)
	})
	f.Comment("serverKindTexts name the kinds in problems, bit by bit.")
	f.Var().Id("serverKindTexts").Op("=").Index().String().ValuesFunc(func(g *jen.Group) {
		for _, k := range jsonKinds {
			g.Lit(k.text)
		}
	})
	f.Comment("ServerDescend reports whether to walk into value: not when it is null, nor when")
	f.Comment("the body did not decode (decoded is false) and value is not of a kind in want,")
	f.Comment("which is then a problem at at.")
	f.Func().Add(rt("ServerDescend")).Params(jen.Id("c").Add(statePtr()), jen.Id("at").Add(pathPtr()), jen.Id("value").Index().Byte(), jen.Id("want").Add(rt("ServerKind")), jen.Id("decoded").Bool()).Bool().Block(
		jen.If(rt("ServerIsNull").Call(jen.Id("value"))).Block(jen.Return(jen.False())),
		jen.If(jen.Id("decoded").Op("||").Add(rt("ServerKindOf")).Call(jen.Id("value"), jen.Id("want"))).Block(jen.Return(jen.True())),
		jen.Var().Id("texts").Index().String(),
		jen.For(jen.List(jen.Id("i"), jen.Id("text")).Op(":=").Range().Id("serverKindTexts")).Block(
			jen.If(jen.Id("want").Op("&").Parens(jen.Lit(1).Op("<<").Id("i")).Op("!=").Lit(0)).Block(
				jen.Id("texts").Op("=").Append(jen.Id("texts"), jen.Id("text")),
			),
		),
		report(jen.Id("at"), jen.Lit("must be ").Op("+").Qual(pkgStrings, "Join").Call(jen.Id("texts"), jen.Lit(" or "))),
		jen.Return(jen.False()),
	)
	f.Comment("ServerKindOf reports whether a JSON value (not null) is of a kind in want, as")
	f.Comment("encoding/json would decode it.")
	f.Func().Add(rt("ServerKindOf")).Params(jen.Id("value").Index().Byte(), jen.Id("want").Add(rt("ServerKind"))).Bool().Block(
		jen.If(jen.Len(jen.Id("value")).Op("==").Lit(0)).Block(jen.Return(jen.False())),
		jen.Switch(jen.Id("value").Index(jen.Lit(0))).Block(
			jen.Case(jen.LitRune('"')).Block(
				jen.Switch().Block(
					jen.Case(jen.Id("want").Op("&").Add(rt("ServerKindString")).Op("!=").Lit(0)).Block(jen.Return(jen.True())),
					jen.Case(jen.Id("want").Op("&").Add(rt("ServerKindDateTime")).Op("!=").Lit(0)).Block(
						jen.Var().Id("t").Qual(pkgTime, "Time"),
						jen.Return(jen.Id("t").Dot("UnmarshalJSON").Call(jen.Id("value")).Op("==").Nil()),
					),
					jen.Case(jen.Id("want").Op("&").Add(rt("ServerKindBase64")).Op("!=").Lit(0)).Block(
						jen.Var().Id("b").Index().Byte(),
						jen.Return(jen.Qual(pkgJSON, "Unmarshal").Call(jen.Id("value"), jen.Op("&").Id("b")).Op("==").Nil()),
					),
				),
				jen.Return(jen.False()),
			),
			jen.Case(jen.LitRune('{')).Block(jen.Return(jen.Id("want").Op("&").Add(rt("ServerKindObject")).Op("!=").Lit(0))),
			jen.Case(jen.LitRune('[')).Block(jen.Return(jen.Id("want").Op("&").Add(rt("ServerKindArray")).Op("!=").Lit(0))),
			jen.Case(jen.LitRune('t'), jen.LitRune('f')).Block(jen.Return(jen.Id("want").Op("&").Add(rt("ServerKindBoolean")).Op("!=").Lit(0))),
		),
		jen.Switch().Block(
			jen.Case(jen.Id("want").Op("&").Add(rt("ServerKindNumber")).Op("!=").Lit(0)).Block(jen.Return(jen.True())),
			jen.Case(jen.Id("want").Op("&").Add(rt("ServerKindInteger")).Op("!=").Lit(0)).Block(
				jen.List(jen.Id("_"), jen.Err()).Op(":=").Qual(pkgStrconv, "ParseInt").Call(jen.String().Call(jen.Id("value")), jen.Lit(10), jen.Lit(64)),
				jen.Return(jen.Err().Op("==").Nil()),
			),
			jen.Case(jen.Id("want").Op("&").Add(rt("ServerKindInt32")).Op("!=").Lit(0)).Block(
				jen.List(jen.Id("_"), jen.Err()).Op(":=").Qual(pkgStrconv, "ParseInt").Call(jen.String().Call(jen.Id("value")), jen.Lit(10), jen.Lit(32)),
				jen.Return(jen.Err().Op("==").Nil()),
			),
		),
		jen.Return(jen.False()),
	)
	f.Comment("ServerIsNull reports whether a JSON value is null; a whole body may have white")
	f.Comment("space around it (json.Encoder ends it with a newline).")
	f.Func().Add(rt("ServerIsNull")).Params(jen.Id("value").Index().Byte()).Bool().Block(
		jen.Return(jen.String().Call(jen.Qual(pkgBytes, "Trim").Call(jen.Id("value"), jen.Lit(" \t\r\n"))).Op("==").Lit("null")),
	)
}

// genScanner renders the walk over JSON text that json.Unmarshal has
// accepted as well formed (or refused for a type error only); it never
// panics on other input either.
func genScanner(f *jen.File) {
	data, i := jen.Id("data"), jen.Id("i")
	at := func(n jen.Code) *jen.Statement { return data.Clone().Index(n) }
	inRange := func() *jen.Statement { return i.Clone().Op("<").Len(data.Clone()) }
	f.Comment("serverSpace skips JSON white space from i.")
	f.Func().Id("serverSpace").Params(jen.Id("data").Index().Byte(), jen.Id("i").Int()).Int().Block(
		jen.For(inRange().Op("&&").Parens(at(i).Op("==").LitRune(' ').Op("||").Add(at(i)).Op("==").LitRune('\t').Op("||").
			Add(at(i)).Op("==").LitRune('\n').Op("||").Add(at(i)).Op("==").LitRune('\r'))).Block(jen.Id("i").Op("++")),
		jen.Return(jen.Id("i")),
	)
	f.Comment("serverSkipString returns the index after the JSON string that starts at i.")
	f.Func().Id("serverSkipString").Params(jen.Id("data").Index().Byte(), jen.Id("i").Int()).Int().Block(
		jen.For(jen.Id("i").Op("++"), inRange(), jen.Id("i").Op("++")).Block(
			jen.Switch(at(i)).Block(
				jen.Case(jen.LitRune('\\')).Block(jen.Id("i").Op("++")),
				jen.Case(jen.LitRune('"')).Block(jen.Return(jen.Id("i").Op("+").Lit(1))),
			),
		),
		jen.Return(jen.Len(data)),
	)
	f.Comment("serverSkipValue returns the index after the JSON value that starts at i. It")
	f.Comment("remembers in c the length of each container of serverRememberFrom bytes or more")
	f.Comment("that it scans, so that walks into nested values do not scan the same bytes again at")
	f.Comment("every level: deep bodies cost time in proportion to their size.")
	f.Func().Id("serverSkipValue").Params(jen.Id("c").Add(statePtr()), jen.Id("data").Index().Byte(), jen.Id("i").Int()).Int().Block(
		jen.If(jen.Id("i").Op(">=").Len(data)).Block(jen.Return(jen.Len(data))),
		jen.Switch(at(i)).Block(
			jen.Case(jen.LitRune('"')).Block(jen.Return(jen.Id("serverSkipString").Call(data, i))),
			jen.Case(jen.LitRune('{'), jen.LitRune('[')).Block(
				jen.Id("open").Op(":=").Id("c").Dot("Open").Index(jen.Empty(), jen.Lit(0)),
				jen.For(inRange()).Block(
					jen.Switch(at(i)).Block(
						jen.Case(jen.LitRune('"')).Block(jen.Id("i").Op("=").Id("serverSkipString").Call(data, i), jen.Continue()),
						jen.Case(jen.LitRune('{'), jen.LitRune('[')).Block(
							jen.If(jen.List(jen.Id("n"), jen.Id("ok")).Op(":=").Id("c").Dot("Ends").Index(jen.Op("&").Add(at(i))), jen.Id("ok")).Block(
								jen.Id("i").Op("+=").Id("n"),
								jen.If(jen.Len(jen.Id("open")).Op("==").Lit(0)).Block(jen.Return(jen.Id("i"))),
								jen.Continue(),
							),
							jen.Id("open").Op("=").Append(jen.Id("open"), jen.Id("i")),
						),
						jen.Case(jen.LitRune('}'), jen.LitRune(']')).Block(
							jen.If(jen.Len(jen.Id("open")).Op("==").Lit(0)).Block(jen.Return(jen.Id("i").Op("+").Lit(1))),
							jen.Id("from").Op(":=").Id("open").Index(jen.Len(jen.Id("open")).Op("-").Lit(1)),
							jen.Id("open").Op("=").Id("open").Index(jen.Empty(), jen.Len(jen.Id("open")).Op("-").Lit(1)),
							jen.If(jen.Id("n").Op(":=").Id("i").Op("+").Lit(1).Op("-").Id("from"), jen.Id("n").Op(">=").Id("serverRememberFrom")).Block(
								jen.If(jen.Id("c").Dot("Ends").Op("==").Nil()).Block(jen.Id("c").Dot("Ends").Op("=").Map(jen.Op("*").Byte()).Int().Values()),
								jen.Id("c").Dot("Ends").Index(jen.Op("&").Add(at(jen.Id("from")))).Op("=").Id("n"),
							),
							jen.If(jen.Len(jen.Id("open")).Op("==").Lit(0)).Block(
								jen.Id("c").Dot("Open").Op("=").Id("open"),
								jen.Return(jen.Id("i").Op("+").Lit(1)),
							),
						),
					),
					jen.Id("i").Op("++"),
				),
				jen.Id("c").Dot("Open").Op("=").Id("open"),
				jen.Return(jen.Len(data)),
			),
		),
		jen.For(inRange().Op("&&").Op("!").Qual(pkgStrings, "ContainsRune").Call(jen.Lit(" \t\r\n,]}"), jen.Rune().Call(at(i)))).Block(jen.Id("i").Op("++")),
		jen.Return(jen.Id("i")),
	)
	f.Comment("serverRememberFrom is the size from which serverSkipValue remembers a container's")
	f.Comment("length: smaller ones cost little to scan again, and are the most numerous.")
	f.Const().Id("serverRememberFrom").Op("=").Lit(64)
	f.Comment("ServerEachMember calls fn with the key (quoted, as written) and the value of each")
	f.Comment("member of the JSON object in data, while c goes on checking.")
	f.Func().Add(rt("ServerEachMember")).Params(jen.Id("c").Add(statePtr()), jen.Id("data").Index().Byte(), jen.Id("fn").Func().Params(jen.List(jen.Id("key"), jen.Id("value")).Index().Byte())).Block(
		jen.Id("i").Op(":=").Id("serverSpace").Call(data, jen.Lit(0)),
		jen.If(jen.Id("i").Op(">=").Len(data).Op("||").Add(at(i)).Op("!=").LitRune('{')).Block(jen.Return()),
		jen.For(jen.Id("i").Op("++"), jen.Id("c").Dot("Checking").Call(), jen.Id("i").Op("++")).Block(
			jen.Id("i").Op("=").Id("serverSpace").Call(data, i),
			jen.If(jen.Id("i").Op(">=").Len(data).Op("||").Add(at(i)).Op("!=").LitRune('"')).Block(jen.Return()),
			jen.Id("end").Op(":=").Id("serverSkipString").Call(data, i),
			jen.Id("key").Op(":=").Add(data.Clone().Index(i, jen.Id("end"))),
			jen.Id("i").Op("=").Id("serverSpace").Call(data, jen.Id("end")),
			jen.If(jen.Id("i").Op(">=").Len(data).Op("||").Add(at(i)).Op("!=").LitRune(':')).Block(jen.Return()),
			jen.Id("i").Op("=").Id("serverSpace").Call(data, i.Clone().Op("+").Lit(1)),
			jen.Id("end").Op("=").Id("serverSkipValue").Call(jen.Id("c"), data, i),
			jen.Id("fn").Call(jen.Id("key"), data.Clone().Index(i, jen.Id("end"))),
			jen.Id("i").Op("=").Id("serverSpace").Call(data, jen.Id("end")),
			jen.If(jen.Id("i").Op(">=").Len(data).Op("||").Add(at(i)).Op("!=").LitRune(',')).Block(jen.Return()),
		),
	)
	f.Comment("ServerEachItem calls fn with the index and the value of each item of the JSON")
	f.Comment("array in data, while c goes on checking.")
	f.Func().Add(rt("ServerEachItem")).Params(jen.Id("c").Add(statePtr()), jen.Id("data").Index().Byte(), jen.Id("fn").Func().Params(jen.Int(), jen.Index().Byte())).Block(
		jen.Id("i").Op(":=").Id("serverSpace").Call(data, jen.Lit(0)),
		jen.If(jen.Id("i").Op(">=").Len(data).Op("||").Add(at(i)).Op("!=").LitRune('[')).Block(jen.Return()),
		jen.Id("i").Op("=").Id("serverSpace").Call(data, i.Clone().Op("+").Lit(1)),
		jen.If(jen.Id("i").Op("<").Len(data).Op("&&").Add(at(i)).Op("==").LitRune(']')).Block(jen.Return()),
		jen.For(jen.Id("n").Op(":=").Lit(0), jen.Id("c").Dot("Checking").Call(), jen.Id("n").Op("++")).Block(
			jen.Id("i").Op("=").Id("serverSpace").Call(data, i),
			jen.If(jen.Id("i").Op(">=").Len(data)).Block(jen.Return()),
			jen.Id("end").Op(":=").Id("serverSkipValue").Call(jen.Id("c"), data, i),
			jen.Id("fn").Call(jen.Id("n"), data.Clone().Index(i, jen.Id("end"))),
			jen.Id("i").Op("=").Id("serverSpace").Call(data, jen.Id("end")),
			jen.If(jen.Id("i").Op(">=").Len(data).Op("||").Add(at(i)).Op("!=").LitRune(',')).Block(jen.Return()),
			jen.Id("i").Op("++"),
		),
	)
	f.Comment("serverField is the index in names of the property a member key names, or -1.")
	f.Comment("Like encoding/json, it prefers an exact match and then, when fold is set, ignores")
	f.Comment("case (types that keep unlisted properties match names exactly).")
	f.Func().Id("serverField").Params(jen.Id("key").Index().Byte(), jen.Id("names").Index().String(), jen.Id("fold").Bool()).Int().Block(
		jen.If(jen.Len(jen.Id("key")).Op("<").Lit(2)).Block(jen.Return(jen.Lit(-1))),
		jen.Id("name").Op(":=").Id("key").Index(jen.Lit(1), jen.Len(jen.Id("key")).Op("-").Lit(1)),
		jen.If(jen.Qual(pkgBytes, "IndexByte").Call(jen.Id("name"), jen.LitRune('\\')).Op(">=").Lit(0)).Block(
			jen.Var().Id("s").String(),
			jen.If(jen.Qual(pkgJSON, "Unmarshal").Call(jen.Id("key"), jen.Op("&").Id("s")).Op("!=").Nil()).Block(jen.Return(jen.Lit(-1))),
			jen.Id("name").Op("=").Index().Byte().Call(jen.Id("s")),
		),
		jen.For(jen.List(jen.Id("i"), jen.Id("n")).Op(":=").Range().Id("names")).Block(
			jen.If(jen.String().Call(jen.Id("name")).Op("==").Id("n")).Block(jen.Return(jen.Id("i"))),
		),
		jen.If(jen.Op("!").Id("fold")).Block(jen.Return(jen.Lit(-1))),
		jen.For(jen.List(jen.Id("i"), jen.Id("n")).Op(":=").Range().Id("names")).Block(
			jen.If(jen.Qual(pkgBytes, "EqualFold").Call(jen.Id("name"), jen.Index().Byte().Call(jen.Id("n")))).Block(jen.Return(jen.Id("i"))),
		),
		jen.Return(jen.Lit(-1)),
	)
	f.Comment("ServerKeyText is the text of a member key.")
	f.Func().Add(rt("ServerKeyText")).Params(jen.Id("key").Index().Byte()).String().Block(
		jen.Var().Id("s").String(),
		jen.If(jen.Qual(pkgJSON, "Unmarshal").Call(jen.Id("key"), jen.Op("&").Id("s")).Op("!=").Nil()).Block(jen.Return(jen.String().Call(jen.Id("key")))),
		jen.Return(jen.Id("s")),
	)
}

// genCountItems renders serverCountItems, which walkers call before they
// walk an array that has maxItems (in server.gen.go or server_decode.gen.go,
// so it is always there).
func genCountItems(f *jen.File) {
	f.Comment("ServerCountItems is the number of items of the JSON array in data.")
	f.Func().Add(rt("ServerCountItems")).Params(jen.Id("c").Add(statePtr()), jen.Id("data").Index().Byte()).Int().Block(
		jen.Id("n").Op(":=").Lit(0),
		rt("ServerEachItem").Call(jen.Id("c"), jen.Id("data"), jen.Func().Params(jen.Int(), jen.Index().Byte()).Block(jen.Id("n").Op("++"))),
		jen.Return(jen.Id("n")),
	)
}

// genStreamBody renders how binary bodies are handed over and written back
// without being held in memory, for the APIs that have them.
func genStreamBody(f *jen.File, api *generator.API) {
	up, down := binaryBodies(api)
	if up {
		genStreamRequest(f)
	}
	if down {
		genStreamAnswer(f)
	}
}

// binaryBodies reports whether an API has binary request bodies, and binary
// answers.
func binaryBodies(api *generator.API) (up, down bool) {
	for _, o := range api.Operations {
		up = up || slices.ContainsFunc(o.RequestBodies(), func(b *generator.RequestBody) bool { return b.Kind == generator.BodyBinary })
		for _, r := range o.Responses {
			down = down || (r.Type != nil && r.Kind == generator.BodyBinary)
		}
	}
	return up, down
}

func genStreamRequest(f *jen.File) {
	f.Comment("streamBody checks the content type of a binary body and hands the body over")
	f.Comment("unread, so that its size costs no memory. It answers 415 itself and then returns")
	f.Comment("false. A request without body bytes gives nil.")
	f.Func().Params(handlerRecv()).Id("streamBody").Params(writerParam(), requestParam(), jen.Id("mediaType").String()).Params(jen.Qual(pkgIO, "Reader"), jen.Bool()).Block(
		jen.If(jen.Id("r").Dot("ContentLength").Op("==").Lit(0).Op("||").Id("r").Dot("Body").Op("==").Nil().Op("||").Id("r").Dot("Body").Op("==").Qual(pkgHTTP, "NoBody")).Block(jen.Return(jen.Nil(), jen.True())),
		jen.If(jen.Op("!").Id("serverCheckMediaType").Call(jen.Id("w"), jen.Id("r"), jen.Id("mediaType"))).Block(jen.Return(jen.Nil(), jen.False())),
		jen.Return(jen.Id("r").Dot("Body"), jen.True()),
	)
}

func genStreamAnswer(f *jen.File) {
	f.Comment("serverWriteStream writes an answer whose body is copied from a reader as it is")
	f.Comment("read, and closes the reader when it is an io.Closer. The status is sent first, so")
	f.Comment("when copying fails the connection is aborted (http.ErrAbortHandler): the client")
	f.Comment("then sees an error rather than a shorter body taken for whole.")
	f.Func().Id("serverWriteStream").Params(writerParam(), jen.Id("status").Int(), jen.Id("contentType").String(), jen.Id("body").Qual(pkgIO, "Reader")).Error().Block(
		jen.If(jen.List(jen.Id("closer"), jen.Id("ok")).Op(":=").Id("body").Assert(jen.Qual(pkgIO, "Closer")), jen.Id("ok")).Block(
			jen.Defer().Id("closer").Dot("Close").Call(),
		),
		jen.Id("w").Dot("Header").Call().Dot("Set").Call(jen.Lit("Content-Type"), jen.Id("contentType")),
		jen.Id("w").Dot("WriteHeader").Call(jen.Id("status")),
		jen.If(jen.Id("body").Op("==").Nil()).Block(jen.Return(jen.Nil())),
		jen.If(jen.List(jen.Id("_"), jen.Err()).Op(":=").Qual(pkgIO, "Copy").Call(jen.Id("w"), jen.Id("body")), jen.Err().Op("!=").Nil()).Block(
			jen.Panic(jen.Qual(pkgHTTP, "ErrAbortHandler")),
		),
		jen.Return(jen.Nil()),
	)
}
