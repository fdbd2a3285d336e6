package generator

import (
	"fmt"
	"reflect"
	"slices"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
)

// Selection chooses the operations to generate; the zero value keeps all.
// An operation is kept when it matches an include rule (or there is none)
// and no exclude rule: exclusion wins. Webhooks are kept unless an exclude
// rule matches them; callbacks go with their operation.
type Selection struct {
	IncludeTags, IncludeOperations, IncludePaths []string
	ExcludeTags, ExcludeOperations, ExcludePaths []string
}

// Selection rule names, as the command's flags spell them.
const (
	RuleIncludeTags       = "include-tags"
	RuleIncludeOperations = "include-operations"
	RuleIncludePaths      = "include-paths"
	RuleExcludeTags       = "exclude-tags"
	RuleExcludeOperations = "exclude-operations"
	RuleExcludePaths      = "exclude-paths"
)

// SelectionError is an include rule that matches no operation.
type SelectionError struct {
	Rule, Value, Message string
}

func (e *SelectionError) Error() string {
	return fmt.Sprintf("-%s %q: %s", e.Rule, e.Value, e.Message)
}

// IsZero reports whether the selection keeps everything.
func (s *Selection) IsZero() bool {
	return s == nil || len(s.IncludeTags)+len(s.IncludeOperations)+len(s.IncludePaths)+
		len(s.ExcludeTags)+len(s.ExcludeOperations)+len(s.ExcludePaths) == 0
}

func (s *Selection) included(o *Operation) bool {
	if len(s.IncludeTags)+len(s.IncludeOperations)+len(s.IncludePaths) == 0 {
		return true
	}
	return matchesAny(o, s.IncludeTags, s.IncludeOperations, s.IncludePaths)
}

func (s *Selection) excluded(o *Operation) bool {
	return matchesAny(o, s.ExcludeTags, s.ExcludeOperations, s.ExcludePaths)
}

func matchesAny(o *Operation, tags, ids, paths []string) bool {
	return slices.ContainsFunc(tags, func(t string) bool { return slices.Contains(o.Tags, t) }) ||
		slices.Contains(ids, o.ID) ||
		slices.ContainsFunc(paths, func(p string) bool { return underPath(o.Path, p) })
}

// underPath reports whether path is prefix or below it, segment by
// segment: /v1/lives holds /v1/lives/{id} but not /v1/livestreams.
func underPath(path, prefix string) bool {
	if path == "" {
		return false // a webhook has no path
	}
	prefix = strings.TrimSuffix(prefix, "/")
	return path == prefix || strings.HasPrefix(path, prefix+"/") || prefix == ""
}

// applySelection drops the operations the selection does not keep, then
// prunes every type that no kept operation or webhook reaches.
func (b *builder) applySelection() {
	sel := b.opts.Selection
	if sel.IsZero() {
		return
	}
	if err := sel.checkIncludes(b.api.Operations); err != nil {
		b.errs = append(b.errs, err)
		return
	}
	var kept, dropped []*Operation
	for _, o := range b.api.Operations {
		if sel.included(o) && !sel.excluded(o) {
			kept = append(kept, o)
		} else {
			dropped = append(dropped, o)
		}
	}
	b.api.Operations = kept
	var hooks []*Operation
	for _, w := range b.api.Webhooks {
		if sel.excluded(w) || slices.ContainsFunc(dropped, func(o *Operation) bool {
			return strings.HasPrefix(w.Pointer, o.Pointer+"/callbacks/")
		}) {
			dropped = append(dropped, w)
		} else {
			hooks = append(hooks, w)
		}
	}
	b.api.Webhooks = hooks
	b.api.ServerRoutes = slices.DeleteFunc(b.api.ServerRoutes, func(o *Operation) bool {
		return slices.Contains(dropped, o)
	})
	reached := b.reachedTypes(b.api.ServedOperations())
	var types []*Type
	for _, t := range b.api.Types {
		if reached[t] {
			types = append(types, t)
		} else {
			b.api.Unselected.Types = append(b.api.Unselected.Types, t)
		}
	}
	b.api.Types = types
	b.api.Unselected.Operations = dropped
}

// checkIncludes names the first include rule that matches no operation:
// a misspelt tag must not silently generate nothing.
func (s *Selection) checkIncludes(ops []*Operation) error {
	rules := []struct {
		name   string
		values []string
		match  func(o *Operation, v string) bool
	}{
		{RuleIncludeTags, s.IncludeTags, func(o *Operation, v string) bool { return slices.Contains(o.Tags, v) }},
		{RuleIncludeOperations, s.IncludeOperations, func(o *Operation, v string) bool { return o.ID == v }},
		{RuleIncludePaths, s.IncludePaths, func(o *Operation, v string) bool { return underPath(o.Path, v) }},
	}
	for _, r := range rules {
		for _, v := range r.values {
			if !slices.ContainsFunc(ops, func(o *Operation) bool { return r.match(o, v) }) {
				return &SelectionError{Rule: r.name, Value: v, Message: "matches no operation of the spec"}
			}
		}
	}
	return nil
}

// reachedTypes are the named types that roots reach, transitively. The
// walk follows every field of the model by reflection, so that parameters,
// bodies, responses, headers, fields, items, additionalProperties, union
// variants and whatever the model holds next are followed alike; the
// discriminator mappings recorded while building are followed too.
func (b *builder) reachedTypes(roots []*Operation) map[*Type]bool {
	w := &typeWalk{reached: map[*Type]bool{}, seen: map[[2]uintptr]bool{}, mapped: b.mapped}
	for _, o := range roots {
		w.walkStruct(reflect.ValueOf(o).Elem())
	}
	return w.reached
}

type typeWalk struct {
	reached map[*Type]bool
	seen    map[[2]uintptr]bool // pointers walked, by type and address
	mapped  map[*Type][]*Type
}

var (
	typePtr      = reflect.TypeOf((*Type)(nil))
	operationPtr = reflect.TypeOf((*Operation)(nil))
)

func (w *typeWalk) walk(v reflect.Value) {
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() || v.Type() == operationPtr {
			return // another operation's types are its own to keep
		}
		key := [2]uintptr{reflect.ValueOf(v.Type()).Pointer(), v.Pointer()}
		if w.seen[key] {
			return
		}
		w.seen[key] = true
		if v.Type() == typePtr {
			w.reachType(v)
		}
		w.walk(v.Elem())
	case reflect.Struct:
		w.walkStruct(v)
	case reflect.Slice, reflect.Array:
		for i := 0; i < v.Len(); i++ {
			w.walk(v.Index(i))
		}
	case reflect.Map:
		iter := v.MapRange()
		for iter.Next() {
			w.walk(iter.Value())
		}
	case reflect.Interface:
		if !v.IsNil() {
			w.walk(v.Elem())
		}
	}
}

func (w *typeWalk) walkStruct(v reflect.Value) {
	for i := 0; i < v.NumField(); i++ {
		w.walk(v.Field(i))
	}
}

// reachType marks a named type reached, with the types its discriminator
// maps to.
func (w *typeWalk) reachType(v reflect.Value) {
	for _, t := range w.mapped[typeAt(v)] {
		w.walk(reflect.ValueOf(t))
	}
	w.reached[typeAt(v)] = true
}

// typeAt reads a *Type held in a field, exported or not.
func typeAt(v reflect.Value) *Type {
	return (*Type)(v.UnsafePointer())
}

// recordMapping remembers the component types that the discriminator of a
// named type's schema maps to, also through nested allOf: a type that only
// a mapping names is still reached by the answers that carry it.
func (b *builder) recordMapping(t *Type, s *openapi3.Schema) {
	seen := map[*openapi3.Schema]bool{}
	var visit func(s *openapi3.Schema)
	visit = func(s *openapi3.Schema) {
		if s == nil || seen[s] {
			return
		}
		seen[s] = true
		if d := s.Discriminator; d != nil {
			for _, key := range sortedKeys(d.Mapping) {
				ref := d.Mapping[key].Ref
				target := b.byRef[ref]
				if target == nil {
					target = b.byRef["#/components/schemas/"+ref]
				}
				if target != nil && target != t {
					b.mapped[t] = append(b.mapped[t], target)
				}
			}
		}
		for _, m := range s.AllOf {
			if m != nil {
				visit(m.Value)
			}
		}
	}
	visit(s)
}
