package generator

import (
	"net/url"
	"strings"
)

// buildRoute splits o's path key into the request it is sent as: the
// #fragment is dropped (it is never sent; specs such as Box's use it to tell
// operations on one path apart), a ?query suffix becomes fixed query pairs,
// and each segment of the rest becomes text and parameters. The n-th
// parameter of the template is PathParams[n], so that a name that occurs
// twice (/accounts/{id}/.../accounts/{id}) is two parameters, as the client
// method takes them.
func (b *builder) buildRoute(o *Operation) {
	path, suffix := o.Path, ""
	if i := strings.IndexAny(path, "?#"); i >= 0 {
		path, suffix = path[:i], path[i:]
	}
	o.Route = Route{Path: path}
	if query, ok := strings.CutPrefix(suffix, "?"); ok {
		query, _, _ = strings.Cut(query, "#")
		o.Route.Query = queryPairs(query)
	}
	next := 0
	for _, seg := range strings.Split(strings.TrimPrefix(path, "/"), "/") {
		var parts RouteSegment
		text := func(s string) {
			if s != "" {
				parts = append(parts, RoutePart{Text: s, Param: -1})
			}
		}
		last := 0
		for _, m := range pathParamPattern.FindAllStringSubmatchIndex(seg, -1) {
			if next >= len(o.PathParams) || o.PathParams[next].Name != seg[m[2]:m[3]] {
				continue // not a parameter: kept as text
			}
			text(seg[last:m[0]])
			parts = append(parts, RoutePart{Param: next})
			next++
			last = m[1]
		}
		text(seg[last:])
		o.Route.Segments = append(o.Route.Segments, parts)
	}
}

// queryPairs reads the pairs of a query suffix, in order; a name without
// "=" has the empty value.
func queryPairs(query string) []QueryPair {
	var pairs []QueryPair
	for _, item := range strings.Split(query, "&") {
		if item == "" {
			continue
		}
		name, value, _ := strings.Cut(item, "=")
		if n, err := url.QueryUnescape(name); err == nil {
			name = n
		}
		if v, err := url.QueryUnescape(value); err == nil {
			value = v
		}
		pairs = append(pairs, QueryPair{Name: name, Value: value})
	}
	return pairs
}

// RouteText writes the route with the given names for its parameters:
// "/tasks/{id}.json?full=true".
func RouteText(r Route, names func(param int) string) string {
	var sb strings.Builder
	for _, seg := range r.Segments {
		sb.WriteByte('/')
		for _, p := range seg {
			if p.IsText() {
				sb.WriteString(p.Text)
			} else {
				sb.WriteString("{" + names(p.Param) + "}")
			}
		}
	}
	for i, q := range r.Query {
		sb.WriteString(map[bool]string{true: "?", false: "&"}[i == 0])
		sb.WriteString(url.QueryEscape(q.Name) + "=" + url.QueryEscape(q.Value))
	}
	return sb.String()
}
