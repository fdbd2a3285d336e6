package generator

// nameServerTypes decides the server-side Go names of an operation.
func (b *builder) nameServerTypes(o *Operation) {}
