package templates

import (
	"flag"
	"maps"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite runtime_pieces.txt from the runtime's pieces")

const pieceTableFile = "runtime_pieces.txt"

// TestRuntimePieceTableIsFresh renders every runtime piece for every
// argument and compares it with the table that runs use; -update rewrites
// the table.
func TestRuntimePieceTableIsFresh(t *testing.T) {
	live := map[string]pieceText{}
	for _, p := range runtimePieces {
		for _, c := range p.variants() {
			_, taken := live[c.key]
			require.False(t, taken, "two runtime pieces are called %s", c.key)
			text, err := renderPiece(c)
			require.NoError(t, err)
			// Joined pieces then meet at a blank line, as gofmt would have them.
			require.True(t, text.firstDecl == "" || text.firstDoc, "runtime piece %s must start with a documented declaration", c.key)
			live[c.key] = text
		}
	}
	if *update {
		require.NoError(t, os.WriteFile(pieceTableFile, formatPieceTable(live), 0o644))
		return
	}
	for _, key := range slices.Sorted(maps.Keys(live)) {
		want, got := formatPieceTable(map[string]pieceText{key: live[key]}), formatPieceTable(map[string]pieceText{key: pieceTable()[key]})
		require.Equal(t, strings.Split(string(want), "\n"), strings.Split(string(got), "\n"), "runtime piece %s differs from %s; run make generate (or go test ./templates -update)", key, pieceTableFile)
	}
	for key := range pieceTable() {
		_, ok := live[key]
		require.True(t, ok, "%s holds %s, which no piece renders; run make generate (or go test ./templates -update)", pieceTableFile, key)
	}
}

// TestRuntimePieceImportsDoNotClash checks that no two packages the pieces
// import share a name, so that joining pieces never needs an alias that
// rendering them together would have chosen.
func TestRuntimePieceImportsDoNotClash(t *testing.T) {
	byName := map[string]string{}
	for _, text := range pieceTable() {
		for _, line := range text.imports {
			path := importPathOf(line)
			name := importName(line)
			if other, ok := byName[name]; ok {
				require.Equal(t, other, path, "runtime pieces import %s and %s, both named %s", other, path, name)
			}
			byName[name] = path
		}
	}
}

// importName is the name an import line binds: its alias, or the last
// element of its path.
func importName(line string) string {
	path := importPathOf(line)
	if len(path) < len(line) {
		return line[:len(line)-len(path)-1]
	}
	path = path[1 : len(path)-1]
	for i := len(path) - 1; i >= 0; i-- {
		if path[i] == '/' {
			return path[i+1:]
		}
	}
	return path
}
