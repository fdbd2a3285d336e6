package templates

import "github.com/seed-0d47db62/livegen/generator"

// Filters renders filters.gen.go; nil when no operation has filters.
func Filters(api *generator.API) ([]byte, error) {
	return nil, nil
}
