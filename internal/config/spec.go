package config

import (
	"slices"
	"sort"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/seed-0d47db62/livegen/generator"
)

// CheckSpec checks that every key of names and types points at something
// in the spec (data, shown as specName), and that every operationId of
// chunkSizes exists. Keys are read as written: a pointer does not follow
// $ref, just as livegen names a schema where it is declared.
func (c *Config) CheckSpec(data []byte, specName string) error {
	if c.Overrides.IsZero() {
		return nil
	}
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil || len(root.Content) == 0 {
		return nil // the spec's own loader reports it, with its line
	}
	doc := root.Content[0]
	for _, ptr := range c.pointers() {
		section, key := ptr.section, c.pointerKey[ptr.section+ptr.ptr]
		if n := resolve(doc, ptr.ptr); n == nil || n.Kind != yaml.MappingNode {
			return c.errorAt(section, key, "%s matches nothing in %s; write a component schema name or a JSON pointer to a schema, property, parameter or operation", ptr.ptr, specName)
		}
	}
	ids := operationIDs(doc)
	for _, section := range []string{"chunkSizes", "pagination"} {
		keys := sortedKeys(c.ChunkSizes)
		if section == "pagination" {
			keys = sortedKeys(c.Pagination)
		}
		for _, id := range c.inFileOrder(section, keys) {
			if !ids[id] {
				return c.errorAt(section, id, "no operation of %s has operationId %q", specName, id)
			}
		}
	}
	return nil
}

type sectionPointer struct{ section, ptr string }

// pointers lists the pointers of names and types in the order of the file.
func (c *Config) pointers() []sectionPointer {
	var out []sectionPointer
	for _, section := range []string{"names", "types"} {
		var m map[string]string
		if section == "names" {
			m = c.Overrides.Names
		} else {
			m = map[string]string{}
			for ptr, t := range c.Overrides.Types {
				m[ptr] = t.String()
			}
		}
		for ptr := range m {
			out = append(out, sectionPointer{section, ptr})
		}
	}
	sort.Slice(out, func(i, j int) bool {
		return c.lineOf(out[i]) < c.lineOf(out[j])
	})
	return out
}

func (c *Config) lineOf(p sectionPointer) int {
	return c.lines[p.section+"/"+c.pointerKey[p.section+p.ptr]]
}

// resolve follows a JSON pointer (without "#") through YAML nodes.
func resolve(n *yaml.Node, ptr string) *yaml.Node {
	for _, tok := range strings.Split(ptr, "/")[1:] {
		tok = strings.ReplaceAll(strings.ReplaceAll(tok, "~1", "/"), "~0", "~")
		switch n.Kind {
		case yaml.MappingNode:
			var next *yaml.Node
			for i := 0; i+1 < len(n.Content); i += 2 {
				if n.Content[i].Value == tok {
					next = n.Content[i+1]
					break
				}
			}
			n = next
		case yaml.SequenceNode:
			i, err := strconv.Atoi(tok)
			if err != nil || i < 0 || i >= len(n.Content) || strconv.Itoa(i) != tok {
				return nil
			}
			n = n.Content[i]
		default:
			return nil
		}
		if n == nil {
			return nil
		}
		for n.Kind == yaml.AliasNode {
			n = n.Alias
		}
	}
	return n
}

// operationIDs collects the operationIds under /paths.
func operationIDs(doc *yaml.Node) map[string]bool {
	ids := map[string]bool{}
	paths := resolve(doc, "/paths")
	if paths == nil || paths.Kind != yaml.MappingNode {
		return ids
	}
	for i := 1; i < len(paths.Content); i += 2 {
		item := paths.Content[i]
		if item.Kind != yaml.MappingNode {
			continue
		}
		for j := 1; j < len(item.Content); j += 2 {
			if id := resolve(item.Content[j], "/operationId"); id != nil && id.Kind == yaml.ScalarNode {
				ids[id.Value] = true
			}
		}
	}
	return ids
}

// CheckModel checks the overrides against the model livegen built: a name
// must be given to something livegen names (a schema that became a type, a
// property, a parameter, an operation), and a chunk size to an operation
// that has a bulk helper, within the spec's maxItems.
func (c *Config) CheckModel(api *generator.API) error {
	if c.Overrides.IsZero() {
		return nil
	}
	named := namedPointers(api)
	for _, p := range c.pointers() {
		if p.section == "names" && !named[p.ptr] {
			return c.errorAt("names", c.pointerKey["names"+p.ptr], "%s is not a schema, property, parameter or operation that livegen names (a response, a $ref, a schema without a type of its own?); point at the declaration instead", p.ptr)
		}
	}
	for _, id := range c.inFileOrder("chunkSizes", sortedKeys(c.ChunkSizes)) {
		if err := c.checkChunkSize(api, id); err != nil {
			return err
		}
	}
	return nil
}

func (c *Config) checkChunkSize(api *generator.API, id string) error {
	size := c.ChunkSizes[id]
	for _, o := range slices.Concat(api.Operations, api.Unselected.Operations) {
		if o.ID != id {
			continue
		}
		switch {
		case o.Bulk == nil:
			return c.errorAt("chunkSizes", id, "operation %s has no bulk helper, so there is nothing to split (livegen makes one for a required JSON body with a list, when maxItems, the name or a 413 answer says the operation takes many items)", id)
		case o.Bulk.MaxItems > 0 && uint64(size) > o.Bulk.MaxItems:
			return c.errorAt("chunkSizes", id, "%d is more than the %d items the spec allows per request (maxItems); use %d or less", size, o.Bulk.MaxItems, o.Bulk.MaxItems)
		}
		return nil
	}
	return c.errorAt("chunkSizes", id, "no operation has operationId %q", id)
}

// namedPointers are the pointers of everything the model gives a Go name,
// also what the selection left out.
func namedPointers(api *generator.API) map[string]bool {
	named := map[string]bool{}
	for _, t := range slices.Concat(api.Types, api.Unselected.Types) {
		named[t.Pointer] = true
		for _, f := range t.Fields {
			named[f.Pointer] = true
		}
	}
	for _, o := range slices.Concat(api.Operations, api.Unselected.Operations) {
		named[o.Pointer] = true
		for _, p := range o.Params() {
			named[p.Pointer] = true
		}
	}
	return named
}
