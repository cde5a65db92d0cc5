package report

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/pembina/pembina/app/report/pdf"
	"github.com/pembina/pembina/data"
)

// testLetter is a nota dinas with a body, details rows and a lampiran of n people.
func testLetter(form LetterForm, n int) *Letter {
	body := data.FillLetterBody("Dengan hormat, bersama ini kami sampaikan bahwa {jumlah} pegawai di {unit} belum memenuhi {target} JP.\n\n"+
		"| Hari/tanggal | {tanggal}\n| Tempat | {tempat}\n| Catatan | {kosong}\n\nDemikian[ untuk {kosong}] disampaikan. 🙏",
		map[string]string{"jumlah": "12", "unit": "SMPN 1 Sukamaju", "target": "20", "tanggal": "Senin, 7 Desember 2026", "tempat": "Aula"})
	var rows [][]string
	for i := 1; i <= n; i++ {
		rows = append(rows, []string{fmt.Sprint(i), fmt.Sprintf("Pegawai Nomor %d", i), "198609262015051001", "III/b", "Guru", "4", "16", "-"})
	}
	return &Letter{Form: form, Institution: institution(), Date: time.Date(2026, 12, 6, 0, 0, 0, 0, time.UTC),
		Number: "800/007/DISDIK/XII/2026", Attachment: "1 (satu) berkas", Subject: "Pemenuhan 20 JP", To: "Kepala SMPN 1 Sukamaju",
		CarbonCopy: []string{"Sekretaris Daerah"}, Body: body,
		Signatory: &data.Signatory{Name: "Ahmad Fauzi", BackTitle: "S.Pd., M.Si.", NIP: "197001011995031002", Position: "Kepala Dinas Pendidikan", RankCode: "IV/b"},
		Appendix: &LetterAppendix{Title: "DAFTAR PEGAWAI", Lines: []string{"Unit kerja SMPN 1 Sukamaju"},
			Columns: []pdf.Column{{Title: "NO", Width: 8, Align: "C"}, {Title: "NAMA", Width: 40, Align: "L"}, {Title: "NIP", Width: 32, Align: "C"}, {Title: "GOL", Width: 12, Align: "C"}, {Title: "JABATAN", Width: 28, Align: "L"},
				{Title: "JP", Width: 10, Align: "R"}, {Title: "KURANG", Width: 12, Align: "R"}, {Title: "PROGRAM", Width: 30, Align: "L"}}, Rows: rows}}
}

func TestLetterFrame(t *testing.T) {
	for _, form := range []LetterForm{Memo, Outgoing} {
		var b bytes.Buffer
		if err := WriteLetters(&b, pdf.A4, "Uji", []*Letter{testLetter(form, 70), testLetter(form, 1)}); err != nil {
			t.Fatal(err)
		}
		text, pages := pdfText(t, b.Bytes())
		flat := strings.Join(strings.Fields(text), " ")
		for _, want := range []string{"Yth.", "Kepala SMPN 1 Sukamaju", "Nomor : 800/007/DISDIK/XII/2026", "Hal : Pemenuhan 20 JP",
			"12 pegawai di SMPN 1 Sukamaju belum memenuhi 20 JP", "Hari/tanggal : Senin, 7 Desember 2026", "Tempat : Aula",
			"Demikian disampaikan.", "AHMAD FAUZI", "NIP. 19700101 199503 1 002", "LAMPIRAN", "DAFTAR PEGAWAI",
			"Pegawai Nomor 1 ", "Pegawai Nomor 70", "6 Desember 2026"} {
			if !strings.Contains(strings.ToUpper(flat), strings.ToUpper(want)) {
				t.Errorf("form %d: %q missing from\n%s", form, want, text)
			}
		}
		if strings.Contains(flat, "Catatan") || strings.Contains(flat, "{") {
			t.Errorf("form %d: an empty row or a placeholder was printed:\n%s", form, text)
		}
		if form == Memo && !strings.Contains(flat, "NOTA DINAS") {
			t.Errorf("memo without its heading")
		}
		if form == Outgoing && !strings.Contains(flat, "Sukamaju, 6 Desember 2026") {
			t.Errorf("letter without place and date")
		}
		// two letters, the first lampiran of 70 rows over more than one page
		if pages < 5 {
			t.Errorf("form %d: %d pages, want at least 5", form, pages)
		}
	}
}
