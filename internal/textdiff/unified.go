package textdiff

import (
	"fmt"
	"strings"
)

// SplitLines cuts text into lines, each with its "\n"; the last line has
// none when the text does not end with a newline.
func SplitLines(text string) []string {
	if text == "" {
		return nil
	}
	lines := strings.SplitAfter(text, "\n")
	if lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	return lines
}

// Hunk is a run of changes with the unchanged lines around them.
type Hunk struct {
	// OldStart and NewStart are the 1-based numbers of the hunk's first line
	// in each text; for an empty side, the number of the line before it.
	OldStart, OldLines int
	NewStart, NewLines int
	Lines              []Line
}

// Hunks groups an edit script into hunks with up to context unchanged lines
// on each side; changes closer than 2*context lines share a hunk.
func Hunks(script []Line, context int) []Hunk {
	var hunks []Hunk
	oldLine, newLine := 1, 1 // the numbers of script[pos]'s line in each text
	pos := 0
	for i := 0; i < len(script); i++ {
		if script[i].Kind == Equal {
			continue
		}
		start := max(i-context, pos)
		end := hunkEnd(script, i, context)
		for ; pos < start; pos++ {
			oldLine, newLine = oldLine+1, newLine+1
		}
		h := Hunk{OldStart: oldLine, NewStart: newLine, Lines: script[start:end]}
		for ; pos < end; pos++ {
			if script[pos].Kind != Insert {
				h.OldLines++
				oldLine++
			}
			if script[pos].Kind != Delete {
				h.NewLines++
				newLine++
			}
		}
		if h.OldLines == 0 {
			h.OldStart--
		}
		if h.NewLines == 0 {
			h.NewStart--
		}
		hunks = append(hunks, h)
		i = end - 1
	}
	return hunks
}

// hunkEnd returns the script index just after the hunk that has its first
// change at i: it runs on while the next change is within 2*context
// unchanged lines, and keeps context lines after its last change.
func hunkEnd(script []Line, i, context int) int {
	end := i
	for end < len(script) {
		if script[end].Kind != Equal {
			end++
			continue
		}
		run := 0
		for end+run < len(script) && script[end+run].Kind == Equal {
			run++
		}
		if end+run == len(script) || run > 2*context {
			return end + min(run, context)
		}
		end += run
	}
	return end
}

// Unified returns the unified diff turning old into new, with three lines
// of context, or "" when they are equal. oldName and newName head the diff.
func Unified(oldName, newName, old, new string) string {
	if old == new {
		return ""
	}
	hunks := Hunks(Diff(SplitLines(old), SplitLines(new)), 3)
	var b strings.Builder
	fmt.Fprintf(&b, "--- %s\n+++ %s\n", oldName, newName)
	for _, h := range hunks {
		fmt.Fprintf(&b, "@@ -%s +%s @@\n", rangeText(h.OldStart, h.OldLines), rangeText(h.NewStart, h.NewLines))
		for _, l := range h.Lines {
			b.WriteByte(byte(l.Kind))
			b.WriteString(l.Text)
			if !strings.HasSuffix(l.Text, "\n") {
				b.WriteString("\n\\ No newline at end of file\n")
			}
		}
	}
	return b.String()
}

// rangeText writes a hunk range as diff -u does: the count is left out when
// it is one.
func rangeText(start, lines int) string {
	if lines == 1 {
		return fmt.Sprint(start)
	}
	return fmt.Sprintf("%d,%d", start, lines)
}
