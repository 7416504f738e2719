package layouts

// Sheet is a desktop-printer sheet of cards (Avery-style business card
// stock), or of handouts (two half-letter pages on one Letter sheet, to
// cut in half): the page, the grid and where the first design sits.
type Sheet struct {
	Name string
	Page string // page size name
	// Landscape turns the page: two half-letter handouts side by side on
	// a Letter sheet.
	Landscape bool
	// Product is the product the sheet holds: card or handout.
	Product    string
	Cols, Rows int
	// Cut draws a dashed cut line between the columns.
	Cut bool
	// Card is the cell size; Left and Top place the first cell; GapX and
	// GapY separate cells.
	CardW, CardH, Left, Top, GapX, GapY float64
}

var sheets = map[string]Sheet{
	"avery5371": {Name: "Avery 5371 (Letter, 10 cards of 3.5×2 in)", Page: "letter", Product: "card",
		Cols: 2, Rows: 5, CardW: 3.5 * inch, CardH: 2 * inch, Left: 0.75 * inch, Top: 0.5 * inch},
	"avery-c32011": {Name: "Avery C32011-10 (A4, 10 cards of 85×54 mm)", Page: "a4", Product: "card",
		Cols: 2, Rows: 5, CardW: 85 * mm, CardH: 54 * mm, Left: 15 * mm, Top: 13.5 * mm, GapX: 10 * mm},
	"letter-2up": {Name: "Letter, two half-letter handouts side by side, to cut in half", Page: "letter", Landscape: true, Product: "handout",
		Cols: 2, Rows: 1, CardW: 5.5 * inch, CardH: 8.5 * inch, Cut: true},
	"a4-2up": {Name: "A4, two A5 handouts side by side, to cut in half", Page: "a4", Landscape: true, Product: "handout",
		Cols: 2, Rows: 1, CardW: 148.5 * mm, CardH: 210 * mm, Cut: true},
}

// PageSize is the sheet's page, turned for a landscape sheet.
func (s Sheet) PageSize() PageSize {
	ps := pageSizes[s.Page]
	if s.Landscape {
		ps.W, ps.H = ps.H, ps.W
	}
	return ps
}

// LookupSheet returns a sheet by name.
func LookupSheet(name string) (Sheet, bool) {
	s, ok := sheets[name]
	return s, ok
}
