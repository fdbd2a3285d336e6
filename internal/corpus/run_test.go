package corpus

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/seed-0d47db62/livegen/generator"
	"github.com/seed-0d47db62/livegen/templates"
)

// result is what happened to one spec.
type result struct {
	Name       string
	Operations int
	Generated  bool
	Built      bool
	Vetted     bool
	Seconds    float64 // generation, in process
	Build      float64 // go build of the package alone; 0 when not timed
	Warnings   int
	Kinds      map[string]int // warnings by kind (names and numbers left out)
	GenErr     string         // the one-line error when generation failed
	Lists      int            // GET operations that answer a list
	Iterators  string         // page iterators by style: "link 146, page 35"
	Problem    string         // the first problem found
}

func (r result) ok() bool { return r.Generated && r.Built && r.Vetted }

// runAll generates each spec into its own package of one scratch module,
// then builds and vets the module once and gives each package its verdict.
// With timeBuilds, each package is first built on its own, timed.
func runAll(t *testing.T, specs []string, timeBuilds bool) []result {
	module := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(module, "go.mod"), []byte("module corpus\n\ngo 1.25\n"), 0o644))
	results := make([]result, len(specs))
	pkgOf := map[string]int{}
	for i, spec := range specs {
		r := &results[i]
		r.Name = filepath.Base(spec)
		pkg := fmt.Sprintf("p%03d", i)
		start := time.Now()
		api, err := generator.LoadFile(spec, generator.Options{Package: pkg, ImportPath: "corpus/" + pkg, SpecName: r.Name})
		var files []templates.File
		if err == nil {
			files, err = templates.Render(api, nil)
		}
		r.Seconds = time.Since(start).Seconds()
		if err != nil {
			r.GenErr = "livegen: " + err.Error()
			r.Problem = err.Error()
			continue
		}
		r.Generated = true
		r.Operations = len(api.Operations)
		r.Warnings = len(api.Warnings)
		r.Kinds = map[string]int{}
		for _, w := range api.Warnings {
			r.Kinds[warningKind(w.Message)]++
		}
		r.Lists, r.Iterators = pagingCounts(api)
		dir := filepath.Join(module, pkg)
		require.NoError(t, os.MkdirAll(dir, 0o755))
		for _, f := range files {
			path := filepath.Join(dir, f.Name)
			require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
			require.NoError(t, os.WriteFile(path, f.Content, 0o644))
		}
		pkgOf["corpus/"+pkg] = i
	}
	if len(pkgOf) == 0 {
		return results
	}
	if timeBuilds {
		goTool(t, module, "build", "std") // the standard library once, outside the timings
		for pkg, i := range pkgOf {
			start := time.Now()
			goTool(t, module, "build", "./"+strings.TrimPrefix(pkg, "corpus/"))
			results[i].Build = time.Since(start).Seconds()
		}
	}
	buildErrs := goTool(t, module, "build", "./...")
	for pkg, i := range pkgOf {
		r := &results[i]
		if msg, failed := buildErrs[pkg]; failed {
			r.Problem = "build: " + msg
			continue
		}
		r.Built = true
	}
	vetErrs := goTool(t, module, "vet", "./...")
	for pkg, i := range pkgOf {
		r := &results[i]
		if !r.Built {
			continue
		}
		if msg, failed := vetErrs[pkg]; failed {
			r.Problem = "vet: " + msg
			continue
		}
		r.Vetted = true
	}
	return results
}

var pkgHeader = regexp.MustCompile(`^# (corpus/p\d+)`)
var fileLine = regexp.MustCompile(`^(?:vet: )?\.?/?(p\d+)/`)

// goTool runs the go command on the module and maps each failing package
// to its first message.
func goTool(t *testing.T, module string, args ...string) map[string]string {
	cmd := exec.Command("go", args...)
	cmd.Dir = module
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off")
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	_ = cmd.Run()
	failed := map[string]string{}
	current := ""
	for _, line := range strings.Split(out.String(), "\n") {
		if m := pkgHeader.FindStringSubmatch(line); m != nil {
			current = m[1]
			continue
		}
		if m := fileLine.FindStringSubmatch(line); m != nil {
			current = "corpus/" + m[1]
		}
		if current != "" && strings.TrimSpace(line) != "" {
			if _, seen := failed[current]; !seen {
				failed[current] = strings.TrimSpace(line)
			}
		}
	}
	if len(failed) == 0 && cmd.ProcessState != nil && !cmd.ProcessState.Success() {
		t.Fatalf("go %s failed without naming a package:\n%s", strings.Join(args, " "), out.String())
	}
	return failed
}

// compatibilityReport renders docs/COMPATIBILITY.md from each corpus's table.
func compatibilityReport(sections []string) string {
	var b strings.Builder
	b.WriteString("# Compatibility with the public spec corpora\n\n")
	b.WriteString("Every spec generated with every output kind, then `go build` and `go vet`.\n")
	b.WriteString("Made by `make corpus`; generation is timed in process, and the build is `go build` of\n")
	b.WriteString("the generated package alone (standard library already built).\n")
	for _, s := range sections {
		b.WriteString("\n")
		b.WriteString(s)
	}
	return b.String()
}

// compatibilityTable renders one corpus's section of docs/COMPATIBILITY.md.
func compatibilityTable(title string, results []result) string {
	sort.Slice(results, func(i, j int) bool { return results[i].Name < results[j].Name })
	ok, ops, warnings := 0, 0, 0
	for _, r := range results {
		if r.ok() {
			ok++
		}
		ops += r.Operations
		warnings += r.Warnings
	}
	var b strings.Builder
	fmt.Fprintf(&b, "## %s\n\n", title)
	fmt.Fprintf(&b, "**%d of %d specs (%.1f%%) generate, build and vet; %d operations, %d warnings in all.**\n\n", ok, len(results), 100*float64(ok)/float64(max(len(results), 1)), ops, warnings)
	b.WriteString("Lists are the GET operations that answer a list (bare or held in an object); iterators are the\n")
	b.WriteString("page iterators (`<Method>All`) generated, by pagination style (see the README's Pagination).\n\n")
	b.WriteString("| spec | operations | lists | iterators | generated | built | vetted | warnings | generate (s) | build (s) | first problem |\n")
	b.WriteString("| --- | ---: | ---: | --- | :---: | :---: | :---: | ---: | ---: | ---: | --- |\n")
	mark := func(v bool) string {
		if v {
			return "yes"
		}
		return "**no**"
	}
	for _, r := range results {
		problem := strings.ReplaceAll(r.Problem, "|", "\\|")
		if len(problem) > 160 {
			problem = problem[:160] + "…"
		}
		fmt.Fprintf(&b, "| %s | %d | %d | %s | %s | %s | %s | %d | %.2f | %.2f | %s |\n", r.Name, r.Operations, r.Lists, r.Iterators, mark(r.Generated), mark(r.Built), mark(r.Vetted), r.Warnings, r.Seconds, r.Build, problem)
	}
	b.WriteString(warningKindsTable(results))
	return b.String()
}

var (
	quoted = regexp.MustCompile(`"[^"]*"|'[^']*'|\{[^}]*\}`)
	number = regexp.MustCompile(`\b\d+(\.\d+)?\b`)
)

// warningKind is a warning without the names and numbers that tell one
// instance from another, so that warnings of one kind count together.
func warningKind(message string) string {
	kind := number.ReplaceAllString(quoted.ReplaceAllString(message, "…"), "N")
	if len(kind) > 150 {
		kind = kind[:150] + "…"
	}
	return strings.ReplaceAll(kind, "|", "\\|")
}

// warningKindsTable counts the warnings of a corpus by kind, most first:
// what livegen still degrades or leaves out, and how often.
func warningKindsTable(results []result) string {
	counts, specs := map[string]int{}, map[string]int{}
	for _, r := range results {
		for kind, n := range r.Kinds {
			counts[kind] += n
			specs[kind]++
		}
	}
	if len(counts) == 0 {
		return ""
	}
	kinds := make([]string, 0, len(counts))
	for kind := range counts {
		kinds = append(kinds, kind)
	}
	sort.Slice(kinds, func(i, j int) bool {
		if counts[kinds[i]] != counts[kinds[j]] {
			return counts[kinds[i]] > counts[kinds[j]]
		}
		return kinds[i] < kinds[j]
	})
	var b strings.Builder
	b.WriteString("\n### Warnings by kind\n\n")
	b.WriteString("What is still degraded or left out, with names and numbers replaced by … and N.\n\n")
	b.WriteString("| warnings | specs | kind |\n| ---: | ---: | --- |\n")
	for _, kind := range kinds {
		fmt.Fprintf(&b, "| %d | %d | %s |\n", counts[kind], specs[kind], kind)
	}
	return b.String()
}
