package layouts

import (
	"encoding/json"
)

type obj = map[string]any

// templateDesc describes the template syntax, for editors.
const templateDesc = "A template: message keys and hotline fields in braces, e.g. \"{headline}\" or \"{text_label} {sms}\". " +
	"A line (\\n), a segment between \" · \" or an alternative is left out when a placeholder in it has no value; " +
	"{name?} may be empty and leaves out just itself; {a|b} is a, else b; \"X | Y\" prints X, else Y (e.g. \"{text_label} {sms} | {web}\"). " +
	"Braces hold placeholders only."

// Schema returns the JSON Schema (draft 2020-12) of the layout file
// format, for editors to validate and complete layout files.
func Schema() []byte {
	length := obj{"description": `A length: "0.5in", "12mm", "1cm", "36pt", a bare number of points, or "40%" of the area (its width for x and w, its height for y and h).`,
		"anyOf": []any{obj{"type": "number"}, obj{"type": "string", "pattern": `^-?[0-9.]+ *(in|mm|cm|pt|%)?$`}}}
	color := obj{"description": `A theme colour name, or "#rrggbb".`, "type": "string"}
	rgb := obj{"type": "string", "pattern": "^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$"}
	themeColor := obj{"description": `"#rrggbb", or the RGB colour with its press equivalents: {rgb: "#0b3d6e", cmyk: [100, 70, 0, 45]}, optionally with spot: "PANTONE 2955 C" (cmyk is then the spot ink's alternate). Desktop output is RGB; press output writes cmyk as DeviceCMYK and a spot colour as a Separation.`,
		"anyOf": []any{rgb, obj{"type": "object", "additionalProperties": false, "required": []string{"rgb"},
			"properties": obj{
				"rgb":  rgb,
				"cmyk": obj{"type": "array", "items": obj{"type": "number", "minimum": 0, "maximum": 100}, "minItems": 4, "maxItems": 4, "description": "[c, m, y, k] in percent."},
				"spot": obj{"type": "string", "pattern": `^[A-Za-z0-9._+-][A-Za-z0-9 ._+-]*$`, "description": "A spot ink's name, e.g. PANTONE 2955 C; needs cmyk."},
			}}}}
	var sizeNames []string
	for k := range pageSizes {
		sizeNames = append(sizeNames, k)
	}
	sizeNames = sortedStrings(sizeNames)
	size := obj{"description": "A named size or [width, height].",
		"anyOf": []any{obj{"enum": sizeNames}, obj{"type": "array", "items": length, "minItems": 2, "maxItems": 2}}}
	var sheetNames []string
	for k := range sheets {
		sheetNames = append(sheetNames, k)
	}
	variant := obj{"type": "object", "additionalProperties": false, "required": []string{"suffix", "size"},
		"properties": obj{
			"suffix":      obj{"type": "string", "description": "Added to the layout name in the output name, e.g. letter → poster-letter.pdf."},
			"size":        size,
			"type_scale":  obj{"type": "number", "exclusiveMinimum": 0, "description": "Multiplies every style's sizes for this size (1 if left out)."},
			"orientation": obj{"enum": []string{"portrait", "landscape"}},
			"bleed":       withDesc(length, "How far background art (blocks with area: bleed, page backgrounds) runs past the trim in press output; default 1/8 in, or 3 mm for metric sizes (A series, card-eu)."),
			"back_offset": obj{"type": "array", "items": length, "minItems": 2, "maxItems": 2, "description": "Cards on sheets: [x, y] moving the backs right and down, as seen on the back, to line them up with the fronts on a duplex printer, e.g. [1.5mm, -0.5mm]; build --calibration prints the page that measures it."},
			"sheets":      obj{"type": "array", "items": obj{"enum": sortedStrings(sheetNames)}, "description": "Cards: desktop sheets the card is also imposed on."},
		}}
	style := obj{"type": "object", "additionalProperties": false, "required": []string{"size"},
		"properties": obj{
			"size":           obj{"type": "array", "items": obj{"type": "number", "exclusiveMinimum": 0}, "minItems": 1, "maxItems": 2, "description": "[min, max] in points: the largest size in the range that fits the block is used; one number fixes the size."},
			"bold":           obj{"type": "boolean"},
			"color":          color,
			"align":          obj{"enum": []string{"start", "end", "center"}, "description": "start is left in left-to-right languages and right in right-to-left ones."},
			"line_height":    obj{"type": "number", "exclusiveMinimum": 0, "description": "Distance between baselines as a multiple of the size (1.3 if left out)."},
			"max_lines":      obj{"type": "integer", "minimum": 0},
			"no_orphan":      obj{"type": "boolean", "description": "Keep a lone word off the last line (one or two characters in Chinese and Japanese): lines are broken narrower, as many as at full width. For headlines, headings and list items."},
			"script_metrics": obj{"type": "boolean", "description": "Line height and first baseline from the reach of each language's marks: one baseline grid per language (Vietnamese columns line up), and Khmer, Thai and Indic stacks clear the next line (the pitch grows past line_height where they need it). On for running text (no max_lines, or 3 or more), off for a style of one or two lines; true or false says."},
			"role":           obj{"enum": []string{"body", "heading", "caption"}, "description": "For checks: body (default) and heading text must meet the minimum size of the product or compliance preset; a caption need not."},
		}}
	block := obj{"type": "object", "additionalProperties": false, "required": []string{"type", "box"},
		"properties": obj{
			"type":         obj{"enum": blockTypes, "description": "What the block is; stack: blocks in rows that close up when a row has nothing to print."},
			"box":          obj{"type": "array", "items": length, "minItems": 4, "maxItems": 4, "description": "[x, y, width, height] in the block's area."},
			"area":         obj{"enum": []string{"safe", "trim", "bleed", "band"}, "description": "What box lengths are measured in: the safe area inside the margin (default), the trim, the trim plus bleed, or band (across like the safe area, down like the trim: for text in a band of colour)."},
			"text":         obj{"type": "string", "description": templateDesc},
			"style":        obj{"type": "string"},
			"valign":       obj{"enum": []string{"top", "middle", "bottom"}, "description": "Where text sits in its box (top by default); for a stack, where the rows left sit when some close up (middle by default)."},
			"items":        obj{"type": "string", "description": "list: the list message to show (signs, do, recruit, protect, …)."},
			"title":        obj{"type": "string", "description": "list: a template for the heading above the items (see text)."},
			"title_style":  obj{"type": "string"},
			"bullet":       obj{"type": "string"},
			"max":          obj{"type": "integer", "minimum": 1, "description": "list: show at most this many items."},
			"content":      obj{"type": "string", "description": `qr: a template for what the code encodes, e.g. "https://{web}" (see text).`},
			"alt":          obj{"type": "string", "description": `image, qr: the alternate text screen readers say for it in the PDF (default: "QR code: " and where it leads; for the logo, the organisation's name and "logo").`},
			"src":          obj{"type": "string", "description": `image: "logo" for the organisation's logo, or a PNG/JPEG file named relative to the layout file's folder (not an absolute path, not outside the folder).`},
			"fill":         color,
			"background":   withDesc(color, "qr: paint the code's square, quiet zone included, in this colour first."),
			"stroke":       color,
			"width":        obj{"type": "number", "minimum": 0, "description": "Line width in points."},
			"dash":         obj{"type": "array", "items": obj{"type": "number", "minimum": 0}},
			"count":        obj{"type": "integer", "minimum": 2, "maximum": 20, "description": "tabs: how many tear-off tabs."},
			"alt_text":     obj{"type": "string", "description": "tabs: what every other tab (the second, the fourth…) prints instead of text, where it is not empty. " + templateDesc},
			"direction":    obj{"enum": []string{"columns", "rows"}},
			"gap":          length,
			"blocks":       obj{"type": "array", "items": obj{"$ref": "#/$defs/block"}, "description": "panels: the blocks of each language's panel; stack: its rows (boxes measured in the stack's box; blocks that overlap from top to bottom are one row)."},
			"group":        obj{"type": "string", "description": "Text and list blocks with the same group are set at one common size."},
			"under":        obj{"type": "string", "description": "A group (the numbers) this text or list block is set at most 1/1.3 the size of."},
			"fit_rows":     obj{"type": "boolean", "description": "A panels block: each row of its panels' text and list blocks is given the height its text needs in the languages printed, and the room left is shared among them, so the text is set as large as the panel allows and every panel keeps one grid (the multi-language poster)."},
			"panel_groups": obj{"type": "array", "items": obj{"type": "string"}, "description": "A fit_rows panels block: the groups each panel sets at its own size (at most one step of the type scale, 1.25x, above the smallest panel's), each panel's rows fitted to its own text; the other groups stay at one size on one grid across the panels."},
			"grow":         obj{"type": "boolean", "description": "A block in a stack: it takes the room of the stack's rows that collapse (shared with the other growing blocks), so a number can be set larger."},
			"if":           obj{"type": "string", "description": `A template: draw the block only when it is not empty, e.g. "{web}".`},
			"unless":       obj{"type": "string", "description": `A template: draw the block only when it is empty, e.g. "{local_hotlines}".`},
			"only":         obj{"type": "array", "items": obj{"type": "string"}, "description": "Limit the block to these sizes (their suffixes)."},
		}}
	page := obj{"type": "object", "additionalProperties": false, "required": []string{"blocks"},
		"properties": obj{
			"name":       obj{"type": "string"},
			"background": color,
			"blocks":     obj{"type": "array", "items": obj{"$ref": "#/$defs/block"}},
		}}
	schema := obj{
		"$schema":     "https://json-schema.org/draft/2020-12/schema",
		"$id":         "https://handbill.invalid/schema/layout.json",
		"title":       "handbill layout",
		"description": "How a product is laid out: page sizes, styles, theme colours and blocks.",
		"type":        "object", "additionalProperties": false,
		"required": []string{"name", "description", "product", "sizes", "styles", "pages"},
		"properties": obj{
			"name":        obj{"type": "string", "pattern": "^[a-z0-9-]+$"},
			"description": obj{"type": "string"},
			"product":     obj{"enum": products},
			"discreet":    obj{"type": "boolean", "description": "The product must not say what it is about, not even in the PDF's metadata: the PDF's title is the product's plain name (e.g. Wallet card), with no subject and no organisation as author."},
			"official":    obj{"type": "string", "description": "The message that must hold a posting law's own wording (official: intro): build and check warn while handbill's own text is printed there."},
			"sizes":       obj{"type": "array", "items": variant, "minItems": 1},
			"margin":      withDesc(length, "The safe margin inside the trim."),
			"min_size":    obj{"type": "number", "minimum": 0, "description": "The smallest type size in points for body and heading text on this product; check warns under it."},
			"theme":       obj{"type": "object", "description": "Colours the blocks and styles name.", "additionalProperties": themeColor},
			"styles":      obj{"type": "object", "additionalProperties": style},
			"pages":       obj{"type": "array", "items": page, "minItems": 1, "maxItems": 2},
		},
		"$defs": obj{"block": block},
	}
	out, _ := json.MarshalIndent(schema, "", "  ")
	return append(out, '\n')
}

func withDesc(o obj, d string) obj {
	c := obj{}
	for k, v := range o {
		c[k] = v
	}
	c["description"] = d
	return c
}

func sortedStrings(s []string) []string {
	m := map[string]bool{}
	for _, x := range s {
		m[x] = true
	}
	return sortedKeys(m)
}
