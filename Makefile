# livegen: set-up on a fresh machine is `make generate` then `make test`.
GO ?= go

.PHONY: generate test golden bench lint fuzz corpus

# generate writes the committed output of every curated spec.
generate:
	$(GO) run ./cmd/livegen
	$(GO) run ./cmd/livegen -spec openapi/webex/meeting-invitees.yaml -out generated/webex
	$(GO) run ./cmd/livegen -spec openapi/zoom/meeting-registrants.yaml -out generated/zoom

# test vets everything, runs every test and checks that generated/ and golden/ are fresh.
test:
	$(GO) vet ./...
	@test -z "$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go'))" || { echo "gofmt: files need formatting:"; gofmt -l .; exit 1; }
	$(GO) test -count=1 ./...

# golden rewrites the golden files from the current generator.
golden:
	$(GO) test ./golden -update

bench:
	$(GO) test -run '^$$' -bench . -benchmem ./...

lint:
	$(GO) vet ./...
	gofmt -l .
