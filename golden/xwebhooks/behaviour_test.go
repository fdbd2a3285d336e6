package xwebhooks

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// receiver records the events it is handed.
type receiver struct {
	events []BalanceEvent
	legacy []LegacyNotificationRequestBody
}

func (r *receiver) LegacyNotification(_ context.Context, in LegacyNotificationInput) (LegacyNotificationOutput, error) {
	r.legacy = append(r.legacy, in.Body)
	return LegacyNotificationOK{}, nil
}

func (r *receiver) BalanceChanged(_ context.Context, in BalanceChangedInput) (BalanceChangedOutput, error) {
	r.events = append(r.events, in.Body)
	return BalanceChangedAccepted{}, nil
}

func deliver(t *testing.T, body string) (*receiver, *httptest.ResponseRecorder) {
	t.Helper()
	impl := &receiver{}
	req := httptest.NewRequest(http.MethodPost, "/adyen/notifications", strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	rec := httptest.NewRecorder()
	NewWebhookReceiver(impl).BalanceChanged().ServeHTTP(rec, req)
	return impl, rec
}

// x-webhooks, the 3.0 spelling, gets the typed receiver of 3.1 webhooks.
func TestXWebhookEventReachesTheReceiver(t *testing.T) {
	impl, rec := deliver(t, `{"accountId":"BA1","amount":1250,"currency":"EUR"}`)
	require.Equal(t, http.StatusAccepted, rec.Code, rec.Body.String())
	require.Len(t, impl.events, 1)
	require.Equal(t, "BA1", impl.events[0].AccountID)
	require.Equal(t, int64(1250), impl.events[0].Amount)
}

func TestXWebhookBadEventIsRefused(t *testing.T) {
	impl, rec := deliver(t, `{"accountId":"","currency":"GBP"}`)
	require.Equal(t, http.StatusBadRequest, rec.Code)
	require.Empty(t, impl.events)
	for _, field := range []string{"accountId", "amount", "currency"} {
		require.Contains(t, rec.Body.String(), field)
	}
}

// A webhook whose body is a form gets the form reader that operations use.
func TestXWebhookFormBodyIsDecoded(t *testing.T) {
	impl := &receiver{}
	post := func(body string) *httptest.ResponseRecorder {
		req := httptest.NewRequest(http.MethodPost, "/notify", strings.NewReader(body))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		rec := httptest.NewRecorder()
		NewWebhookReceiver(impl).LegacyNotification().ServeHTTP(rec, req)
		return rec
	}
	rec := post("pspReference=881&success=true")
	require.Equal(t, http.StatusOK, rec.Code, rec.Body.String())
	require.Len(t, impl.legacy, 1)
	require.Equal(t, "881", impl.legacy[0].PspReference)
	require.True(t, *impl.legacy[0].Success)

	rec = post("success=maybe")
	require.Equal(t, http.StatusBadRequest, rec.Code)
	require.Contains(t, rec.Body.String(), "pspReference")
	require.Len(t, impl.legacy, 1)
}
