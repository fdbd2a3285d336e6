package selectcase

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

type lives struct{ UnimplementedServer }

func (lives) ListLives(context.Context, ListLivesInput) (ListLivesOutput, error) {
	return ListLivesOK{Body: []Live{{ID: "l1", Host: Person{Kind: "guest"}}}}, nil
}

func (lives) GetLive(_ context.Context, in GetLiveInput) (GetLiveOutput, error) {
	q := QualityHd
	return GetLiveOK{Body: Live{ID: in.ID, Host: Person{Kind: "guest"}, Settings: &Settings{Quality: &q}}}, nil
}

func TestKeptOperationsWork(t *testing.T) {
	srv := httptest.NewServer(NewHandler(lives{}))
	defer srv.Close()
	c, err := NewClient(srv.URL)
	require.NoError(t, err)
	list, err := c.ListLives(context.Background())
	require.NoError(t, err)
	require.Equal(t, "l1", list[0].ID)
	live, err := c.GetLive(context.Background(), "l2")
	require.NoError(t, err)
	require.Equal(t, "l2", live.ID)
	require.Equal(t, QualityHd, *live.Settings.Quality)
}

func TestExcludedOperationsAreNotServed(t *testing.T) {
	srv := httptest.NewServer(NewHandler(lives{}))
	defer srv.Close()
	for _, r := range []struct{ method, path string }{{http.MethodDelete, "/v1/lives/l1"}, {http.MethodPost, "/v1/admin/reports"}} {
		req, err := http.NewRequest(r.method, srv.URL+r.path, strings.NewReader(`{}`))
		require.NoError(t, err)
		resp, err := http.DefaultClient.Do(req)
		require.NoError(t, err)
		resp.Body.Close()
		require.Contains(t, []int{http.StatusNotFound, http.StatusMethodNotAllowed}, resp.StatusCode, r.path)
	}
}

func TestKeptAndExcludedMethods(t *testing.T) {
	client := reflect.TypeOf(&Client{})
	for _, name := range []string{"ListLives", "GetLive"} {
		_, ok := client.MethodByName(name)
		require.True(t, ok, name)
	}
	for _, name := range []string{"DeleteLive", "CreateReport"} {
		_, ok := client.MethodByName(name)
		require.False(t, ok, name)
	}
	_, ok := reflect.TypeOf((*Webhooks)(nil)).Elem().MethodByName("LiveStarted")
	require.True(t, ok, "a webhook with a kept tag stays")
	_, ok = reflect.TypeOf((*Webhooks)(nil)).Elem().MethodByName("ReportReady")
	require.False(t, ok, "a webhook with an excluded tag goes")
}

// TestPrunedTypesAreAbsent reads the generated files: a type only the
// excluded operations reach is not declared; one reached only through a
// discriminator mapping (Guest) or an allOf (Settings, Quality) is.
func TestPrunedTypesAreAbsent(t *testing.T) {
	files, err := filepath.Glob("*.gen.go")
	require.NoError(t, err)
	var src strings.Builder
	for _, f := range files {
		data, err := os.ReadFile(f)
		require.NoError(t, err)
		src.Write(data)
	}
	declared := func(name string) bool {
		return regexp.MustCompile(`(?m)^type ` + name + ` `).MatchString(src.String())
	}
	for _, name := range []string{"Report", "ReportRow", "AuditID", "CreateReportInput", "DeleteLiveInput"} {
		require.False(t, declared(name), name)
	}
	for _, name := range []string{"Live", "Person", "Guest", "Settings", "Quality", "LiveEvent"} {
		require.True(t, declared(name), name)
	}
	_ = Guest{} // compiles only while Guest is generated
}
