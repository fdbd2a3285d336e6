package templates

import (
	"slices"

	"github.com/dave/jennifer/jen"
	"github.com/seed-0d47db62/livegen/generator"
)

// Form bodies (application/x-www-form-urlencoded) travel through JSON on
// both sides: the client marshals the typed body and writes the JSON tree as
// bracketed pairs; the server builds the JSON tree back from the pairs,
// typing leaves by the schema's shape, and decodes and validates it as it
// does a JSON body.

// hasForms reports whether an operation of the API takes a form body.
func hasForms(api *generator.API) bool {
	return slices.ContainsFunc(api.ServedOperations(), func(o *generator.Operation) bool { return slices.ContainsFunc(o.RequestBodies(), isForm) })
}

func isForm(b *generator.RequestBody) bool { return b != nil && b.Kind == generator.BodyForm }

// rawRequestBody reports whether a request body is handed over undecoded.
func rawRequestBody(b *generator.RequestBody) bool {
	return rawBody(b.JSON || b.Kind == generator.BodyForm || b.Kind == generator.BodyMultipart, b.Type)
}

// formStylesLit is the map of a form body's member styles; nil when all
// are the default.
func formStylesLit(b *generator.RequestBody) jen.Code {
	if len(b.FormStyles) == 0 {
		return jen.Nil()
	}
	d := jen.Dict{}
	for _, s := range b.FormStyles {
		d[jen.Lit(s.Name)] = jen.Lit(s.Style)
	}
	return jen.Map(jen.String()).String().Values(d)
}

// genClientForm renders SetForm and the writing of a JSON tree as pairs.
func (g *clientGen) genClientForm(f *jen.File) {
	f.Comment("SetForm encodes v as an application/x-www-form-urlencoded body: members as")
	f.Comment("name=value in name order, nested members in brackets (meta[k]=v, items[0][p]=v),")
	f.Comment("lists of scalars repeated (tag=a&tag=b), or joined or written tag[]=a as styles")
	f.Comment("say (\"form\": a,b; \"pipeDelimited\": a|b; \"spaceDelimited\": a b; \"deepObject\":")
	f.Comment("tag[]=a). Values are written as their JSON (numbers, true, false); null is left out.")
	f.Func().Params(jen.Id("s").Op("*").Id("ClientCall")).Id("SetForm").Params(jen.Id("contentType").String(), jen.Id("v").Any(), jen.Id("styles").Map(jen.String()).String()).Error().Block(
		jen.List(jen.Id("tree"), jen.Err()).Op(":=").Id("clientJSONTree").Call(jen.Id("v")),
		clientIfErr(g.errorf("%s: encoding the request body: %w", jen.Id("s").Dot("Operation"), jen.Err())),
		jen.Var().Id("pairs").Index().String(),
		sortedKeys("keys", jen.Id("tree")),
		jen.For(jen.List(jen.Id("_"), jen.Id("name")).Op(":=").Range().Id("keys")).Block(
			jen.Id("pairs").Op("=").Id("clientFormPairs").Call(jen.Id("pairs"), jen.Id("name"), jen.Id("tree").Index(jen.Id("name")), jen.Id("styles").Index(jen.Id("name"))),
		),
		jen.Id("s").Dot("SetBody").Call(jen.Id("contentType"), jen.Index().Byte().Call(jen.Qual(pkgStrings, "Join").Call(jen.Id("pairs"), jen.Lit("&")))),
		jen.Return(jen.Nil()),
	)
}

// genClientFormPairs renders the writing of a JSON tree as bracketed pairs,
// shared by form bodies and deepObject query parameters.
func genClientFormPairs(f *jen.File) {
	f.Comment("ClientDeepObject adds a nested object or list parameter to the query in the")
	f.Comment("bracket form of form bodies: name[k]=v, name[k][sub]=v, name[list][]=v,")
	f.Comment("name[items][0][k]=v, name[0][k]=v. A value that does not marshal is left out.")
	f.Func().Id("ClientDeepObject").Params(jen.Id("q").Qual(pkgURL, "Values"), jen.Id("name").String(), jen.Id("v").Any()).Block(
		jen.List(jen.Id("tree"), jen.Err()).Op(":=").Id("clientJSONTree").Call(jen.Map(jen.String()).Any().Values(jen.Dict{jen.Lit("v"): jen.Id("v")})),
		jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return()),
		jen.For(jen.List(jen.Id("_"), jen.Id("pair")).Op(":=").Range().Id("clientFormPairs").Call(jen.Nil(), jen.Id("name"), jen.Id("tree").Index(jen.Lit("v")), jen.Lit(""))).Block(
			jen.List(jen.Id("key"), jen.Id("value"), jen.Id("_")).Op(":=").Qual(pkgStrings, "Cut").Call(jen.Id("pair"), jen.Lit("=")),
			jen.List(jen.Id("key"), jen.Id("_")).Op("=").Qual(pkgURL, "QueryUnescape").Call(jen.Id("key")),
			jen.List(jen.Id("value"), jen.Id("_")).Op("=").Qual(pkgURL, "QueryUnescape").Call(jen.Id("value")),
			jen.Id("q").Dot("Add").Call(jen.Id("key"), jen.Id("value")),
		),
	)
	pair := func(name, value jen.Code) jen.Code {
		return jen.Id("clientUnbracket").Dot("Replace").Call(jen.Qual(pkgURL, "QueryEscape").Call(name)).Op("+").Lit("=").Op("+").Qual(pkgURL, "QueryEscape").Call(value)
	}
	f.Comment("clientFormPairs appends the pairs of value v, a JSON tree, under name; style is")
	f.Comment("the style of a top-level member, \"\" below.")
	f.Func().Id("clientFormPairs").Params(jen.Id("pairs").Index().String(), jen.Id("name").String(), jen.Id("v").Any(), jen.Id("style").String()).Index().String().Block(
		jen.Switch(jen.Id("v").Op(":=").Id("v").Assert(jen.Type())).Block(
			jen.Case(jen.Nil()).Block(jen.Return(jen.Id("pairs"))),
			jen.Case(jen.Map(jen.String()).Any()).Block(
				sortedKeys("keys", jen.Id("v")),
				jen.For(jen.List(jen.Id("_"), jen.Id("k")).Op(":=").Range().Id("keys")).Block(
					jen.Id("pairs").Op("=").Id("clientFormPairs").Call(jen.Id("pairs"), jen.Id("name").Op("+").Lit("[").Op("+").Id("k").Op("+").Lit("]"), jen.Id("v").Index(jen.Id("k")), jen.Lit("")),
				),
				jen.Return(jen.Id("pairs")),
			),
			jen.Case(jen.Index().Any()).Block(
				jen.Id("texts").Op(":=").Make(jen.Index().String(), jen.Lit(0), jen.Len(jen.Id("v"))),
				jen.For(jen.List(jen.Id("i"), jen.Id("item")).Op(":=").Range().Id("v")).Block(
					jen.Switch(jen.Id("item").Assert(jen.Type())).Block(
						jen.Case(jen.Map(jen.String()).Any(), jen.Index().Any()).Block(
							jen.Id("pairs").Op("=").Id("clientFormPairs").Call(jen.Id("pairs"), jen.Id("name").Op("+").Lit("[").Op("+").Qual(pkgStrconv, "Itoa").Call(jen.Id("i")).Op("+").Lit("]"), jen.Id("item"), jen.Lit("")),
						),
						jen.Default().Block(jen.Id("texts").Op("=").Append(jen.Id("texts"), jen.Id("clientFormText").Call(jen.Id("item")))),
					),
				),
				jen.If(jen.List(jen.Id("sep"), jen.Id("joined")).Op(":=").Id("clientFormSeparators").Index(jen.Id("style")), jen.Id("joined").Op("&&").Len(jen.Id("texts")).Op(">").Lit(0)).Block(
					jen.Return(jen.Append(jen.Id("pairs"), pair(jen.Id("name"), jen.Qual(pkgStrings, "Join").Call(jen.Id("texts"), jen.Id("sep"))))),
				),
				jen.If(jen.Id("style").Op("==").Lit("").Op("&&").Qual(pkgStrings, "HasSuffix").Call(jen.Id("name"), jen.Lit("]")).Op("||").Id("style").Op("==").Lit("deepObject")).Block(
					jen.Id("name").Op("+=").Lit("[]"),
				),
				jen.For(jen.List(jen.Id("_"), jen.Id("text")).Op(":=").Range().Id("texts")).Block(
					jen.Id("pairs").Op("=").Append(jen.Id("pairs"), pair(jen.Id("name"), jen.Id("text"))),
				),
				jen.Return(jen.Id("pairs")),
			),
		),
		jen.Return(jen.Append(jen.Id("pairs"), pair(jen.Id("name"), jen.Id("clientFormText").Call(jen.Id("v"))))),
	)
	f.Comment("clientFormSeparators joins the lists of the styles that do not repeat names.")
	f.Var().Id("clientFormSeparators").Op("=").Map(jen.String()).String().Values(formSeparators())
}

// genClientJSONTree renders the JSON tree of a body and the text of its
// scalars, which form and multipart bodies write.
func genClientJSONTree(f *jen.File) {
	f.Comment("clientJSONTree is the JSON tree of a form or multipart body, numbers kept as text.")
	f.Func().Id("clientJSONTree").Params(jen.Id("v").Any()).Params(jen.Map(jen.String()).Any(), jen.Error()).Block(
		jen.List(jen.Id("data"), jen.Err()).Op(":=").Qual(pkgJSON, "Marshal").Call(jen.Id("v")),
		jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Err())),
		jen.Var().Id("tree").Map(jen.String()).Any(),
		jen.Id("dec").Op(":=").Qual(pkgJSON, "NewDecoder").Call(jen.Qual(pkgBytes, "NewReader").Call(jen.Id("data"))),
		jen.Id("dec").Dot("UseNumber").Call(),
		jen.Return(jen.Id("tree"), jen.Id("dec").Dot("Decode").Call(jen.Op("&").Id("tree"))),
	)
	f.Comment("clientFormText writes a JSON scalar as form text.")
	f.Func().Id("clientFormText").Params(jen.Id("v").Any()).String().Block(
		jen.Switch(jen.Id("v").Op(":=").Id("v").Assert(jen.Type())).Block(
			jen.Case(jen.String()).Block(jen.Return(jen.Id("v"))),
			jen.Case(jen.Qual(pkgJSON, "Number")).Block(jen.Return(jen.Id("v").Dot("String").Call())),
			jen.Case(jen.Bool()).Block(jen.Return(jen.Qual(pkgStrconv, "FormatBool").Call(jen.Id("v")))),
		),
		jen.Return(jen.Lit("")),
	)
}

// formSeparators are the separators of the styles that join lists.
func formSeparators() jen.Dict {
	return jen.Dict{jen.Lit("form"): jen.Lit(","), jen.Lit("pipeDelimited"): jen.Lit("|"), jen.Lit("spaceDelimited"): jen.Lit(" ")}
}

// formShapeDepth bounds how deep the shape of a recursive body is written.
const formShapeDepth = 8

// formShape records, by member path ("amount", "meta.*", "items[].price"),
// the JSON kind of the values that are not strings: 'n' number, 'b'
// boolean, 'a' array, 'o' object.
func formShape(t *generator.TypeRef, path string, out map[string]byte, depth int) {
	if depth > formShapeDepth {
		return
	}
	t = clientUnalias(t)
	child := func(name string) string {
		if path == "" {
			return name
		}
		return path + "." + name
	}
	switch t.Kind {
	case generator.RefInt, generator.RefInt32, generator.RefInt64, generator.RefFloat32, generator.RefFloat64:
		out[path] = 'n'
	case generator.RefBool:
		out[path] = 'b'
	case generator.RefSlice:
		out[path] = 'a'
		formShape(t.Elem, path+"[]", out, depth+1)
	case generator.RefMap:
		out[path] = 'o'
		formShape(t.Elem, child("*"), out, depth+1)
	case generator.RefNamed:
		switch t.Named.Kind {
		case generator.KindEnum:
			formShape(&generator.TypeRef{Kind: t.Named.Enum.Base}, path, out, depth)
		case generator.KindStruct:
			if path != "" {
				out[path] = 'o'
			}
			for _, fl := range t.Named.Fields {
				formShape(fl.Type, child(fl.JSONName), out, depth+1)
			}
		}
	}
}

// formVar names the variable that holds an operation's form shape.
func formVar(o *generator.Operation, b *generator.RequestBody) string {
	return "serverForm" + o.Name + b.Variant
}

// genServerFormVars renders the shape and styles of an operation's form
// and multipart bodies.
func genServerFormVars(f *jen.File, o *generator.Operation) {
	for _, b := range o.RequestBodies() {
		if isForm(b) || isMultipart(b) {
			f.Commentf("%s is how the form body of %s maps onto its type.", formVar(o, b), o.Name)
			f.Var().Id(formVar(o, b)).Op("=").Add(serverFormLit(b.Type, formStylesLit(b)))
		}
	}
}

// serverFormLit is a serverForm value for a type read from bracketed pairs.
func serverFormLit(t *generator.TypeRef, styles jen.Code) jen.Code {
	shape := map[string]byte{}
	formShape(t, "", shape, 0)
	d := jen.Dict{}
	for path, kind := range shape {
		d[jen.Lit(path)] = jen.LitRune(rune(kind))
	}
	return jen.Op("&").Id("serverForm").Values(jen.Dict{
		jen.Id("shape"):  jen.Map(jen.String()).Byte().Values(d),
		jen.Id("styles"): styles,
	})
}

// genServerForm renders the reading of a form body into JSON text.
func genServerForm(f *jen.File) {
	f.Comment("serverForm is how a form body maps onto its type: shape gives the JSON kind of")
	f.Comment("the members that are not strings by path (\"amount\", \"meta.*\", \"items[].price\"):")
	f.Comment("'n' number, 'b' boolean, 'a' array, 'o' object; styles the joined lists.")
	f.Type().Id("serverForm").Struct(
		jen.Id("shape").Map(jen.String()).Byte(),
		jen.Id("styles").Map(jen.String()).String(),
	)
	f.Comment("serverFormJSON turns a form body into the JSON text of the same value, which is")
	f.Comment("then decoded and validated as a JSON body: bracketed names nest (meta[k],")
	f.Comment("items[0][price], expand[]), repeated names make lists, and values are numbers")
	f.Comment("or booleans where the type wants them and read as such. A malformed form is a")
	f.Comment("problem; the pairs read before the fault are kept.")
	f.Func().Id("serverFormJSON").Params(jen.Id("c").Op("*").Add(rt("State")), jen.Id("data").Index().Byte(), jen.Id("form").Op("*").Id("serverForm")).Index().Byte().Block(
		jen.List(jen.Id("values"), jen.Err()).Op(":=").Qual(pkgURL, "ParseQuery").Call(jen.String().Call(jen.Id("data"))),
		jen.If(jen.Err().Op("!=").Nil()).Block(
			jen.Id("c").Dot("Add").Call(jen.Op("&").Add(rt("Path")).Values(jen.Dict{jen.Id("In"): jen.Lit("body")}), jen.Lit("is not a valid form: ").Op("+").Err().Dot("Error").Call()),
		),
		jen.Return(jen.Id("form").Dot("json").Call(jen.Id("values"))),
	)
	f.Comment("json nests the values of a form by their bracketed names and types them by the")
	f.Comment("shape, giving the JSON text of the body.")
	f.Func().Params(jen.Id("form").Op("*").Id("serverForm")).Id("json").Params(jen.Id("values").Qual(pkgURL, "Values")).Index().Byte().Block(
		jen.List(jen.Id("out"), jen.Id("_")).Op(":=").Qual(pkgJSON, "Marshal").Call(jen.Id("form").Dot("value").Call(jen.Id("serverFormTree").Call(jen.Id("values")), jen.Lit(""))),
		jen.Return(jen.Id("out")),
	)
	f.Comment("serverDeepObject reads the query parameters name[...] of a deepObject parameter")
	f.Comment("as the JSON text of its value, typed by form's shape; nil when there are none.")
	f.Func().Id("serverDeepObject").Params(jen.Id("q").Qual(pkgURL, "Values"), jen.Id("name").String(), jen.Id("form").Op("*").Id("serverForm")).Index().Byte().Block(
		jen.Id("values").Op(":=").Qual(pkgURL, "Values").Values(),
		jen.For(jen.List(jen.Id("k"), jen.Id("v")).Op(":=").Range().Id("q")).Block(
			jen.If(jen.Qual(pkgStrings, "HasPrefix").Call(jen.Id("k"), jen.Id("name").Op("+").Lit("["))).Block(jen.Id("values").Index(jen.Id("k")).Op("=").Id("v")),
		),
		jen.If(jen.Len(jen.Id("values")).Op("==").Lit(0)).Block(jen.Return(jen.Nil())),
		jen.List(jen.Id("out"), jen.Id("_")).Op(":=").Qual(pkgJSON, "Marshal").Call(jen.Id("form").Dot("value").Call(jen.Id("serverFormTree").Call(jen.Id("values")).Index(jen.Id("name")), jen.Lit(""))),
		jen.Return(jen.Id("out")),
	)
	f.Comment("serverFormTree nests form values by their bracketed names (meta[k], items[0][price],")
	f.Comment("expand[]); repeated names make lists of text.")
	f.Func().Id("serverFormTree").Params(jen.Id("values").Qual(pkgURL, "Values")).Map(jen.String()).Any().Block(
		jen.Id("root").Op(":=").Map(jen.String()).Any().Values(),
		sortedKeys("keys", jen.Id("values")),
		jen.For(jen.List(jen.Id("_"), jen.Id("key")).Op(":=").Range().Id("keys")).Block(
			jen.List(jen.Id("node"), jen.Id("segs")).Op(":=").List(jen.Id("root"), jen.Id("serverFormSegments").Call(jen.Id("key"))),
			jen.For(jen.List(jen.Id("_"), jen.Id("seg")).Op(":=").Range().Id("segs").Index(jen.Empty(), jen.Len(jen.Id("segs")).Op("-").Lit(1))).Block(
				jen.List(jen.Id("next"), jen.Id("ok")).Op(":=").Id("node").Index(jen.Id("seg")).Assert(jen.Map(jen.String()).Any()),
				jen.If(jen.Op("!").Id("ok")).Block(
					jen.Id("next").Op("=").Map(jen.String()).Any().Values(),
					jen.Id("node").Index(jen.Id("seg")).Op("=").Id("next"),
				),
				jen.Id("node").Op("=").Id("next"),
			),
			jen.Id("last").Op(":=").Id("segs").Index(jen.Len(jen.Id("segs")).Op("-").Lit(1)),
			jen.For(jen.List(jen.Id("_"), jen.Id("v")).Op(":=").Range().Id("values").Index(jen.Id("key"))).Block(
				jen.List(jen.Id("prev"), jen.Id("seen")).Op(":=").Id("node").Index(jen.Id("last")),
				jen.If(jen.Id("last").Op("==").Lit("").Op("||").Op("!").Id("seen")).Block(
					jen.Id("node").Index(jen.Id("serverFormSlot").Call(jen.Id("node"), jen.Id("last"))).Op("=").Id("v"),
					jen.Continue(),
				),
				jen.Switch(jen.Id("prev").Op(":=").Id("prev").Assert(jen.Type())).Block(
					jen.Case(jen.String()).Block(jen.Id("node").Index(jen.Id("last")).Op("=").Index().String().Values(jen.Id("prev"), jen.Id("v"))),
					jen.Case(jen.Index().String()).Block(jen.Id("node").Index(jen.Id("last")).Op("=").Append(jen.Id("prev"), jen.Id("v"))),
				),
			),
		),
		jen.Return(jen.Id("root")),
	)
	f.Comment("serverFormSeparators splits the lists of the styles that join them.")
	f.Var().Id("serverFormSeparators").Op("=").Map(jen.String()).String().Values(formSeparators())
	f.Comment("serverFormSlot is the key under which a value named name[] goes: the next index.")
	f.Func().Id("serverFormSlot").Params(jen.Id("node").Map(jen.String()).Any(), jen.Id("last").String()).String().Block(
		jen.If(jen.Id("last").Op("!=").Lit("")).Block(jen.Return(jen.Id("last"))),
		jen.Return(jen.Qual(pkgStrconv, "Itoa").Call(jen.Len(jen.Id("node")))),
	)
	f.Comment("serverFormSegments splits a form name: \"items[0][price]\" gives items, 0, price.")
	f.Func().Id("serverFormSegments").Params(jen.Id("key").String()).Index().String().Block(
		jen.List(jen.Id("head"), jen.Id("rest"), jen.Id("_")).Op(":=").Qual(pkgStrings, "Cut").Call(jen.Id("key"), jen.Lit("[")),
		jen.Id("segs").Op(":=").Index().String().Values(jen.Id("head")),
		jen.For(jen.Id("rest").Op("!=").Lit("")).Block(
			jen.List(jen.Id("seg"), jen.Id("after"), jen.Id("ok")).Op(":=").Qual(pkgStrings, "Cut").Call(jen.Id("rest"), jen.Lit("]")),
			jen.If(jen.Op("!").Id("ok")).Block(jen.Return(jen.Index().String().Values(jen.Id("key")))),
			jen.Id("segs").Op("=").Append(jen.Id("segs"), jen.Id("seg")),
			jen.Id("rest").Op("=").Qual(pkgStrings, "TrimPrefix").Call(jen.Id("after"), jen.Lit("[")),
		),
		jen.Return(jen.Id("segs")),
	)
	f.Comment("value types the tree read at path by the shape: lists from indexed members,")
	f.Comment("repeated names or joined text, numbers and booleans from their text. What does not")
	f.Comment("fit stays text, which decoding then reports.")
	f.Func().Params(jen.Id("form").Op("*").Id("serverForm")).Id("value").Params(jen.Id("v").Any(), jen.Id("path").String()).Any().Block(
		jen.Id("kind").Op(":=").Id("form").Dot("shape").Index(jen.Id("path")),
		jen.Switch(jen.Id("v").Op(":=").Id("v").Assert(jen.Type())).Block(
			jen.Case(jen.Map(jen.String()).Any()).Block(
				jen.If(jen.Id("kind").Op("==").LitByte('a')).Block(
					jen.If(jen.List(jen.Id("list"), jen.Id("ok")).Op(":=").Id("form").Dot("list").Call(jen.Id("v"), jen.Id("path")), jen.Id("ok")).Block(jen.Return(jen.Id("list"))),
				),
				jen.Id("out").Op(":=").Make(jen.Map(jen.String()).Any(), jen.Len(jen.Id("v"))),
				jen.For(jen.List(jen.Id("k"), jen.Id("item")).Op(":=").Range().Id("v")).Block(
					jen.Id("at").Op(":=").Id("k"),
					jen.If(jen.Id("path").Op("!=").Lit("")).Block(jen.Id("at").Op("=").Id("path").Op("+").Lit(".").Op("+").Id("k")),
					jen.If(jen.List(jen.Id("_"), jen.Id("known")).Op(":=").Id("form").Dot("shape").Index(jen.Id("at")), jen.Op("!").Id("known").Op("&&").Id("kind").Op("==").LitByte('o')).Block(
						jen.Id("at").Op("=").Id("path").Op("+").Lit(".*"),
					),
					jen.Id("out").Index(jen.Id("k")).Op("=").Id("form").Dot("value").Call(jen.Id("item"), jen.Id("at")),
				),
				jen.Return(jen.Id("out")),
			),
			jen.Case(jen.Index().String()).Block(
				jen.Id("out").Op(":=").Make(jen.Index().Any(), jen.Len(jen.Id("v"))),
				jen.For(jen.List(jen.Id("i"), jen.Id("item")).Op(":=").Range().Id("v")).Block(
					jen.Id("out").Index(jen.Id("i")).Op("=").Id("form").Dot("value").Call(jen.Id("item"), jen.Id("path").Op("+").Lit("[]")),
				),
				jen.Return(jen.Id("out")),
			),
			jen.Case(jen.String()).Block(
				jen.Switch(jen.Id("kind")).Block(
					jen.Case(jen.LitRune('a')).Block(
						jen.Id("items").Op(":=").Index().String().Values(jen.Id("v")),
						jen.If(jen.List(jen.Id("sep"), jen.Id("joined")).Op(":=").Id("serverFormSeparators").Index(jen.Id("form").Dot("styles").Index(jen.Id("path"))), jen.Id("joined")).Block(
							jen.Id("items").Op("=").Qual(pkgStrings, "Split").Call(jen.Id("v"), jen.Id("sep")),
						),
						jen.Return(jen.Id("form").Dot("value").Call(jen.Id("items"), jen.Id("path"))),
					),
					jen.Case(jen.LitRune('o')).Block(
						jen.Comment("A multipart JSON part."),
						jen.Id("dec").Op(":=").Qual(pkgJSON, "NewDecoder").Call(jen.Qual(pkgStrings, "NewReader").Call(jen.Id("v"))),
						jen.Id("dec").Dot("UseNumber").Call(),
						jen.Var().Id("tree").Any(),
						jen.If(jen.Id("dec").Dot("Decode").Call(jen.Op("&").Id("tree")).Op("==").Nil()).Block(jen.Return(jen.Id("tree"))),
					),
					jen.Case(jen.LitRune('n')).Block(
						jen.If(jen.Qual(pkgJSON, "Valid").Call(jen.Index().Byte().Call(jen.Id("v"))).Op("&&").Id("v").Op("!=").Lit("").Op("&&").Qual(pkgStrings, "Trim").Call(jen.Id("v"), jen.Lit("-0123456789.eE+")).Op("==").Lit("")).Block(
							jen.Return(jen.Qual(pkgJSON, "Number").Call(jen.Id("v"))),
						),
					),
					jen.Case(jen.LitRune('b')).Block(
						jen.If(jen.Id("v").Op("==").Lit("true").Op("||").Id("v").Op("==").Lit("false")).Block(jen.Return(jen.Id("v").Op("==").Lit("true"))),
					),
				),
			),
		),
		jen.Return(jen.Id("v")),
	)
	f.Comment("list reads members indexed 0, 1, ... as a list, in index order.")
	f.Func().Params(jen.Id("form").Op("*").Id("serverForm")).Id("list").Params(jen.Id("v").Map(jen.String()).Any(), jen.Id("path").String()).Params(jen.Index().Any(), jen.Bool()).Block(
		jen.Id("out").Op(":=").Make(jen.Index().Any(), jen.Len(jen.Id("v"))),
		jen.For(jen.List(jen.Id("k"), jen.Id("item")).Op(":=").Range().Id("v")).Block(
			jen.List(jen.Id("i"), jen.Err()).Op(":=").Qual(pkgStrconv, "Atoi").Call(jen.Id("k")),
			jen.If(jen.Err().Op("!=").Nil().Op("||").Id("i").Op("<").Lit(0).Op("||").Id("i").Op(">=").Len(jen.Id("v"))).Block(jen.Return(jen.Nil(), jen.False())),
			jen.Id("out").Index(jen.Id("i")).Op("=").Id("form").Dot("value").Call(jen.Id("item"), jen.Id("path").Op("+").Lit("[]")),
		),
		jen.Return(jen.Id("out"), jen.True()),
	)
}
