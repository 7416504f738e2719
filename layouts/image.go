package layouts

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"image"
	"os"
	"sync"

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

type imageVerdict struct {
	cfg image.Config
	err error
}

// imageChecks caches decodeImage's verdicts by the file's SHA-256: a logo
// is placed on every document of a build.
var imageChecks sync.Map // [sha256.Size]byte → imageVerdict

// loadImage checks that path is a PNG or JPEG file within the bounds that
// decodes in full, and returns its dimensions. Errors complete the
// sentence "image FILE …".
func loadImage(path string) (image.Config, error) {
	st, err := os.Stat(path)
	if err != nil {
		return image.Config{}, fmt.Errorf("cannot be read: %v", unwrap(err))
	}
	switch {
	case st.IsDir():
		return image.Config{}, fmt.Errorf("is a directory, not an image file")
	case !st.Mode().IsRegular():
		return image.Config{}, fmt.Errorf("is not a regular file")
	case st.Size() > MaxImageBytes:
		return image.Config{}, fmt.Errorf("is %.1f MB; an image may have at most %d MB", float64(st.Size())/(1<<20), MaxImageBytes>>20)
	}
	data, err := source.ReadFile(path, MaxImageBytes)
	if err != nil {
		return image.Config{}, fmt.Errorf("cannot be read: %v", unwrap(err))
	}
	key := sha256.Sum256(data)
	if v, ok := imageChecks.Load(key); ok {
		return v.(imageVerdict).cfg, v.(imageVerdict).err
	}
	cfg, err := decodeImage(data)
	imageChecks.Store(key, imageVerdict{cfg, err})
	return cfg, err
}

func decodeImage(data []byte) (image.Config, error) {
	cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil || (format != "png" && format != "jpeg") || cfg.Width <= 0 || cfg.Height <= 0 {
		return image.Config{}, fmt.Errorf("is not a PNG or JPEG image")
	}
	if px := int64(cfg.Width) * int64(cfg.Height); px > MaxImagePixels {
		return image.Config{}, fmt.Errorf("is %d×%d pixels (%.0f megapixels); an image may have at most %d megapixels",
			cfg.Width, cfg.Height, float64(px)/1e6, MaxImagePixels/1_000_000)
	}
	// Only now, with the size known to be sane, decode it all: a damaged
	// or truncated file is refused here, with its position, rather than
	// when the PDF is written.
	if _, _, err := image.Decode(bytes.NewReader(data)); err != nil {
		return image.Config{}, fmt.Errorf("is damaged or cut short (%v)", err)
	}
	if format == "png" {
		if why := pngUnsupported(data); why != "" {
			return image.Config{}, fmt.Errorf("is %s, which handbill cannot put in a PDF", why)
		}
	}
	return cfg, nil
}

// pngUnsupported says what in a PNG, one that decodes, the PDF writer
// cannot embed ("" if nothing). It copies the compressed image data into
// the PDF as it is, so it takes neither interlaced images nor 16-bit
// samples with an alpha channel (which it would split wrongly), and it
// stops reading at the first empty chunk, so image data after one is lost.
func pngUnsupported(data []byte) string {
	if len(data) < 33 {
		return ""
	}
	depth, colorType, interlace := data[24], data[25], data[28]
	switch {
	case interlace != 0:
		return "an interlaced PNG"
	case depth == 16 && colorType >= 4:
		return "a 16-bit PNG with transparency"
	}
	seen, all := 0, 0 // image data before the first empty chunk, and in all
	stopped := false
	for i := 8; i+8 <= len(data); {
		n := int(binary.BigEndian.Uint32(data[i:]))
		kind := string(data[i+4 : i+8])
		if kind == "IEND" || n < 0 || n > len(data) {
			break
		}
		if kind == "IDAT" {
			all += n
			if !stopped {
				seen += n
			}
		}
		stopped = stopped || n == 0
		i += 12 + n
	}
	if seen < all {
		return "a PNG with an empty chunk before its image data"
	}
	return ""
}
