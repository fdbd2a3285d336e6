package generator

import (
	"fmt"
	"net/http"
	"slices"
	"sort"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
)

// ReservedNames are the package-level identifiers that renderers emit; a
// schema or operation that would take one of them is renamed (see typeName).
var ReservedNames = []string{
	"Client", "ClientOption", "NewClient", "APIError", "Nullable", "NewNullable", "Null",
	"Server", "NewHandler", "HandlerOption", "Problem", "ErrorResponse", "ValidationError",
	"RetryPolicy", "RequestEditorFn", "HTTPDoer", "Authenticator", "Credentials",
	"BulkError", "Page", "PageIterator", "Date", "Filter", "Operation", "FilterError",
	"WithHTTPClient", "WithRequestEditorFn", "WithUserAgent", "WithCredentials", "WithRetryPolicy",
	"WithMaxResponseBytes", "WithStrictDecoding", "Misfit", "Answer", "RecordAnswer", "ReopenableBody",
	"AuthRequest", "WithMaxBodyBytes", "WithAuthenticator", "WithErrorMapper", "WithLogger", "WithStrictQuery",
	"ServerOperation", "OperationFromContext", "OperationChooser", "WithMiddleware", "UnimplementedServer", "ErrNotImplemented",
	"Webhooks", "WebhookReceiver", "NewWebhookReceiver", "FormFile",
}

type builder struct {
	doc   *openapi3.T
	file  string
	opts  Options
	api   *API
	names *nameSet // package-level identifiers
	// byRef maps "#/components/schemas/X" to its named type.
	byRef map[string]*Type
	// byTarget maps where a component or other-file schema's $ref resolves
	// to (kin-openapi's RefPath) to its type: a schema reached through
	// several $refs (from files in different folders, or a component that
	// $refs a file) is one type.
	byTarget map[string]*Type
	// inline maps inline schemas to the type made for them.
	inline map[*openapi3.Schema]*Type
	// warned records schemas already checked for unenforced keywords.
	warned map[*openapi3.Schema]bool
	// building holds component types whose fields are being built, to find recursion.
	schemes map[string]*SecurityScheme
	errs    []error
	// routes holds the ServeMux patterns of the operations routed so far
	// (server_routes.go).
	routes *http.ServeMux
	// clientMethods holds the client method names of the operations named
	// so far, and extraMethodOf the operation of each extra method
	// (client_names.go).
	clientMethods *nameSet
	extraMethodOf map[string]*Operation
	// mapped holds the component types each type's discriminator maps to
	// (select.go).
	mapped map[*Type][]*Type
}

func newBuilder(doc *openapi3.T, file string, opts Options) *builder {
	pkg := opts.Package
	if pkg == "" {
		pkg = "api"
	}
	b := &builder{
		doc:      doc,
		file:     file,
		opts:     opts,
		names:    newNameSet(ReservedNames...),
		byRef:    map[string]*Type{},
		byTarget: map[string]*Type{},
		inline:   map[*openapi3.Schema]*Type{},
		warned:   map[*openapi3.Schema]bool{},
		schemes:  map[string]*SecurityScheme{},
		mapped:   map[*Type][]*Type{},
	}
	b.api = &API{SpecName: opts.SpecName, Package: pkg, ImportPath: opts.ImportPath}
	return b
}

func (b *builder) warn(ptr, format string, args ...any) {
	w := Warning{Pointer: ptr, Message: fmt.Sprintf(format, args...)}
	if b.opts.Strict {
		b.errs = append(b.errs, &SpecError{File: b.file, Pointer: ptr, Message: w.Message + " (strict mode: fix the spec or drop -strict)"})
		return
	}
	b.api.Warnings = append(b.api.Warnings, w)
}

// note records a decision for livegen -v.
func (b *builder) note(ptr, format string, args ...any) {
	b.api.Notes = append(b.api.Notes, Warning{Pointer: ptr, Message: fmt.Sprintf(format, args...)})
}

func (b *builder) fail(ptr, format string, args ...any) {
	b.errs = append(b.errs, &SpecError{File: b.file, Pointer: ptr, Message: fmt.Sprintf(format, args...)})
}

func (b *builder) build() (*API, error) {
	doc := b.doc
	if doc.Info != nil {
		b.api.Title = doc.Info.Title
		b.api.Version = doc.Info.Version
		b.api.Description = doc.Info.Description
	}
	for _, s := range doc.Servers {
		if s != nil {
			b.api.Servers = append(b.api.Servers, s.URL)
		}
	}
	b.buildSecuritySchemes()
	b.declareComponentSchemas()
	b.buildOperations()
	b.routeServer()
	b.warnUnstatedSecurity()
	if len(b.errs) > 0 {
		return nil, b.errs[0]
	}
	b.finishUnions()
	b.markRecursiveFields()
	b.nameEnumConstants()
	sort.Slice(b.api.Types, func(i, j int) bool { return b.api.Types[i].Name < b.api.Types[j].Name })
	b.applySelection()
	if len(b.errs) > 0 {
		return nil, b.errs[0]
	}
	return b.api, nil
}

// typeName claims a package-level name for a type. Names that a renderer
// emits itself get the suffix "Model" (a schema named Client → ClientModel).
func (b *builder) typeName(want string) string {
	name := GoName(want)
	if slices.Contains(ReservedNames, name) {
		name += "Model"
	}
	return b.names.claim(name)
}

func (b *builder) addType(t *Type) *Type {
	b.api.Types = append(b.api.Types, t)
	return t
}

// declareComponentSchemas creates one named type per component schema, in
// name order, before any is built, so that references and cycles resolve.
func (b *builder) declareComponentSchemas() {
	if b.doc.Components == nil {
		return
	}
	var keys []string
	for _, key := range sortedKeys(b.doc.Components.Schemas) {
		if !b.isExternal(b.doc.Components.Schemas[key], pointer("components", "schemas", key)) {
			keys = append(keys, key)
		}
	}
	for _, key := range keys {
		sr := b.doc.Components.Schemas[key]
		ptr := pointer("components", "schemas", key)
		var ext map[string]any
		if sr != nil && sr.Value != nil {
			ext = sr.Value.Extensions
		}
		ref := "#/components/schemas/" + key
		b.byRef[ref] = b.addType(&Type{Name: b.typeName(b.goName(ptr, ext, key)), Pointer: ptr})
		if target := refTarget(sr); target != "" && b.byTarget[target] == nil {
			b.byTarget[target] = b.byRef[ref]
		}
	}
	for _, key := range keys {
		ref := "#/components/schemas/" + key
		t := b.byRef[ref]
		b.fillNamedType(t, b.doc.Components.Schemas[key], t.Pointer)
	}
}

// nameEnumConstants names every enum value once all type names are taken,
// so that a constant never steals a type's name. Constants always carry
// their type's name as a prefix: adding a value never renames another.
func (b *builder) nameEnumConstants() {
	types := slices.Clone(b.api.Types)
	sort.Slice(types, func(i, j int) bool { return types[i].Name < types[j].Name })
	for _, t := range types {
		if t.Kind != KindEnum {
			continue
		}
		for i := range t.Enum.Values {
			v := &t.Enum.Values[i]
			suffix := v.Name // a name given by x-enum-varnames
			if suffix == "" {
				suffix = enumValueName(v.Value)
			}
			v.Name = b.names.claim(t.Name + enumNamePart(suffix))
		}
		t.ValuesFunc = b.names.claim(t.Name + "Values")
	}
}

func enumValueName(v any) string {
	switch x := v.(type) {
	case string:
		if strings.TrimSpace(x) == "" {
			return "Empty"
		}
		return x
	case float64:
		s := strings.ReplaceAll(trimFloat(x), ".", "_")
		if strings.HasPrefix(s, "-") {
			return "Minus" + s[1:]
		}
		return s
	case int64:
		if x < 0 {
			return fmt.Sprintf("Minus%d", -x)
		}
		return fmt.Sprintf("%d", x)
	case bool:
		return fmt.Sprintf("%t", x)
	case nil:
		return "Null"
	default:
		return fmt.Sprint(x)
	}
}

// markRecursiveFields holds a struct field by pointer where holding it by
// value would make the type contain itself.
func (b *builder) markRecursiveFields() {
	for _, t := range b.api.Types {
		if t.Kind != KindStruct && t.Kind != KindTuple {
			continue
		}
		for _, f := range t.Fields {
			if heldByValue(f) && containsByValue(f.Type.Named, t, map[*Type]bool{}) {
				f.Recursive = true
			}
		}
	}
}

// heldByValue reports whether a struct holds the field's named type without
// indirection (Nullable[T] holds T by value too).
func heldByValue(f *Field) bool {
	if f.Recursive {
		return false
	}
	shape := f.Shape()
	return f.Type.Kind == RefNamed && (shape == ShapeValue || shape == ShapeNullable)
}

// containsByValue reports whether t holds target without indirection.
func containsByValue(t, target *Type, seen map[*Type]bool) bool {
	if t == target {
		return true
	}
	if seen[t] {
		return false
	}
	seen[t] = true
	switch t.Kind {
	case KindStruct, KindTuple:
		for _, f := range t.Fields {
			if heldByValue(f) && containsByValue(f.Type.Named, target, seen) {
				return true
			}
		}
	case KindAlias:
		if t.Alias.Kind == RefNamed {
			return containsByValue(t.Alias.Named, target, seen)
		}
	}
	return false
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func stringExtension(ext map[string]any, key string) string {
	if v, ok := ext[key].(string); ok {
		return v
	}
	return ""
}
