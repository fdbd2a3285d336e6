package loader

import (
	"bytes"
	"encoding/json"
	"net/url"
	"strconv"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
	yaml "go.yaml.in/yaml/v3"
)

// Loading a document in sections.
//
// kin-openapi decodes a document in one goroutine and, at every level,
// twice: once into the struct and once more into a map for the extensions.
// The top level alone is a second full decode of the document. Decoding
// path items and components on their own, on every core (see
// sections_decode.go), and the small rest through the loader gives the same
// *openapi3.T (TestSectionLoadMatchesKin checks every spec we have) in
// about half the time. Documents it is not
// sure about (aliases, merge keys, odd tags, webhooks, duplicate keys) go
// through kin-openapi whole, as do all documents that fail to load, so that
// every error reads exactly as kin-openapi writes it.

// heavySections are the top-level members decoded on their own.
var heavySections = [...]string{"paths", "components"}

// sections is a document cut at the top level: the JSON of each heavy
// member (nil when absent) and of an object with all the other members.
type sections struct {
	paths, components json.RawMessage
	rest              []byte
}

// splitJSON cuts a JSON document. isJSON says that data is a JSON object,
// which kin-openapi then reads as JSON; ok that it holds nothing splitting
// might change.
func splitJSON(data []byte) (s sections, isJSON, ok bool) {
	trimmed := bytes.TrimSpace(data)
	if len(trimmed) == 0 || trimmed[0] != '{' || !json.Valid(trimmed) {
		return s, false, false
	}
	// A repeated member would be merged into the first by encoding/json;
	// uniqueMembers refuses them.
	keys, values, ok := uniqueMembers(trimmed)
	if !ok {
		return s, true, false
	}
	rest := newObjectWriter()
	for i, key := range keys {
		switch key {
		case "paths":
			s.paths = values[i]
		case "components":
			s.components = values[i]
		default:
			if !plainTopKey(key) {
				return s, true, false
			}
			rest.member(key, values[i])
		}
	}
	s.rest = rest.close()
	return s, true, true
}

// splitYAML cuts a parsed YAML document, writing each part as JSON.
func splitYAML(root *yaml.Node) (s sections, ok bool) {
	if root == nil || root.Kind != yaml.MappingNode || root.ShortTag() != "!!map" {
		return s, false
	}
	seen := make(map[string]bool, len(root.Content)/2)
	rest := newObjectWriter()
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		key, ok := jsonKey(k)
		if !ok || seen[key] {
			return s, false
		}
		seen[key] = true
		var w jsonWriter
		if !w.value(v) {
			return s, false
		}
		switch key {
		case "paths":
			s.paths = w.buf
		case "components":
			s.components = w.buf
		default:
			if !plainTopKey(key) {
				return s, false
			}
			rest.member(key, w.buf)
		}
	}
	s.rest = rest.close()
	return s, true
}

// plainTopKey reports whether a top-level member other than paths and
// components can go with the rest: webhooks refer to components, which
// the rest is loaded without, and encoding/json would match a differently
// cased "Paths" to the paths field.
func plainTopKey(key string) bool {
	if key == "webhooks" {
		return false
	}
	for _, heavy := range heavySections {
		if strings.EqualFold(key, heavy) {
			return false
		}
	}
	return true
}

// loadSections loads a split document: the rest through a kin-openapi
// loader (which records the document's location) while the path items and
// components are decoded on every core, then the loader resolves the
// references of the whole. ok is false when any part fails; the caller then
// loads the document whole for kin-openapi's own error.
func loadSections(s sections, absPath string) (doc *openapi3.T, ok bool) {
	var d entryDecoder
	paths, ok := d.addPaths(s.paths)
	if !ok {
		return nil, false
	}
	components, ok := d.addComponents(s.components)
	if !ok {
		return nil, false
	}
	decoded := make(chan error, 1)
	go func() { decoded <- d.run() }()
	loader := openapi3.NewLoader()
	loader.IsExternalRefsAllowed = absPath != ""
	var location *url.URL
	var err error
	if absPath != "" {
		location = &url.URL{Path: absPath}
		doc, err = loader.LoadFromDataWithPath(s.rest, location)
	} else {
		doc, err = loader.LoadFromData(s.rest)
	}
	if derr := <-decoded; err != nil || derr != nil {
		return nil, false
	}
	doc.Paths, doc.Components = paths(), components()
	if loader.ResolveRefsIn(doc, location) != nil {
		return nil, false
	}
	return doc, true
}

// jsonWriter writes a YAML node as the JSON kin-openapi's YAML path would
// produce. It stops (returns false) at anything that path treats in a way
// of its own: aliases, merge keys, tags beyond the core schema, duplicate
// keys and numbers JSON cannot hold.
type jsonWriter struct{ buf []byte }

func (w *jsonWriter) value(n *yaml.Node) bool {
	switch n.Kind {
	case yaml.MappingNode:
		if n.ShortTag() != "!!map" {
			return false
		}
		w.buf = append(w.buf, '{')
		var seen map[string]bool
		if len(n.Content) > 16 {
			seen = make(map[string]bool, len(n.Content)/2)
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			key, ok := jsonKey(n.Content[i])
			if !ok || duplicateKey(n, i, key, seen) {
				return false
			}
			if i > 0 {
				w.buf = append(w.buf, ',')
			}
			w.buf = appendJSONString(w.buf, key)
			w.buf = append(w.buf, ':')
			if !w.value(n.Content[i+1]) {
				return false
			}
		}
		w.buf = append(w.buf, '}')
		return true
	case yaml.SequenceNode:
		if n.ShortTag() != "!!seq" {
			return false
		}
		w.buf = append(w.buf, '[')
		for i, c := range n.Content {
			if i > 0 {
				w.buf = append(w.buf, ',')
			}
			if !w.value(c) {
				return false
			}
		}
		w.buf = append(w.buf, ']')
		return true
	case yaml.ScalarNode:
		return w.scalar(n)
	}
	return false // aliases, and documents nested where they cannot be
}

func (w *jsonWriter) scalar(n *yaml.Node) bool {
	switch n.ShortTag() {
	case "!!str", "!!timestamp": // timestamps stay text, as kin-openapi reads them
		w.buf = appendJSONString(w.buf, n.Value)
		return true
	case "!!null":
		w.buf = append(w.buf, "null"...)
		return true
	case "!!bool", "!!int", "!!float":
		var v any
		if n.Decode(&v) != nil {
			return false
		}
		b, err := json.Marshal(v)
		if err != nil {
			return false // .inf and .nan
		}
		w.buf = append(w.buf, b...)
		return true
	}
	return false
}

// jsonKey is the JSON name of a mapping key: numbers and booleans are
// written as kin-openapi's YAML path writes them (200 becomes "200").
func jsonKey(k *yaml.Node) (string, bool) {
	if k.Kind != yaml.ScalarNode {
		return "", false
	}
	switch k.ShortTag() {
	case "!!str":
		return k.Value, true
	case "!!int", "!!float", "!!bool":
		var v any
		if k.Decode(&v) != nil {
			return "", false
		}
		switch v := v.(type) {
		case int:
			return strconv.Itoa(v), true
		case int64:
			return strconv.FormatInt(v, 10), true
		case float64:
			return strconv.FormatFloat(v, 'g', -1, 64), true
		case bool:
			return strconv.FormatBool(v), true
		}
	}
	return "", false // null, merge keys and other tags
}

// duplicateKey reports whether key already occurred among the first i
// entries of mapping n. Small mappings are searched, large ones use seen.
func duplicateKey(n *yaml.Node, i int, key string, seen map[string]bool) bool {
	if seen != nil {
		if seen[key] {
			return true
		}
		seen[key] = true
		return false
	}
	for j := 0; j < i; j += 2 {
		if prev, ok := jsonKey(n.Content[j]); ok && prev == key {
			return true
		}
	}
	return false
}

// appendJSONString appends s as a JSON string.
func appendJSONString(buf []byte, s string) []byte {
	buf = append(buf, '"')
	start := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x20 && c != '"' && c != '\\' {
			continue
		}
		buf = append(buf, s[start:i]...)
		switch c {
		case '"', '\\':
			buf = append(buf, '\\', c)
		case '\n':
			buf = append(buf, '\\', 'n')
		case '\r':
			buf = append(buf, '\\', 'r')
		case '\t':
			buf = append(buf, '\\', 't')
		default:
			buf = append(buf, `\u00`...)
			buf = append(buf, "0123456789abcdef"[c>>4], "0123456789abcdef"[c&0xf])
		}
		start = i + 1
	}
	buf = append(buf, s[start:]...)
	return append(buf, '"')
}

// objectWriter assembles a JSON object from members already in JSON.
type objectWriter struct{ buf []byte }

func newObjectWriter() *objectWriter { return &objectWriter{buf: []byte{'{'}} }

func (o *objectWriter) member(key string, raw []byte) {
	if len(o.buf) > 1 {
		o.buf = append(o.buf, ',')
	}
	o.buf = appendJSONString(o.buf, key)
	o.buf = append(o.buf, ':')
	o.buf = append(o.buf, raw...)
}

func (o *objectWriter) close() []byte { return append(o.buf, '}') }
