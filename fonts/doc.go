// Package fonts holds the bundled fonts (embedded TrueType faces and
// their licences), the registry that chooses a face by language and script
// with per-character fallback, users' --font files and their checks, and
// the subsetter that writes the glyphs a document uses.
package fonts
