package templates

import (
	"github.com/dave/jennifer/jen"
	"github.com/seed-0d47db62/livegen/generator"
)

// Packages that only the client imports.
const (
	clientPkgIter   = "iter"
	clientPkgRand   = "math/rand/v2"
	clientPkgSlices = "slices"
	clientPkgMaps   = "maps"
	clientPkgBase64 = "encoding/base64"
)

// clientGen renders client.gen.go for one API.
type clientGen struct {
	api *generator.API
	// auth is set when the spec declares security schemes.
	auth bool
	// uploads and downloads are set when some call streams its request body,
	// or its success answer; the streaming machinery is rendered only then.
	uploads, downloads bool
	// multipart is set when some call sends a multipart body.
	multipart bool
	// bodyFromSetter is set while rendering the method that the methods of
	// an operation with several kinds of body share: it sets the body by
	// calling its setBody parameter.
	bodyFromSetter bool
	// uses* record which parameter helpers the methods call, so that only
	// those are rendered.
	usesStrings, usesPathList, usesObject, usesStyledObject, usesMapPairs, usesJSONText, usesContentJSON, usesUnionItems bool
	// streams is set when an operation streams its answer as events.
	streams bool
	// usesPut and formatters record the parameter writers that the methods call.
	usesPut bool
	// usesAddList is set when a method joins a query list itself (clientList
	// and clientAddObject call addList too).
	usesAddList bool
	// usesOptJSON is set when a method sends an optional JSON body.
	usesOptJSON bool
	formatters  map[string]bool
	// rt is the runtime's file, which the shared machinery goes into.
	rt *runtimeText
	// shared names the declared package variables of tables (error answers,
	// security alternatives) by their rendered value.
	shared map[string]string
}

// Client renders client.gen.go: the Client type and its options, one
// method per operation, page iterators and bulk helpers. An API without
// operations has no client.
func Client(api *generator.API) ([]byte, error) {
	if len(api.Operations) == 0 {
		return nil, nil
	}
	return render(sharedClient(api).api)
}

// ClientRuntime renders the runtime's client.gen.go: the call, the transport
// loop with its retries, the reading and tolerant decoding of answers, the
// error and answer types, and the writers of parameters and bodies.
func ClientRuntime(api *generator.API) ([]byte, error) {
	if len(api.Operations) == 0 {
		return nil, nil
	}
	return sharedClient(api).rt.bytes()
}

// sharedClient builds the client's files once per Render.
func sharedClient(api *generator.API) clientFiles {
	return shared(api, "client", func() clientFiles { return buildClient(api) })
}

// clientFiles are the client's file in the generated package and in its
// runtime.
type clientFiles struct {
	api *jen.File
	rt  *runtimeText
}

// buildClient builds both files of the client: the runtime's pieces depend
// on what the methods use, so both come from one pass over the operations.
func buildClient(api *generator.API) clientFiles {
	g := &clientGen{api: api, auth: len(api.SecuritySchemes) > 0, streams: hasStreams(api)}
	for _, op := range api.Operations {
		for _, body := range op.RequestBodies() {
			g.uploads = g.uploads || body.Kind == generator.BodyBinary || body.Kind == generator.BodyMultipart
			g.multipart = g.multipart || isMultipart(body)
		}
		g.downloads = g.downloads || clientStreams(op)
	}
	f := newFile(api)
	g.rt = newRuntimeText(api)
	g.genClientType(f)
	g.genClientOptions(f)
	if g.auth {
		g.genCredentials(f)
	}
	if g.usesNullable() {
		genClientNullableValue(f)
	}
	g.genRetryPolicy(f)
	g.genAPIError(f)
	g.genMisfitTypes(f)
	for _, op := range api.Operations {
		g.genResultType(f, op)
		if op.StreamMethod != op.Name {
			g.genClientMethod(f, op)
		}
		if op.StreamAnswer != nil {
			g.genStreamMethod(f, op)
		}
		if op.Pagination != nil {
			g.genPageMethod(f, op)
		}
		if op.Bulk != nil {
			g.genBulkMethod(f, op)
		}
	}
	g.rt.add(clientEnginePiece.call(g.auth))
	g.genCall(g.rt.live())
	if g.usesPut || g.auth {
		g.rt.add(clientInPiece.fixed())
	}
	if g.auth {
		g.rt.add(clientAuthenticatePiece.fixed())
	}
	if hasForms(api) || g.multipart || api.HasDeepObjects() {
		g.rt.add(clientJSONTreePiece.fixed())
	}
	if hasForms(api) {
		g.rt.add(clientFormPiece.fixed())
	}
	if hasForms(api) || api.HasDeepObjects() {
		g.rt.add(clientFormPairsPiece.fixed())
	}
	if g.multipart {
		g.rt.add(clientMultipartPiece.fixed())
	}
	g.rt.add(clientSendPiece.call(g.auth))
	g.rt.add(clientAttemptPiece.call(clientUploads{uploads: g.uploads, multipart: g.multipart}))
	g.rt.add(clientAnswerPiece.call(g.handsOverAnswers()))
	g.rt.add(clientAnswerBodyPiece.fixed())
	genClientAnswers(f, g.rt.live())
	g.rt.add(clientRetryPiece.call(g.uploads))
	g.genParamHelpers(f)
	if clientHasPagination(api) {
		genClientPager(f, g.rt.live(), api, g.auth)
	}
	if clientHasBulk(api) {
		g.genBulkHelpers(f)
	}
	if g.streams {
		g.genStreamRuntime(f)
	}
	return clientFiles{api: f, rt: g.rt}
}

// clientAlias declares in the generated package an alias of a runtime type
// that users see, with the type's doc comment.
func clientAlias(f *jen.File, name, text string) {
	f.Add(doc(text).Type().Id(name).Op("=").Add(rt(name)))
}

// errorf is fmt.Errorf with the package name in front, as every error that
// the client makes itself starts.
func (g *clientGen) errorf(format string, args ...jen.Code) *jen.Statement {
	return jen.Qual(pkgFmt, "Errorf").Call(append([]jen.Code{jen.Lit(g.api.Package + ": " + format)}, args...)...)
}

// clientIfErr is `if err != nil { return results... }`.
func clientIfErr(results ...jen.Code) *jen.Statement {
	return jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(results...))
}

// clientCtxParam is the `ctx context.Context` parameter.
func clientCtxParam() *jen.Statement { return jen.Id("ctx").Qual(pkgContext, "Context") }

// clientOptsParam is the `opts ...RequestEditorFn` parameter of every call.
func clientOptsParam() *jen.Statement { return jen.Id("opts").Op("...").Id("RequestEditorFn") }

// genClientType renders Client, HTTPDoer, RequestEditorFn, ClientOption and NewClient.
func (g *clientGen) genClientType(f *jen.File) {
	title := orDefault(g.api.Title, "the API")
	f.Comment("Client calls " + title + ": one method per operation, named after its")
	f.Comment("operationId. It is safe for concurrent use; create it with NewClient.")
	f.Type().Id("Client").StructFunc(func(s *jen.Group) {
		s.Comment("engine sends the calls: the transport, editors, retries and decoding.")
		s.Id("engine").Add(rt("ClientEngine"))
		if clientHasPagination(g.api) {
			s.Id("maxPages").Int()
		}
	})
	clientAlias(f, "HTTPDoer", httpDoerDoc)
	clientAlias(f, "RequestEditorFn", requestEditorDoc)
	if g.uploads {
		clientAlias(f, "ReopenableBody", reopenableBodyDoc)
	}
	f.Comment("ClientOption configures a Client in NewClient.")
	f.Type().Id("ClientOption").Func().Params(jen.Id("c").Op("*").Id("Client")).Error()
	g.genNewClient(f)
}

func (g *clientGen) genNewClient(f *jen.File) {
	server := "https://api.example.com"
	if len(g.api.Servers) > 0 {
		server = g.api.Servers[0]
	}
	f.Comment("NewClient returns a client of the API at baseURL, an absolute http or https URL")
	f.Commentf("such as %q. Without options it sends requests with", server)
	f.Comment("http.DefaultClient and retries as the zero RetryPolicy says.")
	u := jen.Id("u")
	engine := jen.Dict{
		jen.Id("BaseURL"):    jen.Qual(pkgStrings, "TrimSuffix").Call(jen.Id("baseURL"), jen.Lit("/")),
		jen.Id("HTTPClient"): jen.Qual(pkgHTTP, "DefaultClient"),
		jen.Id("Now"):        jen.Qual(pkgTime, "Now"),
		jen.Id("Sleep"):      rt("ClientSleep"),
	}
	if g.usesNullable() {
		engine[jen.Id("Nullable")] = jen.Id("clientNullableValue")
	}
	f.Func().Id("NewClient").Params(jen.Id("baseURL").String(), jen.Id("opts").Op("...").Id("ClientOption")).Params(jen.Op("*").Id("Client"), jen.Error()).Block(
		jen.List(u, jen.Err()).Op(":=").Qual(pkgURL, "Parse").Call(jen.Id("baseURL")),
		clientIfErr(jen.Nil(), g.errorf("NewClient: %w", jen.Err())),
		jen.If(jen.Parens(u.Clone().Dot("Scheme").Op("!=").Lit("http").Op("&&").Add(u.Clone()).Dot("Scheme").Op("!=").Lit("https")).
			Op("||").Add(u.Clone()).Dot("Host").Op("==").Lit("").
			Op("||").Add(u.Clone()).Dot("RawQuery").Op("!=").Lit("").
			Op("||").Add(u.Clone()).Dot("Fragment").Op("!=").Lit("")).Block(
			jen.Return(jen.Nil(), g.errorf("NewClient: base URL %q is not an absolute http or https URL without query", jen.Id("baseURL"))),
		),
		jen.Id("c").Op(":=").Op("&").Id("Client").Values(jen.Dict{jen.Id("engine"): rt("ClientEngine").Values(engine)}),
		jen.For(jen.List(jen.Id("_"), jen.Id("opt")).Op(":=").Range().Id("opts")).Block(
			jen.If(jen.Id("opt").Op("==").Nil()).Block(jen.Continue()),
			jen.If(jen.Err().Op(":=").Id("opt").Call(jen.Id("c")), jen.Err().Op("!=").Nil()).Block(
				jen.Return(jen.Nil(), g.errorf("NewClient: %w", jen.Err())),
			),
		),
		jen.Return(jen.Id("c"), jen.Nil()),
	)
}

// clientOption is one With... option: its doc, parameter, a check that
// returns an error message when the argument is unusable, and the setting.
type clientOption struct {
	name, doc string
	param     jen.Code
	invalid   jen.Code // condition; nil when every value is fine
	problem   string
	set       jen.Code
}

// genClientOptions renders the With... options.
func (g *clientGen) genClientOptions(f *jen.File) {
	c := func() *jen.Statement { return jen.Id("c") }
	options := []clientOption{
		{
			name: "WithHTTPClient", doc: "WithHTTPClient sends the requests with doer, for instance an *http.Client with a\ntimeout or a proxy, instead of http.DefaultClient.",
			param: jen.Id("doer").Id("HTTPDoer"), invalid: jen.Id("doer").Op("==").Nil(), problem: "WithHTTPClient: the client is nil",
			set: c().Dot("engine").Dot("HTTPClient").Op("=").Id("doer"),
		},
		{
			name: "WithRequestEditorFn", doc: "WithRequestEditorFn adds an editor that runs on every request, after the client\nhas set the credentials and the user agent, and before the editors of the call.",
			param: jen.Id("fn").Id("RequestEditorFn"), invalid: jen.Id("fn").Op("==").Nil(), problem: "WithRequestEditorFn: the editor is nil",
			set: c().Dot("engine").Dot("Editors").Op("=").Append(c().Dot("engine").Dot("Editors"), jen.Id("fn")),
		},
		{
			name: "WithUserAgent", doc: "WithUserAgent sets the User-Agent header of every request.",
			param: jen.Id("userAgent").String(), set: c().Dot("engine").Dot("UserAgent").Op("=").Id("userAgent"),
		},
	}
	if g.auth {
		options = append(options, clientOption{
			name: "WithCredentials", doc: "WithCredentials sets the secrets that calls authenticate with; see Credentials.",
			param: jen.Id("credentials").Id("Credentials"), set: c().Dot("engine").Dot("Secrets").Op("=").Id("clientSecrets").Call(jen.Id("credentials")),
		})
	}
	options = append(options, clientOption{
		name: "WithRetryPolicy", doc: "WithRetryPolicy sets when and how calls are retried; see RetryPolicy.\nRetryPolicy{MaxAttempts: 1} turns retries off.",
		param: jen.Id("policy").Id("RetryPolicy"), set: c().Dot("engine").Dot("Retry").Op("=").Id("policy"),
	})
	options = append(options,
		clientOption{
			name: "WithMaxResponseBytes", doc: "WithMaxResponseBytes caps the body of a success answer: a longer one fails the call\nwith an error that names the cap. The default is 256 MiB.",
			param: jen.Id("n").Int64(), invalid: jen.Id("n").Op("<=").Lit(0), problem: "WithMaxResponseBytes: the cap is not positive",
			set: c().Dot("engine").Dot("MaxResponseBytes").Op("=").Id("n"),
		},
		clientOption{
			name: "WithStrictDecoding", doc: "WithStrictDecoding makes a success answer that does not fit the spec an error: a\nbody that is not JSON, or a value that does not fit its Go type (see Misfit).\nWithout it such answers succeed and their misfits are reported to RecordAnswer.",
			set: c().Dot("engine").Dot("Strict").Op("=").True(),
		},
	)
	if clientHasPagination(g.api) {
		options = append(options, clientOption{
			name: "WithMaxPages", doc: "WithMaxPages caps the pages that each page iterator (the methods ending in All) fetches;\n0, the default, leaves them uncapped.",
			param: jen.Id("pages").Int(), invalid: jen.Id("pages").Op("<").Lit(0), problem: "WithMaxPages: the number of pages is negative",
			set: c().Dot("maxPages").Op("=").Id("pages"),
		})
	}
	for _, o := range options {
		genClientOption(f, o)
	}
}

func genClientOption(f *jen.File, o clientOption) {
	var params []jen.Code
	if o.param != nil {
		params = append(params, o.param)
	}
	f.Add(doc(o.doc).Func().Id(o.name).Params(params...).Id("ClientOption").Block(
		jen.Return(jen.Func().Params(jen.Id("c").Op("*").Id("Client")).Error().BlockFunc(func(b *jen.Group) {
			if o.invalid != nil {
				b.If(o.invalid).Block(jen.Return(jen.Qual(pkgErrors, "New").Call(jen.Lit(o.problem))))
			}
			b.Add(o.set)
			b.Return(jen.Nil())
		})),
	))
}

// clientDocField is a struct field with its doc comment.
func clientDocField(text string, name, t jen.Code) jen.Code {
	return doc(text).Add(name).Add(t)
}

func clientHasPagination(api *generator.API) bool {
	for _, op := range api.Operations {
		if op.Pagination != nil {
			return true
		}
	}
	return false
}

func clientHasBulk(api *generator.API) bool {
	for _, op := range api.Operations {
		if op.Bulk != nil {
			return true
		}
	}
	return false
}
