package generator

import (
	"go/token"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestGoName(t *testing.T) {
	cases := map[string]string{
		"liveId":                "LiveID",
		"spotMemberIds":         "SpotMemberIDs",
		"videoUrl":              "VideoURL",
		"list-user.api_keys":    "ListUserAPIKeys",
		"HTTPServer":            "HTTPServer",
		"user_id":               "UserID",
		"2fa_enabled":           "N2FaEnabled",
		"display name":          "DisplayName",
		"":                      "X",
		"@type":                 "AtType",
		"title[eq]":             "TitleEq",
		"startDate[gte]":        "StartDateGte",
		"Evaluator/Recommender": "EvaluatorOrRecommender",
		"C++":                   "CPlusPlus",
		"é-mail":                "ÉMail",
		"日本":                    "X日本",
	}
	for in, want := range cases {
		got := GoName(in)
		require.Equal(t, want, got, "GoName(%q)", in)
		require.True(t, token.IsIdentifier(got) && token.IsExported(got), "GoName(%q) = %q is not an exported identifier", in, got)
	}
}

func TestEnumValueNamesStayReadable(t *testing.T) {
	cases := map[string]string{
		"1-20":             "1To20",
		"More than 10,000": "MoreThan10000",
		"en-US":            "EnUS",
		"500-1,000":        "500To1000",
		"<5":               "LessThan5",
	}
	for in, want := range cases {
		require.Equal(t, want, goNamePart(in), "goNamePart(%q)", in)
	}
}

func TestGoLocalNameAvoidsKeywordsAndPredeclared(t *testing.T) {
	for in, want := range map[string]string{"type": "type_", "string": "string_", "liveId": "liveID", "ID": "id", "URLPath": "urlPath"} {
		require.Equal(t, want, goLocalName(in), "goLocalName(%q)", in)
	}
}

func TestNameSetSuffixesCollisions(t *testing.T) {
	s := newNameSet("Client")
	require.Equal(t, "Client2", s.claim("Client"))
	require.Equal(t, "Live", s.claim("Live"))
	require.Equal(t, "Live2", s.claim("Live"))
	require.Equal(t, "Live3", s.claim("Live"))
}
