package generator

import (
	"net/http"
	"strconv"
)

// clientLocalNames are the identifiers that generated client methods declare
// or use besides their path parameters; the local variables that the model
// names (Pagination.Locals, ChunkSizeVar) must differ from them too.
var clientLocalNames = []string{"ctx", "params", "body", "opts", "c", "s", "r", "w", "req", "resp", "err"}

// Suffixes of the extra client methods of an operation.
const (
	pagerSuffix = "All"      // ListLives → ListLivesAll, which walks every page
	bulkSuffix  = "InChunks" // BulkInvite → BulkInviteInChunks, which splits the body
)

// nameClientTypes decides the client-side Go names of an operation: the
// result type and its fields, the extra methods for pagination and bulk
// calls, and the local variables those methods declare.
func (b *builder) nameClientTypes(o *Operation) {
	o.Successes = clientSuccesses(o)
	if len(o.Successes) > 1 {
		o.ResultType = b.typeName(o.Name + "Result")
	}
	for _, r := range o.Responses {
		r.Raw = r.Type != nil && (!r.JSON || (r.Type.Kind == RefBytes && r.Type.Format == ""))
	}
	fields := newNameSet()
	for _, r := range o.Successes {
		if o.ResultType != "" {
			r.ResultField = fields.claim(resultFieldName(r))
			continue
		}
		r.ResultByPointer = r.Type != nil && !r.Raw && isStructLike(r.Type)
	}
	detectStream(o)
	b.nameClientMethods(o)
	b.warnClientParams(o)
}

// clientSuccesses lists the answers a client method returns as results: the
// 2xx ones, or the default answer when the spec documents no 2xx one.
func clientSuccesses(o *Operation) []*Response {
	var out []*Response
	for _, r := range o.Responses {
		if r.IsSuccess() {
			out = append(out, r)
		}
	}
	if len(out) == 0 && len(o.Responses) > 0 && o.Responses[len(o.Responses)-1].Default {
		out = append(out, o.Responses[len(o.Responses)-1])
	}
	return out
}

// resultFieldName names a success answer after its status text: 200 → OK,
// 201 → Created; a code without text → Status299, a range → Status2XX.
func resultFieldName(r *Response) string {
	if r.Status > 0 {
		if text := http.StatusText(r.Status); text != "" {
			return GoName(text)
		}
	}
	if r.Default {
		return "Default"
	}
	return "Status" + r.StatusText()
}

// isStructLike reports whether a type is a struct in Go (a struct or union
// type, or an alias of one), which the client hands over by pointer.
func isStructLike(t *TypeRef) bool {
	if t.Kind != RefNamed {
		return false
	}
	switch t.Named.Kind {
	case KindStruct, KindUnion:
		return true
	case KindAlias:
		return isStructLike(t.Named.Alias)
	}
	return false
}

// nameClientMethods names the page iterator and the bulk helper of o, and
// the local variables they declare. Operation names are unique, but an
// operation named "ListLivesAll" would collide with the iterator of
// ListLives: an extra method that is taken gets a numeric suffix, and an
// operation whose name an earlier extra method holds is an error. The
// method names of earlier operations are kept in b.clientMethods, so that
// naming costs the same for the first operation and the thousandth.
func (b *builder) nameClientMethods(o *Operation) {
	b.checkMethodName(o)
	defer b.recordClientMethods(o)
	if o.Body != nil {
		for _, alt := range o.Body.ClientAlternates() {
			alt.ClientMethod = b.clientMethodSet().claim(o.Name + "With" + alt.Variant)
		}
	}
	if o.Pagination == nil && o.Bulk == nil && (o.StreamAnswer == nil || o.StreamMethod != "") {
		return
	}
	methods := b.clientMethodSet()
	if o.StreamAnswer != nil && o.StreamMethod == "" {
		o.StreamMethod = methods.claim(o.Name + streamSuffix)
	}
	locals := newNameSet(clientLocalNames...)
	for _, p := range o.PathParams {
		locals.claim(p.LocalName)
	}
	if o.Pagination != nil {
		o.Pagination.Method = methods.claim(o.Name + pagerSuffix)
		o.Pagination.Locals = PagerLocals{
			Key: locals.claim("at"), First: locals.claim("first"), Page: locals.claim("page"),
			Client: locals.claim("pc"), Header: locals.claim("header"),
		}
	}
	if o.Bulk != nil {
		o.Bulk.Method = methods.claim(o.Name + bulkSuffix)
		o.Bulk.ChunkSizeVar = locals.claim("chunkSize")
	}
}

// clientMethodSet holds the client method names of the operations named so
// far: their own and their extra methods.
func (b *builder) clientMethodSet() *nameSet {
	if b.clientMethods == nil {
		b.clientMethods = newNameSet()
		b.extraMethodOf = map[string]*Operation{}
	}
	return b.clientMethods
}

// recordClientMethods adds o's method names to the set that later
// operations are named against.
func (b *builder) recordClientMethods(o *Operation) {
	methods := b.clientMethodSet()
	methods.used[o.Name] = true
	for _, extra := range clientExtraMethods(o) {
		methods.used[extra] = true
		b.extraMethodOf[extra] = o
	}
}

// checkMethodName fails when an earlier operation's extra method already
// holds o's method name.
func (b *builder) checkMethodName(o *Operation) {
	if prev := b.extraMethodOf[o.Name]; prev != nil {
		b.fail(o.Pointer, "the operation's Go name %s is the name of a client method of %s; set x-go-name on this operation", o.Name, prev.ID)
	}
}

// clientExtraMethods lists the client methods of o besides its own.
func clientExtraMethods(o *Operation) []string {
	var out []string
	if o.Pagination != nil && o.Pagination.Method != "" {
		out = append(out, o.Pagination.Method)
	}
	if o.Bulk != nil && o.Bulk.Method != "" {
		out = append(out, o.Bulk.Method)
	}
	if o.StreamMethod != "" && o.StreamMethod != o.Name {
		out = append(out, o.StreamMethod)
	}
	if o.Body != nil {
		for _, alt := range o.Body.ClientAlternates() {
			out = append(out, alt.ClientMethod)
		}
	}
	return out
}

// warnClientParams names the parameters whose shape the client can only
// approximate on the wire.
func (b *builder) warnClientParams(o *Operation) {
	for _, p := range o.Params() {
		if p.Filter != nil {
			continue
		}
		if msg := clientParamProblem(p); msg != "" {
			b.warn(p.Pointer, "parameter %q: %s", p.Name, msg)
		}
	}
}

// ParamEncoding says how the client writes a parameter's value on the wire.
type ParamEncoding int

const (
	// EncodeScalar writes one value: a string, number, boolean, date-time,
	// bytes (base64) or enum.
	EncodeScalar ParamEncoding = iota + 1
	// EncodeList writes a list of scalars as its style says: exploded
	// (name=a&name=b) or joined (a,b; a b; a|b).
	EncodeList
	// EncodeObject writes a map or struct of scalars as its style says: in
	// the query deepObject (name[k]=v), form exploded (k=v) or not
	// (name=k,v); elsewhere simple (k,v or k=v exploded), label (.k,v or
	// .k=v) and matrix (;name=k,v or ;k=v).
	EncodeObject
	// EncodeJSON writes the value as JSON text: the closest the styles allow
	// for shapes they do not define (see the warning naming the parameter).
	EncodeJSON
	// EncodeScalarUnion writes the variant that is set of a oneOf/anyOf of
	// scalars as that scalar (4444AAAi==, not "4444AAAi==").
	EncodeScalarUnion
	// EncodeDeepObject writes an object with nested objects and lists in the
	// query in the bracket form of form bodies: filter[created][gte]=1,
	// tags[]=a, items[0][id]=7. That is style deepObject; the other query
	// styles define no nesting, and servers that take nested query objects
	// (Rails, PHP, qs, files.com's sort_by[field]=asc) read this form.
	EncodeDeepObject
	// EncodeUnionList writes a oneOf/anyOf of scalars and lists of scalars
	// in the query as the list style writes a list, a scalar as a list of
	// one: status=a, status=a&status=b (FastAPI's Union[Status, list[Status]]).
	// It is read back as the scalar variant when there is one item that
	// reads as one, else as the list.
	EncodeUnionList
)

// HasDeepObjects reports whether an operation of the API takes a deepObject
// query parameter with nested values.
func (a *API) HasDeepObjects() bool {
	for _, o := range a.Operations {
		for _, p := range o.QueryParams {
			if p.Filter == nil && ClientEncoding(p) == EncodeDeepObject {
				return true
			}
		}
	}
	return false
}

// ClientEncoding decides how the client encodes a parameter.
func ClientEncoding(p *Param) ParamEncoding {
	t := unaliasRef(p.Type)
	switch {
	case p.ContentJSON:
		return EncodeJSON
	case isScalarRef(t):
		return EncodeScalar
	case t.Kind == RefSlice && (isScalarRef(t.Elem) || IsScalarUnion(t.Elem)):
		return EncodeList
	case isObjectRef(t) && objectOfScalars(t):
		return EncodeObject
	case p.In == "query" && (isObjectRef(t) || isObjectUnion(t) || t.Kind == RefSlice && isObjectRef(t.Elem)):
		return EncodeDeepObject
	case IsScalarUnion(t):
		return EncodeScalarUnion
	case p.In == "query" && IsScalarOrListUnion(t):
		return EncodeUnionList
	}
	return EncodeJSON
}

// clientParamProblem says how the client falls short of a parameter's
// style, or "" when it encodes it as the spec says.
func clientParamProblem(p *Param) string {
	switch ClientEncoding(p) {
	case EncodeJSON:
		if p.ContentJSON {
			return ""
		}
		return "no style defines how to write " + shapeName(p.Type) + " in the " + p.In + "; it is sent as JSON text"
	case EncodeDeepObject:
		if t := unaliasRef(p.Type); t.Kind == RefSlice {
			return "no style defines " + shapeName(t) + " in the query; it is sent in brackets, as forms write lists (" + p.Name + "[0][k]=v, " + p.Name + "[1][k]=v)"
		}
		if p.Style != "deepObject" && isObjectUnion(unaliasRef(p.Type)) {
			return "style " + p.Style + " defines no oneOf/anyOf of objects; the variant that is set is sent in brackets, as style deepObject writes it (" + p.Name + "[k]=v)"
		}
		if p.Style != "deepObject" {
			return "style " + p.Style + " defines no nesting; the object is sent in brackets, as style deepObject writes it (" + p.Name + "[k]=v, " + p.Name + "[k][j]=v)"
		}
	case EncodeList:
		if p.In == "query" && p.Style == "deepObject" {
			return "style deepObject does not apply to lists; the list is sent exploded (name=a&name=b)"
		}
	}
	if p.In == "path" && p.Style != "simple" && p.Style != "label" && p.Style != "matrix" {
		return "style " + strconv.Quote(p.Style) + " is not a path style; the value is sent in style simple"
	}
	return ""
}

// IsScalarUnion reports whether a type is a oneOf/anyOf whose variants are
// all scalars. Parameters write such a value as the text of the variant
// that is set (42, true, abc), and read text back as JSON when it is a
// number or a boolean the union takes, otherwise as a string.
func IsScalarUnion(t *TypeRef) bool {
	t = unaliasRef(t)
	if t.Kind != RefNamed || t.Named.Kind != KindUnion {
		return false
	}
	for _, v := range t.Named.Union.Variants {
		if !isScalarRef(v.Type) {
			return false
		}
	}
	return true
}

// IsScalarOrListUnion reports whether a type is a oneOf/anyOf whose
// variants are scalars or lists of scalars, at least one a list.
func IsScalarOrListUnion(t *TypeRef) bool {
	t = unaliasRef(t)
	if t.Kind != RefNamed || t.Named.Kind != KindUnion {
		return false
	}
	lists := 0
	for _, v := range t.Named.Union.Variants {
		switch vt := unaliasRef(v.Type); {
		case vt.Kind == RefSlice && (isScalarRef(vt.Elem) || IsScalarUnion(vt.Elem)):
			lists++
		case !isScalarRef(vt):
			return false
		}
	}
	return lists > 0
}

// isObjectUnion reports whether a type is a oneOf/anyOf whose variants are
// all objects: in the query it is written in brackets, as the variant that
// is set (test[item1]=a), and read back as the JSON union decoder picks.
func isObjectUnion(t *TypeRef) bool {
	if t.Kind != RefNamed || t.Named.Kind != KindUnion || len(t.Named.Union.Variants) == 0 {
		return false
	}
	for _, v := range t.Named.Union.Variants {
		if !isObjectRef(v.Type) {
			return false
		}
	}
	return true
}

// unaliasRef follows named alias types down to the type they stand for.
func unaliasRef(t *TypeRef) *TypeRef {
	for t.Kind == RefNamed && t.Named.Kind == KindAlias {
		t = t.Named.Alias
	}
	return t
}

// isScalarRef reports whether a value of the type is written on the wire as
// one string: strings, numbers, booleans, date-times, bytes and enums.
func isScalarRef(t *TypeRef) bool {
	t = unaliasRef(t)
	switch t.Kind {
	case RefString, RefInt, RefInt32, RefInt64, RefFloat32, RefFloat64, RefBool, RefTime, RefBytes:
		return true
	case RefNamed:
		return t.Named.Kind == KindEnum
	}
	return false
}

// isObjectRef reports whether the type is a map or a struct.
func isObjectRef(t *TypeRef) bool {
	t = unaliasRef(t)
	return t.Kind == RefMap || (t.Kind == RefNamed && t.Named.Kind == KindStruct)
}

// objectOfScalars reports whether every value of an object is a scalar held
// by value or pointer, as the form and deepObject styles require.
func objectOfScalars(t *TypeRef) bool {
	t = unaliasRef(t)
	if t.Kind == RefMap {
		return isScalarRef(t.Elem)
	}
	if t.Named.AdditionalProperties != nil {
		return false
	}
	for _, f := range t.Named.Fields {
		if !isScalarRef(f.Type) || f.Shape() == ShapeNullable || f.Recursive {
			return false
		}
	}
	return true
}

// shapeName names the shape of a type for messages, with its article.
func shapeName(t *TypeRef) string {
	t = unaliasRef(t)
	switch {
	case t.Kind == RefSlice && isScalarRef(t.Elem):
		return "a list of scalars"
	case t.Kind == RefSlice && unaliasRef(t.Elem).Kind == RefSlice:
		return "a list of lists"
	case t.Kind == RefSlice && isObjectRef(t.Elem):
		return "a list of objects"
	case t.Kind == RefSlice:
		return "a list of values that are not scalars"
	case isObjectRef(t) && objectOfScalars(t):
		return "an object"
	case isObjectRef(t):
		return "an object whose values are not all scalars"
	case t.Kind == RefNamed && t.Named.Kind == KindUnion:
		return "a oneOf/anyOf value"
	case isScalarRef(t):
		return "a scalar"
	}
	return "an untyped value"
}
