package templates

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/dave/jennifer/jen"
	"github.com/seed-0d47db62/livegen/generator"
)

// genFilterAppendQuery renders AppendQuery, which the client calls to put
// every set condition in the query under its exact wire name. The one-value
// operands go in one table that the runtime's FilterAppend reads, which compiles to far less
// code than a call per operand; lists and unusual types keep a call each.
func genFilterAppendQuery(f *jen.File, flt *generator.Filter) {
	f.Commentf("%s adds every set condition to q under its exact wire name (title[eq]);", generator.FilterAppendQuery)
	f.Comment("the client calls it to build the query string.")
	f.Func().Params(jen.Id("f").Id(flt.TypeName)).Id(generator.FilterAppendQuery).Params(jen.Id("q").Qual(pkgURL, "Values")).BlockFunc(func(g *jen.Group) {
		var table []jen.Code
		for _, o := range flt.Ops {
			if v, _ := tableOperand(o); v != nil {
				table = append(table, tableEntry(o, "Value", v))
			}
		}
		if len(table) > 0 {
			g.Add(rt("FilterAppend")).Call(jen.Id("q"), jen.Index().Add(rt("FilterOperand")).ValuesFunc(func(vg *jen.Group) {
				for _, c := range table {
					vg.Line().Add(c)
				}
				vg.Line()
			}))
		}
		for _, o := range flt.Ops {
			if v, _ := tableOperand(o); v == nil {
				g.Add(genAppendOp(o))
			}
		}
	})
}

// tableOperand is the value that FilterAppend reads for a one-value operand,
// a pointer to a string, number, bool or time (FilterUnix for Unix seconds),
// and the Go type FilterText switches on; nil when the operand needs its own
// call. An enum's pointer is converted to a pointer to its base type.
func tableOperand(o *generator.FilterOp) (jen.Code, string) {
	if o.List || formatHelper(o) == "" {
		return nil, ""
	}
	field := jen.Id("f").Dot(o.Prop.GoName).Dot(o.GoName)
	t := o.Value
	switch {
	case t.Kind == generator.RefTime && o.Kind == generator.FilterValueUnix:
		return jen.Parens(jen.Op("*").Add(rt("FilterUnix"))).Call(field), "FilterUnix"
	case t.Kind == generator.RefTime:
		return field, "time"
	case t.Kind != generator.RefNamed:
		return field, plainKindNames[t.Kind]
	case t.Named.Kind == generator.KindEnum && plainKindNames[t.Named.Enum.Base] != "":
		base := plainKindNames[t.Named.Enum.Base]
		return jen.Parens(jen.Op("*").Id(base)).Call(field), base
	}
	return nil, ""
}

// genTableEntryType renders the entry type of a filter table: a wire name and
// a pointer, exported for the generated package's literals. The leading [0]func() makes it incomparable, so that the compiler
// writes no equality function for it and for the array of each table.
func genTableEntryType(f *jen.File, name, pointer string) {
	f.Type().Id(name).Struct(jen.Id("_").Index(jen.Lit(0)).Func().Params(), jen.Id("Name").String(), jen.Id(pointer).Any())
}

// tableEntry is one entry of a filter table, keyed since the blank field
// cannot be given by position.
func tableEntry(o *generator.FilterOp, pointer string, v jen.Code) jen.Code {
	return jen.Values(jen.Id("Name").Op(":").Lit(o.Param.Name), jen.Id(pointer).Op(":").Add(v))
}

// plainKindNames are the Go types that FilterText writes.
var plainKindNames = map[generator.RefKind]string{
	generator.RefString: "string", generator.RefInt: "int", generator.RefInt32: "int32",
	generator.RefInt64: "int64", generator.RefFloat64: "float64", generator.RefBool: "bool",
}

// genAppendOp writes one operand that is not in the table, when it is set:
// one value with FilterSet, a list with FilterSetList per the parameter's style.
func genAppendOp(o *generator.FilterOp) jen.Code {
	field := jen.Id("f").Dot(o.Prop.GoName).Dot(o.GoName)
	name := jen.Lit(o.Param.Name)
	if o.List {
		return rt("FilterSetList").Call(jen.Id("q"), name, jen.Lit(listSeparator(o.Param)), field, formatterOf(o))
	}
	return rt("FilterSet").Call(jen.Id("q"), name, field, formatterOf(o))
}

// genFilterAppend renders the table reader of AppendQuery: FilterAppend, and
// FilterText with one case per Go type that some table holds.
func genFilterAppend(f *jen.File, types map[string]bool) {
	if len(types) == 0 {
		return
	}
	f.Comment("FilterOperand is one one-value operand of a filter: its wire name and a pointer")
	f.Comment("to its value, nil when the condition is not set.")
	genTableEntryType(f, "FilterOperand", "Value")
	if types["FilterUnix"] {
		f.Comment("FilterUnix is a time that the query carries as Unix seconds.")
		f.Type().Id("FilterUnix").Qual(pkgTime, "Time")
	}
	f.Comment("FilterAppend writes every set operand to q under its wire name.")
	f.Func().Id("FilterAppend").Params(jen.Id("q").Qual(pkgURL, "Values"), jen.Id("operands").Index().Id("FilterOperand")).Block(
		jen.For(jen.List(jen.Id("_"), jen.Id("o")).Op(":=").Range().Id("operands")).Block(
			jen.If(jen.List(jen.Id("text"), jen.Id("ok")).Op(":=").Id("FilterText").Call(jen.Id("o").Dot("Value")), jen.Id("ok")).Block(
				jen.Id("q").Dot("Set").Call(jen.Id("o").Dot("Name"), jen.Id("text")),
			),
		),
	)
	v := jen.Id("v")
	cases := []struct {
		name string
		typ  jen.Code
		text jen.Code
	}{
		{"string", jen.String(), jen.Op("*").Add(v)},
		{"int", jen.Int(), jen.Qual(pkgStrconv, "Itoa").Call(jen.Op("*").Add(v))},
		{"int32", jen.Int32(), jen.Qual(pkgStrconv, "FormatInt").Call(jen.Int64().Call(jen.Op("*").Add(v)), jen.Lit(10))},
		{"int64", jen.Int64(), jen.Qual(pkgStrconv, "FormatInt").Call(jen.Op("*").Add(v), jen.Lit(10))},
		{"float64", jen.Float64(), jen.Qual(pkgStrconv, "FormatFloat").Call(jen.Op("*").Add(v), jen.LitRune('g'), jen.Lit(-1), jen.Lit(64))},
		{"bool", jen.Bool(), jen.Qual(pkgStrconv, "FormatBool").Call(jen.Op("*").Add(v))},
		{"time", jen.Qual(pkgTime, "Time"), v.Clone().Dot("Format").Call(jen.Qual(pkgTime, "RFC3339Nano"))},
		{"FilterUnix", jen.Id("FilterUnix"), jen.Qual(pkgStrconv, "FormatInt").Call(jen.Parens(jen.Op("*").Qual(pkgTime, "Time")).Call(v).Dot("Unix").Call(), jen.Lit(10))},
	}
	f.Comment("FilterText is the query text of the value that v points to; false when v is nil.")
	f.Func().Id("FilterText").Params(jen.Id("v").Any()).Params(jen.String(), jen.Bool()).Block(
		jen.Switch(jen.Id("v").Op(":=").Id("v").Assert(jen.Type())).BlockFunc(func(g *jen.Group) {
			for _, c := range cases {
				if types[c.name] {
					g.Case(jen.Op("*").Add(c.typ)).Block(
						jen.If(jen.Id("v").Op("!=").Nil()).Block(jen.Return(c.text, jen.True())),
					)
				}
			}
		}),
		jen.Return(jen.Lit(""), jen.False()),
	)
}

// listSeparator joins list values in one parameter ("," for form with
// explode false); "" repeats the parameter once per value.
func listSeparator(p *generator.Param) string {
	if p.Explode {
		return ""
	}
	switch p.Style {
	case "spaceDelimited":
		return " "
	case "pipeDelimited":
		return "|"
	case "form", "":
		return ","
	}
	return ""
}

// encodeValue is the wire text of one value of Go type t, held by v (a
// pointer to it when ptr is set).
func encodeValue(v *jen.Statement, ptr bool, t *generator.TypeRef, kind generator.FilterValue) *jen.Statement {
	plain := t.Kind != generator.RefNamed
	x := v.Clone()
	if ptr {
		x = jen.Op("*").Add(v.Clone())
	}
	switch kind {
	case generator.FilterValueUnix:
		return jen.Qual(pkgStrconv, "FormatInt").Call(v.Clone().Dot("Unix").Call(), jen.Lit(10))
	case generator.FilterValueDateTime:
		return v.Clone().Dot("Format").Call(jen.Qual(pkgTime, "RFC3339Nano"))
	case generator.FilterValueInt:
		switch {
		case plain && t.Kind == generator.RefInt:
			return jen.Qual(pkgStrconv, "Itoa").Call(x)
		case plain && t.Kind == generator.RefInt64:
			return jen.Qual(pkgStrconv, "FormatInt").Call(x, jen.Lit(10))
		}
		return jen.Qual(pkgStrconv, "FormatInt").Call(jen.Int64().Call(x), jen.Lit(10))
	case generator.FilterValueFloat:
		bits := 64
		if baseKind(t) == generator.RefFloat32 {
			bits = 32
		}
		if plain && t.Kind == generator.RefFloat64 {
			return jen.Qual(pkgStrconv, "FormatFloat").Call(x, jen.LitRune('g'), jen.Lit(-1), jen.Lit(64))
		}
		return jen.Qual(pkgStrconv, "FormatFloat").Call(jen.Float64().Call(x), jen.LitRune('g'), jen.Lit(-1), jen.Lit(bits))
	case generator.FilterValueBool:
		if plain {
			return jen.Qual(pkgStrconv, "FormatBool").Call(x)
		}
		return jen.Qual(pkgStrconv, "FormatBool").Call(jen.Bool().Call(x))
	default:
		if plain {
			return x
		}
		return jen.String().Call(x)
	}
}

// genFilterParse renders Parse<Filter>, which a server calls to read the
// filter from a request's query and report every bad value. Like AppendQuery,
// it reads the plain one-value operands from one table (FilterRead); enums
// that are not strings, bounded values and lists keep a call each.
func genFilterParse(f *jen.File, op *generator.Operation) {
	flt := op.Filter
	f.Commentf("%s reads the bracket filter parameters of %s from q. It reports every", flt.ParseFunc, op.Name)
	f.Comment("parameter whose value cannot be used, in spec order, and the filter holds the")
	f.Comment("others; a server answers 400 when the list is not empty. It ignores other parameters.")
	f.Func().Id(flt.ParseFunc).Params(jen.Id("q").Qual(pkgURL, "Values")).Params(jen.Id(flt.TypeName), jen.Index().Id("FilterError")).BlockFunc(func(g *jen.Group) {
		g.Var().Id("f").Id(flt.TypeName)
		g.Var().Id("errs").Index().Add(rt("FilterProblem"))
		store := storeOf(flt)
		var table []jen.Code
		for _, o := range flt.Ops {
			if target, _ := tableTarget(o); target != nil {
				table = append(table, tableEntry(o, "Field", target))
				continue
			}
			if len(table) > 0 {
				g.Add(filterReadCall(store, table))
				table = nil
			}
			read := "FilterParam"
			args := []jen.Code{jen.Id("q"), jen.Lit(o.Param.Name)}
			if o.List {
				read = "FilterList"
				args = append(args, jen.Lit(listSeparator(o.Param)))
			}
			args = append(args, parserOf(o), jen.Lit(wantOf(o)), jen.Op("&").Id("errs"))
			g.Id("f").Dot(o.Prop.GoName).Dot(o.GoName).Op("=").Add(rt(read)).Call(args...)
		}
		if len(table) > 0 {
			g.Add(filterReadCall(store, table))
		}
		g.Return(jen.Id("f"), jen.Id("filterErrors").Call(jen.Id("errs")))
	})
}

// storeOf is the function that stores a filter's table targets: the
// generated package's filterStore when one of them is an enum of strings,
// else the runtime's FilterStore.
func storeOf(flt *generator.Filter) jen.Code {
	for _, o := range flt.Ops {
		if target, _ := tableTarget(o); target != nil && isStringEnum(o.Value) {
			return jen.Id("filterStore")
		}
	}
	return rt("FilterStore")
}

// filterReadCall reads a run of table operands; runs keep the problems in spec order.
func filterReadCall(store jen.Code, table []jen.Code) jen.Code {
	return rt("FilterRead").Call(jen.Id("q"), jen.Op("&").Id("errs"), store, jen.Index().Add(rt("FilterTarget")).ValuesFunc(func(g *jen.Group) {
		for _, c := range table {
			g.Line().Add(c)
		}
		g.Line()
	}))
}

// tableTarget is where FilterRead stores a plain one-value operand (a
// pointer to the operand's field, in a FilterUnixAt for Unix seconds) and
// the Go type the store switches on; nil for bounded values, lists, enums
// that are not strings and types without a case.
func tableTarget(o *generator.FilterOp) (jen.Code, string) {
	if o.List {
		return nil, ""
	}
	if cond, _ := boundsCheck(o); cond != nil {
		return nil, ""
	}
	field := jen.Op("&").Id("f").Dot(o.Prop.GoName).Dot(o.GoName)
	if isStringEnum(o.Value) {
		return field, goTypeString(o.Value)
	}
	if generator.IsEnum(o.Value) || o.Value.Kind == generator.RefNamed {
		return nil, ""
	}
	t := o.Value
	switch {
	case t.Kind == generator.RefTime && o.Kind == generator.FilterValueUnix:
		return rt("FilterUnixAt").Values(jen.Dict{jen.Id("At"): field}), "FilterUnixAt"
	case t.Kind == generator.RefTime && o.Kind == generator.FilterValueDateTime:
		return field, "time"
	case formatHelper(o) != "" && plainKindNames[t.Kind] != "":
		return field, plainKindNames[t.Kind]
	}
	return nil, ""
}

// isStringEnum reports whether t is an enum of strings, which the generated
// package's filterStore reads in a case of its own.
func isStringEnum(t *generator.TypeRef) bool {
	return generator.IsEnum(t) && generator.Unalias(t).Named.Enum.Base == generator.RefString
}

// genFilterRead renders the runtime's table reader of the Parse functions:
// FilterRead, and FilterStore with one case per plain Go type that some
// table holds; want says what a value of that type must be.
func genFilterRead(f *jen.File, wants map[string]string) {
	if len(wants) == 0 {
		return
	}
	id := jen.Id
	f.Comment("FilterTarget is one plain one-value operand of a filter: its wire name and a")
	f.Comment("pointer to the field that holds it.")
	genTableEntryType(f, "FilterTarget", "Field")
	if wants["FilterUnixAt"] != "" {
		f.Comment("FilterUnixAt is a time field that the query fills from Unix seconds.")
		f.Type().Id("FilterUnixAt").Struct(id("At").Op("**").Qual(pkgTime, "Time"))
	}
	f.Comment("FilterRead reads every target's parameter from q, as FilterParam does: a target")
	f.Comment("stays nil when it is absent, and errs gets a FilterProblem when it is given more than")
	f.Comment("once or when store cannot parse it (FilterStore, or a function of the generated")
	f.Comment("package that knows its enums first).")
	f.Func().Id("FilterRead").Params(id("q").Qual(pkgURL, "Values"), id("errs").Op("*").Index().Id("FilterProblem"), id("store").Func().Params(jen.Any(), jen.String()).String(), id("targets").Index().Id("FilterTarget")).Block(
		jen.For(jen.List(id("_"), id("t")).Op(":=").Range().Id("targets")).Block(
			id("values").Op(":=").Id("q").Index(id("t").Dot("Name")),
			jen.If(jen.Len(id("values")).Op("==").Lit(0)).Block(jen.Continue()),
			id("name").Op(":=").Id("t").Dot("Name"),
			jen.If(jen.Len(id("values")).Op(">").Lit(1)).Block(
				appendFilterError(jen.Qual(pkgFmt, "Sprintf").Call(jen.Lit("is given %d times; give it once"), jen.Len(id("values")))),
				jen.Continue(),
			),
			jen.If(id("want").Op(":=").Id("store").Call(id("t").Dot("Field"), id("values").Index(jen.Lit(0))), id("want").Op("!=").Lit("")).Block(
				appendFilterError(badValue(id("values").Index(jen.Lit(0)))),
			),
		),
	)
	// Each case parses in place rather than through a generic parser, whose
	// instance and dictionary wrapper per type would be compiled functions.
	want := func(name string) jen.Code { return jen.Return(jen.Lit(wants[name])) }
	failed := func(name string, cond jen.Code) jen.Code { return jen.If(cond).Block(want(name)) }
	parseInt := func(name string, bits int, v jen.Code) []jen.Code {
		return []jen.Code{
			jen.List(id("n"), jen.Err()).Op(":=").Qual(pkgStrconv, "ParseInt").Call(id("s"), jen.Lit(10), jen.Lit(bits)),
			failed(name, jen.Err().Op("!=").Nil()),
			id("v").Op(":=").Add(v),
		}
	}
	callParse := func(name, helper string) []jen.Code {
		return []jen.Code{
			jen.List(id("v"), id("ok")).Op(":=").Id(helper).Call(id("s")),
			failed(name, jen.Op("!").Id("ok")),
		}
	}
	cases := []struct {
		name  string
		typ   jen.Code
		parse []jen.Code
	}{
		{"string", jen.String(), []jen.Code{id("v").Op(":=").Id("s")}},
		{"int", jen.Int(), parseInt("int", 0, jen.Int().Call(id("n")))},
		{"int32", jen.Int32(), parseInt("int32", 32, jen.Int32().Call(id("n")))},
		{"int64", jen.Int64(), parseInt("int64", 64, id("n"))},
		{"float64", jen.Float64(), []jen.Code{
			jen.List(id("v"), jen.Err()).Op(":=").Qual(pkgStrconv, "ParseFloat").Call(id("s"), jen.Lit(64)),
			failed("float64", jen.Err().Op("!=").Nil().Op("||").Qual(pkgMath, "IsNaN").Call(id("v")).Op("||").Qual(pkgMath, "IsInf").Call(id("v"), jen.Lit(0))),
		}},
		{"bool", jen.Bool(), []jen.Code{
			failed("bool", id("s").Op("!=").Lit("true").Op("&&").Id("s").Op("!=").Lit("false")),
			id("v").Op(":=").Id("s").Op("==").Lit("true"),
		}},
		{"time", jen.Qual(pkgTime, "Time"), callParse("time", "FilterParseDateTime")},
		{"FilterUnixAt", nil, callParse("FilterUnixAt", "FilterParseUnix")},
	}
	f.Comment("FilterStore parses s into the field that target points to; it returns what s")
	f.Comment("should have been when s does not parse, and \"\" when it does.")
	var plain []jen.Code
	for _, c := range cases {
		if wants[c.name] == "" {
			continue
		}
		typ, field := jen.Op("**").Add(c.typ), jen.Op("*").Id("t")
		if c.typ == nil {
			typ, field = id(c.name), jen.Op("*").Id("t").Dot("At")
		}
		plain = append(plain, jen.Case(typ).Block(append(c.parse, field.Op("=").Op("&").Id("v"))...))
	}
	f.Func().Id("FilterStore").Params(id("target").Any(), id("s").String()).String().BlockFunc(func(g *jen.Group) {
		if len(plain) > 0 { // else every table target is an enum, which the generated package stores
			g.Switch(id("t").Op(":=").Id("target").Assert(jen.Type())).Block(plain...)
		}
		g.Return(jen.Lit(""))
	})
}

// genFilterStoreEnums renders filterStore, which stores the table targets
// that are enums of strings, types of the spec, and leaves the others to the
// runtime's FilterStore. A case per enum, not a generic parser per enum: no
// instance to compile.
func genFilterStoreEnums(f *jen.File, u filterUses) {
	if len(u.readEnums) == 0 {
		return
	}
	id := jen.Id
	f.Comment("filterStore parses s into the enum field that target points to, as the")
	f.Comment("runtime's FilterStore does for the other types: it returns what s should have")
	f.Comment("been when s is not a value the spec lists, and \"\" when it is.")
	f.Func().Id("filterStore").Params(id("target").Any(), id("s").String()).String().Block(
		jen.Switch(id("t").Op(":=").Id("target").Assert(jen.Type())).BlockFunc(func(g *jen.Group) {
			for _, t := range u.readEnums {
				g.Case(jen.Op("**").Add(typeRef(t))).Block(
					id("v").Op(":=").Add(typeRef(t)).Call(id("s")),
					jen.If(jen.Op("!").Id("v").Dot("Valid").Call()).Block(jen.Return(jen.Lit(u.read[goTypeString(t)]))),
					jen.Op("*").Id("t").Op("=").Op("&").Id("v"),
					jen.Return(jen.Lit("")),
				)
			}
		}),
		jen.Return(rt("FilterStore").Call(id("target"), id("s"))),
	)
}

// parseHelper names the runtime function that parses one value of a kind.
func parseHelper(kind generator.FilterValue) string {
	switch kind {
	case generator.FilterValueInt:
		return "FilterParseInt"
	case generator.FilterValueFloat:
		return "FilterParseFloat"
	case generator.FilterValueBool:
		return "FilterParseBool"
	case generator.FilterValueUnix:
		return "FilterParseUnix"
	case generator.FilterValueDateTime:
		return "FilterParseDateTime"
	default:
		return "FilterParseString"
	}
}

// parserOf is the parse function of one value of an operand; enums also
// check that the value is one the spec lists, and bounds that it is within them.
func parserOf(o *generator.FilterOp) jen.Code {
	t := elemType(o)
	p := rt(parseHelper(o.Kind))
	if o.Kind != generator.FilterValueUnix && o.Kind != generator.FilterValueDateTime {
		p = p.Types(typeRef(t))
	}
	if generator.IsEnum(t) {
		p = rt("FilterWhere").Call(p, typeRef(t).Dot("Valid"))
	}
	if cond, _ := boundsCheck(o); cond != nil {
		p = rt("FilterWhere").Call(p, jen.Func().Params(jen.Id("v").Add(typeRef(t))).Bool().Block(jen.Return(cond)))
	}
	return p
}

// wantOf says what a value must be, for the problem of a FilterError.
func wantOf(o *generator.FilterOp) string {
	want := kindWant(o)
	if _, texts := boundsCheck(o); len(texts) > 0 {
		want += ", " + strings.Join(texts, " and ")
	}
	return want
}

// kindWant says what a value of the operand's type must be.
func kindWant(o *generator.FilterOp) string {
	t := elemType(o)
	if generator.IsEnum(t) {
		values := generator.Unalias(t).Named.Enum.Values
		texts := make([]string, len(values))
		for i, v := range values {
			texts[i] = fmt.Sprint(v.Value)
		}
		return "one of " + strings.Join(texts, ", ")
	}
	switch o.Kind {
	case generator.FilterValueInt:
		if baseKind(t) == generator.RefInt32 {
			return "an integer that fits in 32 bits"
		}
		return "an integer"
	case generator.FilterValueFloat:
		return "a finite number"
	case generator.FilterValueBool:
		return "true or false"
	case generator.FilterValueUnix:
		return "a Unix time in seconds, such as 1715734941"
	case generator.FilterValueDateTime:
		return "an RFC 3339 date-time, such as 2024-05-15T01:22:21Z"
	default:
		return "a string"
	}
}

// boundsCheck is the condition that a parsed value v is within the spec's
// bounds, and the texts that say them; nil when the value has no bounds.
func boundsCheck(o *generator.FilterOp) (*jen.Statement, []string) {
	c := o.Bounds
	t := elemType(o)
	var conds []jen.Code
	var texts []string
	add := func(subject *jen.Statement, op string, bound float64, text string) {
		conds = append(conds, subject.Op(op).Op(strconv.FormatFloat(bound, 'f', -1, 64)))
		texts = append(texts, text+" "+strconv.FormatFloat(bound, 'f', -1, 64))
	}
	switch o.Kind {
	case generator.FilterValueInt, generator.FilterValueFloat, generator.FilterValueUnix:
		subject := func(bound float64) *jen.Statement {
			v := jen.Id("v")
			if o.Kind == generator.FilterValueUnix {
				v = jen.Id("v").Dot("Unix").Call()
			}
			if o.Kind != generator.FilterValueFloat && bound != math.Trunc(bound) {
				return jen.Float64().Call(v)
			}
			return v
		}
		if m := c.Minimum; m != nil {
			op, text := ">=", "at least"
			if c.ExclusiveMinimum {
				op, text = ">", "greater than"
			}
			add(subject(*m), op, *m, text)
		}
		if m := c.Maximum; m != nil {
			op, text := "<=", "at most"
			if c.ExclusiveMaximum {
				op, text = "<", "less than"
			}
			add(subject(*m), op, *m, text)
		}
	case generator.FilterValueString:
		length := func() *jen.Statement {
			v := jen.Id("v")
			if t.Kind == generator.RefNamed {
				v = jen.String().Call(v)
			}
			return jen.Qual("unicode/utf8", "RuneCountInString").Call(v)
		}
		if c.MinLength > 0 {
			add(length(), ">=", float64(c.MinLength), "at least")
			texts[len(texts)-1] += " characters long"
		}
		if c.MaxLength != nil {
			add(length(), "<=", float64(*c.MaxLength), "at most")
			texts[len(texts)-1] += " characters long"
		}
	}
	if len(conds) == 0 {
		return nil, nil
	}
	return joinOp(conds, "&&", func(c jen.Code) jen.Code { return c }), texts
}

// genFilterQueryHelpers renders the runtime's helpers that AppendQuery and
// the Parse functions call: one generic reader per shape and one parser per kind.
func genFilterQueryHelpers(f *jen.File, u filterUses) {
	parse := jen.Id("parse").Func().Params(jen.String()).Params(jen.Id("T"), jen.Bool())
	if u.single {
		genFilterParam(f, parse.Clone())
	}
	genFilterRead(f, u.read)
	if u.set {
		genFilterSet(f)
	}
	genFilterAppend(f, u.table)
	if u.list {
		genFilterList(f, parse.Clone())
		genFilterSetList(f)
	}
	genFilterQuote(f)
	if u.where {
		f.Comment("FilterWhere wraps a parser so that it also rejects the values that fail ok: enum")
		f.Comment("values the spec does not list, values outside its bounds.")
		f.Func().Id("FilterWhere").Types(jen.Id("T").Any()).
			Params(parse.Clone(), jen.Id("ok").Func().Params(jen.Id("T")).Bool()).
			Func().Params(jen.String()).Params(jen.Id("T"), jen.Bool()).Block(
			jen.Return(jen.Func().Params(jen.Id("s").String()).Params(jen.Id("T"), jen.Bool()).Block(
				jen.List(jen.Id("v"), jen.Id("parsed")).Op(":=").Id("parse").Call(jen.Id("s")),
				jen.Return(jen.Id("v"), jen.Id("parsed").Op("&&").Id("ok").Call(jen.Id("v"))),
			)),
		)
	}
	genFilterFormatters(f, u.format)
	for _, name := range []string{"FilterParseString", "FilterParseInt", "FilterParseFloat", "FilterParseBool", "FilterParseUnix", "FilterParseDateTime"} {
		if u.parse[name] {
			filterParsers[name](f)
		}
	}
}

// genFilterParam renders the reader of a one-value parameter.
func genFilterParam(f *jen.File, parse *jen.Statement) {
	f.Comment("FilterParam reads a one-value filter parameter: nil when it is absent, and a")
	f.Comment("FilterProblem in errs when it is given more than once or does not parse.")
	f.Func().Id("FilterParam").Types(jen.Id("T").Any()).Params(
		jen.Id("q").Qual(pkgURL, "Values"), jen.Id("name").String(), parse, jen.Id("want").String(), jen.Id("errs").Op("*").Index().Id("FilterProblem"),
	).Op("*").Id("T").Block(
		jen.Id("values").Op(":=").Id("q").Index(jen.Id("name")),
		jen.If(jen.Len(jen.Id("values")).Op("==").Lit(0)).Block(jen.Return(jen.Nil())),
		jen.If(jen.Len(jen.Id("values")).Op(">").Lit(1)).Block(
			appendFilterError(jen.Qual(pkgFmt, "Sprintf").Call(jen.Lit("is given %d times; give it once"), jen.Len(jen.Id("values")))),
			jen.Return(jen.Nil()),
		),
		jen.List(jen.Id("v"), jen.Id("ok")).Op(":=").Id("parse").Call(jen.Id("values").Index(jen.Lit(0))),
		jen.If(jen.Op("!").Id("ok")).Block(
			appendFilterError(badValue(jen.Id("values").Index(jen.Lit(0)))),
			jen.Return(jen.Nil()),
		),
		jen.Return(jen.Op("&").Id("v")),
	)
}

// appendFilterError adds a FilterProblem for the parameter `name` to errs.
func appendFilterError(problem jen.Code) *jen.Statement {
	return jen.Op("*").Id("errs").Op("=").Append(jen.Op("*").Id("errs"), rt("FilterProblem").Values(jen.Dict{
		jen.Id("Param"):   jen.Id("name"),
		jen.Id("Problem"): problem,
	}))
}

// badValue is the problem of a value s that does not parse.
func badValue(s *jen.Statement) *jen.Statement {
	return rt("FilterQuote").Call(s).Op("+").Lit(" is not ").Op("+").Id("want")
}

// genFilterList renders the reader of a list parameter.
func genFilterList(f *jen.File, parse *jen.Statement) {
	f.Comment("FilterList reads a list filter parameter, repeated (sep is \"\") or joined by sep:")
	f.Comment("nil when it is absent, empty for one empty value, and a FilterProblem in errs")
	f.Comment("when a value does not parse.")
	f.Func().Id("FilterList").Types(jen.Id("T").Any()).Params(
		jen.Id("q").Qual(pkgURL, "Values"), jen.List(jen.Id("name"), jen.Id("sep")).String(), parse, jen.Id("want").String(), jen.Id("errs").Op("*").Index().Id("FilterProblem"),
	).Index().Id("T").Block(
		jen.Id("values").Op(":=").Id("q").Index(jen.Id("name")),
		jen.If(jen.Len(jen.Id("values")).Op("==").Lit(0)).Block(jen.Return(jen.Nil())),
		jen.If(jen.Id("sep").Op("!=").Lit("").Op("&&").Len(jen.Id("values")).Op(">").Lit(1)).Block(
			appendFilterError(jen.Qual(pkgFmt, "Sprintf").Call(jen.Lit("is given %d times; give it once, values joined by %q"), jen.Len(jen.Id("values")), jen.Id("sep"))),
			jen.Return(jen.Nil()),
		),
		jen.If(jen.Len(jen.Id("values")).Op("==").Lit(1).Op("&&").Id("values").Index(jen.Lit(0)).Op("==").Lit("")).Block(
			jen.Return(jen.Index().Id("T").Values()),
		),
		jen.If(jen.Id("sep").Op("!=").Lit("")).Block(
			jen.Id("values").Op("=").Qual(pkgStrings, "Split").Call(jen.Id("values").Index(jen.Lit(0)), jen.Id("sep")),
		),
		jen.Id("out").Op(":=").Make(jen.Index().Id("T"), jen.Lit(0), jen.Len(jen.Id("values"))),
		jen.For(jen.List(jen.Id("_"), jen.Id("s")).Op(":=").Range().Id("values")).Block(
			jen.List(jen.Id("v"), jen.Id("ok")).Op(":=").Id("parse").Call(jen.Id("s")),
			jen.If(jen.Op("!").Id("ok")).Block(
				appendFilterError(badValue(jen.Id("s"))),
				jen.Return(jen.Nil()),
			),
			jen.Id("out").Op("=").Append(jen.Id("out"), jen.Id("v")),
		),
		jen.Return(jen.Id("out")),
	)
}

// genFilterSet renders the writer of a one-value parameter, the inverse of FilterParam.
func genFilterSet(f *jen.File) {
	f.Comment("FilterSet writes a one-value filter parameter when v is set.")
	f.Func().Id("FilterSet").Types(jen.Id("T").Any()).Params(
		jen.Id("q").Qual(pkgURL, "Values"), jen.Id("name").String(), jen.Id("v").Op("*").Id("T"), jen.Id("format").Func().Params(jen.Id("T")).String(),
	).Block(
		jen.If(jen.Id("v").Op("!=").Nil()).Block(jen.Id("q").Dot("Set").Call(jen.Id("name"), jen.Id("format").Call(jen.Op("*").Id("v")))),
	)
}

// genFilterSetList renders the writer of a list parameter, the inverse of FilterList.
func genFilterSetList(f *jen.File) {
	f.Comment("FilterSetList writes a list filter parameter, repeated (sep is \"\") or joined by")
	f.Comment("sep; an empty list is one empty value, a nil one is left out.")
	f.Func().Id("FilterSetList").Types(jen.Id("T").Any()).Params(
		jen.Id("q").Qual(pkgURL, "Values"), jen.List(jen.Id("name"), jen.Id("sep")).String(), jen.Id("values").Index().Id("T"), jen.Id("format").Func().Params(jen.Id("T")).String(),
	).Block(
		jen.If(jen.Id("values").Op("==").Nil()).Block(jen.Return()),
		jen.Id("texts").Op(":=").Make(jen.Index().String(), jen.Len(jen.Id("values"))),
		jen.For(jen.List(jen.Id("i"), jen.Id("v")).Op(":=").Range().Id("values")).Block(
			jen.Id("texts").Index(jen.Id("i")).Op("=").Id("format").Call(jen.Id("v")),
		),
		jen.Switch().Block(
			jen.Case(jen.Len(jen.Id("texts")).Op("==").Lit(0)).Block(jen.Id("q").Dot("Set").Call(jen.Id("name"), jen.Lit(""))),
			jen.Case(jen.Id("sep").Op("==").Lit("")).Block(jen.Id("q").Index(jen.Id("name")).Op("=").Id("texts")),
			jen.Default().Block(jen.Id("q").Dot("Set").Call(jen.Id("name"), jen.Qual(pkgStrings, "Join").Call(jen.Id("texts"), jen.Id("sep")))),
		),
	)
}

// genFilterQuote renders the quoting of a bad value in a problem, cut short
// so that a huge query does not make a huge error body.
func genFilterQuote(f *jen.File) {
	const limit = 64
	f.Commentf("FilterQuote quotes a value for a FilterError, cut after %d bytes.", limit)
	f.Func().Id("FilterQuote").Params(jen.Id("s").String()).String().Block(
		jen.If(jen.Len(jen.Id("s")).Op("<=").Lit(limit)).Block(jen.Return(jen.Qual(pkgStrconv, "Quote").Call(jen.Id("s")))),
		jen.Id("cut").Op(":=").Lit(limit),
		jen.For(jen.Id("cut").Op(">").Lit(0).Op("&&").Op("!").Qual("unicode/utf8", "RuneStart").Call(jen.Id("s").Index(jen.Id("cut")))).Block(jen.Id("cut").Op("--")),
		jen.Return(jen.Qual(pkgStrconv, "Quote").Call(jen.Id("s").Index(jen.Empty(), jen.Id("cut"))).Op("+").Lit("...")),
	)
}

// filterParsers render the parser of one value of each kind.
var filterParsers = map[string]func(*jen.File){
	"FilterParseString": func(f *jen.File) {
		f.Comment("FilterParseString takes any text, as a string or a string-based type.")
		f.Func().Id("FilterParseString").Types(jen.Id("S").Op("~").String()).Params(jen.Id("s").String()).Params(jen.Id("S"), jen.Bool()).Block(
			jen.Return(jen.Id("S").Call(jen.Id("s")), jen.True()),
		)
	},
	"FilterParseInt": func(f *jen.File) {
		f.Comment("FilterParseInt parses a base-10 integer that fits in N.")
		f.Func().Id("FilterParseInt").Types(jen.Id("N").Union(jen.Op("~").Int(), jen.Op("~").Int32(), jen.Op("~").Int64())).Params(jen.Id("s").String()).Params(jen.Id("N"), jen.Bool()).Block(
			jen.List(jen.Id("n"), jen.Err()).Op(":=").Qual(pkgStrconv, "ParseInt").Call(jen.Id("s"), jen.Lit(10), jen.Lit(64)),
			jen.If(jen.Err().Op("!=").Nil().Op("||").Int64().Call(jen.Id("N").Call(jen.Id("n"))).Op("!=").Id("n")).Block(jen.Return(jen.Lit(0), jen.False())),
			jen.Return(jen.Id("N").Call(jen.Id("n")), jen.True()),
		)
	},
	"FilterParseFloat": func(f *jen.File) {
		f.Comment("FilterParseFloat parses a finite number; NaN and infinities compare with nothing.")
		f.Func().Id("FilterParseFloat").Types(jen.Id("F").Union(jen.Op("~").Float32(), jen.Op("~").Float64())).Params(jen.Id("s").String()).Params(jen.Id("F"), jen.Bool()).Block(
			jen.List(jen.Id("x"), jen.Err()).Op(":=").Qual(pkgStrconv, "ParseFloat").Call(jen.Id("s"), jen.Lit(64)),
			jen.Id("v").Op(":=").Id("F").Call(jen.Id("x")),
			jen.If(jen.Err().Op("!=").Nil().Op("||").Qual("math", "IsNaN").Call(jen.Float64().Call(jen.Id("v"))).Op("||").Qual("math", "IsInf").Call(jen.Float64().Call(jen.Id("v")), jen.Lit(0))).Block(jen.Return(jen.Lit(0), jen.False())),
			jen.Return(jen.Id("v"), jen.True()),
		)
	},
	"FilterParseBool": func(f *jen.File) {
		f.Comment("FilterParseBool takes exactly \"true\" or \"false\", as the API writes booleans.")
		f.Func().Id("FilterParseBool").Types(jen.Id("B").Op("~").Bool()).Params(jen.Id("s").String()).Params(jen.Id("B"), jen.Bool()).Block(
			jen.Return(jen.Id("B").Call(jen.Id("s").Op("==").Lit("true")), jen.Id("s").Op("==").Lit("true").Op("||").Id("s").Op("==").Lit("false")),
		)
	},
	"FilterParseUnix": func(f *jen.File) {
		f.Comment("FilterParseUnix parses Unix seconds into a UTC time.")
		f.Func().Id("FilterParseUnix").Params(jen.Id("s").String()).Params(jen.Qual(pkgTime, "Time"), jen.Bool()).Block(
			jen.List(jen.Id("n"), jen.Err()).Op(":=").Qual(pkgStrconv, "ParseInt").Call(jen.Id("s"), jen.Lit(10), jen.Lit(64)),
			jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Qual(pkgTime, "Time").Values(), jen.False())),
			jen.Return(jen.Qual(pkgTime, "Unix").Call(jen.Id("n"), jen.Lit(0)).Dot("UTC").Call(), jen.True()),
		)
	},
	"FilterParseDateTime": func(f *jen.File) {
		f.Comment("FilterParseDateTime parses an RFC 3339 date-time.")
		f.Func().Id("FilterParseDateTime").Params(jen.Id("s").String()).Params(jen.Qual(pkgTime, "Time"), jen.Bool()).Block(
			jen.List(jen.Id("t"), jen.Err()).Op(":=").Qual(pkgTime, "Parse").Call(jen.Qual(pkgTime, "RFC3339Nano"), jen.Id("s")),
			jen.Return(jen.Id("t"), jen.Err().Op("==").Nil()),
		)
	},
}
