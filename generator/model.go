// Package generator turns an OpenAPI document, as package loader reads it,
// into a plain model in which every Go name, type and ordering is decided.
// Renderers in package templates only walk this model and print it.
package generator

import "github.com/seed-0d47db62/livegen/loader"

// API is the whole model of one OpenAPI document.
type API struct {
	// SpecName is the spec file's base name, printed in generated headers.
	SpecName string
	Package  string
	// ImportPath is the generated package's import path. The package
	// imports its runtime from below it, so rendering needs it.
	ImportPath  string
	Title       string
	Version     string
	Description string
	Servers     []string
	// Types are the named Go types, sorted by Go name.
	Types []*Type
	// Operations are sorted by path, then by method (GET, PUT, POST, DELETE, ...).
	Operations []*Operation
	// ServerRoutes are the operations that NewHandler routes with its own
	// matcher rather than http.ServeMux, most specific first (see
	// Operation.ServerMatched).
	ServerRoutes []*Operation
	// Webhooks are the requests the API sends rather than serves: the
	// document's webhooks (3.1 `webhooks`, `x-webhooks`) by name, then the
	// callbacks of Operations in their order. A receiver serves each with a
	// handler of its own, whose ServeMux routes ServerPattern ("POST /").
	Webhooks        []*Operation
	SecuritySchemes []*SecurityScheme
	// Warnings point into the loaded document; LocatedWarnings adds where
	// each is written.
	Warnings []Warning
	// Notes record decisions a user may want to check, such as which
	// operations got a page iterator and why; livegen -v prints them.
	Notes []Warning
	// Unselected holds what Options.Selection left out, as built, so that
	// livegen.yaml may still name it: a config serves several selections.
	Unselected Unselected

	source *loader.Document // for LocatedWarnings; nil for a model built by hand
}

// Unselected are the operations (and webhooks) a selection dropped and the
// types no kept operation reaches; nothing is generated from them.
type Unselected struct {
	Operations []*Operation
	Types      []*Type
}

// TypeKind tells what shape a named type has.
type TypeKind int

const (
	// KindStruct is a Go struct built from an object schema (allOf merged).
	KindStruct TypeKind = iota + 1
	// KindEnum is a named string or integer type with constants.
	KindEnum
	// KindUnion is a struct with one pointer per oneOf/anyOf variant.
	KindUnion
	// KindAlias is a named type over another type: `type Tags []string`.
	KindAlias
	// KindTuple is a struct that is a JSON array on the wire (3.1
	// prefixItems): one field per position, in Fields; see Tuple.
	KindTuple
)

// Type is a named Go type.
type Type struct {
	Name    string
	Kind    TypeKind
	Doc     string
	Pointer string // JSON pointer of the schema it comes from
	// Deprecated marks schemas with deprecated: true.
	Deprecated bool

	Fields []*Field // KindStruct, in spec property order (sorted by JSON name)
	// AdditionalProperties, when set, types the values of properties that are
	// not listed in Fields (KindStruct only).
	AdditionalProperties *TypeRef

	Enum *Enum // KindEnum
	// ValuesFunc names the function listing every enum value (KindEnum).
	ValuesFunc string

	Union *Union // KindUnion

	Alias *TypeRef // KindAlias

	Tuple *Tuple // KindTuple

	// Constraints apply to the type's own value (enums, aliases).
	Constraints Constraints
}

// Tuple is the shape of a KindTuple type's array. Its positions are the
// type's Fields named V0, V1...; their JSONName is the position.
type Tuple struct {
	// Positions is how many fields hold positions; a Rest field follows them.
	Positions int
	// Required is how many leading positions every value has (minItems).
	Required int
	// MaxItems bounds the array's length (items: false or maxItems); -1 for none.
	MaxItems int
	// Rest is the field holding the items after the positions (typed by
	// items, or any), nil when no item may follow them.
	Rest *Field
}

// Field is one property of a struct type.
type Field struct {
	Name     string // Go name
	JSONName string
	// TagName is the name in the field's struct tag: JSONName, or, when
	// encoding/json cannot take JSONName there (a comma, a quote, a
	// backslash, "-", the empty name), a placeholder that the type's
	// MarshalJSON and UnmarshalJSON turn into JSONName (see Type.Renamed).
	TagName  string
	Doc      string
	Type     *TypeRef
	Required bool
	Nullable bool
	ReadOnly bool
	// WriteOnly and Deprecated are carried for documentation.
	WriteOnly  bool
	Deprecated bool
	// Recursive is set when holding the field by value would make its struct
	// contain itself; such a field is held by pointer.
	Recursive bool
	Pointer   string
}

// Renamed lists the fields whose struct tag holds a placeholder.
func (t *Type) Renamed() []*Field {
	var out []*Field
	for _, f := range t.Fields {
		if f.TagName != f.JSONName {
			out = append(out, f)
		}
	}
	return out
}

// Shape says how a field is held in Go, which follows from Required and Nullable:
// a value, a pointer (absent or null), or Nullable[T] (absent, null or a value).
type Shape int

const (
	ShapeValue Shape = iota
	ShapePointer
	ShapeNullable
	// ShapeOmitZero is an optional slice or map: nil means absent.
	ShapeOmitZero
)

// Shape reports how the field is held; see the Shape constants.
func (f *Field) Shape() Shape {
	switch {
	case f.Recursive && f.Nullable && !f.Required:
		return ShapeNullable // Nullable[*T]: see templates' fieldType
	case f.Recursive:
		return ShapePointer
	case f.Required && !f.Nullable:
		return ShapeValue
	case f.Type.Kind == RefAny:
		return ShapeValue
	case f.Required && f.Nullable:
		if f.Type.IsCollection() {
			return ShapeValue
		}
		return ShapePointer
	case f.Nullable:
		return ShapeNullable
	case f.Type.IsCollection():
		return ShapeOmitZero
	default:
		return ShapePointer
	}
}

// Enum holds the values of an enum type.
type Enum struct {
	Base   RefKind // RefString, RefInt, RefInt32, RefInt64, RefFloat64
	Values []EnumValue
}

// EnumValue is one allowed value with its constant name.
type EnumValue struct {
	Name  string // Go constant name, always prefixed with the type name
	Value any    // string, int64 or float64
	Doc   string
}

// Union is a oneOf or anyOf.
type Union struct {
	OneOf         bool // false for anyOf
	Variants      []*Variant
	Discriminator *Discriminator
}

// Variant is one member of a union.
type Variant struct {
	Name string // Go field name in the union struct
	Type *TypeRef
	// JSONKind is the JSON value kind this variant decodes from: "object",
	// "array", "string", "number", "integer", "boolean" or "" for any.
	JSONKind string
	// DiscriminatorValues are the discriminator values selecting this variant.
	DiscriminatorValues []string
}

// Discriminator selects a union variant by a property of the JSON object.
type Discriminator struct {
	Property string
}

// RefKind is the kind of a type reference.
type RefKind int

const (
	RefString RefKind = iota + 1
	RefInt
	RefInt32
	RefInt64
	RefFloat32
	RefFloat64
	RefBool
	RefTime  // time.Time (date-time)
	RefBytes // []byte (byte, binary)
	RefAny   // any: a schema without a type
	RefRaw   // json.RawMessage: a shape that is kept as raw JSON
	RefSlice
	RefMap // map[string]Elem
	RefNamed
	// RefExternal is a type of another package, chosen with x-go-type or
	// livegen.yaml's types; the generated code treats it as opaque JSON.
	RefExternal
	// RefFile is a file part of a multipart body: the generated FormFile,
	// a reader with a file name and a content type.
	RefFile
)

// TypeRef is a use of a Go type.
type TypeRef struct {
	Kind     RefKind
	Named    *Type    // RefNamed
	Elem     *TypeRef // RefSlice, RefMap
	External *GoType  // RefExternal
	// Format is the schema format (date, email, uuid, unix-time, ...), kept
	// for validation and documentation.
	Format      string
	Constraints Constraints
	// Note says why a less precise Go type was chosen; renderers add it to
	// the doc comment of the field or parameter.
	Note string
	// Nullable says that null is an allowed value. It is set on the items of
	// arrays and the values of maps (fields carry Field.Nullable instead).
	Nullable bool
}

// NullRejected reports whether null is not a value of r: an item or map
// value whose schema does not allow null, which Go would decode as its zero
// value without a word.
func NullRejected(r *TypeRef) bool {
	return !r.Nullable && r.Kind != RefAny && r.Kind != RefExternal
}

// IsCollection reports whether the Go type is a slice or map (named or not),
// whose nil value can stand for "absent" without a pointer.
func (r *TypeRef) IsCollection() bool {
	switch r.Kind {
	case RefSlice, RefMap, RefBytes:
		return true
	case RefNamed:
		return r.Named.Kind == KindAlias && r.Named.Alias.IsCollection()
	}
	return false
}

// Constraints are the validation keywords of a schema.
type Constraints struct {
	Minimum, Maximum             *float64
	ExclusiveMinimum             bool
	ExclusiveMaximum             bool
	MultipleOf                   *float64
	MinLength                    uint64
	MaxLength                    *uint64
	Pattern                      string
	MinItems                     uint64
	MaxItems                     *uint64
	UniqueItems                  bool
	UniqueBy                     string // x-livegen-unique-by: a property that must be unique among items
	MinProperties, MaxProperties uint64
}

// IsZero reports whether no constraint is set.
func (c Constraints) IsZero() bool {
	return c.Minimum == nil && c.Maximum == nil && c.MultipleOf == nil && c.MinLength == 0 &&
		c.MaxLength == nil && c.Pattern == "" && c.MinItems == 0 && c.MaxItems == nil &&
		!c.UniqueItems && c.UniqueBy == "" && c.MinProperties == 0 && c.MaxProperties == 0
}

// Operation is one HTTP operation.
type Operation struct {
	ID          string // operationId as written, or derived from method and path
	Name        string // Go method name
	Method      string
	Path        string
	Summary     string
	Description string
	Deprecated  bool
	Tags        []string
	Pointer     string
	// Route is the request line the operation is sent as: the path without
	// a #fragment, split into segments, and the query a ?suffix fixes.
	Route Route
	// Webhook names the webhook ("newPet") or callback ("createSubscription
	// onEvent") the operation receives; empty for an operation of paths.
	Webhook string

	PathParams   []*Param // in path template order
	QueryParams  []*Param // in spec order
	HeaderParams []*Param
	CookieParams []*Param

	Body      *RequestBody
	Responses []*Response // by status; ranges ("4XX") after exact codes, default last

	// Security lists alternative requirements; an empty list means open.
	Security []SecurityRequirement
	// SecurityUnstated is set when the spec declares security schemes but
	// neither the operation nor the document requires any (no `security` at
	// all, not `security: []`): clients send every credential they have.
	SecurityUnstated bool

	// ParamsType is the Go name of the struct for query, header and cookie
	// parameters; empty when the operation has none.
	ParamsType string

	// Filter groups the bracket filter parameters (`title[eq]`); nil when
	// the operation has none. Filter parameters are not fields of ParamsType:
	// it holds one field, FilterField, of type Filter.TypeName instead.
	Filter *Filter
	// Pagination is set for list operations whose answers come in pages.
	Pagination *Pagination
	// Bulk is set when the request body carries a list that may be sent in chunks.
	Bulk *Bulk

	// Client-side names (set in generator/client_names.go).
	// --- client fields
	// Successes are the answers the client method returns as results, in
	// status order: the 2xx responses, or the default one when there is none.
	Successes []*Response
	// ResultType names the struct holding one field per success answer when
	// there are several; empty when the method returns the answer's body.
	ResultType string

	// Server-side names (set in generator/server_names.go).
	// --- server fields
	// ServerInput names the struct a Server method receives: path
	// parameters, Params and Body ("GetLiveInput").
	ServerInput string
	// ServerOutput names the sealed interface of the answers a Server method
	// may return, one type per documented response ("GetLiveOutput").
	ServerOutput string
	// ServerPathFields are the ServerInput field names of PathParams, in order.
	ServerPathFields []string
	// ServerHandler is the unexported handler method serving the operation.
	ServerHandler string
	// ServerPattern is the http.ServeMux pattern routing the operation
	// ("GET /v1/lives/{liveID}"), or for a ServerMatched operation the same
	// notation of its route ("GET /tasks/{id}.json", "POST /x?full=true").
	ServerPattern string
	// ServerMatched is set when ServeMux cannot route the operation, or would
	// route a request for it to a less specific operation: a path segment
	// mixes parameters and text, the path key fixes a query, two paths
	// conflict. NewHandler's matcher routes it, ahead of ServeMux; its
	// place is in API.ServerRoutes.
	ServerMatched bool
	// ServerWildcards are the names under which the handler reads PathParams
	// with Request.PathValue, in order.
	ServerWildcards []string
	// ServerTwin is set for a matched operation that takes the same requests
	// as others and is tried before them: what the request must carry for it.
	ServerTwin *Twin
	// ServerIdentical is set on each operation of a group that takes the same
	// requests and declares nothing that tells them apart: the group, the one
	// NewHandler serves by default first. A Server that implements
	// OperationChooser picks among them.
	ServerIdentical []*Operation

	// StreamAnswer is the success answer that can stream (see Response.Stream);
	// nil when none can. StreamMethod names the client method that reads it
	// event by event: the operation's own name when the stream is its only
	// success answer, else Name+"Stream" beside the plain method.
	StreamAnswer *Response
	StreamMethod string
}

// Route is the request an operation is sent as. A path key may carry a
// #fragment, which tells operations apart in the spec but is never sent,
// and a ?query suffix, whose pairs are sent with every call.
type Route struct {
	// Path is the path key without its #fragment and ?query suffix.
	Path string
	// Query are the name and value pairs of the ?query suffix, in order.
	Query []QueryPair
	// Segments are Path's segments after its leading slash.
	Segments []RouteSegment
}

// QueryPair is a query parameter with its fixed value.
type QueryPair struct{ Name, Value string }

// RouteSegment is one path segment: text and parameters, in order.
type RouteSegment []RoutePart

// RoutePart is literal text, or the parameter PathParams[Param].
type RoutePart struct {
	Text  string
	Param int // index into PathParams; -1 for text
}

// IsText reports whether the part is literal text.
func (p RoutePart) IsText() bool { return p.Param < 0 }

// Parts returns the segment as alternating text and parameters, starting
// and ending with text (possibly empty): "{id}.json" is "", id, ".json".
func (s RouteSegment) Parts() []RoutePart {
	var out []RoutePart
	for _, p := range s {
		if !p.IsText() && (len(out) == 0 || !out[len(out)-1].IsText()) {
			out = append(out, RoutePart{Param: -1})
		}
		if p.IsText() && len(out) > 0 && out[len(out)-1].IsText() {
			out[len(out)-1].Text += p.Text
			continue
		}
		out = append(out, p)
	}
	if len(out) == 0 || !out[len(out)-1].IsText() {
		out = append(out, RoutePart{Param: -1})
	}
	return out
}

// ServedOperations are the operations a generated handler serves or
// receives: Operations, then Webhooks.
func (a *API) ServedOperations() []*Operation {
	return append(append([]*Operation(nil), a.Operations...), a.Webhooks...)
}

// FilterField is the name of the params struct field that holds the filter.
const FilterField = "Filter"

// Params returns every parameter, path first.
func (o *Operation) Params() []*Param {
	all := make([]*Param, 0, len(o.PathParams)+len(o.QueryParams)+len(o.HeaderParams)+len(o.CookieParams))
	all = append(all, o.PathParams...)
	all = append(all, o.QueryParams...)
	all = append(all, o.HeaderParams...)
	return append(all, o.CookieParams...)
}

// Param is an operation parameter.
type Param struct {
	Name      string // wire name, exactly as in the spec ("title[eq]")
	GoName    string // field name in the params struct
	LocalName string // Go variable name for path parameters
	In        string // path, query, header, cookie
	Doc       string
	Required  bool
	Type      *TypeRef
	Style     string // form, simple, deepObject, pipeDelimited, spaceDelimited
	Explode   bool
	Pointer   string
	// Extensions are the parameter's x- extensions, raw.
	Extensions map[string]any
	// Filter is set when the parameter is a bracket filter `field[op]`.
	Filter *FilterParam
	// ContentJSON is set for a parameter declared with `content:
	// application/json` instead of a schema: its value is JSON text.
	ContentJSON bool
}

// ByPointer reports whether the parameter's Go field is a pointer: optional
// scalars are, so that absent and zero stay apart; slices and maps are not.
func (p *Param) ByPointer() bool {
	return !p.Required && !p.Type.IsCollection() && p.Type.Kind != RefAny
}

// FilterParam splits a bracket filter parameter name into field and operator.
type FilterParam struct {
	Field string // "startDate"
	Op    string // "gte"
}

// BodyKind is how a request or response body travels between the caller
// and the wire; renderers choose the Go type and the codec by it.
type BodyKind int

const (
	// BodyJSON is encoded and decoded as JSON into Type.
	BodyJSON BodyKind = iota
	// BodyBytes is handed over as []byte, neither encoded nor decoded: a
	// media type livegen does not speak, or JSON without a schema.
	BodyBytes
	// BodyBinary is streamed: an io.Reader going out, an io.ReadCloser
	// coming in, never held whole in memory (application/octet-stream,
	// image/*, audio/*, video/*, or a string schema of format binary).
	BodyBinary
	// BodyText is a string (text/plain and the other text/* types).
	BodyText
	// BodyForm is application/x-www-form-urlencoded: a typed object written
	// as name=value pairs, nested members in brackets (meta[k]=v,
	// items[0][price]=p, expand[]=a), and read back into the same type.
	BodyForm
	// BodyMultipart is multipart/form-data: a typed object whose file parts
	// (strings of format binary, or of a non-JSON, non-text encoding
	// contentType) are FormFile readers and whose other parts are text, or
	// JSON for objects and members encoded as application/json.
	BodyMultipart
)

// RequestBody is an operation's request body.
type RequestBody struct {
	ContentType string // "application/json" or the first media type
	Required    bool
	Doc         string
	Type        *TypeRef // nil for a body without schema
	// JSON reports whether the body is JSON encoded.
	JSON bool
	// Kind is how the body travels.
	Kind BodyKind
	// FormStyles are the members of a form body whose spec encoding is not
	// the default (style form, exploded), by wire name; see FormStyle.
	FormStyles []FormStyle
	// Parts are the members of a multipart body that are not plain text:
	// its files and its JSON parts, in name order.
	Parts []Part
	// Alternates are the other bodies the operation also takes, in media
	// type order: the other kinds (a form or a multipart body beside JSON, a
	// file beside a form), one per kind, each with a client method; and the
	// other JSON media types of the same schema, which only the server reads.
	Alternates []*RequestBody
	// Variant names an alternate body of another kind ("FormBody"): after
	// "With", its client method's suffix. Empty for the preferred body and
	// its JSON siblings.
	Variant string
	// ClientMethod names the client method that sends an alternate body of
	// another kind ("CreatePetWithFormBody").
	ClientMethod string
	// ServerField is the server input's field that the body is decoded
	// into: Body for the preferred body and for alternates of its type (a
	// form of the same schema as the JSON body), Variant for the others.
	ServerField string
}

// Part is a member of a multipart body that is not sent as plain text.
type Part struct {
	Name   string // the wire name
	GoName string // the struct field
	// File is set for a file part; Pointer when its field is a *FormFile.
	File, Pointer bool
	// ContentType is the encoding's content type, the default of a file part
	// whose FormFile names none; JSON is set for a part sent as JSON.
	ContentType string
	JSON        bool
}

// FormStyle is how a form member that is a list is written: "form" joins
// its values with commas, "pipeDelimited" with |, "spaceDelimited" with
// spaces, "deepObject" repeats name[]=v. Exploded lists repeat name=v.
type FormStyle struct {
	Name  string
	Style string
}

// Response is one documented response.
type Response struct {
	// Status is the HTTP status code; 0 with Range set for "4XX", and 0 with
	// Default set for "default".
	Status      int
	Range       int // 1..5 for "1XX".."5XX"
	Default     bool
	Description string
	ContentType string
	Type        *TypeRef // nil when the response has no body
	JSON        bool
	// Kind is how the body travels; meaningful when Type is set.
	Kind    BodyKind
	Headers []*Param
	// Name is the Go name of this response variant ("InviteLiveParticipant201").
	Name string

	// --- client response fields
	// ResultField is this success answer's field in the operation's
	// ResultType ("OK", "Created"); empty when there is no ResultType.
	ResultField string
	// ResultByPointer is set when the client returns the body as *T (structs
	// and unions) rather than T (slices, maps, scalars).
	ResultByPointer bool
	// Raw is set when the body is kept as bytes, undecoded: it is not JSON,
	// or JSON without a schema.
	Raw bool

	// --- server response fields
	// ServerName names the server's type for this answer ("GetLiveNotFound").
	ServerName string
	// ServerHeaderFields are the field names of Headers in that type, in order.
	ServerHeaderFields []string

	// Stream is set when the answer can be a stream of events, alone or
	// beside a JSON body (chat completions answer either, as the request asks).
	Stream *Stream
}

// StreamKind says how the events of a streamed body are framed.
type StreamKind int

const (
	// StreamSSE is text/event-stream: Server-Sent Events.
	StreamSSE StreamKind = iota + 1
	// StreamLines is one JSON value a line: application/x-ndjson, application/jsonl.
	StreamLines
	// StreamSeq is application/json-seq (RFC 7464): each value after an RS byte.
	StreamSeq
)

// Stream is a body read and written one event at a time.
type Stream struct {
	Kind        StreamKind
	ContentType string
	// Event is the Go type of one event: the schema given for the stream.
	Event *TypeRef
	// Envelope is set when Event is a struct of the SSE fields (event, data,
	// id, retry): the reader fills it from them, data decoded as its type.
	Envelope bool
	// Text is set when an event's data is text, not JSON: Event (or the
	// envelope's data member) is a string.
	Text bool
}

// StatusText is the code as written in the spec: "200", "4XX" or "default".
func (r *Response) StatusText() string {
	switch {
	case r.Default:
		return "default"
	case r.Range > 0:
		return string(rune('0'+r.Range)) + "XX"
	default:
		return itoa(r.Status)
	}
}

// IsSuccess reports whether the response is a 2xx answer.
func (r *Response) IsSuccess() bool {
	return (r.Status >= 200 && r.Status < 300) || r.Range == 2
}

// SecurityScheme is a declared security scheme.
type SecurityScheme struct {
	Key    string // name in components.securitySchemes
	GoName string
	Type   string // http, apiKey, oauth2, openIdConnect
	Scheme string // bearer, basic (http)
	In     string // header, query, cookie (apiKey)
	Name   string // header or query parameter name (apiKey)
	Doc    string
	Scopes []string // oauth2, sorted
}

// SecurityRequirement is one alternative: all listed schemes must be satisfied.
type SecurityRequirement struct {
	Schemes []SchemeUse
}

// SchemeUse is a scheme with the scopes an operation asks for.
type SchemeUse struct {
	Scheme *SecurityScheme
	Scopes []string
}
