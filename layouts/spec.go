package layouts

import (
	"handbill/frame"
	"handbill/source"
)

// Layout is a layout file: a product's page, styles and blocks. Lengths in
// blocks are measured in the block's area (the safe area by default).
type Layout struct {
	Name        string `yaml:"name,required"`
	Description string `yaml:"description,required"`
	// Product is the kind of thing made: poster, multilang, flyer, handout,
	// card or sticker.
	Product string `yaml:"product,required"`
	// Discreet says the product must not say what it is about, not even in
	// the PDF's metadata: its title is the product's plain name ("Wallet
	// card"), with no subject and no organisation as author.
	Discreet bool `yaml:"discreet"`
	// Official names the message that must hold a law's own wording (a
	// posting-law notice: `official: intro`): while handbill's own text
	// is printed there, build and check warn (rule notice-wording).
	Official string `yaml:"official"`
	// Sizes lists the sizes the layout is built in; each gives one output
	// named <name>-<suffix>.
	Sizes  []Variant `yaml:"sizes,required"`
	Margin Length    `yaml:"margin"`
	// MinSize is the smallest type size, in points, body and heading text
	// may have on this product (check warns under it; a compliance preset
	// may require more).
	MinSize float64               `yaml:"min_size"`
	Theme   map[string]ThemeColor `yaml:"theme"`
	Styles  map[string]StyleSpec  `yaml:"styles,required"`
	Pages   []PageSpec            `yaml:"pages,required"`
	Source  string                `yaml:"-"`
	Pos     map[string]source.Pos `yaml:"-"`

	// Resolved when the layout is loaded (see resolve): the theme's
	// colours, black and white included, and the styles.
	theme  map[string]frame.Color
	styles map[string]*Style
}

// Variant is one size a layout is built in.
type Variant struct {
	Suffix string   `yaml:"suffix,required"`
	Size   SizeSpec `yaml:"size,required"`
	// TypeScale multiplies every style's sizes (a tabloid poster sets its
	// type larger than a letter one); 0 means 1.
	TypeScale float64 `yaml:"type_scale"`
	// Orientation is portrait (default) or landscape.
	Orientation string `yaml:"orientation"`
	// Bleed is how far background art runs past the trim in press output;
	// zero means 1/8 in, or 3 mm for metric sizes (see Target.Bleed).
	Bleed Length `yaml:"bleed"`
	// Sheets names the desktop sheets a card is also imposed on.
	Sheets []string `yaml:"sheets"`
	// BackOffset, [x, y], moves the backs of a card sheet right and down
	// (as seen on the back) to make up for a duplex printer's
	// misregistration: what the calibration page measures.
	BackOffset []Length `yaml:"back_offset"`
	// Pos is where the size is written; scalePos where its type_scale is.
	Pos      source.Pos `yaml:"-"`
	scalePos source.Pos
}

// StyleSpec is how a kind of text is set.
type StyleSpec struct {
	// Size is [min, max] in points: the largest size in the range at which
	// the text fits its box is used. One number fixes the size.
	Size       []float64 `yaml:"size,required"`
	Bold       bool      `yaml:"bold"`
	Color      string    `yaml:"color"`
	Align      string    `yaml:"align"`
	LineHeight float64   `yaml:"line_height"`
	// ScriptMetrics sets line ascent, descent and the least pitch from
	// the reach of each language's marks (text.Style.ScriptMetrics): on
	// unless the style says script_metrics: false.
	ScriptMetrics *bool `yaml:"script_metrics"`
	// NoOrphan keeps a lone word off a paragraph's last line
	// (text.Style.NoOrphan).
	NoOrphan bool `yaml:"no_orphan"`
	MaxLines int  `yaml:"max_lines"`
	// Role says what the text is, for checks: body (default) and heading
	// text must meet a product's or a law's minimum size; a caption (the
	// address under a QR code, a footer) need not.
	Role string `yaml:"role"`
	// Pos is where the style is written; at where each of its values is.
	Pos source.Pos `yaml:"-"`
	at  map[string]source.Pos
}

// PageSpec is one page of the design (a card has a front and a back).
type PageSpec struct {
	Name       string  `yaml:"name"`
	Background string  `yaml:"background"`
	Blocks     []Block `yaml:"blocks,required"`
	// Pos is where the page is written; background is its background
	// colour, resolved at load, and backgroundPos where it is written.
	Pos           source.Pos `yaml:"-"`
	background    ColorRef
	backgroundPos source.Pos
}

// Block is one thing on a page. Type says which fields apply:
//   - text: Text (a template: "{headline}", "{call_label} {hotline}") in Style;
//   - list: Items (a list message key) with an optional Title, in Style and
//     TitleStyle, all at one size;
//   - qr: a QR code of Content (a template, e.g. "https://{web}");
//   - image: the organisation's logo (Src "logo") or a file;
//   - rect: a box filled with Fill and/or stroked with Stroke;
//   - rule: a line across the box's top (Dash for a dashed cut line);
//   - tabs: Count tear-off tabs filling the box, each with Text rotated 90°;
//   - panels: the box split into one panel per language (Direction columns
//     or rows), each holding Blocks in its own language;
//   - stack: Blocks in rows that close up when a row has nothing to show
//     (see stackBlock).
type Block struct {
	Type       string   `yaml:"type,required"`
	Box        []Length `yaml:"box,required"`
	Area       string   `yaml:"area"`
	Text       string   `yaml:"text"`
	Style      string   `yaml:"style"`
	VAlign     string   `yaml:"valign"`
	Items      string   `yaml:"items"`
	Title      string   `yaml:"title"`
	TitleStyle string   `yaml:"title_style"`
	Bullet     string   `yaml:"bullet"`
	Max        int      `yaml:"max"`
	Content    string   `yaml:"content"`
	Src        string   `yaml:"src"`
	// Alt is an image's or QR code's alternate text in tagged PDF, for
	// screen readers (default: "QR code: " and where it leads; the
	// organisation's name and "logo"; "Logo").
	Alt  string `yaml:"alt"`
	Fill string `yaml:"fill"`
	// Background paints a qr block's square (quiet zone included) first.
	Background string    `yaml:"background"`
	Stroke     string    `yaml:"stroke"`
	Width      float64   `yaml:"width"`
	Dash       []float64 `yaml:"dash"`
	Count      int       `yaml:"count"`
	// AltText, on a tabs block, is what every other tab (the second,
	// the fourth…) prints instead of Text, where it is not empty: two
	// lines, each by name and number, where one tab has no room for both.
	AltText   string  `yaml:"alt_text"`
	Direction string  `yaml:"direction"`
	Gap       Length  `yaml:"gap"`
	Blocks    []Block `yaml:"blocks"`
	// If, when set, is a template: the block is drawn only when it is not
	// empty (a white square behind a QR code only when there is an address).
	If string `yaml:"if"`
	// Unless, when set, is a template: the block is drawn only when it is
	// empty (four signs on a card's back unless the user's own line needs
	// the room of one).
	Unless string `yaml:"unless"`
	// Only, when set, limits the block to these sizes (variant suffixes):
	// one design can then arrange a Letter and a Tabloid sheet differently.
	Only []string `yaml:"only"`
	// Group names blocks set at one common size: the largest size at which
	// every block of the group fits (two lists side by side, say).
	Group string `yaml:"group"`
	// Under names a group (the hotline's numbers) this text or list block
	// must stay clearly smaller than: it is set at most at that group's
	// size divided by HotlineRatio, so the number stays the largest
	// thing on the page whatever the language makes of the headline.
	// A group may itself be under a group (a sticker's question under the
	// numbers, its text line under the question): the hierarchy holds in
	// every language.
	Under string `yaml:"under"`
	// Grow, on a block in a stack, gives it the room of the stack's rows
	// that collapse (shared with the other growing blocks), instead of
	// the rows left being centred in the stack (see stackBlock).
	Grow bool `yaml:"grow"`
	// FitRows, on a panels block, fits the rows of its panels' text to
	// the languages printed (see fitRows).
	FitRows bool `yaml:"fit_rows"`
	// PanelGroups, on a fit_rows panels block, names the groups each
	// panel sets at its own size, its rows fitted to its own text: a
	// short language fills its panel instead of being left with white
	// under each row of a long one (see fitRows).
	PanelGroups []string   `yaml:"panel_groups"`
	Pos         source.Pos `yaml:"-"`

	// at is where each of the block's values is written, for messages.
	at map[string]source.Pos
	// Resolved when the layout is loaded (see resolve).
	res *resolvedBlock
}

// resolvedBlock is what a block's values are, checked once when the
// layout is loaded: composing a document only fills in its content.
type resolvedBlock struct {
	style, titleStyle       *Style
	text, title, content    Template
	altText                 Template
	cond, unless            Template
	fill, stroke, backcolor ColorRef
	// image is the file of an image block that is not the logo.
	image *frame.ImageData
}
