package templates

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/dave/jennifer/jen"
	"github.com/seed-0d47db62/livegen/generator"
)

// Answers written without encoding/json's reflection.
//
// encoding/json calls a MarshalJSON method for every Nullable, time and
// rich-text value and then scans what it returned: most of the cost of an
// answer. The server instead writes the answer types with generated
// appendJSON methods, which produce the bytes encoding/json's Marshal
// produces (the generated packages' tests compare the two on random
// values) and hand anything unusual (maps, unions, floats, external types)
// to encoding/json, value by value.

// ServerEncode renders server_encode.gen.go: appendJSON for every struct an
// answer holds, and the writer that uses it. nil when no answer is such a
// struct.
func ServerEncode(api *generator.API) ([]byte, error) {
	types := encodedTypes(api)
	if len(types) == 0 {
		return nil, nil
	}
	f := newFile(api)
	genEncodeRuntime(f)
	for _, t := range api.Types {
		if types[t] {
			genAppendJSON(f, t)
		}
	}
	return render(f)
}

// appendable reports whether a named type gets an appendJSON method: a
// plain struct (no additional properties) whose names encoding/json takes
// as they are.
func appendable(t *generator.Type) bool {
	if t.Kind != generator.KindStruct || t.AdditionalProperties != nil {
		return false
	}
	for _, fl := range t.Fields {
		if fl.TagName != fl.JSONName { // the type has a MarshalJSON of its own
			return false
		}
	}
	return true
}

// answerAppendable reports whether an answer body is written with
// appendJSON: a struct that has it, or a list of them.
func answerAppendable(r *generator.TypeRef) bool {
	if r.Kind == generator.RefSlice {
		r = r.Elem
	}
	return r.Kind == generator.RefNamed && appendable(r.Named)
}

// encodedTypes are the appendable structs that answers reach.
func encodedTypes(api *generator.API) map[*generator.Type]bool {
	seen := map[*generator.Type]bool{}
	var visit func(r *generator.TypeRef)
	visit = func(r *generator.TypeRef) {
		for r.Kind == generator.RefSlice {
			r = r.Elem
		}
		if r.Kind != generator.RefNamed || seen[r.Named] || !appendable(r.Named) {
			return
		}
		seen[r.Named] = true
		for _, fl := range r.Named.Fields {
			visit(fl.Type)
		}
	}
	for _, o := range api.ServedOperations() {
		for _, r := range o.Responses {
			if r.Type != nil && r.JSON && answerAppendable(r.Type) {
				visit(r.Type)
			}
		}
	}
	return seen
}

// jsonKey is a member's name as encoding/json writes it, with the colon.
func jsonKey(name string) string {
	data, err := json.Marshal(name)
	if err != nil {
		panic(fmt.Sprintf("encoding the name %q: %v", name, err))
	}
	return string(data) + ":"
}

// keyLit is a member name as Go source, raw when it can be.
func keyLit(key string) jen.Code {
	if strings.ContainsAny(key, "`\r") {
		return jen.Lit(key)
	}
	return jen.Op("`" + key + "`")
}

func genEncodeRuntime(f *jen.File) {
	bytesOut := jen.Index().Byte()
	b := jen.Id("b").Index().Byte()
	f.Comment("jsonAppender is a type that writes its own JSON, as encoding/json's Marshal would.")
	f.Type().Id("jsonAppender").Interface(jen.Id("appendJSON").Params(b.Clone()).Params(bytesOut.Clone(), jen.Error()))

	f.Comment("jsonList writes a list of jsonAppenders; a nil list is null, as in encoding/json.")
	f.Type().Id("jsonList").Types(jen.Id("T").Id("jsonAppender")).Index().Id("T")
	f.Func().Params(jen.Id("l").Id("jsonList").Types(jen.Id("T"))).Id("appendJSON").Params(b.Clone()).Params(bytesOut.Clone(), jen.Error()).Block(
		jen.If(jen.Id("l").Op("==").Nil()).Block(jen.Return(jen.Append(jen.Id("b"), jen.Lit("null").Op("...")), jen.Nil())),
		jen.Id("b").Op("=").Append(jen.Id("b"), jen.LitRune('[')),
		jen.For(jen.List(jen.Id("i"), jen.Id("item")).Op(":=").Range().Id("l")).Block(
			jen.If(jen.Id("i").Op(">").Lit(0)).Block(jen.Id("b").Op("=").Append(jen.Id("b"), jen.LitRune(','))),
			jen.Var().Err().Error(),
			jen.If(jen.List(jen.Id("b"), jen.Err()).Op("=").Id("item").Dot("appendJSON").Call(jen.Id("b")), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Err())),
		),
		jen.Return(jen.Append(jen.Id("b"), jen.LitRune(']')), jen.Nil()),
	)

	f.Comment("serverBuffers keeps answer buffers between requests; very large ones are let go.")
	f.Var().Id("serverBuffers").Op("=").Qual(pkgSync, "Pool").Values(jen.Dict{
		jen.Id("New"): jen.Func().Params().Any().Block(
			jen.Id("b").Op(":=").Make(jen.Index().Byte(), jen.Lit(0), jen.Lit(4<<10)),
			jen.Return(jen.Op("&").Id("b")),
		),
	})
	f.Comment("serverWriteAppended writes a JSON answer with the body's appendJSON. Encoding comes")
	f.Comment("first, so that a value that cannot be encoded is an error before anything is sent.")
	f.Func().Id("serverWriteAppended").Types(jen.Id("T").Id("jsonAppender")).Params(writerParam(), jen.Id("status").Int(), jen.Id("contentType").String(), jen.Id("body").Id("T")).Error().Block(
		jen.Id("buf").Op(":=").Id("serverBuffers").Dot("Get").Call().Assert(jen.Op("*").Index().Byte()),
		jen.Defer().Func().Params().Block(
			jen.If(jen.Cap(jen.Op("*").Id("buf")).Op("<=").Lit(1<<20)).Block(jen.Id("serverBuffers").Dot("Put").Call(jen.Id("buf"))),
		).Call(),
		jen.List(jen.Id("data"), jen.Err()).Op(":=").Id("body").Dot("appendJSON").Call(jen.Parens(jen.Op("*").Id("buf")).Index(jen.Empty(), jen.Lit(0))),
		jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())),
		jen.Op("*").Id("buf").Op("=").Id("data"),
		jen.Return(jen.Id("serverWriteBytes").Call(jen.Id("w"), jen.Id("status"), jen.Id("contentType"), jen.Id("data"))),
	)

	f.Comment("appendJSONKey starts an object member: a comma unless it is the first one.")
	f.Func().Id("appendJSONKey").Params(b.Clone(), jen.Id("key").String()).Add(bytesOut.Clone()).Block(
		jen.If(jen.Id("b").Index(jen.Len(jen.Id("b")).Op("-").Lit(1)).Op("!=").LitRune('{')).Block(jen.Id("b").Op("=").Append(jen.Id("b"), jen.LitRune(','))),
		jen.Return(jen.Append(jen.Id("b"), jen.Id("key").Op("..."))),
	)

	f.Comment("appendJSONString writes s as encoding/json does: <, > and & escaped, invalid UTF-8")
	f.Comment("as U+FFFD, U+2028 and U+2029 escaped.")
	f.Func().Id("appendJSONString").Params(b.Clone(), jen.Id("s").String()).Add(bytesOut.Clone()).Block(
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

	f.Comment("appendJSONTime writes t as time.Time's MarshalJSON does.")
	f.Func().Id("appendJSONTime").Params(b.Clone(), jen.Id("t").Qual(pkgTime, "Time")).Params(bytesOut.Clone(), jen.Error()).Block(
		jen.Id("b").Op("=").Append(jen.Id("b"), jen.LitRune('"')),
		jen.List(jen.Id("b"), jen.Err()).Op(":=").Id("t").Dot("AppendText").Call(jen.Id("b")),
		jen.Return(jen.Append(jen.Id("b"), jen.LitRune('"')), jen.Err()),
	)

	f.Comment("appendJSONValue writes what appendJSON leaves to encoding/json.")
	f.Func().Id("appendJSONValue").Params(b.Clone(), jen.Id("v").Any()).Params(bytesOut.Clone(), jen.Error()).Block(
		jen.List(jen.Id("data"), jen.Err()).Op(":=").Qual(pkgJSON, "Marshal").Call(jen.Id("v")),
		jen.Return(jen.Append(jen.Id("b"), jen.Id("data").Op("...")), jen.Err()),
	)
}

// genAppendJSON renders the appendJSON method of one struct.
func genAppendJSON(f *jen.File, t *generator.Type) {
	f.Comment("appendJSON writes v as encoding/json's Marshal does.")
	f.Func().Params(jen.Id("v").Id(t.Name)).Id("appendJSON").Params(jen.Id("b").Index().Byte()).Params(jen.Index().Byte(), jen.Error()).BlockFunc(func(g *jen.Group) {
		g.Var().Err().Error()
		g.Id("b").Op("=").Append(jen.Id("b"), jen.LitRune('{'))
		for _, fl := range t.Fields {
			genAppendField(g, fl)
		}
		g.Return(jen.Append(jen.Id("b"), jen.LitRune('}')), jen.Err())
	})
}

// genAppendField writes one member, left out as its tag says.
func genAppendField(g *jen.Group, fl *generator.Field) {
	x := jen.Id("v").Dot(fl.Name)
	key := jen.Id("b").Op("=").Id("appendJSONKey").Call(jen.Id("b"), keyLit(jsonKey(fl.JSONName)))
	null := jen.Id("b").Op("=").Append(jen.Id("b"), jen.Lit("null").Op("..."))
	switch fl.Shape() {
	case generator.ShapePointer:
		present := func(g *jen.Group) { appendValue(g, fl.Type, deref(x), 0) }
		if fl.Required {
			g.Add(key)
			g.If(x.Clone().Op("==").Nil()).Block(null).Else().BlockFunc(present)
		} else {
			g.If(x.Clone().Op("!=").Nil()).BlockFunc(func(g *jen.Group) {
				g.Add(key)
				present(g)
			})
		}
	case generator.ShapeNullable:
		g.If(x.Clone().Dot("set")).BlockFunc(func(g *jen.Group) {
			g.Add(key)
			value := x.Clone().Dot("value")
			g.If(x.Clone().Dot("null")).Block(null).Else().BlockFunc(func(g *jen.Group) {
				if fl.Recursive {
					g.If(value.Clone().Op("==").Nil()).Block(null).Else().BlockFunc(func(g *jen.Group) {
						appendValue(g, fl.Type, deref(value), 0)
					})
					return
				}
				appendValue(g, fl.Type, valueOf(value), 0)
			})
		})
	case generator.ShapeOmitZero:
		g.If(x.Clone().Op("!=").Nil()).BlockFunc(func(g *jen.Group) {
			g.Add(key)
			appendValue(g, fl.Type, operand{x: x, notNil: true}, 0)
		})
	default:
		if !fl.Required && fl.Type.Kind == generator.RefAny { // omitempty
			g.If(x.Clone().Op("!=").Nil()).BlockFunc(func(g *jen.Group) {
				g.Add(key)
				appendValue(g, fl.Type, valueOf(x), 0)
			})
			return
		}
		g.Add(key)
		appendValue(g, fl.Type, valueOf(x), 0)
	}
}

// operand is the Go expression of a value being written: x, or *x when
// x is a pointer that was checked.
type operand struct {
	x      *jen.Statement
	deref  bool
	notNil bool // a slice already known not to be nil
}

func valueOf(x *jen.Statement) operand { return operand{x: x} }
func deref(x *jen.Statement) operand   { return operand{x: x, deref: true} }

// expr is the value as an argument.
func (o operand) expr() *jen.Statement {
	if o.deref {
		return jen.Op("*").Add(o.x.Clone())
	}
	return o.x.Clone()
}

// base is the value before a selector or an index.
func (o operand) base() *jen.Statement {
	if o.deref {
		return jen.Parens(o.expr())
	}
	return o.x.Clone()
}

// appendValue writes o, a value of r's Go type; depth names loop variables.
func appendValue(g *jen.Group, r *generator.TypeRef, o operand, depth int) {
	b := jen.Id("b")
	assign := func(call jen.Code) { g.Id("b").Op("=").Add(call) }
	fallible := func(call jen.Code) {
		g.If(jen.List(jen.Id("b"), jen.Err()).Op("=").Add(call), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Err()))
	}
	switch r.Kind {
	case generator.RefString:
		assign(jen.Id("appendJSONString").Call(b, o.expr()))
	case generator.RefInt, generator.RefInt32, generator.RefInt64:
		assign(jen.Qual(pkgStrconv, "AppendInt").Call(b, jen.Int64().Call(o.expr()), jen.Lit(10)))
	case generator.RefBool:
		assign(jen.Qual(pkgStrconv, "AppendBool").Call(b, o.expr()))
	case generator.RefTime:
		fallible(jen.Id("appendJSONTime").Call(b, o.expr()))
	case generator.RefSlice:
		i := fmt.Sprintf("i%d", depth)
		items := func(g *jen.Group) {
			g.Id("b").Op("=").Append(jen.Id("b"), jen.LitRune('['))
			g.For(jen.Id(i).Op(":=").Range().Add(o.expr())).BlockFunc(func(g *jen.Group) {
				g.If(jen.Id(i).Op(">").Lit(0)).Block(jen.Id("b").Op("=").Append(jen.Id("b"), jen.LitRune(',')))
				appendValue(g, r.Elem, valueOf(o.base().Index(jen.Id(i))), depth+1)
			})
			g.Id("b").Op("=").Append(jen.Id("b"), jen.LitRune(']'))
		}
		if o.notNil {
			items(g)
			return
		}
		g.If(o.expr().Op("==").Nil()).Block(jen.Id("b").Op("=").Append(b, jen.Lit("null").Op("..."))).Else().BlockFunc(items)
	case generator.RefNamed:
		t := r.Named
		switch {
		case appendable(t):
			fallible(o.base().Dot("appendJSON").Call(b))
		case t.Kind == generator.KindEnum && t.Enum.Base == generator.RefString:
			assign(jen.Id("appendJSONString").Call(b, jen.String().Call(o.expr())))
		case t.Kind == generator.KindEnum && (t.Enum.Base == generator.RefInt || t.Enum.Base == generator.RefInt32 || t.Enum.Base == generator.RefInt64):
			assign(jen.Qual(pkgStrconv, "AppendInt").Call(b, jen.Int64().Call(o.expr()), jen.Lit(10)))
		default:
			fallible(jen.Id("appendJSONValue").Call(b, o.expr()))
		}
	default: // floats, bytes, maps, any, raw JSON and external types
		fallible(jen.Id("appendJSONValue").Call(b, o.expr()))
	}
}
