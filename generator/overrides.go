package generator

import (
	"fmt"
	"go/build"
	"go/token"
	"strings"
)

// Overrides are the choices a consumer's livegen.yaml makes on top of the
// spec, for an API they cannot (or do not want to) edit. They win over the
// spec's own x-go-name and x-go-type. A nil *Overrides overrides nothing.
type Overrides struct {
	// Names maps a JSON pointer into the spec ("/components/schemas/Live",
	// "/components/schemas/Live/properties/id", "/paths/~1lives/get",
	// "/paths/~1lives/get/parameters/0") to the Go name of what it points at.
	Names map[string]string
	// Types maps the JSON pointer of a schema to an existing Go type that is
	// used instead of generating one.
	Types map[string]GoType
	// ChunkSizes maps an operationId to the default chunk size of its bulk
	// helper (see Bulk).
	ChunkSizes map[string]int
	// Paging maps an operationId to its pagination, for an operation whose
	// paging the spec does not make clear (see PagingSpec).
	Paging map[string]*PagingSpec
}

// GoType is a Go type declared outside the generated package.
type GoType struct {
	// Import is the import path of the type's package; empty for predeclared
	// types (string, int64, ...).
	Import string
	// Name is the type's name in its package ("Decimal").
	Name string
}

// String writes the type as ParseGoType reads it.
func (t GoType) String() string {
	if t.Import == "" {
		return t.Name
	}
	return t.Import + "." + t.Name
}

// Name returns the Go name the overrides give the thing at ptr, or "".
func (o *Overrides) Name(ptr string) string {
	if o == nil {
		return ""
	}
	return o.Names[ptr]
}

// Type returns the Go type the overrides map the schema at ptr to.
func (o *Overrides) Type(ptr string) (GoType, bool) {
	if o == nil {
		return GoType{}, false
	}
	t, ok := o.Types[ptr]
	return t, ok
}

// ChunkSize returns the chunk size set for an operation, or 0.
func (o *Overrides) ChunkSize(operationID string) int {
	if o == nil {
		return 0
	}
	return o.ChunkSizes[operationID]
}

// PagingOf returns the pagination set for an operation, or nil.
func (o *Overrides) PagingOf(operationID string) *PagingSpec {
	if o == nil {
		return nil
	}
	return o.Paging[operationID]
}

// IsZero reports whether the overrides change nothing.
func (o *Overrides) IsZero() bool {
	return o == nil || len(o.Names)+len(o.Types)+len(o.ChunkSizes)+len(o.Paging) == 0
}

// goName is the name wanted for the thing at ptr: livegen.yaml's, else the
// spec's x-go-name (ext), else fallback.
func (b *builder) goName(ptr string, ext map[string]any, fallback string) string {
	if n := b.opts.Overrides.Name(ptr); n != "" {
		return n
	}
	if n := stringExtension(ext, "x-go-name"); n != "" {
		return n
	}
	return fallback
}

// predeclaredTypes are the Go types that need no import.
var predeclaredTypes = map[string]bool{
	"any": true, "bool": true, "byte": true, "rune": true, "string": true,
	"int": true, "int8": true, "int16": true, "int32": true, "int64": true,
	"uint": true, "uint8": true, "uint16": true, "uint32": true, "uint64": true, "uintptr": true,
	"float32": true, "float64": true, "complex64": true, "complex128": true,
}

// ParseGoType reads a Go type written as its import path and name, the way
// livegen.yaml and x-go-type spell it: "github.com/shopspring/decimal.Decimal",
// "time.Duration", or a predeclared type such as "string".
func ParseGoType(s string) (GoType, error) {
	s = strings.TrimSpace(s)
	if predeclaredTypes[s] {
		return GoType{Name: s}, nil
	}
	slash := strings.LastIndex(s, "/")
	dot := strings.LastIndex(s, ".")
	if dot <= slash+1 || dot == len(s)-1 {
		return GoType{}, fmt.Errorf("%q is not a Go type; write the import path, a dot and the type name (\"github.com/shopspring/decimal.Decimal\", \"time.Duration\") or a predeclared type (\"string\")", s)
	}
	t := GoType{Import: s[:dot], Name: s[dot+1:]}
	if !token.IsIdentifier(t.Name) || !token.IsExported(t.Name) {
		return GoType{}, fmt.Errorf("%q: %q is not an exported Go identifier; only exported types of another package can be used", s, t.Name)
	}
	if err := checkImportPath(t.Import); err != nil {
		return GoType{}, fmt.Errorf("%q: %v", s, err)
	}
	return t, nil
}

// checkImportPath rejects what cannot be an import path: empty elements,
// spaces, backslashes, relative or absolute file paths.
func checkImportPath(path string) error {
	for _, elem := range strings.Split(path, "/") {
		if elem == "" || elem == "." || elem == ".." {
			return fmt.Errorf("import path %q has an empty, . or .. element", path)
		}
	}
	for _, r := range path {
		if r <= ' ' || r == '\\' || strings.ContainsRune("\"'`!$%&()*,:;<=>?[]^{|}", r) {
			return fmt.Errorf("import path %q contains %q", path, r)
		}
	}
	return nil
}

// goTypeExtension reads x-go-type from a schema's extensions: the Go type
// to use instead of generating one, written as ParseGoType reads it, or as
// oapi-codegen does (a package name and type, "decimal.Decimal", with the
// import path in x-go-type-import's path). skip says why a type that
// generated code could not import (a package that is neither in the
// standard library nor a module path, or an internal one) is not used.
func goTypeExtension(ext map[string]any) (t GoType, ok bool, skip string, err error) {
	v, ok := ext["x-go-type"]
	if !ok {
		return GoType{}, false, "", nil
	}
	s, ok := v.(string)
	if !ok {
		return GoType{}, false, "", fmt.Errorf("x-go-type must be a string such as \"github.com/shopspring/decimal.Decimal\", not %T", v)
	}
	t, err = ParseGoType(s)
	if err != nil {
		return GoType{}, false, "", fmt.Errorf("x-go-type: %w", err)
	}
	if imp, isMap := ext["x-go-type-import"].(map[string]any); isMap {
		if path, isString := imp["path"].(string); isString && path != "" {
			if err := checkImportPath(path); err != nil {
				return GoType{}, false, "", fmt.Errorf("x-go-type-import: %v", err)
			}
			t.Import = path
		}
	}
	if why := unimportable(t.Import); why != "" {
		return GoType{}, false, fmt.Sprintf("x-go-type %q is not used: its package %q %s; the schema's own type is generated", s, t.Import, why), nil
	}
	return t, true, "", nil
}

// unimportable says why generated code cannot import path, or "".
func unimportable(path string) string {
	switch {
	case path == "":
		return ""
	case path == "internal" || strings.HasPrefix(path, "internal/") || strings.Contains(path, "/internal/") || strings.HasSuffix(path, "/internal"):
		return "is internal to its module"
	case !strings.Contains(strings.Split(path, "/")[0], "."):
		if pkg, err := build.Default.Import(path, "", build.FindOnly); err != nil || !pkg.Goroot {
			return "is not in the standard library, and a module path starts with a domain name"
		}
	}
	return ""
}
