package loader

import (
	"bytes"
	"encoding/json"
	"unicode/utf8"
)

// Cutting the members out of a JSON object that encoding/json has already
// checked (json.Valid on the whole document): a scan for where each value
// ends, instead of json.Decoder's tokens or a decode into a map of raw
// values, which read every byte of a large document several times over on
// one core before the decoding workers start.

// validMembers reads the members of raw, a valid JSON object, in order:
// names as encoding/json decodes them, values as their exact text. ok is
// false when raw is not an object; repeated names are all returned.
func validMembers(raw []byte) (keys []string, values []json.RawMessage, ok bool) {
	i := skipSpace(raw, 0)
	if i >= len(raw) || raw[i] != '{' {
		return nil, nil, false
	}
	i = skipSpace(raw, i+1)
	if i < len(raw) && raw[i] == '}' {
		return []string{}, []json.RawMessage{}, true
	}
	for i < len(raw) {
		end := stringEnd(raw, i)
		if end < 0 {
			return nil, nil, false
		}
		key, ok := memberName(raw[i:end])
		if !ok {
			return nil, nil, false
		}
		i = skipSpace(raw, end)
		if i >= len(raw) || raw[i] != ':' {
			return nil, nil, false
		}
		i = skipSpace(raw, i+1)
		vend := valueEnd(raw, i)
		if vend < 0 {
			return nil, nil, false
		}
		keys, values = append(keys, key), append(values, json.RawMessage(raw[i:vend]))
		i = skipSpace(raw, vend)
		if i < len(raw) && raw[i] == '}' {
			return keys, values, true
		}
		if i >= len(raw) || raw[i] != ',' {
			return nil, nil, false
		}
		i = skipSpace(raw, i+1)
	}
	return nil, nil, false
}

// memberName decodes a member's quoted name: as it is unless it has escapes
// or bytes that are not UTF-8, which encoding/json rewrites.
func memberName(quoted []byte) (string, bool) {
	if len(quoted) < 2 || quoted[0] != '"' {
		return "", false
	}
	inner := quoted[1 : len(quoted)-1]
	if bytes.IndexByte(inner, '\\') < 0 && utf8.Valid(inner) {
		return string(inner), true
	}
	var name string
	return name, json.Unmarshal(quoted, &name) == nil
}

func skipSpace(b []byte, i int) int {
	for i < len(b) && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n' || b[i] == '\r') {
		i++
	}
	return i
}

// stringEnd is the index just past the string that starts at i; -1 when
// there is none.
func stringEnd(b []byte, i int) int {
	if i >= len(b) || b[i] != '"' {
		return -1
	}
	for i++; i < len(b); i++ {
		switch b[i] {
		case '\\':
			i++
		case '"':
			return i + 1
		}
	}
	return -1
}

// valueEnd is the index just past the value that starts at i; -1 when the
// text ends first.
func valueEnd(b []byte, i int) int {
	if i >= len(b) {
		return -1
	}
	switch b[i] {
	case '"':
		return stringEnd(b, i)
	case '{', '[':
		depth := 0
		for i < len(b) {
			switch b[i] {
			case '"':
				if i = stringEnd(b, i); i < 0 {
					return -1
				}
				continue
			case '{', '[':
				depth++
			case '}', ']':
				if depth--; depth == 0 {
					return i + 1
				}
			}
			i++
		}
		return -1
	default: // a number, true, false or null
		for ; i < len(b); i++ {
			switch b[i] {
			case ',', '}', ']', ' ', '\t', '\r', '\n':
				return i
			}
		}
		return i
	}
}

// uniqueMembers is validMembers, with ok false for a repeated name, which
// encoding/json would merge into the first.
func uniqueMembers(raw []byte) (keys []string, values []json.RawMessage, ok bool) {
	keys, values, ok = validMembers(raw)
	seen := make(map[string]bool, len(keys))
	for _, k := range keys {
		if seen[k] {
			return nil, nil, false
		}
		seen[k] = true
	}
	return keys, values, ok
}

// memberMap is the members of raw by name, the last of a repeated name
// winning, as a decode into a map gives them.
func memberMap(raw []byte) (map[string]json.RawMessage, bool) {
	keys, values, ok := validMembers(raw)
	if !ok {
		return nil, false
	}
	m := make(map[string]json.RawMessage, len(keys))
	for i, k := range keys {
		m[k] = values[i]
	}
	return m, true
}
