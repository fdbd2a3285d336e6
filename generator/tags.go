package generator

import (
	"strings"
	"unicode"
)

// assignTagNames gives each field the name its struct tag holds: its JSON
// name when a tag can hold it, else a placeholder "~" + the Go name that no
// other property's name matches, as encoding/json matches, without case.
func assignTagNames(fields []*Field) {
	folded := map[string]bool{}
	for _, f := range fields {
		folded[strings.ToLower(f.JSONName)] = true
	}
	for _, f := range fields {
		f.TagName = f.JSONName
		if plainTagName(f.JSONName) {
			continue
		}
		placeholder := "~" + f.Name
		for folded[strings.ToLower(placeholder)] {
			placeholder += "~"
		}
		folded[strings.ToLower(placeholder)] = true
		f.TagName = placeholder
	}
}

// plainTagName reports whether a property name can stand in a json struct
// tag as it is, which is when encoding/json reads it as the name: not
// empty, not "-", and no comma, quote, backslash or control character.
func plainTagName(name string) bool {
	if name == "" || name == "-" {
		return false
	}
	for _, c := range name {
		if !strings.ContainsRune("!#$%&()*+-./:;<=>?@[]^_{|}~ ", c) && !unicode.IsLetter(c) && !unicode.IsDigit(c) {
			return false
		}
	}
	return true
}
