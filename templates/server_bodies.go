package templates

import (
	"slices"
	"strings"

	"github.com/dave/jennifer/jen"
	"github.com/seed-0d47db62/livegen/generator"
)

// hasBodyVariants reports whether a served operation takes several kinds
// of body.
func hasBodyVariants(api *generator.API) bool {
	return slices.ContainsFunc(api.ServedOperations(), func(o *generator.Operation) bool {
		return o.Body != nil && len(o.Body.Alternates) > 0
	})
}

// genBodies reads the body of an operation that takes several kinds: the
// Content-Type picks the body, which is read and decoded into its own
// field; any other type is answered 415 naming the types taken.
func (c *checks) genBodies(g *jen.Group, o *generator.Operation) {
	bodies := o.RequestBodies()
	types := make([]jen.Code, 0, len(bodies)+1)
	names := make([]string, len(bodies))
	types = append(types, jen.Id("r"))
	for i, b := range bodies {
		types = append(types, jen.Lit(mediaType(b.ContentType)))
		names[i] = mediaType(b.ContentType)
	}
	taken := strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
	// A field that several bodies are decoded into is decoded by one function.
	shared := map[string]bool{}
	for _, b := range fieldBodies(o) {
		if len(fieldMediaTypes(o, b)) > 1 {
			shared[bodyField(b)] = true
			g.Id(bodyDecoder(b)).Op(":=").Func().Params(jen.Id("data").Index().Byte()).BlockFunc(func(g *jen.Group) { c.genBody(g, b) })
		}
	}
	g.Id("in").Dot(bodyTypeField).Op("=").Id("r").Dot("Header").Dot("Get").Call(jen.Lit("Content-Type"))
	g.Switch(rt("ServerBodyVariant").Call(types...)).BlockFunc(func(sw *jen.Group) {
		for i, b := range bodies {
			sw.Case(jen.Lit(i)).BlockFunc(func(g *jen.Group) {
				genReadRequestBody(g, b)
				if !shared[bodyField(b)] {
					c.genDecodeRequestBody(g, o, b)
					return
				}
				genBodyJSONText(g, o, b)
				g.Id(bodyDecoder(b)).Call(jen.Id("data"))
			})
		}
		sw.Default().Block(
			jen.Id("serverCheckMediaType").Call(jen.Id("w"), jen.Id("r"), jen.Lit(taken)),
			jen.Return(),
		)
	})
}

// bodyDecoder names the local function that decodes the field of b.
func bodyDecoder(b *generator.RequestBody) string { return "decode" + bodyField(b) }

// genServerBodyVariant renders serverBodyVariant, which picks the body of
// an operation that takes several kinds.
func genServerBodyVariant(f *jen.File) {
	f.Comment("ServerBodyVariant is the index of the media type that a request's Content-Type")
	f.Comment("is, among those an operation takes; 0, the preferred one, for a request without")
	f.Comment("body bytes, and -1 for any other type.")
	f.Func().Add(rt("ServerBodyVariant")).Params(requestParam(), jen.Id("mediaTypes").Op("...").String()).Int().Block(
		jen.If(jen.Id("r").Dot("ContentLength").Op("==").Lit(0)).Block(jen.Return(jen.Lit(0))),
		jen.Id("header").Op(":=").Id("r").Dot("Header").Dot("Get").Call(jen.Lit("Content-Type")),
		jen.Return(jen.Qual(clientPkgSlices, "IndexFunc").Call(jen.Id("mediaTypes"), jen.Func().Params(jen.Id("want").String()).Bool().Block(
			jen.Return(rt("ServerMediaTypeMatches").Call(jen.Id("header"), jen.Id("want"))),
		))),
	)
}

// fieldBodies are the bodies that name each field of an operation's input
// once: the first body decoded into it.
func fieldBodies(o *generator.Operation) []*generator.RequestBody {
	var out []*generator.RequestBody
	for _, b := range o.RequestBodies() {
		if !slices.ContainsFunc(out, func(seen *generator.RequestBody) bool { return bodyField(seen) == bodyField(b) }) {
			out = append(out, b)
		}
	}
	return out
}

// fieldMediaTypes are the content types of the bodies decoded into the
// field of b.
func fieldMediaTypes(o *generator.Operation, b *generator.RequestBody) []string {
	var out []string
	for _, other := range o.RequestBodies() {
		if bodyField(other) == bodyField(b) {
			out = append(out, other.ContentType)
		}
	}
	return out
}
