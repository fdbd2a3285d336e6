//go:build !unix

// Command buildcost needs getrusage, which only Unix systems have.
package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Fprintln(os.Stderr, "buildcost: needs a Unix system")
	os.Exit(1)
}
