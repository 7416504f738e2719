package layouts

import (
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"

	"handbill/content"
	"handbill/frame"
	"handbill/source"
	"handbill/text"
)

// composer holds what composing one document needs.
type composer struct {
	e    *text.Engine
	t    Target
	docs []*content.Doc
	// brand is the organisation's colour, which replaces the theme's
	// accent (nil when none).
	brand *frame.Color
	// caps holds, per group, the size every block of the group is set at
	// (its members' smallest fitted size); fitted collects those sizes
	// during the first pass.
	caps   map[string]float64
	fitted map[string]float64
	// underFitted is true while the first pass runs again for groups
	// under groups (see chained): a block under a group is capped by the
	// size the group was fitted at.
	underFitted bool
	// heads holds, per row of titled lists in one group (see
	// listAlignKey), the tallest title at the group's size, so the lists
	// of a row start their items on one line; aligning is true while it
	// is being collected.
	heads    map[string]float64
	aligning bool
	// fields holds each document's template fields (see fields).
	fields map[*content.Doc]map[string]string
	// warnings are what composing found that does not stop the
	// document, each once (a block composed twice for its group's size
	// reports once).
	warnings []source.Diagnostic
	// inPanel is set while a panels block composes its panels (see
	// shared).
	inPanel bool
	// rowFit holds the boxes fit_rows gives the text and list blocks of
	// a panels block; rowUse what they drew (see fitRows).
	rowFit map[rowKey]rowBox
	rowUse map[rowKey]rowUse
	// panel is the index of the panel being composed, panelGroups its
	// panels block's panel_groups, and limits the largest size of each
	// panel group in each panel (see limitPanelGroups).
	panel       int
	panelGroups []string
	limits      map[string]float64
	// scales holds, per panel group in a panel, how much larger than its
	// size its script is set (text.Engine.Scale), so panels are compared
	// at the size they look.
	scales map[string]float64
	// oneGrid is set while a page whose panels came out alike is
	// composed on one grid, its panel_groups set aside (see page).
	oneGrid bool
	// measuring is set while a page whose rows overflow is composed to
	// measure them: a list set at its minimum size that is too tall for
	// its box is drawn overflowing, for fitRows to give its row the room
	// (see page).
	measuring bool
}

// warn records a warning once.
func (c *composer) warn(w source.Diagnostic) {
	if !slices.Contains(c.warnings, w) {
		c.warnings = append(c.warnings, w)
	}
}

// Compose lays out a target for the documents: one per language, or
// several for a multilingual product. It returns the frames, or the first
// error with the file:line:col of the text or layout value it concerns.
func Compose(e *text.Engine, t Target, docs []*content.Doc) (*frame.Doc, error) {
	if len(docs) == 0 {
		return nil, errors.New("no content to compose")
	}
	if t.Layout.styles == nil {
		return nil, fmt.Errorf("layout %s was not loaded with layouts.Parse", t.Layout.Name)
	}
	if err := tooManyPanels(t, docs); err != nil {
		return nil, err
	}
	c := &composer{e: e, t: t, docs: docs, brand: brandColor(docs[0].Org.Color), fields: map[*content.Doc]map[string]string{}}
	var langs []string
	for _, d := range docs {
		langs = append(langs, d.Messages.Lang.String())
	}
	out := &frame.Doc{
		Title:   fmt.Sprintf("%s (%s)", t.Layout.Description, strings.Join(langs, ", ")),
		Subject: "Signs of child sex trafficking and where to call for help",
		Author:  docs[0].Org.Name.S,
		Creator: "handbill",
		Lang:    langs[0],
	}
	if t.Layout.Discreet {
		// Found on a young person, the file's properties must not say
		// what it is about any more than the card does.
		out.Title = fmt.Sprintf("%s (%s)", plainProduct(t.Layout.Product), strings.Join(langs, ", "))
		out.Subject, out.Author = "", ""
	}
	if t.Calibration {
		return c.calibrationDoc(out)
	}
	c.officialWording()
	c.preshape()
	size := t.Size()
	designs := make([]*frame.Page, 0, len(t.Layout.Pages))
	bleed := 0.0
	if t.Mode == "press" {
		bleed = t.Bleed()
	}
	for i := range t.Layout.Pages {
		p, err := c.page(&t.Layout.Pages[i], size.W, size.H, bleed)
		if err != nil {
			return nil, err
		}
		designs = append(designs, p)
	}
	switch {
	case t.Mode == "press":
		pages, err := c.pressPages(designs, size, bleed)
		if err != nil {
			return nil, err
		}
		out.Pages = pages
	case t.Mode != "":
		sheet := sheets[t.Mode]
		pages, err := c.sheetPages(sheet)
		if err != nil {
			return nil, err
		}
		out.Pages = pages
	default:
		out.Pages = designs
	}
	out.Warnings = c.warnings
	return out, nil
}

// RuleNoticeWording is the rule of the warning that a posting-law
// notice prints handbill's own text where the law's wording belongs.
const RuleNoticeWording = "notice-wording"

// officialWording warns, for each document, where the layout's official
// message (a notice's intro) holds handbill's own text, not the law's.
func (c *composer) officialWording() {
	key := c.t.Layout.Official
	if key == "" {
		return
	}
	for _, d := range c.docs {
		if m, ok := d.Messages.Texts[key]; ok && !m.Pos.IsBuiltin() {
			continue
		}
		c.warn(source.Diagnostic{Severity: source.Warning, Pos: c.t.Layout.Pos["official"], Rule: RuleNoticeWording, Output: c.t.Name(), Lang: d.Messages.Lang.String(),
			Message: fmt.Sprintf("the notice prints handbill's own `%s`, not the posting law's wording: a law that fixes the sign's text (California Civ. Code 52.6, Florida 787.29) is not met until it is supplied", key),
			Hint:    fmt.Sprintf("put the law's wording, exactly as the law gives it, in your content file as `%s` under `messages:` for this language (see docs/products/notice.md)", key)})
	}
}

// page composes one design page of size w×h; with bleed > 0, art marked
// area: bleed runs that far past the trim. A page with a panels block
// that fits its rows is composed again with the rows fitted (see
// fitRows). Panels whose own sizes (panel_groups) come out alike, within
// panelAlike as drawn (English and Spanish), are set on one grid
// instead: one size, each section starting on one line across the
// panels, as the short white that leaves is less than a careful eye
// notices in two sizes a few percent apart.
func (c *composer) page(ps *PageSpec, w, h, bleed float64) (*frame.Page, error) {
	p, own, err := c.fitPage(ps, w, h, bleed)
	if err == nil && c.panelSpread(own) > 0 && c.panelSpread(own) <= panelAlike {
		c.oneGrid = true
		q, one, qerr := c.fitPage(ps, w, h, bleed)
		c.oneGrid = false
		if qerr == nil && !smaller(one, own) {
			p = q
		}
	}
	return p, err
}

// smaller reports whether a page set on one grid, its groups at sizes
// one, sets a panel group smaller than panelAlike below what the panel
// set it at on its own (own): one grid has one size for every panel,
// and a script set larger than its size (Arabic) takes the others down
// with it.
func smaller(one, own map[string]float64) bool {
	for k, s := range own {
		if g, _, ok := strings.Cut(k, "#"); ok && one[g] < s/panelAlike-1e-9 {
			return true
		}
	}
	return false
}

// panelAlike is how far apart, as a ratio, the sizes of a panel group's
// panels may be for the panels to be set on one grid (see page).
const panelAlike = 1.05

// fitPage composes a page and fits its rows (see page), and returns the
// sizes it set its groups at.
func (c *composer) fitPage(ps *PageSpec, w, h, bleed float64) (*frame.Page, map[string]float64, error) {
	c.rowFit = nil
	p, err := c.pageOnce(ps, w, h, bleed)
	if err != nil {
		// A row too tall for its box at the minimum size may fit once the
		// rows are fitted, with the room other rows leave: the page is
		// measured with it overflowing, and composed with the rows fitted.
		p, err = c.refit(ps, w, h, bleed, err)
	}
	// Of the rounds, the page whose panel groups are set largest is kept
	// (else the last): a round can set a row smaller than the one before
	// (a list's title kept off a one-word last line takes its list down
	// with it).
	best, _ := c.groupSizes()
	sizes := maps.Clone(c.fitted)
	for range fitRounds {
		if err != nil || !c.fitRows(ps, pageAreas(c.t.Layout, w, h, bleed), false) {
			break
		}
		q, err := c.pageOnce(ps, w, h, bleed)
		if err != nil {
			break // keep the page as it was last composed
		}
		if s, own := c.groupSizes(); !own || s >= best-1e-9 {
			p, best, sizes = q, s, maps.Clone(c.fitted)
		}
	}
	c.rowFit = nil
	return p, sizes, err
}

// panelSpread is the largest ratio of the largest to the smallest size,
// as drawn, sizes sets a panel group at in its panels (0 with none).
func (c *composer) panelSpread(sizes map[string]float64) float64 {
	least, most := map[string]float64{}, map[string]float64{}
	for k, s := range sizes {
		g, _, ok := strings.Cut(k, "#")
		if !ok {
			continue
		}
		if sc, ok := c.scales[k]; ok && sc > 0 {
			s *= sc
		}
		if m, seen := least[g]; !seen || s < m {
			least[g] = s
		}
		most[g] = max(most[g], s)
	}
	spread := 0.0
	for g, l := range least {
		if l > 0 {
			spread = max(spread, most[g]/l)
		}
	}
	return spread
}

// groupSizes is the sum of the sizes the page last composed set its
// panel groups at (see limitPanelGroups), and whether it has any.
func (c *composer) groupSizes() (float64, bool) {
	sum, any := 0.0, false
	for k, s := range c.fitted {
		if strings.Contains(k, "#") {
			sum, any = sum+s, true
		}
	}
	return sum, any
}

// refit composes a page whose first composition failed with err with
// its rows fitted to what it drew at the minimum sizes (see page); it
// returns err where that does not make it fit.
func (c *composer) refit(ps *PageSpec, w, h, bleed float64, err error) (*frame.Page, error) {
	warned := len(c.warnings)
	c.measuring = true
	_, merr := c.pageOnce(ps, w, h, bleed)
	c.measuring = false
	c.warnings = c.warnings[:warned] // what an overflowing page drew is not printed
	if merr != nil || !c.fitRows(ps, pageAreas(c.t.Layout, w, h, bleed), true) {
		c.rowFit = nil
		return nil, err
	}
	p, ferr := c.pageOnce(ps, w, h, bleed)
	if ferr != nil {
		c.rowFit = nil
		return nil, err
	}
	return p, nil
}

// pageOnce composes a page once, with the rows fitRows gave.
func (c *composer) pageOnce(ps *PageSpec, w, h, bleed float64) (*frame.Page, error) {
	c.rowUse = map[rowKey]rowUse{}
	p := &frame.Page{W: w, H: h}
	areas := pageAreas(c.t.Layout, w, h, bleed)
	if !ps.background.IsZero() {
		col := c.color(ps.background, frame.Color{})
		b := areas["bleed"]
		p.Items = append(p.Items, &frame.Rect{X: b.X, Y: b.Y, W: b.W, H: b.H, Fill: &col})
	}
	// First pass: find each group's common size.
	c.caps, c.fitted, c.scales = nil, map[string]float64{}, map[string]float64{}
	for _, b := range ps.Blocks {
		if !hasGroup(b) {
			continue
		}
		if _, err := c.block(b, areas, c.docs[0]); err != nil {
			return nil, err
		}
	}
	if chained(ps.Blocks) {
		// A group that is itself under a group (the sticker's question,
		// under the numbers, with its text line under it) is capped by
		// that group before the blocks under it take its size: its
		// blocks are fitted again, capped by what the pass found.
		c.underFitted = true
		for _, b := range ps.Blocks {
			if !hasGroup(b) {
				continue
			}
			if _, err := c.block(b, areas, c.docs[0]); err != nil {
				return nil, err
			}
		}
		c.underFitted = false
	}
	c.limitPanelGroups()
	c.caps = c.fitted
	// Second pass, for titled lists side by side in a group: the tallest
	// title of each row at the group's size (see listBlock).
	c.heads, c.aligning = map[string]float64{}, true
	for _, b := range ps.Blocks {
		if b.Type != "list" || b.Group == "" || b.Title == "" {
			continue
		}
		if _, err := c.block(b, areas, c.docs[0]); err != nil {
			return nil, err
		}
	}
	c.aligning = false
	for _, b := range ps.Blocks {
		items, err := c.block(b, areas, c.docs[0])
		if err != nil {
			return nil, err
		}
		p.Items = append(p.Items, items...)
	}
	c.caps, c.heads = nil, nil
	return p, nil
}

// chained reports whether a block of blocks (or of their stacks) is
// under a group whose blocks are themselves under a group.
func chained(blocks []Block) bool {
	underGroups, unders := map[string]bool{}, map[string]bool{}
	var walk func([]Block)
	walk = func(bs []Block) {
		for _, b := range bs {
			if b.Group != "" && b.Under != "" {
				underGroups[b.Group] = true
			}
			if b.Under != "" {
				unders[b.Under] = true
			}
			walk(b.Blocks)
		}
	}
	walk(blocks)
	for g := range unders {
		if underGroups[g] {
			return true
		}
	}
	return false
}

func hasGroup(b Block) bool {
	if b.Group != "" {
		return true
	}
	for _, s := range b.Blocks {
		if hasGroup(s) {
			return true
		}
	}
	return false
}

// HotlineRatio is how much larger than the headline the hotline's
// number is set: a block `under` the numbers' group is set at most at
// their size divided by it (check's rule hotline-size measures the same).
const HotlineRatio = 1.3

// sizeRange applies a block's group cap, and the cap of the group it is
// `under`, to a style's size range, and
// returns a function recording the size the block was fitted at.
func (c *composer) sizeRange(b Block, rng [2]float64) ([2]float64, func(float64)) {
	caps := c.caps
	if caps == nil && c.underFitted {
		caps = c.fitted
	}
	if n, ok := caps[b.Under]; ok && b.Under != "" && n/HotlineRatio < rng[1] {
		rng[1] = max(n/HotlineRatio, rng[0])
	}
	if b.Group == "" {
		return rng, func(float64) {}
	}
	g := c.groupKey(b)
	if cp, ok := c.caps[g]; ok && cp < rng[1] {
		rng[1] = max(cp, rng[0])
	}
	return rng, func(s float64) {
		if c.caps == nil {
			if cur, ok := c.fitted[g]; !ok || s < cur {
				c.fitted[g] = s
				if c.ownGroup(b) {
					c.scales[g] = c.e.Scale(b.res.style.Text(c.docs[c.panel].Messages.Lang))
				}
			}
		}
	}
}

// color is a colour the layout names, for this document.
func (c *composer) color(r ColorRef, def frame.Color) frame.Color { return r.Or(def, c.brand) }

// fill makes a template's text for document d (see Template.Fill).
func (c *composer) fill(t Template, d *content.Doc, at source.Pos) (string, source.Pos) {
	f, ok := c.fields[d]
	if !ok {
		f = fields(d)
		c.fields[d] = f
	}
	return t.fill(d, f, at)
}

// blockErr gives an error the block's position unless it has one.
func (c *composer) blockErr(b Block, err error) error {
	var ce *source.Diagnostic
	if errors.As(err, &ce) {
		return err
	}
	return &source.Diagnostic{Severity: source.Error, Pos: b.Pos, Output: c.t.Name(), Message: err.Error(), Hint: "fix the block in the layout file"}
}

func sortedKeys[V any](m map[string]V) []string { return slices.Sorted(maps.Keys(m)) }

// plainProduct is how people call a product, for a discreet document's
// title.
func plainProduct(product string) string {
	switch product {
	case "card":
		return "Wallet card"
	case "multilang":
		return "Poster"
	}
	return strings.ToUpper(product[:1]) + product[1:]
}

// MaxPanels is the most languages a multilingual product prints, a panel
// each. Four columns were measured on the built-in poster: on Tabloid a
// Spanish intro overflows its row by 3 pt at 13 pt, on Letter and A4 by
// 23-32 pt at 10 pt, and a column under 2.3 in wide (1.8 in on Letter)
// holds three or four words of a line, which every language but the
// shortest breaks into a ragged strip. build makes one poster per
// language after the first two (en, es + vi; en, es + zh-Hans).
const MaxPanels = 3

// tooManyPanels refuses more languages than a multilingual product has
// panels for, at the layout's size entry, with the maximum.
func tooManyPanels(t Target, docs []*content.Doc) error {
	if !t.Multilingual() || len(docs) <= MaxPanels {
		return nil
	}
	var langs []string
	for _, d := range docs {
		langs = append(langs, d.Messages.Lang.String())
	}
	first := strings.Join(langs[:2], ",")
	var each []string
	for _, l := range langs[2:] {
		each = append(each, "--lang "+first+","+l)
	}
	return &source.Diagnostic{Severity: source.Error, Pos: t.Variant.Pos, Output: t.Name(),
		Message: fmt.Sprintf("a multi-language layout prints at most %d languages, a panel each; %d were given (%s)", MaxPanels, len(docs), strings.Join(langs, ", ")),
		Hint:    fmt.Sprintf("make one poster per further language (%s), as `handbill build --lang %s` does", strings.Join(each, "; "), strings.Join(langs, ","))}
}
