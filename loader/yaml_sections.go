package loader

import (
	"bytes"
	"sync"

	yaml "go.yaml.in/yaml/v3"
)

// Parsing a YAML document in top-level sections.
//
// A spec's text is mostly two sections, paths and components, that start at
// the beginning of a line and share nothing (unless through anchors). Each
// section is parsed on its own, all at the same time, and the trees are put
// together with the lines they have in the file. Anything unusual at the
// start of a line (directives, flow style, several documents, a quoted or
// complex key) or a section that does not parse alone sends the document
// to the parser whole, which also gives the exact syntax error.

// minSectionedYAML is the size below which parsing in sections gains
// nothing worth its goroutines.
const minSectionedYAML = 16 << 10

// topSection is the text of one top-level member and where it starts.
type topSection struct {
	key   string
	text  []byte
	line0 int // lines before the section
}

// parseSourceSections parses data as parseSourceErr does, a section per
// goroutine when the document allows it.
func parseSourceSections(data []byte) (*sourceTree, error) {
	sections, ok := topSections(data)
	if !ok {
		return parseSourceSafely(data)
	}
	roots := make([]*yaml.Node, len(sections))
	var wg sync.WaitGroup
	for i, s := range sections {
		wg.Go(func() { roots[i] = parseSection(s) })
	}
	wg.Wait()
	root := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
	for _, r := range roots {
		if r == nil {
			return parseSourceSafely(data)
		}
		if root.Line == 0 {
			root.Line, root.Column = r.Content[0].Line, r.Content[0].Column
		}
		root.Content = append(root.Content, r.Content...)
	}
	return &sourceTree{root: root}, nil
}

// parseSection parses one section: nil unless it is a mapping with the
// one expected key. Lines are moved to where they are in the file.
func parseSection(s topSection) (root *yaml.Node) {
	defer func() {
		if recover() != nil {
			root = nil
		}
	}()
	var doc yaml.Node
	if yaml.Unmarshal(s.text, &doc) != nil || len(doc.Content) != 1 {
		return nil
	}
	m := doc.Content[0]
	if m.Kind != yaml.MappingNode || len(m.Content) != 2 || m.Content[0].Value != s.key || m.Content[0].Style != 0 {
		return nil
	}
	shiftLines(m, s.line0)
	return m
}

func shiftLines(n *yaml.Node, by int) {
	n.Line += by
	for _, c := range n.Content {
		shiftLines(c, by)
	}
}

// topSections cuts block-style YAML at the lines that start a top-level
// key. ok is false when the text has anything else at the start of a line,
// or is too small to be worth it.
func topSections(data []byte) (sections []topSection, ok bool) {
	if len(data) < minSectionedYAML {
		return nil, false
	}
	var starts []int
	line := 0
	for start := 0; start < len(data); line++ {
		end := bytes.IndexByte(data[start:], '\n')
		if end < 0 {
			end = len(data)
		} else {
			end += start
		}
		text := bytes.TrimSuffix(data[start:end], []byte("\r"))
		switch {
		case len(text) == 0, text[0] == ' ', text[0] == '#':
			// inside a section, or a comment
		case line == 0 && string(bytes.TrimRight(text, " ")) == "---":
			// the one document's start
		case len(sections) > 0 && text[0] == '-' && (len(text) == 1 || text[1] == ' '):
			// an item of a list under the section's key, written without indent
		default:
			key, isKey := plainTopKeyLine(text)
			if !isKey {
				return nil, false
			}
			starts = append(starts, start)
			sections = append(sections, topSection{key: key, line0: line})
		}
		start = end + 1
	}
	if len(sections) < 2 {
		return nil, false
	}
	for i := range sections {
		end := len(data)
		if i+1 < len(starts) {
			end = starts[i+1]
		}
		sections[i].text = data[starts[i]:end]
	}
	return sections, true
}

// plainTopKeyLine reads `key:` or `key: value` with a plain key of letters,
// digits, '_', '.', '$' and '-'.
func plainTopKeyLine(text []byte) (string, bool) {
	i := 0
	for i < len(text) {
		c := text[i]
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == '$' ||
			i > 0 && (c >= '0' && c <= '9' || c == '.' || c == '-') {
			i++
			continue
		}
		break
	}
	if i == 0 || i >= len(text) || text[i] != ':' {
		return "", false
	}
	if i+1 < len(text) && text[i+1] != ' ' && text[i+1] != '\t' {
		return "", false
	}
	return string(text[:i]), true
}
