package translate

import (
	"testing"
	"time"

	"golang.org/x/text/language"

	"handbill/content"
	"handbill/fonts"
)

func TestRoom(t *testing.T) {
	s, err := content.Load("")
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	room, err := Room(s, language.Vietnamese, "", fonts.Builtin())
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%s: %v", time.Since(start), room)
	cur := len([]rune(mustResolve(t, s).Messages.Texts["sticker_question"].S))
	if n := room["sticker_question"]["sticker"]; n < cur || n >= roomCap {
		t.Errorf("sticker_question on the sticker: room %d, current text %d", n, cur)
	}
}

func mustResolve(t *testing.T, s *content.Set) *content.Doc {
	d, err := s.Resolve(language.Vietnamese, "", "US")
	if err != nil {
		t.Fatal(err)
	}
	return d
}
