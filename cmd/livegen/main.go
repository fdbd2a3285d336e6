// Command livegen generates a typed Go client, server stubs and filter
// helpers from an OpenAPI 3 document.
//
//	livegen [-config livegen.yaml] [-spec FILE] [-out DIR] [-package NAME] [-generate LIST] [-include-tags LIST] [-exclude-tags LIST] ... [-strict] [-check [-v]]
//	livegen diff [-include-tags LIST] ... OLD.yaml NEW.yaml
//	livegen -version
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/seed-0d47db62/livegen/generator"
	"github.com/seed-0d47db62/livegen/internal/config"
	"github.com/seed-0d47db62/livegen/templates"
)

func main() {
	tuneGC()
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// flags are the command line as given; set tells which were given, so
// that a flag overrides livegen.yaml only when it is on the command line.
type flags struct {
	config, spec, out, pkg, generate string
	strict, check, verbose, version  bool
	set                              map[string]bool
	selection                        selectionFlags
}

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 && args[0] == "diff" {
		return runDiff(args[1:], stdout, stderr)
	}
	f, code, ok := parseFlags(args, stderr)
	if !ok {
		return code
	}
	if f.version {
		fmt.Fprintln(stdout, "livegen", templates.Version)
		return 0
	}
	s, err := resolve(f)
	if err == nil && f.check {
		var stale bool
		stale, err = check(s, f.verbose, stdout)
		if err == nil && stale {
			return 1
		}
	} else if err == nil {
		err = generate(s, f.verbose, stderr)
	}
	if err != nil {
		fmt.Fprintln(stderr, "livegen: "+err.Error())
		return 1
	}
	return 0
}

// parseFlags reads the command line; when ok is false, run ends with code.
func parseFlags(args []string, stderr io.Writer) (f flags, code int, ok bool) {
	fs := flag.NewFlagSet("livegen", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&f.config, "config", "", "livegen.yaml to read; its paths are relative to it, and flags override it")
	fs.StringVar(&f.spec, "spec", "", "OpenAPI 3 document (YAML or JSON); default: the embedded MeltingSpot lives spec")
	fs.StringVar(&f.out, "out", "", "output directory (default ./generated/meltingspot, . with -spec, the config's directory with -config)")
	fs.StringVar(&f.pkg, "package", "", "Go package name (default: the output directory's name)")
	fs.StringVar(&f.generate, "generate", "", "comma-separated outputs: "+strings.Join(templates.OutputNames(), ",")+" (default: all)")
	fs.BoolVar(&f.strict, "strict", false, "treat every warning as an error and validate examples")
	fs.BoolVar(&f.check, "check", false, "write nothing; exit 1 and list the files that differ when the output on disk is stale")
	fs.BoolVar(&f.verbose, "v", false, "with -check, print a unified diff of each stale file; else print the generator's notes, such as which operations got a page iterator and why")
	f.selection = addSelectionFlags(fs)
	fs.BoolVar(&f.version, "version", false, "print the generator version, which generated headers carry, and exit")
	fs.Usage = func() { usage(fs, stderr) }
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return f, 0, false
		}
		return f, 2, false
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "livegen: unexpected argument %q; see livegen -h\n", fs.Arg(0))
		return f, 2, false
	}
	f.set = map[string]bool{}
	fs.Visit(func(fl *flag.Flag) { f.set[fl.Name] = true })
	return f, 0, true
}

func usage(fs *flag.FlagSet, w io.Writer) {
	fmt.Fprintln(w, "Usage:")
	fmt.Fprintln(w, "  livegen [-config livegen.yaml] [-spec FILE] [-out DIR] [-package NAME] [-generate LIST] [-include-tags LIST] ... [-strict] [-check [-v]]")
	fmt.Fprintln(w, "  livegen diff OLD.yaml NEW.yaml   report what changed between two versions of an API; exit 2 when it breaks")
	fmt.Fprintln(w, "  livegen -version")
	fmt.Fprintln(w, "\nGenerates Go code from an OpenAPI 3 document. Outputs:")
	for _, o := range templates.Outputs {
		fmt.Fprintf(w, "  %-8s %s (%s)\n", o.Name, o.Doc, strings.Join(o.FileNames(), ", "))
		if with := o.WrittenWith(); len(with) > 0 {
			fmt.Fprintf(w, "  %-8s also writes %s, which its code uses\n", "", strings.Join(with, ", "))
		}
	}
	fmt.Fprintln(w, "\nSelection: the -include-* and -exclude-* flags (livegen.yaml: includeTags, includeOperations,")
	fmt.Fprintln(w, "includePaths, excludeTags, excludeOperations, excludePaths) generate only the chosen operations")
	fmt.Fprintln(w, "and the types they reach; an operation is kept when it matches any include rule (or there is")
	fmt.Fprintln(w, "none) and no exclude rule. Webhooks are kept unless excluded. An include that matches no")
	fmt.Fprintln(w, "operation is an error. -check and diff take the same flags (livegen diff -h).")
	fmt.Fprintln(w, "\nThe header of each file names the spec by its path relative to the output directory.")
	fmt.Fprintln(w, "\nFlags:")
	fs.PrintDefaults()
}

// settings are what one run does: flags over livegen.yaml over defaults.
type settings struct {
	spec     string // the file to read; "" for the embedded default
	specName string // the spec as messages name it
	// headerName is the spec as generated headers name it (see specFromOut);
	// "" for the embedded default.
	headerName string
	out, pkg   string
	kinds      []string
	strict     bool
	cfg        *config.Config // nil without -config
	// selection chooses the operations to generate; nil keeps all.
	selection *generator.Selection
	// selFromFlag tells which selection rules the command line set.
	selFromFlag map[string]bool
}

// resolve merges the flags that were given over livegen.yaml.
func resolve(f flags) (settings, error) {
	var s settings
	if f.config != "" {
		cfg, err := config.Load(f.config)
		if err != nil {
			return s, err
		}
		if err := cfg.CheckOutputs(templates.OutputNames()); err != nil {
			return s, err
		}
		s = settings{spec: cfg.SpecPath(), specName: cfg.SpecName(), out: cfg.OutDir(), pkg: cfg.Package, kinds: cfg.Generate, strict: cfg.Strict, cfg: cfg, selection: cfg.Selection()}
	}
	sel, err := f.selection.apply(s.selection, f.set)
	if err != nil {
		return s, err
	}
	s.selection, s.selFromFlag = sel, f.set
	if f.spec != "" {
		s.spec, s.specName = f.spec, filepath.ToSlash(f.spec)
	}
	if f.out != "" {
		s.out = f.out
	}
	if f.pkg != "" {
		if !config.ValidPackage(f.pkg) {
			return s, fmt.Errorf("-package %q is not a Go package name; use a lower-case identifier such as api", f.pkg)
		}
		s.pkg = f.pkg
	}
	if f.generate != "" {
		s.kinds = strings.Split(f.generate, ",")
	}
	if f.set["strict"] {
		s.strict = f.strict
	}
	if s.cfg != nil && s.spec == "" {
		return s, fmt.Errorf("%s: no spec; add spec: api.yaml (relative to the config file) or give -spec", f.config)
	}
	if s.out == "" {
		s.out = "."
		if s.spec == "" {
			s.out = filepath.Join("generated", "meltingspot")
		}
	}
	if s.pkg == "" {
		s.pkg = packageName(s.out)
	}
	if s.spec != "" {
		s.headerName = specFromOut(s.spec, s.out)
	}
	return s, nil
}

// specFromOut is how generated headers name the spec: its path relative to
// the output directory, with forward slashes. It does not depend on the
// directory livegen runs from, so that go generate in the package and
// livegen -check at the repository root agree.
func specFromOut(spec, out string) string {
	absSpec, err1 := filepath.Abs(spec)
	absOut, err2 := filepath.Abs(out)
	if err1 != nil || err2 != nil {
		return filepath.ToSlash(filepath.Base(spec))
	}
	rel, err := filepath.Rel(absOut, absSpec)
	if err != nil {
		return filepath.ToSlash(filepath.Base(spec))
	}
	return filepath.ToSlash(rel)
}

var nonIdent = regexp.MustCompile(`[^a-z0-9_]`)

// packageName derives a Go package name from a directory.
func packageName(dir string) string {
	abs, err := filepath.Abs(dir)
	if err != nil {
		abs = dir
	}
	name := nonIdent.ReplaceAllString(strings.ToLower(filepath.Base(abs)), "")
	if name == "" || name[0] >= '0' && name[0] <= '9' {
		name = "api" + name
	}
	return name
}
