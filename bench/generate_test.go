package bench

import (
	"go/format"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/oapi-codegen/oapi-codegen/v2/pkg/codegen"
	"github.com/oapi-codegen/oapi-codegen/v2/pkg/util"

	"github.com/seed-0d47db62/livegen/bench/cputime"
	"github.com/seed-0d47db62/livegen/generator"
	"github.com/seed-0d47db62/livegen/templates"
)

// corpusDir holds the public specs beside the project (../shared/corpus
// from the repository root).
const corpusDir = "../../shared/corpus"

// outputs are the kinds both generators write: models, client and server
// (livegen adds filters and validate, which its models and server need).
var outputs = []string{"models", "client", "server"}

// synthSizes are the operation counts of the synthetic specs.
var synthSizes = []int{10, 100, 1000, 5000}

// genCase is one spec that both generators are given.
type genCase struct {
	name string // the sub-benchmark's spec= value
	path string // the spec file
	ops  int    // its operations
	// resolveCollisions turns on oapi-codegen's resolve-type-name-collisions,
	// without which it stops on the GitHub spec with a duplicate type name.
	resolveCollisions bool
}

// BenchmarkGenerate times generation from the spec file to formatted Go
// source in memory, as the command does it without writing: each generator
// loads the spec itself on every iteration. ns/apiop is the time per
// operation of the spec.
func BenchmarkGenerate(b *testing.B) {
	for _, c := range append(realCases(b), synthCases(b)...) {
		benchGeneration(b, "spec="+c.name+"/gen=livegen", c.ops, func(b *testing.B) {
			generateLivegen(b, c.path)
		})
		benchGeneration(b, "spec="+c.name+"/gen=oapi-codegen", c.ops, func(b *testing.B) {
			generateOapiCodegen(b, c, loadOapiCodegen(b, c.path))
		})
	}
}

// benchGeneration runs one generator on one spec as a sub-benchmark, with
// cpu-ns/op and ns/apiop besides the usual metrics.
func benchGeneration(b *testing.B, name string, ops int, generate func(b *testing.B)) {
	b.Run(name, func(b *testing.B) {
		stop := cputime.Start(b)
		for b.Loop() {
			generate(b)
		}
		stop()
		reportPerOperation(b, ops)
	})
}

// BenchmarkGeneratePhase splits the two generators' time on the curated
// and the corpus spec: kin-openapi's load alone (the floor both share),
// livegen's model (that load, the document check and the model), livegen's
// rendering and formatting from a ready model, go/format.Source over the
// files livegen writes (what formatting costs inside rendering, since
// jennifer formats each file once), and oapi-codegen's Generate from a
// freshly loaded document (Generate prunes the document, so each iteration
// gets a new one, loaded outside the timer).
func BenchmarkGeneratePhase(b *testing.B) {
	for _, c := range realCases(b) {
		b.Run("spec="+c.name+"/phase=kin-load", func(b *testing.B) {
			for b.Loop() {
				loadKin(b, c.path)
			}
		})
		b.Run("spec="+c.name+"/phase=livegen-model", func(b *testing.B) {
			for b.Loop() {
				loadLivegen(b, c.path)
			}
		})
		b.Run("spec="+c.name+"/phase=livegen-render", func(b *testing.B) {
			api := loadLivegen(b, c.path)
			for b.Loop() {
				renderLivegen(b, api)
			}
		})
		b.Run("spec="+c.name+"/phase=livegen-gofmt", func(b *testing.B) {
			files := renderLivegen(b, loadLivegen(b, c.path))
			for b.Loop() {
				formatFiles(b, files)
			}
		})
		b.Run("spec="+c.name+"/phase=oapi-codegen-generate", func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				doc := loadOapiCodegen(b, c.path)
				b.StartTimer()
				generateOapiCodegen(b, c, doc)
			}
		})
	}
}

// realCases are the curated MeltingSpot spec and the largest corpus spec,
// when the corpus is beside the project; with -short, only the first.
func realCases(b *testing.B) []genCase {
	cases := []genCase{{name: "meltingspot", path: "../openapi/meltingspot/lives.yaml"}}
	if path := largestCorpusSpec(b); path != "" && !testing.Short() {
		cases = append(cases, genCase{name: "corpus-largest", path: path, resolveCollisions: true})
	}
	for i := range cases {
		cases[i].ops = countOperations(b, cases[i].path)
	}
	return cases
}

// synthCases are the synthetic specs, written into a temporary directory;
// with -short, only the smallest.
func synthCases(b *testing.B) []genCase {
	dir := b.TempDir()
	var cases []genCase
	for _, n := range synthSizes {
		if testing.Short() && n > synthSizes[0] {
			break
		}
		name := "synthetic-" + strconv.Itoa(n)
		path := filepath.Join(dir, name+".yaml")
		if err := os.WriteFile(path, SyntheticSpec(n), 0o644); err != nil {
			b.Fatal(err)
		}
		cases = append(cases, genCase{name: name, path: path, ops: n})
	}
	return cases
}

// largestCorpusSpec is the biggest spec file of the corpus (the GitHub REST
// API today), or "" when the corpus is not there.
func largestCorpusSpec(b *testing.B) string {
	entries, err := os.ReadDir(corpusDir)
	if err != nil {
		b.Logf("no corpus at %s (%v): skipping the corpus spec", corpusDir, err)
		return ""
	}
	var best string
	var bestSize int64 = -1
	for _, e := range entries {
		ext := filepath.Ext(e.Name())
		if ext != ".yaml" && ext != ".yml" && ext != ".json" {
			continue
		}
		info, err := e.Info()
		if err != nil {
			b.Fatal(err)
		}
		if info.Size() > bestSize {
			best, bestSize = filepath.Join(corpusDir, e.Name()), info.Size()
		}
	}
	return best
}

// operationCounts caches countOperations: -count runs the benchmarks again
// in the same process, and loading the corpus spec takes a second.
var operationCounts = map[string]int{}

// countOperations counts the operations of the spec, the same for both
// generators.
func countOperations(b *testing.B, path string) int {
	if n, ok := operationCounts[path]; ok {
		return n
	}
	n := 0
	for _, item := range loadKin(b, path).Paths.Map() {
		n += len(item.Operations())
	}
	operationCounts[path] = n
	return n
}

// reportPerOperation adds ns/apiop: the time of one generation divided by the
// spec's operations; flat means generation grows linearly.
func reportPerOperation(b *testing.B, ops int) {
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(ops), "ns/apiop")
}

// loadKin is kin-openapi's load alone, with the loader settings both
// generators use for a file.
func loadKin(b *testing.B, path string) *openapi3.T {
	loader := openapi3.NewLoader()
	loader.IsExternalRefsAllowed = true
	doc, err := loader.LoadFromFile(path)
	if err != nil {
		b.Fatal(err)
	}
	return doc
}

// loadLivegen builds livegen's model, as the command does.
func loadLivegen(b *testing.B, path string) *generator.API {
	api, err := generator.LoadFile(path, generator.Options{Package: "api", ImportPath: "example.com/api"})
	if err != nil {
		b.Fatal(err)
	}
	return api
}

// renderLivegen renders and formats the outputs from a model.
func renderLivegen(b *testing.B, api *generator.API) []templates.File {
	files, err := templates.Render(api, outputs)
	if err != nil {
		b.Fatal(err)
	}
	return files
}

// generateLivegen is one livegen run from the file to the sources.
func generateLivegen(b *testing.B, path string) {
	if files := renderLivegen(b, loadLivegen(b, path)); len(files) < len(outputs) {
		b.Fatalf("livegen wrote %d files, want at least %d", len(files), len(outputs))
	}
}

// formatFiles runs go/format over rendered files, as jennifer does once per
// file when it renders.
func formatFiles(b *testing.B, files []templates.File) {
	for _, f := range files {
		if _, err := format.Source(f.Content); err != nil {
			b.Fatalf("%s: %v", f.Name, err)
		}
	}
}

// loadOapiCodegen loads the spec as oapi-codegen's command does.
func loadOapiCodegen(b *testing.B, path string) *openapi3.T {
	doc, err := util.LoadSwagger(path)
	if err != nil {
		b.Fatal(err)
	}
	return doc
}

// generateOapiCodegen runs oapi-codegen's Generate with the same outputs:
// models, client and the net/http server.
func generateOapiCodegen(b *testing.B, c genCase, doc *openapi3.T) {
	src, err := codegen.Generate(doc, oapiCodegenConfig(c))
	if err != nil {
		b.Fatal(err)
	}
	if !strings.Contains(src, "func NewClient(") {
		b.Fatal("oapi-codegen wrote no client")
	}
}

// oapiCodegenConfig asks oapi-codegen for models, client and std-http server.
func oapiCodegenConfig(c genCase) codegen.Configuration {
	return codegen.Configuration{
		PackageName: "api",
		Generate: codegen.GenerateOptions{
			Models:        true,
			Client:        true,
			StdHTTPServer: true,
		},
		OutputOptions: codegen.OutputOptions{ResolveTypeNameCollisions: c.resolveCollisions},
	}
}
