package templates

import (
	"fmt"
	"slices"

	"github.com/dave/jennifer/jen"
	"github.com/seed-0d47db62/livegen/generator"
)

// A JSON walker reads the body's JSON text next to the decoded value, to see
// what json.Unmarshal cannot show: a required property that is absent (its
// Go zero value looks the same) and, when decoding failed, every value of
// the wrong kind, each at its JSON pointer, instead of only the first.
// Walkers exist for the types a request body reaches; a walker whose type
// has no required property below it returns at once for a decoded value.

// fieldsVar names the list of a struct's JSON property names.
func fieldsVar(t *generator.Type) string { return "serverFields" + t.Name }

// genWalkers renders the walker of every type that a request body reaches.
func genWalkers(f *jen.File, c *checks, api *generator.API) {
	bodies := bodyStructs(api)
	for _, t := range api.Types {
		if c.plan.Walks(t) {
			genWalker(f, c, t)
		}
		if bodies[t] {
			genDecodeMembers(f, t)
		}
	}
}

// genWalker renders serverWalk for one type.
func genWalker(f *jen.File, c *checks, t *generator.Type) {
	if t.Kind == generator.KindStruct {
		f.Commentf("%s lists the JSON names of the properties of %s.", fieldsVar(t), t.Name)
		f.Var().Id(fieldsVar(t)).Op("=").Index().String().ValuesFunc(func(g *jen.Group) {
			for _, fl := range t.Fields {
				g.Lit(fl.JSONName)
			}
		})
		f.Commentf("%s lists the JSON kinds of the properties of %s, in the same order.", kindsVar(t), t.Name)
		f.Var().Id(kindsVar(t)).Op("=").Index().Id("serverKind").ValuesFunc(func(g *jen.Group) {
			for _, fl := range t.Fields {
				g.Add(kindsExpr(kindsOf(fl.Type)))
			}
		})
	}
	f.Commentf("serverWalk checks the JSON text data of a %s at path at: required properties", t.Name)
	f.Comment("must be present, and, when v is nil because decoding failed, every value must be of")
	f.Comment("the JSON kind its schema asks for.")
	f.Func().Params(jen.Id("v").Op("*").Id(t.Name)).Id("serverWalk").Params(
		jen.Id("c").Add(statePtr()), jen.Id("at").Add(pathPtr()), jen.Id("data").Index().Byte(),
	).BlockFunc(func(g *jen.Group) {
		if !c.plan.TracksPresence(t) {
			g.If(jen.Id("v").Op("!=").Nil()).Block(jen.Return())
		}
		decoded := jen.Id("v").Op("!=").Nil()
		switch t.Kind {
		case generator.KindStruct:
			c.walkStruct(g, t)
		case generator.KindUnion:
			g.If(jen.Id("v").Op("==").Nil()).BlockFunc(func(g *jen.Group) {
				g.Comment("Decoding failed: walk the one variant that the value's kind selects, if any.")
				for _, x := range t.Union.Variants {
					if c.walksInto(x.Type) && kindOwnedBy(t, x) {
						g.If(jen.Id("serverKindOf").Call(jen.Id("data"), kindsExpr(kindsOf(x.Type)))).BlockFunc(func(g *jen.Group) {
							c.walkRef(g, x.Type, "data", nil, jen.False(), "at", 0)
						})
					}
				}
				g.Return()
			})
			for _, x := range t.Union.Variants {
				if c.refPresence(x.Type) {
					g.If(jen.Id("v").Dot(x.Name).Op("!=").Nil()).BlockFunc(func(g *jen.Group) {
						c.walkRef(g, x.Type, "data", jen.Id("v").Dot(x.Name), decoded, "at", 0)
					})
				}
			}
		case generator.KindAlias:
			c.walkRef(g, t.Alias, "data", jen.Id("v"), decoded, "at", 0)
		}
	})
}

// refPresence reports whether the walker must look below a value of r even
// when it decoded.
func (c *checks) refPresence(r *generator.TypeRef) bool {
	switch r.Kind {
	case generator.RefSlice, generator.RefMap:
		return generator.NullRejected(r.Elem) || c.refPresence(r.Elem)
	case generator.RefNamed:
		return c.plan.TracksPresence(generator.MethodOwner(r.Named))
	}
	return false
}

// usesModel reports whether the walk below a value of r reads the decoded
// value: a named type's walker does, items only when they are walked below.
func (c *checks) usesModel(r *generator.TypeRef) bool {
	switch r.Kind {
	case generator.RefSlice, generator.RefMap:
		return c.usesModel(r.Elem) && c.refPresence(r.Elem)
	case generator.RefNamed:
		return c.refPresence(r)
	}
	return false
}

// walksInto reports whether walkRef emits anything for a value of r.
func (c *checks) walksInto(r *generator.TypeRef) bool {
	switch r.Kind {
	case generator.RefSlice, generator.RefMap:
		return kindsOf(r.Elem) != nil || c.walksInto(r.Elem)
	case generator.RefNamed:
		return c.plan.Walks(generator.MethodOwner(r.Named))
	}
	return false
}

// walkStruct emits the member loop of a struct's walker and the check of
// its required properties. The kind of a scalar member is checked from a
// table; members that need more have a case of their own.
func (c *checks) walkStruct(g *jen.Group, t *generator.Type) {
	tracked := map[*generator.Field]int{}
	for _, fl := range t.Fields {
		if generator.PresenceTracked(fl) {
			tracked[fl] = len(tracked)
		}
	}
	if len(tracked) > 0 {
		g.Var().Id("seen").Index(jen.Lit(len(tracked))).Bool()
	}
	g.Id("serverEachMember").Call(jen.Id("c"), jen.Id("data"), jen.Func().Params(jen.List(jen.Id("key"), jen.Id("value")).Index().Byte()).BlockFunc(func(g *jen.Group) {
		g.Id("i").Op(":=").Id("serverField").Call(jen.Id("key"), jen.Id(fieldsVar(t)), jen.Lit(t.AdditionalProperties == nil))
		var cases []func(g *jen.Group)
		for i, fl := range t.Fields {
			j, isTracked := tracked[fl]
			nested := c.walksInto(fl.Type)
			if !isTracked && !nested {
				continue
			}
			cases = append(cases, func(g *jen.Group) {
				g.Case(jen.Lit(i)).BlockFunc(func(g *jen.Group) {
					if isTracked {
						g.Id("seen").Index(jen.Lit(j)).Op("=").True()
						if !fl.Nullable && fl.Type.Kind != generator.RefAny {
							g.If(jen.Id("serverIsNull").Call(jen.Id("value"))).Block(
								jen.Id("c").Dot("missing").Call(jen.Id("at").Dot("field").Call(jen.Lit(fl.JSONName)), jen.Lit("must not be null")),
								jen.Return(),
							)
						}
					}
					if nested {
						c.walkMember(g, fl.Type, jen.Lit(fl.JSONName), fieldPointer(fl))
						g.Return()
					}
				})
			})
		}
		if ap := t.AdditionalProperties; ap != nil && kindsOf(ap) != nil {
			cases = append(cases, func(g *jen.Group) {
				g.Case(jen.Lit(-1)).BlockFunc(func(g *jen.Group) {
					c.walkMember(g, ap, jen.Id("serverKeyText").Call(jen.Id("key")), nil)
					g.Return()
				})
			})
		}
		if len(cases) > 0 {
			g.Switch(jen.Id("i")).BlockFunc(func(g *jen.Group) {
				for _, emit := range cases {
					emit(g)
				}
			})
		}
		g.If(jen.Id("v").Op("==").Nil().Op("&&").Id("i").Op(">=").Lit(0)).Block(
			jen.Id("serverDescend").Call(jen.Id("c"), jen.Op("&").Id(valPath).Values(jen.Dict{jen.Id("parent"): jen.Id("at"), jen.Id("name"): jen.Id(fieldsVar(t)).Index(jen.Id("i"))}),
				jen.Id("value"), jen.Id(kindsVar(t)).Index(jen.Id("i")), jen.False()),
		)
	}))
	for _, fl := range t.Fields {
		if j, ok := tracked[fl]; ok {
			g.If(jen.Op("!").Id("seen").Index(jen.Lit(j))).Block(jen.Id("c").Dot("missing").Call(jen.Id("at").Dot("field").Call(jen.Lit(fl.JSONName)), jen.Lit("is required")))
		}
	}
}

// kindsVar names the table of the JSON kinds of a struct's properties.
func kindsVar(t *generator.Type) string { return "serverKinds" + t.Name }

// fieldPointer emits, into a walker, the pointer to a decoded field's value
// in m1; nil when the value is not decoded.
func fieldPointer(fl *generator.Field) func(g *jen.Group) {
	return func(g *jen.Group) {
		g.Var().Id("m1").Op("*").Add(typeRef(fl.Type))
		set := func(x jen.Code) jen.Code { return jen.Id("m1").Op("=").Add(x) }
		field := jen.Id("v").Dot(fl.Name)
		var assign jen.Code
		switch fl.Shape() {
		case generator.ShapePointer:
			assign = set(field)
		case generator.ShapeNullable:
			held := jen.Op("&").Id("x")
			if fl.Recursive {
				held = jen.Id("x") // Nullable[*T] holds a pointer already
			}
			assign = jen.If(jen.List(jen.Id("x"), jen.Id("ok")).Op(":=").Add(field).Dot("Get").Call(), jen.Id("ok")).Block(set(held))
		default:
			assign = set(jen.Op("&").Add(field))
		}
		g.If(jen.Id("v").Op("!=").Nil()).Block(assign)
	}
}

// walkMember emits the walk below one member value (in variable value) of
// type r named name. pointer, when set, emits the decoded value's pointer as
// m1, for types whose walk matters after decoding too.
func (c *checks) walkMember(g *jen.Group, r *generator.TypeRef, name jen.Code, pointer func(*jen.Group)) {
	node := jen.Op("&").Id(valPath).Values(jen.Dict{jen.Id("parent"): jen.Id("at"), jen.Id("name"): name})
	kinds := kindsExpr(kindsOf(r))
	if c.refPresence(r) && pointer != nil {
		g.Id("at1").Op(":=").Add(node)
		g.If(jen.Id("serverDescend").Call(jen.Id("c"), jen.Id("at1"), jen.Id("value"), kinds, jen.Id("v").Op("!=").Nil())).BlockFunc(func(g *jen.Group) {
			var model jen.Code
			if c.usesModel(r) {
				pointer(g)
				model = jen.Id("m1")
			}
			c.walkRef(g, r, "value", model, jen.Id("v").Op("!=").Nil(), "at1", 1)
		})
		return
	}
	g.If(jen.Id("v").Op("==").Nil()).Block(
		jen.Id("at1").Op(":=").Add(node),
		jen.If(jen.Id("serverDescend").Call(jen.Id("c"), jen.Id("at1"), jen.Id("value"), kinds, jen.False())).BlockFunc(func(g *jen.Group) {
			c.walkRef(g, r, "value", nil, jen.False(), "at1", 1)
		}),
	)
}

// walkRef emits the walk below a value of r whose JSON text is in the
// variable raw and whose path is in at: into a named type's walker, or item
// by item. model is a pointer to the decoded value, nil when there is none;
// decoded tells at run time whether the body decoded.
func (c *checks) walkRef(g *jen.Group, r *generator.TypeRef, raw string, model, decoded jen.Code, at string, depth int) {
	switch r.Kind {
	case generator.RefNamed:
		t := generator.MethodOwner(r.Named)
		if !c.plan.Walks(t) {
			return
		}
		recv := model
		if recv == nil {
			recv = jen.Parens(jen.Op("*").Id(t.Name)).Call(jen.Nil())
		}
		g.Add(recv).Dot("serverWalk").Call(jen.Id("c"), jen.Id(at), jen.Id(raw))
	case generator.RefSlice, generator.RefMap:
		if !c.walksInto(r) {
			return
		}
		c.walkItems(g, r, raw, model, decoded, at, depth)
	}
}

// walkItems emits the walk of every item of an array or value of a map.
func (c *checks) walkItems(g *jen.Group, r *generator.TypeRef, raw string, model, decoded jen.Code, at string, depth int) {
	n := depth + 1
	key, item, next, elemAt := fmt.Sprintf("k%d", n), fmt.Sprintf("item%d", n), fmt.Sprintf("m%d", n+1), fmt.Sprintf("at%d", n+1)
	var node jen.Code
	var params jen.Code
	var lookup func() jen.Code
	if r.Kind == generator.RefSlice {
		node = jen.Op("&").Id(valPath).Values(jen.Dict{jen.Id("parent"): jen.Id(at), jen.Id("index"): jen.Id(key), jen.Id("isIndex"): jen.True()})
		params = jen.List(jen.Id(key).Int(), jen.Id(item).Index().Byte())
		lookup = func() jen.Code {
			return jen.If(jen.Add(model).Op("!=").Nil().Op("&&").Id(key).Op("<").Len(jen.Op("*").Add(model))).Block(
				jen.Id(next).Op("=").Op("&").Parens(jen.Op("*").Add(model)).Index(jen.Id(key)),
			)
		}
	} else {
		name := jen.Id("serverKeyText").Call(jen.Id(key))
		node = jen.Op("&").Id(valPath).Values(jen.Dict{jen.Id("parent"): jen.Id(at), jen.Id("name"): name})
		params = jen.List(jen.Id(key), jen.Id(item).Index().Byte())
		lookup = func() jen.Code {
			return jen.If(jen.Add(model).Op("!=").Nil()).Block(
				jen.If(jen.List(jen.Id("x"), jen.Id("ok")).Op(":=").Parens(jen.Op("*").Add(model)).Index(jen.Id("serverKeyText").Call(jen.Id(key))), jen.Id("ok")).Block(
					jen.Id(next).Op("=").Op("&").Id("x"),
				),
			)
		}
	}
	each := "serverEachItem"
	if r.Kind == generator.RefMap {
		each = "serverEachMember"
	}
	elem := r.Elem
	loop := jen.Id(each).Call(jen.Id("c"), jen.Id(raw), jen.Func().Params(params).BlockFunc(func(g *jen.Group) {
		g.Id(elemAt).Op(":=").Add(node)
		if generator.NullRejected(elem) {
			// Go decodes null as the zero value; the schema does not allow it.
			g.If(jen.Id("serverIsNull").Call(jen.Id(item))).Block(
				jen.Id("c").Dot("missing").Call(jen.Id(elemAt), jen.Lit("must not be null")),
				jen.Return(),
			)
		}
		descend := jen.Id("serverDescend").Call(jen.Id("c"), jen.Id(elemAt), jen.Id(item), kindsExpr(kindsOf(elem)), decoded)
		if !c.walksInto(elem) {
			g.Add(descend)
			return
		}
		g.If(descend).BlockFunc(func(g *jen.Group) {
			var m jen.Code
			if model != nil && c.usesModel(elem) {
				g.Var().Id(next).Op("*").Add(typeRef(elem))
				g.Add(lookup())
				m = jen.Id(next)
			}
			c.walkRef(g, elem, item, m, decoded, elemAt, n)
		})
	}))
	max, ok := maxItems(r)
	if !ok {
		g.Add(loop)
		return
	}
	// Too many items are one problem, found before any item is walked.
	g.If(jen.Id("n").Op(":=").Id("serverCountItems").Call(jen.Id("c"), jen.Id(raw)), jen.Id("n").Op(">").Add(intLit(max))).Block(
		jen.Id("c").Dot("tooManyItems").Call(jen.Id(at), jen.Id("n"), intLit(max)),
	).Else().Block(loop)
}

// kindOwnedBy reports whether no other variant of a union shares a JSON
// kind with x, so that the kind of a value tells that it is meant as x.
func kindOwnedBy(t *generator.Type, x *generator.Variant) bool {
	mine := kindsOf(x.Type)
	if mine == nil {
		return false
	}
	for _, y := range t.Union.Variants {
		if y == x {
			continue
		}
		theirs := kindsOf(y.Type)
		if theirs == nil {
			return false
		}
		for _, k := range theirs {
			if slices.ContainsFunc(mine, func(m string) bool { return kindFamily(m) == kindFamily(k) }) {
				return false
			}
		}
	}
	return true
}

// kindFamily is the JSON token kind behind a serverKind: strings, numbers or
// the kind itself.
func kindFamily(k string) string {
	switch k {
	case "serverKindDateTime", "serverKindBase64":
		return "serverKindString"
	case "serverKindInteger", "serverKindInt32":
		return "serverKindNumber"
	}
	return k
}
