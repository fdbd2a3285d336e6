package templates

import "github.com/dave/jennifer/jen"

// genNullable renders Nullable[T], which keeps absent, null and a value apart
// for optional properties that the spec marks nullable.
func genNullable(f *jen.File) {
	T := jen.Id("T")
	nt := func() *jen.Statement { return jen.Id("Nullable").Types(jen.Id("T")) }
	f.Comment("Nullable holds an optional property that may also be null: the zero value is")
	f.Comment("absent (left out of JSON), Null() is an explicit null, NewNullable(v) is a value.")
	f.Type().Id("Nullable").Types(T.Clone().Any()).Struct(
		jen.Id("value").Id("T"),
		jen.Id("set").Bool(),
		jen.Id("null").Bool(),
	)
	f.Comment("NewNullable returns a Nullable holding v.")
	f.Func().Id("NewNullable").Types(jen.Id("T").Any()).Params(jen.Id("v").Id("T")).Add(nt()).Block(
		jen.Return(nt().Values(jen.Dict{jen.Id("value"): jen.Id("v"), jen.Id("set"): jen.True()})),
	)
	f.Comment("Null returns a Nullable holding an explicit null.")
	f.Func().Id("Null").Types(jen.Id("T").Any()).Params().Add(nt()).Block(
		jen.Return(nt().Values(jen.Dict{jen.Id("set"): jen.True(), jen.Id("null"): jen.True()})),
	)
	f.Comment("Get returns the value and true when a value (not null, not absent) is held.")
	f.Func().Params(jen.Id("n").Add(nt())).Id("Get").Params().Params(jen.Id("T"), jen.Bool()).Block(
		jen.Return(jen.Id("n").Dot("value"), jen.Id("n").Dot("set").Op("&&").Op("!").Id("n").Dot("null")),
	)
	f.Comment("IsNull reports whether an explicit null is held.")
	f.Func().Params(jen.Id("n").Add(nt())).Id("IsNull").Params().Bool().Block(
		jen.Return(jen.Id("n").Dot("set").Op("&&").Id("n").Dot("null")),
	)
	f.Comment("IsZero reports whether the property is absent; encoding/json's omitzero uses it.")
	f.Func().Params(jen.Id("n").Add(nt())).Id("IsZero").Params().Bool().Block(
		jen.Return(jen.Op("!").Id("n").Dot("set")),
	)
	f.Comment("MarshalJSON writes null or the value.")
	f.Func().Params(jen.Id("n").Add(nt())).Id("MarshalJSON").Params().Params(jen.Index().Byte(), jen.Error()).Block(
		jen.If(jen.Op("!").Id("n").Dot("set").Op("||").Id("n").Dot("null")).Block(jen.Return(jen.Index().Byte().Call(jen.Lit("null")), jen.Nil())),
		jen.Return(jen.Qual(pkgJSON, "Marshal").Call(jen.Id("n").Dot("value"))),
	)
	f.Comment("nullableValue makes n hold a value and points at it, so that the client's")
	f.Comment("tolerant decoding can keep what fits of a value that does not fit as a whole.")
	f.Func().Params(jen.Id("n").Op("*").Add(nt())).Id("nullableValue").Params().Any().Block(
		jen.Op("*").Id("n").Op("=").Add(nt()).Values(jen.Dict{jen.Id("set"): jen.True()}),
		jen.Return(jen.Op("&").Id("n").Dot("value")),
	)
	f.Comment("UnmarshalJSON reads null or a value; a property that is absent is never read.")
	f.Comment("The value is decoded in place, which spares an allocation per property; on")
	f.Comment("error n is left absent.")
	f.Func().Params(jen.Id("n").Op("*").Add(nt())).Id("UnmarshalJSON").Params(jen.Id("data").Index().Byte()).Error().Block(
		jen.Op("*").Id("n").Op("=").Add(nt()).Values(),
		jen.List(jen.Id("null"), jen.Err()).Op(":=").Add(rt("NullableDecode")).Call(jen.Id("data"), jen.Op("&").Id("n").Dot("value")),
		jen.List(jen.Id("n").Dot("set"), jen.Id("n").Dot("null")).Op("=").List(jen.Err().Op("==").Nil(), jen.Id("null")),
		jen.Return(jen.Err()),
	)
}

// genNullableRuntime renders the runtime's part of Nullable's UnmarshalJSON.
func genNullableRuntime(f *jen.File) {
	f.Comment("NullableDecode reads null (reporting it) or a value into into: the part of")
	f.Comment("Nullable's UnmarshalJSON that does not depend on T, compiled once.")
	f.Func().Id("NullableDecode").Params(jen.Id("data").Index().Byte(), jen.Id("into").Any()).Params(jen.Bool(), jen.Error()).Block(
		jen.If(jen.String().Call(jen.Qual(pkgBytes, "TrimSpace").Call(jen.Id("data"))).Op("==").Lit("null")).Block(
			jen.Return(jen.True(), jen.Nil()),
		),
		jen.Return(jen.False(), jen.Qual(pkgJSON, "Unmarshal").Call(jen.Id("data"), jen.Id("into"))),
	)
}
