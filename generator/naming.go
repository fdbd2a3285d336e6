package generator

import (
	"go/token"
	"strconv"
	"strings"
	"unicode"
)

// initialisms are written in upper case inside Go identifiers, as golint and
// the standard library do (ID, URL, HTTP).
var initialisms = map[string]bool{
	"ACL": true, "API": true, "ASCII": true, "CPU": true, "CSS": true, "CSV": true,
	"DNS": true, "EOF": true, "GUID": true, "HTML": true, "HTTP": true, "HTTPS": true,
	"ID": true, "IDS": true, "IP": true, "JSON": true, "JWT": true, "LHS": true, "OS": true,
	"QPS": true, "RAM": true, "RHS": true, "RPC": true, "SLA": true, "SMTP": true,
	"SQL": true, "SSH": true, "TCP": true, "TLS": true, "TTL": true, "UDP": true,
	"UI": true, "UID": true, "URI": true, "URL": true, "UTF8": true, "UUID": true,
	"VM": true, "XML": true, "XMPP": true, "XSRF": true, "XSS": true,
}

// symbolWords spell out punctuation that carries meaning in enum values such
// as "<5" or "C++", so that distinct values keep distinct names. Everywhere
// else punctuation only separates words: operationId "issues/list-for-repo"
// is IssuesListForRepo.
var symbolWords = map[rune]string{
	'+': "Plus", '<': "LessThan", '>': "GreaterThan", '=': "Equal", '@': "At",
	'&': "And", '%': "Percent", '#': "Hash", '*': "Star",
}

// splitWords cuts an arbitrary string into words at separators, case changes
// and letter-digit boundaries ("spotMemberID" → spot, Member, ID).
func splitWords(s string) []string { return splitWordsSpelling(s, false) }

// splitWordsSpelling is splitWords that, when spell is set, also spells out
// symbols, a range's dash ("1-20" → 1, To, 20) and a leading minus ("-1").
func splitWordsSpelling(s string, spell bool) []string {
	var words []string
	var cur []rune
	flush := func() {
		if len(cur) > 0 {
			words = append(words, string(cur))
			cur = cur[:0]
		}
	}
	runes := []rune(s)
	for i, r := range runes {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if len(cur) > 0 {
				prev := cur[len(cur)-1]
				upperAfterLower := unicode.IsUpper(r) && (unicode.IsLower(prev) || unicode.IsDigit(prev))
				// "HTTPServer": the S starts a new word because a lower-case letter follows it.
				acronymEnd := unicode.IsUpper(r) && unicode.IsUpper(prev) && i+1 < len(runes) && unicode.IsLower(runes[i+1])
				letterAfterDigit := unicode.IsLetter(r) && unicode.IsDigit(prev)
				if upperAfterLower || acronymEnd || letterAfterDigit {
					flush()
				}
			}
			cur = append(cur, r)
		case spell && r == '-' && len(cur) > 0 && unicode.IsDigit(cur[len(cur)-1]) && i+1 < len(runes) && unicode.IsDigit(runes[i+1]):
			flush()
			words = append(words, "To")
		case spell && r == '-' && len(words) == 0 && len(cur) == 0 && i+1 < len(runes) && unicode.IsDigit(runes[i+1]):
			words = append(words, "Minus")
		default:
			flush()
			if w, ok := symbolWords[r]; spell && ok {
				words = append(words, w)
			}
		}
	}
	flush()
	return words
}

// GoName turns any string into an exported Go identifier with idiomatic
// initialisms. It never returns an empty or invalid identifier.
func GoName(s string) string {
	name := goNamePart(s)
	if first := []rune(name)[0]; !unicode.IsLetter(first) {
		name = "N" + name
	}
	if !unicode.IsUpper([]rune(name)[0]) {
		// A letter without case (CJK): prefix so the identifier is exported.
		name = "X" + name
	}
	return name
}

// goNamePart is GoName for the tail of an identifier, which may start with a
// digit ("2XX" after a prefix).
func goNamePart(s string) string { return joinWords(splitWords(s)) }

// enumNamePart names an enum value after its type's name, spelling symbols
// out ("1-20" → "1To20", "<5" → "LessThan5", "C++" → "CPlusPlus").
func enumNamePart(s string) string { return joinWords(splitWordsSpelling(s, true)) }

// joinWords writes words as one identifier with idiomatic initialisms.
func joinWords(words []string) string {
	var b strings.Builder
	for _, w := range words {
		upper := strings.ToUpper(w)
		if initialisms[upper] {
			if upper == "IDS" {
				upper = "IDs"
			}
			b.WriteString(upper)
			continue
		}
		r := []rune(w)
		b.WriteRune(unicode.ToUpper(r[0]))
		b.WriteString(string(r[1:]))
	}
	if b.Len() == 0 {
		return "X"
	}
	return b.String()
}

// goLocalName turns a string into an unexported identifier that is not a Go
// keyword or predeclared identifier, for parameters and local variables.
func goLocalName(s string) string {
	name := GoName(s)
	words := splitWords(name)
	if len(words) > 0 && initialisms[strings.ToUpper(words[0])] {
		name = strings.ToLower(words[0]) + name[len(words[0]):]
	} else {
		r := []rune(name)
		r[0] = unicode.ToLower(r[0])
		name = string(r)
	}
	if token.IsKeyword(name) || predeclared[name] || importedPackages[name] {
		name += "_"
	}
	return name
}

// importedPackages are the names of the standard packages that generated
// code may import; a local name must not shadow one (a path parameter named
// url would hide net/url in the method that escapes it).
var importedPackages = map[string]bool{
	"atomic": true, "base64": true, "bufio": true, "bytes": true, "cmp": true, "context": true,
	"debug": true, "errors": true, "filepath": true, "fmt": true, "hex": true, "http": true,
	"io": true, "iter": true, "json": true, "mail": true, "maps": true, "math": true, "mime": true,
	"multipart": true, "netip": true, "os": true, "path": true, "rand": true, "reflect": true,
	"regexp": true, "slices": true, "slog": true, "sort": true, "strconv": true, "strings": true,
	"sync": true, "textproto": true, "time": true, "unicode": true, "url": true, "utf8": true,
}

// predeclared lists Go's predeclared identifiers, which a generated local
// name must not shadow.
var predeclared = map[string]bool{
	"any": true, "append": true, "bool": true, "byte": true, "cap": true, "clear": true,
	"close": true, "comparable": true, "complex": true, "complex128": true, "complex64": true,
	"copy": true, "delete": true, "error": true, "false": true, "float32": true, "float64": true,
	"imag": true, "int": true, "int16": true, "int32": true, "int64": true, "int8": true,
	"iota": true, "len": true, "make": true, "max": true, "min": true, "new": true, "nil": true,
	"panic": true, "print": true, "println": true, "real": true, "recover": true, "rune": true,
	"string": true, "true": true, "uint": true, "uint16": true, "uint32": true, "uint64": true,
	"uint8": true, "uintptr": true,
}

// nameSet hands out unique identifiers within one scope: the first holder of
// a name keeps it, later ones get a numeric suffix. Callers claim names in a
// deterministic order, so the result is stable.
type nameSet struct {
	used map[string]bool
	last string
}

func newNameSet(reserved ...string) *nameSet {
	s := &nameSet{used: map[string]bool{}}
	for _, r := range reserved {
		s.used[r] = true
	}
	return s
}

func (s *nameSet) taken(name string) bool { return s.used[name] }

// claim returns name, or name with the smallest suffix ≥ 2 that is free.
func (s *nameSet) claim(name string) string {
	if !s.used[name] {
		s.used[name] = true
		s.last = name
		return name
	}
	for i := 2; ; i++ {
		candidate := name + strconv.Itoa(i)
		if !s.used[candidate] {
			s.used[candidate] = true
			s.last = candidate
			return candidate
		}
	}
}

// claimLast returns the most recent name claim handed out; used right after claim.
func (s *nameSet) claimLast() string { return s.last }

// wordSeparators are dropped by foldWord; built once, as a Replacer is
// costly to build and safe to share.
var wordSeparators = strings.NewReplacer("_", "", "-", "")

// foldWord lower-cases s and drops '_' and '-': "per_page", "perPage" and
// "per-page" fold alike, and so do "startsWith" and "starts_with".
func foldWord(s string) string { return wordSeparators.Replace(strings.ToLower(s)) }
