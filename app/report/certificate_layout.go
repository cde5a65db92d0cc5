package report

import "github.com/pembina/pembina/app/report/pdf"

// A certificate page is laid out once as a list of drawing operations in millimetres (CertificatePage); the
// PDF is drawn from it, and so is the window's preview, with Fyne canvas objects. One layout for both means
// the preview shows what prints: the same wrapped lines, the same shrunken name, the same QR code, without a
// PDF rasteriser (poppler is not on an office's Windows laptop, and no pure-Go one renders fpdf's fonts).

// OpKind is what a drawing operation draws.
type OpKind int

// The kinds of drawing operation.
const (
	OpText  OpKind = iota // one line of text in a box, aligned left, centre or right
	OpImage               // a registered image (logo, background, signature) stretched to the box
	OpRect                // a rectangle, stroked and/or filled
	OpLine                // a straight line from (X, Y) to (X+W, Y+H)
	OpQR                  // a QR code with its quiet zone, W mm wide
)

// RGB is a colour.
type RGB struct{ R, G, B uint8 }

// Op is one drawing operation. Coordinates are millimetres from the page's top left corner.
type Op struct {
	Kind       OpKind
	X, Y, W, H float64
	Text       string
	Size       float64 // font size in points
	Style      string  // "", "B", "I", "BI"
	Align      string  // "L", "C", "R"
	Color      RGB
	Image      string // OpImage: "logo", "background" or "signature"
	Fill       bool
	Stroke     bool
	LineWidth  float64 // mm
	Dashed     bool
	QR         *pdf.QRCode
}

// CertificatePage is one laid-out page.
type CertificatePage struct {
	W, H float64
	Ops  []Op
}

// Images are the image files a batch prints, by the names OpImage uses; the preview decodes them itself.
type Images map[string][]byte

var (
	navy  = RGB{25, 45, 95}
	gold  = RGB{176, 141, 58}
	black = RGB{0, 0, 0}
	grey  = RGB{110, 110, 110}
)

// measurer sizes text with the fonts the PDF embeds, so that lines are broken where the PDF breaks them.
type measurer struct{ doc *pdf.Doc }

func (m measurer) width(s, style string, size float64) float64 {
	m.doc.SetFont(pdf.Font, style, size)
	return m.doc.GetStringWidth(s)
}

func (m measurer) split(s, style string, size, w float64) []string {
	m.doc.SetFont(pdf.Font, style, size)
	return m.doc.SplitText(s, w)
}

// fit breaks s into at most maxLines lines of width w at the largest size from max down to min (in half
// points); when even min needs more lines it returns them all, still within w.
func (m measurer) fit(s, style string, maxSize, minSize, w float64, maxLines int) ([]string, float64) {
	for size := maxSize; size >= minSize; size -= 0.5 {
		if lines := m.split(s, style, size, w); len(lines) <= maxLines {
			return lines, size
		}
	}
	return m.split(s, style, minSize, w), minSize
}

// lineHeight is the height of a line of text at size points, in mm (1.3 times the size).
func lineHeight(size float64) float64 { return size * 0.3528 * 1.3 }

// textOps are the lines of a text block, each centred (or aligned) in [x, x+w], from y down; it returns the
// y below them.
func textOps(ops *[]Op, lines []string, x, y, w, size float64, style, align string, c RGB) float64 {
	lh := lineHeight(size)
	for _, l := range lines {
		*ops = append(*ops, Op{Kind: OpText, X: x, Y: y, W: w, H: lh, Text: l, Size: size, Style: style, Align: align, Color: c})
		y += lh
	}
	return y
}
