package generator

import (
	"net/http"
	"strconv"
)

// Fixed field names of the server's input and answer types. Path
// parameters and response headers that would take one get a suffix.
const (
	ServerParamsField = "Params" // the operation's ParamsType
	ServerBodyField   = "Body"   // the decoded request body, or the answer's body
	ServerStatusField = "Status" // the status code of a range or default answer
	ServerEventsField = "Events" // the events of an answer that streams
)

// nameServerTypes decides the server-side Go names of an operation: its
// input struct, the sealed interface of its answers with one type per
// documented response, the input's fields, and how http.ServeMux routes it.
func (b *builder) nameServerTypes(o *Operation) {
	o.ServerInput = b.typeName(o.Name + "Input")
	o.ServerOutput = b.typeName(o.Name + "Output")
	o.ServerHandler = "serve" + o.Name
	fields := newNameSet(ServerParamsField, ServerBodyField, ServerBodyField+"ContentType")
	if o.Body != nil {
		for _, alt := range o.Body.Alternates {
			if alt.ServerField != ServerBodyField {
				alt.ServerField = fields.claim(alt.ServerField)
			}
		}
	}
	for _, p := range o.PathParams {
		o.ServerPathFields = append(o.ServerPathFields, fields.claim(pathFieldName(p)))
	}
	for _, r := range o.Responses {
		r.ServerName = b.typeName(o.Name + responseWord(r))
		headers := newNameSet(ServerBodyField, ServerStatusField, ServerEventsField)
		for _, h := range r.Headers {
			r.ServerHeaderFields = append(r.ServerHeaderFields, headers.claim(h.GoName))
		}
	}
	if o.Webhook == "" {
		b.routeOperation(o)
	} else {
		o.ServerPattern = o.Method + " /" // a receiver's handler serves one webhook at any path
	}
	b.warnServerValidation(o)
}

// responseWord names an answer after its status text (200 → OK, 404 →
// NotFound), so that an implementation reads `return GetLiveNotFound{}`.
// A code without text is Status299, a range Status4XX, default Default.
func responseWord(r *Response) string {
	switch {
	case r.Default:
		return "Default"
	case r.Range > 0:
		return "Status" + r.StatusText()
	}
	if text := http.StatusText(r.Status); text != "" {
		return GoName(text)
	}
	return "Status" + strconv.Itoa(r.Status)
}

// pathFieldName is the Go name of a path parameter's field: its x-go-name,
// or its name. (Param.GoName of a path parameter may carry a numeric suffix
// because buildParams names path parameters twice.)
func pathFieldName(p *Param) string {
	if n := stringExtension(p.Extensions, "x-go-name"); n != "" {
		return GoName(n)
	}
	return GoName(p.Name)
}
