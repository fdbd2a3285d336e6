package generator

import (
	"fmt"
	"net/http"
	"slices"
	"strings"
)

// routeOperation decides how NewHandler routes o. An ordinary path becomes
// an http.ServeMux pattern, the fast path. ServeMux panics on what it cannot
// express (a segment that mixes a parameter with text, a fixed query) and
// on two patterns that match the same requests with neither more specific;
// such an operation is left to the generated matcher instead
// (ServerMatched), which routeServer orders once every operation is known.
func (b *builder) routeOperation(o *Operation) {
	b.buildRoute(o)
	o.ServerWildcards = make([]string, len(o.PathParams))
	for i, p := range o.PathParams {
		o.ServerWildcards[i] = wildcardName(p.LocalName, i)
	}
	o.ServerPattern = o.Method + " " + RouteText(o.Route, func(i int) string { return o.ServerWildcards[i] })
	pattern := muxPattern(o.ServerPattern)
	if !muxExpresses(o.Route) || register(http.NewServeMux(), pattern) != "" {
		o.ServerMatched = true
		return
	}
	if b.routes == nil {
		b.routes = http.NewServeMux()
	}
	if register(b.routes, pattern) != "" {
		o.ServerMatched = true
		return
	}
	o.ServerPattern = pattern
}

// wildcardName is a ServeMux wildcard name for a path parameter: its Go
// local name when that is plain ASCII (ServeMux wants a Go identifier).
func wildcardName(local string, i int) string {
	for _, r := range local {
		if r > 127 {
			return fmt.Sprintf("p%d", i+1)
		}
	}
	return local
}

// muxExpresses reports whether ServeMux can route r: no fixed query, and
// each segment is either text without braces or one whole parameter.
func muxExpresses(r Route) bool {
	if len(r.Query) > 0 {
		return false
	}
	for _, seg := range r.Segments {
		switch {
		case len(seg) > 1:
			return false
		case len(seg) == 1 && seg[0].IsText() && strings.ContainsAny(seg[0].Text, "{}"):
			return false
		}
	}
	return true
}

// muxPattern is the ServeMux pattern of a route's text: a trailing slash
// gets "{$}" so that it matches only itself.
func muxPattern(text string) string {
	if strings.HasSuffix(text, "/") {
		return text + "{$}"
	}
	return text
}

// register adds pattern to mux and returns ServeMux's complaint, if any.
func register(mux *http.ServeMux, pattern string) (msg string) {
	defer func() {
		if r := recover(); r != nil {
			msg = strings.SplitN(fmt.Sprint(r), "\n", 2)[0]
		}
	}()
	mux.Handle(pattern, http.NotFoundHandler())
	return ""
}

// routeServer settles the matcher's routes once every operation is known.
// The matcher runs ahead of ServeMux, so an operation left to ServeMux that
// could take a request of a matched one (same method, paths that may match
// the same request) joins the matcher too, until none is left: precedence
// is then decided in one place. The matched routes are ordered most specific
// first; operations that take the same requests (the same request once the
// #fragment is dropped) are told apart by settleTwins; those that nothing
// tells apart form an identical group, which the Server may choose among
// (OperationChooser), and a note for -v names them.
func (b *builder) routeServer() {
	var matched []*Operation
	for _, o := range b.api.Operations {
		if o.ServerMatched {
			matched = append(matched, o)
		}
	}
	for moved := len(matched) > 0; moved; {
		moved = false
		for _, o := range b.api.Operations {
			if o.ServerMatched || !slices.ContainsFunc(matched, func(m *Operation) bool { return mayTakeSameRequest(o, m) }) {
				continue
			}
			o.ServerMatched, moved = true, true
			o.ServerPattern = strings.TrimSuffix(o.ServerPattern, "{$}")
			matched = append(matched, o)
		}
	}
	matched = slices.DeleteFunc(slices.Clone(b.api.Operations), func(o *Operation) bool { return !o.ServerMatched })
	slices.SortStableFunc(matched, compareRoutes)
	for _, group := range identicalGroups(settleTwins(matched)) {
		for _, o := range group[1:] {
			why := "its path matches the same requests"
			if strings.ContainsRune(o.Path+group[0].Path, '#') {
				why = "once the #fragment, which is never sent, is dropped"
			}
			b.note(o.Pointer, "%s %s is the same request as %s %s (operation %s): %s, and neither declares a required query parameter or header, a body media type, an Accept, a path parameter constraint or a body member that the other lacks; NewHandler serves such requests with %s unless the Server implements OperationChooser, which picks one of them for each request",
				o.Method, o.Path, group[0].Method, group[0].Path, group[0].ID, why, group[0].Name)
		}
	}
	b.api.ServerRoutes = matched
}

// sameMethod reports whether requests of one method may reach either
// operation: ServeMux serves HEAD with a GET pattern, and so does the matcher.
func sameMethod(a, b *Operation) bool {
	return a.Method == b.Method ||
		(a.Method == http.MethodGet && b.Method == http.MethodHead) || (a.Method == http.MethodHead && b.Method == http.MethodGet)
}

// mayTakeSameRequest reports whether a request could match both routes:
// conservative, a false "yes" only moves a route to the matcher.
func mayTakeSameRequest(a, b *Operation) bool {
	if !sameMethod(a, b) || len(a.Route.Segments) != len(b.Route.Segments) {
		return false
	}
	for i, sa := range a.Route.Segments {
		sb := b.Route.Segments[i]
		switch {
		case segmentText(sa) && segmentText(sb):
			if sa.Parts()[0].Text != sb.Parts()[0].Text {
				return false
			}
		case segmentText(sa):
			if !MatchSegment(sb.Parts(), sa.Parts()[0].Text) {
				return false
			}
		case segmentText(sb):
			if !MatchSegment(sa.Parts(), sb.Parts()[0].Text) {
				return false
			}
		}
	}
	return true
}

// segmentText reports whether a segment is text alone.
func segmentText(s RouteSegment) bool { return len(s) == 0 || (len(s) == 1 && s[0].IsText()) }

// compareRoutes orders the matcher's routes, most specific first: segment
// by segment from the left, text beats a segment that mixes text and
// parameters, which beats a whole parameter, and of two mixed segments the
// one with more text wins; then the route with more fixed query pairs, then
// HEAD before GET. Routes that tie keep the spec's order.
func compareRoutes(a, b *Operation) int {
	for i := 0; i < len(a.Route.Segments) && i < len(b.Route.Segments); i++ {
		ka, ta := segmentRank(a.Route.Segments[i])
		kb, tb := segmentRank(b.Route.Segments[i])
		if ka != kb {
			return ka - kb
		}
		if ta != tb {
			return tb - ta
		}
	}
	if len(a.Route.Segments) != len(b.Route.Segments) {
		return len(a.Route.Segments) - len(b.Route.Segments)
	}
	if d := len(b.Route.Query) - len(a.Route.Query); d != 0 {
		return d
	}
	return headFirst(a) - headFirst(b)
}

// headFirst is 0 for HEAD and 1 otherwise: a HEAD route serves HEAD
// requests before a GET route of the same path can.
func headFirst(o *Operation) int {
	if o.Method == http.MethodHead {
		return 0
	}
	return 1
}

// segmentRank is 0 for text, 1 for text with parameters, 2 for a whole
// parameter, with the length of the segment's text.
func segmentRank(s RouteSegment) (kind, text int) {
	for _, p := range s {
		text += len(p.Text)
	}
	switch {
	case segmentText(s):
		return 0, text
	case text > 0:
		return 1, text
	}
	return 2, 0
}

// MatchSegment reports whether a path segment (unescaped) matches parts,
// the alternating text and parameters of RouteSegment.Parts, by the rule
// the generated matcher follows: the first and last text are the segment's
// prefix and suffix; a parameter followed by more parameters ends where the
// text after it first occurs (at least one character on); the last
// parameter takes what is left. Every parameter holds at least one
// character.
func MatchSegment(parts []RoutePart, s string) bool {
	first, last := parts[0].Text, parts[len(parts)-1].Text
	if len(parts) == 1 {
		return s == first
	}
	if len(s) < len(first)+len(last) || !strings.HasPrefix(s, first) || !strings.HasSuffix(s, last) {
		return false
	}
	s = s[len(first) : len(s)-len(last)]
	for i := 1; i < len(parts)-2; i += 2 {
		if s == "" {
			return false
		}
		at := strings.Index(s[1:], parts[i+1].Text)
		if at < 0 {
			return false
		}
		s = s[at+1+len(parts[i+1].Text):]
	}
	return s != ""
}
