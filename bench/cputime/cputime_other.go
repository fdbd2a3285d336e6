//go:build !unix

package cputime

import "time"

// processCPU is unknown outside Unix systems.
func processCPU() time.Duration { return unknown }
