# livegen: set-up on a fresh machine is `make generate` then `make test`.
GO ?= go

.PHONY: generate check test golden bench lint fuzz corpus

# generate writes the runtime's pieces (templates/runtime_pieces.txt), then
# the committed output of every curated spec.
generate:
	$(GO) test ./templates -run '^TestRuntimePieceTableIsFresh$$' -count=1 -update
	$(GO) run ./cmd/livegen
	$(GO) run ./cmd/livegen -spec openapi/webex/meeting-invitees.yaml -out generated/webex
	$(GO) run ./cmd/livegen -spec openapi/zoom/meeting-registrants.yaml -out generated/zoom
	cd examples/consumer && $(GO) generate ./...
	$(GO) run ./bench/peergen

# check fails, listing the stale files, when generated/ is not what the
# generator writes now; it writes nothing (-v shows the diffs).
check:
	$(GO) run ./cmd/livegen -check
	$(GO) run ./cmd/livegen -check -spec openapi/webex/meeting-invitees.yaml -out generated/webex
	$(GO) run ./cmd/livegen -check -spec openapi/zoom/meeting-registrants.yaml -out generated/zoom
	cd examples/consumer && $(GO) tool livegen -config lives/livegen.yaml -check

# test vets everything, runs every test and checks that generated/ and golden/ are fresh.
test: check
	$(GO) vet ./...
	@test -z "$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go'))" || { echo "gofmt: files need formatting:"; gofmt -l .; exit 1; }
	$(GO) test -race -count=1 ./...
	cd examples/consumer && $(GO) vet ./... && $(GO) test -race -count=1 ./...
	$(GO) test -short -count=1 -run '^$$' -bench . -benchtime 1x ./bench
	cd generated/peers && $(GO) vet ./... && $(GO) test -count=1 ./... && $(GO) test -count=1 -run '^$$' -bench . -benchtime 1x ./compare

# golden rewrites the runtime's pieces, then the golden files from the
# current generator.
golden:
	$(GO) test ./templates -run '^TestRuntimePieceTableIsFresh$$' -count=1 -update
	$(GO) test ./golden -update
	$(GO) test ./internal/specdiff -update

# bench runs the benchmarks against oapi-codegen and hand-written code, in one
# run, and prints benchstat tables (see BENCHMARKS.md).
BENCHCOUNT ?= 6
BENCHOUT ?= /tmp/livegen-bench
BENCHSTAT ?= $(GO) run golang.org/x/perf/cmd/benchstat@latest
bench:
	mkdir -p $(BENCHOUT)
	$(GO) test -run '^$$' -bench . -benchmem -benchtime 0.5s -count $(BENCHCOUNT) -timeout 60m ./bench > $(BENCHOUT)/generate.txt
	cd generated/peers && $(GO) test -run '^$$' -bench . -benchmem -benchtime 0.5s -count $(BENCHCOUNT) -timeout 30m ./compare > $(BENCHOUT)/runtime.txt
	$(BENCHSTAT) -filter '.name:Generate' -col /gen $(BENCHOUT)/generate.txt
	$(BENCHSTAT) -filter '.name:GeneratePhase' -col /phase $(BENCHOUT)/generate.txt
	$(BENCHSTAT) -col /impl $(BENCHOUT)/runtime.txt

# corpus generates, builds and vets every public spec of ../shared/corpus and
# ../shared/corpus-modern and writes docs/COMPATIBILITY.md, then checks that every
# one of them loads in sections exactly as kin-openapi loads it whole.
corpus:
	$(GO) test -count=1 -timeout 90m ./internal/corpus -run 'TestCorpus$$' -corpus.full -corpus.report $(CURDIR)/docs/COMPATIBILITY.md
	$(GO) test -count=1 -timeout 20m ./loader -run 'TestSectionLoadMatchesKin$$' -sections.full

# fuzz runs the generator fuzzer for a while (FUZZTIME=5m for longer).
FUZZTIME ?= 60s
fuzz:
	$(GO) test ./internal/fuzzgen -run '^$$' -fuzz FuzzGenerate -fuzztime $(FUZZTIME)

lint:
	$(GO) vet ./...
	gofmt -l .
