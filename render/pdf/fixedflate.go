package pdf

import (
	"encoding/binary"
	"hash/adler32"
	"math/bits"
	"sync"
)

// Small streams (a mark's glyph form, a ToUnicode CMap, a CIDToGIDMap)
// are compressed in one block of Deflate's fixed Huffman codes
// (RFC 1951, 3.2.6), not with codes made for the stream: making a
// stream's codes (counting, sorting and sizing 286 + 30 symbols, then
// writing the code lengths) costs about as much whether the stream holds
// 60 bytes or 2 KB, and was most of the work of compressing the
// six-script poster's 56 small streams, while the codes it writes save
// little on so few bytes. The matches are found greedily, as at Deflate's
// fastest levels.

// smallStream is the size below which a stream is compressed with the
// fixed codes.
const smallStream = 4096

// Matches are found through a table of the last position of each hash
// of 4 bytes; a stream below smallStream fits a uint16 position.
const (
	fixedHashBits = 11
	fixedMinMatch = 4
	fixedMaxMatch = 258
)

// lengthBase and lengthExtra give Deflate's length codes 257…285: the
// first length of each and its number of extra bits.
var lengthBase = [29]uint16{3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31,
	35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258}
var lengthExtra = [29]uint8{0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2,
	3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0}

// distBase and distExtra give Deflate's distance codes 0…29.
var distBase = [30]uint16{1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193,
	257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577}
var distExtra = [30]uint8{0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6,
	7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13}

// bitWriter writes bits least significant first, as Deflate packs them.
type bitWriter struct {
	out  []byte
	acc  uint64
	nacc uint
}

func (w *bitWriter) bits(v uint64, n uint) {
	w.acc |= v << w.nacc
	w.nacc += n
	if w.nacc >= 32 {
		w.out = binary.LittleEndian.AppendUint32(w.out, uint32(w.acc))
		w.acc >>= 32
		w.nacc -= 32
	}
}

func (w *bitWriter) flush() {
	for w.nacc > 0 {
		w.out = append(w.out, byte(w.acc))
		w.acc >>= 8
		w.nacc = max(w.nacc, 8) - 8
	}
}

// fixedCodes holds, made on first use, each literal/length symbol's
// fixed code (bit-reversed, as written) with its length in the top byte,
// and each match length's symbol less 257.
var fixedCodes = sync.OnceValue(func() *fixedTables {
	t := &fixedTables{}
	for s := range t.lit {
		var c uint16
		var n uint
		switch {
		case s < 144:
			c, n = uint16(0x30+s), 8
		case s < 256:
			c, n = uint16(0x190+s-144), 9
		case s < 280:
			c, n = uint16(s-256), 7
		default:
			c, n = uint16(0xc0+s-280), 8
		}
		t.lit[s] = uint32(bits.Reverse16(c)>>(16-n)) | uint32(n)<<24
	}
	lc := 0
	for l := 3; l <= fixedMaxMatch; l++ {
		for lc < 28 && int(lengthBase[lc+1]) <= l {
			lc++
		}
		t.lengthCode[l] = uint8(lc)
	}
	for d := range t.dist {
		t.dist[d] = uint8(bits.Reverse8(uint8(d)) >> 3)
	}
	return t
})

type fixedTables struct {
	lit        [286]uint32
	lengthCode [fixedMaxMatch + 1]uint8
	dist       [30]uint8 // the distance codes, bit-reversed
}

// literal writes symbol s's fixed code.
func (w *bitWriter) literal(t *fixedTables, s int) {
	c := t.lit[s]
	w.bits(uint64(c&0xffff), uint(c>>24))
}

// match writes a length (3…258) and distance (1…32768).
func (w *bitWriter) match(t *fixedTables, length, dist int) {
	lc := t.lengthCode[length]
	w.literal(t, 257+int(lc))
	if n := lengthExtra[lc]; n > 0 {
		w.bits(uint64(length-int(lengthBase[lc])), uint(n))
	}
	dc := dist - 1
	if dist > 4 {
		// Codes pair up per power of two: 2k and 2k+1 start at 2^k+1
		// and 3·2^(k-1)+1.
		d := dist - 1
		k := bits.Len(uint(d)) - 1
		dc = 2*k + int(d>>(k-1)&1)
	}
	w.bits(uint64(t.dist[dc]), 5)
	if n := distExtra[dc]; n > 0 {
		w.bits(uint64(dist-int(distBase[dc])), uint(n))
	}
}

// deflateFixed returns data (shorter than smallStream) compressed as a
// zlib stream of one fixed-code block.
func deflateFixed(data []byte) []byte {
	t := fixedCodes()
	w := bitWriter{out: make([]byte, 0, len(data)*9/8+16)}
	w.out = append(w.out, 0x78, 0x5e) // zlib: Deflate, 32 KB window, a fast level
	w.bits(1, 1)                      // the final block
	w.bits(1, 2)                      // fixed Huffman codes
	var table [1 << fixedHashBits]uint16
	hash := func(i int) uint32 {
		return binary.LittleEndian.Uint32(data[i:]) * 0x9E3779B1 >> (32 - fixedHashBits)
	}
	n := len(data)
	for i := 0; i < n; {
		if i+fixedMinMatch <= n {
			h := hash(i)
			// Positions are stored plus one: 0 is an empty slot.
			cand := int(table[h]) - 1
			table[h] = uint16(i + 1)
			if cand >= 0 && binary.LittleEndian.Uint32(data[cand:]) == binary.LittleEndian.Uint32(data[i:]) {
				l := fixedMinMatch
				for i+l < n && l < fixedMaxMatch && data[cand+l] == data[i+l] {
					l++
				}
				w.match(t, l, i-cand)
				// Positions inside the match go into the table too, for
				// the matches after it.
				for j := i + 1; j < i+l && j+fixedMinMatch <= n; j++ {
					table[hash(j)] = uint16(j + 1)
				}
				i += l
				continue
			}
		}
		w.literal(t, int(data[i]))
		i++
	}
	w.literal(t, 256) // end of block
	w.flush()
	return binary.BigEndian.AppendUint32(w.out, adler32.Checksum(data))
}
