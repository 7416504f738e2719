package preview

import (
	"bufio"
	"compress/zlib"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/png"
	"io"
	"sync"
)

// EncodePNG writes img as PNG, fast: a preview is made to be looked at
// now, not kept. An opaque *image.RGBA (what Page and Sheet make) is
// written as 8-bit RGB, every row with the same filter (Up: a page is
// mostly rows like the one above) and compressed at zlib's BestSpeed;
// the standard library's encoder tries five filters on every row, which
// takes it as long again. Any other image goes to the standard library's
// encoder at BestSpeed.
func EncodePNG(w io.Writer, img image.Image) error {
	m, ok := img.(*image.RGBA)
	if !ok || !m.Opaque() || m.Rect.Empty() {
		return fastPNG.Encode(w, img)
	}
	return encodeRGB(w, m)
}

// pngBuffers lets the standard library's PNG encoders reuse their buffers.
type pngBuffers struct{ p sync.Pool }

func (b *pngBuffers) Get() *png.EncoderBuffer {
	if v, ok := b.p.Get().(*png.EncoderBuffer); ok {
		return v
	}
	return nil
}

func (b *pngBuffers) Put(v *png.EncoderBuffer) { b.p.Put(v) }

var fastPNG = png.Encoder{CompressionLevel: png.BestSpeed, BufferPool: &pngBuffers{}}

// pngWriter writes PNG chunks.
type pngWriter struct {
	w   io.Writer
	err error
}

func (pw *pngWriter) chunk(kind string, data []byte) {
	if pw.err != nil {
		return
	}
	var head [8]byte
	binary.BigEndian.PutUint32(head[:4], uint32(len(data)))
	copy(head[4:], kind)
	crc := crc32.NewIEEE()
	crc.Write(head[4:])
	crc.Write(data)
	var tail [4]byte
	binary.BigEndian.PutUint32(tail[:], crc.Sum32())
	for _, b := range [][]byte{head[:], data, tail[:]} {
		if _, pw.err = pw.w.Write(b); pw.err != nil {
			return
		}
	}
}

// Write makes pngWriter the destination of the compressed image data:
// each write is one IDAT chunk.
func (pw *pngWriter) Write(b []byte) (int, error) {
	pw.chunk("IDAT", b)
	if pw.err != nil {
		return 0, pw.err
	}
	return len(b), nil
}

// zlibWriters are reused: a zlib writer holds the compressor's tables.
var zlibWriters sync.Pool

// encodeRGB writes an opaque RGBA image as an RGB PNG, filtered Up.
func encodeRGB(w io.Writer, m *image.RGBA) error {
	width, height := m.Rect.Dx(), m.Rect.Dy()
	pw := &pngWriter{w: w}
	if _, err := io.WriteString(w, "\x89PNG\r\n\x1a\n"); err != nil {
		return err
	}
	var ihdr [13]byte
	binary.BigEndian.PutUint32(ihdr[0:], uint32(width))
	binary.BigEndian.PutUint32(ihdr[4:], uint32(height))
	ihdr[8], ihdr[9] = 8, 2 // 8 bits a sample, truecolour
	pw.chunk("IHDR", ihdr[:])

	bw := bufio.NewWriterSize(pw, 1<<16)
	zw, _ := zlibWriters.Get().(*zlib.Writer)
	if zw == nil {
		zw, _ = zlib.NewWriterLevel(bw, zlib.BestSpeed)
	} else {
		zw.Reset(bw)
	}
	defer zlibWriters.Put(zw)
	prev := make([]byte, 3*width)
	row := make([]byte, 1+3*width)
	row[0] = 2 // filter Up
	for y := range height {
		src := m.Pix[m.PixOffset(m.Rect.Min.X, m.Rect.Min.Y+y):]
		out := row[1:]
		for x := range width {
			r, g, b := src[4*x], src[4*x+1], src[4*x+2]
			out[3*x], out[3*x+1], out[3*x+2] = r-prev[3*x], g-prev[3*x+1], b-prev[3*x+2]
			prev[3*x], prev[3*x+1], prev[3*x+2] = r, g, b
		}
		if _, err := zw.Write(row); err != nil {
			return err
		}
	}
	if err := zw.Close(); err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	pw.chunk("IEND", nil)
	return pw.err
}
