package main

import (
	"errors"
	"flag"
	"fmt"
	"io"

	"github.com/seed-0d47db62/livegen/generator"
	"github.com/seed-0d47db62/livegen/internal/specdiff"
)

// Exit codes of livegen diff: CI stops on diffBreaking.
const (
	diffOK       = 0
	diffError    = 1
	diffBreaking = 2
)

// runDiff compares two versions of a spec and prints one line per change,
// each marked BREAKING or ok.
func runDiff(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("livegen diff", flag.ContinueOnError)
	fs.SetOutput(stderr)
	sf := addSelectionFlags(fs)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: livegen diff [-include-tags LIST] ... OLD.yaml NEW.yaml")
		fmt.Fprintln(stderr, "\nReports what changed between two versions of an API and what it does to the")
		fmt.Fprintln(stderr, "generated code, one line per change marked BREAKING or ok. Exit status: 0 when")
		fmt.Fprintln(stderr, "nothing breaks, 2 when something does, 1 on error. The selection flags compare")
		fmt.Fprintln(stderr, "only the operations livegen generates with them.")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return diffOK
		}
		return diffError
	}
	if fs.NArg() != 2 {
		fmt.Fprintln(stderr, "livegen diff: give two specs, the old one first: livegen diff OLD.yaml NEW.yaml")
		return diffError
	}
	set := map[string]bool{}
	fs.Visit(func(fl *flag.Flag) { set[fl.Name] = true })
	sel, err := sf.apply(nil, set)
	if err != nil {
		fmt.Fprintln(stderr, "livegen diff: "+err.Error())
		return diffError
	}
	changes, err := diffSpecs(fs.Arg(0), fs.Arg(1), sel)
	if err != nil {
		fmt.Fprintln(stderr, "livegen diff: "+err.Error())
		return diffError
	}
	fmt.Fprint(stdout, specdiff.Report(changes))
	if specdiff.Breaking(changes) {
		return diffBreaking
	}
	return diffOK
}

// diffSpecs models both specs, each narrowed to the selected operations,
// and compares them.
func diffSpecs(oldPath, newPath string, sel *generator.Selection) ([]specdiff.Change, error) {
	old, err := generator.LoadFile(oldPath, generator.Options{Selection: sel})
	if err != nil {
		return nil, err
	}
	new, err := generator.LoadFile(newPath, generator.Options{Selection: sel})
	if err != nil {
		return nil, err
	}
	return specdiff.Compare(old, new), nil
}
