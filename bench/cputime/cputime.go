// Package cputime adds a cpu-ns/op metric to benchmarks: the CPU time that
// the whole process spent per iteration (user and system, every goroutine,
// the garbage collector's included). On a machine shared with other work,
// wall-clock ns/op grows with the load while cpu-ns/op barely moves, so the
// two together tell contention from cost; for code that uses several cores
// at once cpu-ns/op is above ns/op.
package cputime

import (
	"testing"
	"time"
)

// Start begins measuring; call the function it returns right after the
// benchmark loop. Where the process CPU time is unknown (not a Unix
// system) no metric is reported.
func Start(b *testing.B) (stop func()) {
	start := processCPU()
	return func() {
		end := processCPU()
		if start < 0 || end < 0 || b.N == 0 {
			return
		}
		b.ReportMetric(float64(end-start)/float64(b.N), "cpu-ns/op")
	}
}

// unknown is what processCPU returns where it cannot tell.
const unknown = time.Duration(-1)
