package livesim

import (
	"fmt"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/seed-0d47db62/livegen/generated/meltingspot"
)

// Store holds the Spot behind a Sim: its member directory, groups, channels
// and Lives with their participants. It is safe for concurrent use: one lock
// guards it all, so that each operation sees and leaves a consistent state
// (two clients inviting the same member create one participant).
type Store struct {
	mu  sync.RWMutex
	now func() time.Time
	// seq numbers the ids the store makes, per prefix.
	seq map[string]int

	members       map[string]*member
	memberByEmail map[string]*member // by lower-case email

	groups    map[string]Group
	channels  map[string]*channel
	lives     map[string]*live
	liveOrder []string // creation order
	// usedIDs holds every id given or made, so that none is used twice.
	usedIDs map[string]bool
}

// Member is a Spot member of the directory that invitations resolve.
type Member struct {
	// ID is the Spot member id that invitations may name.
	ID string
	// Email is unique among members, compared without regard to case.
	Email string
	// FirstName and LastName are the member's names; empty is null in answers.
	FirstName, LastName string
}

// Group is a group of Spot members, which Lives and channels link.
type Group struct {
	ID, Name, Description, Emoji, Icon string
}

// Channel is a discussion channel; the API only links groups to channels.
type Channel struct {
	ID, Name string
}

// NotFoundError says that the Live, group, channel or participant a request
// names does not exist.
type NotFoundError struct {
	// Kind is "live", "group", "channel" or "participant".
	Kind string
	ID   string
}

// Error says what was not found.
func (e *NotFoundError) Error() string {
	return fmt.Sprintf("%s %q not found", e.Kind, e.ID)
}

// member is a Member as stored; names are nil when unknown.
type member struct {
	id, email           string
	firstName, lastName *string
}

// channel is a Channel with the groups linked to it, in link order.
type channel struct {
	Channel
	groups []string
}

// SpotID is the spotId of every Live a Store holds.
const SpotID = "spot-livesim"

// newStore returns an empty store on the clock now.
func newStore(now func() time.Time) *Store {
	return &Store{
		now:           now,
		seq:           map[string]int{},
		members:       map[string]*member{},
		memberByEmail: map[string]*member{},
		groups:        map[string]Group{},
		channels:      map[string]*channel{},
		lives:         map[string]*live{},
		usedIDs:       map[string]bool{},
	}
}

// clock is the store's current time, in UTC to the millisecond as the API
// writes dates.
func (s *Store) clock() time.Time {
	return s.now().UTC().Truncate(time.Millisecond)
}

// newID returns an unused id such as "live-3"; ids given by AddMember and
// the like are never reused.
func (s *Store) newID(prefix string) string {
	for {
		s.seq[prefix]++
		id := prefix + "-" + strconv.Itoa(s.seq[prefix])
		if !s.usedIDs[id] {
			s.usedIDs[id] = true
			return id
		}
	}
}

// claimID reserves an id given from outside; it fails when the id is taken.
func (s *Store) claimID(kind, id string) error {
	if strings.TrimSpace(id) == "" {
		return fmt.Errorf("livesim: a %s needs an id", kind)
	}
	if s.usedIDs[id] {
		return fmt.Errorf("livesim: %s id %q is already used", kind, id)
	}
	s.usedIDs[id] = true
	return nil
}

// AddMember adds a Spot member to the directory, so that invitations can
// name it by id or by email.
func (s *Store) AddMember(m Member) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !isEmail(m.Email) {
		return fmt.Errorf("livesim: member %q: email %q is not an email address", m.ID, m.Email)
	}
	if s.memberByEmail[strings.ToLower(m.Email)] != nil {
		return fmt.Errorf("livesim: member %q: another member has the email %q", m.ID, m.Email)
	}
	if err := s.claimID("member", m.ID); err != nil {
		return err
	}
	s.putMember(&member{id: m.ID, email: m.Email, firstName: optional(m.FirstName), lastName: optional(m.LastName)})
	return nil
}

// putMember indexes a new member by id and email.
func (s *Store) putMember(m *member) {
	s.members[m.id] = m
	s.memberByEmail[strings.ToLower(m.email)] = m
}

// AddGroup adds a group that Lives and channels can link.
func (s *Store) AddGroup(g Group) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.claimID("group", g.ID); err != nil {
		return err
	}
	s.groups[g.ID] = g
	return nil
}

// AddChannel adds a channel that groups can be linked to.
func (s *Store) AddChannel(c Channel) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.claimID("channel", c.ID); err != nil {
		return err
	}
	s.channels[c.ID] = &channel{Channel: c}
	return nil
}

// ChannelGroups returns the ids of the groups linked to a channel, in link
// order.
func (s *Store) ChannelGroups(channelID string) ([]string, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	c, ok := s.channels[channelID]
	if !ok {
		return nil, &NotFoundError{Kind: "channel", ID: channelID}
	}
	return append([]string{}, c.groups...), nil
}

// liveByID returns a Live or a NotFoundError; the caller holds the lock.
func (s *Store) liveByID(id string) (*live, error) {
	l, ok := s.lives[id]
	if !ok {
		return nil, &NotFoundError{Kind: "live", ID: id}
	}
	return l, nil
}

// unknownGroups returns a NotFoundError for the first id that names no
// group, or nil; the caller holds the lock.
func (s *Store) unknownGroups(ids []string) error {
	for _, id := range ids {
		if _, ok := s.groups[id]; !ok {
			return &NotFoundError{Kind: "group", ID: id}
		}
	}
	return nil
}

// problems collects what is wrong with a request body, as the handler's
// own 400 answers list it.
type problems []meltingspot.Problem

// add records a problem at a JSON pointer into the body.
func (p *problems) add(pointer, problem string) {
	*p = append(*p, meltingspot.Problem{In: "body", Name: pointer, Problem: problem})
}

// err is a *meltingspot.ValidationError, or nil without problems.
func (p problems) err() error {
	if len(p) == 0 {
		return nil
	}
	return &meltingspot.ValidationError{Problems: p}
}

// optional is nil for "" and a pointer to s otherwise.
func optional(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}
