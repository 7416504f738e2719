package fonts

import "encoding/binary"

// keptNameIDs is the highest name ID an embedded subset keeps: the
// copyright notice (0), family and subfamily (1, 2), unique name (3),
// full name (4), version (5) and PostScript name (6), as hb-subset keeps
// by default. The rest (trademark, manufacturer, designer, their URLs,
// the licence's description and URL) is for font managers, not for a
// PDF reader, and was a quarter of a small subset's bytes: Noto's
// licence description alone is 662 bytes in every font of a document.
const keptNameIDs = 6

// coreNames returns the 'name' table with only the records of name IDs
// 0…keptNameIDs (format 0, their strings in the same order), or the
// table as it is when it cannot be followed or has nothing to drop.
func coreNames(t sfntBytes) []byte {
	if !t.has(0, 6) {
		return t
	}
	count, strOff := t.u16(2), t.u16(4)
	if !t.has(6, 12*count) || strOff > len(t) {
		return t
	}
	var keep []int
	for i := range count {
		r := 6 + 12*i
		id, lang, n, off := t.u16(r+6), t.u16(r+4), t.u16(r+8), t.u16(r+10)
		if !t.has(strOff+off, n) {
			return t
		}
		// Format 1's language-tag records (languageID 0x8000 and up)
		// go with the tags, which format 0 has not.
		if id <= keptNameIDs && lang < 0x8000 {
			keep = append(keep, r)
		}
	}
	if len(keep) == count && t.u16(0) == 0 {
		return t
	}
	be := binary.BigEndian
	head := 6 + 12*len(keep)
	out := make([]byte, head, len(t))
	be.PutUint16(out[2:], uint16(len(keep)))
	be.PutUint16(out[4:], uint16(head))
	for k, r := range keep {
		rec := out[6+12*k:]
		copy(rec, t[r:r+8]) // platform, encoding, language and name IDs
		n, off := t.u16(r+8), t.u16(r+10)
		be.PutUint16(rec[8:], uint16(n))
		be.PutUint16(rec[10:], uint16(len(out)-head))
		out = append(out, t[strOff+off:strOff+off+n]...)
	}
	return out
}
