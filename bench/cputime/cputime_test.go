package cputime

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// TestProcessCPUGrows checks that busy work shows in the process CPU time,
// which cpu-ns/op relies on.
func TestProcessCPUGrows(t *testing.T) {
	start := processCPU()
	if start == unknown {
		t.Skip("no process CPU time on this system")
	}
	sum := 0
	for i := 0; processCPU()-start < 20e6 && i < 2e6; i++ {
		sum += i % 7
	}
	require.Greater(t, processCPU(), start)
	require.NotZero(t, sum)
}
