package templates

import (
	"github.com/dave/jennifer/jen"
	"github.com/seed-0d47db62/livegen/generator"
)

// Streamed answers on the server: an answer that can stream holds its events
// as an iterator, and one writer per package frames and flushes each event.

const serverPkgIter = "iter"

// serverStreamFormat names the generated constant for how a stream's events
// are written.
func serverStreamFormat(s *generator.Stream) string {
	switch {
	case s.Kind == generator.StreamLines:
		return "ServerLines"
	case s.Kind == generator.StreamSeq:
		return "ServerSeq"
	case s.Envelope && s.Text:
		return "ServerSSEEnvelopeText"
	case s.Envelope:
		return "ServerSSEEnvelope"
	case s.Text:
		return "ServerSSEText"
	}
	return "ServerSSE"
}

// genEventsField renders the Events field of an answer that can stream.
func genEventsField(g *jen.Group, r *generator.Response) {
	text := generator.ServerEventsField + ", when set, is the answer: a stream (" + r.Stream.ContentType + ") of the events it yields, each sent as it comes. "
	if r.Type != nil {
		text += generator.ServerBodyField + " is ignored then. "
	}
	text += "The stream ends when the iterator does, or when the client goes away: the iterator sees yield return false, and the request's context ends."
	g.Add(doc(text)).Id(generator.ServerEventsField).Qual(serverPkgIter, "Seq").Types(typeRef(r.Stream.Event))
}

// genWriteEvents writes the events of an answer that can stream, when set.
func genWriteEvents(g *jen.Group, r *generator.Response, status jen.Code) {
	events := jen.Id("v").Dot(generator.ServerEventsField)
	g.If(events.Clone().Op("!=").Nil()).Block(
		jen.Return(jen.Id("serverAnswer").Values(jen.Id("kind").Op(":").Op("&").Id("serverAnswerWritten"), jen.Id("body").Op(":").Id("serverWriteEvents").Call(jen.Id("w"), status, jen.Lit(r.Stream.ContentType), rt(serverStreamFormat(r.Stream)), events.Clone()))),
	)
}

// genServerStreamWriter renders serverWriteEvents, which sends a stream's
// events as the runtime frames them.
func genServerStreamWriter(f *jen.File) {
	buf := func() *jen.Statement { return jen.Id("buf") }
	f.Comment("serverWriteEvents sends the status, then each event as it comes, flushed. The")
	f.Comment("status is sent: a write that fails means the client went away, which ends the")
	f.Comment("stream, and an event that cannot be encoded aborts the connection, so that the")
	f.Comment("client sees the stream cut short rather than ended.")
	f.Func().Id("serverWriteEvents").Types(jen.Id("E").Any()).Params(writerParam(), jen.Id("status").Int(), jen.Id("contentType").String(), jen.Id("format").Add(rt("ServerStreamFormat")), jen.Id("events").Qual(serverPkgIter, "Seq").Types(jen.Id("E"))).Error().Block(
		jen.Id("w").Dot("Header").Call().Dot("Set").Call(jen.Lit("Content-Type"), jen.Id("contentType")),
		jen.Id("w").Dot("Header").Call().Dot("Set").Call(jen.Lit("Cache-Control"), jen.Lit("no-cache")),
		jen.Id("w").Dot("WriteHeader").Call(jen.Id("status")),
		jen.Id("flusher").Op(":=").Qual(pkgHTTP, "NewResponseController").Call(jen.Id("w")),
		jen.Id("_").Op("=").Id("flusher").Dot("Flush").Call(),
		jen.Var().Add(buf()).Qual(pkgBytes, "Buffer"),
		jen.Id("enc").Op(":=").Qual(pkgJSON, "NewEncoder").Call(jen.Op("&").Add(buf())),
		jen.For(jen.Id("event").Op(":=").Range().Id("events")).Block(
			buf().Dot("Reset").Call(),
			jen.If(jen.Err().Op(":=").Add(rt("ServerAppendEvent")).Call(jen.Op("&").Add(buf()), jen.Id("enc"), jen.Id("format"), jen.Id("event")), jen.Err().Op("!=").Nil()).Block(
				jen.Panic(jen.Qual(pkgHTTP, "ErrAbortHandler")),
			),
			jen.If(jen.List(jen.Id("_"), jen.Err()).Op(":=").Id("w").Dot("Write").Call(buf().Dot("Bytes").Call()), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil())),
			jen.If(jen.Err().Op(":=").Id("flusher").Dot("Flush").Call(), jen.Err().Op("!=").Nil().Op("&&").Op("!").Qual(pkgErrors, "Is").Call(jen.Err(), jen.Qual(pkgHTTP, "ErrNotSupported"))).Block(jen.Return(jen.Nil())),
		),
		jen.Return(jen.Nil()),
	)
}

// genServerStreamRuntime renders, in the runtime, how events are framed.
func genServerStreamRuntime(f *jen.File) {
	buf := func() *jen.Statement { return jen.Id("buf") }
	f.Comment("ServerStreamFormat says how the events of a stream are written.")
	f.Type().Id("ServerStreamFormat").Int()
	f.Const().Defs(
		jen.Id("ServerSSE").Id("ServerStreamFormat").Op("=").Iota().Comment("Server-Sent Events whose data is the event's JSON"),
		jen.Id("ServerSSEText").Comment("Server-Sent Events whose data is the event, a string"),
		jen.Id("ServerSSEEnvelope").Comment("Server-Sent Events from a struct of their fields; data is JSON"),
		jen.Id("ServerSSEEnvelopeText").Comment("Server-Sent Events from a struct of their fields; data is a string"),
		jen.Id("ServerLines").Comment("one JSON value a line"),
		jen.Id("ServerSeq").Comment("json-seq: an RS byte, a JSON value and a line feed"),
	)
	enc := func() jen.Code { return jen.Return(jen.Id("enc").Dot("Encode").Call(jen.Id("event"))) }
	f.Comment("ServerAppendEvent frames one event into buf; enc writes JSON into buf.")
	f.Func().Id("ServerAppendEvent").Params(buf().Op("*").Qual(pkgBytes, "Buffer"), jen.Id("enc").Op("*").Qual(pkgJSON, "Encoder"), jen.Id("format").Id("ServerStreamFormat"), jen.Id("event").Any()).Error().Block(
		jen.Switch(jen.Id("format")).Block(
			jen.Case(jen.Id("ServerLines")).Block(enc()),
			jen.Case(jen.Id("ServerSeq")).Block(buf().Dot("WriteByte").Call(jen.Lit(0x1e)), enc()),
			jen.Case(jen.Id("ServerSSEText")).Block(
				jen.Id("serverAppendData").Call(buf(), jen.Qual(clientPkgReflect, "ValueOf").Call(jen.Id("event")).Dot("String").Call()),
			),
			jen.Case(jen.Id("ServerSSEEnvelope"), jen.Id("ServerSSEEnvelopeText")).Block(
				jen.If(jen.Err().Op(":=").Id("serverAppendEnvelope").Call(buf(), jen.Id("format").Op("==").Id("ServerSSEEnvelopeText"), jen.Id("event")), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())),
			),
			jen.Default().Block(
				buf().Dot("WriteString").Call(jen.Lit("data: ")),
				jen.If(jen.Err().Op(":=").Id("enc").Dot("Encode").Call(jen.Id("event")), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())),
				jen.Comment("Encode ended the line; compact JSON has no line feed of its own."),
			),
		),
		buf().Dot("WriteByte").Call(jen.LitRune('\n')),
		jen.Return(jen.Nil()),
	)
	f.Comment("serverAppendData writes text as data lines, one per line of it.")
	f.Func().Id("serverAppendData").Params(buf().Op("*").Qual(pkgBytes, "Buffer"), jen.Id("text").String()).Block(
		jen.For(jen.Id("line").Op(":=").Range().Qual(pkgStrings, "SplitSeq").Call(jen.Id("text"), jen.Lit("\n"))).Block(
			buf().Dot("WriteString").Call(jen.Lit("data: ")),
			buf().Dot("WriteString").Call(jen.Qual(pkgStrings, "TrimSuffix").Call(jen.Id("line"), jen.Lit("\r"))),
			buf().Dot("WriteByte").Call(jen.LitRune('\n')),
		),
	)
	raw := jen.Qual(pkgJSON, "RawMessage")
	f.Comment("serverAppendEnvelope writes an envelope struct's members as the SSE fields they")
	f.Comment("name: event, id and retry when set, then data (text: the string, as lines).")
	f.Func().Id("serverAppendEnvelope").Params(buf().Op("*").Qual(pkgBytes, "Buffer"), jen.Id("text").Bool(), jen.Id("event").Any()).Error().Block(
		jen.List(jen.Id("data"), jen.Err()).Op(":=").Qual(pkgJSON, "Marshal").Call(jen.Id("event")),
		jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())),
		jen.Var().Id("fields").Struct(
			jen.Id("Event").Add(raw.Clone()).Tag(map[string]string{"json": "event"}),
			jen.Id("ID").Add(raw.Clone()).Tag(map[string]string{"json": "id"}),
			jen.Id("Retry").Add(raw.Clone()).Tag(map[string]string{"json": "retry"}),
			jen.Id("Data").Add(raw.Clone()).Tag(map[string]string{"json": "data"}),
		),
		jen.If(jen.Err().Op(":=").Qual(pkgJSON, "Unmarshal").Call(jen.Id("data"), jen.Op("&").Id("fields")), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())),
		jen.For(jen.List(jen.Id("_"), jen.Id("field")).Op(":=").Range().Index(jen.Op("...")).Struct(jen.Id("name").String(), jen.Id("value").Add(raw.Clone())).Values(
			jen.Values(jen.Lit("event"), jen.Id("fields").Dot("Event")),
			jen.Values(jen.Lit("id"), jen.Id("fields").Dot("ID")),
			jen.Values(jen.Lit("retry"), jen.Id("fields").Dot("Retry")),
		)).Block(
			jen.Id("value").Op(":=").Id("serverUnquote").Call(jen.Id("field").Dot("value")),
			jen.If(jen.Id("value").Op("!=").Lit("")).Block(
				jen.Qual(pkgFmt, "Fprintf").Call(buf(), jen.Lit("%s: %s\n"), jen.Id("field").Dot("name"), jen.Qual(pkgStrings, "ReplaceAll").Call(jen.Id("value"), jen.Lit("\n"), jen.Lit(" "))),
			),
		),
		jen.If(jen.Id("text")).Block(
			jen.Id("serverAppendData").Call(buf(), jen.Id("serverUnquote").Call(jen.Id("fields").Dot("Data"))),
			jen.Return(jen.Nil()),
		),
		jen.Id("serverAppendData").Call(buf(), jen.String().Call(jen.Id("fields").Dot("Data"))),
		jen.Return(jen.Nil()),
	)
	f.Comment("serverUnquote is a JSON value as SSE text: a string without its quotes, null and")
	f.Comment("absent as nothing, anything else as its JSON.")
	f.Func().Id("serverUnquote").Params(jen.Id("value").Add(raw.Clone())).String().Block(
		jen.Var().Id("s").String(),
		jen.If(jen.Qual(pkgJSON, "Unmarshal").Call(jen.Id("value"), jen.Op("&").Id("s")).Op("==").Nil()).Block(jen.Return(jen.Id("s"))),
		jen.If(jen.String().Call(jen.Id("value")).Op("==").Lit("null")).Block(jen.Return(jen.Lit(""))),
		jen.Return(jen.String().Call(jen.Id("value"))),
	)
}
