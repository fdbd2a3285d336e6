package specdiff

import "github.com/seed-0d47db62/livegen/generator"

// goType writes a type reference as Go source writes it.
func goType(r *generator.TypeRef) string {
	if r == nil {
		return "no body"
	}
	switch r.Kind {
	case generator.RefString:
		return "string"
	case generator.RefInt:
		return "int"
	case generator.RefInt32:
		return "int32"
	case generator.RefInt64:
		return "int64"
	case generator.RefFloat32:
		return "float32"
	case generator.RefFloat64:
		return "float64"
	case generator.RefBool:
		return "bool"
	case generator.RefTime:
		return "time.Time"
	case generator.RefBytes:
		return "[]byte"
	case generator.RefAny:
		return "any"
	case generator.RefRaw:
		return "json.RawMessage"
	case generator.RefSlice:
		return "[]" + goType(r.Elem)
	case generator.RefMap:
		return "map[string]" + goType(r.Elem)
	case generator.RefNamed:
		return r.Named.Name
	}
	return "an unknown type"
}

// fieldType is the Go type of a struct field, with its shape.
func fieldType(f *generator.Field) string {
	switch f.Shape() {
	case generator.ShapePointer:
		return "*" + goType(f.Type)
	case generator.ShapeNullable:
		return "Nullable[" + goType(f.Type) + "]"
	}
	return goType(f.Type)
}

// paramType is the Go type of a parameter's field.
func paramType(p *generator.Param) string {
	if p.ByPointer() {
		return "*" + goType(p.Type)
	}
	return goType(p.Type)
}

// bodyType is the Go type of a request body, with its media type when it
// is not JSON.
func bodyType(b *generator.RequestBody) string {
	t := goType(b.Type)
	if !b.JSON {
		t += " (" + b.ContentType + ")"
	}
	return t
}

// responseType is the Go type of an answer's body.
func responseType(r *generator.Response) string {
	t := goType(r.Type)
	if r.Type != nil && !r.JSON {
		t += " (" + r.ContentType + ")"
	}
	return t
}
