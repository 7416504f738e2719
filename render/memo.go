package render

import (
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"sync"

	"handbill/frame"
	"handbill/render/pdf"
)

// Subsetting and compressing a font, and decoding and compressing an
// image, are most of the work of writing a document. A build writes many
// documents that embed the same subsets (one language's poster for twelve
// clinics) and the same logo, so both are remembered for the rest of the
// process, keyed by what goes in. The memo holds at most memoLimit bytes
// of results; past that it starts again empty.
const memoLimit = 64 << 20

var memo struct {
	sync.Mutex
	size   int
	fonts  map[[sha256.Size]byte]*pdf.Font
	images map[[sha256.Size]byte]*pdf.Image
}

func remember(size int) {
	memo.size += size
	if memo.size > memoLimit || memo.fonts == nil {
		memo.size = size
		memo.fonts = map[[sha256.Size]byte]*pdf.Font{}
		memo.images = map[[sha256.Size]byte]*pdf.Image{}
	}
}

// subsetKey is the memo's key for df's face subset to the keys' glyphs.
func (df *docFont) subsetKey(keys []glyphKey) [sha256.Size]byte {
	h := sha256.New()
	// The parsed font names the font file: metricsOf keeps it alive, so
	// its address is never another font's.
	fmt.Fprintf(h, "%p\x00", df.m.face.Font())
	var b [6]byte
	for _, k := range keys {
		binary.BigEndian.PutUint16(b[:], k.gid)
		binary.BigEndian.PutUint32(b[2:], uint32(len(k.text))<<1)
		if k.carrier {
			b[5] |= 1
		}
		h.Write(b[:])
		h.Write([]byte(k.text))
	}
	var key [sha256.Size]byte
	h.Sum(key[:0])
	return key
}

// rememberedFont returns the font subset remembered under key, if any.
func rememberedFont(key [sha256.Size]byte) (*pdf.Font, bool) {
	memo.Lock()
	defer memo.Unlock()
	f, ok := memo.fonts[key]
	return f, ok
}

// makeSubsetFont subsets df's face to the keys' glyphs (sorted), each
// standing for its key's text, makes the font's derived objects, and
// remembers the font under key.
func (df *docFont) makeSubsetFont(keys []glyphKey, key [sha256.Size]byte) (*pdf.Font, error) {
	f, err := df.newSubsetFont(keys)
	if err != nil {
		return nil, err
	}
	f.Prepare()
	memo.Lock()
	remember(f.Program.Size() + 16*len(keys))
	memo.fonts[key] = f
	memo.Unlock()
	return f, nil
}

// embeddableImage returns an image prepared for embedding, remembered
// under the SHA-256 of its bytes, which was taken when the image was
// read: the bytes are neither read nor hashed again.
func embeddableImage(data *frame.ImageData) (*pdf.Image, error) {
	key := data.Hash
	if key == ([sha256.Size]byte{}) {
		key = sha256.Sum256(data.Bytes) // data made by hand, not read by layouts
	}
	memo.Lock()
	im, ok := memo.images[key]
	memo.Unlock()
	if ok {
		return im, nil
	}
	im, err := pdf.NewImage(data.Bytes)
	if err != nil {
		return nil, err
	}
	memo.Lock()
	remember(im.Size())
	memo.images[key] = im
	memo.Unlock()
	return im, nil
}

// ForgetMemos empties the process-wide memos of font subsets, images and
// paragraph plans, so the next document is written from scratch: for
// benchmarks that measure a document's full cost.
func ForgetMemos() {
	memo.Lock()
	memo.size, memo.fonts, memo.images = 0, nil, nil
	memo.Unlock()
	plans.Lock()
	plans.m = nil
	plans.Unlock()
}
