// Package preview rasterises composed pages (frame.Page) to images: the
// page that will print, drawn from the same frames the PDF writer draws,
// with the same glyph outlines (read from the embedded font files through
// go-text's font API: TrueType quadratic and CFF cubic outlines alike), in
// the same places (positions in points from the top left of the media,
// text baselines and glyph offsets as the shaper set them, rotation about
// a text's top-left corner).
//
// Paths are filled with golang.org/x/image/vector, the Go project's
// anti-aliasing rasteriser (the one golang.org/x/image/font uses): it is
// maintained with the standard library's image packages, draws straight
// into an *image.RGBA, and has SIMD accumulation on amd64. Axis-aligned
// rectangles and rules, most of a page's area, are filled with exact
// coverage instead, which is faster and as sharp as the PDF viewer's.
//
// Colours are the RGB that screens and desktop printers get (a press
// colour's CMYK or spot ink is not simulated). Glyph masks are cached per
// font, glyph, size, rotation and quarter-pixel phase for the rest of the
// process, so a page redrawn after an edit costs little more than its
// changed text.
package preview
