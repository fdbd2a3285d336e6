package templates

import (
	"net/http"
	"strconv"

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
const (
	srvHandler = "serverHandler"
	srvConfig  = "serverConfig"
)

func handlerRecv() *jen.Statement { return jen.Id("h").Op("*").Id(srvHandler) }
func writerParam() *jen.Statement { return jen.Id("w").Qual(pkgHTTP, "ResponseWriter") }
func requestParam() *jen.Statement {
	return jen.Id("r").Op("*").Qual(pkgHTTP, "Request")
}

// errorBody is an ErrorResponse literal.
func errorBody(message jen.Code, problems ...jen.Code) *jen.Statement {
	d := jen.Dict{jen.Id("Message"): message}
	if len(problems) > 0 {
		d[jen.Id("Problems")] = jen.Index().Id("Problem").Values(problems...)
	}
	return jen.Id("ErrorResponse").Values(d)
}

// problemLit is a Problem literal.
func problemLit(in, name, problem jen.Code) *jen.Statement {
	return jen.Values(jen.Dict{jen.Id("In"): in, jen.Id("Name"): name, jen.Id("Problem"): problem})
}

// genErrorResponse renders ErrorResponse, the one shape of every error body.
func genErrorResponse(f *jen.File) {
	f.Comment("ErrorResponse is the JSON body of every error the handler answers itself (400, 401,")
	f.Comment("404, 405, 413, 415, 500, 501, 503) and of errors mapped by WithErrorMapper: a message")
	f.Comment("and the list of problems, empty when there are none.")
	f.Type().Id("ErrorResponse").Struct(
		jen.Id("Message").String().Tag(map[string]string{"json": "message"}),
		jen.Id("Problems").Index().Id("Problem").Tag(map[string]string{"json": "problems"}),
		jen.Comment("MoreProblems counts the problems found but not listed: the list stops at "+strconv.Itoa(valListed)+",").Line().
			Comment("and checks stop after "+strconv.Itoa(valStopAfter)+" problems.").Line().
			Id("MoreProblems").Int().Tag(map[string]string{"json": "moreProblems,omitempty"}),
	)
}

// genHandlerOptions renders HandlerOption and the With functions.
func genHandlerOptions(f *jen.File) {
	f.Comment("HandlerOption configures NewHandler.")
	f.Type().Id("HandlerOption").Func().Params(jen.Op("*").Id(srvConfig))
	f.Comment(srvConfig + " holds what the options set.")
	f.Type().Id(srvConfig).Struct(
		jen.Id("maxBodyBytes").Int64(),
		jen.Id("authenticator").Id("Authenticator"),
		jen.Id("mapError").Add(mapperType()),
		jen.Id("logger").Op("*").Qual(pkgSlog, "Logger"),
		jen.Id("strictQuery").Bool(),
		jen.Id("middleware").Index().Func().Params(jen.Qual(pkgHTTP, "Handler")).Qual(pkgHTTP, "Handler"),
	)
	option := func(name string, lines []string, params []jen.Code, body ...jen.Code) {
		for _, l := range lines {
			f.Comment(l)
		}
		f.Func().Id(name).Params(params...).Id("HandlerOption").Block(
			jen.Return(jen.Func().Params(jen.Id("c").Op("*").Id(srvConfig)).Block(body...)),
		)
	}
	option(optMaxBody, []string{
		optMaxBody + " limits request bodies to n bytes (default 1 MiB); a larger body is",
		"answered with 413. n <= 0 keeps the default.",
	}, []jen.Code{jen.Id("n").Int64()},
		jen.If(jen.Id("n").Op(">").Lit(0)).Block(jen.Id("c").Dot("maxBodyBytes").Op("=").Id("n")))
	option(optAuth, []string{
		optAuth + " checks the credentials of every operation that the spec secures.",
		"Without it, the credentials of the declared kind must be present (a bearer token for",
		"a bearer scheme) but are not checked.",
	}, []jen.Code{jen.Id("a").Id("Authenticator")},
		jen.Id("c").Dot("authenticator").Op("=").Id("a"))
	option(optMapper, []string{
		optMapper + " decides the status and body that answer an error returned by a",
		"Server method. The default answers a *ValidationError with 400 and its problems, and",
		"any other error with 500 and a generic message (the error is logged, not sent). A",
		"status outside 400-599 becomes 500; errors answered with 5xx are logged.",
	}, []jen.Code{jen.Id("m").Add(mapperType())},
		jen.If(jen.Id("m").Op("!=").Nil()).Block(jen.Id("c").Dot("mapError").Op("=").Id("m")))
	option(optLogger, []string{
		optLogger + " sets where panics and failed operations are logged (default",
		"slog.Default()). Credentials are never logged.",
	}, []jen.Code{jen.Id("l").Op("*").Qual(pkgSlog, "Logger")},
		jen.If(jen.Id("l").Op("!=").Nil()).Block(jen.Id("c").Dot("logger").Op("=").Id("l")))
	option(optStrict, []string{
		optStrict + " answers 400 to a query parameter whose name has a bracket",
		"(title[foo]) but that the operation does not declare, so that a mistyped filter is",
		"not silently ignored.",
	}, nil, jen.Id("c").Dot("strictQuery").Op("=").True())
	option(optMiddleware, []string{
		optMiddleware + " wraps the handler of every routed operation in mw, the first",
		"outermost. The request's context carries the " + srvOperation + " (see " + srvOperationFrom + "),",
		"so that logging, metrics and tracing know the operation and its route. Requests that",
		"no operation matches (404, 405) do not go through mw.",
	}, []jen.Code{jen.Id("mw").Op("...").Func().Params(jen.Qual(pkgHTTP, "Handler")).Qual(pkgHTTP, "Handler")},
		jen.Id("c").Dot("middleware").Op("=").Append(jen.Id("c").Dot("middleware"), jen.Id("mw").Op("...")))
}

// mapperType is the type of an error mapper.
func mapperType() *jen.Statement {
	return jen.Func().Params(jen.Id("ctx").Qual(pkgContext, "Context"), jen.Id("err").Error()).Params(jen.Int(), jen.Id("ErrorResponse"))
}

// genAuthTypes renders Authenticator and AuthRequest.
func genAuthTypes(f *jen.File) {
	f.Comment("Authenticator checks the credentials a request presents for one security scheme")
	f.Comment("of its operation (see WithAuthenticator). It returns the context the Server method")
	f.Comment("receives (add the caller's identity to it; nil keeps ctx), or an error to answer")
	f.Comment("401. The error's text is neither sent nor logged, since it may hold the credentials.")
	f.Type().Id("Authenticator").Func().Params(jen.Id("ctx").Qual(pkgContext, "Context"), jen.Id("req").Id(authRequest)).Params(jen.Qual(pkgContext, "Context"), jen.Error())
	f.Comment(authRequest + " is what the handler asks an Authenticator to check: the credentials a")
	f.Comment("request presents for one security scheme. String and LogValue leave the secrets")
	f.Comment("out, so that printing or logging one is safe.")
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
		g.Id(srvConfig)
		g.Id("impl").Id("Server")
		g.Id("mux").Op("*").Qual(pkgHTTP, "ServeMux")
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
		g.Id("h").Dot("mux").Dot("HandleFunc").Call(jen.Lit("/"), jen.Id("h").Dot("serveUnrouted"))
		g.Return(jen.Id("h"))
	})
	f.Comment("newServerHandler is a handler with the defaults and opts, serving nothing yet.")
	f.Func().Id("newServerHandler").Params(jen.Id("opts").Index().Id("HandlerOption")).Op("*").Id(srvHandler).BlockFunc(func(g *jen.Group) {
		g.Id("h").Op(":=").Op("&").Id(srvHandler).Values(jen.Dict{
			jen.Id("mux"): jen.Qual(pkgHTTP, "NewServeMux").Call(),
			jen.Id(srvConfig): jen.Id(srvConfig).Values(jen.Dict{
				jen.Id("maxBodyBytes"): jen.Op("1 << 20"),
				jen.Id("mapError"):     jen.Id("serverMapError"),
				jen.Id("logger"):       jen.Qual(pkgSlog, "Default").Call(),
			}),
		})
		g.For(jen.List(jen.Id("_"), jen.Id("opt")).Op(":=").Range().Id("opts")).Block(
			jen.If(jen.Id("opt").Op("!=").Nil()).Block(jen.Id("opt").Call(jen.Op("&").Id("h").Dot(srvConfig))),
		)
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

// genHandlerRuntime renders what every operation's handler shares: panic
// recovery, 404 and 405, error mapping and writing answers.
func genHandlerRuntime(f *jen.File, api *generator.API) {
	f.Comment("ServeHTTP routes the request. A panic below becomes a logged 500; the server keeps")
	f.Comment("serving. http.ErrAbortHandler keeps its meaning.")
	f.Func().Params(handlerRecv()).Id("ServeHTTP").Params(writerParam(), requestParam()).Block(
		jen.Defer().Func().Params().Block(
			jen.Id("v").Op(":=").Recover(),
			jen.If(jen.Id("v").Op("==").Nil()).Block(jen.Return()),
			jen.If(jen.Id("v").Op("==").Qual(pkgHTTP, "ErrAbortHandler")).Block(jen.Panic(jen.Id("v"))),
			logError("panic while serving a request", slogString("method", jen.Id("r").Dot("Method")), slogString("path", jen.Id("r").Dot("URL").Dot("Path")),
				slogString("panic", jen.Qual(pkgFmt, "Sprint").Call(jen.Id("v"))), slogString("stack", jen.String().Call(jen.Qual(pkgDebug, "Stack").Call()))),
			jen.Id("serverWriteError").Call(jen.Id("w"), jen.Qual(pkgHTTP, "StatusInternalServerError"), errorBody(jen.Lit("internal server error"))),
		).Call(),
		jen.Do(func(s *jen.Statement) {
			if hasMatcher(api) {
				// A webhook receiver's handler has no matched routes.
				s.If(jen.Id("h").Dot("matched").Op("!=").Nil().Op("&&").Id("h").Dot("serveMatched").Call(jen.Id("w"), jen.Id("r"))).Block(jen.Return())
			}
		}),
		jen.Id("h").Dot("mux").Dot("ServeHTTP").Call(jen.Id("w"), jen.Id("r")),
	)
	f.Comment("serveUnrouted answers a request that no operation matches: 405 with Allow when")
	f.Comment("another method is served on the path, 404 otherwise.")
	f.Func().Params(handlerRecv()).Id("serveUnrouted").Params(writerParam(), requestParam()).Block(
		jen.Var().Id("allow").Index().String(),
		jen.For(jen.List(jen.Id("_"), jen.Id("m")).Op(":=").Range().Id("serverMethods")).Block(
			jen.Id("probe").Op(":=").New(jen.Qual(pkgHTTP, "Request")),
			jen.Op("*").Id("probe").Op("=").Op("*").Id("r"),
			jen.Id("probe").Dot("Method").Op("=").Id("m"),
			jen.Do(func(s *jen.Statement) {
				probe := jen.List(jen.Id("_"), jen.Id("pattern")).Op(":=").Id("h").Dot("mux").Dot("Handler").Call(jen.Id("probe"))
				routed := jen.Id("pattern").Op("!=").Lit("/")
				if hasMatcher(api) {
					s.Add(probe).Line()
					probe = jen.List(jen.Id("i"), jen.Id("_")).Op(":=").Id("serverMatch").Call(jen.Id("r"), jen.Id("m"), jen.Lit(0))
					routed = routed.Op("||").Id("i").Op(">=").Lit(0)
				}
				s.If(probe, routed).Block(jen.Id("allow").Op("=").Append(jen.Id("allow"), jen.Id("m")))
			}),
		),
		jen.If(jen.Len(jen.Id("allow")).Op("==").Lit(0)).Block(
			jen.Id("serverWriteError").Call(jen.Id("w"), jen.Qual(pkgHTTP, "StatusNotFound"), errorBody(jen.Lit("no operation has this path"))),
			jen.Return(),
		),
		jen.Id("w").Dot("Header").Call().Dot("Set").Call(jen.Lit("Allow"), jen.Qual(pkgStrings, "Join").Call(jen.Id("allow"), jen.Lit(", "))),
		jen.Id("serverWriteError").Call(jen.Id("w"), jen.Qual(pkgHTTP, "StatusMethodNotAllowed"),
			errorBody(jen.Lit("method ").Op("+").Id("r").Dot("Method").Op("+").Lit(" is not allowed on this path; use ").Op("+").Qual(pkgStrings, "Join").Call(jen.Id("allow"), jen.Lit(", ")))),
	)
	genRouteOperation(f)
	genRespond(f)
	genWriters(f)
}

// genRespond renders how an operation's result becomes an HTTP answer.
func genRespond(f *jen.File) {
	f.Comment("answer writes the answer a Server method returned; one that cannot be written")
	f.Comment("is logged and answered 500.")
	f.Func().Params(handlerRecv()).Id("answer").Params(writerParam(), requestParam(), jen.Id("op").String(), jen.Id("a").Id("serverAnswer")).Block(
		jen.If(jen.Err().Op(":=").Id("serverWriteAnswer").Call(jen.Id("w"), jen.Id("a")), jen.Err().Op("!=").Nil()).Block(
			logError("cannot write the answer", slogString("operation", jen.Id("op")), jen.Qual(pkgSlog, "Any").Call(jen.Lit("error"), jen.Err())),
			jen.Id("serverWriteError").Call(jen.Id("w"), jen.Qual(pkgHTTP, "StatusInternalServerError"), errorBody(jen.Lit("internal server error"))),
		),
	)
	f.Comment("fail answers an error returned by a Server method: " + errNotImplemented + " with 501,")
	f.Comment("anything else through the error mapper; nil, when the method returned no answer")
	f.Comment("either, is an error too.")
	f.Func().Params(handlerRecv()).Id("fail").Params(writerParam(), requestParam(), jen.Id("op").String(), jen.Err().Error()).Block(
		jen.If(jen.Err().Op("==").Nil()).Block(
			jen.Err().Op("=").Qual(pkgErrors, "New").Call(jen.Lit("the Server method returned neither an answer nor an error")),
		),
		jen.If(jen.Qual(pkgErrors, "Is").Call(jen.Err(), jen.Id(errNotImplemented))).Block(
			jen.Id("serverWriteError").Call(jen.Id("w"), jen.Qual(pkgHTTP, "StatusNotImplemented"), errorBody(jen.Lit("operation ").Op("+").Id("op").Op("+").Lit(" is not implemented"))),
			jen.Return(),
		),
		jen.List(jen.Id("status"), jen.Id("body")).Op(":=").Id("h").Dot("mapError").Call(jen.Id("r").Dot("Context").Call(), jen.Err()),
		jen.If(jen.Id("status").Op("<").Lit(400).Op("||").Id("status").Op(">").Lit(599)).Block(jen.Id("status").Op("=").Qual(pkgHTTP, "StatusInternalServerError")),
		jen.If(jen.Id("status").Op(">=").Lit(500)).Block(
			logError("operation failed", slogString("operation", jen.Id("op")), jen.Qual(pkgSlog, "Int").Call(jen.Lit("status"), jen.Id("status")), jen.Qual(pkgSlog, "Any").Call(jen.Lit("error"), jen.Err())),
		),
		jen.Id("serverWriteError").Call(jen.Id("w"), jen.Id("status"), jen.Id("body")),
	)
	f.Comment("serverMapError is the default error mapper: a *ValidationError is 400, anything")
	f.Comment("else 500 with a generic message.")
	f.Func().Id("serverMapError").Add(mapperParams()).Block(
		jen.Var().Id("invalid").Op("*").Id("ValidationError"),
		jen.If(jen.Qual(pkgErrors, "As").Call(jen.Err(), jen.Op("&").Id("invalid"))).Block(
			jen.Return(jen.Qual(pkgHTTP, "StatusBadRequest"), jen.Id("ErrorResponse").Values(jen.Dict{
				jen.Id("Message"): jen.Lit("the request is invalid"), jen.Id("Problems"): jen.Id("invalid").Dot("Problems"),
				jen.Id("MoreProblems"): jen.Id("invalid").Dot("MoreProblems"),
			})),
		),
		jen.Return(jen.Qual(pkgHTTP, "StatusInternalServerError"), errorBody(jen.Lit("internal server error"))),
	)
	f.Comment("invalid answers 400 with the problems of the request and reports true, or, when")
	f.Comment("the request's context ended the checks, answers 503 and reports true: the Server")
	f.Comment("must not see a request that was not checked to its end. It reports false when the")
	f.Comment("request is valid.")
	f.Func().Params(handlerRecv()).Id("invalid").Params(writerParam(), jen.Id("c").Add(statePtr())).Bool().Block(
		jen.Switch().Block(
			jen.Case(jen.Id("c").Dot("Cancelled")).Block(
				jen.Id("serverWriteError").Call(jen.Id("w"), jen.Qual(pkgHTTP, "StatusServiceUnavailable"), errorBody(jen.Lit("the request ended before it was checked"))),
			),
			jen.Case(jen.Id("c").Dot("Found").Call().Op(">").Lit(0)).Block(
				jen.Id("serverWriteError").Call(jen.Id("w"), jen.Qual(pkgHTTP, "StatusBadRequest"), jen.Id("ErrorResponse").Values(jen.Dict{
					jen.Id("Message"):      jen.Lit("the request is invalid"),
					jen.Id("Problems"):     jen.Id("c").Dot("Problems"),
					jen.Id("MoreProblems"): jen.Id("c").Dot("More"),
				})),
			),
			jen.Default().Block(jen.Return(jen.False())),
		),
		jen.Return(jen.True()),
	)
}

// mapperParams is the signature of an error mapper function declaration.
func mapperParams() *jen.Statement {
	return jen.Params(jen.Id("ctx").Qual(pkgContext, "Context"), jen.Err().Error()).Params(jen.Int(), jen.Id("ErrorResponse"))
}

// genWriters renders the functions that write answers and errors.
func genWriters(f *jen.File) {
	w := writerParam
	f.Comment("serverWriteError writes an ErrorResponse; the problem list is [] rather than null.")
	f.Func().Id("serverWriteError").Params(w(), jen.Id("status").Int(), jen.Id("body").Id("ErrorResponse")).Block(
		jen.If(jen.Id("body").Dot("Problems").Op("==").Nil()).Block(jen.Id("body").Dot("Problems").Op("=").Index().Id("Problem").Values()),
		jen.If(jen.Id("body").Dot("Message").Op("==").Lit("")).Block(jen.Id("body").Dot("Message").Op("=").Qual(pkgHTTP, "StatusText").Call(jen.Id("status"))),
		jen.List(jen.Id("data"), jen.Id("_")).Op(":=").Qual(pkgJSON, "Marshal").Call(jen.Id("body")),
		jen.Id("w").Dot("Header").Call().Dot("Set").Call(jen.Lit("Content-Type"), jen.Lit("application/json")),
		jen.Id("w").Dot("WriteHeader").Call(jen.Id("status")),
		jen.List(jen.Id("_"), jen.Id("_")).Op("=").Id("w").Dot("Write").Call(jen.Id("data")),
	)
	f.Comment("serverWriteJSON writes a JSON answer. Encoding comes first, so that a value that")
	f.Comment("cannot be encoded is an error before anything is sent.")
	f.Func().Id("serverWriteJSON").Params(w(), jen.Id("status").Int(), jen.Id("contentType").String(), jen.Id("body").Any()).Error().Block(
		jen.List(jen.Id("data"), jen.Err()).Op(":=").Qual(pkgJSON, "Marshal").Call(jen.Id("body")),
		jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())),
		jen.Return(jen.Id("serverWriteBytes").Call(jen.Id("w"), jen.Id("status"), jen.Id("contentType"), jen.Id("data"))),
	)
	f.Comment("serverWriteStatus writes an answer without a body.")
	f.Func().Id("serverWriteStatus").Params(w(), jen.Id("status").Int()).Error().Block(
		jen.Id("w").Dot("WriteHeader").Call(jen.Id("status")),
		jen.Return(jen.Nil()),
	)
	f.Comment("serverWriteBytes writes an answer whose body is ready.")
	f.Func().Id("serverWriteBytes").Params(w(), jen.Id("status").Int(), jen.Id("contentType").String(), jen.Id("data").Index().Byte()).Error().Block(
		jen.Id("w").Dot("Header").Call().Dot("Set").Call(jen.Lit("Content-Type"), jen.Id("contentType")),
		jen.Id("w").Dot("WriteHeader").Call(jen.Id("status")),
		jen.List(jen.Id("_"), jen.Id("_")).Op("=").Id("w").Dot("Write").Call(jen.Id("data")),
		jen.Return(jen.Nil()),
	)
}

// logError logs msg at error level with attrs, in the request's context. It
// passes slog.Attr values rather than key, value pairs: a ...any argument
// list escapes, and each length's array type would get an equality function
// compiled into the package.
func logError(msg string, attrs ...jen.Code) jen.Code {
	args := append([]jen.Code{jen.Id("r").Dot("Context").Call(), jen.Qual(pkgSlog, "LevelError"), jen.Lit(msg)}, attrs...)
	return jen.Id("h").Dot("logger").Dot("LogAttrs").Call(args...)
}

// slogString is the slog.String attribute key, value.
func slogString(key string, value jen.Code) jen.Code {
	return jen.Qual(pkgSlog, "String").Call(jen.Lit(key), value)
}
