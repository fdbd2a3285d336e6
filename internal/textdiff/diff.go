// Package textdiff compares texts line by line and prints unified diffs.
//
// Lines that occur once in both texts anchor the comparison (patience
// diff), so that a function added among similar ones shows as one block;
// what lies between anchors is compared with Myers' algorithm.
package textdiff

import "sort"

// Kind says what happens to a line.
type Kind byte

const (
	Equal  Kind = ' '
	Delete Kind = '-'
	Insert Kind = '+'
)

// Line is one line of an edit script.
type Line struct {
	Kind Kind
	Text string
}

// myersLimit bounds the edit distance that Myers' algorithm searches, and so
// its memory (quadratic in the distance); beyond it the region is replaced
// as a whole, which is still a correct diff.
const myersLimit = 1000

// Diff returns an edit script turning a into b: every line of a appears in
// order as Equal or Delete, every line of b in order as Equal or Insert.
func Diff(a, b []string) []Line {
	d := &differ{a: a, b: b}
	d.diff(0, len(a), 0, len(b))
	return d.out
}

type differ struct {
	a, b []string
	out  []Line
}

func (d *differ) equal(i int)  { d.out = append(d.out, Line{Equal, d.a[i]}) }
func (d *differ) delete(i int) { d.out = append(d.out, Line{Delete, d.a[i]}) }
func (d *differ) insert(j int) { d.out = append(d.out, Line{Insert, d.b[j]}) }

// diff compares a[a0:a1] with b[b0:b1]: common ends first, then anchors.
func (d *differ) diff(a0, a1, b0, b1 int) {
	for a0 < a1 && b0 < b1 && d.a[a0] == d.b[b0] {
		d.equal(a0)
		a0, b0 = a0+1, b0+1
	}
	suffix := 0
	for a1-suffix > a0 && b1-suffix > b0 && d.a[a1-suffix-1] == d.b[b1-suffix-1] {
		suffix++
	}
	a1, b1 = a1-suffix, b1-suffix
	d.middle(a0, a1, b0, b1)
	for i := a1; i < a1+suffix; i++ {
		d.equal(i)
	}
}

// middle compares regions that differ at both ends.
func (d *differ) middle(a0, a1, b0, b1 int) {
	if a0 == a1 || b0 == b1 {
		d.replace(a0, a1, b0, b1)
		return
	}
	anchors := d.anchors(a0, a1, b0, b1)
	if len(anchors) == 0 {
		d.myers(a0, a1, b0, b1)
		return
	}
	for _, p := range anchors {
		d.diff(a0, p.a, b0, p.b)
		d.equal(p.a)
		a0, b0 = p.a+1, p.b+1
	}
	d.diff(a0, a1, b0, b1)
}

// replace deletes a[a0:a1] and inserts b[b0:b1].
func (d *differ) replace(a0, a1, b0, b1 int) {
	for i := a0; i < a1; i++ {
		d.delete(i)
	}
	for j := b0; j < b1; j++ {
		d.insert(j)
	}
}

type pair struct{ a, b int }

// anchors returns the longest chain of lines that occur exactly once in
// a[a0:a1] and once in b[b0:b1], in the same order in both.
func (d *differ) anchors(a0, a1, b0, b1 int) []pair {
	type count struct{ a, b, ai, bi int }
	counts := map[string]*count{}
	for i := a0; i < a1; i++ {
		c := counts[d.a[i]]
		if c == nil {
			c = &count{}
			counts[d.a[i]] = c
		}
		c.a++
		c.ai = i
	}
	for j := b0; j < b1; j++ {
		if c := counts[d.b[j]]; c != nil {
			c.b++
			c.bi = j
		}
	}
	var unique []pair
	for i := a0; i < a1; i++ {
		if c := counts[d.a[i]]; c.a == 1 && c.b == 1 {
			unique = append(unique, pair{c.ai, c.bi})
		}
	}
	return increasingByB(unique)
}

// increasingByB returns the longest subsequence of pairs (sorted by a) whose
// b also increases, by patience sorting.
func increasingByB(pairs []pair) []pair {
	if len(pairs) == 0 {
		return nil
	}
	tops := []int{}                 // tops[k]: index of the pile k's top pair
	prev := make([]int, len(pairs)) // the pair below in the chain, or -1
	for i, p := range pairs {
		k := sort.Search(len(tops), func(k int) bool { return pairs[tops[k]].b > p.b })
		prev[i] = -1
		if k > 0 {
			prev[i] = tops[k-1]
		}
		if k == len(tops) {
			tops = append(tops, i)
		} else {
			tops[k] = i
		}
	}
	chain := make([]pair, len(tops))
	for i, k := tops[len(tops)-1], len(tops)-1; k >= 0; i, k = prev[i], k-1 {
		chain[k] = pairs[i]
	}
	return chain
}

// myers finds a shortest edit script for a[a0:a1] → b[b0:b1].
func (d *differ) myers(a0, a1, b0, b1 int) {
	n, m := a1-a0, b1-b0
	max := min(n+m, myersLimit)
	off := max + 1
	v := make([]int, 2*max+3)
	var trace [][]int // trace[dist]: v for k in [-dist-1, dist+1] before step dist
	for dist := 0; dist <= max; dist++ {
		trace = append(trace, append([]int(nil), v[off-dist-1:off+dist+2]...))
		for k := -dist; k <= dist; k += 2 {
			x := v[off+k-1] + 1
			if k == -dist || (k != dist && v[off+k-1] < v[off+k+1]) {
				x = v[off+k+1]
			}
			y := x - k
			for x < n && y < m && d.a[a0+x] == d.b[b0+y] {
				x, y = x+1, y+1
			}
			v[off+k] = x
			if x >= n && y >= m {
				d.backtrack(a0, b0, n, m, trace)
				return
			}
		}
	}
	d.replace(a0, a1, b0, b1) // too far apart to search: replace the region
}

// backtrack walks the trace of myers back from the end and appends the
// edit script in order.
func (d *differ) backtrack(a0, b0, x, y int, trace [][]int) {
	var rev []Line
	for dist := len(trace) - 1; dist >= 0; dist-- {
		v := trace[dist]
		at := func(k int) int { return v[k+dist+1] }
		k := x - y
		prevK := k - 1
		if k == -dist || (k != dist && at(k-1) < at(k+1)) {
			prevK = k + 1
		}
		prevX := at(prevK)
		prevY := prevX - prevK
		if dist == 0 {
			prevX, prevY = 0, 0
		}
		for x > prevX && y > prevY {
			x, y = x-1, y-1
			rev = append(rev, Line{Equal, d.a[a0+x]})
		}
		if dist == 0 {
			break
		}
		if x == prevX {
			rev = append(rev, Line{Insert, d.b[b0+prevY]})
		} else {
			rev = append(rev, Line{Delete, d.a[a0+prevX]})
		}
		x, y = prevX, prevY
	}
	for i := len(rev) - 1; i >= 0; i-- {
		d.out = append(d.out, rev[i])
	}
}
