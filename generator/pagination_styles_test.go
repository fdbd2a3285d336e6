package generator

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// pagingSpec is a spec with one GET /things whose parameters, answer
// headers, answer schema and operation extensions are given.
func pagingSpec(params, headers, answer, ext string) string {
	return `openapi: 3.0.3
info: {title: T, version: "1"}
paths:
  /things:
    get:
      operationId: listThings
      parameters: ` + params + `
` + ext + `
      responses:
        "200":
          description: A page.
          headers: ` + headers + `
          content:
            application/json:
              schema: ` + answer + `
components:
  schemas:
    Thing: {type: object, required: [id], properties: {id: {type: string}, n: {type: integer}}}
`
}

const (
	thingList = `{type: array, items: {$ref: '#/components/schemas/Thing'}}`
	noHeaders = `{}`
)

func TestPagingStyles(t *testing.T) {
	tests := []struct {
		name, params, headers, answer string
		style                         PagingStyle
		reason                        string
	}{
		{"GitHub: a Link header on a bare list", `[{name: page, in: query, schema: {type: integer}}, {name: per_page, in: query, schema: {type: integer}}]`,
			`{Link: {schema: {type: string}}}`, thingList, PagingLink, "the 200 answer declares a Link header; the answer is the list of items"},
		{"GitHub: a Link header on a wrapped list", `[]`, `{link: {schema: {type: string}}}`,
			`{type: object, properties: {total_count: {type: integer}, workflow_runs: ` + thingList + `}}`, PagingLink, "the items are workflow_runs"},
		{"Stripe: starting_after, has_more, data", `[{name: starting_after, in: query, schema: {type: string}}, {name: limit, in: query, schema: {type: integer}}]`, noHeaders,
			`{type: object, required: [data, has_more], properties: {data: ` + thingList + `, has_more: {type: boolean}, object: {type: string}}}`, PagingCursor, "query parameter starting_after, boolean has_more and the items' id; the items are data"},
		{"Slack: cursor and response_metadata.next_cursor", `[{name: cursor, in: query, schema: {type: string}}, {name: limit, in: query, schema: {type: integer}}]`, noHeaders,
			`{type: object, properties: {channels: ` + thingList + `, response_metadata: {type: object, properties: {next_cursor: {type: string}}}}}`, PagingToken, "query parameter cursor and the answer's response_metadata.next_cursor; the items are channels"},
		{"Google: pageToken and nextPageToken", `[{name: pageToken, in: query, schema: {type: string}}, {name: pageSize, in: query, schema: {type: integer}}]`, noHeaders,
			`{type: object, properties: {things: ` + thingList + `, nextPageToken: {type: string}}}`, PagingToken, "nextPageToken"},
		{"AWS: NextToken both ways", `[{name: NextToken, in: query, schema: {type: string}}, {name: MaxResults, in: query, schema: {type: integer}}]`, noHeaders,
			`{type: object, properties: {Items: ` + thingList + `, NextToken: {type: string}}}`, PagingToken, "query parameter NextToken"},
		{"Twilio: meta.next_page_url", `[{name: PageSize, in: query, schema: {type: integer}}]`, noHeaders,
			`{type: object, properties: {messages: ` + thingList + `, meta: {type: object, properties: {next_page_url: {type: string, format: uri}}}}}`, PagingNextURL, "the answer's meta.next_page_url"},
		{"HAL: _links.next.href", `[]`, noHeaders,
			`{type: object, properties: {items: ` + thingList + `, _links: {type: object, properties: {next: {type: object, properties: {href: {type: string}}}}}}}`, PagingNextURL, "_links.next.href"},
		{"Django REST: next", `[{name: page, in: query, schema: {type: integer}}]`, noHeaders,
			`{type: object, properties: {count: {type: integer}, next: {type: string, nullable: false}, results: ` + thingList + `}}`, PagingNextURL, "the answer's next; the items are results"},
		{"Kubernetes: continue and metadata.continue", `[{name: limit, in: query, schema: {type: integer}}, {name: continue, in: query, schema: {type: string}}]`, noHeaders,
			`{type: object, required: [items], properties: {items: ` + thingList + `, metadata: {type: object, properties: {continue: {type: string}}}}}`, PagingToken, "query parameter continue and the answer's metadata.continue"},
		{"Square: cursor both ways", `[{name: cursor, in: query, schema: {type: string}}]`, noHeaders,
			`{type: object, properties: {customers: ` + thingList + `, cursor: {type: string}, errors: {type: array, items: {type: string}}}}`, PagingToken, "query parameter cursor and the answer's cursor; the items are customers"},
		{"Box: marker and next_marker", `[{name: marker, in: query, schema: {type: string}}, {name: limit, in: query, schema: {type: integer}}, {name: usemarker, in: query, schema: {type: boolean}}]`, noHeaders,
			`{type: object, properties: {entries: ` + thingList + `, next_marker: {type: string}}}`, PagingToken, "query parameter marker and the answer's next_marker"},
		{"Box: offset wins over marker", `[{name: marker, in: query, schema: {type: string}}, {name: offset, in: query, schema: {type: integer}}, {name: limit, in: query, schema: {type: integer}}]`, noHeaders,
			`{type: object, properties: {entries: ` + thingList + `, next_marker: {type: string}}}`, PagingOffset, "integer query parameters offset and limit"},
		{"Jellyfin: startIndex and limit", `[{name: startIndex, in: query, schema: {type: integer}}, {name: limit, in: query, schema: {type: integer}}]`, noHeaders,
			`{type: object, properties: {Items: ` + thingList + `, TotalRecordCount: {type: integer}}}`, PagingOffset, "integer query parameters startIndex and limit"},
		{"offset and limit on a bare list", `[{name: offset, in: query, schema: {type: integer}}, {name: limit, in: query, schema: {type: integer}}]`, noHeaders,
			thingList, PagingOffset, "integer query parameters offset and limit"},
		{"page and per_page with results", `[{name: page, in: query, schema: {type: integer}}, {name: per_page, in: query, schema: {type: integer}}]`, noHeaders,
			`{type: object, properties: {results: ` + thingList + `}}`, PagingPage, "integer query parameters page and per_page; the items are results"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			api := clientLoad(t, pagingSpec(tt.params, tt.headers, tt.answer, ""))
			o := clientOp(t, api, "listThings")
			require.NotNil(t, o.Pagination, "notes: %v", api.Notes)
			require.Equal(t, tt.style, o.Pagination.Style)
			require.Contains(t, o.Pagination.Reason, tt.reason)
			require.Equal(t, "Thing", o.Pagination.Item.Named.Name)
			require.Len(t, api.Notes, 1)
			require.Contains(t, api.Notes[0].Message, "page iterator, style "+string(tt.style))
		})
	}
}

// TestPagingNotGuessed leaves alone what could be a list that pages but
// whose answer does not say how, and says why in a note.
func TestPagingNotGuessed(t *testing.T) {
	tests := []struct{ name, params, answer, note string }{
		{"a cursor without a next token", `[{name: cursor, in: query, schema: {type: string}}]`,
			`{type: object, properties: {items: ` + thingList + `}}`, "query parameter cursor looks like paging"},
		{"a page without a size", `[{name: page, in: query, schema: {type: integer}}]`, thingList, "query parameter page looks like paging"},
		{"starting_after without has_more", `[{name: starting_after, in: query, schema: {type: string}}]`,
			`{type: object, properties: {data: ` + thingList + `}}`, "starting_after"},
		{"no paging parameter", `[{name: q, in: query, schema: {type: string}}]`, thingList, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			api := clientLoad(t, pagingSpec(tt.params, noHeaders, tt.answer, ""))
			require.Nil(t, clientOp(t, api, "listThings").Pagination)
			if tt.note == "" {
				require.Empty(t, api.Notes)
				return
			}
			require.Len(t, api.Notes, 1)
			require.Contains(t, api.Notes[0].Message, tt.note)
			require.Contains(t, api.Notes[0].Message, "set x-livegen-pagination")
		})
	}
}

func TestPagingConfigured(t *testing.T) {
	params := `[{name: after, in: query, schema: {type: string}}, {name: size, in: query, schema: {type: integer}}]`
	answer := `{type: object, properties: {list: ` + thingList + `, more: {type: boolean}, info: {type: object, properties: {cont: {type: string}}}}}`
	ext := func(v string) string { return "      x-livegen-pagination: " + v }

	api := clientLoad(t, pagingSpec(params, noHeaders, answer, ext(`{style: token, param: after, limit: size, items: list, next: info.cont, hasMore: more}`)))
	pg := clientOp(t, api, "listThings").Pagination
	require.Equal(t, PagingToken, pg.Style)
	require.Equal(t, "after", pg.Param.Name)
	require.Equal(t, "size", pg.Limit.Name)
	require.Equal(t, "info.cont", pg.Next.String())
	require.Equal(t, "more", pg.HasMore.String())
	require.Equal(t, "set by x-livegen-pagination", pg.Reason)

	api = clientLoad(t, pagingSpec(params, noHeaders, answer, ext(`{style: cursor, param: after, items: list}`)))
	require.Equal(t, "id", clientOp(t, api, "listThings").Pagination.CursorField.JSONName)

	// Turned off where detection would page.
	api = clientLoad(t, pagingSpec(`[{name: offset, in: query, schema: {type: integer}}, {name: limit, in: query, schema: {type: integer}}]`, noHeaders, thingList, ext("false")))
	require.Nil(t, clientOp(t, api, "listThings").Pagination)
	require.Contains(t, api.Notes[0].Message, "x-livegen-pagination turns pagination off")

	// livegen.yaml wins over the extension.
	spec := pagingSpec(params, noHeaders, answer, ext(`{style: token, param: after, next: info.cont}`))
	api, err := LoadData([]byte(spec), "spec.yaml", Options{Package: "api", Overrides: &Overrides{Paging: map[string]*PagingSpec{
		"listThings": {Source: "livegen.yaml:3: pagination.listThings", Style: PagingCursor, Param: "after", Items: "list", HasMore: "more"},
	}}})
	require.NoError(t, err)
	require.Equal(t, PagingCursor, clientOp(t, api, "listThings").Pagination.Style)
}

func TestPagingSpeakeasy(t *testing.T) {
	params := `[{name: pageToken, in: query, schema: {type: string}}, {name: pageSize, in: query, schema: {type: integer}}]`
	answer := `{type: object, properties: {data: ` + thingList + `, nextPageToken: {type: string}, more: {type: boolean}}}`
	ext := `      x-speakeasy-pagination:
        type: cursor
        inputs: [{name: pageToken, in: parameters, type: cursor}, {name: pageSize, in: parameters, type: limit}]
        outputs: {results: "$.data", nextCursor: "$.nextPageToken"}`
	pg := clientOp(t, clientLoad(t, pagingSpec(params, noHeaders, answer, ext)), "listThings").Pagination
	require.Equal(t, PagingToken, pg.Style)
	require.Equal(t, "pageToken", pg.Param.Name)
	require.Equal(t, "nextPageToken", pg.Next.String())
	require.Equal(t, "set by x-speakeasy-pagination", pg.Reason)

	stripe := strings.Replace(ext, "$.nextPageToken", "$.data[-1].id", 1)
	pg = clientOp(t, clientLoad(t, pagingSpec(params, noHeaders, answer, stripe)), "listThings").Pagination
	require.Equal(t, PagingCursor, pg.Style)
	require.Equal(t, "id", pg.CursorField.JSONName)
}

// TestPagingBadConfig names the key that is wrong and where it is.
func TestPagingBadConfig(t *testing.T) {
	params := `[{name: after, in: query, schema: {type: string}}, {name: size, in: query, schema: {type: integer}}]`
	answer := `{type: object, properties: {list: ` + thingList + `, more: {type: boolean}}}`
	tests := []struct{ ext, err string }{
		{`{style: pages}`, "/x-livegen-pagination/style: pages is not a style; use one of cursor, link, nexturl, offset, page, token"},
		{`{param: after}`, "/x-livegen-pagination/style: missing"},
		{`{style: token, param: after, nxt: x}`, "/x-livegen-pagination/nxt: unknown key; the keys are style, param, limit, items, next, hasMore, total, cursor"},
		{`{style: token, param: before, next: more}`, `/x-livegen-pagination/param: operation listThings has no query parameter "before" (its query parameters: after, size)`},
		{`{style: token, param: after, next: more}`, "/x-livegen-pagination/next: more is not a string"},
		{`{style: token, param: after, next: meta.next}`, `/x-livegen-pagination/next: the answer has no property "meta" (its properties: list, more)`},
		{`{style: token, param: after}`, "/x-livegen-pagination/next: style token needs the path to the next token"},
		{`{style: link, param: after}`, "/x-livegen-pagination/param: style link fetches the URL that the server gives; remove param"},
		{`{style: offset, param: after}`, "/x-livegen-pagination/param: after is not an integer"},
		{`{style: cursor, param: after, cursor: n}`, "/x-livegen-pagination/cursor: the items have no string property n"},
		{`{style: cursor, param: after, items: more}`, "/x-livegen-pagination/items: more is not a list"},
		{`{style: token, param: 3}`, "/x-livegen-pagination/param: expected a string, not a number"},
		{`true`, "/x-livegen-pagination: true is not a configuration"},
	}
	for _, tt := range tests {
		t.Run(tt.ext, func(t *testing.T) {
			_, err := LoadData([]byte(pagingSpec(params, noHeaders, answer, "      x-livegen-pagination: "+tt.ext)), "spec.yaml", Options{Package: "api"})
			require.ErrorContains(t, err, "spec.yaml:8: /paths/~1things/get"+tt.err)
		})
	}
	_, err := LoadData([]byte(pagingSpec(params, noHeaders, answer, "")), "spec.yaml", Options{Package: "api", Overrides: &Overrides{Paging: map[string]*PagingSpec{
		"listThings": {Source: "livegen.yaml:3: pagination.listThings", Style: PagingToken, Param: "after", Next: "nope"},
	}}})
	require.ErrorContains(t, err, `livegen.yaml:3: pagination.listThings.next: the answer has no property "nope"`)
}
