package report

import (
	"archive/zip"
	"bytes"
	"context"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/pembina/pembina/data"
	"github.com/pembina/pembina/data/analysis"
	"github.com/pembina/pembina/data/overview"
	"github.com/pembina/pembina/data/sample/sampletest"
	"github.com/pembina/pembina/data/store"
	"github.com/pembina/pembina/data/store/storetest"
)

var sampleDay = time.Date(2026, 11, 28, 0, 0, 0, 0, time.UTC)

// sampleStore is a database with the sample data, whose first finished program has its certificates issued,
// one of them revoked.
func sampleStore(t *testing.T) *store.Store {
	t.Helper()
	s := sampletest.Open(t, sampleDay)
	ctx := context.Background()
	var id int64
	if err := storetest.DB(t, s).QueryRow("SELECT id FROM certificate ORDER BY id LIMIT 1").Scan(&id); err != nil {
		t.Fatalf("the sample has no certificate: %v", err)
	}
	if err := s.RevokeCertificate(ctx, id, "Nama salah ketik"); err != nil {
		t.Fatal(err)
	}
	return s
}

// The workbook read back: every sheet, its heading, NIPs as text, numbers as numbers, rows as many as the
// database has, frozen headings, autofilters, conditional formats and four native charts.
func TestWorkbookReadBack(t *testing.T) {
	s := sampleStore(t)
	ctx := context.Background()
	var buf bytes.Buffer
	var steps []int
	res, err := WriteWorkbook(ctx, &buf, s, overview.Year(2026), sampleDay, func(done, total int) { steps = append(steps, done) })
	if err != nil {
		t.Fatal(err)
	}
	for i := 1; i < len(steps); i++ {
		if steps[i] < steps[i-1] || steps[i] > 100 {
			t.Fatalf("progress went %v", steps)
		}
	}
	if len(steps) == 0 || steps[len(steps)-1] != 100 {
		t.Errorf("progress ended at %v", steps)
	}
	f, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := strings.Join(f.GetSheetList(), ","); got != strings.Join(WorkbookSheets, ",") {
		t.Fatalf("sheets %s, want %s", got, strings.Join(WorkbookSheets, ","))
	}

	from, to := "2026-01-01", "2026-12-31"
	want := map[string]int{
		SheetPrograms: storetest.Count(t, s, "SELECT count(*) FROM program WHERE end_date BETWEEN ? AND ?", from, to),
		SheetJP:       storetest.Count(t, s, "SELECT count(*) FROM participant"),
		SheetUnits:    storetest.Count(t, s, "SELECT count(DISTINCT unit) FROM participant"),
		SheetAttendance: storetest.Count(t, s, `SELECT count(*) FROM attendance a JOIN session x ON x.id = a.session_id
			JOIN program p ON p.id = x.program_id WHERE p.end_date BETWEEN ? AND ?`, from, to),
		SheetCertificates: storetest.Count(t, s, "SELECT count(*) FROM certificate"),
	}
	// Completed enrolments of ASN with a NIP (SIASN knows no one else), counted person by person through
	// their histories (the JP rule), and rated questions with answers, counted through the full analysis of
	// each program.
	siasn, rated := 0, 0
	people, _ := s.People(ctx, "")
	for _, p := range people {
		if p.NIP == "" || p.EmploymentStatus == "Non-ASN" {
			continue
		}
		h, _ := s.ParticipantHistory(ctx, p.ID, sampleDay)
		for _, r := range h {
			if r.EarnedJP() > 0 && r.Year() == 2026 {
				siasn++
			}
		}
	}
	programs, _ := s.Programs(ctx, store.ProgramFilter{Year: 2026})
	for _, p := range programs {
		rep, _ := analysis.Load(ctx, s, p.ID)
		for _, fr := range rep.Forms {
			for _, q := range fr.Result.Questions {
				if q.IsRated() && q.Stat.N > 0 {
					rated++
				}
			}
		}
	}
	want[SheetSIASN], want[SheetEvaluation] = siasn, rated
	for sheet, n := range want {
		rows, err := f.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		if len(rows)-1 != n || res.Rows[sheet] != n || n == 0 {
			t.Errorf("%s: %d data rows (reported %d), the database has %d", sheet, len(rows)-1, res.Rows[sheet], n)
		}
		panes, _ := f.GetPanes(sheet)
		if !panes.Freeze || panes.YSplit != 1 {
			t.Errorf("%s: heading row not frozen: %+v", sheet, panes)
		}
	}

	headings := map[string][]string{
		SheetPrograms:     {"KODE", "NAMA PROGRAM", "JENIS"},
		SheetJP:           {"NIP", "NAMA", "STATUS KEPEGAWAIAN", "PANGKAT/GOLONGAN", "UNIT KERJA", "JP 2026", "PROGRAM DISELESAIKAN", "MENCAPAI 20 JP", "KEKURANGAN JP"},
		SheetUnits:        {"UNIT KERJA", "PESERTA TERDATA", "PEGAWAI ASN"},
		SheetAttendance:   {"KODE PROGRAM", "SESI", "TANGGAL", "NIP", "NAMA", "STATUS"},
		SheetEvaluation:   {"KODE PROGRAM", "FORMULIR", "LEVEL", "BAGIAN", "NO", "PERTANYAAN", "SKALA", "JUMLAH JAWABAN", "RATA-RATA", "KATEGORI"},
		SheetCertificates: {"NO", "NOMOR SERTIFIKAT", "NAMA", "NIP"},
		SheetSIASN:        {"NIP (nipBaru)", "NAMA", "NAMA KURSUS (namaKursus)", "PENYELENGGARA (institusiPenyelenggara)", "JENIS DIKLAT (jenisDiklatId)"},
	}
	for sheet, titles := range headings {
		for i, title := range titles {
			ref, _ := excelize.CoordinatesToCellName(i+1, 1)
			if v, _ := f.GetCellValue(sheet, ref); v != title {
				t.Errorf("%s!%s = %q, want %q", sheet, ref, v, title)
			}
		}
	}

	// NIPs are text, never numbers (Excel would keep 15 digits of 18), with the text format.
	nipRE := regexp.MustCompile(`^\d{18}$`)
	for _, c := range []struct{ sheet, col string }{{SheetJP, "A"}, {SheetAttendance, "D"}, {SheetSIASN, "A"}, {SheetCertificates, "D"}} {
		checked := 0
		for r := 2; r <= 40; r++ {
			ref := c.col + strconv.Itoa(r)
			v, _ := f.GetCellValue(c.sheet, ref)
			if v == "" {
				continue
			}
			typ, _ := f.GetCellType(c.sheet, ref)
			style, _ := f.GetCellStyle(c.sheet, ref)
			st, _ := f.GetStyle(style)
			if !nipRE.MatchString(v) || typ == excelize.CellTypeNumber || typ == excelize.CellTypeUnset || st.NumFmt != 49 {
				t.Errorf("%s!%s NIP %q stored as type %v with format %d; want 18 digits of text, format @", c.sheet, ref, v, typ, st.NumFmt)
			}
			checked++
		}
		if checked == 0 {
			t.Errorf("%s: no NIP checked", c.sheet)
		}
	}
	// Figures are numbers with a format, not text.
	for _, ref := range []struct{ sheet, cell string }{{SheetJP, "F2"}, {SheetPrograms, "I2"}, {SheetPrograms, "K2"}, {SheetPrograms, "E2"},
		{SheetUnits, "F2"}, {SheetEvaluation, "I2"}, {SheetSIASN, "G2"}} {
		typ, _ := f.GetCellType(ref.sheet, ref.cell)
		raw, _ := f.GetCellValue(ref.sheet, ref.cell, excelize.Options{RawCellValue: true})
		if _, err := strconv.ParseFloat(raw, 64); err != nil || (typ != excelize.CellTypeNumber && typ != excelize.CellTypeUnset) {
			t.Errorf("%s!%s = %q (type %v), want a number", ref.sheet, ref.cell, raw, typ)
		}
	}
	if v, _ := f.GetCellValue(SheetPrograms, "E2"); !regexp.MustCompile(`^\d{2}-\d{2}-\d{4}$`).MatchString(v) {
		t.Errorf("program start date shows %q, want dd-mm-yyyy", v)
	}
	// SIASN: dates as dd-mm-yyyy text, as SIASN takes them.
	rows, _ := f.GetRows(SheetSIASN)
	for _, r := range rows[1:] {
		if !regexp.MustCompile(`^\d{2}-\d{2}-\d{4}$`).MatchString(r[9]) || !regexp.MustCompile(`^\d{2}-\d{2}-\d{4}$`).MatchString(r[10]) {
			t.Fatalf("SIASN dates %q and %q, want dd-mm-yyyy", r[9], r[10])
		}
	}
	// Reached 20 JP coloured by conditional formatting, the units' share as a data bar.
	for _, sheet := range []string{SheetJP, SheetUnits} {
		if cf, _ := f.GetConditionalFormats(sheet); len(cf) == 0 {
			t.Errorf("%s has no conditional format", sheet)
		}
	}

	// The key figures of Ringkasan are the store's.
	summary, _ := f.GetRows(SheetSummary)
	figure := func(label string) string {
		for _, r := range summary {
			if len(r) > 1 && r[0] == label {
				return r[1]
			}
		}
		t.Errorf("Ringkasan has no %q", label)
		return ""
	}
	if got, want := figure("Pegawai ASN terdata"), storetest.Count(t, s, "SELECT count(*) FROM participant WHERE employment_status <> 'Non-ASN'"); got != strconv.Itoa(want) {
		t.Errorf("employees on Ringkasan %s, store %d", got, want)
	}
	if got, want := figure("Sertifikat berlaku"), storetest.Count(t, s, `SELECT count(*) FROM certificate c JOIN enrolment e ON e.id = c.enrolment_id
		WHERE c.status = 'valid' AND e.role = 'peserta'`); got != strconv.Itoa(want) {
		t.Errorf("valid certificates on Ringkasan %s, the register %d (one revoked)", got, want)
	}
	if got := figure("Pegawai mencapai 20 JP"); got != strconv.Itoa(res.Overview.Reached) || res.Overview.Reached == 0 {
		t.Errorf("reached on Ringkasan %s, overview %d", got, res.Overview.Reached)
	}

	// Inside the file: four charts, and an autofilter on every data sheet.
	z, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	charts, filters := 0, 0
	for _, file := range z.File {
		if strings.HasPrefix(file.Name, "xl/charts/chart") {
			charts++
		}
		if strings.HasPrefix(file.Name, "xl/worksheets/sheet") {
			rc, _ := file.Open()
			b, _ := io.ReadAll(rc)
			rc.Close()
			if bytes.Contains(b, []byte(`<autoFilter ref="$A$1:`)) {
				filters++
			}
		}
	}
	if charts != 4 || filters != len(WorkbookSheets)-1 {
		t.Errorf("%d charts and %d autofilters; want 4 charts and %d autofilters", charts, filters, len(WorkbookSheets)-1)
	}
}

// One unit: only its people, and a period narrower than a year.
func TestWorkbookOfOneUnitAndRange(t *testing.T) {
	s := sampleStore(t)
	ctx := context.Background()
	units, _ := s.Units(ctx)
	p := overview.Period{From: time.Date(2026, 7, 1, 0, 0, 0, 0, time.UTC), To: time.Date(2026, 9, 30, 0, 0, 0, 0, time.UTC), Unit: units[0]}
	var buf bytes.Buffer
	res, err := WriteWorkbook(ctx, &buf, s, p, sampleDay, nil)
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows(SheetJP)
	if want := storetest.Count(t, s, "SELECT count(*) FROM participant WHERE unit = ?", units[0]); len(rows)-1 != want {
		t.Errorf("%d people of %s, want %d", len(rows)-1, units[0], want)
	}
	for _, r := range rows[1:] {
		if r[4] != units[0] {
			t.Errorf("someone of %q listed", r[4])
		}
	}
	if v, _ := f.GetCellValue(SheetJP, "F1"); v != "JP PERIODE INI" {
		t.Errorf("JP heading for a range: %q", v)
	}
	if v, _ := f.GetCellValue(SheetSummary, "A3"); !strings.Contains(v, "1 Juli s.d. 30 September 2026") || !strings.Contains(v, units[0]) {
		t.Errorf("period line %q", v)
	}
	for _, l := range res.Overview.Programs {
		if l.Program.EndDate.Before(p.From) || l.Program.EndDate.After(p.To) {
			t.Errorf("%s ends %s, outside the period", l.Program.Code, l.Program.EndDate.Format("2006-01-02"))
		}
	}
}

// Cancelling stops the work with a message and writes nothing half.
func TestWorkbookCancelled(t *testing.T) {
	s := sampleStore(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := WriteWorkbook(ctx, io.Discard, s, overview.Year(2026), sampleDay, nil)
	if err == nil || !strings.Contains(data.ErrorMessage(err), "Dibatalkan") {
		t.Errorf("cancelled workbook: %v", err)
	}
}

// The headings name the target the office set: "MENCAPAI 24 JP" when every status has 24, "MENCAPAI TARGET JP"
// when the statuses differ, never the 20 JP nobody is measured against.
func TestWorkbookHeadingsFollowTheTargets(t *testing.T) {
	s := sampleStore(t)
	ctx := context.Background()
	for _, c := range []struct {
		targets data.JPTargets
		want    string
	}{
		{data.JPTargets{"PNS": 24, "CPNS": 24, "PPPK": 24, "PPPK Paruh Waktu": 24, "Non-ASN": 0}, "MENCAPAI 24 JP"},
		{data.JPTargets{"PNS": 20, "CPNS": 20, "PPPK": 10, "PPPK Paruh Waktu": 10, "Non-ASN": 0}, "MENCAPAI TARGET JP"},
	} {
		if err := s.SetJPTargets(ctx, c.targets); err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if _, err := WriteWorkbook(ctx, &buf, s, overview.Year(2026), sampleDay, nil); err != nil {
			t.Fatal(err)
		}
		f, err := excelize.OpenReader(&buf)
		if err != nil {
			t.Fatal(err)
		}
		people, _ := f.GetRows(SheetJP)
		units, _ := f.GetRows(SheetUnits)
		f.Close()
		if !slices.Contains(people[0], c.want) || !slices.Contains(units[0], c.want) {
			t.Errorf("targets %v: headings %q and %q, want %q in both", c.targets, people[0], units[0], c.want)
		}
	}
}
