package preview

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"image"
	stddraw "image/draw"
	_ "image/jpeg" // logos and pictures: the formats layouts accept
	_ "image/png"
	"math"
	"sync"

	"golang.org/x/image/draw"

	"handbill/frame"
)

// scaledKey is an image at one size in pixels.
type scaledKey struct {
	hash [sha256.Size]byte
	w, h int
}

// maxScaled bounds the cache of scaled images; past it, it starts again.
const maxScaled = 256

var images struct {
	sync.Mutex
	decoded map[[sha256.Size]byte]image.Image
	scaled  map[scaledKey]*image.RGBA
}

// image draws an image item into its box, scaled with Catmull-Rom
// (sharp, without the jagged edges of nearest-neighbour), its
// transparency over what is beneath. The box is widened to whole pixels.
func (pg *pager) image(im *frame.Image) error {
	if im.Data == nil {
		return fmt.Errorf("preview: an image item without its image data")
	}
	k := pg.k
	// Every pixel the box touches, as poppler fills an image's box.
	const e = 1e-6
	x0, y0 := int(math.Floor(im.X*k+e)), int(math.Floor(im.Y*k+e))
	x1, y1 := int(math.Ceil((im.X+im.W)*k-e)), int(math.Ceil((im.Y+im.H)*k-e))
	w, h := x1-x0, y1-y0
	if w <= 0 || h <= 0 {
		return nil
	}
	sc, err := scaled(im.Data, w, h)
	if err != nil {
		return err
	}
	r := image.Rect(x0, y0, x1, y1)
	stddraw.Draw(pg.img, r, sc, image.Point{}, stddraw.Over)
	return nil
}

// scaled returns the image scaled to w×h pixels, decoding it once.
func scaled(d *frame.ImageData, w, h int) (*image.RGBA, error) {
	hash := d.Hash
	if hash == ([sha256.Size]byte{}) {
		hash = sha256.Sum256(d.Bytes) // data made by hand, not read by layouts
	}
	key := scaledKey{hash, w, h}
	images.Lock()
	sc, ok := images.scaled[key]
	src := images.decoded[hash]
	images.Unlock()
	if ok {
		return sc, nil
	}
	if src == nil {
		var err error
		src, _, err = image.Decode(bytes.NewReader(d.Bytes))
		if err != nil {
			return nil, fmt.Errorf("preview: %s: cannot decode the image: %w", d.Path, err)
		}
	}
	sc = image.NewRGBA(image.Rect(0, 0, w, h))
	draw.CatmullRom.Scale(sc, sc.Bounds(), src, src.Bounds(), draw.Src, nil)
	images.Lock()
	if images.scaled == nil || len(images.scaled) >= maxScaled {
		images.scaled = map[scaledKey]*image.RGBA{}
		images.decoded = map[[sha256.Size]byte]image.Image{}
	}
	images.scaled[key] = sc
	images.decoded[hash] = src
	images.Unlock()
	return sc, nil
}
