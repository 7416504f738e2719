package layouts

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"image"
	_ "image/jpeg" // images may be JPEG
	_ "image/png"  // or PNG
	"os"
	"path/filepath"
	"strings"
	"sync"

	"handbill/frame"
	"handbill/source"
)

// Bounds on images. A logo is a few hundred kilobytes and a print-quality
// photo a few megabytes; a larger file, or a header claiming more pixels
// (a PNG can say 100000×100000 in 33 bytes), is refused before the image
// is decoded, so a hostile file cannot make handbill allocate gigabytes.
const (
	// MaxImageBytes is the largest image file handbill reads (as for a
	// content file's logo).
	MaxImageBytes = 20 << 20
	// MaxImagePixels is the most pixels an image may have: 40 megapixels,
	// an 8000×5000 photo (a poster's logo needs far fewer).
	MaxImagePixels = 40_000_000
)

// imageHint is the advice for an image handbill refuses.
const imageHint = "give a PNG or JPEG file of at most 40 megapixels; save it again from an image editor if it is damaged or not taken"

// imageKey names an image in the cache: the path it was read from and
// the SHA-256 of what was read.
type imageKey struct {
	path string
	sum  [sha256.Size]byte
}

type imageVerdict struct {
	data *frame.ImageData
	err  error
}

// images remembers, for the rest of the process, each image file read
// and what decoding it found: a logo is placed on every document of a
// build, and every job of a batch may name the same one. It holds at
// most imageCacheLimit bytes of image data; past that it starts again
// empty.
var images struct {
	sync.Mutex
	size int
	m    map[imageKey]imageVerdict
}

// imageCacheLimit is the most image bytes the cache holds.
const imageCacheLimit = 64 << 20

// loadImage reads path, checks that it is a PNG or JPEG file within the
// bounds that decodes in full, and returns it, shared with every other
// reader of the same bytes at the same path. Errors complete the sentence
// "image FILE …".
func loadImage(path string) (*frame.ImageData, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("cannot be read: %v", unwrap(err))
	}
	switch {
	case st.IsDir():
		return nil, fmt.Errorf("is a directory, not an image file")
	case !st.Mode().IsRegular():
		return nil, fmt.Errorf("is not a regular file")
	case st.Size() > MaxImageBytes:
		return nil, fmt.Errorf("is %.1f MB; an image may have at most %d MB", float64(st.Size())/(1<<20), MaxImageBytes>>20)
	}
	data, err := source.ReadFile(path, MaxImageBytes)
	if err != nil {
		return nil, fmt.Errorf("cannot be read: %v", unwrap(err))
	}
	key := imageKey{path, sha256.Sum256(data)}
	images.Lock()
	v, ok := images.m[key]
	images.Unlock()
	if ok {
		return v.data, v.err
	}
	im, err := decodeImage(data)
	if im != nil {
		im.Path, im.Hash = path, key.sum
	}
	kept := 0 // the bytes the cache holds on to
	if im != nil {
		kept = len(data)
	}
	images.Lock()
	images.size += kept
	if images.size > imageCacheLimit || images.m == nil {
		images.size, images.m = kept, map[imageKey]imageVerdict{}
	}
	images.m[key] = imageVerdict{im, err}
	images.Unlock()
	return im, err
}

// decodeImage checks the bytes of an image file: a PNG or JPEG of at most
// MaxImagePixels that decodes in full. Everything the PDF writer embeds
// decodes with Go's decoders (interlaced and 16-bit PNGs included), so an
// image that passes here is one the writer takes.
func decodeImage(data []byte) (*frame.ImageData, error) {
	cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil || (format != "png" && format != "jpeg") || cfg.Width <= 0 || cfg.Height <= 0 {
		return nil, fmt.Errorf("is not a PNG or JPEG image")
	}
	if px := int64(cfg.Width) * int64(cfg.Height); px > MaxImagePixels {
		return nil, fmt.Errorf("is %d×%d pixels (%.0f megapixels); an image may have at most %d megapixels",
			cfg.Width, cfg.Height, float64(px)/1e6, MaxImagePixels/1_000_000)
	}
	// Only now, with the size known to be sane, decode it all: a damaged
	// or truncated file is refused here, with its position, rather than
	// when the PDF is written.
	if _, _, err := image.Decode(bytes.NewReader(data)); err != nil {
		return nil, fmt.Errorf("is damaged or cut short (%v)", err)
	}
	return &frame.ImageData{Bytes: data, Format: format, Width: cfg.Width, Height: cfg.Height}, nil
}

// imageErr is the error for an image that cannot be used, at pos.
func imageErr(path string, pos source.Pos, err error) error {
	return &source.Diagnostic{Severity: source.Error, Pos: pos, Message: fmt.Sprintf("image %s %v", path, err), Hint: imageHint}
}

// imagePath is where the file an image block names is: src is relative
// to the layout file's folder, and may not leave it, as a content file's
// logo may not leave the content file's folder: a layout shared or
// downloaded must not read what it likes. An absolute path is refused,
// and so is a path or a link that leads out of the folder.
func (l *Layout) imagePath(src string, pos source.Pos) (string, error) {
	const hint = "copy the image into the layout file's folder (or below it) and name it from there, e.g. src: images/seal.png"
	if filepath.IsAbs(src) || strings.HasPrefix(src, "/") || strings.HasPrefix(src, `\`) || filepath.VolumeName(src) != "" {
		return "", &source.Diagnostic{Severity: source.Error, Pos: pos, Message: fmt.Sprintf("image %s: a layout names its images relative to its own folder, not by an absolute path", src), Hint: hint}
	}
	dir := filepath.Dir(l.Source)
	p := filepath.Join(dir, src)
	real, realDir := p, dir
	if r, err := filepath.EvalSymlinks(p); err == nil {
		real = r // a link must not lead out of the folder either
	}
	if r, err := filepath.EvalSymlinks(dir); err == nil {
		realDir = r
	}
	if rel, err := filepath.Rel(realDir, real); err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return "", &source.Diagnostic{Severity: source.Error, Pos: pos, Message: fmt.Sprintf("image %s is outside the layout file's folder", src), Hint: hint}
	}
	return p, nil
}
