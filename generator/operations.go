package generator

import (
	"net/http"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
)

// methodOrder is the order of operations within one path, as the OpenAPI
// path item lists them.
var methodOrder = []string{
	http.MethodGet, http.MethodPut, http.MethodPost, http.MethodDelete,
	http.MethodOptions, http.MethodHead, http.MethodPatch, http.MethodTrace,
}

var pathParamPattern = regexp.MustCompile(`\{([^{}]+)\}`)

func (b *builder) buildOperations() {
	opNames := newNameSet()
	defer b.buildWebhooks(opNames)
	if b.doc.Paths == nil {
		return
	}
	paths := b.doc.Paths.Map()
	for _, path := range sortedKeys(paths) {
		item := paths[path]
		if item == nil {
			b.fail(pointer("paths", path), "the path item is null; give it at least one operation or remove it")
			continue
		}
		for _, method := range methodOrder {
			op := item.GetOperation(method)
			if op == nil {
				continue
			}
			o := b.buildOperation(path, method, item, op, opNames, pointer("paths", path, strings.ToLower(method)), "")
			b.api.Operations = append(b.api.Operations, o)
		}
	}
}

// buildOperation builds the operation at ptr; webhook is the name of the
// webhook or callback it receives, empty for an operation of paths.
func (b *builder) buildOperation(path, method string, item *openapi3.PathItem, op *openapi3.Operation, opNames *nameSet, ptr, webhook string) *Operation {
	o := &Operation{
		Webhook:     webhook,
		ID:          op.OperationID,
		Method:      method,
		Path:        path,
		Summary:     strings.TrimSpace(op.Summary),
		Description: strings.TrimSpace(op.Description),
		Deprecated:  op.Deprecated,
		Tags:        op.Tags,
		Pointer:     ptr,
	}
	goName := op.OperationID
	if goName == "" && webhook != "" {
		goName = webhookName(webhook, method)
		o.ID = goName
	}
	if goName == "" {
		// "/" and braces are separators here, not words ("Or").
		goName = strings.ToLower(method) + " " + strings.NewReplacer("/", " ", "{", " ", "}", " ").Replace(path)
		o.ID = goName
	}
	goName = b.goName(ptr, op.Extensions, goName)
	name := GoName(goName)
	if opNames.taken(name) {
		b.warn(ptr, "operation name %s is taken by another operation; this one is named %s", name, opNames.claim(name))
		name = opNames.claimLast()
	} else {
		opNames.claim(name)
	}
	o.Name = name
	b.buildParams(o, item, op, ptr)
	b.buildRequestBody(o, op, ptr)
	b.buildResponses(o, op, ptr)
	o.Security = b.operationSecurity(op)
	o.SecurityUnstated = op.Security == nil && b.doc.Security == nil && len(b.schemes) > 0
	b.buildFilter(o)
	if webhook == "" {
		b.detectPagination(o, op.Extensions)
		b.detectBulk(o)
	}
	b.nameClientTypes(o)
	b.nameServerTypes(o)
	return o
}

func (b *builder) buildParams(o *Operation, item *openapi3.PathItem, op *openapi3.Operation, ptr string) {
	type located struct {
		ref *openapi3.ParameterRef
		ptr string
	}
	// Operation parameters override path-level ones with the same name and location.
	byKey := map[string]located{}
	var order []string
	add := func(params openapi3.Parameters, base string) {
		for i, pr := range params {
			p := base + "/parameters/" + strconv.Itoa(i)
			if pr == nil || pr.Value == nil {
				b.fail(p, "the parameter is null or its $ref does not resolve; declare it or remove it")
				continue
			}
			key := pr.Value.In + ":" + pr.Value.Name
			if _, ok := byKey[key]; !ok {
				order = append(order, key)
			}
			byKey[key] = located{pr, p}
		}
	}
	add(item.Parameters, ptr[:strings.LastIndex(ptr, "/")])
	add(op.Parameters, ptr)

	names := newNameSet(FilterField) // the params struct keeps this name for the filter
	pathNames := pathParamPattern.FindAllStringSubmatch(o.Path, -1)
	declared := map[string]bool{}
	for _, key := range order {
		l := byKey[key]
		pv := l.ref.Value
		if pv.In == openapi3.ParameterInPath {
			declared[pv.Name] = true // built below, in the template's order
			continue
		}
		param := b.param(pv, o, l.ptr, names)
		switch pv.In {
		case openapi3.ParameterInQuery:
			o.QueryParams = append(o.QueryParams, param)
		case openapi3.ParameterInHeader:
			o.HeaderParams = append(o.HeaderParams, param)
		case openapi3.ParameterInCookie:
			o.CookieParams = append(o.CookieParams, param)
		default:
			b.fail(l.ptr+"/in", "parameter %q has unknown location %q; use path, query, header or cookie", pv.Name, pv.In)
		}
	}
	// Path parameters follow the template's order; undeclared ones become
	// required strings, as lenient readers of real specs expect.
	locals := newNameSet("ctx", "params", "body", "opts", "c", "s", "r", "w", "req", "resp", "err")
	for _, m := range pathNames {
		name := m[1]
		var param *Param
		if l, ok := byKey[openapi3.ParameterInPath+":"+name]; ok {
			param = b.param(l.ref.Value, o, l.ptr, names)
		} else {
			b.warn(o.Pointer, "path parameter {%s} is not declared; it is typed as a required string", name)
			param = &Param{Name: name, GoName: names.claim(GoName(name)), In: "path", Required: true, Type: &TypeRef{Kind: RefString}, Style: "simple", Pointer: o.Pointer}
		}
		param.Required = true
		param.LocalName = locals.claim(goLocalName(name))
		o.PathParams = append(o.PathParams, param)
		delete(declared, name)
	}
	for _, name := range sortedKeys(declared) {
		b.warn(o.Pointer, "path parameter %q is declared but not in the path template %s; it is ignored", name, o.Path)
	}
	if len(o.QueryParams)+len(o.HeaderParams)+len(o.CookieParams) > 0 {
		o.ParamsType = b.typeName(o.Name + "Params")
	}
}

func (b *builder) param(pv *openapi3.Parameter, o *Operation, ptr string, names *nameSet) *Param {
	goName := b.goName(ptr, pv.Extensions, pv.Name)
	p := &Param{
		Name:       pv.Name,
		GoName:     names.claim(GoName(goName)),
		In:         pv.In,
		Doc:        strings.TrimSpace(pv.Description),
		Required:   pv.Required,
		Style:      pv.Style,
		Pointer:    ptr,
		Extensions: pv.Extensions,
	}
	if p.Style == "" {
		if pv.In == openapi3.ParameterInQuery || pv.In == openapi3.ParameterInCookie {
			p.Style = "form"
		} else {
			p.Style = "simple"
		}
	}
	if pv.Explode != nil {
		p.Explode = *pv.Explode
	} else {
		p.Explode = p.Style == "form"
	}
	ctx := o.Name + GoName(goName)
	switch {
	case pv.Schema != nil:
		p.Type = b.ref(pv.Schema, ctx, ptr+"/schema")
		if pv.Schema.Value != nil && p.Doc == "" {
			p.Doc = schemaDoc(pv.Schema.Value)
		}
		if unaliasRef(p.Type).Kind == RefAny {
			// A value without a type is text on the wire (Cloudflare's
			// account ids are `schema: {}`), and reads back as text.
			b.note(ptr+"/schema", "parameter %q has no type; it is typed as a string", pv.Name)
			p.Type = &TypeRef{Kind: RefString}
		}
		if t := unaliasRef(p.Type); p.In != "query" && t.Kind == RefMap && unaliasRef(t.Elem).Kind == RefAny {
			// An object that declares no members outside the query has no
			// style to nest by; Mastodon's Idempotency-Key is such an
			// "object" whose description asks for any string.
			b.note(ptr+"/schema", "parameter %q is an object without members in the %s; it is typed as a string, its text", pv.Name, p.In)
			p.Type = &TypeRef{Kind: RefString}
		}
		if t := unaliasRef(p.Type); t.Kind == RefSlice && unaliasRef(t.Elem).Kind == RefAny {
			// Items without a type are text, as a parameter without one is.
			b.note(ptr+"/schema", "parameter %q has items without a type; they are typed as strings", pv.Name)
			p.Type = &TypeRef{Kind: RefSlice, Elem: &TypeRef{Kind: RefString}}
		}
	case len(pv.Content) > 0 && isJSON(sortedKeys(pv.Content)[0]) && firstMediaType(pv.Content) != nil && firstMediaType(pv.Content).Schema != nil:
		// JSON by definition: written as JSON text, whatever the shape.
		p.ContentJSON = true
		p.Type = b.ref(firstMediaType(pv.Content).Schema, ctx, ptr+"/content/"+escapeToken(sortedKeys(pv.Content)[0])+"/schema")
	case len(pv.Content) > 0:
		mt := firstMediaType(pv.Content)
		if mt != nil && mt.Schema != nil {
			p.Type = b.ref(mt.Schema, ctx, ptr+"/content")
		} else {
			p.Type = &TypeRef{Kind: RefString}
		}
		if key := sortedKeys(pv.Content)[0]; !strings.HasPrefix(key, "text/") || unaliasRef(p.Type).Kind != RefString {
			// text/plain of a string is the parameter's text as it is; other
			// media types livegen does not write.
			b.warn(ptr+"/content", "parameter %q has content %s instead of a schema; it is sent as a string", pv.Name, key)
		}
		if p.Type.Kind != RefString {
			p.Type = &TypeRef{Kind: RefString}
		}
	default:
		b.warn(ptr, "parameter %q has neither schema nor content; it is typed as a string", pv.Name)
		p.Type = &TypeRef{Kind: RefString}
	}
	return p
}

func firstMediaType(c openapi3.Content) *openapi3.MediaType {
	keys := sortedKeys(c)
	if len(keys) == 0 {
		return nil
	}
	return c[keys[0]]
}

// pickContent chooses the media type the generated code speaks: JSON when
// offered, otherwise the first one by name.
func pickContent(c openapi3.Content) (string, *openapi3.MediaType) {
	keys := sortedKeys(c)
	for _, k := range keys {
		if isJSON(k) {
			return k, c[k]
		}
	}
	if len(keys) == 0 {
		return "", nil
	}
	return keys[0], c[keys[0]]
}

func isJSON(contentType string) bool {
	ct := strings.ToLower(strings.TrimSpace(strings.SplitN(contentType, ";", 2)[0]))
	return ct == "application/json" || strings.HasSuffix(ct, "+json")
}

func (b *builder) buildRequestBody(o *Operation, op *openapi3.Operation, ptr string) {
	if op.RequestBody == nil {
		return
	}
	if op.RequestBody.Value == nil {
		b.fail(ptr+"/requestBody", "the request body is null or its $ref does not resolve")
		return
	}
	rb := op.RequestBody.Value
	ct, mt := pickContent(rb.Content)
	body := &RequestBody{
		ContentType: ct,
		Required:    rb.Required,
		Doc:         strings.TrimSpace(rb.Description),
		JSON:        isJSON(ct),
		ServerField: ServerBodyField,
	}
	if ct == "" {
		b.warn(ptr+"/requestBody", "the request body declares no content; it is ignored")
		return
	}
	bptr := ptr + "/requestBody/content/" + escapeToken(ct)
	body.Kind = bodyKind(ct, mt)
	b.typeBody(body, mt, o.Name+"RequestBody", bptr)
	body.Alternates = b.alternateBodies(o, rb, ct, body, ptr+"/requestBody/content/")
	o.Body = body
}

func (b *builder) buildResponses(o *Operation, op *openapi3.Operation, ptr string) {
	if op.Responses == nil {
		return
	}
	m := op.Responses.Map()
	for _, code := range sortedKeys(m) {
		rr := m[code]
		rptr := ptr + "/responses/" + escapeToken(code)
		if rr == nil || rr.Value == nil {
			b.fail(rptr, "the response is null or its $ref does not resolve")
			continue
		}
		r := &Response{}
		switch {
		case code == "default":
			r.Default = true
		case len(code) == 3 && strings.HasSuffix(strings.ToUpper(code), "XX") && code[0] >= '1' && code[0] <= '5':
			r.Range = int(code[0] - '0')
		default:
			n, err := strconv.Atoi(code)
			if err != nil || n < 100 || n > 599 {
				b.fail(rptr, "%q is not an HTTP status code; use 100-599, 1XX-5XX or default", code)
				continue
			}
			r.Status = n
		}
		if rr.Value.Description != nil {
			r.Description = strings.TrimSpace(*rr.Value.Description)
		}
		r.Name = o.Name + goNamePart(r.StatusText())
		ct, mt := pickContent(rr.Value.Content)
		r.ContentType, r.JSON = ct, isJSON(ct)
		if ct != "" {
			cptr := rptr + "/content/" + escapeToken(ct)
			r.Kind = bodyKind(ct, mt)
			switch {
			case r.Kind == BodyBinary:
				r.Type = &TypeRef{Kind: RefBytes, Note: streamNote}
			case r.Kind == BodyText:
				r.Type = &TypeRef{Kind: RefString}
			case mt == nil || mt.Schema == nil:
				r.Type = &TypeRef{Kind: RefBytes}
			case r.JSON:
				r.Type = b.ref(mt.Schema, o.Name+goNamePart(r.StatusText())+"ResponseBody", cptr+"/schema")
			default:
				r.Type = &TypeRef{Kind: RefBytes, Note: "The body is raw bytes in " + ct + ", which livegen does not decode."}
			}
		}
		r.Stream = b.buildStream(o, r, rr.Value.Content, rptr)
		for _, h := range sortedKeys(rr.Value.Headers) {
			hr := rr.Value.Headers[h]
			if hr == nil || hr.Value == nil || strings.EqualFold(h, "Content-Type") {
				continue
			}
			hp := &Param{Name: h, GoName: GoName(h), In: "header", Doc: strings.TrimSpace(hr.Value.Description), Required: hr.Value.Required, Style: "simple"}
			if hr.Value.Schema != nil {
				hp.Type = b.ref(hr.Value.Schema, r.Name+GoName(h)+"Header", rptr+"/headers/"+escapeToken(h)+"/schema")
			} else {
				hp.Type = &TypeRef{Kind: RefString}
			}
			r.Headers = append(r.Headers, hp)
		}
		o.Responses = append(o.Responses, r)
	}
	sort.SliceStable(o.Responses, func(i, j int) bool { return responseRank(o.Responses[i]) < responseRank(o.Responses[j]) })
}

func responseRank(r *Response) int {
	switch {
	case r.Default:
		return 10000
	case r.Range > 0:
		return 1000 + r.Range
	default:
		return r.Status
	}
}
