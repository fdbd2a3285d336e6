package livesim

import (
	"regexp"
	"strings"

	"github.com/seed-0d47db62/livegen/generated/meltingspot"
)

// richText turns the Markdown description of a create or update request into
// the rich-text nodes that answers carry (Slate-style: element nodes with a
// type and children, text leaves with marks). It reads the Markdown people
// write in a description: paragraphs, headings (# to ######), bulleted and
// numbered lists, block quotes, and inline **bold**, *italic* or _italic_,
// `code` and [links](url). Anything else stays text. No Markdown is no node
// (an empty list, as answers always carry a description).
func richText(md string) []meltingspot.RichTextNode {
	b := blockReader{out: []meltingspot.RichTextNode{}}
	for _, line := range strings.Split(strings.ReplaceAll(md, "\r\n", "\n"), "\n") {
		b.line(line)
	}
	b.flush()
	return b.out
}

var (
	headingLine = regexp.MustCompile(`^(#{1,6})\s+(.*?)\s*#*\s*$`)
	bulletLine  = regexp.MustCompile(`^\s{0,3}[-*+]\s+(.*)$`)
	orderedLine = regexp.MustCompile(`^\s{0,3}\d{1,9}[.)]\s+(.*)$`)
	quoteLine   = regexp.MustCompile(`^\s{0,3}>\s?(.*)$`)
)

// blockReader groups lines into blocks: the paragraph or quote being read
// (text, of type kind), or the list being read (items, of type kind).
type blockReader struct {
	out   []meltingspot.RichTextNode
	kind  string
	text  []string
	items []string
}

// line reads one line of Markdown.
func (b *blockReader) line(line string) {
	if m := headingLine.FindStringSubmatch(line); m != nil {
		b.flush()
		b.out = append(b.out, element("h"+string(rune('0'+len(m[1]))), inline(m[2])))
		return
	}
	if m := bulletLine.FindStringSubmatch(line); m != nil {
		b.item("ul", m[1])
		return
	}
	if m := orderedLine.FindStringSubmatch(line); m != nil {
		b.item("ol", m[1])
		return
	}
	if m := quoteLine.FindStringSubmatch(line); m != nil {
		b.addText("blockquote", m[1])
		return
	}
	if strings.TrimSpace(line) == "" {
		b.flush()
		return
	}
	if len(b.items) > 0 && strings.HasPrefix(line, " ") {
		b.items[len(b.items)-1] += " " + strings.TrimSpace(line)
		return
	}
	b.addText("p", line)
}

// item adds a list item, starting a list of kind when another block is open.
func (b *blockReader) item(kind, text string) {
	if b.kind != kind || len(b.items) == 0 {
		b.flush()
	}
	b.kind = kind
	b.items = append(b.items, strings.TrimSpace(text))
}

// addText adds a line to the paragraph or quote of kind being read.
func (b *blockReader) addText(kind, text string) {
	if b.kind != kind || len(b.items) > 0 {
		b.flush()
	}
	b.kind = kind
	b.text = append(b.text, strings.TrimSpace(text))
}

// flush ends the block being read.
func (b *blockReader) flush() {
	switch {
	case len(b.items) > 0:
		children := make([]meltingspot.RichTextNode, 0, len(b.items))
		for _, it := range b.items {
			children = append(children, element("li", inline(it)))
		}
		b.out = append(b.out, element(b.kind, children))
	case len(b.text) > 0:
		b.out = append(b.out, element(b.kind, inline(strings.Join(b.text, " "))))
	}
	b.kind, b.text, b.items = "", nil, nil
}

// marks are the formats of a text leaf.
type marks struct {
	bold, italic, code bool
}

// inline reads the inline Markdown of a block into text leaves and links.
// A marker without its closing marker is text.
func inline(s string) []meltingspot.RichTextNode {
	var (
		out  []meltingspot.RichTextNode
		text strings.Builder
		m    marks
	)
	flush := func() {
		if text.Len() > 0 {
			out = append(out, leaf(text.String(), m))
			text.Reset()
		}
	}
	for i := 0; i < len(s); {
		rest := s[i:]
		switch {
		case strings.HasPrefix(rest, "**") && toggles(s, i, 2, m.bold):
			flush()
			m.bold = !m.bold
			i += 2
		case isItalicMarker(s, i) && toggles(s, i, 1, m.italic):
			flush()
			m.italic = !m.italic
			i++
		case rest[0] == '`' && strings.IndexByte(rest[1:], '`') >= 0:
			flush()
			j := strings.IndexByte(rest[1:], '`')
			code := m
			code.code = true
			out = append(out, leaf(rest[1:1+j], code))
			i += j + 2
		case rest[0] == '[' && linkPattern.MatchString(rest):
			flush()
			l := linkPattern.FindStringSubmatch(rest)
			a := element("a", inline(l[1]))
			a.AdditionalProperties = map[string]any{"url": l[2]}
			out = append(out, a)
			i += len(l[0])
		default:
			text.WriteByte(s[i])
			i++
		}
	}
	flush()
	if len(out) == 0 {
		out = append(out, leaf("", marks{}))
	}
	return out
}

// linkPattern is an inline link at the start of the text: [label](url).
var linkPattern = regexp.MustCompile(`^\[([^\]]+)\]\(([^()\s]+)\)`)

// toggles reports whether the marker of n bytes at s[i] closes the format
// (on: it follows text) or opens it (it precedes text, not another marker,
// and is closed later), so that "2 * 3" and "**x" stay text.
func toggles(s string, i, n int, on bool) bool {
	if on {
		return i > 0 && !isSpace(s[i-1])
	}
	return i+n < len(s) && !isSpace(s[i+n]) && s[i+n] != s[i] && strings.Contains(s[i+n:], s[i:i+n])
}

// isSpace reports whether c is ASCII white space.
func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n'
}

// isItalicMarker reports whether s[i] may open or close italics: a * or an
// _ at a word boundary, so that snake_case stays text.
func isItalicMarker(s string, i int) bool {
	switch s[i] {
	case '*':
		return true
	case '_':
		return i == 0 || i == len(s)-1 || !isWordByte(s[i-1]) || !isWordByte(s[i+1])
	}
	return false
}

// isWordByte reports whether c is an ASCII letter or digit, or part of a
// multi-byte character.
func isWordByte(c byte) bool {
	return c >= 0x80 || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// element is an element node.
func element(typ string, children []meltingspot.RichTextNode) meltingspot.RichTextNode {
	return meltingspot.RichTextNode{Type: &typ, Children: children}
}

// leaf is a text node with its marks.
func leaf(text string, m marks) meltingspot.RichTextNode {
	n := meltingspot.RichTextNode{Text: &text}
	for _, mark := range []struct {
		name string
		on   bool
	}{{"bold", m.bold}, {"italic", m.italic}, {"code", m.code}} {
		if mark.on {
			if n.AdditionalProperties == nil {
				n.AdditionalProperties = map[string]any{}
			}
			n.AdditionalProperties[mark.name] = true
		}
	}
	return n
}
