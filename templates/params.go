package templates

import (
	"github.com/dave/jennifer/jen"
	"github.com/seed-0d47db62/livegen/generator"
)

// genParamsStructs renders one struct per operation for its query, header
// and cookie parameters. Client and server share them, so they are models.
func genParamsStructs(f *jen.File, api *generator.API) {
	for _, op := range api.ServedOperations() {
		if op.ParamsType == "" {
			continue
		}
		f.Commentf("%s holds the query, header and cookie parameters of %s.", op.ParamsType, op.Name)
		f.Type().Id(op.ParamsType).StructFunc(func(g *jen.Group) {
			if op.Filter != nil {
				g.Add(doc("Filter selects items by the bracket filter parameters.")).
					Id(generator.FilterField).Id(op.Filter.TypeName)
			}
			for _, p := range nonFilterParams(op) {
				g.Add(doc(paramDoc(p))).Id(p.GoName).Add(paramType(p))
			}
		})
	}
}

// nonFilterParams lists the query, header and cookie parameters that are
// fields of the params struct, in spec order.
func nonFilterParams(op *generator.Operation) []*generator.Param {
	var out []*generator.Param
	for _, group := range [][]*generator.Param{op.QueryParams, op.HeaderParams, op.CookieParams} {
		for _, p := range group {
			if p.Filter == nil {
				out = append(out, p)
			}
		}
	}
	return out
}

// paramDoc documents a parameter with its wire name and location.
func paramDoc(p *generator.Param) string {
	text := p.In + " parameter " + p.Name
	if p.Required {
		text += " (required)"
	}
	if p.Doc != "" {
		text += ": " + p.Doc
	}
	return text
}

// paramType is the Go type of a parameter field.
func paramType(p *generator.Param) *jen.Statement {
	if p.ByPointer() {
		return jen.Op("*").Add(typeRef(p.Type))
	}
	return typeRef(p.Type)
}
