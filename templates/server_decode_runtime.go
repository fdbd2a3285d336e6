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
	t.add(bodyReadingPiece.call(bodyReading{bodies: c.readsBodies(api), matcher: hasMatcher(api)}))
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

// bodyReading says what of request bodies the handler reads: their text,
// or only their media types.
type bodyReading struct{ bodies, matcher bool }

// The server decode runtime's pieces.
var (
	queryNamesPiece  = newFixedPiece("queryNames", genQueryNamesRuntime)
	looksScalarPiece = newFixedPiece("looksScalar", genLooksScalarRuntime)
	bodyReadingPiece = newPiece("bodyReading", []bodyReading{{false, false}, {false, true}, {true, false}, {true, true}}, func(f *jen.File, r bodyReading) {
		genBodyRuntime(f, r.bodies, r.matcher)
	})
	bodyVariantPiece = newFixedPiece("bodyVariant", genServerBodyVariant)
	deepObjectPiece  = newFixedPiece("deepObject", func(f *jen.File) {
		genParamJSONError(f)
		genJSONPathAt(f)
	})
)
