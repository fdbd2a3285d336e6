package webhooks

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// receiver records the events it is handed.
type receiver struct {
	pets      []Pet
	shipments []Shipment
	gone      bool
}

func (r *receiver) NewPet(_ context.Context, in NewPetInput) (NewPetOutput, error) {
	if r.gone {
		return NewPetGone{}, nil
	}
	r.pets = append(r.pets, in.Body)
	return NewPetOK{}, nil
}

func (r *receiver) SubscribeOrderShipped(_ context.Context, in SubscribeOrderShippedInput) (SubscribeOrderShippedOutput, error) {
	r.shipments = append(r.shipments, in.Body)
	return SubscribeOrderShippedNoContent{}, nil
}

func deliver(t *testing.T, h http.Handler, method, body string) *httptest.ResponseRecorder {
	t.Helper()
	req := httptest.NewRequest(method, "/hooks/anything", strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

func TestWebhookValidEventReachesTheReceiver(t *testing.T) {
	impl := &receiver{}
	rec := deliver(t, NewWebhookReceiver(impl).NewPet(), http.MethodPost, `{"id":7,"name":"Rex","tag":null}`)
	require.Equal(t, http.StatusOK, rec.Code, rec.Body.String())
	require.Len(t, impl.pets, 1)
	require.Equal(t, int64(7), int64(impl.pets[0].ID))
	require.Equal(t, "Rex", impl.pets[0].Name)
}

func TestWebhookAnswersWithTheDocumentedStatus(t *testing.T) {
	rec := deliver(t, NewWebhookReceiver(&receiver{gone: true}).NewPet(), http.MethodPost, `{"id":7,"name":"Rex"}`)
	require.Equal(t, http.StatusGone, rec.Code)
}

func TestWebhookBadEventIsRefusedNamingEveryProblem(t *testing.T) {
	impl := &receiver{}
	rec := deliver(t, NewWebhookReceiver(impl).NewPet(), http.MethodPost, `{"id":0}`)
	require.Equal(t, http.StatusBadRequest, rec.Code)
	var e ErrorResponse
	require.NoError(t, json.Unmarshal(rec.Body.Bytes(), &e))
	names := map[string]bool{}
	for _, p := range e.Problems {
		require.Equal(t, "body", p.In)
		names[p.Name] = true
	}
	require.True(t, names["/id"], "%+v", e.Problems)
	require.True(t, names["/name"], "%+v", e.Problems)
	require.Empty(t, impl.pets, "an invalid event must not reach the receiver")
}

func TestWebhookOtherMethodIs405(t *testing.T) {
	rec := deliver(t, NewWebhookReceiver(&receiver{}).NewPet(), http.MethodGet, ``)
	require.Equal(t, http.StatusMethodNotAllowed, rec.Code)
	require.Equal(t, "POST", rec.Header().Get("Allow"))
}

func TestCallbackReceiver(t *testing.T) {
	impl := &receiver{}
	h := NewWebhookReceiver(impl).SubscribeOrderShipped()
	rec := deliver(t, h, http.MethodPost, `{"orderId":"o-1","carrier":"dhl"}`)
	require.Equal(t, http.StatusNoContent, rec.Code, rec.Body.String())
	require.Len(t, impl.shipments, 1)
	require.Equal(t, "o-1", impl.shipments[0].OrderID)
	require.Equal(t, ShipmentCarrierDhl, *impl.shipments[0].Carrier)

	rec = deliver(t, h, http.MethodPost, `{"carrier":5}`)
	require.Equal(t, http.StatusBadRequest, rec.Code, rec.Body.String())
	require.Contains(t, rec.Body.String(), `"/orderId"`)
	require.Contains(t, rec.Body.String(), `"/carrier"`)
	require.Len(t, impl.shipments, 1)
}

func TestWebhookMiddlewareSeesTheOperation(t *testing.T) {
	var seen ServerOperation
	mw := WithMiddleware(func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			seen, _ = OperationFromContext(r.Context())
			next.ServeHTTP(w, r)
		})
	})
	rec := deliver(t, NewWebhookReceiver(&receiver{}, mw).NewPet(), http.MethodPost, `{"id":1,"name":"a"}`)
	require.Equal(t, http.StatusOK, rec.Code)
	require.Equal(t, "newPet", seen.ID)
}
