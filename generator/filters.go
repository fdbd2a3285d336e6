package generator

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
)

// Filter is the typed filter of one list operation: its bracket parameters
// `field[op]` grouped by field. Its zero value selects every item.
//
// A query parameter named `field[op]` is a filter parameter unless its
// x-livegen-filter extension is false. Match compares it with the property
// `field` of the listed item, or with the dotted property path given by
// `x-livegen-filter: {field: metrics.attendanceRate}` when the names differ.
type Filter struct {
	// TypeName is the Go name of the filter type ("ListLivesFilter").
	TypeName string
	// ParseFunc is the Go name of the function that reads the filter from a
	// query ("ParseListLivesFilter").
	ParseFunc string
	// Item is the type of the listed items, the argument of Match: the element
	// of a 2xx JSON array answer or of the `items` array of a 2xx JSON object
	// answer. When it is nil no Match method is generated.
	Item *TypeRef
	// Props are the filtered fields, in the order of their first parameter.
	Props []*FilterProp
	// Ops are every filter parameter, in spec order.
	Ops []*FilterOp
	// Ignored lists the parameters that Match does not apply, in spec order.
	Ignored []*FilterOp
}

// Methods with fixed names on every filter type; fields and setters that
// would take them get a numeric suffix.
const (
	FilterAppendQuery = "AppendQuery"
	FilterMatchMethod = "Match"
	FilterIsZero      = "IsZero"
)

// FilterProp is one filtered field with its operators: `title[eq]` and
// `title[contains]` make the prop title with the ops eq and contains.
type FilterProp struct {
	Name   string // field as written before the bracket: "startDate"
	GoName string // field of the filter struct: "StartDate"
	// MatchMethod is non-empty when Match applies some of the field's
	// conditions; the name stays claimed so that other members keep theirs.
	MatchMethod string
	Ops         []*FilterOp
}

// FilterOp is one bracket parameter: an operator on a field.
type FilterOp struct {
	Prop   *FilterProp
	Op     string // as written inside the brackets: "gte"
	GoName string // field of the prop's struct: "Gte"
	// Setter is the method of the filter type that sets the condition: "StartDateGte".
	Setter string
	Param  *Param
	// Value is the Go type of the operand: the parameter's type, except that
	// `format: unix-time` integers are time.Time. A slice for list operators.
	Value *TypeRef
	// Kind says how one value is written on the wire and parsed.
	Kind FilterValue
	// List is set when the operand is a list of values (Value is a slice).
	List bool
	// Bounds are the constraints that Parse checks on each value: minimum,
	// maximum (on Unix seconds for Unix times), minLength and maxLength.
	Bounds Constraints
	// Match says how Match applies the condition; nil when Match ignores it,
	// and then Ignored says why.
	Match   *FilterMatch
	Ignored string
}

// FilterValue is the kind of one filter value, on the wire and in comparisons.
type FilterValue int

const (
	FilterValueString   FilterValue = iota + 1 // strings, string enums and string aliases
	FilterValueInt                             // integers of any size, integer enums
	FilterValueFloat                           // numbers
	FilterValueBool                            // "true" or "false"
	FilterValueUnix                            // Unix seconds on the wire; time.Time in a filter
	FilterValueDateTime                        // RFC 3339 on the wire; time.Time in Go
)

var filterValueNames = map[FilterValue]string{
	FilterValueString: "a string", FilterValueInt: "an integer", FilterValueFloat: "a number",
	FilterValueBool: "a boolean", FilterValueUnix: "a Unix time", FilterValueDateTime: "a date-time",
}

func (k FilterValue) String() string { return filterValueNames[k] }

// MatchOp is what a filter operator means to Match.
type MatchOp int

const (
	MatchEq         MatchOp = iota + 1 // eq: equal
	MatchNe                            // ne, neq: not equal
	MatchLt                            // lt
	MatchLte                           // lte, le
	MatchGt                            // gt
	MatchGte                           // gte, ge
	MatchContains                      // contains: substring, ignoring case
	MatchStartsWith                    // startsWith: prefix, ignoring case
	MatchEndsWith                      // endsWith: suffix, ignoring case
	MatchIn                            // in: equal to one of the values
	MatchNotIn                         // nin, notIn: equal to none of the values
)

// matchOps maps operator names, lower-cased without '_' and '-', to their meaning.
var matchOps = map[string]MatchOp{
	"eq": MatchEq, "ne": MatchNe, "neq": MatchNe, "lt": MatchLt, "lte": MatchLte, "le": MatchLte,
	"gt": MatchGt, "gte": MatchGte, "ge": MatchGte, "contains": MatchContains,
	"startswith": MatchStartsWith, "endswith": MatchEndsWith, "in": MatchIn, "nin": MatchNotIn, "notin": MatchNotIn,
}

// FilterMatch is how Match applies one condition to an item.
type FilterMatch struct {
	Op MatchOp
	// Path leads from the item to the compared property; ItemPath is the
	// same path as written, dotted JSON names ("metrics.attendanceRate").
	Path     []*Field
	ItemPath string
	// As is the kind both sides are compared as. FilterValueUnix compares
	// whole Unix seconds, whatever Go type each side has.
	As FilterValue
	// Convert is set when the operand and the property have different Go
	// types (LiveStatus and string, int and int64): both are converted to
	// the Go type of As before comparing.
	Convert bool
}

// bracketParam matches a filter parameter name: `field[op]`.
var bracketParam = regexp.MustCompile(`^([^\[\]]+)\[([^\[\]]+)\]$`)

const filterExtension = "x-livegen-filter"

// buildFilter groups the bracket filter parameters of o into o.Filter and
// marks each with Param.Filter, which takes it out of the params struct.
func (b *builder) buildFilter(o *Operation) {
	f := &Filter{}
	byName := map[string]*FilterProp{}
	paths := map[*FilterOp]string{}
	for _, p := range o.QueryParams {
		m := bracketParam.FindStringSubmatch(p.Name)
		if m == nil {
			continue
		}
		path, ok := b.filterTarget(p, m[1])
		if !ok {
			continue
		}
		op := b.filterOperand(p)
		if op == nil {
			continue
		}
		p.Filter = &FilterParam{Field: m[1], Op: m[2]}
		op.Op, op.Param = m[2], p
		prop := byName[m[1]]
		if prop == nil {
			prop = &FilterProp{Name: m[1]}
			byName[m[1]] = prop
			f.Props = append(f.Props, prop)
		}
		op.Prop = prop
		prop.Ops = append(prop.Ops, op)
		f.Ops = append(f.Ops, op)
		paths[op] = path
	}
	if len(f.Ops) == 0 {
		return
	}
	f.TypeName = b.typeName(o.Name + "Filter")
	f.ParseFunc = b.typeName("Parse" + f.TypeName)
	nameFilterMembers(f)
	b.resolveFilterMatches(o, f, paths)
	o.Filter = f
}

// filterTarget reads the x-livegen-filter extension of a bracket parameter:
// false keeps it a plain parameter; {field: path} names the item property
// it is compared with (default: the field before the bracket).
func (b *builder) filterTarget(p *Param, field string) (string, bool) {
	raw, ok := p.Extensions[filterExtension]
	if !ok {
		return field, true
	}
	ptr := p.Pointer + "/" + filterExtension
	switch v := raw.(type) {
	case bool:
		return field, v
	case map[string]any:
		for _, k := range sortedKeys(v) {
			if k != "field" {
				b.warn(ptr+"/"+escapeToken(k), "%s has no key %q; it takes only field (a dotted property path of the listed item)", filterExtension, k)
			}
		}
		target, isString := v["field"].(string)
		if _, has := v["field"]; has && (!isString || strings.TrimSpace(target) == "") {
			b.warn(ptr+"/field", "%s field must be a dotted property path such as metrics.attendanceRate; %q is compared with property %q instead", filterExtension, p.Name, field)
			return field, true
		}
		if isString {
			return strings.TrimSpace(target), true
		}
		return field, true
	default:
		b.warn(ptr, "%s must be false or {field: <dotted property path>}; it is ignored", filterExtension)
		return field, true
	}
}

// filterOperand types the operand of a filter parameter, or warns and
// returns nil when the parameter cannot be a filter and stays a plain one.
func (b *builder) filterOperand(p *Param) *FilterOp {
	if p.Required {
		b.warn(p.Pointer, "bracket parameter %q is required, but a filter's zero value must mean no filtering; it stays a plain parameter", p.Name)
		return nil
	}
	t, list := p.Type, false
	if t.Kind == RefSlice {
		t, list = t.Elem, true
	}
	kind := scalarKind(t)
	if kind == 0 {
		b.warn(p.Pointer, "bracket parameter %q has a schema that is not a string, number, boolean, enum or a list of them; it stays a plain parameter", p.Name)
		return nil
	}
	bounds := b.filterBounds(p, t)
	if kind == FilterValueInt && t.Format == "unix-time" {
		kind = FilterValueUnix
		t = &TypeRef{Kind: RefTime, Format: t.Format}
	}
	value := t
	if list {
		value = &TypeRef{Kind: RefSlice, Elem: t}
	}
	return &FilterOp{Value: value, Kind: kind, List: list, Bounds: bounds}
}

// filterBounds keeps the constraints of a filter value that Parse checks,
// and warns about those it does not.
func (b *builder) filterBounds(p *Param, elem *TypeRef) Constraints {
	c := elem.Constraints
	if elem.Kind == RefNamed {
		c = elem.Named.Constraints
	}
	var unchecked []string
	if c.Pattern != "" {
		unchecked = append(unchecked, "pattern")
	}
	if c.MultipleOf != nil {
		unchecked = append(unchecked, "multipleOf")
	}
	if l := p.Type.Constraints; p.Type.Kind == RefSlice && (l.MinItems > 0 || l.MaxItems != nil || l.UniqueItems) {
		unchecked = append(unchecked, "minItems, maxItems and uniqueItems")
	}
	if len(unchecked) > 0 {
		b.warn(p.Pointer, "filter parameter %q: the filter's Parse function does not check %s; the server gets such values unchecked", p.Name, strings.Join(unchecked, ", "))
	}
	return Constraints{
		Minimum: c.Minimum, Maximum: c.Maximum, ExclusiveMinimum: c.ExclusiveMinimum, ExclusiveMaximum: c.ExclusiveMaximum,
		MinLength: c.MinLength, MaxLength: c.MaxLength,
	}
}

// scalarKind is the filter value kind of a Go type; 0 when it has none.
// Integers with `format: unix-time` are FilterValueInt here.
func scalarKind(t *TypeRef) FilterValue {
	switch t.Kind {
	case RefString:
		return FilterValueString
	case RefInt, RefInt32, RefInt64:
		return FilterValueInt
	case RefFloat32, RefFloat64:
		return FilterValueFloat
	case RefBool:
		return FilterValueBool
	case RefTime:
		return FilterValueDateTime
	case RefNamed:
		switch t.Named.Kind {
		case KindEnum:
			return scalarKind(&TypeRef{Kind: t.Named.Enum.Base})
		case KindAlias:
			return scalarKind(t.Named.Alias)
		}
	}
	return 0
}

// nameFilterMembers names the fields, setters and match methods of a filter
// type. Fixed method names come first, then fields, then setters, so that
// an added operator never renames a field.
func nameFilterMembers(f *Filter) {
	members := newNameSet(FilterAppendQuery, FilterMatchMethod, FilterIsZero)
	for _, prop := range f.Props {
		prop.GoName = members.claim(GoName(prop.Name))
		ops := newNameSet()
		for _, op := range prop.Ops {
			op.GoName = ops.claim(GoName(op.Op))
		}
	}
	for _, prop := range f.Props {
		for _, op := range prop.Ops {
			op.Setter = members.claim(prop.GoName + op.GoName)
		}
	}
	for _, prop := range f.Props {
		prop.MatchMethod = members.claim("match" + prop.GoName)
	}
}

// resolveFilterMatches decides how Match applies each condition, and warns,
// with the parameter's pointer, about every condition it cannot apply.
func (b *builder) resolveFilterMatches(o *Operation, f *Filter, paths map[*FilterOp]string) {
	item, st := listedItem(o)
	if st == nil {
		b.warn(o.Pointer, "no 2xx JSON answer lists items (an array, or an object with an items array, of a struct), so %s has no Match method", f.TypeName)
		for _, op := range f.Ops {
			op.Ignored = "the operation lists no struct items"
		}
		return
	}
	f.Item = item
	for _, op := range f.Ops {
		m, problem := filterMatch(op, st, paths[op])
		if problem != "" {
			op.Ignored = problem
			f.Ignored = append(f.Ignored, op)
			b.warn(op.Param.Pointer, "%s.Match ignores %s: %s", f.TypeName, op.Param.Name, problem)
			continue
		}
		op.Match = m
	}
	for _, prop := range f.Props {
		if !slices.ContainsFunc(prop.Ops, func(op *FilterOp) bool { return op.Match != nil }) {
			prop.MatchMethod = ""
		}
	}
}

// listedItem finds the items an operation lists: the element of the first
// 2xx JSON answer that is an array, or an object with an `items` array.
// The struct is nil when the element is not a struct.
func listedItem(o *Operation) (*TypeRef, *Type) {
	for _, r := range o.Responses {
		if !r.IsSuccess() || !r.JSON || r.Type == nil {
			continue
		}
		elem := listElem(r.Type)
		if elem == nil {
			continue
		}
		if st := structOf(elem); st != nil {
			return elem, st
		}
	}
	return nil, nil
}

// listElem is the element type of an array, or of the items array of a struct.
func listElem(t *TypeRef) *TypeRef {
	t = unalias(t)
	if t.Kind == RefSlice {
		return t.Elem
	}
	if st := structOf(t); st != nil {
		for _, fl := range st.Fields {
			if items := unalias(fl.Type); fl.JSONName == "items" && items.Kind == RefSlice {
				return items.Elem
			}
		}
	}
	return nil
}

// Unalias follows named aliases to the type they stand for; renderers use it.
func Unalias(t *TypeRef) *TypeRef { return unalias(t) }

// unalias follows named aliases to the type they stand for.
func unalias(t *TypeRef) *TypeRef {
	for i := 0; t.Kind == RefNamed && t.Named.Kind == KindAlias && i < 32; i++ {
		t = t.Named.Alias
	}
	return t
}

// structOf is the struct type a reference names, through aliases; nil otherwise.
func structOf(t *TypeRef) *Type {
	t = unalias(t)
	if t.Kind == RefNamed && t.Named.Kind == KindStruct {
		return t.Named
	}
	return nil
}

// filterMatch decides how Match applies op to items of type st, comparing
// with the property at the dotted path; a problem when it cannot.
func filterMatch(op *FilterOp, st *Type, path string) (*FilterMatch, string) {
	mop, known := matchOps[foldWord(op.Op)]
	if !known {
		return nil, fmt.Sprintf("operator %q has no known meaning (Match knows eq, ne, lt, lte, gt, gte, contains, startsWith, endsWith, in, nin)", op.Op)
	}
	fields, problem := resolveItemPath(st, path)
	if problem != "" {
		return nil, problem
	}
	prop := fields[len(fields)-1].Type
	itemKind := scalarKind(prop)
	if itemKind == FilterValueInt && prop.Format == "unix-time" {
		itemKind = FilterValueUnix
	}
	if itemKind == 0 {
		return nil, fmt.Sprintf("property %s of %s is not a string, number, boolean, date-time or enum", path, st.Name)
	}
	operand := op.Value
	if op.List {
		operand = op.Value.Elem
	}
	as, ok := compareAs(op.Kind, itemKind)
	if !ok {
		return nil, fmt.Sprintf("%s cannot be compared with property %s of %s, which is %s", op.Kind, path, st.Name, itemKind)
	}
	if problem := opFits(mop, op, as, operand, prop); problem != "" {
		return nil, problem
	}
	return &FilterMatch{Op: mop, Path: fields, ItemPath: path, As: as, Convert: !sameGoType(operand, prop)}, ""
}

// resolveItemPath walks a dotted JSON property path through struct types.
func resolveItemPath(st *Type, path string) ([]*Field, string) {
	var fields []*Field
	cur := st
	segments := strings.Split(path, ".")
	for i, seg := range segments {
		if cur == nil {
			return nil, fmt.Sprintf("property %s of %s is not an object, so it has no property %q (check the field path)", strings.Join(segments[:i], "."), st.Name, seg)
		}
		var found *Field
		for _, fl := range cur.Fields {
			if fl.JSONName == seg {
				found = fl
				break
			}
		}
		if found == nil {
			where := st.Name
			if i > 0 {
				where = fmt.Sprintf("property %s of %s", strings.Join(segments[:i], "."), st.Name)
			}
			return nil, fmt.Sprintf("%s has no property %q; name the compared property with %s: {field: <dotted path>}", where, seg, filterExtension)
		}
		if unalias(found.Type).Kind == RefSlice || unalias(found.Type).Kind == RefMap {
			return nil, fmt.Sprintf("property %s of %s is a list or a map, which Match does not compare", strings.Join(segments[:i+1], "."), st.Name)
		}
		fields = append(fields, found)
		cur = structOf(found.Type)
	}
	return fields, ""
}

// compareAs is the kind an operand and a property are compared as.
func compareAs(operand, prop FilterValue) (FilterValue, bool) {
	switch {
	case operand == prop:
		return operand, true
	case operand == FilterValueInt && prop == FilterValueFloat, operand == FilterValueFloat && prop == FilterValueInt:
		return FilterValueFloat, true
	case isTimeKind(operand) && isTimeKind(prop), operand == FilterValueInt && isTimeKind(prop):
		// Whole seconds: an integer filter on a date-time property is Unix time.
		return FilterValueUnix, true
	}
	return 0, false
}

func isTimeKind(k FilterValue) bool { return k == FilterValueUnix || k == FilterValueDateTime }

// opFits checks that an operator makes sense for the compared kind.
func opFits(mop MatchOp, op *FilterOp, as FilterValue, operand, prop *TypeRef) string {
	list := mop == MatchIn || mop == MatchNotIn
	switch {
	case list && !op.List:
		return fmt.Sprintf("operator %q needs a list of values, but the parameter's schema is not an array", op.Op)
	case !list && op.List:
		return fmt.Sprintf("operator %q compares one value, but the parameter's schema is an array", op.Op)
	case mop == MatchContains || mop == MatchStartsWith || mop == MatchEndsWith:
		if as != FilterValueString {
			return fmt.Sprintf("operator %q applies to strings, not to %s", op.Op, as)
		}
	case mop >= MatchLt && mop <= MatchGte:
		if as == FilterValueBool {
			return fmt.Sprintf("operator %q orders values, and booleans have no order", op.Op)
		}
		if IsEnum(operand) || IsEnum(prop) {
			return fmt.Sprintf("operator %q orders values, and enum values have no order", op.Op)
		}
	}
	return ""
}

// IsEnum reports whether t names an enum type, through aliases.
func IsEnum(t *TypeRef) bool {
	t = unalias(t)
	return t.Kind == RefNamed && t.Named.Kind == KindEnum
}

// sameGoType reports whether two scalar references are the same Go type.
func sameGoType(a, b *TypeRef) bool {
	return a.Kind == b.Kind && (a.Kind != RefNamed || a.Named == b.Named)
}
