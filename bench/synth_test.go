package bench

import (
	"bytes"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/oapi-codegen/oapi-codegen/v2/pkg/codegen"
	"github.com/stretchr/testify/require"

	"github.com/seed-0d47db62/livegen/generator"
	"github.com/seed-0d47db62/livegen/templates"
)

// TestSyntheticSpec checks that the synthetic spec has exactly the
// operations asked for, is the same bytes every time, and that both
// generators take it without a warning or an error, so that the benchmarks
// compare them on the same work.
func TestSyntheticSpec(t *testing.T) {
	for _, n := range []int{1, 2, 3, 4, 5, 6, 9, 10, 12} {
		spec := SyntheticSpec(n)
		require.True(t, bytes.Equal(spec, SyntheticSpec(n)), "n=%d: not deterministic", n)
		api, err := generator.LoadData(spec, "synthetic.yaml", generator.Options{Package: "api", ImportPath: "example.com/api", Strict: true})
		require.NoError(t, err, "n=%d", n)
		require.Len(t, api.Operations, n)
		require.Empty(t, api.Warnings)
	}

	spec := SyntheticSpec(10)
	api, err := generator.LoadData(spec, "synthetic.yaml", generator.Options{Package: "api", ImportPath: "example.com/api"})
	require.NoError(t, err)
	files, err := templates.Render(api, outputs)
	require.NoError(t, err)
	var names []string
	for _, f := range files {
		if !strings.HasPrefix(f.Name, templates.RuntimeDir+"/") { // the runtime package's files vary with what it holds
			names = append(names, f.Name)
		}
	}
	require.Equal(t, []string{"models.gen.go", "filters.gen.go", "client.gen.go", "validate.gen.go", "server.gen.go", "server_decode.gen.go", "server_encode.gen.go", "server_paging.gen.go"}, names)

	doc, err := openapi3.NewLoader().LoadFromData(spec)
	require.NoError(t, err)
	src, err := codegen.Generate(doc, oapiCodegenConfig(genCase{}))
	require.NoError(t, err)
	require.Contains(t, src, "func (c *Client) ListRes0001(")
	require.Contains(t, src, "DeleteRes0001(w http.ResponseWriter")
}
