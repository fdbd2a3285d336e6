package templates

import (
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
	c := &checks{plan: generator.PlanValidation(api)} // which bodies are read; no check is rendered here
	f := newRuntimeFile(api)
	genQueryNamesRuntime(f)
	genParamRuntime(f, paramReadersOf(api))
	if unions, _ := unionParams(api); unions {
		genLooksScalarRuntime(f)
	}
	genBodyRuntime(f, c.readsBodies(api), hasMatcher(api))
	if hasBodyVariants(api) {
		genServerBodyVariant(f)
	}
	if api.HasDeepObjects() {
		genParamJSONError(f)
		genJSONPathAt(f)
	}
	genWalkRuntime(f, c, api)
	return render(f)
}
