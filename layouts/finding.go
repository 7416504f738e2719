package layouts

import (
	"fmt"

	"handbill/content"
)

// Severities of a finding.
const (
	SevError   = "error"
	SevWarning = "warning"
)

// Finding is one problem `handbill check` (and build) reports: what is
// wrong, where in the content or layout file, for which output and
// language, and what to change.
type Finding struct {
	Severity string      `json:"severity"`
	Pos      content.Pos `json:"-"`
	Where    string      `json:"where,omitempty"` // Pos as text, for JSON
	Product  string      `json:"product,omitempty"`
	Lang     string      `json:"language,omitempty"`
	Msg      string      `json:"message"`
	Hint     string      `json:"hint,omitempty"`
	// Rule names the law or rule behind the finding, e.g. "CA Civ. Code
	// 52.6" or "WCAG 2.1 AA".
	Rule string `json:"rule,omitempty"`
}

// String is the finding as one line: "error: FILE:LINE:COL: [PRODUCT LANG] MESSAGE".
func (f Finding) String() string {
	where := ""
	if f.Pos.File != "" {
		where = f.Pos.String() + ": "
	}
	ctx := ""
	switch {
	case f.Product != "" && f.Lang != "":
		ctx = fmt.Sprintf("[%s %s] ", f.Product, f.Lang)
	case f.Product != "":
		ctx = fmt.Sprintf("[%s] ", f.Product)
	}
	return fmt.Sprintf("%s: %s%s%s", f.Severity, where, ctx, f.Msg)
}
