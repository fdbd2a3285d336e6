package meltingspot

import (
	"testing"

	"github.com/seed-0d47db62/livegen/internal/jsoncheck"
)

// TestAppendJSONMatchesEncodingJSON writes random answers with the
// generated appendJSON and with encoding/json: same bytes, same failures.
func TestAppendJSONMatchesEncodingJSON(t *testing.T) {
	jsoncheck.Check(t, 300, (*LiveList).appendJSON)
	jsoncheck.Check(t, 300, (*GroupList).appendJSON)
	jsoncheck.Check(t, 300, (*ParticipantList).appendJSON)
	jsoncheck.Check(t, 300, (*jsonList[Participant, *Participant]).appendJSON)
}
