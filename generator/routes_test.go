package generator

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

const routesSpec = `
openapi: 3.0.3
info: {title: R, version: "1"}
paths:
  /files/{id}:
    put: {operationId: update, parameters: [{name: id, in: path, required: true, schema: {type: string}}], responses: {"204": {description: ok}}}
  /files/{id}#link:
    put: {operationId: link, parameters: [{name: id, in: path, required: true, schema: {type: string}}], responses: {"204": {description: ok}}}
  /users/{id}/expire?temp=true&x=a%20b:
    post: {operationId: expire, parameters: [{name: id, in: path, required: true, schema: {type: string}}], responses: {"204": {description: ok}}}
  /acc/{a}/links/{a}:
    get: {operationId: twice, parameters: [{name: a, in: path, required: true, schema: {type: string}}], responses: {"204": {description: ok}}}
  /p/{a}{b}.x:
    get: {operationId: pair, parameters: [{name: a, in: path, required: true, schema: {type: string}}, {name: b, in: path, required: true, schema: {type: string}}], responses: {"204": {description: ok}}}
`

func TestRoutes(t *testing.T) {
	api := loadServerSpec(t, routesSpec)
	expire := operation(api, "expire")
	require.Equal(t, "/users/{id}/expire", expire.Route.Path)
	require.Equal(t, []QueryPair{{"temp", "true"}, {"x", "a b"}}, expire.Route.Query)
	require.Equal(t, "POST /users/{id}/expire?temp=true&x=a+b", expire.ServerPattern)
	require.True(t, expire.ServerMatched, "ServeMux has no query patterns")

	link := operation(api, "link")
	require.Equal(t, "/files/{id}", link.Route.Path, "the fragment is never sent")
	require.True(t, link.ServerMatched)
	require.True(t, operation(api, "update").ServerMatched, "both are the same request: the matcher orders them")
	require.Empty(t, api.Warnings, "the Server may choose among identical operations")
	var shadowed []string
	for _, w := range api.Notes {
		if strings.Contains(w.Message, "same request") {
			shadowed = append(shadowed, w.Pointer)
		}
	}
	require.Equal(t, []string{"/paths/~1files~1{id}#link/put"}, shadowed, "only the operation that no request reaches is named")
	update := operation(api, "update")
	require.Equal(t, []*Operation{update, link}, link.ServerIdentical, "the default first")
	require.Equal(t, link.ServerIdentical, update.ServerIdentical)

	twice := operation(api, "twice")
	require.Equal(t, "GET /acc/{a}/links/{a2}", twice.ServerPattern, "a name used twice is two parameters, one wildcard each")
	require.False(t, twice.ServerMatched)

	pair := operation(api, "pair").Route.Segments[1]
	require.Equal(t, RouteSegment{{Param: 0}, {Param: 1}, {Text: ".x", Param: -1}}, pair)
	require.Equal(t, []RoutePart{{Param: -1}, {Param: 0}, {Param: -1}, {Param: 1}, {Text: ".x", Param: -1}}, pair.Parts())
}

func TestMatchSegment(t *testing.T) {
	parts := func(texts ...string) []RoutePart {
		var out []RoutePart
		for i, s := range texts {
			p := RoutePart{Text: s, Param: -1}
			if i%2 == 1 {
				p = RoutePart{Param: i / 2}
			}
			out = append(out, p)
		}
		return out
	}
	for _, tc := range []struct {
		parts []RoutePart
		s     string
		want  bool
	}{
		{parts("tasks"), "tasks", true},
		{parts("tasks"), "task", false},
		{parts("", "id", ".json"), "a.b.json", true},
		{parts("", "id", ".json"), ".json", false},
		{parts("", "id", ""), "", false},
		{parts("", "a", "", "b", ""), "ab", true},
		{parts("", "a", "", "b", ""), "a", false},
		{parts("", "page", ".", "format", ""), "3.html", true},
		{parts("", "page", ".", "format", ""), "3.", false},
		{parts("x", "a", "1234", "b", "!"), "xq1234r!", true},
		{parts("x", "a", "1234", "b", "!"), "xq1234!", false},
	} {
		require.Equal(t, tc.want, MatchSegment(tc.parts, tc.s), "%v %q", tc.parts, tc.s)
	}
}

const twinsSpec = `
openapi: 3.0.3
info: {title: R, version: "1"}
paths:
  /token:
    post:
      operationId: token
      requestBody: {required: true, content: {application/x-www-form-urlencoded: {schema: {type: object, required: [grant_type], properties: {grant_type: {type: string, enum: [code, refresh]}}}}}}
      responses: {"204": {description: ok}}
  /token#refresh:
    post:
      operationId: refresh
      requestBody: {required: true, content: {application/x-www-form-urlencoded: {schema: {type: object, required: [grant_type, token], properties: {grant_type: {type: string, enum: [refresh]}, token: {type: string}}}}}}
      responses: {"204": {description: ok}}
  /token#other:
    post:
      operationId: other
      requestBody: {required: true, content: {application/x-www-form-urlencoded: {schema: {type: object, required: [grant_type], properties: {grant_type: {type: string, enum: [code, refresh]}}}}}}
      responses: {"204": {description: ok}}
  /items/{id}:
    get: {operationId: item, parameters: [{name: id, in: path, required: true, schema: {type: integer}}], responses: {"204": {description: ok}}}
  /items/{slug}:
    get: {operationId: bySlug, parameters: [{name: slug, in: path, required: true, schema: {type: string}}], responses: {"204": {description: ok}}}
`

// TestTwins: operations that take the same requests are ordered most
// specific first, each but the last with what tells it apart; only one that
// nothing tells apart is named, in a note, and joins the identical group.
func TestTwins(t *testing.T) {
	api := loadServerSpec(t, twinsSpec)
	var order []string
	for _, o := range api.ServerRoutes {
		order = append(order, o.ID)
	}
	require.Equal(t, []string{"refresh", "token", "other", "item", "bySlug"}, order)
	refresh := operation(api, "refresh").ServerTwin
	require.Equal(t, []TwinMember{{Name: "grant_type", Required: true, NotNull: true, Enum: []string{"refresh"}}, {Name: "token", Required: true, NotNull: true}}, refresh.Members)
	require.Equal(t, []TwinParam{{Position: 0, Kind: "integer"}}, operation(api, "item").ServerTwin.PathParams)
	require.Nil(t, operation(api, "bySlug").ServerTwin, "the general operation is the fallback")
	var shadowed []string
	for _, w := range api.Notes {
		if strings.Contains(w.Message, "same request") {
			shadowed = append(shadowed, w.Pointer)
		}
	}
	require.Equal(t, []string{"/paths/~1token#other/post"}, shadowed, "other declares what token does")
	require.Equal(t, []*Operation{operation(api, "token"), operation(api, "other")}, operation(api, "other").ServerIdentical)
	require.Nil(t, operation(api, "refresh").ServerIdentical)
}
