package deepobject

// deepObject query parameters with nested objects and lists through the
// generated client and server: the bracket form JSON:API and Stripe filters
// use (filter[created][gte]=1, filter[status][]=paid, filter[lines][0][k]=v),
// typed values read back, and problems named by the full bracket name.

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"testing"

	"github.com/stretchr/testify/require"
)

type deepServer struct{ UnimplementedServer }

func (deepServer) ListCharges(ctx context.Context, in ListChargesInput) (ListChargesOutput, error) {
	if in.Params.Lines != nil {
		// lines come back as the filter's lines.
		lines := make([]ChargeFilterLinesItem, len(in.Params.Lines))
		for i, l := range in.Params.Lines {
			lines[i] = ChargeFilterLinesItem{Product: l.Product, Quantity: l.Quantity}
		}
		return ListChargesOK{Body: ChargeFilter{Lines: lines}}, nil
	}
	if in.Params.SortBy != nil {
		// sort_by comes back in the filter's metadata, as text.
		meta := map[string]string{}
		for k, v := range in.Params.SortBy {
			data, _ := json.Marshal(v)
			meta[k] = string(data)
		}
		return ListChargesOK{Body: ChargeFilter{Metadata: meta}}, nil
	}
	if in.Params.Filter2 == nil {
		return ListChargesOK{}, nil
	}
	return ListChargesOK{Body: *in.Params.Filter2}, nil
}

func (deepServer) GetPerson(ctx context.Context, in GetPersonInput) (GetPersonOutput, error) {
	out := []Person{in.Who, in.Label, in.Matrix}
	for _, p := range []*Person{in.Params.XPerson, in.Params.Person} {
		if p != nil {
			out = append(out, *p)
		}
	}
	return GetPersonOK{Body: out}, nil
}

// Objects in a path, header and cookie, each in its style.
func TestStyledObjectsRoundTrip(t *testing.T) {
	var path, header, cookie string
	h := NewHandler(deepServer{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		path, header, cookie = r.URL.EscapedPath(), r.Header.Get("X-Person"), r.Header.Get("Cookie")
		h.ServeHTTP(w, r)
	}))
	defer srv.Close()
	c, err := NewClient(srv.URL)
	require.NoError(t, err)

	alex, age := "Alex", 7
	p := Person{Role: "admin", FirstName: &alex}
	odd := Person{Role: "a/b c", Age: &age}
	got, err := c.GetPerson(context.Background(), p, p, odd, &GetPersonParams{XPerson: &p, Person: &p})
	require.NoError(t, err)
	require.Equal(t, "/people/firstName,Alex,role,admin/.firstName=Alex.role=admin/;age=7;role=a%2Fb%20c", path)
	require.Equal(t, "firstName=Alex,role=admin", header)
	require.Equal(t, `person="firstName,Alex,role,admin"`, cookie, "net/http quotes a cookie value with a comma")
	require.Equal(t, []Person{p, p, odd, p, p}, got)
}

// Objects from other clients: a bad property, a missing required one and
// pairs that do not pair up are 400s naming the parameter.
func TestServerReadsStyledObjects(t *testing.T) {
	h := NewHandler(deepServer{})
	get := func(path, header string) *httptest.ResponseRecorder {
		r := httptest.NewRequest("GET", path, nil)
		if header != "" {
			r.Header.Set("X-Person", header)
		}
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		return w
	}
	w := get("/people/role,admin/.role=x/;role=y", "")
	require.Equal(t, http.StatusOK, w.Code, w.Body.String())
	w = get("/people/role,admin,age,-1/.firstName=x/;role=y;age", "role")
	require.Equal(t, http.StatusBadRequest, w.Code)
	var e struct{ Problems []Problem }
	require.NoError(t, json.Unmarshal(w.Body.Bytes(), &e))
	require.ElementsMatch(t, []Problem{
		{In: "path", Name: "who/age", Problem: "must be at least 0"},
		{In: "path", Name: "label/role", Problem: "is required"},
		{In: "path", Name: "matrix", Problem: "must be key=value pairs"},
		{In: "header", Name: "X-Person", Problem: "must be key=value pairs"},
	}, e.Problems)
}

func TestDeepObjectRoundTrip(t *testing.T) {
	var query string
	h := NewHandler(deepServer{}, WithStrictQuery())
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		query = r.URL.RawQuery
		h.ServeHTTP(w, r)
	}))
	defer srv.Close()
	c, err := NewClient(srv.URL)
	require.NoError(t, err)

	gte, lt, cus, prod, qty, size := int64(1), int64(99), "cus_1", "p&1", 3, 10
	filter := ChargeFilter{
		Created:  &Range{Gte: &gte, Lt: &lt},
		Customer: &cus,
		Status:   []ChargeFilterStatusItem{ChargeFilterStatusItemPaid, ChargeFilterStatusItemFailed},
		Metadata: map[string]string{"order": "6735"},
		Lines:    []ChargeFilterLinesItem{{Product: &prod, Quantity: &qty}, {Product: &cus}},
	}
	got, err := c.ListCharges(context.Background(), &ListChargesParams{Filter2: &filter, Page: &ListChargesPage{Size: &size}})
	require.NoError(t, err)
	require.Equal(t, filter, *got)
	sent, err := url.ParseQuery(query)
	require.NoError(t, err)
	require.Equal(t, url.Values{
		"filter[created][gte]":       {"1"},
		"filter[created][lt]":        {"99"},
		"filter[customer]":           {"cus_1"},
		"filter[status][]":           {"paid", "failed"},
		"filter[metadata][order]":    {"6735"},
		"filter[lines][0][product]":  {"p&1"},
		"filter[lines][0][quantity]": {"3"},
		"filter[lines][1][product]":  {"cus_1"},
		"page[size]":                 {"10"},
	}, sent)

	got, err = c.ListCharges(context.Background(), &ListChargesParams{})
	require.NoError(t, err)
	require.Equal(t, ChargeFilter{}, *got, "an absent filter sends nothing")
}

// Queries written by other clients: indexed lists, and bad nested values
// named by their full bracket name.
func TestServerReadsDeepObjects(t *testing.T) {
	h := NewHandler(deepServer{})
	get := func(query string) *httptest.ResponseRecorder {
		w := httptest.NewRecorder()
		h.ServeHTTP(w, httptest.NewRequest("GET", "/charges?"+query, nil))
		return w
	}
	w := get("filter[status][0]=paid&filter[status][1]=pending&filter[created][gte]=5")
	require.Equal(t, http.StatusOK, w.Code, w.Body.String())
	var got ChargeFilter
	require.NoError(t, json.Unmarshal(w.Body.Bytes(), &got))
	require.Equal(t, []ChargeFilterStatusItem{"paid", "pending"}, got.Status)
	require.Equal(t, int64(5), *got.Created.Gte)

	problems := func(query string) []Problem {
		w := get(query)
		require.Equal(t, http.StatusBadRequest, w.Code, w.Body.String())
		var e struct{ Problems []Problem }
		require.NoError(t, json.Unmarshal(w.Body.Bytes(), &e))
		return e.Problems
	}
	require.Equal(t, []Problem{{In: "query", Name: "filter[created][gte]", Problem: "must be an integer"}},
		problems("filter[created][gte]=soon"))
	require.Equal(t, []Problem{{In: "query", Name: "filter[created][lt]", Problem: "must be at most 2000000000"}},
		problems("filter[created][lt]=3000000000"))
	require.Equal(t, []Problem{{In: "query", Name: "filter[status][1]", Problem: `must be one of "paid", "pending", "failed"`}},
		problems("filter[status][]=paid&filter[status][]=lost"))
}

// A free-form object in a form-style query has no form of its own for
// nested values: it goes in brackets, as deepObject writes it, and reads
// back whole.
func TestFormStyleNestedObjectRoundTrip(t *testing.T) {
	var query string
	h := NewHandler(deepServer{}, WithStrictQuery())
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		query = r.URL.RawQuery
		h.ServeHTTP(w, r)
	}))
	defer srv.Close()
	c, err := NewClient(srv.URL)
	require.NoError(t, err)

	sortBy := map[string]any{"created": "desc", "amount": map[string]any{"currency": "eur"}}
	got, err := c.ListCharges(context.Background(), &ListChargesParams{SortBy: sortBy})
	require.NoError(t, err)
	sent, err := url.ParseQuery(query)
	require.NoError(t, err)
	require.Equal(t, url.Values{"sort_by[created]": {"desc"}, "sort_by[amount][currency]": {"eur"}}, sent)
	require.Equal(t, map[string]string{"created": `"desc"`, "amount": `{"currency":"eur"}`}, got.Metadata)
}

// A list of objects in the query, which no style defines, goes in the
// bracket form that forms use for lists, and reads back typed.
func TestQueryListOfObjectsRoundTrip(t *testing.T) {
	var query string
	h := NewHandler(deepServer{}, WithStrictQuery())
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		query = r.URL.RawQuery
		h.ServeHTTP(w, r)
	}))
	defer srv.Close()
	c, err := NewClient(srv.URL)
	require.NoError(t, err)

	p1, p2, qty := "p_1", "p_2", 3
	got, err := c.ListCharges(context.Background(), &ListChargesParams{Lines: []ListChargesLinesItem{{Product: &p1, Quantity: &qty}, {Product: &p2}}})
	require.NoError(t, err)
	sent, err := url.ParseQuery(query)
	require.NoError(t, err)
	require.Equal(t, url.Values{"lines[0][product]": {"p_1"}, "lines[0][quantity]": {"3"}, "lines[1][product]": {"p_2"}}, sent)
	require.Equal(t, []ChargeFilterLinesItem{{Product: &p1, Quantity: &qty}, {Product: &p2}}, got.Lines)

	w := httptest.NewRecorder()
	h.ServeHTTP(w, httptest.NewRequest("GET", "/charges?lines[0][quantity]=1&lines[1][quantity]=many", nil))
	require.Equal(t, http.StatusBadRequest, w.Code, w.Body.String())
	require.Contains(t, w.Body.String(), `"name":"lines[1][quantity]","problem":"must be an integer"`)

	// Nested lists are named with their indices too.
	w = httptest.NewRecorder()
	h.ServeHTTP(w, httptest.NewRequest("GET", "/charges?filter[lines][0][quantity]=1&filter[lines][1][product]=p&filter[lines][2][quantity]=x", nil))
	require.Equal(t, http.StatusBadRequest, w.Code, w.Body.String())
	require.Contains(t, w.Body.String(), `"name":"filter[lines][2][quantity]","problem":"must be an integer"`)
}
