// Package pdf writes PDF syntax: numbered objects, compressed streams, the
// cross-reference table and trailer, content streams, embedded TrueType
// fonts as Type 0 fonts, images and colour spaces. It knows nothing of
// frames or layouts; package output says what to draw with it.
//
// Everything it writes is deterministic: the same calls give the same
// bytes, the file identifier included.
//
// handbill first wrote PDF through fpdf (DESIGN.md). With text shaped by
// handbill and fonts subset by handbill, what fpdf still did per font and
// document (a SHA-1 over the JSON of a 65,536-entry width table, a 128 KB
// CIDToGIDMap, a second parse and subset of the font, a new zlib writer
// per stream) was three quarters of a document's time, and its API offers
// no way around it. This package writes the same structures directly:
// glyphs are reached by CID through a CIDToGIDMap sized to the document's
// glyphs, and compressed font programs are shared between documents.
package pdf

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"hash"
	"io"
	"strconv"
	"strings"
	"sync"

	"github.com/klauspost/compress/zlib"
)

// Ref is an indirect object's number.
type Ref int

// String is the object reference as PDF writes it: "12 0 R".
func (r Ref) String() string { return strconv.Itoa(int(r)) + " 0 R" }

// Writer assembles one PDF file in memory. Objects are allocated with
// Alloc and written, in any order, with Object or Stream; Finish adds the
// cross-reference table and trailer.
type Writer struct {
	buf     bytes.Buffer
	offsets []int // offsets[n] is where object n starts; 0 if unwritten

	// id digests the file for its identifier (see Finish): buf up to
	// hashed has gone into it, each font program as its own digest.
	id     hash.Hash
	hashed int
}

// NewWriter starts a PDF 1.7 file (ISO 32000-1): the version that has
// everything handbill writes, /ActualText (PDF 1.5) included.
func NewWriter() *Writer {
	w := &Writer{offsets: []int{0}}
	w.buf.Grow(64 << 10)
	// The second line's high bytes tell transfer programs the file is binary.
	w.buf.WriteString("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
	return w
}

// Alloc reserves an object number.
func (w *Writer) Alloc() Ref {
	w.offsets = append(w.offsets, 0)
	return Ref(len(w.offsets) - 1)
}

func (w *Writer) begin(r Ref) {
	if r <= 0 || int(r) >= len(w.offsets) || w.offsets[r] != 0 {
		panic(fmt.Sprintf("pdf: object %d is not allocated or written twice", r))
	}
	w.offsets[r] = w.buf.Len()
	w.buf.WriteString(strconv.Itoa(int(r)))
	w.buf.WriteString(" 0 obj\n")
}

// Object writes object r with the given body (a dictionary, an array…).
func (w *Writer) Object(r Ref, body string) {
	w.begin(r)
	w.buf.WriteString(body)
	w.buf.WriteString("\nendobj\n")
}

// Stream writes object r as a stream of data, compressed with Flate
// for speed (see Deflate). dict holds the dictionary's entries other
// than /Length and /Filter, e.g. "/N 4".
func (w *Writer) Stream(r Ref, dict string, data []byte) {
	w.RawStream(r, strings.TrimSpace(dict+" /Filter /FlateDecode"), deflateFast(data))
}

// RawStream writes object r as a stream of data as given: dict names any
// filter the data is already encoded with.
func (w *Writer) RawStream(r Ref, dict string, data []byte) {
	w.rawStream(r, dict, data, nil)
}

// rawStream writes a stream; digest, when not nil, is data's SHA-256,
// which the file's identifier takes in data's place (a font program's,
// worked out once per program: see Finish).
func (w *Writer) rawStream(r Ref, dict string, data []byte, digest *[sha256.Size]byte) {
	w.begin(r)
	w.buf.WriteString("<< ")
	if dict != "" {
		w.buf.WriteString(dict)
		w.buf.WriteByte(' ')
	}
	w.buf.WriteString("/Length ")
	w.buf.WriteString(strconv.Itoa(len(data)))
	w.buf.WriteString(" >>\nstream\n")
	if digest != nil {
		if w.id == nil {
			w.id = sha256.New()
		}
		w.id.Write(w.buf.Bytes()[w.hashed:])
		w.id.Write(digest[:])
		w.hashed = w.buf.Len() + len(data)
	}
	w.buf.Write(data)
	w.buf.WriteString("\nendstream\nendobj\n")
}

// Finish writes the cross-reference table and the trailer, naming the
// catalog and, when not 0, the document information dictionary, and
// returns the file. Every allocated object must have been written.
func (w *Writer) Finish(catalog, info Ref) ([]byte, error) {
	for n := 1; n < len(w.offsets); n++ {
		if w.offsets[n] == 0 {
			return nil, fmt.Errorf("pdf: object %d was allocated but not written", n)
		}
	}
	// The identifier is a digest of the body: the same file, the same ID.
	// Font programs, most of a file's bytes, go into it as their own
	// digests, made once per program (Program.digest), not per file.
	if w.id == nil {
		w.id = sha256.New()
	}
	w.id.Write(w.buf.Bytes()[w.hashed:])
	sum := w.id.Sum(nil)
	id := fmt.Sprintf("%X", sum[:16])
	xref := w.buf.Len()
	fmt.Fprintf(&w.buf, "xref\n0 %d\n0000000000 65535 f \n", len(w.offsets))
	for _, off := range w.offsets[1:] {
		fmt.Fprintf(&w.buf, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&w.buf, "trailer\n<< /Size %d /Root %s", len(w.offsets), catalog)
	if info != 0 {
		fmt.Fprintf(&w.buf, " /Info %s", info)
	}
	fmt.Fprintf(&w.buf, " /ID [<%s> <%s>] >>\nstartxref\n%d\n%%%%EOF\n", id, id, xref)
	return w.buf.Bytes(), nil
}

// Streams are compressed with zlib (the PDF FlateDecode filter), at one
// of two levels: Deflate's default for images, which are compressed once
// and shared, and a fast level (deflateFast) for what a document makes:
// content streams, and font programs, CIDToGIDMaps and ToUnicode CMaps,
// which every process's first document and every new subset pays for.
// The compressor is klauspost/compress's, a drop-in for compress/zlib
// whose fast levels find as many matches in fewer instructions: at its
// level 2 the six-script benchmark poster's 67 streams (159 KB) take
// 14.7 M instructions to compress, against 24.2 M for compress/zlib's
// BestSpeed, and come out a little smaller (83.1 against 83.4 KB);
// compress/zlib's default level would take 44.9 M for 77.2 KB. Writers
// are reused: a new one allocates about a megabyte of tables.
var zlibWriters = [2]sync.Pool{
	{New: func() any { z, _ := zlib.NewWriterLevel(io.Discard, zlib.DefaultCompression); return z }},
	{New: func() any { z, _ := zlib.NewWriterLevel(io.Discard, fastLevel); return z }},
}

// fastLevel is deflateFast's compression level: klauspost/compress's
// level 1 takes 3 % fewer instructions than level 2 for 1.3 % more bytes,
// level 3 10 % more for 2.8 % fewer.
const fastLevel = 2

// The pools of zlibWriters.
const (
	levelDefault = 0
	levelFast    = 1
)

// Deflate compresses data at zlib's default level, for a stream that is
// compressed once and shared between documents (an image).
func Deflate(data []byte) []byte { return deflate(data, levelDefault) }

// deflateFast compresses data at a fast level (fastLevel), or, when it
// is small, with Deflate's fixed codes (see deflateFixed).
func deflateFast(data []byte) []byte {
	if len(data) < smallStream {
		return deflateFixed(data)
	}
	return deflate(data, levelFast)
}

func deflate(data []byte, pool int) []byte {
	var out bytes.Buffer
	out.Grow(len(data)/3 + 64)
	z := zlibWriters[pool].Get().(*zlib.Writer)
	z.Reset(&out)
	z.Write(data) // a bytes.Buffer does not fail
	z.Close()
	zlibWriters[pool].Put(z)
	return out.Bytes()
}
