package generator

import (
	"strconv"
	"strings"

	yaml "go.yaml.in/yaml/v3"
)

// sourceTree is the parsed YAML (or JSON) of a spec with line numbers, used
// only to point messages at the line a problem is on.
type sourceTree struct{ root *yaml.Node }

func parseSource(data []byte) *sourceTree {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil || len(doc.Content) == 0 {
		return nil
	}
	return &sourceTree{root: doc.Content[0]}
}

// lookup finds the node at a JSON pointer.
func (t *sourceTree) lookup(ptr string) *yaml.Node {
	if t == nil {
		return nil
	}
	node := t.root
	if ptr == "" || ptr == "/" {
		return node
	}
	for _, token := range strings.Split(strings.TrimPrefix(ptr, "/"), "/") {
		token = strings.ReplaceAll(strings.ReplaceAll(token, "~1", "/"), "~0", "~")
		for node != nil && node.Kind == yaml.AliasNode {
			node = node.Alias
		}
		if node == nil {
			return nil
		}
		switch node.Kind {
		case yaml.MappingNode:
			var next *yaml.Node
			for i := 0; i+1 < len(node.Content); i += 2 {
				if node.Content[i].Value == token {
					next = node.Content[i+1]
					break
				}
			}
			node = next
		case yaml.SequenceNode:
			i, err := strconv.Atoi(token)
			if err != nil || i < 0 || i >= len(node.Content) {
				return nil
			}
			node = node.Content[i]
		default:
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

// brokenRef finds the first local $ref that does not resolve, walking the
// document in order; kin-openapi's own message does not say where it is.
func (t *sourceTree) brokenRef() (ptr, ref string, line int) {
	if t == nil {
		return "", "", 0
	}
	var walk func(n *yaml.Node, at string) bool
	walk = func(n *yaml.Node, at string) bool {
		switch n.Kind {
		case yaml.MappingNode:
			for i := 0; i+1 < len(n.Content); i += 2 {
				k, v := n.Content[i], n.Content[i+1]
				if k.Value == "$ref" && v.Kind == yaml.ScalarNode && strings.HasPrefix(v.Value, "#") {
					if t.lookup(strings.TrimPrefix(v.Value, "#")) == nil {
						ptr, ref, line = at+"/$ref", v.Value, v.Line
						return true
					}
					continue
				}
				if walk(v, at+"/"+escapeToken(k.Value)) {
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
	return ptr, ref, line
}
