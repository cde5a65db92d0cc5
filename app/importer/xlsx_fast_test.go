package importer

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// TestFastReaderMatchesExcelize reads the same workbook with readWorkbook and with excelize's GetRows
// (RawCellValue) and compares every cell, which cells are numbers, and the merged ranges.
func TestFastReaderMatchesExcelize(t *testing.T) {
	f := excelize.NewFile()
	const a = "Sheet1"
	f.SetCellStr(a, "A1", "Sekolah & Madrasah <SD/MI> \"Negeri\"")
	f.SetCellStr(a, "B1", "Ça · José · Ñoño · 漢字")
	f.SetCellStr(a, "C1", "baris satu\nbaris dua")
	f.SetCellInt(a, "A2", 42)
	f.SetCellFloat(a, "B2", 80.5, -1, 64)
	f.SetCellValue(a, "C2", 198609262015051001)
	f.SetCellBool(a, "D2", true)
	f.SetCellValue(a, "E2", time.Date(1986, 9, 26, 0, 0, 0, 0, time.UTC))
	f.SetCellStr(a, "G4", "jauh di kanan") // gaps before it
	f.SetCellStr(a, "A6", "  spasi  ")
	f.MergeCell(a, "A8", "C9")
	f.SetCellStr(a, "A8", "gabungan")
	f.SetCellFormula(a, "B10", "A2*2")
	f.NewSheet("Kedua")
	sw, err := f.NewStreamWriter("Kedua")
	if err != nil {
		t.Fatal(err)
	}
	sw.SetRow("A1", []any{"NIP", "NAMA", 3.25})
	sw.SetRow("B3", []any{"198609262015051001", "Budi"})
	sw.Flush()
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	fast, err := readWorkbook(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	book, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	defer book.Close()
	if len(fast) != len(book.GetSheetList()) {
		t.Fatalf("%d sheets, want %d", len(fast), len(book.GetSheetList()))
	}
	for i, name := range book.GetSheetList() {
		sh := fast[i]
		if sh.Name != name {
			t.Errorf("sheet %d named %q, want %q", i, sh.Name, name)
		}
		want, _ := book.GetRows(name, excelize.Options{RawCellValue: true})
		for len(want) > 0 && IsBlank(want[len(want)-1]) { // excelize keeps a row whose only cell is an uncomputed formula
			want = want[:len(want)-1]
		}
		if fmt.Sprintf("%q", sh.Rows) != fmt.Sprintf("%q", want) {
			t.Errorf("sheet %s:\n got %q\nwant %q", name, sh.Rows, want)
		}
		for r, row := range want {
			for c, v := range row {
				if v == "" {
					continue
				}
				cellRef, _ := excelize.CoordinatesToCellName(c+1, r+1)
				typ, _ := book.GetCellType(name, cellRef)
				isNumber := typ == excelize.CellTypeNumber || typ == excelize.CellTypeUnset
				if got := sh.IsNumeric(r, c); got != isNumber {
					t.Errorf("%s!%s (%q) numeric = %v, want %v", name, cellRef, v, got, isNumber)
				}
			}
		}
	}
	if got := fmt.Sprint(fast[0].merges); got != "[[7 0 8 2]]" {
		t.Errorf("merges = %s", got)
	}
}

// TestFastReaderFallsBack checks that a package the fast reader does not understand is still read, by excelize.
func TestFastReaderFallsBack(t *testing.T) {
	if _, err := readWorkbook([]byte("PK\x03\x04 not a zip")); err == nil {
		t.Error("a broken package was read")
	}
	f := excelize.NewFile()
	f.SetCellStr("Sheet1", "A1", "NAMA")
	f.SetCellStr("Sheet1", "A2", "Budi")
	path := filepath.Join(t.TempDir(), "a.xlsx")
	f.SaveAs(path)
	src, err := Open(path)
	if err != nil || src.book != nil || src.Sheets[0].Cell(1, 0) != "Budi" {
		t.Fatalf("Open = %+v, %v; want the fast reader's sheets", src, err)
	}
	os.Remove(path)
}
