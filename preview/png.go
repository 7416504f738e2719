package preview

import (
	"image"
	"image/png"
	"io"
	"sync"
)

// pngBuffers lets PNG encoders reuse their buffers.
type pngBuffers struct{ p sync.Pool }

func (b *pngBuffers) Get() *png.EncoderBuffer {
	if v, ok := b.p.Get().(*png.EncoderBuffer); ok {
		return v
	}
	return nil
}

func (b *pngBuffers) Put(v *png.EncoderBuffer) { b.p.Put(v) }

var fastPNG = png.Encoder{CompressionLevel: png.BestSpeed, BufferPool: &pngBuffers{}}

// EncodePNG writes img as PNG with the fastest compression: a preview is
// made to be looked at now, not kept, and BestSpeed encodes a poster page
// several times faster than the default for files a little larger.
func EncodePNG(w io.Writer, img image.Image) error { return fastPNG.Encode(w, img) }
