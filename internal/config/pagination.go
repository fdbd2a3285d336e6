package config

import (
	"fmt"
	"path/filepath"

	"go.yaml.in/yaml/v3"

	"github.com/seed-0d47db62/livegen/generator"
)

// checkPagination reads each entry of the pagination section as
// x-livegen-pagination is read; a mistake names the entry's key and line.
func (c *Config) checkPagination(ov *generator.Overrides) error {
	if c.paging == nil {
		return nil
	}
	if c.paging.Kind != yaml.MappingNode {
		return c.errorAt("pagination", "", "expected a mapping of operationIds to false or {style: ..., param: ...}")
	}
	for i := 0; i+1 < len(c.paging.Content); i += 2 {
		k, v := c.paging.Content[i], c.paging.Content[i+1]
		id := k.Value
		c.lines["pagination/"+id] = k.Line
		var value any
		if err := v.Decode(&value); err != nil {
			return c.errorAt("pagination", id, "expected false or a mapping")
		}
		source := fmt.Sprintf("%s:%d: pagination.%s", filepath.Base(c.Path), k.Line, quoteKey(id))
		spec, err := generator.ParsePagingSpec(value, source)
		if err != nil {
			return c.pagingError(id, v, err)
		}
		if ov.Paging == nil {
			ov.Paging = map[string]*generator.PagingSpec{}
		}
		ov.Paging[id] = spec
	}
	return nil
}

// pagingError puts a mistake in an entry at its key's line.
func (c *Config) pagingError(id string, entry *yaml.Node, err error) error {
	e := &Error{File: c.Path, Line: c.lines["pagination/"+id], Key: "pagination." + quoteKey(id), Message: err.Error()}
	if ke, ok := err.(*generator.PagingKeyError); ok {
		e.Message = ke.Message
		if ke.Key != "" {
			e.Key += "." + ke.Key
			for j := 0; entry.Kind == yaml.MappingNode && j+1 < len(entry.Content); j += 2 {
				if entry.Content[j].Value == ke.Key {
					e.Line = entry.Content[j].Line
				}
			}
		}
	}
	return e
}
