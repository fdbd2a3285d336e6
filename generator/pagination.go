package generator

// Pagination describes how a list operation pages.
type Pagination struct{}

// detectPagination recognises list operations that page through {items, total}.
func (b *builder) detectPagination(o *Operation) {}
