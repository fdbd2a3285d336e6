package templates

import (
	"github.com/dave/jennifer/jen"
)

// clientMaxErrorBody caps the body of a failed answer that an APIError
// keeps, and how much of a discarded body is drained.
const clientMaxErrorBody = 64 << 10

// clientPresize caps how much of an answer's Content-Length the client
// allocates before reading it.
const clientPresize = 16 << 20

// clientMaxResponseBytes is the default cap of a success body: far above any
// page of an API, far below what would exhaust a process.
const clientMaxResponseBytes = 256 << 20

// The doc comments of the runtime's types that the generated package aliases.
const (
	httpDoerDoc      = "HTTPDoer sends HTTP requests; *http.Client is one. Wrap one to trace, log or\nrate-limit the calls."
	requestEditorDoc = "RequestEditorFn changes a request before it is sent, to add a header or sign it.\nEditors run on every attempt, retries included; an error stops the call."
)

// genEngine renders ClientEngine, the state that every call of a client
// reads: the Client of the generated package holds one, set by its options.
func (g *clientGen) genEngine(f *jen.File) {
	f.Add(doc(httpDoerDoc)).Type().Id("HTTPDoer").Interface(
		jen.Id("Do").Params(jen.Id("req").Op("*").Qual(pkgHTTP, "Request")).Params(jen.Op("*").Qual(pkgHTTP, "Response"), jen.Error()),
	)
	f.Add(doc(requestEditorDoc)).Type().Id("RequestEditorFn").Func().Params(clientCtxParam(), jen.Id("req").Op("*").Qual(pkgHTTP, "Request")).Error()
	f.Comment("ClientEngine sends the calls of a Client: its fields are the client's settings,")
	f.Comment("which NewClient and the options set.")
	f.Type().Id("ClientEngine").StructFunc(func(s *jen.Group) {
		s.Id("BaseURL").String()
		s.Id("HTTPClient").Id("HTTPDoer")
		s.Id("Editors").Index().Id("RequestEditorFn")
		s.Id("UserAgent").String()
		s.Id("Retry").Id("RetryPolicy")
		s.Id("MaxResponseBytes").Int64().Comment("cap of a success body; 0 is clientMaxResponseBytes")
		s.Id("Strict").Bool().Comment("misfits are errors")
		if g.auth {
			s.Id("Secrets").Index().Id("ClientSecret").Comment("the credentials that are set")
		}
		s.Comment("Nullable reaches into a Nullable of the generated package for the tolerant")
		s.Comment("decoder: it returns a pointer to the value it makes n hold, or nil when n is")
		s.Comment("no Nullable. Nil when the package has none.")
		s.Id("Nullable").Func().Params(jen.Id("n").Any()).Any()
		s.Comment("Now and Sleep are the clock of the retry loop; tests replace them.")
		s.Id("Now").Func().Params().Qual(pkgTime, "Time")
		s.Id("Sleep").Func().Params(clientCtxParam(), jen.Id("d").Qual(pkgTime, "Duration")).Error()
	})
}

// genCall renders ClientCall, the request of one call that every attempt
// replays, and the methods that fill its body.
func (g *clientGen) genCall(f *jen.File) {
	f.Comment("ClientCall is one call of an operation, ready to be sent, and sent again when")
	f.Comment("it is retried: the body is kept as bytes so that every attempt replays it.")
	f.Type().Id("ClientCall").StructFunc(func(s *jen.Group) {
		s.Id("Operation").String().Comment("the operationId, which errors name")
		s.Id("Method").String()
		s.Id("Path").String().Comment("escaped, after the base URL")
		s.Id("Query").Qual(pkgURL, "Values").Comment("values as they are; escaped when sent")
		s.Id("RawQuery").Qual(pkgURL, "Values").Comment("values already escaped: joined lists")
		s.Id("Header").Qual(pkgHTTP, "Header")
		s.Id("Accept").String().Comment("the Accept header, unless a header parameter sets one")
		s.Id("Cookies").Index().Op("*").Qual(pkgHTTP, "Cookie")
		s.Id("Body").Index().Byte().Comment("nil without a body")
		if g.uploads {
			s.Comment("stream is a body read from the caller's reader as it is sent. It is sent once")
			s.Comment("(a call is not retried) unless it seeks: then every attempt rewinds it to")
			s.Comment("streamStart and sends streamSize bytes.")
			s.Id("Stream").Qual(pkgIO, "Reader")
			s.Id("Rewinds").Bool()
			s.Id("Reopen").Func().Params().Params(jen.Qual(pkgIO, "ReadCloser"), jen.Error()).Comment("a ReopenableBody's Open: every attempt opens the body anew")
			s.List(jen.Id("StreamStart"), jen.Id("StreamSize")).Int64()
		}
		if g.handsOverAnswers() {
			s.Id("StreamAnswer").Bool().Comment("a success body is handed over unread (streamed downloads and event streams)")
		}
		if g.auth {
			s.Comment("security lists alternative sets of security schemes; the first set whose")
			s.Comment("credentials are all configured authenticates the call.")
			s.Id("Security").Index().Index().String()
		}
		s.Id("Editors").Index().Id("RequestEditorFn")
		s.Id("Err").Error().Comment("the first error building the call; Send returns it unsent")
	})
	f.Comment("ClientOp describes an operation: what its calls start from.")
	f.Type().Id("ClientOp").StructFunc(func(s *jen.Group) {
		s.List(jen.Id("ID"), jen.Id("Method")).String()
		s.Id("Accept").String().Comment("the Accept header, if any")
		if g.auth {
			s.Id("Security").Index().Index().String().Comment("see ClientCall")
		}
	})
	fields := jen.Dict{
		jen.Id("Operation"): jen.Id("op").Dot("ID"), jen.Id("Method"): jen.Id("op").Dot("Method"), jen.Id("Path"): jen.Id("path"),
		jen.Id("Query"): jen.Qual(pkgURL, "Values").Values(), jen.Id("RawQuery"): jen.Qual(pkgURL, "Values").Values(),
		jen.Id("Header"): jen.Qual(pkgHTTP, "Header").Values(), jen.Id("Accept"): jen.Id("op").Dot("Accept"),
		jen.Id("Editors"): jen.Id("editors"),
	}
	if g.auth {
		fields[jen.Id("Security")] = jen.Id("op").Dot("Security")
	}
	f.Comment("Start starts a call of the operation op at path. It stays out of line, or its")
	f.Comment("maps would be made in every method; the caller's ClientCall stays on the")
	f.Comment("caller's stack.")
	f.Comment(noInline)
	f.Func().Params(jen.Id("s").Op("*").Id("ClientCall")).Id("Start").Params(jen.Id("op").Op("*").Id("ClientOp"), jen.Id("path").String(), jen.Id("editors").Index().Id("RequestEditorFn")).Block(
		jen.Op("*").Id("s").Op("=").Id("ClientCall").Values(fields),
	)
	s := func() *jen.Statement { return jen.Id("s") }
	f.Comment("Keep keeps the first error building a call.")
	f.Func().Params(s().Op("*").Id("ClientCall")).Id("Keep").Params(jen.Err().Error()).Block(
		jen.If(s().Dot("Err").Op("==").Nil()).Block(s().Dot("Err").Op("=").Err()),
	)
	f.Comment("EmptyPath keeps the error of a path parameter that is empty, which would make")
	f.Comment("a request for another path. It stays out of line: it is called for most path")
	f.Comment("parameters of every method.")
	f.Comment(noInline)
	f.Func().Params(s().Op("*").Id("ClientCall")).Id("EmptyPath").Params(jen.Id("name").String(), jen.Id("empty").Bool()).Block(
		jen.If(jen.Id("empty")).Block(s().Dot("Keep").Call(jen.Qual(pkgErrors, "New").Call(jen.Lit(g.api.Package + ": ").Op("+").Add(s().Dot("Operation")).Op("+").Lit(": path parameter ").Op("+").Id("name").Op("+").Lit(" is empty")))),
	)
	f.Comment("SetJSON encodes the request body as JSON.")
	f.Func().Params(s().Op("*").Id("ClientCall")).Id("SetJSON").Params(jen.Id("contentType").String(), jen.Id("v").Any()).Block(
		jen.List(jen.Id("data"), jen.Err()).Op(":=").Qual(pkgJSON, "Marshal").Call(jen.Id("v")),
		jen.If(jen.Err().Op("!=").Nil()).Block(
			s().Dot("Keep").Call(g.errorf("%s: encoding the request body: %w", s().Dot("Operation"), jen.Err())),
			jen.Return(),
		),
		s().Dot("SetBody").Call(jen.Id("contentType"), jen.Id("data")),
	)
	if g.usesOptJSON {
		f.Comment("ClientOptJSON encodes an optional request body as JSON when it is present (not a")
		f.Comment("nil pointer). Not generic: an instance per body type cost the compiler two")
		f.Comment("functions each.")
		f.Func().Id("ClientOptJSON").Params(s().Op("*").Id("ClientCall"), jen.Id("contentType").String(), jen.Id("present").Bool(), jen.Id("body").Any()).Block(
			jen.If(jen.Id("present")).Block(s().Dot("SetJSON").Call(jen.Id("contentType"), jen.Id("body"))),
		)
	}
	g.genSetStream(f)
	if g.usesAddList || g.usesPut || g.usesObject {
		f.Comment("AddList adds a list parameter that is not exploded: each value escaped, joined by")
		f.Comment("sep, which stays as it is (name=a,b rather than name=a%2Cb).")
		f.Func().Params(s().Op("*").Id("ClientCall")).Id("AddList").Params(jen.List(jen.Id("name"), jen.Id("sep")).String(), jen.Id("values").Index().String()).Block(
			jen.Id("escaped").Op(":=").Make(jen.Index().String(), jen.Len(jen.Id("values"))),
			jen.For(jen.List(jen.Id("i"), jen.Id("v")).Op(":=").Range().Id("values")).Block(
				jen.Id("escaped").Index(jen.Id("i")).Op("=").Qual(pkgURL, "QueryEscape").Call(jen.Id("v")),
			),
			s().Dot("RawQuery").Dot("Set").Call(jen.Id("name"), jen.Qual(pkgStrings, "Join").Call(jen.Id("escaped"), jen.Id("sep"))),
		)
	}
	f.Comment("encodeQuery writes the query string in key order. Brackets in names stay as they")
	f.Comment("are, as APIs with filters such as title[eq] document them.")
	f.Func().Params(s().Op("*").Id("ClientCall")).Id("encodeQuery").Params().String().Block(
		jen.Id("keys").Op(":=").Make(jen.Index().String(), jen.Lit(0), jen.Len(s().Dot("Query")).Op("+").Len(s().Dot("RawQuery"))),
		jen.For(jen.Id("key").Op(":=").Range().Add(s().Dot("Query"))).Block(jen.Id("keys").Op("=").Append(jen.Id("keys"), jen.Id("key"))),
		jen.For(jen.Id("key").Op(":=").Range().Add(s().Dot("RawQuery"))).Block(jen.Id("keys").Op("=").Append(jen.Id("keys"), jen.Id("key"))),
		jen.If(jen.Len(jen.Id("keys")).Op(">").Lit(1)).Block(jen.Qual(pkgSort, "Strings").Call(jen.Id("keys"))),
		jen.Var().Id("parts").Index().String(),
		jen.For(jen.List(jen.Id("i"), jen.Id("key")).Op(":=").Range().Id("keys")).Block(
			jen.If(jen.Id("i").Op(">").Lit(0).Op("&&").Id("key").Op("==").Id("keys").Index(jen.Id("i").Op("-").Lit(1))).Block(jen.Continue()),
			jen.Id("name").Op(":=").Id("clientUnbracket").Dot("Replace").Call(jen.Qual(pkgURL, "QueryEscape").Call(jen.Id("key"))),
			jen.For(jen.List(jen.Id("_"), jen.Id("v")).Op(":=").Range().Add(s().Dot("Query")).Index(jen.Id("key"))).Block(
				jen.Id("parts").Op("=").Append(jen.Id("parts"), jen.Id("name").Op("+").Lit("=").Op("+").Qual(pkgURL, "QueryEscape").Call(jen.Id("v"))),
			),
			jen.For(jen.List(jen.Id("_"), jen.Id("v")).Op(":=").Range().Add(s().Dot("RawQuery")).Index(jen.Id("key"))).Block(
				jen.Id("parts").Op("=").Append(jen.Id("parts"), jen.Id("name").Op("+").Lit("=").Op("+").Id("v")),
			),
		),
		jen.Return(jen.Qual(pkgStrings, "Join").Call(jen.Id("parts"), jen.Lit("&"))),
	)
	f.Comment("clientUnbracket puts back the brackets that url.QueryEscape escapes in names;")
	f.Comment("built once, as a Replacer is costly to build and safe to share.")
	f.Var().Id("clientUnbracket").Op("=").Qual(pkgStrings, "NewReplacer").Call(jen.Lit("%5B"), jen.Lit("["), jen.Lit("%5D"), jen.Lit("]"))
	f.Comment("SetBody sets the request body as it is sent.")
	f.Func().Params(s().Op("*").Id("ClientCall")).Id("SetBody").Params(jen.Id("contentType").String(), jen.Id("data").Index().Byte()).Block(
		jen.If(jen.Id("data").Op("==").Nil()).Block(jen.Id("data").Op("=").Index().Byte().Values()),
		s().Dot("Body").Op("=").Id("data"),
		s().Dot("Header").Dot("Set").Call(jen.Lit("Content-Type"), jen.Id("contentType")),
	)
}

// reopenableBodyDoc is the doc comment of ReopenableBody and of its alias.
const reopenableBodyDoc = `ReopenableBody is an upload body that the client opens anew for each attempt, as
http.Request.GetBody does, so that a call with it is retried like one whose body
seeks. Open is called once per attempt (and per redirect), and the client closes
what it returns; Size, when above zero, is sent as Content-Length, else the body
goes chunked. Pass it where an upload takes an io.Reader.`

// genSetStream renders SetStream, for clients with streamed uploads.
func (g *clientGen) genSetStream(f *jen.File) {
	if !g.uploads {
		return
	}
	s := func() *jen.Statement { return jen.Id("s") }
	f.Add(doc(reopenableBodyDoc)).Type().Id("ReopenableBody").Struct(
		jen.Id("Open").Func().Params().Params(jen.Qual(pkgIO, "ReadCloser"), jen.Error()),
		jen.Id("Size").Int64(),
	)
	f.Comment("Read fails: the client opens a ReopenableBody, it never reads it.")
	f.Func().Params(jen.Id("ReopenableBody")).Id("Read").Params(jen.Index().Byte()).Params(jen.Int(), jen.Error()).Block(
		jen.Return(jen.Lit(0), jen.Qual(pkgErrors, "New").Call(jen.Lit("ReopenableBody is opened by the client, not read"))),
	)
	f.Comment("SetStream sets a body that is read from r as it is sent. When r seeks, its size")
	f.Comment("is sent as Content-Length and retries rewind it; a ReopenableBody is opened for")
	f.Comment("each attempt; otherwise the call is sent once.")
	f.Func().Params(s().Op("*").Id("ClientCall")).Id("SetStream").Params(jen.Id("contentType").String(), jen.Id("r").Qual(pkgIO, "Reader")).Block(
		s().Dot("Stream").Op("=").Id("r"),
		s().Dot("Header").Dot("Set").Call(jen.Lit("Content-Type"), jen.Id("contentType")),
		jen.If(jen.List(jen.Id("body"), jen.Id("ok")).Op(":=").Id("r").Assert(jen.Id("ReopenableBody")), jen.Id("ok").Op("&&").Id("body").Dot("Open").Op("!=").Nil()).Block(
			jen.List(s().Dot("Reopen"), s().Dot("StreamSize")).Op("=").List(jen.Id("body").Dot("Open"), jen.Id("body").Dot("Size")),
			jen.Return(),
		),
		jen.List(jen.Id("seeker"), jen.Id("ok")).Op(":=").Id("r").Assert(jen.Qual(pkgIO, "Seeker")),
		jen.If(jen.Op("!").Id("ok")).Block(jen.Return()),
		jen.List(jen.Id("start"), jen.Err()).Op(":=").Id("seeker").Dot("Seek").Call(jen.Lit(0), jen.Qual(pkgIO, "SeekCurrent")),
		jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return()),
		jen.List(jen.Id("end"), jen.Err()).Op(":=").Id("seeker").Dot("Seek").Call(jen.Lit(0), jen.Qual(pkgIO, "SeekEnd")),
		jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return()),
		jen.List(s().Dot("Rewinds"), s().Dot("StreamStart"), s().Dot("StreamSize")).Op("=").List(jen.True(), jen.Id("start"), jen.Id("end").Op("-").Id("start")),
	)
}

// genSend renders the loop that sends a call, with its retries.
func (g *clientGen) genSend(f *jen.File) {
	c := func() *jen.Statement { return jen.Id("c") }
	s := func() *jen.Statement { return jen.Id("s") }
	f.Comment("Send sends a call and returns the final answer, with its body read and closed,")
	f.Comment("after the retries that the policy allows. Answers of every status are returned;")
	f.Comment("the error is one building the call, or a transport, editor or context error.")
	f.Func().Params(c().Op("*").Id("ClientEngine")).Id("Send").Params(clientCtxParam(), s().Op("*").Id("ClientCall")).Params(jen.Op("*").Id("ClientAnswer"), jen.Error()).BlockFunc(func(b *jen.Group) {
		b.If(s().Dot("Err").Op("!=").Nil()).Block(jen.Return(jen.Nil(), s().Dot("Err")))
		if g.auth {
			b.Add(c().Dot("authenticate").Call(s()))
		}
		b.Id("target").Op(":=").Add(c().Dot("BaseURL")).Op("+").Add(s().Dot("Path"))
		b.If(jen.Id("query").Op(":=").Add(s().Dot("encodeQuery").Call()), jen.Id("query").Op("!=").Lit("")).Block(
			jen.Id("target").Op("+=").Lit("?").Op("+").Id("query"),
		)
		b.Id("start").Op(":=").Add(c().Dot("Now").Call())
		b.For(jen.Id("attempt").Op(":=").Lit(1), jen.Empty(), jen.Id("attempt").Op("++")).Block(
			jen.List(jen.Id("resp"), jen.Err()).Op(":=").Add(c().Dot("attempt").Call(jen.Id("ctx"), s(), jen.Id("target"))),
			clientIfErr(jen.Nil(), jen.Err()),
			jen.List(jen.Id("wait"), jen.Id("retry")).Op(":=").Add(c().Dot("retryWait").Call(jen.Id("ctx"), s(), jen.Id("resp"), jen.Id("attempt"), jen.Id("start"))),
			jen.If(jen.Op("!").Id("retry")).BlockFunc(func(b *jen.Group) {
				b.Return(c().Dot("read").Call(jen.Id("ctx"), s(), jen.Id("resp")))
			}),
			jen.Id("ClientDiscard").Call(jen.Id("resp").Dot("Body")),
			jen.If(jen.Err().Op(":=").Add(c().Dot("Sleep").Call(jen.Id("ctx"), jen.Id("wait"))), jen.Err().Op("!=").Nil()).Block(
				jen.Return(jen.Nil(), g.errorf("%s: waiting %v to retry after status %d: %w", s().Dot("Operation"), jen.Id("wait"), jen.Id("resp").Dot("StatusCode"), jen.Err())),
			),
		)
	})
}

// genAttempt renders one attempt: a fresh request from the call, the user
// agent, the editors, and the transport.
func (g *clientGen) genAttempt(f *jen.File) {
	c := func() *jen.Statement { return jen.Id("c") }
	s := func() *jen.Statement { return jen.Id("s") }
	req := func() *jen.Statement { return jen.Id("req") }
	f.Comment("attempt sends a call once. Editors see a fresh request every time.")
	f.Func().Params(c().Op("*").Id("ClientEngine")).Id("attempt").Params(clientCtxParam(), s().Op("*").Id("ClientCall"), jen.Id("target").String()).Params(jen.Op("*").Qual(pkgHTTP, "Response"), jen.Error()).Block(
		jen.Var().Id("body").Qual(pkgIO, "Reader"),
		g.attemptBody(),
		jen.List(req(), jen.Err()).Op(":=").Qual(pkgHTTP, "NewRequestWithContext").Call(jen.Id("ctx"), s().Dot("Method"), jen.Id("target"), jen.Id("body")),
		clientIfErr(jen.Nil(), g.errorf("%s: %w", s().Dot("Operation"), jen.Err())),
		g.attemptLength(),
		req().Dot("Header").Op("=").Add(s().Dot("Header").Dot("Clone").Call()),
		jen.If(jen.List(jen.Id("_"), jen.Id("set")).Op(":=").Add(req().Dot("Header")).Index(jen.Lit("Accept")), s().Dot("Accept").Op("!=").Lit("").Op("&&").Op("!").Id("set")).Block(
			req().Dot("Header").Dot("Set").Call(jen.Lit("Accept"), s().Dot("Accept")),
		),
		jen.If(c().Dot("UserAgent").Op("!=").Lit("")).Block(
			req().Dot("Header").Dot("Set").Call(jen.Lit("User-Agent"), c().Dot("UserAgent")),
		),
		jen.For(jen.List(jen.Id("_"), jen.Id("cookie")).Op(":=").Range().Add(s().Dot("Cookies"))).Block(
			req().Dot("AddCookie").Call(jen.Id("cookie")),
		),
		jen.For(jen.List(jen.Id("_"), jen.Id("editors")).Op(":=").Range().Index(jen.Lit(2)).Index().Id("RequestEditorFn").Values(c().Dot("Editors"), s().Dot("Editors"))).Block(
			jen.For(jen.List(jen.Id("_"), jen.Id("edit")).Op(":=").Range().Id("editors")).Block(
				jen.If(jen.Err().Op(":=").Id("edit").Call(jen.Id("ctx"), req()), jen.Err().Op("!=").Nil()).Block(
					jen.Return(jen.Nil(), g.errorf("%s: request editor: %w", s().Dot("Operation"), jen.Err())),
				),
			),
		),
		jen.List(jen.Id("resp"), jen.Err()).Op(":=").Add(c().Dot("HTTPClient").Dot("Do").Call(req())),
		jen.Var().Id("urlErr").Op("*").Qual(pkgURL, "Error"),
		jen.If(jen.Qual(pkgErrors, "As").Call(jen.Err(), jen.Op("&").Id("urlErr"))).Block(
			jen.Comment("The query may carry an API key: errors name the path only."),
			jen.Id("urlErr").Dot("URL").Op("=").Add(c().Dot("BaseURL")).Op("+").Add(s().Dot("Path")),
		),
		clientIfErr(jen.Nil(), g.errorf("%s: %w", s().Dot("Operation"), jen.Err())),
		jen.If(jen.Id("resp").Op("==").Nil().Op("||").Id("resp").Dot("Body").Op("==").Nil()).Block(
			jen.Return(jen.Nil(), g.errorf("%s: the HTTP client returned no response", s().Dot("Operation"))),
		),
		jen.Return(jen.Id("resp"), jen.Nil()),
	)
}

// attemptBody sets body, the reader of an attempt's request body: bytes,
// or, in clients with streamed uploads, the caller's reader, rewound when
// it seeks.
func (g *clientGen) attemptBody() jen.Code {
	s := func() *jen.Statement { return jen.Id("s") }
	fromBytes := jen.Id("body").Op("=").Qual(pkgBytes, "NewReader").Call(s().Dot("Body"))
	if !g.uploads {
		return jen.If(s().Dot("Body").Op("!=").Nil()).Block(fromBytes)
	}
	var multipart jen.Code = jen.Null()
	if g.multipart {
		multipart = jen.List(jen.Id("multipart"), jen.Id("isMultipart")).Op(":=").Add(s().Dot("Stream")).Assert(jen.Op("*").Id("clientMultipart")).Line()
	}
	return jen.Add(multipart).Switch().Block(
		jen.Case(s().Dot("Rewinds")).Block(
			jen.If(jen.List(jen.Id("_"), jen.Err()).Op(":=").Add(s().Dot("Stream")).Assert(jen.Qual(pkgIO, "Seeker")).Dot("Seek").Call(s().Dot("StreamStart"), jen.Qual(pkgIO, "SeekStart")), jen.Err().Op("!=").Nil()).Block(
				jen.Return(jen.Nil(), g.errorf("%s: rewinding the request body: %w", s().Dot("Operation"), jen.Err())),
			),
			jen.Id("body").Op("=").Qual(pkgIO, "LimitReader").Call(s().Dot("Stream"), s().Dot("StreamSize")),
		),
		g.multipartBody(),
		jen.Case(s().Dot("Reopen").Op("!=").Nil()).Block(
			jen.List(jen.Id("opened"), jen.Err()).Op(":=").Add(s().Dot("Reopen")).Call(),
			jen.If(jen.Err().Op("!=").Nil()).Block(
				jen.Return(jen.Nil(), g.errorf("%s: opening the request body: %w", s().Dot("Operation"), jen.Err())),
			),
			jen.Id("body").Op("=").Id("opened"),
		),
		jen.Case(s().Dot("Stream").Op("!=").Nil()).Block(
			jen.Comment("The caller's reader is not closed: the caller opened it."),
			jen.Id("body").Op("=").Qual(pkgIO, "NopCloser").Call(s().Dot("Stream")),
		),
		jen.Case(s().Dot("Body").Op("!=").Nil()).Block(fromBytes),
	)
}

// multipartBody hands a multipart body to the transport as it is, so that
// closing the request ends its writer.
func (g *clientGen) multipartBody() jen.Code {
	if !g.multipart {
		return jen.Null()
	}
	return jen.Case(jen.Id("isMultipart")).Block(jen.Id("body").Op("=").Id("multipart"))
}

// attemptLength sends the size of a body that seeks as Content-Length.
func (g *clientGen) attemptLength() jen.Code {
	if !g.uploads {
		return jen.Null()
	}
	s := func() *jen.Statement { return jen.Id("s") }
	return jen.If(s().Dot("Rewinds")).Block(
		jen.Id("req").Dot("ContentLength").Op("=").Add(s().Dot("StreamSize")),
		jen.If(s().Dot("StreamSize").Op("==").Lit(0)).Block(jen.Id("req").Dot("Body").Op("=").Qual(pkgHTTP, "NoBody")),
	).Line().If(s().Dot("Reopen").Op("!=").Nil()).Block(
		jen.Id("req").Dot("GetBody").Op("=").Add(s().Dot("Reopen")),
		jen.If(s().Dot("StreamSize").Op(">").Lit(0)).Block(jen.Id("req").Dot("ContentLength").Op("=").Add(s().Dot("StreamSize"))),
	)
}

// handsOverAnswers reports whether some call hands its success body over
// unread: a streamed download or an event stream.
func (g *clientGen) handsOverAnswers() bool { return g.downloads || g.streams }

// readAnswerBody reads the body of an answer into a.body; in clients with
// streamed downloads or event streams, the success body of such a call goes
// to a.stream unread.
func (g *clientGen) readAnswerBody() jen.Code {
	read := jen.List(jen.Id("body"), jen.Err()).Op(":=").Id("c").Dot("readBody").Call(jen.Id("s"), jen.Id("resp")).Line().
		Add(clientIfErr(jen.Nil(), jen.Err())).Line().
		Id("a").Dot("Body").Op("=").Id("body")
	if !g.handsOverAnswers() {
		return read
	}
	return jen.If(jen.Id("s").Dot("StreamAnswer").Op("&&").Id("resp").Dot("StatusCode").Op("/").Lit(100).Op("==").Lit(2)).Block(
		jen.Id("a").Dot("Stream").Op("=").Id("resp").Dot("Body"),
	).Else().Block(read)
}

// genAnswer renders ClientAnswer and read, which makes one from a
// response: a success body handed over unread when some call streams it.
func (g *clientGen) genAnswer(f *jen.File) {
	a := func() *jen.Statement { return jen.Id("a") }
	s := func() *jen.Statement { return jen.Id("s") }
	resp := func() *jen.Statement { return jen.Id("resp") }
	f.Comment("ClientAnswer is an answer whose body has been read and closed, or, for the")
	f.Comment("success of a streamed download or event stream, handed over unread in stream.")
	f.Type().Id("ClientAnswer").StructFunc(func(st *jen.Group) {
		st.Id("Status").Int()
		st.Id("Header").Qual(pkgHTTP, "Header")
		st.Id("Body").Index().Byte()
		if g.handsOverAnswers() {
			st.Id("Stream").Qual(pkgIO, "ReadCloser").Comment("the unread success body of a streamed download or event stream; nil otherwise")
		}
		st.Id("Strict").Bool().Comment("misfits are errors (WithStrictDecoding)")
		st.Id("Record").Op("*").Id("Answer").Comment("where RecordAnswer asked for the answer; nil without")
		st.Id("Nullable").Func().Params(jen.Any()).Any().Comment("the engine's Nullable, for the tolerant decoder")
	})
	f.Comment("clientMaxErrorBody caps the body that an APIError keeps, and how much of a")
	f.Comment("discarded body is drained so that the connection can be reused.")
	f.Const().Id("clientMaxErrorBody").Op("=").Lit(clientMaxErrorBody)
	f.Comment("clientPresize caps the buffer that is sized from Content-Length before reading,")
	f.Comment("so that a false length cannot make the client allocate more than this up front.")
	f.Const().Id("clientPresize").Op("=").Lit(clientPresize)
	f.Comment("clientMaxResponseBytes is the default cap of a success body (WithMaxResponseBytes).")
	f.Const().Id("clientMaxResponseBytes").Op("=").Lit(clientMaxResponseBytes)
	c := func() *jen.Statement { return jen.Id("c") }
	f.Comment("read reads and closes the body of the final answer of a call: a success body up")
	f.Comment("to the client's cap, an error body up to clientMaxErrorBody, past which the")
	f.Comment("connection is closed rather than drained. The buffer is sized from")
	f.Comment("Content-Length, when the server sends it, so that it is allocated once. The")
	f.Comment("success body of a streamed download is left unread for the caller, uncapped.")
	f.Func().Params(c().Op("*").Id("ClientEngine")).Id("read").Params(clientCtxParam(), s().Op("*").Id("ClientCall"), resp().Op("*").Qual(pkgHTTP, "Response")).Params(jen.Op("*").Id("ClientAnswer"), jen.Error()).Block(
		jen.Id("a").Op(":=").Op("&").Id("ClientAnswer").Values(jen.Dict{
			jen.Id("Status"): resp().Dot("StatusCode"), jen.Id("Header"): resp().Dot("Header"), jen.Id("Strict"): c().Dot("Strict"), jen.Id("Nullable"): c().Dot("Nullable"),
		}),
		g.readAnswerBody(),
		jen.If(jen.List(jen.Id("record"), jen.Id("ok")).Op(":=").Id("ctx").Dot("Value").Call(jen.Id("AnswerKey").Values()).Assert(jen.Op("*").Id("Answer")), jen.Id("ok").Op("&&").Id("record").Op("!=").Nil()).Block(
			jen.Op("*").Id("record").Op("=").Id("Answer").Values(jen.Dict{jen.Id("StatusCode"): a().Dot("Status"), jen.Id("Header"): a().Dot("Header"), jen.Id("Body"): a().Dot("Body")}),
			a().Dot("Record").Op("=").Id("record"),
		),
		jen.Return(a(), jen.Nil()),
	)
}

// genAnswerBody renders what every answer shares after ClientAnswer and
// read: the reading of bodies, their tolerant decoding and the APIErrors.
func (g *clientGen) genAnswerBody(f *jen.File) {
	a := func() *jen.Statement { return jen.Id("a") }
	s := func() *jen.Statement { return jen.Id("s") }
	resp := func() *jen.Statement { return jen.Id("resp") }
	c := func() *jen.Statement { return jen.Id("c") }
	f.Comment("readBody reads and closes the body of an answer, up to the cap of its status.")
	f.Func().Params(c().Op("*").Id("ClientEngine")).Id("readBody").Params(s().Op("*").Id("ClientCall"), resp().Op("*").Qual(pkgHTTP, "Response")).Params(jen.Index().Byte(), jen.Error()).Block(
		jen.Id("limit").Op(":=").Add(c().Dot("MaxResponseBytes")),
		jen.If(jen.Id("limit").Op("<=").Lit(0)).Block(jen.Id("limit").Op("=").Id("clientMaxResponseBytes")),
		jen.Id("success").Op(":=").Add(resp().Dot("StatusCode")).Op("/").Lit(100).Op("==").Lit(2),
		jen.If(jen.Op("!").Id("success")).Block(jen.Id("limit").Op("=").Id("clientMaxErrorBody")),
		jen.Var().Id("buf").Qual(pkgBytes, "Buffer"),
		jen.If(resp().Dot("ContentLength").Op(">").Lit(0)).Block(
			jen.Id("buf").Dot("Grow").Call(jen.Int().Call(jen.Min(resp().Dot("ContentLength"), jen.Id("limit"), jen.Id("clientPresize"))).Op("+").Qual(pkgBytes, "MinRead")),
		),
		jen.Comment("One byte more than the cap tells a body at the cap from a longer one."),
		jen.List(jen.Id("_"), jen.Err()).Op(":=").Id("buf").Dot("ReadFrom").Call(jen.Qual(pkgIO, "LimitReader").Call(resp().Dot("Body"), jen.Id("limit").Op("+").Lit(1))),
		jen.Id("_").Op("=").Add(resp()).Dot("Body").Dot("Close").Call(),
		jen.If(jen.Err().Op("!=").Nil()).Block(
			jen.Return(jen.Nil(), g.errorf("%s: reading the answer (status %d): %w", s().Dot("Operation"), resp().Dot("StatusCode"), jen.Err())),
		),
		jen.Id("body").Op(":=").Id("buf").Dot("Bytes").Call(),
		jen.If(jen.Int64().Call(jen.Len(jen.Id("body"))).Op(">").Id("limit")).BlockFunc(func(b *jen.Group) {
			b.If(jen.Id("success")).Block(
				jen.Return(jen.Nil(), g.errorf("%s: the answer (status %d) is larger than %d bytes; raise WithMaxResponseBytes to read it", s().Dot("Operation"), resp().Dot("StatusCode"), jen.Id("limit"))),
			)
			b.Id("body").Op("=").Id("body").Index(jen.Empty(), jen.Id("limit"))
		}),
		jen.Return(jen.Id("body"), jen.Nil()),
	)
	f.Comment("ClientDiscard drains what is left of a body, up to clientMaxErrorBody bytes, and")
	f.Comment("closes it.")
	f.Func().Id("ClientDiscard").Params(jen.Id("body").Qual(pkgIO, "ReadCloser")).Block(
		jen.List(jen.Id("_"), jen.Id("_")).Op("=").Qual(pkgIO, "Copy").Call(jen.Qual(pkgIO, "Discard"), jen.Qual(pkgIO, "LimitReader").Call(jen.Id("body"), jen.Id("clientMaxErrorBody"))),
		jen.Id("_").Op("=").Id("body").Dot("Close").Call(),
	)
	g.genDecode(f)
	f.Comment("Fail turns an answer into an *APIError. description is the spec's text for the")
	f.Comment("status; body, when not nil, points to a value of the Go type that the spec")
	f.Comment("gives the error body, and is kept when the body decodes into it.")
	f.Func().Params(a().Op("*").Id("ClientAnswer")).Id("Fail").Params(s().Op("*").Id("ClientCall"), jen.Id("description").String(), jen.Id("body").Any()).Op("*").Id("APIError").Block(
		jen.Id("e").Op(":=").Op("&").Id("APIError").Values(jen.Dict{
			jen.Id("Operation"): s().Dot("Operation"), jen.Id("Method"): s().Dot("Method"), jen.Id("Path"): s().Dot("Path"),
			jen.Id("StatusCode"): a().Dot("Status"), jen.Id("Description"): jen.Id("description"), jen.Id("Header"): a().Dot("Header"),
			jen.Id("RawBody"): a().Dot("Body").Index(jen.Empty(), jen.Min(jen.Len(a().Dot("Body")), jen.Id("clientMaxErrorBody"))),
		}),
		jen.If(jen.Id("body").Op("!=").Nil().Op("&&").Qual(pkgJSON, "Unmarshal").Call(a().Dot("Body"), jen.Id("body")).Op("==").Nil()).Block(
			jen.Id("e").Dot("Body").Op("=").Id("body"),
		),
		jen.Return(jen.Id("e")),
	)
}

// genAPIError renders APIError, the error of every answer that a call does
// not succeed with.
func (g *clientGen) genAPIError(f *jen.File) {
	text := "APIError is an answer that a call does not succeed with: every status outside\n2xx (every 2xx status is a success, documented or not). Find it with errors.As."
	clientAlias(f, "APIError", text)
	f = g.rt.live()
	f.Add(doc(text)).Type().Id("APIError").Struct(
		clientDocField("Operation is the operationId of the call (\""+g.api.Operations[0].ID+"\").", jen.Id("Operation"), jen.String()),
		clientDocField("Method and Path are the request's method and path (after the base URL, without the query).", jen.List(jen.Id("Method"), jen.Id("Path")), jen.String()),
		clientDocField("StatusCode is the HTTP status of the answer.", jen.Id("StatusCode"), jen.Int()),
		clientDocField("Description is the spec's description of the status for this operation; empty when the spec has none.", jen.Id("Description"), jen.String()),
		clientDocField("Header holds the headers of the answer.", jen.Id("Header"), jen.Qual(pkgHTTP, "Header")),
		clientDocField("Body is the decoded error body: a pointer to the Go type that the spec gives for this status. It is nil when the spec gives none or the body does not decode into it.", jen.Id("Body"), jen.Any()),
		clientDocField("RawBody is the body of the answer, at most 64 KiB of it.", jen.Id("RawBody"), jen.Index().Byte()),
	)
	e := func() *jen.Statement { return jen.Id("e") }
	f.Comment("Error says which call failed, with which status, and why.")
	f.Func().Params(e().Op("*").Id("APIError")).Id("Error").Params().String().Block(
		jen.Id("msg").Op(":=").Qual(pkgFmt, "Sprintf").Call(jen.Lit(g.api.Package+": %s: %d %s"), e().Dot("Operation"), e().Dot("StatusCode"), jen.Qual(pkgHTTP, "StatusText").Call(e().Dot("StatusCode"))),
		jen.If(e().Dot("Description").Op("!=").Lit("")).Block(jen.Id("msg").Op("+=").Lit(": ").Op("+").Add(e().Dot("Description"))),
		jen.If(jen.Id("ct").Op(":=").Add(e().Dot("Header").Dot("Get").Call(jen.Lit("Content-Type"))), jen.Len(e().Dot("RawBody")).Op(">").Lit(0).Op("&&").Op("!").Id("clientIsJSON").Call(jen.Id("ct")).Op("&&").Op("!").Qual(pkgJSON, "Valid").Call(e().Dot("RawBody"))).Block(
			jen.Comment("A proxy's page rather than the API's answer: say so."),
			jen.Id("msg").Op("+=").Lit(" (").Op("+").Id("ct").Op("+").Lit(")"),
		),
		jen.If(jen.Len(e().Dot("RawBody")).Op(">").Lit(0)).Block(jen.Id("msg").Op("+=").Lit(": ").Op("+").Id("clientSnippet").Call(e().Dot("RawBody"))),
		jen.Return(jen.Id("msg")),
	)
	f.Comment("clientSnippet is the start of a body on one line, for error messages.")
	f.Func().Id("clientSnippet").Params(jen.Id("body").Index().Byte()).String().Block(
		jen.Id("text").Op(":=").Qual(pkgStrings, "Join").Call(
			jen.Qual(pkgStrings, "Fields").Call(jen.String().Call(jen.Id("body").Index(jen.Empty(), jen.Min(jen.Len(jen.Id("body")), jen.Lit(300))))),
			jen.Lit(" "),
		),
		jen.If(jen.Len(jen.Id("text")).Op(">").Lit(200).Op("||").Len(jen.Id("body")).Op(">").Lit(300)).Block(
			jen.Id("text").Op("=").Id("text").Index(jen.Empty(), jen.Min(jen.Len(jen.Id("text")), jen.Lit(200))).Op("+").Lit("..."),
		),
		jen.Return(jen.Qual(pkgStrings, "ToValidUTF8").Call(jen.Id("text"), jen.Lit("?"))),
	)
}

// retryPolicyDoc is the doc comment of RetryPolicy and of its alias.
const retryPolicyDoc = `RetryPolicy says when a call is sent again. A call is retried when the server
answers 429 Too Many Requests, 423 Locked or 503 Service Unavailable, after the
delay that the answer's Retry-After header gives (seconds or an HTTP date) but
never sooner than an exponential backoff with jitter, so that "Retry-After: 0"
cannot make a loop. 429 and 423 mean that the request
was not processed, so every call is retried on them; 503 is retried only for
idempotent methods (GET, HEAD, OPTIONS, TRACE, PUT, DELETE) unless
RetryNonIdempotent is set. Retries stop after MaxAttempts attempts, when the next
attempt would start after MaxElapsed or after the context's deadline, and when
the context ends; the last answer is then returned as an *APIError. Zero fields
take the defaults that their comments give.`

// genRetryPolicy renders RetryPolicy; retryWait applies its defaults and backoff.
func (g *clientGen) genRetryPolicy(f *jen.File) {
	clientAlias(f, "RetryPolicy", retryPolicyDoc)
	g.rt.live().Add(doc(retryPolicyDoc).Type().Id("RetryPolicy").Struct(
		clientDocField("MaxAttempts is the number of attempts, the first included; 1 turns retries off. Default 3.", jen.Id("MaxAttempts"), jen.Int()),
		clientDocField("MaxElapsed bounds the time from the first attempt to the start of the last, waits included. Default 1 minute.", jen.Id("MaxElapsed"), jen.Qual(pkgTime, "Duration")),
		clientDocField("BaseDelay is the backoff before the first retry; it doubles for each retry after that. Default 500ms.", jen.Id("BaseDelay"), jen.Qual(pkgTime, "Duration")),
		clientDocField("MaxDelay caps a backoff, but not a Retry-After delay, which the server chose. Default 10s.", jen.Id("MaxDelay"), jen.Qual(pkgTime, "Duration")),
		clientDocField("RetryNonIdempotent also retries POST and PATCH calls on 503, for operations that the caller knows are safe to repeat.", jen.Id("RetryNonIdempotent"), jen.Bool()),
	))
}

// clientRetryDefaults are the statements that give the zero fields of the
// RetryPolicy p their defaults, in the retry decision itself rather than a
// method, which would be compiled twice (with its pointer wrapper).
func clientRetryDefaults() *jen.Statement {
	p := func() *jen.Statement { return jen.Id("p") }
	defaults := []struct {
		field string
		zero  string // the comparison that selects the default
		value jen.Code
	}{
		{"MaxAttempts", "==", jen.Lit(3)},
		{"MaxElapsed", "<=", jen.Qual(pkgTime, "Minute")},
		{"BaseDelay", "<=", jen.Lit(500).Op("*").Qual(pkgTime, "Millisecond")},
		{"MaxDelay", "<=", jen.Lit(10).Op("*").Qual(pkgTime, "Second")},
	}
	code := jen.Comment("Zero fields take their defaults.")
	for _, d := range defaults {
		code.Line().If(p().Dot(d.field).Op(d.zero).Lit(0)).Block(p().Dot(d.field).Op("=").Add(d.value))
	}
	return code
}

// onceOnly refuses retries to a call whose body was read from a reader that
// does not seek, in clients with streamed uploads.
func (g *clientGen) onceOnly(no jen.Code) jen.Code {
	if !g.uploads {
		return jen.Null()
	}
	return jen.Comment("A body read from a reader that does not seek is gone once sent.").Line().
		If(jen.Id("s").Dot("Stream").Op("!=").Nil().Op("&&").Op("!").Id("s").Dot("Rewinds").Op("&&").Id("s").Dot("Reopen").Op("==").Nil()).Block(no)
}

// genRetryHelpers renders the retry decision, Retry-After parsing, the
// idempotency rule and the real sleep.
func (g *clientGen) genRetryHelpers(f *jen.File) {
	c := func() *jen.Statement { return jen.Id("c") }
	resp := func() *jen.Statement { return jen.Id("resp") }
	wait := func() *jen.Statement { return jen.Id("wait") }
	no := jen.Return(jen.Lit(0), jen.False())
	f.Comment("retryWait decides whether the answer to attempt number attempt is retried, and")
	f.Comment("after which wait; see RetryPolicy.")
	f.Func().Params(c().Op("*").Id("ClientEngine")).Id("retryWait").Params(
		clientCtxParam(), jen.Id("s").Op("*").Id("ClientCall"), resp().Op("*").Qual(pkgHTTP, "Response"), jen.Id("attempt").Int(), jen.Id("start").Qual(pkgTime, "Time"),
	).Params(jen.Qual(pkgTime, "Duration"), jen.Bool()).Block(
		g.onceOnly(no.Clone()),
		jen.Id("p").Op(":=").Add(c().Dot("Retry")),
		clientRetryDefaults(),
		jen.Switch(resp().Dot("StatusCode")).Block(
			jen.Case(jen.Qual(pkgHTTP, "StatusTooManyRequests"), jen.Qual(pkgHTTP, "StatusLocked")),
			jen.Case(jen.Qual(pkgHTTP, "StatusServiceUnavailable")).Block(
				jen.If(jen.Op("!").Id("p").Dot("RetryNonIdempotent").Op("&&").Op("!").Id("clientIdempotent").Call(jen.Id("s").Dot("Method"))).Block(no.Clone()),
			),
			jen.Default().Block(no.Clone()),
		),
		jen.If(jen.Id("attempt").Op(">=").Id("p").Dot("MaxAttempts")).Block(no.Clone()),
		jen.Id("now").Op(":=").Add(c().Dot("Now").Call()),
		jen.List(wait(), jen.Id("ok")).Op(":=").Id("ClientRetryAfter").Call(resp().Dot("Header").Dot("Get").Call(jen.Lit("Retry-After")), jen.Id("now")),
		jen.Comment("The backoff is BaseDelay doubled for each retry after the first and capped at"),
		jen.Comment("MaxDelay, of which a random part of up to half is dropped so that clients that"),
		jen.Comment("failed together do not retry together."),
		jen.Id("backoff").Op(":=").Id("p").Dot("BaseDelay"),
		jen.For(jen.Id("i").Op(":=").Lit(1), jen.Id("i").Op("<").Id("attempt").Op("&&").Id("backoff").Op("<").Id("p").Dot("MaxDelay"), jen.Id("i").Op("++")).Block(
			jen.Id("backoff").Op("*=").Lit(2),
		),
		jen.Id("backoff").Op("=").Min(jen.Id("backoff"), jen.Id("p").Dot("MaxDelay")),
		jen.Id("backoff").Op("-=").Qual(pkgTime, "Duration").Call(jen.Qual(clientPkgRand, "Int64N").Call(jen.Int64().Call(jen.Id("backoff").Op("/").Lit(2)).Op("+").Lit(1))),
		jen.Comment("Retry-After: 0 or a date passed waits the backoff all the same."),
		jen.If(jen.Op("!").Id("ok").Op("||").Add(wait()).Op("<").Id("backoff")).Block(wait().Op("=").Id("backoff")),
		jen.If(jen.Id("now").Dot("Add").Call(wait()).Dot("Sub").Call(jen.Id("start")).Op(">").Id("p").Dot("MaxElapsed")).Block(no.Clone()),
		jen.If(jen.List(jen.Id("deadline"), jen.Id("ok")).Op(":=").Id("ctx").Dot("Deadline").Call(), jen.Id("ok").Op("&&").Id("now").Dot("Add").Call(wait()).Dot("After").Call(jen.Id("deadline"))).Block(no.Clone()),
		jen.Return(wait(), jen.True()),
	)
	f.Comment("ClientRetryAfter reads a Retry-After header: a number of seconds or an HTTP date.")
	f.Comment("ok is false when the header is absent or unreadable.")
	f.Func().Id("ClientRetryAfter").Params(jen.Id("value").String(), jen.Id("now").Qual(pkgTime, "Time")).Params(jen.Qual(pkgTime, "Duration"), jen.Bool()).Block(
		jen.Id("value").Op("=").Qual(pkgStrings, "TrimSpace").Call(jen.Id("value")),
		jen.If(jen.List(jen.Id("seconds"), jen.Err()).Op(":=").Qual(pkgStrconv, "ParseInt").Call(jen.Id("value"), jen.Lit(10), jen.Lit(64)), jen.Err().Op("==").Nil().Op("&&").Id("seconds").Op(">=").Lit(0)).Block(
			jen.Comment("A billion seconds is far beyond any MaxElapsed, and fits a Duration."),
			jen.Return(jen.Qual(pkgTime, "Duration").Call(jen.Min(jen.Id("seconds"), jen.Lit(1_000_000_000))).Op("*").Qual(pkgTime, "Second"), jen.True()),
		),
		jen.If(jen.List(jen.Id("date"), jen.Err()).Op(":=").Qual(pkgHTTP, "ParseTime").Call(jen.Id("value")), jen.Err().Op("==").Nil()).Block(
			jen.Return(jen.Max(jen.Id("date").Dot("Sub").Call(jen.Id("now")), jen.Lit(0)), jen.True()),
		),
		jen.Return(jen.Lit(0), jen.False()),
	)
	f.Comment("clientIdempotent reports whether sending a request of this method twice has the")
	f.Comment("effect of sending it once (RFC 9110).")
	f.Func().Id("clientIdempotent").Params(jen.Id("method").String()).Bool().Block(
		jen.Switch(jen.Id("method")).Block(
			jen.Case(
				jen.Qual(pkgHTTP, "MethodGet"), jen.Qual(pkgHTTP, "MethodHead"), jen.Qual(pkgHTTP, "MethodOptions"),
				jen.Qual(pkgHTTP, "MethodTrace"), jen.Qual(pkgHTTP, "MethodPut"), jen.Qual(pkgHTTP, "MethodDelete"),
			).Block(jen.Return(jen.True())),
		),
		jen.Return(jen.False()),
	)
	f.Comment("ClientSleep waits for d, or until ctx ends.")
	f.Func().Id("ClientSleep").Params(clientCtxParam(), jen.Id("d").Qual(pkgTime, "Duration")).Error().Block(
		jen.Id("t").Op(":=").Qual(pkgTime, "NewTimer").Call(jen.Id("d")),
		jen.Select().Block(
			jen.Case(jen.Op("<-").Id("ctx").Dot("Done").Call()).Block(jen.Id("t").Dot("Stop").Call(), jen.Return(jen.Id("ctx").Dot("Err").Call())),
			jen.Case(jen.Op("<-").Id("t").Dot("C")).Block(jen.Return(jen.Nil())),
		),
	)
}
