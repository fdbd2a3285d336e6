package loader

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	yaml "go.yaml.in/yaml/v3"
)

// Repairing slips outside schemas.
//
// Real documents hold mistakes that cannot hurt the generated code but stop
// kin-openapi: a number where a string is required (info.version: 2.0), an
// object where a description is (a Redoc-style {$ref: file#/text}), a
// response that $refs a request body of the same shape. When a load fails,
// the source tree is repaired where it has such slips, each with a located
// warning, and loaded again; -strict reports the first slip instead.

// stringFields are the fields whose value is a string wherever they stand
// (in an object of the spec, not in a map of names such as properties).
var stringFields = map[string]bool{
	"description": true, "summary": true, "title": true, "version": true, "operationId": true,
	"termsOfService": true, "email": true, "url": true, "name": true, "format": true,
	"pattern": true, "contentType": true, "propertyName": true, "openIdConnectUrl": true,
	"authorizationUrl": true, "tokenUrl": true, "refreshUrl": true, "bearerFormat": true,
}

// proseFields may be replaced by the text a {$ref} to them points at.
var proseFields = map[string]bool{"description": true, "summary": true}

// freeFields hold values of any shape: they are not walked.
var freeFields = map[string]bool{"example": true, "examples": true, "default": true, "enum": true, "const": true, "security": true, "scopes": true, "mapping": true}

// nameMaps are the fields whose keys are names; the value is the number of
// levels of names (a callback maps names to expressions to path items).
var nameMaps = map[string]int{
	"paths": 1, "webhooks": 1, "properties": 1, "patternProperties": 1, "definitions": 1, "$defs": 1,
	"schemas": 1, "responses": 1, "parameters": 1, "requestBodies": 1, "headers": 1, "securitySchemes": 1,
	"links": 1, "content": 1, "encoding": 1, "variables": 1, "dependentSchemas": 1, "callbacks": 2,
	"securityDefinitions": 1, "pathItems": 1,
}

// repairer rewrites a source tree in place and records what it changed.
type repairer struct {
	t        *sourceTree
	dir      string // the document's folder, for prose $refs to other files; empty for none
	warnings []Warning
}

func (r *repairer) warn(ptr string, line int, format string, args ...any) {
	r.warnings = append(r.warnings, Warning{Pointer: ptr, Line: line, Message: fmt.Sprintf(format, args...)})
}

// repair applies every repair to t and returns what it changed, in
// document order.
func repair(t *sourceTree, absPath string) []Warning {
	if t == nil || t.root == nil {
		return nil
	}
	r := &repairer{t: t}
	if absPath != "" {
		r.dir = filepath.Dir(absPath)
	}
	r.object(t.root, "")
	r.retargetRefs()
	for _, ptr := range t.relaxTupleItems() {
		r.warn(ptr, t.line(ptr), "a tuple (items as a list) is typed as a list of any value")
	}
	return r.warnings
}

// object walks a mapping whose keys are fields.
func (r *repairer) object(n *yaml.Node, at string) {
	switch n.Kind {
	case yaml.SequenceNode:
		for i, c := range n.Content {
			r.object(c, at+"/"+strconv.Itoa(i))
		}
		return
	case yaml.MappingNode:
	default:
		return
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		key, v := n.Content[i].Value, n.Content[i+1]
		ptr := at + "/" + EscapeToken(key)
		switch {
		case strings.HasPrefix(key, "x-") || freeFields[key]:
		case stringFields[key]:
			n.Content[i+1] = r.stringValue(v, ptr, key)
		case nameMaps[key] > 0 && v.Kind == yaml.MappingNode:
			r.names(v, ptr, nameMaps[key])
		default:
			r.object(v, ptr)
		}
	}
}

// names walks a mapping whose keys are names, levels deep.
func (r *repairer) names(n *yaml.Node, at string, levels int) {
	if n.Kind != yaml.MappingNode {
		return
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		ptr := at + "/" + EscapeToken(n.Content[i].Value)
		if levels > 1 {
			r.names(n.Content[i+1], ptr, levels-1)
		} else {
			r.object(n.Content[i+1], ptr)
		}
	}
}

// stringValue coerces the value of a string field.
func (r *repairer) stringValue(v *yaml.Node, ptr, key string) *yaml.Node {
	switch v.Kind {
	case yaml.ScalarNode:
		switch v.ShortTag() {
		case "!!int", "!!float", "!!bool":
			kind := map[string]string{"!!int": "number", "!!float": "number", "!!bool": "boolean"}[v.ShortTag()]
			r.warn(ptr, v.Line, "%s is the %s %s, but a string is required; it is read as the text %q (quote it)", key, kind, v.Value, v.Value)
			return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: v.Value, Line: v.Line, Column: v.Column}
		}
		return v
	case yaml.MappingNode:
		if proseFields[key] {
			if ref := mappingValue(v, "$ref"); ref != nil && len(v.Content) == 2 {
				if text, ok := r.proseAt(ref.Value); ok {
					r.warn(ptr, v.Line, "%s is a $ref (%s), but a string is required; the text it points at is used (write the text in place)", key, ref.Value)
					return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: text, Line: v.Line, Column: v.Column}
				}
			}
		}
	case yaml.AliasNode, yaml.DocumentNode:
		return v
	}
	r.warn(ptr, v.Line, "%s is %s, but a string is required; it is left out (write a string)", key, kindName(v))
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: "", Line: v.Line, Column: v.Column}
}

// proseAt reads the text a prose $ref points at: in this document, or in a
// YAML or JSON file beside it.
func (r *repairer) proseAt(ref string) (string, bool) {
	file, fragment, _ := strings.Cut(ref, "#")
	t := r.t
	if file != "" {
		if r.dir == "" || filepath.IsAbs(file) || strings.Contains(file, "://") {
			return "", false
		}
		data, err := os.ReadFile(filepath.Join(r.dir, filepath.FromSlash(file)))
		if err != nil {
			return "", false
		}
		if t = parseSource(data); t == nil {
			return "", false
		}
	}
	n := t.lookup(fragment)
	if n == nil || n.Kind != yaml.ScalarNode || n.ShortTag() != "!!str" {
		return "", false
	}
	return n.Value, true
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "an object"
	case yaml.SequenceNode:
		return "a list"
	}
	return "a " + strings.TrimPrefix(n.ShortTag(), "!!")
}

// bodySlots are where a response or a request body stands; the two have the
// same shape (description and content), so a $ref from one kind to the
// other is read as a copy made of the right kind.
var bodySlots = []struct {
	kind string // the components section of the kind that belongs here
	at   *regexp.Regexp
}{
	{"responses", regexp.MustCompile(`^/paths/[^/]+/[^/]+/responses/[^/]+$`)},
	{"responses", regexp.MustCompile(`^/components/responses/[^/]+$`)},
	{"requestBodies", regexp.MustCompile(`^/paths/[^/]+/[^/]+/requestBody$`)},
	{"requestBodies", regexp.MustCompile(`^/components/requestBodies/[^/]+$`)},
}

var componentRef = regexp.MustCompile(`^#/components/(responses|requestBodies)/([^/]+)$`)

// retargetRefs points each response or request body $ref that names the
// other kind at a copy of the target of the right kind.
func (r *repairer) retargetRefs() {
	type fix struct {
		node     *yaml.Node
		ptr      string
		kind     string
		from, to string
	}
	var fixes []fix
	r.t.find(func(n *yaml.Node, at string) bool {
		if n.Kind != yaml.MappingNode {
			return false
		}
		ref := mappingValue(n, "$ref")
		if ref == nil {
			return false
		}
		m := componentRef.FindStringSubmatch(ref.Value)
		if m == nil {
			return false
		}
		for _, slot := range bodySlots {
			if slot.at.MatchString(at) && slot.kind != m[1] {
				fixes = append(fixes, fix{node: ref, ptr: at + "/$ref", kind: slot.kind, from: m[1], to: m[2]})
			}
		}
		return false
	})
	for _, f := range fixes {
		target := r.t.lookup(strings.TrimPrefix(f.node.Value, "#"))
		if target == nil || target.Kind != yaml.MappingNode {
			continue
		}
		name := r.copyComponent(f.kind, f.to, target)
		what := map[string]string{"responses": "a response", "requestBodies": "a request body"}
		r.warn(f.ptr, f.node.Line, "$ref %q points at %s where %s is expected; the two have the same shape, so it is read as %s (point it at #/components/%s/%s)",
			f.node.Value, what[f.from], what[f.kind], what[f.kind], f.kind, EscapeToken(name))
		f.node.Value = "#/components/" + f.kind + "/" + EscapeToken(name)
	}
}

// copyComponent adds to components/<kind> a copy of target's description
// and content, named like it (or with a suffix when taken), once per name.
func (r *repairer) copyComponent(kind, name string, target *yaml.Node) string {
	components := mappingValue(r.t.root, "components")
	section := mappingValue(components, kind)
	if section == nil {
		section = &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
		components.Content = append(components.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: kind}, section)
	}
	copied := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Line: target.Line}
	for i := 0; i+1 < len(target.Content); i += 2 {
		if k := target.Content[i].Value; k == "description" || k == "content" {
			copied.Content = append(copied.Content, target.Content[i], target.Content[i+1])
		}
	}
	if kind == "responses" && mappingValue(copied, "description") == nil {
		copied.Content = append(copied.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: "description"}, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: ""})
	}
	unique := name
	for i := 2; ; i++ {
		existing := mappingValue(section, unique)
		if existing == nil {
			break
		}
		if existing.Line == target.Line && existing.Column == target.Column {
			return unique // copied before
		}
		unique = name + strconv.Itoa(i)
	}
	copied.Column = target.Column
	section.Content = append(section.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: unique}, copied)
	return unique
}
