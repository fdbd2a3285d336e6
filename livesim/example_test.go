package livesim_test

import (
	"context"
	"fmt"
	"net/http/httptest"
	"time"

	"github.com/seed-0d47db62/livegen/generated/meltingspot"
	"github.com/seed-0d47db62/livegen/livesim"
)

// A test starts livesim with the demo data and calls it with the generated
// client.
func ExampleNewServer() {
	srv := livesim.NewServer(livesim.Options{Seed: livesim.Demo})
	defer srv.Close()
	client, err := meltingspot.NewClient(srv.URL)
	if err != nil {
		panic(err)
	}
	params := &meltingspot.ListLivesParams{Filter: meltingspot.ListLivesFilter{}.SolutionEq(meltingspot.LiveSolutionBuiltIn)}
	lives, err := client.ListLives(context.Background(), params)
	if err != nil {
		panic(err)
	}
	for _, live := range lives.Items {
		fmt.Println(*live.ID, *live.Title)
	}
	// Output:
	// live-2 Onboarding workshop for new members
	// live-4 Roadmap webinar Q3
}

// The Store adds members and plays out what the API cannot: here, a member
// accepting its invitation.
func ExampleSim_Store() {
	sim, err := livesim.New(livesim.Options{})
	if err != nil {
		panic(err)
	}
	store := sim.Store()
	if err := store.AddMember(livesim.Member{ID: "m1", Email: "ada@example.com", FirstName: "Ada"}); err != nil {
		panic(err)
	}
	srv := httptest.NewServer(sim)
	defer srv.Close()
	client, _ := meltingspot.NewClient(srv.URL)
	ctx := context.Background()
	start := time.Now().Add(time.Hour)
	live, err := client.CreateLive(ctx, meltingspot.CreateLiveRequest{
		Title: "Demo", SpotMemberHostID: "m1", Solution: meltingspot.LiveSolutionYoutube,
		StartDate: start.Unix(), EndDate: start.Add(time.Hour).Unix(),
	})
	if err != nil {
		panic(err)
	}
	invited, err := client.InviteLiveParticipant(ctx, *live.ID, meltingspot.InviteLiveParticipantRequest{Member: "m1"})
	if err != nil {
		panic(err)
	}
	fmt.Println(invited.Created.Status, *invited.Created.SpotMemberFirstname)
	if err := store.Respond(*live.ID, "m1", meltingspot.ParticipantStatusAccepted, time.Now()); err != nil {
		panic(err)
	}
	live, _ = client.GetLive(ctx, *live.ID)
	fmt.Println("registrants:", *live.Metrics.Registrant)
	// Output:
	// Invited Ada
	// registrants: 1
}
