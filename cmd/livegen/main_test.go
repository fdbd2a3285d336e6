package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// committed lists the packages under generated/ with the arguments that
// make them; keep it in step with the Makefile's generate target.
var committed = []struct {
	dir  string
	args []string
}{
	{"generated/meltingspot", nil},
	{"generated/webex", []string{"-spec", "openapi/webex/meeting-invitees.yaml"}},
	{"generated/zoom", []string{"-spec", "openapi/zoom/meeting-registrants.yaml"}},
}

// TestGeneratedIsFresh regenerates every committed package into a temporary
// directory and requires the committed files to match byte for byte.
func TestGeneratedIsFresh(t *testing.T) {
	root := filepath.Join("..", "..")
	t.Chdir(root)
	for _, c := range committed {
		t.Run(c.dir, func(t *testing.T) {
			out := t.TempDir()
			pkg := filepath.Base(c.dir)
			var stderr bytes.Buffer
			args := append(append([]string{}, c.args...), "-out", out, "-package", pkg)
			require.Equal(t, 0, run(args, &stderr, &stderr), stderr.String())
			fresh, err := filepath.Glob(filepath.Join(out, "*.go"))
			require.NoError(t, err)
			require.NotEmpty(t, fresh)
			for _, path := range fresh {
				want, err := os.ReadFile(path)
				require.NoError(t, err)
				got, err := os.ReadFile(filepath.Join(c.dir, filepath.Base(path)))
				require.NoError(t, err, "run make generate")
				require.Equal(t, string(want), string(got), "%s is stale: run make generate", filepath.Join(c.dir, filepath.Base(path)))
			}
			onDisk, _ := filepath.Glob(filepath.Join(c.dir, "*.gen.go"))
			require.Len(t, onDisk, len(fresh), "generated/ holds files that livegen no longer writes: run make generate")
		})
	}
}

func TestBrokenSpecFailsWithOneLocatedLine(t *testing.T) {
	dir := t.TempDir()
	spec := filepath.Join(dir, "broken.yaml")
	require.NoError(t, os.WriteFile(spec, []byte(`openapi: 3.0.3
info: {title: Broken, version: "1"}
paths:
  /things/{id}:
    get:
      operationId: getThing
      parameters:
        - {name: id, in: path, required: true, schema: {$ref: '#/components/schemas/Missing'}}
      responses:
        "200": {description: ok}
`), 0o644))
	var stdout, stderr bytes.Buffer
	code := run([]string{"-spec", spec, "-out", filepath.Join(dir, "out")}, &stdout, &stderr)
	require.Equal(t, 1, code)
	msg := stderr.String()
	require.Equal(t, 1, strings.Count(msg, "\n"), "one line: %q", msg)
	require.Contains(t, msg, "broken.yaml")
	require.Contains(t, msg, "Missing")
	require.NotContains(t, msg, "goroutine")
}

func TestHelpDocumentsEveryFlag(t *testing.T) {
	var stdout, stderr bytes.Buffer
	require.Equal(t, 0, run([]string{"-h"}, &stdout, &stderr))
	for _, flag := range []string{"-config", "-spec", "-out", "-package", "-generate", "-strict", "-check", "-v", "-version", "livegen diff OLD.yaml NEW.yaml"} {
		require.Contains(t, stderr.String(), flag)
	}
}

func TestUnknownOutputIsRejected(t *testing.T) {
	var stdout, stderr bytes.Buffer
	require.Equal(t, 1, run([]string{"-generate", "models,nope", "-out", t.TempDir()}, &stdout, &stderr))
	require.Contains(t, stderr.String(), `unknown output "nope"`)
}

// TestVerboseNotesSayWhyOperationsPage: -v prints, per operation, the style
// of its page iterator and the names that chose it; without -v nothing.
func TestVerboseNotesSayWhyOperationsPage(t *testing.T) {
	var stdout, stderr bytes.Buffer
	require.Equal(t, 0, run([]string{"-out", t.TempDir(), "-package", "meltingspot", "-v"}, &stdout, &stderr), stderr.String())
	require.Contains(t, stderr.String(), "livegen: note: openapi/meltingspot/lives.yaml: /paths/~1v1~1lives/get: page iterator, style page: integer query parameters page and limit; the items are items\n")
	stderr.Reset()
	require.Equal(t, 0, run([]string{"-out", t.TempDir(), "-package", "meltingspot"}, &stdout, &stderr), stderr.String())
	require.NotContains(t, stderr.String(), "note:")
}
