package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

var selectionSpec = filepath.Join("..", "..", "golden", "select", "spec.yaml")

func TestIncludeMatchingNothingIsNamed(t *testing.T) {
	var stdout, stderr bytes.Buffer
	require.Equal(t, 1, run([]string{"-spec", selectionSpec, "-out", t.TempDir(), "-include-tags", "lives,nope"}, &stdout, &stderr))
	require.Equal(t, "livegen: -include-tags \"nope\": matches no operation of the spec\n", stderr.String())

	stderr.Reset()
	require.Equal(t, 1, run([]string{"-spec", selectionSpec, "-out", t.TempDir(), "-include-paths", "v1"}, &stdout, &stderr))
	require.Contains(t, stderr.String(), "-include-paths: \"v1\" is not a path prefix")
}

func TestConfigSelectionMistakesAreLocated(t *testing.T) {
	dir := t.TempDir()
	spec, err := filepath.Abs(selectionSpec)
	require.NoError(t, err)
	cfg := filepath.Join(dir, "livegen.yaml")
	require.NoError(t, os.WriteFile(cfg, []byte("spec: "+spec+"\n\nincludeOperations: [getLive, getLives]\n"), 0o644))
	var stdout, stderr bytes.Buffer
	require.Equal(t, 1, run([]string{"-config", cfg}, &stdout, &stderr))
	require.Equal(t, "livegen: "+cfg+":3: includeOperations: \"getLives\" matches no operation of the spec\n", stderr.String())

	require.NoError(t, os.WriteFile(cfg, []byte("spec: "+spec+"\nexcludePaths:\n  - /v1/admin\n  - admin\n"), 0o644))
	stderr.Reset()
	require.Equal(t, 1, run([]string{"-config", cfg}, &stdout, &stderr))
	require.Contains(t, stderr.String(), cfg+":2: excludePaths: item 2: \"admin\" is not a path prefix")
}

func TestCheckRespectsTheSelection(t *testing.T) {
	out := t.TempDir()
	args := []string{"-spec", selectionSpec, "-out", out, "-include-operations", "getLive"}
	var stdout, stderr bytes.Buffer
	require.Equal(t, 0, run(args, &stdout, &stderr), stderr.String())
	client, err := os.ReadFile(filepath.Join(out, "client.gen.go"))
	require.NoError(t, err)
	require.Contains(t, string(client), "func (c *Client) GetLive(")
	require.NotContains(t, string(client), "func (c *Client) ListLives(")
	require.Equal(t, 0, run(append(args, "-check"), &stdout, &stderr), stdout.String())
	require.Equal(t, 1, run([]string{"-spec", selectionSpec, "-out", out, "-check"}, &stdout, &stderr), "without the selection the output is stale")
}

func TestDiffComparesTheSelectedOperations(t *testing.T) {
	old, err := os.ReadFile(selectionSpec)
	require.NoError(t, err)
	changed := strings.Replace(string(old), "        title:\n          type: string", "        title:\n          type: integer", 1)
	require.NotEqual(t, string(old), changed)
	dir := t.TempDir()
	newSpec := filepath.Join(dir, "new.yaml")
	require.NoError(t, os.WriteFile(newSpec, []byte(changed), 0o644))
	var stdout, stderr bytes.Buffer
	require.Equal(t, diffBreaking, run([]string{"diff", selectionSpec, newSpec}, &stdout, &stderr), stdout.String()+stderr.String())
	stdout.Reset()
	require.Equal(t, diffOK, run([]string{"diff", "-exclude-tags", "admin", selectionSpec, newSpec}, &stdout, &stderr), stdout.String()+stderr.String())
}

// TestConfigMayNameWhatTheSelectionLeavesOut: one livegen.yaml serves
// several selections, so naming a pruned schema is no mistake.
func TestConfigMayNameWhatTheSelectionLeavesOut(t *testing.T) {
	dir := t.TempDir()
	spec, err := filepath.Abs(selectionSpec)
	require.NoError(t, err)
	cfg := filepath.Join(dir, "livegen.yaml")
	require.NoError(t, os.WriteFile(cfg, []byte("spec: "+spec+"\nincludeTags: [lives]\nexcludeTags: [admin]\nnames:\n  Report: AdminReport\n  Live: Show\n"), 0o644))
	var stdout, stderr bytes.Buffer
	require.Equal(t, 0, run([]string{"-config", cfg}, &stdout, &stderr), stderr.String())
	models, err := os.ReadFile(filepath.Join(dir, "models.gen.go"))
	require.NoError(t, err)
	require.Contains(t, string(models), "type Show struct")
	require.NotContains(t, string(models), "AdminReport")
}
