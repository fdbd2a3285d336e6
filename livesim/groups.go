package livesim

import (
	"slices"

	"github.com/seed-0d47db62/livegen/generated/meltingspot"
)

// listGroups returns the groups linked to a Live, in link order.
func (s *Store) listGroups(liveID string) ([]meltingspot.Group, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	l, err := s.liveByID(liveID)
	if err != nil {
		return nil, err
	}
	out := make([]meltingspot.Group, 0, len(l.groups))
	for _, id := range l.groups {
		out = append(out, renderGroup(s.groups[id]))
	}
	return out, nil
}

// linkGroups links groups to a Live; a group already linked stays where it
// is. An unknown group is a NotFoundError and links nothing.
func (s *Store) linkGroups(liveID string, groupIDs []string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	l, err := s.liveByID(liveID)
	if err != nil {
		return err
	}
	if err := s.unknownGroups(groupIDs); err != nil {
		return err
	}
	l.groups = appendNew(l.groups, groupIDs)
	return nil
}

// unlinkGroups removes the links between groups and a Live; a known group
// that is not linked is no error. An unknown group is a NotFoundError and
// unlinks nothing.
func (s *Store) unlinkGroups(liveID string, groupIDs []string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	l, err := s.liveByID(liveID)
	if err != nil {
		return err
	}
	if err := s.unknownGroups(groupIDs); err != nil {
		return err
	}
	l.groups = slices.DeleteFunc(l.groups, func(id string) bool { return slices.Contains(groupIDs, id) })
	return nil
}

// linkChannelGroups links groups to a channel, as linkLiveGroups does to a
// Live.
func (s *Store) linkChannelGroups(channelID string, groupIDs []string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	c, ok := s.channels[channelID]
	if !ok {
		return &NotFoundError{Kind: "channel", ID: channelID}
	}
	if err := s.unknownGroups(groupIDs); err != nil {
		return err
	}
	c.groups = appendNew(c.groups, groupIDs)
	return nil
}

// appendNew appends the ids that list does not hold yet, once each.
func appendNew(list, ids []string) []string {
	for _, id := range ids {
		if !slices.Contains(list, id) {
			list = append(list, id)
		}
	}
	return list
}

// renderGroup is a group as the API answers it; empty fields are left out.
func renderGroup(g Group) meltingspot.Group {
	return meltingspot.Group{
		ID:          optional(g.ID),
		Name:        optional(g.Name),
		Description: optional(g.Description),
		Emoji:       optional(g.Emoji),
		Icon:        optional(g.Icon),
	}
}
