package loader

import (
	"fmt"
	"os"
	"path"
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
	path     string // the document's absolute path, for $refs to other files; empty for none
	dir      string // its folder
	files    *fileSet
	warnings []Warning
	// inlined is set while walking an operation copied from another file,
	// whose lines are that file's: its warnings are located by pointer.
	inlined bool
	// shapeOnly is set for a file a $ref reaches, whose top level may be
	// anything (a schema, a map of properties named "description"): only
	// repairs that do not depend on knowing a field from a name apply.
	shapeOnly bool
	// operationRefs counts the operations written as $refs, and firstOpRef
	// is where the first one is.
	operationRefs int
	firstOpRef    Warning
}

func (r *repairer) warn(ptr string, line int, format string, args ...any) {
	if r.inlined {
		line = 0
	}
	r.warnings = append(r.warnings, Warning{Pointer: ptr, Line: line, Message: fmt.Sprintf(format, args...)})
}

// repair applies every repair to t and returns what it changed, in
// document order.
func repair(t *sourceTree, absPath string, files *fileSet) []Warning {
	if t == nil || t.root == nil {
		return nil
	}
	r := &repairer{t: t, path: absPath, files: files}
	if absPath != "" {
		r.dir = filepath.Dir(absPath)
	}
	r.object(t.root, "")
	if r.operationRefs > 0 {
		w := r.firstOpRef
		w.Message = fmt.Sprintf("operations are written as $refs (%d of them; this one to %q), which OpenAPI allows for path items only; the operations they point at are read in their place (write each in place, or $ref whole path items)", r.operationRefs, w.Message)
		r.warnings = append([]Warning{w}, r.warnings...)
	}
	r.retargetRefs()
	for _, ptr := range t.relaxTupleItems() {
		r.warn(ptr, t.line(ptr), "a tuple (items as a list) is typed as a list of any value")
	}
	return r.warnings
}

// repairReferenced repairs a file that a $ref reaches, at absPath, and
// returns what it changed; see shapeOnly.
func repairReferenced(t *sourceTree, absPath string, files *fileSet) []Warning {
	if t == nil || t.root == nil {
		return nil
	}
	r := &repairer{t: t, path: absPath, dir: filepath.Dir(absPath), files: files, shapeOnly: true}
	r.object(t.root, "")
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
	if defs := mappingValue(n, "$defs"); defs != nil && defs.Kind == yaml.MappingNode && at != "" {
		r.anchorDefs(n, defs, at)
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		key, v := n.Content[i].Value, n.Content[i+1]
		ptr := at + "/" + EscapeToken(key)
		switch {
		case strings.HasPrefix(key, "x-") || freeFields[key]:
		case stringFields[key] && !r.shapeOnly:
			n.Content[i+1] = r.stringValue(v, ptr, key)
		case operationSlot.MatchString(ptr) && mappingValue(v, "$ref") != nil:
			if op := r.inlineOperation(v, ptr); op != nil {
				n.Content[i+1] = op
				inlined := r.inlined
				r.inlined = true
				r.object(op, ptr)
				r.inlined = inlined
			}
		case key == "properties" && len(v.Content) == 2 && mappingValue(v, "$ref") != nil:
			if props := r.inlineProperties(v, ptr); props != nil {
				n.Content[i+1] = props
				r.names(props, ptr, 1)
			}
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
	r.warn(ptr, v.Line, "%s is %s, but a string is required; it is left out (write a string)", key, describeValue(v))
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

// operationSlot is where an operation stands in a path item.
var operationSlot = regexp.MustCompile(`^/paths/[^/]+/(get|put|post|delete|options|head|patch|trace)$`)

// inlineOperation replaces an operation written as a $ref (OpenAPI allows
// $refs for path items, not operations; DigitalOcean's document writes each
// operation in a file of its own) by a copy of what it points at. It
// returns nil when the target cannot be read; kin-openapi then loads the
// operation empty.
func (r *repairer) inlineOperation(v *yaml.Node, ptr string) *yaml.Node {
	ref := mappingValue(v, "$ref").Value
	op := r.copyTarget(ref)
	if op == nil || op.Kind != yaml.MappingNode {
		return nil
	}
	r.operationRefs++
	if r.operationRefs == 1 {
		r.firstOpRef = Warning{Pointer: ptr + "/$ref", Line: v.Line, Message: ref} // worded in repair
	}
	return op
}

// inlineProperties replaces a properties map written as a $ref to a map of
// properties by a copy of that map.
func (r *repairer) inlineProperties(v *yaml.Node, ptr string) *yaml.Node {
	ref := mappingValue(v, "$ref").Value
	props := r.copyTarget(ref)
	if props == nil || props.Kind != yaml.MappingNode {
		return nil
	}
	r.warn(ptr, v.Line, "properties is a $ref (%s), which OpenAPI does not allow there; the properties it points at are used (list them in place)", ref)
	return props
}

// copyTarget copies what a $ref in the document points at, in this file or
// another, with the copy's relative $refs rewritten to hold from the entry
// file's folder; nil when it cannot be read.
func (r *repairer) copyTarget(ref string) *yaml.Node {
	abs, fragment, ok := fileRef(r.path, ref)
	if !ok {
		return nil
	}
	t, file := r.t, ""
	if abs != "" {
		other, err := r.files.tree(abs)
		if err != nil {
			return nil
		}
		rel, err := filepath.Rel(r.dir, abs)
		if err != nil {
			return nil
		}
		t, file = other, filepath.ToSlash(rel)
	}
	target := t.lookup(fragment)
	if target == nil {
		return nil
	}
	c := copyNode(target)
	if file != "" {
		rebaseRefs(c, file)
	}
	return c
}

// copyNode copies a YAML tree deeply (aliases still point into the original).
func copyNode(n *yaml.Node) *yaml.Node {
	c := *n
	c.Content = make([]*yaml.Node, len(n.Content))
	for i, child := range n.Content {
		c.Content[i] = copyNode(child)
	}
	return &c
}

// rebaseRefs rewrites the $refs of a tree copied from file (a path relative
// to the entry file's folder) so that they hold from the entry file, and
// so the discriminator mappings that are references rather than names.
func rebaseRefs(n *yaml.Node, file string) {
	if n.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(n.Content); i += 2 {
			v := n.Content[i+1]
			switch key := n.Content[i].Value; {
			case key == "$ref" && v.Kind == yaml.ScalarNode:
				v.Value = rebaseRef(v.Value, file)
			case key == "mapping" && v.Kind == yaml.MappingNode:
				for j := 1; j < len(v.Content); j += 2 {
					if target := v.Content[j]; target.Kind == yaml.ScalarNode && strings.ContainsAny(target.Value, "#/.") {
						target.Value = rebaseRef(target.Value, file)
					}
				}
			}
		}
	}
	for _, c := range n.Content {
		rebaseRefs(c, file)
	}
}

func rebaseRef(ref, file string) string {
	target, fragment, hasFragment := strings.Cut(ref, "#")
	switch {
	case target == "":
		target = file
	case strings.Contains(target, "://") || path.IsAbs(target):
		return ref
	default:
		target = path.Join(path.Dir(file), target)
	}
	if hasFragment {
		return target + "#" + fragment
	}
	return target
}

// anchorDefs rewrites, inside the schema at `at` that holds $defs, each
// "#/$defs/Name" that the document's root does not define into a pointer to
// this schema's definition: generators of JSON Schema (pydantic) write them
// relative to the schema, while OpenAPI reads them from the document's root.
func (r *repairer) anchorDefs(schema, defs *yaml.Node, at string) {
	local := map[string]string{}
	for i := 0; i+1 < len(defs.Content); i += 2 {
		name := defs.Content[i].Value
		ref := "#/$defs/" + EscapeToken(name)
		if r.t.lookup("/$defs/"+EscapeToken(name)) == nil {
			local[ref] = "#" + at + "/$defs/" + EscapeToken(name)
		}
	}
	count, line := 0, 0
	rewrite := func(v *yaml.Node) {
		if to, ok := local[v.Value]; ok && v.Kind == yaml.ScalarNode {
			if count == 0 {
				line = v.Line
			}
			v.Value = to
			count++
		}
	}
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		if n.Kind == yaml.MappingNode {
			for i := 0; i+1 < len(n.Content); i += 2 {
				switch v := n.Content[i+1]; n.Content[i].Value {
				case "$ref":
					rewrite(v)
				case "mapping":
					for j := 1; j < len(v.Content); j += 2 {
						rewrite(v.Content[j])
					}
				}
			}
		}
		for _, c := range n.Content {
			walk(c)
		}
	}
	walk(schema)
	if count > 0 {
		r.warn(at+"/$defs", line, "%d $refs such as #/$defs/... point at this schema's $defs, but OpenAPI reads them from the document's root; they are read as #%s/$defs/... (write them so, or move the definitions to components)", count, at)
	}
}
