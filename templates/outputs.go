package templates

import (
	"fmt"
	"strings"
	"sync"

	"github.com/seed-0d47db62/livegen/generator"
)

// Output is one kind of generated file.
type Output struct {
	Name   string // as given to -generate
	File   string
	Doc    string
	Render func(*generator.API) ([]byte, error)
	// Requires lists the outputs whose code this one uses; they are
	// generated with it.
	Requires []string
}

// Outputs lists every output kind in the order files are written.
var Outputs = []Output{
	{Name: "models", File: "models.gen.go", Doc: "Go types for every schema and parameter set, with JSON methods", Render: Models, Requires: []string{"filters"}},
	{Name: "filters", File: "filters.gen.go", Doc: "typed bracket filters: query encoding, parsing and in-memory matching", Render: Filters},
	{Name: "client", File: "client.gen.go", Doc: "typed client: every operation, typed errors, pagination, retries, bulk helpers", Render: Client, Requires: []string{"models"}},
	{Name: "validate", File: "validate.gen.go", Doc: "validators generated from the schemas' constraints", Render: Validate, Requires: []string{"models"}},
	{Name: "server", File: "server.gen.go", Doc: "server interface and a validating net/http handler", Render: Server, Requires: []string{"models", "validate"}},
}

// File is a rendered file.
type File struct {
	Name    string
	Content []byte
}

// OutputNames lists the names of every output kind.
func OutputNames() []string {
	names := make([]string, len(Outputs))
	for i, o := range Outputs {
		names[i] = o.Name
	}
	return names
}

// Render renders the requested output kinds (all when kinds is empty), in
// the order of Outputs.
func Render(api *generator.API, kinds []string) ([]File, error) {
	want := map[string]bool{}
	for _, k := range kinds {
		k = strings.TrimSpace(k)
		if k == "" {
			continue
		}
		if !isOutput(k) {
			return nil, fmt.Errorf("unknown output %q; choose from %s", k, strings.Join(OutputNames(), ", "))
		}
		want[k] = true
	}
	addRequired(want)
	var todo []Output
	for _, o := range Outputs {
		if len(want) == 0 || want[o.Name] {
			todo = append(todo, o)
		}
	}
	results := renderAll(api, todo)
	var files []File
	for i, o := range todo {
		r := results[i]
		if r.err != nil {
			return nil, fmt.Errorf("%s: %w", o.File, r.err)
		}
		if r.content == nil {
			continue // nothing to generate for this API (no filters, say)
		}
		files = append(files, File{Name: o.File, Content: r.content})
	}
	return files, nil
}

// rendered is the outcome of one output's renderer.
type rendered struct {
	content []byte
	err     error
	panic   any
}

// renderAll runs the renderers at the same time: they only read the model,
// and most of their time is go/format's, so the outputs take about as long
// as the largest one when there are cores enough. The results come back in
// the order of outputs; a renderer's panic is raised again here, in the
// caller's goroutine, as if the renderers had run one after the other.
func renderAll(api *generator.API, outputs []Output) []rendered {
	results := make([]rendered, len(outputs))
	var wg sync.WaitGroup
	for i, o := range outputs {
		wg.Go(func() {
			defer func() {
				if r := recover(); r != nil {
					results[i].panic = r
				}
			}()
			results[i].content, results[i].err = o.Render(api)
		})
	}
	wg.Wait()
	for _, r := range results {
		if r.panic != nil {
			panic(r.panic)
		}
	}
	return results
}

func isOutput(name string) bool {
	for _, o := range Outputs {
		if o.Name == name {
			return true
		}
	}
	return false
}

// addRequired adds the outputs that the wanted ones need.
func addRequired(want map[string]bool) {
	for changed := true; changed; {
		changed = false
		for _, o := range Outputs {
			if !want[o.Name] {
				continue
			}
			for _, r := range o.Requires {
				if !want[r] {
					want[r] = true
					changed = true
				}
			}
		}
	}
}
