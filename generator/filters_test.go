package generator

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/seed-0d47db62/livegen/openapi"
)

// filterSpec is a spec with one list operation GET /things whose answer is
// {items: [Thing]}, with the given query parameters and Thing schema.
func filterSpec(params, thing string) string {
	return fmt.Sprintf(`openapi: 3.0.3
info: {title: T, version: "1"}
paths:
  /things:
    get:
      operationId: listThings
      parameters:
%s
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema:
                type: object
                properties:
                  items: {type: array, items: {$ref: "#/components/schemas/Thing"}}
components:
  schemas:
    Kind: {type: string, enum: [a, b]}
    Thing:
%s
`, indentYAML(params, 8), indentYAML(thing, 6))
}

func indentYAML(s string, n int) string {
	pad := strings.Repeat(" ", n)
	lines := strings.Split(strings.TrimSpace(s), "\n")
	for i, l := range lines {
		lines[i] = pad + l
	}
	return strings.Join(lines, "\n")
}

const thingSchema = `type: object
required: [name, meta]
properties:
  name: {type: string}
  kind: {$ref: "#/components/schemas/Kind"}
  size: {type: number}
  count: {type: integer}
  at: {type: string, format: date-time}
  tags: {type: array, items: {type: string}}
  meta:
    type: object
    properties:
      on: {type: boolean}
      seen: {type: integer, format: unix-time, nullable: true}`

func loadFilters(t *testing.T, spec string, strict bool) (*API, *Operation) {
	t.Helper()
	api, err := LoadData([]byte(spec), "spec.yaml", Options{Package: "p", Strict: strict})
	require.NoError(t, err)
	for _, o := range api.Operations {
		if o.ID == "listThings" {
			return api, o
		}
	}
	t.Fatal("no listThings operation")
	return nil, nil
}

func filterWarnings(api *API) []string {
	var out []string
	for _, w := range api.Warnings {
		out = append(out, w.String())
	}
	return out
}

// TestFilterCuratedSpec checks that every bracket parameter of the curated
// MeltingSpot spec lands in a typed filter that Match applies, without warnings.
func TestFilterCuratedSpec(t *testing.T) {
	api, err := LoadData(openapi.Lives, openapi.DefaultSpecName, Options{Package: "meltingspot", Strict: true})
	require.NoError(t, err, "the curated spec must build in strict mode, so filters must not warn")
	want := map[string]string{
		"listLives":            "ListLivesFilter",
		"listLiveParticipants": "ListLiveParticipantsFilter",
		"listLiveSpeakers":     "ListLiveSpeakersFilter",
	}
	seen := 0
	for _, o := range api.Operations {
		for _, p := range o.QueryParams {
			if strings.Contains(p.Name, "[") {
				require.NotNil(t, p.Filter, "%s %s", o.ID, p.Name)
			}
		}
		if o.Filter == nil {
			require.NotContains(t, want, o.ID)
			continue
		}
		seen++
		require.Equal(t, want[o.ID], o.Filter.TypeName)
		require.Equal(t, "Parse"+want[o.ID], o.Filter.ParseFunc)
		require.Empty(t, o.Filter.Ignored)
		for _, op := range o.Filter.Ops {
			require.NotNil(t, op.Match, op.Param.Name)
		}
	}
	require.Equal(t, len(want), seen)

	lives := findOp(t, api, "listLives").Filter
	require.Equal(t, "Live", lives.Item.Named.Name)
	startGte := findFilterOp(t, lives, "startDate[gte]")
	require.Equal(t, FilterValueUnix, startGte.Kind)
	require.Equal(t, RefTime, startGte.Value.Kind)
	require.Equal(t, FilterValueUnix, startGte.Match.As)
	require.Equal(t, "StartDateGte", startGte.Setter)
	status := findFilterOp(t, lives, "status[eq]")
	require.Equal(t, "LiveStatus", status.Value.Named.Name)
	require.False(t, status.Match.Convert)
	replay := findFilterOp(t, lives, "replay[eq]")
	require.Equal(t, "builtInConfig.recordAvailable", replay.Match.ItemPath)
	require.Equal(t, []string{"BuiltInConfig", "RecordAvailable"}, fieldNames(replay.Match.Path))
	rate := findFilterOp(t, lives, "attendanceRate[lt]")
	require.Equal(t, []string{"Metrics", "AttendanceRate"}, fieldNames(rate.Match.Path))
	require.Equal(t, MatchLt, rate.Match.Op)

	participants := findOp(t, api, "listLiveParticipants").Filter
	require.Equal(t, "Participant", participants.Item.Named.Name)
	first := findFilterOp(t, participants, "firstname[contains]")
	require.Equal(t, "spotMemberFirstname", first.Match.ItemPath)
	require.Equal(t, MatchContains, first.Match.Op)
	var props []string
	for _, p := range participants.Props {
		props = append(props, p.GoName+":"+itoa(len(p.Ops)))
	}
	require.Equal(t, []string{"Firstname:2", "Lastname:2", "Email:2", "Type:1", "Status:1", "HasReplayed:1", "HasParticipated:1"}, props)
}

func findOp(t *testing.T, api *API, id string) *Operation {
	t.Helper()
	for _, o := range api.Operations {
		if o.ID == id {
			return o
		}
	}
	t.Fatalf("no operation %s", id)
	return nil
}

func findFilterOp(t *testing.T, f *Filter, name string) *FilterOp {
	t.Helper()
	for _, op := range f.Ops {
		if op.Param.Name == name {
			return op
		}
	}
	t.Fatalf("no filter parameter %s", name)
	return nil
}

func fieldNames(fields []*Field) []string {
	var out []string
	for _, f := range fields {
		out = append(out, f.Name)
	}
	return out
}

// TestFilterOperands checks the operand type, wire kind and comparison of
// each kind of filter parameter against each kind of property.
func TestFilterOperands(t *testing.T) {
	cases := []struct {
		param   string
		value   RefKind
		kind    FilterValue
		list    bool
		as      FilterValue
		convert bool
		path    string
	}{
		{`{name: "name[eq]", in: query, schema: {type: string}}`, RefString, FilterValueString, false, FilterValueString, false, "name"},
		{`{name: "kind[eq]", in: query, schema: {type: string}}`, RefString, FilterValueString, false, FilterValueString, true, "kind"},
		{`{name: "kind[in]", in: query, schema: {type: array, items: {$ref: "#/components/schemas/Kind"}}}`, RefSlice, FilterValueString, true, FilterValueString, false, "kind"},
		{`{name: "size[gt]", in: query, schema: {type: integer}}`, RefInt, FilterValueInt, false, FilterValueFloat, true, "size"},
		{`{name: "count[lte]", in: query, schema: {type: integer, format: int64}}`, RefInt64, FilterValueInt, false, FilterValueInt, true, "count"},
		{`{name: "at[gte]", in: query, schema: {type: integer, format: unix-time}}`, RefTime, FilterValueUnix, false, FilterValueUnix, false, "at"},
		{`{name: "at[lt]", in: query, schema: {type: string, format: date-time}}`, RefTime, FilterValueDateTime, false, FilterValueDateTime, false, "at"},
		{`{name: "at[gt]", in: query, schema: {type: integer}}`, RefInt, FilterValueInt, false, FilterValueUnix, true, "at"},
		{`{name: "on[eq]", in: query, schema: {type: boolean}, x-livegen-filter: {field: meta.on}}`, RefBool, FilterValueBool, false, FilterValueBool, false, "meta.on"},
		{`{name: "seen[lt]", in: query, schema: {type: string, format: date-time}, x-livegen-filter: {field: meta.seen}}`, RefTime, FilterValueDateTime, false, FilterValueUnix, true, "meta.seen"},
	}
	for _, c := range cases {
		t.Run(c.param, func(t *testing.T) {
			api, o := loadFilters(t, filterSpec("- "+c.param, thingSchema), true)
			require.Empty(t, api.Warnings)
			require.NotNil(t, o.Filter)
			op := o.Filter.Ops[0]
			require.Equal(t, c.value, op.Value.Kind)
			require.Equal(t, c.kind, op.Kind)
			require.Equal(t, c.list, op.List)
			require.NotNil(t, op.Match, op.Ignored)
			require.Equal(t, c.as, op.Match.As)
			require.Equal(t, c.convert, op.Match.Convert)
			require.Equal(t, c.path, op.Match.ItemPath)
			require.Equal(t, matchOps[strings.ToLower(op.Op)], op.Match.Op)
			require.Same(t, op.Param, o.QueryParams[0])
			require.Equal(t, &FilterParam{Field: strings.SplitN(op.Param.Name, "[", 2)[0], Op: op.Op}, op.Param.Filter)
		})
	}
}

// TestFilterOperators checks the meaning of each operator name, spelled in
// the ways APIs spell them.
func TestFilterOperators(t *testing.T) {
	cases := map[string]MatchOp{
		"eq": MatchEq, "EQ": MatchEq, "ne": MatchNe, "neq": MatchNe, "lt": MatchLt, "lte": MatchLte, "le": MatchLte,
		"gt": MatchGt, "gte": MatchGte, "ge": MatchGte, "contains": MatchContains, "startsWith": MatchStartsWith,
		"starts_with": MatchStartsWith, "endsWith": MatchEndsWith, "ends-with": MatchEndsWith,
		"in": MatchIn, "nin": MatchNotIn, "notIn": MatchNotIn, "not_in": MatchNotIn,
	}
	for _, name := range sortedKeys(cases) {
		t.Run(name, func(t *testing.T) {
			schema := "{type: string}"
			if cases[name] == MatchIn || cases[name] == MatchNotIn {
				schema = "{type: array, items: {type: string}}"
			}
			api, o := loadFilters(t, filterSpec(fmt.Sprintf(`- {name: "name[%s]", in: query, schema: %s}`, name, schema), thingSchema), true)
			require.Empty(t, api.Warnings)
			require.Equal(t, cases[name], o.Filter.Ops[0].Match.Op)
		})
	}
}

// TestFilterIgnored checks that a condition Match cannot apply is named in a
// warning with the parameter's pointer, and left out of Match.
func TestFilterIgnored(t *testing.T) {
	cases := []struct {
		param, warning string
	}{
		{`{name: "color[eq]", in: query, schema: {type: string}}`, `ListThingsFilter.Match ignores color[eq]: Thing has no property "color"; name the compared property with x-livegen-filter: {field: <dotted path>}`},
		{`{name: "on[eq]", in: query, schema: {type: boolean}, x-livegen-filter: {field: meta.off}}`, `property meta of Thing has no property "off"`},
		{`{name: "x[eq]", in: query, schema: {type: string}, x-livegen-filter: {field: name.first}}`, `property name of Thing is not an object, so it has no property "first"`},
		{`{name: "name[near]", in: query, schema: {type: string}}`, `operator "near" has no known meaning`},
		{`{name: "tags[contains]", in: query, schema: {type: string}}`, `property tags of Thing is a list or a map, which Match does not compare`},
		{`{name: "count[contains]", in: query, schema: {type: integer}}`, `operator "contains" applies to strings, not to an integer`},
		{`{name: "kind[lt]", in: query, schema: {$ref: "#/components/schemas/Kind"}}`, `enum values have no order`},
		{`{name: "on[gt]", in: query, schema: {type: boolean}, x-livegen-filter: {field: meta.on}}`, `booleans have no order`},
		{`{name: "name[in]", in: query, schema: {type: string}}`, `operator "in" needs a list of values, but the parameter's schema is not an array`},
		{`{name: "name[eq]", in: query, schema: {type: array, items: {type: string}}}`, `operator "eq" compares one value, but the parameter's schema is an array`},
		{`{name: "name[eq]", in: query, schema: {type: boolean}}`, `a boolean cannot be compared with property name of Thing, which is a string`},
	}
	for _, c := range cases {
		t.Run(c.param, func(t *testing.T) {
			api, o := loadFilters(t, filterSpec("- "+c.param, thingSchema), false)
			require.NotNil(t, o.Filter)
			op := o.Filter.Ops[0]
			require.Nil(t, op.Match)
			require.Equal(t, []*FilterOp{op}, o.Filter.Ignored)
			require.Empty(t, op.Prop.MatchMethod, "a field whose conditions are all ignored has no match method")
			require.Len(t, api.Warnings, 1)
			require.Equal(t, "/paths/~1things/get/parameters/0", api.Warnings[0].Pointer)
			require.Contains(t, api.Warnings[0].Message, c.warning)
			require.Contains(t, api.Warnings[0].Message, "Match ignores "+op.Param.Name)

			_, err := LoadData([]byte(filterSpec("- "+c.param, thingSchema)), "spec.yaml", Options{Package: "p", Strict: true})
			require.ErrorContains(t, err, "/paths/~1things/get/parameters/0: ")
		})
	}
}

// TestFilterPlainParams checks the bracket parameters that stay plain ones.
func TestFilterPlainParams(t *testing.T) {
	cases := []struct {
		param, warning string
	}{
		{`{name: "page[size]", in: query, schema: {type: integer}, x-livegen-filter: false}`, ""},
		{`{name: "name[eq]", in: query, required: true, schema: {type: string}}`, "is required, but a filter's zero value must mean no filtering; it stays a plain parameter"},
		{`{name: "meta[eq]", in: query, schema: {type: object, properties: {a: {type: string}}}}`, "has a schema that is not a string, number, boolean, enum or a list of them; it stays a plain parameter"},
		{`{name: "ids[]", in: query, schema: {type: string}}`, ""},
		{`{name: "name", in: query, schema: {type: string}}`, ""},
		{`{name: "name[eq]", in: header, schema: {type: string}}`, ""},
	}
	for _, c := range cases {
		t.Run(c.param, func(t *testing.T) {
			api, o := loadFilters(t, filterSpec("- "+c.param, thingSchema), false)
			require.Nil(t, o.Filter)
			for _, p := range o.Params() {
				require.Nil(t, p.Filter)
			}
			if c.warning == "" {
				require.Empty(t, filterWarnings(api))
				return
			}
			require.Len(t, api.Warnings, 1)
			require.Contains(t, api.Warnings[0].Message, c.warning)
		})
	}
}

// TestFilterGrouping checks that parameters are grouped by field in the order
// of first appearance, with operators in spec order.
func TestFilterGrouping(t *testing.T) {
	params := `
- {name: "name[eq]", in: query, schema: {type: string}}
- {name: limit, in: query, schema: {type: integer}}
- {name: "count[gt]", in: query, schema: {type: integer}}
- {name: "name[contains]", in: query, schema: {type: string}}
- {name: "count[lt]", in: query, schema: {type: integer}}
- {name: "name[starts_with]", in: query, schema: {type: string}}`
	api, o := loadFilters(t, filterSpec(params, thingSchema), true)
	require.Empty(t, api.Warnings)
	f := o.Filter
	var got []string
	for _, p := range f.Props {
		var ops []string
		for _, op := range p.Ops {
			ops = append(ops, op.Op+"="+op.GoName+"/"+op.Setter)
		}
		got = append(got, p.Name+"="+p.GoName+"/"+p.MatchMethod+": "+strings.Join(ops, ", "))
	}
	require.Equal(t, []string{
		"name=Name/matchName: eq=Eq/NameEq, contains=Contains/NameContains, starts_with=StartsWith/NameStartsWith",
		"count=Count/matchCount: gt=Gt/CountGt, lt=Lt/CountLt",
	}, got)
	var order []string
	for _, op := range f.Ops {
		order = append(order, op.Param.Name)
	}
	require.Equal(t, []string{"name[eq]", "count[gt]", "name[contains]", "count[lt]", "name[starts_with]"}, order)
	require.Equal(t, MatchStartsWith, f.Ops[4].Match.Op)
	require.Equal(t, "Thing", f.Item.Named.Name)
}

// TestFilterNames checks that every name is claimed without collisions: a
// schema that already holds the filter's name, a field named like a fixed
// method, and a field named like another field's setter.
func TestFilterNames(t *testing.T) {
	params := `
- {name: "match[eq]", in: query, schema: {type: string}, x-livegen-filter: {field: name}}
- {name: "nameEq[eq]", in: query, schema: {type: string}, x-livegen-filter: {field: name}}
- {name: "name[eq]", in: query, schema: {type: string}}
- {name: "is_zero[eq]", in: query, schema: {type: string}, x-livegen-filter: {field: name}}`
	spec := filterSpec(params, thingSchema) + "    ListThingsFilter: {type: string}\n    ParseListThingsFilter: {type: string}\n"
	api, o := loadFilters(t, spec, true)
	require.Empty(t, api.Warnings)
	f := o.Filter
	require.Equal(t, "ListThingsFilter2", f.TypeName)
	require.Equal(t, "ParseListThingsFilter2", f.ParseFunc)
	var names []string
	for _, op := range f.Ops {
		names = append(names, op.Prop.GoName+"."+op.GoName+" "+op.Setter)
	}
	require.Equal(t, []string{"Match2.Eq Match2Eq", "NameEq.Eq NameEqEq", "Name.Eq NameEq2", "IsZero2.Eq IsZero2Eq"}, names)
}

// TestFilterItems checks how the listed item is found: a top-level array, no
// list at all (no Match), and an extension that is not well formed.
func TestFilterItems(t *testing.T) {
	arraySpec := strings.Replace(filterSpec(`- {name: "name[eq]", in: query, schema: {type: string}}`, thingSchema),
		`                type: object
                properties:
                  items: {type: array, items: {$ref: "#/components/schemas/Thing"}}`,
		`                type: array
                items: {$ref: "#/components/schemas/Thing"}`, 1)
	api, o := loadFilters(t, arraySpec, true)
	require.Empty(t, api.Warnings)
	require.Equal(t, "Thing", o.Filter.Item.Named.Name)

	noList := strings.Replace(filterSpec(`- {name: "name[eq]", in: query, schema: {type: string}}`, thingSchema),
		`items: {type: array, items: {$ref: "#/components/schemas/Thing"}}`, `count: {type: integer}`, 1)
	api, o = loadFilters(t, noList, false)
	require.Nil(t, o.Filter.Item)
	require.Equal(t, []string{"/paths/~1things/get: no 2xx JSON answer lists items (an array, or an object with an items array, of a struct), so ListThingsFilter has no Match method"}, filterWarnings(api))
	require.Nil(t, o.Filter.Ops[0].Match)

	badExt := filterSpec(`- {name: "name[eq]", in: query, schema: {type: string}, x-livegen-filter: {field: 3, op: x}}`, thingSchema)
	api, o = loadFilters(t, badExt, false)
	require.Equal(t, []string{
		`/paths/~1things/get/parameters/0/x-livegen-filter/op: x-livegen-filter has no key "op"; it takes only field (a dotted property path of the listed item)`,
		`/paths/~1things/get/parameters/0/x-livegen-filter/field: x-livegen-filter field must be a dotted property path such as metrics.attendanceRate; "name[eq]" is compared with property "name" instead`,
	}, filterWarnings(api))
	require.Equal(t, "name", o.Filter.Ops[0].Match.ItemPath)
}

// TestFilterBounds checks that Parse gets the bounds it checks, and that the
// constraints it does not check are named in a warning.
func TestFilterBounds(t *testing.T) {
	params := `
- {name: "count[gt]", in: query, schema: {type: integer, minimum: 1, maximum: 9, exclusiveMaximum: true}}
- {name: "name[eq]", in: query, schema: {type: string, minLength: 2, maxLength: 5, pattern: "^a"}}
- {name: "kind[in]", in: query, schema: {type: array, maxItems: 2, items: {$ref: "#/components/schemas/Kind"}}}`
	api, o := loadFilters(t, filterSpec(params, thingSchema), false)
	count := o.Filter.Ops[0].Bounds
	require.Equal(t, 1.0, *count.Minimum)
	require.Equal(t, 9.0, *count.Maximum)
	require.True(t, count.ExclusiveMaximum)
	name := o.Filter.Ops[1].Bounds
	require.Equal(t, uint64(2), name.MinLength)
	require.Equal(t, uint64(5), *name.MaxLength)
	require.Empty(t, name.Pattern, "Parse does not check patterns")
	require.Equal(t, []string{
		`/paths/~1things/get/parameters/1: filter parameter "name[eq]": the filter's Parse function does not check pattern; the server gets such values unchecked`,
		`/paths/~1things/get/parameters/2: filter parameter "kind[in]": the filter's Parse function does not check minItems, maxItems and uniqueItems; the server gets such values unchecked`,
	}, filterWarnings(api))
}
