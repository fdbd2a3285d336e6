package templates

import "github.com/dave/jennifer/jen"

// genEncodeRuntime renders what every appendJSON method shares, once per
// package: the answer writer, member helpers (one call per member, which
// checks presence, writes the key and hands the value to an encoder) and
// value encoders, all func(T, []byte) ([]byte, error) so that helpers take
// them as arguments. An error stops writing: every helper passes it on.
// nullable says whether a member is a Nullable.
func genEncodeRuntime(f *jen.File, nullable bool) {
	bytesOut := jen.Index().Byte()
	b := jen.Id("b").Index().Byte()
	f.Comment("jsonAppender is a type that writes its own JSON, as encoding/json's Marshal would.")
	f.Type().Id("jsonAppender").Interface(jen.Id("appendJSON").Params(b.Clone()).Params(bytesOut.Clone(), jen.Error()))

	f.Comment("jsonList writes a list of structs, each by address; a nil list is null, as in")
	f.Comment("encoding/json. P is *T: the items' appendJSON has a pointer receiver.")
	f.Type().Id("jsonList").Types(jen.Id("T").Any(), jen.Id("P").Interface(jen.Op("*").Id("T"), jen.Id("jsonAppender"))).Index().Id("T")
	f.Func().Params(jen.Id("l").Id("jsonList").Types(jen.Id("T"), jen.Id("P"))).Id("appendJSON").Params(b.Clone()).Params(bytesOut.Clone(), jen.Error()).Block(
		jen.If(jen.Id("l").Op("==").Nil()).Block(jen.Return(appendNull(), jen.Nil())),
		jen.Var().Err().Error(),
		jen.Id("b").Op("=").Append(jen.Id("b"), jen.LitRune('[')),
		jen.For(jen.Id("i").Op(":=").Range().Id("l")).Block(
			jen.List(jen.Id("b"), jen.Err()).Op("=").Id("appendJSONItem").Call(jen.Id("b"), jen.Err(), jen.Id("i"), jen.Id("P").Call(jen.Op("&").Id("l").Index(jen.Id("i")))),
		),
		jen.Return(rt("AppendJSONListClose").Call(jen.Id("b"), jen.Err(), jen.False())),
	)

	f.Comment("serverWriteAppended writes a JSON answer with the body's appendJSON. Encoding comes")
	f.Comment("first, so that a value that cannot be encoded is an error before anything is sent.")
	f.Comment("The body is an interface, not a type parameter: one function for every answer type")
	f.Comment("costs one small allocation per answer, where an instance per type cost the compiler")
	f.Comment("two functions per type.")
	f.Func().Id("serverWriteAppended").Params(writerParam(), jen.Id("status").Int(), jen.Id("contentType").String(), jen.Id("body").Id("jsonAppender")).Error().Block(
		jen.Id("buf").Op(":=").Add(rt("ServerBuffers")).Dot("Get").Call().Assert(jen.Op("*").Index().Byte()),
		jen.Defer().Func().Params().Block(
			jen.If(jen.Cap(jen.Op("*").Id("buf")).Op("<=").Lit(1<<20)).Block(rt("ServerBuffers").Dot("Put").Call(jen.Id("buf"))),
		).Call(),
		jen.List(jen.Id("data"), jen.Err()).Op(":=").Id("body").Dot("appendJSON").Call(jen.Parens(jen.Op("*").Id("buf")).Index(jen.Empty(), jen.Lit(0))),
		jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())),
		jen.Op("*").Id("buf").Op("=").Id("data"),
		jen.Return(rt("ServerWriteBytes").Call(jen.Id("w"), jen.Id("status"), jen.Id("contentType"), jen.Id("data"))),
	)

	genMemberHelpers(f, nullable)
	genValueEncoders(f)
}

// noInline keeps a member helper out of line: inlined into every member of
// every type, the helpers would cost more to compile than they save.
const noInline = "//go:noinline"

// encoderParam is the enc parameter: func(T, []byte) ([]byte, error).
func encoderParam() *jen.Statement {
	return jen.Id("enc").Func().Params(jen.Id("T"), jen.Index().Byte()).Params(jen.Index().Byte(), jen.Error())
}

// passError returns b and err as they are when cond holds.
func passError(cond *jen.Statement) *jen.Statement {
	return jen.If(cond).Block(jen.Return(jen.Id("b"), jen.Err()))
}

// appendNull is `append(b, "null"...)`.
func appendNull() *jen.Statement { return jen.Append(jen.Id("b"), jen.Lit("null").Op("...")) }

// withKey is enc(x, appendJSONKey(b, key)): the key, then the value.
func withKey(enc string, x jen.Code) *jen.Statement {
	return jen.Id(enc).Call(x, rt("AppendJSONKey").Call(jen.Id("b"), jen.Id("key")))
}

func genMemberHelpers(f *jen.File, nullable bool) {
	helper := func(name, doc string, x jen.Code, body ...jen.Code) {
		f.Comment(doc)
		f.Comment(noInline)
		f.Func().Id(name).Types(jen.Id("T").Any()).Params(jen.Id("b").Index().Byte(), jen.Err().Error(), jen.Id("key").String(), x, encoderParam()).
			Params(jen.Index().Byte(), jen.Error()).Block(body...)
	}
	errSet := func() *jen.Statement { return jen.Err().Op("!=").Nil() }
	helper("appendJSONField", "appendJSONField writes a member that is always there.", jen.Id("x").Id("T"),
		passError(errSet()),
		jen.Return(withKey("enc", jen.Id("x"))))
	f.Comment("appendJSONIf writes a member that is there when present is true.")
	f.Comment(noInline)
	f.Func().Id("appendJSONIf").Types(jen.Id("T").Any()).Params(jen.Id("b").Index().Byte(), jen.Err().Error(), jen.Id("present").Bool(), jen.Id("key").String(), jen.Id("x").Id("T"), encoderParam()).
		Params(jen.Index().Byte(), jen.Error()).Block(
		passError(errSet().Op("||").Op("!").Id("present")),
		jen.Return(withKey("enc", jen.Id("x"))))
	helper("appendJSONPtr", "appendJSONPtr writes a member held by pointer; nil leaves it out.", jen.Id("x").Op("*").Id("T"),
		passError(errSet().Op("||").Id("x").Op("==").Nil()),
		jen.Return(withKey("enc", jen.Op("*").Id("x"))))
	f.Comment("appendJSONObject writes a member that is a struct, by address: left out unless")
	f.Comment("present, null when null is true. An interface, not a type parameter: generic code")
	f.Comment("is compiled once per struct type.")
	f.Comment(noInline)
	f.Func().Id("appendJSONObject").Params(jen.Id("b").Index().Byte(), jen.Err().Error(), jen.Id("key").String(), jen.List(jen.Id("present"), jen.Id("null")).Bool(), jen.Id("x").Id("jsonAppender")).
		Params(jen.Index().Byte(), jen.Error()).Block(
		passError(errSet().Op("||").Op("!").Id("present")),
		jen.Id("b").Op("=").Add(rt("AppendJSONKey")).Call(jen.Id("b"), jen.Id("key")),
		jen.If(jen.Id("null")).Block(jen.Return(appendNull(), jen.Nil())),
		jen.Return(jen.Id("x").Dot("appendJSON").Call(jen.Id("b"))))
	f.Comment("appendJSONItem writes the item i of a list of structs, by address.")
	f.Comment(noInline)
	f.Func().Id("appendJSONItem").Params(jen.Id("b").Index().Byte(), jen.Err().Error(), jen.Id("i").Int(), jen.Id("x").Id("jsonAppender")).
		Params(jen.Index().Byte(), jen.Error()).Block(
		passError(errSet()),
		jen.If(jen.Id("i").Op(">").Lit(0)).Block(jen.Id("b").Op("=").Append(jen.Id("b"), jen.LitRune(','))),
		jen.Return(jen.Id("x").Dot("appendJSON").Call(jen.Id("b"))))
	helper("appendJSONPtrOrNull", "appendJSONPtrOrNull writes a required member held by pointer; nil is null.", jen.Id("x").Op("*").Id("T"),
		passError(errSet()),
		jen.Return(jen.Id("appendJSONOrNull").Call(jen.Id("x"), rt("AppendJSONKey").Call(jen.Id("b"), jen.Id("key")), jen.Id("enc"))))
	if nullable {
		helper("appendJSONNullable", "appendJSONNullable writes a Nullable member: left out when absent, null or the value.", jen.Id("x").Id("Nullable").Types(jen.Id("T")),
			passError(errSet().Op("||").Op("!").Id("x").Dot("set")),
			jen.Id("b").Op("=").Add(rt("AppendJSONKey")).Call(jen.Id("b"), jen.Id("key")),
			jen.If(jen.Id("x").Dot("null")).Block(jen.Return(appendNull(), jen.Nil())),
			jen.Return(jen.Id("enc").Call(jen.Id("x").Dot("value"), jen.Id("b"))))
	}
	helper("appendJSONList", "appendJSONList writes a list member; a nil list is null.", jen.Id("l").Index().Id("T"),
		passError(errSet()),
		jen.Return(jen.Id("appendJSONItems").Call(jen.Id("l"), rt("AppendJSONKey").Call(jen.Id("b"), jen.Id("key")), jen.Id("enc"))))
	helper("appendJSONOmitList", "appendJSONOmitList writes an optional list member; a nil list leaves it out.", jen.Id("l").Index().Id("T"),
		passError(errSet().Op("||").Id("l").Op("==").Nil()),
		jen.Return(jen.Id("appendJSONItems").Call(jen.Id("l"), rt("AppendJSONKey").Call(jen.Id("b"), jen.Id("key")), jen.Id("enc"))))

}

func genValueEncoders(f *jen.File) {
	encoder := func(name, doc string, types []jen.Code, x jen.Code, body ...jen.Code) {
		f.Comment(doc)
		fn := f.Func().Id(name)
		if types != nil {
			fn.Types(types...)
		}
		fn.Params(x, jen.Id("b").Index().Byte()).Params(jen.Index().Byte(), jen.Error()).Block(body...)
	}
	// wrapper is an encoder that hands values on to enc.
	wrapper := func(name, doc string, x jen.Code, body ...jen.Code) {
		f.Comment(doc)
		f.Func().Id(name).Types(jen.Id("T").Any()).Params(x, jen.Id("b").Index().Byte(), encoderParam()).Params(jen.Index().Byte(), jen.Error()).Block(body...)
	}
	wrapper("appendJSONItems", "appendJSONItems writes a list with enc; a nil list is null, as in encoding/json.",
		jen.Id("l").Index().Id("T"),
		jen.If(jen.Id("l").Op("==").Nil()).Block(jen.Return(appendNull(), jen.Nil())),
		jen.Id("b").Op("=").Append(jen.Id("b"), jen.LitRune('[')),
		jen.For(jen.List(jen.Id("i"), jen.Id("x")).Op(":=").Range().Id("l")).Block(
			jen.If(jen.Id("i").Op(">").Lit(0)).Block(jen.Id("b").Op("=").Append(jen.Id("b"), jen.LitRune(','))),
			jen.Var().Err().Error(),
			jen.If(jen.List(jen.Id("b"), jen.Err()).Op("=").Id("enc").Call(jen.Id("x"), jen.Id("b")), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Err())),
		),
		jen.Return(jen.Append(jen.Id("b"), jen.LitRune(']')), jen.Nil()))
	wrapper("appendJSONOrNull", "appendJSONOrNull writes *x with enc; nil is null.",
		jen.Id("x").Op("*").Id("T"),
		jen.If(jen.Id("x").Op("==").Nil()).Block(jen.Return(appendNull(), jen.Nil())),
		jen.Return(jen.Id("enc").Call(jen.Op("*").Id("x"), jen.Id("b"))))
	encoder("appendJSONStr", "appendJSONStr writes a string or a string enum.",
		[]jen.Code{jen.Id("S").Op("~").String()}, jen.Id("s").Id("S"),
		jen.Return(rt("AppendJSONString").Call(jen.Id("b"), jen.String().Call(jen.Id("s"))), jen.Nil()))
	encoder("appendJSONInt", "appendJSONInt writes an integer or an integer enum.",
		[]jen.Code{jen.Id("I").Op("~").Int().Op("|").Op("~").Int32().Op("|").Op("~").Int64()}, jen.Id("i").Id("I"),
		jen.Return(jen.Qual(pkgStrconv, "AppendInt").Call(jen.Id("b"), jen.Int64().Call(jen.Id("i")), jen.Lit(10)), jen.Nil()))
	encoder("appendJSONValue", "appendJSONValue writes what the encoders above leave to encoding/json.",
		[]jen.Code{jen.Id("T").Any()}, jen.Id("x").Id("T"),
		jen.List(jen.Id("data"), jen.Err()).Op(":=").Qual(pkgJSON, "Marshal").Call(jen.Id("x")),
		jen.Return(jen.Append(jen.Id("b"), jen.Id("data").Op("...")), jen.Err()))
}

// jsonWriterPiece is genJSONWriterRuntime's piece of the runtime.
var jsonWriterPiece = newFixedPiece("jsonWriter", genJSONWriterRuntime)

// genJSONWriterRuntime renders, into the runtime, the JSON writing that
// does not depend on the spec's types: strings, times, keys, the ends of
// objects and lists, members left to encoding/json, and the answer buffers.
func genJSONWriterRuntime(f *jen.File) {
	bytesOut := jen.Index().Byte()
	b := jen.Id("b").Index().Byte()
	errSet := func() *jen.Statement { return jen.Err().Op("!=").Nil() }
	f.Comment("ServerBuffers keeps answer buffers between requests; very large ones are let go.")
	f.Var().Add(rt("ServerBuffers")).Op("=").Qual(pkgSync, "Pool").Values(jen.Dict{
		jen.Id("New"): jen.Func().Params().Any().Block(
			jen.Id("b").Op(":=").Make(jen.Index().Byte(), jen.Lit(0), jen.Lit(4<<10)),
			jen.Return(jen.Op("&").Id("b")),
		),
	})
	f.Comment("AppendJSONKey starts an object member: a comma unless it is the first one.")
	f.Func().Add(rt("AppendJSONKey")).Params(b.Clone(), jen.Id("key").String()).Add(bytesOut.Clone()).Block(
		jen.If(jen.Id("b").Index(jen.Len(jen.Id("b")).Op("-").Lit(1)).Op("!=").LitRune('{')).Block(jen.Id("b").Op("=").Append(jen.Id("b"), jen.LitRune(','))),
		jen.Return(jen.Append(jen.Id("b"), jen.Id("key").Op("..."))),
	)

	f.Comment("AppendJSONString writes s as encoding/json does: <, > and & escaped, invalid UTF-8")
	f.Comment("as U+FFFD, U+2028 and U+2029 escaped.")
	f.Func().Add(rt("AppendJSONString")).Params(b.Clone(), jen.Id("s").String()).Add(bytesOut.Clone()).Block(
		jen.Const().Id("hex").Op("=").Lit("0123456789abcdef"),
		jen.Id("b").Op("=").Append(jen.Id("b"), jen.LitRune('"')),
		jen.Id("start").Op(":=").Lit(0),
		jen.For(jen.Id("i").Op(":=").Lit(0), jen.Id("i").Op("<").Len(jen.Id("s")), jen.Empty()).Block(
			jen.If(jen.Id("c").Op(":=").Id("s").Index(jen.Id("i")), jen.Id("c").Op("<").Qual(pkgUTF8, "RuneSelf")).Block(
				jen.If(jen.Id("c").Op(">=").LitRune(' ').Op("&&").Id("c").Op("!=").LitRune('"').Op("&&").Id("c").Op("!=").LitRune('\\').
					Op("&&").Id("c").Op("!=").LitRune('<').Op("&&").Id("c").Op("!=").LitRune('>').Op("&&").Id("c").Op("!=").LitRune('&')).Block(
					jen.Id("i").Op("++"),
					jen.Continue(),
				),
				jen.Id("b").Op("=").Append(jen.Id("b"), jen.Id("s").Index(jen.Id("start"), jen.Id("i")).Op("...")),
				jen.Switch(jen.Id("c")).Block(
					jen.Case(jen.LitRune('"'), jen.LitRune('\\')).Block(jen.Id("b").Op("=").Append(jen.Id("b"), jen.LitRune('\\'), jen.Id("c"))),
					jen.Case(jen.LitRune('\b')).Block(jen.Id("b").Op("=").Append(jen.Id("b"), jen.LitRune('\\'), jen.LitRune('b'))),
					jen.Case(jen.LitRune('\f')).Block(jen.Id("b").Op("=").Append(jen.Id("b"), jen.LitRune('\\'), jen.LitRune('f'))),
					jen.Case(jen.LitRune('\n')).Block(jen.Id("b").Op("=").Append(jen.Id("b"), jen.LitRune('\\'), jen.LitRune('n'))),
					jen.Case(jen.LitRune('\r')).Block(jen.Id("b").Op("=").Append(jen.Id("b"), jen.LitRune('\\'), jen.LitRune('r'))),
					jen.Case(jen.LitRune('\t')).Block(jen.Id("b").Op("=").Append(jen.Id("b"), jen.LitRune('\\'), jen.LitRune('t'))),
					jen.Default().Block(jen.Id("b").Op("=").Append(jen.Id("b"), jen.LitRune('\\'), jen.LitRune('u'), jen.LitRune('0'), jen.LitRune('0'),
						jen.Id("hex").Index(jen.Id("c").Op(">>").Lit(4)), jen.Id("hex").Index(jen.Id("c").Op("&").Lit(0xf)))),
				),
				jen.Id("i").Op("++"),
				jen.Id("start").Op("=").Id("i"),
				jen.Continue(),
			),
			jen.List(jen.Id("r"), jen.Id("size")).Op(":=").Qual(pkgUTF8, "DecodeRuneInString").Call(jen.Id("s").Index(jen.Id("i"), jen.Empty())),
			jen.Switch().Block(
				jen.Case(jen.Id("r").Op("==").Qual(pkgUTF8, "RuneError").Op("&&").Id("size").Op("==").Lit(1)).Block(
					jen.Id("b").Op("=").Append(jen.Id("b"), jen.Id("s").Index(jen.Id("start"), jen.Id("i")).Op("...")),
					jen.Id("b").Op("=").Append(jen.Id("b"), jen.Lit(`\ufffd`).Op("...")),
					jen.Id("start").Op("=").Id("i").Op("+").Id("size"),
				),
				jen.Case(jen.Id("r").Op("==").LitRune('\u2028').Op("||").Id("r").Op("==").LitRune('\u2029')).Block(
					jen.Id("b").Op("=").Append(jen.Id("b"), jen.Id("s").Index(jen.Id("start"), jen.Id("i")).Op("...")),
					jen.Id("b").Op("=").Append(jen.Id("b"), jen.LitRune('\\'), jen.LitRune('u'), jen.LitRune('2'), jen.LitRune('0'), jen.LitRune('2'), jen.Id("hex").Index(jen.Id("r").Op("&").Lit(0xf))),
					jen.Id("start").Op("=").Id("i").Op("+").Id("size"),
				),
			),
			jen.Id("i").Op("+=").Id("size"),
		),
		jen.Id("b").Op("=").Append(jen.Id("b"), jen.Id("s").Index(jen.Id("start"), jen.Empty()).Op("...")),
		jen.Return(jen.Append(jen.Id("b"), jen.LitRune('"'))),
	)
	f.Comment("AppendJSONAny writes a member with encoding/json, unless present is false.")
	f.Comment(noInline)
	f.Func().Add(rt("AppendJSONAny")).Params(jen.Id("b").Index().Byte(), jen.Err().Error(), jen.Id("key").String(), jen.Id("present").Bool(), jen.Id("x").Any()).
		Params(jen.Index().Byte(), jen.Error()).Block(
		passError(errSet().Op("||").Op("!").Id("present")),
		jen.List(jen.Id("data"), jen.Err()).Op(":=").Qual(pkgJSON, "Marshal").Call(jen.Id("x")),
		jen.Return(jen.Append(rt("AppendJSONKey").Call(jen.Id("b"), jen.Id("key")), jen.Id("data").Op("...")), jen.Err()))
	f.Comment("AppendJSONListOpen starts a member that is a list of structs: null when the list")
	f.Comment("is nil, or nothing when omit is true too. appendJSONItem writes the items and")
	f.Comment("AppendJSONListClose ends the list.")
	f.Comment(noInline)
	f.Func().Add(rt("AppendJSONListOpen")).Params(jen.Id("b").Index().Byte(), jen.Err().Error(), jen.Id("key").String(), jen.List(jen.Id("isNil"), jen.Id("omit")).Bool()).
		Params(jen.Index().Byte(), jen.Error()).Block(
		passError(errSet().Op("||").Id("isNil").Op("&&").Id("omit")),
		jen.Id("b").Op("=").Add(rt("AppendJSONKey")).Call(jen.Id("b"), jen.Id("key")),
		jen.If(jen.Id("isNil")).Block(jen.Return(appendNull(), jen.Nil())),
		jen.Return(jen.Append(jen.Id("b"), jen.LitRune('[')), jen.Nil()))
	f.Comment("AppendJSONListClose ends a list that AppendJSONListOpen started.")
	f.Func().Add(rt("AppendJSONListClose")).Params(jen.Id("b").Index().Byte(), jen.Err().Error(), jen.Id("isNil").Bool()).
		Params(jen.Index().Byte(), jen.Error()).Block(
		passError(errSet().Op("||").Id("isNil")),
		jen.Return(jen.Append(jen.Id("b"), jen.LitRune(']')), jen.Nil()))
	f.Comment("AppendJSONClose ends an object, or drops it when a member could not be written.")
	f.Func().Add(rt("AppendJSONClose")).Params(jen.Id("b").Index().Byte(), jen.Err().Error()).Params(jen.Index().Byte(), jen.Error()).Block(
		jen.If(errSet()).Block(jen.Return(jen.Nil(), jen.Err())),
		jen.Return(jen.Append(jen.Id("b"), jen.LitRune('}')), jen.Nil()))
	encoder := func(name, doc string, x jen.Code, body ...jen.Code) {
		f.Comment(doc)
		f.Func().Add(rt(name)).Params(x, jen.Id("b").Index().Byte()).Params(jen.Index().Byte(), jen.Error()).Block(body...)
	}
	encoder("AppendJSONBool", "AppendJSONBool writes a boolean.", jen.Id("x").Bool(),
		jen.Return(jen.Qual(pkgStrconv, "AppendBool").Call(jen.Id("b"), jen.Id("x")), jen.Nil()))
	encoder("AppendJSONTime", "AppendJSONTime writes t as time.Time's MarshalJSON does.", jen.Id("t").Qual(pkgTime, "Time"),
		jen.Id("b").Op("=").Append(jen.Id("b"), jen.LitRune('"')),
		jen.List(jen.Id("b"), jen.Err()).Op(":=").Id("t").Dot("AppendText").Call(jen.Id("b")),
		jen.Return(jen.Append(jen.Id("b"), jen.LitRune('"')), jen.Err()))
}
