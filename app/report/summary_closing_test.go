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

	"github.com/pembina/pembina/app/report/pdf"
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
	sum, err := LoadSummary(context.Background(), s, p.ID, sampleDay)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Signatory == nil {
		t.Fatal("the sample program has no signatory")
	}
	for y := 40.0; y < 280; y += 6 {
		doc := pdf.New(pdf.A4, "P", "test")
		doc.SetAutoPageBreak(false, summaryBottom)
		pageW, pageH := doc.GetPageSize()
		sw := &summaryWriter{doc: doc, sum: sum, left: 20, width: pageW - 40, pageH: pageH,
			scales: map[data.Scale]bool{data.Scale4: true}, gains: true}
		doc.AddPage()
		doc.SetY(y)
		if err := sw.closing(); err != nil {
			t.Fatal(err)
		}
		if sw.doc.GetY() > pageH-summaryBottom {
			t.Errorf("from y=%v the signature runs into the footer (y=%.1f)", y, sw.doc.GetY())
		}
		var buf bytes.Buffer
		if err := pdf.Finish(doc, &buf); err != nil {
			t.Fatal(err)
		}
		last := lastPageText(t, buf.Bytes(), doc.PageNo())
		if !strings.Contains(last, sum.Signatory.FullName()) || !strings.Contains(last, "F. Keterangan Skala") {
			t.Errorf("from y=%v the last page holds %q", y, last)
		}
	}
}
