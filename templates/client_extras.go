package templates

import (
	"strconv"
	"strings"

	"github.com/dave/jennifer/jen"
	"github.com/seed-0d47db62/livegen/generator"
)

// genBulkMethod renders the helper that sends a bulk operation in chunks.
func (g *clientGen) genBulkMethod(f *jen.File, op *generator.Operation) {
	bk := op.Bulk
	elem := clientBulkElem(op)
	results := jen.Params(jen.Index().Add(elem.Clone()), jen.Error())
	if bk.Merge == generator.MergeNone {
		results = jen.Error()
	}
	f.Add(doc(clientBulkDoc(op)).Func().Params(jen.Id("c").Op("*").Id("Client")).Id(bk.Method).Params(g.clientMethodParams(op, jen.Id(bk.ChunkSizeVar).Int())...).Add(results).BlockFunc(func(b *jen.Group) {
		if bk.DefaultChunk != bk.MaxItems {
			b.If(jen.Id(bk.ChunkSizeVar).Op("<=").Lit(0)).Block(jen.Id(bk.ChunkSizeVar).Op("=").Lit(int(bk.DefaultChunk)))
		}
		lens := make([]jen.Code, len(bk.Lists))
		for i, l := range bk.Lists {
			lens[i] = jen.Len(clientBulkList(bk, jen.Id("body"), l))
		}
		// Without a merge, the chunks answer nothing to collect: ClientChunks sends them.
		helper, sent := jen.Id("clientBulk"), jen.Params(jen.Index().Add(elem.Clone()), jen.Error())
		if bk.Merge == generator.MergeNone {
			helper, sent = rt("ClientChunks"), jen.Error()
		}
		call := helper.Call(
			jen.Id("ctx"), jen.Lit(op.ID), jen.Id(bk.ChunkSizeVar), jen.Lit(int(bk.MaxItems)),
			jen.Index().Int().Values(lens...),
			jen.Func().Params(jen.Id("r").Add(rt("ClientChunk"))).Add(sent).BlockFunc(func(send *jen.Group) {
				send.Id("req").Op(":=").Id("body")
				for i, l := range bk.Lists {
					send.Add(clientBulkList(bk, jen.Id("req"), l)).Op("=").Id("clientChunkOf").Call(
						clientBulkList(bk, jen.Id("body"), l), jen.Id("r").Index(jen.Lit(i)), jen.Lit(l.Shape() == generator.ShapeOmitZero),
					)
				}
				clientBulkSend(send, op)
			}),
		)
		b.Return(call)
	}))
}

// clientBulkList is the expression of one chunked list in a body value.
func clientBulkList(bk *generator.Bulk, body *jen.Statement, l *generator.Field) *jen.Statement {
	if bk.Parent != nil {
		body = body.Dot(bk.Parent.Name)
	}
	return body.Dot(l.Name)
}

// clientBulkElem is the element type of what a bulk helper returns: the
// merged items, or one result per chunk.
func clientBulkElem(op *generator.Operation) *jen.Statement {
	switch op.Bulk.Merge {
	case generator.MergeConcat, generator.MergeItems:
		return typeRef(op.Bulk.Item)
	case generator.MergeCollect:
		return clientResultType(op)
	}
	return jen.Struct()
}

// clientBulkSend sends one chunk and returns what it adds to the merge.
func clientBulkSend(b *jen.Group, op *generator.Operation) {
	bk := op.Bulk
	call := jen.Id("c").Dot(op.Name).Call(clientCallArgs(op, jen.Id("params"), jen.Id("req"))...)
	if bk.Merge == generator.MergeNone && clientResultType(op) == nil {
		b.Return(call)
		return
	}
	if bk.Merge == generator.MergeNone {
		b.List(jen.Id("_"), jen.Err()).Op(":=").Add(call)
		b.Return(jen.Err())
		return
	}
	if bk.Merge == generator.MergeConcat && op.ResultType == "" {
		b.Return(call)
		return
	}
	b.List(jen.Id("resp"), jen.Err()).Op(":=").Add(call)
	b.Add(clientIfErr(jen.Nil(), jen.Err()))
	if bk.Merge == generator.MergeCollect {
		b.Return(jen.Index().Add(clientResultType(op)).Values(jen.Id("resp")), jen.Nil())
		return
	}
	answer := func() *jen.Statement { return jen.Id("resp") }
	if op.ResultType != "" {
		answer = func() *jen.Statement { return jen.Id("resp").Dot(bk.Answer.ResultField) }
		b.If(answer().Op("==").Nil()).Block(jen.Return(jen.Nil(), jen.Nil()))
	}
	switch bk.Merge {
	case generator.MergeConcat:
		b.Return(jen.Op("*").Add(answer()), jen.Nil())
	default:
		b.Return(answer().Dot(bk.ItemsField.Name), jen.Nil())
	}
}

func clientBulkDoc(op *generator.Operation) string {
	bk := op.Bulk
	var lists []string
	for _, l := range bk.Lists {
		name := "body." + l.Name
		if bk.Parent != nil {
			name = "body." + bk.Parent.Name + "." + l.Name
		}
		lists = append(lists, name)
	}
	text := bk.Method + " calls " + op.Name + " once per chunk of at most " + bk.ChunkSizeVar + " items of " +
		strings.Join(lists, " and ")
	if len(lists) > 1 {
		text += ", taken one list after the other"
	}
	text += ", in order; every other part of the body goes with every chunk. "
	if bk.DefaultChunk != bk.MaxItems {
		text += bk.ChunkSizeVar + " 0 means " + strconv.FormatUint(bk.DefaultChunk, 10) + ", as livegen.yaml's chunkSizes says. "
	}
	if bk.MaxItems > 0 {
		text += "The spec's maxItems, " + strconv.FormatUint(bk.MaxItems, 10) + ", is the largest chunk allowed"
		if bk.DefaultChunk == bk.MaxItems {
			text += ", and the chunk size when " + bk.ChunkSizeVar + " is 0"
		}
		text += ". "
	} else if bk.DefaultChunk == 0 {
		text += "The spec gives no maximum, so " + bk.ChunkSizeVar + " must be positive: lower it when the server answers 413. "
	} else {
		text += "The spec gives no maximum: lower " + bk.ChunkSizeVar + " when the server answers 413. "
	}
	switch bk.Merge {
	case generator.MergeNone:
		text += "A chunk that fails does not stop the others; the error is then a *BulkError that says which chunks failed."
	case generator.MergeCollect:
		text += "It returns the results of the chunks that succeeded, in order. A chunk that fails does not stop the others; the error is then a *BulkError that says which chunks failed."
	default:
		text += "It returns the items that the chunks answered, concatenated in order. A chunk that fails does not stop the others: the items of the chunks that succeeded are still returned, with a *BulkError that says which chunks failed."
	}
	return text
}

// genBulkHelpers renders BulkError and the chunking that every bulk helper
// shares.
func (g *clientGen) genBulkHelpers(f *jen.File) {
	clientAlias(f, "BulkError", bulkErrorDoc)
	r := g.rt.live()
	genClientBulkError(r)
	r.Comment("ClientChunk holds, for each list of a chunked body, the bounds [lo, hi) of the")
	r.Comment("part that one chunk sends.")
	r.Type().Id("ClientChunk").Index().Index(jen.Lit(2)).Int()
	g.genClientBulk(f)
	genClientSplit(g.rt.live())
	f.Comment("clientChunkOf is the part of a list that a chunk sends: the list itself when the")
	f.Comment("chunk takes all of it, nil when it takes none and omitEmpty is set.")
	f.Func().Id("clientChunkOf").Types(jen.Id("T").Any()).Params(jen.Id("list").Index().Id("T"), jen.Id("part").Index(jen.Lit(2)).Int(), jen.Id("omitEmpty").Bool()).Index().Id("T").Block(
		jen.If(jen.Id("part").Index(jen.Lit(0)).Op("==").Lit(0).Op("&&").Id("part").Index(jen.Lit(1)).Op("==").Len(jen.Id("list"))).Block(jen.Return(jen.Id("list"))),
		jen.If(jen.Id("part").Index(jen.Lit(0)).Op("==").Id("part").Index(jen.Lit(1)).Op("&&").Id("omitEmpty")).Block(jen.Return(jen.Nil())),
		jen.Return(jen.Id("list").Index(jen.Id("part").Index(jen.Lit(0)), jen.Id("part").Index(jen.Lit(1)), jen.Id("part").Index(jen.Lit(1)))),
	)
}

// bulkErrorDoc is the doc comment of BulkError and of its alias.
const bulkErrorDoc = `BulkError reports the chunks that failed in a call split by an ...InChunks method;
what the other chunks answered is returned next to it. errors.As finds the
*APIError of a failed chunk through it.`

func genClientBulkError(f *jen.File) {
	e := func() *jen.Statement { return jen.Id("e") }
	f.Add(doc(bulkErrorDoc)).Type().Id("BulkError").Struct(
		clientDocField("ChunkSize is the number of list items per chunk: chunk i sent the items i*ChunkSize up to (i+1)*ChunkSize of the lists, taken one after the other.", jen.Id("ChunkSize"), jen.Int()),
		clientDocField("Errs holds one entry per chunk, in the order they were sent: nil for a chunk that succeeded.", jen.Id("Errs"), jen.Index().Error()),
	)
	f.Comment("Failed lists the indexes of the chunks that failed.")
	f.Func().Params(e().Op("*").Id("BulkError")).Id("Failed").Params().Index().Int().Block(
		jen.Var().Id("failed").Index().Int(),
		jen.For(jen.List(jen.Id("i"), jen.Err()).Op(":=").Range().Add(e().Dot("Errs"))).Block(
			jen.If(jen.Err().Op("!=").Nil()).Block(jen.Id("failed").Op("=").Append(jen.Id("failed"), jen.Id("i"))),
		),
		jen.Return(jen.Id("failed")),
	)
	f.Comment("Error says how many chunks failed, and why the first one did.")
	f.Func().Params(e().Op("*").Id("BulkError")).Id("Error").Params().String().Block(
		jen.Id("failed").Op(":=").Add(e().Dot("Failed").Call()),
		jen.If(jen.Len(jen.Id("failed")).Op("==").Lit(0)).Block(jen.Return(jen.Lit("bulk call: no chunk failed"))),
		jen.Return(jen.Qual(pkgFmt, "Sprintf").Call(jen.Lit("%d of %d chunks failed; chunk %d: %v"), jen.Len(jen.Id("failed")), jen.Len(e().Dot("Errs")), jen.Id("failed").Index(jen.Lit(0)), e().Dot("Errs").Index(jen.Id("failed").Index(jen.Lit(0))))),
	)
	f.Comment("Unwrap returns the errors of the chunks that failed.")
	f.Func().Params(e().Op("*").Id("BulkError")).Id("Unwrap").Params().Index().Error().Block(
		jen.Var().Id("errs").Index().Error(),
		jen.For(jen.List(jen.Id("_"), jen.Err()).Op(":=").Range().Add(e().Dot("Errs"))).Block(
			jen.If(jen.Err().Op("!=").Nil()).Block(jen.Id("errs").Op("=").Append(jen.Id("errs"), jen.Err())),
		),
		jen.Return(jen.Id("errs")),
	)
}

func (g *clientGen) genClientBulk(f *jen.File) {
	f.Comment("clientBulk sends lists of the given lengths in chunks with send, as ClientChunks")
	f.Comment("does, and returns what the chunks that succeeded answered, in order, with a")
	f.Comment("*BulkError when some failed. Only this shell is compiled per item type.")
	f.Comment(noInline)
	f.Func().Id("clientBulk").Types(jen.Id("T").Any()).Params(
		clientCtxParam(), jen.Id("operation").String(), jen.List(jen.Id("size"), jen.Id("maxItems")).Int(), jen.Id("lens").Index().Int(),
		jen.Id("send").Func().Params(rt("ClientChunk")).Params(jen.Index().Id("T"), jen.Error()),
	).Params(jen.Index().Id("T"), jen.Error()).Block(
		jen.Var().Id("all").Index().Id("T"),
		jen.Err().Op(":=").Add(rt("ClientChunks")).Call(jen.Id("ctx"), jen.Id("operation"), jen.Id("size"), jen.Id("maxItems"), jen.Id("lens"),
			jen.Func().Params(jen.Id("chunk").Add(rt("ClientChunk"))).Error().Block(
				jen.List(jen.Id("got"), jen.Err()).Op(":=").Id("send").Call(jen.Id("chunk")),
				jen.Id("all").Op("=").Append(jen.Id("all"), jen.Id("got").Op("...")),
				jen.Return(jen.Err()),
			),
		),
		jen.Return(jen.Id("all"), jen.Err()),
	)
	r := g.rt.live()
	r.Comment("ClientChunks checks the chunk size, splits lists of the given lengths into chunks,")
	r.Comment("and sends them in order with send. It goes on after a chunk fails, but sends")
	r.Comment("nothing more once ctx has ended, and returns a *BulkError when some failed.")
	r.Comment("size 0 means maxItems.")
	r.Func().Id("ClientChunks").Params(
		clientCtxParam(), jen.Id("operation").String(), jen.List(jen.Id("size"), jen.Id("maxItems")).Int(), jen.Id("lens").Index().Int(),
		jen.Id("send").Func().Params(jen.Id("ClientChunk")).Error(),
	).Error().Block(
		jen.If(jen.Id("size").Op("<=").Lit(0)).Block(jen.Id("size").Op("=").Id("maxItems")),
		jen.If(jen.Id("size").Op("<=").Lit(0)).Block(
			jen.Return(g.errorf("%s: the chunk size must be positive, as the spec gives no maxItems", jen.Id("operation"))),
		),
		jen.If(jen.Id("maxItems").Op(">").Lit(0).Op("&&").Id("size").Op(">").Id("maxItems")).Block(
			jen.Return(g.errorf("%s: chunk size %d is above the spec's maxItems %d", jen.Id("operation"), jen.Id("size"), jen.Id("maxItems"))),
		),
		jen.Id("chunks").Op(":=").Id("clientSplit").Call(jen.Id("size"), jen.Id("lens")),
		jen.Id("errs").Op(":=").Make(jen.Index().Error(), jen.Len(jen.Id("chunks"))),
		jen.Id("failed").Op(":=").False(),
		jen.For(jen.List(jen.Id("i"), jen.Id("chunk")).Op(":=").Range().Id("chunks")).Block(
			jen.Id("errs").Index(jen.Id("i")).Op("=").Id("ctx").Dot("Err").Call(),
			jen.If(jen.Id("errs").Index(jen.Id("i")).Op("==").Nil()).Block(
				jen.Id("errs").Index(jen.Id("i")).Op("=").Id("send").Call(jen.Id("chunk")),
			),
			jen.Id("failed").Op("=").Id("failed").Op("||").Id("errs").Index(jen.Id("i")).Op("!=").Nil(),
		),
		jen.If(jen.Id("failed")).Block(
			jen.Return(jen.Op("&").Id("BulkError").Values(jen.Dict{jen.Id("ChunkSize"): jen.Id("size"), jen.Id("Errs"): jen.Id("errs")})),
		),
		jen.Return(jen.Nil()),
	)
}

func genClientSplit(f *jen.File) {
	f.Comment("clientSplit cuts lists of the given lengths, taken one after the other, into")
	f.Comment("chunks of at most size items. Lists that are all empty make one chunk, so that")
	f.Comment("the call is still sent once.")
	f.Func().Id("clientSplit").Params(jen.Id("size").Int(), jen.Id("lens").Index().Int()).Index().Id("ClientChunk").Block(
		jen.Id("total").Op(":=").Lit(0),
		jen.For(jen.List(jen.Id("_"), jen.Id("n")).Op(":=").Range().Id("lens")).Block(jen.Id("total").Op("+=").Id("n")),
		jen.Var().Id("chunks").Index().Id("ClientChunk"),
		jen.For(jen.Id("start").Op(":=").Lit(0), jen.Id("start").Op("<").Id("total").Op("||").Len(jen.Id("chunks")).Op("==").Lit(0), jen.Id("start").Op("+=").Id("size")).Block(
			jen.Id("end").Op(":=").Min(jen.Id("start").Op("+").Id("size"), jen.Id("total")),
			jen.Id("chunk").Op(":=").Make(jen.Id("ClientChunk"), jen.Len(jen.Id("lens"))),
			jen.Id("offset").Op(":=").Lit(0),
			jen.For(jen.List(jen.Id("i"), jen.Id("n")).Op(":=").Range().Id("lens")).Block(
				jen.Id("chunk").Index(jen.Id("i")).Op("=").Index(jen.Lit(2)).Int().Values(
					jen.Min(jen.Max(jen.Id("start").Op("-").Id("offset"), jen.Lit(0)), jen.Id("n")),
					jen.Min(jen.Max(jen.Id("end").Op("-").Id("offset"), jen.Lit(0)), jen.Id("n")),
				),
				jen.Id("offset").Op("+=").Id("n"),
			),
			jen.Id("chunks").Op("=").Append(jen.Id("chunks"), jen.Id("chunk")),
		),
		jen.Return(jen.Id("chunks")),
	)
}

// genParamHelpers renders the parameter encoders that the methods use.
func (g *clientGen) genParamHelpers(f *jen.File) {
	g.genClientPut(f)
	if g.usesStrings {
		f.Comment("clientStrings writes every value of a list with format.")
		f.Func().Id("clientStrings").Types(jen.Id("T").Any()).Params(jen.Id("values").Index().Id("T"), jen.Id("format").Func().Params(jen.Id("T")).String()).Index().String().Block(
			jen.Id("out").Op(":=").Make(jen.Index().String(), jen.Len(jen.Id("values"))),
			jen.For(jen.List(jen.Id("i"), jen.Id("v")).Op(":=").Range().Id("values")).Block(jen.Id("out").Index(jen.Id("i")).Op("=").Id("format").Call(jen.Id("v"))),
			jen.Return(jen.Id("out")),
		)
	}
	if g.usesPathList {
		genClientPathList(g.rt.live())
	}
	if g.usesObject {
		genClientAddObject(g.rt.live())
	}
	if g.usesStyledObject {
		genClientStyledObject(g.rt.live())
	}
	if g.usesMapPairs {
		f.Comment("clientMapPairs lists the keys and written values of a map, in key order.")
		f.Func().Id("clientMapPairs").Types(jen.Id("V").Any()).Params(jen.Id("m").Map(jen.String()).Id("V"), jen.Id("format").Func().Params(jen.Id("V")).String()).Index().String().Block(
			jen.Var().Id("pairs").Index().String(),
			sortedKeys("keys", jen.Id("m")),
			jen.For(jen.List(jen.Id("_"), jen.Id("k")).Op(":=").Range().Id("keys")).Block(
				jen.Id("pairs").Op("=").Append(jen.Id("pairs"), jen.Id("k"), jen.Id("format").Call(jen.Id("m").Index(jen.Id("k")))),
			),
			jen.Return(jen.Id("pairs")),
		)
	}
	r := g.rt.live()
	if g.usesJSONText {
		r.Comment("ClientValueText writes a value that no parameter style defines, such as a union:")
		r.Comment("a string as it is, another scalar as its JSON text (42, true), and an object or")
		r.Comment("array as JSON text.")
		r.Func().Id("ClientValueText").Params(jen.Id("v").Any()).String().Block(
			jen.List(jen.Id("data"), jen.Id("_")).Op(":=").Qual(pkgJSON, "Marshal").Call(jen.Id("v")),
			jen.Var().Id("text").String(),
			jen.If(jen.Qual(pkgJSON, "Unmarshal").Call(jen.Id("data"), jen.Op("&").Id("text")).Op("==").Nil()).Block(jen.Return(jen.Id("text"))),
			jen.Return(jen.String().Call(jen.Id("data"))),
		)
	}
	if g.usesUnionItems {
		r.Comment("ClientUnionItems writes the variant that is set of a union of scalars and lists as")
		r.Comment("the texts of a list: a list item by item, a scalar as a list of one, null as none.")
		r.Func().Id("ClientUnionItems").Params(jen.Id("v").Any()).Index().String().Block(
			jen.List(jen.Id("data"), jen.Id("_")).Op(":=").Qual(pkgJSON, "Marshal").Call(jen.Id("v")),
			jen.Var().Id("items").Index().Qual(pkgJSON, "RawMessage"),
			jen.Switch().Block(
				jen.Case(jen.Len(jen.Id("data")).Op("==").Lit(0).Op("||").String().Call(jen.Id("data")).Op("==").Lit("null")).Block(jen.Return(jen.Nil())),
				jen.Case(jen.Qual(pkgJSON, "Unmarshal").Call(jen.Id("data"), jen.Op("&").Id("items")).Op("!=").Nil()).Block(
					jen.Return(jen.Index().String().Values(jen.Id("ClientValueText").Call(jen.Qual(pkgJSON, "RawMessage").Call(jen.Id("data"))))),
				),
			),
			jen.Id("texts").Op(":=").Make(jen.Index().String(), jen.Len(jen.Id("items"))),
			jen.For(jen.List(jen.Id("i"), jen.Id("item")).Op(":=").Range().Id("items")).Block(
				jen.Id("texts").Index(jen.Id("i")).Op("=").Id("ClientValueText").Call(jen.Id("item")),
			),
			jen.Return(jen.Id("texts")),
		)
	}
	if g.usesContentJSON {
		r.Comment("ClientJSONText writes the value of a parameter declared with content")
		r.Comment("application/json: its JSON text, strings quoted.")
		r.Func().Id("ClientJSONText").Params(jen.Id("v").Any()).String().Block(
			jen.List(jen.Id("data"), jen.Id("_")).Op(":=").Qual(pkgJSON, "Marshal").Call(jen.Id("v")),
			jen.Return(jen.String().Call(jen.Id("data"))),
		)
	}
}

func genClientPathList(f *jen.File) {
	f.Comment("ClientPathList writes a list path parameter in its style: simple a,b; label .a,b")
	f.Comment("(exploded .a.b); matrix ;name=a,b (exploded ;name=a;name=b).")
	f.Func().Id("ClientPathList").Params(jen.List(jen.Id("style"), jen.Id("name")).String(), jen.Id("explode").Bool(), jen.Id("values").Index().String()).String().Block(
		jen.Id("escaped").Op(":=").Make(jen.Index().String(), jen.Len(jen.Id("values"))),
		jen.For(jen.List(jen.Id("i"), jen.Id("v")).Op(":=").Range().Id("values")).Block(
			jen.Id("escaped").Index(jen.Id("i")).Op("=").Qual(pkgURL, "PathEscape").Call(jen.Id("v")),
		),
		jen.Switch().Block(
			jen.Case(jen.Id("style").Op("==").Lit("label").Op("&&").Id("explode")).Block(jen.Return(jen.Lit(".").Op("+").Qual(pkgStrings, "Join").Call(jen.Id("escaped"), jen.Lit(".")))),
			jen.Case(jen.Id("style").Op("==").Lit("label")).Block(jen.Return(jen.Lit(".").Op("+").Qual(pkgStrings, "Join").Call(jen.Id("escaped"), jen.Lit(",")))),
			jen.Case(jen.Id("style").Op("==").Lit("matrix").Op("&&").Id("explode")).Block(jen.Return(jen.Lit(";").Op("+").Id("name").Op("+").Lit("=").Op("+").Qual(pkgStrings, "Join").Call(jen.Id("escaped"), jen.Lit(";").Op("+").Id("name").Op("+").Lit("=")))),
			jen.Case(jen.Id("style").Op("==").Lit("matrix")).Block(jen.Return(jen.Lit(";").Op("+").Id("name").Op("+").Lit("=").Op("+").Qual(pkgStrings, "Join").Call(jen.Id("escaped"), jen.Lit(",")))),
		),
		jen.Return(jen.Qual(pkgStrings, "Join").Call(jen.Id("escaped"), jen.Lit(","))),
	)
}

func genClientAddObject(f *jen.File) {
	f.Comment("ClientAddObject adds the key, value pairs of an object parameter to the query of")
	f.Comment("a call: deepObject name[key]=value, form exploded key=value, form name=key,value,...")
	f.Func().Id("ClientAddObject").Params(jen.Id("s").Op("*").Id("ClientCall"), jen.Id("name").String(), jen.List(jen.Id("deep"), jen.Id("explode")).Bool(), jen.Id("pairs").Index().String()).Block(
		jen.If(jen.Len(jen.Id("pairs")).Op("==").Lit(0)).Block(jen.Return()),
		jen.If(jen.Op("!").Id("deep").Op("&&").Op("!").Id("explode")).Block(
			jen.Id("s").Dot("AddList").Call(jen.Id("name"), jen.Lit(","), jen.Id("pairs")),
			jen.Return(),
		),
		jen.For(jen.Id("i").Op(":=").Lit(0), jen.Id("i").Op("+").Lit(1).Op("<").Len(jen.Id("pairs")), jen.Id("i").Op("+=").Lit(2)).Block(
			jen.Id("key").Op(":=").Id("pairs").Index(jen.Id("i")),
			jen.If(jen.Id("deep")).Block(jen.Id("key").Op("=").Id("name").Op("+").Lit("[").Op("+").Id("key").Op("+").Lit("]")),
			jen.Id("s").Dot("Query").Dot("Add").Call(jen.Id("key"), jen.Id("pairs").Index(jen.Id("i").Op("+").Lit(1))),
		),
	)
}

// genClientStyledObject renders the writing of an object parameter outside
// the query.
func genClientStyledObject(f *jen.File) {
	f.Comment("ClientStyledObject writes the key, value pairs of an object parameter in a path,")
	f.Comment("header or cookie: simple role,admin,firstName,Alex (exploded role=admin,firstName=Alex),")
	f.Comment("label .role,admin (exploded .role=admin.firstName=Alex), matrix ;name=role,admin")
	f.Comment("(exploded ;role=admin;firstName=Alex). escape, when set, escapes each key and value.")
	f.Func().Id("ClientStyledObject").Params(jen.List(jen.Id("style"), jen.Id("name")).String(), jen.Id("explode").Bool(), jen.Id("pairs").Index().String(), jen.Id("escape").Func().Params(jen.String()).String()).String().Block(
		jen.List(jen.Id("prefix"), jen.Id("sep"), jen.Id("kv")).Op(":=").List(jen.Lit(""), jen.Lit(","), jen.Lit(",")),
		jen.If(jen.Id("explode")).Block(jen.Id("kv").Op("=").Lit("=")),
		jen.Switch().Block(
			jen.Case(jen.Id("style").Op("==").Lit("label")).Block(
				jen.Id("prefix").Op("=").Lit("."),
				jen.If(jen.Id("explode")).Block(jen.Id("sep").Op("=").Lit(".")),
			),
			jen.Case(jen.Id("style").Op("==").Lit("matrix").Op("&&").Id("explode")).Block(jen.List(jen.Id("prefix"), jen.Id("sep")).Op("=").List(jen.Lit(";"), jen.Lit(";"))),
			jen.Case(jen.Id("style").Op("==").Lit("matrix")).Block(jen.Id("prefix").Op("=").Lit(";").Op("+").Id("name").Op("+").Lit("=")),
		),
		jen.Var().Id("b").Qual(pkgStrings, "Builder"),
		jen.Id("b").Dot("WriteString").Call(jen.Id("prefix")),
		jen.For(jen.Id("i").Op(":=").Lit(0), jen.Id("i").Op("+").Lit(1).Op("<").Len(jen.Id("pairs")), jen.Id("i").Op("+=").Lit(2)).Block(
			jen.List(jen.Id("k"), jen.Id("v")).Op(":=").List(jen.Id("pairs").Index(jen.Id("i")), jen.Id("pairs").Index(jen.Id("i").Op("+").Lit(1))),
			jen.If(jen.Id("escape").Op("!=").Nil()).Block(jen.List(jen.Id("k"), jen.Id("v")).Op("=").List(jen.Id("escape").Call(jen.Id("k")), jen.Id("escape").Call(jen.Id("v")))),
			jen.If(jen.Id("i").Op(">").Lit(0)).Block(jen.Id("b").Dot("WriteString").Call(jen.Id("sep"))),
			jen.Id("b").Dot("WriteString").Call(jen.Id("k").Op("+").Id("kv").Op("+").Id("v")),
		),
		jen.Return(jen.Id("b").Dot("String").Call()),
	)
}

// sortedKeys declares name, the keys of the string-keyed map m in order. A
// loop and sort.Strings (whose sort is compiled in package sort) compile to
// no generic instance, as slices.Sorted(maps.Keys(m)) would, once per map type.
func sortedKeys(name string, m jen.Code) *jen.Statement {
	keys := func() *jen.Statement { return jen.Id(name) }
	return keys().Op(":=").Make(jen.Index().String(), jen.Lit(0), jen.Len(m)).Line().
		For(jen.Id("k").Op(":=").Range().Add(m)).Block(keys().Op("=").Append(keys(), jen.Id("k"))).Line().
		Add(jen.Qual(pkgSort, "Strings").Call(keys()))
}
