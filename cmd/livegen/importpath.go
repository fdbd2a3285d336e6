package main

import (
	"errors"
	"fmt"
	"os"
	"path"
	"path/filepath"

	"golang.org/x/mod/modfile"
)

// importPath is the import path of the package generated in dir, found from
// the go.mod of the module that holds it. The generated package imports its
// runtime package from below itself, so it must know where it lives.
func importPath(dir string) (string, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	var rel []string
	for at := abs; ; {
		data, err := os.ReadFile(filepath.Join(at, "go.mod"))
		switch {
		case err == nil:
			module := modfile.ModulePath(data)
			if module == "" {
				return "", fmt.Errorf("%s: no module line; the generated package's import path comes from it", filepath.Join(at, "go.mod"))
			}
			for i := len(rel) - 1; i >= 0; i-- {
				module = path.Join(module, rel[i])
			}
			return module, nil
		case !errors.Is(err, os.ErrNotExist):
			return "", err
		}
		parent := filepath.Dir(at)
		if parent == at {
			return "", fmt.Errorf("%s is not inside a Go module: the generated package imports its runtime package by import path; run go mod init in the repository, or generate into a module", dir)
		}
		rel = append(rel, filepath.Base(at))
		at = parent
	}
}
