package generator

import (
	"fmt"
	"net/http"
	"strings"
)

// routeOperation decides the http.ServeMux pattern of o. ServeMux panics on
// patterns it cannot parse and on two patterns that match the same requests
// with neither more specific; both are found here, by registering the
// pattern in a throwaway mux, so that NewHandler never panics. Such an
// operation is left out of the handler with a warning naming the reason.
func (b *builder) routeOperation(o *Operation) {
	wildcards := make([]string, len(o.PathParams))
	for i, p := range o.PathParams {
		wildcards[i] = wildcardName(p.LocalName, i)
	}
	pattern, problem := muxPattern(o.Method, o.Path, o.PathParams, wildcards)
	if problem == "" {
		problem = b.muxConflict(pattern, o)
	}
	if problem != "" {
		b.warn(o.Pointer, "the generated server cannot route %s %s: %s; NewHandler leaves this operation out (answering 404)", o.Method, o.Path, problem)
		return
	}
	o.ServerPattern = pattern
	o.ServerWildcards = wildcards
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

// muxPattern turns a path template into a ServeMux pattern: "{liveId}"
// becomes "{liveID}" (the parameter's wildcard), a trailing slash gets
// "{$}" so that it matches only itself. A segment that mixes a parameter
// with text ("{id}:archive") has no ServeMux form.
func muxPattern(method, path string, params []*Param, wildcards []string) (string, string) {
	byName := map[string]string{}
	for i, p := range params {
		byName[p.Name] = wildcards[i]
	}
	segments := strings.Split(path, "/")
	for i, seg := range segments {
		m := pathParamPattern.FindAllStringSubmatchIndex(seg, -1)
		if len(m) == 0 {
			if strings.ContainsAny(seg, "{}") {
				return "", fmt.Sprintf("path segment %q has an unbalanced brace", seg)
			}
			continue
		}
		if len(m) > 1 || m[0][0] != 0 || m[0][1] != len(seg) {
			return "", fmt.Sprintf("path segment %q mixes a parameter with text, which http.ServeMux cannot match", seg)
		}
		segments[i] = "{" + byName[seg[1:len(seg)-1]] + "}"
	}
	pattern := strings.Join(segments, "/")
	if strings.HasSuffix(pattern, "/") {
		pattern += "{$}"
	}
	return method + " " + pattern, ""
}

// muxConflict says why ServeMux refuses pattern: it does not parse, or it
// matches the same requests as the pattern of an earlier operation with
// neither more specific. The patterns accepted so far are kept in one mux,
// as NewHandler registers them, so that each check costs one registration
// rather than one per earlier operation; only a refused pattern is compared
// with the earlier ones one by one, to name the operation it collides with.
func (b *builder) muxConflict(pattern string, o *Operation) string {
	if msg := register(http.NewServeMux(), pattern); msg != "" {
		return msg
	}
	if b.routes == nil {
		b.routes = http.NewServeMux()
	}
	msg := register(b.routes, pattern)
	if msg == "" {
		return ""
	}
	for _, prev := range b.api.Operations {
		if prev.ServerPattern == "" {
			continue
		}
		mux := http.NewServeMux()
		register(mux, prev.ServerPattern)
		if register(mux, pattern) != "" {
			return fmt.Sprintf("it matches the same requests as %s %s (operation %s) and neither path is more specific", prev.Method, prev.Path, prev.ID)
		}
	}
	return msg
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
