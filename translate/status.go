package translate

import (
	"golang.org/x/text/language"

	"handbill/content"
)

// StatusRow is how far one language's messages are reviewed.
type StatusRow struct {
	Lang                                      language.Tag
	Messages, Reviewed, Draft, Stale, Missing int
	// Reviewer and Date are the user file's review of the language, if any.
	Reviewer, Date string
}

// Status counts, per language, its messages (as exported: list items and
// call-only forms each count), the reviewed ones, the machine drafts,
// the stale (reviewed against an English that has changed since) and
// the missing (English printed in their place).
func Status(s *content.Set, langs []language.Tag, audience string) ([]StatusRow, error) {
	var rows []StatusRow
	for _, tag := range langs {
		units, err := Units(s, tag, audience)
		if err != nil {
			return nil, err
		}
		r := StatusRow{Lang: tag, Messages: len(units)}
		for _, u := range units {
			switch {
			case u.Missing:
				r.Missing++
			case u.Stale:
				r.Stale++
			case u.Reviewed():
				r.Reviewed++
			case u.Draft():
				r.Draft++
			}
		}
		if p, ok := s.UserProvenance(tag); ok {
			r.Reviewer, r.Date = p.Reviewer, p.Date
		}
		rows = append(rows, r)
	}
	return rows, nil
}
