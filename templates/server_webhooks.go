package templates

import (
	"github.com/dave/jennifer/jen"
	"github.com/seed-0d47db62/livegen/generator"
)

// webhooksInterface is what a receiver of the API's webhooks implements.
const webhooksInterface = "Webhooks"

// implField is the handler field whose method an operation calls: the
// Server, or the Webhooks of a receiver.
func implField(o *generator.Operation) string {
	if o.Webhook != "" {
		return "hooks"
	}
	return "impl"
}

// webhooksField is the handler's Webhooks field, when the API has webhooks.
func webhooksField(api *generator.API) jen.Code {
	if len(api.Webhooks) == 0 {
		return jen.Null()
	}
	return jen.Id("hooks").Id(webhooksInterface)
}

// genWebhookReceiver renders the Webhooks interface and WebhookReceiver,
// whose handlers serve one webhook each with the server's machinery: the
// operation's handler method decodes and validates, answers 400 listing the
// problems, and writes the answer the Webhooks method returns.
func genWebhookReceiver(f *jen.File, api *generator.API) {
	if len(api.Webhooks) == 0 {
		return
	}
	f.Comment(webhooksInterface + " is what a receiver of the webhooks and callbacks that " + orDefault(api.Title, "the API"))
	f.Comment("sends implements, one method per event. A WebhookReceiver decodes and validates each")
	f.Comment("request before it calls a method, and writes the answer the method returns.")
	f.Type().Id(webhooksInterface).InterfaceFunc(func(g *jen.Group) {
		for _, o := range api.Webhooks {
			g.Add(doc(operationDoc(o))).Id(o.Name).Params(jen.Id("ctx").Qual(pkgContext, "Context"), jen.Id("in").Id(o.ServerInput)).
				Params(jen.Id(o.ServerOutput), jen.Error())
		}
	})
	f.Comment("WebhookReceiver makes an http.Handler per webhook, to mount at the URL the sender")
	f.Comment("posts that event to. Each handler answers as NewHandler's do: 415 and 413 for the")
	f.Comment("body's type and size, 400 listing every problem of the event, 405 for another")
	f.Comment("method, and the documented answer the Webhooks method returns.")
	f.Type().Id("WebhookReceiver").Struct(
		jen.Id("impl").Id(webhooksInterface),
		jen.Id("opts").Index().Id("HandlerOption"),
	)
	f.Comment("NewWebhookReceiver returns a receiver that hands each valid event to impl; opts are")
	f.Comment("NewHandler's.")
	f.Func().Id("NewWebhookReceiver").Params(jen.Id("impl").Id(webhooksInterface), jen.Id("opts").Op("...").Id("HandlerOption")).
		Op("*").Id("WebhookReceiver").Block(
		jen.Return(jen.Op("&").Id("WebhookReceiver").Values(jen.Dict{jen.Id("impl"): jen.Id("impl"), jen.Id("opts"): jen.Id("opts")})),
	)
	f.Comment("handler is a handler of the receiver's options serving nothing yet: a webhook's")
	f.Comment("operation is routed to it with handle.")
	f.Func().Params(jen.Id("r").Op("*").Id("WebhookReceiver")).Id("handler").Params().Op("*").Id(srvHandler).Block(
		jen.Id("h").Op(":=").Id("newServerHandler").Call(jen.Id("r").Dot("opts")),
		jen.Id("h").Dot("hooks").Op("=").Id("r").Dot("impl"),
		jen.Return(jen.Id("h")),
	)
	for _, o := range api.Webhooks {
		f.Commentf("%s is the http.Handler receiving the webhook %s (%s), at any path.", o.Name, o.Webhook, o.Method)
		f.Func().Params(jen.Id("r").Op("*").Id("WebhookReceiver")).Id(o.Name).Params().Qual(pkgHTTP, "Handler").Block(
			jen.Id("h").Op(":=").Id("r").Dot("handler").Call(),
			jen.Id("h").Dot("handle").Call(jen.Id(operationVar(o)), serveExpr(o)),
			jen.Return(jen.Id("h")),
		)
	}
}
