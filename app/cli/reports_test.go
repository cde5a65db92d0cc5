package cli

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/pembina/pembina/data/sample/sampletest"
)

func TestWorkbookAndSummaryCommands(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "demo.db")
	sampletest.CopyTo(t, db, time.Time{})
	year := strconv.Itoa(time.Now().Year())
	out := filepath.Join(dir, "pimpinan.xlsx")
	code, stdout, errOut := pembina(t, "--db", db, "workbook", "--year", year, "--out", out)
	if code != 0 || !strings.Contains(stdout, "Buku kerja Tahun "+year+" ditulis ke "+out) || !strings.Contains(stdout, "baris SIASN") {
		t.Fatalf("workbook = %d\n%s\n%s", code, stdout, errOut)
	}
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if sheets := f.GetSheetList(); len(sheets) != 8 || sheets[0] != "Ringkasan" || sheets[7] != "SIASN" {
		t.Errorf("sheets %v", sheets)
	}
	f.Close()

	// A range of one year and a unit typed in lower case.
	code, stdout, errOut = pembina(t, "--db", db, "workbook", "--year", year, "--from", "01-07-"+year, "--to", "30/09/"+year,
		"--unit", "bidang pembinaan ketenagaan", "--out", out)
	if code != 0 || !strings.Contains(stdout, "1 Juli s.d. 30 September "+year+" · Unit kerja Bidang Pembinaan Ketenagaan") {
		t.Errorf("workbook of a unit = %d\n%s\n%s", code, stdout, errOut)
	}

	pdf := filepath.Join(dir, "laporan.pdf")
	code, stdout, errOut = pembina(t, "--db", db, "summary", "--program", "ptd-i/"+year, "--out", pdf)
	if code != 0 || !strings.Contains(stdout, "Laporan evaluasi PTD-I/"+year) {
		t.Fatalf("summary = %d\n%s\n%s", code, stdout, errOut)
	}
	if b, err := os.ReadFile(pdf); err != nil || !strings.HasPrefix(string(b), "%PDF") {
		t.Errorf("summary file: %v", err)
	}

	for _, tt := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"workbook", "--year", year}, 2, "--out BERKAS.xlsx"},
		{[]string{"workbook", "--out", out}, 2, "sebutkan --year"},
		{[]string{"workbook", "--year", "20x6", "--out", out}, 2, "--year harus tahun"},
		{[]string{"workbook", "--year", year, "--from", "01-07-1999", "--out", out}, 2, "di luar tahun"},
		{[]string{"workbook", "--from", "31-12-" + year, "--to", "01-01-" + year, "--out", out}, 2, "tidak boleh sebelum"},
		{[]string{"workbook", "--year", year, "--unit", "Ketenagaan", "--out", out}, 1, "mungkin maksudnya: Bidang Pembinaan Ketenagaan"},
		{[]string{"summary", "--program", "PTD-I/" + year}, 2, "--out BERKAS.pdf"},
		{[]string{"summary", "--program", "TIDAK-ADA", "--out", pdf}, 1, "tidak ditemukan"},
	} {
		code, _, errOut := pembina(t, append([]string{"--db", db}, tt.args...)...)
		if code != tt.code || !strings.Contains(errOut, tt.want) {
			t.Errorf("%v = %d %q; want %d with %q", tt.args, code, errOut, tt.code, tt.want)
		}
		if tt.code == 1 && strings.Count(errOut, "\n") != 1 {
			t.Errorf("%v: failure in more than one line: %q", tt.args, errOut)
		}
	}
}
