package templates

import (
	"fmt"
	"slices"
	"strings"

	"github.com/dave/jennifer/jen"
	"github.com/seed-0d47db62/livegen/generator"
)

// Filters renders filters.gen.go: per list operation with bracket filters a
// typed filter with setters, query encoding, parsing and in-memory matching;
// nil when no operation has filters, so that no file is written. The
// machinery that every filter shares is in the runtime (FiltersRuntime).
func Filters(api *generator.API) ([]byte, error) {
	ops := filteredOps(api)
	if len(ops) == 0 {
		return nil, nil
	}
	f := newFile(api)
	genFilterError(f)
	for _, op := range ops {
		flt := op.Filter
		genFilterType(f, op)
		genFilterSetters(f, flt)
		genFilterIsZero(f, flt)
		genFilterAppendQuery(f, flt)
		genFilterParse(f, op)
		genFilterMatch(f, flt)
	}
	genFilterStoreEnums(f, filterUsesOf(ops))
	return render(f)
}

// FiltersRuntime renders the runtime's filters.gen.go: FilterProblem, the
// query tables' readers and writers, the value parsers and formatters, and
// the string tests of Match, each only when some filter uses it.
func FiltersRuntime(api *generator.API) ([]byte, error) {
	ops := filteredOps(api)
	if len(ops) == 0 {
		return nil, nil
	}
	t := newRuntimeText(api)
	t.add(filterProblemPiece.fixed())
	uses := filterUsesOf(ops)
	// The helpers follow the spec's operand types, too many to list.
	t.add(livePiece(func(f *jen.File) {
		genFilterNews(f, uses.news)
		genFilterQueryHelpers(f, uses)
		genFilterMatchHelpers(f, uses)
	}))
	return t.bytes()
}

// filterProblemPiece is FilterProblem and its reporting, which every
// filtering API has.
var filterProblemPiece = newFixedPiece("filterProblem", genFilterProblem)

// filteredOps are the operations with bracket filters.
func filteredOps(api *generator.API) []*generator.Operation {
	var ops []*generator.Operation
	for _, op := range api.Operations {
		if op.Filter != nil {
			ops = append(ops, op)
		}
	}
	return ops
}

// genFilterError renders the one error type that every Parse function
// reports, and filterErrors, which converts the runtime's problems to it.
// FilterError is a type of the generated package, not an alias of the
// runtime's: an alias would make vet's composites check flag users'
// unkeyed FilterError literals as literals of another package's type.
func genFilterError(f *jen.File) {
	f.Comment("FilterError names a bracket filter parameter whose value cannot be used, so that")
	f.Comment("a server can answer 400 naming the parameter and what it expects.")
	f.Type().Id("FilterError").Struct(
		jen.Comment("Param is the parameter's wire name, such as \"startDate[gte]\".").Line().Id("Param").String(),
		jen.Comment("Problem says what is wrong with the value and what is expected.").Line().Id("Problem").String(),
	)
	f.Comment("Error makes a FilterError usable as an error: \"startDate[gte]: ...\".")
	f.Func().Params(jen.Id("e").Id("FilterError")).Id("Error").Params().String().Block(
		jen.Return(jen.Id("e").Dot("Param").Op("+").Lit(": ").Op("+").Id("e").Dot("Problem")),
	)
	f.Comment("filterErrors converts the problems that the runtime's readers report; nil for none.")
	f.Func().Id("filterErrors").Params(jen.Id("problems").Index().Add(rt("FilterProblem"))).Index().Id("FilterError").Block(
		jen.If(jen.Id("problems").Op("==").Nil()).Block(jen.Return(jen.Nil())),
		jen.Id("errs").Op(":=").Make(jen.Index().Id("FilterError"), jen.Len(jen.Id("problems"))),
		jen.For(jen.List(jen.Id("i"), jen.Id("p")).Op(":=").Range().Id("problems")).Block(
			jen.Id("errs").Index(jen.Id("i")).Op("=").Id("FilterError").Call(jen.Id("p")),
		),
		jen.Return(jen.Id("errs")),
	)
}

// genFilterProblem renders what the runtime's readers report: a FilterError
// of the generated package, which converts it.
func genFilterProblem(f *jen.File) {
	f.Comment("FilterProblem is a bracket filter parameter whose value cannot be used: the")
	f.Comment("generated package's FilterError, which the readers cannot name.")
	f.Type().Id("FilterProblem").Struct(jen.List(jen.Id("Param"), jen.Id("Problem")).String())
}

// genFilterType renders the filter struct: one anonymous struct per filtered
// field, holding one optional operand per operator that the spec allows.
func genFilterType(f *jen.File, op *generator.Operation) {
	flt := op.Filter
	f.Add(filterTypeDoc(op).Type().Id(flt.TypeName).StructFunc(func(g *jen.Group) {
		for _, prop := range flt.Props {
			tail := sharedDocTail(prop)
			g.Add(doc(propDoc(prop, tail))).Id(prop.GoName).StructFunc(func(sg *jen.Group) {
				for _, o := range prop.Ops {
					sg.Add(doc(opDoc(o, tail))).Id(o.GoName).Add(operandType(o))
				}
			})
		}
	}))
}

// filterTypeDoc explains the filter type, how to build it (with a code
// example, which doc would indent wrongly) and what Match ignores.
func filterTypeDoc(op *generator.Operation) *jen.Statement {
	flt := op.Filter
	intro := fmt.Sprintf("%s holds the bracket filter parameters of %s (field[op], such as %s): one field per filtered property, with one operand per operator that the spec allows. The zero value filters nothing; every set condition must hold.\n\nSet conditions with the chained setters, which return a copy:", flt.TypeName, op.Name, flt.Ops[0].Param.Name)
	example := fmt.Sprintf("//\tf := %s{}%s", flt.TypeName, exampleSetters(flt))
	var b strings.Builder
	fmt.Fprintf(&b, "The client sends it with %s, a server reads it with %s", generator.FilterAppendQuery, flt.ParseFunc)
	if flt.Item == nil {
		b.WriteString(". There is no Match method: the operation's answer lists no struct items.")
	} else {
		fmt.Fprintf(&b, ", and %s applies it to a %s in memory.", generator.FilterMatchMethod, goTypeString(flt.Item))
	}
	if len(flt.Ignored) > 0 {
		b.WriteString("\n\nMatch ignores these parameters (they always hold), because:\n")
		for _, o := range flt.Ignored {
			fmt.Fprintf(&b, "  - %s: %s\n", o.Param.Name, o.Ignored)
		}
	}
	return doc(intro).Comment("//").Line().Comment(example).Line().Comment("//").Line().Add(doc(b.String()))
}

// exampleSetters chains one setter for each of the first two fields.
func exampleSetters(flt *generator.Filter) string {
	var b strings.Builder
	for i, prop := range flt.Props {
		if i == 2 {
			break
		}
		o := prop.Ops[0]
		fmt.Fprintf(&b, ".%s(%s)", o.Setter, exampleArg(o))
	}
	return b.String()
}

// exampleArg is a plausible Go argument for a setter, for documentation.
func exampleArg(o *generator.FilterOp) string {
	t := elemType(o)
	if t.Kind == generator.RefNamed && t.Named.Kind == generator.KindEnum && len(t.Named.Enum.Values) > 0 {
		return t.Named.Enum.Values[0].Name
	}
	switch o.Kind {
	case generator.FilterValueInt:
		return "10"
	case generator.FilterValueFloat:
		return "1.5"
	case generator.FilterValueBool:
		return "true"
	case generator.FilterValueUnix, generator.FilterValueDateTime:
		return "time.Unix(1715734941, 0)"
	default:
		return `"text"`
	}
}

// propDoc documents a filtered field, the property Match compares it with,
// and the spec text that all its operators share.
func propDoc(prop *generator.FilterProp, tail string) string {
	text := fmt.Sprintf("%s holds the conditions on %s", prop.GoName, prop.Name)
	var paths []string
	for _, o := range prop.Ops {
		if o.Match != nil && o.Match.ItemPath != prop.Name && !slices.Contains(paths, o.Match.ItemPath) {
			paths = append(paths, o.Match.ItemPath)
		}
	}
	if len(paths) > 0 {
		text += ", which Match compares with the item's " + strings.Join(paths, " and ")
	}
	if tail != "" {
		return text + ". The spec says of each operator: " + tail
	}
	return text + "."
}

// opDoc documents one operand with its wire name and the spec's description,
// less the tail that the field's comment says.
func opDoc(o *generator.FilterOp, tail string) string {
	text := o.GoName + " is " + o.Param.Name
	switch o.Kind {
	case generator.FilterValueUnix:
		text += " (sent as Unix seconds)"
	case generator.FilterValueDateTime:
		text += " (sent as RFC 3339)"
	}
	if o.List {
		text += "; nil leaves it unset, an empty list matches nothing"
	}
	if d := docWithout(o.Param.Doc, tail); d != "" {
		text += ": " + d
	}
	return text
}

// genFilterSetters renders one chained setter per operator.
func genFilterSetters(f *jen.File, flt *generator.Filter) {
	for _, o := range flt.Ops {
		field := jen.Id("f").Dot(o.Prop.GoName).Dot(o.GoName)
		if o.List {
			f.Commentf("%s returns a copy of f that also requires %s with the given values.", o.Setter, o.Param.Name)
			f.Func().Params(jen.Id("f").Id(flt.TypeName)).Id(o.Setter).Params(jen.Id("values").Op("...").Add(typeRef(elemType(o)))).Id(flt.TypeName).Block(
				field.Op("=").Append(typeRef(o.Value).Values(), jen.Id("values").Op("...")),
				jen.Return(jen.Id("f")),
			)
			continue
		}
		f.Commentf("%s returns a copy of f that also requires %s.", o.Setter, o.Param.Name)
		f.Func().Params(jen.Id("f").Id(flt.TypeName)).Id(o.Setter).Params(jen.Id("v").Add(typeRef(o.Value))).Id(flt.TypeName).Block(
			field.Op("=").Add(operandOf(o)),
			jen.Return(jen.Id("f")),
		)
	}
}

// operandOf is a pointer to a copy of a setter's v: from the runtime's
// FilterNew<type> for a string, number, bool or time (converted for an
// enum of those), else &v. The call keeps the allocation out of every
// setter and out of the pointer wrapper the compiler writes for each.
func operandOf(o *generator.FilterOp) jen.Code {
	v := jen.Id("v")
	switch name := operandKind(o.Value); {
	case name == "":
		return jen.Op("&").Add(v)
	case o.Value.Kind == generator.RefNamed:
		base := typeRef(&generator.TypeRef{Kind: o.Value.Named.Enum.Base})
		return jen.Parens(jen.Op("*").Add(typeRef(o.Value))).Call(rt(filterNew(name)).Call(base.Call(v)))
	default:
		return rt(filterNew(name)).Call(v)
	}
}

// operandKind names the Go type that a runtime FilterNew<type> copies for a
// one-value operand of type t ("time", or a plainKindNames value); "" when
// there is none.
func operandKind(t *generator.TypeRef) string {
	switch {
	case t.Kind == generator.RefTime:
		return "time"
	case t.Kind != generator.RefNamed:
		return plainKindNames[t.Kind]
	case t.Named.Kind == generator.KindEnum:
		return plainKindNames[t.Named.Enum.Base]
	}
	return ""
}

// filterNew names the runtime function that copies a value of a kind.
func filterNew(kind string) string {
	return "FilterNew" + strings.ToUpper(kind[:1]) + kind[1:]
}

// operandKinds lists the kinds of FilterNew<type>, in the runtime's order.
var operandKinds = []string{"string", "int", "int32", "int64", "float64", "bool", "time"}

// genFilterNews renders the runtime's FilterNew<type> that the setters call.
func genFilterNews(f *jen.File, used map[string]bool) {
	for _, kind := range operandKinds {
		if !used[kind] {
			continue
		}
		t := jen.Id(kind)
		if kind == "time" {
			t = jen.Qual(pkgTime, "Time")
		}
		f.Commentf("%s returns a pointer to a copy of v, for the setters of filters: out of", filterNew(kind))
		f.Comment("line, so that a setter and its pointer wrapper stay a call.")
		f.Comment(noInline)
		f.Func().Id(filterNew(kind)).Params(jen.Id("v").Add(t)).Op("*").Add(t.Clone()).Block(jen.Return(jen.Op("&").Id("v")))
	}
}

// genFilterIsZero renders IsZero, true when no condition is set.
func genFilterIsZero(f *jen.File, flt *generator.Filter) {
	f.Commentf("%s reports whether no condition is set, so that the filter selects every item.", generator.FilterIsZero)
	zero := jen.Id("f").Op("==").Id(flt.TypeName).Values()
	if hasListOp(flt) {
		zero = andLines(flt.Ops, func(o *generator.FilterOp) jen.Code {
			return jen.Id("f").Dot(o.Prop.GoName).Dot(o.GoName).Op("==").Nil()
		})
	}
	f.Func().Params(jen.Id("f").Id(flt.TypeName)).Id(generator.FilterIsZero).Params().Bool().Block(jen.Return(zero))
}

// hasListOp reports whether a filter has a list operand, whose slice makes
// the filter incomparable; without one, IsZero compares with the zero value
// in one memory comparison.
func hasListOp(flt *generator.Filter) bool {
	for _, o := range flt.Ops {
		if o.List {
			return true
		}
	}
	return false
}

// andLines joins conditions with &&, one per line.
func andLines[T any](items []T, cond func(T) jen.Code) *jen.Statement {
	return joinLines(items, "&&", cond)
}

// joinLines joins conditions with a binary operator, one per line.
func joinLines[T any](items []T, op string, cond func(T) jen.Code) *jen.Statement {
	s := jen.Null()
	for i, it := range items {
		if i > 0 {
			s.Op(op).Line()
		}
		s.Add(cond(it))
	}
	return s
}

// elemType is the Go type of one value of an operand.
func elemType(o *generator.FilterOp) *generator.TypeRef {
	if o.List {
		return o.Value.Elem
	}
	return o.Value
}

// operandType is the Go type of an operand field: a pointer to one value
// (nil: unset), or a slice for list operators.
func operandType(o *generator.FilterOp) *jen.Statement {
	if o.List {
		return typeRef(o.Value)
	}
	return jen.Op("*").Add(typeRef(o.Value))
}

// goTypeString is the Go spelling of a type for documentation.
func goTypeString(t *generator.TypeRef) string {
	return fmt.Sprintf("%#v", typeRef(t))
}

// filterUses records which helpers the generated filters call.
type filterUses struct {
	single, list, set     bool
	news                  map[string]bool   // kinds of the setters' FilterNew<type>
	parse                 map[string]bool   // parse helper names
	format                map[string]bool   // format helper names
	table                 map[string]bool   // Go types in AppendQuery tables
	read                  map[string]string // Go types in Parse tables: what a value must be
	readEnums             []*generator.TypeRef
	where                 bool
	contains, prefix, suf bool
}

func filterUsesOf(ops []*generator.Operation) filterUses {
	u := filterUses{news: map[string]bool{}, parse: map[string]bool{}, format: map[string]bool{}, table: map[string]bool{}, read: map[string]string{}}
	for _, op := range ops {
		for _, o := range op.Filter.Ops {
			if !o.List {
				u.news[operandKind(o.Value)] = true
			}
			target, typ := tableTarget(o)
			if typ != "" && isStringEnum(o.Value) && u.read[typ] == "" {
				u.readEnums = append(u.readEnums, o.Value)
			}
			if typ != "" {
				u.read[typ] = kindWant(o)
			} else if o.List {
				u.list = true
			} else {
				u.single = true
			}
			if target == nil || o.Kind == generator.FilterValueUnix || o.Kind == generator.FilterValueDateTime {
				u.parse[parseHelper(o.Kind)] = true
			}
			if v, typ := tableOperand(o); v != nil {
				u.table[typ] = true
			} else {
				u.format[formatHelper(o)] = true
				u.set = u.set || !o.List
			}
			if cond, _ := boundsCheck(o); target == nil && (cond != nil || generator.IsEnum(elemType(o))) {
				u.where = true
			}
			if o.Match == nil {
				continue
			}
			switch o.Match.Op {
			case generator.MatchContains:
				u.contains, u.prefix = true, true
			case generator.MatchStartsWith:
				u.prefix = true
			case generator.MatchEndsWith:
				u.suf = true
			}
		}
	}
	return u
}

// baseKind is the kind of a type's underlying Go type (an enum's base).
func baseKind(t *generator.TypeRef) generator.RefKind {
	t = generator.Unalias(t)
	if generator.IsEnum(t) {
		return t.Named.Enum.Base
	}
	return t.Kind
}
