package livesim

// pageOf returns one page of items and how many items there are in all.
// Pages are 1-based: page defaults to 1 and limit to def. A page past the
// end is empty, never null in JSON.
func pageOf[T any](items []T, page, limit *int, def int) ([]T, int) {
	p, l, total := 1, def, len(items)
	if page != nil && *page > 1 {
		p = *page
	}
	if limit != nil && *limit > 0 {
		l = *limit
	}
	skip := p - 1
	if skip > total/l {
		return []T{}, total
	}
	start := skip * l
	end := start + min(l, total-start)
	return append([]T{}, items[start:end]...), total
}
