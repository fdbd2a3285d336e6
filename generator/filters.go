package generator

// Filter is the typed filter of one list operation: its bracket parameters
// grouped by field.
type Filter struct {
	// TypeName is the Go name of the filter type ("ListLivesFilter").
	TypeName string
}

// buildFilter groups the bracket filter parameters of o.
func (b *builder) buildFilter(o *Operation) {}
