package loader

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"

	yaml "go.yaml.in/yaml/v3"
)

// Explaining load errors that kin-openapi or the YAML parser word without a
// place: each is matched to the node it is about, so that the message reads
// file:line: /pointer: what is wrong; what to change.

// typeMismatch is encoding/json's message for a value of the wrong kind.
var typeMismatch = regexp.MustCompile(`cannot unmarshal (\w+) into (?:Go struct )?field (?:\w+\.)*([^ .]+) of type (\S+)`)

// badRef is kin-openapi's message for a $ref to a component of another kind.
var badRef = regexp.MustCompile(`bad data in "([^"]+)" \(expecting (?:ref to )?(.+?)(?: object)?\)`)

// explainTypeMismatch finds the first field named as in the message whose
// value has the kind the message names.
func (t *sourceTree) explainTypeMismatch(file string, err error) *SpecError {
	m := typeMismatch.FindStringSubmatch(err.Error())
	if m == nil {
		return nil
	}
	got, field, goType := m[1], m[2], m[3]
	ptr, line := t.find(func(n *yaml.Node, at string) bool {
		return strings.HasSuffix(at, "/"+EscapeToken(field)) && jsonKind(n) == got
	})
	if ptr == "" {
		return nil
	}
	n := t.lookup(ptr)
	return &SpecError{File: file, Line: line, Pointer: ptr, Message: fmt.Sprintf("%s is %s, but %s is required here; write %s", field, describeValue(n), goTypeWords(goType), goTypeWords(goType))}
}

// explainBadRef finds a $ref to a component of the wrong kind.
func (t *sourceTree) explainBadRef(file string, err error) *SpecError {
	m := badRef.FindStringSubmatch(err.Error())
	if m == nil {
		return nil
	}
	ref, want := m[1], m[2]
	ptr, line := t.find(func(n *yaml.Node, at string) bool {
		return strings.HasSuffix(at, "/$ref") && n.Kind == yaml.ScalarNode && n.Value == ref
	})
	if ptr == "" {
		return nil
	}
	return &SpecError{File: file, Line: line, Pointer: ptr, Message: fmt.Sprintf("$ref %q points at a component of another kind, but %s is required here; point it at a %s or write one in place", ref, want, want)}
}

func jsonKind(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "object"
	case yaml.SequenceNode:
		return "array"
	case yaml.ScalarNode:
		switch n.ShortTag() {
		case "!!int", "!!float":
			return "number"
		case "!!bool":
			return "bool"
		case "!!null":
			return "null"
		}
		return "string"
	}
	return ""
}

// describeValue says what a node holds, for a message.
func describeValue(n *yaml.Node) string {
	switch jsonKind(n) {
	case "object":
		return "an object"
	case "array":
		return "a list"
	case "string":
		return fmt.Sprintf("the text %q", n.Value)
	case "number":
		return "the number " + n.Value
	case "bool":
		return "the boolean " + n.Value
	}
	return "null"
}

// goTypeWords names a Go type of kin-openapi's in OpenAPI's words.
func goTypeWords(goType string) string {
	switch {
	case goType == "string":
		return "a string"
	case goType == "bool":
		return "true or false"
	case strings.HasPrefix(goType, "int"), strings.HasPrefix(goType, "uint"), strings.HasPrefix(goType, "float"):
		return "a number"
	case strings.HasPrefix(goType, "[]"), strings.HasSuffix(goType, "Parameters"), strings.HasSuffix(goType, "Types"):
		return "a list"
	}
	return "an object"
}

// pointerBeforeLine is where a YAML syntax error at line stands: the last
// key above it that is less indented, in the part of the text above it
// (which usually parses); empty when unknown.
func pointerBeforeLine(data []byte, line int) string {
	if line <= 1 {
		return ""
	}
	lines := bytes.SplitAfter(data, []byte("\n"))
	if line-1 > len(lines) {
		return ""
	}
	indent := -1
	if line-1 < len(lines) {
		text := lines[line-1]
		indent = len(text) - len(bytes.TrimLeft(text, " "))
	}
	above, err := parseSourceSafely(bytes.Join(lines[:line-1], nil))
	if err != nil || above == nil {
		return ""
	}
	best := ""
	var walk func(n *yaml.Node, at string)
	walk = func(n *yaml.Node, at string) {
		switch n.Kind {
		case yaml.MappingNode:
			for i := 0; i+1 < len(n.Content); i += 2 {
				k := n.Content[i]
				ptr := at + "/" + EscapeToken(k.Value)
				if indent < 0 || k.Column-1 < indent {
					best = ptr
				}
				walk(n.Content[i+1], ptr)
			}
		case yaml.SequenceNode:
			for i, c := range n.Content {
				ptr := fmt.Sprintf("%s/%d", at, i)
				if indent < 0 || c.Column-1 <= indent {
					best = ptr
				}
				walk(c, ptr)
			}
		}
	}
	walk(above.root, "")
	return best
}
