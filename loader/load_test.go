package loader

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestLoadReturnsDocumentWarningsAndLines: the one entry point gives the
// document, the faults it tolerated and the lines of pointers.
func TestLoadReturnsDocumentWarningsAndLines(t *testing.T) {
	spec := "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    get:\n      responses:\n        '200': {}\n"
	doc, err := Load(Input{Name: "api.yaml", Data: []byte(spec)}, Options{})
	require.NoError(t, err)
	require.NotNil(t, doc.T.Paths.Value("/a").Get)
	require.Len(t, doc.Warnings, 1, "a response without description")
	require.Equal(t, 7, doc.Line("/paths/~1a/get/responses/200"))
	require.Equal(t, doc.Line("/paths/~1a/get"), doc.Line("/paths/~1a/get/nothing/here"), "the nearest parent")

	_, err = Load(Input{Name: "api.yaml", Data: []byte(spec)}, Options{Strict: true})
	var se *SpecError
	require.True(t, errors.As(err, &se), "%v", err)
	require.Equal(t, "api.yaml", se.File)
}

func TestPointerEscapesTokens(t *testing.T) {
	require.Equal(t, "/paths/~1a~1{id}/get/x~0y", Pointer("paths", "/a/{id}", "get", "x~y"))
}
