package report

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/pembina/pembina/data"
)

// lastPageText reads the text of a PDF's last page.
func lastPageText(t *testing.T, b []byte, pages int) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "doc.pdf")
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	n := strconv.Itoa(pages)
	out, err := exec.Command("pdftotext", "-f", n, "-l", n, path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	return strings.Join(strings.Fields(string(out)), " ")
}

// However far down the page the report's sections end, the signature shares its page with the legend before
// it: it never stands alone on the last page.
func TestSummarySignatureKeptWithLegend(t *testing.T) {
	s := sampleStore(t)
	p := programByPrefix(t, s, "PTD-I/")
	doc, err := LoadSummary(context.Background(), s, p.ID, sampleDay)
	if err != nil {
		t.Fatal(err)
	}
	if doc.Signatory == nil {
		t.Fatal("the sample program has no signatory")
	}
	for y := 40.0; y < 280; y += 6 {
		pdf := newDocument(A4, "P", "test")
		pdf.SetAutoPageBreak(false, summaryBottom)
		pageW, pageH := pdf.GetPageSize()
		sw := &summaryWriter{pdf: pdf, doc: doc, left: 20, width: pageW - 40, pageH: pageH,
			scales: map[data.Scale]bool{data.Scale4: true, data.Scale100: true}}
		pdf.AddPage()
		pdf.SetY(y)
		if err := sw.closing(); err != nil {
			t.Fatal(err)
		}
		if sw.pdf.GetY() > pageH-summaryBottom {
			t.Errorf("from y=%v the signature runs into the footer (y=%.1f)", y, sw.pdf.GetY())
		}
		var buf bytes.Buffer
		if err := finish(pdf, &buf); err != nil {
			t.Fatal(err)
		}
		last := lastPageText(t, buf.Bytes(), pdf.PageNo())
		if !strings.Contains(last, doc.Signatory.FullName()) || !strings.Contains(last, "F. Keterangan Skala") {
			t.Errorf("from y=%v the last page holds %q", y, last)
		}
	}
}
