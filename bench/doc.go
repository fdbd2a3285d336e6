// Package bench measures livegen against oapi-codegen v2 and against the
// limit: how long generation takes (bench/generate_test.go) and what the
// generated code costs per call (the nested module under generated/peers,
// which alone may depend on oapi-codegen's runtime).
//
// The package itself holds what the benchmarks share: SyntheticSpec, a
// deterministic spec of any number of operations, so that the cost per
// operation can be followed from 10 to 5,000 operations. BENCHMARKS.md at
// the repository root has the numbers and the commands.
package bench
