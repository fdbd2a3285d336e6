package generator

// Bulk describes a request body list that may be sent in chunks.
type Bulk struct{}

// detectBulk recognises bulk operations.
func (b *builder) detectBulk(o *Operation) {}
