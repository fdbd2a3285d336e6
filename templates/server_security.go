package templates

import (
	"strings"

	"github.com/dave/jennifer/jen"
	"github.com/seed-0d47db62/livegen/generator"
)

// schemeVar and securityVar name the variables that describe a security
// scheme and the requirements of an operation.
func schemeVar(s *generator.SecurityScheme) string { return "serverScheme" + s.GoName }
func securityVar(o *generator.Operation) string    { return "serverSecurity" + o.Name }

// usesSecurity reports whether a routed operation has security requirements.
func usesSecurity(api *generator.API) bool {
	for _, o := range api.Operations {
		if o.ServerPattern != "" && len(o.Security) > 0 {
			return true
		}
	}
	return false
}

// genSecurity renders the schemes, each operation's requirements and the
// authentication of a request; nothing when no operation is secured.
func genSecurity(f *jen.File, api *generator.API) {
	genServerBegin(f, usesSecurity(api))
	if !usesSecurity(api) {
		return
	}
	for _, s := range api.SecuritySchemes {
		genSchemeVar(f, s)
	}
	for _, o := range api.Operations {
		if o.ServerPattern == "" || len(o.Security) == 0 {
			continue
		}
		f.Commentf("%s lists the alternative security requirements of %s.", securityVar(o), o.Name)
		f.Var().Id(securityVar(o)).Op("=").Index().Index().Add(rt("ServerSchemeUse")).ValuesFunc(func(g *jen.Group) {
			for _, req := range o.Security {
				g.ValuesFunc(func(g *jen.Group) {
					for _, use := range req.Schemes {
						use := use
						g.ValuesFunc(func(g *jen.Group) {
							g.Id("Scheme").Op(":").Id(schemeVar(use.Scheme))
							if len(use.Scopes) > 0 {
								g.Id("Scopes").Op(":").Index().String().ValuesFunc(func(g *jen.Group) {
									for _, s := range use.Scopes {
										g.Lit(s)
									}
								})
							}
						})
					}
				})
			}
		})
	}
}

// schemeKinds are the kinds of credentials of the API's schemes.
func schemeKinds(api *generator.API) map[string]bool {
	kinds := map[string]bool{}
	for _, s := range api.SecuritySchemes {
		kind, _, _, _, _ := describeScheme(s)
		kinds[kind] = true
	}
	return kinds
}

// genSchemeType renders, in the runtime, ServerScheme and its credentials lookup, which reads
// the kinds of credentials that the spec's schemes have and no other.
func genSchemeType(f *jen.File, kinds map[string]bool) {
	// cases are the switch cases of the kinds in the spec; a case with none is left out.
	cases := func(body []jen.Code, names ...string) jen.Code {
		var used []jen.Code
		for _, k := range names {
			if kinds[k] {
				used = append(used, jen.Lit(k))
			}
		}
		if len(used) == 0 {
			return jen.Null()
		}
		return jen.Case(used...).Block(body...)
	}
	f.Comment("ServerScheme is a security scheme of the spec: where its credentials are.")
	f.Type().Id("ServerScheme").Struct(
		incomparable(),
		jen.Id("Name").String().Comment("key in components.securitySchemes"),
		jen.Id("Kind").String().Comment("authorization, basic, header, query, cookie, mutualTLS or other"),
		jen.Id("Auth").String().Comment("the Authorization scheme (Bearer) of kind authorization"),
		jen.Id("In").String().Comment("where the credentials are, for problems"),
		jen.Id("Param").String().Comment("the header, query parameter or cookie that holds them"),
		jen.Id("Missing").String().Comment("the problem when they are absent"),
	)
	f.Comment("ServerSchemeUse is a scheme that a requirement names, with the scopes it asks for.")
	f.Type().Id("ServerSchemeUse").Struct(
		jen.Id("Scheme").Op("*").Id("ServerScheme"),
		jen.Id("Scopes").Index().String(),
	)
	// Basic and mutual TLS return in their cases: with no token kind, a final
	// return would be unreachable.
	tokenReturn := jen.Null()
	if kinds["authorization"] || kinds["header"] || kinds["query"] || kinds["cookie"] {
		tokenReturn = jen.Return(jen.Id("c"), jen.Id("s").Dot("problemUnless").Call(jen.Id("c").Dot("Token").Op("!=").Lit("")))
	}
	f.Comment("Credentials finds the credentials of the scheme in r. The problem is \"\" when they")
	f.Comment("are there; credentials given twice are a problem rather than a guess at which counts.")
	f.Func().Params(jen.Id("s").Op("*").Id("ServerScheme")).Id("Credentials").Params(requestParam()).Params(jen.Id("AuthRequest"), jen.String()).Block(
		jen.Id("c").Op(":=").Id(authRequest).Values(jen.Dict{jen.Id("Scheme"): jen.Id("s").Dot("Name")}),
		jen.Var().Id("given").Index().String(),
		jen.Switch(jen.Id("s").Dot("Kind")).Block(
			// The param of authorization and basic is Authorization.
			cases([]jen.Code{jen.Id("given").Op("=").Id("r").Dot("Header").Dot("Values").Call(jen.Id("s").Dot("Param"))}, "authorization", "basic", "header"),
			cases([]jen.Code{jen.Id("given").Op("=").Id("r").Dot("URL").Dot("Query").Call().Index(jen.Id("s").Dot("Param"))}, "query"),
		),
		jen.If(jen.Len(jen.Id("given")).Op(">").Lit(1)).Block(
			jen.Return(jen.Id("c"), jen.Lit("must be given once, not ").Op("+").Qual(pkgStrconv, "Itoa").Call(jen.Len(jen.Id("given"))).Op("+").Lit(" times")),
		),
		jen.Switch(jen.Id("s").Dot("Kind")).Block(
			cases([]jen.Code{
				jen.Id("c").Dot("Token").Op("=").Id("ServerAuthorization").Call(jen.Id("r"), jen.Id("s").Dot("Auth")),
			}, "authorization"),
			cases([]jen.Code{
				jen.Var().Id("ok").Bool(),
				jen.List(jen.Id("c").Dot("Username"), jen.Id("c").Dot("Password"), jen.Id("ok")).Op("=").Id("r").Dot("BasicAuth").Call(),
				jen.Return(jen.Id("c"), jen.Id("s").Dot("problemUnless").Call(jen.Id("ok"))),
			}, "basic"),
			cases([]jen.Code{
				jen.If(jen.Len(jen.Id("given")).Op("==").Lit(1)).Block(jen.Id("c").Dot("Token").Op("=").Id("given").Index(jen.Lit(0))),
			}, "header", "query"),
			cases([]jen.Code{
				jen.If(jen.List(jen.Id("ck"), jen.Err()).Op(":=").Id("r").Dot("Cookie").Call(jen.Id("s").Dot("Param")), jen.Err().Op("==").Nil()).Block(
					jen.Id("c").Dot("Token").Op("=").Id("ck").Dot("Value"),
				),
			}, "cookie"),
			cases([]jen.Code{
				jen.Return(jen.Id("c"), jen.Id("s").Dot("problemUnless").Call(jen.Id("r").Dot("TLS").Op("!=").Nil().Op("&&").Len(jen.Id("r").Dot("TLS").Dot("PeerCertificates")).Op(">").Lit(0))),
			}, "mutualTLS"),
			jen.Default().Block(
				jen.Comment("A scheme the handler cannot read: the Authenticator decides."),
				jen.Return(jen.Id("c"), jen.Lit("")),
			),
		),
		tokenReturn,
	)
	f.Comment("problemUnless is the scheme's missing problem unless found.")
	f.Func().Params(jen.Id("s").Op("*").Id("ServerScheme")).Id("problemUnless").Params(jen.Id("found").Bool()).String().Block(
		jen.If(jen.Id("found")).Block(jen.Return(jen.Lit(""))),
		jen.Return(jen.Id("s").Dot("Missing")),
	)
	if !kinds["authorization"] {
		return
	}
	f.Comment("ServerAuthorization is what follows scheme (compared ignoring case) in the")
	f.Comment("Authorization header, or \"\".")
	f.Func().Id("ServerAuthorization").Params(requestParam(), jen.Id("scheme").String()).String().Block(
		jen.Id("v").Op(":=").Id("r").Dot("Header").Dot("Get").Call(jen.Lit("Authorization")),
		jen.Id("n").Op(":=").Len(jen.Id("scheme")),
		jen.If(jen.Len(jen.Id("v")).Op("<=").Id("n").Op("||").Id("v").Index(jen.Id("n")).Op("!=").LitRune(' ').Op("||").
			Op("!").Qual(pkgStrings, "EqualFold").Call(jen.Id("v").Index(jen.Empty(), jen.Id("n")), jen.Id("scheme"))).Block(jen.Return(jen.Lit(""))),
		jen.Return(jen.Qual(pkgStrings, "TrimSpace").Call(jen.Id("v").Index(jen.Id("n").Op("+").Lit(1), jen.Empty()))),
	)
}

// genSchemeVar renders the description of one security scheme.
func genSchemeVar(f *jen.File, s *generator.SecurityScheme) {
	kind, auth, in, param, missing := describeScheme(s)
	f.Commentf("%s is the security scheme %s (%s).", schemeVar(s), s.Key, s.Type)
	f.Var().Id(schemeVar(s)).Op("=").Op("&").Add(rt("ServerScheme")).Values(jen.Dict{
		jen.Id("Name"): jen.Lit(s.Key), jen.Id("Kind"): jen.Lit(kind), jen.Id("Auth"): jen.Lit(auth),
		jen.Id("In"): jen.Lit(in), jen.Id("Param"): jen.Lit(param), jen.Id("Missing"): jen.Lit(missing),
	})
}

// describeScheme is how the handler reads the credentials of a scheme: their
// kind (authorization, basic, header, query, cookie, mutualTLS or other), the
// Authorization scheme, where they are and the problem when they are absent.
func describeScheme(s *generator.SecurityScheme) (kind, auth, in, param, missing string) {
	kind, auth, in, param, missing = "other", "", "header", "Authorization", "credentials for "+s.Key+" are required"
	switch {
	case s.Type == "http" && s.Scheme == "basic":
		kind, auth, missing = "basic", "Basic", "HTTP basic credentials are required"
	case s.Type == "http" && s.Scheme == "bearer", s.Type == "oauth2", s.Type == "openIdConnect":
		kind, auth, missing = "authorization", "Bearer", "a bearer token is required"
	case s.Type == "http" && s.Scheme != "":
		kind, auth = "authorization", strings.ToUpper(s.Scheme[:1])+s.Scheme[1:]
	case s.Type == "apiKey":
		kind, in, param, missing = s.In, s.In, s.Name, "an API key is required"
	case s.Type == "mutualTLS":
		kind, in, param, missing = "mutualTLS", "tls", "", "a client certificate is required"
	}
	return kind, auth, in, param, missing
}

// genAuthenticate renders, in the runtime, the check of a request's
// credentials.
func genAuthenticate(f *jen.File) {
	ctxType := jen.Qual(pkgContext, "Context")
	f.Comment("Authenticate checks the credentials of r against the alternative requirements of")
	f.Comment("its operation: the first alternative whose every scheme has credentials (accepted by")
	f.Comment("the Authenticator, when there is one) wins. Otherwise it answers 401 itself, naming")
	f.Comment("what is missing or rejected but never the credentials, and returns false.")
	f.Func().Params(rtHandlerRecv()).Id("Authenticate").Params(writerParam(), requestParam(), jen.Id("op").String(), jen.Id("alternatives").Index().Index().Id("ServerSchemeUse")).Params(ctxType.Clone(), jen.Bool()).Block(
		jen.Var().Id("problems").Index().Add(rt("Problem")),
		jen.For(jen.List(jen.Id("_"), jen.Id("alt")).Op(":=").Range().Id("alternatives")).Block(
			jen.List(jen.Id("ctx"), jen.Id("problem"), jen.Id("ok")).Op(":=").Id("h").Dot("satisfy").Call(jen.Id("r"), jen.Id("op"), jen.Id("alt")),
			jen.If(jen.Id("ok")).Block(jen.Return(jen.Id("ctx"), jen.True())),
			// Loops rather than slices.Contains, whose generic instances would be compiled in.
			jen.Id("seen").Op(":=").False(),
			jen.For(jen.List(jen.Id("_"), jen.Id("p")).Op(":=").Range().Id("problems")).Block(
				jen.Id("seen").Op("=").Id("seen").Op("||").Id("p").Op("==").Id("problem"),
			),
			jen.If(jen.Op("!").Id("seen")).Block(
				jen.Id("problems").Op("=").Append(jen.Id("problems"), jen.Id("problem")),
			),
			jen.For(jen.List(jen.Id("_"), jen.Id("use")).Op(":=").Range().Id("alt")).Block(
				jen.If(jen.Id("a").Op(":=").Id("use").Dot("Scheme").Dot("Auth"), jen.Id("a").Op("!=").Lit("").Op("&&").
					Op("!").Add(rt("ServerListed")).Call(jen.Id("w").Dot("Header").Call().Dot("Values").Call(jen.Lit("WWW-Authenticate")), jen.Id("a"))).Block(
					jen.Id("w").Dot("Header").Call().Dot("Add").Call(jen.Lit("WWW-Authenticate"), jen.Id("a")),
				),
			),
		),
		writeError(jen.Qual(pkgHTTP, "StatusUnauthorized"), rt("ErrorResponse").Values(jen.Dict{
			jen.Id("Message"): jen.Lit("missing or rejected credentials"), jen.Id("Problems"): jen.Id("problems"),
		})),
		jen.Return(jen.Nil(), jen.False()),
	)
	f.Comment("satisfy checks one requirement: every scheme it names must have credentials.")
	f.Func().Params(rtHandlerRecv()).Id("satisfy").Params(requestParam(), jen.Id("op").String(), jen.Id("alt").Index().Id("ServerSchemeUse")).Params(ctxType.Clone(), rt("Problem"), jen.Bool()).Block(
		jen.Id("ctx").Op(":=").Id("r").Dot("Context").Call(),
		jen.For(jen.List(jen.Id("_"), jen.Id("use")).Op(":=").Range().Id("alt")).Block(
			jen.Id("s").Op(":=").Id("use").Dot("Scheme"),
			jen.List(jen.Id("creds"), jen.Id("problem")).Op(":=").Id("s").Dot("Credentials").Call(jen.Id("r")),
			jen.If(jen.Id("problem").Op("!=").Lit("")).Block(
				jen.Return(jen.Nil(), rt("Problem").Add(problemLit(jen.Id("s").Dot("In"), jen.Id("s").Dot("Param"), jen.Id("problem"))), jen.False()),
			),
			jen.If(jen.Id("h").Dot("Authenticator").Op("==").Nil()).Block(jen.Continue()),
			jen.List(jen.Id("creds").Dot("Operation"), jen.Id("creds").Dot("Scopes")).Op("=").List(jen.Id("op"), jen.Id("use").Dot("Scopes")),
			jen.List(jen.Id("next"), jen.Err()).Op(":=").Id("h").Dot("Authenticator").Call(jen.Id("ctx"), jen.Id("creds")),
			jen.If(jen.Err().Op("!=").Nil()).Block(
				jen.Return(jen.Nil(), rt("Problem").Add(problemLit(jen.Id("s").Dot("In"), jen.Id("s").Dot("Param"), jen.Lit("the credentials were rejected"))), jen.False()),
			),
			jen.If(jen.Id("next").Op("!=").Nil()).Block(jen.Id("ctx").Op("=").Id("next")),
		),
		jen.Return(jen.Id("ctx"), rt("Problem").Values(), jen.True()),
	)
}

// genServerBegin renders serverBegin, the start of every operation's
// handler: the credentials (when the API has security), then the query.
func genServerBegin(f *jen.File, secured bool) {
	params := []jen.Code{writerParam(), requestParam(), jen.Id("c").Add(statePtr()), jen.Id("op").Op("*").Id(srvOperation), jen.Id("query").Bool()}
	auth := jen.Null()
	if secured {
		params = append(params, jen.Id("security").Op("...").Index().Add(rt("ServerSchemeUse")))
		auth = jen.If(jen.Len(jen.Id("security")).Op(">").Lit(0)).Block(
			jen.List(jen.Id("ctx"), jen.Id("ok")).Op(":=").Add(sharedHandler()).Dot("Authenticate").Call(jen.Id("w"), jen.Id("r"), jen.Id("op").Dot("ID"), jen.Id("security")),
			jen.If(jen.Op("!").Id("ok")).Block(jen.Return(jen.Nil(), jen.False())),
			jen.Id("c").Dot("Ctx").Op("=").Id("ctx"),
		)
	}
	f.Comment("serverBegin starts serving op: it checks the credentials against the alternative")
	f.Comment("security requirements (answering 401 itself, then false), and reads the query when the")
	f.Comment("operation has query parameters or WithStrictQuery asks to check it.")
	f.Func().Params(handlerRecv()).Id("serverBegin").Params(params...).Params(jen.Qual(pkgURL, "Values"), jen.Bool()).Block(
		jen.Id("c").Dot("Ctx").Op("=").Id("r").Dot("Context").Call(),
		auth,
		jen.Var().Id("q").Qual(pkgURL, "Values"),
		jen.If(jen.Id("query").Op("||").Add(sharedHandler()).Dot("StrictQuery")).Block(jen.Id("q").Op("=").Add(rt("ServerQuery")).Call(jen.Id("c"), jen.Id("r").Dot("URL").Dot("RawQuery"))),
		jen.If(sharedHandler().Dot("StrictQuery")).Block(rt("ServerStrictQuery").Call(jen.Id("c"), jen.Id("q"), jen.Id("op").Dot("declares"))),
		jen.Return(jen.Id("q"), jen.True()),
	)
}
