package filters

// Behavioural tests of the golden filters: the kinds of operand that the
// curated MeltingSpot spec does not use (lists in three styles, numbers,
// date-times, nullable and nested properties) and the parameters that Match
// ignores.

import (
	"math"
	"math/rand"
	"net/url"
	"reflect"
	"strings"
	"testing"
	"testing/quick"
	"time"

	"github.com/stretchr/testify/require"
)

func ptrTo[T any](v T) *T { return &v }

// widgets are one widget per interesting shape of the filtered properties.
func widgets() []Widget {
	at := time.Date(2024, 5, 15, 10, 0, 0, 500_000_000, time.UTC)
	return []Widget{
		{Name: "Main Gear", Kind: ptrTo(WidgetKindGear), Size: ptrTo(2.5), Weight: ptrTo(10), CreatedAt: &at,
			State: WidgetState{Active: true, Level: NewNullable[int64](3)}, Owner: NewNullable(Owner{Name: ptrTo("Ada")}),
			Tags: []string{"red"}},
		{Name: "lever", Kind: ptrTo(WidgetKindLever), Size: ptrTo(7.0), Weight: ptrTo(20), CreatedAt: ptrTo(at.Add(time.Hour)),
			State: WidgetState{Active: false, Level: Null[int64]()}, Owner: Null[Owner]()},
		{Name: "bare"},
	}
}

func widgetNames(f ListWidgetsFilter) []string {
	names := []string{}
	for _, w := range widgets() {
		if f.Match(w) {
			names = append(names, w.Name)
		}
	}
	return names
}

func TestMatchWidgets(t *testing.T) {
	at := time.Date(2024, 5, 15, 10, 0, 0, 0, time.UTC)
	cases := []struct {
		name   string
		filter ListWidgetsFilter
		want   []string
	}{
		{"name startsWith ignores case", ListWidgetsFilter{}.NameStartsWith("main"), []string{"Main Gear"}},
		{"name endsWith ignores case", ListWidgetsFilter{}.NameEndsWith("GEAR"), []string{"Main Gear"}},
		{"name endsWith longer than the name", ListWidgetsFilter{}.NameEndsWith("a very long suffix"), []string{}},
		{"name ne", ListWidgetsFilter{}.NameNe("bare"), []string{"Main Gear", "lever"}},
		{"kind in", ListWidgetsFilter{}.KindIn(WidgetKindGear, WidgetKindSpring), []string{"Main Gear"}},
		{"kind in with no values matches nothing", ListWidgetsFilter{}.KindIn(), []string{}},
		{"kind nin never matches an absent kind", ListWidgetsFilter{}.KindNin(WidgetKindGear), []string{"lever"}},
		{"size lt a number", ListWidgetsFilter{}.SizeLt(7), []string{"Main Gear"}},
		{"size gte an integer against a number", ListWidgetsFilter{}.SizeGte(7), []string{"lever"}},
		{"weight in", ListWidgetsFilter{}.WeightIn(20, 30), []string{"lever"}},
		{"createdAt gte in whole seconds", ListWidgetsFilter{}.CreatedAtGte(at), []string{"Main Gear", "lever"}},
		{"createdAt lt a full date-time", ListWidgetsFilter{}.CreatedAtLt(at.Add(time.Second / 2)), []string{}},
		{"createdAt lt just after", ListWidgetsFilter{}.CreatedAtLt(at.Add(time.Second)), []string{"Main Gear"}},
		{"createdAt in whole seconds", ListWidgetsFilter{}.CreatedAtIn(at.Add(time.Hour)), []string{"lever"}},
		{"active through a required object", ListWidgetsFilter{}.ActiveEq(false), []string{"lever", "bare"}},
		{"owner through a nullable object", ListWidgetsFilter{}.OwnerEq("Ada"), []string{"Main Gear"}},
		{"level through a nullable property", ListWidgetsFilter{}.LevelGt(2), []string{"Main Gear"}},
		{"ignored conditions always hold", ListWidgetsFilter{}.ColorEq("red").NameNear("x").TagsContains("red"), []string{"Main Gear", "lever", "bare"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			require.Equal(t, c.want, widgetNames(c.filter))
		})
	}
	gadgets := []Gadget{{Name: "a", Score: ptrTo[float32](1.5)}, {Name: "b"}}
	require.True(t, ListGadgetsFilter{}.ScoreLte(1.5).Match(gadgets[0]))
	require.False(t, ListGadgetsFilter{}.ScoreLte(1.5).Match(gadgets[1]))
	_, hasMatch := reflect.TypeFor[GetStatsFilter]().MethodByName("Match")
	require.False(t, hasMatch, "an operation that lists no items gets no Match")
}

func TestListWire(t *testing.T) {
	q := url.Values{}
	ListWidgetsFilter{}.KindIn(WidgetKindGear, WidgetKindLever).KindNin(WidgetKindSpring, WidgetKindGear).
		WeightIn(1, -2).CreatedAtIn(time.Unix(5, 0), time.Unix(6, 0)).AppendQuery(q)
	require.Equal(t, url.Values{
		"kind[in]":      {"gear,lever"},
		"kind[nin]":     {"spring", "gear"},
		"weight[in]":    {"1|-2"},
		"createdAt[in]": {"5", "6"},
	}, q)

	q = url.Values{}
	ListWidgetsFilter{}.KindIn().AppendQuery(q)
	require.Equal(t, url.Values{"kind[in]": {""}}, q)
	back, errs := ParseListWidgetsFilter(q)
	require.Empty(t, errs)
	require.NotNil(t, back.Kind.In, "an empty list stays a set condition")
	require.Empty(t, back.Kind.In)
}

func TestParseWidgets(t *testing.T) {
	cases := []struct {
		query string
		errs  []FilterError
	}{
		{"kind[in]=gear,bogus", []FilterError{{"kind[in]", `"bogus" is not one of gear, lever, spring`}}},
		{"kind[in]=gear&kind[in]=lever", []FilterError{{"kind[in]", `is given 2 times; give it once, values joined by ","`}}},
		{"kind[nin]=gear&kind[nin]=", []FilterError{{"kind[nin]", `"" is not one of gear, lever, spring`}}},
		{"weight[in]=1,2", []FilterError{{"weight[in]", `"1,2" is not an integer`}}},
		{"size[lt]=NaN", []FilterError{{"size[lt]", `"NaN" is not a finite number, greater than 0`}}},
		{"size[lt]=1e400", []FilterError{{"size[lt]", `"1e400" is not a finite number, greater than 0`}}},
		{"size[gte]=3000000000", []FilterError{{"size[gte]", `"3000000000" is not an integer that fits in 32 bits`}}},
		{"createdAt[lt]=2024-05-15", []FilterError{{"createdAt[lt]", `"2024-05-15" is not an RFC 3339 date-time, such as 2024-05-15T01:22:21Z`}}},
		{"createdAt[in]=5&createdAt[in]=x", []FilterError{{"createdAt[in]", `"x" is not a Unix time in seconds, such as 1715734941`}}},
		{"active[eq]=on&page[size]=x&label[eq]=y", []FilterError{{"active[eq]", `"on" is not true or false`}}},
		{"level[gt]=11", []FilterError{{"level[gt]", `"11" is not an integer, at least 0 and at most 10`}}},
		{"level[gt]=-1", []FilterError{{"level[gt]", `"-1" is not an integer, at least 0 and at most 10`}}},
		{"name[contains]=a", []FilterError{{"name[contains]", `"a" is not a string, at least 2 characters long and at most 20 characters long`}}},
		{"name[contains]=" + strings.Repeat("é", 21), []FilterError{{"name[contains]", `"` + strings.Repeat("é", 21) + `" is not a string, at least 2 characters long and at most 20 characters long`}}},
		{"size[lt]=0", []FilterError{{"size[lt]", `"0" is not a finite number, greater than 0`}}},
		{"createdAt[gte]=-1", []FilterError{{"createdAt[gte]", `"-1" is not a Unix time in seconds, such as 1715734941, at least 0`}}},
		{"level[gt]=10&name[contains]=" + strings.Repeat("é", 20) + "&size[lt]=0.001&createdAt[gte]=0", nil},
	}
	for _, c := range cases {
		t.Run(c.query, func(t *testing.T) {
			q, err := url.ParseQuery(c.query)
			require.NoError(t, err)
			_, errs := ParseListWidgetsFilter(q)
			require.Equal(t, c.errs, errs)
		})
	}
	_, errs := ParseListGadgetsFilter(url.Values{"score[lte]": {"1e39"}})
	require.Equal(t, []FilterError{{"score[lte]", `"1e39" is not a finite number`}}, errs)

	got, errs := ParseListWidgetsFilter(url.Values{"createdAt[lt]": {"2024-05-15T12:00:00.25+02:00"}, "weight[in]": {"3|4"}})
	require.Empty(t, errs)
	require.True(t, got.CreatedAt.Lt.Equal(time.Date(2024, 5, 15, 10, 0, 0, 250_000_000, time.UTC)))
	require.Equal(t, []int64{3, 4}, got.Weight.In)
}

// arbitraryWidgets is a random ListWidgetsFilter for testing/quick. Lists hold
// values that need no escaping inside a joined list (enums, numbers, times).
type arbitraryWidgets struct{ F ListWidgetsFilter }

func (arbitraryWidgets) Generate(r *rand.Rand, _ int) reflect.Value {
	var a arbitraryWidgets
	kinds := WidgetKindValues()
	maybe := func() bool { return r.Intn(2) == 0 }
	kind := func() WidgetKind { return kinds[r.Intn(len(kinds))] }
	if maybe() {
		name := make([]rune, 2+r.Intn(19))
		for i := range name {
			name[i] = rune(' ' + r.Intn(0x2000))
		}
		a.F = a.F.NameContains(string(name))
	}
	if maybe() {
		a.F = a.F.KindEq(kind())
	}
	if maybe() {
		a.F.Kind.In = []WidgetKind{}
		for range r.Intn(4) {
			a.F.Kind.In = append(a.F.Kind.In, kind())
		}
	}
	if maybe() {
		a.F = a.F.KindNin(kind(), kind())
	}
	if maybe() {
		a.F = a.F.SizeLt(math.SmallestNonzeroFloat64 + math.Abs(r.NormFloat64()*1e6))
	}
	if maybe() {
		a.F = a.F.SizeGte(r.Int31() - r.Int31())
	}
	if maybe() {
		a.F = a.F.WeightIn(r.Int63()-r.Int63(), r.Int63())
	}
	if maybe() {
		a.F = a.F.CreatedAtGte(time.Unix(r.Int63n(1<<34), 0).UTC())
	}
	if maybe() {
		a.F = a.F.CreatedAtLt(time.Unix(r.Int63n(1<<34), r.Int63n(1e9)).UTC())
	}
	if maybe() {
		a.F = a.F.CreatedAtIn(time.Unix(r.Int63n(1<<34), 0).UTC())
	}
	if maybe() {
		a.F = a.F.ActiveEq(maybe())
	}
	if maybe() {
		a.F = a.F.LevelGt(r.Intn(11))
	}
	return reflect.ValueOf(a)
}

func TestWidgetsRoundTrip(t *testing.T) {
	require.NoError(t, quick.Check(func(a arbitraryWidgets) bool {
		q := url.Values{}
		a.F.AppendQuery(q)
		back, err := url.ParseQuery(q.Encode())
		require.NoError(t, err)
		got, errs := ParseListWidgetsFilter(back)
		return len(errs) == 0 && reflect.DeepEqual(a.F, got)
	}, &quick.Config{MaxCount: 300, Rand: rand.New(rand.NewSource(2))}))
}
