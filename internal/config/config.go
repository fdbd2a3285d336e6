// Package config reads livegen.yaml, the file a consumer repository keeps
// next to its generated package so that `go generate` needs no flags:
//
//	//go:generate go run github.com/seed-0d47db62/livegen/cmd/livegen -config livegen.yaml
//
// Paths in the file are relative to the file's directory. Unknown keys, and
// values of the wrong kind, are errors that name the key and its line.
package config

import (
	"bytes"
	"errors"
	"fmt"
	"go/token"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/seed-0d47db62/livegen/generator"
)

// DefaultName is the conventional name of the file.
const DefaultName = "livegen.yaml"

// File is livegen.yaml as written. The keys are the command's flag names,
// so that a flag and its key are one thing.
type File struct {
	// Spec is the OpenAPI document, relative to the file's directory.
	Spec string `yaml:"spec"`
	// Out is the output directory, relative to the file's directory; the
	// file's directory when empty.
	Out string `yaml:"out"`
	// Package is the Go package name; the output directory's name when empty.
	Package string `yaml:"package"`
	// Generate lists the outputs to write; all when empty.
	Generate []string `yaml:"generate"`
	// Strict turns warnings into errors.
	Strict bool `yaml:"strict"`
	// Names maps a component schema name or a JSON pointer into the spec to
	// a Go name; it wins over x-go-name.
	Names map[string]string `yaml:"names"`
	// Types maps a component schema name or a JSON pointer to a schema to an
	// existing Go type ("github.com/shopspring/decimal.Decimal"); it wins
	// over x-go-type.
	Types map[string]string `yaml:"types"`
	// ChunkSizes maps the operationId of a bulk operation to the chunk size
	// its client helper uses by default.
	ChunkSizes map[string]int `yaml:"chunkSizes"`
	// Pagination maps an operationId to how the operation pages, for a
	// list whose paging the spec does not make clear: false, or the keys
	// of x-livegen-pagination (style, param, limit, items, next, hasMore,
	// total, cursor).
	Pagination map[string]any `yaml:"pagination"`
	// IncludeTags, IncludeOperations and IncludePaths keep only the
	// operations with one of the tags, operationIds or path prefixes;
	// the Exclude lists drop operations and win over the Include ones.
	IncludeTags       []string `yaml:"includeTags"`
	IncludeOperations []string `yaml:"includeOperations"`
	IncludePaths      []string `yaml:"includePaths"`
	ExcludeTags       []string `yaml:"excludeTags"`
	ExcludeOperations []string `yaml:"excludeOperations"`
	ExcludePaths      []string `yaml:"excludePaths"`
}

// Config is a loaded and checked livegen.yaml.
type Config struct {
	// Path is the file as given; Dir is its directory.
	Path, Dir string
	File
	// Overrides holds Names (keys turned into JSON pointers), Types (parsed)
	// and ChunkSizes; nil when the file sets none.
	Overrides *generator.Overrides
	// lines maps a key path ("spec", "names/Live") to its line in the file.
	lines map[string]int
	// pointerKey maps a JSON pointer of Overrides back to the key as written.
	pointerKey map[string]string
	// paging is the pagination section as written, for its lines.
	paging *yaml.Node
}

// Error is a mistake in livegen.yaml, with the key and line it is at.
type Error struct {
	File    string
	Line    int    // 0 when unknown
	Key     string // "names.Live"; empty for the whole file
	Message string
}

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		b.WriteString(":" + strconv.Itoa(e.Line))
	}
	if e.Key != "" {
		b.WriteString(": " + e.Key)
	}
	b.WriteString(": " + e.Message)
	return b.String()
}

// Load reads and checks the file at path.
func Load(path string) (*Config, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		var pe *os.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return nil, &Error{File: path, Message: "cannot read the config: " + err.Error()}
	}
	return Parse(data, path)
}

// Parse checks data as the contents of the file at path.
func Parse(data []byte, path string) (*Config, error) {
	c := &Config{Path: path, Dir: filepath.Dir(path), lines: map[string]int{}, pointerKey: map[string]string{}}
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		return nil, c.yamlError(err)
	}
	if root.Kind == 0 || len(root.Content) == 0 {
		return nil, &Error{File: path, Message: "the file is empty; set at least spec (see livegen -h)"}
	}
	doc := root.Content[0]
	if doc.Kind != yaml.MappingNode {
		return nil, &Error{File: path, Line: doc.Line, Message: "expected a mapping of keys (spec:, out:, package:, ...)"}
	}
	if err := c.decodeKeys(doc); err != nil {
		return nil, err
	}
	// Belt and braces: the decoder that rejects unknown keys must agree.
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	var check File
	if err := dec.Decode(&check); err != nil {
		return nil, c.yamlError(err)
	}
	if err := c.checkValues(); err != nil {
		return nil, err
	}
	return c, nil
}

// keys lists the keys of File in declaration order, with their field index.
func keys() ([]string, map[string]int) {
	t := reflect.TypeOf(File{})
	var names []string
	index := map[string]int{}
	for i := 0; i < t.NumField(); i++ {
		name := strings.Split(t.Field(i).Tag.Get("yaml"), ",")[0]
		names = append(names, name)
		index[name] = i
	}
	return names, index
}

// decodeKeys decodes each top-level key into its field, so that an unknown
// key or a value of the wrong kind is reported with its name and line.
func (c *Config) decodeKeys(doc *yaml.Node) error {
	names, index := keys()
	fields := reflect.ValueOf(&c.File).Elem()
	for i := 0; i+1 < len(doc.Content); i += 2 {
		k, v := doc.Content[i], doc.Content[i+1]
		fi, ok := index[k.Value]
		if !ok {
			return &Error{File: c.Path, Line: k.Line, Message: fmt.Sprintf("unknown key %q%s; the keys are %s", k.Value, didYouMean(k.Value, names), strings.Join(names, ", "))}
		}
		c.lines[k.Value] = k.Line
		field := fields.Field(fi)
		if k.Value == "pagination" {
			c.paging = v
		} else if field.Kind() == reflect.Map && v.Kind == yaml.MappingNode {
			if err := c.checkEntries(k.Value, v, field.Type().Elem()); err != nil {
				return err
			}
		}
		if err := v.Decode(field.Addr().Interface()); err != nil {
			return &Error{File: c.Path, Line: v.Line, Key: k.Value, Message: "expected " + describe(field.Type())}
		}
	}
	return nil
}

// checkEntries records the line of each entry of a mapping section and
// checks its value on its own, so that a bad value is named by its key.
func (c *Config) checkEntries(section string, m *yaml.Node, elem reflect.Type) error {
	for j := 0; j+1 < len(m.Content); j += 2 {
		k, v := m.Content[j], m.Content[j+1]
		c.lines[section+"/"+k.Value] = k.Line
		if err := v.Decode(reflect.New(elem).Interface()); err != nil || v.Kind != yaml.ScalarNode {
			return &Error{File: c.Path, Line: v.Line, Key: section + "." + quoteKey(k.Value), Message: "expected " + describe(elem)}
		}
	}
	return nil
}

// describe says in words what a field of File holds.
func describe(t reflect.Type) string {
	switch t.Kind() {
	case reflect.String:
		return "a string"
	case reflect.Bool:
		return "true or false"
	case reflect.Slice:
		return "a list such as [models, client]"
	case reflect.Map:
		if t.Elem().Kind() == reflect.Interface {
			return "a mapping of operationIds to false or {style: ..., param: ...}"
		}
		return "a mapping of names to " + strings.TrimPrefix(describe(t.Elem()), "a ") + "s"
	case reflect.Int:
		return "a whole number"
	default:
		return t.String()
	}
}

var yamlLine = regexp.MustCompile(`^(?:yaml: )?line (\d+): (.*)$`)

// yamlError puts a YAML syntax or type error in the file:line: form.
func (c *Config) yamlError(err error) error {
	var te *yaml.TypeError
	msg := err.Error()
	if errors.As(err, &te) && len(te.Errors) > 0 {
		msg = te.Errors[0]
	}
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		line, _ := strconv.Atoi(m[1])
		return &Error{File: c.Path, Line: line, Message: m[2]}
	}
	return &Error{File: c.Path, Message: strings.TrimPrefix(msg, "yaml: ")}
}

// ValidPackage reports whether name can be a Go package name; livegen.yaml's
// package and the -package flag are held to it.
func ValidPackage(name string) bool {
	return token.IsIdentifier(name) && name != "_"
}

// checkValues checks every value on its own and fills Overrides.
func (c *Config) checkValues() error {
	f := &c.File
	if f.Package != "" && !ValidPackage(f.Package) {
		return c.errorAt("package", "", "%q is not a Go package name; use a lower-case identifier such as api", f.Package)
	}
	for _, kv := range [][2]string{{"spec", f.Spec}, {"out", f.Out}} {
		if _, set := c.lines[kv[0]]; set && strings.TrimSpace(kv[1]) == "" {
			return c.errorAt(kv[0], "", "is empty; remove the key or give a path")
		}
	}
	if err := c.checkSelection(); err != nil {
		return err
	}
	ov := &generator.Overrides{}
	if err := c.checkNames(ov); err != nil {
		return err
	}
	if err := c.checkTypes(ov); err != nil {
		return err
	}
	if err := c.checkChunkSizes(ov); err != nil {
		return err
	}
	if err := c.checkPagination(ov); err != nil {
		return err
	}
	if !ov.IsZero() {
		c.Overrides = ov
	}
	return nil
}

func (c *Config) checkNames(ov *generator.Overrides) error {
	for _, key := range c.inFileOrder("names", sortedKeys(c.Names)) {
		name := c.Names[key]
		if !token.IsIdentifier(name) || !token.IsExported(name) {
			return c.errorAt("names", key, "%q is not an exported Go identifier; write a name such as LiveID", name)
		}
		ptr, err := schemaPointer(key)
		if err != nil {
			return c.errorAt("names", key, "%v", err)
		}
		if err := c.claimPointer("names", key, ptr); err != nil {
			return err
		}
		if ov.Names == nil {
			ov.Names = map[string]string{}
		}
		ov.Names[ptr] = name
	}
	return nil
}

func (c *Config) checkTypes(ov *generator.Overrides) error {
	for _, key := range c.inFileOrder("types", sortedKeys(c.Types)) {
		t, err := generator.ParseGoType(c.Types[key])
		if err != nil {
			return c.errorAt("types", key, "%v", err)
		}
		ptr, err := schemaPointer(key)
		if err != nil {
			return c.errorAt("types", key, "%v", err)
		}
		if err := c.claimPointer("types", key, ptr); err != nil {
			return err
		}
		if ov.Types == nil {
			ov.Types = map[string]generator.GoType{}
		}
		ov.Types[ptr] = t
	}
	return nil
}

func (c *Config) checkChunkSizes(ov *generator.Overrides) error {
	for _, id := range c.inFileOrder("chunkSizes", sortedKeys(c.ChunkSizes)) {
		n := c.ChunkSizes[id]
		if n < 1 {
			return c.errorAt("chunkSizes", id, "%d is not a chunk size; give the number of items per request, 1 or more", n)
		}
		if ov.ChunkSizes == nil {
			ov.ChunkSizes = map[string]int{}
		}
		ov.ChunkSizes[id] = n
	}
	return nil
}

// claimPointer remembers which key a pointer came from, and rejects two
// keys of one section that point at the same thing ("Live" and
// "#/components/schemas/Live").
func (c *Config) claimPointer(section, key, ptr string) error {
	id := section + ptr
	if prev, ok := c.pointerKey[id]; ok {
		return c.errorAt(section, key, "points at %s, like %q at line %d; keep one of them", ptr, prev, c.lines[section+"/"+prev])
	}
	c.pointerKey[id] = key
	return nil
}

// schemaPointer turns a key of names or types into a JSON pointer without
// the leading "#": a pointer is kept, a bare name is a component schema.
func schemaPointer(key string) (string, error) {
	switch {
	case strings.HasPrefix(key, "#/"):
		key = key[1:]
	case key == "" || key == "#":
		return "", errors.New("the key is empty; write a component schema name or a JSON pointer such as /components/schemas/Live/properties/id")
	}
	if strings.HasPrefix(key, "/") {
		if strings.Contains(key, "//") || strings.HasSuffix(key, "/") {
			return "", fmt.Errorf("%q has an empty segment; escape / inside a segment as ~1 (/paths/~1lives/get)", key)
		}
		return key, nil
	}
	return "/components/schemas/" + strings.ReplaceAll(strings.ReplaceAll(key, "~", "~0"), "/", "~1"), nil
}

// errorAt builds an error about key (a section and, within it, a map key).
func (c *Config) errorAt(section, key, format string, args ...any) error {
	path, line := section, c.lines[section]
	if key != "" {
		path += "." + quoteKey(key)
		line = c.lines[section+"/"+key]
	}
	return &Error{File: c.Path, Line: line, Key: path, Message: fmt.Sprintf(format, args...)}
}

var plainKey = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_-]*$`)

func quoteKey(key string) string {
	if plainKey.MatchString(key) {
		return key
	}
	return strconv.Quote(key)
}

// didYouMean suggests the known key closest to a misspelt one.
func didYouMean(key string, known []string) string {
	best, bestDist := "", 3
	lower := strings.ToLower(key)
	for _, k := range known {
		d := distance(lower, strings.ToLower(k))
		if strings.HasPrefix(lower, strings.ToLower(k)) || strings.HasPrefix(strings.ToLower(k), lower) {
			d = 1 // "output" for "out", "chunk" for "chunkSizes"
		}
		if d < bestDist {
			best, bestDist = k, d
		}
	}
	if best == "" {
		return ""
	}
	return fmt.Sprintf(" (did you mean %q?)", best)
}

// distance is the Levenshtein distance between two short strings.
func distance(a, b string) int {
	prev := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur := make([]int, len(b)+1)
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(b)]
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// Line returns the line of a top-level key, or 0 when the file lacks it.
func (c *Config) Line(key string) int {
	return c.lines[key]
}

// inFileOrder sorts the keys of a section by their line, so that the first
// mistake in the file is the one reported.
func (c *Config) inFileOrder(section string, keys []string) []string {
	sort.SliceStable(keys, func(i, j int) bool {
		return c.lines[section+"/"+keys[i]] < c.lines[section+"/"+keys[j]]
	})
	return keys
}

// CheckOutputs rejects output names that livegen does not know.
func (c *Config) CheckOutputs(known []string) error {
	for i, name := range c.Generate {
		if !slices.Contains(known, name) {
			return c.errorAt("generate", "", "unknown output %q (item %d); choose from %s", name, i+1, strings.Join(known, ", "))
		}
	}
	return nil
}

// SpecPath is the spec file to read, or "" when the file names none.
func (c *Config) SpecPath() string {
	if c.Spec == "" || filepath.IsAbs(c.Spec) {
		return c.Spec
	}
	return filepath.Join(c.Dir, c.Spec)
}

// SpecName is how generated headers name the spec: its path relative to the
// config file, with forward slashes, never a path of the machine that ran
// livegen.
func (c *Config) SpecName() string {
	spec := c.Spec
	if filepath.IsAbs(spec) {
		dir, err := filepath.Abs(c.Dir)
		rel, rerr := filepath.Rel(dir, spec)
		if err != nil || rerr != nil {
			rel = filepath.Base(spec)
		}
		spec = rel
	}
	return filepath.ToSlash(filepath.Clean(spec))
}

// OutDir is the output directory.
func (c *Config) OutDir() string {
	if filepath.IsAbs(c.Out) {
		return c.Out
	}
	return filepath.Join(c.Dir, c.Out)
}
