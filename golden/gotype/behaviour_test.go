package gotype

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

type hosts struct{}

func (hosts) AddHost(_ context.Context, in AddHostInput) (AddHostOutput, error) {
	return AddHostCreated{Body: in.Body}, nil
}

// TestExternalTypesRoundTrip: x-go-type fields travel as their own types.
func TestExternalTypesRoundTrip(t *testing.T) {
	srv := httptest.NewServer(NewHandler(hosts{}))
	defer srv.Close()
	c, err := NewClient(srv.URL)
	require.NoError(t, err)
	w := json.Number("2.5")
	got, err := c.AddHost(context.Background(), Host{Name: "db", Address: netip.MustParseAddr("10.0.0.7"), Weight: &w})
	require.NoError(t, err)
	require.Equal(t, netip.MustParseAddr("10.0.0.7"), got.Address)
	require.Equal(t, json.Number("2.5"), *got.Weight)
}

// TestExternalTypeStillRequired: a required external field is still checked.
func TestExternalTypeStillRequired(t *testing.T) {
	srv := httptest.NewServer(NewHandler(hosts{}))
	defer srv.Close()
	resp, err := http.Post(srv.URL+"/hosts", "application/json", strings.NewReader(`{"name":"db"}`))
	require.NoError(t, err)
	defer resp.Body.Close()
	require.Equal(t, http.StatusBadRequest, resp.StatusCode)
	var e ErrorResponse
	require.NoError(t, json.NewDecoder(resp.Body).Decode(&e))
	require.Equal(t, "/address", e.Problems[0].Name)
}
