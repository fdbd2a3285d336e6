package templates

import (
	"fmt"

	"github.com/dave/jennifer/jen"
	"github.com/seed-0d47db62/livegen/generator"
)

// The answers of a call are data: each operation names a table of its
// documented error answers (shared by the operations that document the same
// ones), and one generic function sends the call and decodes its success.

// clientErrorTable is the name of the table of an operation's documented
// error answers, declared before the first method that uses it; nil when
// the operation documents none.
func (g *clientGen) clientErrorTable(f *jen.File, op *generator.Operation) jen.Code {
	var rows []jen.Code
	add := func(status int, r *generator.Response) {
		body := jen.Nil()
		if r.Type != nil && !r.Raw {
			body = jen.Id("clientNew").Index(typeRef(r.Type))
		}
		row := jen.Values(jen.Lit(status), jen.Lit(r.Description), body)
		rows = append(rows, row)
	}
	for _, r := range clientErrorResponses(op) {
		status := r.Status
		if r.Range > 0 {
			status = r.Range
		}
		add(status, r)
	}
	if def := clientDefaultResponse(op); def != nil {
		add(0, def)
	}
	if len(rows) == 0 {
		return jen.Nil()
	}
	table := jen.Index().Id("clientError").ValuesFunc(func(v *jen.Group) {
		for _, row := range rows {
			v.Line().Add(row)
		}
		v.Line()
	})
	return g.clientShared(f, "clientErrorsOf"+op.Name, "are the documented error answers of "+op.Name+", and of every operation that documents the same.", table)
}

// clientShared declares, before the first method that uses it, a package
// variable holding value, and names it for every later operation with the same
// value: one table in the binary, and no literal built in every call.
func (g *clientGen) clientShared(f *jen.File, name, doc string, value *jen.Statement) jen.Code {
	key := fmt.Sprintf("%#v", value)
	if g.shared == nil {
		g.shared = map[string]string{}
	}
	if known, ok := g.shared[key]; ok {
		return jen.Id(known)
	}
	g.shared[key] = name
	f.Comment(name + " " + doc)
	f.Var().Id(name).Op("=").Add(value)
	return jen.Id(name)
}

// clientGenericAnswer is how a method with a single JSON result, or none,
// returns: through c.call, which decodes into a result made here; nil for
// the other methods, which render their own switch.
func clientGenericAnswer(op *generator.Operation, errors jen.Code) []jen.Code {
	if op.ResultType != "" || clientStreams(op) {
		return nil
	}
	call := func(into jen.Code) *jen.Statement {
		return jen.Id("c").Dot("call").Call(jen.Id("ctx"), jen.Id("s"), errors, into)
	}
	if len(op.Successes) == 0 || (len(op.Successes) == 1 && op.Successes[0].Type == nil) {
		return []jen.Code{jen.Return(call(jen.Nil()))}
	}
	r := op.Successes[0]
	if len(op.Successes) != 1 || r.Raw {
		return nil
	}
	result := "clientResult"
	if !r.ResultByPointer {
		result = "clientValue"
	}
	return []jen.Code{
		jen.Id("r").Op(":=").New(typeRef(r.Type)),
		jen.Return(jen.Id(result).Call(jen.Id("r"), call(jen.Id("r")))),
	}
}

// genClientAnswers renders the error table type and the generic answer
// functions.
func genClientAnswers(f *jen.File) {
	errs := jen.Id("errs").Index().Id("clientError")
	send := []jen.Code{
		jen.List(jen.Id("resp"), jen.Err()).Op(":=").Id("c").Dot("send").Call(jen.Id("ctx"), jen.Id("s")),
	}
	f.Comment("clientError is a documented error answer: its status, a range (4 is 4XX), or 0")
	f.Comment("for the spec's default answer; body makes the value that the error body is")
	f.Comment("decoded into (nil: the body is kept raw only).")
	f.Type().Id("clientError").Struct(
		jen.Id("status").Int(),
		jen.Id("description").String(),
		jen.Id("body").Func().Params().Any(),
	)
	f.Comment("clientNew makes the value an error body is decoded into.")
	f.Func().Id("clientNew").Types(jen.Id("T").Any()).Params().Any().Block(jen.Return(jen.New(jen.Id("T"))))
	f.Comment("failWith turns an answer into the *APIError of the first documented error answer")
	f.Comment("its status matches: an exact status, a range, then the default.")
	f.Func().Params(jen.Id("a").Op("*").Id("clientAnswer")).Id("failWith").Params(jen.Id("s").Op("*").Id("clientCall"), errs.Clone()).Op("*").Id("APIError").Block(
		jen.For(jen.List(jen.Id("_"), jen.Id("e")).Op(":=").Range().Id("errs")).Block(
			jen.If(jen.Id("e").Dot("status").Op("!=").Id("a").Dot("status").Op("&&").Id("e").Dot("status").Op("!=").Id("a").Dot("status").Op("/").Lit(100).Op("&&").Id("e").Dot("status").Op("!=").Lit(0)).Block(jen.Continue()),
			jen.Var().Id("body").Any(),
			jen.If(jen.Id("e").Dot("body").Op("!=").Nil()).Block(jen.Id("body").Op("=").Id("e").Dot("body").Call()),
			jen.Return(jen.Id("a").Dot("fail").Call(jen.Id("s"), jen.Id("e").Dot("description"), jen.Id("body"))),
		),
		jen.Return(jen.Id("a").Dot("fail").Call(jen.Id("s"), jen.Lit(""), jen.Nil())),
	)
	f.Comment("call sends a call and decodes a 2xx answer into result (nil: a success without")
	f.Comment("a result); any other status fails with its documented error answer.")
	f.Func().Params(jen.Id("c").Op("*").Id("Client")).Id("call").Params(clientCtxParam(), jen.Id("s").Op("*").Id("clientCall"), errs.Clone(), jen.Id("result").Any()).Error().Block(
		append(send,
			clientIfErr(jen.Err()),
			jen.If(jen.Id("resp").Dot("status").Op("/").Lit(100).Op("!=").Lit(2)).Block(jen.Return(jen.Id("resp").Dot("failWith").Call(jen.Id("s"), jen.Id("errs")))),
			jen.If(jen.Id("result").Op("==").Nil()).Block(jen.Return(jen.Nil())),
			jen.Return(jen.Id("resp").Dot("decode").Call(jen.Id("s"), jen.Id("result"))),
		)...,
	)
	f.Comment("clientResult is a method's result r, nil when the call failed.")
	f.Func().Id("clientResult").Types(jen.Id("P").Any()).Params(jen.Id("r").Id("P"), jen.Err().Error()).Params(jen.Id("P"), jen.Error()).Block(
		jen.If(jen.Err().Op("!=").Nil()).Block(jen.Var().Id("zero").Id("P"), jen.Return(jen.Id("zero"), jen.Err())),
		jen.Return(jen.Id("r"), jen.Nil()),
	)
	f.Comment("clientValue is the result that r points to, for a method that returns it by value.")
	f.Func().Id("clientValue").Types(jen.Id("T").Any()).Params(jen.Id("r").Op("*").Id("T"), jen.Err().Error()).Params(jen.Id("T"), jen.Error()).Block(
		jen.If(jen.Err().Op("!=").Nil()).Block(jen.Var().Id("zero").Id("T"), jen.Return(jen.Id("zero"), jen.Err())),
		jen.Return(jen.Op("*").Id("r"), jen.Nil()),
	)
}
