// Package report writes the documents Pembina hands out: sign-in sheets, certificates, letters, printable
// forms, evaluation summaries, the leadership brief (PDF, drawn with app/report/pdf) and the leadership
// workbook (xlsx, with excelize). It takes data from the data layer and writes to an io.Writer; it knows
// nothing of windows. Each document is a file named after it; what several share (the letterhead, the
// signature block, saving beside the destination) has its own file.
package report

import (
	"fmt"
	_ "image/jpeg" // logos and signatures come as JPEG too
	_ "image/png"
	"strings"
	"time"

	"codeberg.org/go-pdf/fpdf"

	"github.com/pembina/pembina/app/report/pdf"
	"github.com/pembina/pembina/data"
	"github.com/pembina/pembina/data/indo"
)

// Letterhead draws the kop surat at the top margin: the logo on the left (when there is one), the
// institution's name lines centred and the address under them, then a thick and a thin rule. It returns the
// y below the rules. A logo that cannot be read is an error: documents must not go out without it silently.
func Letterhead(doc *pdf.Doc, in *data.Institution) (float64, error) {
	left, top, right, _ := doc.GetMargins()
	pageW, _ := doc.GetPageSize()
	width := pageW - left - right
	const logoH = 22.0
	if len(in.Logo) > 0 {
		w, h, err := pdf.RegisterImage(doc, "logo", "logo instansi", in.Logo)
		if err != nil {
			return 0, err
		}
		logoW := logoH * w / h
		doc.ImageOptions("logo", left, top, logoW, logoH, false, fpdf.ImageOptions{}, 0, "")
	}
	y := top
	line := func(text, style string, size float64) {
		if strings.TrimSpace(text) == "" {
			return
		}
		doc.SetFont(pdf.Font, style, size)
		doc.SetXY(left, y)
		doc.CellFormat(width, size*0.45, text, "", 0, "C", false, 0, "")
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
	doc.SetLineWidth(0.8)
	doc.Line(left, y, left+width, y)
	doc.SetLineWidth(0.2)
	doc.Line(left, y+1.2, left+width, y+1.2)
	doc.SetFont(pdf.Font, "", 10)
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
func SignatureBlock(doc *pdf.Doc, x, y, width float64, place string, date time.Time, g *data.Signatory, mode SignatureMode) (float64, error) {
	const lh = 5.0
	text := func(s, style string) {
		doc.SetFont(pdf.Font, style, 10)
		doc.SetXY(x, y)
		doc.CellFormat(width, lh, s, "", 0, "C", false, 0, "")
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
		w, h, err := pdf.RegisterImage(doc, fmt.Sprintf("signature-%d", g.ID), "tanda tangan "+g.FullName(), g.Signature)
		if err != nil {
			return y, err
		}
		sh := room - 2
		sw := sh * w / h
		if sw > width*0.8 {
			sw, sh = width*0.8, width*0.8*h/w
		}
		doc.ImageOptions(fmt.Sprintf("signature-%d", g.ID), x+(width-sw)/2, y+1, sw, sh, false, fpdf.ImageOptions{}, 0, "")
	case mode == SignatureBox:
		bw := min(width*0.7, 60)
		doc.SetDrawColor(150, 150, 150)
		doc.SetDashPattern([]float64{1, 1}, 0)
		doc.Rect(x+(width-bw)/2, y+1, bw, room-2, "D")
		doc.SetDashPattern(nil, 0)
		doc.SetDrawColor(0, 0, 0)
		doc.SetFont(pdf.Font, "I", 7)
		doc.SetTextColor(120, 120, 120)
		doc.SetXY(x, y+room/2-2)
		doc.CellFormat(width, 4, "Tempat tanda tangan elektronik", "", 0, "C", false, 0, "")
		doc.SetTextColor(0, 0, 0)
	}
	y += room
	name := g.FullName()
	doc.SetFont(pdf.Font, "BU", 10)
	doc.SetXY(x, y)
	doc.CellFormat(width, lh, name, "", 0, "C", false, 0, "")
	y += lh
	if g.RankCode != "" {
		text(rankLine(g.RankCode), "")
	}
	if g.NIP != "" {
		text("NIP. "+formatNIP(g.NIP), "")
	}
	return y, nil
}
