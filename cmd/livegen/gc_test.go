package main

import (
	"math"
	"runtime/debug"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestTuneGCLeavesAChoiceAlone(t *testing.T) {
	before := debug.SetGCPercent(100)
	beforeLimit := debug.SetMemoryLimit(math.MaxInt64)
	t.Cleanup(func() {
		debug.SetGCPercent(before)
		debug.SetMemoryLimit(beforeLimit)
	})

	t.Setenv("GOGC", "50")
	tuneGC()
	assert.Equal(t, 100, debug.SetGCPercent(100), "GOGC is set: the runtime keeps its setting")

	t.Setenv("GOGC", "")
	t.Setenv("GOMEMLIMIT", "")
	tuneGC()
	assert.Equal(t, gcPercent, debug.SetGCPercent(100))
	assert.Equal(t, int64(gcSoftLimit), debug.SetMemoryLimit(math.MaxInt64))
}
