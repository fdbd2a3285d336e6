package templates

import (
	"github.com/dave/jennifer/jen"
	"github.com/seed-0d47db62/livegen/generator"
)

// ServerDecodeRuntime renders the runtime's server_decode.gen.go: what every
// handler shares to read a request, whatever the spec: the readers of
// parameters, the JSON scanner that walks a body's text, the kinds of JSON
// values, the report of a body that does not decode. The conditions are
// those under which ServerDecode calls them. nil when the API has no
// operation.
func ServerDecodeRuntime(api *generator.API) ([]byte, error) {
	if len(api.ServedOperations()) == 0 {
		return nil, nil
	}
	c := plannedChecks(api) // which bodies are read; no check is rendered here
	t := newRuntimeText(api)
	t.add(queryNamesPiece.fixed())
	for _, call := range paramReaderCalls(paramReadersOf(api)) {
		t.add(call)
	}
	if unions, _ := unionParams(api); unions {
		t.add(looksScalarPiece.fixed())
	}
	bodies, matcher := c.readsBodies(api), hasMatcher(api)
	if bodies || matcher {
		t.add(mediaTypeMatchesPiece.fixed())
	}
	if bodies {
		t.add(bodyReaderPiece.fixed())
	}
	if hasBodyVariants(api) {
		t.add(bodyVariantPiece.fixed())
	}
	if api.HasDeepObjects() {
		t.add(deepObjectPiece.fixed())
	}
	for _, call := range walkCalls(c, api) {
		t.add(call)
	}
	return t.bytes()
}

// The server decode runtime's pieces.
var (
	queryNamesPiece       = newFixedPiece("queryNames", genQueryNamesRuntime)
	looksScalarPiece      = newFixedPiece("looksScalar", genLooksScalarRuntime)
	mediaTypeMatchesPiece = newFixedPiece("mediaTypeMatches", genMediaTypeMatches)
	bodyReaderPiece       = newFixedPiece("bodyReader", genBodyRuntime)
	bodyVariantPiece      = newFixedPiece("bodyVariant", genServerBodyVariant)
	deepObjectPiece       = newFixedPiece("deepObject", func(f *jen.File) {
		genParamJSONError(f)
		genJSONPathAt(f)
	})
)
