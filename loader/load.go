// Package loader reads an OpenAPI document into kin-openapi's *openapi3.T:
// in sections when it can, leniently where a slip cannot hurt the generated
// code (with a located warning), and with every error naming the file, the
// line, the JSON pointer and what to change. The generator builds its model
// from what Load returns and never reads a document itself.
package loader

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
)

// Options steer how a document is loaded.
type Options struct {
	// Strict turns every warning into an error and validates the document fully.
	Strict bool
}

// Input is a document to load.
type Input struct {
	// Name is the file named in messages.
	Name string
	// Path is the document's absolute path, against which relative $refs
	// resolve; empty for a document given as bytes, which may not have any.
	Path string
	Data []byte
}

// Document is a loaded document and what loading it had to say.
type Document struct {
	T *openapi3.T
	// File is the name messages give.
	File string
	// Warnings are the faults loading tolerated, in document order.
	Warnings []Warning

	data []byte
	src  *sourceTree
	// swagger is set for a converted Swagger 2.0 document, whose pointers
	// Locate translates back.
	swagger bool
	// xWebhooks is set when T.Webhooks were read from x-webhooks.
	xWebhooks bool
	// path is the entry file's absolute path (empty for bytes), and files
	// the other files its $refs name, read when a message needs them.
	path  string
	files fileSet
}

// source is the document's text as a tree with lines, parsed when first needed.
func (d *Document) source() *sourceTree {
	if d.src == nil {
		d.src = parseSource(d.data)
	}
	return d.src
}

// Line is the line of the node at a JSON pointer, or of its nearest parent
// that exists; 0 when unknown.
func (d *Document) Line(ptr string) int {
	_, _, line := d.Locate(ptr)
	return line
}

// Locate finds where a pointer into the loaded document is written: the
// file, the pointer in that file's terms and the line (of the nearest
// parent that exists; 0 when unknown).
func (d *Document) Locate(ptr string) (file, at string, line int) {
	return d.follow(d.SourcePointer(ptr))
}

// SourcePointer is a pointer into the loaded document in the terms of the
// document as written: the same pointer, except for a converted Swagger 2.0
// document (/components/schemas/Pet is /definitions/Pet there) and for
// webhooks read from x-webhooks.
func (d *Document) SourcePointer(ptr string) string {
	if d.swagger {
		if translated := swaggerPointer(d.source(), ptr); translated != "" {
			return translated
		}
	}
	if d.xWebhooks {
		return xWebhooksPointer(ptr)
	}
	return ptr
}

// LocateError points an error's pointer at where it is written, unless it
// is located already.
func (d *Document) LocateError(e *SpecError) {
	if e.Line == 0 && e.Pointer != "" {
		e.File, e.Pointer, e.Line = d.Locate(e.Pointer)
	}
}

// LocateWarnings points each warning at where it is written.
func (d *Document) LocateWarnings(ws []Warning) {
	for i := range ws {
		if ws[i].Line == 0 {
			ws[i].File, ws[i].Pointer, ws[i].Line = d.Locate(ws[i].Pointer)
		}
	}
}

// LoadFile reads the document at path and loads it.
func LoadFile(path string, opts Options) (*Document, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, &SpecError{File: path, Message: "cannot read the spec: " + unwrapPathError(err)}
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		abs = path
	}
	return Load(Input{Name: path, Path: abs, Data: data}, opts)
}

// Load loads a document: kin-openapi's *openapi3.T with its references
// resolved, plus the located warnings, or one located *SpecError.
func Load(in Input, opts Options) (doc *Document, err error) {
	defer func() {
		// A loader bug must still end in one readable line, never a stack trace.
		if r := recover(); r != nil {
			doc, err = nil, &SpecError{File: in.Name, Message: fmt.Sprintf("livegen cannot handle this document (internal error: %v); please report it with the spec", r)}
		}
	}()
	if len(strings.TrimSpace(string(in.Data))) == 0 {
		return nil, &SpecError{File: in.Name, Message: "the file is empty; expected an OpenAPI 3 document"}
	}
	if isSwagger2(in.Data) {
		doc, err = loadSwagger2(in)
	} else {
		doc, err = loadOpenAPI3(in, opts)
	}
	if err != nil {
		return nil, err
	}
	if err := doc.validate(opts.Strict); err != nil {
		doc.LocateError(err)
		return nil, err
	}
	if err := doc.readXWebhooks(); err != nil {
		doc.LocateError(err)
		return nil, err
	}
	return doc, nil
}

// loadOpenAPI3 reads an OpenAPI 3 document.
func loadOpenAPI3(in Input, opts Options) (*Document, error) {
	t, src, err := readDocument(in.Data, in.Path)
	var syntax *yamlSyntaxError
	if errors.As(err, &syntax) {
		return nil, syntaxError(in.Name, in.Data, syntax.err)
	}
	doc := &Document{T: t, File: in.Name, data: in.Data, src: src, path: in.Path}
	if err != nil || hasOperationRefs(doc.T) {
		if err := doc.loadRepaired(opts.Strict, err); err != nil {
			return nil, err
		}
	}
	if !strings.HasPrefix(doc.T.OpenAPI, "3.") {
		return nil, &SpecError{File: in.Name, Line: doc.Line("/openapi"), Pointer: "/openapi", Message: fmt.Sprintf("version %q is not OpenAPI 3; livegen reads Swagger 2.0 and OpenAPI 3.0 and 3.1 documents", doc.T.OpenAPI)}
	}
	return doc, nil
}

// locateLoadError finds in the source where a failed load went wrong, which
// kin-openapi's own message does not say.
func (d *Document) locateLoadError(err error) *SpecError {
	src := d.source()
	if ptr, ref, line := src.brokenRef(); ref != "" {
		if _, perr := url.Parse(ref); perr != nil {
			return &SpecError{File: d.File, Line: line, Pointer: ptr, Message: fmt.Sprintf("$ref %q is not a valid reference; write a JSON pointer such as #/components/schemas/Name", ref)}
		}
		return &SpecError{File: d.File, Line: line, Pointer: ptr, Message: fmt.Sprintf("$ref %q points at nothing; define %s or correct the reference", ref, ref)}
	}
	if e := d.brokenFileRef(); e != nil {
		return e
	}
	if ptr, line := src.nullObject(); ptr != "" {
		return &SpecError{File: d.File, Line: line, Pointer: ptr, Message: "the value is null, but an object is required here; fill it in or remove the entry"}
	}
	if strings.Contains(err.Error(), "both schema and content") {
		if ptr, line := src.mappingWithKeys("in", "schema", "content"); ptr != "" {
			return &SpecError{File: d.File, Line: line, Pointer: ptr, Message: "a parameter has both schema and content; keep one of them"}
		}
	}
	if e := src.explainTypeMismatch(d.File, err); e != nil {
		return e
	}
	if e := src.explainBadRef(d.File, err); e != nil {
		return e
	}
	// Nothing in the text matched: the message is about the whole document.
	return &SpecError{File: d.File, Line: src.line("/"), Pointer: "/", Message: "cannot load the document: " + cleanKinError(err) + "; correct what kin-openapi names"}
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
// the generator, which tolerates such faults, goes on.
func (d *Document) validate(strict bool) *SpecError {
	validation := []openapi3.ValidationOption{
		openapi3.DisableExamplesValidation(),
		openapi3.DisableSchemaDefaultsValidation(),
		openapi3.DisableSchemaPatternValidation(),
	}
	if strict {
		validation = []openapi3.ValidationOption{openapi3.EnableExamplesValidation()}
	}
	err := d.T.Validate(context.Background(), validation...)
	if err == nil {
		return nil
	}
	if strict {
		return &SpecError{File: d.File, Pointer: pointerOfKinError(err), Message: "invalid document: " + cleanKinError(err)}
	}
	d.Warnings = append(d.Warnings, Warning{Pointer: orRoot(pointerOfKinError(err)), Message: "the document does not validate (" + cleanKinError(err) + "); generating anyway, -strict stops here"})
	return nil
}

// loadRepaired loads the document again, from a copy of the source with
// the slips repair.go knows repaired, each with a warning: after a load
// that failed (loadErr), or one that read operations written as $refs
// (loadErr nil). Strict mode reports the first slip instead. When there is
// nothing to repair, or the repaired document fails too, a failure is
// located in the source.
func (d *Document) loadRepaired(strict bool, loadErr error) error {
	fail := func(err error) error {
		if err == nil {
			return nil
		}
		return d.locateLoadError(err)
	}
	src := parseSource(d.data) // a copy of its own: the repairs change it
	repairs := repair(src, d.path, &d.files)
	if len(repairs) == 0 {
		return fail(loadErr)
	}
	if strict {
		w := repairs[0]
		return &SpecError{File: d.File, Line: w.Line, Pointer: w.Pointer, Message: w.Message + " (strict mode: fix the spec or drop -strict)"}
	}
	fixed, err := src.jsonBytes()
	if err != nil {
		return fail(loadErr)
	}
	loader := d.newLoader()
	var others []Warning
	seen := map[Warning]bool{}
	loader.ReadFromURIFunc = func(l *openapi3.Loader, u *url.URL) ([]byte, error) {
		data, ws, err := d.readRepaired(l, u)
		for _, w := range ws {
			if !seen[w] { // kin-openapi may read a file more than once
				seen[w] = true
				others = append(others, w)
			}
		}
		return data, err
	}
	var doc *openapi3.T
	if d.path != "" {
		doc, err = loader.LoadFromDataWithPath(fixed, &url.URL{Path: d.path})
	} else {
		doc, err = loader.LoadFromData(fixed)
	}
	if err != nil {
		return d.locateLoadError(err)
	}
	d.T, d.Warnings = doc, append(repairs, others...)
	return nil
}

// readRepaired reads a file a $ref reaches, repaired as repairReferenced
// says, with the warnings located in it.
func (d *Document) readRepaired(l *openapi3.Loader, u *url.URL) ([]byte, []Warning, error) {
	data, err := openapi3.DefaultReadFromURI(l, u)
	if err != nil || u.Scheme != "" && u.Scheme != "file" || !propertiesRef.Match(data) {
		return data, nil, err
	}
	t, perr := parseSourceSafely(data)
	if perr != nil {
		return data, nil, nil
	}
	ws := repairReferenced(t, u.Path, &d.files)
	if len(ws) == 0 {
		return data, nil, nil
	}
	fixed, err := t.jsonBytes()
	if err != nil {
		return data, nil, nil
	}
	for i := range ws {
		ws[i].File = d.displayName(u.Path)
	}
	return fixed, ws, nil
}

// propertiesRef finds the text of a properties map written as a $ref, the
// one slip repairReferenced repairs, so that files without it are not parsed
// twice.
var propertiesRef = regexp.MustCompile(`properties["']?\s*:\s*\{?\s*["']?\$ref`)

// newLoader is a fresh kin-openapi loader for this document (a loader
// caches what it read, so a retry needs a new one); external references
// are allowed when the document has a path.
func (d *Document) newLoader() *openapi3.Loader {
	loader := openapi3.NewLoader()
	loader.IsExternalRefsAllowed = d.path != ""
	return loader
}

// hasOperationRefs reports whether kin-openapi read an operation written
// as a $ref, which it keeps as an extension of an empty operation.
func hasOperationRefs(t *openapi3.T) bool {
	if t.Paths == nil {
		return false
	}
	for _, item := range t.Paths.Map() {
		for _, op := range item.Operations() {
			if _, ok := op.Extensions["$ref"]; ok {
				return true
			}
		}
	}
	return false
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
