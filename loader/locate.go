package loader

import (
	"encoding/json"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"

	yaml "go.yaml.in/yaml/v3"
)

// sourceTree is the parsed YAML (or JSON) of a spec with line numbers, used
// only to point messages at the line a problem is on.
type sourceTree struct{ root *yaml.Node }

func parseSource(data []byte) *sourceTree {
	t, _ := parseSourceErr(data)
	return t
}

// parseSourceErr also returns the YAML syntax error, if any.
func parseSourceErr(data []byte) (*sourceTree, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, err
	}
	if len(doc.Content) == 0 {
		return nil, nil
	}
	return &sourceTree{root: doc.Content[0]}, nil
}

var yamlLine = regexp.MustCompile(`^yaml: line (\d+): `)

// syntaxError turns a YAML parser error into a located SpecError: the
// line the parser names and the pointer of what stands above it.
func syntaxError(file string, data []byte, err error) *SpecError {
	msg := err.Error()
	line := 0
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		line, _ = strconv.Atoi(m[1])
		msg = msg[len(m[0]):]
	} else {
		msg = strings.TrimPrefix(msg, "yaml: ")
	}
	return &SpecError{File: file, Line: line, Pointer: orRoot(pointerBeforeLine(data, line)),
		Message: "the document is not valid YAML or JSON: " + msg + "; correct the syntax at this line (a missing quote, colon or indentation)"}
}

// lookup finds the node at a JSON pointer.
func (t *sourceTree) lookup(ptr string) *yaml.Node {
	if t == nil {
		return nil
	}
	node := t.root
	for _, token := range splitPointer(ptr) {
		if node = child(node, token); node == nil {
			return nil
		}
	}
	return node
}

// line returns the line of the node at ptr, or of its nearest existing parent.
func (t *sourceTree) line(ptr string) int {
	for ptr != "" {
		if n := t.lookup(ptr); n != nil {
			return n.Line
		}
		ptr = ptr[:strings.LastIndex(ptr, "/")]
	}
	return 0
}

// find walks the tree in document order and stops at the first node for
// which visit returns true, returning its pointer and line.
func (t *sourceTree) find(visit func(n *yaml.Node, at string) bool) (ptr string, line int) {
	if t == nil {
		return "", 0
	}
	var walk func(n *yaml.Node, at string) bool
	walk = func(n *yaml.Node, at string) bool {
		if visit(n, at) {
			ptr, line = at, n.Line
			return true
		}
		switch n.Kind {
		case yaml.MappingNode:
			for i := 0; i+1 < len(n.Content); i += 2 {
				if walk(n.Content[i+1], at+"/"+EscapeToken(n.Content[i].Value)) {
					return true
				}
			}
		case yaml.SequenceNode:
			for i, c := range n.Content {
				if walk(c, at+"/"+strconv.Itoa(i)) {
					return true
				}
			}
		}
		return false
	}
	walk(t.root, "")
	return ptr, line
}

// brokenRef finds the first local $ref that does not resolve, walking the
// document in order; kin-openapi's own message does not say where it is.
func (t *sourceTree) brokenRef() (ptr, ref string, line int) {
	ptr, line = t.find(func(n *yaml.Node, at string) bool {
		if !strings.HasSuffix(at, "/$ref") || n.Kind != yaml.ScalarNode {
			return false
		}
		if _, err := url.Parse(n.Value); err != nil {
			ref = n.Value
			return true
		}
		if strings.HasPrefix(n.Value, "#") && t.lookup(strings.TrimPrefix(n.Value, "#")) == nil {
			ref = n.Value
			return true
		}
		return false
	})
	return ptr, ref, line
}

// objectSlots are the places where the spec requires an object; a null
// there makes kin-openapi fail without saying where.
var objectSlots = []*regexp.Regexp{
	regexp.MustCompile(`^/components/[^/]+/[^/]+$`),
	regexp.MustCompile(`^/paths/[^/]+$`),
	regexp.MustCompile(`^/webhooks/[^/]+$`),
	regexp.MustCompile(`^/paths/[^/]+/([^/]+/)?parameters/\d+$`),
	regexp.MustCompile(`^/paths/[^/]+/[^/]+/(requestBody|responses/[^/]+)$`),
	regexp.MustCompile(`^/paths/[^/]+/[^/]+/requestBody/content/[^/]+$`),
}

// nullObject finds the first null where an object is required.
func (t *sourceTree) nullObject() (ptr string, line int) {
	return t.find(func(n *yaml.Node, at string) bool {
		if n.Kind != yaml.ScalarNode || n.Tag != "!!null" {
			return false
		}
		for _, re := range objectSlots {
			if re.MatchString(at) {
				return true
			}
		}
		return false
	})
}

// mappingWithKeys finds the first mapping that holds all the given keys.
func (t *sourceTree) mappingWithKeys(keys ...string) (ptr string, line int) {
	return t.find(func(n *yaml.Node, _ string) bool {
		if n.Kind != yaml.MappingNode {
			return false
		}
		found := 0
		for i := 0; i+1 < len(n.Content); i += 2 {
			if slices.Contains(keys, n.Content[i].Value) {
				found++
			}
		}
		return found == len(keys)
	})
}

// relaxTupleItems rewrites draft-4 tuple schemas (`items: [A, B]`), which
// kin-openapi cannot load, into `items: {}` (any item), returning where.
func (t *sourceTree) relaxTupleItems() []string {
	if t == nil {
		return nil
	}
	var where []string
	var walk func(n *yaml.Node, at string)
	walk = func(n *yaml.Node, at string) {
		switch n.Kind {
		case yaml.MappingNode:
			for i := 0; i+1 < len(n.Content); i += 2 {
				k, v := n.Content[i], n.Content[i+1]
				if k.Value == "items" && v.Kind == yaml.SequenceNode {
					where = append(where, at+"/items")
					n.Content[i+1] = &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Line: v.Line}
					continue
				}
				walk(v, at+"/"+EscapeToken(k.Value))
			}
		case yaml.SequenceNode:
			for i, c := range n.Content {
				walk(c, at+"/"+strconv.Itoa(i))
			}
		}
	}
	walk(t.root, "")
	return where
}

// jsonBytes renders the (possibly rewritten) tree as JSON, which the
// loader reads whatever the file's name says.
func (t *sourceTree) jsonBytes() ([]byte, error) {
	var v any
	if err := t.root.Decode(&v); err != nil {
		return nil, err
	}
	return json.Marshal(v)
}
