// Package content holds what handbill's materials say: built-in texts per
// language, embedded, and the decoding of users' content files.
package content

import (
	_ "embed"
	"fmt"
	"strings"

	"golang.org/x/text/language"
	"gopkg.in/yaml.v3"
)

//go:embed specimen.yaml
var specimenYAML []byte

// Sample is one line of the specimen: a language and a sentence in it.
type Sample struct {
	Lang   language.Tag
	Name   string // English name of the language
	Native string // the language's name in its own script
	Text   string
}

// Specimen returns the built-in sample lines, one per supported script.
func Specimen() ([]Sample, error) {
	var doc struct {
		Samples []struct {
			Lang   string `yaml:"lang"`
			Name   string `yaml:"name"`
			Native string `yaml:"native"`
			Text   string `yaml:"text"`
		} `yaml:"samples"`
	}
	dec := yaml.NewDecoder(strings.NewReader(string(specimenYAML)))
	dec.KnownFields(true)
	if err := dec.Decode(&doc); err != nil {
		return nil, fmt.Errorf("built-in specimen.yaml: %w", err)
	}
	out := make([]Sample, 0, len(doc.Samples))
	for _, s := range doc.Samples {
		tag, err := language.Parse(s.Lang)
		if err != nil {
			return nil, fmt.Errorf("built-in specimen.yaml: language %q: %w", s.Lang, err)
		}
		out = append(out, Sample{Lang: tag, Name: s.Name, Native: s.Native, Text: s.Text})
	}
	return out, nil
}
