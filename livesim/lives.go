package livesim

import (
	"slices"
	"strings"
	"time"

	"github.com/seed-0d47db62/livegen/generated/meltingspot"
)

// live is a Live as stored: its settings and what is linked to it.
type live struct {
	id        string
	createdAt time.Time
	settings  settings
	// groups are the linked group ids, in link order.
	groups []string
	// participants are in invitation order; byMember indexes them.
	participants []*participant
	byMember     map[string]*participant
}

// settings are what the create and update requests set.
type settings struct {
	title, markdown, hostID string
	start, end              time.Time
	solution                meltingspot.LiveSolution
	builtInType             *meltingspot.BuiltInType
	videoURL                *string
	chatVisibility          meltingspot.ChatVisibility
	participantsVisibility  meltingspot.ParticipantsVisibility
	visibility              meltingspot.Visibility
	participation           meltingspot.Participation
	record, recordAvailable bool
	replayVideoURL          *string
}

// maxUnix is 9999-12-31T23:59:59Z, the last second a date-time string can
// hold: a later date could not be answered.
const maxUnix = 253402300799

// createSettings reads a create request; defaults are the values the docs'
// examples show.
func createSettings(req meltingspot.CreateLiveRequest) (settings, error) {
	st := settings{
		hostID:                 req.SpotMemberHostID,
		solution:               req.Solution,
		chatVisibility:         meltingspot.ChatVisibilityDisplay,
		participantsVisibility: meltingspot.ParticipantsVisibilityDisplay,
		visibility:             meltingspot.VisibilityAnyOne,
		participation:          meltingspot.ParticipationAnySpotMembers,
	}
	if v, ok := req.BuiltInType.Get(); ok {
		st.builtInType = &v
	}
	if v, ok := req.VideoURL.Get(); ok {
		st.videoURL = &v
	}
	setIf(&st.record, req.Record)
	setSharedSettings(&st, sharedSettings{
		req.Description, req.ChatVisibility, req.ParticipantsVisibility, req.Visibility, req.Participation,
	})
	return st, checkSchedule(&st, req.Title, req.StartDate, req.EndDate)
}

// updateSettings applies an update request to old: the required fields are
// replaced, and each optional one only when the request has it.
func updateSettings(old settings, req meltingspot.UpdateLiveRequest) (settings, error) {
	st := old
	st.solution = req.Solution
	if req.BuiltInType != nil {
		st.builtInType = req.BuiltInType
	}
	if req.VideoURL != nil {
		st.videoURL = req.VideoURL
	}
	if v, ok := req.ReplayVideoURL.Get(); ok {
		st.replayVideoURL = &v
	} else if req.ReplayVideoURL.IsNull() {
		st.replayVideoURL = nil
	}
	setIf(&st.record, req.Record)
	setIf(&st.recordAvailable, req.RecordAvailable)
	setSharedSettings(&st, sharedSettings{
		req.Description, req.ChatVisibility, req.ParticipantsVisibility, req.Visibility, req.Participation,
	})
	return st, checkSchedule(&st, req.Title, req.StartDate, req.EndDate)
}

// sharedSettings are the optional fields that create and update share.
type sharedSettings struct {
	description            *string
	chatVisibility         *meltingspot.ChatVisibility
	participantsVisibility *meltingspot.ParticipantsVisibility
	visibility             *meltingspot.Visibility
	participation          *meltingspot.Participation
}

// setSharedSettings sets the fields that the request has.
func setSharedSettings(st *settings, sh sharedSettings) {
	setIf(&st.markdown, sh.description)
	setIf(&st.chatVisibility, sh.chatVisibility)
	setIf(&st.participantsVisibility, sh.participantsVisibility)
	setIf(&st.visibility, sh.visibility)
	setIf(&st.participation, sh.participation)
}

// setIf sets *dst to *v when v is not nil.
func setIf[T any](dst *T, v *T) {
	if v != nil {
		*dst = *v
	}
}

// checkSchedule sets the title and dates, and reports a blank title, a date
// that cannot be written, and an end before the start.
func checkSchedule(st *settings, title string, start, end int64) error {
	var p problems
	if strings.TrimSpace(title) == "" {
		p.add("/title", "must not be blank")
	}
	for _, d := range []struct {
		name string
		unix int64
	}{{"/startDate", start}, {"/endDate", end}} {
		if d.unix < 0 || d.unix > maxUnix {
			p.add(d.name, "must be a Unix time in seconds between 0 and 253402300799 (year 9999)")
		}
	}
	if end < start {
		p.add("/endDate", "must not be before startDate")
	}
	st.title, st.start, st.end = title, time.Unix(start, 0).UTC(), time.Unix(end, 0).UTC()
	return p.err()
}

// createLive stores a new Live and returns it.
func (s *Store) createLive(req meltingspot.CreateLiveRequest) (meltingspot.Live, error) {
	st, err := createSettings(req)
	if err != nil {
		return meltingspot.Live{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	l := &live{id: s.newID("live"), createdAt: s.clock(), settings: st, byMember: map[string]*participant{}}
	s.lives[l.id] = l
	s.liveOrder = append(s.liveOrder, l.id)
	return s.render(l), nil
}

// getLive returns a Live.
func (s *Store) getLive(id string) (meltingspot.Live, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	l, err := s.liveByID(id)
	if err != nil {
		return meltingspot.Live{}, err
	}
	return s.render(l), nil
}

// updateLive applies an update request to a Live and returns it.
func (s *Store) updateLive(id string, req meltingspot.UpdateLiveRequest) (meltingspot.Live, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	l, err := s.liveByID(id)
	if err != nil {
		return meltingspot.Live{}, err
	}
	st, err := updateSettings(l.settings, req)
	if err != nil {
		return meltingspot.Live{}, err
	}
	l.settings = st
	return s.render(l), nil
}

// deleteLive removes a Live with its participants and group links.
func (s *Store) deleteLive(id string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, err := s.liveByID(id); err != nil {
		return err
	}
	delete(s.lives, id)
	s.liveOrder = slices.DeleteFunc(s.liveOrder, func(x string) bool { return x == id })
	return nil
}

// listLives returns the Lives that match, in creation order.
func (s *Store) listLives(match func(meltingspot.Live) bool) []meltingspot.Live {
	s.mu.RLock()
	defer s.mu.RUnlock()
	var out []meltingspot.Live
	for _, id := range s.liveOrder {
		if v := s.render(s.lives[id]); match(v) {
			out = append(out, v)
		}
	}
	return out
}

// render is a Live as the API answers it, at the store's current time.
func (s *Store) render(l *live) meltingspot.Live {
	st, now := l.settings, s.clock()
	id, createdAt, spotID := l.id, l.createdAt, SpotID
	status := statusAt(st, now)
	computed := status
	metrics := liveMetrics(l.participants, status == meltingspot.LiveStatusEnded)
	v := meltingspot.Live{
		ID:             &id,
		Title:          &st.title,
		StartDate:      &st.start,
		EndDate:        &st.end,
		Metrics:        &metrics,
		Description:    richText(st.markdown),
		Status:         &status,
		ComputedStatus: &computed,
		Solution:       &st.solution,
		Privacy:        &meltingspot.Privacy{Visibility: &st.visibility, Participation: &st.participation},
		Config:         &meltingspot.LiveConfig{ChatVisibility: &st.chatVisibility, ParticipantsVisibility: &st.participantsVisibility},
		BuiltInType:    nullable(st.builtInType),
		VideoURL:       nullable(st.videoURL),
		CreatedAt:      &createdAt,
		SpotID:         &spotID,
		BuiltInConfig:  builtInConfig(l.id, st, status),
	}
	return v
}

// statusAt follows the dates: Scheduled before the start, Live until the
// end, Ended after. The docs do not say how status and computedStatus
// differ; both are this.
func statusAt(st settings, now time.Time) meltingspot.LiveStatus {
	switch {
	case now.Before(st.start):
		return meltingspot.LiveStatusScheduled
	case now.Before(st.end):
		return meltingspot.LiveStatusLive
	default:
		return meltingspot.LiveStatusEnded
	}
}

// builtInConfig is the recording part of a Live: replay[eq] filters on its
// recordAvailable. A recorded BuiltIn Live that has ended has a video (the
// others are hosted by their solution); its URL points nowhere real.
func builtInConfig(id string, st settings, status meltingspot.LiveStatus) *meltingspot.BuiltInConfig {
	c := &meltingspot.BuiltInConfig{IsRecorded: &st.record, RecordAvailable: &st.recordAvailable}
	c.ReplayVideo = meltingspot.Null[meltingspot.Video]()
	if st.replayVideoURL != nil {
		c.ReplayVideo = meltingspot.NewNullable(meltingspot.Video{URL: st.replayVideoURL})
	}
	if st.record && st.solution == meltingspot.LiveSolutionBuiltIn && status == meltingspot.LiveStatusEnded {
		url, quality, encoding, at := "https://videos.livesim.invalid/"+id+"/index.m3u8", "1080p", meltingspot.VideoEncodingHls, st.end
		c.Videos = &meltingspot.Video{URL: &url, Quality: &quality, Encoding: &encoding, CreatedAt: &at}
	}
	return c
}

// liveMetrics computes a Live's metrics from its participants (see the
// package documentation); a Live without participants has only zeros.
func liveMetrics(ps []*participant, ended bool) meltingspot.LiveMetrics {
	var invited, registrant, attendee, replays, viewTime int
	for _, p := range ps {
		invited++
		if p.status == meltingspot.ParticipantStatusAccepted {
			registrant++
		}
		if isTrue(p.hasParticipated) {
			attendee++
			if p.viewTime != nil {
				viewTime += *p.viewTime
			}
		}
		if isTrue(p.hasReplayed) {
			replays++
		}
	}
	noShow, rate, average := 0, 0, 0
	if ended {
		noShow = max(registrant-attendee, 0)
	}
	if registrant > 0 {
		rate = attendee * 100 / registrant
	}
	if attendee > 0 {
		average = viewTime / attendee
	}
	return meltingspot.LiveMetrics{
		Invited: &invited, Registrant: &registrant, Attendee: &attendee, NoShow: &noShow,
		AttendanceRate: &rate, AverageViewTime: &average, TotalReplayView: &replays,
	}
}

// nullable is null for nil and the value otherwise.
func nullable[T any](v *T) meltingspot.Nullable[T] {
	if v == nil {
		return meltingspot.Null[T]()
	}
	return meltingspot.NewNullable(*v)
}

// isTrue reports whether b is set and true.
func isTrue(b *bool) bool {
	return b != nil && *b
}
