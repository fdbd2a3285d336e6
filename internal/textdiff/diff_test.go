package textdiff

import (
	"math/rand"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// sides rebuilds both texts from an edit script.
func sides(script []Line) (a, b []string) {
	for _, l := range script {
		if l.Kind != Insert {
			a = append(a, l.Text)
		}
		if l.Kind != Delete {
			b = append(b, l.Text)
		}
	}
	return a, b
}

func changes(script []Line) int {
	n := 0
	for _, l := range script {
		if l.Kind != Equal {
			n++
		}
	}
	return n
}

// lcs is the length of a longest common subsequence, by dynamic programming.
func lcs(a, b []string) int {
	row := make([]int, len(b)+1)
	for i := range a {
		prevDiag := 0
		for j := range b {
			cur := row[j+1]
			if a[i] == b[j] {
				row[j+1] = prevDiag + 1
			} else {
				row[j+1] = max(row[j+1], row[j])
			}
			prevDiag = cur
		}
	}
	return row[len(b)]
}

func randomLines(r *rand.Rand, n int, alphabet string) []string {
	lines := make([]string, n)
	for i := range lines {
		lines[i] = string(alphabet[r.Intn(len(alphabet))]) + "\n"
	}
	return lines
}

func TestDiffScriptRebuildsBothSides(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	for i := 0; i < 2000; i++ {
		a := randomLines(r, r.Intn(30), "abcdef"[:1+r.Intn(6)])
		b := randomLines(r, r.Intn(30), "abcdef"[:1+r.Intn(6)])
		script := Diff(a, b)
		gotA, gotB := sides(script)
		require.Equal(t, strings.Join(a, ""), strings.Join(gotA, ""), "case %d", i)
		require.Equal(t, strings.Join(b, ""), strings.Join(gotB, ""), "case %d", i)
	}
}

// Myers' algorithm alone (no line is unique) finds a shortest script.
func TestMyersIsMinimal(t *testing.T) {
	r := rand.New(rand.NewSource(2))
	for i := 0; i < 1000; i++ {
		a := randomLines(r, r.Intn(25), "ab")
		b := randomLines(r, r.Intn(25), "ab")
		d := &differ{a: a, b: b}
		d.myers(0, len(a), 0, len(b))
		gotA, gotB := sides(d.out)
		require.Equal(t, strings.Join(a, ""), strings.Join(gotA, ""))
		require.Equal(t, strings.Join(b, ""), strings.Join(gotB, ""))
		require.Equal(t, len(a)+len(b)-2*lcs(a, b), changes(d.out), "case %d: %q → %q", i, a, b)
	}
}

// A block inserted among look-alike blocks stays one block: the unique
// line of each block anchors it.
func TestInsertedFunctionIsOneBlock(t *testing.T) {
	fn := func(name string) []string {
		return []string{"// " + name + " does it.\n", "func " + name + "() error {\n", "\tif err := do(); err != nil {\n", "\t\treturn err\n", "\t}\n", "\treturn nil\n", "}\n", "\n"}
	}
	var a, b []string
	for _, name := range []string{"A", "B", "D"} {
		a = append(a, fn(name)...)
	}
	for _, name := range []string{"A", "B", "C", "D"} {
		b = append(b, fn(name)...)
	}
	hunks := Hunks(Diff(a, b), 0)
	require.Len(t, hunks, 1)
	var inserted []string
	for _, l := range hunks[0].Lines {
		require.Equal(t, Insert, l.Kind)
		inserted = append(inserted, l.Text)
	}
	require.Equal(t, 8, len(inserted))
	require.Contains(t, strings.Join(inserted, ""), "func C()")
}

// Texts with no line in common and far apart still diff, quickly, as one
// replacement.
func TestUnrelatedLongTextsAreReplaced(t *testing.T) {
	var a, b []string
	for i := 0; i < 5000; i++ {
		a = append(a, "a"+strconv.Itoa(i%7)+"\n")
		b = append(b, "b"+strconv.Itoa(i%7)+"\n")
	}
	script := Diff(a, b)
	gotA, gotB := sides(script)
	require.Equal(t, a, gotA)
	require.Equal(t, b, gotB)
	require.Equal(t, 10000, changes(script))
}

func TestUnifiedMatchesDiffU(t *testing.T) {
	old := "one\ntwo\nthree\nfour\nfive\nsix\nseven\neight\nnine\nten\neleven\ntwelve\n"
	new := "one\ntwo\nthree\nfour\nfive\nSIX\nseven\neight\nnine\nten\neleven\ntwelve\nthirteen\n"
	// As printed by GNU diff -u (without its timestamps).
	// Six unchanged lines between two changes: one hunk.
	want := `--- a
+++ b
@@ -3,10 +3,11 @@
 three
 four
 five
-six
+SIX
 seven
 eight
 nine
 ten
 eleven
 twelve
+thirteen
`
	require.Equal(t, want, Unified("a", "b", old, new))
	require.Equal(t, "", Unified("a", "b", old, old))
	// Eight unchanged lines between two changes: two hunks.
	old = "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n"
	new = "1\nX\n3\n4\n5\n6\n7\n8\n9\n10\nY\n12\n13\n"
	want = `--- a
+++ b
@@ -1,5 +1,5 @@
 1
-2
+X
 3
 4
 5
@@ -8,6 +8,6 @@
 8
 9
 10
-11
+Y
 12
 13
`
	require.Equal(t, want, Unified("a", "b", old, new))
}

func TestUnifiedEmptySidesAndMissingNewline(t *testing.T) {
	require.Equal(t, "--- a\n+++ b\n@@ -0,0 +1,2 @@\n+x\n+y\n", Unified("a", "b", "", "x\ny\n"))
	require.Equal(t, "--- a\n+++ b\n@@ -1,2 +0,0 @@\n-x\n-y\n", Unified("a", "b", "x\ny\n", ""))
	require.Equal(t, "--- a\n+++ b\n@@ -1 +1 @@\n-x\n\\ No newline at end of file\n+x\n", Unified("a", "b", "x", "x\n"))
}

// apply applies a unified diff made by Unified to old, strictly: every
// context and deleted line must match.
func apply(t *testing.T, old, diff string) string {
	t.Helper()
	if diff == "" {
		return old
	}
	src := SplitLines(old)
	rows := strings.SplitAfter(diff, "\n")
	require.True(t, strings.HasPrefix(rows[0], "--- ") && strings.HasPrefix(rows[1], "+++ "), diff)
	var out []string
	next := 0 // index in src of the next line not yet copied
	i := 2
	for i < len(rows) && rows[i] != "" {
		oldStart, oldLines := hunkRange(t, rows[i])
		first := oldStart - 1
		if oldLines == 0 {
			first = oldStart
		}
		require.GreaterOrEqual(t, first, next, rows[i])
		out = append(out, src[next:first]...)
		next = first
		for i++; i < len(rows) && rows[i] != "" && !strings.HasPrefix(rows[i], "@@"); i++ {
			kind, text := rows[i][0], rows[i][1:]
			if i+1 < len(rows) && rows[i+1] == "\\ No newline at end of file\n" {
				text = strings.TrimSuffix(text, "\n")
				i++
			}
			switch kind {
			case ' ', '-':
				require.Less(t, next, len(src))
				require.Equal(t, src[next], text)
				next++
				if kind == ' ' {
					out = append(out, text)
				}
			case '+':
				out = append(out, text)
			default:
				t.Fatalf("bad diff line %q", rows[i])
			}
		}
	}
	return strings.Join(append(out, src[next:]...), "")
}

// hunkRange reads the old range of a hunk header.
func hunkRange(t *testing.T, header string) (start, lines int) {
	t.Helper()
	require.True(t, strings.HasPrefix(header, "@@ -"), header)
	field := strings.Fields(header)[1][1:]
	lines = 1
	if comma := strings.IndexByte(field, ','); comma >= 0 {
		var err error
		lines, err = strconv.Atoi(field[comma+1:])
		require.NoError(t, err)
		field = field[:comma]
	}
	start, err := strconv.Atoi(field)
	require.NoError(t, err)
	return start, lines
}

func TestUnifiedAppliesBack(t *testing.T) {
	r := rand.New(rand.NewSource(3))
	for i := 0; i < 2000; i++ {
		a := strings.Join(randomLines(r, r.Intn(40), "abcdefgh"[:1+r.Intn(8)]), "")
		b := strings.Join(randomLines(r, r.Intn(40), "abcdefgh"[:1+r.Intn(8)]), "")
		if r.Intn(3) == 0 {
			a = strings.TrimSuffix(a, "\n")
		}
		if r.Intn(3) == 0 {
			b = strings.TrimSuffix(b, "\n")
		}
		diff := Unified("a", "b", a, b)
		require.Equal(t, b, apply(t, a, diff), "case %d:\n%s", i, diff)
	}
}
