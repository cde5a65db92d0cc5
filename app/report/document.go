// Package report writes the documents Pembina hands out: sign-in sheets, certificates, printable forms,
// evaluation summaries (PDF, with codeberg.org/go-pdf/fpdf) and the leadership workbook (xlsx, with excelize).
// It takes data from the data layer and writes to an io.Writer; it knows nothing of windows. The one Fyne
// import is the theme package in fonts.go, for the bytes of the Noto Sans fonts Fyne already embeds
// (docs/FYNE-NOTES.md): any Indonesian name renders, and the binary carries one copy of the fonts.
package report

import (
	"bytes"
	"fmt"
	"image"
	_ "image/jpeg" // logos and signatures come as JPEG too
	_ "image/png"
	"strings"
	"time"

	"codeberg.org/go-pdf/fpdf"

	"github.com/pembina/pembina/data"
	"github.com/pembina/pembina/data/indo"
)

// Paper is a sheet size. F4 (215 × 330 mm, "folio") is what many Indonesian offices print on.
type Paper string

// The papers offered.
const (
	A4 Paper = "A4"
	F4 Paper = "F4"
)

func (p Paper) size() fpdf.SizeType {
	if p == F4 {
		return fpdf.SizeType{Wd: 215, Ht: 330}
	}
	return fpdf.SizeType{Wd: 210, Ht: 297}
}

// Fixed is a moment that documents can be stamped with instead of now, so that golden-file tests and
// reprints are byte for byte reproducible. Zero means now.
var Fixed time.Time

// newDocument starts a PDF in millimetres on the given paper and orientation ("P" or "L") with Noto Sans
// as Font (each style registered when first used), Indonesian metadata and 20 mm margins.
func newDocument(paper Paper, orientation, title string) *Doc {
	pdf := newDoc(fpdf.NewCustom(&fpdf.InitType{OrientationStr: orientation, UnitStr: "mm", Size: paper.size()}))
	pdf.SetMargins(20, 15, 20)
	pdf.SetAutoPageBreak(true, 15)
	pdf.SetTitle(title, true)
	pdf.SetCreator("Pembina", true)
	pdf.SetLang("id-ID")
	pdf.SetCatalogSort(true)
	if !Fixed.IsZero() {
		pdf.SetCreationDate(Fixed)
		pdf.SetModificationDate(Fixed)
	}
	pdf.SetFont(Font, "", 10)
	return pdf
}

// finish writes the document, turning fpdf's sticky error into a domain error.
func finish(pdf *Doc, w interface{ Write([]byte) (int, error) }) error {
	if err := pdf.Output(w); err != nil {
		return data.Wrap(data.KindInternal, err, "PDF tidak dapat ditulis: %v", err)
	}
	return nil
}

// registerImage checks that b is a PNG or JPEG image and registers it under name; a corrupt image is an
// invalid-kind error naming what it was for, never a panic or a half-written PDF.
func registerImage(pdf *Doc, name, what string, b []byte) (w, h float64, err error) {
	cfg, format, err := image.DecodeConfig(bytes.NewReader(b))
	if err != nil {
		return 0, 0, data.Errorf(data.KindInvalid, "Gambar %s tidak dapat dibaca (bukan PNG atau JPEG yang utuh); ganti gambarnya di Pengaturan", what)
	}
	if _, _, err := image.Decode(bytes.NewReader(b)); err != nil {
		return 0, 0, data.Errorf(data.KindInvalid, "Gambar %s rusak; ganti gambarnya di Pengaturan", what)
	}
	tp := "PNG"
	if format == "jpeg" {
		tp = "JPG"
	}
	info := pdf.RegisterImageOptionsReader(name, fpdf.ImageOptions{ImageType: tp}, bytes.NewReader(b))
	if pdf.Err() {
		err := pdf.Error()
		pdf.ClearError()
		return 0, 0, data.Wrap(data.KindInvalid, err, "Gambar %s tidak dapat dipakai: %v", what, err)
	}
	if info == nil {
		return float64(cfg.Width), float64(cfg.Height), nil
	}
	return info.Width(), info.Height(), nil
}

// Letterhead draws the kop surat at the top margin: the logo on the left (when there is one), the
// institution's name lines centred and the address under them, then a thick and a thin rule. It returns the
// y below the rules. A logo that cannot be read is an error: documents must not go out without it silently.
func Letterhead(pdf *Doc, in *data.Institution) (float64, error) {
	left, top, right, _ := pdf.GetMargins()
	pageW, _ := pdf.GetPageSize()
	width := pageW - left - right
	const logoH = 22.0
	if len(in.Logo) > 0 {
		w, h, err := registerImage(pdf, "logo", "logo instansi", in.Logo)
		if err != nil {
			return 0, err
		}
		logoW := logoH * w / h
		pdf.ImageOptions("logo", left, top, logoW, logoH, false, fpdf.ImageOptions{}, 0, "")
	}
	y := top
	line := func(text, style string, size float64) {
		if strings.TrimSpace(text) == "" {
			return
		}
		pdf.SetFont(Font, style, size)
		pdf.SetXY(left, y)
		pdf.CellFormat(width, size*0.45, text, "", 0, "C", false, 0, "")
		y += size * 0.45
	}
	line(strings.ToUpper(in.ParentName), "B", 13)
	line(strings.ToUpper(in.Name), "B", 15)
	var contact []string
	if in.Address != "" {
		contact = append(contact, in.Address)
	}
	if in.Phone != "" {
		contact = append(contact, "Telp. "+in.Phone)
	}
	line(strings.Join(contact, " · "), "", 9)
	var online []string
	if in.Email != "" {
		online = append(online, "Pos-el: "+in.Email)
	}
	if in.Website != "" {
		online = append(online, "Laman: "+in.Website)
	}
	line(strings.Join(online, " · "), "", 9)
	if y < top+logoH && len(in.Logo) > 0 {
		y = top + logoH
	}
	y += 2
	pdf.SetLineWidth(0.8)
	pdf.Line(left, y, left+width, y)
	pdf.SetLineWidth(0.2)
	pdf.Line(left, y+1.2, left+width, y+1.2)
	pdf.SetFont(Font, "", 10)
	return y + 4, nil
}

// SignatureMode says what goes between the position and the name of a signature block.
type SignatureMode string

// The signature modes of a certificate design.
const (
	SignatureSpace SignatureMode = "none"  // empty space for a wet signature
	SignatureImage SignatureMode = "image" // the signatory's scanned signature
	SignatureBox   SignatureMode = "box"   // a framed box where an electronic signature (BSrE) is applied later
)

// SignatureBlock draws, from (x, y) in a column of the given width: "Sukamaju, 28 November 2026", the
// position lines in capitals ending in a comma (with Plt./Plh./a.n.), room for the signature, the name with
// titles in bold and underlined, the rank when known, and "NIP. …". It returns the y below the block. A nil
// signatory leaves a line for the name, so a sheet can still be signed by hand.
func SignatureBlock(pdf *Doc, x, y, width float64, place string, date time.Time, g *data.Signatory, mode SignatureMode) (float64, error) {
	const lh = 5.0
	text := func(s, style string) {
		pdf.SetFont(Font, style, 10)
		pdf.SetXY(x, y)
		pdf.CellFormat(width, lh, s, "", 0, "C", false, 0, "")
		y += lh
	}
	if place != "" || !date.IsZero() {
		s := place
		if !date.IsZero() {
			if s != "" {
				s += ", "
			}
			s += indo.Date(date)
		}
		text(s, "")
	}
	if g == nil {
		y += 22
		text("(..............................................)", "")
		return y, nil
	}
	for _, l := range g.PositionLines() {
		text(l, "")
	}
	const room = 22.0
	switch {
	case mode == SignatureImage && len(g.Signature) > 0:
		w, h, err := registerImage(pdf, fmt.Sprintf("signature-%d", g.ID), "tanda tangan "+g.FullName(), g.Signature)
		if err != nil {
			return y, err
		}
		sh := room - 2
		sw := sh * w / h
		if sw > width*0.8 {
			sw, sh = width*0.8, width*0.8*h/w
		}
		pdf.ImageOptions(fmt.Sprintf("signature-%d", g.ID), x+(width-sw)/2, y+1, sw, sh, false, fpdf.ImageOptions{}, 0, "")
	case mode == SignatureBox:
		bw := min(width*0.7, 60)
		pdf.SetDrawColor(150, 150, 150)
		pdf.SetDashPattern([]float64{1, 1}, 0)
		pdf.Rect(x+(width-bw)/2, y+1, bw, room-2, "D")
		pdf.SetDashPattern(nil, 0)
		pdf.SetDrawColor(0, 0, 0)
		pdf.SetFont(Font, "I", 7)
		pdf.SetTextColor(120, 120, 120)
		pdf.SetXY(x, y+room/2-2)
		pdf.CellFormat(width, 4, "Tempat tanda tangan elektronik", "", 0, "C", false, 0, "")
		pdf.SetTextColor(0, 0, 0)
	}
	y += room
	name := g.FullName()
	pdf.SetFont(Font, "BU", 10)
	pdf.SetXY(x, y)
	pdf.CellFormat(width, lh, name, "", 0, "C", false, 0, "")
	y += lh
	if g.RankCode != "" {
		text(rankLine(g.RankCode), "")
	}
	if g.NIP != "" {
		text("NIP. "+formatNIP(g.NIP), "")
	}
	return y, nil
}
