package templates

import (
	"strconv"

	"github.com/dave/jennifer/jen"
)

const (
	pkgUTF8   = "unicode/utf8"
	pkgMail   = "net/mail"
	pkgNetip  = "net/netip"
	pkgMath   = "math"
	pkgSlices = "slices"
)

// Identifiers of the validation runtime in validate.gen.go. They are
// unexported, so no schema type (always exported) can take them.
const (
	valState = "State"
	valPath  = "Path"
)

// statePtr and pathPtr are the parameter types of every validate method.
func statePtr() *jen.Statement { return jen.Op("*").Add(rt(valState)) }
func pathPtr() *jen.Statement  { return jen.Op("*").Add(rt(valPath)) }

// genProblemAliases names the runtime's Problem and ValidationError in the
// generated package, where users see them.
func genProblemAliases(f *jen.File) {
	f.Comment("Problem is one thing wrong with a request or a value: where it is and what is")
	f.Comment("wrong. The problem text never repeats a credential.")
	f.Type().Id("Problem").Op("=").Add(rt("Problem"))
	f.Comment("ValidationError lists every problem found in a value or a request. The handler")
	f.Comment("answers it with 400; a Server method may return one to answer the same way.")
	f.Type().Id("ValidationError").Op("=").Add(rt("ValidationError"))
}

// genProblemTypes renders Problem and ValidationError, the types users see.
func genProblemTypes(f *jen.File) {
	f.Comment("Problem is one thing wrong with a request or a value: where it is and what is")
	f.Comment("wrong. The problem text never repeats a credential.")
	f.Type().Id("Problem").Struct(
		jen.Comment("In is where the value was read from: path, query, header, cookie or body.").Line().
			Id("In").String().Tag(map[string]string{"json": "in"}),
		jen.Comment("Name is the parameter's name, or a JSON pointer into the body (\"/items/3/email\";").Line().
			Comment("\"\" is the whole body).").Line().
			Id("Name").String().Tag(map[string]string{"json": "name"}),
		jen.Comment("Problem says what is wrong.").Line().
			Id("Problem").String().Tag(map[string]string{"json": "problem"}),
	)
	f.Comment("ValidationError lists every problem found in a value or a request. The handler")
	f.Comment("answers it with 400; a Server method may return one to answer the same way.")
	f.Type().Id("ValidationError").Struct(
		jen.Comment("Problems are the first "+strconv.Itoa(valListed)+" problems found, each once.").Line().
			Id("Problems").Index().Add(rt("Problem")),
		jen.Comment("MoreProblems counts the problems found beyond those listed. Checks stop after").Line().
			Comment(strconv.Itoa(valStopAfter)+" problems, so a value may have more still.").Line().
			Id("MoreProblems").Int(),
	)
	// Appending to a []byte compiles to less than strings.Builder, whose
	// WriteString is inlined at every call.
	b := jen.Id("b")
	add := func(x jen.Code) jen.Code { return b.Clone().Op("=").Append(b.Clone(), jen.Add(x).Op("...")) }
	f.Comment("Error lists the problems on one line.")
	f.Func().Params(jen.Id("e").Op("*").Id("ValidationError")).Id("Error").Params().String().Block(
		b.Clone().Op(":=").Index().Byte().Call(jen.Lit("invalid")),
		jen.For(jen.List(jen.Id("i"), jen.Id("p")).Op(":=").Range().Id("e").Dot("Problems")).Block(
			jen.Id("sep").Op(":=").Lit("; "),
			jen.If(jen.Id("i").Op("==").Lit(0)).Block(jen.Id("sep").Op("=").Lit(" ")),
			add(jen.Id("sep").Op("+").Id("p").Dot("In")),
			jen.If(jen.Id("p").Dot("Name").Op("!=").Lit("")).Block(add(jen.Lit(" ").Op("+").Id("p").Dot("Name"))),
			add(jen.Lit(": ").Op("+").Id("p").Dot("Problem")),
		),
		jen.If(jen.Id("e").Dot("MoreProblems").Op(">").Lit(0)).Block(
			add(jen.Lit("; and ").Op("+").Qual(pkgStrconv, "Itoa").Call(jen.Id("e").Dot("MoreProblems")).Op("+").Lit(" more")),
		),
		jen.Return(jen.String().Call(b.Clone())),
	)
}

// genValidationPath renders validationPath: where a value sits. Checks build
// it on the stack as they descend and turn it into text only for a problem.
func genValidationPath(f *jen.File) {
	p := jen.Id("p")
	f.Comment(valPath + " is where a value sits: the root names the location (and the parameter),")
	f.Comment("each step a property or an item. Checks build it on the stack as they descend and")
	f.Comment("turn it into text only when they find a problem.")
	f.Type().Add(rt(valPath)).Struct(
		incomparable(),
		jen.Id("Parent").Add(pathPtr()),
		jen.Id("In").String(),
		jen.Id("Name").String(),
		jen.Id("Index").Int(),
		jen.Id("IsIndex").Bool(),
		jen.Id("Brackets").Bool(),
	)
	f.Comment("field is the path of property name below p.")
	f.Func().Params(p.Clone().Add(pathPtr())).Id("Field").Params(jen.Id("name").String()).Add(pathPtr()).Block(
		jen.Return(jen.Op("&").Add(rt(valPath)).Values(jen.Dict{jen.Id("Parent"): p, jen.Id("Name"): jen.Id("name")})),
	)
	f.Comment("item is the path of item i below p.")
	f.Func().Params(p.Clone().Add(pathPtr())).Id("Item").Params(jen.Id("i").Int()).Add(pathPtr()).Block(
		jen.Return(jen.Op("&").Add(rt(valPath)).Values(jen.Dict{jen.Id("Parent"): p, jen.Id("Index"): jen.Id("i"), jen.Id("IsIndex"): jen.True()})),
	)
	f.Comment("String is the parameter's name, or a JSON pointer into the body, with the steps below:")
	f.Comment("name/0/k, or name[0][k] for a deepObject parameter, which is written so.")
	f.Func().Params(p.Clone().Add(pathPtr())).Id("String").Params().String().Block(
		jen.Var().Id("steps").Index().String(),
		jen.For(jen.Id("q").Op(":=").Id("p"), jen.Id("q").Op("!=").Nil(), jen.Id("q").Op("=").Id("q").Dot("Parent")).Block(
			jen.Switch().Block(
				jen.Case(jen.Id("q").Dot("Parent").Op("==").Nil()).Block(
					jen.Id("steps").Op("=").Append(jen.Id("steps"), jen.Id("q").Dot("Name")),
				),
				jen.Case(jen.Id("q").Dot("IsIndex")).Block(
					jen.Id("steps").Op("=").Append(jen.Id("steps"), jen.Qual(pkgStrconv, "Itoa").Call(jen.Id("q").Dot("Index"))),
				),
				jen.Default().Block(
					jen.Id("steps").Op("=").Append(jen.Id("steps"), jen.Id("validationPointerEscaper").Dot("Replace").Call(jen.Id("q").Dot("Name"))),
				),
			),
		),
		// A loop rather than slices.Reverse, whose generic instances would be compiled into the package.
		jen.For(jen.List(jen.Id("i"), jen.Id("j")).Op(":=").List(jen.Lit(0), jen.Len(jen.Id("steps")).Op("-").Lit(1)), jen.Id("i").Op("<").Id("j"), jen.List(jen.Id("i"), jen.Id("j")).Op("=").List(jen.Id("i").Op("+").Lit(1), jen.Id("j").Op("-").Lit(1))).Block(
			jen.List(jen.Id("steps").Index(jen.Id("i")), jen.Id("steps").Index(jen.Id("j"))).Op("=").List(jen.Id("steps").Index(jen.Id("j")), jen.Id("steps").Index(jen.Id("i"))),
		),
		jen.If(jen.Id("p").Dot("Root").Call().Dot("Brackets").Op("&&").Len(jen.Id("steps")).Op(">").Lit(1)).Block(
			jen.Return(jen.Id("steps").Index(jen.Lit(0)).Op("+").Lit("[").Op("+").Qual(pkgStrings, "Join").Call(jen.Id("steps").Index(jen.Lit(1), jen.Empty()), jen.Lit("][")).Op("+").Lit("]")),
		),
		jen.Return(jen.Qual(pkgStrings, "Join").Call(jen.Id("steps"), jen.Lit("/"))),
	)
	f.Comment("validationPointerEscaper escapes a property name for a JSON pointer (RFC 6901).")
	f.Var().Id("validationPointerEscaper").Op("=").Qual(pkgStrings, "NewReplacer").Call(jen.Lit("~"), jen.Lit("~0"), jen.Lit("/"), jen.Lit("~1"))
	f.Comment("location is where the value was read from: the root's location.")
	f.Func().Params(p.Clone().Add(pathPtr())).Id("Location").Params().String().Block(
		jen.Return(jen.Id("p").Dot("Root").Call().Dot("In")),
	)
	f.Comment("root is the path's first step, which names the location.")
	f.Func().Params(p.Clone().Add(pathPtr())).Id("Root").Params().Add(pathPtr()).Block(
		jen.For(jen.Id("p").Dot("Parent").Op("!=").Nil()).Block(jen.Id("p").Op("=").Id("p").Dot("Parent")),
		jen.Return(jen.Id("p")),
	)
}

// Limits of the problem list, in validate.gen.go: an answer lists the first
// validationListed problems and counts the others; checks stop after
// validationStopAfter, so that a hostile value costs no more than a bad one.
const (
	valListed    = 100
	valStopAfter = 1000
	// valCheckEvery is how many steps of a walk pass between looks at the
	// request's context.
	valCheckEvery = 1024
)

// genValidationState renders validationState, which collects problems;
// addIfProperty says whether a check uses that method.
func genValidationState(f *jen.File, addIfProperty bool) {
	s := jen.Id("s").Op("*").Id(valState)
	sDot := func(name string) *jen.Statement { return jen.Id("s").Dot(name) }
	f.Comment("validationListed is how many problems an answer lists; the others are counted.")
	f.Comment("validationStopAfter distinct problems stop the checks, so that the cost of a")
	f.Comment("hostile value is bounded by these limits and the size of the value.")
	f.Const().Defs(
		jen.Id("validationListed").Op("=").Lit(valListed),
		jen.Id("validationStopAfter").Op("=").Lit(valStopAfter),
	)
	f.Comment(valState + " collects the problems of one value or request, so that all of them are")
	f.Comment("reported together, each once.")
	f.Type().Add(rt(valState)).Struct(
		jen.Comment("ctx is the request's context; checks stop when it is done. Nil outside a request.").Line().
			Id("Ctx").Qual(pkgContext, "Context"),
		jen.Comment("problems are the first validationListed problems; more counts the others.").Line().
			Id("Problems").Index().Add(rt("Problem")),
		jen.Id("More").Int(),
		jen.Comment("stopped says that checks stop: too many problems, or the context is done.").Line().
			Id("Stopped").Bool(),
		jen.Comment("cancelled says that the context ended the checks before their end.").Line().
			Id("Cancelled").Bool(),
		jen.Comment("steps counts the calls of checking, to look at ctx now and then.").Line().
			Id("steps").Int(),
		jen.Comment("seen holds every problem found, so that each is reported once.").Line().
			Id("seen").Map(rt("Problem")).Struct(),
		jen.Comment("absent holds where values were reported absent or null (Problem text empty):").Line().
			Comment("the checks of their zero value would only repeat that, so problems at or").Line().
			Comment("below them are dropped.").Line().
			Id("absent").Map(rt("Problem")).Struct(),
		jen.Comment("ends and open serve the server's scans of a request body: the length of the").Line().
			Comment("larger JSON containers, by their first byte, and a stack of open ones.").Line().
			Id("Ends").Map(jen.Op("*").Byte()).Int(),
		jen.Id("Open").Index().Int(),
	)
	f.Comment("add records a problem with the value at path at.")
	f.Func().Params(s.Clone()).Id("Add").Params(jen.Id("at").Add(pathPtr()), jen.Id("problem").String()).Block(
		jen.If(sDot("Stopped")).Block(jen.Return()),
		sDot("Record").Call(rt("Problem").Values(jen.Dict{
			jen.Id("In"):      jen.Id("at").Dot("Location").Call(),
			jen.Id("Name"):    jen.Id("at").Dot("String").Call(),
			jen.Id("Problem"): jen.Id("problem"),
		})),
	)
	f.Comment("record lists or counts p, unless it repeats a problem or sits at or below an")
	f.Comment("absent value. Each look-up costs the length of p's name, whatever came before.")
	f.Func().Params(s.Clone()).Id("Record").Params(jen.Id("p").Add(rt("Problem"))).Block(
		jen.For(jen.Id("name").Op(":=").Id("p").Dot("Name"), jen.Len(sDot("absent")).Op(">").Lit(0), jen.Empty()).Block(
			jen.If(jen.List(jen.Id("_"), jen.Id("ok")).Op(":=").Add(sDot("absent")).Index(rt("Problem").Values(jen.Dict{jen.Id("In"): jen.Id("p").Dot("In"), jen.Id("Name"): jen.Id("name")})), jen.Id("ok")).Block(jen.Return()),
			jen.Id("i").Op(":=").Qual(pkgStrings, "LastIndexByte").Call(jen.Id("name"), jen.LitRune('/')),
			jen.If(jen.Id("i").Op("<").Lit(0)).Block(jen.Break()),
			jen.Id("name").Op("=").Id("name").Index(jen.Empty(), jen.Id("i")),
		),
		jen.If(jen.List(jen.Id("_"), jen.Id("dup")).Op(":=").Add(sDot("seen")).Index(jen.Id("p")), jen.Id("dup")).Block(jen.Return()),
		jen.If(sDot("seen").Op("==").Nil()).Block(sDot("seen").Op("=").Map(rt("Problem")).Struct().Values()),
		sDot("seen").Index(jen.Id("p")).Op("=").Struct().Values(),
		jen.If(jen.Len(sDot("Problems")).Op("<").Id("validationListed")).Block(
			sDot("Problems").Op("=").Append(sDot("Problems"), jen.Id("p")),
		).Else().Block(sDot("More").Op("++")),
		jen.If(jen.Len(sDot("seen")).Op(">=").Id("validationStopAfter")).Block(sDot("Stopped").Op("=").True()),
	)
	f.Comment("missing records that the value at path at is absent or null where it must not be.")
	f.Func().Params(s.Clone()).Id("Missing").Params(jen.Id("at").Add(pathPtr()), jen.Id("problem").String()).Block(
		jen.If(sDot("Stopped")).Block(jen.Return()),
		jen.Id("p").Op(":=").Add(rt("Problem")).Values(jen.Dict{jen.Id("In"): jen.Id("at").Dot("Location").Call(), jen.Id("Name"): jen.Id("at").Dot("String").Call()}),
		sDot("Record").Call(rt("Problem").Values(jen.Dict{jen.Id("In"): jen.Id("p").Dot("In"), jen.Id("Name"): jen.Id("p").Dot("Name"), jen.Id("Problem"): jen.Id("problem")})),
		sDot("MarkAbsent").Call(jen.Id("p")),
	)
	f.Comment("skip drops the problems that checks would find at or below path at.")
	f.Func().Params(s.Clone()).Id("Skip").Params(jen.Id("at").Add(pathPtr())).Block(
		jen.If(sDot("Stopped")).Block(jen.Return()),
		sDot("MarkAbsent").Call(rt("Problem").Values(jen.Dict{jen.Id("In"): jen.Id("at").Dot("Location").Call(), jen.Id("Name"): jen.Id("at").Dot("String").Call()})),
	)
	f.Comment("markAbsent notes where a value is absent; p has no problem text.")
	f.Func().Params(s.Clone()).Id("MarkAbsent").Params(jen.Id("p").Add(rt("Problem"))).Block(
		jen.If(sDot("absent").Op("==").Nil()).Block(sDot("absent").Op("=").Map(rt("Problem")).Struct().Values()),
		sDot("absent").Index(jen.Id("p")).Op("=").Struct().Values(),
	)
	f.Comment("tooManyItems reports an array of n items where at most max are allowed. Its items")
	f.Comment("are then not checked, so that a long array costs no more than a short one.")
	f.Func().Params(s.Clone()).Id("TooManyItems").Params(jen.Id("at").Add(pathPtr()), jen.List(jen.Id("n"), jen.Id("max")).Int()).Block(
		sDot("Add").Call(jen.Id("at"), jen.Lit("must have at most ").Op("+").Qual(pkgStrconv, "Itoa").Call(jen.Id("max")).Op("+").Lit(" items, not ").Op("+").Qual(pkgStrconv, "Itoa").Call(jen.Id("n"))),
	)
	f.Comment("addIf records a problem with the value at path at when bad is set: one line per check.")
	f.Func().Params(s.Clone()).Id("AddIf").Params(jen.Id("at").Add(pathPtr()), jen.Id("bad").Bool(), jen.Id("problem").String()).Block(
		jen.If(jen.Id("bad")).Block(sDot("Add").Call(jen.Id("at"), jen.Id("problem"))),
	)
	if addIfProperty {
		f.Comment("addIfProperty is addIf for property name below at. Out of line, so that a check")
		f.Comment("of a property is one short call that builds the path only for a problem.")
		f.Comment(noInline)
		f.Func().Params(s.Clone()).Id("AddIfProperty").Params(jen.Id("at").Add(pathPtr()), jen.Id("name").String(), jen.Id("bad").Bool(), jen.Id("problem").String()).Block(
			jen.If(jen.Id("bad")).Block(sDot("Add").Call(jen.Id("at").Dot("Field").Call(jen.Id("name")), jen.Id("problem"))),
		)
	}
	f.Comment("checking reports whether checks go on; walks over many values call it at each")
	f.Comment("step. They stop after too many problems, or when the request's context is done.")
	f.Func().Params(s.Clone()).Id("Checking").Params().Bool().Block(
		jen.If(sDot("Stopped")).Block(jen.Return(jen.False())),
		sDot("steps").Op("++"),
		jen.If(sDot("Ctx").Op("!=").Nil().Op("&&").Add(sDot("steps")).Op("%").Lit(valCheckEvery).Op("==").Lit(0).Op("&&").Add(sDot("Ctx")).Dot("Err").Call().Op("!=").Nil()).Block(
			sDot("Stopped").Op(",").Add(sDot("Cancelled")).Op("=").True().Op(",").True(),
		),
		jen.Return(jen.Op("!").Add(sDot("Stopped"))),
	)
	f.Comment("found is how many distinct problems were found, listed or not.")
	f.Func().Params(s.Clone()).Id("Found").Params().Int().Block(
		jen.Return(jen.Len(sDot("Problems")).Op("+").Add(sDot("More"))),
	)
	f.Comment("err is a *ValidationError with the problems, or nil when there are none.")
	f.Func().Params(s.Clone()).Id("Err").Params().Error().Block(
		jen.If(sDot("Found").Call().Op("==").Lit(0)).Block(jen.Return(jen.Nil())),
		jen.Return(jen.Op("&").Add(rt("ValidationError")).Values(jen.Dict{jen.Id("Problems"): sDot("Problems"), jen.Id("MoreProblems"): sDot("More")})),
	)
}

// formatChecks maps each checked string format to the helper that checks it
// and the problem it reports.
var formatChecks = map[string]struct{ fn, problem string }{
	"email":     {"IsEmail", "must be an email address"},
	"uuid":      {"IsUUID", "must be a UUID (8-4-4-4-12 hexadecimal digits)"},
	"date":      {"IsDate", "must be a date (YYYY-MM-DD)"},
	"date-time": {"IsDateTime", "must be a date-time (RFC 3339)"},
	"uri":       {"IsURI", "must be an absolute URI"},
	"ipv4":      {"IsIPv4", "must be an IPv4 address"},
	"ipv6":      {"IsIPv6", "must be an IPv6 address"},
}

// genFormatCheck renders the helper that checks one string format.
func genFormatCheck(f *jen.File, format string) {
	fn := formatChecks[format].fn
	s := jen.Id("s")
	var body []jen.Code
	switch format {
	case "email":
		f.Comment(fn + " reports whether s is a bare email address (no display name, no angle brackets).")
		body = []jen.Code{
			jen.List(jen.Id("a"), jen.Err()).Op(":=").Qual(pkgMail, "ParseAddress").Call(s),
			jen.Return(jen.Err().Op("==").Nil().Op("&&").Id("a").Dot("Name").Op("==").Lit("").Op("&&").Id("a").Dot("Address").Op("==").Id("s")),
		}
	case "uuid":
		f.Comment(fn + " reports whether s is a UUID in its 36-character text form.")
		body = []jen.Code{
			jen.If(jen.Len(s).Op("!=").Lit(36)).Block(jen.Return(jen.False())),
			jen.For(jen.Id("i").Op(":=").Lit(0), jen.Id("i").Op("<").Len(s), jen.Id("i").Op("++")).Block(
				jen.Id("c").Op(":=").Id("s").Index(jen.Id("i")),
				jen.Switch(jen.Id("i")).Block(
					jen.Case(jen.Lit(8), jen.Lit(13), jen.Lit(18), jen.Lit(23)).Block(
						jen.If(jen.Id("c").Op("!=").LitRune('-')).Block(jen.Return(jen.False())),
					),
					jen.Default().Block(
						jen.If(jen.Op("!").Parens(
							jen.Id("c").Op(">=").LitRune('0').Op("&&").Id("c").Op("<=").LitRune('9').Op("||").
								Id("c").Op(">=").LitRune('a').Op("&&").Id("c").Op("<=").LitRune('f').Op("||").
								Id("c").Op(">=").LitRune('A').Op("&&").Id("c").Op("<=").LitRune('F'))).Block(jen.Return(jen.False())),
					),
				),
			),
			jen.Return(jen.True()),
		}
	case "date", "date-time":
		layout := "DateOnly"
		if format == "date-time" {
			layout = "RFC3339"
		}
		f.Comment(fn + " reports whether s is a " + format + " as RFC 3339 writes it.")
		body = []jen.Code{
			jen.List(jen.Id("_"), jen.Err()).Op(":=").Qual(pkgTime, "Parse").Call(jen.Qual(pkgTime, layout), s),
			jen.Return(jen.Err().Op("==").Nil()),
		}
	case "uri":
		f.Comment(fn + " reports whether s is an absolute URI (with a scheme).")
		body = []jen.Code{
			jen.List(jen.Id("u"), jen.Err()).Op(":=").Qual(pkgURL, "Parse").Call(s),
			jen.Return(jen.Err().Op("==").Nil().Op("&&").Id("u").Dot("Scheme").Op("!=").Lit("")),
		}
	case "ipv4", "ipv6":
		is := "Is4"
		if format == "ipv6" {
			is = "Is6"
		}
		f.Comment(fn + " reports whether s is an " + format + " address.")
		body = []jen.Code{
			jen.List(jen.Id("a"), jen.Err()).Op(":=").Qual(pkgNetip, "ParseAddr").Call(s),
			jen.Return(jen.Err().Op("==").Nil().Op("&&").Id("a").Dot(is).Call()),
		}
	}
	f.Func().Add(rt(fn)).Params(jen.Id("s").String()).Bool().Block(body...)
}

// genMultipleOf renders the helper for multipleOf on numbers.
func genMultipleOf(f *jen.File) {
	f.Comment("MultipleOf reports whether x is a multiple of m, allowing for rounding.")
	f.Func().Add(rt("MultipleOf")).Params(jen.List(jen.Id("x"), jen.Id("m")).Float64()).Bool().Block(
		jen.Id("q").Op(":=").Id("x").Op("/").Id("m"),
		jen.Return(jen.Qual(pkgMath, "Abs").Call(jen.Id("q").Op("-").Qual(pkgMath, "Round").Call(jen.Id("q"))).Op("<").Lit(1e-9)),
	)
}

// genUniqueHelpers renders the helpers for uniqueItems and
// x-livegen-unique-by; each duplicate is named with the item it repeats.
func genUniqueHelpers(f *jen.File, comparable, byJSON, by bool) {
	c, at := jen.Id("c").Add(statePtr()), jen.Id("at").Add(pathPtr())
	if comparable {
		f.Comment("Unique reports every item that repeats an earlier one (uniqueItems).")
		f.Func().Add(rt("Unique")).Types(jen.Id("T").Comparable()).Params(c.Clone(), at.Clone(), jen.Id("items").Index().Id("T")).Block(
			jen.Id("first").Op(":=").Make(jen.Map(jen.Id("T")).Int(), jen.Len(jen.Id("items"))),
			uniqueLoop(jen.Id("x")),
		)
	}
	if byJSON {
		f.Comment("UniqueJSON reports every item whose JSON form repeats an earlier one's")
		f.Comment("(uniqueItems on items that Go cannot compare).")
		f.Func().Add(rt("UniqueJSON")).Types(jen.Id("T").Any()).Params(c.Clone(), at.Clone(), jen.Id("items").Index().Id("T")).Block(
			jen.Id("first").Op(":=").Make(jen.Map(jen.String()).Int(), jen.Len(jen.Id("items"))),
			uniqueLoop(rt("JSONKey").Call(jen.Id("x"))),
		)
	}
	if by {
		f.Comment("UniqueBy reports every item whose property prop repeats an earlier item's")
		f.Comment("(x-livegen-unique-by); key returns false for an item without the property.")
		f.Func().Add(rt("UniqueBy")).Types(jen.Id("K").Comparable()).Params(
			c.Clone(), at.Clone(), jen.Id("prop").String(), jen.Id("n").Int(), jen.Id("key").Func().Params(jen.Int()).Params(jen.Id("K"), jen.Bool()),
		).Block(
			jen.Id("first").Op(":=").Make(jen.Map(jen.Id("K")).Int(), jen.Id("n")),
			jen.For(jen.Id("i").Op(":=").Lit(0), jen.Id("i").Op("<").Id("n"), jen.Id("i").Op("++")).Block(
				jen.List(jen.Id("k"), jen.Id("ok")).Op(":=").Id("key").Call(jen.Id("i")),
				jen.If(jen.Op("!").Id("ok")).Block(jen.Continue()),
				jen.If(jen.List(jen.Id("j"), jen.Id("dup")).Op(":=").Id("first").Index(jen.Id("k")), jen.Id("dup")).Block(
					jen.Id("c").Dot("Add").Call(jen.Id("at").Dot("Item").Call(jen.Id("i")).Dot("Field").Call(jen.Id("prop")),
						jen.Qual(pkgFmt, "Sprintf").Call(jen.Lit("%#v is also the %s of item %d; each item's %s must be unique"), jen.Id("k"), jen.Id("prop"), jen.Id("j"), jen.Id("prop"))),
					jen.Continue(),
				),
				jen.Id("first").Index(jen.Id("k")).Op("=").Id("i"),
			),
		)
	}
}

// uniqueLoop is the loop of validationUnique and validationUniqueJSON.
func uniqueLoop(key jen.Code) *jen.Statement {
	return jen.For(jen.List(jen.Id("i"), jen.Id("x")).Op(":=").Range().Id("items")).Block(
		jen.Id("k").Op(":=").Add(key),
		jen.If(jen.List(jen.Id("j"), jen.Id("dup")).Op(":=").Id("first").Index(jen.Id("k")), jen.Id("dup")).Block(
			jen.Id("c").Dot("Add").Call(jen.Id("at").Dot("Item").Call(jen.Id("i")),
				jen.Lit("repeats item ").Op("+").Qual(pkgStrconv, "Itoa").Call(jen.Id("j")).Op("+").Lit("; items must be unique")),
			jen.Continue(),
		),
		jen.Id("first").Index(jen.Id("k")).Op("=").Id("i"),
	)
}

// genJSONKey renders the key function of validationUniqueJSON.
func genJSONKey(f *jen.File) {
	f.Comment("JSONKey is the JSON text of x, which compares values of any shape.")
	f.Func().Add(rt("JSONKey")).Types(jen.Id("T").Any()).Params(jen.Id("x").Id("T")).String().Block(
		jen.List(jen.Id("data"), jen.Id("_")).Op(":=").Qual(pkgJSON, "Marshal").Call(jen.Id("x")),
		jen.Return(jen.String().Call(jen.Id("data"))),
	)
}

// genSortedKeys renders the helper that visits map entries in key order, so
// that problems come in the same order on every run.
func genSortedKeys(f *jen.File) {
	f.Comment("SortedKeys lists the keys of m in order, so that problems come in a stable order.")
	f.Func().Add(rt("SortedKeys")).Types(jen.Id("V").Any()).Params(jen.Id("m").Map(jen.String()).Id("V")).Index().String().Block(
		jen.Id("keys").Op(":=").Make(jen.Index().String(), jen.Lit(0), jen.Len(jen.Id("m"))),
		jen.For(jen.Id("k").Op(":=").Range().Id("m")).Block(jen.Id("keys").Op("=").Append(jen.Id("keys"), jen.Id("k"))),
		jen.Comment("sort.Strings rather than slices.Sorted, whose generic instances would be compiled into the package."),
		jen.Qual(pkgSort, "Strings").Call(jen.Id("keys")),
		jen.Return(jen.Id("keys")),
	)
}

// genValidateRoot renders what every exported Validate method calls, so that
// each of them is one line.
func genValidateRoot(f *jen.File) {
	f.Comment("validateRoot checks v as a whole value and returns its problems as an error.")
	f.Func().Id("validateRoot").Params(jen.Id("v").Interface(
		jen.Id("validate").Params(jen.Id("c").Add(statePtr()), jen.Id("at").Add(pathPtr())),
	)).Error().Block(
		jen.Var().Id("c").Add(rt(valState)),
		jen.Id("v").Dot("validate").Call(jen.Op("&").Id("c"), jen.Op("&").Add(rt(valPath)).Values(jen.Dict{jen.Id("In"): jen.Lit("body")})),
		jen.Return(jen.Id("c").Dot("Err").Call()),
	)
}

// genValidateRootIf renders what the Validate method of every enum calls.
func genValidateRootIf(f *jen.File) {
	f.Comment("RootIf returns problem as an error about the whole value when bad holds.")
	f.Func().Add(rt("RootIf")).Params(jen.Id("bad").Bool(), jen.Id("problem").String()).Error().Block(
		jen.If(jen.Op("!").Id("bad")).Block(jen.Return(jen.Nil())),
		jen.Var().Id("c").Add(rt(valState)),
		jen.Id("c").Dot("Add").Call(jen.Op("&").Add(rt(valPath)).Values(jen.Dict{jen.Id("In"): jen.Lit("body")}), jen.Id("problem")),
		jen.Return(jen.Id("c").Dot("Err").Call()),
	)
}

// genStringCheck renders validateString, which checks a string's length
// and pattern; min 0 and max -1 mean no bound, a nil pattern none.
func genStringCheck(f *jen.File) {
	s, at := jen.Id("s"), jen.Id("at")
	f.Comment("CheckString checks the length (in characters) and the pattern of s, at path at.")
	f.Comment("min 0 and max -1 leave the length unbounded; a nil pattern leaves s free.")
	f.Func().Add(rt("CheckString")).Params(jen.Id("c").Add(statePtr()), at.Clone().Add(pathPtr()), s.Clone().String(),
		jen.List(jen.Id("min"), jen.Id("max")).Int(), jen.Id("pattern").Op("*").Qual(pkgRegexp, "Regexp")).Block(
		jen.If(jen.Id("min").Op(">").Lit(0).Op("||").Id("max").Op(">=").Lit(0)).Block(
			jen.Id("n").Op(":=").Qual(pkgUTF8, "RuneCountInString").Call(s.Clone()),
			jen.If(jen.Id("n").Op("<").Id("min")).Block(
				report(at.Clone(), jen.Lit("must be at least ").Op("+").Qual(pkgStrconv, "Itoa").Call(jen.Id("min")).Op("+").Lit(" characters long")),
			).Else().If(jen.Id("max").Op(">=").Lit(0).Op("&&").Id("n").Op(">").Id("max")).Block(
				report(at.Clone(), jen.Lit("must be at most ").Op("+").Qual(pkgStrconv, "Itoa").Call(jen.Id("max")).Op("+").Lit(" characters long")),
			),
		),
		jen.If(jen.Id("pattern").Op("!=").Nil().Op("&&").Op("!").Id("pattern").Dot("MatchString").Call(s.Clone())).Block(
			report(at.Clone(), jen.Lit("must match the pattern ").Op("+").Id("pattern").Dot("String").Call()),
		),
	)
}

// genMinItems renders validateMinItems, the check of minItems.
func genMinItems(f *jen.File) {
	f.Comment("CheckMinItems reports an array of n items where at least min are needed.")
	f.Func().Add(rt("CheckMinItems")).Params(jen.Id("c").Add(statePtr()), jen.Id("at").Add(pathPtr()), jen.List(jen.Id("n"), jen.Id("min")).Int()).Block(
		jen.If(jen.Id("n").Op("<").Id("min")).Block(
			report(jen.Id("at"), jen.Lit("must have at least ").Op("+").Qual(pkgStrconv, "Itoa").Call(jen.Id("min")).Op("+").Lit(" items, not ").Op("+").Qual(pkgStrconv, "Itoa").Call(jen.Id("n"))),
		),
	)
}
