package loader

import (
	"os"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestSwagger2PointersAreLocatedInThe20Document: what the converted
// document calls a pointer is found where the 2.0 text writes it.
func TestSwagger2PointersAreLocatedInThe20Document(t *testing.T) {
	data, err := os.ReadFile("../golden/swagger2/spec.yaml")
	require.NoError(t, err)
	require.True(t, isSwagger2(data))
	doc, err := Load(Input{Name: "spec.yaml", Data: data}, Options{})
	require.NoError(t, err)
	require.NotNil(t, doc.T.Paths.Value("/pets/{petId}/photo").Post.RequestBody.Value.Content.Get("multipart/form-data"))
	file := doc.T.Paths.Value("/pets/{petId}/photo").Post.RequestBody.Value.Content.Get("multipart/form-data").Schema.Value.Properties["file"].Value
	require.Equal(t, "binary", file.Format, "type: file is a binary string")

	for converted, want := range map[string]struct {
		at   string
		line int
	}{
		"/components/schemas/NewPet/properties/x":                                                                             {"/definitions/NewPet/properties/x", 75},
		"/paths/~1pets/post/requestBody/content/application~1json/schema":                                                     {"/paths/~1pets/post/parameters/0/schema", 34},
		"/paths/~1pets/get/responses/200/content/application~1json/schema":                                                    {"/paths/~1pets/get/responses/200/schema", 30},
		"/paths/~1pets/get/responses/200/headers/X-Next/schema":                                                               {"/paths/~1pets/get/responses/200/headers/X-Next", 29},
		"/paths/~1pets/get/parameters/1":                                                                                      {"/paths/~1pets/get/parameters/1", 24},
		"/paths/~1pets~1{petId}~1rename/post/requestBody/content/application~1x-www-form-urlencoded/schema/properties/notify": {"/paths/~1pets~1{petId}~1rename/post/parameters/1", 65},
		"/paths/~1pets/post/requestBody/content/application~1json":                                                            {"/paths/~1pets/post/parameters/0", 34},
		"/components/securitySchemes/apiKey":                                                                                  {"/securityDefinitions/apiKey", 12},
		"/servers/0":                                                                                                          {"/host", 6},
		"/info/title":                                                                                                         {"/info/title", 3},
	} {
		file, at, line := doc.Locate(converted)
		require.Equal(t, "spec.yaml", file)
		require.Equal(t, want.at, at, converted)
		require.Equal(t, want.line, line, converted)
	}
}

func TestSwagger2DetectionLooksAtTheTopLevelOnly(t *testing.T) {
	require.True(t, isSwagger2([]byte(`{"swagger": "2.0", "paths": {}}`)))
	require.False(t, isSwagger2([]byte(`{"openapi": "3.0.3", "info": {"swagger": "2.0"}}`)))
	require.False(t, isSwagger2([]byte("openapi: 3.0.3\ninfo:\n  swagger: x\n")))
	require.True(t, isSwagger2([]byte("# a comment\nswagger: '2.0'\n")))
	require.True(t, isSwagger2([]byte("openapi: x\r\n\"swagger\" \t: '2.0'")))
	require.True(t, isSwagger2([]byte("'swagger':\n")))
	require.False(t, isSwagger2([]byte("swaggerVersion: 2.0\n")))
	require.False(t, isSwagger2([]byte("swagger\n: 2.0\n")))
	require.False(t, isSwagger2([]byte("x: swagger: 2.0\n")))
}
