// Package fuzzgen fuzzes the whole generator: random spec bytes must end in
// an error or in Go source that parses, never in a panic.
package fuzzgen

import (
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"testing"

	"github.com/seed-0d47db62/livegen/generator"
	"github.com/seed-0d47db62/livegen/templates"
)

// FuzzGenerate is seeded with every golden spec and the curated specs; its
// seed corpus runs in `make test`, `make fuzz` runs it for longer.
func FuzzGenerate(f *testing.F) {
	seeds, _ := filepath.Glob(filepath.Join("..", "..", "golden", "*", "spec.yaml"))
	curated, _ := filepath.Glob(filepath.Join("..", "..", "openapi", "*", "*.yaml"))
	for _, path := range append(seeds, curated...) {
		data, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte(`{"openapi":"3.0.0","info":{"title":"x","version":"1"},"paths":{"/a/{b}":{"get":{"responses":{"200":{"description":"ok"}}}}}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		api, err := generator.LoadData(data, "fuzz.yaml", generator.Options{Package: "fuzz", ImportPath: "example.com/fuzz"})
		if err != nil {
			return
		}
		files, err := templates.Render(api, nil)
		if err != nil {
			return
		}
		for _, file := range files {
			if _, err := parser.ParseFile(token.NewFileSet(), file.Name, file.Content, parser.AllErrors); err != nil {
				t.Fatalf("%s does not parse: %v", file.Name, err)
			}
		}
	})
}
