package templates

import (
	"github.com/dave/jennifer/jen"
	"github.com/seed-0d47db62/livegen/generator"
)

// genCredentials renders Credentials, one field per security scheme, and
// clientSecrets, which writes them as the secrets that the engine sends.
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
	cred := func(sc *generator.SecurityScheme) *jen.Statement { return jen.Id("credentials").Dot(sc.GoName) }
	f.Comment("clientSecrets lists the secrets of credentials that are set, as the engine sends")
	f.Comment("them, in the order of the spec's security schemes.")
	f.Func().Id("clientSecrets").Params(jen.Id("credentials").Id("Credentials")).Index().Add(rt("ClientSecret")).BlockFunc(func(b *jen.Group) {
		b.Var().Id("secrets").Index().Add(rt("ClientSecret"))
		for _, sc := range g.api.SecuritySchemes {
			zero := jen.Lit("")
			if clientIsBasic(sc) {
				zero = jen.Nil()
			}
			in, name, value := clientSecretOf(sc, cred(sc))
			secret := jen.Dict{jen.Id("Scheme"): jen.Lit(sc.Key), jen.Id("In"): rt(in), jen.Id("Name"): jen.Lit(name), jen.Id("Value"): value}
			b.If(cred(sc).Op("!=").Add(zero)).BlockFunc(func(then *jen.Group) {
				if clientIsBasic(sc) {
					then.List(jen.Id("password"), jen.Id("_")).Op(":=").Add(cred(sc)).Dot("Password").Call()
				}
				then.Id("secrets").Op("=").Append(jen.Id("secrets"), rt("ClientSecret").Values(secret))
			})
		}
		b.Return(jen.Id("secrets"))
	})
}

// genClientAuthenticate renders the runtime's ClientSecret and how the
// engine picks and sends the secrets of a call.
func genClientAuthenticate(f *jen.File) {
	f.Comment("ClientSecret is a secret that the client sends for a security scheme: the value")
	f.Comment("of a header, query parameter or cookie.")
	f.Type().Id("ClientSecret").Struct(
		jen.Id("Scheme").String().Comment("the scheme's key in the spec"),
		jen.Id("In").Id("ClientIn"),
		jen.List(jen.Id("Name"), jen.Id("Value")).String(),
	)
	f.Comment("authenticate adds the secrets of the first security alternative of a call whose")
	f.Comment("secrets are all set. A call whose operation states no requirement (nil")
	f.Comment("security) sends every secret that is set, as its API most likely wants one.")
	f.Func().Params(jen.Id("c").Op("*").Id("ClientEngine")).Id("authenticate").Params(jen.Id("s").Op("*").Id("ClientCall")).Block(
		jen.If(jen.Id("s").Dot("Security").Op("==").Nil()).Block(
			jen.For(jen.List(jen.Id("_"), jen.Id("secret")).Op(":=").Range().Id("c").Dot("Secrets")).Block(
				jen.Id("s").Dot("Put").Call(jen.Id("secret").Dot("In"), jen.Id("secret").Dot("Name"), jen.Id("secret").Dot("Value")),
			),
			jen.Return(),
		),
		jen.Comment("Loops, not slices.ContainsFunc, whose instances would be compiled here."),
		jen.Id("alternatives").Op(":"),
		jen.For(jen.List(jen.Id("_"), jen.Id("schemes")).Op(":=").Range().Id("s").Dot("Security")).Block(
			jen.For(jen.List(jen.Id("_"), jen.Id("scheme")).Op(":=").Range().Id("schemes")).Block(
				jen.If(jen.Id("c").Dot("secret").Call(jen.Id("scheme")).Op("==").Nil()).Block(jen.Continue().Id("alternatives")),
			),
			jen.For(jen.List(jen.Id("_"), jen.Id("scheme")).Op(":=").Range().Id("schemes")).Block(
				jen.Id("secret").Op(":=").Id("c").Dot("secret").Call(jen.Id("scheme")),
				jen.Id("s").Dot("Put").Call(jen.Id("secret").Dot("In"), jen.Id("secret").Dot("Name"), jen.Id("secret").Dot("Value")),
			),
			jen.Return(),
		),
	)
	f.Comment("secret is the secret of a scheme, nil when the client has none.")
	f.Func().Params(jen.Id("c").Op("*").Id("ClientEngine")).Id("secret").Params(jen.Id("scheme").String()).Op("*").Id("ClientSecret").Block(
		jen.For(jen.Id("i").Op(":=").Range().Id("c").Dot("Secrets")).Block(
			jen.If(jen.Id("c").Dot("Secrets").Index(jen.Id("i")).Dot("Scheme").Op("==").Id("scheme")).Block(
				jen.Return(jen.Op("&").Id("c").Dot("Secrets").Index(jen.Id("i"))),
			),
		),
		jen.Return(jen.Nil()),
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

// clientSecretOf is where a scheme's secret goes and how it is written: the
// runtime's ClientIn constant, the header, parameter or
// cookie name, and the value from secret (a basic scheme's reads password).
func clientSecretOf(sc *generator.SecurityScheme, secret *jen.Statement) (in, name string, value jen.Code) {
	switch {
	case clientIsBasic(sc):
		return "ClientInHeader", "Authorization", jen.Lit("Basic ").Op("+").Qual(clientPkgBase64, "StdEncoding").Dot("EncodeToString").Call(
			jen.Index().Byte().Call(secret.Clone().Dot("Username").Call().Op("+").Lit(":").Op("+").Id("password")),
		)
	case sc.Type == "http" && sc.Scheme != "bearer":
		return "ClientInHeader", "Authorization", secret
	case sc.Type == "apiKey" && sc.In == "query":
		return "ClientInQuery", sc.Name, secret
	case sc.Type == "apiKey" && sc.In == "cookie":
		return "ClientInCookie", sc.Name, secret
	case sc.Type == "apiKey":
		return "ClientInHeader", sc.Name, secret
	default: // bearer, oauth2, openIdConnect
		return "ClientInHeader", "Authorization", jen.Lit("Bearer ").Op("+").Add(secret)
	}
}
