package form

// Form bodies through the generated client and server: the wire form Stripe
// uses (meta[k]=v, items[0][price]=p, expand[]=a), the spec's encoding
// styles, typed values read back and validated like a JSON body.

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

type formServer struct{ UnimplementedServer }

func (formServer) CreatePaymentIntent(ctx context.Context, in CreatePaymentIntentInput) (CreatePaymentIntentOutput, error) {
	return CreatePaymentIntentOK{Body: in.Body}, nil
}

func (formServer) Token(ctx context.Context, in TokenInput) (TokenOutput, error) {
	if in.Body == nil {
		return TokenOK{Body: Token200ResponseBody{}}, nil
	}
	token := string(in.Body.GrantType) + ":" + strings.Join(in.Body.Scope, "+")
	return TokenOK{Body: Token200ResponseBody{AccessToken: &token}}, nil
}

func TestFormRoundTrip(t *testing.T) {
	var wire, contentType string
	h := NewHandler(formServer{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		data, _ := io.ReadAll(r.Body)
		wire, contentType = string(data), r.Header.Get("Content-Type")
		r.Body = io.NopCloser(strings.NewReader(wire))
		h.ServeHTTP(w, r)
	}))
	defer srv.Close()
	c, err := NewClient(srv.URL)
	require.NoError(t, err)

	yes, two := true, 2
	body := PaymentIntentParams{
		Amount: 2000, Currency: "eur", Capture: &yes,
		Expand:   []string{"customer", "invoice"},
		Methods:  []string{"card", "sepa debit"},
		Metadata: map[string]string{"order": "6735", "note": "a&b=c"},
		Items:    []PaymentIntentParamsItemsItem{{Price: "p_1", Quantity: &two}, {Price: "p_2"}},
	}
	got, err := c.CreatePaymentIntent(context.Background(), body)
	require.NoError(t, err)
	require.Equal(t, "application/x-www-form-urlencoded", contentType)
	require.Equal(t, "amount=2000&capture=true&currency=eur&expand[]=customer&expand[]=invoice"+
		"&items[0][price]=p_1&items[0][quantity]=2&items[1][price]=p_2"+
		"&metadata[note]=a%26b%3Dc&metadata[order]=6735&methods=card%2Csepa+debit", wire)
	require.Equal(t, body, *got)

	tok, err := c.Token(context.Background(), &TokenRequestBody{GrantType: TokenRequestBodyGrantTypeClientCredentials, Scope: []string{"read", "write"}})
	require.NoError(t, err)
	require.Equal(t, "grant_type=client_credentials&scope=read&scope=write", wire, "exploded form repeats the name")
	require.Equal(t, "client_credentials:read+write", *tok.AccessToken)

	tok, err = c.Token(context.Background(), nil)
	require.NoError(t, err)
	require.Nil(t, tok.AccessToken)
}

// Forms written by other clients: indexes out of order, a single value for
// a list, and bracketed lists of scalars.
func TestServerReadsOtherForms(t *testing.T) {
	h := NewHandler(formServer{})
	post := func(form string) *httptest.ResponseRecorder {
		r := httptest.NewRequest("POST", "/v1/payment_intents", strings.NewReader(form))
		r.Header.Set("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		return w
	}
	w := post("items[1][price]=b&items[0][price]=a&currency=usd&amount=5&expand=one&methods=x|y")
	require.Equal(t, http.StatusOK, w.Code, w.Body.String())
	require.JSONEq(t, `{"amount":5,"currency":"usd","expand":["one"],"methods":["x|y"],"items":[{"price":"a"},{"price":"b"}]}`, w.Body.String())
}

func TestServerValidatesFormsLikeJSON(t *testing.T) {
	h := NewHandler(formServer{})
	r := httptest.NewRequest("POST", "/v1/payment_intents", strings.NewReader("amount=ten&currency=euro&capture=maybe&items[0][quantity]=1"))
	r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	require.Equal(t, http.StatusBadRequest, w.Code)
	for _, name := range []string{"amount", "currency", "capture", "price"} {
		require.Contains(t, w.Body.String(), name, w.Body.String())
	}

	r = httptest.NewRequest("POST", "/v1/payment_intents", strings.NewReader("amount=0&currency=eur"))
	r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	w = httptest.NewRecorder()
	h.ServeHTTP(w, r)
	require.Equal(t, http.StatusBadRequest, w.Code, "minimum 1 holds for forms too")
	require.Contains(t, w.Body.String(), "amount")

	r = httptest.NewRequest("POST", "/v1/payment_intents", strings.NewReader("amount=%zz"))
	r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	w = httptest.NewRecorder()
	h.ServeHTTP(w, r)
	require.Equal(t, http.StatusBadRequest, w.Code)
	require.Contains(t, w.Body.String(), "is not a valid form")
}
