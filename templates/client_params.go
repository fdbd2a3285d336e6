package templates

import (
	"github.com/dave/jennifer/jen"
	"github.com/seed-0d47db62/livegen/generator"
)

// genPathChecks rejects empty string path parameters, which would make a
// request for another path.
func (g *clientGen) genPathChecks(b *jen.Group, op *generator.Operation) {
	for _, p := range op.PathParams {
		var empty jen.Code
		switch base := clientUnalias(p.Type); {
		case base.Kind == generator.RefString,
			base.Kind == generator.RefNamed && base.Named.Kind == generator.KindEnum && base.Named.Enum.Base == generator.RefString:
			empty = jen.Id(p.LocalName).Op("==").Lit("")
		case base.Kind == generator.RefSlice:
			empty = jen.Len(jen.Id(p.LocalName)).Op("==").Lit(0)
		default:
			continue
		}
		b.Id("s").Dot("EmptyPath").Call(jen.Lit(p.Name), empty)
	}
}

// clientPathExpr builds the escaped request path from the operation's
// route: literal text, then each parameter written in its style. The
// #fragment of a path key is not part of the route: it is never sent.
func (g *clientGen) clientPathExpr(op *generator.Operation) jen.Code {
	var parts []jen.Code
	literal := ""
	for _, seg := range op.Route.Segments {
		literal += "/"
		for _, part := range seg {
			if part.IsText() {
				literal += part.Text
				continue
			}
			prefix, value := g.clientPathValue(op.PathParams[part.Param])
			if literal += prefix; literal != "" {
				parts = append(parts, jen.Lit(literal))
			}
			literal = ""
			parts = append(parts, value)
		}
	}
	if literal != "" || len(parts) == 0 {
		parts = append(parts, jen.Lit(literal))
	}
	expr := jen.Add(parts[0])
	for _, part := range parts[1:] {
		expr = expr.Op("+").Add(part)
	}
	return expr
}

// genFixedQuery sends the query pairs that the operation's path key fixes
// (/users/{id}/expire?temp=true), after the parameters, so that they win.
func genFixedQuery(b *jen.Group, op *generator.Operation) {
	for _, q := range op.Route.Query {
		b.Id("s").Dot("Query").Dot("Set").Call(jen.Lit(q.Name), jen.Lit(q.Value))
	}
}

// clientPathValue writes a path parameter in its style: simple (v, a,b),
// label (.v) or matrix (;name=v). prefix is the literal text in front of a
// scalar's value.
func (g *clientGen) clientPathValue(p *generator.Param) (prefix string, value jen.Code) {
	x := jen.Id(p.LocalName)
	switch generator.ClientEncoding(p) {
	case generator.EncodeList:
		g.usesPathList = true
		return "", rt("ClientPathList").Call(jen.Lit(p.Style), jen.Lit(p.Name), jen.Lit(p.Explode), g.clientListValues(clientUnalias(p.Type).Elem, p.Type, x))
	case generator.EncodeJSON:
		return "", jen.Qual(pkgURL, "PathEscape").Call(g.clientJSONValue(p, x))
	case generator.EncodeObject:
		return "", g.clientStyledObject(p, x, jen.Qual(pkgURL, "PathEscape"))
	}
	written := clientFormat(p.Type, x)
	if generator.ClientEncoding(p) == generator.EncodeScalarUnion {
		g.usesJSONText = true
	}
	if !clientSafeInPath(p.Type) {
		written = jen.Qual(pkgURL, "PathEscape").Call(written)
	}
	switch p.Style {
	case "label":
		return ".", written
	case "matrix":
		return ";" + p.Name + "=", written
	}
	return "", written
}

// clientSafeInPath reports whether the formatted value never needs escaping
// in a path: integers and booleans.
func clientSafeInPath(t *generator.TypeRef) bool {
	base := clientUnalias(t)
	switch base.Kind {
	case generator.RefInt, generator.RefInt32, generator.RefInt64, generator.RefBool:
		return true
	case generator.RefNamed:
		return base.Named.Kind == generator.KindEnum && base.Named.Enum.Base != generator.RefString && base.Named.Enum.Base != generator.RefFloat64
	}
	return false
}

// clientFormat is the expression that writes a scalar value x of type t as
// a string: RFC 3339 for date-times, base64 for bytes, decimal for numbers.
func clientFormat(t *generator.TypeRef, x *jen.Statement) *jen.Statement {
	base := clientUnalias(t)
	named := t.Kind == generator.RefNamed
	as := func(goType *jen.Statement) *jen.Statement {
		if named {
			return goType.Call(x)
		}
		return x
	}
	formatInt := func() *jen.Statement {
		return jen.Qual(pkgStrconv, "FormatInt").Call(jen.Int64().Call(x), jen.Lit(10))
	}
	switch base.Kind {
	case generator.RefString:
		return as(jen.String())
	case generator.RefInt, generator.RefInt32:
		return formatInt()
	case generator.RefInt64:
		return jen.Qual(pkgStrconv, "FormatInt").Call(as(jen.Int64()), jen.Lit(10))
	case generator.RefFloat32:
		return jen.Qual(pkgStrconv, "FormatFloat").Call(jen.Float64().Call(x), jen.LitRune('f'), jen.Lit(-1), jen.Lit(32))
	case generator.RefFloat64:
		return jen.Qual(pkgStrconv, "FormatFloat").Call(as(jen.Float64()), jen.LitRune('f'), jen.Lit(-1), jen.Lit(64))
	case generator.RefBool:
		return jen.Qual(pkgStrconv, "FormatBool").Call(as(jen.Bool()))
	case generator.RefTime:
		return as(jen.Qual(pkgTime, "Time")).Dot("Format").Call(jen.Qual(pkgTime, "RFC3339Nano"))
	case generator.RefBytes:
		return jen.Qual(clientPkgBase64, "StdEncoding").Dot("EncodeToString").Call(as(jen.Index().Byte()))
	case generator.RefNamed:
		if base.Named.Kind != generator.KindEnum {
			return rt("ClientValueText").Call(x)
		}
		switch base.Named.Enum.Base {
		case generator.RefString:
			return jen.String().Call(x)
		case generator.RefFloat64:
			return jen.Qual(pkgStrconv, "FormatFloat").Call(jen.Float64().Call(x), jen.LitRune('f'), jen.Lit(-1), jen.Lit(64))
		}
		return formatInt()
	}
	return rt("ClientValueText").Call(x)
}

// clientListValues is a []string expression of a list of scalars: the list
// itself for strings, formatted element by element otherwise.
func (g *clientGen) clientListValues(elem, list *generator.TypeRef, x *jen.Statement) *jen.Statement {
	if elem.Kind == generator.RefString {
		if list.Kind == generator.RefNamed {
			return jen.Index().String().Call(x)
		}
		return x
	}
	g.usesStrings = true
	if generator.IsScalarUnion(elem) {
		g.usesJSONText = true
	}
	return jen.Id("clientStrings").Call(x, jen.Func().Params(jen.Id("v").Add(typeRef(elem))).String().Block(
		jen.Return(clientFormat(elem, jen.Id("v"))),
	))
}

// genParamsEncoding writes every query, header and cookie parameter that
// is set, then the filter, which encodes itself.
func (g *clientGen) genParamsEncoding(b *jen.Group, op *generator.Operation) {
	for _, group := range [][]*generator.Param{op.QueryParams, op.HeaderParams, op.CookieParams} {
		for _, p := range group {
			if p.Filter == nil {
				g.genParamEncoding(b, p)
			}
		}
	}
	if op.Filter != nil {
		b.Id("params").Dot(generator.FilterField).Dot(generator.FilterAppendQuery).Call(jen.Id("s").Dot("Query"))
	}
}

// genParamEncoding writes one parameter when it is set: optional scalars
// are pointers (nil is absent), lists and maps are absent when empty.
func (g *clientGen) genParamEncoding(b *jen.Group, p *generator.Param) {
	if put := g.clientPutCall(p); put != nil {
		b.Add(put)
		return
	}
	field := jen.Id("params").Dot(p.GoName)
	value := field.Clone()
	if p.ByPointer() && generator.ClientEncoding(p) != generator.EncodeObject {
		value = clientDeref(p.Type, field.Clone())
	}
	set := g.clientParamSet(p, value)
	switch {
	case p.ByPointer() || (!p.Required && p.Type.Kind == generator.RefAny):
		b.If(field.Clone().Op("!=").Nil()).Block(set...)
	case !p.Required && p.Type.IsCollection():
		b.If(jen.Len(field.Clone()).Op(">").Lit(0)).Block(set...)
	default:
		b.Add(set...)
	}
}

// clientParamSet adds a parameter's value x to the call, in its location
// and style.
func (g *clientGen) clientParamSet(p *generator.Param, x *jen.Statement) []jen.Code {
	switch generator.ClientEncoding(p) {
	case generator.EncodeScalar:
		return []jen.Code{clientPut(p, clientFormat(p.Type, x))}
	case generator.EncodeScalarUnion:
		g.usesJSONText = true
		return []jen.Code{clientPut(p, clientFormat(p.Type, x))}
	case generator.EncodeList:
		values := g.clientListValues(clientUnalias(p.Type).Elem, p.Type, x)
		if p.In == "query" && (p.Explode || p.Style == "deepObject") {
			return []jen.Code{jen.For(jen.List(jen.Id("_"), jen.Id("v")).Op(":=").Range().Add(values)).Block(
				jen.Id("s").Dot("Query").Dot("Add").Call(jen.Lit(p.Name), jen.Id("v")),
			)}
		}
		if p.In == "query" {
			g.usesAddList = true
			return []jen.Code{jen.Id("s").Dot("AddList").Call(jen.Lit(p.Name), jen.Lit(clientListSeparator(p)), values)}
		}
		return []jen.Code{clientPut(p, jen.Qual(pkgStrings, "Join").Call(values, jen.Lit(",")))}
	case generator.EncodeDeepObject:
		return []jen.Code{rt("ClientDeepObject").Call(jen.Id("s").Dot("Query"), jen.Lit(p.Name), x)}
	case generator.EncodeUnionList:
		g.usesUnionItems, g.usesJSONText, g.usesPut = true, true, true
		g.clientFormatter(&generator.TypeRef{Kind: generator.RefString})
		return []jen.Code{jen.Id("clientList").Call(jen.Id("s"), rt("ClientInQuery"), jen.Lit(p.Name), jen.Lit(listSeparatorOf(p)), rt("ClientUnionItems").Call(x), jen.Id("clientString"))}
	case generator.EncodeObject:
		if p.In != "query" {
			return []jen.Code{clientPut(p, g.clientStyledObject(p, x, jen.Nil()))}
		}
		g.usesObject = true
		return []jen.Code{rt("ClientAddObject").Call(jen.Id("s"), jen.Lit(p.Name), jen.Lit(p.Style == "deepObject"), jen.Lit(p.Explode), g.clientObjectPairs(p.Type, x))}
	}
	return []jen.Code{clientPut(p, g.clientJSONValue(p, x))}
}

// clientJSONValue writes a value that no style defines as JSON text, and a
// parameter declared with content application/json as exactly its JSON.
func (g *clientGen) clientJSONValue(p *generator.Param, x *jen.Statement) jen.Code {
	if p.ContentJSON {
		g.usesContentJSON = true
		return rt("ClientJSONText").Call(x)
	}
	g.usesJSONText = true
	return rt("ClientValueText").Call(x)
}

// clientPut sets a parameter's written value in its location.
func clientPut(p *generator.Param, value jen.Code) jen.Code {
	switch p.In {
	case "header":
		return jen.Id("s").Dot("Header").Dot("Set").Call(jen.Lit(p.Name), value)
	case "cookie":
		return jen.Id("s").Dot("Cookies").Op("=").Append(jen.Id("s").Dot("Cookies"), jen.Op("&").Qual(pkgHTTP, "Cookie").Values(jen.Dict{
			jen.Id("Name"): jen.Lit(p.Name), jen.Id("Value"): value,
		}))
	}
	return jen.Id("s").Dot("Query").Dot("Set").Call(jen.Lit(p.Name), value)
}

// clientListSeparator joins the escaped values of a query list that is not
// exploded.
func clientListSeparator(p *generator.Param) string {
	switch p.Style {
	case "spaceDelimited":
		return "%20"
	case "pipeDelimited":
		return "|"
	}
	return ","
}

// clientObjectPairs is the key, value, key, value... list of an object
// parameter: a map in key order, a struct in property order.
func (g *clientGen) clientObjectPairs(t *generator.TypeRef, x *jen.Statement) jen.Code {
	base := clientUnalias(t)
	if base.Kind == generator.RefMap {
		g.usesMapPairs = true
		return jen.Id("clientMapPairs").Call(x, jen.Func().Params(jen.Id("v").Add(typeRef(base.Elem))).String().Block(
			jen.Return(clientFormat(base.Elem, jen.Id("v"))),
		))
	}
	return jen.Func().Params().Index().String().BlockFunc(func(b *jen.Group) {
		b.Var().Id("w").Index().String()
		for _, fl := range base.Named.Fields {
			v := x.Clone().Dot(fl.Name)
			add := func(value *jen.Statement) jen.Code {
				return jen.Id("w").Op("=").Append(jen.Id("w"), jen.Lit(fl.JSONName), clientFormat(fl.Type, value))
			}
			if fl.Shape() == generator.ShapePointer {
				b.If(v.Clone().Op("!=").Nil()).Block(add(clientDeref(fl.Type, v.Clone())))
				continue
			}
			b.Add(add(v))
		}
		b.Return(jen.Id("w"))
	}).Call()
}

// clientDeref is the value behind a pointer, as clientFormat takes it: a
// date-time stays a pointer, since its Format method goes through it.
func clientDeref(t *generator.TypeRef, ptr *jen.Statement) *jen.Statement {
	if t.Kind == generator.RefTime {
		return ptr
	}
	return jen.Op("*").Add(ptr)
}

// clientStyledObject writes an object of scalars outside the query in its
// style (simple, label, matrix; form in a cookie as simple), each key and
// value passed through escape (nil: as it is).
func (g *clientGen) clientStyledObject(p *generator.Param, x *jen.Statement, escape jen.Code) jen.Code {
	g.usesStyledObject = true
	return rt("ClientStyledObject").Call(jen.Lit(p.Style), jen.Lit(p.Name), jen.Lit(p.Explode), g.clientObjectPairs(p.Type, x), escape)
}
