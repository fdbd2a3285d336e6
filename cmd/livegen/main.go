// Command livegen generates a typed Go client, server stubs and filter
// helpers from an OpenAPI 3 document.
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
	"github.com/seed-0d47db62/livegen/openapi"
	"github.com/seed-0d47db62/livegen/templates"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

type config struct {
	spec, out, pkg, generate string
	strict                   bool
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("livegen", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var c config
	fs.StringVar(&c.spec, "spec", "", "OpenAPI 3 document (YAML or JSON); default: the embedded MeltingSpot lives spec")
	fs.StringVar(&c.out, "out", "", "output directory (default ./generated/meltingspot, or . with -spec)")
	fs.StringVar(&c.pkg, "package", "", "Go package name (default: the output directory's name)")
	fs.StringVar(&c.generate, "generate", "", "comma-separated outputs: "+strings.Join(templates.OutputNames(), ",")+" (default: all)")
	fs.BoolVar(&c.strict, "strict", false, "treat every warning as an error and validate examples")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: livegen [-spec FILE] [-out DIR] [-package NAME] [-generate LIST] [-strict]")
		fmt.Fprintln(stderr, "\nGenerates Go code from an OpenAPI 3 document. Outputs:")
		for _, o := range templates.Outputs {
			fmt.Fprintf(stderr, "  %-8s %s (%s)\n", o.Name, o.Doc, o.File)
		}
		fmt.Fprintln(stderr, "\nFlags:")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "livegen: unexpected argument %q; see livegen -h\n", fs.Arg(0))
		return 2
	}
	if err := generate(c, stderr); err != nil {
		fmt.Fprintln(stderr, "livegen: "+err.Error())
		return 1
	}
	return 0
}

func generate(c config, stderr io.Writer) error {
	if c.out == "" {
		c.out = "."
		if c.spec == "" {
			c.out = filepath.Join("generated", "meltingspot")
		}
	}
	if c.pkg == "" {
		c.pkg = packageName(c.out)
	}
	opts := generator.Options{Package: c.pkg, Strict: c.strict}
	var api *generator.API
	var err error
	if c.spec == "" {
		opts.SpecName = openapi.DefaultSpecName
		api, err = generator.LoadData(openapi.Lives, openapi.DefaultSpecName, opts)
	} else {
		opts.SpecName = filepath.ToSlash(c.spec)
		api, err = generator.LoadFile(c.spec, opts)
	}
	if err != nil {
		return err
	}
	for _, w := range api.Warnings {
		fmt.Fprintf(stderr, "livegen: warning: %s: %s\n", opts.SpecName, w)
	}
	var kinds []string
	if c.generate != "" {
		kinds = strings.Split(c.generate, ",")
	}
	files, err := templates.Render(api, kinds)
	if err != nil {
		return err
	}
	return writeFiles(c.out, files)
}

// writeFiles writes the generated files and removes generated files of
// outputs that were not produced this time, so the directory never keeps stale code.
func writeFiles(dir string, files []templates.File) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	keep := map[string]bool{}
	for _, f := range files {
		keep[f.Name] = true
		if err := writeIfChanged(filepath.Join(dir, f.Name), f.Content); err != nil {
			return err
		}
	}
	for _, o := range templates.Outputs {
		if keep[o.File] {
			continue
		}
		if err := os.Remove(filepath.Join(dir, o.File)); err != nil && !errors.Is(err, os.ErrNotExist) {
			return err
		}
	}
	return nil
}

// writeIfChanged leaves an unchanged file alone, so that build caches and
// file watchers see no change.
func writeIfChanged(path string, content []byte) error {
	if old, err := os.ReadFile(path); err == nil && string(old) == string(content) {
		return nil
	}
	return os.WriteFile(path, content, 0o644)
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
