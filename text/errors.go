package text

import (
	"fmt"
	"strings"

	"golang.org/x/text/language"
)

// MissingGlyphError reports a character no face can draw.
type MissingGlyphError struct {
	Text  string
	Lang  language.Tag
	Rune  rune
	Tried []string
	// Control is set when the character is a control character or an
	// invalid one (an unpaired surrogate), which no font draws.
	Control bool
}

func (e *MissingGlyphError) Error() string {
	if e.Control {
		return fmt.Sprintf("text %s holds the control character U+%04X, which cannot be printed", quote(e.Text), e.Rune)
	}
	return fmt.Sprintf("no font has the character U+%04X %q (language %s; tried %s)",
		e.Rune, string(e.Rune), e.Lang, strings.Join(e.Tried, ", "))
}

// Hint says what the user can do.
func (e *MissingGlyphError) Hint() string {
	if e.Control {
		return "remove the control character from the text"
	}
	return "check the character is what you meant, or add a font that has it with --font FILE"
}

// quote shortens long text for messages.
func quote(s string) string {
	r := []rune(s)
	if len(r) > 40 {
		s = string(r[:37]) + "…"
	}
	return fmt.Sprintf("%q", s)
}
