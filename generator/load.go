package generator

import (
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"github.com/seed-0d47db62/livegen/loader"
)

// Options steer how a spec is loaded and named.
type Options struct {
	// Package is the Go package name of the output.
	Package string
	// ImportPath is the output's import path, under which its runtime
	// package is imported (see API.ImportPath).
	ImportPath string
	// SpecName is printed in generated headers; it defaults to the file's base name.
	SpecName string
	// Strict turns every warning into an error and validates the document fully.
	Strict bool
	// Overrides are livegen.yaml's names, types and chunk sizes; nil for none.
	Overrides *Overrides
	// Selection chooses the operations to generate; nil keeps all.
	Selection *Selection
}

// SpecError is an error in a spec, with where it is and what to change.
type SpecError = loader.SpecError

// Warning is a problem in the spec that did not stop generation.
type Warning = loader.Warning

// LoadFile reads, validates and models the spec at path.
func LoadFile(path string, opts Options) (*API, error) {
	if opts.SpecName == "" {
		opts.SpecName = filepath.Base(path)
	}
	doc, err := loader.LoadFile(path, loader.Options{Strict: opts.Strict})
	if err != nil {
		return nil, err
	}
	return Build(doc, opts)
}

// LoadData models a spec given as bytes; name is used in messages and headers.
func LoadData(data []byte, name string, opts Options) (*API, error) {
	if opts.SpecName == "" {
		opts.SpecName = filepath.Base(name)
	}
	doc, err := loader.Load(loader.Input{Name: name, Data: data}, loader.Options{Strict: opts.Strict})
	if err != nil {
		return nil, err
	}
	return Build(doc, opts)
}

// Build models a loaded document. Its errors carry the line of their pointer.
func Build(doc *loader.Document, opts Options) (api *API, err error) {
	defer func() {
		// A generator bug must still end in one readable line, never a stack trace.
		if r := recover(); r != nil {
			api, err = nil, &SpecError{File: doc.File, Message: fmt.Sprintf("livegen cannot handle this document (internal error: %v); please report it with the spec", r)}
		}
	}()
	b := newBuilder(doc.T, doc.File, opts)
	b.api.Warnings = append(b.api.Warnings, doc.Warnings...)
	api, err = b.build()
	var se *SpecError
	if errors.As(err, &se) {
		doc.LocateError(se)
	}
	if api != nil {
		api.source = doc
		for _, t := range slices.Concat(api.Types, api.Unselected.Types) {
			t.Pointer = doc.SourcePointer(t.Pointer) // type docs name the schema as written
		}
	}
	return api, err
}

// pointer builds an escaped JSON pointer from reference tokens.
func pointer(tokens ...string) string { return loader.Pointer(tokens...) }

func escapeToken(t string) string { return loader.EscapeToken(t) }

// unescapeToken reads one reference token of a JSON pointer.
func unescapeToken(t string) string {
	return strings.ReplaceAll(strings.ReplaceAll(t, "~1", "/"), "~0", "~")
}

// LocatedWarnings are the warnings with the file and line each pointer is
// written at (in the file a $ref leads to, or the Swagger 2.0 text). Lines
// are found only when asked for: a JSON document is parsed again for them.
func (a *API) LocatedWarnings() []Warning {
	ws := slices.Clone(a.Warnings)
	if a.source != nil {
		a.source.LocateWarnings(ws)
	}
	return ws
}
