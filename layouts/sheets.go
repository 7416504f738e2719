package layouts

// Sheet is a desktop-printer sheet of cards (Avery-style business card
// stock): the page, the grid and where the first card sits.
type Sheet struct {
	Name       string
	Page       string // page size name
	Cols, Rows int
	// Card is the cell size; Left and Top place the first cell; GapX and
	// GapY separate cells.
	CardW, CardH, Left, Top, GapX, GapY float64
}

var sheets = map[string]Sheet{
	"avery5371": {Name: "Avery 5371 (Letter, 10 cards of 3.5×2 in)", Page: "letter",
		Cols: 2, Rows: 5, CardW: 3.5 * inch, CardH: 2 * inch, Left: 0.75 * inch, Top: 0.5 * inch},
	"avery-c32011": {Name: "Avery C32011-10 (A4, 10 cards of 85×54 mm)", Page: "a4",
		Cols: 2, Rows: 5, CardW: 85 * mm, CardH: 54 * mm, Left: 15 * mm, Top: 13.5 * mm, GapX: 10 * mm},
}

// LookupSheet returns a sheet by name.
func LookupSheet(name string) (Sheet, bool) {
	s, ok := sheets[name]
	return s, ok
}
