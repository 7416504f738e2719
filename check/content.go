package check

import (
	"fmt"
	"maps"
	"slices"
	"time"

	"handbill/content"
	"handbill/source"
	"handbill/text"
)

// staleWarnings flags hotlines last verified more than a year before now:
// numbers change, and a stale one may no longer answer.
func staleWarnings(d *content.Doc, now time.Time) []source.Diagnostic {
	if now.IsZero() {
		now = time.Now()
	}
	var out []source.Diagnostic
	for _, h := range append(slices.Clone(d.Hotlines), d.Emergency) {
		if v, ok := h.VerifiedDate(); ok && now.Sub(v) > 366*24*time.Hour {
			out = append(out, source.Diagnostic{Severity: source.Warning, Pos: h.Pos, Rule: content.RuleStale,
				Message: fmt.Sprintf("hotline %s (%s) was last verified on %s, over a year ago; check the number and update `verified`", h.ID, h.Display, h.Verified)})
		}
	}
	return out
}

// Content is everything to warn about in a resolved document: what
// content found, stale hotlines and text with nowhere to break.
func Content(d *content.Doc, now time.Time) []source.Diagnostic {
	return slices.Concat(d.Warnings, unbrokenWarnings(d), staleWarnings(d, now))
}

// unbrokenWarnings flags Thai, Khmer, Lao or Myanmar text with a run of
// letters too long to break (see text.UnbrokenRuns): words the dictionary
// does not know (or Myanmar, which has none), with no zero width space.
func unbrokenWarnings(d *content.Doc) []source.Diagnostic {
	var out []source.Diagnostic
	check := func(key string, t source.Text) {
		for _, run := range text.UnbrokenRuns(t.S) {
			out = append(out, source.Diagnostic{Severity: source.Warning, Pos: t.Pos, Rule: content.RuleUnbroken,
				Message: fmt.Sprintf("`%s` has %d characters with no place to break (%q…): handbill's dictionary knows no word in them; put ZERO WIDTH SPACE (U+200B) between words",
					key, len([]rune(run)), string([]rune(run)[:8]))})
		}
	}
	for _, k := range slices.Sorted(maps.Keys(d.Messages.Texts)) {
		check(k, d.Messages.Texts[k])
	}
	for _, k := range slices.Sorted(maps.Keys(d.Messages.Lists)) {
		for _, t := range d.Messages.Lists[k] {
			check(k, t)
		}
	}
	return out
}
