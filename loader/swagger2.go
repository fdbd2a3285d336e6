package loader

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/getkin/kin-openapi/openapi2"
	"github.com/getkin/kin-openapi/openapi2conv"
	"github.com/getkin/kin-openapi/openapi3"
	yaml "go.yaml.in/yaml/v3"
)

// Swagger 2.0 documents are converted with kin-openapi's openapi2conv:
// body parameters become request bodies, formData parameters a form or
// multipart body (type: file a binary string), definitions, parameters,
// responses and securityDefinitions components. Messages about the
// converted document are pointed back at the 2.0 text (swaggerPointer).

// isSwagger2 reports whether data is a Swagger 2.0 document: a top-level
// swagger member, which OpenAPI 3 documents do not have.
func isSwagger2(data []byte) bool {
	trimmed := bytes.TrimSpace(data)
	if len(trimmed) > 0 && trimmed[0] == '{' {
		if !bytes.Contains(trimmed, []byte(`"swagger"`)) {
			return false
		}
		keys, _, ok := members(trimmed)
		return ok && slices.Contains(keys, "swagger")
	}
	for len(data) > 0 {
		line := data
		if i := bytes.IndexByte(data, '\n'); i >= 0 {
			line, data = data[:i], data[i+1:]
		} else {
			data = nil
		}
		if isSwaggerKeyLine(line) {
			return true
		}
	}
	return false
}

// isSwaggerKeyLine reports whether a YAML line starts with a swagger key at
// the top level: swagger, "swagger" or 'swagger', then a colon. A scan,
// not a regular expression: it runs on every document loaded, and the
// expression took 2 ms on the 65 KB curated spec.
func isSwaggerKeyLine(line []byte) bool {
	line = trimQuote(line)
	rest, ok := bytes.CutPrefix(line, []byte("swagger"))
	if !ok {
		return false
	}
	rest = bytes.TrimLeft(trimQuote(rest), " \t")
	return len(rest) > 0 && rest[0] == ':'
}

// trimQuote drops one leading quote.
func trimQuote(b []byte) []byte {
	if len(b) > 0 && (b[0] == '"' || b[0] == '\'') {
		return b[1:]
	}
	return b
}

// loadSwagger2 reads and converts a Swagger 2.0 document.
func loadSwagger2(in Input) (*Document, error) {
	src, err := parseSourceSafely(in.Data)
	if err != nil {
		return nil, syntaxError(in.Name, in.Data, err)
	}
	doc := &Document{File: in.Name, data: in.Data, src: src, swagger: true, path: in.Path}
	if src == nil {
		return nil, &SpecError{File: in.Name, Message: "the document is empty; expected a Swagger 2.0 or OpenAPI 3 document"}
	}
	if v := src.lookup("/swagger"); v != nil && v.Value != "2.0" {
		return nil, &SpecError{File: in.Name, Line: v.Line, Pointer: "/swagger", Message: fmt.Sprintf("version %q is not Swagger 2.0 or OpenAPI 3; write swagger: \"2.0\" or convert the document to OpenAPI 3", v.Value)}
	}
	data, err := src.jsonBytes()
	if err != nil {
		return nil, &SpecError{File: in.Name, Message: "cannot read the document as JSON: " + err.Error()}
	}
	var doc2 openapi2.T
	if err := json.Unmarshal(data, &doc2); err != nil {
		return nil, doc.locateLoadError(err)
	}
	loader := openapi3.NewLoader()
	loader.IsExternalRefsAllowed = in.Path != ""
	var location *url.URL
	if in.Path != "" {
		location = &url.URL{Path: in.Path}
	}
	doc.T, err = convertSwagger2(&doc2, loader, location)
	if err != nil {
		return nil, doc.locateLoadError(err)
	}
	return doc, nil
}

// convertSwagger2 is openapi2conv.ToV3WithLoader with its panics (it has
// some on inconsistent form parameters) turned into errors.
func convertSwagger2(doc2 *openapi2.T, loader *openapi3.Loader, location *url.URL) (doc *openapi3.T, err error) {
	defer func() {
		if r := recover(); r != nil {
			doc, err = nil, fmt.Errorf("converting to OpenAPI 3: %v", r)
		}
	}()
	return openapi2conv.ToV3WithLoader(doc2, loader, location)
}

// swaggerPointer translates a pointer into the converted document to where
// the same thing is written in the Swagger 2.0 document src.
func swaggerPointer(src *sourceTree, ptr string) string {
	tokens := splitPointer(ptr)
	if len(tokens) == 0 {
		return ptr
	}
	switch tokens[0] {
	case "servers":
		return "/host"
	case "components":
		if len(tokens) < 3 {
			return ""
		}
		section := map[string]string{
			"schemas": "definitions", "parameters": "parameters", "requestBodies": "parameters",
			"responses": "responses", "securitySchemes": "securityDefinitions",
		}[tokens[1]]
		if section == "" {
			return ""
		}
		rest := tokens[3:]
		switch tokens[1] {
		case "requestBodies", "responses":
			rest = dropContent(rest)
		case "schemas":
			if src.lookup(Pointer("definitions", tokens[2])) == nil && src.lookup(Pointer("parameters", tokens[2])) != nil {
				section = "parameters" // a formData parameter's schema
			}
		}
		return Pointer(append([]string{section, tokens[2]}, rest...)...)
	case "paths":
		if len(tokens) < 3 {
			return ptr
		}
		item := []string{"paths", tokens[1]}
		if tokens[2] == "parameters" {
			return Pointer(append(item, swaggerParameter(src, item, tokens[2:], false)...)...)
		}
		op := append(item, tokens[2])
		rest := tokens[3:]
		if len(rest) == 0 {
			return Pointer(op...)
		}
		switch rest[0] {
		case "parameters":
			return Pointer(append(op, swaggerParameter(src, op, rest, false)...)...)
		case "requestBody":
			return Pointer(append(op, swaggerParameter(src, op, rest, true)...)...)
		case "responses":
			return Pointer(append(op, dropContent(rest)...)...)
		}
		return Pointer(append(op, rest...)...)
	}
	return ptr
}

// dropContent turns a response's or body's content/<type>/schema into the
// 2.0 schema (and content/<type> into the response or body itself), and a
// header's schema into the header.
func dropContent(tokens []string) []string {
	for i := 0; i+1 < len(tokens); i++ {
		switch {
		case tokens[i] == "content" && i+2 < len(tokens) && tokens[i+2] == "schema":
			return append(slices.Clone(tokens[:i]), tokens[i+2:]...)
		case tokens[i] == "content":
			return append(slices.Clone(tokens[:i]), tokens[i+2:]...)
		case tokens[i] == "headers" && i+2 < len(tokens) && tokens[i+2] == "schema":
			return append(slices.Clone(tokens[:i+2]), tokens[i+3:]...)
		}
	}
	return tokens
}

// swaggerParameter finds the 2.0 parameter of a 3.0 parameter or request
// body under at: the i-th parameter that is not a body or form field, the
// body parameter, or the form field a body schema property came from.
func swaggerParameter(src *sourceTree, at, tokens []string, body bool) []string {
	list := src.lookup(Pointer(append(at, "parameters")...))
	if list == nil || list.Kind != yaml.SequenceNode {
		return nil
	}
	in := func(p *yaml.Node) string {
		if n := mappingValue(p, "in"); n != nil {
			return n.Value
		}
		return ""
	}
	if !body {
		if len(tokens) < 2 {
			return tokens
		}
		want, err := strconv.Atoi(tokens[1])
		if err != nil {
			return tokens
		}
		seen := 0
		for i, p := range list.Content {
			if in(p) == "body" || in(p) == "formData" {
				continue
			}
			if seen == want {
				return append([]string{"parameters", strconv.Itoa(i)}, tokens[2:]...)
			}
			seen++
		}
		return tokens[:1]
	}
	rest := dropContent(tokens[1:])
	for i, p := range list.Content {
		switch in(p) {
		case "body":
			return append([]string{"parameters", strconv.Itoa(i)}, rest...)
		case "formData":
			// schema/properties/<name>/... is the form field <name>.
			if len(rest) >= 3 && rest[0] == "schema" && rest[1] == "properties" {
				if n := mappingValue(p, "name"); n != nil && n.Value == rest[2] {
					return append([]string{"parameters", strconv.Itoa(i)}, rest[3:]...)
				}
			}
		}
	}
	return []string{"parameters"}
}

func mappingValue(n *yaml.Node, key string) *yaml.Node {
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i+1]
		}
	}
	return nil
}

// splitPointer cuts a JSON pointer into unescaped reference tokens.
func splitPointer(ptr string) []string {
	if ptr == "" || ptr == "/" {
		return nil
	}
	tokens := strings.Split(strings.TrimPrefix(ptr, "/"), "/")
	for i, t := range tokens {
		tokens[i] = strings.ReplaceAll(strings.ReplaceAll(t, "~1", "/"), "~0", "~")
	}
	return tokens
}

// members reads a JSON object's members in order; ok is false for anything
// but an object without repeated names (encoding/json would merge those).
// Unlike uniqueMembers it checks the syntax as it reads: the document has
// not been checked yet when isSwagger2 looks at it.
func members(raw json.RawMessage) (keys []string, values []json.RawMessage, ok bool) {
	dec := json.NewDecoder(bytes.NewReader(raw))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return nil, nil, false
	}
	seen := map[string]bool{}
	for dec.More() {
		tok, err := dec.Token()
		key, isKey := tok.(string)
		if err != nil || !isKey || seen[key] {
			return nil, nil, false
		}
		seen[key] = true
		var value json.RawMessage
		if dec.Decode(&value) != nil {
			return nil, nil, false
		}
		keys = append(keys, key)
		values = append(values, value)
	}
	return keys, values, true
}
