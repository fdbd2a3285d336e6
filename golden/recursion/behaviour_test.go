package recursion

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

func decodeStrictT[T any](t *testing.T, data string) T {
	t.Helper()
	var v T
	dec := json.NewDecoder(bytes.NewReader([]byte(data)))
	dec.DisallowUnknownFields()
	require.NoError(t, dec.Decode(&v))
	return v
}

func roundTrip[T any](t *testing.T, data string) T {
	t.Helper()
	v := decodeStrictT[T](t, data)
	out, err := json.Marshal(v)
	require.NoError(t, err)
	require.JSONEq(t, data, string(out))
	return v
}

func TestRecursionNodeTree(t *testing.T) {
	in := `{"type":"doc","children":[
		{"type":"p","children":[{"type":"text","text":"Hello "},{"type":"b","children":[{"type":"text","text":"world"}]}]},
		{"type":"p","children":[]},
		{"type":"hr"}
	]}`
	n := roundTrip[Node](t, in)
	require.Len(t, n.Children, 3)
	require.Equal(t, "world", *n.Children[0].Children[1].Children[0].Text)
	require.NotNil(t, n.Children[1].Children, "an empty children array stays []")
	require.Empty(t, n.Children[1].Children)
	require.Nil(t, n.Children[2].Children, "absent children stay absent")
}

func TestRecursionDeepNode(t *testing.T) {
	const depth = 200
	var b strings.Builder
	for i := 0; i < depth; i++ {
		fmt.Fprintf(&b, `{"type":"n%d","children":[`, i)
	}
	b.WriteString(`{"type":"leaf","text":"bottom"}`)
	for i := 0; i < depth; i++ {
		b.WriteString(`]}`)
	}
	n := roundTrip[Node](t, b.String())
	cur := n
	for i := 0; i < depth; i++ {
		require.Equal(t, fmt.Sprintf("n%d", i), cur.Type)
		require.Len(t, cur.Children, 1)
		cur = cur.Children[0]
	}
	require.Equal(t, "bottom", *cur.Text)
}

func TestRecursionLinkedItem(t *testing.T) {
	// next is required and nullable by reference: the end of the chain is null,
	// never omitted.
	l := roundTrip[LinkedItem](t, `{"value":1,"next":{"value":2,"next":{"value":3,"next":null}}}`)
	sum := 0
	for cur := &l; cur != nil; cur = cur.Next {
		sum += cur.Value
	}
	require.Equal(t, 6, sum)
	require.Nil(t, l.Next.Next.Next)

	out, err := json.Marshal(LinkedItem{Value: 9})
	require.NoError(t, err)
	require.JSONEq(t, `{"value":9,"next":null}`, string(out))

	out, err = json.Marshal(LinkedItem{Value: 1, Next: &LinkedItem{Value: 2}})
	require.NoError(t, err)
	require.JSONEq(t, `{"value":1,"next":{"value":2,"next":null}}`, string(out))
}

func TestRecursionTreeIndex(t *testing.T) {
	in := `{"root":{"type":"r"},"index":{"a":{"index":{"b":{"root":{"type":"leaf","text":"x"}}}},"empty":{}}}`
	tr := roundTrip[Tree](t, in)
	require.Equal(t, "x", *tr.Index["a"].Index["b"].Root.Text)
	require.Nil(t, tr.Index["empty"].Root)
	require.Nil(t, tr.Index["empty"].Index)

	roundTrip[Tree](t, `{}`)
	tr = roundTrip[Tree](t, `{"index":{}}`)
	require.NotNil(t, tr.Index)
}
