package report

import (
	"bytes"
	"context"
	"math"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/pembina/pembina/data/indo"
	"github.com/pembina/pembina/data/overview"
)

// The brief's figures, read back with pdftotext, are the workbook's Ringkasan cells read back with excelize,
// and the brief is one or two pages.
func TestBriefEqualsWorkbookSummary(t *testing.T) {
	s := sampleStore(t)
	ctx := context.Background()
	var wbBuf bytes.Buffer
	if _, err := WriteWorkbook(ctx, &wbBuf, s, overview.Year(2026), sampleDay, nil); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&wbBuf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(SheetSummary, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	cell := func(label string) (float64, string) {
		t.Helper()
		for _, r := range rows {
			if len(r) >= 2 && r[0] == label {
				v, err := strconv.ParseFloat(r[1], 64)
				if err != nil {
					t.Fatalf("Ringkasan %q = %q", label, r[1])
				}
				note := ""
				if len(r) > 2 {
					note, _, _ = strings.Cut(r[2], ";")
				}
				return v, note
			}
		}
		t.Fatalf("Ringkasan has no line %q", label)
		return 0, ""
	}
	count := func(label string) string { v, _ := cell(label); return indo.Int(int64(v)) }
	programs, trained, jp := count("Program"), count("Orang yang menyelesaikan program"), count("JP yang diperoleh peserta")
	enrolled, employees, reached := count("Peserta terdaftar"), count("Pegawai ASN terdata"), count("Pegawai mencapai 20 JP")
	share, _ := cell("Persentase pegawai mencapai 20 JP")
	sat, satCategory := cell("Indeks kepuasan rata-rata (0–100)")
	gain, gainCategory := cell("N-gain rata-rata (peningkatan hasil belajar)")
	if satCategory == "" || gainCategory == "" || math.IsNaN(gain) {
		t.Fatalf("the sample should have a satisfaction and a gain category: %q %q", satCategory, gainCategory)
	}

	b, err := LoadBrief(ctx, s, overview.Year(2026), sampleDay)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := WriteBrief(&buf, b); err != nil {
		t.Fatal(err)
	}
	text, pages := pdfText(t, buf.Bytes())
	if pages < 1 || pages > 2 {
		t.Errorf("the brief has %d pages, want 1 or 2", pages)
	}
	q := regexp.QuoteMeta
	for _, want := range []string{
		// The tiles, a row of three labels, then their values, then their notes.
		`Program\s+Orang yang menyelesaikan program\s+JP yang diperoleh peserta\s+` + q(programs) + `\s+` + q(trained) + `\s+` + q(jp) +
			`\s+\d+ selesai\s+` + q(enrolled) + ` peserta terdaftar`,
		`Pegawai ASN mencapai 20 JP\s+Indeks kepuasan \(0–100\)\s+N-gain rata-rata\s+` + q(indo.Percent(share, 1)) + `\s+` +
			q(indo.Decimal(sat, 2)) + `\s+` + q(indo.Decimal(gain, 2)) + `\s+` + q(reached) + ` dari ` + q(employees) + ` pegawai\s+` +
			q(satCategory) + ` · \d+ program\s+` + q(gainCategory) + ` · \d+ program`,
	} {
		if !regexp.MustCompile(want).MatchString(text) {
			t.Errorf("the brief lacks %s\n%s", want, text)
		}
	}

	// The units furthest behind are the Unit Kerja sheet's lowest shares, with the sheet's counts.
	units, err := f.GetRows(SheetUnits, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	lowest := 2.0
	for _, r := range units[1:] {
		if v, err := strconv.ParseFloat(r[5], 64); err == nil && r[2] != "0" {
			lowest = math.Min(lowest, v)
		}
	}
	behind := b.Behind(5)
	if len(behind) != 5 || behind[0].ReachedShare() != lowest {
		t.Fatalf("behind %v, the sheet's lowest share %v", behind, lowest)
	}
	for i, u := range behind {
		line := `(?m)^\s*` + strconv.Itoa(i+1) + `\s+` + q(unitName(u.Unit)) + `\s+` + q(indo.Int(int64(u.Employees))) + `\s+` +
			q(indo.Int(int64(u.Reached))) + `\s+` + q(indo.Percent(u.ReachedShare(), 1))
		if !regexp.MustCompile(line).MatchString(text) {
			t.Errorf("the brief lacks the row %s", line)
		}
		found := false
		for _, r := range units[1:] {
			found = found || (r[0] == unitName(u.Unit) && r[2] == strconv.Itoa(u.Employees) && r[4] == strconv.Itoa(u.Reached))
		}
		if !found {
			t.Errorf("unit %+v is not in the Unit Kerja sheet with those counts", u)
		}
	}
	findings := b.Findings()
	if len(findings) != 3 || !strings.Contains(findings[1], unitName(behind[0].Unit)) || !strings.Contains(findings[2], "tertinggi") {
		t.Errorf("findings %q", findings)
	}
	for _, s := range findings {
		if !strings.Contains(strings.Join(strings.Fields(text), " "), s[:40]) {
			t.Errorf("the brief lacks the finding %q", s)
		}
	}
}
