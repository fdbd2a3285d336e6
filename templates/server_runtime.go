package templates

import (
	"strconv"

	"github.com/dave/jennifer/jen"
	"github.com/seed-0d47db62/livegen/generator"
)

// The handler's runtime: what every generated handler does the same way,
// whatever the spec (options, error bodies, writers, failures, panics, 404
// and 405, middleware, credentials), lives in the runtime package. The
// generated serverHandler embeds livegenrt.ServerHandler and adds what is
// the spec's: the Server, the routes, the operations' methods.

// Identifiers of the handler's runtime.
const (
	rtHandler = "ServerHandler"
	rtConfig  = "ServerConfig"
)

// ServerRuntime renders internal/livegenrt/server.gen.go; nil when the API
// has no operation to serve.
func ServerRuntime(api *generator.API) ([]byte, error) {
	if len(api.ServedOperations()) == 0 {
		return nil, nil
	}
	t := newRuntimeText(api)
	t.add(handlerPiece.fixed())
	if usesSecurity(api) {
		kinds := schemeKinds(api)
		t.add(livePiece(func(f *jen.File) { genSchemeType(f, kinds) }))
		t.add(authenticatePiece.fixed())
	}
	if hasStreams(api) {
		t.add(serverStreamPiece.fixed())
	}
	return t.bytes()
}

// The server runtime's pieces.
var (
	handlerPiece = newFixedPiece("handler", func(f *jen.File) {
		genErrorResponse(f)
		genAuthTypes(f)
		genHandlerOptions(f)
		genHandlerType(f)
		genHandlerRuntime(f)
		genRoute(f)
		genRespond(f)
		genWriters(f)
	})
	authenticatePiece = newFixedPiece("authenticate", genAuthenticate)
	serverStreamPiece = newFixedPiece("serverStream", genServerStreamRuntime)
)

// rtHandlerRecv is the receiver of the runtime handler's methods.
func rtHandlerRecv() *jen.Statement { return jen.Id("h").Op("*").Id(rtHandler) }

// errorBody is an ErrorResponse literal.
func errorBody(message jen.Code, problems ...jen.Code) *jen.Statement {
	d := jen.Dict{jen.Id("Message"): message}
	if len(problems) > 0 {
		d[jen.Id("Problems")] = jen.Index().Add(rt("Problem")).Values(problems...)
	}
	return rt("ErrorResponse").Values(d)
}

// problemLit is a Problem literal.
func problemLit(in, name, problem jen.Code) *jen.Statement {
	return jen.Values(jen.Dict{jen.Id("In"): in, jen.Id("Name"): name, jen.Id("Problem"): problem})
}

// writeError is a call of the runtime's ServerWriteError.
func writeError(status, body jen.Code) *jen.Statement {
	return rt("ServerWriteError").Call(jen.Id("w"), status, body)
}

// genErrorResponse renders ErrorResponse, the one shape of every error body.
func genErrorResponse(f *jen.File) {
	f.Comment("ErrorResponse is the JSON body of every error the handler answers itself (400, 401,")
	f.Comment("404, 405, 413, 415, 500, 501, 503) and of errors mapped by WithErrorMapper: a message")
	f.Comment("and the list of problems, empty when there are none.")
	f.Type().Id("ErrorResponse").Struct(
		jen.Id("Message").String().Tag(map[string]string{"json": "message"}),
		jen.Id("Problems").Index().Add(rt("Problem")).Tag(map[string]string{"json": "problems"}),
		jen.Comment("MoreProblems counts the problems found but not listed: the list stops at "+strconv.Itoa(valListed)+",").Line().
			Comment("and checks stop after "+strconv.Itoa(valStopAfter)+" problems.").Line().
			Id("MoreProblems").Int().Tag(map[string]string{"json": "moreProblems,omitempty"}),
	)
}

// genHandlerType renders the runtime handler: the options' settings, the
// mux, and what answers a request that no operation matches.
func genHandlerType(f *jen.File) {
	f.Comment(rtHandler + " is what a generated handler shares with every other: the settings of")
	f.Comment("its options, its ServeMux, and the answers to requests no operation takes.")
	f.Type().Id(rtHandler).Struct(
		jen.Id(rtConfig),
		jen.Id("Mux").Op("*").Qual(pkgHTTP, "ServeMux"),
		jen.Comment("Methods are the methods of the routed operations, for the Allow header of 405.").Line().
			Id("Methods").Index().String(),
		jen.Comment("Routes, when set, reports whether a route of the generated matcher takes the").Line().
			Comment("request's path with method.").Line().
			Id("Routes").Func().Params(requestParam(), jen.Id("method").String()).Bool(),
	)
	f.Comment("Init applies the defaults and opts, and answers on \"/\" the requests that no")
	f.Comment("operation matches.")
	f.Func().Params(rtHandlerRecv()).Id("Init").Params(jen.Id("opts").Index().Id("HandlerOption")).Block(
		jen.Id("h").Dot(rtConfig).Op("=").Id(rtConfig).Values(jen.Dict{
			jen.Id("MaxBodyBytes"): jen.Op("1 << 20"),
			jen.Id("MapError"):     jen.Id("ServerMapError"),
			jen.Id("Logger"):       jen.Qual(pkgSlog, "Default").Call(),
		}),
		jen.For(jen.List(jen.Id("_"), jen.Id("opt")).Op(":=").Range().Id("opts")).Block(
			jen.If(jen.Id("opt").Op("!=").Nil()).Block(jen.Id("opt").Call(jen.Op("&").Id("h").Dot(rtConfig))),
		),
		jen.Id("h").Dot("Mux").Op("=").Qual(pkgHTTP, "NewServeMux").Call(),
		jen.Id("h").Dot("Mux").Dot("HandleFunc").Call(jen.Lit("/"), jen.Id("h").Dot("serveUnrouted")),
	)
}

// genHandlerRuntime renders what every operation's handler shares: panic
// recovery, 404 and 405.
func genHandlerRuntime(f *jen.File) {
	f.Comment("Recover, deferred by ServeHTTP, turns a panic below into a logged 500; the server")
	f.Comment("keeps serving. http.ErrAbortHandler keeps its meaning.")
	f.Func().Params(rtHandlerRecv()).Id("Recover").Params(writerParam(), requestParam()).Block(
		jen.Id("v").Op(":=").Recover(),
		jen.If(jen.Id("v").Op("==").Nil()).Block(jen.Return()),
		jen.If(jen.Id("v").Op("==").Qual(pkgHTTP, "ErrAbortHandler")).Block(jen.Panic(jen.Id("v"))),
		logError("panic while serving a request", slogString("method", jen.Id("r").Dot("Method")), slogString("path", jen.Id("r").Dot("URL").Dot("Path")),
			slogString("panic", jen.Qual(pkgFmt, "Sprint").Call(jen.Id("v"))), slogString("stack", jen.String().Call(jen.Qual(pkgDebug, "Stack").Call()))),
		writeError(jen.Qual(pkgHTTP, "StatusInternalServerError"), errorBody(jen.Lit("internal server error"))),
	)
	f.Comment("serveUnrouted answers a request that no operation matches: 405 with Allow when")
	f.Comment("another method is served on the path, 404 otherwise.")
	f.Func().Params(rtHandlerRecv()).Id("serveUnrouted").Params(writerParam(), requestParam()).Block(
		jen.Var().Id("allow").Index().String(),
		jen.For(jen.List(jen.Id("_"), jen.Id("m")).Op(":=").Range().Id("h").Dot("Methods")).Block(
			jen.Id("probe").Op(":=").New(jen.Qual(pkgHTTP, "Request")),
			jen.Op("*").Id("probe").Op("=").Op("*").Id("r"),
			jen.Id("probe").Dot("Method").Op("=").Id("m"),
			jen.If(
				jen.List(jen.Id("_"), jen.Id("pattern")).Op(":=").Id("h").Dot("Mux").Dot("Handler").Call(jen.Id("probe")),
				jen.Id("pattern").Op("!=").Lit("/").Op("||").Id("h").Dot("Routes").Op("!=").Nil().Op("&&").Id("h").Dot("Routes").Call(jen.Id("r"), jen.Id("m")),
			).Block(jen.Id("allow").Op("=").Append(jen.Id("allow"), jen.Id("m"))),
		),
		jen.If(jen.Len(jen.Id("allow")).Op("==").Lit(0)).Block(
			writeError(jen.Qual(pkgHTTP, "StatusNotFound"), errorBody(jen.Lit("no operation has this path"))),
			jen.Return(),
		),
		jen.Id("w").Dot("Header").Call().Dot("Set").Call(jen.Lit("Allow"), jen.Qual(pkgStrings, "Join").Call(jen.Id("allow"), jen.Lit(", "))),
		writeError(jen.Qual(pkgHTTP, "StatusMethodNotAllowed"),
			errorBody(jen.Lit("method ").Op("+").Id("r").Dot("Method").Op("+").Lit(" is not allowed on this path; use ").Op("+").Qual(pkgStrings, "Join").Call(jen.Id("allow"), jen.Lit(", ")))),
	)
}

// genRespond renders how an operation's failure or problems become an HTTP
// answer.
func genRespond(f *jen.File) {
	f.Comment("Unwritten answers 500 for an answer that could not be written, and logs why.")
	f.Func().Params(rtHandlerRecv()).Id("Unwritten").Params(writerParam(), requestParam(), jen.Id("op").String(), jen.Err().Error()).Block(
		logError("cannot write the answer", slogString("operation", jen.Id("op")), jen.Qual(pkgSlog, "Any").Call(jen.Lit("error"), jen.Err())),
		writeError(jen.Qual(pkgHTTP, "StatusInternalServerError"), errorBody(jen.Lit("internal server error"))),
	)
	f.Comment(errNotImplemented + " is what the methods of " + srvUnimplemented + " return.")
	f.Var().Id(errNotImplemented).Op("=").Qual(pkgErrors, "New").Call(jen.Lit("operation not implemented"))
	f.Comment("Fail answers an error returned by a Server method: " + errNotImplemented + " with 501,")
	f.Comment("anything else through the error mapper; nil, when the method returned no answer")
	f.Comment("either, is an error too.")
	f.Func().Params(rtHandlerRecv()).Id("Fail").Params(writerParam(), requestParam(), jen.Id("op").String(), jen.Err().Error()).Block(
		jen.If(jen.Err().Op("==").Nil()).Block(
			jen.Err().Op("=").Qual(pkgErrors, "New").Call(jen.Lit("the Server method returned neither an answer nor an error")),
		),
		jen.If(jen.Qual(pkgErrors, "Is").Call(jen.Err(), jen.Id(errNotImplemented))).Block(
			writeError(jen.Qual(pkgHTTP, "StatusNotImplemented"), errorBody(jen.Lit("operation ").Op("+").Id("op").Op("+").Lit(" is not implemented"))),
			jen.Return(),
		),
		jen.List(jen.Id("status"), jen.Id("body")).Op(":=").Id("h").Dot("MapError").Call(jen.Id("r").Dot("Context").Call(), jen.Err()),
		jen.If(jen.Id("status").Op("<").Lit(400).Op("||").Id("status").Op(">").Lit(599)).Block(jen.Id("status").Op("=").Qual(pkgHTTP, "StatusInternalServerError")),
		jen.If(jen.Id("status").Op(">=").Lit(500)).Block(
			logError("operation failed", slogString("operation", jen.Id("op")), jen.Qual(pkgSlog, "Int").Call(jen.Lit("status"), jen.Id("status")), jen.Qual(pkgSlog, "Any").Call(jen.Lit("error"), jen.Err())),
		),
		writeError(jen.Id("status"), jen.Id("body")),
	)
	f.Comment("ServerMapError is the default error mapper: a *ValidationError is 400, anything")
	f.Comment("else 500 with a generic message.")
	f.Func().Id("ServerMapError").Add(mapperParams()).Block(
		jen.Var().Id("invalid").Op("*").Add(rt("ValidationError")),
		jen.If(jen.Qual(pkgErrors, "As").Call(jen.Err(), jen.Op("&").Id("invalid"))).Block(
			jen.Return(jen.Qual(pkgHTTP, "StatusBadRequest"), rt("ErrorResponse").Values(jen.Dict{
				jen.Id("Message"): jen.Lit("the request is invalid"), jen.Id("Problems"): jen.Id("invalid").Dot("Problems"),
				jen.Id("MoreProblems"): jen.Id("invalid").Dot("MoreProblems"),
			})),
		),
		jen.Return(jen.Qual(pkgHTTP, "StatusInternalServerError"), errorBody(jen.Lit("internal server error"))),
	)
	f.Comment("Invalid answers 400 with the problems of the request and reports true, or, when")
	f.Comment("the request's context ended the checks, answers 503 and reports true: the Server")
	f.Comment("must not see a request that was not checked to its end. It reports false when the")
	f.Comment("request is valid.")
	f.Func().Params(rtHandlerRecv()).Id("Invalid").Params(writerParam(), jen.Id("c").Add(statePtr())).Bool().Block(
		jen.Switch().Block(
			jen.Case(jen.Id("c").Dot("Cancelled")).Block(
				writeError(jen.Qual(pkgHTTP, "StatusServiceUnavailable"), errorBody(jen.Lit("the request ended before it was checked"))),
			),
			jen.Case(jen.Id("c").Dot("Found").Call().Op(">").Lit(0)).Block(
				writeError(jen.Qual(pkgHTTP, "StatusBadRequest"), rt("ErrorResponse").Values(jen.Dict{
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
	return jen.Params(jen.Id("ctx").Qual(pkgContext, "Context"), jen.Err().Error()).Params(jen.Int(), rt("ErrorResponse"))
}

// genWriters renders the functions that write answers and errors.
func genWriters(f *jen.File) {
	w := writerParam
	f.Comment("ServerWriteError writes an ErrorResponse; the problem list is [] rather than null.")
	f.Func().Id("ServerWriteError").Params(w(), jen.Id("status").Int(), jen.Id("body").Add(rt("ErrorResponse"))).Block(
		jen.If(jen.Id("body").Dot("Problems").Op("==").Nil()).Block(jen.Id("body").Dot("Problems").Op("=").Index().Add(rt("Problem")).Values()),
		jen.If(jen.Id("body").Dot("Message").Op("==").Lit("")).Block(jen.Id("body").Dot("Message").Op("=").Qual(pkgHTTP, "StatusText").Call(jen.Id("status"))),
		jen.List(jen.Id("data"), jen.Id("_")).Op(":=").Qual(pkgJSON, "Marshal").Call(jen.Id("body")),
		jen.Id("w").Dot("Header").Call().Dot("Set").Call(jen.Lit("Content-Type"), jen.Lit("application/json")),
		jen.Id("w").Dot("WriteHeader").Call(jen.Id("status")),
		jen.List(jen.Id("_"), jen.Id("_")).Op("=").Id("w").Dot("Write").Call(jen.Id("data")),
	)
	f.Comment("ServerWriteJSON writes a JSON answer. Encoding comes first, so that a value that")
	f.Comment("cannot be encoded is an error before anything is sent.")
	f.Func().Id("ServerWriteJSON").Params(w(), jen.Id("status").Int(), jen.Id("contentType").String(), jen.Id("body").Any()).Error().Block(
		jen.List(jen.Id("data"), jen.Err()).Op(":=").Qual(pkgJSON, "Marshal").Call(jen.Id("body")),
		jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())),
		jen.Return(rt("ServerWriteBytes").Call(jen.Id("w"), jen.Id("status"), jen.Id("contentType"), jen.Id("data"))),
	)
	f.Comment("ServerWriteStatus writes an answer without a body.")
	f.Func().Id("ServerWriteStatus").Params(w(), jen.Id("status").Int()).Error().Block(
		jen.Id("w").Dot("WriteHeader").Call(jen.Id("status")),
		jen.Return(jen.Nil()),
	)
	f.Comment("ServerWriteBytes writes an answer whose body is ready.")
	f.Func().Id("ServerWriteBytes").Params(w(), jen.Id("status").Int(), jen.Id("contentType").String(), jen.Id("data").Index().Byte()).Error().Block(
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
	return jen.Id("h").Dot("Logger").Dot("LogAttrs").Call(args...)
}

// slogString is the slog.String attribute key, value.
func slogString(key string, value jen.Code) jen.Code {
	return jen.Qual(pkgSlog, "String").Call(jen.Lit(key), value)
}
