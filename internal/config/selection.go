package config

import (
	"strings"

	"github.com/seed-0d47db62/livegen/generator"
)

// selectionKeys pairs each selection key of livegen.yaml with its flag.
var selectionKeys = []struct{ key, rule string }{
	{"includeTags", generator.RuleIncludeTags},
	{"includeOperations", generator.RuleIncludeOperations},
	{"includePaths", generator.RuleIncludePaths},
	{"excludeTags", generator.RuleExcludeTags},
	{"excludeOperations", generator.RuleExcludeOperations},
	{"excludePaths", generator.RuleExcludePaths},
}

// selectionLists returns the file's lists by rule name.
func (f *File) selectionLists() map[string][]string {
	return map[string][]string{
		generator.RuleIncludeTags: f.IncludeTags, generator.RuleIncludeOperations: f.IncludeOperations,
		generator.RuleIncludePaths: f.IncludePaths, generator.RuleExcludeTags: f.ExcludeTags,
		generator.RuleExcludeOperations: f.ExcludeOperations, generator.RuleExcludePaths: f.ExcludePaths,
	}
}

// checkSelection rejects empty entries and paths that do not start with /.
func (c *Config) checkSelection() error {
	lists := c.selectionLists()
	for _, k := range selectionKeys {
		for i, v := range lists[k.rule] {
			if msg := CheckSelectionValue(k.rule, v); msg != "" {
				return c.errorAt(k.key, "", "item %d: %s", i+1, msg)
			}
		}
	}
	return nil
}

// CheckSelectionValue says what is wrong with one value of a selection
// rule, or "" when nothing is; the flags are held to it too.
func CheckSelectionValue(rule, v string) string {
	switch {
	case strings.TrimSpace(v) == "":
		return "is empty; remove it or give a name"
	case strings.HasSuffix(rule, "-paths") && !strings.HasPrefix(v, "/"):
		return "\"" + v + "\" is not a path prefix; write it as in the spec's paths, starting with / (/v1/lives)"
	}
	return ""
}

// Selection is the file's include and exclude rules; nil when it has none.
func (c *Config) Selection() *generator.Selection {
	f := &c.File
	s := &generator.Selection{
		IncludeTags: f.IncludeTags, IncludeOperations: f.IncludeOperations, IncludePaths: f.IncludePaths,
		ExcludeTags: f.ExcludeTags, ExcludeOperations: f.ExcludeOperations, ExcludePaths: f.ExcludePaths,
	}
	if s.IsZero() {
		return nil
	}
	return s
}

// LocateSelection puts an include rule that matches nothing at its key
// and line in the file; other errors are returned as they are.
func (c *Config) LocateSelection(err error, e *generator.SelectionError) error {
	for _, k := range selectionKeys {
		if k.rule == e.Rule {
			if _, set := c.lines[k.key]; set {
				return c.errorAt(k.key, "", "%q %s", e.Value, e.Message)
			}
		}
	}
	return err
}
