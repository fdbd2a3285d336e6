package livesim_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/seed-0d47db62/livegen/generated/meltingspot"
	"github.com/seed-0d47db62/livegen/livesim"
)

// groupIDs lists the ids of groups.
func groupIDs(gs []meltingspot.Group) []string {
	out := []string{}
	for _, g := range gs {
		out = append(out, *g.ID)
	}
	return out
}

// Groups are linked one at a time, unlinked one at a time or in bulk, and
// listed in link order with pages; unknown Lives and groups are 404 and
// change nothing.
func TestLiveGroups(t *testing.T) {
	s := demo(t)
	ctx := context.Background()
	list := func(liveID string, params *meltingspot.ListLiveGroupsParams) *meltingspot.GroupList {
		t.Helper()
		gs, err := s.client.ListLiveGroups(ctx, liveID, params)
		require.NoError(t, err)
		return gs
	}
	demoGroups := list("live-4", nil)
	require.Equal(t, []string{"group-customers", "group-team"}, groupIDs(demoGroups.Items))
	require.Equal(t, meltingspot.Group{ID: ptr("group-team"), Name: ptr("Team"), Description: ptr("The people who run the Spot"), Emoji: ptr("🧡"), Icon: ptr("https://example.com/icons/team.png")}, demoGroups.Items[1])

	liveID := newLive(t, s)
	require.Equal(t, 0, list(liveID, nil).Total)
	for _, g := range []string{"group-team", "group-partners", "group-team", "group-customers"} {
		require.NoError(t, s.client.LinkLiveGroup(ctx, liveID, meltingspot.LinkLiveGroupRequest{GroupID: g}))
	}
	require.Equal(t, []string{"group-team", "group-partners", "group-customers"}, groupIDs(list(liveID, nil).Items), "linking twice keeps one link")
	page2 := list(liveID, &meltingspot.ListLiveGroupsParams{Page: ptr(2), Limit: ptr(2)})
	require.Equal(t, []string{"group-customers"}, groupIDs(page2.Items))
	require.Equal(t, 3, page2.Total)
	var walked []string
	for g, err := range s.client.ListLiveGroupsAll(ctx, liveID, &meltingspot.ListLiveGroupsParams{Limit: ptr(1)}) {
		require.NoError(t, err)
		walked = append(walked, *g.ID)
	}
	require.Equal(t, []string{"group-team", "group-partners", "group-customers"}, walked)

	require.NoError(t, s.client.UnlinkLiveGroup(ctx, liveID, "group-partners"))
	require.NoError(t, s.client.UnlinkLiveGroup(ctx, liveID, "group-partners"), "unlinking a group that is not linked is no error")
	require.Equal(t, []string{"group-team", "group-customers"}, groupIDs(list(liveID, nil).Items))

	require.Equal(t, 404, statusOf(t, s.client.UnlinkLiveGroups(ctx, liveID, meltingspot.GroupIDsRequest{GroupIDs: []string{"group-team", "group-nope"}})))
	require.Equal(t, []string{"group-team", "group-customers"}, groupIDs(list(liveID, nil).Items), "a 404 unlinks nothing")
	require.NoError(t, s.client.UnlinkLiveGroups(ctx, liveID, meltingspot.GroupIDsRequest{GroupIDs: []string{"group-team", "group-customers"}}))
	require.Equal(t, 0, list(liveID, nil).Total)

	require.Equal(t, 404, statusOf(t, s.client.LinkLiveGroup(ctx, liveID, meltingspot.LinkLiveGroupRequest{GroupID: "group-nope"})))
	require.Equal(t, 404, statusOf(t, s.client.LinkLiveGroup(ctx, "live-404", meltingspot.LinkLiveGroupRequest{GroupID: "group-team"})))
	require.Equal(t, 404, statusOf(t, s.client.UnlinkLiveGroup(ctx, liveID, "group-nope")))
	require.Equal(t, 404, statusOf(t, s.client.UnlinkLiveGroup(ctx, "live-404", "group-team")))
	require.Equal(t, 404, statusOf(t, s.client.UnlinkLiveGroups(ctx, "live-404", meltingspot.GroupIDsRequest{GroupIDs: []string{}})))
	_, err := s.client.ListLiveGroups(ctx, "live-404", nil)
	require.Equal(t, 404, statusOf(t, err))

	// Deleting a Live drops its links.
	require.NoError(t, s.client.DeleteLive(ctx, "live-4"))
	_, err = s.client.ListLiveGroups(ctx, "live-4", nil)
	require.Equal(t, 404, statusOf(t, err))
}

// Groups are linked to channels in bulk; an unknown channel or group is a
// 404 that links nothing.
func TestLinkChannelGroups(t *testing.T) {
	s := demo(t)
	ctx := context.Background()
	require.NoError(t, s.client.LinkChannelGroups(ctx, "channel-general", meltingspot.GroupIDsRequest{GroupIDs: []string{"group-team", "group-customers", "group-team"}}))
	require.NoError(t, s.client.LinkChannelGroups(ctx, "channel-general", meltingspot.GroupIDsRequest{GroupIDs: []string{"group-customers", "group-partners"}}))
	groups, err := s.Store().ChannelGroups("channel-general")
	require.NoError(t, err)
	require.Equal(t, []string{"group-team", "group-customers", "group-partners"}, groups)

	require.Equal(t, 404, statusOf(t, s.client.LinkChannelGroups(ctx, "channel-nope", meltingspot.GroupIDsRequest{GroupIDs: []string{"group-team"}})))
	require.Equal(t, 404, statusOf(t, s.client.LinkChannelGroups(ctx, "channel-announcements", meltingspot.GroupIDsRequest{GroupIDs: []string{"group-team", "group-nope"}})))
	groups, err = s.Store().ChannelGroups("channel-announcements")
	require.NoError(t, err)
	require.Empty(t, groups)
	_, err = s.Store().ChannelGroups("channel-nope")
	var nf *livesim.NotFoundError
	require.ErrorAs(t, err, &nf)
	require.Equal(t, `channel "channel-nope" not found`, nf.Error())

	require.NoError(t, s.Store().AddChannel(livesim.Channel{ID: "channel-new", Name: "New"}))
	require.Error(t, s.Store().AddChannel(livesim.Channel{ID: "channel-new"}), "ids are unique")
	require.Error(t, s.Store().AddGroup(livesim.Group{ID: "channel-new"}), "ids are unique across kinds")
	require.Error(t, s.Store().AddGroup(livesim.Group{ID: " "}), "an id is required")
	require.NoError(t, s.client.LinkChannelGroups(ctx, "channel-new", meltingspot.GroupIDsRequest{GroupIDs: []string{"group-partners"}}))
}
