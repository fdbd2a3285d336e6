package templates

import "github.com/seed-0d47db62/livegen/generator"

// Server renders server.gen.go.
func Server(api *generator.API) ([]byte, error) {
	return nil, nil
}
