// Package compare benchmarks what the generated code costs at run time, per
// call and per request, for the same two MeltingSpot operations (ListLives
// with filters and a 50-item page, BulkInviteLiveParticipants with 100
// members) in three implementations: livegen's generated package, the one
// oapi-codegen v2 generates (../meltingspot) and the hand-written limit
// (bench/handwritten). Its tests check that the three do the same work.
// Everything is in the test files; BENCHMARKS.md has the numbers.
package compare
