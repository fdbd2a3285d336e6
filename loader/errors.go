package loader

import (
	"errors"
	"os"
	"strconv"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
)

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

// Warning is a problem in the spec that did not stop loading or generation.
type Warning struct {
	Pointer string // JSON pointer into the spec
	Message string
	// File and Line say where the pointer is written once the warning is
	// located (Document.LocateWarnings); empty and 0 before.
	File string
	Line int
}

func (w Warning) String() string { return w.Pointer + ": " + w.Message }

// Located is the warning as a message line: file:line: pointer: message,
// with file standing in for a warning that names none.
func (w Warning) Located(file string) string {
	if w.File != "" {
		file = w.File
	}
	if w.Line > 0 {
		file += ":" + strconv.Itoa(w.Line)
	}
	return file + ": " + w.String()
}

// Pointer builds an escaped JSON pointer from reference tokens.
func Pointer(tokens ...string) string {
	var b strings.Builder
	for _, t := range tokens {
		b.WriteByte('/')
		b.WriteString(EscapeToken(t))
	}
	return b.String()
}

// EscapeToken escapes one JSON pointer reference token.
func EscapeToken(t string) string {
	return strings.ReplaceAll(strings.ReplaceAll(t, "~", "~0"), "/", "~1")
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
