package templates

import (
	"fmt"
	"slices"

	"github.com/dave/jennifer/jen"
	"github.com/seed-0d47db62/livegen/generator"
)

// genServeOperation renders the handler method of one operation: check the
// credentials, read the body, decode and validate everything, collecting
// every problem, then call the Server and write its answer.
func genServeOperation(f *jen.File, c *checks, o *generator.Operation) {
	text := fmt.Sprintf("%s serves %s %s: it checks the credentials, decodes and validates the request, calls Server.%s and writes its answer.", o.ServerHandler, o.Method, o.Path, o.Name)
	if o.Webhook != "" {
		text = fmt.Sprintf("%s receives the webhook %s (%s): it decodes and validates the request, calls %s.%s and writes its answer.", o.ServerHandler, o.Webhook, o.Method, webhooksInterface, o.Name)
	}
	genServerFormVars(f, o)
	genServerDeepVars(f, o)
	f.Add(doc(text).Func().Params(handlerRecv()).Id(o.ServerHandler).Params(writerParam(), requestParam()).BlockFunc(func(g *jen.Group) {
		g.Id("c").Op(":=").Op("&").Add(rt("State")).Values()
		begin := []jen.Code{jen.Id("w"), jen.Id("r"), jen.Id("c"), jen.Id(operationVar(o)), jen.Lit(hasQuery(o))}
		if len(o.Security) > 0 {
			begin = append(begin, jen.Id(securityVar(o)).Op("..."))
		}
		q := jen.Id("q")
		if !hasQuery(o) {
			q = jen.Id("_")
		}
		g.List(q, jen.Id("ok")).Op(":=").Id("h").Dot("serverBegin").Call(begin...)
		g.If(jen.Op("!").Id("ok")).Block(jen.Return())
		several := o.Body != nil && len(o.Body.Alternates) > 0
		if o.Body != nil && !several {
			genReadRequestBody(g, o.Body)
		}
		g.Var().Id("in").Id(o.ServerInput)
		for _, p := range serverParams(o) {
			target, byPointer := paramTarget(o, p)
			c.genParam(g, o, p, wildcardOf(o, p), target, byPointer)
		}
		if o.Filter != nil {
			genServerFilter(g, o)
		}
		switch {
		case several:
			c.genBodies(g, o)
		case o.Body != nil:
			c.genDecodeRequestBody(g, o, o.Body)
		}
		g.If(jen.Op("!").Add(sharedHandler()).Dot("Invalid").Call(jen.Id("w"), jen.Id("c"))).Block(
			jen.If(
				jen.List(jen.Id("out"), jen.Err()).Op(":=").Id("h").Dot(implField(o)).Dot(o.Name).Call(jen.Id("c").Dot("Ctx"), jen.Id("in")),
				jen.Err().Op("!=").Nil().Op("||").Id("out").Op("==").Nil(),
			).Block(
				sharedHandler().Dot("Fail").Call(jen.Id("w"), jen.Id("r"), jen.Lit(o.ID), jen.Err()),
			).Else().Block(
				jen.Id("h").Dot("answer").Call(jen.Id("w"), jen.Id("r"), jen.Lit(o.ID), jen.Id("out").Dot(answerMethodName).Call(jen.Id("w"), jen.Nil())),
			),
		)
	}))
}

// genReadRequestBody reads a body: a multipart body's parts, removed when
// the handler returns, or the bytes of any other, as a stream for a
// binary body. It answers 415, 413 and malformed bodies itself.
func genReadRequestBody(g *jen.Group, b *generator.RequestBody) {
	if isMultipart(b) {
		g.List(jen.Id("parts"), jen.Id("ok")).Op(":=").Id("h").Dot("readMultipart").Call(jen.Id("w"), jen.Id("r"))
		g.If(jen.Op("!").Id("ok")).Block(jen.Return())
		g.Defer().Id("parts").Dot("close").Call()
		return
	}
	read := "readBody"
	if b.Kind == generator.BodyBinary {
		read = "streamBody"
	}
	g.List(jen.Id("data"), jen.Id("ok")).Op(":=").Id("h").Dot(read).Call(jen.Id("w"), jen.Id("r"), jen.Lit(mediaType(b.ContentType)))
	g.If(jen.Op("!").Id("ok")).Block(jen.Return())
}

// genDecodeRequestBody decodes a body that genReadRequestBody read into its
// input field: forms and multipart bodies become the JSON text of the same
// value first, then every kind is decoded and checked as genBody does.
func (c *checks) genDecodeRequestBody(g *jen.Group, o *generator.Operation, b *generator.RequestBody) {
	genBodyJSONText(g, o, b)
	c.genBody(g, b)
	if isMultipart(b) {
		genServerFiles(g, b)
	}
}

// genBodyJSONText turns a form or multipart body into the JSON text of the
// same value, in data.
func genBodyJSONText(g *jen.Group, o *generator.Operation, b *generator.RequestBody) {
	if isForm(b) {
		g.If(jen.Id("data").Op("!=").Nil()).Block(jen.Id("data").Op("=").Id("serverFormJSON").Call(jen.Id("c"), jen.Id("data"), jen.Id(formVar(o, b))))
	}
	if isMultipart(b) {
		g.Id("data").Op(":=").Id("parts").Dot("json").Call(jen.Id(formVar(o, b)))
	}
}

// hasQuery reports whether an operation reads the query string.
func hasQuery(o *generator.Operation) bool { return len(o.QueryParams) > 0 }

// genServerFilter reads the bracket filters with the filter's Parse function;
// each FilterError is one problem.
func genServerFilter(g *jen.Group, o *generator.Operation) {
	g.List(jen.Id("filter"), jen.Id("filterErrs")).Op(":=").Id(o.Filter.ParseFunc).Call(jen.Id("q"))
	g.Id("in").Dot(generator.ServerParamsField).Dot(generator.FilterField).Op("=").Id("filter")
	g.For(jen.List(jen.Id("_"), jen.Id("e")).Op(":=").Range().Id("filterErrs")).Block(
		report(jen.Op("&").Add(rt("Path")).Values(jen.Dict{jen.Id("In"): jen.Lit("query"), jen.Id("Name"): jen.Id("e").Dot("Param")}), jen.Id("e").Dot("Problem")),
	)
}

// genBody decodes the request body into in.Body and checks it: a JSON body
// is decoded once, walked for what decoding cannot show, then validated.
func (c *checks) genBody(g *jen.Group, b *generator.RequestBody) {
	target := jen.Id("in").Dot(bodyField(b))
	root := jen.Op("&").Add(rt("Path")).Values(jen.Dict{jen.Id("In"): jen.Lit("body")})
	if rawRequestBody(b) {
		if b.Required {
			g.If(jen.Id("data").Op("==").Nil()).Block(report(root.Clone(), jen.Lit("a request body is required")))
		}
		switch {
		case b.Kind == generator.BodyBinary:
			g.Add(target).Op("=").Id("data")
			if openMediaType(b) {
				g.Id("in").Dot(bodyTypeField).Op("=").Id("r").Dot("Header").Dot("Get").Call(jen.Lit("Content-Type"))
			}
		case b.Kind == generator.BodyText && bodyByPointer(b):
			g.If(jen.Id("data").Op("!=").Nil()).Block(
				jen.Id("text").Op(":=").String().Call(jen.Id("data")),
				target.Clone().Op("=").Op("&").Id("text"),
			)
		default:
			g.Add(target).Op("=").Add(typeRef(b.Type)).Call(jen.Id("data"))
		}
		return
	}
	pointer := bodyByPointer(b)
	model := jen.Op("&").Add(target.Clone())
	if pointer {
		model = target.Clone()
	}
	kinds := kindsExpr(kindsOf(b.Type))
	if c.decodesObject(b) {
		c.genDecodeObject(g, b, target.Clone(), model, kinds)
		return
	}
	walk := func(m, decoded jen.Code) func(*jen.Group) {
		return func(g *jen.Group) {
			descend := rt("ServerDescend").Call(jen.Id("c"), jen.Id("at"), jen.Id("data"), kinds, decoded)
			if !c.walksInto(b.Type) {
				g.Add(descend)
				return
			}
			g.If(descend).BlockFunc(func(g *jen.Group) { c.walkRef(g, b.Type, "data", m, decoded, "at", 0) })
		}
	}
	decode := g.If(jen.Id("data").Op("!=").Nil()).BlockFunc(func(g *jen.Group) {
		g.Id("at").Op(":=").Add(root.Clone())
		if pointer {
			g.Add(target.Clone()).Op("=").New(typeRef(b.Type))
		}
		g.If(rt("ServerIsNull").Call(jen.Id("data"))).Block(
			jen.Id("c").Dot("Missing").Call(jen.Id("at"), jen.Lit("must not be null")),
		).Else().If(jen.Err().Op(":=").Qual(pkgJSON, "Unmarshal").Call(jen.Id("data"), model.Clone()), jen.Err().Op("!=").Nil()).BlockFunc(func(g *jen.Group) {
			failed := rt("ServerBodyError").Call(jen.Id("c"), jen.Id("at"), jen.Err(), jen.Func().Params().BlockFunc(walk(nil, jen.False())))
			owner := bodyOwner(b)
			if owner == nil {
				g.Add(failed)
				return
			}
			// The values that are right are still validated, with the others.
			g.If(failed).BlockFunc(func(g *jen.Group) {
				g.Id("body").Op(":=").Add(model.Clone())
				g.Op("*").Id("body").Op("=").Add(typeRef(b.Type)).Values()
				g.Id("body").Dot("serverDecodeMembers").Call(jen.Id("c"), jen.Id("at"), jen.Id("data"))
				c.value(g, b.Type, jen.Id("body"), false, loc{parent: "at"}, 0)
			})
		}).Else().BlockFunc(func(g *jen.Group) {
			switch {
			case c.usesModel(b.Type):
				g.Id("body").Op(":=").Add(model.Clone())
				walk(jen.Id("body"), jen.True())(g)
			case c.refPresence(b.Type):
				walk(nil, jen.True())(g)
			}
			value := target.Clone()
			if pointer && b.Type.Kind != generator.RefNamed {
				value = jen.Op("*").Add(target.Clone())
			}
			c.value(g, b.Type, value, false, loc{parent: "at"}, 0)
		})
	})
	if b.Required {
		decode.Else().Block(report(root.Clone(), jen.Lit("a request body is required")))
	}
}

// bodyOwner is the struct type of a JSON body, which can be decoded member
// by member; nil for other bodies.
func bodyOwner(b *generator.RequestBody) *generator.Type {
	if rawRequestBody(b) || b.Type.Kind != generator.RefNamed {
		return nil
	}
	if t := generator.MethodOwner(b.Type.Named); t.Kind == generator.KindStruct && len(t.Fields) > 0 {
		return t
	}
	return nil
}

// decodesObject reports whether a body is decoded by serverDecodeObject: a
// JSON struct that is walked and can be decoded member by member.
func (c *checks) decodesObject(b *generator.RequestBody) bool {
	return bodyOwner(b) != nil && c.walksInto(b.Type)
}

// decodesObjects reports whether any body of an operation or webhook,
// multipart JSON parts included, is decoded by serverDecodeObject.
func (c *checks) decodesObjects(api *generator.API) bool {
	return slices.ContainsFunc(api.ServedOperations(), func(o *generator.Operation) bool {
		return slices.ContainsFunc(o.RequestBodies(), func(b *generator.RequestBody) bool { return b != nil && c.decodesObject(b) })
	})
}

// genDecodeObject decodes a struct body with serverDecodeObject and
// validates it: per operation only the call and the validation differ.
func (c *checks) genDecodeObject(g *jen.Group, b *generator.RequestBody, target *jen.Statement, model, kinds jen.Code) {
	root := jen.Op("&").Add(rt("Path")).Values(jen.Dict{jen.Id("In"): jen.Lit("body")})
	walkDecoded := jen.Nil()
	if c.usesModel(b.Type) {
		walkDecoded = jen.Add(model)
	}
	decode := g.If(jen.Id("data").Op("!=").Nil()).BlockFunc(func(g *jen.Group) {
		g.Id("at").Op(":=").Add(root.Clone())
		if bodyByPointer(b) {
			g.Add(target).Op("=").New(typeRef(b.Type))
		}
		call := jen.Id("serverDecodeObject").Call(jen.Id("c"), jen.Id("at"), jen.Id("data"), model, kinds,
			jen.Parens(jen.Op("*").Id(bodyOwner(b).Name)).Call(jen.Nil()), walkDecoded)
		// A struct is validated by its validate method, when it has one (see c.value).
		if !c.plan.HasMethod(bodyOwner(b)) {
			g.Add(call)
			return
		}
		g.If(call).Block(jen.Add(target).Dot("validate").Call(jen.Id("c"), jen.Id("at")))
	})
	if b.Required {
		decode.Else().Block(report(root.Clone(), jen.Lit("a request body is required")))
	}
}

// genDecodeObjectRuntime renders serverDecodeObject, the decoding that every
// struct body shares.
func genDecodeObjectRuntime(f *jen.File) {
	c, at, data := jen.Id("c").Add(statePtr()), jen.Id("at").Add(pathPtr()), jen.Id("data").Index().Byte()
	walkParams := jen.Params(statePtr(), pathPtr(), jen.Index().Byte())
	f.Comment("serverWalker walks the JSON text of a struct for what decoding cannot show; a nil")
	f.Comment("receiver checks the kinds of the members too.")
	f.Type().Id("serverWalker").Interface(jen.Id("serverWalk").Add(walkParams.Clone()))
	f.Comment("serverMemberDecoder decodes each member of a struct's JSON object on its own.")
	f.Type().Id("serverMemberDecoder").Interface(jen.Id("serverDecodeMembers").Add(walkParams.Clone()))
	f.Comment("serverDecodeObject decodes the JSON body data into v, a pointer to a struct. When")
	f.Comment("json.Unmarshal refuses it, walk (a nil pointer of v's type) finds the values of the")
	f.Comment("wrong kind, and v is decoded again member by member so that the members that are")
	f.Comment("right are still validated; after a clean decoding, walkDecoded, if any, walks data")
	f.Comment("with the decoded value. It reports whether v holds a value to validate.")
	f.Func().Id("serverDecodeObject").Params(c, at, data, jen.Id("v").Id("serverMemberDecoder"), jen.Id("kinds").Add(rt("ServerKind")), jen.List(jen.Id("walk"), jen.Id("walkDecoded")).Id("serverWalker")).Bool().Block(
		jen.If(rt("ServerIsNull").Call(jen.Id("data"))).Block(
			jen.Id("c").Dot("Missing").Call(jen.Id("at"), jen.Lit("must not be null")),
			jen.Return(jen.False()),
		),
		jen.If(jen.Err().Op(":=").Qual(pkgJSON, "Unmarshal").Call(jen.Id("data"), jen.Id("v")), jen.Err().Op("!=").Nil()).Block(
			jen.If(jen.Op("!").Add(rt("ServerBodyError")).Call(jen.Id("c"), jen.Id("at"), jen.Err(), jen.Func().Params().Block(
				jen.If(rt("ServerDescend").Call(jen.Id("c"), jen.Id("at"), jen.Id("data"), jen.Id("kinds"), jen.False())).Block(
					jen.Id("walk").Dot("serverWalk").Call(jen.Id("c"), jen.Id("at"), jen.Id("data")),
				),
			))).Block(jen.Return(jen.False())),
			jen.Comment("What json.Unmarshal decoded before it failed is dropped."),
			jen.Qual("reflect", "ValueOf").Call(jen.Id("v")).Dot("Elem").Call().Dot("SetZero").Call(),
			jen.Id("v").Dot("serverDecodeMembers").Call(jen.Id("c"), jen.Id("at"), jen.Id("data")),
			jen.Return(jen.True()),
		),
		jen.If(jen.Id("walkDecoded").Op("!=").Nil().Op("&&").Add(rt("ServerDescend")).Call(jen.Id("c"), jen.Id("at"), jen.Id("data"), jen.Id("kinds"), jen.True())).Block(
			jen.Id("walkDecoded").Dot("serverWalk").Call(jen.Id("c"), jen.Id("at"), jen.Id("data")),
		),
		jen.Return(jen.True()),
	)
}
