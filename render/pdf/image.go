package pdf

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/color"
	_ "image/jpeg" // registers the decoder
	_ "image/png"  // registers the decoder
)

// Image is a raster image ready to embed: JPEG data as it is (DCTDecode),
// anything else decoded to 8-bit samples, compressed, with a soft mask
// for transparency.
type Image struct {
	w, h  int
	space string // /DeviceRGB, /DeviceGray or /DeviceCMYK
	dict  string // filter and decode entries
	data  []byte
	mask  []byte // compressed 8-bit alpha, nil when opaque
	// maskDict holds the mask's decode parameters.
	maskDict string
}

// NewImage prepares a PNG or JPEG file's bytes for embedding.
func NewImage(data []byte) (*Image, error) {
	cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("not a PNG or JPEG image: %v", err)
	}
	if cfg.Width <= 0 || cfg.Height <= 0 {
		return nil, errors.New("the image has no pixels")
	}
	if format == "jpeg" {
		im := &Image{w: cfg.Width, h: cfg.Height, dict: "/Filter /DCTDecode", data: data}
		switch cfg.ColorModel {
		case color.GrayModel:
			im.space = "/DeviceGray"
		case color.CMYKModel:
			// CMYK JPEGs come from Adobe software, which stores the inks
			// inverted.
			im.space, im.dict = "/DeviceCMYK", im.dict+" /Decode [1 0 1 0 1 0 1 0]"
		default:
			im.space = "/DeviceRGB"
		}
		return im, nil
	}
	src, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("damaged image: %v", err)
	}
	b := src.Bounds()
	im := &Image{w: b.Dx(), h: b.Dy(), dict: "/Filter /FlateDecode"}
	gray := false
	switch src.(type) {
	case *image.Gray, *image.Gray16:
		gray = true
	}
	n := 3
	im.space = "/DeviceRGB"
	if gray {
		n, im.space = 1, "/DeviceGray"
	}
	pix := make([]byte, 0, n*im.w*im.h)
	alpha := make([]byte, 0, im.w*im.h)
	opaque := true
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			c := color.NRGBAModel.Convert(src.At(x, y)).(color.NRGBA)
			if gray {
				pix = append(pix, c.R)
			} else {
				pix = append(pix, c.R, c.G, c.B)
			}
			alpha = append(alpha, c.A)
			opaque = opaque && c.A == 0xff
		}
	}
	im.data = Deflate(paeth(pix, im.w, n))
	im.dict += fmt.Sprintf(" /DecodeParms << /Predictor 15 /Colors %d /Columns %d >>", n, im.w)
	if !opaque {
		im.mask = Deflate(paeth(alpha, im.w, 1))
		im.maskDict = fmt.Sprintf(" /DecodeParms << /Predictor 15 /Colors 1 /Columns %d >>", im.w)
	}
	return im, nil
}

// paeth filters rows of 8-bit samples with the PNG Paeth predictor, each
// row led by its filter type (4), as FlateDecode's /Predictor 15 expects:
// smooth images (gradients, photos) then compress several times better.
func paeth(pix []byte, w, n int) []byte {
	stride := w * n
	rows := len(pix) / stride
	out := make([]byte, 0, rows*(stride+1))
	for y := range rows {
		row := pix[y*stride : (y+1)*stride]
		out = append(out, 4)
		for i, v := range row {
			var a, b, c int // left, up, up-left
			if i >= n {
				a = int(row[i-n])
			}
			if y > 0 {
				up := pix[(y-1)*stride : y*stride]
				b = int(up[i])
				if i >= n {
					c = int(up[i-n])
				}
			}
			p := a + b - c
			pa, pb, pc := abs(p-a), abs(p-b), abs(p-c)
			pred := c
			if pa <= pb && pa <= pc {
				pred = a
			} else if pb <= pc {
				pred = b
			}
			out = append(out, v-byte(pred))
		}
	}
	return out
}

func abs(v int) int {
	if v < 0 {
		return -v
	}
	return v
}

// Size is the bytes the prepared image holds.
func (im *Image) Size() int { return len(im.data) + len(im.mask) }

// EmbedImage writes the image as an XObject and returns its reference,
// for a page's /XObject resources.
func (w *Writer) EmbedImage(im *Image) Ref {
	r := w.Alloc()
	smask := ""
	if im.mask != nil {
		m := w.Alloc()
		w.RawStream(m, fmt.Sprintf("/Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode%s", im.w, im.h, im.maskDict), im.mask)
		smask = " /SMask " + m.String()
	}
	w.RawStream(r, fmt.Sprintf("/Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace %s /BitsPerComponent 8 %s%s",
		im.w, im.h, im.space, im.dict, smask), im.data)
	return r
}
