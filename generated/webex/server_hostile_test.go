package webex

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/seed-0d47db62/livegen/bench/fixtures"
)

// TestServerWebexTooManyItemsFirst sends far more invitees than maxItems
// allows, each without its required email: the one problem is their
// number, found before any item is walked, and the Server is not called.
func TestServerWebexTooManyItemsFirst(t *testing.T) {
	s := &srvInvitees{}
	body := fixtures.EmptyInvitees(46 << 10)
	w := srvPost(NewHandler(s), string(body))
	require.Equal(t, http.StatusBadRequest, w.Code)
	problems := srvProblems(t, w)
	require.Len(t, problems, 1, "%+v", problems)
	require.Equal(t, "/items", problems[0].Name)
	require.Contains(t, problems[0].Problem, "must have at most 100 items")
	require.Nil(t, s.got)
}
