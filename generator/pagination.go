package generator

import (
	"math"
	"strings"
)

// PagingStyle is how a list operation names its next page.
type PagingStyle string

// The pagination styles. Each gets the same iterator, <Method>All, that
// yields the items of every page.
const (
	// PagingPage sends a page number (page=1, 2, ...).
	PagingPage PagingStyle = "page"
	// PagingOffset sends the number of items to skip (offset=0, 50, ...).
	PagingOffset PagingStyle = "offset"
	// PagingCursor sends a property of the last item seen, as Stripe's
	// starting_after=<id> with has_more in the answer.
	PagingCursor PagingStyle = "cursor"
	// PagingToken sends back a token that the answer gives (next_cursor,
	// nextPageToken, NextToken).
	PagingToken PagingStyle = "token"
	// PagingNextURL fetches a URL that the answer's body gives (next,
	// next_page_url, _links.next.href).
	PagingNextURL PagingStyle = "nexturl"
	// PagingLink fetches the URL of the answer's RFC 8288 Link header with
	// rel="next", as GitHub does.
	PagingLink PagingStyle = "link"
)

// PagingStyles lists every style, in the order detection tries them after
// configuration.
var PagingStyles = []PagingStyle{PagingLink, PagingCursor, PagingToken, PagingNextURL, PagingOffset, PagingPage}

// Pagination describes a list operation whose answers come in pages; the
// client gets a method that yields the items of every page.
type Pagination struct {
	Style PagingStyle
	// Reason says why the operation pages this way: the names that
	// detection matched, or the configuration that set it.
	Reason string
	// Param is the query parameter that selects a page: the page number,
	// the offset, the cursor or the token; nil for nexturl and link, which
	// fetch the URL that the server gives.
	Param *Param
	// Limit is the page size parameter; nil when there is none. A page
	// shorter than the limit that was sent is the last one.
	Limit *Param
	// FirstPage is the first page number (page style): the page
	// parameter's minimum when it declares one, else 1.
	FirstPage int64
	// Response is the success answer that carries one page.
	Response *Response
	// Items leads from the answer to the list of items; empty when the
	// answer is the list.
	Items FieldPath
	// Total leads to the number of items of every page; HasMore to the
	// boolean that is false on the last page; Next to the next token or
	// URL. Each is empty when the answer has none.
	Total, HasMore, Next FieldPath
	// CursorField is the property of the last item that a cursor style
	// sends back ("id").
	CursorField *Field
	// Item is the type of one item.
	Item *TypeRef

	// Method is the Go name of the client method that walks every page
	// ("ListLivesAll").
	Method string
	// Locals are the names of the iterator's local variables, clear of
	// its path parameters.
	Locals PagerLocals
}

// PagerLocals name the local variables of a page iterator.
type PagerLocals struct {
	// Key is the key of the page being fetched; First the first key; Page
	// the page that the fetch returns; Client and Header the client that
	// goes to a next URL and the answer's header it keeps.
	Key, First, Page, Client, Header string
}

// FieldPath is a chain of properties from an answer to a value:
// meta.next_page_url is [meta, next_page_url].
type FieldPath []*Field

// String is the path as JSON names joined by dots.
func (p FieldPath) String() string {
	names := make([]string, len(p))
	for i, f := range p {
		names[i] = f.JSONName
	}
	return strings.Join(names, ".")
}

// Last is the field the path ends at; nil for an empty path.
func (p FieldPath) Last() *Field {
	if len(p) == 0 {
		return nil
	}
	return p[len(p)-1]
}

// Parameter and property names that detection knows, folded (case, '_' and
// '-' do not matter).
var (
	pageParamNames   = []string{"page", "pagenumber"}
	limitParamNames  = []string{"limit", "perpage", "pagesize", "maxresults", "maxitems"}
	offsetParamNames = []string{"offset", "startindex", "skip"}
	cursorParamNames = []string{"startingafter"}
	tokenParamNames  = []string{"cursor", "pagetoken", "nexttoken", "nextpagetoken", "continuationtoken", "pagecursor", "continue", "marker"}
	itemsFieldNames  = []string{"items", "data", "results", "result", "entries", "records", "values", "elements"}
	totalFieldNames  = []string{"total", "totalcount", "count", "totalitems", "totalresults", "totalrecordcount"}
	hasMoreNames     = []string{"hasmore"}
	// "continue" is Kubernetes' metadata.continue, "nextmarker" Box's and
	// S3's next_marker/NextMarker; "cursor" last, as Square
	// names its next cursor like the parameter.
	nextTokenNames = []string{"nextcursor", "nextpagetoken", "nexttoken", "nextpagecursor", "continuationtoken", "continue", "nextmarker", "cursor"}
	nextURLNames   = []string{"next", "nextpageurl", "nextpageuri", "nexturl", "nextlink", "odatanextlink"}
	// metaFieldNames hold paging details one level down, as Slack's
	// response_metadata.next_cursor and Twilio's meta.next_page_url.
	metaFieldNames = []string{"responsemetadata", "meta", "metadata", "pagination", "paging", "links", "page", "pageinfo", "resultinfo"}
)

// detectPagination decides whether a list operation pages, and how: the
// operation's x-livegen-pagination or x-speakeasy-pagination, livegen.yaml's
// pagination, else the names the spec uses. Every decision becomes a note.
func (b *builder) detectPagination(o *Operation, ext map[string]any) {
	cfg, where, err := b.pagingConfig(o, ext)
	if err != nil {
		b.fail(where, "%v", err)
		return
	}
	if cfg != nil {
		if cfg.Off {
			b.note(o.Pointer, "no page iterator: %s turns pagination off", cfg.Source)
			return
		}
		pg, err := b.configuredPaging(o, cfg)
		if err != nil {
			b.failPaging(o, cfg, where, err)
			return
		}
		o.Pagination = pg
		b.note(o.Pointer, "page iterator, style %s: %s", pg.Style, pg.Reason)
		return
	}
	pg, why := detectPaging(o)
	if pg != nil {
		o.Pagination = pg
		b.note(o.Pointer, "page iterator, style %s: %s", pg.Style, pg.Reason)
	} else if why != "" {
		b.note(o.Pointer, "no page iterator: %s; set x-livegen-pagination or livegen.yaml's pagination if the operation pages", why)
	}
}

// ListsItems reports whether an operation answers a list, bare or held in
// its answer, as a page iterator would read it: reports count such
// operations against those that got one.
func (o *Operation) ListsItems() bool {
	answer := pagingAnswer(o)
	return answer != nil && new(Pagination).findItems(answer, true)
}

// failPaging reports a configuration that does not fit the operation at
// the key that is wrong: a pointer into the extension, or the livegen.yaml
// key in the message.
func (b *builder) failPaging(o *Operation, cfg *PagingSpec, where string, err error) {
	key, msg := "", err.Error()
	var ke *PagingKeyError
	if asKeyError(err, &ke) {
		key, msg = ke.Key, ke.Message
	}
	switch {
	case strings.HasPrefix(cfg.Source, "x-") && key != "":
		b.fail(where+"/"+key, "%s", msg)
	case strings.HasPrefix(cfg.Source, "x-"):
		b.fail(where, "%s", msg)
	case key != "":
		b.fail(o.Pointer, "%s.%s: %s", cfg.Source, key, msg)
	default:
		b.fail(o.Pointer, "%s: %s", cfg.Source, msg)
	}
}

// detectPaging applies the naming rules of every style to an operation.
// Without a match, why is set when the operation looks like a list that
// pages (it has a paging parameter) and says what was missing.
func detectPaging(o *Operation) (pg *Pagination, why string) {
	answer := pagingAnswer(o)
	if answer == nil {
		if pagingParam(o, slicesConcat(pageParamNames, offsetParamNames, cursorParamNames, tokenParamNames), anyScalar) != nil {
			return nil, "it has a paging parameter but not exactly one JSON success answer with a schema"
		}
		return nil, ""
	}
	for _, style := range PagingStyles {
		if pg := detectStyle(o, answer, style); pg != nil {
			return pg, ""
		}
	}
	if p := pagingParam(o, slicesConcat(pageParamNames, offsetParamNames, cursorParamNames, tokenParamNames), anyScalar); p != nil {
		return nil, "query parameter " + p.Name + " looks like paging, but no style's rule matched its answer"
	}
	return nil, ""
}

// detectStyle applies the rule of one style.
func detectStyle(o *Operation, answer *Response, style PagingStyle) *Pagination {
	pg := &Pagination{Style: style, Response: answer, Limit: pagingParam(o, limitParamNames, isIntegerRef)}
	var ok bool
	switch style {
	case PagingLink:
		ok = pg.detectLink(answer)
	case PagingCursor:
		ok = pg.detectCursor(o, answer)
	case PagingToken:
		ok = pg.detectToken(o, answer)
	case PagingNextURL:
		ok = pg.detectNextURL(answer)
	case PagingOffset:
		ok = pg.detectOffset(o, answer)
	case PagingPage:
		ok = pg.detectPage(o, answer)
	}
	if !ok {
		return nil
	}
	return pg
}

// detectLink: the answer declares a Link header, and its body is a list or
// holds one.
func (pg *Pagination) detectLink(answer *Response) bool {
	for _, h := range answer.Headers {
		if strings.EqualFold(h.Name, "Link") && pg.findItems(answer, true) {
			pg.Reason = "the " + answer.StatusText() + " answer declares a Link header" + pg.itemsReason()
			return true
		}
	}
	return false
}

// detectCursor: Stripe's shape, a starting_after parameter, has_more and a
// list data of items with an id.
func (pg *Pagination) detectCursor(o *Operation, answer *Response) bool {
	pg.Param = pagingParam(o, cursorParamNames, isStringRef)
	if pg.Param == nil || !pg.findItems(answer, false) || len(pg.Items) != 1 {
		return false
	}
	pg.HasMore = findPath(answerStruct(answer), hasMoreNames, isBoolRef, false)
	pg.CursorField = itemField(pg.Item, "id", isStringRef)
	if pg.HasMore == nil || pg.CursorField == nil {
		return false
	}
	pg.Reason = "query parameter " + pg.Param.Name + ", boolean " + pg.HasMore.String() + " and the items' id" + pg.itemsReason()
	return true
}

// detectToken: a token parameter and a next token in the answer.
func (pg *Pagination) detectToken(o *Operation, answer *Response) bool {
	pg.Param = pagingParam(o, tokenParamNames, isStringRef)
	if pg.Param == nil || !pg.findItems(answer, false) {
		return false
	}
	// Box takes marker or offset, and answers next_marker only when asked
	// to (usemarker): with two ways to page, the offset or page number is
	// the one that works without knowing.
	if pagingParam(o, slicesConcat(offsetParamNames, pageParamNames), isIntegerRef) != nil {
		return false
	}
	pg.Next = findPath(answerStruct(answer), nextTokenNames, isStringRef, true)
	if pg.Next == nil {
		return false
	}
	pg.Reason = "query parameter " + pg.Param.Name + " and the answer's " + pg.Next.String() + pg.itemsReason()
	return true
}

// detectNextURL: the answer gives the next page's URL.
func (pg *Pagination) detectNextURL(answer *Response) bool {
	st := answerStruct(answer)
	if !pg.findItems(answer, false) {
		return false
	}
	pg.Next = findPath(st, nextURLNames, isStringRef, true)
	if pg.Next == nil {
		// HAL: _links.next.href
		if links := fieldNamed(st, "links"); links != nil {
			if next := fieldNamed(refStruct(links.Type), "next"); next != nil {
				if href := fieldNamed(refStruct(next.Type), "href"); href != nil && isStringRef(href.Type) {
					pg.Next = FieldPath{links, next, href}
				}
			}
		}
	}
	if pg.Next == nil {
		return false
	}
	pg.Reason = "the answer's " + pg.Next.String() + pg.itemsReason()
	return true
}

// detectOffset: an integer offset and a page size parameter.
func (pg *Pagination) detectOffset(o *Operation, answer *Response) bool {
	pg.Param = pagingParam(o, offsetParamNames, isIntegerRef)
	if pg.Param == nil || pg.Limit == nil || !pg.findItems(answer, true) {
		return false
	}
	pg.Total = findPath(answerStruct(answer), totalFieldNames, isIntegerRef, false)
	pg.Reason = "integer query parameters " + pg.Param.Name + " and " + pg.Limit.Name + pg.itemsReason()
	return true
}

// detectPage: integer page number and page size parameters.
func (pg *Pagination) detectPage(o *Operation, answer *Response) bool {
	pg.Param = pagingParam(o, pageParamNames, isIntegerRef)
	if pg.Param == nil || pg.Limit == nil || !pg.findItems(answer, true) {
		return false
	}
	pg.FirstPage = firstPage(pg.Param)
	pg.Total = findPath(answerStruct(answer), totalFieldNames, isIntegerRef, false)
	pg.Reason = "integer query parameters " + pg.Param.Name + " and " + pg.Limit.Name + pg.itemsReason()
	return true
}

// itemsReason describes where the items are, for Reason.
func (pg *Pagination) itemsReason() string {
	if len(pg.Items) == 0 {
		return "; the answer is the list of items"
	}
	return "; the items are " + pg.Items.String()
}

// findItems sets Items and Item: the answer itself when it is a list (if
// bare allows it), else its list property with a known name, else its only
// list property.
func (pg *Pagination) findItems(answer *Response, bare bool) bool {
	if elem := sliceElem(answer.Type); elem != nil {
		if !bare {
			return false
		}
		pg.Items, pg.Item = FieldPath{}, elem
		return true
	}
	st := answerStruct(answer)
	if st == nil {
		return false
	}
	var lists []*Field
	for _, f := range st.Fields {
		// Square answers {cards, cursor, errors}: errors are not items.
		if name := pagingName(f.JSONName); name == "errors" || name == "warnings" {
			continue
		}
		if isPlainList(f) {
			lists = append(lists, f)
		}
	}
	for _, name := range itemsFieldNames {
		for _, f := range lists {
			if pagingName(f.JSONName) == name {
				pg.Items, pg.Item = FieldPath{f}, sliceElem(f.Type)
				return true
			}
		}
	}
	if len(lists) == 1 {
		pg.Items, pg.Item = FieldPath{lists[0]}, sliceElem(lists[0].Type)
		return true
	}
	return false
}

// pagingAnswer is the operation's one success answer, when it is JSON with
// a schema and the operation is a GET.
func pagingAnswer(o *Operation) *Response {
	successes := clientSuccesses(o)
	if o.Method != "GET" || len(successes) != 1 || !successes[0].JSON || successes[0].Type == nil {
		return nil
	}
	return successes[0]
}

// answerStruct is the struct type of an answer; nil when it is not one.
func answerStruct(answer *Response) *Type { return refStruct(answer.Type) }

// refStruct is the named struct a reference points at; nil otherwise.
func refStruct(t *TypeRef) *Type {
	if t != nil && t.Kind == RefNamed && t.Named.Kind == KindStruct {
		return t.Named
	}
	return nil
}

// listElem is the item type of a list, named (an alias of a slice) or not.
func sliceElem(t *TypeRef) *TypeRef {
	switch {
	case t == nil:
		return nil
	case t.Kind == RefSlice:
		return t.Elem
	case t.Kind == RefNamed && t.Named.Kind == KindAlias && t.Named.Alias.Kind == RefSlice:
		return t.Named.Alias.Elem
	}
	return nil
}

// itemsField finds the list property items of an answer, held as a plain
// slice (bulk helpers merge such answers).
func itemsField(t *Type) *Field {
	for _, f := range t.Fields {
		if f.JSONName == "items" && f.Type.Kind == RefSlice && isPlainList(f) {
			return f
		}
	}
	return nil
}

// isPlainList reports whether a field is a list held as a plain slice.
func isPlainList(f *Field) bool {
	shape := f.Shape()
	return sliceElem(f.Type) != nil && (shape == ShapeValue || shape == ShapeOmitZero)
}

// findPath finds a property with one of names (in their order) and of a
// type that fits, at the top of st or, when nested, one level down in a
// property named like metadata.
func findPath(st *Type, names []string, fits func(*TypeRef) bool, nested bool) FieldPath {
	if st == nil {
		return nil
	}
	for _, name := range names {
		if f := fieldNamed(st, name); f != nil && fits(f.Type) && readable(f) {
			return FieldPath{f}
		}
	}
	if !nested {
		return nil
	}
	for _, meta := range metaFieldNames {
		m := fieldNamed(st, meta)
		if m == nil || !readable(m) {
			continue
		}
		if inner := findPath(refStruct(m.Type), names, fits, false); inner != nil {
			return append(FieldPath{m}, inner...)
		}
	}
	return nil
}

// readable reports whether the generated code can read a field: a value,
// a pointer, or a Nullable of a value (Twilio's nullable next_page_uri).
func readable(f *Field) bool { return !(f.Shape() == ShapeNullable && f.Recursive) }

// UsesNullable reports whether reading the answer goes through a Nullable.
func (pg *Pagination) UsesNullable() bool {
	for _, path := range []FieldPath{pg.Items, pg.Total, pg.HasMore, pg.Next} {
		for _, f := range path {
			if f.Shape() == ShapeNullable {
				return true
			}
		}
	}
	return false
}

// fieldNamed finds the property whose folded JSON name is name.
func fieldNamed(st *Type, name string) *Field {
	if st == nil {
		return nil
	}
	for _, f := range st.Fields {
		if pagingName(f.JSONName) == name {
			return f
		}
	}
	return nil
}

// itemField finds a property of an item type, of a type that fits.
func itemField(item *TypeRef, name string, fits func(*TypeRef) bool) *Field {
	f := fieldNamed(refStruct(item), pagingName(name))
	if f == nil || !fits(f.Type) || !readable(f) {
		return nil
	}
	return f
}

// pagingName folds a wire name, so that per_page, perPage and per-page
// compare equal ("@odata.nextLink" folds to odatanextlink).
func pagingName(name string) string {
	return foldWord(pagingPunctuation.Replace(name))
}

// pagingPunctuation is built once: a Replacer is costly to build and
// pagingName runs for every field of every paged answer.
var pagingPunctuation = strings.NewReplacer("@", "", ".", "", "$", "")

// pagingParam finds the query parameter with one of names whose type fits.
func pagingParam(o *Operation, names []string, fits func(*TypeRef) bool) *Param {
	for _, n := range names {
		for _, p := range o.QueryParams {
			if p.Filter == nil && pagingName(p.Name) == n && fits(p.Type) {
				return p
			}
		}
	}
	return nil
}

func slicesConcat(lists ...[]string) []string {
	var out []string
	for _, l := range lists {
		out = append(out, l...)
	}
	return out
}

func anyScalar(t *TypeRef) bool { return isIntegerRef(t) || isStringRef(t) }

// isIntegerRef reports whether a type is a Go integer (not an enum or alias).
func isIntegerRef(t *TypeRef) bool {
	return t.Kind == RefInt || t.Kind == RefInt32 || t.Kind == RefInt64
}

// isStringRef reports whether a type is a plain Go string.
func isStringRef(t *TypeRef) bool { return t.Kind == RefString && t.Format != "binary" }

// isBoolRef reports whether a type is a Go bool.
func isBoolRef(t *TypeRef) bool { return t.Kind == RefBool }

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
