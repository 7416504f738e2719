package content

import (
	"fmt"
	"testing"
	"golang.org/x/text/language"
)

func TestZZScratch(t *testing.T) {
	for _, src := range []string{
		"messages:\n  en:\n    headline: \"a\\u0001b\"\n",
		"messages:\n  en:\n    headline: \"a\\uD800b\"\n",
		"messages:\n  en:\n    headline: \"a\\x00b\"\n",
		"messages:\n  en:\n    headline: a\x01b\n",
		"messages:\n  en:\n    headline: a\xed\xa0\x80b\n",
		"messages:\n  en:\n    headline: a\x7fb\n",
		"messages:\n  en:\n    headline: \"a\\u202Eb\"\n",
		"messages:\n  en:\n    headline: \"a\\x85b\\u2028\"\n",
	} {
		s, err, _ := loadContent(t, src)
		if err != nil {
			fmt.Printf("%q -> %v\n", src, err)
			continue
		}
		d, _ := s.Resolve(language.Und, "", "")
		_ = d
		fmt.Printf("%q -> ok %q\n", src, s.userShared["en"].texts["headline"].S)
	}
}
