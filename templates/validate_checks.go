package templates

import (
	"fmt"
	"maps"
	"math"
	"slices"
	"strconv"

	"github.com/dave/jennifer/jen"
	"github.com/seed-0d47db62/livegen/generator"
)

// checks emits the statements that check values against their schemas. The
// server's parameter checks and the types' validate methods share it, and so
// do validate.gen.go and the server files: newChecks runs every check once to
// learn which helpers and patterns the package needs, in a stable order.
type checks struct {
	plan *generator.Validation
	// patterns maps each pattern to its compiled variable, in first-use order.
	patterns         map[string]string
	patternOrder     []string
	formats          map[string]bool
	useUnique        bool // Unique
	useUniqueJSON    bool // UniqueJSON
	useUniqueBy      bool // UniqueBy
	useMultipleOf    bool // MultipleOf
	useSortedKeys    bool // SortedKeys
	useString        bool // CheckString
	useMinItems      bool // CheckMinItems
	useAddIfProperty bool // State.AddIfProperty
}

// plannedChecks is newChecks(api), planned once per Render and copied for
// each renderer: rendering records what it uses, and renderers run at once.
func plannedChecks(api *generator.API) *checks {
	planned := shared(api, "checks", func() *checks { return newChecks(api) })
	c := *planned
	c.patterns = maps.Clone(planned.patterns)
	c.formats = maps.Clone(planned.formats)
	c.patternOrder = slices.Clone(planned.patternOrder)
	return &c
}

// newChecks plans the checks of api: the validate method of every type,
// then the parameters and inline bodies of every operation.
func newChecks(api *generator.API) *checks {
	c := &checks{plan: generator.PlanValidation(api), patterns: map[string]string{}, formats: map[string]bool{}}
	// The statements are thrown away; what matters is what they use.
	jen.BlockFunc(func(g *jen.Group) {
		for _, t := range api.Types {
			if c.plan.HasMethod(t) {
				c.typeBody(g, t)
			}
		}
		for _, o := range api.ServedOperations() {
			for _, p := range serverParams(o) {
				c.value(g, p.Type, jen.Id("x"), false, loc{parent: "at"}, 0)
			}
			if o.Body != nil && !rawRequestBody(o.Body) {
				c.value(g, o.Body.Type, jen.Id("x"), false, loc{parent: "at"}, 0)
			}
		}
	})
	return c
}

// rawBody reports whether a body is handed over as bytes, undecoded: it is
// not JSON, or JSON without a schema.
func rawBody(json bool, t *generator.TypeRef) bool {
	return !json || (t.Kind == generator.RefBytes && t.Format == "")
}

// loc is where a checked value sits, as Go code: below the path variable
// parent, at a property (name) or an item (index), or parent itself.
type loc struct {
	parent string
	name   jen.Code // a property name: a literal, or a variable for map keys
	index  string   // the variable holding an item's index
	// fresh says that the checks go into a block of their own, where they
	// may declare variables without opening another.
	fresh bool
}

// problemAt is the path of a problem with the value; it is built only then.
func (l loc) problemAt() jen.Code {
	switch {
	case l.name != nil:
		return jen.Id(l.parent).Dot("Field").Call(l.name)
	case l.index != "":
		return jen.Id(l.parent).Dot("Item").Call(jen.Id(l.index))
	}
	return jen.Id(l.parent)
}

// node is the path of the value for the checks below it, on the stack.
func (l loc) node() jen.Code { return l.problemAt() }

// report adds a problem; text is a literal or an expression.
func report(at jen.Code, text jen.Code) *jen.Statement {
	return jen.Id("c").Dot("Add").Call(at, text)
}

// reportIf adds a problem when bad holds, in one line. A property's path is
// built by the helper, out of line, so that each check is a short call.
func (c *checks) reportIf(l loc, bad jen.Code, text string) *jen.Statement {
	if l.name != nil {
		c.useAddIfProperty = true
		return jen.Id("c").Dot("AddIfProperty").Call(jen.Id(l.parent), l.name, bad, jen.Lit(text))
	}
	return jen.Id("c").Dot("AddIf").Call(l.problemAt(), bad, jen.Lit(text))
}

// value emits the checks of x, a value of type r. named says that x's Go
// type is a named type, which string functions need converted.
func (c *checks) value(g *jen.Group, r *generator.TypeRef, x *jen.Statement, named bool, l loc, depth int) {
	switch r.Kind {
	case generator.RefString:
		c.stringChecks(g, r, x, named, l)
	case generator.RefInt, generator.RefInt32, generator.RefInt64, generator.RefFloat32, generator.RefFloat64:
		c.numberChecks(g, r, x, l)
	case generator.RefSlice:
		c.sliceChecks(g, r, x, l, depth)
	case generator.RefMap:
		c.mapChecks(g, r, x, l, depth)
	case generator.RefNamed:
		owner := generator.MethodOwner(r.Named)
		switch {
		case owner.Kind == generator.KindEnum:
			// Checked in place: a validate method per enum, and the pointer
			// wrapper the compiler writes for it, would cost more than the call.
			g.Add(c.reportIf(l, jen.Op("!").Add(x.Clone()).Dot("Valid").Call(), enumProblem(owner)))
		case c.plan.HasMethod(owner):
			g.Add(x.Clone()).Dot("validate").Call(jen.Id("c"), l.node())
		}
	}
}

func (c *checks) stringChecks(g *jen.Group, r *generator.TypeRef, x *jen.Statement, named bool, l loc) {
	s := x.Clone()
	if named {
		s = jen.String().Call(x.Clone())
	}
	cons := r.Constraints
	hasMin := cons.MinLength > 0 && cons.MinLength <= math.MaxInt32
	hasMax := cons.MaxLength != nil && *cons.MaxLength <= math.MaxInt32
	hasPattern := generator.PatternOK(cons.Pattern)
	if hasMin || hasMax || hasPattern {
		minLen, maxLen, pattern := jen.Code(jen.Lit(0)), jen.Code(jen.Lit(-1)), jen.Code(jen.Nil())
		if hasMin {
			minLen = intLit(cons.MinLength)
		}
		if hasMax {
			maxLen = intLit(*cons.MaxLength)
		}
		if hasPattern {
			pattern = jen.Id(c.pattern(cons.Pattern))
		}
		c.useString = true
		g.Add(rt("CheckString")).Call(jen.Id("c"), l.problemAt(), s.Clone(), minLen, maxLen, pattern)
	}
	if fc, ok := formatChecks[r.Format]; ok {
		c.formats[r.Format] = true
		g.Add(c.reportIf(l, jen.Op("!").Add(rt(fc.fn)).Call(s.Clone()), fc.problem))
	}
}

// intLit is an untyped integer constant.
func intLit(n uint64) *jen.Statement { return jen.Op(strconv.FormatUint(n, 10)) }

// pattern names the compiled variable of a pattern.
func (c *checks) pattern(p string) string {
	if name, ok := c.patterns[p]; ok {
		return name
	}
	name := "validationPattern" + strconv.Itoa(len(c.patternOrder)+1)
	c.patterns[p] = name
	c.patternOrder = append(c.patternOrder, p)
	return name
}

func (c *checks) numberChecks(g *jen.Group, r *generator.TypeRef, x *jen.Statement, l loc) {
	cons := r.Constraints
	if cons.Minimum != nil {
		op, text := "<", "must be at least "
		if cons.ExclusiveMinimum {
			op, text = "<=", "must be greater than "
		}
		g.Add(c.reportIf(l, compareBound(r.Kind, x, op, *cons.Minimum), text+formatBound(*cons.Minimum)))
	}
	if cons.Maximum != nil {
		op, text := ">", "must be at most "
		if cons.ExclusiveMaximum {
			op, text = ">=", "must be less than "
		}
		g.Add(c.reportIf(l, compareBound(r.Kind, x, op, *cons.Maximum), text+formatBound(*cons.Maximum)))
	}
	if m := cons.MultipleOf; m != nil && *m > 0 {
		problem := "must be a multiple of " + formatBound(*m)
		if isIntKind(r.Kind) && exactInt(r.Kind, *m) {
			g.Add(c.reportIf(l, x.Clone().Op("%").Op(formatBound(*m)).Op("!=").Lit(0), problem))
			return
		}
		c.useMultipleOf = true
		g.Add(c.reportIf(l, jen.Op("!").Add(rt("MultipleOf")).Call(jen.Float64().Call(x.Clone()), jen.Op(formatBound(*m))), problem))
	}
}

// compareBound compares x with a bound: as an integer constant when the
// bound is one that x's type holds exactly, otherwise as float64.
func compareBound(kind generator.RefKind, x *jen.Statement, op string, bound float64) *jen.Statement {
	if kind == generator.RefFloat64 || (isIntKind(kind) && exactInt(kind, bound)) {
		return x.Clone().Op(op).Op(formatBound(bound))
	}
	return jen.Float64().Call(x.Clone()).Op(op).Op(formatBound(bound))
}

func isIntKind(k generator.RefKind) bool {
	return k == generator.RefInt || k == generator.RefInt32 || k == generator.RefInt64
}

// exactInt reports whether v is an integer that a Go value of kind holds on
// every platform (int may be 32 bits wide).
func exactInt(kind generator.RefKind, v float64) bool {
	if v != math.Trunc(v) {
		return false
	}
	if kind == generator.RefInt64 {
		return math.Abs(v) <= 1<<53
	}
	return v >= math.MinInt32 && v <= math.MaxInt32
}

// formatBound writes a bound as a Go constant and in messages: 1, 0.5, 1e+20.
func formatBound(v float64) string {
	if v == math.Trunc(v) && math.Abs(v) < 1e15 {
		return strconv.FormatFloat(v, 'f', -1, 64)
	}
	return strconv.FormatFloat(v, 'g', -1, 64)
}

func (c *checks) sliceChecks(g *jen.Group, r *generator.TypeRef, x *jen.Statement, l loc, depth int) {
	cons := r.Constraints
	count := func() *jen.Statement { return jen.Len(x.Clone()) }
	if cons.MinItems > 0 && cons.MinItems <= math.MaxInt32 {
		c.useMinItems = true
		g.Add(rt("CheckMinItems")).Call(jen.Id("c"), l.problemAt(), count(), intLit(cons.MinItems))
	}
	by := generator.UniqueByField(r)
	elems := c.plan.Checked(r.Elem)
	at, i := fmt.Sprintf("at%d", depth+1), fmt.Sprintf("i%d", depth+1)
	items := func(g *jen.Group) {
		g.Id(at).Op(":=").Add(l.node())
		if cons.UniqueItems {
			c.uniqueItems(g, r.Elem, x, at)
		}
		if by != nil {
			c.uniqueBy(g, by, x, at)
		}
		if elems {
			g.For(jen.Id(i).Op(":=").Lit(0), jen.Id(i).Op("<").Len(x.Clone()).Op("&&").Id("c").Dot("Checking").Call(), jen.Id(i).Op("++")).BlockFunc(func(g *jen.Group) {
				c.value(g, r.Elem, x.Clone().Index(jen.Id(i)), false, loc{parent: at, index: i}, depth+1)
			})
		}
	}
	checksItems := cons.UniqueItems || by != nil || elems
	if max, ok := maxItems(r); ok {
		// Too many items are one problem; checking each of them would let a
		// long array cost far more than the limit allows.
		tooMany := g.If(count().Op(">").Add(intLit(max))).Block(
			jen.Id("c").Dot("TooManyItems").Call(l.problemAt(), count(), intLit(max)))
		if checksItems {
			tooMany.Else().BlockFunc(items)
		}
		return
	}
	if checksItems {
		scope(g, l.fresh, items)
	}
}

// maxItems is an array's maxItems when the generated code can compare with it.
func maxItems(r *generator.TypeRef) (uint64, bool) {
	m := r.Constraints.MaxItems
	if r.Kind != generator.RefSlice || m == nil || *m > math.MaxInt32 {
		return 0, false
	}
	return *m, true
}

// uniqueItems checks uniqueItems: with == on scalars, by JSON text otherwise.
func (c *checks) uniqueItems(g *jen.Group, elem *generator.TypeRef, x *jen.Statement, at string) {
	fn := "UniqueJSON"
	if comparableRef(elem) {
		fn = "Unique"
		c.useUnique = true
	} else {
		c.useUniqueJSON = true
	}
	g.Add(rt(fn)).Call(jen.Id("c"), jen.Id(at), x.Clone())
}

// comparableRef reports whether Go's == compares values of r as JSON does.
func comparableRef(r *generator.TypeRef) bool {
	switch r.Kind {
	case generator.RefString, generator.RefInt, generator.RefInt32, generator.RefInt64,
		generator.RefFloat32, generator.RefFloat64, generator.RefBool:
		return true
	case generator.RefNamed:
		t := generator.MethodOwner(r.Named)
		return t.Kind == generator.KindEnum || (t.Kind == generator.KindAlias && comparableRef(t.Alias))
	}
	return false
}

// uniqueBy checks x-livegen-unique-by: the items' property must not repeat.
// Email addresses are compared ignoring case, as mail servers do.
func (c *checks) uniqueBy(g *jen.Group, f *generator.Field, x *jen.Statement, at string) {
	c.useUniqueBy = true
	item := x.Clone().Index(jen.Id("i")).Dot(f.Name)
	fold := func(v jen.Code) jen.Code {
		if f.Type.Kind == generator.RefString && f.Type.Format == "email" {
			return jen.Qual(pkgStrings, "ToLower").Call(v)
		}
		return v
	}
	key := typeRef(f.Type)
	var body []jen.Code
	switch f.Shape() {
	case generator.ShapePointer:
		body = []jen.Code{
			jen.If(jen.Id("k").Op(":=").Add(item), jen.Id("k").Op("!=").Nil()).Block(jen.Return(fold(jen.Op("*").Id("k")), jen.True())),
			jen.Return(jen.Op("*").New(key.Clone()), jen.False()),
		}
	case generator.ShapeNullable:
		body = []jen.Code{
			jen.List(jen.Id("k"), jen.Id("ok")).Op(":=").Add(item).Dot("Get").Call(),
			jen.Return(fold(jen.Id("k")), jen.Id("ok")),
		}
	default:
		body = []jen.Code{jen.Return(fold(item), jen.True())}
	}
	g.Add(rt("UniqueBy")).Call(jen.Id("c"), jen.Id(at), jen.Lit(f.JSONName), jen.Len(x.Clone()),
		jen.Func().Params(jen.Id("i").Int()).Params(key.Clone(), jen.Bool()).Block(body...))
}

func (c *checks) mapChecks(g *jen.Group, r *generator.TypeRef, x *jen.Statement, l loc, depth int) {
	cons := r.Constraints
	count := func() *jen.Statement { return jen.Len(x.Clone()) }
	if cons.MinProperties > 0 && cons.MinProperties <= math.MaxInt32 {
		g.Add(c.reportIf(l, count().Op("<").Add(intLit(cons.MinProperties)), fmt.Sprintf("must have at least %d properties", cons.MinProperties)))
	}
	if cons.MaxProperties > 0 && cons.MaxProperties <= math.MaxInt32 {
		g.Add(c.reportIf(l, count().Op(">").Add(intLit(cons.MaxProperties)), fmt.Sprintf("must have at most %d properties", cons.MaxProperties)))
	}
	if c.plan.Checked(r.Elem) {
		scope(g, l.fresh, func(g *jen.Group) {
			at := fmt.Sprintf("at%d", depth+1)
			g.Id(at).Op(":=").Add(l.node())
			c.mapValues(g, r.Elem, x, at, depth)
		})
	}
}

// mapValues checks every value of the map x, in key order.
func (c *checks) mapValues(g *jen.Group, elem *generator.TypeRef, x *jen.Statement, at string, depth int) {
	c.useSortedKeys = true
	k, e := fmt.Sprintf("k%d", depth+1), fmt.Sprintf("e%d", depth+1)
	g.For(jen.List(jen.Id("_"), jen.Id(k)).Op(":=").Range().Add(rt("SortedKeys")).Call(x.Clone())).BlockFunc(func(g *jen.Group) {
		g.If(jen.Op("!").Id("c").Dot("Checking").Call()).Block(jen.Break())
		g.Id(e).Op(":=").Add(x.Clone()).Index(jen.Id(k))
		c.value(g, elem, jen.Id(e), false, loc{parent: at, name: jen.Id(k)}, depth+1)
	})
}

// field emits the checks of one struct field, following its shape: absent
// optional values are not checked, a nil required collection is reported.
func (c *checks) field(g *jen.Group, f *generator.Field, x *jen.Statement, l loc) {
	inBlock := l
	inBlock.fresh = true
	switch f.Shape() {
	case generator.ShapePointer:
		inner := jen.Op("*").Add(x.Clone())
		if f.Type.Kind == generator.RefNamed {
			inner = x.Clone() // methods are called through the pointer
		}
		g.If(x.Clone().Op("!=").Nil()).BlockFunc(func(g *jen.Group) { c.value(g, f.Type, inner, false, inBlock, 0) })
	case generator.ShapeNullable:
		held := jen.Id("ok")
		if f.Recursive {
			held = jen.Id("ok").Op("&&").Id("x").Op("!=").Nil() // Nullable[*T]
		}
		g.If(jen.List(jen.Id("x"), jen.Id("ok")).Op(":=").Add(x.Clone()).Dot("Get").Call(), held).BlockFunc(func(g *jen.Group) {
			c.value(g, f.Type, jen.Id("x"), false, inBlock, 0)
		})
	case generator.ShapeOmitZero:
		g.If(x.Clone().Op("!=").Nil()).BlockFunc(func(g *jen.Group) { c.value(g, f.Type, x, false, inBlock, 0) })
	default:
		if !generator.RequiredCollection(f) {
			c.value(g, f.Type, x, false, l, 0)
			return
		}
		missing := g.If(x.Clone().Op("==").Nil()).Block(jen.Id("c").Dot("Missing").Call(l.problemAt(), jen.Lit("is required")))
		if c.plan.Checked(f.Type) {
			missing.Else().BlockFunc(func(g *jen.Group) { c.value(g, f.Type, x, false, inBlock, 0) })
		}
	}
}

// scope emits body into g when g is a block of its own, or into a new block.
func scope(g *jen.Group, fresh bool, body func(*jen.Group)) {
	if fresh {
		body(g)
		return
	}
	g.BlockFunc(body)
}

// typeBody emits the body of a type's validate method; v is the receiver.
func (c *checks) typeBody(g *jen.Group, t *generator.Type) {
	v := func() *jen.Statement { return jen.Id("v") }
	switch t.Kind {
	case generator.KindAlias:
		c.value(g, t.Alias, v(), true, loc{parent: "at"}, 0)
	case generator.KindStruct, generator.KindTuple:
		for _, f := range t.Fields {
			if c.plan.FieldChecked(f) {
				c.field(g, f, v().Dot(f.Name), loc{parent: "at", name: jen.Lit(f.JSONName)})
			}
		}
		if ap := t.AdditionalProperties; ap != nil && c.plan.Checked(ap) {
			c.mapValues(g, ap, v().Dot("AdditionalProperties"), "at", 0)
		}
	case generator.KindUnion:
		for _, x := range t.Union.Variants {
			if !c.plan.Checked(x.Type) {
				continue
			}
			inner := jen.Parens(jen.Op("*").Add(v().Dot(x.Name)))
			if x.Type.Kind == generator.RefNamed {
				inner = v().Dot(x.Name)
			}
			g.If(v().Dot(x.Name).Op("!=").Nil()).BlockFunc(func(g *jen.Group) { c.value(g, x.Type, inner, false, loc{parent: "at"}, 0) })
		}
	}
}

// enumProblem is the problem text of a value that an enum does not list.
func enumProblem(t *generator.Type) string { return "must be one of " + enumList(t) }

// enumList lists an enum's values for a problem text: "Scheduled", "Live".
func enumList(t *generator.Type) string {
	s := ""
	for i, v := range t.Enum.Values {
		if i > 0 {
			s += ", "
		}
		if str, ok := v.Value.(string); ok {
			s += strconv.Quote(str)
		} else {
			s += fmt.Sprint(v.Value)
		}
	}
	return s
}
