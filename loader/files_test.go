package loader

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestPointersAreFollowedIntoOtherFiles: a place in the loaded document that
// a $ref put there is named by the file and line it is written at.
func TestPointersAreFollowedIntoOtherFiles(t *testing.T) {
	doc, err := LoadFile("../golden/multifile/spec.yaml", Options{})
	require.NoError(t, err)
	require.Equal(t, "getPet", doc.T.Paths.Value("/pets/{petId}").Get.OperationID, "the operation written as a $ref is read")
	for ptr, want := range map[string]struct {
		file, at string
		line     int
	}{
		"/paths/~1pets~1{petId}/get/responses/404/content/application~1json/schema":                         {"../golden/multifile/operations/get-pet.yaml", "/responses/404/content/application~1json/schema", 15},
		"/paths/~1pets/post/requestBody/content/application~1json/schema/properties/owner/properties/email": {"../golden/multifile/schemas/owner.yaml", "/properties/email", 5},
		"/paths/~1pets/get/responses/200/content/application~1json/schema/items/allOf/0/properties/name":    {"../golden/multifile/schemas/pet.yaml", "/NewPet/properties/name", 6},
		"/components/schemas/Error/properties/message":                                                      {"../golden/multifile/schemas/error.yaml", "/properties/message", 5},
		"/info/title": {"../golden/multifile/spec.yaml", "/info/title", 3},
	} {
		file, at, line := doc.Locate(ptr)
		require.Equal(t, want.file, file, ptr)
		require.Equal(t, want.at, at, ptr)
		require.Equal(t, want.line, line, ptr)
	}
}

// TestErrorsInOtherFilesNameThem: a broken $ref or bad YAML in a file the
// entry reaches is reported in that file, at its line.
func TestErrorsInOtherFilesNameThem(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) {
		require.NoError(t, os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755))
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644))
	}
	write("api.yaml", repairHead+"paths:\n  /a:\n    $ref: paths/a.yaml\n")
	write("paths/a.yaml", "get:\n  responses:\n    '200':\n      description: ok\n      content:\n        application/json:\n          schema: {$ref: '../schemas.yaml#/Nope'}\n")
	write("schemas.yaml", "Thing: {type: string}\n")
	_, err := LoadFile(filepath.Join(dir, "api.yaml"), Options{})
	var se *SpecError
	require.True(t, errors.As(err, &se), "%v", err)
	require.Equal(t, filepath.Join(dir, "paths/a.yaml"), se.File)
	require.Equal(t, 7, se.Line)
	require.Equal(t, "/get/responses/200/content/application~1json/schema/$ref", se.Pointer)
	require.Contains(t, se.Message, "points at nothing")

	write("schemas.yaml", "Thing: {type: string\n")
	write("paths/a.yaml", "get:\n  responses:\n    '200':\n      description: ok\n      content:\n        application/json:\n          schema: {$ref: '../schemas.yaml#/Thing'}\n")
	_, err = LoadFile(filepath.Join(dir, "api.yaml"), Options{})
	require.True(t, errors.As(err, &se), "%v", err)
	require.Equal(t, filepath.Join(dir, "schemas.yaml"), se.File)
	require.Positive(t, se.Line)
	require.Contains(t, se.Message, "not valid YAML")
}
