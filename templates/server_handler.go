package templates

import (
	"net/http"

	"github.com/dave/jennifer/jen"
	"github.com/seed-0d47db62/livegen/generator"
)

// Exported option functions of server.gen.go; generator.ReservedNames must
// list them so that no schema takes their names.
const (
	optMaxBody  = "WithMaxBodyBytes"
	optAuth     = "WithAuthenticator"
	optMapper   = "WithErrorMapper"
	optLogger   = "WithLogger"
	optStrict   = "WithStrictQuery"
	authRequest = "AuthRequest"
)

// Unexported identifiers of the handler.
const srvHandler = "serverHandler"

// sharedHandler is the handler's runtime part, h.shared.
func sharedHandler() *jen.Statement { return jen.Id("h").Dot("shared") }

func handlerRecv() *jen.Statement { return jen.Id("h").Op("*").Id(srvHandler) }
func writerParam() *jen.Statement { return jen.Id("w").Qual(pkgHTTP, "ResponseWriter") }
func requestParam() *jen.Statement {
	return jen.Id("r").Op("*").Qual(pkgHTTP, "Request")
}

// option is one handler option: its name, documentation and parameters;
// the runtime holds its body, the generated package a call of it.
type option struct {
	name   string
	lines  []string
	params []jen.Code
	args   []jen.Code
	body   []jen.Code
}

// handlerOptions are the With functions of NewHandler.
func handlerOptions() []option {
	c := func() *jen.Statement { return jen.Id("c") }
	return []option{
		{optMaxBody, []string{
			optMaxBody + " limits request bodies to n bytes (default 1 MiB); a larger body is",
			"answered with 413. n <= 0 keeps the default.",
		}, []jen.Code{jen.Id("n").Int64()}, []jen.Code{jen.Id("n")},
			[]jen.Code{jen.If(jen.Id("n").Op(">").Lit(0)).Block(c().Dot("MaxBodyBytes").Op("=").Id("n"))}},
		{optAuth, []string{
			optAuth + " checks the credentials of every operation that the spec secures.",
			"Without it, the credentials of the declared kind must be present (a bearer token for",
			"a bearer scheme) but are not checked.",
		}, []jen.Code{jen.Id("a").Add(rt("Authenticator"))}, []jen.Code{jen.Id("a")},
			[]jen.Code{c().Dot("Authenticator").Op("=").Id("a")}},
		{optMapper, []string{
			optMapper + " decides the status and body that answer an error returned by a",
			"Server method. The default answers a *ValidationError with 400 and its problems, and",
			"any other error with 500 and a generic message (the error is logged, not sent). A",
			"status outside 400-599 becomes 500; errors answered with 5xx are logged.",
		}, []jen.Code{jen.Id("m").Add(mapperType())}, []jen.Code{jen.Id("m")},
			[]jen.Code{jen.If(jen.Id("m").Op("!=").Nil()).Block(c().Dot("MapError").Op("=").Id("m"))}},
		{optLogger, []string{
			optLogger + " sets where panics and failed operations are logged (default",
			"slog.Default()). Credentials are never logged.",
		}, []jen.Code{jen.Id("l").Op("*").Qual(pkgSlog, "Logger")}, []jen.Code{jen.Id("l")},
			[]jen.Code{jen.If(jen.Id("l").Op("!=").Nil()).Block(c().Dot("Logger").Op("=").Id("l"))}},
		{optStrict, []string{
			optStrict + " answers 400 to a query parameter whose name has a bracket",
			"(title[foo]) but that the operation does not declare, so that a mistyped filter is",
			"not silently ignored.",
		}, nil, nil, []jen.Code{c().Dot("StrictQuery").Op("=").True()}},
		{optMiddleware, []string{
			optMiddleware + " wraps the handler of every routed operation in mw, the first",
			"outermost. The request's context carries the " + srvOperation + " (see " + srvOperationFrom + "),",
			"so that logging, metrics and tracing know the operation and its route. Requests that",
			"no operation matches (404, 405) do not go through mw.",
		}, []jen.Code{jen.Id("mw").Op("...").Func().Params(jen.Qual(pkgHTTP, "Handler")).Qual(pkgHTTP, "Handler")}, []jen.Code{jen.Id("mw").Op("...")},
			[]jen.Code{c().Dot("Middleware").Op("=").Append(c().Dot("Middleware"), jen.Id("mw").Op("..."))}},
	}
}

// genHandlerOptions renders, in the runtime, HandlerOption, what the options
// set and the bodies of the With functions.
func genHandlerOptions(f *jen.File) {
	f.Comment("HandlerOption configures a generated handler.")
	f.Type().Id("HandlerOption").Func().Params(jen.Op("*").Id(rtConfig))
	f.Comment(rtConfig + " holds what the options set.")
	f.Type().Id(rtConfig).Struct(
		jen.Id("MaxBodyBytes").Int64(),
		jen.Id("Authenticator").Add(rt("Authenticator")),
		jen.Id("MapError").Add(mapperType()),
		jen.Id("Logger").Op("*").Qual(pkgSlog, "Logger"),
		jen.Id("StrictQuery").Bool(),
		jen.Id("Middleware").Index().Func().Params(jen.Qual(pkgHTTP, "Handler")).Qual(pkgHTTP, "Handler"),
	)
	for _, o := range handlerOptions() {
		for _, l := range o.lines {
			f.Comment(l)
		}
		// Out of line: inlined, the option's closure would be compiled into the
		// generated package.
		f.Comment(noInline)
		f.Func().Id(o.name).Params(o.params...).Id("HandlerOption").Block(
			jen.Return(jen.Func().Params(jen.Id("c").Op("*").Id(rtConfig)).Block(o.body...)),
		)
	}
}

// genHandlerOptionCalls renders HandlerOption and the With functions of the
// generated package, which return the runtime's.
func genHandlerOptionCalls(f *jen.File) {
	f.Comment("HandlerOption configures NewHandler.")
	f.Type().Id("HandlerOption").Op("=").Add(rt("HandlerOption"))
	for _, o := range handlerOptions() {
		for _, l := range o.lines {
			f.Comment(l)
		}
		f.Func().Id(o.name).Params(o.params...).Id("HandlerOption").Block(jen.Return(rt(o.name).Call(o.args...)))
	}
}

// mapperType is the type of an error mapper.
func mapperType() *jen.Statement {
	return jen.Func().Params(jen.Id("ctx").Qual(pkgContext, "Context"), jen.Id("err").Error()).Params(jen.Int(), rt("ErrorResponse"))
}

// genServerAliases names in the generated package the runtime's types that
// users see, with their documentation.
func genServerAliases(f *jen.File) {
	alias := func(name string, lines ...string) {
		for _, l := range lines {
			f.Comment(l)
		}
		f.Type().Id(name).Op("=").Add(rt(name))
	}
	alias("ErrorResponse",
		"ErrorResponse is the JSON body of every error the handler answers itself (400, 401,",
		"404, 405, 413, 415, 500, 501, 503) and of errors mapped by WithErrorMapper: a message",
		"and the list of problems, empty when there are none.")
	alias("Authenticator", authenticatorDoc...)
	alias(authRequest, authRequestDoc...)
}

// authenticatorDoc and authRequestDoc document Authenticator and
// AuthRequest in both packages.
var (
	authenticatorDoc = []string{
		"Authenticator checks the credentials a request presents for one security scheme",
		"of its operation (see WithAuthenticator). It returns the context the Server method",
		"receives (add the caller's identity to it; nil keeps ctx), or an error to answer",
		"401. The error's text is neither sent nor logged, since it may hold the credentials.",
	}
	authRequestDoc = []string{
		authRequest + " is what the handler asks an Authenticator to check: the credentials a",
		"request presents for one security scheme. String and LogValue leave the secrets",
		"out, so that printing or logging one is safe.",
	}
)

// genAuthTypes renders Authenticator and AuthRequest.
func genAuthTypes(f *jen.File) {
	for _, l := range authenticatorDoc {
		f.Comment(l)
	}
	f.Type().Id("Authenticator").Func().Params(jen.Id("ctx").Qual(pkgContext, "Context"), jen.Id("req").Id(authRequest)).Params(jen.Qual(pkgContext, "Context"), jen.Error())
	for _, l := range authRequestDoc {
		f.Comment(l)
	}
	f.Type().Id(authRequest).Struct(
		jen.Comment("Operation is the operationId of the request's operation.").Line().Id("Operation").String(),
		jen.Comment("Scheme is the scheme's name in components.securitySchemes.").Line().Id("Scheme").String(),
		jen.Comment("Scopes are the scopes the operation asks for (oauth2, openIdConnect).").Line().Id("Scopes").Index().String(),
		jen.Comment("Token is the bearer token or the API key; for other HTTP schemes, what follows").Line().
			Comment("the scheme name in the Authorization header.").Line().Id("Token").String(),
		jen.Comment("Username and Password are set for HTTP basic authentication.").Line().Id("Username").String(),
		jen.Id("Password").String(),
	)
	// String stays out of line, so that GoString and the pointer forms of both
	// are calls; it joins at most five strings at once, which needs no array.
	f.Comment("String describes the credentials without their secrets.")
	f.Comment(noInline)
	f.Func().Params(jen.Id("c").Id(authRequest)).Id("String").Params().String().Block(
		jen.Id("s").Op(":=").Lit(authRequest+"{Operation: ").Op("+").Id("c").Dot("Operation").Op("+").Lit(", Scheme: ").Op("+").Id("c").Dot("Scheme"),
		jen.Return(jen.Id("s").Op("+").Lit(", Scopes: [").Op("+").Qual(pkgStrings, "Join").Call(jen.Id("c").Dot("Scopes"), jen.Lit(" ")).Op("+").Lit("], secrets redacted}")),
	)
	f.Comment("GoString keeps the secrets out of %#v too.")
	f.Func().Params(jen.Id("c").Id(authRequest)).Id("GoString").Params().String().Block(jen.Return(jen.Id("c").Dot("String").Call()))
	f.Comment("LogValue keeps the secrets out of log/slog output.")
	f.Func().Params(jen.Id("c").Id(authRequest)).Id("LogValue").Params().Qual(pkgSlog, "Value").Block(
		jen.Return(jen.Qual(pkgSlog, "GroupValue").Call(
			jen.Qual(pkgSlog, "String").Call(jen.Lit("operation"), jen.Id("c").Dot("Operation")),
			jen.Qual(pkgSlog, "String").Call(jen.Lit("scheme"), jen.Id("c").Dot("Scheme")),
			jen.Qual(pkgSlog, "Any").Call(jen.Lit("scopes"), jen.Id("c").Dot("Scopes")),
		)),
	)
}

// genNewHandler renders NewHandler and the handler type.
func genNewHandler(f *jen.File, api *generator.API) {
	f.Comment(srvHandler + " serves the API with a Server.")
	f.Type().Id(srvHandler).StructFunc(func(g *jen.Group) {
		g.Comment("shared is what every generated handler has and does; a field rather than").Line().
			Comment("embedded, so that its methods get no wrappers compiled here.").Line().
			Id("shared").Add(rt(rtHandler))
		g.Id("impl").Id("Server")
		g.Comment("maxBodyBytes is the limit of WithMaxBodyBytes, where the body readers find it.").Line().Id("maxBodyBytes").Int64()
		if hasMatcher(api) {
			g.Comment("matched serves the routes of serverRoutes, by position.")
			g.Id("matched").Index().Qual(pkgHTTP, "Handler")
		}
		g.Add(webhooksField(api))
	})
	routing := "It routes with http.ServeMux method and wildcard patterns, so it needs no router and plugs into any router or middleware as an http.Handler."
	if hasMatcher(api) {
		routing = "It routes with http.ServeMux method and wildcard patterns, and matches first itself, most specific first, the paths ServeMux cannot express (text and parameters in one segment, a fixed query, paths it calls conflicting); it needs no router and plugs into any router or middleware as an http.Handler."
	}
	if hasTwins(api) {
		routing += " Operations that take the same requests (the same path once the #fragment is dropped) are told apart by what the request carries, most specific first and the general operation last:" +
			" required query parameters and headers present, the body's media type, an Accept naming the event stream an operation alone answers, the type, enum or pattern of a path parameter," +
			" and where nothing else differs the body's top-level members (required ones present, enum values, members that must not be null), read once within the size limit." +
			" A request no other operation takes goes to the general one, whose checks answer 400."
	}
	if len(identicalRoutes(api)) > 0 {
		routing += " Operations that declare nothing a request carries to tell them apart are served by the first in route order," +
			" unless impl implements OperationChooser, which picks one of them for each request."
	}
	genMuxRoutes(f, api)
	for _, line := range wrap("NewHandler returns an http.Handler that serves the API with impl. "+routing+
		" For each request it checks credentials (401), the content type (415) and size (413) of the body, decodes and validates the"+
		" parameters and body (400, listing every problem at once), calls impl and writes its answer."+
		" An unknown path is answered with 404, a known path with the wrong method with 405 and an Allow header,"+
		" an operation impl leaves to UnimplementedServer with 501. A panic in impl is logged and answered with 500,"+
		" and the handler keeps serving. The checks of a hostile request cost time in proportion to its size:"+
		" the answer lists 100 problems at most, checks stop after 1,000, and when the request's context ends they stop and impl is not called."+
		" Serve the handler from an http.Server with read, write and idle timeouts: the handler bounds the size of what it reads, not the time a client takes.", 86) {
		f.Comment(line)
	}
	f.Func().Id("NewHandler").Params(jen.Id("impl").Id("Server"), jen.Id("opts").Op("...").Id("HandlerOption")).Qual(pkgHTTP, "Handler").BlockFunc(func(g *jen.Group) {
		g.Id("h").Op(":=").Id("newServerHandler").Call(jen.Id("opts"))
		g.Id("h").Dot("impl").Op("=").Id("impl")
		if len(muxRouted(api)) > 0 {
			g.For(jen.List(jen.Id("_"), jen.Id("route")).Op(":=").Range().Id("serverMuxRoutes")).Block(
				jen.Id("h").Dot("handle").Call(jen.Id("route").Dot("op"), jen.Id("route").Dot("serve")),
			)
		}
		if hasMatcher(api) {
			g.Id("h").Dot("matched").Op("=").Make(jen.Index().Qual(pkgHTTP, "Handler"), jen.Len(jen.Id("serverRoutes")))
			g.For(jen.List(jen.Id("i"), jen.Id("route")).Op(":=").Range().Id("serverRoutes")).Block(
				jen.Id("h").Dot("matched").Index(jen.Id("i")).Op("=").Id("h").Dot("wrap").Call(jen.Id("route").Dot("op"), jen.Id("route").Dot("serve")),
			)
		}
		g.Return(jen.Id("h"))
	})
	f.Comment("newServerHandler is a handler with the defaults and opts, serving nothing yet.")
	f.Func().Id("newServerHandler").Params(jen.Id("opts").Index().Id("HandlerOption")).Op("*").Id(srvHandler).BlockFunc(func(g *jen.Group) {
		g.Id("h").Op(":=").Op("&").Id(srvHandler).Values()
		g.Add(sharedHandler()).Dot("Methods").Op("=").Id("serverMethods")
		if hasMatcher(api) {
			g.Add(sharedHandler()).Dot("Routes").Op("=").Id("serverMatches")
		}
		g.Add(sharedHandler()).Dot("Init").Call(jen.Id("opts"))
		g.Id("h").Dot("maxBodyBytes").Op("=").Add(sharedHandler()).Dot("MaxBodyBytes")
		g.Return(jen.Id("h"))
	})
	genServerMethods(f, api)
}

// muxRouted are the operations that http.ServeMux routes.
func muxRouted(api *generator.API) []*generator.Operation {
	var ops []*generator.Operation
	for _, o := range api.Operations {
		if !o.ServerMatched {
			ops = append(ops, o)
		}
	}
	return ops
}

// genMuxRoutes renders the table of the operations ServeMux routes, which
// NewHandler reads: as data it costs nothing to compile per operation, where
// one call per operation made NewHandler grow with the API.
func genMuxRoutes(f *jen.File, api *generator.API) {
	ops := muxRouted(api)
	if len(ops) == 0 {
		return
	}
	f.Comment("serverMuxRoute is an operation that http.ServeMux routes, with its handler method.")
	f.Type().Id("serverMuxRoute").Struct(
		jen.Id("op").Op("*").Id(srvOperation),
		jen.Id("serve").Func().Params(handlerRecv(), writerParam(), requestParam()),
	)
	f.Comment("serverMuxRoutes are the operations that http.ServeMux routes, in the API's order.")
	f.Var().Id("serverMuxRoutes").Op("=").Index().Id("serverMuxRoute").ValuesFunc(func(g *jen.Group) {
		for _, o := range ops {
			g.Line().Values(jen.Id(operationVar(o)), serveExpr(o))
		}
		g.Line()
	})
}

// genServerMethods renders the methods the handler probes to answer 405.
func genServerMethods(f *jen.File, api *generator.API) {
	used := map[string]bool{}
	for _, o := range api.ServedOperations() {
		if o.ServerPattern != "" {
			used[o.Method] = true
		}
	}
	if used[http.MethodGet] {
		used[http.MethodHead] = true // ServeMux serves HEAD with GET patterns
	}
	var methods []jen.Code
	for _, m := range []string{http.MethodGet, http.MethodHead, http.MethodPut, http.MethodPost, http.MethodDelete,
		http.MethodOptions, http.MethodPatch, http.MethodTrace} {
		if used[m] {
			methods = append(methods, jen.Lit(m))
		}
	}
	f.Comment("serverMethods are the methods of the routed operations, for the Allow header of 405.")
	f.Var().Id("serverMethods").Op("=").Index().String().Values(methods...)
}

// genServeHTTP renders the handler's ServeHTTP, which routes with the
// matcher (when the API has one) and then ServeMux, and answer, which writes
// what a Server method returned.
func genServeHTTP(f *jen.File, api *generator.API) {
	f.Comment("ServeHTTP routes the request. A panic below becomes a logged 500; the server keeps")
	f.Comment("serving. http.ErrAbortHandler keeps its meaning.")
	f.Func().Params(handlerRecv()).Id("ServeHTTP").Params(writerParam(), requestParam()).Block(
		jen.Defer().Add(sharedHandler()).Dot("Recover").Call(jen.Id("w"), jen.Id("r")),
		jen.Do(func(s *jen.Statement) {
			if hasMatcher(api) {
				// A webhook receiver's handler has no matched routes.
				s.If(jen.Id("h").Dot("matched").Op("!=").Nil().Op("&&").Id("h").Dot("serveMatched").Call(jen.Id("w"), jen.Id("r"))).Block(jen.Return())
			}
		}),
		sharedHandler().Dot("Mux").Dot("ServeHTTP").Call(jen.Id("w"), jen.Id("r")),
	)
	f.Comment("answer writes the answer a Server method returned; one that cannot be written")
	f.Comment("is logged and answered 500.")
	f.Func().Params(handlerRecv()).Id("answer").Params(writerParam(), requestParam(), jen.Id("op").String(), jen.Id("a").Id("serverAnswer")).Block(
		jen.If(jen.Err().Op(":=").Id("serverWriteAnswer").Call(jen.Id("w"), jen.Id("a")), jen.Err().Op("!=").Nil()).Block(
			sharedHandler().Dot("Unwritten").Call(jen.Id("w"), jen.Id("r"), jen.Id("op"), jen.Err()),
		),
	)
}
