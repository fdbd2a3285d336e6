// Package specdiff compares two versions of an API, as livegen models them,
// and says what each change does to the generated Go code: whether code
// written against the old output still compiles and still talks to the new
// API. `livegen diff OLD NEW` prints its report so that CI in a consumer
// repository can stop a careless upgrade.
package specdiff

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/seed-0d47db62/livegen/generator"
)

// Change is one difference between two versions of an API.
type Change struct {
	// Breaking is set when code written against the old generated package
	// may stop compiling, or requests built by it may be refused.
	Breaking bool
	// Subject is what changed: "operation getLive (GET /v1/lives/{liveId})",
	// "type Live".
	Subject string
	// What says what changed and what it does to the generated code.
	What string

	section int    // operations first, then types
	key     string // orders subjects within a section
}

// String is the change's line in the report.
func (c Change) String() string {
	mark := "ok      "
	if c.Breaking {
		mark = "BREAKING"
	}
	return mark + " " + c.Subject + ": " + c.What
}

const (
	sectionOperations = iota
	sectionTypes
)

// Compare lists the changes from old to new, operations first (by path and
// method), then types (by Go name); the changes of one subject keep the
// order in which they are found.
func Compare(old, new *generator.API) []Change {
	d := &differ{}
	d.matchTypes(old.Types, new.Types)
	d.types(old.Types, new.Types)
	d.operations(old.Operations, new.Operations)
	sort.SliceStable(d.changes, func(i, j int) bool {
		a, b := d.changes[i], d.changes[j]
		if a.section != b.section {
			return a.section < b.section
		}
		return a.key < b.key
	})
	return d.changes
}

// Breaking reports whether any change is breaking.
func Breaking(changes []Change) bool {
	return slices.ContainsFunc(changes, func(c Change) bool { return c.Breaking })
}

// Report writes one line per change.
func Report(changes []Change) string {
	var b strings.Builder
	for _, c := range changes {
		b.WriteString(c.String())
		b.WriteByte('\n')
	}
	return b.String()
}

type differ struct {
	// newOf and oldOf match the named types of the two APIs.
	newOf, oldOf map[*generator.Type]*generator.Type
	changes      []Change
	subject      string
	section      int
	key          string
}

// about sets the subject of the changes that follow.
func (d *differ) about(section int, key, subject string) {
	d.section, d.key, d.subject = section, key, subject
}

func (d *differ) add(breaking bool, format string, args ...any) {
	d.changes = append(d.changes, Change{Breaking: breaking, Subject: d.subject, What: fmt.Sprintf(format, args...), section: d.section, key: d.key})
}

func (d *differ) breaking(format string, args ...any) { d.add(true, format, args...) }
func (d *differ) ok(format string, args ...any)       { d.add(false, format, args...) }

// operations matches operations by operationId; an operation whose id is
// gone but whose method and path remain is renamed, not removed.
func (d *differ) operations(old, new []*generator.Operation) {
	newByID := indexBy(new, func(o *generator.Operation) string { return o.ID })
	oldByID := indexBy(old, func(o *generator.Operation) string { return o.ID })
	newByRoute := indexBy(new, route)
	matched := map[*generator.Operation]bool{}
	for _, o := range old {
		n := newByID[o.ID]
		if n == nil {
			if r := newByRoute[route(o)]; r != nil && oldByID[r.ID] == nil {
				n = r
			}
		}
		if n == nil {
			d.about(sectionOperations, routeKey(o), operationSubject(o))
			d.breaking("removed; the client method %s and the server method go away", o.Name)
			continue
		}
		matched[n] = true
		d.operation(o, n)
	}
	for _, n := range new {
		if !matched[n] {
			d.about(sectionOperations, routeKey(n), operationSubject(n))
			d.ok("added; new client and server method %s", n.Name)
		}
	}
}

func (d *differ) operation(o, n *generator.Operation) {
	d.about(sectionOperations, routeKey(n), operationSubject(n))
	if o.ID != n.ID {
		d.add(o.Name != n.Name, "renamed from operationId %s%s", o.ID, renamedGo("method", o.Name, n.Name))
	} else if o.Name != n.Name {
		d.breaking("the Go method %s is renamed %s", o.Name, n.Name)
	}
	if route(o) != route(n) {
		d.ok("moves from %s; the Go API is unchanged, old clients call the old route", route(o))
	}
	d.params(o, n)
	d.body(o.Body, n.Body)
	d.responses(o, n)
}

// params compares parameters by location and wire name.
func (d *differ) params(o, n *generator.Operation) {
	key := func(p *generator.Param) string { return p.In + " " + p.Name }
	newBy := indexBy(n.Params(), key)
	oldBy := indexBy(o.Params(), key)
	for _, p := range o.Params() {
		q := newBy[key(p)]
		if q == nil {
			d.breaking("%s parameter %q is removed; code that sets %s no longer compiles", p.In, p.Name, p.GoName)
			continue
		}
		d.param(p, q)
	}
	for _, q := range n.Params() {
		if oldBy[key(q)] != nil {
			continue
		}
		if q.Required {
			d.breaking("%s parameter %q is new and required; every call must now give %s", q.In, q.Name, q.GoName)
		} else {
			d.ok("%s parameter %q is new and optional", q.In, q.Name)
		}
	}
}

func (d *differ) param(p, q *generator.Param) {
	what := fmt.Sprintf("%s parameter %q", p.In, p.Name)
	switch {
	case !p.Required && q.Required:
		d.breaking("%s is now required; every call must give %s", what, q.GoName)
	case p.Required && !q.Required && p.ByPointer() != q.ByPointer():
		d.breaking("%s is now optional; %s becomes %s", what, q.GoName, paramType(q))
	case p.Required && !q.Required:
		d.ok("%s is now optional", what)
	}
	if p.GoName != q.GoName {
		d.breaking("%s is renamed %s in Go (was %s)", what, q.GoName, p.GoName)
	}
	if !d.sameType(p.Type, q.Type) {
		d.breaking("%s changes type from %s to %s", what, goType(p.Type), goType(q.Type))
	}
}

func (d *differ) body(o, n *generator.RequestBody) {
	switch {
	case o == nil && n == nil:
	case o == nil:
		d.breaking("takes a request body now (%s); the Go method gains an argument", bodyType(n))
	case n == nil:
		d.breaking("takes no request body any more; the Go method loses its body argument")
	default:
		if !d.sameType(o.Type, n.Type) || o.ContentType != n.ContentType {
			d.breaking("the request body changes type from %s to %s", bodyType(o), bodyType(n))
		}
		if !o.Required && n.Required {
			d.breaking("the request body is now required")
		}
	}
}

// responses compares answers by status, and the client method's result.
func (d *differ) responses(o, n *generator.Operation) {
	key := func(r *generator.Response) string { return r.StatusText() }
	newBy := indexBy(n.Responses, key)
	oldBy := indexBy(o.Responses, key)
	for _, r := range o.Responses {
		s := newBy[key(r)]
		switch {
		case s == nil:
			d.breaking("response %s is removed; server code that answers it no longer compiles", key(r))
		case !d.sameType(r.Type, s.Type) || r.ContentType != s.ContentType:
			d.breaking("response %s changes type from %s to %s", key(r), responseType(r), responseType(s))
		}
	}
	for _, s := range n.Responses {
		if oldBy[key(s)] == nil {
			d.ok("response %s is new", key(s))
		}
	}
	d.resultType(o.ResultType, n.ResultType)
}

// resultType reports a change of the client method's result struct, which
// holds one field per success answer when there are several.
func (d *differ) resultType(a, b string) {
	switch {
	case a == b:
	case a == "":
		d.breaking("the client method now returns a %s, with one field per success answer, instead of the answer's body", b)
	case b == "":
		d.breaking("the client method now returns the answer's body instead of a %s", a)
	default:
		d.breaking("the client result type %s is renamed %s", a, b)
	}
}

// matchTypes pairs the types of the two APIs by the schema they come from,
// then by Go name.
func (d *differ) matchTypes(old, new []*generator.Type) {
	d.newOf, d.oldOf = map[*generator.Type]*generator.Type{}, map[*generator.Type]*generator.Type{}
	newByPtr := indexBy(new, func(t *generator.Type) string { return t.Pointer })
	newByName := indexBy(new, func(t *generator.Type) string { return t.Name })
	oldByPtr := indexBy(old, func(t *generator.Type) string { return t.Pointer })
	for _, t := range old {
		u := newByPtr[t.Pointer]
		if u == nil {
			if v := newByName[t.Name]; v != nil && oldByPtr[v.Pointer] == nil {
				u = v
			}
		}
		if u != nil && d.oldOf[u] == nil {
			d.newOf[t], d.oldOf[u] = u, t
		}
	}
}

// types reports removed, added and changed types.
func (d *differ) types(old, new []*generator.Type) {
	for _, t := range old {
		u := d.newOf[t]
		if u == nil {
			d.about(sectionTypes, t.Name, "type "+t.Name)
			d.breaking("removed; code that uses %s no longer compiles", t.Name)
			continue
		}
		d.typ(t, u)
	}
	for _, u := range new {
		if d.oldOf[u] == nil {
			d.about(sectionTypes, u.Name, "type "+u.Name)
			d.ok("added")
		}
	}
}

func (d *differ) typ(t, u *generator.Type) {
	d.about(sectionTypes, t.Name, "type "+t.Name)
	if t.Name != u.Name {
		d.breaking("renamed %s", u.Name)
	}
	if t.Kind != u.Kind {
		d.breaking("changes from %s to %s", kindName(t.Kind), kindName(u.Kind))
		return
	}
	switch t.Kind {
	case generator.KindStruct:
		d.fields(t, u)
	case generator.KindEnum:
		d.enum(t, u)
	case generator.KindUnion:
		d.union(t.Union, u.Union)
	case generator.KindAlias:
		if !d.sameType(t.Alias, u.Alias) {
			d.breaking("changes from %s to %s", goType(t.Alias), goType(u.Alias))
		}
	}
}

// fields compares struct fields by JSON name.
func (d *differ) fields(t, u *generator.Type) {
	key := func(f *generator.Field) string { return f.JSONName }
	newBy := indexBy(u.Fields, key)
	oldBy := indexBy(t.Fields, key)
	for _, f := range t.Fields {
		g := newBy[f.JSONName]
		if g == nil {
			d.breaking("field %q is removed; code that uses %s.%s no longer compiles", f.JSONName, t.Name, f.Name)
			continue
		}
		d.field(t, f, g)
	}
	for _, g := range u.Fields {
		if oldBy[g.JSONName] != nil {
			continue
		}
		if g.Required {
			d.breaking("field %q is new and required; requests without %s.%s are refused", g.JSONName, u.Name, g.Name)
		} else {
			d.ok("field %q is new and optional", g.JSONName)
		}
	}
	d.additional(t.AdditionalProperties, u.AdditionalProperties)
}

func (d *differ) field(t *generator.Type, f, g *generator.Field) {
	what := fmt.Sprintf("field %q", f.JSONName)
	reshaped := ""
	if fieldType(f) != fieldType(g) && d.sameType(f.Type, g.Type) {
		reshaped = fmt.Sprintf("; %s.%s becomes %s", t.Name, g.Name, fieldType(g))
	}
	switch {
	case !f.Required && g.Required:
		d.breaking("%s is now required; requests without it are refused%s", what, reshaped)
	case f.Required && !g.Required:
		d.add(reshaped != "", "%s is now optional%s", what, reshaped)
	case reshaped != "":
		d.breaking("%s changes type from %s to %s", what, fieldType(f), fieldType(g))
	}
	if f.Name != g.Name {
		d.breaking("%s is renamed %s.%s in Go (was %s)", what, t.Name, g.Name, f.Name)
	}
	if !d.sameType(f.Type, g.Type) {
		d.breaking("%s changes type from %s to %s", what, fieldType(f), fieldType(g))
	}
}

func (d *differ) additional(a, b *generator.TypeRef) {
	switch {
	case a == nil && b == nil:
	case a == nil:
		d.ok("takes additional properties now (%s)", goType(b))
	case b == nil:
		d.breaking("takes no additional properties any more; the AdditionalProperties field goes away")
	case !d.sameType(a, b):
		d.breaking("additional properties change type from %s to %s", goType(a), goType(b))
	}
}

// enum compares enum values: one that goes narrows the type (breaking),
// one that comes widens it.
func (d *differ) enum(t, u *generator.Type) {
	if t.Enum.Base != u.Enum.Base {
		d.breaking("changes from an enum of %s to an enum of %s", goType(&generator.TypeRef{Kind: t.Enum.Base}), goType(&generator.TypeRef{Kind: u.Enum.Base}))
		return
	}
	key := func(v generator.EnumValue) string { return fmt.Sprintf("%#v", v.Value) }
	newBy := map[string]generator.EnumValue{}
	for _, v := range u.Enum.Values {
		newBy[key(v)] = v
	}
	oldBy := map[string]bool{}
	for _, v := range t.Enum.Values {
		oldBy[key(v)] = true
		w, ok := newBy[key(v)]
		switch {
		case !ok:
			d.breaking("enum value %s is removed; the constant %s goes away and the server refuses the value", valueText(v.Value), v.Name)
		case w.Name != v.Name:
			d.breaking("the constant of enum value %s is renamed %s (was %s)", valueText(v.Value), w.Name, v.Name)
		}
	}
	for _, w := range u.Enum.Values {
		if !oldBy[key(w)] {
			d.ok("enum value %s is new (%s); code that switches on %s may want a case", valueText(w.Value), w.Name, u.Name)
		}
	}
}

// union compares the variants of a oneOf or anyOf: a variant of a named
// type is the same variant while its schema is, whatever its Go name.
func (d *differ) union(a, b *generator.Union) {
	newBy := indexBy(b.Variants, d.variantKey)
	oldBy := indexBy(a.Variants, d.variantKey)
	for _, v := range a.Variants {
		w := newBy[d.variantKey(v)]
		switch {
		case w == nil:
			d.breaking("variant %s (%s) is removed", v.Name, goType(v.Type))
		case !d.sameType(v.Type, w.Type):
			d.breaking("variant %s changes type from %s to %s", v.Name, goType(v.Type), goType(w.Type))
		case v.Name != w.Name:
			d.breaking("variant %s is renamed %s", v.Name, w.Name)
		}
	}
	for _, w := range b.Variants {
		if oldBy[d.variantKey(w)] == nil {
			d.ok("variant %s (%s) is new", w.Name, goType(w.Type))
		}
	}
}

// variantKey identifies a variant of an old or a new union by the old type
// it holds, or else by its Go name.
func (d *differ) variantKey(v *generator.Variant) string {
	if v.Type.Kind == generator.RefNamed {
		t := v.Type.Named
		if old, ok := d.oldOf[t]; ok {
			t = old
		}
		return "type " + t.Pointer + " " + t.Name
	}
	return "field " + v.Name
}

// sameType reports whether two references are the same Go type, a named
// type of the new API being the same as the old type it was matched with
// (a renamed type is reported once, on the type).
func (d *differ) sameType(a, b *generator.TypeRef) bool {
	switch {
	case a == nil || b == nil:
		return a == b
	case a.Kind != b.Kind:
		return false
	case a.Kind == generator.RefNamed:
		return d.newOf[a.Named] == b.Named
	case a.Kind == generator.RefSlice || a.Kind == generator.RefMap:
		return d.sameType(a.Elem, b.Elem)
	}
	return true
}

func indexBy[T any](items []T, key func(T) string) map[string]T {
	m := make(map[string]T, len(items))
	for _, it := range items {
		m[key(it)] = it
	}
	return m
}

func route(o *generator.Operation) string { return o.Method + " " + o.Path }

// routeKey orders operations by path, then method.
func routeKey(o *generator.Operation) string { return o.Path + " " + o.Method }

func operationSubject(o *generator.Operation) string {
	return fmt.Sprintf("operation %s (%s)", o.ID, route(o))
}

func renamedGo(what, old, new string) string {
	if old == new {
		return "; the Go " + what + " keeps its name " + new
	}
	return "; the Go " + what + " " + old + " becomes " + new
}

func kindName(k generator.TypeKind) string {
	switch k {
	case generator.KindStruct:
		return "a struct"
	case generator.KindEnum:
		return "an enum"
	case generator.KindUnion:
		return "a union"
	case generator.KindAlias:
		return "a named type"
	}
	return "an unknown kind"
}

func valueText(v any) string {
	if s, ok := v.(string); ok {
		return fmt.Sprintf("%q", s)
	}
	return fmt.Sprint(v)
}
