package templates

import (
	"github.com/dave/jennifer/jen"
	"github.com/seed-0d47db62/livegen/generator"
)

// genClientBodyMethods renders the methods of an operation that takes
// several kinds of body: the operation's own method for the preferred body,
// one <Operation>With<Variant> per other kind, each a thin call of one
// shared method that sets the body through the function it is given.
func (g *clientGen) genClientBodyMethods(f *jen.File, op *generator.Operation) {
	shared := "send" + op.Name
	for _, body := range append([]*generator.RequestBody{op.Body}, op.Body.ClientAlternates()...) {
		name, text := op.Name, clientMethodDoc(op)
		if body.Variant != "" {
			name = body.ClientMethod
			text = name + " is " + op.Name + " with the body sent as " + body.ContentType + "."
			if body.Kind == generator.BodyBinary {
				text += " " + clientStreamBodyNote
			}
		}
		setBody := jen.Func().Params(jen.Id("s").Op("*").Add(rt("ClientCall"))).BlockFunc(func(b *jen.Group) { g.encodeBody(b, body) })
		f.Add(declDoc(name, text).Func().Params(jen.Id("c").Op("*").Id("Client")).Id(name).
			Params(g.clientParamsWithBody(op, jen.Id("body").Add(clientBodyType(body)))...).Add(clientMethodResults(op)).
			Block(jen.Return(jen.Id("c").Dot(shared).Call(clientCallArgs(op, jen.Id("params"), setBody)...))))
	}
	g.bodyFromSetter = true
	defer func() { g.bodyFromSetter = false }()
	g.genClientCall(f, op, shared, shared+" sends "+op.Name+" with the body that setBody sets, and reads its answer.",
		g.clientParamsWithBody(op, jen.Id("setBody").Func().Params(jen.Op("*").Add(rt("ClientCall")))))
}

// clientParamsWithBody are an operation's method parameters with body as
// the body parameter.
func (g *clientGen) clientParamsWithBody(op *generator.Operation, body jen.Code) []jen.Code {
	params := g.clientMethodParams(op)
	at := 1 + len(op.PathParams)
	if op.ParamsType != "" {
		at++
	}
	params[at] = body
	return params
}
