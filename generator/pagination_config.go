package generator

import (
	"fmt"
	"slices"
	"sort"
	"strings"
)

// PagingSpec is pagination as configured, for an operation whose paging
// the names do not make clear: x-livegen-pagination on the operation,
// livegen.yaml's pagination section, or Speakeasy's x-speakeasy-pagination.
type PagingSpec struct {
	// Source names where the configuration comes from, for errors and notes.
	Source string
	// Off turns pagination off (x-livegen-pagination: false).
	Off   bool
	Style PagingStyle
	// Param and Limit are query parameter names: the one that selects a
	// page, and the page size.
	Param, Limit string
	// Items, Next, HasMore and Total are dotted property paths in the
	// answer ("data", "meta.next_page_url"). Items may be empty when the
	// answer is the list, or holds one list.
	Items, Next, HasMore, Total string
	// Cursor is the item property that the cursor style sends back; "id"
	// when empty.
	Cursor string
}

// PagingKeys are the keys of x-livegen-pagination and of an entry of
// livegen.yaml's pagination section.
var PagingKeys = []string{"style", "param", "limit", "items", "next", "hasMore", "total", "cursor"}

// PagingKeyError is a mistake in a pagination configuration, at one key.
type PagingKeyError struct {
	Key     string // "style"; empty for the whole value
	Message string
}

func (e *PagingKeyError) Error() string {
	if e.Key == "" {
		return e.Message
	}
	return e.Key + ": " + e.Message
}

// ParsePagingSpec reads x-livegen-pagination, or an entry of livegen.yaml's
// pagination section: false, or a mapping of PagingKeys to strings.
func ParsePagingSpec(v any, source string) (*PagingSpec, error) {
	if off, ok := v.(bool); ok {
		if off {
			return nil, &PagingKeyError{Message: "true is not a configuration; write false to turn pagination off, or a mapping with style (" + stylesText() + ")"}
		}
		return &PagingSpec{Source: source, Off: true}, nil
	}
	m, ok := v.(map[string]any)
	if !ok {
		return nil, &PagingKeyError{Message: fmt.Sprintf("expected false or a mapping with the keys %s, not %s", strings.Join(PagingKeys, ", "), kindOf(v))}
	}
	s := &PagingSpec{Source: source}
	fields := map[string]*string{"param": &s.Param, "limit": &s.Limit, "items": &s.Items, "next": &s.Next, "hasMore": &s.HasMore, "total": &s.Total, "cursor": &s.Cursor}
	for _, k := range sortedAnyKeys(m) {
		if k == "style" {
			continue
		}
		dst, known := fields[k]
		if !known {
			return nil, &PagingKeyError{Key: k, Message: "unknown key; the keys are " + strings.Join(PagingKeys, ", ")}
		}
		str, ok := m[k].(string)
		if !ok {
			return nil, &PagingKeyError{Key: k, Message: "expected a string, not " + kindOf(m[k])}
		}
		*dst = strings.TrimPrefix(strings.TrimPrefix(str, "$"), ".")
	}
	style, ok := m["style"].(string)
	if !ok || !slices.Contains(PagingStyles, PagingStyle(style)) {
		msg := "missing; "
		if _, set := m["style"]; set {
			msg = fmt.Sprintf("%v is not a style; ", m["style"])
		}
		return nil, &PagingKeyError{Key: "style", Message: msg + "use one of " + stylesText()}
	}
	s.Style = PagingStyle(style)
	return s, nil
}

// parseSpeakeasyPaging reads Speakeasy's x-speakeasy-pagination: type
// offsetLimit (an input of type page or offset), cursor (outputs.nextCursor;
// "$.data[-1].id" is a cursor from the last item) or url (outputs.nextUrl).
func parseSpeakeasyPaging(v any) (*PagingSpec, error) {
	m, ok := v.(map[string]any)
	if !ok {
		return nil, &PagingKeyError{Message: "expected a mapping with type, inputs and outputs, not " + kindOf(v)}
	}
	s := &PagingSpec{Source: "x-speakeasy-pagination"}
	inputs, _ := m["inputs"].([]any)
	for i, in := range inputs {
		im, _ := in.(map[string]any)
		name, _ := im["name"].(string)
		kind, _ := im["type"].(string)
		if where, _ := im["in"].(string); where != "parameters" || name == "" {
			return nil, &PagingKeyError{Key: fmt.Sprintf("inputs/%d", i), Message: "only inputs in parameters, with a name, are read"}
		}
		switch kind {
		case "limit":
			s.Limit = name
		case "page", "offset", "cursor":
			s.Param = name
			if kind != "cursor" {
				s.Style = PagingStyle(kind)
			}
		default:
			return nil, &PagingKeyError{Key: fmt.Sprintf("inputs/%d/type", i), Message: fmt.Sprintf("%q is not page, offset, cursor or limit", kind)}
		}
	}
	outputs, _ := m["outputs"].(map[string]any)
	path := func(key string) string {
		p, _ := outputs[key].(string)
		return strings.TrimPrefix(strings.TrimPrefix(p, "$"), ".")
	}
	s.Items = path("results")
	switch kind, _ := m["type"].(string); kind {
	case "offsetLimit":
		if s.Style == "" {
			return nil, &PagingKeyError{Key: "inputs", Message: "type offsetLimit needs an input of type page or offset"}
		}
	case "cursor":
		next := path("nextCursor")
		if items, prop, ok := strings.Cut(next, "[-1]."); ok {
			s.Style, s.Items, s.Cursor = PagingCursor, items, prop
		} else {
			s.Style, s.Next = PagingToken, next
		}
	case "url":
		s.Style, s.Next = PagingNextURL, path("nextUrl")
	default:
		return nil, &PagingKeyError{Key: "type", Message: fmt.Sprintf("%v is not offsetLimit, cursor or url", m["type"])}
	}
	return s, nil
}

// pagingConfig finds the configuration of an operation: livegen.yaml's
// first, then x-livegen-pagination, then x-speakeasy-pagination. where is
// the pointer that an error is reported at.
func (b *builder) pagingConfig(o *Operation, ext map[string]any) (spec *PagingSpec, where string, err error) {
	if s := b.opts.Overrides.PagingOf(o.ID); s != nil {
		return s, o.Pointer, nil
	}
	for _, key := range []string{"x-livegen-pagination", "x-speakeasy-pagination"} {
		v, set := ext[key]
		if !set {
			continue
		}
		where = o.Pointer + "/" + key
		if key == "x-livegen-pagination" {
			spec, err = ParsePagingSpec(v, key)
		} else {
			spec, err = parseSpeakeasyPaging(v)
		}
		var ke *PagingKeyError
		if asKeyError(err, &ke) && ke.Key != "" {
			where += "/" + ke.Key
			err = fmt.Errorf("%s", ke.Message)
		}
		return spec, where, err
	}
	return nil, "", nil
}

// configuredPaging checks a configuration against the operation and turns
// it into the model; errors name the key that is wrong.
func (b *builder) configuredPaging(o *Operation, s *PagingSpec) (*Pagination, error) {
	answer := pagingAnswer(o)
	if answer == nil {
		return nil, fmt.Errorf("operation %s cannot page: the iterator needs a GET with exactly one JSON success answer with a schema", o.ID)
	}
	pg := &Pagination{Style: s.Style, Response: answer, Reason: "set by " + s.Source}
	var err error
	if pg.Param, err = configuredParam(o, "param", s.Param, s.Style); err != nil {
		return nil, err
	}
	if pg.Limit, err = configuredParam(o, "limit", s.Limit, ""); err != nil {
		return nil, err
	}
	if s.Items == "" {
		if !pg.findItems(answer, true) {
			return nil, &PagingKeyError{Key: "items", Message: "the answer is not a list and holds no single list; give the path to the items (\"data\")"}
		}
	} else if pg.Items, err = resolvePath(answer, "items", s.Items, func(t *TypeRef) bool { return sliceElem(t) != nil }, "a list"); err != nil {
		return nil, err
	} else if !isPlainList(pg.Items.Last()) {
		return nil, &PagingKeyError{Key: "items", Message: s.Items + " is nullable; the iterator reads lists held as plain slices"}
	} else {
		pg.Item = sliceElem(pg.Items.Last().Type)
	}
	if pg.Next, err = resolvePath(answer, "next", s.Next, isStringRef, "a string"); err != nil {
		return nil, err
	}
	if pg.HasMore, err = resolvePath(answer, "hasMore", s.HasMore, isBoolRef, "a boolean"); err != nil {
		return nil, err
	}
	if pg.Total, err = resolvePath(answer, "total", s.Total, isIntegerRef, "an integer"); err != nil {
		return nil, err
	}
	return pg, pg.checkStyle(s)
}

// checkStyle checks that the configuration gives what its style needs.
func (pg *Pagination) checkStyle(s *PagingSpec) error {
	switch pg.Style {
	case PagingPage, PagingOffset:
		if !isIntegerRef(pg.Param.Type) {
			return &PagingKeyError{Key: "param", Message: pg.Param.Name + " is not an integer; style " + string(pg.Style) + " counts pages or items"}
		}
		pg.FirstPage = firstPage(pg.Param)
	case PagingCursor:
		cursor := s.Cursor
		if cursor == "" {
			cursor = "id"
		}
		if pg.CursorField = itemField(pg.Item, cursor, isStringRef); pg.CursorField == nil {
			return &PagingKeyError{Key: "cursor", Message: "the items have no string property " + cursor + " to send back; name one"}
		}
	case PagingToken, PagingNextURL:
		if len(pg.Next) == 0 {
			return &PagingKeyError{Key: "next", Message: "style " + string(pg.Style) + " needs the path to the next " + map[PagingStyle]string{PagingToken: "token", PagingNextURL: "URL"}[pg.Style] + " in the answer"}
		}
	}
	if pg.Style != PagingPage && pg.Style != PagingOffset && pg.Param != nil && !isStringRef(pg.Param.Type) {
		return &PagingKeyError{Key: "param", Message: pg.Param.Name + " is not a string; style " + string(pg.Style) + " sends a cursor or token"}
	}
	return nil
}

// configuredParam finds the query parameter named by key; style, when set,
// says whether the parameter is required or must be absent.
func configuredParam(o *Operation, key, name string, style PagingStyle) (*Param, error) {
	needs := style == PagingPage || style == PagingOffset || style == PagingCursor || style == PagingToken
	if name == "" {
		if needs {
			return nil, &PagingKeyError{Key: key, Message: "style " + string(style) + " needs the query parameter that selects a page"}
		}
		return nil, nil
	}
	if key == "param" && !needs {
		return nil, &PagingKeyError{Key: key, Message: "style " + string(style) + " fetches the URL that the server gives; remove param"}
	}
	var names []string
	for _, p := range o.QueryParams {
		if p.Name == name && p.Filter == nil {
			if key == "limit" && !isIntegerRef(p.Type) {
				return nil, &PagingKeyError{Key: key, Message: name + " is not an integer"}
			}
			return p, nil
		}
		names = append(names, p.Name)
	}
	return nil, &PagingKeyError{Key: key, Message: fmt.Sprintf("operation %s has no query parameter %q (its query parameters: %s)", o.ID, name, orNone(names))}
}

// resolvePath follows a dotted path of JSON names from the answer.
func resolvePath(answer *Response, key, path string, fits func(*TypeRef) bool, what string) (FieldPath, error) {
	if path == "" {
		return nil, nil
	}
	st := answerStruct(answer)
	var out FieldPath
	for i, name := range strings.Split(path, ".") {
		var f *Field
		var names []string
		if st != nil {
			for _, c := range st.Fields {
				names = append(names, c.JSONName)
				if c.JSONName == name {
					f = c
				}
			}
		}
		if f == nil {
			at := "the answer"
			if i > 0 {
				at = out.String()
			}
			return nil, &PagingKeyError{Key: key, Message: fmt.Sprintf("%s has no property %q (its properties: %s)", at, name, orNone(names))}
		}
		if !readable(f) {
			return nil, &PagingKeyError{Key: key, Message: path + ": " + f.JSONName + " holds its own type; the iterator cannot read it"}
		}
		out = append(out, f)
		st = refStruct(f.Type)
	}
	if !fits(out.Last().Type) {
		return nil, &PagingKeyError{Key: key, Message: path + " is not " + what}
	}
	return out, nil
}

func orNone(names []string) string {
	if len(names) == 0 {
		return "none"
	}
	return strings.Join(names, ", ")
}

func stylesText() string {
	names := make([]string, len(PagingStyles))
	for i, s := range PagingStyles {
		names[i] = string(s)
	}
	sort.Strings(names)
	return strings.Join(names, ", ")
}

func kindOf(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case string:
		return "a string"
	case bool:
		return "a boolean"
	case []any:
		return "a list"
	case map[string]any:
		return "a mapping"
	default:
		return "a number"
	}
}

func sortedAnyKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// asKeyError is errors.As for *PagingKeyError.
func asKeyError(err error, target **PagingKeyError) bool {
	ke, ok := err.(*PagingKeyError)
	if ok {
		*target = ke
	}
	return ok
}
