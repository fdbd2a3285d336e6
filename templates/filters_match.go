package templates

import (
	"fmt"
	"strings"

	"github.com/dave/jennifer/jen"
	"github.com/seed-0d47db62/livegen/generator"
)

// genFilterMatch renders Match, which applies the filter to one listed item
// in memory: one block per filtered field, all in the one method, since a
// method per field would cost a compiled function and its pointer wrapper each.
func genFilterMatch(f *jen.File, flt *generator.Filter) {
	if flt.Item == nil {
		return
	}
	f.Add(doc(matchDoc(flt)).Func().Params(jen.Id("f").Id(flt.TypeName)).Id(generator.FilterMatchMethod).Params(jen.Id("item").Add(typeRef(flt.Item))).Bool().BlockFunc(func(g *jen.Group) {
		for _, prop := range flt.Props {
			if prop.MatchMethod != "" {
				genMatchProp(g, prop)
			}
		}
		g.Return(jen.True())
	}))
}

// matchDoc states the comparison rules that apply to this filter.
func matchDoc(flt *generator.Filter) string {
	has := map[string]bool{}
	for _, o := range flt.Ops {
		if o.Match == nil {
			continue
		}
		switch m := o.Match; {
		case m.Op == generator.MatchContains || m.Op == generator.MatchStartsWith || m.Op == generator.MatchEndsWith:
			has["fold"] = true
		case m.As == generator.FilterValueString:
			has["exact"] = true
		}
		if o.Match.As == generator.FilterValueUnix {
			has["unix"] = true
		}
		if o.List {
			has["in"] = true
		}
	}
	rules := []string{"a condition on a property that is absent or null never holds, not even ne or nin"}
	if has["exact"] {
		rules = append(rules, "eq, ne, lt, lte, gt and gte compare strings exactly, byte by byte")
	}
	if has["fold"] {
		rules = append(rules, "contains, startsWith and endsWith ignore case (Unicode simple folding, as strings.EqualFold does)")
	}
	if has["unix"] {
		rules = append(rules, "a Unix-time condition compares whole seconds: a date-time property is cut to its second")
	}
	if has["in"] {
		rules = append(rules, "in holds when the property equals one of the values, nin when it equals none; an empty in list matches nothing")
	}
	if len(flt.Ignored) > 0 {
		rules = append(rules, "the conditions that the type's documentation lists as ignored always hold")
	}
	return fmt.Sprintf("%s reports whether item meets every set condition, so that fakes and tests filter the way the API documents:\n  - %s.", generator.FilterMatchMethod, strings.Join(rules, ";\n  - "))
}

// genMatchProp renders the block that applies the conditions on one field:
// for each item property they compare with, look it up once, then test each
// set condition, returning false from Match when one fails.
func genMatchProp(g *jen.Group, prop *generator.FilterProp) {
	c := jen.Id("c").Op(":=").Id("f").Dot(prop.GoName)
	groups := opsByItemPath(prop)
	check := func(g *jen.Group, ops []*generator.FilterOp, init jen.Code) {
		anySet := joinOp(ops, "||", func(o *generator.FilterOp) jen.Code { return opSet(o) })
		g.If(init, anySet).BlockFunc(func(b *jen.Group) {
			genItemLookup(b, ops[0].Match.Path)
			// One if for all conditions, one per line: a set one that fails returns false.
			b.If(joinLines(ops, "||", func(o *generator.FilterOp) jen.Code {
				if len(ops) == 1 {
					return matchFails(o)
				}
				return opSet(o).Op("&&").Add(matchFails(o))
			})).Block(jen.Return(jen.False()))
		})
	}
	if len(groups) == 1 {
		check(g, groups[0], c)
		return
	}
	// The field's operators compare with more than one property of item.
	g.BlockFunc(func(g *jen.Group) {
		g.Add(c)
		for _, ops := range groups {
			check(g, ops, nil)
		}
	})
}

// opsByItemPath groups the applied operators of a field by the property they
// compare with, in spec order.
func opsByItemPath(prop *generator.FilterProp) [][]*generator.FilterOp {
	var groups [][]*generator.FilterOp
	index := map[string]int{}
	for _, o := range prop.Ops {
		if o.Match == nil {
			continue
		}
		i, ok := index[o.Match.ItemPath]
		if !ok {
			i = len(groups)
			index[o.Match.ItemPath] = i
			groups = append(groups, nil)
		}
		groups[i] = append(groups[i], o)
	}
	return groups
}

// joinOp joins conditions with a binary operator on one line.
func joinOp[T any](items []T, op string, cond func(T) jen.Code) *jen.Statement {
	s := jen.Null()
	for i, it := range items {
		if i > 0 {
			s.Op(op)
		}
		s.Add(cond(it))
	}
	return s
}

// opSet is true when a condition is set: `c.Eq != nil`.
func opSet(o *generator.FilterOp) *jen.Statement {
	return jen.Id("c").Dot(o.GoName).Op("!=").Nil()
}

// genItemLookup declares x, the compared property of item, returning false
// from Match when the property or an object on its path is absent or null.
func genItemLookup(g *jen.Group, path []*generator.Field) {
	cur := jen.Id("item")
	var nilExprs []jen.Code
	flush := func() {
		if len(nilExprs) > 0 {
			g.If(joinOp(nilExprs, "||", func(c jen.Code) jen.Code { return c })).Block(jen.Return(jen.False()))
			nilExprs = nil
		}
	}
	temps := 0
	for i, fl := range path {
		sel := cur.Clone().Dot(fl.Name)
		last := i == len(path)-1
		switch fl.Shape() {
		case generator.ShapePointer:
			nilExprs = append(nilExprs, sel.Clone().Op("==").Nil())
			if last {
				flush()
				g.Id("x").Op(":=").Op("*").Add(sel)
			}
			cur = sel
		case generator.ShapeNullable:
			flush()
			name := "x"
			if !last {
				temps++
				name = fmt.Sprintf("p%d", temps)
			}
			g.List(jen.Id(name), jen.Id("ok")).Op(":=").Add(sel).Dot("Get").Call()
			g.If(jen.Op("!").Id("ok")).Block(jen.Return(jen.False()))
			cur = jen.Id(name)
		default:
			if last {
				flush()
				g.Id("x").Op(":=").Add(sel)
			}
			cur = sel
		}
	}
}

// matchFails is the condition under which item fails one set condition.
func matchFails(o *generator.FilterOp) *jen.Statement {
	m := o.Match
	item := lastField(m).Type
	x := canonical(jen.Id("x"), item, m, false)
	if o.List {
		found := listContains(o, x)
		if m.Op == generator.MatchNotIn {
			return found
		}
		return jen.Op("!").Add(found)
	}
	v := canonical(jen.Id("c").Dot(o.GoName), o.Value, m, true)
	return compareFails(m.Op, m.As, x, v)
}

func lastField(m *generator.FilterMatch) *generator.Field { return m.Path[len(m.Path)-1] }

// listContains is true when x equals one of the values of a list operand.
func listContains(o *generator.FilterOp, x *jen.Statement) *jen.Statement {
	m := o.Match
	list := jen.Id("c").Dot(o.GoName)
	if !m.Convert && m.As != generator.FilterValueUnix && m.As != generator.FilterValueDateTime {
		return jen.Qual("slices", "Contains").Call(list, x)
	}
	v := canonical(jen.Id("v"), elemType(o), m, false)
	return jen.Qual("slices", "ContainsFunc").Call(list, jen.Func().Params(jen.Id("v").Add(typeRef(elemType(o)))).Bool().Block(
		jen.Return(equalExpr(m.As, x.Clone(), v)),
	))
}

// canonical converts one side of a comparison to the Go type both sides are
// compared as; e is a pointer to the value when ptr is set.
func canonical(e *jen.Statement, t *generator.TypeRef, m *generator.FilterMatch, ptr bool) *jen.Statement {
	val := e.Clone()
	if ptr {
		val = jen.Op("*").Add(e.Clone())
	}
	plain := t.Kind != generator.RefNamed
	switch m.As {
	case generator.FilterValueUnix:
		if plain && t.Kind == generator.RefTime {
			return e.Clone().Dot("Unix").Call()
		}
		if plain && t.Kind == generator.RefInt64 {
			return val
		}
		return jen.Int64().Call(val)
	case generator.FilterValueDateTime:
		return val
	}
	if !m.Convert {
		return val
	}
	target := map[generator.FilterValue]generator.RefKind{
		generator.FilterValueString: generator.RefString,
		generator.FilterValueInt:    generator.RefInt64,
		generator.FilterValueFloat:  generator.RefFloat64,
		generator.FilterValueBool:   generator.RefBool,
	}[m.As]
	if plain && t.Kind == target {
		return val
	}
	return typeRef(&generator.TypeRef{Kind: target}).Call(val)
}

// equalExpr is true when x equals v.
func equalExpr(as generator.FilterValue, x, v *jen.Statement) *jen.Statement {
	if as == generator.FilterValueDateTime {
		return x.Dot("Equal").Call(v)
	}
	return x.Op("==").Add(v)
}

// compareFails is true when x fails `x op v`.
func compareFails(op generator.MatchOp, as generator.FilterValue, x, v *jen.Statement) *jen.Statement {
	if as == generator.FilterValueDateTime {
		return timeFails(op, x, v)
	}
	switch op {
	case generator.MatchEq:
		return x.Op("!=").Add(v)
	case generator.MatchNe:
		return x.Op("==").Add(v)
	case generator.MatchLt:
		return x.Op(">=").Add(v)
	case generator.MatchLte:
		return x.Op(">").Add(v)
	case generator.MatchGt:
		return x.Op("<=").Add(v)
	case generator.MatchGte:
		return x.Op("<").Add(v)
	case generator.MatchContains:
		return jen.Op("!").Add(rt("FilterContainsFold")).Call(x, v)
	case generator.MatchStartsWith:
		return jen.Op("!").Add(rt("FilterHasPrefixFold")).Call(x, v)
	default: // MatchEndsWith
		return jen.Op("!").Add(rt("FilterHasSuffixFold")).Call(x, v)
	}
}

// timeFails compares full-precision times with their methods.
func timeFails(op generator.MatchOp, x, v *jen.Statement) *jen.Statement {
	switch op {
	case generator.MatchEq:
		return jen.Op("!").Add(x).Dot("Equal").Call(v)
	case generator.MatchNe:
		return x.Dot("Equal").Call(v)
	case generator.MatchLt:
		return jen.Op("!").Add(x).Dot("Before").Call(v)
	case generator.MatchLte:
		return x.Dot("After").Call(v)
	case generator.MatchGt:
		return jen.Op("!").Add(x).Dot("After").Call(v)
	default: // MatchGte
		return x.Dot("Before").Call(v)
	}
}

// genFilterMatchHelpers renders the runtime's case-insensitive string tests that
// contains, startsWith and endsWith use.
func genFilterMatchHelpers(f *jen.File, u filterUses) {
	if u.prefix {
		f.Comment("FilterHasPrefixFold reports whether s starts with prefix, ignoring case as")
		f.Comment("strings.EqualFold does (Unicode simple folding keeps the number of runes).")
		f.Func().Id("FilterHasPrefixFold").Params(jen.List(jen.Id("s"), jen.Id("prefix")).String()).Bool().Block(
			jen.Id("end").Op(":=").Lit(0),
			jen.For(jen.Id("n").Op(":=").Qual("unicode/utf8", "RuneCountInString").Call(jen.Id("prefix")), jen.Id("n").Op(">").Lit(0), jen.Id("n").Op("--")).Block(
				jen.If(jen.Id("end").Op(">=").Len(jen.Id("s"))).Block(jen.Return(jen.False())),
				jen.List(jen.Id("_"), jen.Id("size")).Op(":=").Qual("unicode/utf8", "DecodeRuneInString").Call(jen.Id("s").Index(jen.Id("end"), jen.Empty())),
				jen.Id("end").Op("+=").Id("size"),
			),
			jen.Return(jen.Qual(pkgStrings, "EqualFold").Call(jen.Id("s").Index(jen.Empty(), jen.Id("end")), jen.Id("prefix"))),
		)
	}
	if u.suf {
		f.Comment("FilterHasSuffixFold reports whether s ends with suffix, ignoring case as")
		f.Comment("strings.EqualFold does.")
		f.Func().Id("FilterHasSuffixFold").Params(jen.List(jen.Id("s"), jen.Id("suffix")).String()).Bool().Block(
			jen.Id("start").Op(":=").Len(jen.Id("s")),
			jen.For(jen.Id("n").Op(":=").Qual("unicode/utf8", "RuneCountInString").Call(jen.Id("suffix")), jen.Id("n").Op(">").Lit(0), jen.Id("n").Op("--")).Block(
				jen.If(jen.Id("start").Op("<=").Lit(0)).Block(jen.Return(jen.False())),
				jen.List(jen.Id("_"), jen.Id("size")).Op(":=").Qual("unicode/utf8", "DecodeLastRuneInString").Call(jen.Id("s").Index(jen.Empty(), jen.Id("start"))),
				jen.Id("start").Op("-=").Id("size"),
			),
			jen.Return(jen.Qual(pkgStrings, "EqualFold").Call(jen.Id("s").Index(jen.Id("start"), jen.Empty()), jen.Id("suffix"))),
		)
	}
	if u.contains {
		f.Comment("FilterContainsFold reports whether sub is within s, ignoring case as")
		f.Comment("strings.EqualFold does; the empty string is within every string.")
		f.Func().Id("FilterContainsFold").Params(jen.List(jen.Id("s"), jen.Id("sub")).String()).Bool().Block(
			jen.If(jen.Id("sub").Op("==").Lit("")).Block(jen.Return(jen.True())),
			jen.For(jen.Id("i").Op(":=").Range().Id("s")).Block(
				jen.If(jen.Id("FilterHasPrefixFold").Call(jen.Id("s").Index(jen.Id("i"), jen.Empty()), jen.Id("sub"))).Block(jen.Return(jen.True())),
			),
			jen.Return(jen.False()),
		)
	}
}
