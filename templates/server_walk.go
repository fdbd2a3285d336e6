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

// walkCalls are the runtime pieces that the walkers and the
// member decoders of api share.
func walkCalls(c *checks, api *generator.API) []pieceCall {
	members, named := false, false
	for _, t := range api.Types {
		if c.plan.Walks(t) {
			members = members || t.Kind == generator.KindStruct
			named = named || c.walksNamedMember(t)
		}
	}
	var calls []pieceCall
	if members {
		calls = append(calls, walkMembersPiece.fixed())
	}
	if named {
		calls = append(calls, walkNamedMemberPiece.fixed())
	}
	if len(bodyStructs(api)) > 0 {
		calls = append(calls, decodeEachPiece.fixed())
	}
	return calls
}

// The walkers' pieces.
var (
	walkMembersPiece     = newFixedPiece("walkMembers", genWalkMembers)
	walkNamedMemberPiece = newFixedPiece("walkNamedMember", genWalkNamedMember)
	decodeEachPiece      = newFixedPiece("decodeEach", genDecodeEach)
)

// tracksMembers reports whether a struct's walker notes which members it
// sees: it has required members whose absence decoding cannot show.
func tracksMembers(t *generator.Type) bool {
	return slices.ContainsFunc(t.Fields, generator.PresenceTracked)
}

// walksNamedMember reports whether the walker of struct t walks a member of
// a named type by serverWalkMember.
func (c *checks) walksNamedMember(t *generator.Type) bool {
	if t.Kind != generator.KindStruct {
		return false
	}
	if ap := t.AdditionalProperties; ap != nil && kindsOf(ap) != nil && c.walksNamed(ap, false) {
		return true
	}
	return slices.ContainsFunc(t.Fields, func(fl *generator.Field) bool { return c.walksInto(fl.Type) && c.walksNamed(fl.Type, true) })
}

// walksNamed reports whether walkMember walks a member of type r with
// serverWalkMember; withModel says that the decoded member is at hand.
func (c *checks) walksNamed(r *generator.TypeRef, withModel bool) bool {
	return r.Kind == generator.RefNamed && c.walksInto(r) && !(c.refPresence(r) && withModel)
}

// memberKinds is the serverKind of a struct member in its walker's table:
// the JSON kinds it accepts, and whether it is required and not null.
func memberKinds(fl *generator.Field) jen.Code {
	e := jen.Add(kindsExpr(kindsOf(fl.Type)))
	if generator.PresenceTracked(fl) {
		e = e.Op("|").Add(rt("ServerMemberRequired"))
		if !fl.Nullable && fl.Type.Kind != generator.RefAny {
			e = e.Op("|").Add(rt("ServerMemberNotNull"))
		}
	}
	return e
}

// genWalkMembers renders the member checks that struct walkers share, driven
// by their tables: which members are required, and which must not be null.
func genWalkMembers(f *jen.File) {
	c, at := jen.Id("c").Add(statePtr()), jen.Id("at").Add(pathPtr())
	names, kinds, seen := jen.Id("names").Index().String(), jen.Id("kinds").Index().Add(rt("ServerKind")), jen.Id("seen").Index().Bool()
	f.Comment("ServerMemberRequired and ServerMemberNotNull mark, in a walker's table of kinds,")
	f.Comment("the members that must be present, and those that must not be null either.")
	f.Const().Defs(
		rt("ServerMemberRequired").Add(rt("ServerKind")).Op("=").Lit(1).Op("<<").Lit(14),
		rt("ServerMemberNotNull").Add(rt("ServerKind")).Op("=").Lit(1).Op("<<").Lit(15),
	)
	f.Comment("serverMember notes in seen that member i (-1: none listed) of an object is present,")
	f.Comment("and reports a null where the member must not be null; it then returns false, and")
	f.Comment("the walk below the member stops.")
	f.Func().Id("serverMember").Params(c.Clone(), at.Clone(), names.Clone(), kinds.Clone(), seen.Clone(), jen.Id("i").Int(), jen.Id("value").Index().Byte()).Bool().Block(
		jen.If(jen.Id("i").Op("<").Lit(0).Op("||").Id("kinds").Index(jen.Id("i")).Op("&").Add(rt("ServerMemberRequired")).Op("==").Lit(0)).Block(jen.Return(jen.True())),
		jen.Id("seen").Index(jen.Id("i")).Op("=").True(),
		jen.If(jen.Id("kinds").Index(jen.Id("i")).Op("&").Add(rt("ServerMemberNotNull")).Op("!=").Lit(0).Op("&&").Add(rt("ServerIsNull")).Call(jen.Id("value"))).Block(
			jen.Id("c").Dot("Missing").Call(jen.Id("at").Dot("Field").Call(jen.Id("names").Index(jen.Id("i"))), jen.Lit("must not be null")),
			jen.Return(jen.False()),
		),
		jen.Return(jen.True()),
	)
	f.Comment("ServerWalkMembers walks the members of the JSON object data at path at, from the")
	f.Comment("tables of its type: names, kinds, and whether names are matched ignoring case (fold).")
	f.Comment("seen notes required members (nil when there are none); member walks below the members")
	f.Comment("that need more than a look at their kind, and returns true for them; decoded says")
	f.Comment("that the body decoded, and kinds are then right.")
	f.Func().Add(rt("ServerWalkMembers")).Params(c.Clone(), at.Clone(), jen.Id("data").Index().Byte(), names.Clone(), kinds.Clone(), jen.List(jen.Id("fold"), jen.Id("decoded")).Bool(), seen.Clone(),
		jen.Id("member").Func().Params(jen.Id("i").Int(), jen.List(jen.Id("key"), jen.Id("value")).Index().Byte()).Bool()).Block(
		rt("ServerEachMember").Call(jen.Id("c"), jen.Id("data"), jen.Func().Params(jen.List(jen.Id("key"), jen.Id("value")).Index().Byte()).Block(
			jen.Id("i").Op(":=").Id("serverField").Call(jen.Id("key"), jen.Id("names"), jen.Id("fold")),
			jen.If(jen.Op("!").Id("serverMember").Call(jen.Id("c"), jen.Id("at"), jen.Id("names"), jen.Id("kinds"), jen.Id("seen"), jen.Id("i"), jen.Id("value")).Op("||").
				Id("member").Op("!=").Nil().Op("&&").Id("member").Call(jen.Id("i"), jen.Id("key"), jen.Id("value"))).Block(jen.Return()),
			jen.If(jen.Op("!").Id("decoded").Op("&&").Id("i").Op(">=").Lit(0)).Block(
				rt("ServerDescend").Call(jen.Id("c"), jen.Id("at").Dot("Field").Call(jen.Id("names").Index(jen.Id("i"))), jen.Id("value"), jen.Id("kinds").Index(jen.Id("i")).Op("&").Add(rt("ServerKindAny")), jen.False()),
			),
		)),
		jen.If(jen.Id("seen").Op("!=").Nil()).Block(jen.Id("serverMissing").Call(jen.Id("c"), jen.Id("at"), jen.Id("names"), jen.Id("kinds"), jen.Id("seen"))),
	)
	f.Comment("serverMissing reports each required member of an object that seen lacks.")
	f.Func().Id("serverMissing").Params(c.Clone(), at.Clone(), names.Clone(), kinds.Clone(), seen.Clone()).Block(
		jen.For(jen.List(jen.Id("i"), jen.Id("k")).Op(":=").Range().Id("kinds")).Block(
			jen.If(jen.Id("k").Op("&").Add(rt("ServerMemberRequired")).Op("!=").Lit(0).Op("&&").Op("!").Id("seen").Index(jen.Id("i"))).Block(
				jen.Id("c").Dot("Missing").Call(jen.Id("at").Dot("Field").Call(jen.Id("names").Index(jen.Id("i"))), jen.Lit("is required")),
			),
		),
	)
}

// genWalkNamedMember renders serverWalkMember, the walk into a member of a
// named type of a body that did not decode.
func genWalkNamedMember(f *jen.File) {
	f.Comment("ServerWalkMember walks into value, at path at, with walk when it is of a kind in want;")
	f.Comment("the body did not decode.")
	f.Func().Add(rt("ServerWalkMember")).Params(jen.Id("c").Add(statePtr()), jen.Id("at").Add(pathPtr()), jen.Id("value").Index().Byte(), jen.Id("want").Add(rt("ServerKind")),
		jen.Id("walk").Func().Params(statePtr(), pathPtr(), jen.Index().Byte())).Block(
		jen.If(rt("ServerDescend").Call(jen.Id("c"), jen.Id("at"), jen.Id("value"), jen.Id("want"), jen.False())).Block(
			jen.Id("walk").Call(jen.Id("c"), jen.Id("at"), jen.Id("value")),
		),
	)
}

// genWalker renders serverWalk for one type.
func genWalker(f *jen.File, c *checks, t *generator.Type) {
	if t.Kind == generator.KindStruct {
		f.Commentf("%s and %s list the JSON names and kinds of the properties of %s.", fieldsVar(t), kindsVar(t), t.Name)
		f.Var().Defs(
			jen.Id(fieldsVar(t)).Op("=").Index().String().ValuesFunc(func(g *jen.Group) {
				for _, fl := range t.Fields {
					g.Lit(fl.JSONName)
				}
			}),
			jen.Id(kindsVar(t)).Op("=").Index().Add(rt("ServerKind")).ValuesFunc(func(g *jen.Group) {
				for _, fl := range t.Fields {
					g.Add(memberKinds(fl))
				}
			}),
		)
	}
	f.Commentf("serverWalk checks the JSON text data of a %s: required properties, and kinds when v is nil.", t.Name)
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
						g.If(rt("ServerKindOf").Call(jen.Id("data"), kindsExpr(kindsOf(x.Type)))).BlockFunc(func(g *jen.Group) {
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
	seen := jen.Nil()
	if tracksMembers(t) {
		g.Var().Id("seen").Index(jen.Lit(len(t.Fields))).Bool()
		seen = jen.Id("seen").Index(jen.Empty(), jen.Empty())
	}
	var cases []func(g *jen.Group)
	for i, fl := range t.Fields {
		if !c.walksInto(fl.Type) {
			continue
		}
		cases = append(cases, func(g *jen.Group) {
			g.Case(jen.Lit(i)).BlockFunc(func(g *jen.Group) {
				c.walkMember(g, fl.Type, jen.Lit(fl.JSONName), fieldPointer(fl))
				g.Return(jen.True())
			})
		})
	}
	if ap := t.AdditionalProperties; ap != nil && kindsOf(ap) != nil {
		cases = append(cases, func(g *jen.Group) {
			g.Case(jen.Lit(-1)).BlockFunc(func(g *jen.Group) {
				c.walkMember(g, ap, rt("ServerKeyText").Call(jen.Id("key")), nil)
				g.Return(jen.True())
			})
		})
	}
	member := jen.Nil()
	if len(cases) > 0 {
		member = jen.Func().Params(jen.Id("i").Int(), jen.List(jen.Id("key"), jen.Id("value")).Index().Byte()).Bool().Block(
			jen.Switch(jen.Id("i")).BlockFunc(func(g *jen.Group) {
				for _, emit := range cases {
					emit(g)
				}
			}),
			jen.Return(jen.False()),
		)
	}
	g.Add(rt("ServerWalkMembers")).Call(jen.Id("c"), jen.Id("at"), jen.Id("data"), jen.Id(fieldsVar(t)), jen.Id(kindsVar(t)),
		jen.Lit(t.AdditionalProperties == nil), jen.Id("v").Op("!=").Nil(), seen, member)
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
	node := jen.Id("at").Dot("Field").Call(name)
	kinds := kindsExpr(kindsOf(r))
	if c.refPresence(r) && pointer != nil {
		g.Id("at1").Op(":=").Add(node)
		g.If(rt("ServerDescend").Call(jen.Id("c"), jen.Id("at1"), jen.Id("value"), kinds, jen.Id("v").Op("!=").Nil())).BlockFunc(func(g *jen.Group) {
			var model jen.Code
			if c.usesModel(r) {
				pointer(g)
				model = jen.Id("m1")
			}
			c.walkRef(g, r, "value", model, jen.Id("v").Op("!=").Nil(), "at1", 1)
		})
		return
	}
	if c.walksNamed(r, pointer != nil) {
		walk := jen.Parens(jen.Op("*").Id(generator.MethodOwner(r.Named).Name)).Call(jen.Nil()).Dot("serverWalk")
		g.If(jen.Id("v").Op("==").Nil()).Block(rt("ServerWalkMember").Call(jen.Id("c"), node, jen.Id("value"), kinds, walk))
		return
	}
	if !c.walksInto(r) {
		g.If(jen.Id("v").Op("==").Nil()).Block(rt("ServerDescend").Call(jen.Id("c"), node, jen.Id("value"), kinds, jen.False()))
		return
	}
	g.If(jen.Id("v").Op("==").Nil()).Block(
		jen.Id("at1").Op(":=").Add(node),
		jen.If(rt("ServerDescend").Call(jen.Id("c"), jen.Id("at1"), jen.Id("value"), kinds, jen.False())).BlockFunc(func(g *jen.Group) {
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
		node = jen.Id(at).Dot("Item").Call(jen.Id(key))
		params = jen.List(jen.Id(key).Int(), jen.Id(item).Index().Byte())
		lookup = func() jen.Code {
			return jen.If(jen.Add(model).Op("!=").Nil().Op("&&").Id(key).Op("<").Len(jen.Op("*").Add(model))).Block(
				jen.Id(next).Op("=").Op("&").Parens(jen.Op("*").Add(model)).Index(jen.Id(key)),
			)
		}
	} else {
		name := rt("ServerKeyText").Call(jen.Id(key))
		node = jen.Id(at).Dot("Field").Call(name)
		params = jen.List(jen.Id(key), jen.Id(item).Index().Byte())
		lookup = func() jen.Code {
			return jen.If(jen.Add(model).Op("!=").Nil()).Block(
				jen.If(jen.List(jen.Id("x"), jen.Id("ok")).Op(":=").Parens(jen.Op("*").Add(model)).Index(rt("ServerKeyText").Call(jen.Id(key))), jen.Id("ok")).Block(
					jen.Id(next).Op("=").Op("&").Id("x"),
				),
			)
		}
	}
	each := "ServerEachItem"
	if r.Kind == generator.RefMap {
		each = "ServerEachMember"
	}
	elem := r.Elem
	loop := rt(each).Call(jen.Id("c"), jen.Id(raw), jen.Func().Params(params).BlockFunc(func(g *jen.Group) {
		g.Id(elemAt).Op(":=").Add(node)
		if generator.NullRejected(elem) {
			// Go decodes null as the zero value; the schema does not allow it.
			g.If(rt("ServerIsNull").Call(jen.Id(item))).Block(
				jen.Id("c").Dot("Missing").Call(jen.Id(elemAt), jen.Lit("must not be null")),
				jen.Return(),
			)
		}
		descend := rt("ServerDescend").Call(jen.Id("c"), jen.Id(elemAt), jen.Id(item), kindsExpr(kindsOf(elem)), decoded)
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
	g.If(jen.Id("n").Op(":=").Add(rt("ServerCountItems")).Call(jen.Id("c"), jen.Id(raw)), jen.Id("n").Op(">").Add(intLit(max))).Block(
		jen.Id("c").Dot("TooManyItems").Call(jen.Id(at), jen.Id("n"), intLit(max)),
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
	case "ServerKindDateTime", "ServerKindBase64":
		return "ServerKindString"
	case "ServerKindInteger", "ServerKindInt32":
		return "ServerKindNumber"
	}
	return k
}
