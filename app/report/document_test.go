package report

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pembina/pembina/app/report/pdf"
	"github.com/pembina/pembina/data"
)

// pdfText writes the PDF to a file and returns pdftotext's reading of it and pdfinfo's page count.
func pdfText(t *testing.T, b []byte) (string, int) {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext (poppler-utils) is not installed; make deps installs it")
	}
	path := filepath.Join(t.TempDir(), "doc.pdf")
	if dir := os.Getenv("PEMBINA_KEEP_PDF"); dir != "" {
		// To look at what a test made: PEMBINA_KEEP_PDF=/tmp/pdfs go test ./app/report/
		path = filepath.Join(dir, strings.ReplaceAll(t.Name(), "/", "_")+".pdf")
	}
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-layout", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	info, err := exec.Command("pdfinfo", path).Output()
	if err != nil {
		t.Fatalf("pdfinfo: %v", err)
	}
	pages := 0
	for _, l := range strings.Split(string(info), "\n") {
		if strings.HasPrefix(l, "Pages:") {
			fmt.Sscanf(strings.TrimSpace(strings.TrimPrefix(l, "Pages:")), "%d", &pages)
		}
	}
	return string(out), pages
}

func testPNG(w, h int) []byte {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for x := 0; x < w; x++ {
		img.Set(x, h/2, color.Black)
	}
	var b bytes.Buffer
	png.Encode(&b, img)
	return b.Bytes()
}

func institution() *data.Institution {
	return &data.Institution{ParentName: "Pemerintah Kabupaten Sukamaju", Name: "Dinas Pendidikan",
		Address: "Jl. Raya Sukamaju No. 36", City: "Sukamaju", Phone: "(0261) 201234", Email: "disdik@sukamajukab.go.id",
		TimeZone: "WIB", Logo: testPNG(60, 80)}
}

func TestLetterheadTableAndSignature(t *testing.T) {
	doc := pdf.New(pdf.A4, "P", "Uji")
	doc.AddPage()
	in := institution()
	header := func() float64 {
		y, err := Letterhead(doc, in)
		if err != nil {
			t.Fatal(err)
		}
		return y
	}
	doc.SetY(header())
	table := pdf.NewTable(doc, []pdf.Column{{Title: "NO", Width: 10, Align: "R"}, {Title: "NAMA", Width: 70, Align: "L"}, {Title: "UNIT KERJA", Width: 90, Align: "L"}})
	table.BeforeHeading = header
	table.Heading()
	long := "Prof. Dr. Hj. Raden Roro Siti Nurhasanah Kusumawardhani Wiryaatmadja, S.Pd., M.Pd., M.Si."
	for i := 1; i <= 130; i++ {
		name := fmt.Sprintf("Peserta Nomor %03d", i)
		if i == 7 {
			name = long
		}
		table.Row([]string{fmt.Sprint(i), name, "SMP Negeri 1 Sukamaju, Kecamatan Sukamaju, Kabupaten Sukamaju, Provinsi Jawa Barat"})
	}
	g := &data.Signatory{ID: 1, Name: "Asep Saepudin", FrontTitle: "Dr. H.", BackTitle: "M.Pd.", NIP: "197203151998031004",
		Position: "Kepala Dinas Pendidikan", RankCode: "IV/c", Signature: testPNG(200, 80)}
	if table.SpaceLeft() < 60 {
		doc.AddPage()
	}
	if _, err := SignatureBlock(doc, 110, doc.GetY()+5, 80, "Sukamaju", time.Date(2026, 11, 28, 0, 0, 0, 0, time.UTC), g, SignatureImage); err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := pdf.Finish(doc, &b); err != nil {
		t.Fatal(err)
	}
	text, pages := pdfText(t, b.Bytes())
	if pages < 4 {
		t.Errorf("130 wrapped rows fit on %d pages", pages)
	}
	for _, want := range []string{"PEMERINTAH KABUPATEN SUKAMAJU", "DINAS PENDIDIKAN", "Peserta Nomor 130",
		"Kusumawardhani", "Sukamaju, 28 November 2026", "KEPALA DINAS PENDIDIKAN,", "Dr. H. Asep Saepudin, M.Pd.",
		"NIP. 19720315 199803 1 004", "Pembina Utama Muda (IV/c)"} {
		if !strings.Contains(text, want) {
			t.Errorf("PDF lacks %q", want)
		}
	}
	if got := strings.Count(text, "UNIT KERJA"); got != pages {
		t.Errorf("heading printed %d times on %d pages, want once per page", got, pages)
	}
	if got := strings.Count(text, "DINAS PENDIDIKAN"); got < pages {
		t.Errorf("letterhead printed %d times on %d pages", got, pages)
	}
}

func TestCorruptLogoIsAnError(t *testing.T) {
	doc := pdf.New(pdf.F4, "P", "Uji")
	doc.AddPage()
	in := institution()
	in.Logo = []byte("\x89PNG\r\n\x1a\nbroken")
	_, err := Letterhead(doc, in)
	if data.ErrorKind(err) != data.KindInvalid || !strings.Contains(err.Error(), "logo") {
		t.Errorf("corrupt logo = %v, want an invalid-kind error about the logo", err)
	}
	if w, h := doc.GetPageSize(); w != 215 || h != 330 {
		t.Errorf("F4 page = %v × %v mm", w, h)
	}
}

func TestSignatureBoxAndNoSignatory(t *testing.T) {
	doc := pdf.New(pdf.A4, "L", "Uji")
	doc.AddPage()
	g := &data.Signatory{Name: "Euis Komariah", FrontTitle: "Dra. Hj.", BackTitle: "M.M.", Position: "Sekretaris",
		Delegation: "a.n.", OnBehalfOf: "Kepala Dinas Pendidikan"}
	y, err := SignatureBlock(doc, 20, 20, 90, "Sukamaju", time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC), g, SignatureBox)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := SignatureBlock(doc, 150, 20, 90, "", time.Time{}, nil, SignatureSpace); err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	pdf.Finish(doc, &b)
	text, _ := pdfText(t, b.Bytes())
	for _, want := range []string{"a.n. KEPALA DINAS PENDIDIKAN,", "SEKRETARIS,", "Tempat tanda tangan elektronik", "2 Maret 2026"} {
		if !strings.Contains(text, want) {
			t.Errorf("PDF lacks %q", want)
		}
	}
	if y < 50 {
		t.Errorf("signature block ends at %.1f mm", y)
	}
}
