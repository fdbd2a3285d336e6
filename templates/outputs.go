package templates

import (
	"fmt"
	"strings"

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
	var files []File
	for _, o := range Outputs {
		if len(want) > 0 && !want[o.Name] {
			continue
		}
		content, err := o.Render(api)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", o.File, err)
		}
		if content == nil {
			continue // nothing to generate for this API (no filters, say)
		}
		files = append(files, File{Name: o.File, Content: content})
	}
	return files, nil
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
