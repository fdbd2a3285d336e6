package templates

import (
	"fmt"
	"strings"
	"sync"

	"github.com/seed-0d47db62/livegen/generator"
)

// Output is one kind of generated code, in one file or more.
type Output struct {
	Name  string // as given to -generate
	Doc   string
	Files []OutputFile
	// Requires lists the outputs whose code this one uses; they are
	// generated with it.
	Requires []string
}

// OutputFile is one file of an output and its renderer. Large outputs are
// cut into files that each have one job, which also lets them be rendered
// and formatted at the same time.
type OutputFile struct {
	Name   string
	Render func(*generator.API) ([]byte, error)
}

// Outputs lists every output kind in the order files are written.
var Outputs = []Output{
	{Name: "models", Doc: "Go types for every schema and parameter set, with JSON methods", Files: []OutputFile{{"models.gen.go", Models}, {RuntimeDir + "/models.gen.go", ModelsRuntime}}, Requires: []string{"filters"}},
	{Name: "filters", Doc: "typed bracket filters: query encoding, parsing and in-memory matching", Files: []OutputFile{{"filters.gen.go", Filters}, {RuntimeDir + "/filters.gen.go", FiltersRuntime}}},
	{Name: "client", Doc: "typed client: every operation, typed errors, pagination, retries, bulk helpers", Files: []OutputFile{{"client.gen.go", Client}, {RuntimeDir + "/client.gen.go", ClientRuntime}}, Requires: []string{"models"}},
	{Name: "validate", Doc: "validators generated from the schemas' constraints", Files: []OutputFile{{"validate.gen.go", Validate}, {RuntimeDir + "/validate.gen.go", ValidateRuntime}}, Requires: []string{"models"}},
	{Name: "server", Doc: "server interface and a validating net/http handler, and how it reads requests", Files: []OutputFile{{"server.gen.go", Server}, {"server_decode.gen.go", ServerDecode}, {"server_encode.gen.go", ServerEncode}, {"server_paging.gen.go", ServerPaging}, {RuntimeDir + "/server.gen.go", ServerRuntime}, {RuntimeDir + "/server_decode.gen.go", ServerDecodeRuntime}, {RuntimeDir + "/server_encode.gen.go", ServerEncodeRuntime}}, Requires: []string{"models", "validate"}},
}

// FileNames lists the files of an output.
func (o Output) FileNames() []string {
	names := make([]string, len(o.Files))
	for i, f := range o.Files {
		names[i] = f.Name
	}
	return names
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
	var todo []OutputFile
	for _, o := range Outputs {
		if len(want) == 0 || want[o.Name] {
			todo = append(todo, o.Files...)
		}
	}
	if api.ImportPath == "" {
		return nil, fmt.Errorf("the generated package's import path is not set: its runtime package is imported from below it")
	}
	if _, loaded := renderShares.LoadOrStore(api, &renderShare{items: map[string]*sharedItem{}}); !loaded {
		defer renderShares.Delete(api)
	}
	results := renderAll(api, todo)
	var files []File
	runtime := false
	for i, o := range todo {
		r := results[i]
		if r.err != nil {
			return nil, fmt.Errorf("%s: %w", o.Name, r.err)
		}
		if r.files == nil {
			continue // nothing to generate for this API (no filters, say)
		}
		runtime = runtime || strings.HasPrefix(o.Name, RuntimeDir+"/")
		files = append(files, r.files...)
	}
	if runtime {
		files = append(files, runtimeDoc(api))
	}
	return files, nil
}

// rendered is the outcome of one output's renderer: its file, cut into
// parts when large; none when the API has nothing for it.
type rendered struct {
	files []File
	err   error
	panic any
}

// renderAll runs the renderers at the same time: they only read the model,
// and most of their time is go/format's, so the outputs take about as long
// as the largest one when there are cores enough. The results come back in
// the order of outputs; a renderer's panic is raised again here, in the
// caller's goroutine, as if the renderers had run one after the other.
func renderAll(api *generator.API, outputs []OutputFile) []rendered {
	results := make([]rendered, len(outputs))
	var wg sync.WaitGroup
	for i, o := range outputs {
		wg.Go(func() {
			defer func() {
				if r := recover(); r != nil {
					results[i].panic = r
				}
			}()
			results[i].files, results[i].err = renderFile(api, o)
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

// renderFile renders one file, puts the runtime's import path in and cuts
// it when large: in the renderer's goroutine, as cutting parses the file.
func renderFile(api *generator.API, o OutputFile) ([]File, error) {
	content, err := o.Render(api)
	if err != nil || content == nil {
		return nil, err
	}
	return splitLarge(File{Name: o.Name, Content: placeRuntime(content, api.ImportPath)}, maxFileBytes)
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
// WrittenWith lists the outputs that generating o writes too, because its
// code uses theirs, in the order of Outputs.
func (o Output) WrittenWith() []string {
	want := map[string]bool{o.Name: true}
	addRequired(want)
	var names []string
	for _, x := range Outputs {
		if want[x.Name] && x.Name != o.Name {
			names = append(names, x.Name)
		}
	}
	return names
}

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

// renderShares holds, for each Render under way, what several of its
// renderers build together (the client's two files come from one pass), so
// that the pass runs once. Render drops its entry when done; a renderer
// called on its own builds afresh.
var renderShares sync.Map // *generator.API -> *renderShare

type renderShare struct {
	mu    sync.Mutex
	items map[string]*sharedItem
}

type sharedItem struct {
	once  sync.Once
	value any
}

// shared returns build's result for api, built once per Render.
func shared[T any](api *generator.API, key string, build func() T) T {
	s, ok := renderShares.Load(api)
	if !ok {
		return build()
	}
	share := s.(*renderShare)
	share.mu.Lock()
	item := share.items[key]
	if item == nil {
		item = &sharedItem{}
		share.items[key] = item
	}
	share.mu.Unlock()
	item.once.Do(func() { item.value = build() })
	return item.value.(T)
}
