//go:build tools

package tools

import (
	_ "github.com/dave/jennifer/jen"
	_ "github.com/getkin/kin-openapi/openapi3"
	_ "github.com/oapi-codegen/oapi-codegen/v2/pkg/codegen"
	_ "github.com/stretchr/testify/require"
)
