package templates

import (
	"github.com/dave/jennifer/jen"
	"github.com/seed-0d47db62/livegen/generator"
)

// genCredentials renders Credentials, one field per security scheme, and
// the methods that pick and apply the credentials of a call.
func (g *clientGen) genCredentials(f *jen.File) {
	f.Comment("Credentials holds the secrets of the security schemes that the spec declares.")
	f.Comment("A call authenticates with the first of its operation's security alternatives")
	f.Comment("whose secrets are all set, and sends none when no alternative is complete. An")
	f.Comment("operation for which the spec states no requirement at all sends every secret set.")
	f.Type().Id("Credentials").StructFunc(func(s *jen.Group) {
		for _, sc := range g.api.SecuritySchemes {
			s.Add(doc(clientCredentialDoc(sc))).Id(sc.GoName).Add(clientCredentialType(sc))
		}
	})
	cred := func(sc *generator.SecurityScheme) *jen.Statement {
		return jen.Id("c").Dot("credentials").Dot(sc.GoName)
	}
	f.Comment("hasCredential reports whether the secret of a security scheme is set.")
	f.Func().Params(jen.Id("c").Op("*").Id("Client")).Id("hasCredential").Params(jen.Id("scheme").String()).Bool().Block(
		jen.Switch(jen.Id("scheme")).BlockFunc(func(sw *jen.Group) {
			for _, sc := range g.api.SecuritySchemes {
				zero := jen.Lit("")
				if clientIsBasic(sc) {
					zero = jen.Nil()
				}
				sw.Case(jen.Lit(sc.Key)).Block(jen.Return(cred(sc).Op("!=").Add(zero)))
			}
		}),
		jen.Return(jen.False()),
	)
	f.Comment("applyCredential adds the secret of a security scheme to a call.")
	f.Func().Params(jen.Id("c").Op("*").Id("Client")).Id("applyCredential").Params(jen.Id("s").Op("*").Id("clientCall"), jen.Id("scheme").String()).Block(
		jen.Switch(jen.Id("scheme")).BlockFunc(func(sw *jen.Group) {
			for _, sc := range g.api.SecuritySchemes {
				sw.Case(jen.Lit(sc.Key)).Block(clientApplyCredential(sc, cred(sc))...)
			}
		}),
	)
	schemes := make([]jen.Code, len(g.api.SecuritySchemes))
	for i, sc := range g.api.SecuritySchemes {
		schemes[i] = jen.Lit(sc.Key)
	}
	f.Comment("authenticate adds the secrets of the first security alternative of a call whose")
	f.Comment("secrets are all set. A call whose operation states no requirement (nil")
	f.Comment("security) sends every secret that is set, as its API most likely wants one.")
	f.Func().Params(jen.Id("c").Op("*").Id("Client")).Id("authenticate").Params(jen.Id("s").Op("*").Id("clientCall")).Block(
		jen.If(jen.Id("s").Dot("security").Op("==").Nil()).Block(
			jen.For(jen.List(jen.Id("_"), jen.Id("scheme")).Op(":=").Range().Index().String().Values(schemes...)).Block(
				jen.If(jen.Id("c").Dot("hasCredential").Call(jen.Id("scheme"))).Block(jen.Id("c").Dot("applyCredential").Call(jen.Id("s"), jen.Id("scheme"))),
			),
			jen.Return(),
		),
		jen.Comment("A loop, not slices.ContainsFunc, whose instances would be compiled here."),
		jen.Id("alternatives").Op(":"),
		jen.For(jen.List(jen.Id("_"), jen.Id("schemes")).Op(":=").Range().Id("s").Dot("security")).Block(
			jen.For(jen.List(jen.Id("_"), jen.Id("scheme")).Op(":=").Range().Id("schemes")).Block(
				jen.If(jen.Op("!").Id("c").Dot("hasCredential").Call(jen.Id("scheme"))).Block(jen.Continue().Id("alternatives")),
			),
			jen.For(jen.List(jen.Id("_"), jen.Id("scheme")).Op(":=").Range().Id("schemes")).Block(
				jen.Id("c").Dot("applyCredential").Call(jen.Id("s"), jen.Id("scheme")),
			),
			jen.Return(),
		),
	)
}

func clientIsBasic(sc *generator.SecurityScheme) bool {
	return sc.Type == "http" && sc.Scheme == "basic"
}

// clientCredentialType is the Go type of a scheme's secret: a user and password
// for basic authentication, a string for every other scheme.
func clientCredentialType(sc *generator.SecurityScheme) *jen.Statement {
	if clientIsBasic(sc) {
		return jen.Op("*").Qual(pkgURL, "Userinfo")
	}
	return jen.String()
}

// clientCredentialDoc says what a Credentials field holds and how it is sent.
func clientCredentialDoc(sc *generator.SecurityScheme) string {
	var how string
	switch {
	case sc.Type == "http" && sc.Scheme == "bearer":
		how = "the token of the HTTP bearer scheme " + sc.Key + `, sent as "Authorization: Bearer <token>".`
	case clientIsBasic(sc):
		how = "the user and password of the HTTP basic scheme " + sc.Key + " (url.UserPassword(user, password)), sent in the Authorization header."
	case sc.Type == "http":
		how = "the whole Authorization header value of the HTTP " + sc.Scheme + " scheme " + sc.Key + ", sent as given."
	case sc.Type == "apiKey":
		how = "the API key of scheme " + sc.Key + ", sent in the " + sc.In + " " + sc.Name + "."
	default:
		how = "an access token of the " + sc.Type + ` scheme ` + sc.Key + `, sent as "Authorization: Bearer <token>". Obtaining and refreshing it is left to the caller: an http.Client from golang.org/x/oauth2 given to WithHTTPClient does both.`
	}
	text := sc.GoName + " is " + how
	if sc.Doc != "" {
		text += " " + sc.Doc
	}
	return text
}

// clientApplyCredential is the statements that add one scheme's secret to a call.
func clientApplyCredential(sc *generator.SecurityScheme, secret *jen.Statement) []jen.Code {
	header := func(value jen.Code) jen.Code {
		return jen.Id("s").Dot("header").Dot("Set").Call(jen.Lit("Authorization"), value)
	}
	switch {
	case clientIsBasic(sc):
		return []jen.Code{
			jen.List(jen.Id("password"), jen.Id("_")).Op(":=").Add(secret.Clone()).Dot("Password").Call(),
			header(jen.Lit("Basic ").Op("+").Qual(clientPkgBase64, "StdEncoding").Dot("EncodeToString").Call(
				jen.Index().Byte().Call(secret.Clone().Dot("Username").Call().Op("+").Lit(":").Op("+").Id("password")),
			)),
		}
	case sc.Type == "http" && sc.Scheme != "bearer":
		return []jen.Code{header(secret)}
	case sc.Type == "apiKey" && sc.In == "query":
		return []jen.Code{jen.Id("s").Dot("query").Dot("Set").Call(jen.Lit(sc.Name), secret)}
	case sc.Type == "apiKey" && sc.In == "cookie":
		return []jen.Code{jen.Id("s").Dot("cookies").Op("=").Append(jen.Id("s").Dot("cookies"), jen.Op("&").Qual(pkgHTTP, "Cookie").Values(jen.Dict{
			jen.Id("Name"): jen.Lit(sc.Name), jen.Id("Value"): secret,
		}))}
	case sc.Type == "apiKey":
		return []jen.Code{jen.Id("s").Dot("header").Dot("Set").Call(jen.Lit(sc.Name), secret)}
	default: // bearer, oauth2, openIdConnect
		return []jen.Code{header(jen.Lit("Bearer ").Op("+").Add(secret))}
	}
}
