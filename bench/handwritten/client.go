package handwritten

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"time"
)

// Client calls the two operations with a bearer token.
type Client struct {
	BaseURL string
	HTTP    *http.Client
	Token   string
}

// ListLivesQuery holds the page and the bracket filters of ListLives; nil
// fields are not sent.
type ListLivesQuery struct {
	Page, Limit            *int
	TitleEq, TitleContains *string
	StatusEq               *string
	StartDate              TimeCond
	SolutionEq             *string
	ReplayEq               *bool
	BuiltInTypeEq          *string
	// Metrics holds the conditions on the Live's metrics by filter name
	// ("attendanceRate", "invited", ...).
	Metrics map[string]IntCond
}

// TimeCond holds the comparisons of a Unix-time filter.
type TimeCond struct{ Lt, Lte, Gt, Gte, Eq *time.Time }

// IntCond holds the comparisons of an integer filter.
type IntCond struct{ Lt, Lte, Gt, Gte, Eq *int }

// ListLives sends GET /v1/lives and decodes the page.
func (c *Client) ListLives(ctx context.Context, q ListLivesQuery) (*LiveList, error) {
	target := c.BaseURL + "/v1/lives"
	if query := q.values().Encode(); query != "" {
		target += "?" + query
	}
	var page LiveList
	if err := c.do(ctx, http.MethodGet, target, nil, &page); err != nil {
		return nil, fmt.Errorf("listLives: %w", err)
	}
	return &page, nil
}

// BulkInviteLiveParticipants sends POST
// /v1/lives/{liveId}/participants~bulkInvite and decodes the participants.
func (c *Client) BulkInviteLiveParticipants(ctx context.Context, liveID string, body BulkInviteRequest) ([]Participant, error) {
	data, err := json.Marshal(body)
	if err != nil {
		return nil, fmt.Errorf("bulkInviteLiveParticipants: %w", err)
	}
	target := c.BaseURL + "/v1/lives/" + url.PathEscape(liveID) + "/participants~bulkInvite"
	var out []Participant
	if err := c.do(ctx, http.MethodPost, target, data, &out); err != nil {
		return nil, fmt.Errorf("bulkInviteLiveParticipants: %w", err)
	}
	return out, nil
}

// do sends one request and decodes a 2xx JSON answer into out.
func (c *Client) do(ctx context.Context, method, target string, body []byte, out any) error {
	var reader io.Reader
	if body != nil {
		reader = bytes.NewReader(body)
	}
	req, err := http.NewRequestWithContext(ctx, method, target, reader)
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "Bearer "+c.Token)
	req.Header.Set("Accept", "application/json")
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := c.HTTP.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode/100 != 2 {
		msg, _ := io.ReadAll(io.LimitReader(resp.Body, 4096))
		return fmt.Errorf("status %d: %s", resp.StatusCode, msg)
	}
	return json.NewDecoder(resp.Body).Decode(out)
}

// values writes the set parameters under their wire names.
func (q ListLivesQuery) values() url.Values {
	v := url.Values{}
	setInt(v, "page", q.Page)
	setInt(v, "limit", q.Limit)
	setString(v, "title[eq]", q.TitleEq)
	setString(v, "title[contains]", q.TitleContains)
	setString(v, "status[eq]", q.StatusEq)
	q.StartDate.set(v, "startDate")
	setString(v, "solution[eq]", q.SolutionEq)
	if q.ReplayEq != nil {
		v.Set("replay[eq]", strconv.FormatBool(*q.ReplayEq))
	}
	setString(v, "builtInType[eq]", q.BuiltInTypeEq)
	for _, field := range liveMetricKeys {
		q.Metrics[field].set(v, field)
	}
	return v
}

// comparisons are the operators of the range filters, in wire order.
var comparisons = [...]string{"lt", "lte", "gt", "gte", "eq"}

func (t TimeCond) set(v url.Values, field string) {
	for i, x := range [...]*time.Time{t.Lt, t.Lte, t.Gt, t.Gte, t.Eq} {
		if x != nil {
			v.Set(field+"["+comparisons[i]+"]", strconv.FormatInt(x.Unix(), 10))
		}
	}
}

func (c IntCond) set(v url.Values, field string) {
	for i, x := range [...]*int{c.Lt, c.Lte, c.Gt, c.Gte, c.Eq} {
		setInt(v, field+"["+comparisons[i]+"]", x)
	}
}

func setInt(v url.Values, name string, x *int) {
	if x != nil {
		v.Set(name, strconv.Itoa(*x))
	}
}

func setString(v url.Values, name string, x *string) {
	if x != nil {
		v.Set(name, *x)
	}
}
