package generator

import (
	"net/http"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
)

// buildWebhooks builds the requests the API sends: the document's webhooks
// by name, then each operation's callbacks. They are operations without a
// path, named in the same set as the operations so that their Go names
// never collide.
func (b *builder) buildWebhooks(opNames *nameSet) {
	for _, name := range sortedKeys(b.doc.Webhooks) {
		b.buildWebhookItem(b.doc.Webhooks[name], pointer("webhooks", name), name, opNames)
	}
	for _, o := range b.api.Operations {
		item := b.doc.Paths.Value(o.Path)
		if item == nil || item.GetOperation(o.Method) == nil {
			continue
		}
		op := item.GetOperation(o.Method)
		for _, cb := range sortedKeys(op.Callbacks) {
			ref := op.Callbacks[cb]
			ptr := o.Pointer + "/callbacks/" + escapeToken(cb)
			if ref == nil || ref.Value == nil {
				b.warn(ptr, "the callback is empty or its $ref does not resolve; no receiver is generated for it")
				continue
			}
			items := ref.Value.Map()
			for _, expr := range sortedKeys(items) {
				b.buildWebhookItem(items[expr], ptr+"/"+escapeToken(expr), o.Name+" "+cb, opNames)
			}
		}
	}
}

// buildWebhookItem builds the operations of one webhook's path item.
func (b *builder) buildWebhookItem(item *openapi3.PathItem, ptr, name string, opNames *nameSet) {
	if item == nil {
		b.warn(ptr, "the webhook has no operation; no receiver is generated for it")
		return
	}
	for _, method := range methodOrder {
		op := item.GetOperation(method)
		if op == nil {
			continue
		}
		o := b.buildOperation("", method, item, op, opNames, ptr+"/"+strings.ToLower(method), name)
		o.Security, o.SecurityUnstated = nil, false // a sender signs its events; the API's schemes are the API's
		b.api.Webhooks = append(b.api.Webhooks, o)
	}
}

// webhookName is the Go name source of a webhook operation without an
// operationId: its name, with the method when it is not POST.
func webhookName(webhook, method string) string {
	if method == http.MethodPost {
		return webhook
	}
	return webhook + " " + strings.ToLower(method)
}
