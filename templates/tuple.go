package templates

import (
	"strconv"

	"github.com/dave/jennifer/jen"
	"github.com/seed-0d47db62/livegen/generator"
)

// A tuple type (generator.KindTuple) is a struct whose JSON is an array:
// its methods are two thin calls into helpers emitted once per package.

// usesTuples reports whether any type is a tuple.
func usesTuples(api *generator.API) bool {
	for _, t := range api.Types {
		if t.Kind == generator.KindTuple {
			return true
		}
	}
	return false
}

// genTuple renders a tuple's struct and its JSON methods.
func genTuple(f *jen.File, d *jen.Statement, t *generator.Type) {
	genStruct(f, d, t)
	tp := t.Tuple
	positions := t.Fields[:tp.Positions]
	f.Comment("MarshalJSON writes the positions as a JSON array, leaving out absent trailing")
	f.Comment("positions, then the items of Rest.")
	f.Func().Params(jen.Id("v").Id(t.Name)).Id("MarshalJSON").Params().Params(jen.Index().Byte(), jen.Error()).BlockFunc(func(g *jen.Group) {
		items := jen.Index().Any().ValuesFunc(func(g *jen.Group) {
			for _, fl := range positions {
				g.Id("v").Dot(fl.Name)
			}
		})
		if tp.Required < tp.Positions || tp.Rest != nil {
			full := jen.False()
			if tp.Rest != nil {
				full = jen.Len(jen.Id("v").Dot(tp.Rest.Name)).Op(">").Lit(0)
			}
			args := []jen.Code{jen.Lit(tp.Required), full}
			for _, fl := range positions[tp.Required:] {
				args = append(args, tuplePresent(fl))
			}
			items = items.Index(jen.Empty(), rt("TupleLen").Call(args...))
		}
		if tp.Rest == nil {
			g.Return(jen.Qual(pkgJSON, "Marshal").Call(items))
			return
		}
		g.Return(jen.Qual(pkgJSON, "Marshal").Call(rt("AppendTupleRest").Call(items, jen.Id("v").Dot(tp.Rest.Name))))
	})
	f.Comment("UnmarshalJSON reads a JSON array into the positions, in order" + tupleBounds(tp) + ".")
	f.Func().Params(jen.Id("v").Op("*").Id(t.Name)).Id("UnmarshalJSON").Params(jen.Id("data").Index().Byte()).Error().BlockFunc(func(g *jen.Group) {
		g.Op("*").Id("v").Op("=").Id(t.Name).Values()
		rest := jen.Nil()
		if tp.Rest != nil {
			rest = jen.Op("&").Id("v").Dot(tp.Rest.Name)
		}
		args := []jen.Code{jen.Id("data"), jen.Lit(tp.Required), jen.Lit(tp.MaxItems), rest}
		for _, fl := range positions {
			args = append(args, jen.Op("&").Id("v").Dot(fl.Name))
		}
		g.Return(rt("UnmarshalTuple").Call(args...))
	})
}

// tupleBounds says how many items a tuple's array must have, if it says anything.
func tupleBounds(tp *generator.Tuple) string {
	switch {
	case tp.Required > 0 && tp.MaxItems == tp.Required:
		return "; it must have " + itemCount(tp.Required)
	case tp.Required > 0 && tp.MaxItems >= 0:
		return "; it must have " + strconv.Itoa(tp.Required) + " to " + itemCount(tp.MaxItems)
	case tp.Required > 0:
		return "; it must have at least " + itemCount(tp.Required)
	case tp.MaxItems >= 0:
		return "; it may have at most " + itemCount(tp.MaxItems)
	}
	return ""
}

func itemCount(n int) string {
	if n == 1 {
		return "1 item"
	}
	return strconv.Itoa(n) + " items"
}

// tuplePresent is true when an optional position holds a value.
func tuplePresent(fl *generator.Field) jen.Code {
	if fl.Shape() == generator.ShapeNullable {
		return jen.Op("!").Id("v").Dot(fl.Name).Dot("IsZero").Call()
	}
	return jen.Id("v").Dot(fl.Name).Op("!=").Nil()
}

// genTupleHelpers renders the runtime's helpers that every tuple's methods call.
func genTupleHelpers(f *jen.File) {
	f.Comment("TupleLen is how many positions of a tuple to write: all of them when full,")
	f.Comment("else the required ones and the optional ones up to the last present one.")
	f.Func().Id("TupleLen").Params(jen.Id("required").Int(), jen.Id("full").Bool(), jen.Id("present").Op("...").Bool()).Int().Block(
		jen.If(jen.Id("full")).Block(jen.Return(jen.Id("required").Op("+").Len(jen.Id("present")))),
		jen.For(jen.Id("i").Op(":=").Len(jen.Id("present")).Op("-").Lit(1), jen.Id("i").Op(">=").Lit(0), jen.Id("i").Op("--")).Block(
			jen.If(jen.Id("present").Index(jen.Id("i"))).Block(jen.Return(jen.Id("required").Op("+").Id("i").Op("+").Lit(1))),
		),
		jen.Return(jen.Id("required")),
	)
	f.Comment("AppendTupleRest appends the items after a tuple's positions.")
	f.Func().Id("AppendTupleRest").Types(jen.Id("T").Any()).Params(jen.Id("items").Index().Any(), jen.Id("rest").Index().Id("T")).Index().Any().Block(
		jen.For(jen.List(jen.Id("_"), jen.Id("x")).Op(":=").Range().Id("rest")).Block(
			jen.Id("items").Op("=").Append(jen.Id("items"), jen.Id("x")),
		),
		jen.Return(jen.Id("items")),
	)
	f.Comment("UnmarshalTuple reads a JSON array into a tuple's positions (pointers to its fields)")
	f.Comment("and the items after them into rest (nil when none may follow; max < 0 is no bound).")
	f.Func().Id("UnmarshalTuple").Params(
		jen.Id("data").Index().Byte(), jen.List(jen.Id("required"), jen.Id("max")).Int(), jen.Id("rest").Any(), jen.Id("positions").Op("...").Any(),
	).Error().Block(
		jen.Var().Id("items").Index().Qual(pkgJSON, "RawMessage"),
		jen.If(jen.Err().Op(":=").Qual(pkgJSON, "Unmarshal").Call(jen.Id("data"), jen.Op("&").Id("items")), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())),
		jen.If(jen.Len(jen.Id("items")).Op("<").Id("required")).Block(
			jen.Return(jen.Qual(pkgFmt, "Errorf").Call(jen.Lit("the array has %d items; at least %d are required"), jen.Len(jen.Id("items")), jen.Id("required"))),
		),
		jen.If(jen.Id("max").Op(">=").Lit(0).Op("&&").Len(jen.Id("items")).Op(">").Id("max")).Block(
			jen.Return(jen.Qual(pkgFmt, "Errorf").Call(jen.Lit("the array has %d items; at most %d are allowed"), jen.Len(jen.Id("items")), jen.Id("max"))),
		),
		jen.For(jen.List(jen.Id("i"), jen.Id("p")).Op(":=").Range().Id("positions")).Block(
			jen.If(jen.Id("i").Op(">=").Len(jen.Id("items"))).Block(jen.Return(jen.Nil())),
			jen.If(jen.Err().Op(":=").Qual(pkgJSON, "Unmarshal").Call(jen.Id("items").Index(jen.Id("i")), jen.Id("p")), jen.Err().Op("!=").Nil()).Block(
				jen.Return(jen.Qual(pkgFmt, "Errorf").Call(jen.Lit("item %d: %w"), jen.Id("i"), jen.Err())),
			),
		),
		jen.If(jen.Id("rest").Op("==").Nil().Op("||").Len(jen.Id("items")).Op("==").Len(jen.Id("positions"))).Block(jen.Return(jen.Nil())),
		jen.List(jen.Id("raw"), jen.Err()).Op(":=").Qual(pkgJSON, "Marshal").Call(jen.Id("items").Index(jen.Len(jen.Id("positions")).Op(":"))),
		jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())),
		jen.Return(jen.Qual(pkgJSON, "Unmarshal").Call(jen.Id("raw"), jen.Id("rest"))),
	)
}
