package templates

import (
	"github.com/dave/jennifer/jen"
	"github.com/seed-0d47db62/livegen/generator"
)

// Validate renders validate.gen.go: a Validate method for every type whose
// schema constrains its values. The server calls the same methods, so client
// and server agree on validity.
func Validate(api *generator.API) ([]byte, error) {
	if !validates(api) {
		return nil, nil
	}
	c := plannedChecks(api)
	f := newFile(api)
	genProblemAliases(f)
	for _, t := range api.Types {
		if c.plan.HasMethod(t) {
			genValidateMethods(f, c, t)
		}
	}
	genValidateRoot(f)
	genPatterns(f, c)
	return render(f)
}

// ValidateRuntime renders the runtime's validate.gen.go: Problem and
// ValidationError, where a value sits, the state that collects problems,
// and the checks that the spec's constraints use.
func ValidateRuntime(api *generator.API) ([]byte, error) {
	if !validates(api) {
		return nil, nil
	}
	c := plannedChecks(api)
	t := newRuntimeText(api)
	t.add(problemTypesPiece.fixed())
	t.add(validationPathPiece.fixed())
	t.add(validationStatePiece.call(c.useAddIfProperty))
	for _, ty := range api.Types {
		if c.plan.HasMethod(ty) && ty.Kind == generator.KindEnum {
			t.add(validateRootIfPiece.fixed())
			break
		}
	}
	for _, call := range checkHelperCalls(c) {
		t.add(call)
	}
	return t.bytes()
}

// validates reports whether the API has anything to validate.
func validates(api *generator.API) bool {
	return len(api.Types) > 0 || len(api.ServedOperations()) > 0
}

// genValidateMethods renders Validate, for users, and validate, which
// reports into a shared state at a path, for other validators and the server.
// Structs and unions take a pointer, so that checking never copies them.
func genValidateMethods(f *jen.File, c *checks, t *generator.Type) {
	recv := jen.Id("v").Id(t.Name)
	if t.Kind == generator.KindStruct || t.Kind == generator.KindUnion || t.Kind == generator.KindTuple {
		recv = jen.Id("v").Op("*").Id(t.Name)
	}
	if t.Kind == generator.KindEnum {
		// Callers check an enum in place with Valid; it has no validate.
		f.Comment("Validate returns a *ValidationError if the spec does not list v, or nil.")
		f.Func().Params(recv).Id("Validate").Params().Error().Block(
			jen.Return(rt("RootIf").Call(jen.Op("!").Id("v").Dot("Valid").Call(), jen.Lit(enumProblem(t)))))
		return
	}
	f.Comment("Validate returns a *ValidationError listing every way v breaks its schema, or nil;")
	f.Comment("validate adds them to c, at path at.")
	f.Func().Params(recv.Clone()).Id("Validate").Params().Error().Block(jen.Return(jen.Id("validateRoot").Call(jen.Id("v"))))
	f.Func().Params(recv).Id("validate").Params(jen.Id("c").Add(statePtr()), jen.Id("at").Add(pathPtr())).BlockFunc(func(g *jen.Group) {
		c.typeBody(g, t)
	})
}

// checkHelperCalls are the runtime pieces holding the helpers that the
// checks of this package use, and only those.
func checkHelperCalls(c *checks) []pieceCall {
	var calls []pieceCall
	for _, format := range generator.CheckedFormats {
		if c.formats[format] {
			calls = append(calls, formatCheckPiece.call(format))
		}
	}
	if c.useMultipleOf {
		calls = append(calls, multipleOfPiece.fixed())
	}
	if c.useString {
		calls = append(calls, stringCheckPiece.fixed())
	}
	if c.useMinItems {
		calls = append(calls, minItemsPiece.fixed())
	}
	calls = append(calls, uniquePiece.call(uniqueUse{c.useUnique, c.useUniqueJSON, c.useUniqueBy}))
	if c.useUniqueJSON {
		calls = append(calls, jsonKeyPiece.fixed())
	}
	if c.useSortedKeys {
		calls = append(calls, sortedKeysPiece.fixed())
	}
	return calls
}

// uniqueUse says which of the uniqueness checks the spec's constraints use.
type uniqueUse struct{ plain, json, by bool }

// The validation runtime's pieces.
var (
	problemTypesPiece    = newFixedPiece("problemTypes", genProblemTypes)
	validationPathPiece  = newFixedPiece("validationPath", genValidationPath)
	validationStatePiece = newPiece("validationState", bothBools, genValidationState)
	validateRootIfPiece  = newFixedPiece("validateRootIf", genValidateRootIf)
	formatCheckPiece     = newPiece("formatCheck", generator.CheckedFormats, genFormatCheck)
	multipleOfPiece      = newFixedPiece("multipleOf", genMultipleOf)
	stringCheckPiece     = newFixedPiece("stringCheck", genStringCheck)
	minItemsPiece        = newFixedPiece("minItems", genMinItems)
	uniquePiece          = newPiece("unique", allUniqueUses(), func(f *jen.File, u uniqueUse) { genUniqueHelpers(f, u.plain, u.json, u.by) })
	jsonKeyPiece         = newFixedPiece("jsonKey", genJSONKey)
	sortedKeysPiece      = newFixedPiece("sortedKeys", genSortedKeys)
)

// allUniqueUses lists every uniqueUse.
func allUniqueUses() []uniqueUse {
	var uses []uniqueUse
	for _, plain := range bothBools {
		for _, json := range bothBools {
			for _, by := range bothBools {
				uses = append(uses, uniqueUse{plain, json, by})
			}
		}
	}
	return uses
}

// genPatterns renders the spec's patterns, compiled once.
func genPatterns(f *jen.File, c *checks) {
	if len(c.patternOrder) == 0 {
		return
	}
	f.Comment("Patterns from the spec, compiled once. The generator checked that Go's regexp")
	f.Comment("accepts each of them, so compiling cannot fail.")
	f.Var().DefsFunc(func(g *jen.Group) {
		for _, p := range c.patternOrder {
			g.Id(c.patterns[p]).Op("=").Qual(pkgRegexp, "MustCompile").Call(jen.Lit(p))
		}
	})
}
