// Package golden holds one small spec per generator feature, with the exact
// output expected from it. `go test ./golden -update` rewrites the outputs.
package golden

import (
	"flag"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/seed-0d47db62/livegen/generator"
	"github.com/seed-0d47db62/livegen/internal/config"
	"github.com/seed-0d47db62/livegen/templates"
)

var update = flag.Bool("update", false, "rewrite the golden files from the current generator")

// TestGolden renders every case in golden/<case>/spec.yaml and compares the
// output files byte for byte. The outputs are Go packages of this module, so
// `go vet ./...` also proves that they compile.
func TestGolden(t *testing.T) {
	specs, err := filepath.Glob(filepath.Join("*", "spec.yaml"))
	require.NoError(t, err)
	require.NotEmpty(t, specs)
	for _, spec := range specs {
		dir := filepath.Dir(spec)
		t.Run(dir, func(t *testing.T) {
			api, err := generator.LoadFile(spec, generator.Options{Package: casePackage(dir), ImportPath: "github.com/seed-0d47db62/livegen/golden/" + dir, SpecName: spec, Selection: caseSelection(t, dir)})
			require.NoError(t, err)
			files, err := templates.Render(api, nil)
			require.NoError(t, err)
			got := map[string]bool{}
			for _, f := range files {
				got[f.Name] = true
				path := filepath.Join(dir, f.Name)
				if *update {
					require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
					require.NoError(t, os.WriteFile(path, f.Content, 0o644))
					continue
				}
				want, err := os.ReadFile(path)
				require.NoError(t, err, "missing golden file; run go test ./golden -update")
				require.Equal(t, string(want), string(f.Content), "%s is stale; run go test ./golden -update and review the diff", path)
			}
			stale, _ := filepath.Glob(filepath.Join(dir, "*.gen.go"))
			inRuntime, _ := filepath.Glob(filepath.Join(dir, templates.RuntimeDir, "*.gen.go"))
			for _, path := range append(stale, inRuntime...) {
				if rel, _ := filepath.Rel(dir, path); got[filepath.ToSlash(rel)] {
					continue
				}
				if *update {
					require.NoError(t, os.Remove(path))
					continue
				}
				t.Errorf("%s is no longer generated; run go test ./golden -update", path)
			}
		})
	}
}

// casePackage names a case's package after its directory; a directory
// named after a Go keyword (golden/select) gets a "case" suffix.
func casePackage(dir string) string {
	name := strings.ReplaceAll(dir, "-", "")
	if token.IsKeyword(name) {
		return name + "case"
	}
	return name
}

// caseSelection reads the include and exclude rules of a case's
// livegen.yaml, when it has one.
func caseSelection(t *testing.T, dir string) *generator.Selection {
	path := filepath.Join(dir, config.DefaultName)
	if _, err := os.Stat(path); err != nil {
		return nil
	}
	cfg, err := config.Load(path)
	require.NoError(t, err)
	return cfg.Selection()
}
