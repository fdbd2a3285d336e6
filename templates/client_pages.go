package templates

import (
	"strconv"

	"github.com/dave/jennifer/jen"
	"github.com/seed-0d47db62/livegen/generator"
)

// genPageMethod renders <Method>All of a paged operation: the first key
// and a thin fetch closure handed to clientPages, which every style shares.
func (g *clientGen) genPageMethod(f *jen.File, op *generator.Operation) {
	pg := op.Pagination
	key := pageKeyType(pg)
	f.Add(doc(clientPageDoc(op)).Func().Params(jen.Id("c").Op("*").Id("Client")).Id(pg.Method).Params(g.clientMethodParams(op)...).
		Qual(clientPkgIter, "Seq2").Types(typeRef(pg.Item), jen.Error()).BlockFunc(func(b *jen.Group) {
		if pg.Style == generator.PagingLink && len(pg.Items) == 0 && len(pg.Total) == 0 && len(pg.HasMore) == 0 {
			b.Return(jen.Id("clientLinkPages").Call(jen.Id("ctx"), jen.Id("c"),
				jen.Func().Params(clientCtxParam(), jen.Id("pc").Op("*").Id("Client")).Params(jen.Index().Add(typeRef(pg.Item)), jen.Error()).Block(
					jen.Return(jen.Id("pc").Dot(op.Name).Call(clientCallArgs(op, jen.Id("params"), jen.Id("body"))...)),
				),
			))
			return
		}
		first := pageFirst(b, pg)
		b.Return(jen.Id("clientPages").Call(
			jen.Id("ctx"), jen.Id("c").Dot("maxPages"), first, jen.Lit(pg.Style == generator.PagingToken),
			jen.Func().Params(clientCtxParam(), jen.Id(pg.Locals.Key).Add(key.Clone())).Params(pageType(pg), jen.Error()).BlockFunc(func(fetch *jen.Group) {
				g.pageFetch(fetch, op)
			}),
		))
	}))
}

// pageKeyType is the Go type of the key that selects a page: the page or
// offset parameter's integer type, else a string (cursor, token, URL).
func pageKeyType(pg *generator.Pagination) *jen.Statement {
	if pg.Style == generator.PagingPage || pg.Style == generator.PagingOffset {
		return typeRef(pg.Param.Type)
	}
	return jen.String()
}

// pageType is clientPage[Item, Key].
func pageType(pg *generator.Pagination) *jen.Statement {
	return jen.Id("clientPage").Types(typeRef(pg.Item), pageKeyType(pg))
}

// pageFirst declares the first key when it is not a literal: the caller's
// page, offset or cursor when params set it.
func pageFirst(b *jen.Group, pg *generator.Pagination) jen.Code {
	var first *jen.Statement
	switch pg.Style {
	case generator.PagingLink, generator.PagingNextURL:
		return jen.Lit("")
	case generator.PagingPage:
		first = jen.Op(strconv.FormatInt(pg.FirstPage, 10))
		if pg.Param.Type.Kind != generator.RefInt {
			first = typeRef(pg.Param.Type).Call(first)
		}
	case generator.PagingOffset:
		first = jen.Lit(0)
		if pg.Param.Type.Kind != generator.RefInt {
			first = typeRef(pg.Param.Type).Call(first)
		}
	default:
		first = jen.Lit("")
	}
	param := jen.Id("params").Dot(pg.Param.GoName)
	b.Id(pg.Locals.First).Op(":=").Add(first)
	if pg.Param.ByPointer() {
		b.If(jen.Id("params").Op("!=").Nil().Op("&&").Add(param.Clone()).Op("!=").Nil()).Block(jen.Id(pg.Locals.First).Op("=").Op("*").Add(param.Clone()))
	} else {
		// A required parameter left zero means "from the start".
		b.If(jen.Id("params").Op("!=").Nil().Op("&&").Add(param.Clone()).Op("!=").Add(pageZeroKey(pg))).Block(jen.Id(pg.Locals.First).Op("=").Add(param.Clone()))
	}
	return jen.Id(pg.Locals.First)
}

// pageFetch renders the body of the fetch closure: one call of the
// operation for the page at the key, and what its answer says of the next.
func (g *clientGen) pageFetch(b *jen.Group, op *generator.Operation) {
	pg := op.Pagination
	at := jen.Id(pg.Locals.Key)
	page := func() *jen.Statement { return jen.Id(pg.Locals.Page) }
	client := jen.Id("c")
	params := jen.Op("&").Id("r")
	if pg.Param != nil {
		// A copy of the caller's params, which the iterator changes page by page.
		b.Var().Id("r").Id(op.ParamsType)
		b.If(jen.Id("params").Op("!=").Nil()).Block(jen.Id("r").Op("=").Op("*").Id("params"))
		if pg.Param.ByPointer() {
			set := jen.Id("r").Dot(pg.Param.GoName).Op("=").Op("&").Add(at.Clone())
			if pg.Style == generator.PagingCursor || pg.Style == generator.PagingToken {
				set = jen.If(at.Clone().Op("!=").Lit("")).Block(set)
			}
			b.Add(set)
		} else {
			b.Id("r").Dot(pg.Param.GoName).Op("=").Add(at.Clone())
		}
	} else {
		// link and nexturl: a copy of the client that goes to the URL.
		params = jen.Id("params")
		client = jen.Id(pg.Locals.Client)
		header := jen.Id(pg.Locals.Header)
		if pg.Style == generator.PagingNextURL {
			header = jen.Id("_")
		}
		b.List(jen.Id(pg.Locals.Client), header, jen.Err()).Op(":=").Id("c").Dot("pageClient").Call(at.Clone())
		b.Add(clientIfErr(pageType(pg).Values(), jen.Err()))
	}
	b.List(jen.Id("resp"), jen.Err()).Op(":=").Add(client).Dot(op.Name).Call(clientCallArgs(op, params, jen.Id("body"))...)
	b.Add(clientIfErr(pageType(pg).Values(), jen.Err()))
	b.Add(page()).Op(":=").Add(pageType(pg)).Values(jen.Id("items").Op(":").Add(pageValue(jen.Id("resp"), pg.Items)))
	switch pg.Style {
	case generator.PagingPage:
		b.Add(page()).Dot("next").Op("=").Add(at.Clone()).Op("+").Lit(1)
	case generator.PagingOffset:
		n := jen.Len(page().Dot("items"))
		if pg.Param.Type.Kind != generator.RefInt {
			n = typeRef(pg.Param.Type).Call(n)
		}
		b.Add(page()).Dot("next").Op("=").Add(at.Clone()).Op("+").Add(n)
	case generator.PagingCursor:
		b.If(jen.Id("n").Op(":=").Len(page().Dot("items")), jen.Id("n").Op(">").Lit(0)).Block(
			page().Dot("next").Op("=").Add(pageValue(page().Dot("items").Index(jen.Id("n").Op("-").Lit(1)), generator.FieldPath{pg.CursorField})),
		)
	case generator.PagingToken, generator.PagingNextURL:
		b.Add(page()).Dot("next").Op("=").Add(pageValue(jen.Id("resp"), pg.Next))
	case generator.PagingLink:
		b.Add(page()).Dot("next").Op("=").Add(rt("ClientLinkNext")).Call(jen.Op("*").Id(pg.Locals.Header))
	}
	if len(pg.Total) > 0 {
		total := jen.Int64().Call(pageValue(jen.Id("resp"), pg.Total))
		if pg.Style == generator.PagingOffset {
			// The walk may start past 0: what is left to see from there.
			total = total.Op("-").Int64().Call(jen.Id(pg.Locals.First))
		}
		b.Add(page()).Dot("total").Op("=").Add(total)
	}
	if pg.Limit != nil && (pg.Style == generator.PagingPage || pg.Style == generator.PagingOffset) {
		limit := jen.Id("r").Dot(pg.Limit.GoName)
		if pg.Limit.ByPointer() {
			b.If(limit.Clone().Op("!=").Nil()).Block(page().Dot("limit").Op("=").Int64().Call(jen.Op("*").Add(limit.Clone())))
		} else {
			b.Add(page()).Dot("limit").Op("=").Int64().Call(limit)
		}
	}
	if len(pg.HasMore) > 0 {
		b.If(jen.Op("!").Add(pageValue(jen.Id("resp"), pg.HasMore))).Block(page().Dot("next").Op("=").Add(pageZeroKey(pg)))
	}
	b.Return(page(), jen.Nil())
}

// pageZeroKey is the key that means "no next page".
func pageZeroKey(pg *generator.Pagination) jen.Code {
	if pg.Style == generator.PagingPage || pg.Style == generator.PagingOffset {
		return jen.Lit(0)
	}
	return jen.Lit("")
}

// pageValue reads the value at a path whose fields may be optional: a
// pointer along the way is read through clientDeref and a Nullable through
// clientNullable, which give the zero value for nil, null or absent.
func pageValue(root *jen.Statement, path generator.FieldPath) *jen.Statement {
	v := root
	for _, f := range path {
		v = v.Clone().Dot(f.Name)
		switch f.Shape() {
		case generator.ShapePointer:
			v = jen.Id("clientDeref").Call(v)
		case generator.ShapeNullable:
			v = jen.Id("clientNullable").Call(v)
		}
	}
	return v
}

func clientPageDoc(op *generator.Operation) string {
	pg := op.Pagination
	text := pg.Method + " yields the items of every page of " + op.Name + ", one request per page, as the caller ranges over it. "
	switch pg.Style {
	case generator.PagingPage:
		text += "It sends page numbers in " + pg.Param.Name + " from params." + pg.Param.GoName + " (default " + strconv.FormatInt(pg.FirstPage, 10) + ") on"
	case generator.PagingOffset:
		text += "It sends the number of items seen in " + pg.Param.Name + ", from params." + pg.Param.GoName + " on"
	case generator.PagingCursor:
		text += "It sends the " + pg.CursorField.JSONName + " of the last item in " + pg.Param.Name
	case generator.PagingToken:
		text += "It sends the answer's " + pg.Next.String() + " back in " + pg.Param.Name
	case generator.PagingNextURL:
		text += "It follows the answer's " + pg.Next.String()
	case generator.PagingLink:
		text += `It follows the URL of the answer's Link header with rel="next"`
	}
	text += ", keeping every other parameter. "
	if pg.Style == generator.PagingLink || pg.Style == generator.PagingNextURL {
		text += "Credentials go with a next URL on the base URL's host only. "
	}
	text += "It stops at " + pageStops(pg) + ", after WithMaxPages pages, when the loop breaks, and at the first error, " +
		"which it yields with a zero item; an ended ctx is such an error. Each page is one call, with its retries."
	return text
}

// pageStops says when an iterator stops, by what its answers carry.
func pageStops(pg *generator.Pagination) string {
	var stops string
	if pg.Style != generator.PagingToken {
		stops = "an empty page, "
	}
	if len(pg.Total) > 0 {
		stops += "the page that brings the items seen to " + pg.Total.String() + ", "
	}
	if pg.Limit != nil && (pg.Style == generator.PagingPage || pg.Style == generator.PagingOffset) {
		stops += "a page shorter than " + pg.Limit.Name + ", "
	}
	if len(pg.HasMore) > 0 {
		stops += "a false " + pg.HasMore.String() + ", "
	}
	switch pg.Style {
	case generator.PagingToken, generator.PagingNextURL, generator.PagingLink:
		stops += "a missing or repeated next " + map[bool]string{true: "token", false: "URL"}[pg.Style == generator.PagingToken] + ", "
	case generator.PagingCursor:
		stops += "a repeated cursor, "
	}
	return stops + "a page that repeats an earlier one (a server that ignores the request)"
}
