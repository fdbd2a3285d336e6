package templates

import (
	"github.com/dave/jennifer/jen"
	"github.com/seed-0d47db62/livegen/generator"
)

// Exported identifiers of server.gen.go that tell middleware which
// operation serves a request, and that let a service implement a part of
// the API; generator.ReservedNames lists them.
const (
	srvOperation      = "ServerOperation"
	srvOperationFrom  = "OperationFromContext"
	optMiddleware     = "WithMiddleware"
	srvUnimplemented  = "UnimplementedServer"
	errNotImplemented = "ErrNotImplemented"
)

// operationVar names the ServerOperation of one operation.
func operationVar(o *generator.Operation) string { return "serverOperation" + o.Name }

// genOperationType renders ServerOperation and OperationFromContext.
func genOperationType(f *jen.File) {
	f.Comment(srvOperation + " is the operation that serves a request, as the spec declares it. The")
	f.Comment("handler puts it in the request's context once the request is routed, before any")
	f.Comment("check, so that middleware (see " + optMiddleware + "), the Authenticator, the error")
	f.Comment("mapper and the Server methods can log, measure and trace by operation without")
	f.Comment("parsing paths. Read it with " + srvOperationFrom + ".")
	f.Type().Id(srvOperation).Struct(
		jen.Comment("ID is the operationId.").Line().Id("ID").String(),
		jen.Comment("Method and Path are the spec's method and path template (/lives/{liveId}).").Line().
			List(jen.Id("Method"), jen.Id("Path")).String(),
		jen.Comment("Pattern is the http.ServeMux pattern that routes it (GET /lives/{liveID}), or in").Line().
			Comment("the same notation the route NewHandler matches itself (GET /tasks/{id}.json).").Line().
			Id("Pattern").String(),
		jen.Comment("declares reports whether a query parameter is the operation's (see DeclaresQuery).").Line().
			Id("declares").Op("*").Add(rt("ServerQueryNames")),
	)
	f.Comment("DeclaresQuery reports whether the operation declares the query parameter name")
	f.Comment("(bracket filters included), so that a log can keep the values of declared")
	f.Comment("parameters and redact the others. An API key sent in the query is declared too.")
	f.Func().Params(jen.Id("o").Id(srvOperation)).Id("DeclaresQuery").Params(jen.Id("name").String()).Bool().Block(
		jen.Return(jen.Id("o").Dot("declares").Dot("Has").Call(jen.Id("name"))),
	)
	f.Comment(srvOperationFrom + " is the operation that serves the request whose context is")
	f.Comment("ctx; false outside a request routed by NewHandler's handler.")
	f.Func().Id(srvOperationFrom).Params(jen.Id("ctx").Qual(pkgContext, "Context")).Params(jen.Id(srvOperation), jen.Bool()).Block(
		jen.List(jen.Id("o"), jen.Id("ok")).Op(":=").Id("ctx").Dot("Value").Call(rt("ServerOperationKey").Values()).Assert(jen.Op("*").Id(srvOperation)),
		jen.If(jen.Op("!").Id("ok")).Block(jen.Return(jen.Id(srvOperation).Values(), jen.False())),
		jen.Return(jen.Op("*").Id("o"), jen.True()),
	)
}

// genOperationVar renders the ServerOperation of one operation, its fields
// on one line.
func genOperationVar(f *jen.File, o *generator.Operation) {
	fields := []jen.Code{jen.Id("ID").Op(":").Lit(o.ID), jen.Id("Method").Op(":").Lit(o.Method), jen.Id("Path").Op(":").Lit(o.Path), jen.Id("Pattern").Op(":").Lit(o.ServerPattern)}
	if declares := declaredQuery(o); declares != nil {
		fields = append(fields, jen.Id("declares").Op(":").Add(declares))
	}
	f.Var().Id(operationVar(o)).Op("=").Op("&").Id(srvOperation).Values(fields...)
}

// genRouteOperation renders handle, which routes one operation with
// ServeMux, and wrap, which serves it through the runtime's Route: the
// middleware, with its ServerOperation in the request's context. Operations
// are given as method expressions, (*serverHandler).serveOp: a method value,
// h.serveOp, would cost a compiled wrapper per operation.
func genRouteOperation(f *jen.File) {
	serve := jen.Id("serve").Func().Params(jen.Op("*").Id(srvHandler), jen.Qual(pkgHTTP, "ResponseWriter"), jen.Op("*").Qual(pkgHTTP, "Request"))
	f.Comment("handle routes op to serve with ServeMux.")
	f.Func().Params(handlerRecv()).Id("handle").Params(jen.Id("op").Op("*").Id(srvOperation), serve.Clone()).Block(
		sharedHandler().Dot("Mux").Dot("Handle").Call(jen.Id("op").Dot("Pattern"), jen.Id("h").Dot("wrap").Call(jen.Id("op"), jen.Id("serve"))),
	)
	f.Comment("wrap serves op with serve, through the middleware, with op in the request's context.")
	f.Func().Params(handlerRecv()).Id("wrap").Params(jen.Id("op").Op("*").Id(srvOperation), serve.Clone()).Qual(pkgHTTP, "Handler").Block(
		jen.Return(sharedHandler().Dot("Route").Call(jen.Id("op"), jen.Qual(pkgHTTP, "HandlerFunc").Call(jen.Func().Params(writerParam(), requestParam()).Block(
			jen.Id("serve").Call(jen.Id("h"), jen.Id("w"), jen.Id("r")),
		)))),
	)
}

// genRoute renders the runtime's Route: the middleware around an
// operation's handler, with the operation in the request's context.
func genRoute(f *jen.File) {
	f.Comment("ServerOperationKey is the context key of the operation that serves a request.")
	f.Type().Id("ServerOperationKey").Struct()
	f.Comment("Route serves next through the middleware, with op in the request's context.")
	f.Func().Params(rtHandlerRecv()).Id("Route").Params(jen.Id("op").Any(), jen.Id("next").Qual(pkgHTTP, "Handler")).Qual(pkgHTTP, "Handler").Block(
		jen.For(jen.Id("i").Op(":=").Len(jen.Id("h").Dot("Middleware")).Op("-").Lit(1), jen.Id("i").Op(">=").Lit(0), jen.Id("i").Op("--")).Block(
			jen.Id("next").Op("=").Id("h").Dot("Middleware").Index(jen.Id("i")).Call(jen.Id("next")),
		),
		jen.Return(jen.Qual(pkgHTTP, "HandlerFunc").Call(jen.Func().Params(writerParam(), requestParam()).Block(
			jen.Id("next").Dot("ServeHTTP").Call(jen.Id("w"), jen.Id("r").Dot("WithContext").Call(
				jen.Qual(pkgContext, "WithValue").Call(jen.Id("r").Dot("Context").Call(), jen.Id("ServerOperationKey").Values(), jen.Id("op")))),
		))),
	)
}

// serveExpr is the method expression of an operation's handler method.
func serveExpr(o *generator.Operation) *jen.Statement {
	return jen.Parens(jen.Op("*").Id(srvHandler)).Dot(o.ServerHandler)
}

// genUnimplemented renders UnimplementedServer and ErrNotImplemented.
func genUnimplemented(f *jen.File, api *generator.API) {
	f.Comment(errNotImplemented + " is what the methods of " + srvUnimplemented + " return. The handler")
	f.Comment("answers it (or an error that wraps it) with 501 and an ErrorResponse, whatever the")
	f.Comment("error mapper.")
	f.Var().Id(errNotImplemented).Op("=").Add(rt(errNotImplemented))
	f.Comment(srvUnimplemented + " answers every operation with " + errNotImplemented + ", which the")
	f.Comment("handler answers with 501. Embed it in a type that implements the operations a")
	f.Comment("service serves so far; the type stays a Server when operations are added to the spec.")
	f.Comment("Each of its methods answers 501.")
	f.Type().Id(srvUnimplemented).Struct()
	f.Var().Id("_").Id("Server").Op("=").Id(srvUnimplemented).Values()
	for _, o := range api.Operations {
		f.Func().Params(jen.Id(srvUnimplemented)).Id(o.Name).Params(jen.Qual(pkgContext, "Context"), jen.Id(o.ServerInput)).
			Params(jen.Id(o.ServerOutput), jen.Error()).Block(jen.Return(jen.Nil(), jen.Id(errNotImplemented)))
	}
}
