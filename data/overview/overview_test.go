package overview

import (
	"context"
	"math"
	"testing"
	"time"

	"github.com/pembina/pembina/data"
	"github.com/pembina/pembina/data/analysis"
	"github.com/pembina/pembina/data/sample/sampletest"
	"github.com/pembina/pembina/data/store"
	"github.com/pembina/pembina/data/store/storetest"
)

var sampleDay = time.Date(2026, 11, 28, 0, 0, 0, 0, time.UTC)

func loaded(t *testing.T) *store.Store {
	t.Helper()
	s := sampletest.Open(t, sampleDay)
	return s
}

// revokeOne revokes one of the sample's certificates (the sample issues those of its first finished
// program) and returns the program.
func revokeOne(t *testing.T, s *store.Store) *data.Program {
	t.Helper()
	ctx := context.Background()
	var id, program int64
	if err := storetest.DB(t, s).QueryRow("SELECT c.id, e.program_id FROM certificate c JOIN enrolment e ON e.id = c.enrolment_id LIMIT 1").Scan(&id, &program); err != nil {
		t.Fatalf("the sample has no certificate: %v", err)
	}
	if err := s.RevokeCertificate(ctx, id, "Nama salah ketik"); err != nil {
		t.Fatal(err)
	}
	p, _ := s.Program(ctx, program)
	return p
}

// The key figures equal what the store's plain queries and the per-person history say.
func TestFiguresEqualTheStore(t *testing.T) {
	s := loaded(t)
	ctx := context.Background()
	certified := revokeOne(t, s)
	year := Year(2026)
	o, err := Load(ctx, s, year, sampleDay, nil)
	if err != nil {
		t.Fatal(err)
	}
	from, to := data.FormatDate(year.From), data.FormatDate(year.To)
	f := o.Figures
	if want := storetest.Count(t, s, "SELECT count(*) FROM program WHERE end_date BETWEEN ? AND ?", from, to); f.Programs != want || len(o.Programs) != want {
		t.Errorf("programs = %d (%d lines), store %d", f.Programs, len(o.Programs), want)
	}
	for _, st := range data.ProgramStatuses {
		if want := storetest.Count(t, s, "SELECT count(*) FROM program WHERE end_date BETWEEN ? AND ? AND status = ?", from, to, st); f.Status(st) != want {
			t.Errorf("%s programs = %d, store %d", st, f.Status(st), want)
		}
	}
	if want := storetest.Count(t, s, `SELECT count(*) FROM enrolment e JOIN program p ON p.id = e.program_id WHERE p.end_date BETWEEN ? AND ?
		AND e.role = 'peserta' AND e.status = 'enrolled'`, from, to); f.Enrolled != want {
		t.Errorf("enrolled = %d, store %d", f.Enrolled, want)
	}
	if want := storetest.Count(t, s, "SELECT count(*) FROM participant"); len(o.People) != want {
		t.Errorf("people = %d, store %d", len(o.People), want)
	}
	if want := storetest.Count(t, s, "SELECT count(*) FROM participant WHERE employment_status <> 'Non-ASN'"); f.Employees != want {
		t.Errorf("employees = %d, store %d", f.Employees, want)
	}
	if want := storetest.Count(t, s, "SELECT sum(total_jp) FROM program WHERE end_date BETWEEN ? AND ? AND end_date < ? AND status <> 'cancelled'",
		from, to, data.FormatDate(sampleDay)); f.ProgramJP != want {
		t.Errorf("JP of ended programs = %d, store %d", f.ProgramJP, want)
	}
	valid := storetest.Count(t, s, `SELECT count(*) FROM certificate c JOIN enrolment e ON e.id = c.enrolment_id WHERE c.status = 'valid'
		AND e.role = 'peserta' AND e.program_id = ?`, certified.ID)
	if valid == 0 || f.Certified != valid || o.Program(certified.ID).Certified != valid {
		t.Errorf("certified = %d (program %d); the register has %d valid certificates", f.Certified, o.Program(certified.ID).Certified, valid)
	}

	// Every person's JP is what their own history says (store.ParticipantHistory and data.JPByYear).
	jp, trained, reached := 0, 0, 0
	for _, p := range o.People {
		h, err := s.ParticipantHistory(ctx, p.ID, sampleDay)
		if err != nil {
			t.Fatal(err)
		}
		want := data.YearJP{Year: 2026}
		for _, y := range data.JPByYear(h) {
			if y.Year == 2026 {
				want = y
			}
		}
		if p.JP != want.JP || p.Programs != want.Programs {
			t.Fatalf("%s: %d JP from %d programs, history %d JP from %d", p.Name, p.JP, p.Programs, want.JP, want.Programs)
		}
		jp += want.JP
		if want.Programs > 0 {
			trained++
		}
		if p.EmploymentStatus != "Non-ASN" && want.Reached() {
			reached++
		}
	}
	if f.JP != jp || f.Trained != trained || f.Reached != reached {
		t.Errorf("JP %d, trained %d, reached %d; histories give %d, %d, %d", f.JP, f.Trained, f.Reached, jp, trained, reached)
	}
	if jp == 0 || reached == 0 || reached == f.Employees {
		t.Errorf("the sample should have some but not all employees at 20 JP: %d of %d", reached, f.Employees)
	}

	// Per program: the satisfaction of the full analysis, the participants of the roster.
	months, kinds := 0, 0
	var sum float64
	n := 0
	for _, l := range o.Programs {
		rep, err := analysis.Load(ctx, s, l.Program.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got, want := l.Satisfaction, rep.Satisfaction; got.Items != want.Items || math.Abs(got.Percent-want.Percent) > 1e-9 && !math.IsNaN(want.Percent) {
			t.Errorf("%s: satisfaction %+v, analysis %+v", l.Program.Code, got, want)
		}
		if !math.IsNaN(l.Satisfaction.Percent) {
			sum += l.Satisfaction.Percent
			n++
		}
		roster, _ := s.Roster(ctx, l.Program.ID)
		if l.Enrolled != len(roster) {
			t.Errorf("%s: %d enrolled, roster %d", l.Program.Code, l.Enrolled, len(roster))
		}
	}
	if n == 0 || f.SatisfactionPrograms != n || math.Abs(f.SatisfactionPercent-sum/float64(n)) > 1e-9 || f.SatisfactionCategory == "" {
		t.Errorf("satisfaction %v over %d programs, want %v over %d", f.SatisfactionPercent, f.SatisfactionPrograms, sum/float64(n), n)
	}
	for _, m := range f.Months {
		months += m.Participants
	}
	for _, k := range f.Kinds {
		kinds += k.Programs
		// The kind's satisfaction: its programs' indexes averaged, its category the one of their shared scale.
		var sum float64
		n, scale, mixed := 0, data.Scale(""), false
		for _, l := range o.Programs {
			if l.Program.Kind == k.Kind && !math.IsNaN(l.Satisfaction.Percent) {
				if n > 0 && l.Satisfaction.Scale != scale {
					mixed = true
				}
				scale = l.Satisfaction.Scale
				sum += l.Satisfaction.Percent
				n++
			}
		}
		if n == 0 {
			if !math.IsNaN(k.Satisfaction) || k.SatisfactionCategory != "" {
				t.Errorf("%s: satisfaction %v (%s) without answers", k.Kind, k.Satisfaction, k.SatisfactionCategory)
			}
			continue
		}
		want := data.IndexCategory(sum / float64(n))
		if !mixed && scale.Valid() {
			want = scale.Category(sum / float64(n) / 100 * scale.Max())
		}
		if math.Abs(k.Satisfaction-sum/float64(n)) > 1e-9 || k.SatisfactionCategory != want {
			t.Errorf("%s: satisfaction %v (%s), its programs average %v (%s)", k.Kind, k.Satisfaction, k.SatisfactionCategory, sum/float64(n), want)
		}
	}
	if len(f.Months) != 12 || months != f.Enrolled || kinds != f.Programs {
		t.Errorf("%d months with %d participants, kinds with %d programs; want 12, %d, %d", len(f.Months), months, kinds, f.Enrolled, f.Programs)
	}
	units := 0
	for _, u := range o.Units {
		units += u.People
	}
	if units != len(o.People) {
		t.Errorf("units hold %d people of %d", units, len(o.People))
	}
}

// One unit's overview lists its people only, and programs someone of the unit took part in.
func TestOneUnit(t *testing.T) {
	s := loaded(t)
	ctx := context.Background()
	units, _ := s.Units(ctx)
	unit := units[0]
	p := Year(2026)
	p.Unit = unit
	o, err := Load(ctx, s, p, sampleDay, nil)
	if err != nil {
		t.Fatal(err)
	}
	if want := storetest.Count(t, s, "SELECT count(*) FROM participant WHERE unit = ?", unit); len(o.People) != want || want == 0 {
		t.Errorf("%d people of %s, store %d", len(o.People), unit, want)
	}
	for _, l := range o.Programs {
		if n := storetest.Count(t, s, `SELECT count(*) FROM enrolment e JOIN participant p ON p.id = e.participant_id WHERE e.program_id = ? AND p.unit = ?`,
			l.Program.ID, unit); n == 0 {
			t.Errorf("%s listed although nobody of %s took part", l.Program.Code, unit)
		}
	}
	if p.Label() != "Tahun 2026 · Unit kerja "+unit {
		t.Errorf("label %q", p.Label())
	}
}

func TestPeriod(t *testing.T) {
	if y, ok := Year(2026).WholeYear(); !ok || y != 2026 {
		t.Error("Year(2026) is not a whole year")
	}
	half := Period{From: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), To: time.Date(2026, 6, 30, 0, 0, 0, 0, time.UTC)}
	if _, ok := half.WholeYear(); ok || half.Label() != "Periode 1 Januari s.d. 30 Juni 2026" {
		t.Errorf("half year: %q", half.Label())
	}
	if err := (Period{From: half.To, To: half.From}).Validate(); !data.IsKind(err, data.KindInvalid) {
		t.Errorf("a reversed period: %v", err)
	}
}

// LoadJP gives every person the JP, target and programs Load gives, and the same JP figures, without reading
// the evaluations: the sample's programs have responses under Load and none under LoadJP.
func TestLoadJPEqualsLoadWithoutEvaluations(t *testing.T) {
	s := loaded(t)
	ctx := context.Background()
	full, err := Load(ctx, s, Year(2026), sampleDay, nil)
	if err != nil {
		t.Fatal(err)
	}
	jp, err := LoadJP(ctx, s, Year(2026), sampleDay, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(jp.People) != len(full.People) || len(jp.People) == 0 {
		t.Fatalf("LoadJP has %d people, Load %d", len(jp.People), len(full.People))
	}
	reached := 0
	for i, p := range full.People {
		q := jp.People[i]
		if q.ID != p.ID || q.JP != p.JP || q.Target != p.Target || q.Programs != p.Programs || q.Repeats != p.Repeats {
			t.Errorf("person %d: LoadJP %+v, Load %+v", p.ID, *q, *p)
		}
		if p.Reached() {
			reached++
		}
	}
	if reached == 0 {
		t.Error("nobody of the sample reached the target: the comparison shows little")
	}
	if jp.Figures.Employees != full.Figures.Employees || jp.Figures.Reached != full.Figures.Reached || jp.Figures.JP != full.Figures.JP {
		t.Errorf("JP figures: LoadJP %d/%d, %d JP; Load %d/%d, %d JP", jp.Figures.Reached, jp.Figures.Employees, jp.Figures.JP,
			full.Figures.Reached, full.Figures.Employees, full.Figures.JP)
	}
	responses := func(o *Overview) (n int) {
		for _, l := range o.Programs {
			n += l.Responses
		}
		return n
	}
	if responses(full) == 0 || responses(jp) != 0 {
		t.Errorf("responses: Load %d, LoadJP %d; want some, then none", responses(full), responses(jp))
	}
}

// TestProgramJPOfEndedPrograms: the JP of the programs held count once a program has ended, whatever its
// status, as a person's JP do: a program left "Berjalan" after its last session keeps them, a cancelled one
// loses them.
func TestProgramJPOfEndedPrograms(t *testing.T) {
	s := loaded(t)
	ctx := context.Background()
	figures := func() Figures {
		t.Helper()
		o, err := Load(ctx, s, Year(2026), sampleDay, nil)
		if err != nil {
			t.Fatal(err)
		}
		return o.Figures
	}
	before := figures()
	var ended *data.Program
	rows, _ := s.Programs(ctx, store.ProgramFilter{Year: 2026, IncludeArchived: true})
	for _, r := range rows {
		if r.Status == data.StatusFinished && r.TotalJP > 0 && r.EndDate.Before(sampleDay) {
			ended = r.Program
			break
		}
	}
	if ended == nil || before.ProgramJP == 0 {
		t.Fatalf("the sample has no finished program with JP (JP %d)", before.ProgramJP)
	}
	if err := s.SetProgramStatus(ctx, ended.ID, data.StatusRunning); err != nil {
		t.Fatal(err)
	}
	if got := figures(); got.ProgramJP != before.ProgramJP || got.JP != before.JP {
		t.Errorf("%s left running: program JP %d, people's JP %d; finished: %d and %d", ended.Code, got.ProgramJP, got.JP,
			before.ProgramJP, before.JP)
	}
	if err := s.SetProgramStatus(ctx, ended.ID, data.StatusCancelled); err != nil {
		t.Fatal(err)
	}
	if got := figures(); got.ProgramJP != before.ProgramJP-ended.TotalJP || got.JP >= before.JP {
		t.Errorf("%s cancelled: program JP %d, want %d; people's JP %d, was %d", ended.Code, got.ProgramJP,
			before.ProgramJP-ended.TotalJP, got.JP, before.JP)
	}
}
