package loader

import (
	"encoding/json"
	"fmt"
	"net/url"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
)

// x-webhooks is how OpenAPI 3.0 documents (Redocly's, Adyen's) wrote what
// 3.1 calls webhooks. kin-openapi keeps it as a raw extension; it is read
// here into T.Webhooks, after validation (which refuses webhooks before
// 3.1), so that the generator treats both spellings alike.

const xWebhooks = "x-webhooks"

// readXWebhooks moves a document's x-webhooks into T.Webhooks, with their
// $refs resolved. A document that has webhooks keeps them and ignores
// x-webhooks, with a warning. Pointers into webhooks are then located
// under /x-webhooks (see SourcePointer).
func (d *Document) readXWebhooks() *SpecError {
	raw, ok := d.T.Extensions[xWebhooks]
	if !ok {
		return nil
	}
	if len(d.T.Webhooks) > 0 {
		d.Warnings = append(d.Warnings, Warning{Pointer: "/" + xWebhooks, Message: "the document has both webhooks and x-webhooks; x-webhooks is ignored (merge it into webhooks)"})
		return nil
	}
	data, err := json.Marshal(raw)
	if err != nil {
		return &SpecError{File: d.File, Pointer: "/" + xWebhooks, Message: "cannot read x-webhooks: " + err.Error()}
	}
	var hooks map[string]*openapi3.PathItem
	if err := json.Unmarshal(data, &hooks); err != nil {
		return &SpecError{File: d.File, Pointer: "/" + xWebhooks, Message: fmt.Sprintf("x-webhooks must map webhook names to path items (%s); write each webhook as a path item with its operations", cleanKinError(err))}
	}
	// Resolve against a document that holds only the webhooks and the
	// already resolved components, so the rest is not walked again.
	part := &openapi3.T{OpenAPI: d.T.OpenAPI, Components: d.T.Components, Webhooks: hooks}
	var location *url.URL
	if d.path != "" {
		location = &url.URL{Path: d.path}
	}
	if err := d.newLoader().ResolveRefsIn(part, location); err != nil {
		return &SpecError{File: d.File, Pointer: "/" + xWebhooks, Message: "cannot resolve the $refs of x-webhooks: " + cleanKinError(err) + "; correct the reference"}
	}
	d.T.Webhooks = hooks
	d.xWebhooks = true
	return nil
}

// xWebhooksPointer is ptr in the terms of a document that spells webhooks
// x-webhooks.
func xWebhooksPointer(ptr string) string {
	if rest, ok := strings.CutPrefix(ptr, "/webhooks/"); ok {
		return "/" + xWebhooks + "/" + rest
	}
	return ptr
}
