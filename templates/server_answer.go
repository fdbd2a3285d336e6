package templates

import (
	"fmt"
	"sort"
	"strings"

	"github.com/dave/jennifer/jen"
	"github.com/seed-0d47db62/livegen/generator"
)

// Answers on the server. Each operation's Output is a sealed interface of
// one method, answer, whose second parameter is the operation's input: only
// that operation's answer types have it. The method hands back the answer as
// data, a serverAnswer: a static serverAnswerKind (status, content type, how
// the body is written) and the body. One writer, serverWriteAnswer, does the
// rest for every answer type, so each type compiles to a method that copies
// its body and little else. Headers and event streams, which few answers
// have, are written by the method itself.

// answerMethodName is the method of an Output interface.
const answerMethodName = "answer"

// answerParams are the parameters of an answer's method: the writer, for the
// headers and streams an answer writes itself, and the operation's input,
// which seals the interface and is never read.
func answerParams(o *generator.Operation) jen.Code {
	return jen.Params(writerParam(), jen.Id("_").Op("*").Id(o.ServerInput))
}

// genServerOutput renders the sealed Output interface of an operation and
// one type per documented response.
func genServerOutput(f *jen.File, o *generator.Operation) {
	text := fmt.Sprintf("%s is an answer of %s: %s.", o.ServerOutput, o.Name, answerList(o))
	if len(o.Responses) == 0 {
		text = fmt.Sprintf("%s is an answer of %s. The spec documents no response, so there is none to give: the method can only return an error.", o.ServerOutput, o.Name)
	}
	f.Add(doc(text).Type().Id(o.ServerOutput).Interface(
		jen.Id(answerMethodName).Params(jen.Qual(pkgHTTP, "ResponseWriter"), jen.Op("*").Id(o.ServerInput)).Id("serverAnswer"),
	))
	for _, r := range o.Responses {
		genServerAnswer(f, o, r)
	}
}

// answerList names the answer types of an operation, as Op{OK, NotFound}
// when they all start with the operation's name.
func answerList(o *generator.Operation) string {
	names := make([]string, len(o.Responses))
	short := len(o.Responses) > 1
	for i, r := range o.Responses {
		names[i] = r.ServerName
		short = short && strings.HasPrefix(r.ServerName, o.Name) && len(r.ServerName) > len(o.Name)
	}
	if short {
		for i := range names {
			names[i] = strings.TrimPrefix(names[i], o.Name)
		}
		return "one of " + o.Name + "{" + strings.Join(names, ", ") + "}"
	}
	return orList(names)
}

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

// genServerAnswer renders one answer type: its fields, its kind and the
// method that hands it to the writer.
func genServerAnswer(f *jen.File, o *generator.Operation, r *generator.Response) {
	text := fmt.Sprintf("%s is the %s answer of %s", r.ServerName, r.StatusText(), o.Name)
	if r.Type != nil && r.ContentType != "application/json" {
		text += " (" + r.ContentType + ")"
	}
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
			g.Add(doc(generator.ServerBodyField+" is copied to the client as it is read, and closed after when it is an io.Closer. nil sends no body.")).
				Id(generator.ServerBodyField).Qual(pkgIO, "Reader")
		case r.Type != nil && r.Stream != nil && !r.JSON:
			g.Add(doc(generator.ServerBodyField + " is already framed: sent as it is when " + generator.ServerEventsField + " is nil.")).
				Id(generator.ServerBodyField).Add(typeRef(r.Type))
		case r.Type != nil:
			g.Id(generator.ServerBodyField).Add(typeRef(r.Type))
		}
		if r.Stream != nil {
			genEventsField(g, r)
		}
		for i, h := range r.Headers {
			g.Add(doc(headerDoc(h))).Id(r.ServerHeaderFields[i]).Add(paramType(h))
		}
	}))
	f.Var().Id(answerKindVar(r)).Op("=").Id("serverAnswerKind").Values(answerKindFields(r)...)
	f.Add(answerMethod(o, r))
}

// answerKindVar names the static kind of an answer type.
func answerKindVar(r *generator.Response) string { return "answerKind" + r.ServerName }

// answerKindFields are the fields of an answer type's kind.
func answerKindFields(r *generator.Response) []jen.Code {
	var fields []jen.Code
	if low, high, ok := statusRange(r); ok {
		fields = append(fields, jen.Id("name").Op(":").Lit(r.ServerName), jen.Id("status").Op(":").Lit(low), jen.Id("last").Op(":").Lit(high))
	} else {
		fields = append(fields, jen.Id("status").Op(":").Lit(r.Status))
	}
	if write := answerBodyWrite(r); write != "serverNoBody" {
		fields = append(fields, jen.Id("contentType").Op(":").Lit(r.ContentType), jen.Id("write").Op(":").Id(write))
	}
	return fields
}

// answerBodyWrite names the constant that says how an answer's body is
// written.
func answerBodyWrite(r *generator.Response) string {
	switch {
	case r.Type == nil:
		return "serverNoBody"
	case r.Kind == generator.BodyBinary:
		return "serverBodyStream"
	case !r.JSON:
		return "serverBodyBytes"
	case !answerAppendable(r.Type):
		return "serverBodyJSON"
	}
	return "serverBodyAppended"
}

// answerMethod renders the method of an answer type: headers and events it
// writes itself, then its kind and body for serverWriteAnswer.
func answerMethod(o *generator.Operation, r *generator.Response) *jen.Statement {
	recv := jen.Id(r.ServerName)
	if r.Type != nil || len(r.Headers) > 0 || r.Stream != nil || r.Default || r.Range > 0 {
		recv = jen.Id("v").Id(r.ServerName)
	}
	return jen.Func().Params(recv).Id(answerMethodName).Add(answerParams(o)).Id("serverAnswer").BlockFunc(func(g *jen.Group) {
		status := jen.Lit(r.Status)
		writeOwn := func(b *jen.Group) {
			for i, h := range r.Headers {
				b.Add(answerSetHeader(h, jen.Id("v").Dot(r.ServerHeaderFields[i])))
			}
			if r.Stream != nil {
				genWriteEvents(b, r, status)
			}
		}
		low, high, ranged := statusRange(r)
		switch {
		case ranged && (len(r.Headers) > 0 || r.Stream != nil):
			// out of range, nothing is sent: the writer reports the error
			status = jen.Id("v").Dot(generator.ServerStatusField)
			g.If(jen.Id("v").Dot(generator.ServerStatusField).Op(">=").Lit(low).Op("&&").Id("v").Dot(generator.ServerStatusField).Op("<=").Lit(high)).BlockFunc(writeOwn)
		default:
			writeOwn(g)
		}
		g.Return(answerValue(r))
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

// headerDoc documents the field of a response header.
func headerDoc(h *generator.Param) string {
	text := "Header " + h.Name
	if h.Required {
		text += " (required)"
	} else {
		text += ", sent when set"
	}
	if h.Doc != "" {
		return text + ": " + h.Doc
	}
	return text + "."
}

// answerSetHeader sets one response header from field x: an optional one only
// when set.
func answerSetHeader(h *generator.Param, x *jen.Statement) jen.Code {
	format, ptr := answerFormat(h.Type), x.Clone()
	if !h.ByPointer() {
		ptr = jen.Op("&").Add(x.Clone())
	}
	if h.Type.Kind != generator.RefTime && scalarBaseOf(h.Type) == generator.RefTime {
		ptr = jen.Parens(jen.Op("*").Qual(pkgTime, "Time")).Call(ptr) // a named time type
	}
	set := jen.Id("answerHeader").Call(jen.Id("w"), jen.Lit(h.Name), ptr, jen.Id(format))
	if h.Type.IsCollection() && !h.Required {
		return jen.If(jen.Len(x.Clone()).Op(">").Lit(0)).Block(set)
	}
	return set
}

// answerFormat names the generated function that turns a header's value into
// its text.
func answerFormat(r *generator.TypeRef) string {
	switch scalarBaseOf(r) {
	case generator.RefString:
		return "answerString"
	case generator.RefInt, generator.RefInt32, generator.RefInt64:
		return "answerInt"
	case generator.RefFloat32, generator.RefFloat64:
		return "answerFloat"
	case generator.RefBool:
		return "answerBool"
	case generator.RefTime:
		return "answerTime"
	case generator.RefBytes:
		return "answerBytes"
	}
	return "answerJSON"
}

// answerValue is what an answer's method returns: its kind, the status of a
// range or default answer, and the body.
func answerValue(r *generator.Response) jen.Code {
	fields := []jen.Code{jen.Id("kind").Op(":").Op("&").Id(answerKindVar(r))}
	if _, _, ok := statusRange(r); ok {
		fields = append(fields, jen.Id("status").Op(":").Id("v").Dot(generator.ServerStatusField))
	}
	body := jen.Id("v").Dot(generator.ServerBodyField)
	switch answerBodyWrite(r) {
	case "serverNoBody":
		return jen.Id("serverAnswer").Values(fields...)
	case "serverBodyBytes":
		body = jen.Index().Byte().Call(body)
	case "serverBodyJSON", "serverBodyAppended":
		if r.Type.Kind == generator.RefSlice {
			body = jen.Id("answerNonNil").Call(body) // the schema is an array: nil is [], not null
			if answerAppendable(r.Type) {
				body = jen.Id("jsonList").Types(typeRef(r.Type.Elem), jen.Op("*").Add(typeRef(r.Type.Elem))).Call(body)
			}
		} else if answerBodyByPointer(r.Type) {
			body = jen.Op("&").Add(body)
		}
	}
	return jen.Id("serverAnswer").Values(append(fields, jen.Id("body").Op(":").Add(body))...)
}

// answerHelpers are the helpers that the answers of an API call, by name.
func answerHelpers(api *generator.API) map[string]bool {
	used := map[string]bool{}
	for _, o := range api.ServedOperations() {
		for _, r := range o.Responses {
			for _, h := range r.Headers {
				used["answerHeader"], used[answerFormat(h.Type)] = true, true
			}
			if r.Type != nil && r.JSON && r.Type.Kind == generator.RefSlice {
				used["answerNonNil"] = true
			}
		}
	}
	return used
}

// genAnswerRuntime renders the helpers the answers of the API call: the
// writer of answers, one header setter, the formats of header values, and
// the writer of a list.
func genAnswerRuntime(f *jen.File, api *generator.API) {
	genAnswerWriter(f, api)
	used := answerHelpers(api)
	t, v := jen.Id("T"), jen.Id("v").Id("T")
	helpers := map[string]func(){
		"answerHeader": func() {
			f.Comment("answerHeader sets the header name to the text of *v; nil leaves it out.")
			f.Func().Id("answerHeader").Types(jen.Id("T").Any()).Params(writerParam(), jen.Id("name").String(), jen.Id("v").Op("*").Id("T"), jen.Id("format").Func().Params(t.Clone()).String()).Block(
				jen.If(jen.Id("v").Op("!=").Nil()).Block(jen.Id("w").Dot("Header").Call().Dot("Set").Call(jen.Id("name"), jen.Id("format").Call(jen.Op("*").Id("v")))),
			)
		},
		"answerString": func() {
			f.Comment("answerString is the text of a string header.")
			f.Func().Id("answerString").Types(jen.Id("T").Op("~").String()).Params(v.Clone()).String().Block(jen.Return(jen.String().Call(jen.Id("v"))))
		},
		"answerInt": func() {
			f.Comment("answerInt is the text of an integer header.")
			f.Func().Id("answerInt").Types(jen.Id("T").Op("~").Int().Op("|").Op("~").Int32().Op("|").Op("~").Int64()).Params(v.Clone()).String().Block(
				jen.Return(jen.Qual(pkgStrconv, "FormatInt").Call(jen.Int64().Call(jen.Id("v")), jen.Lit(10))))
		},
		"answerFloat": func() {
			f.Comment("answerFloat is the text of a number header.")
			f.Func().Id("answerFloat").Types(jen.Id("T").Op("~").Float32().Op("|").Op("~").Float64()).Params(v.Clone()).String().Block(
				jen.Return(jen.Qual(pkgStrconv, "FormatFloat").Call(jen.Float64().Call(jen.Id("v")), jen.LitRune('g'), jen.Lit(-1), jen.Lit(64))))
		},
		"answerBool": func() {
			f.Comment("answerBool is the text of a boolean header.")
			f.Func().Id("answerBool").Types(jen.Id("T").Op("~").Bool()).Params(v.Clone()).String().Block(
				jen.Return(jen.Qual(pkgStrconv, "FormatBool").Call(jen.Bool().Call(jen.Id("v")))))
		},
		"answerTime": func() {
			f.Comment("answerTime is the text of a date-time header, as RFC 3339.")
			f.Func().Id("answerTime").Params(jen.Id("v").Qual(pkgTime, "Time")).String().Block(
				jen.Return(jen.Id("v").Dot("Format").Call(jen.Qual(pkgTime, "RFC3339Nano"))))
		},
		"answerBytes": func() {
			f.Comment("answerBytes is the text of a byte header, as standard base64.")
			f.Func().Id("answerBytes").Types(jen.Id("T").Op("~").Index().Byte()).Params(v.Clone()).String().Block(
				jen.Return(jen.Qual(pkgB64, "StdEncoding").Dot("EncodeToString").Call(jen.Id("v"))))
		},
		"answerJSON": func() {
			f.Comment("answerJSON is the text of a header that is not a scalar: its JSON.")
			f.Func().Id("answerJSON").Types(jen.Id("T").Any()).Params(v.Clone()).String().Block(
				jen.List(jen.Id("data"), jen.Id("_")).Op(":=").Qual(pkgJSON, "Marshal").Call(jen.Id("v")),
				jen.Return(jen.String().Call(jen.Id("data"))),
			)
		},
		"answerNonNil": func() {
			f.Comment("answerNonNil is list, or an empty list when it is nil: a JSON array is [], not null.")
			f.Func().Id("answerNonNil").Types(jen.Id("L").Op("~").Index().Id("E"), jen.Id("E").Any()).Params(jen.Id("list").Id("L")).Id("L").Block(
				jen.If(jen.Id("list").Op("==").Nil()).Block(jen.Return(jen.Id("L").Values())),
				jen.Return(jen.Id("list")),
			)
		},
	}
	names := make([]string, 0, len(used))
	for name := range used {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		helpers[name]()
	}
}

// answerBodyWrites are the ways of writing a body, in the order of their
// constants, with what each does.
var answerBodyWrites = []struct{ name, doc string }{
	{"serverNoBody", "the status alone"},
	{"serverBodyAppended", "body is a jsonAppender"},
	{"serverBodyJSON", "body is encoded by encoding/json"},
	{"serverBodyBytes", "body is a []byte, sent as it is"},
	{"serverBodyStream", "body is an io.Reader (or nil), copied"},
	{"serverBodyWritten", "the method wrote the answer; body is its error"},
}

// genAnswerWriter renders serverAnswer, serverAnswerKind and
// serverWriteAnswer, with a case for each way of writing a body the API's
// answers use.
func genAnswerWriter(f *jen.File, api *generator.API) {
	used := map[string]bool{}
	for _, o := range api.ServedOperations() {
		for _, r := range o.Responses {
			used[answerBodyWrite(r)] = true
			if r.Stream != nil {
				used["serverBodyWritten"] = true
			}
		}
	}
	f.Comment("serverAnswer is an answer as data, what each answer type's method returns: the")
	f.Comment("writing is serverWriteAnswer's, for every type.")
	f.Type().Id("serverAnswer").Struct(
		incomparable(),
		jen.Id("kind").Op("*").Id("serverAnswerKind"),
		jen.Id("status").Int().Comment("of a default or range answer"),
		jen.Id("body").Any().Comment("as the kind's write says"),
	)
	f.Comment("serverAnswerKind is what the answers of a type share.")
	f.Type().Id("serverAnswerKind").Struct(
		incomparable(),
		jen.Id("name").String().Comment("the answer type, when the status is a range"),
		jen.Id("status").Int().Comment("the status, or the first of the range"),
		jen.Id("last").Int().Comment("the last status of the range; 0 when the status is fixed"),
		jen.Id("contentType").String(),
		jen.Id("write").Id("serverBodyWrite"),
	)
	f.Comment("serverBodyWrite says how the body of an answer is written.")
	f.Type().Id("serverBodyWrite").Uint8()
	defs := make([]jen.Code, len(answerBodyWrites))
	for i, w := range answerBodyWrites {
		defs[i] = jen.Id(w.name).Comment(w.doc)
		if i == 0 {
			defs[i] = jen.Id(w.name).Id("serverBodyWrite").Op("=").Iota().Comment(w.doc)
		}
	}
	f.Const().Defs(defs...)
	if used["serverBodyWritten"] {
		f.Comment("serverAnswerWritten is the kind of an answer its method wrote itself.")
		f.Var().Id("serverAnswerWritten").Op("=").Id("serverAnswerKind").Values(jen.Id("write").Op(":").Id("serverBodyWritten"))
	}
	k, body := jen.Id("k"), jen.Id("a").Dot("body")
	cases := map[string][]jen.Code{
		"serverNoBody":       {jen.Return(rt("ServerWriteStatus").Call(jen.Id("w"), jen.Id("status")))},
		"serverBodyAppended": {jen.Return(jen.Id("serverWriteAppended").Call(jen.Id("w"), jen.Id("status"), k.Clone().Dot("contentType"), body.Clone().Assert(jen.Id("jsonAppender"))))},
		"serverBodyJSON":     {jen.Return(rt("ServerWriteJSON").Call(jen.Id("w"), jen.Id("status"), k.Clone().Dot("contentType"), body.Clone()))},
		"serverBodyBytes":    {jen.Return(rt("ServerWriteBytes").Call(jen.Id("w"), jen.Id("status"), k.Clone().Dot("contentType"), body.Clone().Assert(jen.Index().Byte())))},
		"serverBodyStream": {
			jen.List(jen.Id("reader"), jen.Id("_")).Op(":=").Add(body.Clone()).Assert(jen.Qual(pkgIO, "Reader")),
			jen.Return(jen.Id("serverWriteStream").Call(jen.Id("w"), jen.Id("status"), k.Clone().Dot("contentType"), jen.Id("reader"))),
		},
		"serverBodyWritten": {
			jen.List(jen.Err(), jen.Id("_")).Op(":=").Add(body.Clone()).Assert(jen.Error()),
			jen.Return(jen.Err()),
		},
	}
	f.Comment("serverWriteAnswer writes an answer: a status out of its range is an error, with")
	f.Comment("nothing sent.")
	f.Func().Id("serverWriteAnswer").Params(writerParam(), jen.Id("a").Id("serverAnswer")).Error().Block(
		jen.List(k.Clone(), jen.Id("status")).Op(":=").List(jen.Id("a").Dot("kind"), jen.Id("a").Dot("kind").Dot("status")),
		jen.If(k.Clone().Dot("last").Op(">").Lit(0)).Block(
			jen.If(jen.Id("a").Dot("status").Op("<").Add(k.Clone()).Dot("status").Op("||").Id("a").Dot("status").Op(">").Add(k.Clone()).Dot("last")).Block(
				jen.Return(jen.Qual(pkgFmt, "Errorf").Call(jen.Lit("%s: status %d is not in %d-%d"), k.Clone().Dot("name"), jen.Id("a").Dot("status"), k.Clone().Dot("status"), k.Clone().Dot("last"))),
			),
			jen.Id("status").Op("=").Id("a").Dot("status"),
		),
		answerSwitch(k.Clone().Dot("write"), used, cases),
		jen.Add(cases["serverNoBody"]...),
	)
}

// answerSwitch writes a body in the ways the answers use, after which only
// answers without a body are left; nothing when all are such.
func answerSwitch(write *jen.Statement, used map[string]bool, cases map[string][]jen.Code) jen.Code {
	var ways []jen.Code
	for _, w := range answerBodyWrites[1:] {
		if used[w.name] {
			ways = append(ways, jen.Case(jen.Id(w.name)).Block(cases[w.name]...))
		}
	}
	if len(ways) == 0 {
		return jen.Null()
	}
	return jen.Switch(write).Block(ways...)
}
