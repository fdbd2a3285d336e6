package server

import (
	"testing"

	"github.com/seed-0d47db62/livegen/internal/jsoncheck"
)

// TestAppendJSONMatchesEncodingJSON writes random answers with the
// generated appendJSON and with encoding/json: same bytes, same failures.
func TestAppendJSONMatchesEncodingJSON(t *testing.T) {
	jsoncheck.Check(t, 500, (*Item).appendJSON)
	jsoncheck.Check(t, 500, (*Part).appendJSON)
	jsoncheck.Check(t, 500, (*Failure).appendJSON)
}
