package pdf

import (
	"strconv"
	"strings"
)

// fastCells is false only in the test that compares the fast path with fpdf's own.
var fastCells = true

// drawnRunes is, for each style of Font, the characters fpdf has drawn in it. fpdf registers a character for
// the font's subset as it draws it, so text made only of those characters can be written without fpdf.
type drawnRunes map[string]*[1 << 10]uint64

// cell writes s as fpdf's CellFormat(w, h, s, "", 0, align, false, 0, "") at (x, y) writes it, byte for byte,
// but without its formatting: a long table's cells are most of its time (the JP follow-up's lampiran tables
// hold 68,000 rows). It falls back to CellFormat when the state is one the fast path does not reproduce (a
// font other than Font, underline or strike-out, word spacing, right-to-left, a line past the page's break, a
// character not drawn in this style before) and learns the characters fpdf drew. It reports whether it
// wrote without fpdf; after the last cell of a row written so, call syncCell, so that fpdf's position and
// last cell height are what CellFormat would have left.
func (d *Doc) cell(x, y, w, h float64, s, align string) (fast bool) {
	s = Drawable(s)
	if d.fastCell(x, y, w, h, s, align) {
		d.fastWritten++
		return true
	}
	d.SetXY(x, y)
	d.Fpdf.CellFormat(w, h, s, "", 0, align, false, 0, "")
	if d.Err() || !strings.EqualFold(d.GetFontFamily(), Font) {
		return false
	}
	style := baseStyle(d.GetFontStyle())
	set := d.drawn[style]
	if set == nil {
		if d.drawn == nil {
			d.drawn = drawnRunes{}
		}
		set = new([1 << 10]uint64)
		d.drawn[style] = set
	}
	for _, r := range s {
		if r < 1<<16 {
			set[r>>6] |= 1 << (r & 63)
		}
	}
	return false
}

// syncCell leaves fpdf's x and last cell height as a CellFormat(w, h, …) at (x, y) would: the cell writes
// nothing here (no text, no border), and a fast cell there fitted above the page's break.
func (d *Doc) syncCell(x, y, w, h float64) {
	d.SetXY(x, y)
	d.Fpdf.CellFormat(w, h, "", "", 0, "", false, 0, "")
}

// baseStyle is the style of the font an fpdf style draws with: without underline and strike-out.
func baseStyle(style string) string {
	return strings.NewReplacer("U", "", "S", "").Replace(style)
}

// fastCell writes s (already Drawable) as CellFormat would when it can, and reports whether it did.
func (d *Doc) fastCell(x, y, w, h float64, s, align string) bool {
	if !fastCells || d.Err() || d.rtl || !strings.EqualFold(d.GetFontFamily(), Font) || d.GetWordSpacing() != 0 {
		return false
	}
	style := d.GetFontStyle()
	if strings.ContainsAny(style, "US") || (align != "L" && align != "C" && align != "R") {
		return false
	}
	_, pageH := d.GetPageSize()
	if _, margin := d.GetAutoPageBreak(); y+h > pageH-margin {
		return false // CellFormat may break the page here (automatically, or by a SetAcceptPageBreakFunc)
	}
	set := d.drawn[style]
	if set == nil {
		return false
	}
	for _, r := range s {
		if r >= 1<<16 || set[r>>6]&(1<<(r&63)) == 0 {
			return false
		}
	}
	if s == "" {
		return true // CellFormat writes nothing for an empty cell without border
	}
	var dx float64
	switch align {
	case "R":
		dx = w - d.GetCellMargin() - d.Fpdf.GetStringWidth(s)
	case "C":
		dx = (w - d.Fpdf.GetStringWidth(s)) / 2
	default:
		dx = d.GetCellMargin()
	}
	k := d.GetConversionRatio()
	_, fontSize := d.GetFontSize()
	b := make([]byte, 0, 48+4*len(s))
	text := colorString(d.GetTextColor())
	colored := text != colorString(d.GetFillColor())
	if colored {
		b = append(append(append(b, "q "...), text...), ' ')
	}
	b = append(b, "BT "...)
	b = strconv.AppendFloat(b, (x+dx)*k, 'f', 2, 64)
	b = append(b, ' ')
	b = strconv.AppendFloat(b, (pageH-(y+.5*h+.3*fontSize))*k, 'f', 2, 64)
	b = append(b, " Td ("...)
	for _, r := range s { // UTF-16BE, each byte escaped as fpdf's escape does
		for _, c := range [2]byte{byte(r >> 8), byte(r)} {
			switch c {
			case '\\', '(', ')':
				b = append(b, '\\', c)
			case '\r':
				b = append(b, '\\', 'r')
			default:
				b = append(b, c)
			}
		}
	}
	b = append(b, ")Tj ET"...)
	if colored {
		b = append(b, " Q"...)
	}
	d.RawWriteStr(string(b))
	return true
}

// colorString is how fpdf writes a fill or text colour given in RGB: "0.882 g" for a grey, else "r g b rg".
func colorString(r, g, b int) string {
	comp := func(v int) float64 { return float64(min(max(v, 0), 255)) / 255 }
	if r, g, b := comp(r), comp(g), comp(b); r == g && r == b {
		return strconv.FormatFloat(r, 'f', 3, 64) + " g"
	}
	return strconv.FormatFloat(comp(r), 'f', 3, 64) + " " + strconv.FormatFloat(comp(g), 'f', 3, 64) + " " +
		strconv.FormatFloat(comp(b), 'f', 3, 64) + " rg"
}

// RTL draws the text that follows right to left; see fpdf.Fpdf.RTL. The fast table cells then stand aside.
func (d *Doc) RTL() {
	d.rtl = true
	d.Fpdf.RTL()
}

// LTR draws the text that follows left to right again; see fpdf.Fpdf.LTR.
func (d *Doc) LTR() {
	d.rtl = false
	d.Fpdf.LTR()
}
