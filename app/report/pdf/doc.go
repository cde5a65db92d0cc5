// Package pdf is the machinery every PDF of Pembina is drawn with, on codeberg.org/go-pdf/fpdf: Doc, whose
// text methods pass every string through Drawable (text no font can draw is replaced in one place), Noto
// Sans registered style by style as a document first uses it, tables whose cells wrap and whose rows move to
// the next page with the heading, images checked before they are drawn, QR codes encoded and drawn as
// vectors, and the packing of uncompressed streams on every core. The documents themselves are in
// app/report; nothing here knows a certificate or a letter.
package pdf

import (
	"bytes"
	"image"
	_ "image/jpeg" // logos and signatures come as JPEG too
	_ "image/png"
	"time"

	"codeberg.org/go-pdf/fpdf"

	"github.com/pembina/pembina/data"
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

// New starts a PDF in millimetres on the given paper and orientation ("P" or "L") with Noto Sans
// as Font (each style registered when first used), Indonesian metadata and 20 mm margins.
func New(paper Paper, orientation, title string) *Doc {
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

// Finish writes the document to w, turning fpdf's sticky error into a domain error.
func Finish(pdf *Doc, w interface{ Write([]byte) (int, error) }) error {
	if err := pdf.Output(w); err != nil {
		return data.Wrap(data.KindInternal, err, "PDF tidak dapat ditulis: %v", err)
	}
	return nil
}

// RegisterImage checks that b is a PNG or JPEG image and registers it under name; a corrupt image is an
// invalid-kind error naming what it was for, never a panic or a half-written PDF.
func RegisterImage(pdf *Doc, name, what string, b []byte) (w, h float64, err error) {
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
