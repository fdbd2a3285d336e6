package templates

import (
	"strings"

	"github.com/seed-0d47db62/livegen/generator"
)

// sharedDocTail is the sentences that end the spec text of every operator of
// a field with two or more, such as "Matches metrics.invited of the Live.":
// the field's comment says them once and each operand's comment keeps the rest.
func sharedDocTail(prop *generator.FilterProp) string {
	if len(prop.Ops) < 2 {
		return ""
	}
	tail := docSentences(prop.Ops[0].Param.Doc)
	for _, o := range prop.Ops[1:] {
		s := docSentences(o.Param.Doc)
		n := 0
		for n < len(tail) && n < len(s) && tail[len(tail)-1-n] == s[len(s)-1-n] {
			n++
		}
		tail = tail[len(tail)-n:]
	}
	return strings.Join(tail, " ")
}

// docWithout is a spec text without its last sentences tail ("" for none).
func docWithout(doc, tail string) string {
	if tail == "" {
		return doc
	}
	return strings.TrimSpace(strings.TrimSuffix(strings.Join(strings.Fields(doc), " "), tail))
}

// docSentences splits a text into sentences, white space collapsed.
func docSentences(doc string) []string {
	var out []string
	for _, s := range strings.SplitAfter(strings.Join(strings.Fields(doc), " "), ". ") {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}
