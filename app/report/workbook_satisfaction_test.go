package report

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/pembina/pembina/data"
	"github.com/pembina/pembina/data/analysis"
	"github.com/pembina/pembina/data/indo"
	"github.com/pembina/pembina/data/overview"
	"github.com/pembina/pembina/data/store/storetest"
)

// The satisfaction of each program on Ringkasan carries the program's one category, also for a program whose
// level-1 forms use different scales (its category is then the index's, never the 0–100 test legend's), and
// the sheet prints the index's legend.
func TestWorkbookSatisfactionCategory(t *testing.T) {
	s := sampleStore(t)
	ctx := context.Background()
	// One level-1 form of the first program with level-1 answers moves to 1–5: its answers (1–4) stay valid
	// and its program now mixes scales.
	var formID, programID int64
	if err := storetest.DB(t, s).QueryRow(`SELECT pf.form_id, pf.program_id FROM program_form pf WHERE pf.level = 1
		AND EXISTS (SELECT 1 FROM response r WHERE r.program_form_id = pf.id) ORDER BY pf.id LIMIT 1`).Scan(&formID, &programID); err != nil {
		t.Fatal(err)
	}
	if _, err := storetest.DB(t, s).Exec("UPDATE form SET scale = '1-5' WHERE id = ?", formID); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if _, err := WriteWorkbook(ctx, &buf, s, overview.Year(2026), sampleDay, nil); err != nil {
		t.Fatal(err)
	}
	o, err := overview.Load(ctx, s, overview.Year(2026), sampleDay, nil)
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows(SheetSummary)
	cells := map[string][]string{}
	for _, r := range rows {
		if len(r) > 0 {
			cells[r[0]] = r
		}
	}
	mixed, checked := false, 0
	for _, l := range o.Programs {
		sat := l.Satisfaction
		if sat.Items == 0 {
			continue
		}
		r := cells[l.Program.Code]
		if len(r) < 3 {
			t.Errorf("Ringkasan has no satisfaction row for %s", l.Program.Code)
			continue
		}
		checked++
		want := sat.Category
		if sat.Scale == "" {
			mixed = true
			if want != data.IndexCategory(sat.Percent) {
				t.Errorf("%s mixes scales: category %s, its index %v is %s", l.Program.Code, want, sat.Percent, data.IndexCategory(sat.Percent))
			}
		}
		if r[2] != want {
			t.Errorf("%s on Ringkasan is %q, the program's category is %q", l.Program.Code, r[2], want)
		}
	}
	if !mixed || checked < 2 {
		t.Errorf("the case needs a program with mixed scales among several: mixed %v, %d programs", mixed, checked)
	}
	if r := cells["Indeks kepuasan"]; len(r) < 2 || r[1] != data.IndexLegendText() {
		t.Errorf("Ringkasan's index legend is %q", r)
	}
}

// A program whose organisation survey is answered on 0–100 (the sample's 1–4 answers times 25): the summary
// gives that form the satisfaction index's category (its 0–100 mean is the index), prints the 0–100 legend with
// the index's intervals rather than the test-score legend, and the program's category is that of its index,
// the same as the 1–4 answers gave before.
func TestSummaryZeroToHundredSurvey(t *testing.T) {
	s := sampleStore(t)
	p := programByPrefix(t, s, "PTD-I/")
	before, _, _ := summaryText(t, s, p.ID)
	db := storetest.DB(t, s)
	var formID int64
	if err := db.QueryRow(`SELECT pf.form_id FROM program_form pf JOIN form f ON f.id = pf.form_id
		WHERE pf.program_id = ? AND f.kind = 'organisation'`, p.ID).Scan(&formID); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		"UPDATE form SET scale = '0-100' WHERE id = ?",
		`UPDATE answer SET number = number * 25, number2 = number2 * 25 WHERE question_id IN
			(SELECT id FROM question WHERE form_id = ? AND kind IN ('scale', 'importance_performance'))`,
	} {
		if _, err := db.Exec(q, formID); err != nil {
			t.Fatal(err)
		}
	}
	sum, flat, _ := summaryText(t, s, p.ID)
	var org *analysis.FormResult
	for _, f := range sum.Report.Forms {
		if f.Form.ID == formID {
			org = f.Result
		}
	}
	if org == nil || org.Scale != data.Scale100 || org.Category != data.IndexCategory(org.Percent) {
		t.Fatalf("the 0–100 survey: %+v", org)
	}
	line := "Rata-rata formulir " + indo.Decimal(org.Mean, 2) + " (" + org.Category + ") pada skala 0–100, indeks " + indo.Decimal(org.Percent, 2)
	if !strings.Contains(flat, line) {
		t.Errorf("the summary lacks %q", line)
	}
	if !strings.Contains(flat, "Skala 0–100 0,00–64,99 Tidak Baik") || strings.Contains(flat, "Sangat Kurang") {
		t.Errorf("the 0–100 legend is not the index's\n%s", excerpt(flat, "F. Keterangan Skala", 600))
	}
	sat := sum.Line.Satisfaction
	if sat.Scale != "" || sat.Category != data.IndexCategory(sat.Percent) || sat.Category != before.Line.Satisfaction.Category {
		t.Errorf("mixed scales: %+v; with 1–4 answers the program was %s", sat, before.Line.Satisfaction.Category)
	}
}
