package generator

// nameClientTypes decides the client-side Go names of an operation.
func (b *builder) nameClientTypes(o *Operation) {}
