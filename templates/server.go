package templates

import (
	"fmt"
	"strings"

	"github.com/dave/jennifer/jen"
	"github.com/seed-0d47db62/livegen/generator"
)

const (
	pkgSlog  = "log/slog"
	pkgDebug = "runtime/debug"
	pkgMime  = "mime"
	pkgB64   = "encoding/base64"
	pkgSync  = "sync"
)

// Server renders server.gen.go: the Server interface a team implements,
// typed inputs and answers, and NewHandler, a validating http.Handler that
// routes with http.ServeMux and serves each operation. nil when the API has
// no operation.
func Server(api *generator.API) ([]byte, error) {
	if len(api.ServedOperations()) == 0 {
		return nil, nil
	}
	c := newChecks(api)
	f := newFile(api)
	genServerInterface(f, api)
	genUnimplemented(f, api)
	for _, o := range api.ServedOperations() {
		genServerInput(f, o)
		genServerOutput(f, o)
	}
	genErrorResponse(f)
	genHandlerOptions(f)
	genAuthTypes(f)
	genOperationType(f)
	genNewHandler(f, api)
	genHandlerRuntime(f, api)
	genServerRoutes(f, api)
	if hasStreams(api) {
		genServerStreamRuntime(f)
	}
	genWebhookReceiver(f, api)
	for _, o := range api.ServedOperations() {
		if o.ServerPattern != "" {
			genOperationVar(f, o)
			genServeOperation(f, c, o)
		}
	}
	return render(f)
}

// ServerDecode renders server_decode.gen.go, how the handler reads a
// request: credentials, parameters, and bodies walked for every problem
// before they are decoded. nil when the API has no operation.
func ServerDecode(api *generator.API) ([]byte, error) {
	if len(api.ServedOperations()) == 0 {
		return nil, nil
	}
	c := newChecks(api)
	f := newFile(api)
	genSecurity(f, api)
	genParamRuntime(f)
	genBodyRuntime(f)
	genStreamBody(f, api)
	if hasForms(api) || hasMultipart(api) || api.HasDeepObjects() {
		genServerForm(f)
	}
	if api.HasDeepObjects() {
		genParamJSONError(f)
	}
	if hasMultipart(api) {
		genServerMultipart(f)
	}
	genWalkers(f, c, api)
	return render(f)
}

// genServerInterface renders Server, one method per operation.
func genServerInterface(f *jen.File, api *generator.API) {
	f.Comment("Server is what a team implements to serve " + orDefault(api.Title, "the API") + ", or to fake it in")
	f.Comment("tests. NewHandler decodes and validates each request before it calls a method,")
	f.Comment("and writes the answer the method returns. Each method answers with one of the")
	f.Comment("types of its Output interface, one per response the spec documents, so that it")
	f.Comment("cannot send a status or a body that the spec does not allow. An error goes")
	f.Comment("through the handler's error mapper (see WithErrorMapper).")
	f.Type().Id("Server").InterfaceFunc(func(g *jen.Group) {
		for _, o := range api.Operations {
			g.Add(doc(operationDoc(o))).Id(o.Name).Params(
				jen.Id("ctx").Qual(pkgContext, "Context"), jen.Id("in").Id(o.ServerInput),
			).Params(jen.Id(o.ServerOutput), jen.Error())
		}
	})
}

// operationDoc documents an operation: summary, route, description.
func operationDoc(o *generator.Operation) string {
	text := o.Name + " serves " + o.Method + " " + o.Path
	if o.Webhook != "" {
		text = o.Name + " receives the webhook " + o.Webhook + " (" + o.Method + ")"
	}
	if o.Summary != "" {
		text += ": " + strings.TrimSuffix(o.Summary, ".")
	}
	text += "."
	if o.Description != "" {
		text += "\n\n" + o.Description
	}
	if o.Deprecated {
		text += "\n\nDeprecated: the spec marks this operation as deprecated."
	}
	return text
}

// genServerInput renders the input struct of an operation.
func genServerInput(f *jen.File, o *generator.Operation) {
	f.Commentf("%s is the request of %s, decoded and validated.", o.ServerInput, o.Name)
	f.Type().Id(o.ServerInput).StructFunc(func(g *jen.Group) {
		for i, p := range o.PathParams {
			g.Add(doc(paramDoc(p))).Id(o.ServerPathFields[i]).Add(typeRef(p.Type))
		}
		if o.ParamsType != "" {
			g.Add(doc(generator.ServerParamsField + " are the query, header and cookie parameters.")).
				Id(generator.ServerParamsField).Id(o.ParamsType)
		}
		if o.Body != nil {
			text := generator.ServerBodyField + " is the request body (" + o.Body.ContentType + ")"
			if o.Body.Kind == generator.BodyBinary {
				text += ", read from the connection as the implementation reads it (the handler's body size limit does not apply)"
			}
			if !o.Body.Required {
				text += "; nil when the request has none"
			}
			if o.Body.Doc != "" {
				text += ": " + o.Body.Doc
			}
			g.Add(doc(text + ".")).Id(generator.ServerBodyField).Add(bodyType(o.Body))
		}
	})
}

// bodyType is the Go type of a request body in an input: a pointer when the
// body is optional and nil cannot already say that it is absent.
func bodyType(b *generator.RequestBody) *jen.Statement {
	if b.Kind == generator.BodyBinary {
		return jen.Qual(pkgIO, "Reader")
	}
	if !b.Required && !b.Type.IsCollection() && b.Type.Kind != generator.RefAny {
		return jen.Op("*").Add(typeRef(b.Type))
	}
	return typeRef(b.Type)
}

// bodyByPointer mirrors bodyType.
func bodyByPointer(b *generator.RequestBody) bool {
	return b.Kind != generator.BodyBinary && !b.Required && !b.Type.IsCollection() && b.Type.Kind != generator.RefAny
}

// genServerOutput renders the sealed Output interface of an operation and
// one type per documented response.
func genServerOutput(f *jen.File, o *generator.Operation) {
	names := make([]string, len(o.Responses))
	for i, r := range o.Responses {
		names[i] = r.ServerName
	}
	text := fmt.Sprintf("%s is an answer of %s: %s.", o.ServerOutput, o.Name, orList(names))
	if len(names) == 0 {
		text = fmt.Sprintf("%s is an answer of %s. The spec documents no response, so there is none to give: the method can only return an error.", o.ServerOutput, o.Name)
	}
	f.Add(doc(text).Type().Id(o.ServerOutput).Interface(
		jen.Id(serverAnswer),
		jen.Id(outputMarker(o)).Params(),
	))
	for _, r := range o.Responses {
		genServerAnswer(f, o, r)
	}
}

// serverAnswer is the interface every answer type implements.
const serverAnswer = "serverAnswer"

// outputMarker is the method that seals an operation's Output interface.
func outputMarker(o *generator.Operation) string { return "is" + o.ServerOutput }

// orList joins names as "A, B or C".
func orList(names []string) string {
	switch len(names) {
	case 0:
		return ""
	case 1:
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
}

// genServerAnswer renders one answer type: its fields, its marker method and
// the method that writes it.
func genServerAnswer(f *jen.File, o *generator.Operation, r *generator.Response) {
	text := fmt.Sprintf("%s is the %s answer of %s", r.ServerName, r.StatusText(), o.Name)
	if r.Description != "" {
		text += ": " + r.Description
	} else {
		text += "."
	}
	f.Add(doc(text).Type().Id(r.ServerName).StructFunc(func(g *jen.Group) {
		if low, high, ok := statusRange(r); ok {
			g.Add(doc(fmt.Sprintf("%s is the status code to send, %d to %d.", generator.ServerStatusField, low, high))).
				Id(generator.ServerStatusField).Int()
		}
		switch {
		case r.Type != nil && r.Kind == generator.BodyBinary:
			g.Add(doc(generator.ServerBodyField+" is the response body ("+r.ContentType+"), copied to the client as it is read; it is closed after, when it is an io.Closer. nil sends no body.")).
				Id(generator.ServerBodyField).Qual(pkgIO, "Reader")
		case r.Type != nil:
			text := generator.ServerBodyField + " is the response body (" + r.ContentType + ")."
			if r.Stream != nil && !r.JSON {
				text = generator.ServerBodyField + " is the response body (" + r.ContentType + "), already framed: sent as it is when " + generator.ServerEventsField + " is nil."
			}
			g.Add(doc(text)).Id(generator.ServerBodyField).Add(typeRef(r.Type))
		}
		if r.Stream != nil {
			genEventsField(g, r)
		}
		for i, h := range r.Headers {
			g.Add(doc(headerDoc(r.ServerHeaderFields[i], h))).Id(r.ServerHeaderFields[i]).Add(paramType(h))
		}
	}))
	f.Commentf("%s makes %s an answer of %s.", outputMarker(o), r.ServerName, o.Name)
	f.Func().Params(jen.Id(r.ServerName)).Id(outputMarker(o)).Params().Block()
	f.Commentf("writeAnswer writes the %s answer.", r.StatusText())
	f.Func().Params(jen.Id("v").Id(r.ServerName)).Id("writeAnswer").Params(jen.Id("w").Qual(pkgHTTP, "ResponseWriter")).Error().BlockFunc(func(g *jen.Group) {
		status := jen.Lit(r.Status)
		if low, high, ok := statusRange(r); ok {
			status = jen.Id("v").Dot(generator.ServerStatusField)
			g.If(jen.Id("v").Dot(generator.ServerStatusField).Op("<").Lit(low).Op("||").Id("v").Dot(generator.ServerStatusField).Op(">").Lit(high)).Block(
				jen.Return(jen.Qual(pkgFmt, "Errorf").Call(jen.Lit(fmt.Sprintf("%s: status %%d is not in %d-%d", r.ServerName, low, high)), jen.Id("v").Dot(generator.ServerStatusField))),
			)
		}
		for i, h := range r.Headers {
			genSetHeader(g, h, jen.Id("v").Dot(r.ServerHeaderFields[i]))
		}
		if r.Stream != nil {
			genWriteEvents(g, r, status)
		}
		genWriteBody(g, r, status)
	})
}

// statusRange is the range of codes a range or default answer may use.
func statusRange(r *generator.Response) (int, int, bool) {
	switch {
	case r.Default:
		return 200, 599, true
	case r.Range > 0:
		return r.Range * 100, r.Range*100 + 99, true
	}
	return 0, 0, false
}

// genSetHeader writes one response header; an optional one only when set.
func genSetHeader(g *jen.Group, h *generator.Param, x *jen.Statement) {
	set := func(v jen.Code) *jen.Statement {
		return jen.Id("w").Dot("Header").Call().Dot("Set").Call(jen.Lit(h.Name), formatValue(h.Type, v))
	}
	switch {
	case h.ByPointer():
		g.If(x.Clone().Op("!=").Nil()).Block(set(jen.Op("*").Add(x.Clone())))
	case h.Type.IsCollection() && !h.Required:
		g.If(jen.Len(x.Clone()).Op(">").Lit(0)).Block(set(x.Clone()))
	default:
		g.Add(set(x.Clone()))
	}
}

// genWriteBody writes the status and body of an answer.
func genWriteBody(g *jen.Group, r *generator.Response, status jen.Code) {
	switch {
	case r.Type == nil:
		g.Id("w").Dot("WriteHeader").Call(status)
		g.Return(jen.Nil())
	case r.Kind == generator.BodyBinary:
		g.Return(jen.Id("serverWriteStream").Call(jen.Id("w"), status, jen.Lit(r.ContentType), jen.Id("v").Dot(generator.ServerBodyField)))
	case r.JSON:
		body := jen.Id("v").Dot(generator.ServerBodyField)
		if r.Type.Kind == generator.RefSlice {
			// The schema is an array: a nil slice is written as [], not null.
			g.Id("body").Op(":=").Add(body)
			g.If(jen.Id("body").Op("==").Nil()).Block(jen.Id("body").Op("=").Add(typeRef(r.Type)).Values())
			body = jen.Id("body")
		}
		switch {
		case !answerAppendable(r.Type):
			g.Return(jen.Id("serverWriteJSON").Call(jen.Id("w"), status, jen.Lit(r.ContentType), body))
		case r.Type.Kind == generator.RefSlice:
			g.Return(jen.Id("serverWriteAppended").Call(jen.Id("w"), status, jen.Lit(r.ContentType), jen.Id("jsonList").Types(typeRef(r.Type.Elem)).Call(body)))
		default:
			g.Return(jen.Id("serverWriteAppended").Call(jen.Id("w"), status, jen.Lit(r.ContentType), body))
		}
	default:
		g.Return(jen.Id("serverWriteBytes").Call(jen.Id("w"), status, jen.Lit(r.ContentType), jen.Index().Byte().Call(jen.Id("v").Dot(generator.ServerBodyField))))
	}
}

// headerDoc documents the field of a response header.
func headerDoc(field string, h *generator.Param) string {
	text := field + " is the " + h.Name + " header"
	if h.Required {
		text += " (required)"
	} else {
		text += "; it is left out when unset"
	}
	if h.Doc != "" {
		text += ": " + h.Doc
	} else {
		text += "."
	}
	return text
}
