package pdf

import (
	"bytes"
	"strconv"
	"strings"
	"testing"
	"time"
)

// TestFastCellsWriteWhatFpdfWrites draws the same tables with the fast cells and with fpdf's CellFormat only,
// and wants the same bytes: headings on a grey fill, rows filled and coloured, every alignment, wrapped text,
// characters whose UTF-16 bytes need escaping (Ĩ has '(', Ŝ a backslash, č a carriage return), text the font
// lacks, an underlined row (which the fast path leaves to fpdf), page breaks, two papers.
func TestFastCellsWriteWhatFpdfWrites(t *testing.T) {
	Fixed = time.Date(2026, 11, 28, 9, 0, 0, 0, time.UTC)
	t.Cleanup(func() { Fixed = time.Time{}; fastCells = true })
	draw := func(fast bool) ([]byte, int) {
		fastCells = fast
		var out bytes.Buffer
		written := 0
		for _, paper := range []Paper{A4, F4} {
			doc := New(paper, "P", "uji")
			doc.AddPage()
			tbl := NewTable(doc, []Column{{Title: "NO", Width: 10, Align: "C"}, {Title: "NAMA (GELAR)", Width: 50, Align: "L"},
				{Title: "JP", Width: 15, Align: "R"}, {Title: "KETERANGAN YANG PANJANG SEKALI", Width: 45, Align: "C"}, {Title: "X", Width: 20}})
			tbl.BeforeHeading = func() float64 { doc.SetFont(Font, "B", 9); doc.Text(20, 12, "Lanjutan"); return 15 }
			tbl.RowStyle = func(row int, cells []string) bool {
				switch row % 5 {
				case 1:
					doc.SetTextColor(200, 0, 0)
				case 2:
					doc.SetFont(Font, "U", tbl.FontSize)
				case 3:
					doc.SetFont(Font, "B", tbl.FontSize)
				default:
					doc.SetTextColor(0, 0, 0)
				}
				doc.SetFillColor(240, 240, 250)
				return row%2 == 0
			}
			tbl.Heading()
			for i := range 150 {
				note := strings.Repeat("Hadir (penuh) \\ Ĩ Ŝ č – Ø ", i%4+1)
				if i%7 == 0 {
					note += " 😀 日本"
				}
				tbl.Row([]string{strconv.Itoa(i + 1), "Peserta Nomor " + strconv.Itoa(i) + ", S.Pd.", strconv.Itoa(i * 3), note, ""})
			}
			doc.Ln(-1) // uses the last cell height, which the fast cells must leave as fpdf does
			doc.CellFormat(0, 5, "Selesai", "1", 1, "L", false, 0, "")
			if err := Finish(doc, &out); err != nil {
				t.Fatal(err)
			}
			written += doc.fastWritten
		}
		return out.Bytes(), written
	}
	slow, none := draw(false)
	fast, written := draw(true)
	if none != 0 || written < 1000 {
		t.Fatalf("fast cells written: %d with the fast path off, %d with it on", none, written)
	}
	if !bytes.Equal(slow, fast) {
		i := 0
		for i < min(len(slow), len(fast)) && slow[i] == fast[i] {
			i++
		}
		t.Fatalf("the fast cells' PDF differs from fpdf's at byte %d:\nfpdf: %q\nfast: %q", i,
			slow[max(0, i-80):min(len(slow), i+80)], fast[max(0, i-80):min(len(fast), i+80)])
	}
}
