package report

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"unicode"

	"codeberg.org/go-pdf/fpdf"

	"github.com/pembina/pembina/app/report/pdf"
	"github.com/pembina/pembina/data"
)

// packCertificates is true but in BenchmarkPDFPack, which compares with fpdf compressing each page itself.
var packCertificates = true

// newCertificateDocument starts a certificate PDF: A4 in the design's orientation, Noto Sans (the styles
// the design uses), no automatic page breaks (the layout places everything itself), no cell margin (so
// lines break where the layout measured them).
func newCertificateDocument(d *data.CertificateDesign, title string) *pdf.Doc {
	orientation := "L"
	if d.Orientation == "portrait" {
		orientation = "P"
	}
	doc := pdf.New(pdf.A4, orientation, title)
	doc.SetMargins(0, 0, 0)
	doc.SetCellMargin(0)
	doc.SetAutoPageBreak(false, 0)
	doc.SetCompression(!packCertificates) // packStreams compresses the pages, much faster than fpdf does
	doc.SetFont(pdf.Font, "", 11)
	return doc
}

// registerImages puts each image of the batch into the document once; every page refers to the same object.
func registerImages(doc *pdf.Doc, images Images) error {
	for _, name := range []string{"logo", "background", "signature"} {
		if img, ok := images[name]; ok {
			if _, _, err := pdf.RegisterImage(doc, name, name, img); err != nil {
				return err
			}
		}
	}
	return nil
}

// drawPage draws a laid-out page on a new page of pdf.
func drawPage(doc *pdf.Doc, page CertificatePage) {
	doc.AddPage()
	for _, op := range page.Ops {
		switch op.Kind {
		case OpText:
			doc.SetFont(pdf.Font, op.Style, op.Size)
			doc.SetTextColor(int(op.Color.R), int(op.Color.G), int(op.Color.B))
			doc.SetXY(op.X, op.Y)
			doc.CellFormat(op.W, op.H, op.Text, "", 0, op.Align+"M", false, 0, "")
		case OpImage:
			doc.ImageOptions(op.Image, op.X, op.Y, op.W, op.H, false, fpdf.ImageOptions{}, 0, "")
		case OpRect:
			style := ""
			if op.Fill {
				style += "F"
				doc.SetFillColor(225, 225, 225)
			}
			if op.Stroke {
				style += "D"
				doc.SetLineWidth(op.LineWidth)
				doc.SetDrawColor(int(op.Color.R), int(op.Color.G), int(op.Color.B))
			}
			if op.Dashed {
				doc.SetDashPattern([]float64{1, 1}, 0)
			}
			doc.Rect(op.X, op.Y, op.W, op.H, style)
			if op.Dashed {
				doc.SetDashPattern(nil, 0)
			}
		case OpLine:
			doc.SetLineWidth(op.LineWidth)
			doc.SetDrawColor(int(op.Color.R), int(op.Color.G), int(op.Color.B))
			doc.Line(op.X, op.Y, op.X+op.W, op.Y+op.H)
		case OpQR:
			pdf.DrawQR(doc, *op.QR, op.X, op.Y, op.W)
		}
	}
	doc.SetTextColor(0, 0, 0)
	doc.SetDrawColor(0, 0, 0)
}

// WriteCertificates writes every certificate of the batch into one PDF, its QR code from qrs (same order as
// b.Certificates). It reports each certificate done and stops when ctx is cancelled; nothing is written to
// w unless the whole document is ready. An empty batch is an error: no empty PDF goes out.
func WriteCertificates(ctx context.Context, w io.Writer, b *CertificateBatch, qrs []pdf.QRCode, progress func(done, total int)) (err error) {
	defer pdf.DrawingPanic(&err)
	if len(b.Certificates) == 0 {
		return data.Errorf(data.KindInvalid, "Tidak ada sertifikat untuk dicetak")
	}
	doc := newCertificateDocument(b.Design, b.Design.Title+" "+b.Program.Code)
	l, err := newCertificateLayout(b, measurer{doc})
	if err != nil {
		return err
	}
	if err := registerImages(doc, l.images); err != nil {
		return err
	}
	for i, c := range b.Certificates {
		if err := ctx.Err(); err != nil {
			return data.Wrap(data.KindConflict, err, "Dibatalkan; tidak ada berkas yang ditulis")
		}
		pages, err := l.pages(c, qrs[i])
		if err != nil {
			return err
		}
		for _, p := range pages {
			drawPage(doc, p)
		}
		if progress != nil {
			progress(i+1, len(b.Certificates))
		}
	}
	if !packCertificates {
		return pdf.Finish(doc, w)
	}
	return pdf.Finish(doc, pdf.PackingWriter(w))
}

// SaveCertificates writes the batch into the PDF file at path (WriteCertificates), through a temporary file
// renamed at the end: a failure or a cancel never leaves half a PDF, nor destroys an older one.
func SaveCertificates(ctx context.Context, path string, b *CertificateBatch, qrs []pdf.QRCode, progress func(done, total int)) error {
	return saveFile(path, func(w io.Writer) error { return WriteCertificates(ctx, w, b, qrs, progress) })
}

// SaveText writes a short text file (an exported key) the same careful way.
func SaveText(path, text string) error {
	return saveFile(path, func(w io.Writer) error {
		_, err := io.WriteString(w, text)
		return err
	})
}

// CertificateFileName is the name of a certificate's own file with --split: "<NIP or id>_<name>.pdf", with the
// characters Windows refuses in file names left out.
func CertificateFileName(c *data.Certificate) string {
	id := c.NIP
	if id == "" {
		id = fmt.Sprint(c.ParticipantID)
	}
	name := strings.Map(func(r rune) rune {
		switch {
		case strings.ContainsRune(`\/:*?"<>|`, r), unicode.IsControl(r):
			return ' '
		}
		return r
	}, c.HolderName)
	name = strings.Join(strings.Fields(name), " ")
	if r := []rune(name); len(r) > 90 {
		name = string(r[:90])
	}
	name = strings.TrimRight(name, ". ")
	return id + "_" + name + ".pdf"
}

// WriteCertificateFiles writes each certificate into a file of its own in dir (CertificateFileName). The
// files are written under temporary names first and renamed when all are ready: a failure or a cancel leaves
// no certificate file behind. It returns the paths written.
func WriteCertificateFiles(ctx context.Context, dir string, b *CertificateBatch, qrs []pdf.QRCode, progress func(done, total int)) ([]string, error) {
	if len(b.Certificates) == 0 {
		return nil, data.Errorf(data.KindInvalid, "Tidak ada sertifikat untuk dicetak")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, data.Wrap(data.KindInvalid, err, "Folder %s tidak dapat dibuat: %v", dir, err)
	}
	// Check the shared parts once, before any file is made.
	if _, err := newCertificateLayout(b, measurer{newCertificateDocument(b.Design, "")}); err != nil {
		return nil, err
	}
	var temps, finals []string
	cleanup := func() {
		for _, t := range temps {
			os.Remove(t)
			pending.remove(t)
		}
	}
	seen := map[string]int{}
	for i, c := range b.Certificates {
		if err := ctx.Err(); err != nil {
			cleanup()
			return nil, data.Wrap(data.KindConflict, err, "Dibatalkan; tidak ada berkas yang ditulis")
		}
		one := *b
		one.Certificates = b.Certificates[i : i+1]
		var buf bytes.Buffer
		if err := WriteCertificates(ctx, &buf, &one, qrs[i:i+1], nil); err != nil {
			cleanup()
			return nil, err
		}
		name := CertificateFileName(c)
		if n := seen[strings.ToLower(name)]; n > 0 {
			name = strings.TrimSuffix(name, ".pdf") + fmt.Sprintf(" (%d).pdf", n+1)
		}
		seen[strings.ToLower(name)]++
		final := filepath.Join(dir, name)
		temp := final + ".tmp"
		pending.add(temp)
		if err := os.WriteFile(temp, buf.Bytes(), 0o644); err != nil {
			pending.remove(temp)
			os.Remove(temp)
			cleanup()
			return nil, data.Wrap(data.KindInternal, err, "Berkas %s tidak dapat ditulis: %v", final, err)
		}
		temps, finals = append(temps, temp), append(finals, final)
		if progress != nil {
			progress(i+1, len(b.Certificates))
		}
	}
	for i := range temps {
		if err := os.Rename(temps[i], finals[i]); err != nil {
			cleanup()
			return nil, data.Wrap(data.KindInternal, err, "Berkas %s tidak dapat ditulis: %v", finals[i], err)
		}
		pending.remove(temps[i])
	}
	return finals, nil
}

// PreviewCertificate lays out the pages of certificate c for the window's preview, with the images they show.
func PreviewCertificate(b *CertificateBatch, c *data.Certificate, q pdf.QRCode) ([]CertificatePage, Images, error) {
	l, err := newCertificateLayout(b, measurer{newCertificateDocument(b.Design, "")})
	if err != nil {
		return nil, nil, err
	}
	pages, err := l.pages(c, q)
	return pages, l.images, err
}
