package generator

import (
	"go/token"
	"os"
	"path"
	"path/filepath"
	"regexp"
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
		"@type":                 "Type",
		"issues/list-for-repo":  "IssuesListForRepo",
		"files.put-file":        "FilesPutFile",
		"title[eq]":             "TitleEq",
		"startDate[gte]":        "StartDateGte",
		"Evaluator/Recommender": "EvaluatorRecommender",
		"C++":                   "C",
		"1-20":                  "N120",
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
		"C++":              "CPlusPlus",
		"-1":               "Minus1",
		"a/b":              "AB",
	}
	for in, want := range cases {
		require.Equal(t, want, enumNamePart(in), "enumNamePart(%q)", in)
	}
}

func TestGoLocalNameAvoidsKeywordsAndPredeclared(t *testing.T) {
	for in, want := range map[string]string{"type": "type_", "string": "string_", "url": "url_", "http": "http_", "json": "json_", "liveId": "liveID", "ID": "id", "URLPath": "urlPath"} {
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

// TestImportedPackagesCoverTheTemplates: every standard package the
// templates import is a name locals avoid.
func TestImportedPackagesCoverTheTemplates(t *testing.T) {
	files, err := filepath.Glob("../templates/*.go")
	require.NoError(t, err)
	constant := regexp.MustCompile(`(?m)(?:^\s+pkg\w+\s*=\s*|Qual\()"([a-z0-9/]+)"`)
	found := 0
	for _, file := range files {
		data, err := os.ReadFile(file)
		require.NoError(t, err)
		for _, m := range constant.FindAllStringSubmatch(string(data), -1) {
			found++
			name := path.Base(m[1])
			if m[1] == "math/rand/v2" {
				name = "rand"
			}
			require.True(t, importedPackages[name], "%s imports %s; add %q to importedPackages", file, m[1], name)
		}
	}
	require.Greater(t, found, 10)
}
