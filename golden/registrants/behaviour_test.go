package registrants

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// fake serves the two operations and records what reached it.
type fake struct {
	mu       sync.Mutex
	inputs   []AddRegistrantInput
	chunks   [][]string
	lockOnce bool
}

func (f *fake) AddRegistrant(_ context.Context, in AddRegistrantInput) (AddRegistrantOutput, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.inputs = append(f.inputs, in)
	return AddRegistrantCreated{}, nil
}

func (f *fake) InsertInvitees(_ context.Context, in InsertInviteesInput) (InsertInviteesOutput, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.lockOnce {
		f.lockOnce = false
		wait := 7
		return InsertInviteesLocked{RetryAfter: &wait}, nil
	}
	var emails []string
	var out InsertInvitees200ResponseBody
	for _, item := range in.Body.Items {
		emails = append(emails, item.Email)
		id, email := "id-"+item.Email, item.Email
		out.Items = append(out.Items, InsertInvitees200ResponseBodyItemsItem{ID: &id, Email: &email})
	}
	f.chunks = append(f.chunks, emails)
	return InsertInviteesOK{Body: out}, nil
}

// start serves impl and returns a client whose retry clock is fake.
func start(t *testing.T, impl Server, opts ...HandlerOption) (*Client, *[]time.Duration) {
	srv := httptest.NewServer(NewHandler(impl, opts...))
	t.Cleanup(srv.Close)
	c, err := NewClient(srv.URL, WithCredentials(Credentials{Oauth: "token"}))
	require.NoError(t, err)
	var waits []time.Duration
	c.engine.Sleep = func(_ context.Context, d time.Duration) error { waits = append(waits, d); return nil }
	return c, &waits
}

func TestOddEnumValuesHaveReadableConstants(t *testing.T) {
	require.Equal(t, RegistrantNoOfEmployees("1-20"), RegistrantNoOfEmployees1To20)
	require.Equal(t, RegistrantNoOfEmployees("More than 10,000"), RegistrantNoOfEmployeesMoreThan10000)
	require.Equal(t, RegistrantRoleInPurchaseProcess("Evaluator/Recommender"), RegistrantRoleInPurchaseProcessEvaluatorRecommender)
	require.Equal(t, RegistrantLanguage("en-US"), RegistrantLanguageEnUS)
}

func TestInt64PathCommaListAndScopes(t *testing.T) {
	impl := &fake{}
	var scopes [][]string
	auth := func(ctx context.Context, req AuthRequest) (context.Context, error) {
		scopes = append(scopes, req.Scopes)
		if req.Token != "token" {
			return ctx, errors.New("bad token")
		}
		return ctx, nil
	}
	c, _ := start(t, impl, WithAuthenticator(auth))
	big := int64(1) << 40
	lang := RegistrantLanguageFrFR
	err := c.AddRegistrant(context.Background(), big, &AddRegistrantParams{OccurrenceIDs: []string{"a", "b"}},
		Registrant{Email: "ada@example.com", FirstName: "Ada", Language: &lang})
	require.NoError(t, err)
	require.Len(t, impl.inputs, 1)
	in := impl.inputs[0]
	require.Equal(t, big, in.MeetingID)
	require.Equal(t, []string{"a", "b"}, in.Params.OccurrenceIDs)
	require.Equal(t, RegistrantLanguageFrFR, *in.Body.Language)
	require.NotEmpty(t, scopes)
	require.Contains(t, [][]string{{"meeting:write:admin"}, {"meeting:write"}}, scopes[0])
}

func TestCommaListOnTheWire(t *testing.T) {
	var rawQuery string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rawQuery = r.URL.RawQuery
		w.WriteHeader(http.StatusCreated)
	}))
	defer srv.Close()
	c, err := NewClient(srv.URL)
	require.NoError(t, err)
	require.NoError(t, c.AddRegistrant(context.Background(), 1, &AddRegistrantParams{OccurrenceIDs: []string{"a", "b"}}, Registrant{Email: "a@example.com", FirstName: "A"}))
	require.Equal(t, "occurrence_ids=a,b", rawQuery)
}

func TestServerNamesEveryProblem(t *testing.T) {
	srv := httptest.NewServer(NewHandler(&fake{}))
	defer srv.Close()
	req, err := http.NewRequest(http.MethodPost, srv.URL+"/meetings/1/registrants", strings.NewReader(`{"email":"nope","language":"xx-XX"}`))
	require.NoError(t, err)
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer t")
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	require.Equal(t, http.StatusBadRequest, resp.StatusCode)
	var body ErrorResponse
	require.NoError(t, json.NewDecoder(resp.Body).Decode(&body))
	names := map[string]bool{}
	for _, p := range body.Problems {
		names[p.Name] = true
	}
	require.True(t, names["/email"], "%+v", body.Problems)
	require.True(t, names["/first_name"], "%+v", body.Problems)
	require.True(t, names["/language"], "%+v", body.Problems)
}

func TestBulkChunksFromMaxItemsAndRetryAfter(t *testing.T) {
	impl := &fake{lockOnce: true}
	c, waits := start(t, impl)
	var body InsertInviteesRequestBody
	for _, e := range []string{"a", "b", "c", "d", "e", "f", "g"} {
		body.Items = append(body.Items, InsertInviteesRequestBodyItemsItem{Email: e + "@example.com"})
	}
	got, err := c.InsertInviteesInChunks(context.Background(), body, 0)
	require.NoError(t, err)
	require.Len(t, got, 7)
	require.Len(t, impl.chunks, 3)
	require.Len(t, impl.chunks[0], 3)
	require.Len(t, impl.chunks[2], 1)
	require.Equal(t, []time.Duration{7 * time.Second}, *waits, "the 423's Retry-After is honoured")
}

func TestServerRejectsTooManyAndDuplicates(t *testing.T) {
	srv := httptest.NewServer(NewHandler(&fake{}))
	defer srv.Close()
	post := func(body string) ErrorResponse {
		resp, err := http.Post(srv.URL+"/invitees/bulkInsert", "application/json", strings.NewReader(body))
		require.NoError(t, err)
		defer resp.Body.Close()
		require.Equal(t, http.StatusBadRequest, resp.StatusCode)
		var e ErrorResponse
		require.NoError(t, json.NewDecoder(resp.Body).Decode(&e))
		return e
	}
	tooMany := post(`{"items":[{"email":"a@x.io"},{"email":"b@x.io"},{"email":"c@x.io"},{"email":"d@x.io"}]}`)
	require.Equal(t, "/items", tooMany.Problems[0].Name)
	dup := post(`{"items":[{"email":"a@x.io"},{"email":"a@x.io"}]}`)
	require.Equal(t, "/items/1/email", dup.Problems[0].Name)
}
