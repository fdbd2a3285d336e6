package main

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestMain puts every test's scratch directory inside a Go module, as a
// user's repository is: livegen finds the generated package's import path
// from the go.mod above it.
func TestMain(m *testing.M) {
	os.Exit(runInModule(m))
}

func runInModule(m *testing.M) int {
	root, err := os.MkdirTemp("", "livegen-cmd-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer os.RemoveAll(root)
	if err := os.WriteFile(filepath.Join(root, "go.mod"), []byte("module example.com/scratch\n\ngo 1.25\n"), 0o644); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	os.Setenv("TMPDIR", root)
	return m.Run()
}

func TestImportPathComesFromTheModule(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "api", "v2")
	got, err := importPath(dir)
	require.NoError(t, err)
	rel, err := filepath.Rel(os.Getenv("TMPDIR"), dir)
	require.NoError(t, err)
	require.Equal(t, "example.com/scratch/"+filepath.ToSlash(rel), got)
}

func TestGeneratingOutsideAModuleSaysWhy(t *testing.T) {
	_, err := importPath(string(filepath.Separator))
	require.ErrorContains(t, err, "is not inside a Go module")
}
