package content

import "handbill/source"

// userFile is a user's content file as written. The format is documented
// in README-format.md; Schema returns its JSON Schema.
type userFile struct {
	// Languages to build when the command line names none.
	Languages []source.Text `yaml:"languages"`
	// Region whose hotlines to print when the command line names none.
	Region source.Text `yaml:"region"`
	// Audience when the command line names none.
	Audience     source.Text `yaml:"audience"`
	Organization *orgSpec    `yaml:"organization"`
	// Messages overrides, per language: LANG → KEY → text or list.
	Messages map[source.Text]*messageSet `yaml:"messages"`
	// Audiences overrides: AUDIENCE → LANG → KEY → text or list.
	Audiences map[source.Text]map[source.Text]*messageSet `yaml:"audiences"`
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
