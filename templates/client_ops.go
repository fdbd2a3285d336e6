package templates

import (
	"slices"
	"strings"

	"github.com/dave/jennifer/jen"
	"github.com/seed-0d47db62/livegen/generator"
)

// genClientMethod renders the method of one operation: build the call from
// the path, parameters and body, send it, and turn the answer into the
// typed result or an *APIError.
func (g *clientGen) genClientMethod(f *jen.File, op *generator.Operation) {
	if op.Body != nil && len(op.Body.ClientAlternates()) > 0 {
		g.genClientBodyMethods(f, op)
		return
	}
	g.genClientCall(f, op, op.Name, clientMethodDoc(op), g.clientMethodParams(op))
}

// genClientCall renders a method that sends an operation and reads its answer.
func (g *clientGen) genClientCall(f *jen.File, op *generator.Operation, name, text string, params []jen.Code) {
	errors := g.clientErrorTable(f, op)
	desc := g.clientOpDesc(f, op, name, clientAccept(op))
	f.Add(declDoc(name, text).Func().Params(jen.Id("c").Op("*").Id("Client")).Id(name).Params(params...).Add(clientMethodResults(op)).BlockFunc(func(b *jen.Group) {
		g.genCallSetup(b, op, desc)
		if answer := clientGenericAnswer(op, errors); answer != nil {
			for _, line := range answer {
				b.Add(line)
			}
			return
		}
		b.List(jen.Id("resp"), jen.Err()).Op(":=").Id("c").Dot("engine").Dot("Send").Call(jen.Id("ctx"), jen.Id("s"))
		b.Add(clientIfErr(clientFailResults(op, jen.Err())...))
		b.Switch().BlockFunc(func(sw *jen.Group) {
			for _, r := range op.Successes {
				sw.Case(clientSuccessCond(op, r)).Block(clientSuccessReturn(op, r)...)
			}
			if !clientTakesEvery2xx(op) {
				sw.Case(jen.Id("resp").Dot("Status").Op("/").Lit(100).Op("==").Lit(2)).Block(clientUndocumentedSuccess(op)...)
			}
		})
		b.Return(clientFailResults(op, jen.Id("resp").Dot("FailWith").Call(jen.Id("s"), errors))...)
	}))
}

// genCallSetup renders how every method of an operation starts: the call
// from the operation's description desc (g.clientOpDesc) and its path, the
// path checks, the parameters and the body. An error building the call is
// kept in it, and send returns it unsent.
func (g *clientGen) genCallSetup(b *jen.Group, op *generator.Operation, desc jen.Code) {
	b.Id("s").Op(":=").Op("&").Add(rt("ClientCall")).Values()
	b.Id("s").Dot("Start").Call(jen.Op("&").Add(desc), g.clientPathExpr(op), jen.Id("opts"))
	g.genPathChecks(b, op)
	if clientStreams(op) {
		b.Id("s").Dot("StreamAnswer").Op("=").True()
	}
	if op.ParamsType != "" {
		b.If(jen.Id("params").Op("!=").Nil()).BlockFunc(func(pb *jen.Group) {
			g.genParamsEncoding(pb, op)
		})
	}
	genFixedQuery(b, op)
	g.genBodyEncoding(b, op)
}

// clientMethodDoc documents a method from the spec: summary, description,
// the request line, and what each documented answer becomes.
func clientMethodDoc(op *generator.Operation) string {
	var parts []string
	head := op.Summary
	if head == "" {
		head = op.Method + " " + op.Path + "."
	}
	parts = append(parts, head)
	if op.Description != "" && op.Description != op.Summary {
		parts = append(parts, op.Description)
	}
	parts = append(parts, "It sends "+op.Method+" "+op.Path+" (operationId "+op.ID+").")
	if op.Body != nil && op.Body.Kind == generator.BodyBinary {
		parts = append(parts, clientStreamBodyNote)
	}
	if clientStreams(op) {
		parts = append(parts, "A success body is returned unread, as it arrives, whatever its size: the caller reads it and must close it.")
	}
	if len(op.Responses) > 0 {
		lines := []string{"Answers:"}
		for _, r := range op.Responses {
			item := r.StatusText() + " (" + clientAnswerRole(op, r) + "): " + orDefault(r.Description, "not described")
			lines = append(lines, clientListItem(item, commentWidth-4)...)
		}
		parts = append(parts, strings.Join(lines, "\n"))
	}
	if op.Deprecated {
		parts = append(parts, "Deprecated: the spec marks this operation as deprecated.")
	}
	return strings.Join(parts, "\n\n")
}

// clientStreamBodyNote documents a method that streams its body.
const clientStreamBodyNote = "The body is read as it is sent and is not closed. A body that does not implement io.Seeker is sent once: the call is not retried; one that seeks is rewound for each retry and its size sent as Content-Length."

// clientListItem writes text as a doc comment list item, wrapped at width
// with continuation lines indented under the item.
func clientListItem(text string, width int) []string {
	lines := wrap(text, width)
	for i := range lines {
		prefix := "    "
		if i == 0 {
			prefix = "  - "
		}
		lines[i] = prefix + lines[i]
	}
	return lines
}

// clientAnswerRole says what a documented answer becomes for the caller.
func clientAnswerRole(op *generator.Operation, r *generator.Response) string {
	for _, s := range op.Successes {
		if s != r {
			continue
		}
		switch {
		case op.ResultType != "":
			return "result " + r.ResultField
		case r.Type == nil:
			return "success"
		default:
			return "result"
		}
	}
	return "*APIError"
}

// clientMethodParams lists ctx, the path parameters, the params struct and
// the body of a call, then the extra parameters and opts.
func (g *clientGen) clientMethodParams(op *generator.Operation, extra ...jen.Code) []jen.Code {
	params := []jen.Code{clientCtxParam()}
	for _, p := range op.PathParams {
		params = append(params, jen.Id(p.LocalName).Add(typeRef(p.Type)))
	}
	if op.ParamsType != "" {
		params = append(params, jen.Id("params").Op("*").Id(op.ParamsType))
	}
	if op.Body != nil {
		params = append(params, jen.Id("body").Add(clientBodyType(op.Body)))
	}
	params = append(params, extra...)
	return append(params, clientOptsParam())
}

// clientCallArgs are the arguments that pass a method's own parameters on
// to the method of the operation, for the iterators and bulk helpers.
func clientCallArgs(op *generator.Operation, params, body jen.Code) []jen.Code {
	args := []jen.Code{jen.Id("ctx")}
	for _, p := range op.PathParams {
		args = append(args, jen.Id(p.LocalName))
	}
	if op.ParamsType != "" {
		args = append(args, params)
	}
	if op.Body != nil {
		args = append(args, body)
	}
	return append(args, jen.Id("opts").Op("..."))
}

// clientBodyType is the Go type of a body parameter: a pointer when the body
// is optional, unless nil already says "absent" (slices, maps, any).
func clientBodyType(body *generator.RequestBody) *jen.Statement {
	if body.Kind == generator.BodyBinary {
		return jen.Qual(pkgIO, "Reader")
	}
	if !body.Required && !body.Type.IsCollection() && body.Type.Kind != generator.RefAny {
		return jen.Op("*").Add(typeRef(body.Type))
	}
	return typeRef(body.Type)
}

// clientResultType is the Go type a method returns besides its error; nil
// when it returns only an error.
func clientResultType(op *generator.Operation) *jen.Statement {
	if op.ResultType != "" {
		return jen.Op("*").Id(op.ResultType)
	}
	if len(op.Successes) != 1 || op.Successes[0].Type == nil {
		return nil
	}
	r := op.Successes[0]
	if r.Raw {
		return clientRawType(op, r)
	}
	if r.ResultByPointer {
		return jen.Op("*").Add(typeRef(r.Type))
	}
	return typeRef(r.Type)
}

func clientMethodResults(op *generator.Operation) jen.Code {
	if t := clientResultType(op); t != nil {
		return jen.Params(t, jen.Error())
	}
	return jen.Error()
}

// clientFailResults returns err with the zero result.
func clientFailResults(op *generator.Operation, err jen.Code) []jen.Code {
	if clientResultType(op) == nil {
		return []jen.Code{err}
	}
	return []jen.Code{clientZero(op), err}
}

// clientZero is the zero value of a method's result.
func clientZero(op *generator.Operation) jen.Code {
	if r := op.Successes[0]; r.Raw && r.Kind == generator.BodyText {
		return jen.Lit("")
	}
	if op.ResultType != "" || op.Successes[0].Raw || op.Successes[0].ResultByPointer {
		return jen.Nil()
	}
	return clientZeroOf(op.Successes[0].Type)
}

// clientZeroOf is the zero value of a type as a literal.
func clientZeroOf(t *generator.TypeRef) jen.Code {
	base := clientUnalias(t)
	switch base.Kind {
	case generator.RefString:
		return jen.Lit("")
	case generator.RefInt, generator.RefInt32, generator.RefInt64, generator.RefFloat32, generator.RefFloat64:
		return jen.Lit(0)
	case generator.RefBool:
		return jen.False()
	case generator.RefTime:
		return typeRef(t).Values()
	case generator.RefNamed:
		if base.Named.Kind == generator.KindEnum {
			if base.Named.Enum.Base == generator.RefString {
				return jen.Lit("")
			}
			return jen.Lit(0)
		}
		return typeRef(t).Values()
	}
	return jen.Nil()
}

// clientUnalias follows named alias types down to the type they stand for.
func clientUnalias(t *generator.TypeRef) *generator.TypeRef {
	for t.Kind == generator.RefNamed && t.Named.Kind == generator.KindAlias {
		t = t.Named.Alias
	}
	return t
}

// clientMethodConst is the net/http constant of a method.
func clientMethodConst(method string) string {
	switch method {
	case "CONNECT":
		return "MethodConnect"
	case "OPTIONS":
		return "MethodOptions"
	}
	return "Method" + method[:1] + strings.ToLower(method[1:])
}

// clientOpDesc declares, before the method name, the clientOp that its calls
// start from: the operation's id, method, the Accept header accept and its
// security alternatives as scheme keys, identical alternatives (that differ
// only in scopes) written once, empty for an open operation, nil when the
// spec states no requirement (every credential is sent). Static data, so
// that a method passes one pointer and builds no literal.
func (g *clientGen) clientOpDesc(f *jen.File, op *generator.Operation, name, accept string) jen.Code {
	fields := jen.Dict{jen.Id("ID"): jen.Lit(op.ID), jen.Id("Method"): jen.Qual(pkgHTTP, clientMethodConst(op.Method))}
	if accept != "" {
		fields[jen.Id("Accept")] = jen.Lit(accept)
	}
	switch {
	case !g.auth, op.SecurityUnstated: // nil: every credential is sent
	default:
		seen := map[string]bool{}
		alts := []jen.Code{}
		for _, req := range op.Security {
			var keys []string
			for _, use := range req.Schemes {
				keys = append(keys, use.Scheme.Key)
			}
			id := strings.Join(keys, "\x00")
			if seen[id] {
				continue
			}
			seen[id] = true
			lits := make([]jen.Code, len(keys))
			for i, k := range keys {
				lits[i] = jen.Lit(k)
			}
			alts = append(alts, jen.Values(lits...))
		}
		fields[jen.Id("Security")] = jen.Index().Index().String().Values(alts...)
	}
	return g.clientShared(f, "clientOp"+name, "is how the calls of "+name+" start.", rt("ClientOp").Values(fields))
}

// clientAccept is the Accept header of a call: the media types of its
// documented answers, in status order, each once, JSON written as
// application/json; empty when no answer has a body.
func clientAccept(op *generator.Operation) string {
	var types []string
	for _, r := range op.Responses {
		ct := r.ContentType
		if r.JSON {
			ct = "application/json"
		}
		if ct != "" && !slices.Contains(types, ct) {
			types = append(types, ct)
		}
	}
	return strings.Join(types, ", ")
}

// genBodyEncoding sets the request body: JSON encoded, or bytes as given.
func (g *clientGen) genBodyEncoding(b *jen.Group, op *generator.Operation) {
	switch {
	case op.Body == nil:
	case g.bodyFromSetter:
		b.Id("setBody").Call(jen.Id("s"))
	default:
		g.encodeBody(b, op.Body)
	}
}

// encodeBody sets a request body of one kind on the call s.
func (g *clientGen) encodeBody(b *jen.Group, body *generator.RequestBody) {
	var set jen.Code
	switch {
	case body.Kind == generator.BodyBinary:
		set = jen.Id("s").Dot("SetStream").Call(jen.Lit(sentContentType(body.ContentType)), jen.Id("body"))
	case body.Kind == generator.BodyForm:
		set = jen.Id("s").Dot("Keep").Call(jen.Id("s").Dot("SetForm").Call(jen.Lit(body.ContentType), jen.Id("body"), formStylesLit(body)))
	case body.Kind == generator.BodyMultipart:
		set = jen.Id("s").Dot("Keep").Call(jen.Id("s").Dot("SetMultipart").Call(jen.Id("body"), clientPartsLit(body)))
	case body.Kind == generator.BodyText && body.Required:
		set = jen.Id("s").Dot("SetBody").Call(jen.Lit(body.ContentType), jen.Index().Byte().Call(jen.Id("body")))
	case body.Kind == generator.BodyText:
		set = jen.Id("s").Dot("SetBody").Call(jen.Lit(body.ContentType), jen.Index().Byte().Call(jen.Op("*").Id("body")))
	case body.Type.Kind == generator.RefBytes && (!body.JSON || body.Type.Format == ""):
		set = jen.Id("s").Dot("SetBody").Call(jen.Lit(body.ContentType), jen.Id("body"))
	case !body.Required && !body.Type.IsCollection() && body.Type.Kind != generator.RefAny:
		g.usesOptJSON = true
		b.Add(rt("ClientOptJSON")).Call(jen.Id("s"), jen.Lit(body.ContentType), jen.Id("body").Op("!=").Nil(), jen.Id("body"))
		return
	default:
		set = jen.Id("s").Dot("SetJSON").Call(jen.Lit(body.ContentType), jen.Id("body"))
	}
	if body.Required {
		b.Add(set)
		return
	}
	b.If(jen.Id("body").Op("!=").Nil()).Block(set)
}

// clientSuccessCond selects a success answer. A single success takes every
// 2xx status, as servers drift between 200, 201 and 204; several successes
// are told apart by their exact status.
func clientSuccessCond(op *generator.Operation, r *generator.Response) jen.Code {
	if len(op.Successes) == 1 || r.Range == 2 {
		return jen.Id("resp").Dot("Status").Op("/").Lit(100).Op("==").Lit(2)
	}
	return jen.Id("resp").Dot("Status").Op("==").Lit(r.Status)
}

// clientTakesEvery2xx reports whether the success answers of an operation
// take every 2xx status (see clientSuccessCond).
func clientTakesEvery2xx(op *generator.Operation) bool {
	if len(op.Successes) == 1 {
		return true
	}
	for _, r := range op.Successes {
		if r.Range == 2 {
			return true
		}
	}
	return false
}

// clientUndocumentedSuccess returns from a 2xx status that the spec does not
// document for the operation: a success all the same, with a result whose
// fields are all zero; RecordAnswer tells the caller the status and body. A
// streamed body that no result carries is closed.
func clientUndocumentedSuccess(op *generator.Operation) []jen.Code {
	var out []jen.Code
	if clientStreams(op) {
		out = append(out, rt("ClientDiscard").Call(jen.Id("resp").Dot("Stream")))
	}
	switch {
	case op.ResultType != "":
		return append(out, jen.Return(jen.Op("&").Id(op.ResultType).Values(), jen.Nil()))
	case clientResultType(op) != nil:
		return append(out, jen.Return(clientZero(op), jen.Nil()))
	}
	return append(out, jen.Return(jen.Nil()))
}

// clientSuccessReturn turns a success answer into the method's result.
func clientSuccessReturn(op *generator.Operation, r *generator.Response) []jen.Code {
	result := func(value jen.Code) jen.Code {
		if op.ResultType == "" {
			return value
		}
		return jen.Op("&").Id(op.ResultType).Values(jen.Dict{jen.Id(r.ResultField): value})
	}
	switch {
	case r.Type == nil && op.ResultType == "":
		return []jen.Code{jen.Return(jen.Nil())}
	case r.Type == nil:
		return []jen.Code{jen.Return(result(jen.True()), jen.Nil())}
	case r.Raw && clientStreamed(op, r):
		return []jen.Code{jen.Return(result(jen.Id("resp").Dot("Stream")), jen.Nil())}
	case r.Raw && r.Kind == generator.BodyText && op.ResultType == "":
		return []jen.Code{jen.Return(jen.String().Call(jen.Id("resp").Dot("Body")), jen.Nil())}
	case r.Raw && r.Kind == generator.BodyText:
		return []jen.Code{
			jen.Id("text").Op(":=").String().Call(jen.Id("resp").Dot("Body")),
			jen.Return(result(jen.Op("&").Id("text")), jen.Nil()),
		}
	case r.Raw && op.ResultType == "":
		return []jen.Code{jen.Return(jen.Id("resp").Dot("Body"), jen.Nil())}
	case r.Raw:
		return []jen.Code{jen.Return(result(jen.Op("&").Id("resp").Dot("Body")), jen.Nil())}
	}
	value := jen.Id("r")
	if op.ResultType == "" && !r.ResultByPointer {
		value = jen.Op("*").Id("r")
	}
	return []jen.Code{
		jen.Id("r").Op(":=").New(typeRef(r.Type)),
		jen.If(jen.Err().Op("=").Id("resp").Dot("Decode").Call(jen.Id("s"), jen.Id("r")), jen.Err().Op("!=").Nil()).Block(
			jen.Return(clientFailResults(op, jen.Err())...),
		),
		jen.Return(result(value), jen.Nil()),
	}
}

// clientErrorResponses are the documented answers that are not successes,
// exact codes and ranges; the default answer is the fallback.
func clientErrorResponses(op *generator.Operation) []*generator.Response {
	var out []*generator.Response
	for _, r := range op.Responses {
		if r.Default || clientIsSuccess(op, r) {
			continue
		}
		out = append(out, r)
	}
	return out
}

func clientIsSuccess(op *generator.Operation, r *generator.Response) bool {
	for _, s := range op.Successes {
		if s == r {
			return true
		}
	}
	return false
}

// clientDefaultResponse is the default answer, nil when there is none.
func clientDefaultResponse(op *generator.Operation) *generator.Response {
	for _, r := range op.Responses {
		if r.Default {
			return r
		}
	}
	return nil
}

// genResultType renders the result struct of an operation with several
// success answers: one field per answer, set after the status.
func (g *clientGen) genResultType(f *jen.File, op *generator.Operation) {
	if op.ResultType == "" {
		return
	}
	text := op.ResultType + " is the success answer of " + op.Name + ": the field of the status that the server answered is set, and the others are zero. All are zero for a 2xx status that the spec does not document (RecordAnswer tells which)."
	f.Add(doc(text).Type().Id(op.ResultType).StructFunc(func(s *jen.Group) {
		for _, r := range op.Successes {
			what, t := "set", jen.Bool()
			switch {
			case r.Type == nil:
				what = "true"
			case r.Raw && clientStreamed(op, r):
				t = clientRawType(op, r)
			case r.Raw:
				t = jen.Op("*").Add(clientRawType(op, r))
			default:
				t = jen.Op("*").Add(typeRef(r.Type))
			}
			text := r.ResultField + " is " + what + " for status " + r.StatusText()
			if r.Description != "" {
				text += ": " + r.Description
			}
			s.Add(doc(text)).Id(r.ResultField).Add(t)
		}
	}))
}

// clientStreams reports whether a call hands its success body over unread:
// every success answer with a body is binary. An operation that mixes binary
// and other successes reads its binary answers whole, as bytes.
func clientStreams(op *generator.Operation) bool {
	streams := false
	for _, r := range op.Successes {
		switch {
		case r.Type == nil:
		case r.Kind == generator.BodyBinary:
			streams = true
		default:
			return false
		}
	}
	return streams
}

// clientStreamed reports whether an answer reaches the caller as an
// io.ReadCloser.
func clientStreamed(op *generator.Operation, r *generator.Response) bool {
	return r.Kind == generator.BodyBinary && clientStreams(op)
}

// clientRawType is the Go type of an answer that is not decoded from JSON:
// a stream the caller closes, a string of text, or bytes.
func clientRawType(op *generator.Operation, r *generator.Response) *jen.Statement {
	switch {
	case clientStreamed(op, r):
		return jen.Qual(pkgIO, "ReadCloser")
	case r.Kind == generator.BodyText:
		return jen.String()
	}
	return jen.Index().Byte()
}

// sentContentType is the Content-Type a client sends for a body of a media
// type: a media range (*/*, image/*) names no type of its own, so the bytes
// go as application/octet-stream unless a request editor names their type.
func sentContentType(mediaType string) string {
	if strings.Contains(mediaType, "*") {
		return "application/octet-stream"
	}
	return mediaType
}
