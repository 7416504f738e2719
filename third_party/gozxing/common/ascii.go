package common

// handbill's patch (PATCH.md): US-ASCII as golang.org/x/text's
// encoding/ianaindex defines it (its ascii.go, x/text v0.43.0, BSD-3-Clause:
// Copyright 2019 The Go Authors), which this package took from ianaindex
// before the patch; ianaindex's is built from x/text's internal packages,
// so this copy has its own Encoding and RepertoireError with the same
// behaviour.

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/transform"
)

type asciiDecoder struct {
	transform.NopResetter
}

func (d asciiDecoder) Transform(dst, src []byte, atEOF bool) (nDst, nSrc int, err error) {
	for _, c := range src {
		if c > unicode.MaxASCII {
			r := unicode.ReplacementChar
			if nDst+utf8.RuneLen(r) > len(dst) {
				err = transform.ErrShortDst
				break
			}
			nDst += utf8.EncodeRune(dst[nDst:], r)
			nSrc++
			continue
		}

		if nDst >= len(dst) {
			err = transform.ErrShortDst
			break
		}
		dst[nDst] = c
		nDst++
		nSrc++
	}
	return nDst, nSrc, err
}

type asciiEncoder struct {
	transform.NopResetter
}

func (d asciiEncoder) Transform(dst, src []byte, atEOF bool) (nDst, nSrc int, err error) {
	for _, c := range src {
		if c > unicode.MaxASCII {
			err = repertoireError(encoding.ASCIISub)
			break
		}

		if nDst >= len(dst) {
			err = transform.ErrShortDst
			break
		}
		dst[nDst] = c
		nDst++
		nSrc++
	}
	return nDst, nSrc, err
}

// repertoireError is x/text's internal RepertoireError: a rune the
// encoding cannot encode, with the byte encoding.ReplaceUnsupported puts
// in its place.
type repertoireError byte

func (r repertoireError) Error() string {
	return "encoding: rune not supported by encoding."
}

func (r repertoireError) Replacement() byte { return byte(r) }

// asciiEncoding is x/text's internal SimpleEncoding of asciiDecoder and
// asciiEncoder, named as ianaindex names it.
type asciiEncoding struct{}

func (asciiEncoding) NewDecoder() *encoding.Decoder {
	return &encoding.Decoder{Transformer: asciiDecoder{}}
}

func (asciiEncoding) NewEncoder() *encoding.Encoder {
	return &encoding.Encoder{Transformer: asciiEncoder{}}
}

func (asciiEncoding) String() string { return "US-ASCII" }

var asciiEnc encoding.Encoding = &asciiEncoding{}
