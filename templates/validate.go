package templates

import "github.com/seed-0d47db62/livegen/generator"

// Validate renders validate.gen.go.
func Validate(api *generator.API) ([]byte, error) {
	return nil, nil
}
