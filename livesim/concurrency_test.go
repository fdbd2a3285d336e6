package livesim_test

import (
	"context"
	"fmt"
	"slices"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/seed-0d47db62/livegen/generated/meltingspot"
	"github.com/seed-0d47db62/livegen/livesim"
)

// Many clients invite the same members to the same Live at once, one by
// one and in bulk, by id and by email: every member ends up invited exactly
// once, exactly one single invitation per member is answered 201, every
// answer names the same participant for a member, and an email unknown to
// the directory makes one member, not one per client.
func TestConcurrentInvitations(t *testing.T) {
	const clients, singles, bulkIDs, newEmails = 8, 20, 20, 10
	s := start(t, livesim.Options{})
	for i := range singles + bulkIDs {
		require.NoError(t, s.Store().AddMember(livesim.Member{ID: fmt.Sprintf("m%02d", i), Email: fmt.Sprintf("m%02d@example.com", i)}))
	}
	liveID := newLive(t, s)
	bulk := meltingspot.BulkInviteRequest{}
	for i := range bulkIDs {
		bulk.Members.SpotMemberIDs = append(bulk.Members.SpotMemberIDs, fmt.Sprintf("m%02d", singles+i))
	}
	for i := range newEmails {
		bulk.Members.Emails = append(bulk.Members.Emails, fmt.Sprintf("new%02d@example.com", i))
	}

	var (
		mu        sync.Mutex
		created   = map[string]int{}    // member → 201 answers
		seen      = map[string]string{} // member → participant id
		conflicts []string
		wg        sync.WaitGroup
	)
	record := func(p meltingspot.Participant) {
		mu.Lock()
		defer mu.Unlock()
		if id, ok := seen[p.SpotMemberEmail]; ok && id != p.ID {
			conflicts = append(conflicts, p.SpotMemberEmail)
		}
		seen[p.SpotMemberEmail] = p.ID
	}
	for c := range clients {
		wg.Go(func() {
			ctx := context.Background()
			// Each client starts at a different member, so that they race.
			for k := range singles {
				member := fmt.Sprintf("m%02d", (k+c)%singles)
				res, err := s.client.InviteLiveParticipant(ctx, liveID, meltingspot.InviteLiveParticipantRequest{Member: member})
				if !callOK(t, err) {
					return
				}
				if res.Created != nil {
					record(*res.Created)
					mu.Lock()
					created[member]++
					mu.Unlock()
				}
			}
			ps, err := s.client.BulkInviteLiveParticipants(ctx, liveID, bulk)
			if !callOK(t, err) {
				return
			}
			if len(ps) != bulkIDs+newEmails {
				t.Errorf("a bulk answer has %d participants, want %d", len(ps), bulkIDs+newEmails)
			}
			for _, p := range ps {
				record(p)
			}
		})
	}
	wg.Wait()

	require.Empty(t, conflicts, "two participants for one member")
	require.Len(t, created, singles)
	for member, n := range created {
		require.Equal(t, 1, n, "201 answers for %s", member)
	}
	list, err := s.client.ListLiveParticipants(context.Background(), liveID, &meltingspot.ListLiveParticipantsParams{Limit: ptr(1000)})
	require.NoError(t, err)
	require.Equal(t, singles+bulkIDs+newEmails, list.Total)
	members := memberIDs(list.Items)
	slices.Sort(members)
	require.Len(t, slices.Compact(members), singles+bulkIDs+newEmails, "each member once")
	for _, p := range list.Items {
		require.Equal(t, seen[p.SpotMemberEmail], p.ID)
	}
}

// callOK reports a call's error from a client goroutine, where require
// cannot stop the test, and whether there was none.
func callOK(t *testing.T, err error) bool {
	if err != nil {
		t.Errorf("call failed: %v", err)
		return false
	}
	return true
}
