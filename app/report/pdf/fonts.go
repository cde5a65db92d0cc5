package pdf

import (
	"strings"

	"github.com/pembina/pembina/assets/fonts"
)

// Font is the family name every document uses: Noto Sans, whose styles a Doc registers as it first uses them.
const Font = "noto"

// fontStyles are Font's styles as fpdf names them, one Noto Sans file each.
var fontStyles = []string{"", "B", "I", "BI"}

// fontFile returns the Noto Sans file of one of fontStyles: assets/fonts, the same files Fyne shows its text
// in, kept apart from Fyne so that the documents and the command line do not link it (the window's binary
// carries the fonts twice, 1.8 MB).
func fontFile(style string) []byte {
	switch style {
	case "B":
		return fonts.Bold
	case "I":
		return fonts.Italic
	case "BI":
		return fonts.BoldItalic
	}
	return fonts.Regular
}

// SetFont selects a font; see fpdf.Fpdf.SetFont. A style of Font is registered the first time a document
// selects it, so that each PDF parses, subsets and embeds only the styles it draws with: a letter uses two
// of the four, and a style costs a short letter more time than its text (the JP follow-up writes 67 of them).
func (d *Doc) SetFont(family, style string, size float64) {
	if strings.EqualFold(family, Font) {
		d.useStyle(style)
	}
	d.Fpdf.SetFont(family, style, size)
}

// useStyle registers the style of Font that an fpdf style ("B", "BU", "IB", …) draws with, once.
func (d *Doc) useStyle(style string) {
	style = strings.ToUpper(style)
	key, bit := "", 1
	if strings.Contains(style, "B") {
		key, bit = "B", 2
	}
	if strings.Contains(style, "I") {
		key, bit = key+"I", bit*4
	}
	if d.styles&bit != 0 {
		return
	}
	d.styles |= bit
	d.AddUTF8FontFromBytes(Font, key, fontFile(key))
}
