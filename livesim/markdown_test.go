package livesim

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/require"
)

// The Markdown of a description becomes the rich-text nodes of answers.
func TestRichText(t *testing.T) {
	cases := []struct{ name, md, want string }{
		{"nothing", "", `[]`},
		{"blank", "  \n\n", `[]`},
		{"paragraph", "My new live", `[{"type":"p","children":[{"text":"My new live"}]}]`},
		{"lines join, blank lines split", "one\ntwo\r\n\r\nthree", `[
			{"type":"p","children":[{"text":"one two"}]},
			{"type":"p","children":[{"text":"three"}]}]`},
		{"headings", "# Title\n### Sub ###", `[
			{"type":"h1","children":[{"text":"Title"}]},
			{"type":"h3","children":[{"text":"Sub"}]}]`},
		{"not a heading", "#hashtag", `[{"type":"p","children":[{"text":"#hashtag"}]}]`},
		{"bullets with a continuation", "- a\n* b\n  more\nafter", `[
			{"type":"ul","children":[
				{"type":"li","children":[{"text":"a"}]},
				{"type":"li","children":[{"text":"b more"}]}]},
			{"type":"p","children":[{"text":"after"}]}]`},
		{"numbered then bulleted", "1. a\n2) b\n- c", `[
			{"type":"ol","children":[{"type":"li","children":[{"text":"a"}]},{"type":"li","children":[{"text":"b"}]}]},
			{"type":"ul","children":[{"type":"li","children":[{"text":"c"}]}]}]`},
		{"quote", "> said\n> twice", `[{"type":"blockquote","children":[{"text":"said twice"}]}]`},
		{"marks", "a **b** *c* _d_ `e` **`f`**", `[{"type":"p","children":[
			{"text":"a "},{"text":"b","bold":true},{"text":" "},{"text":"c","italic":true},{"text":" "},
			{"text":"d","italic":true},{"text":" "},{"text":"e","code":true},{"text":" "},{"text":"f","bold":true,"code":true}]}]`},
		{"nested marks", "**bold *both***", `[{"type":"p","children":[{"text":"bold ","bold":true},{"text":"both","bold":true,"italic":true}]}]`},
		{"unclosed markers stay text", "2 * 3 and **x and `y", `[{"type":"p","children":[{"text":"2 * 3 and **x and ` + "`" + `y"}]}]`},
		{"snake_case stays text", "a snake_case_name", `[{"type":"p","children":[{"text":"a snake_case_name"}]}]`},
		{"link", "see [the **docs**](https://example.com/x) now", `[{"type":"p","children":[
			{"text":"see "},
			{"type":"a","url":"https://example.com/x","children":[{"text":"the "},{"text":"docs","bold":true}]},
			{"text":" now"}]}]`},
		{"not a link", "[a] (b) [c](d e)", `[{"type":"p","children":[{"text":"[a] (b) [c](d e)"}]}]`},
		{"unicode", "é **ü** 日本", `[{"type":"p","children":[{"text":"é "},{"text":"ü","bold":true},{"text":" 日本"}]}]`},
		{"empty item", "-  \n", `[{"type":"ul","children":[{"type":"li","children":[{"text":""}]}]}]`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, err := json.Marshal(richText(tc.md))
			require.NoError(t, err)
			require.JSONEq(t, tc.want, string(got))
		})
	}
}

// Any text converts without panicking into nodes that encode.
func FuzzRichText(f *testing.F) {
	for _, s := range []string{"# a\n- b **c", "[x](y) _z_ `", "> **", "1. *", "\xff_**"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, md string) {
		_, err := json.Marshal(richText(md))
		require.NoError(t, err)
	})
}

// pageOf cuts 1-based pages, past the end too, without overflowing.
func TestPageOf(t *testing.T) {
	items := []int{1, 2, 3, 4, 5}
	page := func(p, l *int) []int {
		got, total := pageOf(items, p, l, 2)
		require.Equal(t, 5, total)
		require.NotNil(t, got)
		return got
	}
	n := func(v int) *int { return &v }
	require.Equal(t, []int{1, 2}, page(nil, nil))
	require.Equal(t, []int{5}, page(n(3), nil))
	require.Equal(t, []int{}, page(n(4), nil))
	require.Equal(t, []int{1, 2, 3, 4, 5}, page(nil, n(10)))
	require.Equal(t, []int{4}, page(n(4), n(1)))
	require.Equal(t, []int{}, page(n(1<<62), n(1<<62)))
	require.Equal(t, []int{1, 2, 3, 4, 5}, page(n(1), n(1<<62)))
	require.Equal(t, []int{1, 2}, page(n(-3), n(0)), "the handler rejects these; the defaults apply")
	got, _ := pageOf(items, nil, nil, 2)
	got[0] = 99
	require.Equal(t, 1, items[0], "a page is a copy")
}
