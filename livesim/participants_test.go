package livesim_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/seed-0d47db62/livegen/generated/meltingspot"
	"github.com/seed-0d47db62/livegen/livesim"
)

// newLive creates a scheduled Live and returns its id.
func newLive(t *testing.T, s sim) string {
	t.Helper()
	live, err := s.client.CreateLive(context.Background(), meltingspot.CreateLiveRequest{
		Title: "Invitations", SpotMemberHostID: "member-ada", Solution: meltingspot.LiveSolutionYoutube,
		StartDate: now.Add(time.Hour).Unix(), EndDate: now.Add(2 * time.Hour).Unix(),
	})
	require.NoError(t, err)
	return *live.ID
}

// A member invited by id is 201 with an Invited participant that carries
// the member's names; inviting again is 200 and changes nothing. By email,
// a known member resolves (without regard to case) and an unknown one
// becomes a participant with null names.
func TestInviteLiveParticipant(t *testing.T) {
	s := demo(t)
	ctx := context.Background()
	liveID := newLive(t, s)

	res, err := s.client.InviteLiveParticipant(ctx, liveID, meltingspot.InviteLiveParticipantRequest{Member: "member-ada"})
	require.NoError(t, err)
	require.False(t, res.OK)
	require.Equal(t, meltingspot.Participant{
		ID: res.Created.ID, LiveID: liveID, SpotMemberID: "member-ada", SpotMemberEmail: "ada@example.com",
		SpotMemberFirstname: ptr("Ada"), SpotMemberLastname: ptr("Lovelace"),
		Status: meltingspot.ParticipantStatusInvited, Type: meltingspot.ParticipantTypeParticipant,
		InvitedAt: ptr(now),
	}, *res.Created)

	again, err := s.client.InviteLiveParticipant(ctx, liveID, meltingspot.InviteLiveParticipantRequest{Member: "member-ada"})
	require.NoError(t, err)
	require.Equal(t, &meltingspot.InviteLiveParticipantResult{OK: true}, again)
	byEmail, err := s.client.InviteLiveParticipant(ctx, liveID, meltingspot.InviteLiveParticipantRequest{Member: "ADA@example.com"})
	require.NoError(t, err)
	require.True(t, byEmail.OK, "the same member by email is already invited")

	newcomer, err := s.client.InviteLiveParticipant(ctx, liveID, meltingspot.InviteLiveParticipantRequest{Member: "new.person@example.org"})
	require.NoError(t, err)
	require.NotNil(t, newcomer.Created)
	require.Equal(t, "new.person@example.org", newcomer.Created.SpotMemberEmail)
	require.NotEmpty(t, newcomer.Created.SpotMemberID)
	require.Nil(t, newcomer.Created.SpotMemberFirstname)
	require.Nil(t, newcomer.Created.SpotMemberLastname)
	again, err = s.client.InviteLiveParticipant(ctx, liveID, meltingspot.InviteLiveParticipantRequest{Member: newcomer.Created.SpotMemberID})
	require.NoError(t, err)
	require.True(t, again.OK, "the new member has an id that invitations can name")

	list, err := s.client.ListLiveParticipants(ctx, liveID, nil)
	require.NoError(t, err)
	require.Equal(t, 2, list.Total)
	require.Equal(t, []string{"member-ada", newcomer.Created.SpotMemberID}, memberIDs(list.Items))
	live, err := s.client.GetLive(ctx, liveID)
	require.NoError(t, err)
	require.Equal(t, 2, *live.Metrics.Invited)
}

// An unknown member id or a malformed email is a 400 naming it; an unknown
// Live is a 404.
func TestInviteLiveParticipantErrors(t *testing.T) {
	s := demo(t)
	ctx := context.Background()
	_, err := s.client.InviteLiveParticipant(ctx, "live-1", meltingspot.InviteLiveParticipantRequest{Member: "member-nobody"})
	require.Equal(t, 400, statusOf(t, err))
	var apiErr *meltingspot.APIError
	require.ErrorAs(t, err, &apiErr)
	require.Contains(t, string(apiErr.RawBody), `"name":"/member"`)
	require.Contains(t, string(apiErr.RawBody), `no Spot member has the id \"member-nobody\"`)

	_, err = s.client.InviteLiveParticipant(ctx, "live-1", meltingspot.InviteLiveParticipantRequest{Member: "not an@email"})
	require.Equal(t, 400, statusOf(t, err))

	_, err = s.client.InviteLiveParticipant(ctx, "live-404", meltingspot.InviteLiveParticipantRequest{Member: "member-ada"})
	require.Equal(t, 404, statusOf(t, err))
	require.ErrorAs(t, err, &apiErr)
	require.JSONEq(t, `{"message":"live \"live-404\" not found","problems":[]}`, string(apiErr.RawBody))
}

// Speakers are invited by email (with the names a new member gets) or by
// Spot member id, as type Speaker; the speakers list shows them and not
// the participants.
func TestInviteLiveSpeaker(t *testing.T) {
	s := demo(t)
	ctx := context.Background()
	liveID := newLive(t, s)

	res, err := s.client.InviteLiveSpeaker(ctx, liveID, meltingspot.InviteLiveSpeakerRequest{
		Member:      meltingspot.SpeakerMember{MemberByEmail: &meltingspot.MemberByEmail{Email: "jane.doe@example.com", FirstName: ptr("Jane"), LastName: ptr("Doe")}},
		Highlighted: ptr(true),
	})
	require.NoError(t, err)
	require.NotNil(t, res.Created)
	jane := *res.Created
	require.Equal(t, meltingspot.ParticipantTypeSpeaker, jane.Type)
	require.Equal(t, meltingspot.ParticipantStatusInvited, jane.Status)
	require.Equal(t, ptr("Jane"), jane.SpotMemberFirstname)
	require.Equal(t, ptr("Doe"), jane.SpotMemberLastname)
	require.True(t, jane.IsHighlighted)
	require.Equal(t, ptr(now), jane.InvitedAt)

	res, err = s.client.InviteLiveSpeaker(ctx, liveID, meltingspot.InviteLiveSpeakerRequest{Member: meltingspot.SpeakerMember{String: ptr("member-grace")}})
	require.NoError(t, err)
	require.Equal(t, "Grace", *res.Created.SpotMemberFirstname)
	require.False(t, res.Created.IsHighlighted)

	res, err = s.client.InviteLiveSpeaker(ctx, liveID, meltingspot.InviteLiveSpeakerRequest{Member: meltingspot.SpeakerMember{String: ptr(jane.SpotMemberID)}})
	require.NoError(t, err)
	require.Equal(t, &meltingspot.InviteLiveSpeakerResult{OK: true}, res)

	_, err = s.client.InviteLiveParticipant(ctx, liveID, meltingspot.InviteLiveParticipantRequest{Member: "member-tim"})
	require.NoError(t, err)
	speakers, err := s.client.ListLiveSpeakers(ctx, liveID, nil)
	require.NoError(t, err)
	require.Equal(t, []string{jane.SpotMemberID, "member-grace"}, memberIDs(speakers.Items))
	everyone, err := s.client.ListLiveParticipants(ctx, liveID, nil)
	require.NoError(t, err)
	require.Equal(t, []string{jane.SpotMemberID, "member-grace", "member-tim"}, memberIDs(everyone.Items))

	_, err = s.client.InviteLiveSpeaker(ctx, liveID, meltingspot.InviteLiveSpeakerRequest{Member: meltingspot.SpeakerMember{String: ptr("nobody")}})
	require.Equal(t, 400, statusOf(t, err))
	_, err = s.client.InviteLiveSpeaker(ctx, "live-404", meltingspot.InviteLiveSpeakerRequest{Member: meltingspot.SpeakerMember{String: ptr("member-ada")}})
	require.Equal(t, 404, statusOf(t, err))
	_, err = s.client.ListLiveSpeakers(ctx, "live-404", nil)
	require.Equal(t, 404, statusOf(t, err))
	_, err = s.client.ListLiveParticipants(ctx, "live-404", nil)
	require.Equal(t, 404, statusOf(t, err))
}

// A bulk invitation answers the resulting participants, new and old, once
// each, in request order; an unknown id invites nobody; more members than
// the limit is 413, and the generated ...InChunks helper stays under it.
func TestBulkInviteLiveParticipants(t *testing.T) {
	s := start(t, livesim.Options{Seed: livesim.Demo, MaxBulkInvite: 3})
	ctx := context.Background()
	liveID := newLive(t, s)
	_, err := s.client.InviteLiveParticipant(ctx, liveID, meltingspot.InviteLiveParticipantRequest{Member: "member-alan"})
	require.NoError(t, err)

	ps, err := s.client.BulkInviteLiveParticipants(ctx, liveID, meltingspot.BulkInviteRequest{Members: meltingspot.BulkInviteMembers{
		SpotMemberIDs: []string{"member-ada", "member-alan"},
		Emails:        []string{"ada@example.com"},
	}})
	require.NoError(t, err)
	require.Equal(t, []string{"member-ada", "member-alan"}, memberIDs(ps), "ada named twice is one participant")
	for _, p := range ps {
		require.Equal(t, meltingspot.ParticipantStatusInvited, p.Status)
		require.Equal(t, meltingspot.ParticipantTypeParticipant, p.Type)
		require.Equal(t, ptr(now), p.InvitedAt)
	}

	_, err = s.client.BulkInviteLiveParticipants(ctx, liveID, meltingspot.BulkInviteRequest{Members: meltingspot.BulkInviteMembers{
		SpotMemberIDs: []string{"member-grace", "member-who", "member-what"},
	}})
	require.Equal(t, 400, statusOf(t, err))
	var apiErr *meltingspot.APIError
	require.ErrorAs(t, err, &apiErr)
	require.Contains(t, string(apiErr.RawBody), `"name":"/members/spotMemberIds/1"`)
	require.Contains(t, string(apiErr.RawBody), `"name":"/members/spotMemberIds/2"`)

	tooMany := meltingspot.BulkInviteRequest{Members: meltingspot.BulkInviteMembers{
		SpotMemberIDs: []string{"member-grace", "member-tim"},
		Emails:        []string{"x1@example.com", "x2@example.com"},
	}}
	_, err = s.client.BulkInviteLiveParticipants(ctx, liveID, tooMany)
	require.Equal(t, 413, statusOf(t, err))
	list, err := s.client.ListLiveParticipants(ctx, liveID, nil)
	require.NoError(t, err)
	require.Equal(t, []string{"member-alan", "member-ada"}, memberIDs(list.Items), "neither the 400 nor the 413 invited anyone")

	ps, err = s.client.BulkInviteLiveParticipantsInChunks(ctx, liveID, tooMany, 3)
	require.NoError(t, err)
	require.Len(t, ps, 4)
	list, err = s.client.ListLiveParticipants(ctx, liveID, nil)
	require.NoError(t, err)
	require.Equal(t, 6, list.Total)

	_, err = s.client.BulkInviteLiveParticipants(ctx, "live-404", meltingspot.BulkInviteRequest{Members: meltingspot.BulkInviteMembers{SpotMemberIDs: []string{"member-ada"}}})
	require.Equal(t, 404, statusOf(t, err))
}

// Bulk speaker invitations work like bulk participant ones.
func TestBulkInviteLiveSpeakers(t *testing.T) {
	s := start(t, livesim.Options{Seed: livesim.Demo, MaxBulkInvite: 2})
	ctx := context.Background()
	liveID := newLive(t, s)

	ps, err := s.client.BulkInviteLiveSpeakers(ctx, liveID, meltingspot.BulkInviteLiveSpeakersRequest{SpotMemberIDs: []string{"member-ada", "member-ada"}, Highlighted: ptr(true)})
	require.NoError(t, err)
	require.Len(t, ps, 1)
	require.Equal(t, meltingspot.ParticipantTypeSpeaker, ps[0].Type)
	require.True(t, ps[0].IsHighlighted)

	_, err = s.client.BulkInviteLiveSpeakers(ctx, liveID, meltingspot.BulkInviteLiveSpeakersRequest{SpotMemberIDs: []string{"member-ada", "member-tim", "member-alan"}})
	require.Equal(t, 413, statusOf(t, err))
	ps, err = s.client.BulkInviteLiveSpeakersInChunks(ctx, liveID, meltingspot.BulkInviteLiveSpeakersRequest{SpotMemberIDs: []string{"member-ada", "member-tim", "member-alan"}}, 2)
	require.NoError(t, err)
	require.Equal(t, []string{"member-ada", "member-tim", "member-alan"}, memberIDs(ps))
	require.True(t, ps[0].IsHighlighted, "ada was invited before, highlighted")
	require.False(t, ps[1].IsHighlighted)

	_, err = s.client.BulkInviteLiveSpeakers(ctx, liveID, meltingspot.BulkInviteLiveSpeakersRequest{SpotMemberIDs: []string{"nobody"}})
	require.Equal(t, 400, statusOf(t, err))
	_, err = s.client.BulkInviteLiveSpeakers(ctx, "live-404", meltingspot.BulkInviteLiveSpeakersRequest{SpotMemberIDs: []string{"member-ada"}})
	require.Equal(t, 404, statusOf(t, err))

	speakers, err := s.client.ListLiveSpeakers(ctx, liveID, nil)
	require.NoError(t, err)
	require.Equal(t, 3, speakers.Total)
}

// Every bracket filter of the participant and speaker lists selects what
// its documentation says, on the demo's first Live: Grace speaks; Ada and
// Alan attended, Alan also replayed; Katherine registered and did not come;
// Tim declined; Linus never answered but watched the replay.
func TestParticipantFilters(t *testing.T) {
	s := demo(t)
	f := meltingspot.ListLiveParticipantsFilter{}
	cases := []struct {
		name   string
		filter meltingspot.ListLiveParticipantsFilter
		want   []string
	}{
		{"none", f, []string{"member-grace", "member-ada", "member-alan", "member-katherine", "member-tim", "member-linus"}},
		{"firstname eq", f.FirstnameEq("Ada"), []string{"member-ada"}},
		{"firstname contains", f.FirstnameContains("A"), []string{"member-grace", "member-ada", "member-alan", "member-katherine"}},
		{"lastname eq", f.LastnameEq("Turing"), []string{"member-alan"}},
		{"lastname contains", f.LastnameContains("O"), []string{"member-grace", "member-ada", "member-katherine", "member-linus"}},
		{"email eq", f.EmailEq("tim@example.com"), []string{"member-tim"}},
		{"email contains", f.EmailContains("AL"), []string{"member-alan"}},
		{"type", f.TypeEq(meltingspot.ParticipantTypeSpeaker), []string{"member-grace"}},
		{"status accepted", f.StatusEq(meltingspot.ParticipantStatusAccepted), []string{"member-ada", "member-alan", "member-katherine"}},
		{"status declined", f.StatusEq(meltingspot.ParticipantStatusDeclined), []string{"member-tim"}},
		{"status invited", f.StatusEq(meltingspot.ParticipantStatusInvited), []string{"member-grace", "member-linus"}},
		{"hasReplayed true", f.HasReplayedEq(true), []string{"member-alan", "member-linus"}},
		{"hasReplayed false", f.HasReplayedEq(false), []string{"member-ada", "member-katherine"}},
		{"hasParticipated true", f.HasParticipatedEq(true), []string{"member-ada", "member-alan"}},
		{"hasParticipated false", f.HasParticipatedEq(false), []string{"member-katherine", "member-linus"}},
		{"every condition holds", f.StatusEq(meltingspot.ParticipantStatusAccepted).HasReplayedEq(false).FirstnameContains("k"), []string{"member-katherine"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			list, err := s.client.ListLiveParticipants(context.Background(), "live-1", &meltingspot.ListLiveParticipantsParams{Filter: tc.filter})
			require.NoError(t, err)
			require.Equal(t, tc.want, memberIDs(list.Items))
			require.Equal(t, len(tc.want), list.Total)
		})
	}

	g := meltingspot.ListLiveSpeakersFilter{}
	speakerCases := []struct {
		filter meltingspot.ListLiveSpeakersFilter
		want   []string
	}{
		{g, []string{"member-margaret", "member-barbara"}},
		{g.FirstnameContains("bar"), []string{"member-barbara"}},
		{g.FirstnameEq("Margaret"), []string{"member-margaret"}},
		{g.LastnameEq("Liskov"), []string{"member-barbara"}},
		{g.LastnameContains("HAM"), []string{"member-margaret"}},
		{g.EmailEq("barbara@example.com"), []string{"member-barbara"}},
		{g.EmailContains("MARG"), []string{"member-margaret"}},
		{g.StatusEq(meltingspot.ParticipantStatusInvited), []string{"member-margaret", "member-barbara"}},
		{g.StatusEq(meltingspot.ParticipantStatusAccepted), []string{}},
		{g.HasReplayedEq(true), []string{}},
		{g.HasParticipatedEq(false), []string{}},
	}
	for i, tc := range speakerCases {
		list, err := s.client.ListLiveSpeakers(context.Background(), "live-2", &meltingspot.ListLiveSpeakersParams{Filter: tc.filter})
		require.NoError(t, err)
		require.Equal(t, tc.want, memberIDs(list.Items), "speaker case %d", i)
	}
}

// Participants page like Lives, and the generated iterator walks them.
func TestParticipantPagination(t *testing.T) {
	s := start(t, livesim.Options{})
	ctx := context.Background()
	liveID := newLive(t, s)
	var emails []string
	for i := range 25 {
		emails = append(emails, fmt.Sprintf("guest%02d@example.com", i))
	}
	_, err := s.client.BulkInviteLiveParticipants(ctx, liveID, meltingspot.BulkInviteRequest{Members: meltingspot.BulkInviteMembers{Emails: emails}})
	require.NoError(t, err)

	second, err := s.client.ListLiveParticipants(ctx, liveID, &meltingspot.ListLiveParticipantsParams{Page: ptr(2)})
	require.NoError(t, err)
	require.Equal(t, 25, second.Total)
	require.Len(t, second.Items, 5, "the default limit is 20")
	require.Equal(t, "guest20@example.com", second.Items[0].SpotMemberEmail)

	var walked []string
	for p, err := range s.client.ListLiveParticipantsAll(ctx, liveID, &meltingspot.ListLiveParticipantsParams{Limit: ptr(4), Filter: meltingspot.ListLiveParticipantsFilter{}.EmailContains("guest1")}) {
		require.NoError(t, err)
		walked = append(walked, p.SpotMemberEmail)
	}
	require.Len(t, walked, 10)
	require.Equal(t, "guest10@example.com", walked[0])
	require.Equal(t, "guest19@example.com", walked[9])

	var speakers int
	for _, err := range s.client.ListLiveSpeakersAll(ctx, liveID, &meltingspot.ListLiveSpeakersParams{Limit: ptr(4)}) {
		require.NoError(t, err)
		speakers++
	}
	require.Zero(t, speakers)
}

// Respond and Attend play out what the API has no operation for, and the
// Live's metrics follow.
func TestRespondAndAttend(t *testing.T) {
	s := start(t, livesim.Options{})
	ctx := context.Background()
	store := s.Store()
	require.NoError(t, store.AddMember(livesim.Member{ID: "m1", Email: "m1@example.com", FirstName: "One"}))
	require.NoError(t, store.AddMember(livesim.Member{ID: "m2", Email: "m2@example.com"}))
	require.Error(t, store.AddMember(livesim.Member{ID: "m1", Email: "other@example.com"}), "ids are unique")
	require.Error(t, store.AddMember(livesim.Member{ID: "m3", Email: "M1@example.com"}), "emails are unique")
	require.Error(t, store.AddMember(livesim.Member{ID: "m4", Email: "nope"}))
	liveID := newLive(t, s)
	_, err := s.client.BulkInviteLiveParticipants(ctx, liveID, meltingspot.BulkInviteRequest{Members: meltingspot.BulkInviteMembers{SpotMemberIDs: []string{"m1", "m2"}}})
	require.NoError(t, err)

	registered := now.Add(-time.Minute)
	require.NoError(t, store.Respond(liveID, "m1", meltingspot.ParticipantStatusAccepted, registered))
	require.NoError(t, store.Attend(liveID, "m1", 120, true))
	require.NoError(t, store.Attend(liveID, "m2", 60, false))
	var nf *livesim.NotFoundError
	require.ErrorAs(t, store.Respond(liveID, "m9", meltingspot.ParticipantStatusAccepted, now), &nf)
	require.ErrorAs(t, store.Attend("live-404", "m1", 1, false), &nf)
	require.Error(t, store.Respond(liveID, "m1", "Maybe", now))

	list, err := s.client.ListLiveParticipants(ctx, liveID, nil)
	require.NoError(t, err)
	m1, m2 := list.Items[0], list.Items[1]
	require.Equal(t, meltingspot.ParticipantStatusAccepted, m1.Status)
	require.Equal(t, ptr(registered), m1.RegisteredAt)
	require.Equal(t, meltingspot.ParticipantMetrics{ViewTime: ptr(120), HasReplayed: ptr(true), HasParticipated: ptr(true)}, m1.Metrics)
	require.Equal(t, ptr("One"), m1.SpotMemberFirstname)
	require.Nil(t, m2.SpotMemberFirstname)
	require.Equal(t, meltingspot.ParticipantStatusAccepted, m2.Status, "attending registers")

	live, err := s.client.GetLive(ctx, liveID)
	require.NoError(t, err)
	m := live.Metrics
	require.Equal(t, []int{2, 2, 2, 0, 100, 90, 1},
		[]int{*m.Invited, *m.Registrant, *m.Attendee, *m.NoShow, *m.AttendanceRate, *m.AverageViewTime, *m.TotalReplayView})
}
