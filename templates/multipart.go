package templates

import (
	"slices"

	"github.com/dave/jennifer/jen"
	"github.com/seed-0d47db62/livegen/generator"
)

// Multipart bodies (multipart/form-data) are typed structs whose file parts
// are FormFile readers. The client writes the parts through a pipe as the
// request is sent: text parts from the body's JSON tree, as forms do, then
// each file copied from its reader. The server parses the body with
// ParseMultipartForm under the body size limit, builds the JSON tree of the
// text parts as forms do, decodes and validates it as a JSON body, and hands
// the file parts over as readers.

const (
	pkgMultipart = "mime/multipart"
	pkgTextproto = "net/textproto"
	formFileType = "FormFile"
)

// serverMultipartMemory is how much of a multipart body the server holds in
// memory; the rest of its files go to temporary files.
const serverMultipartMemory = 8 << 20

// hasMultipart reports whether an operation of the API takes a multipart body.
func hasMultipart(api *generator.API) bool {
	return slices.ContainsFunc(api.ServedOperations(), func(o *generator.Operation) bool { return slices.ContainsFunc(o.RequestBodies(), isMultipart) })
}

func isMultipart(b *generator.RequestBody) bool {
	return b != nil && b.Kind == generator.BodyMultipart
}

// genFormFile renders FormFile, the file part of multipart bodies.
func genFormFile(f *jen.File) {
	f.Comment("FormFile is a file part of a multipart body: its bytes are read from Body as the")
	f.Comment("request is sent (the client does not close it) and, on the server, from the")
	f.Comment("upload, which the handler closes when the answer is written. It is never part of")
	f.Comment("the body's JSON.")
	f.Type().Id(formFileType).Struct(
		jen.Id("Name").String().Comment("the file name"),
		jen.Id("ContentType").String().Comment("the media type; empty for the part's default"),
		jen.Id("Body").Qual(pkgIO, "Reader"),
	)
	f.Comment("MarshalJSON leaves the file out of the JSON of its body.")
	f.Func().Params(jen.Id(formFileType)).Id("MarshalJSON").Params().Params(jen.Index().Byte(), jen.Error()).Block(
		jen.Return(jen.Index().Byte().Call(jen.Lit("null")), jen.Nil()),
	)
	f.Comment("UnmarshalJSON ignores the JSON of a file: its bytes come from the part.")
	f.Func().Params(jen.Op("*").Id(formFileType)).Id("UnmarshalJSON").Params(jen.Index().Byte()).Error().Block(jen.Return(jen.Nil()))
}

// clientPartsLit lists the parts of a multipart body that are not plain text.
// A FormFile goes to the runtime as its ClientFile, a struct of the same fields.
func clientPartsLit(b *generator.RequestBody) jen.Code {
	var parts []jen.Code
	file := func() *jen.Statement { return jen.Parens(jen.Op("*").Add(rt("ClientFile"))) }
	for _, p := range b.Parts {
		d := jen.Dict{jen.Id("Name"): jen.Lit(p.Name)}
		if p.ContentType != "" {
			d[jen.Id("ContentType")] = jen.Lit(p.ContentType)
		}
		switch {
		case p.File && p.Pointer:
			d[jen.Id("File")] = file().Call(jen.Id("body").Dot(p.GoName))
		case p.File:
			d[jen.Id("File")] = file().Call(jen.Op("&").Id("body").Dot(p.GoName))
		default:
			d[jen.Id("JSON")] = jen.True()
		}
		parts = append(parts, jen.Values(d))
	}
	if len(parts) == 0 {
		return jen.Nil()
	}
	return jen.Index().Add(rt("ClientPart")).Values(parts...)
}

// genClientMultipart renders SetMultipart and the body that writes the parts.
func (g *clientGen) genClientMultipart(f *jen.File) {
	s := func() *jen.Statement { return jen.Id("s") }
	m := func() *jen.Statement { return jen.Id("m") }
	f.Comment("ClientFile is a file part as the generated package's FormFile holds it: a")
	f.Comment("*FormFile converts to a *ClientFile.")
	f.Type().Id("ClientFile").Struct(
		jen.Id("Name").String().Comment("the file name"),
		jen.Id("ContentType").String().Comment("the media type; empty for the part's default"),
		jen.Id("Body").Qual(pkgIO, "Reader"),
	)
	f.Comment("ClientPart is a part of a multipart body that is not plain text: a file, or a")
	f.Comment("member sent as JSON. ContentType is the spec's; a file's own comes first.")
	f.Type().Id("ClientPart").Struct(
		incomparable(),
		jen.List(jen.Id("Name"), jen.Id("ContentType")).String(),
		jen.Id("File").Op("*").Id("ClientFile"),
		jen.Id("JSON").Bool(),
	)
	f.Comment("SetMultipart sets a multipart/form-data body, written as it is sent: the members")
	f.Comment("of v in name order as text parts (lists repeat the name; objects and the parts")
	f.Comment("marked json are JSON), then the files. The files are read once: the call is not")
	f.Comment("retried.")
	f.Func().Params(s().Op("*").Id("ClientCall")).Id("SetMultipart").Params(jen.Id("v").Any(), jen.Id("parts").Index().Id("ClientPart")).Error().Block(
		jen.List(jen.Id("tree"), jen.Err()).Op(":=").Id("clientJSONTree").Call(jen.Id("v")),
		clientIfErr(g.errorf("%s: encoding the request body: %w", s().Dot("Operation"), jen.Err())),
		jen.List(jen.Id("pr"), jen.Id("pw")).Op(":=").Qual(pkgIO, "Pipe").Call(),
		jen.Id("body").Op(":=").Op("&").Id("clientMultipart").Values(jen.Dict{
			jen.Id("tree"): jen.Id("tree"), jen.Id("parts"): jen.Id("parts"),
			jen.Id("pr"): jen.Id("pr"), jen.Id("pw"): jen.Id("pw"),
			jen.Id("writer"): jen.Qual(pkgMultipart, "NewWriter").Call(jen.Id("pw")),
		}),
		s().Dot("SetStream").Call(jen.Id("body").Dot("writer").Dot("FormDataContentType").Call(), jen.Id("body")),
		jen.Return(jen.Nil()),
	)
	f.Comment("clientMultipart is a multipart body that is written into a pipe while the")
	f.Comment("transport reads it, so that memory does not grow with the files. Writing starts at")
	f.Comment("the first read; closing the body ends it.")
	f.Type().Id("clientMultipart").Struct(
		jen.Id("tree").Map(jen.String()).Any(),
		jen.Id("parts").Index().Id("ClientPart"),
		jen.Id("pr").Op("*").Qual(pkgIO, "PipeReader"),
		jen.Id("pw").Op("*").Qual(pkgIO, "PipeWriter"),
		jen.Id("writer").Op("*").Qual(pkgMultipart, "Writer"),
		jen.Id("start").Qual(pkgSync, "Once"),
	)
	f.Func().Params(m().Op("*").Id("clientMultipart")).Id("Read").Params(jen.Id("p").Index().Byte()).Params(jen.Int(), jen.Error()).Block(
		m().Dot("start").Dot("Do").Call(jen.Func().Params().Block(
			jen.Go().Func().Params().Block(m().Dot("pw").Dot("CloseWithError").Call(m().Dot("write").Call())).Call(),
		)),
		jen.Return(m().Dot("pr").Dot("Read").Call(jen.Id("p"))),
	)
	f.Func().Params(m().Op("*").Id("clientMultipart")).Id("Close").Params().Error().Block(
		jen.Return(m().Dot("pr").Dot("Close").Call()),
	)
	f.Comment("write writes the parts and the closing boundary.")
	f.Func().Params(m().Op("*").Id("clientMultipart")).Id("write").Params().Error().Block(
		jen.Id("asJSON").Op(":=").Map(jen.String()).Bool().Values(),
		jen.For(jen.List(jen.Id("_"), jen.Id("p")).Op(":=").Range().Add(m().Dot("parts"))).Block(
			jen.Id("asJSON").Index(jen.Id("p").Dot("Name")).Op("=").Id("p").Dot("JSON"),
		),
		sortedKeys("keys", m().Dot("tree")),
		jen.For(jen.List(jen.Id("_"), jen.Id("name")).Op(":=").Range().Id("keys")).Block(
			jen.Id("v").Op(":=").Add(m().Dot("tree")).Index(jen.Id("name")),
			jen.List(jen.Id("items"), jen.Id("list")).Op(":=").Id("v").Assert(jen.Index().Any()),
			jen.If(jen.Op("!").Id("list").Op("||").Id("asJSON").Index(jen.Id("name"))).Block(jen.Id("items").Op("=").Index().Any().Values(jen.Id("v"))),
			jen.For(jen.List(jen.Id("_"), jen.Id("item")).Op(":=").Range().Id("items")).Block(
				jen.If(jen.Err().Op(":=").Id("clientWritePart").Call(m().Dot("writer"), jen.Id("name"), jen.Id("item"), jen.Id("asJSON").Index(jen.Id("name"))), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())),
			),
		),
		jen.For(jen.List(jen.Id("_"), jen.Id("p")).Op(":=").Range().Add(m().Dot("parts"))).Block(
			jen.If(jen.Id("p").Dot("File").Op("==").Nil()).Block(jen.Continue()),
			jen.Id("contentType").Op(":=").Id("p").Dot("File").Dot("ContentType"),
			jen.If(jen.Id("contentType").Op("==").Lit("")).Block(jen.Id("contentType").Op("=").Id("p").Dot("ContentType")),
			jen.If(jen.Id("contentType").Op("==").Lit("")).Block(jen.Id("contentType").Op("=").Lit("application/octet-stream")),
			jen.List(jen.Id("w"), jen.Err()).Op(":=").Add(m().Dot("writer")).Dot("CreatePart").Call(jen.Id("clientPartHeader").Call(jen.Id("p").Dot("Name"), jen.Id("p").Dot("File").Dot("Name"), jen.Id("contentType"))),
			jen.If(jen.Err().Op("==").Nil().Op("&&").Id("p").Dot("File").Dot("Body").Op("!=").Nil()).Block(
				jen.List(jen.Id("_"), jen.Err()).Op("=").Qual(pkgIO, "Copy").Call(jen.Id("w"), jen.Id("p").Dot("File").Dot("Body")),
			),
			jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())),
		),
		jen.Return(m().Dot("writer").Dot("Close").Call()),
	)
	f.Comment("clientWritePart writes one value of a member: JSON when asked or when it is an")
	f.Comment("object or a list, text otherwise; null is left out.")
	f.Func().Id("clientWritePart").Params(jen.Id("mw").Op("*").Qual(pkgMultipart, "Writer"), jen.Id("name").String(), jen.Id("v").Any(), jen.Id("asJSON").Bool()).Error().Block(
		jen.Switch(jen.Id("v").Assert(jen.Type())).Block(
			jen.Case(jen.Nil()).Block(jen.Return(jen.Nil())),
			jen.Case(jen.Map(jen.String()).Any(), jen.Index().Any()).Block(jen.Id("asJSON").Op("=").True()),
		),
		jen.If(jen.Op("!").Id("asJSON")).Block(jen.Return(jen.Id("mw").Dot("WriteField").Call(jen.Id("name"), jen.Id("clientFormText").Call(jen.Id("v"))))),
		jen.List(jen.Id("data"), jen.Err()).Op(":=").Qual(pkgJSON, "Marshal").Call(jen.Id("v")),
		jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())),
		jen.List(jen.Id("w"), jen.Err()).Op(":=").Id("mw").Dot("CreatePart").Call(jen.Id("clientPartHeader").Call(jen.Id("name"), jen.Lit(""), jen.Lit("application/json"))),
		jen.If(jen.Err().Op("==").Nil()).Block(jen.List(jen.Id("_"), jen.Err()).Op("=").Id("w").Dot("Write").Call(jen.Id("data"))),
		jen.Return(jen.Err()),
	)
	f.Comment("clientPartHeader is the header of a part, with its file name when it has one.")
	f.Func().Id("clientPartHeader").Params(jen.List(jen.Id("name"), jen.Id("filename"), jen.Id("contentType")).String()).Qual(pkgTextproto, "MIMEHeader").Block(
		jen.Id("disposition").Op(":=").Map(jen.String()).String().Values(jen.Dict{jen.Lit("name"): jen.Id("name")}),
		jen.If(jen.Id("filename").Op("!=").Lit("")).Block(jen.Id("disposition").Index(jen.Lit("filename")).Op("=").Id("filename")),
		jen.Return(jen.Qual(pkgTextproto, "MIMEHeader").Values(jen.Dict{
			jen.Lit("Content-Disposition"): jen.Values(jen.Qual(pkgMime, "FormatMediaType").Call(jen.Lit("form-data"), jen.Id("disposition"))),
			jen.Lit("Content-Type"):        jen.Values(jen.Id("contentType")),
		})),
	)
}

// genServerMultipart renders reading a multipart body and handing out its files.
func genServerMultipart(f *jen.File) {
	f.Commentf("serverMultipartMemory is how much of a multipart body is held in memory (%d MiB);", serverMultipartMemory>>20)
	f.Comment("the rest of its files is written to temporary files, removed with the answer.")
	f.Const().Id("serverMultipartMemory").Op("=").Lit(serverMultipartMemory)
	f.Comment("serverParts is a parsed multipart body and the files opened from it.")
	f.Type().Id("serverParts").Struct(
		jen.Id("form").Op("*").Qual(pkgMultipart, "Form"),
		jen.Id("open").Index().Qual(pkgIO, "Closer"),
	)
	f.Comment("readMultipart parses a multipart/form-data body, up to the size limit (413")
	f.Comment("beyond it; 415 for another media type; 400 for a malformed body). Parts are held")
	f.Comment("in memory up to serverMultipartMemory, files beyond it in temporary files.")
	f.Comment("A request without body bytes gives nil parts.")
	f.Func().Params(handlerRecv()).Id("readMultipart").Params(writerParam(), requestParam()).Params(jen.Op("*").Id("serverParts"), jen.Bool()).Block(
		jen.If(jen.Id("r").Dot("ContentLength").Op("==").Lit(0)).Block(jen.Return(jen.Nil(), jen.True())),
		jen.If(jen.Op("!").Id("serverCheckMediaType").Call(jen.Id("w"), jen.Id("r"), jen.Lit("multipart/form-data"))).Block(jen.Return(jen.Nil(), jen.False())),
		jen.If(jen.Id("r").Dot("ContentLength").Op(">").Id("h").Dot("maxBodyBytes")).Block(
			jen.Id("h").Dot("tooLarge").Call(jen.Id("w")),
			jen.Return(jen.Nil(), jen.False()),
		),
		jen.Id("r").Dot("Body").Op("=").Qual(pkgHTTP, "MaxBytesReader").Call(jen.Id("w"), jen.Id("r").Dot("Body"), jen.Id("h").Dot("maxBodyBytes")),
		jen.If(jen.Err().Op(":=").Id("r").Dot("ParseMultipartForm").Call(jen.Id("serverMultipartMemory")), jen.Err().Op("!=").Nil()).Block(
			tooLargeOrBad(jen.Lit("the request body is not a valid multipart form"), jen.Lit("is not a valid multipart form: ").Op("+").Err().Dot("Error").Call()),
			jen.Return(jen.Nil(), jen.False()),
		),
		jen.Return(jen.Op("&").Id("serverParts").Values(jen.Dict{jen.Id("form"): jen.Id("r").Dot("MultipartForm")}), jen.True()),
	)
	p := func() *jen.Statement { return jen.Id("p") }
	f.Comment("values are the text parts, and the file name of each file part, so that a")
	f.Comment("missing file is reported as a missing member.")
	f.Func().Params(p().Op("*").Id("serverParts")).Id("values").Params().Qual(pkgURL, "Values").Block(
		jen.If(p().Op("==").Nil()).Block(jen.Return(jen.Nil())),
		jen.Id("values").Op(":=").Qual(pkgURL, "Values").Values(),
		jen.For(jen.List(jen.Id("name"), jen.Id("texts")).Op(":=").Range().Add(p().Dot("form").Dot("Value"))).Block(
			jen.Id("values").Index(jen.Id("name")).Op("=").Qual(clientPkgSlices, "Clone").Call(jen.Id("texts")),
		),
		jen.For(jen.List(jen.Id("name"), jen.Id("files")).Op(":=").Range().Add(p().Dot("form").Dot("File"))).Block(
			jen.If(jen.Len(jen.Id("files")).Op(">").Lit(0)).Block(jen.Id("values").Dot("Add").Call(jen.Id("name"), jen.Id("files").Index(jen.Lit(0)).Dot("Filename"))),
		),
		jen.Return(jen.Id("values")),
	)
	f.Comment("json is the JSON text of the parts' values; nil without a body.")
	f.Func().Params(p().Op("*").Id("serverParts")).Id("json").Params(jen.Id("form").Op("*").Id("serverForm")).Index().Byte().Block(
		jen.If(p().Op("==").Nil()).Block(jen.Return(jen.Nil())),
		jen.Return(jen.Id("form").Dot("json").Call(p().Dot("values").Call())),
	)
	f.Comment("file opens the first file part of a name; nil without one.")
	f.Func().Params(p().Op("*").Id("serverParts")).Id("file").Params(jen.Id("c").Op("*").Add(rt("State")), jen.Id("name").String()).Op("*").Id(formFileType).Block(
		jen.If(p().Op("==").Nil()).Block(jen.Return(jen.Nil())),
		jen.Id("files").Op(":=").Add(p().Dot("form").Dot("File")).Index(jen.Id("name")),
		jen.If(jen.Len(jen.Id("files")).Op("==").Lit(0)).Block(jen.Return(jen.Nil())),
		jen.List(jen.Id("body"), jen.Err()).Op(":=").Id("files").Index(jen.Lit(0)).Dot("Open").Call(),
		jen.If(jen.Err().Op("!=").Nil()).Block(
			jen.Id("at").Op(":=").Op("&").Add(rt("Path")).Values(jen.Dict{jen.Id("In"): jen.Lit("body")}),
			jen.Id("c").Dot("Add").Call(jen.Id("at").Dot("Field").Call(jen.Id("name")), jen.Lit("could not be read")),
			jen.Return(jen.Nil()),
		),
		p().Dot("open").Op("=").Append(p().Dot("open"), jen.Id("body")),
		jen.Return(jen.Op("&").Id(formFileType).Values(jen.Dict{
			jen.Id("Name"): jen.Id("files").Index(jen.Lit(0)).Dot("Filename"), jen.Id("ContentType"): jen.Id("files").Index(jen.Lit(0)).Dot("Header").Dot("Get").Call(jen.Lit("Content-Type")), jen.Id("Body"): jen.Id("body"),
		})),
	)
	f.Comment("close closes the opened files and removes the temporary ones.")
	f.Func().Params(p().Op("*").Id("serverParts")).Id("close").Params().Block(
		jen.If(p().Op("==").Nil()).Block(jen.Return()),
		jen.For(jen.List(jen.Id("_"), jen.Id("file")).Op(":=").Range().Add(p().Dot("open"))).Block(jen.Id("file").Dot("Close").Call()),
		jen.Id("_").Op("=").Add(p().Dot("form")).Dot("RemoveAll").Call(),
	)
}

// genServerFiles hands the file parts of a multipart body to its struct.
func genServerFiles(g *jen.Group, b *generator.RequestBody) {
	target := jen.Id("in").Dot(bodyField(b))
	var set []jen.Code
	for _, p := range b.Parts {
		if !p.File {
			continue
		}
		open := jen.Id("parts").Dot("file").Call(jen.Id("c"), jen.Lit(p.Name))
		if p.Pointer {
			set = append(set, target.Clone().Dot(p.GoName).Op("=").Add(open))
			continue
		}
		set = append(set, jen.If(jen.Id("file").Op(":=").Add(open), jen.Id("file").Op("!=").Nil()).Block(
			target.Clone().Dot(p.GoName).Op("=").Op("*").Id("file"),
		))
	}
	if bodyByPointer(b) {
		g.If(target.Clone().Op("!=").Nil()).Block(set...)
		return
	}
	for _, s := range set {
		g.Add(s)
	}
}
