package livesim_test

import (
	"context"
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/seed-0d47db62/livegen/generated/meltingspot"
	"github.com/seed-0d47db62/livegen/livesim"
)

// A Live is created from Unix timestamps and Markdown and answered with
// date-time strings, rich-text nodes and zero metrics; it can be read,
// updated, listed and deleted, and is then 404 everywhere.
func TestLiveLifecycle(t *testing.T) {
	s := start(t, livesim.Options{})
	ctx := context.Background()
	startAt, endAt := now.Add(48*time.Hour), now.Add(49*time.Hour)

	created, err := s.client.CreateLive(ctx, meltingspot.CreateLiveRequest{
		Title:            "Launch",
		Description:      ptr("Hello **world**"),
		SpotMemberHostID: "member-1",
		StartDate:        startAt.Unix(),
		EndDate:          endAt.Unix(),
		Solution:         meltingspot.LiveSolutionBuiltIn,
		BuiltInType:      meltingspot.NewNullable(meltingspot.BuiltInTypeWorkshop),
		Record:           ptr(true),
	})
	require.NoError(t, err)
	require.Equal(t, "live-1", *created.ID)
	require.Equal(t, "Launch", *created.Title)
	require.True(t, startAt.Equal(*created.StartDate))
	require.True(t, endAt.Equal(*created.EndDate))
	require.True(t, now.Equal(*created.CreatedAt))
	require.Equal(t, meltingspot.LiveStatusScheduled, *created.Status)
	require.Equal(t, meltingspot.LiveStatusScheduled, *created.ComputedStatus)
	zero := ptr(0)
	require.Equal(t, meltingspot.LiveMetrics{
		AttendanceRate: zero, Attendee: zero, AverageViewTime: zero, Invited: zero,
		NoShow: zero, Registrant: zero, TotalReplayView: zero,
	}, *created.Metrics)
	description, err := json.Marshal(created.Description)
	require.NoError(t, err)
	require.JSONEq(t, `[{"type":"p","children":[{"text":"Hello "},{"text":"world","bold":true}]}]`, string(description))
	require.Equal(t, meltingspot.BuiltInTypeWorkshop, mustGet(t, created.BuiltInType))
	require.True(t, created.VideoURL.IsNull())
	require.True(t, *created.BuiltInConfig.IsRecorded)
	require.False(t, *created.BuiltInConfig.RecordAvailable)
	require.Equal(t, livesim.SpotID, *created.SpotID)

	got, err := s.client.GetLive(ctx, "live-1")
	require.NoError(t, err)
	require.Equal(t, created, got)

	// Update replaces the required fields and the optional ones it has.
	updated, err := s.client.UpdateLive(ctx, "live-1", meltingspot.UpdateLiveRequest{
		Title:           "Launch (moved)",
		StartDate:       now.Add(-time.Hour).Unix(),
		EndDate:         now.Add(time.Hour).Unix(),
		Solution:        meltingspot.LiveSolutionYoutube,
		VideoURL:        ptr("https://www.youtube.com/watch?v=x"),
		RecordAvailable: ptr(true),
		ReplayVideoURL:  meltingspot.NewNullable("https://example.com/replay.m3u8"),
	})
	require.NoError(t, err)
	require.Equal(t, "Launch (moved)", *updated.Title)
	require.Equal(t, meltingspot.LiveStatusLive, *updated.Status, "the status follows the new dates")
	require.Equal(t, "https://www.youtube.com/watch?v=x", mustGet(t, updated.VideoURL))
	require.Equal(t, meltingspot.BuiltInTypeWorkshop, mustGet(t, updated.BuiltInType), "absent from the update, kept")
	require.Equal(t, created.Description, updated.Description, "absent from the update, kept")
	require.True(t, *updated.BuiltInConfig.RecordAvailable)
	require.Equal(t, "https://example.com/replay.m3u8", *mustGet(t, updated.BuiltInConfig.ReplayVideo).URL)

	list, err := s.client.ListLives(ctx, nil)
	require.NoError(t, err)
	require.Equal(t, 1, list.Total)
	require.Equal(t, []meltingspot.Live{*updated}, list.Items)

	require.NoError(t, s.client.DeleteLive(ctx, "live-1"))
	_, err = s.client.GetLive(ctx, "live-1")
	require.Equal(t, 404, statusOf(t, err))
	_, err = s.client.UpdateLive(ctx, "live-1", meltingspot.UpdateLiveRequest{Title: "x", Solution: meltingspot.LiveSolutionYoutube})
	require.Equal(t, 404, statusOf(t, err))
	require.Equal(t, 404, statusOf(t, s.client.DeleteLive(ctx, "live-1")))
	list, err = s.client.ListLives(ctx, nil)
	require.NoError(t, err)
	require.Equal(t, 0, list.Total)
	require.NotNil(t, list.Items, "an empty page is [], not null")
}

// A Live whose dates cannot be, or whose title is blank, is a 400 that
// names every problem.
func TestCreateLiveRejectsImpossibleSchedules(t *testing.T) {
	s := start(t, livesim.Options{})
	_, err := s.client.CreateLive(context.Background(), meltingspot.CreateLiveRequest{
		Title: " ", SpotMemberHostID: "m", StartDate: 200, EndDate: 100, Solution: meltingspot.LiveSolutionYoutube,
	})
	require.Equal(t, 400, statusOf(t, err))
	var apiErr *meltingspot.APIError
	require.ErrorAs(t, err, &apiErr)
	require.JSONEq(t, `{"message":"the request is invalid","problems":[
		{"in":"body","name":"/title","problem":"must not be blank"},
		{"in":"body","name":"/endDate","problem":"must not be before startDate"}]}`, string(apiErr.RawBody))

	_, err = s.client.CreateLive(context.Background(), meltingspot.CreateLiveRequest{
		Title: "Far future", SpotMemberHostID: "m", StartDate: 1, EndDate: 1 << 40, Solution: meltingspot.LiveSolutionYoutube,
	})
	require.Equal(t, 400, statusOf(t, err), "a date past year 9999 cannot be answered")
}

// Every bracket filter of listLives selects what its documentation says,
// on the demo's Lives (see Demo for their data).
func TestListLivesFilters(t *testing.T) {
	s := demo(t)
	f := meltingspot.ListLivesFilter{}
	cases := []struct {
		name   string
		filter meltingspot.ListLivesFilter
		want   []string
	}{
		{"none", f, []string{"live-1", "live-2", "live-3", "live-4", "live-5"}},
		{"title eq", f.TitleEq("Monthly community AMA"), []string{"live-3"}},
		{"title eq is exact", f.TitleEq("monthly community ama"), []string{}},
		{"title contains ignores case", f.TitleContains("WORKSHOP"), []string{"live-2"}},
		{"status ended", f.StatusEq(meltingspot.LiveStatusEnded), []string{"live-1", "live-2"}},
		{"status live", f.StatusEq(meltingspot.LiveStatusLive), []string{"live-3"}},
		{"status scheduled", f.StatusEq(meltingspot.LiveStatusScheduled), []string{"live-4", "live-5"}},
		{"startDate lt", f.StartDateLt(now), []string{"live-1", "live-2", "live-3"}},
		{"startDate lte", f.StartDateLte(now.Add(-48 * time.Hour)), []string{"live-1", "live-2"}},
		{"startDate gt", f.StartDateGt(now), []string{"live-4", "live-5"}},
		{"startDate gte", f.StartDateGte(now.Add(72 * time.Hour)), []string{"live-4", "live-5"}},
		{"startDate eq", f.StartDateEq(now.Add(-30 * time.Minute)), []string{"live-3"}},
		{"solution", f.SolutionEq(meltingspot.LiveSolutionBuiltIn), []string{"live-2", "live-4"}},
		{"replay true", f.ReplayEq(true), []string{"live-1"}},
		{"replay false", f.ReplayEq(false), []string{"live-2", "live-3", "live-4", "live-5"}},
		{"builtInType", f.BuiltInTypeEq(meltingspot.BuiltInTypeWebinar), []string{"live-4"}},
		{"averageViewTime gt", f.AverageViewTimeGt(1000), []string{"live-1", "live-2"}},
		{"averageViewTime lt", f.AverageViewTimeLt(1000), []string{"live-3", "live-4", "live-5"}},
		{"averageViewTime eq", f.AverageViewTimeEq(600), []string{"live-3"}},
		{"averageViewTime lte", f.AverageViewTimeLte(600), []string{"live-3", "live-4", "live-5"}},
		{"averageViewTime gte", f.AverageViewTimeGte(2550), []string{"live-1", "live-2"}},
		{"invited gte", f.InvitedGte(5), []string{"live-1", "live-2", "live-4"}},
		{"invited gt", f.InvitedGt(5), []string{"live-1"}},
		{"invited eq", f.InvitedEq(0), []string{"live-5"}},
		{"invited lt", f.InvitedLt(3), []string{"live-5"}},
		{"invited lte", f.InvitedLte(3), []string{"live-3", "live-5"}},
		{"registrant eq", f.RegistrantEq(3), []string{"live-1", "live-2"}},
		{"registrant gt", f.RegistrantGt(0), []string{"live-1", "live-2", "live-3", "live-4"}},
		{"registrant gte", f.RegistrantGte(1), []string{"live-1", "live-2", "live-3", "live-4"}},
		{"registrant lt", f.RegistrantLt(1), []string{"live-5"}},
		{"registrant lte", f.RegistrantLte(1), []string{"live-3", "live-4", "live-5"}},
		{"attendee gte", f.AttendeeGte(1), []string{"live-1", "live-2", "live-3"}},
		{"attendee eq", f.AttendeeEq(2), []string{"live-1", "live-2"}},
		{"attendee gt", f.AttendeeGt(1), []string{"live-1", "live-2"}},
		{"attendee lt", f.AttendeeLt(1), []string{"live-4", "live-5"}},
		{"attendee lte", f.AttendeeLte(1), []string{"live-3", "live-4", "live-5"}},
		{"attendanceRate gt", f.AttendanceRateGt(50), []string{"live-1", "live-2", "live-3"}},
		{"attendanceRate eq", f.AttendanceRateEq(100), []string{"live-3"}},
		{"attendanceRate lt", f.AttendanceRateLt(50), []string{"live-4", "live-5"}},
		{"attendanceRate lte", f.AttendanceRateLte(66), []string{"live-1", "live-2", "live-4", "live-5"}},
		{"attendanceRate gte", f.AttendanceRateGte(66), []string{"live-1", "live-2", "live-3"}},
		{"totalReplayView gt", f.TotalReplayViewGt(0), []string{"live-1"}},
		{"totalReplayView eq", f.TotalReplayViewEq(2), []string{"live-1"}},
		{"totalReplayView gte", f.TotalReplayViewGte(1), []string{"live-1"}},
		{"totalReplayView lt", f.TotalReplayViewLt(1), []string{"live-2", "live-3", "live-4", "live-5"}},
		{"totalReplayView lte", f.TotalReplayViewLte(2), []string{"live-1", "live-2", "live-3", "live-4", "live-5"}},
		{"every condition holds", f.StatusEq(meltingspot.LiveStatusEnded).AttendanceRateGt(50).StartDateGte(now.Add(-72 * time.Hour)), []string{"live-2"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			list, err := s.client.ListLives(context.Background(), &meltingspot.ListLivesParams{Filter: tc.filter})
			require.NoError(t, err)
			require.Equal(t, tc.want, liveIDs(list.Items))
			require.Equal(t, len(tc.want), list.Total)
		})
	}
}

// The demo's metrics are computed from its participants.
func TestDemoMetrics(t *testing.T) {
	s := demo(t)
	live, err := s.client.GetLive(context.Background(), "live-1")
	require.NoError(t, err)
	m := live.Metrics
	require.Equal(t, []int{6, 3, 2, 1, 66, 2550, 2},
		[]int{*m.Invited, *m.Registrant, *m.Attendee, *m.NoShow, *m.AttendanceRate, *m.AverageViewTime, *m.TotalReplayView})
}

// Pages are 1-based, keep creation order, report the total of every page,
// and the generated iterator walks them all.
func TestListLivesPagination(t *testing.T) {
	s := demo(t)
	ctx := context.Background()
	page := func(p, limit int) *meltingspot.LiveList {
		list, err := s.client.ListLives(ctx, &meltingspot.ListLivesParams{Page: ptr(p), Limit: ptr(limit)})
		require.NoError(t, err)
		return list
	}
	require.Equal(t, []string{"live-1", "live-2"}, liveIDs(page(1, 2).Items))
	require.Equal(t, []string{"live-3", "live-4"}, liveIDs(page(2, 2).Items))
	last := page(3, 2)
	require.Equal(t, []string{"live-5"}, liveIDs(last.Items))
	require.Equal(t, 5, last.Total)
	past := page(4, 2)
	require.Equal(t, []string{}, liveIDs(past.Items))
	require.Equal(t, 5, past.Total)
	require.Equal(t, 5, page(1<<40, 1<<40).Total, "huge numbers are an empty page, not an overflow")

	var walked []string
	for live, err := range s.client.ListLivesAll(ctx, &meltingspot.ListLivesParams{Limit: ptr(2), Filter: meltingspot.ListLivesFilter{}.InvitedGt(0)}) {
		require.NoError(t, err)
		walked = append(walked, *live.ID)
	}
	require.Equal(t, []string{"live-1", "live-2", "live-3", "live-4"}, walked)

	many := start(t, livesim.Options{DefaultLimit: 3})
	for i := range 7 {
		_, err := many.client.CreateLive(ctx, meltingspot.CreateLiveRequest{Title: "L", SpotMemberHostID: "h", StartDate: int64(i), EndDate: int64(i), Solution: meltingspot.LiveSolutionYoutube})
		require.NoError(t, err)
	}
	list, err := many.client.ListLives(ctx, nil)
	require.NoError(t, err)
	require.Len(t, list.Items, 3, "without limit, Options.DefaultLimit")
	require.Equal(t, 7, list.Total)
}

// A bad page or filter value is the handler's 400, naming it; an unknown
// bracket parameter too, unless LenientQuery.
func TestListLivesBadQuery(t *testing.T) {
	s := demo(t)
	r := do(t, "GET", s.url+"/v1/lives?page=0&startDate%5Bgte%5D=yesterday&title%5Bfoo%5D=x", "", "")
	require.Equal(t, 400, r.status)
	require.Contains(t, r.body, `"name":"page"`)
	require.Contains(t, r.body, `"name":"startDate[gte]"`)
	require.Contains(t, r.body, `"name":"title[foo]"`)

	lenient := start(t, livesim.Options{Seed: livesim.Demo, LenientQuery: true})
	r = do(t, "GET", lenient.url+"/v1/lives?title%5Bfoo%5D=x", "", "")
	require.Equal(t, 200, r.status)
	require.Contains(t, r.body, `"total":5`)
}

// mustGet returns the value a Nullable holds.
func mustGet[T any](t *testing.T, n meltingspot.Nullable[T]) T {
	t.Helper()
	v, ok := n.Get()
	require.True(t, ok, "want a value, got null or absent")
	return v
}
