package templates

import (
	"github.com/dave/jennifer/jen"
	"github.com/seed-0d47db62/livegen/generator"
)

// Streamed answers on the client: one reader of Server-Sent Events and JSON
// lines per package, generic over the event type, and per operation a thin
// method that builds the call and hands it over.

const clientPkgBufio = "bufio"

// hasStreams reports whether an answer of the API can stream.
func hasStreams(api *generator.API) bool {
	for _, o := range api.Operations {
		for _, r := range o.Responses {
			if r.Stream != nil {
				return true
			}
		}
	}
	return false
}

// clientStreamFormat names the generated constant that says how a stream's
// events are framed and decoded.
func clientStreamFormat(s *generator.Stream) string {
	switch {
	case s.Kind != generator.StreamSSE:
		return "ClientLines"
	case s.Envelope && s.Text:
		return "ClientSSEEnvelopeText"
	case s.Envelope:
		return "ClientSSEEnvelope"
	case s.Text:
		return "ClientSSEText"
	}
	return "ClientSSE"
}

// genStreamMethod renders the method that streams an operation's answer:
// the call is built as the plain method builds it, and clientStream sends
// it when the loop starts.
func (g *clientGen) genStreamMethod(f *jen.File, op *generator.Operation) {
	stream := op.StreamAnswer.Stream
	event := typeRef(stream.Event)
	seq := jen.Qual(clientPkgIter, "Seq2").Types(event.Clone(), jen.Error())
	errors := g.clientErrorTable(f, op)
	desc := g.clientOpDesc(f, op, op.StreamMethod, stream.ContentType)
	f.Add(declDoc(op.StreamMethod, clientStreamDoc(op)).Func().Params(jen.Id("c").Op("*").Id("Client")).Id(op.StreamMethod).Params(g.clientMethodParams(op)...).Add(seq).BlockFunc(func(b *jen.Group) {
		g.genCallSetup(b, op, desc)
		b.Return(jen.Id("clientStream").Types(event.Clone()).Call(jen.Id("c"), jen.Id("ctx"), jen.Id("s"), rt(clientStreamFormat(stream)), errors))
	}))
}

// clientStreamDoc documents a streaming method.
func clientStreamDoc(op *generator.Operation) string {
	stream := op.StreamAnswer.Stream
	head := op.Summary
	if head == "" {
		head = op.Method + " " + op.Path + "."
	}
	text := head + "\n\n"
	if op.StreamMethod != op.Name {
		text = op.StreamMethod + " is " + op.Name + " answered as a stream (" + stream.ContentType + "): the request must ask for one as the API says (such as \"stream\": true in the body).\n\n"
	} else if op.Description != "" && op.Description != op.Summary {
		text += op.Description + "\n\n"
	}
	text += "It sends " + op.Method + " " + op.Path + " (operationId " + op.ID + ") when the loop starts, once per loop, and yields the events as they arrive. "
	if stream.Kind == generator.StreamSSE {
		text += "Comments and keep-alives are skipped, and the stream ends with the body or at data: [DONE]. "
	} else {
		text += "Blank lines are skipped, and the stream ends with the body. "
	}
	text += "An event that does not fit its type is a misfit, as in other answers: reported to RecordAnswer (its Pointer starts with the event's index) and skipped when nothing of it fits, or the error that ends the stream under WithStrictDecoding. An error status, a transport error and the end of ctx are yielded once, and end the stream. Breaking out of the loop closes the connection."
	return text
}

// genStreamRuntime renders what every streaming method shares: the formats,
// the loop over events, the event reader and the event decoder.
func (g *clientGen) genStreamRuntime(f *jen.File) {
	r := g.rt.live()
	r.Comment("ClientStreamFormat says how the events of a stream are framed and decoded.")
	r.Type().Id("ClientStreamFormat").Int()
	r.Const().Defs(
		jen.Id("ClientSSE").Id("ClientStreamFormat").Op("=").Iota().Comment("Server-Sent Events whose data is the event's JSON"),
		jen.Id("ClientSSEText").Comment("Server-Sent Events whose data is the event, a string"),
		jen.Id("ClientSSEEnvelope").Comment("Server-Sent Events into a struct of their fields; data is JSON"),
		jen.Id("ClientSSEEnvelopeText").Comment("Server-Sent Events into a struct of their fields; data is a string"),
		jen.Id("ClientLines").Comment("one JSON value a line (NDJSON, JSON Lines), or after an RS byte (json-seq)"),
	)
	g.genStreamLoop(f)
	g.genCheckStream(r)
	g.genEventReader(r)
	g.genEventDecoder(r)
}

// genStreamLoop renders clientStream.
func (g *clientGen) genStreamLoop(f *jen.File) {
	zero := func() *jen.Statement { return jen.Var().Id("zero").Id("E") }
	seq := jen.Qual(clientPkgIter, "Seq2").Types(jen.Id("E"), jen.Error())
	yield := jen.Id("yield").Func().Params(jen.Id("E"), jen.Error()).Bool()
	f.Comment("clientStream sends the call when the loop starts and yields its events. An error")
	f.Comment("answer fails with its documented error answer in errs. The body is closed")
	f.Comment("when the stream ends, however it ends.")
	f.Func().Id("clientStream").Types(jen.Id("E").Any()).Params(
		jen.Id("c").Op("*").Id("Client"), clientCtxParam(), jen.Id("s").Op("*").Add(rt("ClientCall")), jen.Id("format").Add(rt("ClientStreamFormat")), jen.Id("errs").Index().Add(rt("ClientError")),
	).Add(seq.Clone()).Block(
		jen.Id("s").Dot("StreamAnswer").Op("=").True(),
		jen.Return(jen.Func().Params(yield.Clone()).Block(
			zero(),
			jen.List(jen.Id("a"), jen.Err()).Op(":=").Id("c").Dot("engine").Dot("Send").Call(jen.Id("ctx"), jen.Id("s")),
			jen.If(jen.Err().Op("!=").Nil()).Block(jen.Id("yield").Call(jen.Id("zero"), jen.Err()), jen.Return()),
			jen.If(jen.Id("a").Dot("Stream").Op("==").Nil()).Block(
				jen.Id("yield").Call(jen.Id("zero"), jen.Id("a").Dot("FailWith").Call(jen.Id("s"), jen.Id("errs"))),
				jen.Return(),
			),
			jen.Defer().Id("a").Dot("Stream").Dot("Close").Call(),
			jen.If(jen.Err().Op(":=").Id("a").Dot("CheckStream").Call(jen.Id("s"), jen.Id("format")), jen.Err().Op("!=").Nil()).Block(
				jen.If(jen.Err().Op("!=").Qual(pkgIO, "EOF")).Block(jen.Id("yield").Call(jen.Id("zero"), jen.Err())),
				jen.Return(),
			),
			jen.Id("r").Op(":=").Add(rt("NewClientEvents")).Call(jen.Id("a").Dot("Stream"), jen.Id("format"), jen.Id("c").Dot("engine").Dot("MaxResponseBytes")),
			jen.For(jen.Id("n").Op(":=").Lit(0), jen.Empty(), jen.Id("n").Op("++")).Block(
				jen.If(jen.Err().Op(":=").Id("ctx").Dot("Err").Call(), jen.Err().Op("!=").Nil()).Block(
					jen.Id("yield").Call(jen.Id("zero"), jen.Err()), jen.Return(),
				),
				jen.If(jen.Err().Op(":=").Id("r").Dot("Next").Call(), jen.Err().Op("!=").Nil()).Block(
					jen.If(jen.Err().Op("!=").Qual(pkgIO, "EOF")).Block(
						jen.Id("yield").Call(jen.Id("zero"), g.errorf("%s: reading the stream: %w", jen.Id("s").Dot("Operation"), jen.Err())),
					),
					jen.Return(),
				),
				jen.Id("event").Op(":=").Id("zero"),
				jen.List(jen.Id("ok"), jen.Err()).Op(":=").Id("a").Dot("DecodeEvent").Call(jen.Id("s"), jen.Id("n"), jen.Id("r"), jen.Op("&").Id("event")),
				jen.If(jen.Err().Op("!=").Nil()).Block(jen.Id("yield").Call(jen.Id("zero"), jen.Err()), jen.Return()),
				jen.If(jen.Id("ok").Op("&&").Op("!").Id("yield").Call(jen.Id("event"), jen.Nil())).Block(jen.Return()),
			),
		)),
	)
}

// genCheckStream renders checkStream, which tells an event stream from an
// answer of another type (a JSON body when the request did not ask for a
// stream, a proxy's page) that would otherwise read as no events at all.
func (g *clientGen) genCheckStream(f *jen.File) {
	a := func() *jen.Statement { return jen.Id("a") }
	f.Comment("CheckStream reports an SSE answer of another content type as a misfit with its")
	f.Comment("first bytes, which ends the stream (an error under WithStrictDecoding). Lines")
	f.Comment("are read under any type, as servers send them as JSON or text too.")
	f.Func().Params(a().Op("*").Id("ClientAnswer")).Id("CheckStream").Params(jen.Id("s").Op("*").Id("ClientCall"), jen.Id("format").Id("ClientStreamFormat")).Error().Block(
		jen.Id("ct").Op(":=").Add(a().Dot("Header").Dot("Get").Call(jen.Lit("Content-Type"))),
		jen.List(jen.Id("media"), jen.Id("_"), jen.Id("_")).Op(":=").Qual(pkgStrings, "Cut").Call(jen.Id("ct"), jen.Lit(";")),
		jen.If(jen.Id("format").Op("==").Id("ClientLines").Op("||").Id("media").Op("==").Lit("").Op("||").Qual(pkgStrings, "EqualFold").Call(jen.Qual(pkgStrings, "TrimSpace").Call(jen.Id("media")), jen.Lit("text/event-stream"))).Block(
			jen.Return(jen.Nil()),
		),
		jen.List(jen.Id("head"), jen.Id("_")).Op(":=").Qual(pkgIO, "ReadAll").Call(jen.Qual(pkgIO, "LimitReader").Call(a().Dot("Stream"), jen.Lit(512))),
		jen.Id("m").Op(":=").Id("Misfit").Values(jen.Dict{jen.Id("Raw"): jen.Id("head"), jen.Id("Problem"): jen.Lit("the answer is ").Op("+").Id("ct").Op("+").Lit(", not text/event-stream")}),
		jen.If(jen.Err().Op(":=").Add(a().Dot("Misfit").Call(jen.Id("s"), jen.Index().Id("Misfit").Values(jen.Id("m")), jen.Nil())), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())),
		jen.Return(jen.Qual(pkgIO, "EOF")),
	)
}

// genEventReader renders clientEvents, which cuts a body into events.
func (g *clientGen) genEventReader(f *jen.File) {
	r := func() *jen.Statement { return jen.Id("r") }
	f.Comment("ClientEvents reads the events of a stream one at a time.")
	f.Type().Id("ClientEvents").Struct(
		jen.Id("scan").Op("*").Qual(clientPkgBufio, "Scanner"),
		jen.Id("format").Id("ClientStreamFormat"),
		jen.Id("event").String().Comment("the SSE event field of the current event"),
		jen.Id("id").String().Comment("the last SSE id field, which later events keep"),
		jen.Id("data").Index().Byte().Comment("the data of the current event, valid until next"),
	)
	f.Comment("NewClientEvents reads body; a line longer than limit (0: clientMaxResponseBytes)")
	f.Comment("is an error.")
	f.Func().Id("NewClientEvents").Params(jen.Id("body").Qual(pkgIO, "Reader"), jen.Id("format").Id("ClientStreamFormat"), jen.Id("limit").Int64()).Op("*").Id("ClientEvents").Block(
		jen.If(jen.Id("limit").Op("<=").Lit(0)).Block(jen.Id("limit").Op("=").Id("clientMaxResponseBytes")),
		jen.Id("scan").Op(":=").Qual(clientPkgBufio, "NewScanner").Call(jen.Id("body")),
		jen.Id("scan").Dot("Buffer").Call(jen.Make(jen.Index().Byte(), jen.Lit(0), jen.Lit(4096)), jen.Int().Call(jen.Min(jen.Id("limit"), jen.Lit(1<<30)))),
		jen.Return(jen.Op("&").Id("ClientEvents").Values(jen.Dict{jen.Id("scan"): jen.Id("scan"), jen.Id("format"): jen.Id("format")})),
	)
	line := func() *jen.Statement { return jen.Id("line") }
	f.Comment("Next reads the next event: a non-blank line, or the SSE fields up to a blank")
	f.Comment("line, past comments (\": ping\") and events without data. It returns io.EOF at")
	f.Comment("the end of the body and at the data: [DONE] of OpenAI-style streams; an event")
	f.Comment("left unfinished by the end of the body is dropped, as EventSource drops it.")
	f.Func().Params(r().Op("*").Id("ClientEvents")).Id("Next").Params().Error().Block(
		r().Dot("event").Op("=").Lit(""),
		r().Dot("data").Op("=").Add(r().Dot("data")).Index(jen.Empty(), jen.Lit(0)),
		jen.Id("hasData").Op(":=").False(),
		jen.For(r().Dot("scan").Dot("Scan").Call()).Block(
			line().Op(":=").Add(r().Dot("scan").Dot("Bytes").Call()),
			jen.If(r().Dot("format").Op("==").Id("ClientLines")).Block(
				line().Op("=").Qual(pkgBytes, "TrimSpace").Call(jen.Qual(pkgBytes, "TrimLeft").Call(line(), jen.Lit("\x1e"))),
				jen.If(jen.Len(line()).Op(">").Lit(0)).Block(r().Dot("data").Op("=").Add(line()), jen.Return(jen.Nil())),
				jen.Continue(),
			),
			jen.Switch().Block(
				jen.Case(jen.Len(line()).Op("==").Lit(0).Op("&&").Id("hasData")).Block(
					jen.If(jen.String().Call(r().Dot("data")).Op("==").Lit("[DONE]")).Block(jen.Return(jen.Qual(pkgIO, "EOF"))),
					jen.Return(jen.Nil()),
				),
				jen.Case(jen.Len(line()).Op("==").Lit(0)).Block(r().Dot("event").Op("=").Lit("")),
				jen.Case(line().Index(jen.Lit(0)).Op("!=").LitRune(':')).Block(
					jen.List(jen.Id("field"), jen.Id("value"), jen.Id("_")).Op(":=").Qual(pkgBytes, "Cut").Call(line(), jen.Index().Byte().Call(jen.Lit(":"))),
					jen.Id("value").Op("=").Qual(pkgBytes, "TrimPrefix").Call(jen.Id("value"), jen.Index().Byte().Call(jen.Lit(" "))),
					jen.Switch(jen.String().Call(jen.Id("field"))).Block(
						jen.Case(jen.Lit("event")).Block(r().Dot("event").Op("=").String().Call(jen.Id("value"))),
						jen.Case(jen.Lit("id")).Block(
							jen.If(jen.Qual(pkgBytes, "IndexByte").Call(jen.Id("value"), jen.Lit(0)).Op("<").Lit(0)).Block(r().Dot("id").Op("=").String().Call(jen.Id("value"))),
						),
						jen.Case(jen.Lit("data")).Block(
							jen.If(jen.Id("hasData")).Block(r().Dot("data").Op("=").Append(r().Dot("data"), jen.LitRune('\n'))),
							r().Dot("data").Op("=").Append(r().Dot("data"), jen.Id("value").Op("...")),
							jen.Id("hasData").Op("=").True(),
						),
					),
				),
			),
		),
		jen.If(jen.Err().Op(":=").Add(r().Dot("scan").Dot("Err").Call()), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())),
		jen.Return(jen.Qual(pkgIO, "EOF")),
	)
}

// genEventDecoder renders how one event becomes a value of the event type,
// as tolerant as the decoding of other answers.
func (g *clientGen) genEventDecoder(f *jen.File) {
	a := func() *jen.Statement { return jen.Id("a") }
	r := func() *jen.Statement { return jen.Id("r") }
	quote := func(x jen.Code) jen.Code {
		return jen.List(jen.Id("quoted"), jen.Id("_")).Op(":=").Qual(pkgJSON, "Marshal").Call(x)
	}
	f.Comment("DecodeEvent decodes event number n into v. ok is false for an event to skip: no")
	f.Comment("data, or nothing of it fits (a misfit). Misfits are reported as in other answers,")
	f.Comment("their pointers starting with /n; under WithStrictDecoding they are the error.")
	f.Func().Params(a().Op("*").Id("ClientAnswer")).Id("DecodeEvent").Params(jen.Id("s").Op("*").Id("ClientCall"), jen.Id("n").Int(), r().Op("*").Id("ClientEvents"), jen.Id("v").Any()).Params(jen.Id("ok").Bool(), jen.Err().Error()).Block(
		jen.Id("data").Op(":=").Add(r().Dot("data")),
		jen.Switch(r().Dot("format")).Block(
			jen.Case(jen.Id("ClientSSEText")).Block(
				jen.Qual(clientPkgReflect, "ValueOf").Call(jen.Id("v")).Dot("Elem").Call().Dot("SetString").Call(jen.String().Call(jen.Id("data"))),
				jen.Return(jen.True(), jen.Nil()),
			),
			jen.Case(jen.Id("ClientSSEEnvelope"), jen.Id("ClientSSEEnvelopeText")).Block(
				jen.Id("data").Op("=").Id("clientEnvelope").Call(r(), r().Dot("format").Op("==").Id("ClientSSEEnvelopeText")),
			),
		),
		jen.If(jen.Len(jen.Qual(pkgBytes, "TrimSpace").Call(jen.Id("data"))).Op("==").Lit(0)).Block(jen.Return(jen.False(), jen.Nil())),
		jen.Err().Op("=").Qual(pkgJSON, "Unmarshal").Call(jen.Id("data"), jen.Id("v")),
		jen.If(jen.Err().Op("==").Nil()).Block(jen.Return(jen.True(), jen.Nil())),
		jen.Id("pointer").Op(":=").Lit("/").Op("+").Qual(pkgStrconv, "Itoa").Call(jen.Id("n")),
		jen.If(a().Dot("Strict")).Block(jen.Return(jen.False(), a().Dot("Misfit").Call(jen.Id("s"), jen.Nil(), jen.Qual(pkgFmt, "Errorf").Call(jen.Lit("event %d: %w"), jen.Id("n"), jen.Err())))),
		jen.Var().Id("misfits").Index().Id("Misfit"),
		jen.Id("ClientTolerate").Call(jen.Id("data"), jen.Qual(clientPkgReflect, "ValueOf").Call(jen.Id("v")).Dot("Elem").Call(), jen.Qual(pkgStrconv, "Itoa").Call(jen.Id("n")), jen.Id("pointer"), jen.Op("&").Id("misfits"), a().Dot("Nullable")),
		jen.Return(jen.Op("!").Id("clientNothingFits").Call(jen.Id("misfits"), jen.Lit(0), jen.Id("pointer")), a().Dot("Misfit").Call(jen.Id("s"), jen.Id("misfits"), jen.Nil())),
	)
	f.Comment("clientEnvelope writes the fields of an SSE event as the JSON of an envelope")
	f.Comment("struct: data as it is (text: as a string), event and id when set.")
	f.Func().Id("clientEnvelope").Params(r().Op("*").Id("ClientEvents"), jen.Id("text").Bool()).Index().Byte().Block(
		jen.Id("b").Op(":=").Index().Byte().Call(jen.Lit(`{"data":`)),
		jen.Switch().Block(
			jen.Case(jen.Id("text")).Block(
				quote(jen.String().Call(r().Dot("data"))),
				jen.Id("b").Op("=").Append(jen.Id("b"), jen.Id("quoted").Op("...")),
			),
			jen.Case(jen.Len(jen.Qual(pkgBytes, "TrimSpace").Call(r().Dot("data"))).Op("==").Lit(0)).Block(
				jen.Id("b").Op("=").Append(jen.Id("b"), jen.Lit("null").Op("...")),
			),
			jen.Default().Block(jen.Id("b").Op("=").Append(jen.Id("b"), r().Dot("data").Op("..."))),
		),
		jen.For(jen.List(jen.Id("_"), jen.Id("field")).Op(":=").Range().Index(jen.Lit(2)).Index(jen.Lit(2)).String().Values(
			jen.Values(jen.Lit("event"), r().Dot("event")), jen.Values(jen.Lit("id"), r().Dot("id")),
		)).Block(
			jen.If(jen.Id("field").Index(jen.Lit(1)).Op("!=").Lit("")).Block(
				quote(jen.Id("field").Index(jen.Lit(1))),
				jen.Id("b").Op("=").Append(jen.Append(jen.Id("b"), jen.Lit(`,"`).Op("+").Id("field").Index(jen.Lit(0)).Op("+").Lit(`":`).Op("...")), jen.Id("quoted").Op("...")),
			),
		),
		jen.Return(jen.Append(jen.Id("b"), jen.LitRune('}'))),
	)
}
