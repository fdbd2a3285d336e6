package main

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// TestPeerOutputFresh fails when generated/peers/meltingspot is not what
// oapi-codegen writes from the spec today.
func TestPeerOutputFresh(t *testing.T) {
	require.NoError(t, run("../..", true))
}
