package main

import (
	"errors"
	"flag"
	"fmt"
	"strings"

	"github.com/seed-0d47db62/livegen/generator"
	"github.com/seed-0d47db62/livegen/internal/config"
)

// selectionFlags are the include and exclude flags, by rule name; livegen
// and livegen diff both take them.
type selectionFlags map[string]*string

var selectionUsage = []struct{ rule, doc string }{
	{generator.RuleIncludeTags, "comma-separated tags: generate only the operations with one of them (and the types they reach)"},
	{generator.RuleIncludeOperations, "comma-separated operationIds to generate; with other -include-* flags, an operation matching any is kept"},
	{generator.RuleIncludePaths, "comma-separated path prefixes to generate (/v1/lives keeps /v1/lives and /v1/lives/{id})"},
	{generator.RuleExcludeTags, "comma-separated tags whose operations and webhooks are not generated; exclusion wins over inclusion"},
	{generator.RuleExcludeOperations, "comma-separated operationIds not to generate (webhooks too)"},
	{generator.RuleExcludePaths, "comma-separated path prefixes not to generate"},
}

func addSelectionFlags(fs *flag.FlagSet) selectionFlags {
	sf := selectionFlags{}
	for _, u := range selectionUsage {
		sf[u.rule] = fs.String(u.rule, "", u.doc)
	}
	return sf
}

// apply lays the flags that were given over base (the config's rules),
// rule by rule; it returns nil when nothing is selected.
func (sf selectionFlags) apply(base *generator.Selection, set map[string]bool) (*generator.Selection, error) {
	s := generator.Selection{}
	if base != nil {
		s = *base
	}
	lists := map[string]*[]string{
		generator.RuleIncludeTags: &s.IncludeTags, generator.RuleIncludeOperations: &s.IncludeOperations,
		generator.RuleIncludePaths: &s.IncludePaths, generator.RuleExcludeTags: &s.ExcludeTags,
		generator.RuleExcludeOperations: &s.ExcludeOperations, generator.RuleExcludePaths: &s.ExcludePaths,
	}
	for _, u := range selectionUsage {
		if !set[u.rule] {
			continue
		}
		values := strings.Split(*sf[u.rule], ",")
		for _, v := range values {
			if msg := config.CheckSelectionValue(u.rule, v); msg != "" {
				return nil, fmt.Errorf("-%s: %s", u.rule, msg)
			}
		}
		*lists[u.rule] = values
	}
	if s.IsZero() {
		return nil, nil
	}
	return &s, nil
}

// locateSelection names the config key of an include rule that matches
// nothing, when the rule came from livegen.yaml.
func locateSelection(s settings, err error) error {
	var se *generator.SelectionError
	if s.cfg == nil || s.selFromFlag[errorRule(err, &se)] || se == nil {
		return err
	}
	return s.cfg.LocateSelection(err, se)
}

func errorRule(err error, se **generator.SelectionError) string {
	if errors.As(err, se) {
		return (*se).Rule
	}
	return ""
}
