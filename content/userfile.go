package content

import (
	"handbill/source"

	"gopkg.in/yaml.v3"
)

// userFile is a user's content file as written. The format is documented
// in README-format.md; Schema returns its JSON Schema.
type userFile struct {
	// Languages to build when the command line names none.
	Languages langList `yaml:"languages"`
	// Region whose hotlines to print when the command line names none.
	Region source.Text `yaml:"region"`
	// Audience when the command line names none.
	Audience     source.Text `yaml:"audience"`
	Organization *orgSpec    `yaml:"organization"`
	// Messages overrides, per language: LANG → KEY → text or list.
	Messages map[source.Text]*messageSet `yaml:"messages"`
	// Audiences overrides: AUDIENCE → LANG → KEY → text or list.
	Audiences map[source.Text]map[source.Text]*messageSet `yaml:"audiences"`
	// HotlineNames names hotlines in a language: LANG → ID → name.
	HotlineNames map[source.Text]map[source.Text]source.Text `yaml:"hotline_names"`
	// Provenance says who reviewed the file's text in a language: LANG →
	// status, reviewer, date.
	Provenance map[source.Text]*userProvenance `yaml:"provenance"`
	// Hotlines adds local lines, or replaces built-in ones (same id).
	Hotlines []hotlineSpec `yaml:"hotlines"`
}

// orgSpec is the organisation block as written.
type orgSpec struct {
	Name    source.Text `yaml:"name"`
	Contact source.Text `yaml:"contact"`
	Logo    source.Text `yaml:"logo"`
	Color   Color       `yaml:"color"`
}

// userProvenance is what a content file says about the review of its
// text in one language.
type userProvenance struct {
	Status   source.Text `yaml:"status,required"`
	Reviewer source.Text `yaml:"reviewer"`
	Date     source.Text `yaml:"date,required"`
	// Sources records, per message (`headline`, `signs[2]`), the hash of
	// the English source text it was reviewed against (content.SourceHash),
	// as `handbill translate import` writes it: a changed English makes
	// the translation stale.
	Sources map[source.Text]source.Text `yaml:"sources"`
	pos     source.Pos
}

// DecodeYAMLNode reads the mapping and keeps its position.
func (p *userProvenance) DecodeYAMLNode(d *source.Decoder, n *yaml.Node, name string) error {
	type plain userProvenance
	if err := d.Decode(n, name, (*plain)(p)); err != nil {
		return err
	}
	p.pos = d.Pos(n)
	return nil
}

// langList is the `languages:` list: the tags, and where the list is
// (an empty list is refused there).
type langList struct {
	tags []source.Text
	set  bool
	pos  source.Pos
}

// DecodeYAMLNode reads a list of tags.
func (l *langList) DecodeYAMLNode(d *source.Decoder, n *yaml.Node, name string) error {
	if err := d.Decode(n, name, &l.tags); err != nil {
		return err
	}
	if len(l.tags) == 0 {
		return d.Errorf(n, "list the languages to build, e.g. [en, es], or remove the key to build English and Spanish", "`languages` is an empty list")
	}
	l.set, l.pos = true, d.Pos(n)
	return nil
}
