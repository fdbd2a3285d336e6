package livesim

import (
	"fmt"
	"net/mail"
	"strings"
	"time"

	"github.com/seed-0d47db62/livegen/generated/meltingspot"
)

// participant is a member's invitation to a Live, and what became of it.
type participant struct {
	id           string
	member       *member
	typ          meltingspot.ParticipantType
	status       meltingspot.ParticipantStatus
	invitedAt    time.Time
	registeredAt *time.Time
	highlighted  bool
	// viewTime, hasReplayed and hasParticipated stay null until Attend.
	viewTime                     *int
	hasReplayed, hasParticipated *bool
}

// invitee is a member as an invitation names it: by Spot member id, or by
// email with the names a new member gets.
type invitee struct {
	id, email           string
	firstName, lastName *string
	// pointer is where the request names the member, for a problem.
	pointer string
}

// role is what an invitation makes of a member.
type role struct {
	typ         meltingspot.ParticipantType
	highlighted bool
}

// byID names a member by Spot member id.
func byID(id, pointer string) invitee {
	return invitee{id: id, pointer: pointer}
}

// byEmail names a member by email; names are for a member that is new.
func byEmail(email, pointer string) invitee {
	return invitee{email: email, pointer: pointer}
}

// byIDOrEmail reads the member string of a participant invitation: an email
// address when it has an @, a Spot member id otherwise.
func byIDOrEmail(s, pointer string) invitee {
	if strings.Contains(s, "@") {
		return byEmail(s, pointer)
	}
	return byID(s, pointer)
}

// invite invites one member to a Live. It returns the participant and
// whether it is new; a member invited before keeps its invitation.
func (s *Store) invite(liveID string, who invitee, as role) (meltingspot.Participant, bool, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	l, err := s.liveByID(liveID)
	if err != nil {
		return meltingspot.Participant{}, false, err
	}
	if err := s.checkInvitees([]invitee{who}); err != nil {
		return meltingspot.Participant{}, false, err
	}
	p, created := s.inviteMember(l, s.resolve(who), as)
	return renderParticipant(l.id, p), created, nil
}

// inviteAll invites members to a Live and returns the resulting
// participants, new and old, once each, in the order of whos. When one of
// them cannot be invited, none is.
func (s *Store) inviteAll(liveID string, whos []invitee, as role) ([]meltingspot.Participant, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	l, err := s.liveByID(liveID)
	if err != nil {
		return nil, err
	}
	if err := s.checkInvitees(whos); err != nil {
		return nil, err
	}
	out := make([]meltingspot.Participant, 0, len(whos))
	seen := map[*participant]bool{}
	for _, who := range whos {
		p, _ := s.inviteMember(l, s.resolve(who), as)
		if !seen[p] {
			seen[p] = true
			out = append(out, renderParticipant(l.id, p))
		}
	}
	return out, nil
}

// checkInvitees reports every invitee that names no member and cannot make
// one: an unknown Spot member id or a malformed email address.
func (s *Store) checkInvitees(whos []invitee) error {
	var p problems
	for _, who := range whos {
		switch {
		case who.email != "" && !isEmail(who.email):
			p.add(who.pointer, fmt.Sprintf("%q is not an email address", who.email))
		case who.email == "" && s.members[who.id] == nil:
			p.add(who.pointer, fmt.Sprintf("no Spot member has the id %q; name a member by its id or by its email address", who.id))
		}
	}
	return p.err()
}

// resolve returns the member an invitee names, adding a member for an
// email the directory does not know; checkInvitees has passed.
func (s *Store) resolve(who invitee) *member {
	if who.email == "" {
		return s.members[who.id]
	}
	if m := s.memberByEmail[strings.ToLower(who.email)]; m != nil {
		return m
	}
	m := &member{id: s.newID("member"), email: who.email, firstName: who.firstName, lastName: who.lastName}
	s.putMember(m)
	return m
}

// inviteMember returns the member's participant in l, inviting the member
// when it has none.
func (s *Store) inviteMember(l *live, m *member, as role) (*participant, bool) {
	if p := l.byMember[m.id]; p != nil {
		return p, false
	}
	p := &participant{
		id:          s.newID("participant"),
		member:      m,
		typ:         as.typ,
		status:      meltingspot.ParticipantStatusInvited,
		invitedAt:   s.clock(),
		highlighted: as.highlighted,
	}
	l.participants = append(l.participants, p)
	l.byMember[m.id] = p
	return p, true
}

// listParticipants returns the participants of a Live that keep selects,
// in invitation order.
func (s *Store) listParticipants(liveID string, keep func(meltingspot.Participant) bool) ([]meltingspot.Participant, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	l, err := s.liveByID(liveID)
	if err != nil {
		return nil, err
	}
	var out []meltingspot.Participant
	for _, p := range l.participants {
		if v := renderParticipant(l.id, p); keep(v) {
			out = append(out, v)
		}
	}
	return out, nil
}

// Respond records a member's answer to its invitation to a Live, which the
// API has no operation for: Accepted registers it at at, Declined and
// Invited clear the registration.
func (s *Store) Respond(liveID, memberID string, status meltingspot.ParticipantStatus, at time.Time) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	p, err := s.participantOf(liveID, memberID)
	if err != nil {
		return err
	}
	if !status.Valid() {
		return fmt.Errorf("livesim: %q is not a participant status", status)
	}
	p.status, p.registeredAt = status, nil
	if status == meltingspot.ParticipantStatusAccepted {
		at = at.UTC()
		p.registeredAt = &at
	}
	return nil
}

// Attend records what a member watched of a Live: viewTime seconds live
// (it participated when viewTime > 0, which also registers it) and whether
// it saw the replay. It is what a Live's metrics are computed from.
func (s *Store) Attend(liveID, memberID string, viewTime int, replayed bool) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	p, err := s.participantOf(liveID, memberID)
	if err != nil {
		return err
	}
	participated := viewTime > 0
	p.viewTime, p.hasParticipated, p.hasReplayed = &viewTime, &participated, &replayed
	if participated && p.status != meltingspot.ParticipantStatusAccepted {
		at := p.invitedAt
		p.status, p.registeredAt = meltingspot.ParticipantStatusAccepted, &at
	}
	return nil
}

// participantOf returns a member's participant in a Live; the caller holds
// the lock.
func (s *Store) participantOf(liveID, memberID string) (*participant, error) {
	l, err := s.liveByID(liveID)
	if err != nil {
		return nil, err
	}
	p := l.byMember[memberID]
	if p == nil {
		return nil, &NotFoundError{Kind: "participant", ID: memberID}
	}
	return p, nil
}

// renderParticipant is a participant as the API answers it, with the
// member's current email and names.
func renderParticipant(liveID string, p *participant) meltingspot.Participant {
	invitedAt := p.invitedAt
	return meltingspot.Participant{
		ID:                  p.id,
		LiveID:              liveID,
		SpotMemberID:        p.member.id,
		SpotMemberEmail:     p.member.email,
		SpotMemberFirstname: clone(p.member.firstName),
		SpotMemberLastname:  clone(p.member.lastName),
		Status:              p.status,
		Type:                p.typ,
		InvitedAt:           &invitedAt,
		RegisteredAt:        clone(p.registeredAt),
		IsHighlighted:       p.highlighted,
		Metrics: meltingspot.ParticipantMetrics{
			ViewTime:        clone(p.viewTime),
			HasReplayed:     clone(p.hasReplayed),
			HasParticipated: clone(p.hasParticipated),
		},
	}
}

// isEmail reports whether s is a bare email address (no display name).
func isEmail(s string) bool {
	a, err := mail.ParseAddress(s)
	return err == nil && a.Address == s
}

// clone returns a pointer to a copy of *v, or nil, so that answers never
// share memory with the store.
func clone[T any](v *T) *T {
	if v == nil {
		return nil
	}
	c := *v
	return &c
}
