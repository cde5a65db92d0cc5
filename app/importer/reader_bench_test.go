package importer

import (
	"archive/zip"
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/pembina/pembina/data"
)

// googleFormsWorkbook writes an .xlsx as Google Forms exports it (shared strings, a timestamp column, the
// respondent's email, name and NIP as text, a grid of five-point answers and two comment columns), n rows.
func googleFormsWorkbook(t testing.TB, n int) string {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	const sh = "Sheet1"
	header := []any{"Timestamp", "Email Address", "Nama Lengkap", "NIP"}
	for i := 1; i <= 16; i++ {
		header = append(header, fmt.Sprintf("Penilaian penyelenggaraan [Butir nomor %d tentang pelayanan]", i))
	}
	header = append(header, "Hal yang paling bermanfaat", "Saran perbaikan")
	if err := f.SetSheetRow(sh, "A1", &header); err != nil {
		t.Fatal(err)
	}
	words := []string{"Sangat Baik", "Baik", "Cukup", "Kurang", "Sangat Kurang"}
	stamp := time.Date(2026, 11, 20, 8, 0, 0, 0, time.UTC)
	for r := 0; r < n; r++ {
		row := []any{stamp.Add(time.Duration(r)*time.Minute).Format("2006/01/02 3:04:05 PM") + " GMT+7",
			fmt.Sprintf("peserta%d@guru.sd.belajar.id", r), fmt.Sprintf("Peserta Nomor %d", r),
			fmt.Sprintf("19860926%04d05%d%03d", 2000+r%20, 1+r%2, 1+r%998)}
		for i := 0; i < 16; i++ {
			row = append(row, words[(r+i)%len(words)])
		}
		row = append(row, fmt.Sprintf("Materi hari ke-%d sangat membantu pekerjaan saya di sekolah", 1+r%3), "Waktu istirahat ditambah")
		cell, _ := excelize.CoordinatesToCellName(1, r+2)
		if err := f.SetSheetRow(sh, cell, &row); err != nil {
			t.Fatal(err)
		}
	}
	path := filepath.Join(t.TempDir(), "Evaluasi Penyelenggaraan (Responses).xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return path
}

// cpuTime is the CPU time the process has used, user and system.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkImportGoogleForms reads a 3,000-row Google Forms export and plans its import into a new form made
// from its columns: everything an import does before writing.
func BenchmarkImportGoogleForms(b *testing.B) {
	path := googleFormsWorkbook(b, 3000)
	program := &data.Program{ID: 1, Code: "PTD-I", Title: "Pelatihan"}
	b.ResetTimer()
	start := cpuTime()
	for i := 0; i < b.N; i++ {
		rf, err := ReadResponses(path)
		if err != nil {
			b.Fatal(err)
		}
		form, cols := rf.Infer(NewFormTitle(rf))
		p := rf.Plan(Target{Program: program, Form: form, NewForm: true}, cols, false)
		if p.Responses() != 3000 {
			b.Fatalf("%d responses; %v", p.Responses(), p.Err())
		}
	}
	b.ReportMetric((cpuTime()-start).Seconds()/float64(b.N), "cpu-s/op")
}

// BenchmarkMeasurePackage is the pre-scan (measurePackage) alone on the 10,000-row list and the 3,000-row
// Google Forms export: what it adds to reading them; the figures are in measurePackage's comment.
func BenchmarkMeasurePackage(b *testing.B) {
	list, _ := bigList(b, 10000)
	for _, c := range []struct{ name, path string }{{"TenThousand", list}, {"GoogleForms", googleFormsWorkbook(b, 3000)}} {
		b.Run(c.name, func(b *testing.B) {
			raw, err := os.ReadFile(c.path)
			if err != nil {
				b.Fatal(err)
			}
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				zr, err := zip.NewReader(bytes.NewReader(raw), int64(len(raw)))
				if err != nil {
					b.Fatal(err)
				}
				if _, err := measurePackage(zr, c.name); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
