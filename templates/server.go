package templates

import (
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
	c := plannedChecks(api)
	f := newFile(api)
	genServerInterface(f, api)
	genUnimplemented(f, api)
	for _, o := range api.ServedOperations() {
		genServerInput(f, o)
		genServerOutput(f, o)
	}
	genServerAliases(f)
	genHandlerOptionCalls(f)
	genOperationType(f)
	genNewHandler(f, api)
	genServeHTTP(f, api)
	genRouteOperation(f)
	genAnswerRuntime(f, api)
	genServerRoutes(f, api)
	if hasStreams(api) {
		genServerStreamWriter(f)
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
	c := plannedChecks(api)
	f := newFile(api)
	genSecurity(f, api)
	genParamOfRuntime(f, paramReadersOf(api))
	if unions, lists := unionParams(api); unions {
		genParseUnionRuntime(f, lists)
	}
	if c.readsBodies(api) {
		genReadBody(f)
	}
	if c.decodesObjects(api) {
		genDecodeObjectRuntime(f)
	}
	genStreamBody(f, api)
	if hasForms(api) || hasMultipart(api) || api.HasDeepObjects() {
		genServerForm(f)
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
		for _, body := range fieldBodies(o) {
			text := bodyField(body) + " is the request body (" + strings.Join(fieldMediaTypes(o, body), ", ") + ")"
			if body.Kind == generator.BodyBinary {
				text += ", read from the connection as the implementation reads it (the handler's body size limit does not apply)"
			}
			switch {
			case len(o.Body.Alternates) > 0:
				text += "; set when the request is of such a content type (see " + bodyTypeField + ")"
			case !body.Required:
				text += "; nil when the request has none"
			}
			if body.Doc != "" {
				text += ": " + strings.TrimSuffix(body.Doc, ".")
			}
			g.Add(doc(text + ".")).Id(bodyField(body)).Add(bodyType(body))
		}
		switch {
		case o.Body != nil && len(o.Body.Alternates) > 0:
			g.Add(doc(bodyTypeField + " is the request's Content-Type, which says which body field is set.")).Id(bodyTypeField).String()
		case o.Body != nil && openMediaType(o.Body):
			g.Add(doc(bodyTypeField + " is the request's Content-Type: the spec takes any " + o.Body.ContentType + ".")).Id(bodyTypeField).String()
		}
	})
}

// bodyField names the input field of a request body: Body for the
// preferred one, FormBody, MultipartBody… for the others.
func bodyField(b *generator.RequestBody) string {
	if b.ServerField != "" {
		return b.ServerField
	}
	return generator.ServerBodyField
}

// bodyTypeField names the Input field that holds the Content-Type of a body
// whose media type the spec leaves open.
const bodyTypeField = generator.ServerBodyField + "ContentType"

// openMediaType reports whether a streamed body's media type is a range
// (*/*, image/*), so that the implementation needs the type sent.
func openMediaType(b *generator.RequestBody) bool {
	return b.Kind == generator.BodyBinary && strings.Contains(b.ContentType, "*")
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
