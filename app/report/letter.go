package report

import (
	"io"
	"strings"
	"time"

	"github.com/pembina/pembina/app/report/pdf"
	"github.com/pembina/pembina/data"
	"github.com/pembina/pembina/data/indo"
)

// LetterForm is the layout of an official letter (naskah dinas).
type LetterForm int

// The letter forms.
const (
	// Memo is a nota dinas: the heading NOTA DINAS under the letterhead, then Yth., Dari, Tembusan, Tanggal,
	// Nomor, Sifat, Lampiran and Hal in one block above a rule.
	Memo LetterForm = iota
	// Outgoing is a surat dinas (surat undangan, surat panggilan): place and date on the right, Nomor, Sifat,
	// Lampiran and Hal on the left, then "Yth." with the addressee and "di Tempat".
	Outgoing
)

// Letter is one letter with its optional lampiran. Every text goes through Doc's Drawable path, so a name with
// an emoji prints a substitute instead of breaking the document.
type Letter struct {
	Form        LetterForm
	Institution *data.Institution
	Place       string    // where it is signed (Outgoing): the institution's city by default
	Date        time.Time // the letter's date
	Number      string
	Nature      string // Sifat: "Biasa", "Segera", "Penting"
	Attachment  string // Lampiran: "1 (satu) berkas"; "-" when empty
	Subject     string // Hal
	To          string // the addressee's position, after "Yth."
	ToPlace     string // Outgoing: under the addressee, "di Tempat" when empty
	From        string // Memo: Dari, the signer's position when empty
	CarbonCopy  []string
	Body        []data.LetterParagraph
	Signatory   *data.Signatory // nil leaves a line to sign on
	Signature   SignatureMode
	Appendix    *LetterAppendix
}

// LetterAppendix is the lampiran of a letter: a table of people (or anything), on its own pages, headed with
// the letter's number and date so it can be told apart from its letter.
type LetterAppendix struct {
	Title   string   // centred above the table, "DAFTAR PEGAWAI YANG BELUM MEMENUHI 20 JP"
	Lines   []string // centred under the title (the unit, the year)
	Columns []pdf.Column
	Rows    [][]string
	Notes   []string // paragraphs under the table
}

// LetterDocument is a PDF of one or more letters.
type LetterDocument struct{ doc *pdf.Doc }

// NewLetterDocument starts a PDF of letters on paper (portrait).
func NewLetterDocument(paper pdf.Paper, title string) *LetterDocument {
	doc := pdf.New(paper, "P", title)
	doc.SetMargins(25, 15, 20)
	doc.SetAutoPageBreak(true, 20)
	doc.SetCompression(false) // packStreams compresses the pages, much faster than fpdf does
	return &LetterDocument{doc: doc}
}

// Finish writes the document to w.
func (d *LetterDocument) Finish(w io.Writer) error { return pdf.Finish(d.doc, pdf.PackingWriter(w)) }

// WriteLetters writes letters into one PDF on paper.
func WriteLetters(w io.Writer, paper pdf.Paper, title string, letters []*Letter) (err error) {
	defer pdf.DrawingPanic(&err)
	d := NewLetterDocument(paper, title)
	for _, l := range letters {
		if err := d.Add(l); err != nil {
			return err
		}
	}
	return d.Finish(w)
}

// SaveLetters writes letters to a PDF file, beside it first and renamed at the end.
func SaveLetters(path string, paper pdf.Paper, title string, letters []*Letter) error {
	return saveFile(path, func(w io.Writer) error { return WriteLetters(w, paper, title, letters) })
}

const letterLine = 5.2 // the height of a line of body text, 11 pt

// Add draws a letter from a new page: letterhead, heading block, addressee, body, signer, then its lampiran.
func (d *LetterDocument) Add(l *Letter) (err error) {
	defer pdf.DrawingPanic(&err)
	doc := d.doc
	doc.AddPage()
	in := l.Institution
	if in == nil {
		in = &data.Institution{}
	}
	y, err := Letterhead(doc, in)
	if err != nil {
		return err
	}
	left, _, right, _ := doc.GetMargins()
	pageW, _ := doc.GetPageSize()
	width := pageW - left - right
	doc.SetY(y + 2)
	attachment := strings.TrimSpace(l.Attachment)
	if attachment == "" {
		attachment = "-"
	}
	nature := strings.TrimSpace(l.Nature)
	if nature == "" {
		nature = "Biasa"
	}
	if l.Form == Memo {
		doc.SetFont(pdf.Font, "B", 13)
		doc.SetX(left)
		doc.CellFormat(width, 7, "NOTA DINAS", "", 1, "C", false, 0, "")
		doc.Ln(3)
		from := l.From
		if from == "" && l.Signatory != nil {
			from = l.Signatory.Position
		}
		rows := [][2]string{{"Yth.", l.To}, {"Dari", from}}
		if len(l.CarbonCopy) > 0 {
			rows = append(rows, [2]string{"Tembusan", strings.Join(l.CarbonCopy, "; ")})
		}
		rows = append(rows, [2]string{"Tanggal", dateOrBlank(l.Date)}, [2]string{"Nomor", l.Number},
			[2]string{"Sifat", nature}, [2]string{"Lampiran", attachment}, [2]string{"Hal", l.Subject})
		d.labelled(left, width, 24, rows, "")
		doc.Ln(1)
		doc.SetLineWidth(0.4)
		doc.Line(left, doc.GetY(), left+width, doc.GetY())
		doc.SetLineWidth(0.2)
		doc.Ln(5)
	} else {
		place := l.Place
		if place == "" {
			place = in.City
		}
		dateLine := dateOrBlank(l.Date)
		if place != "" {
			dateLine = place + ", " + dateLine
		}
		doc.SetFont(pdf.Font, "", 11)
		doc.SetX(left)
		doc.CellFormat(width, letterLine, dateLine, "", 1, "R", false, 0, "")
		doc.Ln(2)
		top := doc.GetY()
		d.labelled(left, width*0.58, 20, [][2]string{{"Nomor", l.Number}, {"Sifat", nature},
			{"Lampiran", attachment}, {"Hal", l.Subject}}, "")
		below := doc.GetY()
		// The addressee beside the block, from its third line, as Tata Naskah Dinas lays it out.
		x := left + width*0.6
		doc.SetXY(x, top+2*letterLine)
		doc.SetFont(pdf.Font, "", 11)
		doc.CellFormat(width*0.4, letterLine, "Yth.", "", 2, "L", false, 0, "")
		doc.SetX(x)
		doc.MultiCell(width*0.4, letterLine, l.To, "", "L", false)
		toPlace := l.ToPlace
		if toPlace == "" {
			toPlace = "di\nTempat"
		}
		for _, s := range strings.Split(toPlace, "\n") {
			doc.SetX(x)
			doc.CellFormat(width*0.4, letterLine, s, "", 2, "L", false, 0, "")
		}
		doc.SetY(max(below, doc.GetY()))
		doc.Ln(5)
	}
	// The body is indented under the addressee block in Outgoing letters and runs full width in a memo.
	bodyX, bodyW := left, width
	if l.Form == Outgoing {
		bodyX, bodyW = left+12, width-12
	}
	doc.SetFont(pdf.Font, "", 11)
	var rows [][2]string
	flushRows := func() {
		if len(rows) > 0 {
			d.labelled(bodyX+8, bodyW-8, 32, rows, "")
			doc.Ln(2)
			rows = nil
		}
	}
	for _, p := range l.Body {
		if p.Label != "" {
			rows = append(rows, [2]string{p.Label, p.Text})
			continue
		}
		flushRows()
		doc.SetFont(pdf.Font, "", 11)
		doc.SetX(bodyX)
		doc.MultiCell(bodyW, letterLine, "\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0"+p.Text, "", "J", false)
		doc.Ln(2.5)
	}
	flushRows()
	d.signer(l, left, width)
	if len(l.CarbonCopy) > 0 && l.Form == Outgoing {
		doc.Ln(4)
		doc.SetFont(pdf.Font, "U", 10)
		doc.SetX(left)
		doc.CellFormat(width, 5, "Tembusan:", "", 1, "L", false, 0, "")
		doc.SetFont(pdf.Font, "", 10)
		for i, c := range l.CarbonCopy {
			doc.SetX(left)
			doc.MultiCell(width, 5, indo.Plain(int64(i+1))+". "+c, "", "L", false)
		}
	}
	if l.Appendix != nil {
		d.appendix(l, left, width)
	}
	if doc.Err() {
		return data.Wrap(data.KindInternal, doc.Error(), "Surat tidak dapat digambar: %v", doc.Error())
	}
	return nil
}

func dateOrBlank(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return indo.Date(t)
}

// labelled draws rows of "label : value" from x in width, labels in a column of labelW millimetres, values
// wrapped in the rest.
func (d *LetterDocument) labelled(x, width, labelW float64, rows [][2]string, style string) {
	doc := d.doc
	doc.SetFont(pdf.Font, style, 11)
	for _, r := range rows {
		labelW = max(labelW, doc.GetStringWidth(r[0])+2)
	}
	for _, r := range rows {
		doc.SetX(x)
		y := doc.GetY()
		doc.CellFormat(labelW, letterLine, r[0], "", 0, "L", false, 0, "")
		doc.CellFormat(4, letterLine, ":", "", 0, "L", false, 0, "")
		doc.SetXY(x+labelW+4, y)
		doc.MultiCell(width-labelW-4, letterLine, r[1], "", "L", false)
	}
}

// signer draws the signature block in the right half, on a new page when it does not fit.
func (d *LetterDocument) signer(l *Letter, left, width float64) {
	doc := d.doc
	_, pageH := doc.GetPageSize()
	if doc.GetY()+48 > pageH-20 {
		doc.AddPage()
	}
	doc.Ln(4)
	x, w := left+width*0.5, width*0.5
	y, err := SignatureBlock(doc, x, doc.GetY(), w, "", time.Time{}, l.Signatory, l.Signature)
	if err != nil {
		doc.SetError(err)
		return
	}
	doc.SetY(y)
}

// appendix draws the lampiran from a new page: the reference to the letter at the top right, the title, the
// table (its heading repeated on every page) and the notes.
func (d *LetterDocument) appendix(l *Letter, left, width float64) {
	doc := d.doc
	a := l.Appendix
	doc.AddPage()
	kind := "NOTA DINAS"
	if l.Form == Outgoing {
		kind = "SURAT"
	}
	refX := left + width*0.5
	doc.SetFont(pdf.Font, "", 9.5)
	doc.SetY(15)
	d.labelled(refX, width*0.5, 22, [][2]string{{"LAMPIRAN", kind}, {"Nomor", l.Number}, {"Tanggal", dateOrBlank(l.Date)},
		{"Hal", l.Subject}}, "")
	doc.Ln(5)
	doc.SetFont(pdf.Font, "B", 11)
	doc.SetX(left)
	doc.MultiCell(width, 5.5, a.Title, "", "C", false)
	doc.SetFont(pdf.Font, "", 10)
	for _, s := range a.Lines {
		doc.SetX(left)
		doc.MultiCell(width, 5, s, "", "C", false)
	}
	doc.Ln(3)
	t := pdf.NewTable(doc, fitColumns(a.Columns, width))
	t.X = left
	t.FontSize = 7.5
	t.LineHeight = 3.7
	t.Heading()
	for _, r := range a.Rows {
		t.Row(r)
	}
	doc.SetFont(pdf.Font, "", 10)
	for _, n := range a.Notes {
		doc.Ln(2)
		doc.SetX(left)
		doc.MultiCell(width, 5, n, "", "L", false)
	}
}

// fitColumns scales the columns' widths to fill width exactly, keeping their proportions.
func fitColumns(cols []pdf.Column, width float64) []pdf.Column {
	var sum float64
	for _, c := range cols {
		sum += c.Width
	}
	if sum <= 0 {
		return cols
	}
	out := make([]pdf.Column, len(cols))
	for i, c := range cols {
		c.Width = c.Width * width / sum
		out[i] = c
	}
	return out
}
