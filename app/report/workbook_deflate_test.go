package report

import (
	"archive/zip"
	"bytes"
	"context"
	"io"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/pembina/pembina/data/overview"
)

// excelize writes every part of the leadership workbook through the zip writer newWorkbook gives it, and so
// through workbookCompressor (klauspost's flate): each deflated part of the file is one call, and the file
// reads back (the zip reader checks each part's checksum, excelize its sheets).
func TestWorkbookDeflatesThroughKlauspost(t *testing.T) {
	s := sampleStore(t)
	calls := 0
	defer func(c func(io.Writer) (io.WriteCloser, error)) { workbookCompressor = c }(workbookCompressor)
	klauspost := workbookCompressor
	workbookCompressor = func(w io.Writer) (io.WriteCloser, error) { calls++; return klauspost(w) }
	var buf bytes.Buffer
	if _, err := WriteWorkbook(context.Background(), &buf, s, overview.Year(2026), sampleDay, nil); err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	deflated := 0
	for _, f := range zr.File {
		if f.Method != zip.Deflate {
			continue
		}
		deflated++
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		if _, err := io.Copy(io.Discard, rc); err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		rc.Close()
	}
	if deflated < 10 || calls != deflated {
		t.Errorf("%d parts deflated, %d through workbookCompressor", deflated, calls)
	}
	f, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if rows, err := f.GetRows(SheetPrograms); err != nil || len(rows) < 2 {
		t.Errorf("Program sheet: %d rows, %v", len(rows), err)
	}
}
