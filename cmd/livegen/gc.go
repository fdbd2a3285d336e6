package main

import (
	"os"
	"runtime/debug"
)

// tuneGC gives the collector more room than the default when the user
// has not chosen: livegen is a short-lived process whose heap is small,
// so the default target makes it collect several times per run for
// little memory saved. A soft limit keeps very large specs in bounds.
// GOGC or GOMEMLIMIT in the environment leave the runtime as it is.
func tuneGC() {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	debug.SetGCPercent(gcPercent)
	debug.SetMemoryLimit(gcSoftLimit)
}

const (
	gcPercent   = 400
	gcSoftLimit = 1 << 30 // bytes
)
