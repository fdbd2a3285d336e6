package lives

//go:generate go run github.com/seed-0d47db62/livegen/cmd/livegen -config livegen.yaml
