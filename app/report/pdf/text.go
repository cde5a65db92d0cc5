package pdf

import (
	"fmt"
	"strings"
	"sync"

	"codeberg.org/go-pdf/fpdf"
	"golang.org/x/image/font/sfnt"

	"github.com/pembina/pembina/data"
)

// Substitute is drawn in a PDF in place of a character Noto Sans has no glyph for (an emoji, a script the
// font lacks, a character beyond the Basic Multilingual Plane): a visible mark that something was there,
// instead of a blank, a tofu box or fpdf's panic (its font subsetter indexes a 65,536-entry table with the
// code point, so U+10000 and above crash the whole document at Output).
const Substitute = '\uFFFD'

// Doc is a PDF under construction. Every document of Pembina is a Doc, never a bare *fpdf.Fpdf: its text
// methods shadow fpdf's and pass every string through Drawable first, so that text no font can draw (emoji in
// a name typed on a phone, a comment from Google Forms) is replaced in one place for every document, and
// measuring (GetStringWidth, SplitText) sees exactly the text that is drawn. The data keeps the original text;
// only the drawing substitutes.
type Doc struct {
	*fpdf.Fpdf
	styles int // the styles of Font registered, one bit each (fonts.go)

	drawn       drawnRunes // what Table's fast cells may write (cell.go)
	rtl         bool
	fastWritten int // cells written by the fast path, for its test
}

// newDoc wraps an fpdf document.
func newDoc(pdf *fpdf.Fpdf) *Doc { return &Doc{Fpdf: pdf} }

// Text draws s at (x, y); see fpdf.Fpdf.Text.
func (d *Doc) Text(x, y float64, s string) { d.Fpdf.Text(x, y, Drawable(s)) }

// Cell draws s in a cell; see fpdf.Fpdf.Cell.
func (d *Doc) Cell(w, h float64, s string) { d.Fpdf.Cell(w, h, Drawable(s)) }

// CellFormat draws s in a cell; see fpdf.Fpdf.CellFormat.
func (d *Doc) CellFormat(w, h float64, s, border string, ln int, align string, fill bool, link int, linkStr string) {
	d.Fpdf.CellFormat(w, h, Drawable(s), border, ln, align, fill, link, linkStr)
}

// MultiCell draws s with line breaks; see fpdf.Fpdf.MultiCell.
func (d *Doc) MultiCell(w, h float64, s, border, align string, fill bool) {
	d.Fpdf.MultiCell(w, h, Drawable(s), border, align, fill)
}

// Write draws flowing text; see fpdf.Fpdf.Write.
func (d *Doc) Write(h float64, s string) { d.Fpdf.Write(h, Drawable(s)) }

// WriteAligned draws flowing text aligned in width; see fpdf.Fpdf.WriteAligned.
func (d *Doc) WriteAligned(width, lineHeight float64, s, align string) {
	d.Fpdf.WriteAligned(width, lineHeight, Drawable(s), align)
}

// WriteLinkString draws flowing text that links to target; see fpdf.Fpdf.WriteLinkString.
func (d *Doc) WriteLinkString(h float64, s, target string) {
	d.Fpdf.WriteLinkString(h, Drawable(s), target)
}

// SplitText breaks s into lines of at most w; see fpdf.Fpdf.SplitText.
func (d *Doc) SplitText(s string, w float64) []string { return d.Fpdf.SplitText(Drawable(s), w) }

// SplitLines breaks UTF-8 text into lines of at most w; see fpdf.Fpdf.SplitLines.
func (d *Doc) SplitLines(b []byte, w float64) [][]byte {
	return d.Fpdf.SplitLines([]byte(Drawable(string(b))), w)
}

// GetStringWidth measures s as it will be drawn; see fpdf.Fpdf.GetStringWidth.
func (d *Doc) GetStringWidth(s string) float64 { return d.Fpdf.GetStringWidth(Drawable(s)) }

// GetStringSymbolWidth measures s in font units as it will be drawn; see fpdf.Fpdf.GetStringSymbolWidth.
func (d *Doc) GetStringSymbolWidth(s string) int { return d.Fpdf.GetStringSymbolWidth(Drawable(s)) }

// Bookmark adds an outline entry; see fpdf.Fpdf.Bookmark.
func (d *Doc) Bookmark(s string, level int, y float64) { d.Fpdf.Bookmark(Drawable(s), level, y) }

// SetTitle sets the document's title in its metadata, where no font is needed (an emoji stays) but the text
// must be valid UTF-8 (fpdf's UTF-16 conversion indexes past the end of a broken sequence).
func (d *Doc) SetTitle(s string, isUTF8 bool) {
	d.Fpdf.SetTitle(strings.ToValidUTF8(s, "\uFFFD"), isUTF8)
}

// SetSubject sets the document's subject in its metadata; see SetTitle.
func (d *Doc) SetSubject(s string, isUTF8 bool) {
	d.Fpdf.SetSubject(strings.ToValidUTF8(s, "\uFFFD"), isUTF8)
}

// SetAuthor sets the document's author in its metadata; see SetTitle.
func (d *Doc) SetAuthor(s string, isUTF8 bool) {
	d.Fpdf.SetAuthor(strings.ToValidUTF8(s, "\uFFFD"), isUTF8)
}

// SetKeywords sets the document's keywords in its metadata; see SetTitle.
func (d *Doc) SetKeywords(s string, isUTF8 bool) {
	d.Fpdf.SetKeywords(strings.ToValidUTF8(s, "\uFFFD"), isUTF8)
}

// Drawable returns s with every character Noto Sans cannot draw replaced by Substitute. A sequence that forms
// one emoji (modifiers, variation selectors, zero-width joiners, a flag's two letters) becomes one Substitute.
// Line feeds stay (MultiCell breaks on them), tabs become spaces, other control characters and invalid UTF-8
// are dropped. Text the font covers comes back unchanged, so Drawable is idempotent and cheap for the usual
// Indonesian name.
func Drawable(s string) string {
	cov := coverage()
	clean := true
	for _, r := range s {
		if r >= 0x10000 || !cov[r] || (r < 0x20 && r != '\n') || (r >= 0x7F && r < 0xA0) || r == Substitute {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	out := make([]rune, 0, len(s))
	inMark := false // the last thing written is a Substitute that what follows may still belong to
	joiner := false // ... and a zero-width joiner came after it: the next character is part of it
	flag := false   // ... and it stands for a regional indicator still waiting for its pair
	for _, r := range s {
		switch {
		case r == '\n':
			out, inMark = append(out, r), false
		case r == '\t':
			out, inMark = append(out, ' '), false
		case r < 0x20 || (r >= 0x7F && r < 0xA0):
			// control characters carry nothing to draw
		case inMark && (r == 0x200D):
			joiner = true
		case inMark && flag && isRegionalIndicator(r):
			flag = false
		case inMark && modifiesEmoji(r):
			// a variation selector, skin tone or tag of the emoji already replaced
		case inMark && joiner && !(r < 0x10000 && cov[r]):
			joiner = false // the next emoji of a joined sequence (a family, a profession)
		case r < 0x10000 && cov[r] && r != Substitute:
			out, inMark, joiner = append(out, r), false, false
		default:
			out = append(out, Substitute)
			inMark, joiner, flag = true, false, isRegionalIndicator(r)
		}
	}
	return string(out)
}

// modifiesEmoji reports whether r only modifies the character before it: a variation selector, a skin-tone
// modifier, a tag character (subdivision flags) or the keycap mark.
func modifiesEmoji(r rune) bool {
	switch {
	case r == 0x20E3:
		return true
	case r >= 0xFE00 && r <= 0xFE0F, r >= 0xE0100 && r <= 0xE01EF:
		return true
	case r >= 0x1F3FB && r <= 0x1F3FF:
		return true
	case r >= 0xE0020 && r <= 0xE007F:
		return true
	}
	return false
}

// isRegionalIndicator reports whether r is one of the letters two of which make a flag.
func isRegionalIndicator(r rune) bool { return r >= 0x1F1E6 && r <= 0x1F1FF }

var (
	coverageOnce sync.Once
	coverageSet  []bool
)

// coverage is the set of BMP code points all the Noto Sans styles the documents register have a glyph for.
func coverage() []bool {
	coverageOnce.Do(func() {
		set := make([]bool, 0x10000)
		for r := range set {
			set[r] = true
		}
		var buf sfnt.Buffer
		for _, style := range fontStyles {
			f, err := sfnt.Parse(fontFile(style))
			if err != nil {
				panic("report: Noto Sans cannot be parsed: " + err.Error()) // the embedded font is part of the build
			}
			for r := range set {
				if set[r] {
					if g, err := f.GlyphIndex(&buf, rune(r)); err != nil || g == 0 {
						set[r] = false
					}
				}
			}
		}
		set['\n'] = true // kept for MultiCell's breaks; never drawn as a glyph
		coverageSet = set
	})
	return coverageSet
}

// DrawingPanic turns a panic while a document is drawn (fpdf panics on some input instead of returning an
// error) into an error, so that one odd text stops one document, never the program. Deferred by every Write
// function of a PDF.
func DrawingPanic(err *error) {
	if r := recover(); r != nil {
		*err = data.Wrap(data.KindInternal, fmt.Errorf("panic: %v", r),
			"PDF tidak dapat dibuat karena kesalahan di dalam Pembina; laporkan ke pengembang beserta datanya")
	}
}
