package pdf

import ()

// Column is one column of a Table: its heading, width in millimetres and alignment ("L", "C", "R").
type Column struct {
	Title string
	Width float64
	Align string
}

// Table draws rows whose cells wrap inside their column and never overflow it; a row that does not fit on
// the page moves to the next, where the heading is drawn again. Every document with a list (sign-in sheets,
// registers, summaries) uses it.
type Table struct {
	pdf        *Doc
	Columns    []Column
	X          float64 // left edge; the left margin when zero
	LineHeight float64 // height of one line of text in a cell
	FontSize   float64
	MinRowH    float64 // a row is at least this high (sign-in sheets leave room to sign)
	// BeforeHeading is called on every new page before the heading is drawn (to repeat a page header);
	// it returns the y where the heading goes.
	BeforeHeading func() float64
	// RowStyle, when set, is called before each row to set fill colour and font style.
	RowStyle func(row int, cells []string) (fill bool)
	// DrawCell, when set, draws a cell's content itself (the zig-zag signature column); the text is skipped.
	DrawCell func(row, col int, x, y, w, h float64) bool

	rows int
}

// NewTable prepares a table on pdf.
func NewTable(pdf *Doc, cols []Column) *Table {
	return &Table{pdf: pdf, Columns: cols, LineHeight: 4.6, FontSize: 9}
}

func (t *Table) left() float64 {
	if t.X != 0 {
		return t.X
	}
	l, _, _, _ := t.pdf.GetMargins()
	return l
}

// Heading draws the column titles at the current y (bold, shaded, wrapped when long).
func (t *Table) Heading() {
	pdf := t.pdf
	titles := make([]string, len(t.Columns))
	for i, c := range t.Columns {
		titles[i] = c.Title
	}
	pdf.SetFont(Font, "B", t.FontSize)
	h := t.Height(titles)
	y := pdf.GetY()
	x := t.left()
	pdf.SetFillColor(225, 225, 225)
	for i, c := range t.Columns {
		pdf.Rect(x, y, c.Width, h, "FD")
		t.text(titles[i], x, y, c.Width, h, "C")
		x += c.Width
	}
	pdf.SetXY(t.left(), y+h)
	pdf.SetFont(Font, "", t.FontSize)
}

// Row draws one row, starting a new page (with the page header and the heading) when it does not fit.
func (t *Table) Row(cells []string) {
	pdf := t.pdf
	pdf.SetFont(Font, "", t.FontSize)
	fill := false
	if t.RowStyle != nil {
		fill = t.RowStyle(t.rows, cells)
	}
	// Each cell is wrapped once, for the row's height and for drawing it: wrapping is most of a long
	// table's cost (the JP follow-up's lampiran tables hold 68,000 rows).
	lines := make([][]string, len(cells))
	n := 1
	for i, c := range t.Columns {
		if i < len(cells) {
			lines[i] = pdf.SplitText(cells[i], c.Width)
			n = max(n, len(lines[i]))
		}
	}
	h := max(float64(n)*t.LineHeight+2, t.MinRowH)
	_, pageH := pdf.GetPageSize()
	_, _, _, bottom := pdf.GetMargins()
	if pdf.GetY()+h > pageH-bottom {
		t.NewPage()
		if t.RowStyle != nil {
			fill = t.RowStyle(t.rows, cells)
		}
	}
	y := pdf.GetY()
	x := t.left()
	for i, c := range t.Columns {
		style := "D"
		if fill {
			style = "FD"
		}
		pdf.Rect(x, y, c.Width, h, style)
		if t.DrawCell == nil || !t.DrawCell(t.rows, i, x, y, c.Width, h) {
			if i < len(cells) {
				t.lines(lines[i], x, y, c.Width, h, c.Align)
			}
		}
		x += c.Width
	}
	pdf.SetXY(t.left(), y+h)
	t.rows++
}

// NewPage continues the table on a new page, with the page header and the heading.
func (t *Table) NewPage() {
	t.pdf.AddPage()
	if t.BeforeHeading != nil {
		t.pdf.SetY(t.BeforeHeading())
	}
	t.Heading()
}

// SpaceLeft is how much room the page still has below the current y.
func (t *Table) SpaceLeft() float64 {
	_, pageH := t.pdf.GetPageSize()
	_, _, _, bottom := t.pdf.GetMargins()
	return pageH - bottom - t.pdf.GetY()
}

// Height is the height a row of cells needs, each wrapped to its column (MinRowH aside).
func (t *Table) Height(cells []string) float64 {
	lines := 1
	for i, c := range t.Columns {
		if i < len(cells) {
			if n := len(t.pdf.SplitText(cells[i], c.Width)); n > lines {
				lines = n
			}
		}
	}
	return float64(lines)*t.LineHeight + 2
}

// text writes s wrapped inside the rectangle, vertically centred.
func (t *Table) text(s string, x, y, w, h float64, align string) {
	t.lines(t.pdf.SplitText(s, w), x, y, w, h, align)
}

// lines writes lines already wrapped to w inside the rectangle, vertically centred.
func (t *Table) lines(lines []string, x, y, w, h float64, align string) {
	if align == "" {
		align = "L"
	}
	top := y + (h-float64(len(lines))*t.LineHeight)/2
	for i, l := range lines {
		ly := top + float64(i)*t.LineHeight
		if t.pdf.cell(x, ly, w, t.LineHeight, l, align) && i == len(lines)-1 {
			t.pdf.syncCell(x, ly, w, t.LineHeight)
		}
	}
}
