package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/seed-0d47db62/livegen/internal/textdiff"
	"github.com/seed-0d47db62/livegen/templates"
)

// difference is one file whose content on disk is not what livegen writes.
type difference struct {
	status   string // changed, missing or extra
	path     string
	old, new string // the file on disk and as livegen writes it
}

// check renders in memory, exactly as generate does, and compares with the
// files in s.out. It prints nothing and reports false when they match;
// otherwise it lists the files that differ, with -v a unified diff of each.
func check(s settings, verbose bool, stdout io.Writer) (stale bool, err error) {
	files, _, err := render(s)
	if err != nil {
		return false, err
	}
	diffs, err := compare(s.out, files)
	if err != nil || len(diffs) == 0 {
		return false, err
	}
	fmt.Fprintf(stdout, "livegen: %s is stale; regenerate it (go generate, or livegen without -check):\n", s.out)
	for _, d := range diffs {
		fmt.Fprintf(stdout, "\t%-7s %s\n", d.status, filepath.ToSlash(d.path))
	}
	if verbose {
		for _, d := range diffs {
			fmt.Fprint(stdout, unified(d))
		}
	}
	return true, nil
}

// compare lists the files that differ, in the order livegen writes them,
// then the extra ones.
func compare(dir string, files []templates.File) ([]difference, error) {
	var diffs []difference
	for _, f := range files {
		path := filepath.Join(dir, f.Name)
		onDisk, err := os.ReadFile(path)
		switch {
		case errors.Is(err, os.ErrNotExist):
			diffs = append(diffs, difference{status: "missing", path: path, new: string(f.Content)})
		case err != nil:
			return nil, err
		case string(onDisk) != string(f.Content):
			diffs = append(diffs, difference{status: "changed", path: path, old: string(onDisk), new: string(f.Content)})
		}
	}
	extra, err := staleFiles(dir, files)
	if err != nil {
		return nil, err
	}
	for _, name := range extra {
		path := filepath.Join(dir, name)
		onDisk, err := os.ReadFile(path)
		if err != nil {
			return nil, err
		}
		diffs = append(diffs, difference{status: "extra", path: path, old: string(onDisk)})
	}
	return diffs, nil
}

// unified is the diff that regeneration applies to a file; a missing file
// comes from /dev/null and an extra one goes to it, as git and patch read it.
func unified(d difference) string {
	path := filepath.ToSlash(d.path)
	oldName, newName := path+"\t(on disk)", path+"\t(generated)"
	switch d.status {
	case "missing":
		oldName = "/dev/null"
	case "extra":
		newName = "/dev/null"
	}
	return textdiff.Unified(oldName, newName, d.old, d.new)
}
