package encode

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/seed-0d47db62/livegen/internal/jsoncheck"
)

// TestAppendJSONMatchesEncodingJSON writes random nodes, one member of every
// shape, with the generated appendJSON and with encoding/json: same bytes,
// same failures (times out of JSON's range, NaN scores).
func TestAppendJSONMatchesEncodingJSON(t *testing.T) {
	jsoncheck.Check(t, 2000, (*Node).appendJSON)
	jsoncheck.Check(t, 300, (*jsonList[Node, *Node]).appendJSON)
}

type nodes struct{ UnimplementedServer }

func (nodes) ListNodes(context.Context, ListNodesInput) (ListNodesOutput, error) {
	next := &Node{ID: 2, Grid: [][]int{{1}, nil}}
	leaves := []Leaf{{Name: "a"}, {Name: "b"}}
	return ListNodesOK{Body: []Node{{ID: 1, Next: next, Tags: []string{"a<b"}, Parent: Null[*Node](), Leaves: leaves, Shade: NewNullable(leaves[0])}}}, nil
}

// TestServerWritesNodes answers through the generated server.
func TestServerWritesNodes(t *testing.T) {
	rec := httptest.NewRecorder()
	NewHandler(nodes{}).ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/nodes", nil))
	want := `[{"bag":{},"counts":null,"grid":null,"id":1,"last":null,"leaf":{"name":""},"leaves":[{"name":"a"},{"name":"b"}],"next":{"bag":{},"counts":null,"grid":[[1],null],"id":2,"last":null,"leaf":{"name":""},"leaves":null,"next":null,"owner":null,"payload":null},"owner":null,"parent":null,"payload":null,"shade":{"name":"a"},"tags":["a\u003cb"]}]`
	if got := strings.TrimSpace(rec.Body.String()); rec.Code != http.StatusOK || got != want {
		t.Fatalf("got %d %s\nwant %s", rec.Code, got, want)
	}
}
