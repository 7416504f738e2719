// SPDX-License-Identifier: Unlicense OR BSD-3-Clause

package font

// handbill's patch: svgRootAttributes reads the root tag with svgRootTag,
// not encoding/xml; this test holds the two to the same answers
// (refSvgRootAttributes is upstream's svgRootAttributes). Run it from
// handbill's module: go test github.com/go-text/typesetting/font -run TestSvgRootAgainstXML

import (
	"bytes"
	"encoding/xml"
	"math/rand"
	"testing"
)

func refSvgRootAttributes(doc []byte) (viewBox, width, height string, ok bool) {
	dec := xml.NewDecoder(bytes.NewReader(doc))
	var root xml.StartElement
	for {
		tok, err := dec.Token()
		if err != nil {
			return "", "", "", false
		}
		if start, isStart := tok.(xml.StartElement); isStart {
			root = start
			break
		}
	}
	if root.Name.Local != "svg" || (root.Name.Space != "" && root.Name.Space != svgNamespace) {
		return "", "", "", false
	}
	for _, attr := range root.Attr {
		switch attr.Name.Local {
		case "viewBox":
			viewBox = attr.Value
		case "width":
			width = attr.Value
		case "height":
			height = attr.Value
		}
	}
	return viewBox, width, height, true
}

var svgDocs = []string{
	`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100"><path d="M0 0"/></svg>`,
	`<?xml version="1.0" encoding="UTF-8"?>
<!-- comment -->
<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
<svg version="1.1" xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="12px" height='34'>
<g id="glyph3"/></svg>`,
	`<svg:svg xmlns:svg="http://www.w3.org/2000/svg" svg:viewBox="1 2 3 4"/>`,
	`<foo:svg viewBox="1 2 3 4"/>`,
	`<svg xmlns="http://example.com/" viewBox="1 2 3 4"/>`,
	`<svg viewBox = "1&#x20;2 &#51; 4" width="&amp;" height="&lt;&gt;&quot;&apos;"/>`,
	`<svg viewBox="1 2 3 4" width=12/>`,
	`<svg viewBox="1 2 3 4" width/>`,
	`<svg viewBox="1 2 3 4"width="3"/>`,
	`<svg viewBox="a&bogus;"/>`,
	`</svg>`,
	`text &amp; more <svg viewBox="0 0 1 1"/>`,
	`text &bad; <svg viewBox="0 0 1 1"/>`,
	`<![CDATA[ x ]]><svg viewBox="0 0 1 1"/>`,
	`<!DOCTYPE svg [ <!ENTITY a "b"> ]><svg viewBox="0 0 1 1"/>`,
	"<svg viewBox=\"0\r\n0\r1 1\"/>",
	`<rect/>`,
	``,
	`   `,
	`<svg`,
	`<svg viewBox="0 0 1 1"`,
	`<?xml version="1.0"?>`,
	`<!-- unterminated`,
	`<svg xmlns:a="x" a:width="5" height="6"/>`,
	`<svg viewBox="1 2 3 4" viewBox="5 6 7 8"/>`,
	`<svg	viewBox="1 2 3 4"
	width="9"/>`,
	`<svg viewBox="1 2 3 4" width="<"/>`,
	`<svg viewBox="1 2 3 4" width="&#0;"/>`,
	`<xml:svg viewBox="1 2 3 4"/>`,
	`<svg xmlns="" viewBox="1 2 3 4"/>`,
	`<Svg viewBox="1 2 3 4"/>`,
	`<svg viewBox="1 2 3 4" é="x"/>`,
}

// TestSvgRootAgainstXML: every document encoding/xml reads, svgRootTag
// reads the same; the documents it reads that encoding/xml refuses are
// counted.
func TestSvgRootAgainstXML(t *testing.T) {
	lenient := 0
	defer func() { t.Logf("%d documents read that encoding/xml refuses", lenient) }()
	check := func(doc string) {
		v1, w1, h1, ok1 := refSvgRootAttributes([]byte(doc))
		v2, w2, h2, ok2 := svgRootAttributes([]byte(doc))
		if ok1 != ok2 || v1 != v2 || w1 != w2 || h1 != h2 {
			if !ok1 {
				lenient++
				if lenient < 5 {
					t.Logf("read where encoding/xml refuses: %q", doc)
				}
				return
			}
			t.Errorf("%q: encoding/xml %q %q %q %v, scanner %q %q %q %v", doc, v1, w1, h1, ok1, v2, w2, h2, ok2)
		}
	}
	for _, d := range svgDocs {
		check(d)
	}
	rng := rand.New(rand.NewSource(1))
	alphabet := []byte("<>/?!-=\"' \t\r\n&;#x:svgviewBoxwidthheight0123456789[]abcCDATAé")
	n := 0
	for i := 0; i < 200000; i++ { // random mutations of the documents above
		base := []byte(svgDocs[rng.Intn(len(svgDocs))])
		for k := rng.Intn(4); k >= 0; k-- {
			p := rng.Intn(len(base) + 1)
			switch rng.Intn(3) {
			case 0:
				base = append(base[:p], append([]byte{alphabet[rng.Intn(len(alphabet))]}, base[p:]...)...)
			case 1:
				if p < len(base) {
					base = append(base[:p], base[p+1:]...)
				}
			case 2:
				if p < len(base) {
					base[p] = alphabet[rng.Intn(len(alphabet))]
				}
			}
		}
		check(string(base))
		if t.Failed() {
			n++
			if n > 20 {
				t.FailNow()
			}
		}
	}
}
