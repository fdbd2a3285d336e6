package templates

import (
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
	var rows []jen.Dict
	add := func(status int, r *generator.Response) {
		row := jen.Dict{jen.Id("Status"): jen.Lit(status)}
		if r.Description != "" {
			row[jen.Id("Description")] = jen.Lit(r.Description)
		}
		if r.Type != nil && !r.Raw {
			row[jen.Id("Body")] = jen.Id("clientNew").Index(typeRef(r.Type))
		}
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
	table := jen.Index().Add(rt("ClientError")).ValuesFunc(func(v *jen.Group) {
		for _, row := range rows {
			v.Line().Values(row)
		}
		v.Line()
	})
	return g.clientShared(f, "clientErrorsOf"+op.Name, "are the documented error answers of "+op.Name+", and of every operation that documents the same.", table)
}

// clientShared declares, before the first method that uses it, a package
// variable holding value, and names it for every later operation with the same
// value: one table in the binary, and no literal built in every call.
func (g *clientGen) clientShared(f *jen.File, name, doc string, value *jen.Statement) jen.Code {
	key := codeKey(value)
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
// returns: through the engine's Call, which decodes into a result made here; nil for
// the other methods, which render their own switch.
func clientGenericAnswer(op *generator.Operation, errors jen.Code) []jen.Code {
	if op.ResultType != "" || clientStreams(op) {
		return nil
	}
	call := func(into jen.Code) *jen.Statement {
		return jen.Id("c").Dot("engine").Dot("Call").Call(jen.Id("ctx"), jen.Id("s"), errors, into)
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

// genClientAnswers renders the error table type and the answer functions:
// the generic ones in the generated package f, the others in the runtime r.
func genClientAnswers(f, r *jen.File) {
	errs := jen.Id("errs").Index().Id("ClientError")
	r.Comment("ClientError is a documented error answer: its status, a range (4 is 4XX), or 0")
	r.Comment("for the spec's default answer; Body makes the value that the error body is")
	r.Comment("decoded into (nil: the body is kept raw only).")
	r.Type().Id("ClientError").Struct(
		jen.Id("Status").Int(),
		jen.Id("Description").String(),
		jen.Id("Body").Func().Params().Any(),
	)
	f.Comment("clientNew makes the value an error body is decoded into.")
	f.Func().Id("clientNew").Types(jen.Id("T").Any()).Params().Any().Block(jen.Return(jen.New(jen.Id("T"))))
	r.Comment("FailWith turns an answer into the *APIError of the first documented error answer")
	r.Comment("its status matches: an exact status, a range, then the default.")
	r.Func().Params(jen.Id("a").Op("*").Id("ClientAnswer")).Id("FailWith").Params(jen.Id("s").Op("*").Id("ClientCall"), errs.Clone()).Op("*").Id("APIError").Block(
		jen.For(jen.List(jen.Id("_"), jen.Id("e")).Op(":=").Range().Id("errs")).Block(
			jen.If(jen.Id("e").Dot("Status").Op("!=").Id("a").Dot("Status").Op("&&").Id("e").Dot("Status").Op("!=").Id("a").Dot("Status").Op("/").Lit(100).Op("&&").Id("e").Dot("Status").Op("!=").Lit(0)).Block(jen.Continue()),
			jen.Var().Id("body").Any(),
			jen.If(jen.Id("e").Dot("Body").Op("!=").Nil()).Block(jen.Id("body").Op("=").Id("e").Dot("Body").Call()),
			jen.Return(jen.Id("a").Dot("Fail").Call(jen.Id("s"), jen.Id("e").Dot("Description"), jen.Id("body"))),
		),
		jen.Return(jen.Id("a").Dot("Fail").Call(jen.Id("s"), jen.Lit(""), jen.Nil())),
	)
	r.Comment("Call sends a call and decodes a 2xx answer into result (nil: a success without")
	r.Comment("a result); any other status fails with its documented error answer.")
	r.Func().Params(jen.Id("c").Op("*").Id("ClientEngine")).Id("Call").Params(clientCtxParam(), jen.Id("s").Op("*").Id("ClientCall"), errs.Clone(), jen.Id("result").Any()).Error().Block(
		jen.List(jen.Id("resp"), jen.Err()).Op(":=").Id("c").Dot("Send").Call(jen.Id("ctx"), jen.Id("s")),
		clientIfErr(jen.Err()),
		jen.If(jen.Id("resp").Dot("Status").Op("/").Lit(100).Op("!=").Lit(2)).Block(jen.Return(jen.Id("resp").Dot("FailWith").Call(jen.Id("s"), jen.Id("errs")))),
		jen.If(jen.Id("result").Op("==").Nil()).Block(jen.Return(jen.Nil())),
		jen.Return(jen.Id("resp").Dot("Decode").Call(jen.Id("s"), jen.Id("result"))),
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
