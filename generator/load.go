package generator

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
)

// Options steer how a spec is loaded and named.
type Options struct {
	// Package is the Go package name of the output.
	Package string
	// SpecName is printed in generated headers; it defaults to the file's base name.
	SpecName string
	// Strict turns every warning into an error and validates the document fully.
	Strict bool
	// Overrides are livegen.yaml's names, types and chunk sizes; nil for none.
	Overrides *Overrides
}

// SpecError is an error in a spec, with where it is and what to change.
type SpecError struct {
	File    string
	Line    int    // 0 when unknown
	Pointer string // JSON pointer; empty when the error is about the whole file
	Message string
}

func (e *SpecError) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		b.WriteString(":")
		b.WriteString(strconv.Itoa(e.Line))
	}
	if e.Pointer != "" {
		b.WriteString(": ")
		b.WriteString(e.Pointer)
	}
	b.WriteString(": ")
	b.WriteString(e.Message)
	return b.String()
}

// LoadFile reads, validates and models the spec at path.
func LoadFile(path string, opts Options) (*API, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, &SpecError{File: path, Message: "cannot read the spec: " + unwrapPathError(err)}
	}
	if opts.SpecName == "" {
		opts.SpecName = filepath.Base(path)
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		abs = path
	}
	return load(data, abs, path, opts)
}

// LoadData models a spec given as bytes; name is used in messages and headers.
func LoadData(data []byte, name string, opts Options) (*API, error) {
	if opts.SpecName == "" {
		opts.SpecName = filepath.Base(name)
	}
	return load(data, "", name, opts)
}

func load(data []byte, absPath, displayName string, opts Options) (api *API, err error) {
	defer func() {
		// A generator bug must still end in one readable line, never a stack trace.
		if r := recover(); r != nil {
			api, err = nil, &SpecError{File: displayName, Message: fmt.Sprintf("livegen cannot handle this document (internal error: %v); please report it with the spec", r)}
		}
	}()
	if len(strings.TrimSpace(string(data))) == 0 {
		return nil, &SpecError{File: displayName, Message: "the file is empty; expected an OpenAPI 3 document"}
	}
	doc, src, err := readDocument(data, absPath)
	var syntax *yamlSyntaxError
	if errors.As(err, &syntax) {
		return nil, syntaxError(displayName, syntax.err)
	}
	source := func() *sourceTree {
		if src == nil {
			src = parseSource(data)
		}
		return src
	}
	var relaxed []Warning
	if err != nil && !opts.Strict && strings.Contains(err.Error(), "cannot unmarshal array into") {
		doc, relaxed, err = loadRelaxed(data, absPath, err)
	}
	if err != nil {
		src := source()
		if ptr, ref, line := src.brokenRef(); ref != "" {
			if _, perr := url.Parse(ref); perr != nil {
				return nil, &SpecError{File: displayName, Line: line, Pointer: ptr, Message: fmt.Sprintf("$ref %q is not a valid reference; write a JSON pointer such as #/components/schemas/Name", ref)}
			}
			return nil, &SpecError{File: displayName, Line: line, Pointer: ptr, Message: fmt.Sprintf("$ref %q points at nothing; define %s or correct the reference", ref, ref)}
		}
		if ptr, line := src.nullObject(); ptr != "" {
			return nil, &SpecError{File: displayName, Line: line, Pointer: ptr, Message: "the value is null, but an object is required here; fill it in or remove the entry"}
		}
		if strings.Contains(err.Error(), "both schema and content") {
			if ptr, line := src.mappingWithKeys("in", "schema", "content"); ptr != "" {
				return nil, &SpecError{File: displayName, Line: line, Pointer: ptr, Message: "a parameter has both schema and content; keep one of them"}
			}
		}
		return nil, &SpecError{File: displayName, Message: "cannot load the document: " + cleanKinError(err)}
	}
	if !strings.HasPrefix(doc.OpenAPI, "3.") {
		return nil, &SpecError{File: displayName, Pointer: "/openapi", Message: fmt.Sprintf("version %q is not OpenAPI 3; livegen reads OpenAPI 3.0 and 3.1 documents (convert Swagger 2.0 first)", doc.OpenAPI)}
	}
	b := newBuilder(doc, displayName, opts)
	b.api.Warnings = append(b.api.Warnings, relaxed...)
	err = b.validate()
	if err == nil {
		api, err = b.build()
	}
	var se *SpecError
	if errors.As(err, &se) && se.Line == 0 && se.Pointer != "" {
		se.Line = source().line(se.Pointer)
	}
	return api, err
}

// yamlSyntaxError is a document that is neither JSON nor YAML.
type yamlSyntaxError struct{ err error }

func (e *yamlSyntaxError) Error() string { return e.err.Error() }

// readDocument loads a document, in sections when it can (see sections.go).
// A JSON object is split as it is, or loaded whole, never parsed as YAML;
// anything else is parsed as YAML once, which is the syntax check, the split
// and, when one is needed, the lines of messages (src, nil for JSON).
func readDocument(data []byte, absPath string) (doc *openapi3.T, src *sourceTree, err error) {
	if s, isJSON, ok := splitJSON(data); isJSON {
		if ok {
			if doc, ok := loadSections(s, absPath); ok {
				return doc, nil, nil
			}
		}
		doc, err := loadDoc(data, absPath)
		return doc, nil, err
	}
	src, err = parseSourceSections(data)
	if err != nil {
		return nil, nil, &yamlSyntaxError{err}
	}
	if src != nil {
		if s, ok := splitYAML(src.root); ok {
			if doc, ok := loadSections(s, absPath); ok {
				return doc, src, nil
			}
		}
	}
	doc, err = loadDoc(data, absPath)
	return doc, src, err
}

// parseSourceSafely is parseSourceErr with the YAML parser's panics, which
// some malformed inputs cause, turned into errors.
func parseSourceSafely(data []byte) (src *sourceTree, err error) {
	defer func() {
		if r := recover(); r != nil {
			src, err = nil, fmt.Errorf("yaml: %v", r)
		}
	}()
	return parseSourceErr(data)
}

// validate checks the document with kin-openapi. Real documents often break
// rules that cannot hurt the generated code (a missing response description,
// a numeric version), so outside strict mode a failed check is a warning and
// the builder, which tolerates such faults, goes on.
func (b *builder) validate() error {
	ctx := context.Background()
	validation := []openapi3.ValidationOption{
		openapi3.DisableExamplesValidation(),
		openapi3.DisableSchemaDefaultsValidation(),
		openapi3.DisableSchemaPatternValidation(),
	}
	if b.opts.Strict {
		validation = []openapi3.ValidationOption{openapi3.EnableExamplesValidation()}
	}
	err := b.doc.Validate(ctx, validation...)
	if err == nil {
		return nil
	}
	if b.opts.Strict {
		return &SpecError{File: b.file, Pointer: pointerOfKinError(err), Message: "invalid document: " + cleanKinError(err)}
	}
	b.api.Warnings = append(b.api.Warnings, Warning{Pointer: orRoot(pointerOfKinError(err)), Message: "the document does not validate (" + cleanKinError(err) + "); generating anyway, -strict stops here"})
	return nil
}

func orRoot(ptr string) string {
	if ptr == "" {
		return "/"
	}
	return ptr
}

// cleanKinError keeps kin-openapi's message on one line.
func cleanKinError(err error) string {
	msg := err.Error()
	msg = strings.ReplaceAll(msg, "\n", "; ")
	return strings.TrimSpace(msg)
}

// pointerOfKinError recovers the JSON pointer kin-openapi puts in some errors.
func pointerOfKinError(err error) string {
	var me openapi3.MultiError
	if errors.As(err, &me) && len(me) > 0 {
		err = me[0]
	}
	var se *openapi3.SchemaError
	if errors.As(err, &se) {
		return "/" + strings.Join(se.JSONPointer(), "/")
	}
	return ""
}

func unwrapPathError(err error) string {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// pointer builds an escaped JSON pointer from reference tokens.
func pointer(tokens ...string) string {
	var b strings.Builder
	for _, t := range tokens {
		b.WriteByte('/')
		t = strings.ReplaceAll(t, "~", "~0")
		b.WriteString(strings.ReplaceAll(t, "/", "~1"))
	}
	return b.String()
}

// loadRelaxed retries a load that failed on draft-4 tuple schemas, with each
// tuple typed as a list of any value.
func loadRelaxed(data []byte, absPath string, loadErr error) (*openapi3.T, []Warning, error) {
	src := parseSource(data) // a copy of its own: the rewrite changes it
	where := src.relaxTupleItems()
	if len(where) == 0 {
		return nil, nil, loadErr
	}
	fixed, err := src.jsonBytes()
	if err != nil {
		return nil, nil, loadErr
	}
	doc, err := loadDoc(fixed, absPath)
	if err != nil {
		return nil, nil, loadErr
	}
	warnings := make([]Warning, len(where))
	for i, ptr := range where {
		warnings[i] = Warning{Pointer: ptr, Message: "a tuple (items as a list) is typed as a list of any value"}
	}
	return doc, warnings, nil
}

// loadDoc loads a document with a fresh kin-openapi loader (a loader caches
// what it read, so a retry needs a new one). External references resolve
// against absPath, and are refused for documents given as bytes.
func loadDoc(data []byte, absPath string) (*openapi3.T, error) {
	loader := openapi3.NewLoader()
	loader.IsExternalRefsAllowed = absPath != ""
	if absPath != "" {
		return loader.LoadFromDataWithPath(data, &url.URL{Path: absPath})
	}
	return loader.LoadFromData(data)
}
