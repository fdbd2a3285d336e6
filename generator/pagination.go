package generator

import (
	"math"
)

// Pagination describes a list operation that pages through {items, total}
// answers; the client gets a method that walks every page.
//
// The rule: the operation has integer query parameters for the page number
// (named page or page_number) and for the page size (limit, per_page or
// page_size; case, '_' and '-' do not matter), and exactly one success
// answer, a JSON object with a list property items and an integer property
// total (or total_count).
type Pagination struct {
	// Page and Limit are the page number and page size parameters.
	Page, Limit *Param
	// FirstPage is the number of the first page: the page parameter's
	// minimum when it declares one, else 1.
	FirstPage int64
	// Response is the success answer that carries one page.
	Response *Response
	// Items is the list property of the answer; Total counts every item of
	// every page.
	Items, Total *Field
	// Item is the type of one item.
	Item *TypeRef

	// Method is the Go name of the client method that walks every page
	// ("ListLivesAll"); PageVar is its local variable for the page number.
	Method, PageVar string
}

var (
	pageParamNames  = []string{"page", "pagenumber"}
	limitParamNames = []string{"limit", "perpage", "pagesize"}
	totalFieldNames = []string{"total", "totalcount"}
)

// detectPagination recognises list operations that page through {items, total}.
func (b *builder) detectPagination(o *Operation) {
	page := pagingParam(o, pageParamNames)
	limit := pagingParam(o, limitParamNames)
	if page == nil || limit == nil {
		return
	}
	successes := clientSuccesses(o)
	if len(successes) != 1 || !successes[0].JSON || successes[0].Type == nil || successes[0].Type.Kind != RefNamed {
		return
	}
	answer := successes[0].Type.Named
	if answer.Kind != KindStruct {
		return
	}
	items, total := itemsField(answer), totalField(answer)
	if items == nil || total == nil {
		return
	}
	o.Pagination = &Pagination{
		Page:      page,
		Limit:     limit,
		FirstPage: firstPage(page),
		Response:  successes[0],
		Items:     items,
		Total:     total,
		Item:      items.Type.Elem,
	}
}

// pagingName folds a wire name, so that per_page, perPage and per-page
// compare equal.
func pagingName(name string) string { return foldWord(name) }

// pagingParam finds the integer query parameter with one of names.
func pagingParam(o *Operation, names []string) *Param {
	for _, p := range o.QueryParams {
		if p.Filter != nil || !isIntegerRef(p.Type) {
			continue
		}
		for _, n := range names {
			if pagingName(p.Name) == n {
				return p
			}
		}
	}
	return nil
}

// itemsField finds the list property items of an answer, held as a plain slice.
func itemsField(t *Type) *Field {
	for _, f := range t.Fields {
		shape := f.Shape()
		if f.JSONName == "items" && f.Type.Kind == RefSlice && (shape == ShapeValue || shape == ShapeOmitZero) {
			return f
		}
	}
	return nil
}

// totalField finds the integer total of an answer, held by value or pointer.
func totalField(t *Type) *Field {
	for _, name := range totalFieldNames {
		for _, f := range t.Fields {
			shape := f.Shape()
			if pagingName(f.JSONName) == name && isIntegerRef(f.Type) && (shape == ShapeValue || shape == ShapePointer) {
				return f
			}
		}
	}
	return nil
}

// isIntegerRef reports whether a type is a Go integer (not an enum or alias).
func isIntegerRef(t *TypeRef) bool {
	return t.Kind == RefInt || t.Kind == RefInt32 || t.Kind == RefInt64
}

// firstPage is the page parameter's minimum when it is a whole number ≥ 0,
// as 0-based APIs declare; 1 otherwise.
func firstPage(p *Param) int64 {
	minimum := p.Type.Constraints.Minimum
	if minimum == nil || *minimum < 0 || *minimum != math.Trunc(*minimum) || *minimum > 1<<31 {
		return 1
	}
	if p.Type.Constraints.ExclusiveMinimum {
		return int64(*minimum) + 1
	}
	return int64(*minimum)
}
