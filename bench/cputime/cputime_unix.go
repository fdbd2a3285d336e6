//go:build unix

package cputime

import (
	"syscall"
	"time"
)

// processCPU is the user and system CPU time of the process so far.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return unknown
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
