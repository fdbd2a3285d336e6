package templates

import (
	"go/parser"
	"go/token"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/seed-0d47db62/livegen/generator"
	"github.com/seed-0d47db62/livegen/openapi"
)

// TestFiltersNoFile checks that an API without bracket filters gets no
// filters.gen.go at all.
func TestFiltersNoFile(t *testing.T) {
	spec := `openapi: 3.0.3
info: {title: T, version: "1"}
paths:
  /things:
    get:
      operationId: listThings
      parameters:
        - {name: limit, in: query, schema: {type: integer}}
        - {name: "page[size]", in: query, schema: {type: integer}, x-livegen-filter: false}
      responses:
        "200": {description: ok}
`
	api, err := generator.LoadData([]byte(spec), "spec.yaml", generator.Options{Package: "p"})
	require.NoError(t, err)
	out, err := Filters(api)
	require.NoError(t, err)
	require.Nil(t, out)
	out, err = FiltersRuntime(api)
	require.NoError(t, err)
	require.Nil(t, out, "no filters: nothing for the runtime to hold")
	out, err = ModelsRuntime(api)
	require.NoError(t, err)
	require.Nil(t, out, "no enums, unions, tuples or nullable properties: nothing for the runtime to hold")
}

// TestFiltersRuntimeCurated checks that the curated spec's runtime holds the
// machinery that its filters call, and nothing that they do not call.
func TestFiltersRuntimeCurated(t *testing.T) {
	api, err := generator.LoadData(openapi.Lives, openapi.DefaultSpecName, generator.Options{Package: "meltingspot"})
	require.NoError(t, err)
	out, err := FiltersRuntime(api)
	require.NoError(t, err)
	for _, want := range []string{
		"package livegenrt",
		"func FilterRead(q url.Values, errs *[]FilterProblem, store func(any, string) string, targets []FilterTarget)",
		"func FilterStore(target any, s string) string",
		"func FilterAppend(q url.Values, operands []FilterOperand)",
		"func FilterNewTime(v time.Time) *time.Time",
		"func FilterContainsFold(s, sub string) bool",
	} {
		require.Contains(t, string(out), want)
	}
	// MeltingSpot has no list operators, no float operands and no endsWith.
	for _, absent := range []string{"FilterList", "FilterSetList", "FilterNewFloat64", "FilterHasSuffixFold", "case **LiveStatus"} {
		require.NotContains(t, string(out), absent)
	}
}

// TestFiltersCurated renders the curated spec's filters twice: the output is
// the same bytes, parses, imports only the standard library and the runtime, and holds every
// function the client and the server call.
func TestFiltersCurated(t *testing.T) {
	load := func() []byte {
		api, err := generator.LoadData(openapi.Lives, openapi.DefaultSpecName, generator.Options{Package: "meltingspot"})
		require.NoError(t, err)
		out, err := Filters(api)
		require.NoError(t, err)
		return out
	}
	out := load()
	require.Equal(t, string(out), string(load()))
	file, err := parser.ParseFile(token.NewFileSet(), "filters.gen.go", out, parser.ParseComments)
	require.NoError(t, err)
	for _, imp := range file.Imports {
		path, err := strconv.Unquote(imp.Path.Value)
		require.NoError(t, err)
		if path == runtimeImport {
			continue // the generated runtime, whose real path Render puts in
		}
		require.NotContains(t, strings.Split(path, "/")[0], ".", "only standard library imports")
	}
	for _, want := range []string{
		"type FilterError struct",
		"return f, filterErrors(errs)",
		"func (f ListLivesFilter) AppendQuery(q url.Values)",
		"func ParseListLivesFilter(q url.Values) (ListLivesFilter, []FilterError)",
		"func (f ListLivesFilter) Match(item Live) bool",
		"func (f ListLiveParticipantsFilter) Match(item Participant) bool",
		"func (f ListLiveSpeakersFilter) Match(item Participant) bool",
		`{Name: "startDate[gte]", Value: (*livegenrt.FilterUnix)(f.StartDate.Gte)},`,
	} {
		require.Contains(t, string(out), want)
	}
}

// TestFilterSharedDocTail checks that the sentences that end every
// operator's spec text move to the field's comment, and only those.
func TestFilterSharedDocTail(t *testing.T) {
	op := func(doc string) *generator.FilterOp {
		return &generator.FilterOp{Param: &generator.Param{Doc: doc}}
	}
	prop := &generator.FilterProp{Ops: []*generator.FilterOp{
		op("Lower than this. Matches metrics.invited\nof the Live."),
		op("Equal to this. Matches metrics.invited of the Live."),
	}}
	tail := sharedDocTail(prop)
	require.Equal(t, "Matches metrics.invited of the Live.", tail)
	require.Equal(t, "Lower than this.", docWithout(prop.Ops[0].Param.Doc, tail))
	require.Equal(t, "", sharedDocTail(&generator.FilterProp{Ops: []*generator.FilterOp{op("A. B."), op("C. D.")}}))
	require.Equal(t, "", sharedDocTail(&generator.FilterProp{Ops: prop.Ops[:1]}))
}
