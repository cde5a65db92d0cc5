package importer

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/pembina/pembina/data"
)

func write(t *testing.T, name string, b []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestOpenCSVVariants(t *testing.T) {
	tests := []struct {
		name    string
		content []byte
		want    [][]string
	}{
		{"comma.csv", []byte("NIP,NAMA\n198609262015051001,Budi\n"), [][]string{{"NIP", "NAMA"}, {"198609262015051001", "Budi"}}},
		{"semicolon-bom.csv", []byte("\xef\xbb\xbfNIP;NAMA;UNIT\r\n198609262015051001;Budi;\"SD 1; Sukamaju\"\r\n"),
			[][]string{{"NIP", "NAMA", "UNIT"}, {"198609262015051001", "Budi", "SD 1; Sukamaju"}}},
		{"tab.txt", []byte("NIP\tNAMA\n1\tBudi\n"), [][]string{{"NIP", "NAMA"}, {"1", "Budi"}}},
		{"cp1252.csv", []byte("NAMA;UNIT\nJos\xe9 Ram\xedrez;SD\n"), [][]string{{"NAMA", "UNIT"}, {"José Ramírez", "SD"}}},
		{"multiline.csv", []byte("Q,A\n1,\"baris satu\nbaris dua, dengan koma\"\n"), [][]string{{"Q", "A"}, {"1", "baris satu\nbaris dua, dengan koma"}}},
		{"old-mac.csv", []byte("NIP,NAMA\r198609262015051001,Budi\r196903091994032001,Siti\r"), [][]string{{"NIP", "NAMA"}, {"198609262015051001", "Budi"}, {"196903091994032001", "Siti"}}},
		{"bare-quote.csv", []byte("NIP,NAMA\r\n1,Budi \"Ubed\" Santoso\r\n"), [][]string{{"NIP", "NAMA"}, {"1", "Budi \"Ubed\" Santoso"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src, err := Open(write(t, tt.name, tt.content))
			if err != nil {
				t.Fatal(err)
			}
			got := src.Sheets[0].Rows
			if len(got) != len(tt.want) {
				t.Fatalf("rows = %q, want %q", got, tt.want)
			}
			for i := range got {
				if strings.Join(got[i], "|") != strings.Join(tt.want[i], "|") {
					t.Errorf("row %d = %q, want %q", i, got[i], tt.want[i])
				}
			}
		})
	}
}

func TestOpenRefusesWhatIsNotAList(t *testing.T) {
	tests := []struct {
		name    string
		content []byte
		want    string
	}{
		{"kosong.csv", []byte("  \n"), "kosong"},
		{"lama.xlsx", []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0}, ".xls"},
		{"surat.csv", []byte("%PDF-1.4 ..."), "PDF"},
		{"foto.csv", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00"), "bukan berkas .xlsx atau .csv"},
		{"rusak.xlsx", []byte("PK\x03\x04 not a workbook"), "yang utuh"},
	}
	for _, tt := range tests {
		_, err := Open(write(t, tt.name, tt.content))
		if data.ErrorKind(err) != data.KindInvalid || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: %v, want an invalid-kind error with %q", tt.name, err, tt.want)
		}
	}
	if _, err := Open(filepath.Join(t.TempDir(), "tidak-ada.csv")); data.ErrorKind(err) != data.KindNotFound {
		t.Errorf("missing file: %v", err)
	}
}

func TestOpenWorkbookValuesAndNumericCells(t *testing.T) {
	f := excelize.NewFile()
	f.SetCellValue("Sheet1", "A1", "DAFTAR PESERTA BIMTEK")
	f.MergeCell("Sheet1", "A1", "C1")
	f.SetCellValue("Sheet1", "A3", "NIP")
	f.SetCellValue("Sheet1", "B3", "NAMA")
	f.SetCellValue("Sheet1", "C3", "JP")
	f.SetCellDefault("Sheet1", "A4", "1.98609262015051E+17") // a NIP Excel turned into a number, as Excel stores it
	f.SetCellStr("Sheet1", "A5", "196903091994032001")
	f.SetCellValue("Sheet1", "B4", "Budi")
	f.SetCellValue("Sheet1", "B5", "Siti")
	f.SetCellValue("Sheet1", "C4", 8)
	f.SetCellFormula("Sheet1", "C5", "=C4*2")
	path := filepath.Join(t.TempDir(), "peserta.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	src, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	s := src.Sheets[0]
	header, ok := FindHeader(s, func(row []string) int {
		n := 0
		for _, c := range row {
			if k := HeaderKey(c); k == "nip" || k == "nama" {
				n++
			}
		}
		return n
	}, 2)
	if !ok || header != 2 {
		t.Fatalf("header row = %d, %v; want 2", header, ok)
	}
	if !s.IsNumeric(3, 0) || s.IsNumeric(4, 0) || s.IsNumeric(3, 1) {
		t.Errorf("numeric cells: A4 %v, A5 %v, B4 %v", s.IsNumeric(3, 0), s.IsNumeric(4, 0), s.IsNumeric(3, 1))
	}
	if got := s.Cell(4, 0); got != "196903091994032001" {
		t.Errorf("text NIP = %q", got)
	}
	if got := s.Cell(4, 2); strings.HasPrefix(got, "=") {
		t.Errorf("formula cell read as its formula %q", got)
	}
	if !IsBlank(s.Rows[1]) {
		t.Errorf("row 2 is not blank: %q", s.Rows[1])
	}
}

// normalizeLineEnds turns CRLF and lone CR into LF and leaves LF alone, in place.
func TestNormalizeLineEnds(t *testing.T) {
	for in, want := range map[string]string{
		"": "", "a,b\nc,d\n": "a,b\nc,d\n", "a,b\r\nc,d\r\n": "a,b\nc,d\n", "a\rb\r": "a\nb\n",
		"a\r\r\nb": "a\n\nb", "a\n\rb\r\n\r": "a\n\nb\n\n", "\r": "\n", "\"x\r\ny\"\r\n": "\"x\ny\"\n",
	} {
		if got := string(normalizeLineEnds([]byte(in))); got != want {
			t.Errorf("normalizeLineEnds(%q) = %q, want %q", in, got, want)
		}
	}
}
