package frame

import (
	"crypto/sha256"
	"fmt"
	"strings"
)

// ImageData is an image file read, validated and measured once, when the
// layout or the content naming it is loaded: a PNG or JPEG that decodes
// in full, within handbill's bounds. Every item that draws the image
// shares it, so the checks and the PDF writer never read the file again.
type ImageData struct {
	// Path is the file as named, for messages and the frame dump.
	Path string
	// Bytes are the file's contents as read.
	Bytes []byte
	// Format is "png" or "jpeg".
	Format string
	// Width and Height are the image's size in pixels.
	Width, Height int
	// Hash is the SHA-256 of Bytes: the key of work done on them (the
	// image prepared for a PDF is remembered under it).
	Hash [sha256.Size]byte
}

// Image is an image drawn into a box: X, Y, W, H is where it is printed,
// Data what is printed.
type Image struct {
	X, Y, W, H float64
	Data       *ImageData
	// Alt is the image's alternate text in tagged PDF; empty means "Logo".
	Alt string
	// Artifact marks a repeat, left out of tagged PDF's structure (see
	// Repeat).
	Artifact bool
	Src      Pos
}

// Path is the file the image was read from.
func (im *Image) Path() string {
	if im.Data == nil {
		return ""
	}
	return im.Data.Path
}

// PPI is the image's resolution at its printed width, in pixels per inch
// (0 when it has no width).
func (im *Image) PPI() float64 {
	if im.Data == nil || im.W <= 0 {
		return 0
	}
	return float64(im.Data.Width) / (im.W / 72)
}

func (im *Image) dump(b *strings.Builder) {
	fmt.Fprintf(b, "image %.2f,%.2f %.2fx%.2f %s src=%s\n", im.X, im.Y, im.W, im.H, im.Path(), im.Src)
}
