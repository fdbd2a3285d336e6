package generator

import (
	"fmt"
	"regexp"
	"slices"
)

// Validation says which checks the generated validators make. It is
// derived from the model (PlanValidation), so that every renderer that
// calls a validator agrees on which types have one.
type Validation struct {
	// methods are the named types with validate methods.
	methods map[*Type]bool
	// walkers are the types that a request body reaches: the server checks
	// their JSON form (presence of required properties, kinds of values).
	walkers map[*Type]bool
	// presence are the walked types with a property whose absence the
	// decoded value cannot show, themselves or below.
	presence map[*Type]bool
}

// CheckedFormats are the string formats the validators check.
var CheckedFormats = []string{"email", "uuid", "date", "date-time", "uri", "ipv4", "ipv6"}

// PlanValidation decides which types get validators and JSON walkers.
func PlanValidation(api *API) *Validation {
	v := &Validation{methods: map[*Type]bool{}, walkers: map[*Type]bool{}, presence: map[*Type]bool{}}
	// Types may refer to each other in cycles: grow the sets to a fixpoint.
	for changed := true; changed; {
		changed = false
		for _, t := range api.Types {
			if !v.methods[t] && v.typeChecked(t) {
				v.methods[t] = true
				changed = true
			}
		}
	}
	for _, o := range api.ServedOperations() {
		for _, body := range o.RequestBodies() {
			if (body.JSON || body.Kind == BodyForm || body.Kind == BodyMultipart) && body.Type != nil {
				v.reach(body.Type)
			}
		}
	}
	for changed := true; changed; {
		changed = false
		for t := range v.walkers {
			if !v.presence[t] && v.presenceBelow(t) {
				v.presence[t] = true
				changed = true
			}
		}
	}
	return v
}

// HasMethod reports whether t declares Validate and validate methods.
func (v *Validation) HasMethod(t *Type) bool { return v.methods[t] }

// Walks reports whether t has a JSON walker.
func (v *Validation) Walks(t *Type) bool { return v.walkers[t] }

// TracksPresence reports whether the walker of t, or of a type below it,
// checks what decoding cannot show: the presence of required properties, or
// null items where the schema does not allow them.
func (v *Validation) TracksPresence(t *Type) bool { return v.presence[t] }

// Checked reports whether a value of r has anything to check.
func (v *Validation) Checked(r *TypeRef) bool {
	c := r.Constraints
	switch r.Kind {
	case RefString:
		return c.MinLength > 0 || c.MaxLength != nil || PatternOK(c.Pattern) || slices.Contains(CheckedFormats, r.Format)
	case RefInt, RefInt32, RefInt64, RefFloat32, RefFloat64:
		return c.Minimum != nil || c.Maximum != nil || c.MultipleOf != nil
	case RefSlice:
		return c.MinItems > 0 || c.MaxItems != nil || c.UniqueItems || UniqueByField(r) != nil || v.Checked(r.Elem)
	case RefMap:
		return c.MinProperties > 0 || c.MaxProperties > 0 || v.Checked(r.Elem)
	case RefNamed:
		return v.methods[MethodOwner(r.Named)]
	}
	return false
}

// FieldChecked reports whether a struct field has anything to check.
func (v *Validation) FieldChecked(f *Field) bool {
	return RequiredCollection(f) || v.Checked(f.Type)
}

// RequiredCollection reports whether a field is a required, non-nullable
// slice or map: nil means it was absent (or null), which Validate reports.
func RequiredCollection(f *Field) bool {
	return f.Required && !f.Nullable && f.Type.IsCollection()
}

// PresenceTracked reports whether the decoded value cannot show that a
// required property was absent, so that the JSON walker must look.
func PresenceTracked(f *Field) bool {
	return f.Required && !RequiredCollection(f)
}

// MethodOwner is the type whose methods a named type has: a schema that only
// references another is a Go alias of it (type A = B).
func MethodOwner(t *Type) *Type {
	for i := 0; t.Kind == KindAlias && t.Alias.Kind == RefNamed && i < 32; i++ {
		t = t.Alias.Named
	}
	return t
}

// PatternOK reports whether a pattern is set and Go's regexp (RE2) compiles
// it; ECMA-only syntax such as lookahead is not checked (with a warning).
func PatternOK(p string) bool {
	if p == "" {
		return false
	}
	_, err := regexp.Compile(p)
	return err == nil
}

// UniqueByField is the item field that x-livegen-unique-by names on an
// array of structs, or nil when there is none to check.
func UniqueByField(r *TypeRef) *Field {
	if r.Kind != RefSlice || r.Constraints.UniqueBy == "" {
		return nil
	}
	st := structOf(r.Elem)
	if st == nil {
		return nil
	}
	for _, f := range st.Fields {
		if f.JSONName == r.Constraints.UniqueBy && comparableScalar(f.Type) {
			return f
		}
	}
	return nil
}

func (v *Validation) typeChecked(t *Type) bool {
	switch t.Kind {
	case KindEnum:
		return true
	case KindAlias:
		return t.Alias.Kind != RefNamed && v.Checked(t.Alias)
	case KindStruct, KindTuple:
		if t.AdditionalProperties != nil && v.Checked(t.AdditionalProperties) {
			return true
		}
		return slices.ContainsFunc(t.Fields, v.FieldChecked)
	case KindUnion:
		return slices.ContainsFunc(t.Union.Variants, func(x *Variant) bool { return v.Checked(x.Type) })
	}
	return false
}

// reach adds the types a request body reaches to the walkers.
func (v *Validation) reach(r *TypeRef) {
	switch r.Kind {
	case RefSlice, RefMap:
		v.reach(r.Elem)
	case RefNamed:
		t := MethodOwner(r.Named)
		if v.walkers[t] || t.Kind == KindEnum || (t.Kind == KindAlias && t.Alias.Kind != RefSlice && t.Alias.Kind != RefMap) {
			return // the caller checks the kind of a scalar; there is nothing below it
		}
		if t.Kind == KindTuple {
			return // a tuple's UnmarshalJSON reports its positions' problems itself
		}
		v.walkers[t] = true
		switch t.Kind {
		case KindAlias:
			v.reach(t.Alias)
		case KindStruct:
			for _, f := range t.Fields {
				v.reach(f.Type)
			}
			if t.AdditionalProperties != nil {
				v.reach(t.AdditionalProperties)
			}
		case KindUnion:
			for _, x := range t.Union.Variants {
				v.reach(x.Type)
			}
		}
	}
}

func (v *Validation) presenceBelow(t *Type) bool {
	switch t.Kind {
	case KindAlias:
		return v.refPresence(t.Alias)
	case KindStruct:
		for _, f := range t.Fields {
			if PresenceTracked(f) || v.refPresence(f.Type) {
				return true
			}
		}
		return t.AdditionalProperties != nil && v.refPresence(t.AdditionalProperties)
	case KindUnion:
		return slices.ContainsFunc(t.Union.Variants, func(x *Variant) bool { return v.refPresence(x.Type) })
	}
	return false
}

func (v *Validation) refPresence(r *TypeRef) bool {
	switch r.Kind {
	case RefSlice, RefMap:
		return NullRejected(r.Elem) || v.refPresence(r.Elem)
	case RefNamed:
		return v.presence[MethodOwner(r.Named)]
	}
	return false
}

// comparableScalar reports whether values of r are scalars that Go compares
// with ==, as a uniqueness key must be.
func comparableScalar(r *TypeRef) bool {
	r = unalias(r)
	switch r.Kind {
	case RefString, RefInt, RefInt32, RefInt64, RefFloat32, RefFloat64, RefBool:
		return true
	case RefNamed:
		return r.Named.Kind == KindEnum
	}
	return false
}

// warnServerValidation names, once each, the constraints that the
// validators reached by o cannot check: patterns that are not RE2 syntax and
// x-livegen-unique-by naming no scalar property of the items. The first
// operation also covers every component schema.
func (b *builder) warnServerValidation(o *Operation) {
	seen := map[*Type]bool{}
	if len(b.api.Operations) == 0 && len(b.api.Webhooks) == 0 {
		for _, t := range b.api.Types {
			b.warnTypeValidation(t, seen)
		}
	}
	for _, p := range o.Params() {
		b.warnRefValidation(p.Type, p.Pointer+"/schema", seen)
	}
	if o.Body != nil && o.Body.Type != nil {
		b.warnRefValidation(o.Body.Type, o.Pointer+"/requestBody", seen)
	}
	for _, r := range o.Responses {
		if r.Type != nil {
			b.warnRefValidation(r.Type, o.Pointer+"/responses/"+r.StatusText(), seen)
		}
	}
}

func (b *builder) warnTypeValidation(t *Type, seen map[*Type]bool) {
	if seen[t] {
		return
	}
	seen[t] = true
	switch t.Kind {
	case KindAlias:
		b.warnRefValidation(t.Alias, t.Pointer, seen)
	case KindStruct, KindTuple:
		for _, f := range t.Fields {
			b.warnRefValidation(f.Type, f.Pointer, seen)
		}
		if t.AdditionalProperties != nil {
			b.warnRefValidation(t.AdditionalProperties, t.Pointer+"/additionalProperties", seen)
		}
	case KindUnion:
		for _, x := range t.Union.Variants {
			b.warnRefValidation(x.Type, t.Pointer, seen)
		}
	}
}

func (b *builder) warnRefValidation(r *TypeRef, ptr string, seen map[*Type]bool) {
	if r == nil {
		return
	}
	if p := r.Constraints.Pattern; p != "" && !PatternOK(p) {
		_, err := regexp.Compile(p)
		b.warnOnce(ptr, "pattern %q is not RE2 syntax, which Go's regexp needs (%v); the generated validators do not check it", p, err)
	}
	if u := r.Constraints.UniqueBy; u != "" && UniqueByField(r) == nil {
		b.warnOnce(ptr, "x-livegen-unique-by %q names no string, number, boolean or enum property of the items; it is not checked", u)
	}
	switch r.Kind {
	case RefSlice:
		b.warnRefValidation(r.Elem, ptr+"/items", seen)
	case RefMap:
		b.warnRefValidation(r.Elem, ptr+"/additionalProperties", seen)
	case RefNamed:
		b.warnTypeValidation(r.Named, seen)
	}
}

// warnOnce warns unless the same warning was given already.
func (b *builder) warnOnce(ptr, format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	for _, w := range b.api.Warnings {
		if w.Pointer == ptr && w.Message == msg {
			return
		}
	}
	b.warn(ptr, "%s", msg)
}
