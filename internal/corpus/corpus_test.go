// Package corpus runs livegen over real public specs (../shared/corpus) and
// over invalid ones (../shared/corpus-negative), then builds and vets what it
// generated. `make test` runs a sample and every negative spec; `make corpus`
// runs everything and writes docs/COMPATIBILITY.md.
package corpus

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

var (
	full   = flag.Bool("corpus.full", false, "run every spec of the corpus, not the sample")
	report = flag.String("corpus.report", "", "write the compatibility table to this file")
)

// sample is the part of the corpus that every `make test` runs, chosen for
// the spread of features it covers.
var sample = []string{
	"oai__petstore-expanded.yaml",                         // the classic
	"ogen__positive__allOf.yml",                           // allOf merging
	"ogen__positive__discriminator_mapping.json",          // discriminators
	"ogen__positive__anyOf.json",                          // anyOf
	"oapicodegen__openapi31__spec.yaml",                   // OpenAPI 3.1
	"ogen__positive__parameters.json",                     // parameter styles
	"oapicodegen__parameters__roundtrip__parameters.yaml", // odd path templates
	"ogen__positive__form.json",                           // form bodies
	"oapicodegen__naming__conflicts__spec.yaml",           // name collisions
	"ogen__examples__petstore-oauth2.yml",                 // oauth2 security
	"ogen__positive__http_responses.json",                 // response shapes and headers
	"ogen__positive__nullable_type_list.yml",              // 3.1 nullable types
	"ballerina__odweather.yml",                            // a small real API
	"ogen__examples__techempower.json",                    // a benchmark API
}

func sharedDir(t testing.TB, name string) string {
	dir := filepath.Join("..", "..", "..", "shared", name)
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("%s is not beside the checkout: %v", dir, err)
	}
	return dir
}

func specFiles(t testing.TB, dir string) []string {
	var out []string
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	for _, e := range entries {
		switch strings.ToLower(filepath.Ext(e.Name())) {
		case ".yaml", ".yml", ".json":
			out = append(out, filepath.Join(dir, e.Name()))
		}
	}
	return out
}

// TestCorpus generates every output kind for each spec, then builds and vets
// the packages; the real-world specs must all succeed.
func TestCorpus(t *testing.T) {
	dir := sharedDir(t, "corpus")
	specs := specFiles(t, dir)
	if !*full {
		specs = specs[:0]
		for _, name := range sample {
			specs = append(specs, filepath.Join(dir, name))
		}
	}
	results := runAll(t, specs)
	if *report != "" {
		table := compatibilityTable(results)
		if *full {
			table += modernPagingTable(t)
		}
		require.NoError(t, os.WriteFile(*report, []byte(table), 0o644))
	}
	for _, r := range results {
		if !r.ok() {
			t.Errorf("%s: %s", r.Name, r.Problem)
		}
	}
}

// TestNegativeCorpus requires every invalid spec to end cleanly: code that
// builds, or exit status 1 with one line naming the file and the location.
func TestNegativeCorpus(t *testing.T) {
	dir := sharedDir(t, "corpus-negative")
	results := runAll(t, specFiles(t, dir))
	for _, r := range results {
		switch {
		case r.GenErr != "":
			if strings.Count(r.GenErr, "\n") > 0 || !strings.Contains(r.GenErr, r.Name) {
				t.Errorf("%s: the error is not one line naming the file: %q", r.Name, r.GenErr)
			}
			if strings.Contains(r.GenErr, "internal error") {
				t.Errorf("%s: generator failure: %s", r.Name, r.GenErr)
			}
		case !r.Built || !r.Vetted:
			t.Errorf("%s: generated code does not build or vet: %s", r.Name, r.Problem)
		}
	}
}
