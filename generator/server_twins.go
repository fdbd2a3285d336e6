package generator

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
)

// Twin is what tells an operation apart from others that take the same
// requests (same method, the same path once the #fragment is dropped, or
// paths that match the same requests). NewHandler tries such operations in
// order, most specific first, and serves a request with the first whose
// Twin the request satisfies; the last of them, the general one, has no
// Twin and serves every other request, so that its checks answer 4xx.
type Twin struct {
	// Query and Headers are the parameters the operation requires and the
	// request must therefore carry.
	Query, Headers []string
	// ContentType is the body's media type; it must be the request's when
	// BodyRequired or when the request names one.
	ContentType  string
	BodyRequired bool
	// Accept is the media type the operation alone answers with (an event
	// stream); the request's Accept header must name it.
	Accept string
	// PathParams constrain the values of path parameters.
	PathParams []TwinParam
	// Members are checked on the body, read once, only when nothing above
	// tells the operation apart from another of its group.
	Members []TwinMember
}

// TwinParam constrains the path parameter whose value is the Position-th
// the route's segments hold.
type TwinParam struct {
	Position int
	// Kind is "integer", "number" or "boolean" when the value must parse so.
	Kind    string
	Enum    []string
	Pattern string
}

// TwinMember is a top-level member of a JSON or form body: present when
// Required, not null when NotNull, one of Enum (as written) when set.
type TwinMember struct {
	Name              string
	Required, NotNull bool
	Enum              []string
}

// HasBody reports whether the body must be read to check the twin.
func (t *Twin) HasBody() bool { return len(t.Members) > 0 }

// settleTwins orders each group of matched operations that take the same
// requests, most specific first, and gives each but the last its Twin.
// It returns the groups' operations that no request can reach, each with
// the earlier one that takes its requests: they declare nothing that tells
// them apart.
func settleTwins(matched []*Operation) (unreachable [][2]*Operation) {
	groups := map[string][]int{}
	var keys []string
	for i, o := range matched {
		k := requestKey(o)
		if groups[k] == nil {
			keys = append(keys, k)
		}
		groups[k] = append(groups[k], i)
	}
	for _, k := range keys {
		at := groups[k]
		if len(at) < 2 {
			continue
		}
		group := make([]*Operation, len(at))
		for i, j := range at {
			group[i] = matched[j]
		}
		cheap := make(map[*Operation]*Twin, len(group))
		for _, o := range group {
			cheap[o] = cheapTwin(o)
		}
		full := make(map[*Operation]*Twin, len(group))
		for _, o := range group {
			t := *cheap[o]
			if slices.ContainsFunc(group, func(p *Operation) bool { return p != o && twinKey(cheap[p]) == twinKey(cheap[o]) }) {
				t.Members = bodyMembers(o)
			}
			full[o] = &t
		}
		slices.SortStableFunc(group, func(a, b *Operation) int { return compareTwins(a, full[a], b, full[b]) })
		for i, o := range group {
			matched[at[i]] = o
			if i < len(group)-1 && !twinEmpty(full[o]) {
				o.ServerTwin = full[o]
			}
			for _, prev := range group[:i] {
				if twinKey(full[prev]) == twinKey(full[o]) {
					unreachable = append(unreachable, [2]*Operation{prev, o})
					break
				}
			}
		}
	}
	return unreachable
}

// identicalGroups gathers settleTwins' unreachable pairs into groups, the
// operation that serves their requests first and the others in route order,
// and records each group on its members (Operation.ServerIdentical).
func identicalGroups(unreachable [][2]*Operation) [][]*Operation {
	var groups [][]*Operation
	at := map[*Operation]int{}
	for _, pair := range unreachable {
		i, ok := at[pair[0]]
		if !ok {
			i = len(groups)
			at[pair[0]] = i
			groups = append(groups, []*Operation{pair[0]})
		}
		groups[i] = append(groups[i], pair[1])
	}
	for _, group := range groups {
		for _, o := range group {
			o.ServerIdentical = group
		}
	}
	return groups
}

// requestKey is the same for operations whose requests are the same: method,
// path shape and fixed query.
func requestKey(o *Operation) string {
	var sb strings.Builder
	sb.WriteString(o.Method)
	for _, seg := range o.Route.Segments {
		sb.WriteByte('/')
		for _, p := range seg.Parts() {
			if p.IsText() {
				sb.WriteString(p.Text)
			} else {
				sb.WriteString("{}")
			}
		}
	}
	var query []string
	for _, q := range o.Route.Query {
		query = append(query, q.Name+"="+q.Value)
	}
	slices.Sort(query)
	fmt.Fprintf(&sb, "?%q", query)
	return sb.String()
}

// cheapTwin is what tells o apart without reading the body.
func cheapTwin(o *Operation) *Twin {
	t := &Twin{}
	for _, p := range o.QueryParams {
		if p.Required && p.Filter == nil && !isObjectRef(p.Type) {
			t.Query = append(t.Query, p.Name)
		}
	}
	for _, p := range o.HeaderParams {
		if p.Required {
			t.Headers = append(t.Headers, p.Name)
		}
	}
	if o.Body != nil {
		t.ContentType, t.BodyRequired = o.Body.ContentType, o.Body.Required
	}
	if o.StreamAnswer != nil && !o.StreamAnswer.JSON {
		t.Accept = o.StreamAnswer.Stream.ContentType
	}
	position := 0
	for _, seg := range o.Route.Segments {
		for _, part := range seg.Parts() {
			if part.IsText() {
				continue
			}
			if c, ok := paramConstraint(o.PathParams[part.Param].Type); ok {
				c.Position = position
				t.PathParams = append(t.PathParams, c)
			}
			position++
		}
	}
	return t
}

// paramConstraint is what a path parameter's schema requires of its value.
func paramConstraint(r *TypeRef) (TwinParam, bool) {
	r = unaliasRef(r)
	var c TwinParam
	switch r.Kind {
	case RefInt, RefInt32, RefInt64:
		c.Kind = "integer"
	case RefFloat32, RefFloat64:
		c.Kind = "number"
	case RefBool:
		c.Kind = "boolean"
	case RefNamed:
		c.Enum = enumTexts(r.Named)
	}
	// A pattern Go's regexp refuses tells nothing apart (the validators skip
	// it too, with a warning); the others are compiled once in the route table.
	if _, err := regexp.Compile(r.Constraints.Pattern); err == nil {
		c.Pattern = r.Constraints.Pattern
	}
	return c, c.Kind != "" || c.Enum != nil || c.Pattern != ""
}

// enumTexts are an enum's values as written on the wire; nil for another type.
func enumTexts(t *Type) []string {
	if t.Kind != KindEnum {
		return nil
	}
	out := make([]string, len(t.Enum.Values))
	for i, v := range t.Enum.Values {
		out[i] = fmt.Sprint(v.Value)
	}
	return out
}

// bodyMembers are the checks of o's body members: those required, those
// null cannot be, those limited to an enum.
func bodyMembers(o *Operation) []TwinMember {
	if o.Body == nil || o.Body.Type == nil || (!o.Body.JSON && o.Body.Kind != BodyForm) {
		return nil
	}
	r := unaliasRef(o.Body.Type)
	if r.Kind != RefNamed || r.Named.Kind != KindStruct {
		return nil
	}
	var out []TwinMember
	for _, f := range r.Named.Fields {
		m := TwinMember{Name: f.JSONName, Required: f.Required, NotNull: !f.Nullable && unaliasRef(f.Type).Kind != RefAny}
		if e := unaliasRef(f.Type); e.Kind == RefNamed {
			m.Enum = enumTexts(e.Named)
		}
		if m.Required || m.NotNull || m.Enum != nil {
			out = append(out, m)
		}
	}
	return out
}

// compareTwins orders a group: an operation with no check last, then more
// checks without the body first, then an operation whose path key has a
// #fragment before the one without (the general operation), then more
// required members, then more members with an enum or that cannot be null;
// ties keep the spec's order. Of two operations that nothing tells apart,
// the general one comes first and serves their requests.
func compareTwins(a *Operation, ta *Twin, b *Operation, tb *Twin) int {
	if ea, eb := twinEmpty(ta), twinEmpty(tb); ea != eb {
		if ea {
			return 1
		}
		return -1
	}
	if d := cheapCount(tb) - cheapCount(ta); d != 0 {
		return d
	}
	if fa, fb := strings.Contains(a.Path, "#"), strings.Contains(b.Path, "#"); fa != fb {
		if fa == (twinKey(ta) != twinKey(tb)) {
			return -1
		}
		return 1
	}
	ra, ca := memberCounts(ta)
	rb, cb := memberCounts(tb)
	if rb != ra {
		return rb - ra
	}
	return cb - ca
}

func cheapCount(t *Twin) int {
	n := len(t.Query) + len(t.Headers) + len(t.PathParams)
	if t.Accept != "" {
		n++
	}
	if t.BodyRequired {
		n++
	}
	return n
}

func memberCounts(t *Twin) (required, constrained int) {
	for _, m := range t.Members {
		if m.Required {
			required++
		}
		if m.NotNull || m.Enum != nil {
			constrained++
		}
	}
	return required, constrained
}

func twinEmpty(t *Twin) bool { return twinKey(t) == twinKey(&Twin{}) }

// twinKey is the same for twins that accept the same requests.
func twinKey(t *Twin) string { return fmt.Sprintf("%#v", *t) }
