package layouts

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"

	"handbill/content"
	"handbill/frame"
	"handbill/source"
)

// A layout is checked once, when it is loaded, for everything that does
// not depend on a document's content: colour names and values, styles
// (their colours, alignment, role, and sizes under every size's type
// scale), block types, areas and boxes at every size the design is drawn
// at, style and list names, the placeholders of templates, tab counts,
// panel directions and the files of image blocks. What it finds is kept
// resolved on the Layout and its Blocks, so composing a document only
// fills in its content. Each error is at the file:line:col of the value
// at fault (a whole block when the block is), with a hint.

// blockTypes are the kinds of block a layout can have.
var blockTypes = []string{"text", "list", "qr", "image", "rect", "rule", "tabs", "panels", "stack"}

// resolve checks the layout and resolves its theme, styles and blocks.
func (l *Layout) resolve() error {
	if l.Official != "" && (!slices.Contains(content.MessageKeys, l.Official) || slices.Contains(content.ListKeys, l.Official)) {
		return &source.Diagnostic{Severity: source.Error, Pos: l.Pos["official"], Message: fmt.Sprintf("`official` names a message that holds a law's wording; %q is not a text message", l.Official),
			Hint: "name the message the law's wording is printed in, usually `official: intro`"}
	}
	l.theme = map[string]frame.Color{"black": {}, "white": {R: 255, G: 255, B: 255}}
	for name, v := range l.Theme {
		col, err := v.Color()
		if err != nil {
			return &source.Diagnostic{Severity: source.Error, Pos: l.Pos["theme."+name], Message: "theme colour " + name + ": " + err.Error(), Hint: "write colours as #rrggbb"}
		}
		l.theme[name] = col
	}
	if err := l.resolveStyles(); err != nil {
		return err
	}
	if err := l.checkTypeScales(); err != nil {
		return err
	}
	var suffixes []string
	for _, v := range l.Sizes {
		suffixes = append(suffixes, v.Suffix)
	}
	for i := range l.Pages {
		p := &l.Pages[i]
		bg, err := resolveColor(p.Background, l.theme, p.backgroundPos)
		if err != nil {
			return err
		}
		p.background = bg
		for j := range p.Blocks {
			if err := l.resolveBlock(&p.Blocks[j], suffixes, ""); err != nil {
				return err
			}
		}
	}
	return l.checkGeometry()
}

// inFileOrder returns the keys of m in the order their values are
// written.
func inFileOrder[V any](m map[string]V, pos func(V) source.Pos) []string {
	keys := sortedKeys(m)
	slices.SortStableFunc(keys, func(a, b string) int {
		pa, pb := pos(m[a]), pos(m[b])
		return cmp.Or(cmp.Compare(pa.Line, pb.Line), cmp.Compare(pa.Col, pb.Col))
	})
	return keys
}

// resolveStyles checks each style and resolves it into a Style.
func (l *Layout) resolveStyles() error {
	l.styles = map[string]*Style{}
	for _, name := range inFileOrder(l.Styles, func(s StyleSpec) source.Pos { return s.Pos }) {
		spec := l.Styles[name]
		at := func(key string) source.Pos {
			if p, ok := spec.at[key]; ok {
				return p
			}
			return cmp.Or(spec.Pos, l.Pos["styles"])
		}
		col, err := resolveColor(spec.Color, l.theme, at("color"))
		if err != nil {
			return err
		}
		align, ok := aligns[spec.Align]
		if !ok {
			return &source.Diagnostic{Severity: source.Error, Pos: at("align"), Message: fmt.Sprintf("style %q: align %q: use start, end or center", name, spec.Align),
				Hint: "start is left in left-to-right languages and right in right-to-left ones"}
		}
		role := cmp.Or(spec.Role, "body")
		if !slices.Contains(roles, role) {
			return &source.Diagnostic{Severity: source.Error, Pos: at("role"), Message: fmt.Sprintf("style %q: unknown role %q", name, spec.Role),
				Hint: "use body, heading or caption (a caption need not meet a minimum type size)"}
		}
		var size [2]float64
		switch len(spec.Size) {
		case 1:
			size = [2]float64{spec.Size[0], spec.Size[0]}
		case 2:
			size = [2]float64{spec.Size[0], spec.Size[1]}
		default:
			return &source.Diagnostic{Severity: source.Error, Pos: at("size"), Message: fmt.Sprintf("style %q: size is [min, max] or one number", name), Hint: "write [min, max], e.g. [16, 20], or one number"}
		}
		l.styles[name] = &Style{Name: name, Bold: spec.Bold, Align: align, LineHeight: spec.LineHeight, MaxLines: spec.MaxLines,
			ScriptMetrics: scriptMetrics(spec), NoOrphan: spec.NoOrphan, Size: size, Color: col, Role: role}
	}
	return nil
}

// checkTypeScales checks every style's size range under each size's
// type scale.
func (l *Layout) checkTypeScales() error {
	names := inFileOrder(l.styles, func(s *Style) source.Pos { return l.Styles[s.Name].Pos })
	for _, v := range l.Sizes {
		pos := cmp.Or(v.scalePos, v.Pos, l.Pos["sizes"])
		if k := v.TypeScale; k != 0 && !(k > 0 && k <= 100) {
			return &source.Diagnostic{Severity: source.Error, Pos: pos, Message: fmt.Sprintf("size %s: `type_scale` must be more than 0 and at most 100, got %g", v.Suffix, k),
				Hint: "a factor on every style's sizes, e.g. 1.3 for a larger sheet"}
		}
		for _, name := range names {
			if r := l.styles[name].Range(v.TypeScale); r[1] > 1000 {
				return &source.Diagnostic{Severity: source.Error, Pos: pos, Message: fmt.Sprintf("size %s: type_scale %g sets style %q at up to %g pt; type may be at most 1000 pt", v.Suffix, v.TypeScale, name, r[1]),
					Hint: "use a smaller type_scale, or smaller sizes in the style"}
			}
		}
	}
	return nil
}

// resolveBlock checks a block (and the blocks of a panels or stack
// block) and resolves its styles, colours, templates and image; parent
// is the type of the block it is in ("" on the page).
func (l *Layout) resolveBlock(b *Block, suffixes []string, parent string) error {
	res := &resolvedBlock{}
	if !slices.Contains(blockTypes, b.Type) {
		return &source.Diagnostic{Severity: source.Error, Pos: b.valuePos("type"),
			Message: fmt.Sprintf("unknown block type %q: use %s", b.Type, orList(blockTypes)), Hint: nearHint(b.Type, blockTypes, "`handbill schema layout` describes each type")}
	}
	if _, ok := areaNames[b.Area]; !ok {
		return &source.Diagnostic{Severity: source.Error, Pos: b.valuePos("area"),
			Message: fmt.Sprintf("unknown area %q: use safe, trim, bleed or band", b.Area), Hint: "safe is inside the margin (the default), trim the page, bleed the page and what runs past it, band across like safe and down like trim"}
	}
	if len(b.Box) != 4 {
		return &source.Diagnostic{Severity: source.Error, Pos: b.valuePos("box"),
			Message: fmt.Sprintf("box needs four lengths [x, y, width, height], got %d", len(b.Box)), Hint: "e.g. box: [0, 10%, 100%, 20%]"}
	}
	if !slices.Contains([]string{"", "top", "middle", "bottom"}, b.VAlign) {
		return &source.Diagnostic{Severity: source.Error, Pos: b.valuePos("valign"),
			Message: fmt.Sprintf("unknown valign %q: use top, middle or bottom", b.VAlign), Hint: "valign places the text in its box, top by default"}
	}
	for _, s := range b.Only {
		if !slices.Contains(suffixes, s) {
			return &source.Diagnostic{Severity: source.Error, Pos: b.valuePos("only"),
				Message: fmt.Sprintf("`only` names %q, which is not one of this layout's sizes", s), Hint: suggest(s, suffixes)}
		}
	}
	if (b.Type == "text" || b.Type == "list" || b.Type == "tabs") && b.Style == "" {
		return &source.Diagnostic{Severity: source.Error, Pos: b.Pos, Message: fmt.Sprintf("a %s block needs a style", b.Type), Hint: "add style: with one of " + strings.Join(sortedKeys(l.Styles), ", ")}
	}
	if b.Type == "list" && b.Title != "" && b.TitleStyle == "" {
		return &source.Diagnostic{Severity: source.Error, Pos: b.valuePos("title"), Message: "a list block with a title needs a title_style", Hint: "add title_style: with one of " + strings.Join(sortedKeys(l.Styles), ", ")}
	}
	for _, s := range []struct {
		key, name string
		to        **Style
	}{{"style", b.Style, &res.style}, {"title_style", b.TitleStyle, &res.titleStyle}} {
		if s.name == "" {
			continue
		}
		st, ok := l.styles[s.name]
		if !ok {
			return &source.Diagnostic{Severity: source.Error, Pos: b.valuePos(s.key), Message: fmt.Sprintf("unknown style %q", s.name), Hint: suggest(s.name, sortedKeys(l.Styles))}
		}
		*s.to = st
	}
	for _, c := range []struct {
		key, name string
		to        *ColorRef
	}{{"fill", b.Fill, &res.fill}, {"stroke", b.Stroke, &res.stroke}, {"background", b.Background, &res.backcolor}} {
		ref, err := resolveColor(c.name, l.theme, b.valuePos(c.key))
		if err != nil {
			return err
		}
		*c.to = ref
	}
	for _, t := range []struct {
		key, src string
		to       *Template
		printed  bool
	}{{"text", b.Text, &res.text, true}, {"alt_text", b.AltText, &res.altText, true}, {"title", b.Title, &res.title, true}, {"content", b.Content, &res.content, false}, {"if", b.If, &res.cond, false}, {"unless", b.Unless, &res.unless, false}} {
		tmpl, err := ParseTemplate(t.src, b.valuePos(t.key))
		if err != nil {
			return err
		}
		if t.printed {
			if err := tmpl.checkPrintable(t.key); err != nil {
				return err
			}
		}
		*t.to = tmpl
	}
	if r, ok := controlIn(b.Bullet); ok {
		return &source.Diagnostic{Severity: source.Error, Pos: b.valuePos("bullet"),
			Message: fmt.Sprintf("`bullet` holds the control character U+%04X, which cannot be printed", r), Hint: "remove the control character from the text"}
	}
	switch b.Type {
	case "list":
		if !slices.Contains(content.ListKeys, b.Items) {
			return &source.Diagnostic{Severity: source.Error, Pos: b.valuePos("items"), Message: fmt.Sprintf("unknown list %q", b.Items), Hint: suggest(b.Items, content.ListKeys)}
		}
	case "tabs":
		if b.Count < 2 || b.Count > 20 {
			return &source.Diagnostic{Severity: source.Error, Pos: b.valuePos("count"), Message: fmt.Sprintf("tabs: count must be between 2 and 20, got %d", b.Count), Hint: "tear-off tabs: between 2 and 20"}
		}
	case "panels":
		if b.Direction != "" && b.Direction != "columns" && b.Direction != "rows" {
			return &source.Diagnostic{Severity: source.Error, Pos: b.valuePos("direction"), Message: fmt.Sprintf("panels: direction %q: use columns or rows", b.Direction), Hint: "columns side by side (the default), or rows one above the other"}
		}
	case "stack":
		if len(b.Blocks) == 0 {
			return &source.Diagnostic{Severity: source.Error, Pos: b.Pos, Message: "a stack block needs `blocks`: the rows it stacks",
				Hint: "e.g. blocks: [{type: text, text: \"{hotline}\", style: number, box: [0, 0, 100%, 50%]}, …], each box measured in the stack's box"}
		}
		for _, sub := range b.Blocks {
			if !slices.Contains(stackChildTypes, sub.Type) {
				return &source.Diagnostic{Severity: source.Error, Pos: sub.valuePos("type"), Message: fmt.Sprintf("a stack cannot hold a %s block", sub.Type),
					Hint: "a stack holds " + orList(stackChildTypes) + " blocks; put tabs and panels beside it"}
			}
		}
	case "image":
		if b.Src != "" && b.Src != "logo" {
			path, err := l.imagePath(b.Src, b.valuePos("src"))
			if err != nil {
				return err
			}
			data, err := loadImage(path)
			if err != nil {
				return imageErr(b.Src, b.valuePos("src"), err)
			}
			res.image = data
		}
	}
	if len(b.Blocks) > 0 && b.Type != "panels" && b.Type != "stack" {
		return &source.Diagnostic{Severity: source.Error, Pos: b.valuePos("blocks"), Message: fmt.Sprintf("a %s block cannot hold `blocks`", b.Type),
			Hint: "only panels (one per language) and stack (rows that close up when empty) blocks hold blocks"}
	}
	if b.FitRows && b.Type != "panels" {
		return &source.Diagnostic{Severity: source.Error, Pos: b.valuePos("fit_rows"), Message: fmt.Sprintf("`fit_rows` fits the rows of a panels block; a %s block has no panels", b.Type),
			Hint: "give `fit_rows: true` to the panels block"}
	}
	if len(b.PanelGroups) > 0 && !b.FitRows {
		return &source.Diagnostic{Severity: source.Error, Pos: b.valuePos("panel_groups"), Message: "`panel_groups` fits each panel's rows to its own text; the block has no `fit_rows: true`",
			Hint: "give `panel_groups` to a panels block with `fit_rows: true`"}
	}
	for _, g := range b.PanelGroups {
		if !slices.ContainsFunc(b.Blocks, func(s Block) bool { return s.Group == g }) {
			return &source.Diagnostic{Severity: source.Error, Pos: b.valuePos("panel_groups"), Message: fmt.Sprintf("`panel_groups` names %q, the group of none of the panel's blocks", g),
				Hint: "name the `group` of text or list blocks in the panel"}
		}
	}
	if b.Group != "" && b.Type != "text" && b.Type != "list" {
		return &source.Diagnostic{Severity: source.Error, Pos: b.valuePos("group"), Message: fmt.Sprintf("`group` sets text at one size; a %s block has no text to size", b.Type),
			Hint: "give `group` to the text and list blocks that share a size"}
	}
	if b.AltText != "" && b.Type != "tabs" {
		return &source.Diagnostic{Severity: source.Error, Pos: b.valuePos("alt_text"), Message: fmt.Sprintf("`alt_text` is what every other tear-off tab prints; a %s block has no tabs", b.Type),
			Hint: "give `alt_text` to a tabs block, or remove it"}
	}
	if b.Under != "" && b.Type != "text" && b.Type != "list" {
		return &source.Diagnostic{Severity: source.Error, Pos: b.valuePos("under"), Message: fmt.Sprintf("`under` keeps text smaller than a group's; a %s block has no text to size", b.Type),
			Hint: "give `under` to the text or list block (the headline) that must stay smaller than the group (the numbers)"}
	}
	if b.Grow && parent != "stack" {
		return &source.Diagnostic{Severity: source.Error, Pos: b.valuePos("grow"), Message: "`grow` applies to a block in a stack",
			Hint: "put the block in a stack's blocks: when rows of the stack collapse, growing blocks take their room"}
	}
	b.res = res
	for i := range b.Blocks {
		if err := l.resolveBlock(&b.Blocks[i], suffixes, b.Type); err != nil {
			return err
		}
	}
	return nil
}

// orList is "a, b or c".
func orList(s []string) string {
	if len(s) < 2 {
		return strings.Join(s, "")
	}
	return strings.Join(s[:len(s)-1], ", ") + " or " + s[len(s)-1]
}

// design is a size a layout's pages are drawn at: an output's page, or
// a card sheet's cell.
type design struct {
	output string
	suffix string
	w, h   float64
}

// designs lists the sizes the layout's pages are drawn at.
func (l *Layout) designs() []design {
	var out []design
	for _, v := range l.Sizes {
		t := Target{Layout: l, Variant: v}
		ps := t.Size()
		out = append(out, design{t.Name(), v.Suffix, ps.W, ps.H})
		if l.Product != "card" {
			continue
		}
		for _, s := range v.Sheets {
			sh := sheets[s]
			out = append(out, design{Target{Layout: l, Variant: v, Mode: s}.Name(), v.Suffix, sh.CardW, sh.CardH})
		}
	}
	return out
}

// checkGeometry measures every block's box at every size the layout's
// pages are drawn at: a box with no area is an error at the box. The
// blocks of a panels block are measured in a single panel (the panels of
// more languages are narrower, and are measured when composed), those of
// a stack in the stack's box.
func (l *Layout) checkGeometry() error {
	ds := l.designs()
	for _, d := range ds {
		where := ""
		if len(ds) > 1 {
			where = " in " + d.output
		}
		var walk func(bs []Block, areas map[string]area) error
		walk = func(bs []Block, areas map[string]area) error {
			for _, b := range bs {
				if len(b.Only) > 0 && !contains(b.Only, d.suffix) {
					continue
				}
				r, err := boxIn(b, areas)
				var na *noAreaError
				if errors.As(err, &na) {
					return &source.Diagnostic{Severity: source.Error, Pos: b.valuePos("box"), Message: na.Error() + where,
						Hint: "give the box a positive width and height inside its area (and a margin that leaves room)"}
				}
				if err != nil {
					return &source.Diagnostic{Severity: source.Error, Pos: b.Pos, Message: err.Error(), Hint: "fix the block in the layout file"}
				}
				switch b.Type {
				case "panels":
					if err := walk(b.Blocks, panelAreas(panelArea(b, r, 0, 1))); err != nil {
						return err
					}
				case "stack":
					if err := walk(b.Blocks, panelAreas(r)); err != nil {
						return err
					}
				}
			}
			return nil
		}
		for _, p := range l.Pages {
			if err := walk(p.Blocks, pageAreas(l, d.w, d.h, 0)); err != nil {
				return err
			}
		}
	}
	return nil
}

// scriptMetrics reports whether a style sets its lines by the reach of
// each language's marks (text.Style.ScriptMetrics): as the style says, or
// else on for every style of running text (no max_lines, or three lines
// or more: paragraphs, lists, headlines), where stacked marks must clear
// the next line and columns share a baseline grid. A style of one or two
// lines (a name, a label or a caption in a band, an address) keeps its
// ink's metrics, as a box sized for it expects.
func scriptMetrics(spec StyleSpec) bool {
	if spec.ScriptMetrics != nil {
		return *spec.ScriptMetrics
	}
	return spec.MaxLines == 0 || spec.MaxLines >= 3
}
