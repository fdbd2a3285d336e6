package lives

//go:generate go tool livegen -config livegen.yaml
