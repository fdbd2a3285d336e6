package golden

import (
	"go/parser"
	"go/token"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestDocCommentsAttached checks every generated file for a comment that
// is meant as a declaration's documentation but is cut off from it by a
// blank line, which go doc would then not show.
func TestDocCommentsAttached(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("*", "*.gen.go"))
	require.NoError(t, err)
	more, err := filepath.Glob(filepath.Join("..", "generated", "*", "*.gen.go"))
	require.NoError(t, err)
	files = append(files, more...)
	require.NotEmpty(t, files)
	for _, path := range files {
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, path, nil, parser.ParseComments)
		require.NoError(t, err, path)
		for _, decl := range f.Decls {
			start := fset.Position(decl.Pos()).Line
			for _, c := range f.Comments {
				if fset.Position(c.End()).Line == start-2 {
					t.Errorf("%s:%d: the comment above the declaration is detached by a blank line", path, start)
				}
			}
		}
	}
}
