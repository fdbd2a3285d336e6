package specdiff

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/seed-0d47db62/livegen/generator"
)

var update = flag.Bool("update", false, "rewrite golden/diff/*/report.txt")

// casesDir holds one directory per case: old.yaml, new.yaml and the
// expected report.txt.
var casesDir = filepath.Join("..", "..", "golden", "diff")

func load(t *testing.T, path string) *generator.API {
	t.Helper()
	api, err := generator.LoadFile(path, generator.Options{Package: "api"})
	require.NoError(t, err)
	return api
}

func compareFiles(t *testing.T, dir string) []Change {
	t.Helper()
	return Compare(load(t, filepath.Join(dir, "old.yaml")), load(t, filepath.Join(dir, "new.yaml")))
}

// TestGoldenReports compares each case's report with report.txt;
// `go test ./internal/specdiff -update` rewrites them.
func TestGoldenReports(t *testing.T) {
	dirs, err := filepath.Glob(filepath.Join(casesDir, "*", "old.yaml"))
	require.NoError(t, err)
	require.NotEmpty(t, dirs)
	for _, old := range dirs {
		dir := filepath.Dir(old)
		t.Run(filepath.Base(dir), func(t *testing.T) {
			got := Report(compareFiles(t, dir))
			path := filepath.Join(dir, "report.txt")
			if *update {
				require.NoError(t, os.WriteFile(path, []byte(got), 0o644))
				return
			}
			want, err := os.ReadFile(path)
			require.NoError(t, err, "run go test ./internal/specdiff -update")
			require.Equal(t, string(want), got, "%s is stale; run go test ./internal/specdiff -update and review the diff", path)
		})
	}
}

// find returns the changes whose line contains every part.
func find(changes []Change, parts ...string) []Change {
	var out []Change
	for _, c := range changes {
		line := c.String()
		match := true
		for _, p := range parts {
			match = match && strings.Contains(line, p)
		}
		if match {
			out = append(out, c)
		}
	}
	return out
}

// requireOne asserts that exactly one change matches, with its verdict.
func requireOne(t *testing.T, changes []Change, breaking bool, parts ...string) {
	t.Helper()
	got := find(changes, parts...)
	require.Len(t, got, 1, "one change with %q in:\n%s", parts, Report(changes))
	require.Equal(t, breaking, got[0].Breaking, got[0].String())
}

// The verdicts the issue asks for, independent of the reports' wording.
func TestVerdicts(t *testing.T) {
	ops := compareFiles(t, filepath.Join(casesDir, "operations"))
	requireOne(t, ops, true, "deleteThing", "removed")
	requireOne(t, ops, true, "getOwner", "renamed from operationId fetchOwner")
	requireOne(t, ops, false, "createThing", "added")
	requireOne(t, ops, true, "listParts", "the Go method ListParts is renamed ListThingParts")
	requireOne(t, ops, false, "listParts", "moves from GET /things/{id}/parts")
	require.Empty(t, find(ops, "getThing ("))
	require.True(t, Breaking(ops))

	fields := compareFiles(t, filepath.Join(casesDir, "fields"))
	requireOne(t, fields, true, `field "name" is new and required`)
	requireOne(t, fields, false, `field "color" is new and optional`)
	requireOne(t, fields, true, `field "legacy" is removed`)
	requireOne(t, fields, true, `field "size" changes type from int to string`)
	requireOne(t, fields, true, `field "id" is now optional; Thing.ID becomes *string`)
	requireOne(t, fields, true, `field "weight" is now required; requests without it are refused; Thing.Weight becomes float64`)
	require.Len(t, find(fields, `field "id"`), 1)
	require.Len(t, find(fields, `field "weight"`), 1)
	requireOne(t, fields, true, `field "label" is renamed Thing.Caption`)
	requireOne(t, fields, true, `field "note" changes type from Nullable[string] to *string`)
	// tags: optional → required keeps the Go type ([]string, nil is absent),
	// but requests without it are refused now.
	requireOne(t, fields, true, `field "tags" is now required`)

	enums := compareFiles(t, filepath.Join(casesDir, "enums"))
	requireOne(t, enums, true, "type Status", `enum value "archived" is removed`)
	requireOne(t, enums, false, "type Status", `enum value "draft" is new`)
	requireOne(t, enums, false, "type Priority", "enum value 4 is new")
	requireOne(t, enums, true, "type Level", "changes from an enum of string to an enum of int")

	params := compareFiles(t, filepath.Join(casesDir, "parameters"))
	requireOne(t, params, true, `query parameter "sort" is removed`)
	requireOne(t, params, true, `query parameter "region" is new and required`)
	requireOne(t, params, false, `query parameter "limit" is new and optional`)
	requireOne(t, params, true, `query parameter "owner" is now required`)
	requireOne(t, params, true, `query parameter "size" changes type from int to string`)
	requireOne(t, params, true, `header parameter "X-Trace" is now optional; XTrace becomes *string`)
	require.Empty(t, find(params, `"page"`))

	responses := compareFiles(t, filepath.Join(casesDir, "responses"))
	requireOne(t, responses, true, "getThing", "response 410 is removed")
	requireOne(t, responses, false, "getThing", "response 404 is new")
	requireOne(t, responses, false, "getThing", "response 202 is new")
	requireOne(t, responses, true, "replaceThing", "request body changes type from Thing to []Thing")
	requireOne(t, responses, true, "replaceThing", "request body is now required")
	requireOne(t, responses, true, "replaceThing", "response 200 changes type from string to int")
	requireOne(t, responses, true, "deleteThing", "takes a request body now")

	types := compareFiles(t, filepath.Join(casesDir, "types"))
	requireOne(t, types, true, "type Gadget", "renamed Device")
	requireOne(t, types, true, "type Widget", "removed")
	requireOne(t, types, false, "type Sprocket", "added")
	requireOne(t, types, true, "type Tags", "changes from []string to []int")
	requireOne(t, types, true, "type Shape", "variant Widget (Widget) is removed")
	requireOne(t, types, true, "type Shape", "variant Gadget is renamed Device")
	require.Empty(t, find(types, "variant Gadget (Gadget) is removed"))
	requireOne(t, types, false, "type Shape", "variant Sprocket (Sprocket) is new")
	requireOne(t, types, true, "type Code", "changes from a struct to an enum")
	requireOne(t, types, true, "type Labels", "takes no additional properties any more")

	unchanged := compareFiles(t, filepath.Join(casesDir, "unchanged"))
	require.Empty(t, unchanged)
	require.False(t, Breaking(unchanged))
}

// The report lists operations (by path, then method) before types (by
// name), the same on every run.
func TestReportOrderIsStable(t *testing.T) {
	old := load(t, filepath.Join(casesDir, "operations", "old.yaml"))
	new := load(t, filepath.Join(casesDir, "types", "new.yaml"))
	first := Report(Compare(old, new))
	for i := 0; i < 5; i++ {
		require.Equal(t, first, Report(Compare(old, new)))
	}
	var kinds []string
	for _, line := range strings.Split(strings.TrimSpace(first), "\n") {
		kinds = append(kinds, strings.Fields(line)[1])
	}
	lastOp := strings.LastIndex(strings.Join(kinds, " "), "operation")
	firstType := strings.Index(strings.Join(kinds, " "), "type")
	require.Less(t, lastOp, firstType, first)
	require.Contains(t, first, "BREAKING operation listThings (GET /things): removed")
	require.Less(t, strings.Index(first, "(GET /things)"), strings.Index(first, "(GET /things/{id})"), first)
}
