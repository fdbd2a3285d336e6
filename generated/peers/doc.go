// Package peers is the nested module of the runtime benchmarks: it holds the
// code that oapi-codegen v2 generates from the MeltingSpot spec (package
// meltingspot, written by `go run ./bench/peergen` from the repository root)
// and, in package compare, the benchmarks of the three ways to make the same
// calls and serve the same requests: livegen's generated code, oapi-codegen's
// and the hand-written limit (bench/handwritten). It is a module of its own
// so that oapi-codegen's runtime never enters the main module's generated/.
package peers
