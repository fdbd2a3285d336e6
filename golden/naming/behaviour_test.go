package naming

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/require"
)

func decodeStrictT[T any](t *testing.T, data string) T {
	t.Helper()
	var v T
	dec := json.NewDecoder(bytes.NewReader([]byte(data)))
	dec.DisallowUnknownFields()
	require.NoError(t, dec.Decode(&v))
	return v
}

func roundTrip[T any](t *testing.T, data string) T {
	t.Helper()
	v := decodeStrictT[T](t, data)
	out, err := json.Marshal(v)
	require.NoError(t, err)
	require.JSONEq(t, data, string(out))
	return v
}

// The identifiers below are the contract of the naming case: this file does
// not compile if one of them changes.
var (
	_ UserProfile  = "a string type"
	_ UserProfile2 = UserProfile2{
		N2FaEnabled: new(bool),
		DisplayName: new(string),
		HomepageURL: new(string),
		HTTPStatus:  new(int),
		UserID:      new(string),
		UserID2:     new(string),
		ÉMail:       new(string),
	}
	_ BetterName            = BetterName{Value: new(string)}
	_ ListUserAPIKeysParams = ListUserAPIKeysParams{PageSize: new(int)}
)

func TestNamingEachFieldFromItsOwnJSONName(t *testing.T) {
	p := roundTrip[UserProfile2](t, `{"userId":"camel","user_id":"snake"}`)
	require.Equal(t, "camel", *p.UserID)
	require.Equal(t, "snake", *p.UserID2)

	p = roundTrip[UserProfile2](t, `{"user_id":"snake"}`)
	require.Nil(t, p.UserID)
	require.Equal(t, "snake", *p.UserID2)

	p = roundTrip[UserProfile2](t, `{"userId":"camel"}`)
	require.Equal(t, "camel", *p.UserID)
	require.Nil(t, p.UserID2)
}

func TestNamingUnusualJSONNames(t *testing.T) {
	in := `{"2fa_enabled":true,"display name":"Ada L.","homepage_url":"https://a.example","http_status":200,"é-mail":"ada@example.com"}`
	p := roundTrip[UserProfile2](t, in)
	require.True(t, *p.N2FaEnabled)
	require.Equal(t, "Ada L.", *p.DisplayName)
	require.Equal(t, "https://a.example", *p.HomepageURL)
	require.Equal(t, 200, *p.HTTPStatus)
	require.Equal(t, "ada@example.com", *p.ÉMail)

	out, err := json.Marshal(UserProfile2{})
	require.NoError(t, err)
	require.JSONEq(t, `{}`, string(out))
}

func TestNamingXGoName(t *testing.T) {
	b := roundTrip[BetterName](t, `{"v":"value"}`)
	require.Equal(t, "value", *b.Value)
	var u UserProfile
	require.NoError(t, json.Unmarshal([]byte(`"x"`), &u))
	require.Equal(t, UserProfile("x"), u)
}
