package report_test

import (
	"context"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/pembina/pembina/app/certify"
	"github.com/pembina/pembina/app/report"
	"github.com/pembina/pembina/data"
	"github.com/pembina/pembina/data/overview"
	"github.com/pembina/pembina/data/sample/sampletest"
	"github.com/pembina/pembina/data/store"
	"github.com/pembina/pembina/data/store/storetest"
)

var agreementDay = time.Date(2026, 11, 28, 0, 0, 0, 0, time.UTC)

// TestEveryEnrolmentAgrees is the property that one completion rule buys: for every enrolment of the sample
// (with a program left running after its last session, a pass score judged by post-tests, a session of today
// not entered and a retired employee in the mix), the Sertifikat tab's eligibility, the person's history
// (JP), the dashboard's figures and the leadership workbook's JP Pegawai and SIASN sheets say the same.
func TestEveryEnrolmentAgrees(t *testing.T) {
	s := sampletest.Open(t, agreementDay)
	ctx := context.Background()
	skk, _ := s.ProgramByCode(ctx, "SKK-I/2026")
	if err := s.SetProgramStatus(ctx, skk.ID, data.StatusRunning); err != nil {
		t.Fatal(err)
	}
	people, _ := s.ListParticipants(ctx, store.ParticipantFilter{}, 0, 1)
	retired, _ := s.Participant(ctx, people[0].ID)
	retired.Service = data.ServiceRetired
	if err := s.UpdateParticipant(ctx, retired); err != nil {
		t.Fatal(err)
	}
	o := checkAgreement(t, s, overview.Year(2026), agreementDay, true)
	if got, want := len(o.Outcomes.Enrolments), storetest.Count(t, s, "SELECT count(*) FROM enrolment"); got != want {
		t.Errorf("%d enrolments checked of the sample's %d", got, want)
	}
	// And every person's JP is what their own history says.
	for _, p := range o.People {
		h, err := s.ParticipantHistory(ctx, p.ID, agreementDay)
		if err != nil {
			t.Fatal(err)
		}
		for _, y := range data.JPByYear(h) {
			if y.Year == 2026 && (y.JP != p.JP || y.Programs != p.Programs) {
				t.Errorf("%s: history %d JP from %d programs, the period %d from %d", p.Name, y.JP, y.Programs, p.JP, p.Programs)
			}
		}
	}
	if p := o.Person(retired.ID); p.Employee() {
		t.Errorf("a retired person is among the employees")
	}
}

// checkAgreement compares, for every program of the period, the certificates' outcome of each enrolment with
// the period's bulk outcome; with workbook set, also every person's JP with the workbook's JP Pegawai sheet and
// their completions with its SIASN rows, and the dashboard's figures with the sheet. It returns the overview.
func checkAgreement(t testing.TB, s *store.Store, period overview.Period, today time.Time, workbook bool) *overview.Overview {
	ctx := context.Background()
	o, err := overview.Load(ctx, s, period, today, nil)
	if err != nil {
		t.Fatal(err)
	}
	completedByPerson := map[int64]int{}
	states := map[data.EligibilityState]int{}
	for _, l := range o.Programs {
		roll, err := certify.Load(ctx, s, l.Program, today)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range roll.Candidates {
			eo := o.Outcomes.Enrolment(c.Enrolment.ID)
			if eo == nil {
				t.Fatalf("%s: enrolment %d not in the period's outcomes", l.Program.Code, c.Enrolment.ID)
			}
			if c.Eligible != eo.Eligibility.Eligible() || c.Reasons.String() != eo.Eligibility.Reasons.String() {
				t.Errorf("%s %s: certificates say %v (%s), the period %v (%s)", l.Program.Code, c.Name, c.Eligible, c.Reasons,
					eo.Eligibility.Eligible(), eo.Eligibility.Reasons)
			}
			states[eo.Eligibility.State]++
		}
	}
	completions := map[int64]int{} // every completion, a course repeated in the year included (SIASN lists them)
	for _, eo := range o.Outcomes.Enrolments {
		if eo.Completed() {
			completions[eo.Enrolment.ParticipantID]++
			if _, repeat := o.Repeats[eo.Enrolment.ID]; !repeat {
				completedByPerson[eo.Enrolment.ParticipantID]++
			}
		}
	}
	if states[data.Eligible] == 0 || states[data.NotEligible] == 0 {
		t.Errorf("outcomes too uniform to prove anything: %v", states)
	}
	if !workbook {
		return o
	}

	out := filepath.Join(t.TempDir(), "pimpinan.xlsx")
	if _, err := report.SaveWorkbook(ctx, out, s, period, today, nil); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.Rows(report.SheetJP)
	if err != nil {
		t.Fatal(err)
	}
	rows.Next() // the heading
	i, reached, employees := 0, 0, 0
	for rows.Next() {
		r, _ := rows.Columns()
		if i >= len(o.People) {
			t.Fatalf("JP Pegawai has more rows than the %d people", len(o.People))
		}
		p := o.People[i]
		i++
		jp, _ := strconv.Atoi(r[5])
		completed, _ := strconv.Atoi(r[6])
		if r[1] != p.Name || jp != p.JP || completed != p.Programs || completed != completedByPerson[p.ID] {
			t.Fatalf("JP Pegawai row %d: %v; the period says %s %d JP from %d programs (%d completions)", i, r, p.Name, p.JP,
				p.Programs, completedByPerson[p.ID])
		}
		if r[7] == "Ya" {
			reached++
		}
		if r[7] == "Ya" || r[7] == "Belum" {
			employees++
		}
	}
	rows.Close()
	if i != len(o.People) || reached != o.Reached || employees != o.Employees {
		t.Errorf("JP Pegawai: %d rows, %d of %d employees at their target; the dashboard's figures %d people, %d of %d", i, reached,
			employees, len(o.People), o.Reached, o.Employees)
	}
	siasn, _ := f.GetRows(report.SheetSIASN)
	want := 0
	for _, p := range o.People {
		if p.NIP != "" && p.EmploymentStatus != "Non-ASN" {
			want += completions[p.ID]
		}
	}
	if len(siasn)-1 != want {
		t.Errorf("SIASN has %d rows; the ASN with a NIP completed %d", len(siasn)-1, want)
	}
	return o
}

// TestEveryEnrolmentAgreesLarge is the same property on the `demo --large` database (built once, about 40 s,
// and kept: report.LargeDatabase): for every enrolment of every year it holds, the certificates' outcome is
// the period's; for this year's, also the workbook's JP Pegawai and SIASN sheets and the dashboard's figures
// (the workbook of a year of 100.000 people and reading it back take about 20 s, the outcomes of a year 4 s).
// Skipped with -short.
func TestEveryEnrolmentAgreesLarge(t *testing.T) {
	if testing.Short() {
		t.Skip("the large database: skipped with -short")
	}
	s := report.LargeDatabase(t)
	ctx := context.Background()
	today := time.Now()
	rows, err := s.Programs(ctx, store.ProgramFilter{IncludeArchived: true})
	if err != nil {
		t.Fatal(err)
	}
	years := map[int]int{}
	for _, r := range rows {
		years[r.EndDate.Year()]++
	}
	if len(years) < 2 || years[today.Year()] == 0 {
		t.Fatalf("the large sample's programs by year: %v", years)
	}
	enrolments := 0
	for year := range years {
		o := checkAgreement(t, s, overview.Year(year), today, year == today.Year())
		if len(o.Programs) != years[year] {
			t.Errorf("%d: %d programs in the period, %d end in it", year, len(o.Programs), years[year])
		}
		enrolments += len(o.Outcomes.Enrolments)
	}
	if want := storetest.Count(t, s, "SELECT count(*) FROM enrolment"); enrolments != want {
		t.Errorf("%d enrolments checked of %d", enrolments, want)
	}
}
