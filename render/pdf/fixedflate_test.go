package pdf

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"testing"
)

// Small streams compressed with Deflate's fixed codes inflate, with the
// standard library's reader, to what went in: every length and distance
// code, matches up to 258 bytes and as far back as a small stream goes,
// and data with no match at all.
func TestDeflateFixedRoundTrip(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	noise := make([]byte, smallStream-1)
	for i := range noise {
		noise[i] = byte(rng.Uint32())
	}
	inputs := map[string][]byte{
		"empty":     {},
		"one byte":  {0xff},
		"four":      []byte("abcd"),
		"same byte": bytes.Repeat([]byte{'x'}, smallStream-1),
		"form":      []byte("89 591 m\n64.3 591 47.7 599.7 39 617 c\n30.3 634.3 26 653.3 26 674 c\n89 591 m\nh\nf\n"),
		"noise":     noise,
	}
	// A phrase repeated at every distance code's reach (1…4095) and with
	// every length code (3…258).
	for _, d := range []int{1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4000} {
		for _, l := range []int{4, 5, 10, 11, 12, 13, 19, 23, 31, 35, 67, 130, 131, 227, 257, 258, 300} {
			if d+l >= smallStream {
				continue
			}
			in := make([]byte, d+l)
			for i := range d {
				in[i] = byte(rng.Uint32())
			}
			for i := d; i < len(in); i++ {
				in[i] = in[i-d]
			}
			inputs[fmt.Sprintf("distance %d length %d", d, l)] = in
		}
	}
	for n := range 200 {
		in := make([]byte, rng.IntN(smallStream))
		for i := range in {
			in[i] = "0123456789 .cmlhfQq\n"[rng.IntN(20)]
		}
		inputs[fmt.Sprintf("random text %d", n)] = in
	}
	for name, in := range inputs {
		out := deflateFixed(in)
		if len(out) < 6 || out[0]&0x0f != 8 || (int(out[0])<<8|int(out[1]))%31 != 0 {
			t.Errorf("%s: no zlib header: % x", name, out[:min(len(out), 2)])
			continue
		}
		if got := inflate(t, out); !bytes.Equal(got, in) {
			t.Errorf("%s: round trip gives %d bytes, want %d", name, len(got), len(in))
		}
	}
	if in := inputs["same byte"]; len(deflateFixed(in)) > 64 {
		t.Errorf("%d bytes of one value compress to %d", len(in), len(deflateFixed(in)))
	}
	if in := inputs["noise"]; len(deflateFixed(in)) > len(in)*9/8+16 {
		t.Errorf("%d bytes of noise grow to %d", len(in), len(deflateFixed(in)))
	}
}

// Streams below smallStream are written with the fixed codes, larger
// ones with the compressor's own.
func TestStreamSmallUsesFixedCodes(t *testing.T) {
	small := bytes.Repeat([]byte("0 0 1 rg 10 10 50 30 re f\n"), 20)
	large := bytes.Repeat([]byte("0 0 1 rg 10 10 50 30 re f\n"), 400)
	if got := deflateFast(small); !bytes.Equal(got, deflateFixed(small)) {
		t.Error("a small stream is not compressed with the fixed codes")
	}
	if got := deflateFast(large); bytes.Equal(got, deflateFixed(large)) || !bytes.Equal(inflate(t, got), large) {
		t.Error("a large stream is not compressed with codes of its own")
	}
}

func FuzzDeflateFixed(f *testing.F) {
	f.Add([]byte("BT /F1 12 Tf 72 712 Td <0001> Tj ET\n"))
	f.Add(bytes.Repeat([]byte("ab"), 300))
	f.Fuzz(func(t *testing.T, in []byte) {
		if len(in) >= smallStream {
			in = in[:smallStream-1]
		}
		if got := inflate(t, deflateFixed(in)); !bytes.Equal(got, in) {
			t.Fatalf("round trip gives %d bytes, want %d", len(got), len(in))
		}
	})
}
