package content

import (
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/language"
)

// syllables estimates the syllables of an English word: vowel groups,
// less a silent final e ("someone", "police"), "-es" and "-ed"; an
// acronym (LGBTQ, ID) is spoken letter by letter.
func syllables(word string) int {
	letters := strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) {
			return r
		}
		return -1
	}, word)
	if letters == "" {
		return 0
	}
	upper := 0
	for _, r := range letters {
		if unicode.IsUpper(r) {
			upper++
		}
	}
	if upper >= 2 { // LGBTQ, ID, STIs
		return upper
	}
	w := strings.ToLower(letters)
	if n, ok := syllableExceptions[w]; ok {
		return n
	}
	if len(w) <= 3 {
		return 1
	}
	w = silentEnding.ReplaceAllString(w, "")
	w = strings.TrimPrefix(w, "y")
	n := len(vowelGroup.FindAllString(w, -1))
	return max(n, 1)
}

var (
	silentEnding = regexp.MustCompile(`(?:[^laeiouy]es|ed|[^laeiouy]e)$`)
	vowelGroup   = regexp.MustCompile(`[aeiouy]{1,2}`)
	// Words the rules get wrong.
	syllableExceptions = map[string]int{
		"wanted": 2, "needed": 2, "trusted": 2, "coached": 1, "reaches": 2,
		"being": 2, "languages": 3, "area": 3, "idea": 3, "media": 3, "social": 2, "create": 2,
	}
)

func TestSyllables(t *testing.T) {
	for w, want := range map[string]int{
		"cat": 1, "the": 1, "table": 2, "trafficking": 3, "confidential": 4,
		"someone": 2, "everyone": 3, "children": 2, "family": 3, "police": 2,
		"abused": 2, "danger": 2, "LGBTQ": 5, "ID": 2, "money": 2, "online": 2,
		"girlfriend": 2, "language": 2, "languages": 3, "media": 3, "coached": 1,
		"don't": 1, "24/7": 0, "anything": 3, "protect": 2, "activities": 4,
	} {
		if got := syllables(w); got != want {
			t.Errorf("syllables(%q) = %d, want %d", w, got, want)
		}
	}
}

var sentenceEnd = regexp.MustCompile(`[.!?]+(\s|$)`)

// textStats counts the words, sentences and syllables of s. A string with
// no end mark (a list item) is one sentence.
func textStats(s string) (words, sentences, syl int) {
	for _, w := range strings.Fields(s) {
		if n := syllables(w); n > 0 {
			words++
			syl += n
		}
	}
	sentences = max(len(sentenceEnd.FindAllString(s, -1)), 1)
	return
}

// fleschKincaid is the Flesch–Kincaid grade level of the given text.
func fleschKincaid(words, sentences, syl int) float64 {
	return 0.39*float64(words)/float64(sentences) + 11.8*float64(syl)/float64(words) - 15.59
}

// bodyStrings are a document's sentences: every list item and every text
// but titles, labels and the QR caption.
func bodyStrings(m Messages) []string {
	var out []string
	for _, k := range MessageKeys {
		if strings.HasSuffix(k, "_title") || strings.HasSuffix(k, "_label") || k == "qr_caption" {
			continue
		}
		if IsListKey(k) {
			for _, t := range m.Lists[k] {
				out = append(out, t.S)
			}
		} else if t, ok := m.Texts[k]; ok {
			out = append(out, t.S)
		}
	}
	return out
}

// TestEnglishReadability computes the Flesch–Kincaid grade of the English
// body text for each audience: at most grade 6, as plain-language
// guidance for awareness materials asks.
func TestEnglishReadability(t *testing.T) {
	s, err := Load("")
	if err != nil {
		t.Fatal(err)
	}
	for _, aud := range Audiences {
		d, err := s.Resolve(language.English, aud, "US")
		if err != nil {
			t.Fatal(err)
		}
		var w, sn, sy int
		worst, worstGrade := "", 0.0
		for _, str := range bodyStrings(d.Messages) {
			a, b, c := textStats(str)
			w, sn, sy = w+a, sn+b, sy+c
			if g := fleschKincaid(a, b, c); g > worstGrade {
				worst, worstGrade = str, g
			}
		}
		grade := fleschKincaid(w, sn, sy)
		t.Logf("%-10s grade %.1f (%d words, %d sentences, %.2f syllables a word); hardest %.1f: %q",
			aud, grade, w, sn, float64(sy)/float64(w), worstGrade, worst)
		if grade > 6 {
			t.Errorf("%s: English body text is at grade %.1f, want 6 or below", aud, grade)
		}
	}
}

// TestCardSentencesShort: every sentence printed on a wallet card or a
// sticker is under 15 words, in every language and audience.
func TestCardSentencesShort(t *testing.T) {
	s, err := Load("")
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range s.Languages() {
		for _, aud := range Audiences {
			d, err := s.Resolve(l.Tag, aud, "US")
			if err != nil {
				t.Fatal(err)
			}
			for _, k := range CardKeys {
				for _, sentence := range splitSentences(d.Messages.Texts[k].S) {
					if n := len(strings.Fields(sentence)); n >= 15 {
						t.Errorf("%s/%s %s: %d words: %q", l.Tag, aud, k, n, sentence)
					}
				}
			}
		}
	}
}

func splitSentences(s string) []string {
	var out []string
	for _, p := range sentenceEnd.Split(s, -1) {
		if strings.TrimSpace(p) != "" {
			out = append(out, p)
		}
	}
	return out
}

// The test's own machinery: a hard text must score above grade 6.
func TestFleschKincaidDiscriminates(t *testing.T) {
	hard := "Commercial sexual exploitation of children encompasses the recruitment, harboring, transportation, provision, or obtaining of a minor for the purposes of a commercial sex act."
	if g := fleschKincaid(textStats(hard)); g < 12 {
		t.Errorf("statute-like sentence scored grade %.1f", g)
	}
	easy := "You are not alone. It is not your fault."
	if g := fleschKincaid(textStats(easy)); g > 2 {
		t.Errorf("short plain sentences scored grade %.1f", g)
	}
	if !slices.Equal(splitSentences("Need help? Call or text. Free, 24/7."), []string{"Need help", "Call or text", "Free, 24/7"}) {
		t.Errorf("splitSentences: %q", splitSentences("Need help? Call or text. Free, 24/7."))
	}
}
