package templates

import (
	"github.com/dave/jennifer/jen"
	"github.com/seed-0d47db62/livegen/generator"
)

// Packages that only the pager imports.
const clientPkgMaphash = "hash/maphash"

// genClientPager renders the machinery that every page iterator shares,
// once per package: the page type, the loop with its stop rules, and for
// the styles that follow URLs, the client that goes there.
func genClientPager(f, r *jen.File, api *generator.API, auth bool) {
	genClientPageType(f)
	genClientWalk(r)
	genClientPagesLoop(f)
	genClientPageHelpers(f, r)
	if pagerUses(api, generator.PagingLink, generator.PagingNextURL) {
		genClientPageClient(f, r, api, auth)
	}
	if pagerUses(api, generator.PagingLink) {
		genClientLinkNext(r)
		genClientLinkPages(f)
	}
	for _, op := range api.Operations {
		if op.Pagination != nil && op.Pagination.UsesNullable() {
			f.Comment("clientNullable is the value a Nullable holds, or the zero value.")
			f.Func().Id("clientNullable").Types(jen.Id("V").Any()).Params(jen.Id("n").Id("Nullable").Types(jen.Id("V"))).Id("V").Block(
				jen.List(jen.Id("v"), jen.Id("_")).Op(":=").Id("n").Dot("Get").Call(),
				jen.Return(jen.Id("v")),
			)
			break
		}
	}
}

// pagerUses reports whether some operation pages in one of styles.
func pagerUses(api *generator.API, styles ...generator.PagingStyle) bool {
	for _, op := range api.Operations {
		for _, s := range styles {
			if op.Pagination != nil && op.Pagination.Style == s {
				return true
			}
		}
	}
	return false
}

// pagerTypes are the type parameters [T any, K comparable].
func pagerTypes() jen.Code {
	return jen.List(jen.Id("T").Any(), jen.Id("K").Comparable())
}

func genClientPageType(f *jen.File) {
	f.Comment("clientPage is one page as the fetch function of an iterator returns it.")
	f.Type().Id("clientPage").Types(pagerTypes()).Struct(
		jen.Id("items").Index().Id("T"),
		jen.Comment("next is the key of the next page: its number, offset, cursor, token or URL;"),
		jen.Comment("the zero K when the answer names none."),
		jen.Id("next").Id("K"),
		jen.Comment("total counts the items from the walk's first page to the last, 0 when the answer"),
		jen.Comment("does not say; limit is the page size that was asked for, 0 when none was."),
		jen.List(jen.Id("total"), jen.Id("limit")).Int64(),
	)
}

func genClientPagesLoop(f *jen.File) {
	p := func(field string) *jen.Statement { return jen.Id("p").Dot(field) }
	w := func(name string) *jen.Statement { return jen.Id("w").Dot(name) }
	f.Comment("clientPages yields the items of every page, from the page at first on; fetch gets one")
	f.Comment("page. It stops at an empty page (unless keepEmpty: a token API may answer an empty page")
	f.Comment("that is not the last), after a page shorter than the limit asked for, once the items")
	f.Comment("seen reach the total, when the next key is the zero K or one already fetched, when a")
	f.Comment("page repeats the items of an earlier one (a server that ignores the page parameter; a")
	f.Comment("second empty page is such a repeat), after maxPages pages when it is positive, when the")
	f.Comment("loop breaks, and at the first error, which it yields. The rules are ClientWalk's, so")
	f.Comment("that only this loop is compiled per item type; it is kept out of line, so that it is not")
	f.Comment("compiled once more in every method that returns it.")
	f.Comment(noInline)
	f.Func().Id("clientPages").Types(pagerTypes()).Params(
		clientCtxParam(), jen.Id("maxPages").Int(), jen.Id("first").Id("K"), jen.Id("keepEmpty").Bool(),
		jen.Id("fetch").Func().Params(clientCtxParam(), jen.Id("at").Id("K")).Params(jen.Id("clientPage").Types(jen.Id("T"), jen.Id("K")), jen.Error()),
	).Qual(clientPkgIter, "Seq2").Types(jen.Id("T"), jen.Error()).Block(
		jen.Return(jen.Func().Params(jen.Id("yield").Func().Params(jen.Id("T"), jen.Error()).Bool()).Block(
			jen.Id("w").Op(":=").Add(rt("NewClientWalk")).Call(jen.Id("maxPages"), jen.Id("keepEmpty")),
			jen.Var().Id("none").Id("K"),
			jen.For(jen.Id("at").Op(":=").Id("first"), jen.Id("at").Op("!=").Id("none").Op("||").Id("w").Dot("N").Op("==").Lit(0), jen.Empty()).Block(
				jen.List(jen.Id("more"), jen.Err()).Op(":=").Add(w("Begin")).Call(jen.Id("ctx"), jen.Id("at")),
				jen.Var().Id("p").Id("clientPage").Types(jen.Id("T"), jen.Id("K")),
				jen.If(jen.Id("more")).Block(jen.List(jen.Id("p"), jen.Err()).Op("=").Id("fetch").Call(jen.Id("ctx"), jen.Id("at"))),
				jen.If(jen.Err().Op("!=").Nil()).Block(jen.Var().Id("zero").Id("T"), jen.Id("yield").Call(jen.Id("zero"), jen.Err()), jen.Return()),
				jen.If(jen.Op("!").Id("more").Op("||").Op("!").Add(w("Fresh")).Call(p("items"))).Block(jen.Return()),
				jen.For(jen.List(jen.Id("_"), jen.Id("item")).Op(":=").Range().Add(p("items"))).Block(
					jen.If(jen.Op("!").Id("yield").Call(jen.Id("item"), jen.Nil())).Block(jen.Return()),
				),
				jen.If(jen.Op("!").Add(w("GoOn")).Call(jen.Len(p("items")), p("total"), p("limit"), p("next"))).Block(jen.Return()),
				jen.Id("at").Op("=").Add(p("next")),
			),
		)),
	)
}

// genClientWalk renders the state and stop rules of clientPages, which know
// a page only by its number of items and its keys, so that they are compiled
// once for every item and key type.
func genClientWalk(f *jen.File) {
	w := func(name string) *jen.Statement { return jen.Id("w").Dot(name) }
	recv := jen.Id("w").Op("*").Id("ClientWalk")
	f.Comment("ClientWalk is the state of one walk of clientPages: the keys fetched, the")
	f.Comment("fingerprints of the pages seen, and the items seen. Its methods stay out of line,")
	f.Comment("so that they are not compiled again in every item type's loop.")
	f.Type().Id("ClientWalk").Struct(
		jen.Id("N").Int().Comment("the pages fetched"),
		jen.Id("maxPages").Int(),
		jen.Id("keepEmpty").Bool(),
		jen.Id("fetched").Map(jen.Any()).Bool(),
		jen.Id("pages").Map(jen.Uint64()).Bool(),
		jen.Id("seed").Qual(clientPkgMaphash, "Seed"),
		jen.Id("seen").Int64(),
	)
	f.Comment("NewClientWalk starts a walk of at most maxPages pages (0: no cap).")
	f.Func().Id("NewClientWalk").Params(jen.Id("maxPages").Int(), jen.Id("keepEmpty").Bool()).Op("*").Id("ClientWalk").Block(
		jen.Return(jen.Op("&").Id("ClientWalk").Values(jen.Dict{
			jen.Id("maxPages"): jen.Id("maxPages"), jen.Id("keepEmpty"): jen.Id("keepEmpty"),
			jen.Id("fetched"): jen.Map(jen.Any()).Bool().Values(), jen.Id("pages"): jen.Map(jen.Uint64()).Bool().Values(),
			jen.Id("seed"): jen.Qual(clientPkgMaphash, "MakeSeed").Call(),
		})),
	)
	f.Comment("Begin reports whether to fetch the page at key at: not after maxPages pages, and")
	f.Comment("not once ctx has ended, which is the error.")
	f.Comment(noInline)
	f.Func().Params(recv.Clone()).Id("Begin").Params(clientCtxParam(), jen.Id("at").Any()).Params(jen.Bool(), jen.Error()).Block(
		jen.If(w("maxPages").Op(">").Lit(0).Op("&&").Add(w("N")).Op(">=").Add(w("maxPages"))).Block(jen.Return(jen.False(), jen.Nil())),
		jen.If(jen.Err().Op(":=").Id("ctx").Dot("Err").Call(), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.False(), jen.Err())),
		w("N").Op("++"),
		w("fetched").Index(jen.Id("at")).Op("=").True(),
		jen.Return(jen.True(), jen.Nil()),
	)
	f.Comment("Fresh reports whether a page's items differ from those of every earlier page.")
	f.Comment(noInline)
	f.Func().Params(recv.Clone()).Id("Fresh").Params(jen.Id("items").Any()).Bool().Block(
		jen.List(jen.Id("sum"), jen.Id("ok")).Op(":=").Id("clientPageSum").Call(w("seed"), jen.Id("items")),
		jen.If(jen.Id("ok").Op("&&").Add(w("pages")).Index(jen.Id("sum"))).Block(jen.Return(jen.False())),
		w("pages").Index(jen.Id("sum")).Op("=").True(),
		jen.Return(jen.True()),
	)
	f.Comment("GoOn reports, after a page of n items, whether there is a next page to fetch.")
	f.Comment(noInline)
	f.Func().Params(recv.Clone()).Id("GoOn").Params(jen.Id("n").Int(), jen.List(jen.Id("total"), jen.Id("limit")).Int64(), jen.Id("next").Any()).Bool().Block(
		w("seen").Op("+=").Int64().Call(jen.Id("n")),
		jen.Return(jen.Op("!").Parens(
			jen.Id("n").Op("==").Lit(0).Op("&&").Op("!").Add(w("keepEmpty")).Op("||").
				Id("total").Op(">").Lit(0).Op("&&").Add(w("seen")).Op(">=").Id("total").Op("||").
				Id("limit").Op(">").Lit(0).Op("&&").Int64().Call(jen.Id("n")).Op("<").Id("limit").Op("||").
				Add(w("fetched")).Index(jen.Id("next")),
		)),
	)
}

func genClientPageHelpers(f, r *jen.File) {
	r.Comment("clientPageSum fingerprints the items of a page, to notice a page that repeats an")
	r.Comment("earlier one; ok is false when they cannot be encoded.")
	r.Func().Id("clientPageSum").Params(jen.Id("seed").Qual(clientPkgMaphash, "Seed"), jen.Id("items").Any()).Params(jen.Uint64(), jen.Bool()).Block(
		jen.List(jen.Id("data"), jen.Err()).Op(":=").Qual(pkgJSON, "Marshal").Call(jen.Id("items")),
		jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Lit(0), jen.False())),
		jen.Return(jen.Qual(clientPkgMaphash, "Bytes").Call(jen.Id("seed"), jen.Id("data")), jen.True()),
	)
	f.Comment("clientDeref is the value an optional field points to, or the zero value.")
	f.Func().Id("clientDeref").Types(jen.Id("V").Any()).Params(jen.Id("v").Op("*").Id("V")).Id("V").Block(
		jen.If(jen.Id("v").Op("==").Nil()).Block(jen.Var().Id("zero").Id("V"), jen.Return(jen.Id("zero"))),
		jen.Return(jen.Op("*").Id("v")),
	)
}

// genClientPageClient renders pageClient and the doer that keeps the
// answer's header, for the styles that follow a URL from the server.
func genClientPageClient(f, r *jen.File, api *generator.API, auth bool) {
	var keys []jen.Code
	for _, sc := range api.SecuritySchemes {
		if sc.Type == "apiKey" && sc.In == "query" {
			keys = append(keys, jen.Lit(sc.Name))
		}
	}
	req := func() *jen.Statement { return jen.Id("req") }
	r.Comment("ClientHeaderKeeper keeps the header of the last answer, for the Link header.")
	r.Type().Id("ClientHeaderKeeper").Struct(
		jen.Id("Doer").Id("HTTPDoer"),
		jen.Id("Header").Qual(pkgHTTP, "Header"),
	)
	r.Comment("Do sends req with Doer and keeps the answer's header.")
	r.Func().Params(jen.Id("k").Op("*").Id("ClientHeaderKeeper")).Id("Do").Params(req().Op("*").Qual(pkgHTTP, "Request")).Params(jen.Op("*").Qual(pkgHTTP, "Response"), jen.Error()).Block(
		jen.List(jen.Id("resp"), jen.Err()).Op(":=").Id("k").Dot("Doer").Dot("Do").Call(req()),
		jen.If(jen.Id("resp").Op("!=").Nil()).Block(jen.Id("k").Dot("Header").Op("=").Id("resp").Dot("Header")),
		jen.Return(jen.Id("resp"), jen.Err()),
	)
	f.Comment("pageClient is a copy of c that sends the next call to next, a URL from the server")
	f.Comment("resolved against the call's URL, and keeps the answer's header; with next empty the")
	f.Comment("call goes where the operation says. The copy sends the credentials only when next is")
	f.Comment("on the scheme and host of the base URL, so that a server cannot send them elsewhere.")
	f.Func().Params(jen.Id("c").Op("*").Id("Client")).Id("pageClient").Params(jen.Id("next").String()).Params(jen.Op("*").Id("Client"), jen.Op("*").Qual(pkgHTTP, "Header"), jen.Error()).Block(
		jen.Id("pc").Op(":=").Op("*").Id("c"),
		jen.Id("keeper").Op(":=").Op("&").Add(rt("ClientHeaderKeeper")).Values(jen.Id("Doer").Op(":").Id("c").Dot("engine").Dot("HTTPClient")),
		jen.Id("pc").Dot("engine").Dot("HTTPClient").Op("=").Id("keeper"),
		jen.If(jen.Id("next").Op("==").Lit("")).Block(jen.Return(jen.Op("&").Id("pc"), jen.Op("&").Id("keeper").Dot("Header"), jen.Nil())),
		jen.List(jen.Id("base"), jen.Err()).Op(":=").Qual(pkgURL, "Parse").Call(jen.Id("c").Dot("engine").Dot("BaseURL")),
		jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Nil(), jen.Err())),
		jen.List(jen.Id("target"), jen.Err()).Op(":=").Id("base").Dot("Parse").Call(jen.Id("next")),
		jen.If(jen.Err().Op("!=").Nil().Op("||").Parens(jen.Id("target").Dot("Scheme").Op("!=").Lit("http").Op("&&").Id("target").Dot("Scheme").Op("!=").Lit("https"))).Block(
			jen.Return(jen.Nil(), jen.Nil(), jen.Qual(pkgFmt, "Errorf").Call(jen.Lit("the next page's URL %q is not an http or https URL"), jen.Id("next"))),
		),
		jen.Do(func(st *jen.Statement) {
			if !auth {
				return
			}
			st.Id("sameHost").Op(":=").Id("target").Dot("Scheme").Op("==").Id("base").Dot("Scheme").Op("&&").Qual(pkgStrings, "EqualFold").Call(jen.Id("target").Dot("Host"), jen.Id("base").Dot("Host")).Line()
			st.If(jen.Op("!").Id("sameHost")).Block(jen.Id("pc").Dot("engine").Dot("Secrets").Op("=").Nil())
		}),
		jen.List(jen.Id("ref"), jen.Id("_")).Op(":=").Qual(pkgURL, "Parse").Call(jen.Id("next")),
		jen.Id("goTo").Op(":=").Func().Params(jen.Id("_").Qual(pkgContext, "Context"), req().Op("*").Qual(pkgHTTP, "Request")).Error().BlockFunc(func(b *jen.Group) {
			if len(keys) > 0 {
				b.Id("sent").Op(":=").Add(req()).Dot("URL").Dot("Query").Call()
			}
			b.Add(req()).Dot("URL").Op("=").Add(req()).Dot("URL").Dot("ResolveReference").Call(jen.Id("ref"))
			b.Add(req()).Dot("Host").Op("=").Add(req()).Dot("URL").Dot("Host")
			if len(keys) > 0 {
				b.Comment("API keys sent in the query go on, on the same host only: the next URL")
				b.Comment("is the server's, which leaves them out.")
				b.Id("clientKeepKeys").Call(req().Dot("URL"), jen.Id("sent"), jen.Id("sameHost"))
			}
			b.Return(jen.Nil())
		}),
		jen.Comment("First, so that the client's editors (a signature) see the URL that is sent."),
		jen.Id("pc").Dot("engine").Dot("Editors").Op("=").Append(jen.Index().Id("RequestEditorFn").Values(jen.Id("goTo")), jen.Id("c").Dot("engine").Dot("Editors").Op("...")),
		jen.Return(jen.Op("&").Id("pc"), jen.Op("&").Id("keeper").Dot("Header"), jen.Nil()),
	)
	if len(keys) > 0 {
		f.Comment("clientKeepKeys adds to u the API keys of sent (the query of the call) that u lacks,")
		f.Comment("when the call keeps its credentials; u's own query stays as the server wrote it.")
		f.Func().Id("clientKeepKeys").Params(jen.Id("u").Op("*").Qual(pkgURL, "URL"), jen.Id("sent").Qual(pkgURL, "Values"), jen.Id("keep").Bool()).Block(
			jen.Id("have").Op(":=").Id("u").Dot("Query").Call(),
			jen.For(jen.List(jen.Id("_"), jen.Id("name")).Op(":=").Range().Index().String().Values(keys...)).Block(
				jen.If(jen.Op("!").Id("keep").Op("||").Id("have").Dot("Has").Call(jen.Id("name")).Op("||").Op("!").Id("sent").Dot("Has").Call(jen.Id("name"))).Block(jen.Continue()),
				jen.If(jen.Id("u").Dot("RawQuery").Op("!=").Lit("")).Block(jen.Id("u").Dot("RawQuery").Op("+=").Lit("&")),
				jen.Id("u").Dot("RawQuery").Op("+=").Qual(pkgURL, "QueryEscape").Call(jen.Id("name")).Op("+").Lit("=").Op("+").Qual(pkgURL, "QueryEscape").Call(jen.Id("sent").Dot("Get").Call(jen.Id("name"))),
			),
		)
	}
}

// genClientLinkNext renders the reader of RFC 8288 Link headers.
func genClientLinkNext(f *jen.File) {
	s := func(name string) *jen.Statement { return jen.Qual(pkgStrings, name) }
	f.Comment("ClientLinkNext is the target of the link with rel=\"next\" in an answer's Link headers")
	f.Comment("(RFC 8288: `<https://api.example.com/items?page=2>; rel=\"next\", <...>; rel=\"last\"`), or \"\".")
	f.Func().Id("ClientLinkNext").Params(jen.Id("header").Qual(pkgHTTP, "Header")).String().Block(
		jen.For(jen.List(jen.Id("_"), jen.Id("value")).Op(":=").Range().Id("header").Dot("Values").Call(jen.Lit("Link"))).Block(
			jen.For().Block(
				jen.List(jen.Id("start"), jen.Id("end")).Op(":=").List(s("IndexByte").Call(jen.Id("value"), jen.LitRune('<')), s("IndexByte").Call(jen.Id("value"), jen.LitRune('>'))),
				jen.If(jen.Id("start").Op("<").Lit(0).Op("||").Id("end").Op("<").Id("start")).Block(jen.Break()),
				jen.Id("target").Op(":=").Id("value").Index(jen.Id("start").Op("+").Lit(1), jen.Id("end")),
				jen.Id("value").Op("=").Id("value").Index(jen.Id("end").Op("+").Lit(1), jen.Empty()),
				jen.List(jen.Id("params"), jen.Id("_"), jen.Id("_")).Op(":=").Add(s("Cut")).Call(jen.Id("value"), jen.Lit("<")),
				jen.For(jen.List(jen.Id("_"), jen.Id("param")).Op(":=").Range().Add(s("Split")).Call(jen.Id("params"), jen.Lit(";"))).Block(
					jen.List(jen.Id("name"), jen.Id("rel"), jen.Id("_")).Op(":=").Add(s("Cut")).Call(jen.Id("param"), jen.Lit("=")),
					jen.If(s("EqualFold").Call(s("TrimSpace").Call(jen.Id("name")), jen.Lit("rel")).Op("&&").Qual(clientPkgSlices, "Contains").Call(
						s("Fields").Call(s("ToLower").Call(s("Trim").Call(jen.Id("rel"), jen.Lit("\" \t,")))), jen.Lit("next"),
					)).Block(jen.Return(jen.Id("target"))),
				),
				jen.Id("value").Op("=").Id("value").Index(jen.Len(jen.Id("params")), jen.Empty()),
			),
		),
		jen.Return(jen.Lit("")),
	)
}

// genClientLinkPages renders clientLinkPages, the whole walk of an operation
// that pages by Link header and answers a list: its method only names the
// call.
func genClientLinkPages(f *jen.File) {
	page := jen.Id("clientPage").Types(jen.Id("T"), jen.String())
	f.Comment("clientLinkPages walks the pages of an operation that answers a list and names")
	f.Comment("the next page in its Link header; fetch calls the operation with pc, a copy of")
	f.Comment("the client that goes to the page's URL.")
	f.Func().Id("clientLinkPages").Types(jen.Id("T").Any()).Params(
		clientCtxParam(), jen.Id("c").Op("*").Id("Client"),
		jen.Id("fetch").Func().Params(clientCtxParam(), jen.Id("pc").Op("*").Id("Client")).Params(jen.Index().Id("T"), jen.Error()),
	).Qual(clientPkgIter, "Seq2").Types(jen.Id("T"), jen.Error()).Block(
		jen.Return(jen.Id("clientPages").Call(jen.Id("ctx"), jen.Id("c").Dot("maxPages"), jen.Lit(""), jen.False(),
			jen.Func().Params(clientCtxParam(), jen.Id("at").String()).Params(page.Clone(), jen.Error()).Block(
				jen.List(jen.Id("pc"), jen.Id("header"), jen.Err()).Op(":=").Id("c").Dot("pageClient").Call(jen.Id("at")),
				clientIfErr(page.Clone().Values(), jen.Err()),
				jen.List(jen.Id("items"), jen.Err()).Op(":=").Id("fetch").Call(jen.Id("ctx"), jen.Id("pc")),
				clientIfErr(page.Clone().Values(), jen.Err()),
				jen.Return(page.Clone().Values(jen.Dict{jen.Id("items"): jen.Id("items"), jen.Id("next"): rt("ClientLinkNext").Call(jen.Op("*").Id("header"))}), jen.Nil()),
			),
		)),
	)
}
