package templates

import (
	"github.com/dave/jennifer/jen"
	"github.com/seed-0d47db62/livegen/generator"
)

// ServerPaging renders server_paging.gen.go: what a server's list methods
// need to page as their clients expect, the next page's URL for a Link
// header or an answer's body, and opaque cursors. nil when no operation pages.
func ServerPaging(api *generator.API) ([]byte, error) {
	if !clientHasPagination(api) {
		return nil, nil
	}
	f := newFile(api)
	f.Comment("NextPageURL is path with query, and the query parameter name set to value: the")
	f.Comment("next page's URL, relative to the server, for an answer's body (next, next_page_url)")
	f.Comment("or NextPageLink. Clients resolve it against the URL they asked for. query is not changed.")
	f.Func().Id("NextPageURL").Params(jen.Id("path").String(), jen.Id("query").Qual(pkgURL, "Values"), jen.List(jen.Id("name"), jen.Id("value")).String()).String().Block(
		jen.Id("q").Op(":=").Qual(pkgURL, "Values").Values(jen.Id("name").Op(":").Values(jen.Id("value"))),
		jen.For(jen.List(jen.Id("k"), jen.Id("v")).Op(":=").Range().Id("query")).Block(
			jen.If(jen.Id("k").Op("!=").Id("name")).Block(jen.Id("q").Index(jen.Id("k")).Op("=").Id("v")),
		),
		jen.Return(jen.Parens(jen.Op("&").Qual(pkgURL, "URL").Values(jen.Dict{
			jen.Id("Path"):     jen.Id("path"),
			jen.Id("RawQuery"): jen.Id("q").Dot("Encode").Call(),
		})).Dot("String").Call()),
	)
	f.Comment("NextPageLink is an RFC 8288 Link header value naming the next page at target, as")
	f.Comment("GitHub sends it: `<target>; rel=\"next\"`. Leave the header out on the last page.")
	f.Func().Id("NextPageLink").Params(jen.Id("target").String()).String().Block(
		jen.Return(jen.Lit("<").Op("+").Id("target").Op("+").Lit(`>; rel="next"`)),
	)
	f.Comment("EncodePageCursor turns a position in a list (an offset, the last key sent) into an")
	f.Comment("opaque cursor for a next_cursor or nextPageToken; DecodePageCursor reads it back.")
	f.Func().Id("EncodePageCursor").Params(jen.Id("position").String()).String().Block(
		jen.Return(jen.Qual(clientPkgBase64, "RawURLEncoding").Dot("EncodeToString").Call(jen.Index().Byte().Call(jen.Id("pageCursorPrefix").Op("+").Id("position")))),
	)
	f.Comment("DecodePageCursor is the position that EncodePageCursor put in a cursor; a cursor it")
	f.Comment("did not make is an error, which a list method answers with 400.")
	f.Func().Id("DecodePageCursor").Params(jen.Id("cursor").String()).Params(jen.String(), jen.Error()).Block(
		jen.List(jen.Id("data"), jen.Err()).Op(":=").Qual(clientPkgBase64, "RawURLEncoding").Dot("DecodeString").Call(jen.Id("cursor")),
		jen.List(jen.Id("position"), jen.Id("ok")).Op(":=").Qual(pkgStrings, "CutPrefix").Call(jen.String().Call(jen.Id("data")), jen.Id("pageCursorPrefix")),
		jen.If(jen.Err().Op("!=").Nil().Op("||").Op("!").Id("ok")).Block(
			jen.Return(jen.Lit(""), jen.Qual(pkgFmt, "Errorf").Call(jen.Lit("%q is not a page cursor of this API"), jen.Id("cursor"))),
		),
		jen.Return(jen.Id("position"), jen.Nil()),
	)
	f.Comment("pageCursorPrefix marks the cursors that EncodePageCursor makes.")
	f.Const().Id("pageCursorPrefix").Op("=").Lit("p1:")
	return render(f)
}
