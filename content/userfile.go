package content

// userFile is a user's content file as written. The format is documented
// in README-format.md; Schema returns its JSON Schema.
type userFile struct {
	// Languages to build when the command line names none.
	Languages []Text `yaml:"languages"`
	// Region whose hotlines to print when the command line names none.
	Region Text `yaml:"region"`
	// Audience when the command line names none.
	Audience     Text     `yaml:"audience"`
	Organization *orgSpec `yaml:"organization"`
	// Messages overrides, per language: LANG → KEY → text or list.
	Messages map[Text]*messageSet `yaml:"messages"`
	// Audiences overrides: AUDIENCE → LANG → KEY → text or list.
	Audiences map[Text]map[Text]*messageSet `yaml:"audiences"`
	// Hotlines adds local lines, or replaces built-in ones (same id).
	Hotlines []hotlineSpec `yaml:"hotlines"`
}

// orgSpec is the organisation block as written.
type orgSpec struct {
	Name    Text  `yaml:"name"`
	Contact Text  `yaml:"contact"`
	Logo    Text  `yaml:"logo"`
	Color   Color `yaml:"color"`
}
