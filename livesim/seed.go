package livesim

import (
	"errors"
	"time"

	"github.com/seed-0d47db62/livegen/generated/meltingspot"
)

// Demo seeds what a newcomer needs to see data at once: eight members, three
// groups, two channels and five Lives around the current time (two ended
// with attendance and replays, one live now, two scheduled), with
// participants, speakers and linked groups. Its ids are stable: "live-1" to
// "live-5", "member-ada" and so on, "group-customers", "channel-general".
func Demo(s *Store) error {
	var errs []error
	for _, m := range demoMembers {
		errs = append(errs, s.AddMember(m))
	}
	for _, g := range demoGroups {
		errs = append(errs, s.AddGroup(g))
	}
	for _, c := range demoChannels {
		errs = append(errs, s.AddChannel(c))
	}
	hour := s.clock().Truncate(time.Hour)
	for _, l := range demoLives {
		errs = append(errs, seedLive(s, hour, l))
	}
	return errors.Join(errs...)
}

var demoMembers = []Member{
	{ID: "member-ada", Email: "ada@example.com", FirstName: "Ada", LastName: "Lovelace"},
	{ID: "member-grace", Email: "grace@example.com", FirstName: "Grace", LastName: "Hopper"},
	{ID: "member-alan", Email: "alan@example.com", FirstName: "Alan", LastName: "Turing"},
	{ID: "member-katherine", Email: "katherine@example.com", FirstName: "Katherine", LastName: "Johnson"},
	{ID: "member-margaret", Email: "margaret@example.com", FirstName: "Margaret", LastName: "Hamilton"},
	{ID: "member-barbara", Email: "barbara@example.com", FirstName: "Barbara", LastName: "Liskov"},
	{ID: "member-tim", Email: "tim@example.com", FirstName: "Tim", LastName: "Berners-Lee"},
	{ID: "member-linus", Email: "linus@example.com", FirstName: "Linus", LastName: "Torvalds"},
}

var demoGroups = []Group{
	{ID: "group-customers", Name: "Customers", Description: "Every paying customer", Emoji: "💼"},
	{ID: "group-partners", Name: "Partners", Description: "Agencies and integrators", Emoji: "🤝"},
	{ID: "group-team", Name: "Team", Description: "The people who run the Spot", Emoji: "🧡", Icon: "https://example.com/icons/team.png"},
}

var demoChannels = []Channel{
	{ID: "channel-general", Name: "General"},
	{ID: "channel-announcements", Name: "Announcements"},
}

// demoLive is a Live of the demo: its request, its dates as offsets from
// the hour of seeding, and who takes part.
type demoLive struct {
	req        meltingspot.CreateLiveRequest
	start, end time.Duration
	update     *meltingspot.UpdateLiveRequest
	groups     []string
	speakers   []string
	guests     []demoGuest
}

// demoGuest is an invited participant and what it did: registered (Accepted
// or Declined), watched viewTime seconds, replayed.
type demoGuest struct {
	member   string
	status   meltingspot.ParticipantStatus
	viewTime int
	replayed bool
}

// seedLive creates one demo Live through the same paths as the API.
func seedLive(s *Store, hour time.Time, d demoLive) error {
	d.req.StartDate, d.req.EndDate = hour.Add(d.start).Unix(), hour.Add(d.end).Unix()
	live, err := s.createLive(d.req)
	if err != nil {
		return err
	}
	id := *live.ID
	if d.update != nil {
		d.update.StartDate, d.update.EndDate = d.req.StartDate, d.req.EndDate
		if _, err := s.updateLive(id, *d.update); err != nil {
			return err
		}
	}
	errs := []error{s.linkGroups(id, d.groups)}
	_, err = s.inviteAll(id, invitees(d.speakers, "", byID), role{typ: meltingspot.ParticipantTypeSpeaker, highlighted: true})
	errs = append(errs, err)
	for _, g := range d.guests {
		errs = append(errs, seedGuest(s, id, hour.Add(d.start), g))
	}
	return errors.Join(errs...)
}

// seedGuest invites a participant and plays out what it did: it answered
// the day before the start (or now, if that is earlier), and once the Live
// has started, a registered guest or one who replayed has metrics.
func seedGuest(s *Store, liveID string, start time.Time, g demoGuest) error {
	if _, _, err := s.invite(liveID, byID(g.member, ""), role{typ: meltingspot.ParticipantTypeParticipant}); err != nil {
		return err
	}
	now, answered := s.clock(), start.Add(-day)
	if answered.After(now) {
		answered = now
	}
	if g.status != meltingspot.ParticipantStatusInvited {
		if err := s.Respond(liveID, g.member, g.status, answered); err != nil {
			return err
		}
	}
	started := start.Before(now)
	if started && (g.status == meltingspot.ParticipantStatusAccepted || g.replayed) {
		return s.Attend(liveID, g.member, g.viewTime, g.replayed)
	}
	return nil
}

// Pointers for the demo's requests.
func ptr[T any](v T) *T { return &v }

const day = 24 * time.Hour

var demoLives = []demoLive{
	{
		req: meltingspot.CreateLiveRequest{
			Title:            "Product launch: spring release",
			Description:      ptr("# Spring release\n\nWhat is new this season, **live** from the product team.\n\n- Faster lives\n- Bulk invitations\n- [Changelog](https://example.com/changelog)"),
			SpotMemberHostID: "member-grace",
			Solution:         meltingspot.LiveSolutionYoutube,
			VideoURL:         meltingspot.NewNullable("https://www.youtube.com/watch?v=livesim01"),
			Record:           ptr(true),
		},
		start: -7 * day, end: -7*day + time.Hour,
		update:   &meltingspot.UpdateLiveRequest{Title: "Product launch: spring release", Solution: meltingspot.LiveSolutionYoutube, RecordAvailable: ptr(true), ReplayVideoURL: meltingspot.NewNullable("https://www.youtube.com/watch?v=livesim01r")},
		groups:   []string{"group-customers", "group-partners"},
		speakers: []string{"member-grace"},
		guests: []demoGuest{
			{member: "member-ada", status: meltingspot.ParticipantStatusAccepted, viewTime: 3300},
			{member: "member-alan", status: meltingspot.ParticipantStatusAccepted, viewTime: 1800, replayed: true},
			{member: "member-katherine", status: meltingspot.ParticipantStatusAccepted},
			{member: "member-tim", status: meltingspot.ParticipantStatusDeclined},
			{member: "member-linus", status: meltingspot.ParticipantStatusInvited, replayed: true},
		},
	},
	{
		req: meltingspot.CreateLiveRequest{
			Title:            "Onboarding workshop for new members",
			Description:      ptr("A hands-on *workshop*: set up your profile, join channels and find your first live."),
			SpotMemberHostID: "member-margaret",
			Solution:         meltingspot.LiveSolutionBuiltIn,
			BuiltInType:      meltingspot.NewNullable(meltingspot.BuiltInTypeWorkshop),
			Record:           ptr(true),
		},
		start: -2 * day, end: -2*day + 90*time.Minute,
		groups:   []string{"group-team"},
		speakers: []string{"member-margaret", "member-barbara"},
		guests: []demoGuest{
			{member: "member-ada", status: meltingspot.ParticipantStatusAccepted, viewTime: 5000},
			{member: "member-tim", status: meltingspot.ParticipantStatusAccepted, viewTime: 4200},
			{member: "member-linus", status: meltingspot.ParticipantStatusAccepted},
		},
	},
	{
		req: meltingspot.CreateLiveRequest{
			Title:            "Monthly community AMA",
			Description:      ptr("Ask the team anything. Questions in the chat, answers on air."),
			SpotMemberHostID: "member-alan",
			Solution:         meltingspot.LiveSolutionVimeo,
			VideoURL:         meltingspot.NewNullable("https://vimeo.com/livesim03"),
		},
		start: -30 * time.Minute, end: 90 * time.Minute,
		groups:   []string{"group-customers"},
		speakers: []string{"member-alan"},
		guests: []demoGuest{
			{member: "member-katherine", status: meltingspot.ParticipantStatusAccepted, viewTime: 600},
			{member: "member-barbara", status: meltingspot.ParticipantStatusInvited},
		},
	},
	{
		req: meltingspot.CreateLiveRequest{
			Title:            "Roadmap webinar Q3",
			Description:      ptr("## Agenda\n\n1. Where we are\n2. What comes next\n3. Your questions"),
			SpotMemberHostID: "member-katherine",
			Solution:         meltingspot.LiveSolutionBuiltIn,
			BuiltInType:      meltingspot.NewNullable(meltingspot.BuiltInTypeWebinar),
			Record:           ptr(true),
		},
		start: 3 * day, end: 3*day + time.Hour,
		groups:   []string{"group-customers", "group-team"},
		speakers: []string{"member-katherine", "member-tim"},
		guests: []demoGuest{
			{member: "member-ada", status: meltingspot.ParticipantStatusAccepted},
			{member: "member-grace", status: meltingspot.ParticipantStatusInvited},
			{member: "member-linus", status: meltingspot.ParticipantStatusInvited},
		},
	},
	{
		req: meltingspot.CreateLiveRequest{
			Title:            "Customer stories: scaling a community",
			SpotMemberHostID: "member-barbara",
			Solution:         meltingspot.LiveSolutionYoutube,
		},
		start: 10 * day, end: 10*day + time.Hour,
	},
}
