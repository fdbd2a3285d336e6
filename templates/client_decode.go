package templates

import "github.com/dave/jennifer/jen"

// Packages that only the tolerant decoder imports.
const (
	clientPkgReflect = "reflect"
	clientPkgSync    = "sync"
)

// genMisfitTypes renders Misfit, Answer and RecordAnswer: what a caller sees
// of an answer that the spec did not describe exactly.
func (g *clientGen) genMisfitTypes(f *jen.File) {
	clientAlias(f, "Misfit", misfitDoc)
	clientAlias(f, "Answer", answerDoc)
	f.Add(doc(`RecordAnswer returns a copy of ctx with which a call records its final answer
in into: the status, headers and body, and the misfits of a success answer.
It tells what a call got when the server answers outside the spec, such as an
undocumented 2xx status or an empty body. Calls that share the context write
into the same Answer, the last call's answer replacing the others' (page
iterators and chunked bulk helpers record their last call): give each
concurrent call its own.

	var answer Answer
	live, err := c.GetLive(RecordAnswer(ctx, &answer), id)
	for _, m := range answer.Misfits { log.Printf("%s: %s", m.Pointer, m.Raw) }`).Func().Id("RecordAnswer").Params(clientCtxParam(), jen.Id("into").Op("*").Id("Answer")).Qual(pkgContext, "Context").Block(
		jen.Return(jen.Qual(pkgContext, "WithValue").Call(jen.Id("ctx"), rt("AnswerKey").Values(), jen.Id("into"))),
	))
	r := g.rt.live()
	r.Add(doc(misfitDoc).Type().Id("Misfit").Struct(
		clientDocField("Name is the property name or array index of the value; empty for the whole body.", jen.Id("Name"), jen.String()),
		clientDocField("Pointer is the JSON pointer of the value in the body (RFC 6901), such as /items/0/videoUrl.", jen.Id("Pointer"), jen.String()),
		clientDocField("Raw is the value as the server sent it (for a body that is not JSON, its first bytes).", jen.Id("Raw"), jen.Index().Byte()),
		clientDocField("Problem says why the value does not fit.", jen.Id("Problem"), jen.String()),
	))
	r.Add(doc(answerDoc).Type().Id("Answer").Struct(
		clientDocField("StatusCode is the HTTP status of the answer.", jen.Id("StatusCode"), jen.Int()),
		clientDocField("Header holds the headers of the answer.", jen.Id("Header"), jen.Qual(pkgHTTP, "Header")),
		clientDocField("Body is the body of the answer as read (an error body at most 64 KiB of it).", jen.Id("Body"), jen.Index().Byte()),
		clientDocField("Misfits lists the values of a success answer that did not fit their Go types: array items in order, object members by name.", jen.Id("Misfits"), jen.Index().Id("Misfit")),
	))
	r.Comment("AnswerKey is the context key under which RecordAnswer keeps its Answer.")
	r.Type().Id("AnswerKey").Struct()
}

// The doc comments of Misfit and Answer, and of their aliases.
const (
	misfitDoc = `Misfit is a value of a success answer that does not fit the Go type that the
spec gives it: an object where a string is declared, a string where a number
is, a number out of range. The call still succeeds: the misfit stays the zero
value of its field and every other value is decoded. A body that is not JSON
at all is one misfit with an empty Pointer.`
	answerDoc = `Answer is the final answer of a call as the client received it; see RecordAnswer.`
)

// usesNullable reports whether the generated package has Nullable types,
// which the tolerant decoder reaches into through clientNullableValue.
func (g *clientGen) usesNullable() bool { return usesNullable(g.api) }

// genClientNullableValue renders clientNullableValue, the engine's way into
// a Nullable: its method is unexported, so only this package can call it.
func genClientNullableValue(f *jen.File) {
	f.Comment("clientNullableValue makes n, when it is a Nullable, hold a value and returns a")
	f.Comment("pointer to that value; nil otherwise. The tolerant decoder of the runtime calls it.")
	f.Func().Id("clientNullableValue").Params(jen.Id("n").Any()).Any().Block(
		jen.If(jen.List(jen.Id("n"), jen.Id("ok")).Op(":=").Id("n").Assert(jen.Interface(jen.Id("nullableValue").Params().Any())), jen.Id("ok")).Block(
			jen.Return(jen.Id("n").Dot("nullableValue").Call()),
		),
		jen.Return(jen.Nil()),
	)
}

// genDecode renders how a success answer is decoded: empty bodies give the
// zero result, a body that is not JSON and values that do not fit are
// misfits (errors with WithStrictDecoding), and the JSON is decoded strictly
// first so that the tolerant walk costs nothing when the answer fits.
func (g *clientGen) genDecode(f *jen.File) {
	a := func() *jen.Statement { return jen.Id("a") }
	s := func() *jen.Statement { return jen.Id("s") }
	f.Comment("Decode decodes the body of a success answer into v. An empty body leaves v")
	f.Comment("zero. A body that is not JSON, and values that do not fit their Go types, are")
	f.Comment("misfits: reported, not errors, unless the client is strict.")
	f.Func().Params(a().Op("*").Id("ClientAnswer")).Id("Decode").Params(s().Op("*").Id("ClientCall"), jen.Id("v").Any()).Error().Block(
		jen.If(jen.Len(jen.Qual(pkgBytes, "TrimSpace").Call(a().Dot("Body"))).Op("==").Lit(0)).Block(jen.Return(jen.Nil())),
		jen.Comment("A JSON body under another type (servers that let it be sniffed as text/plain)"),
		jen.Comment("is still read; anything else, such as a proxy's HTML page, is not fed to the decoder."),
		jen.If(jen.Id("ct").Op(":=").Add(a().Dot("Header").Dot("Get").Call(jen.Lit("Content-Type"))), jen.Op("!").Id("clientIsJSON").Call(jen.Id("ct")).Op("&&").Op("!").Qual(pkgJSON, "Valid").Call(a().Dot("Body"))).Block(
			jen.Id("m").Op(":=").Id("Misfit").Values(jen.Dict{
				jen.Id("Raw"):     a().Dot("Body").Index(jen.Empty(), jen.Min(jen.Len(a().Dot("Body")), jen.Lit(512))),
				jen.Id("Problem"): jen.Lit("the answer is ").Op("+").Id("ct").Op("+").Lit(", not JSON"),
			}),
			jen.Return(a().Dot("Misfit").Call(s(), jen.Index().Id("Misfit").Values(jen.Id("m")), jen.Nil())),
		),
		jen.Err().Op(":=").Qual(pkgJSON, "Unmarshal").Call(a().Dot("Body"), jen.Id("v")),
		jen.If(jen.Err().Op("==").Nil().Op("||").Add(a().Dot("Strict"))).Block(jen.Return(a().Dot("Misfit").Call(s(), jen.Nil(), jen.Err()))),
		jen.Var().Id("misfits").Index().Id("Misfit"),
		jen.Id("ClientTolerate").Call(a().Dot("Body"), jen.Qual(clientPkgReflect, "ValueOf").Call(jen.Id("v")).Dot("Elem").Call(), jen.Lit(""), jen.Lit(""), jen.Op("&").Id("misfits"), a().Dot("Nullable")),
		jen.Return(a().Dot("Misfit").Call(s(), jen.Id("misfits"), jen.Nil())),
	)
	f.Comment("Misfit reports the misfits of an answer to its recorder; err, or any misfit")
	f.Comment("when the client is strict, is the error of the call.")
	f.Func().Params(a().Op("*").Id("ClientAnswer")).Id("Misfit").Params(s().Op("*").Id("ClientCall"), jen.Id("misfits").Index().Id("Misfit"), jen.Err().Error()).Error().Block(
		jen.If(a().Dot("Record").Op("!=").Nil()).Block(
			a().Dot("Record").Dot("Misfits").Op("=").Append(a().Dot("Record").Dot("Misfits"), jen.Id("misfits").Op("...")),
		),
		jen.If(jen.Err().Op("==").Nil().Op("&&").Add(a().Dot("Strict")).Op("&&").Len(jen.Id("misfits")).Op(">").Lit(0)).Block(
			jen.Err().Op("=").Qual(pkgErrors, "New").Call(jen.Id("misfits").Index(jen.Lit(0)).Dot("Problem").Op("+").Lit(": ").Op("+").Id("clientSnippet").Call(jen.Id("misfits").Index(jen.Lit(0)).Dot("Raw"))),
		),
		jen.If(jen.Err().Op("!=").Nil()).Block(
			jen.Return(g.errorf("%s: decoding the answer (status %d): %w", s().Dot("Operation"), a().Dot("Status"), jen.Err())),
		),
		jen.Return(jen.Nil()),
	)
	f.Comment("clientIsJSON reports whether a Content-Type is JSON (application/json or a +json")
	f.Comment("type); an absent one is taken as JSON, as many servers leave it out.")
	f.Func().Id("clientIsJSON").Params(jen.Id("contentType").String()).Bool().Block(
		jen.List(jen.Id("media"), jen.Id("_"), jen.Id("_")).Op(":=").Qual(pkgStrings, "Cut").Call(jen.Id("contentType"), jen.Lit(";")),
		jen.Id("media").Op("=").Qual(pkgStrings, "ToLower").Call(jen.Qual(pkgStrings, "TrimSpace").Call(jen.Id("media"))),
		jen.Return(jen.Id("media").Op("==").Lit("").Op("||").Id("media").Op("==").Lit("application/json").Op("||").Qual(pkgStrings, "HasSuffix").Call(jen.Id("media"), jen.Lit("+json"))),
	)
	genClientTolerate(f)
}

// genClientTolerate renders the tolerant walk, emitted once per package: it
// decodes what fits, value by value, driven by the Go types' json tags, so
// that no per-type code is generated. Objects, maps and arrays share one loop
// over their parts, and Nullables and pointers one path through their value.
func genClientTolerate(f *jen.File) {
	v := func() *jen.Statement { return jen.Id("v") }
	extra := func() *jen.Statement { return jen.Id("extra") }
	nullable := func() *jen.Statement { return jen.Id("nullable").Func().Params(jen.Any()).Any() }
	misfitsSince := func(before jen.Code, pointer jen.Code) *jen.Statement {
		return jen.Id("clientNothingFits").Call(jen.Op("*").Id("misfits"), before, pointer)
	}
	f.Comment("ClientTolerate decodes data into v, which is settable, keeping every value that")
	f.Comment("fits and listing the others as misfits. Each value is first decoded as a whole;")
	f.Comment("only a value that fails is taken apart: objects member by member, arrays item by")
	f.Comment("item, a Nullable or a pointer through its value. What cannot be taken apart stays")
	f.Comment("zero. nullable is the engine's Nullable.")
	f.Func().Id("ClientTolerate").Params(jen.Id("data").Index().Byte(), v().Qual(clientPkgReflect, "Value"), jen.List(jen.Id("name"), jen.Id("pointer")).String(), jen.Id("misfits").Op("*").Index().Id("Misfit"), nullable()).Block(
		jen.Err().Op(":=").Qual(pkgJSON, "Unmarshal").Call(jen.Id("data"), v().Dot("Addr").Call().Dot("Interface").Call()),
		jen.If(jen.Err().Op("==").Nil()).Block(jen.Return()),
		v().Dot("SetZero").Call(),
		jen.Var().Id("inner").Qual(clientPkgReflect, "Value"),
		jen.If(jen.Id("nullable").Op("!=").Nil()).Block(
			jen.If(jen.Id("value").Op(":=").Id("nullable").Call(v().Dot("Addr").Call().Dot("Interface").Call()), jen.Id("value").Op("!=").Nil()).Block(
				jen.Id("inner").Op("=").Qual(clientPkgReflect, "ValueOf").Call(jen.Id("value")).Dot("Elem").Call(),
			),
		),
		jen.If(jen.Op("!").Id("inner").Dot("IsValid").Call().Op("&&").Add(v()).Dot("Kind").Call().Op("==").Qual(clientPkgReflect, "Pointer")).Block(
			v().Dot("Set").Call(jen.Qual(clientPkgReflect, "New").Call(v().Dot("Type").Call().Dot("Elem").Call())),
			jen.Id("inner").Op("=").Add(v()).Dot("Elem").Call(),
		),
		jen.If(jen.Id("inner").Dot("IsValid").Call()).Block(
			jen.Id("before").Op(":=").Len(jen.Op("*").Id("misfits")),
			jen.Id("ClientTolerate").Call(jen.Id("data"), jen.Id("inner"), jen.Id("name"), jen.Id("pointer"), jen.Id("misfits"), jen.Id("nullable")),
			jen.If(misfitsSince(jen.Id("before"), jen.Id("pointer"))).Block(v().Dot("SetZero").Call()),
			jen.Return(),
		),
		jen.Comment("Unions and other types that decode themselves stay whole; structs with"),
		jen.Comment("additional properties are taken apart like the others."),
		jen.List(jen.Id("_"), jen.Id("custom")).Op(":=").Add(v().Dot("Addr").Call().Dot("Interface").Call()).Assert(jen.Qual(pkgJSON, "Unmarshaler")),
		jen.If(jen.List(jen.Id("_"), jen.Id("extra")).Op(":=").Id("clientExtra").Call(v().Dot("Type").Call()), jen.Parens(jen.Op("!").Id("custom").Op("||").Id("extra")).Op("&&").Id("clientTolerateParts").Call(jen.Id("data"), v(), jen.Id("pointer"), jen.Id("misfits"), jen.Id("nullable"))).Block(jen.Return()),
		jen.Op("*").Id("misfits").Op("=").Append(jen.Op("*").Id("misfits"), jen.Id("Misfit").Values(jen.Dict{
			jen.Id("Name"): jen.Id("name"), jen.Id("Pointer"): jen.Id("pointer"), jen.Id("Raw"): jen.Id("data"), jen.Id("Problem"): jen.Err().Dot("Error").Call(),
		})),
	)
	f.Comment("clientTolerateParts decodes an object, map or array part by part, in the order")
	f.Comment("of names and indexes, and reports whether data had the shape for it.")
	f.Func().Id("clientTolerateParts").Params(jen.Id("data").Index().Byte(), v().Qual(clientPkgReflect, "Value"), jen.Id("pointer").String(), jen.Id("misfits").Op("*").Index().Id("Misfit"), nullable()).Bool().Block(
		jen.Var().Defs(
			jen.Id("names").Index().String(),
			jen.Id("parts").Index().Qual(pkgJSON, "RawMessage"),
			jen.Id("fields").Map(jen.String()).Int(),
			extra().Qual(clientPkgReflect, "Value").Comment("the map that keeps the members that are not fields"),
		),
		jen.Switch(v().Dot("Kind").Call()).Block(
			jen.Case(jen.Qual(clientPkgReflect, "Slice")).Block(
				jen.If(jen.Qual(pkgJSON, "Unmarshal").Call(jen.Id("data"), jen.Op("&").Id("parts")).Op("!=").Nil()).Block(jen.Return(jen.False())),
				v().Dot("Set").Call(jen.Qual(clientPkgReflect, "MakeSlice").Call(v().Dot("Type").Call(), jen.Len(jen.Id("parts")), jen.Len(jen.Id("parts")))),
				jen.For(jen.Id("i").Op(":=").Range().Id("parts")).Block(jen.Id("names").Op("=").Append(jen.Id("names"), jen.Qual(pkgStrconv, "Itoa").Call(jen.Id("i")))),
			),
			jen.Case(jen.Qual(clientPkgReflect, "Struct"), jen.Qual(clientPkgReflect, "Map")).Block(
				jen.Var().Id("members").Map(jen.String()).Qual(pkgJSON, "RawMessage"),
				jen.If(jen.Parens(v().Dot("Kind").Call().Op("==").Qual(clientPkgReflect, "Map").Op("&&").Add(v()).Dot("Type").Call().Dot("Key").Call().Dot("Kind").Call().Op("!=").Qual(clientPkgReflect, "String")).Op("||").Qual(pkgJSON, "Unmarshal").Call(jen.Id("data"), jen.Op("&").Id("members")).Op("!=").Nil()).Block(jen.Return(jen.False())),
				sortedKeys("keys", jen.Id("members")),
				jen.Id("names").Op("=").Id("keys"),
				jen.For(jen.List(jen.Id("_"), jen.Id("name")).Op(":=").Range().Id("names")).Block(jen.Id("parts").Op("=").Append(jen.Id("parts"), jen.Id("members").Index(jen.Id("name")))),
				jen.If(v().Dot("Kind").Call().Op("==").Qual(clientPkgReflect, "Map")).Block(
					v().Dot("Set").Call(jen.Qual(clientPkgReflect, "MakeMapWithSize").Call(v().Dot("Type").Call(), jen.Len(jen.Id("members")))),
					extra().Op("=").Add(v()),
				).Else().Block(
					jen.Id("fields").Op("=").Id("clientFields").Call(v().Dot("Type").Call()),
					jen.If(jen.List(jen.Id("field"), jen.Id("ok")).Op(":=").Id("clientExtra").Call(v().Dot("Type").Call()), jen.Id("ok")).Block(
						extra().Op("=").Add(v()).Dot("FieldByIndex").Call(jen.Id("field").Dot("Index")),
					),
				),
			),
			jen.Default().Block(jen.Return(jen.False())),
		),
		jen.For(jen.List(jen.Id("i"), jen.Id("name")).Op(":=").Range().Id("names")).Block(
			jen.Id("at").Op(":=").Id("pointer").Op("+").Lit("/").Op("+").Id("clientPointerEscape").Dot("Replace").Call(jen.Id("name")),
			jen.List(jen.Id("index"), jen.Id("ok")).Op(":=").Id("fields").Index(jen.Id("name")),
			jen.If(jen.Op("!").Id("ok").Op("&&").Op("!").Add(extra()).Dot("IsValid").Call()).Block(
				jen.Comment("encoding/json matches names regardless of case; a struct with additional"),
				jen.Comment("properties matches them exactly."),
				jen.List(jen.Id("index"), jen.Id("ok")).Op("=").Id("fields").Index(jen.Qual(pkgStrings, "ToLower").Call(jen.Id("name"))),
			),
			jen.Switch().Block(
				jen.Case(v().Dot("Kind").Call().Op("==").Qual(clientPkgReflect, "Slice")).Block(
					jen.Id("ClientTolerate").Call(jen.Id("parts").Index(jen.Id("i")), v().Dot("Index").Call(jen.Id("i")), jen.Id("name"), jen.Id("at"), jen.Id("misfits"), jen.Id("nullable")),
				),
				jen.Case(jen.Id("ok")).Block(
					jen.Id("ClientTolerate").Call(jen.Id("parts").Index(jen.Id("i")), v().Dot("Field").Call(jen.Id("index")), jen.Id("name"), jen.Id("at"), jen.Id("misfits"), jen.Id("nullable")),
				),
				jen.Case(extra().Dot("IsValid").Call()).Block(
					jen.Comment("The map is made when nil; a member that does not fit at all is left out of it."),
					jen.If(extra().Dot("IsNil").Call()).Block(extra().Dot("Set").Call(jen.Qual(clientPkgReflect, "MakeMap").Call(extra().Dot("Type").Call()))),
					jen.Id("value").Op(":=").Qual(clientPkgReflect, "New").Call(extra().Dot("Type").Call().Dot("Elem").Call()).Dot("Elem").Call(),
					jen.Id("before").Op(":=").Len(jen.Op("*").Id("misfits")),
					jen.Id("ClientTolerate").Call(jen.Id("parts").Index(jen.Id("i")), jen.Id("value"), jen.Id("name"), jen.Id("at"), jen.Id("misfits"), jen.Id("nullable")),
					jen.If(jen.Op("!").Add(misfitsSince(jen.Id("before"), jen.Id("at")))).Block(
						extra().Dot("SetMapIndex").Call(jen.Qual(clientPkgReflect, "ValueOf").Call(jen.Id("name")).Dot("Convert").Call(extra().Dot("Type").Call().Dot("Key").Call()), jen.Id("value")),
					),
				),
			),
		),
		jen.Return(jen.True()),
	)
	f.Comment("clientExtra is the AdditionalProperties field of a generated struct, which keeps")
	f.Comment("the properties that its schema does not list.")
	f.Func().Id("clientExtra").Params(jen.Id("t").Qual(clientPkgReflect, "Type")).Params(jen.Qual(clientPkgReflect, "StructField"), jen.Bool()).Block(
		jen.If(jen.Id("t").Dot("Kind").Call().Op("!=").Qual(clientPkgReflect, "Struct")).Block(jen.Return(jen.Qual(clientPkgReflect, "StructField").Values(), jen.False())),
		jen.List(jen.Id("field"), jen.Id("ok")).Op(":=").Id("t").Dot("FieldByName").Call(jen.Lit("AdditionalProperties")),
		jen.Return(jen.Id("field"), jen.Id("ok").Op("&&").Id("field").Dot("Tag").Dot("Get").Call(jen.Lit("json")).Op("==").Lit("-").Op("&&").Id("field").Dot("Type").Dot("Kind").Call().Op("==").Qual(clientPkgReflect, "Map")),
	)
	f.Comment("clientNothingFits reports whether the misfits listed since before include the")
	f.Comment("value at pointer as a whole, which then stays zero (nil, absent) rather than")
	f.Comment("pointing at a zero value.")
	f.Func().Id("clientNothingFits").Params(jen.Id("misfits").Index().Id("Misfit"), jen.Id("before").Int(), jen.Id("pointer").String()).Bool().Block(
		jen.Return(jen.Len(jen.Id("misfits")).Op(">").Id("before").Op("&&").Id("misfits").Index(jen.Id("before")).Dot("Pointer").Op("==").Id("pointer")),
	)
	f.Comment("clientPointerEscape escapes a name as a JSON pointer token.")
	f.Var().Id("clientPointerEscape").Op("=").Qual(pkgStrings, "NewReplacer").Call(jen.Lit("~"), jen.Lit("~0"), jen.Lit("/"), jen.Lit("~1"))
	f.Comment("clientFieldCache maps a struct type to its fields by JSON name, built once per type.")
	f.Comment("A map under a lock rather than a sync.Map, whose generic insides would be compiled")
	f.Comment("into every generated package.")
	f.Var().Defs(
		jen.Id("clientFieldLock").Qual(clientPkgSync, "RWMutex"),
		jen.Id("clientFieldCache").Op("=").Map(jen.Qual(clientPkgReflect, "Type")).Map(jen.String()).Int().Values(),
	)
	f.Comment("clientFields maps the JSON names of a struct's fields, from their json tags, to")
	f.Comment("their indexes; each name also in lower case, for names that differ in case only.")
	f.Func().Id("clientFields").Params(jen.Id("t").Qual(clientPkgReflect, "Type")).Map(jen.String()).Int().Block(
		jen.Id("clientFieldLock").Dot("RLock").Call(),
		jen.List(jen.Id("known"), jen.Id("ok")).Op(":=").Id("clientFieldCache").Index(jen.Id("t")),
		jen.Id("clientFieldLock").Dot("RUnlock").Call(),
		jen.If(jen.Id("ok")).Block(jen.Return(jen.Id("known"))),
		jen.Id("fields").Op(":=").Map(jen.String()).Int().Values(),
		jen.Var().Id("names").Index().String(),
		jen.For(jen.Id("i").Op(":=").Range().Id("t").Dot("NumField").Call()).Block(
			jen.Id("field").Op(":=").Id("t").Dot("Field").Call(jen.Id("i")),
			jen.List(jen.Id("name"), jen.Id("_"), jen.Id("_")).Op(":=").Qual(pkgStrings, "Cut").Call(jen.Id("field").Dot("Tag").Dot("Get").Call(jen.Lit("json")), jen.Lit(",")),
			jen.If(jen.Op("!").Id("field").Dot("IsExported").Call().Op("||").Id("name").Op("==").Lit("-")).Block(jen.Continue()),
			jen.If(jen.Id("name").Op("==").Lit("")).Block(jen.Id("name").Op("=").Id("field").Dot("Name")),
			jen.Id("fields").Index(jen.Id("name")).Op("=").Id("i"),
			jen.Id("names").Op("=").Append(jen.Id("names"), jen.Id("name")),
		),
		jen.Comment("Of names that differ in case only, the first field takes the lower-case one,"),
		jen.Comment("as encoding/json matches the first field in order; fields, not a sort, give the order."),
		jen.For(jen.List(jen.Id("_"), jen.Id("name")).Op(":=").Range().Id("names")).Block(
			jen.If(jen.List(jen.Id("_"), jen.Id("taken")).Op(":=").Id("fields").Index(jen.Qual(pkgStrings, "ToLower").Call(jen.Id("name"))), jen.Op("!").Id("taken")).Block(
				jen.Id("fields").Index(jen.Qual(pkgStrings, "ToLower").Call(jen.Id("name"))).Op("=").Id("fields").Index(jen.Id("name")),
			),
		),
		jen.Id("clientFieldLock").Dot("Lock").Call(),
		jen.Id("clientFieldCache").Index(jen.Id("t")).Op("=").Id("fields"),
		jen.Id("clientFieldLock").Dot("Unlock").Call(),
		jen.Return(jen.Id("fields")),
	)
}
