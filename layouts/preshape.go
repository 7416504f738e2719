package layouts

import (
	"handbill/content"
	"handbill/text"
)

// preshape has the engine shape, on the process's other processors, the
// paragraphs the document's blocks set (see text.Engine.Preshape): every
// text block's and tear-off tab's text, every list's title, bullet and
// items, in each panel's language. It asks for the texts as the blocks
// will (the same filled templates, languages and weights), so that the
// blocks find them shaped; a text a block then sets otherwise (a heading
// with two words tied) is shaped when it is asked for, as before.
func (c *composer) preshape() {
	reqs := make([]text.Request, 0, 64)
	add := func(s string, st *Style, d *content.Doc) {
		if s != "" && st != nil {
			reqs = append(reqs, text.Request{Text: s, Style: st.Text(d.Messages.Lang)})
		}
	}
	var walk func(bs []Block, d *content.Doc)
	walk = func(bs []Block, d *content.Doc) {
		for _, b := range bs {
			if len(b.Only) > 0 && !contains(b.Only, c.t.Variant.Suffix) || c.skipped(b, d) {
				continue
			}
			switch b.Type {
			case "text", "tabs":
				s, _ := c.fill(b.res.text, d, b.Pos)
				add(s, b.res.style, d)
				if b.Type == "tabs" {
					alt, _ := c.fill(b.res.altText, d, b.Pos)
					add(alt, b.res.style, d)
				}
			case "list":
				list := d.Messages.Lists[b.Items]
				if b.Max > 0 && len(list) > b.Max {
					list = list[:b.Max]
				}
				if b.Title != "" {
					s, _ := c.fill(b.res.title, d, b.Pos)
					add(s, b.res.titleStyle, d)
					if t, ok := lastTwoTied(s); ok {
						add(t, b.res.titleStyle, d) // see listBlock
					}
				}
				bullet := b.Bullet
				if bullet == "" {
					bullet = "•"
				}
				add(bullet, b.res.style, d)
				for _, it := range list {
					add(it.S, b.res.style, d)
				}
			case "stack":
				walk(b.Blocks, d)
			case "panels":
				for _, pd := range c.docs {
					walk(b.Blocks, pd)
				}
			}
		}
	}
	for i := range c.t.Layout.Pages {
		walk(c.t.Layout.Pages[i].Blocks, c.docs[0])
	}
	c.e.Preshape(reqs)
}
