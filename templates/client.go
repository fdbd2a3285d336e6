package templates

import "github.com/seed-0d47db62/livegen/generator"

// Client renders client.gen.go.
func Client(api *generator.API) ([]byte, error) {
	return nil, nil
}
