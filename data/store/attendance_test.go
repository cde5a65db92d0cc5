package store

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pembina/pembina/data"
)

// course makes a program of the given days (one 4-JP session each, from 2026-11-02) with people enrolled as
// participants, written in one batch; it returns the program, its sessions and the enrolments.
func course(t testing.TB, s *Store, code string, days, people int) (*data.Program, []*data.Session, []*data.Enrolment) {
	t.Helper()
	ctx := context.Background()
	p := sampleProgram(code)
	p.StartDate, p.EndDate, p.TotalJP = date("2026-11-02"), date("2026-11-02").AddDate(0, 0, days-1), 4*days
	p.Normalize()
	var sessions []*data.Session
	var enrolments []*data.Enrolment
	err := s.batch(ctx, func(b *batchTx) error {
		if err := insertProgram(ctx, b, p); err != nil {
			return err
		}
		for d := 0; d < days; d++ {
			x := &data.Session{ProgramID: p.ID, Date: p.StartDate.AddDate(0, 0, d), Start: "08:00", End: "11:30", TimeZone: "WIB",
				Topic: fmt.Sprintf("Materi %d", d+1), JP: 4}
			if err := insertSession(ctx, b, x); err != nil {
				return err
			}
			sessions = append(sessions, x)
		}
		for i := 0; i < people; i++ {
			person := &data.Participant{Name: fmt.Sprintf("Peserta %s %04d", code, i), EmploymentStatus: "Non-ASN",
				Unit: "SD Negeri " + fmt.Sprint(i%40+1), Email: fmt.Sprintf("p%d.%s@contoh.id", i, strings.ToLower(code))}
			person.Normalize()
			if err := insertParticipant(ctx, b, person); err != nil {
				return err
			}
			e, err := enrolTx(ctx, b, p.ID, person.ID, data.RoleParticipant)
			if err != nil {
				return err
			}
			enrolments = append(enrolments, e)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return p, sessions, enrolments
}

func TestRosterAndMarkAllPresent(t *testing.T) {
	s := mustOpen(t, tempDB(t))
	ctx := context.Background()
	p, sessions, es := course(t, s, "R", 2, 5)
	es[1].Withdrawn = true
	es[2].Role = data.RoleSpeaker
	for _, e := range es[1:3] {
		if err := s.UpdateEnrolment(ctx, e); err != nil {
			t.Fatal(err)
		}
	}
	roster, err := s.Roster(ctx, p.ID)
	if err != nil || len(roster) != 3 || roster[0].Name != "Peserta R 0000" || roster[1].EnrolmentID != es[3].ID {
		t.Fatalf("Roster = %+v, %v; want the 3 participants who did not withdraw", roster, err)
	}
	if err := s.SetMark(ctx, &data.Mark{SessionID: sessions[0].ID, EnrolmentID: es[0].ID, Status: data.Sick, Note: "Demam"}); err != nil {
		t.Fatal(err)
	}
	n, err := s.MarkAllPresent(ctx, sessions[0].ID)
	if err != nil || n != 2 {
		t.Fatalf("MarkAllPresent = %d, %v; want the 2 unmarked participants", n, err)
	}
	marks, _ := s.Marks(ctx, sessions[0].ID)
	if len(marks) != 3 || marks[es[0].ID].Status != data.Sick || marks[es[0].ID].Note != "Demam" || marks[es[4].ID].Status != data.Present {
		t.Errorf("after Semua hadir: %v", marks)
	}
	if _, ok := marks[es[2].ID]; ok {
		t.Error("the speaker was marked present")
	}
	if n, _ := s.MarkAllPresent(ctx, sessions[0].ID); n != 0 {
		t.Errorf("second Semua hadir marked %d", n)
	}
}

func TestMarksRefusedAndAtomic(t *testing.T) {
	s := mustOpen(t, tempDB(t))
	ctx := context.Background()
	_, sessions, es := course(t, s, "A", 2, 3)
	_, _, others := course(t, s, "B", 1, 1)
	err := s.SetMark(ctx, &data.Mark{SessionID: sessions[0].ID, EnrolmentID: others[0].ID, Status: data.Present})
	if data.ErrorKind(err) != data.KindInvalid || !strings.Contains(err.Error(), "tidak terdaftar") {
		t.Errorf("mark for someone not enrolled = %v", err)
	}
	err = s.SetMark(ctx, &data.Mark{SessionID: sessions[0].ID, EnrolmentID: es[0].ID, Status: "X"})
	if data.ErrorKind(err) != data.KindInvalid || !strings.Contains(err.Error(), "Status") {
		t.Errorf("status X = %v", err)
	}
	batch := []*data.Mark{
		{SessionID: sessions[1].ID, EnrolmentID: es[0].ID, Status: data.Present},
		{SessionID: sessions[1].ID, EnrolmentID: es[1].ID, Status: data.Late, Time: "08:20"},
		{SessionID: sessions[1].ID, EnrolmentID: others[0].ID, Status: data.Present},
	}
	if err := s.SetMarks(ctx, batch); err == nil {
		t.Fatal("a batch with someone not enrolled was stored")
	}
	if marks, _ := s.Marks(ctx, sessions[1].ID); len(marks) != 0 {
		t.Errorf("a refused batch left %d marks", len(marks))
	}
	if err := s.SetMarks(ctx, batch[:2]); err != nil {
		t.Fatal(err)
	}
	marks, _ := s.Marks(ctx, sessions[1].ID)
	if len(marks) != 2 || marks[es[1].ID].Time != "08:20" {
		t.Errorf("marks = %v", marks)
	}
}

func TestRecapAndEligibilityFromTheDatabase(t *testing.T) {
	s := mustOpen(t, tempDB(t))
	ctx := context.Background()
	p, sessions, es := course(t, s, "E", 5, 4)
	// 5 sessions of 4 JP on 2–6 November. Person 0 misses one (80%), person 1 misses two (60%), person 2 is
	// sick twice, person 3 is a speaker who signs in nowhere.
	plan := map[int][]data.AttendanceStatus{
		0: {"H", "H", "T", "A", "H"},
		1: {"H", "A", "H", "A", "H"},
		2: {"H", "S", "S", "H", "H"},
	}
	var marks []*data.Mark
	for i, statuses := range plan {
		for si, st := range statuses {
			marks = append(marks, &data.Mark{SessionID: sessions[si].ID, EnrolmentID: es[i].ID, Status: st})
		}
	}
	if err := s.SetMarks(ctx, marks); err != nil {
		t.Fatal(err)
	}
	es[3].Role = data.RoleSpeaker
	s.UpdateEnrolment(ctx, es[3])
	after := date("2026-11-30")
	r, err := s.AttendanceRecap(ctx, p.ID, after)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Rows) != 3 || len(r.Sessions) != 5 || !r.Complete {
		t.Fatalf("recap %d × %d, complete %v", len(r.Rows), len(r.Sessions), r.Complete)
	}
	want := []struct {
		jp  int
		met bool
	}{{16, true}, {12, false}, {12, false}}
	for i, w := range want {
		if r.Rows[i].Rate.JPAttended != w.jp || r.Rows[i].Rate.JPScheduled != 20 || r.Rows[i].Met != w.met {
			t.Errorf("row %d (%s): %+v met %v, want %d of 20 JP, met %v", i, r.Rows[i].Name, r.Rows[i].Rate, r.Rows[i].Met, w.jp, w.met)
		}
	}
	if c := r.Counts[1]; c.Of(data.Absent) != 1 || c.Of(data.Sick) != 1 || c.Of(data.Present) != 1 {
		t.Errorf("session 2 counts %+v", c)
	}
	// Midway (4 November, session 3 not taken yet) only sessions 1 and 2 count.
	r, _ = s.AttendanceRecap(ctx, p.ID, date("2026-11-04"))
	if r.HeldCount() != 3 || r.Complete {
		t.Errorf("on 4 November: %d held (session 3 is marked), complete %v", r.HeldCount(), r.Complete)
	}

	p.ExcusedCountPresent = true
	p.PassScore = 70
	if err := s.UpdateProgram(ctx, p); err != nil {
		t.Fatal(err)
	}
	score := 75.0
	es[2].FinalScore = &score
	s.UpdateEnrolment(ctx, es[2])
	yes := true
	es[1].EligibleOverride, es[1].OverrideReason = &yes, "Tugas pengganti diterima"
	es[1].FinalScore = &score
	s.UpdateEnrolment(ctx, es[1])
	o, err := s.Outcomes(ctx, Scope{ProgramID: p.ID}, after)
	if err != nil || len(o.Enrolments) != 4 {
		t.Fatalf("Outcomes = %v, %v", o, err)
	}
	got := map[int64]data.Eligibility{}
	for _, x := range o.Enrolments {
		got[x.Enrolment.ID] = x.Eligibility
	}
	if e := got[es[0].ID]; e.State != data.NotEligible || !e.AttendanceMet || !e.Reasons.Has(data.ReasonScoreMissing) {
		t.Errorf("person 0 (80%%, no score): %+v", e)
	}
	if e := got[es[1].ID]; e.State != data.Eligible || e.AttendanceMet || e.Override == nil {
		t.Errorf("person 1 (60%%, override): %+v", e)
	}
	if e := got[es[2].ID]; e.State != data.Eligible || e.Attendance.JPAttended != 20 || !e.Complete {
		t.Errorf("person 2 (sick counted, score 75): %+v", e)
	}
	if e := got[es[3].ID]; e.AttendanceApplies || e.Score != nil || e.State != data.Eligible {
		t.Errorf("speaker without a score (speakers sit no test): %+v", e)
	}
}

func TestImportMarksIsIdempotentAndKeepsManualMarks(t *testing.T) {
	s := mustOpen(t, tempDB(t))
	ctx := context.Background()
	_, sessions, es := course(t, s, "I", 1, 4)
	x := sessions[0]
	s.SetMark(ctx, &data.Mark{SessionID: x.ID, EnrolmentID: es[3].ID, Status: data.Sick, Note: "surat dokter"})
	minutes := func(n int) *int { return &n }
	marks := func() []*data.Mark {
		return []*data.Mark{
			{EnrolmentID: es[0].ID, Status: data.Present, Minutes: minutes(200)},
			{EnrolmentID: es[1].ID, Status: data.Present, Minutes: minutes(170)},
			{EnrolmentID: es[3].ID, Status: data.Present, Minutes: minutes(30)},
		}
	}
	res, err := s.ImportMarks(ctx, x.ID, marks())
	if err != nil || res != (ImportResult{Added: 2, Kept: 1}) {
		t.Fatalf("first import = %+v, %v", res, err)
	}
	var before string
	s.db.QueryRow("SELECT group_concat(enrolment_id || status || COALESCE(minutes, '') || source || updated_at) FROM attendance").Scan(&before)
	time.Sleep(1100 * time.Millisecond) // updated_at has whole seconds: a rewrite would show
	res, err = s.ImportMarks(ctx, x.ID, marks())
	if err != nil || res != (ImportResult{Unchanged: 2, Kept: 1}) {
		t.Fatalf("second import = %+v, %v", res, err)
	}
	var after string
	s.db.QueryRow("SELECT group_concat(enrolment_id || status || COALESCE(minutes, '') || source || updated_at) FROM attendance").Scan(&after)
	if before != after {
		t.Errorf("importing the same marks again changed the table:\n%s\n%s", before, after)
	}
	m := marks()
	m[1].Minutes = minutes(90)
	m[1].Status = data.Late
	if res, _ := s.ImportMarks(ctx, x.ID, m); res != (ImportResult{Updated: 1, Unchanged: 1, Kept: 1}) {
		t.Errorf("changed report = %+v", res)
	}
	got, _ := s.Marks(ctx, x.ID)
	if got[es[3].ID].Status != data.Sick || got[es[1].ID].Status != data.Late || *got[es[1].ID].Minutes != 90 || got[es[0].ID].Source != data.SourceImport {
		t.Errorf("marks after imports: %+v %+v %+v", got[es[0].ID], got[es[1].ID], got[es[3].ID])
	}
}

func TestScheduleGenerateMoveDelete(t *testing.T) {
	s := mustOpen(t, tempDB(t))
	ctx := context.Background()
	p := sampleProgram("J") // 3 to 5 November, 24 JP
	p.EndDate, p.TotalJP = date("2026-11-06"), 30
	if err := s.CreateProgram(ctx, p); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SessionByNumber(ctx, p.ID, 1); data.ErrorKind(err) != data.KindNotFound || !strings.Contains(err.Error(), "belum memiliki sesi") {
		t.Errorf("session 1 of an empty schedule = %v", err)
	}
	// The coordinator already planned the 4th; generating fills the other days and spreads the JP left.
	fourth := &data.Session{ProgramID: p.ID, Date: date("2026-11-05"), Start: "08:00", End: "12:00", TimeZone: "WIB", Topic: "Kunjungan", JP: 6}
	s.CreateSession(ctx, fourth)
	made, err := s.GenerateSessions(ctx, p.ID, GenerateOptions{Start: "07:30", End: "15:00"})
	if err != nil || len(made) != 3 {
		t.Fatalf("GenerateSessions = %d, %v", len(made), err)
	}
	list, _ := s.Sessions(ctx, p.ID)
	var got []string
	for _, x := range list {
		got = append(got, fmt.Sprintf("%d %s %s %d %s", x.Number, data.FormatDate(x.Date), x.Start, x.JP, x.Topic))
	}
	want := []string{"1 2026-11-03 07:30 8 Hari ke-1", "2 2026-11-04 07:30 8 Hari ke-2", "3 2026-11-05 08:00 6 Kunjungan",
		"4 2026-11-06 07:30 8 Hari ke-4"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("schedule:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if made[2].Number != 4 {
		t.Errorf("the generated session of 6 November has number %d", made[2].Number)
	}
	if _, err := s.GenerateSessions(ctx, p.ID, GenerateOptions{}); data.ErrorKind(err) != data.KindConflict {
		t.Errorf("generating again = %v", err)
	}

	if err := s.MoveSession(ctx, fourth.ID, -2); err != nil {
		t.Fatal(err)
	}
	if x, _ := s.SessionByNumber(ctx, p.ID, 1); x.ID != fourth.ID {
		t.Errorf("after moving up twice, session 1 is %q", x.Topic)
	}
	s.MoveSession(ctx, fourth.ID, -5)
	s.MoveSession(ctx, fourth.ID, 10)
	if x, _ := s.SessionByNumber(ctx, p.ID, 4); x.ID != fourth.ID {
		t.Errorf("after moving past the end, session 4 is %q", x.Topic)
	}

	person := sampleParticipant()
	s.CreateParticipant(ctx, person)
	e, _ := s.Enrol(ctx, p.ID, person.ID, data.RoleParticipant)
	second, _ := s.SessionByNumber(ctx, p.ID, 2)
	s.SetMark(ctx, &data.Mark{SessionID: second.ID, EnrolmentID: e.ID, Status: data.Present})
	if err := s.DeleteSession(ctx, second.ID, false); data.ErrorKind(err) != data.KindConflict || !strings.Contains(err.Error(), "1 tanda hadir") {
		t.Errorf("deleting a session with marks = %v", err)
	}
	if err := s.DeleteSession(ctx, second.ID, true); err != nil {
		t.Fatal(err)
	}
	list, _ = s.Sessions(ctx, p.ID)
	for i, x := range list {
		if x.Number != i+1 {
			t.Errorf("after deleting, session %q has number %d at place %d", x.Topic, x.Number, i+1)
		}
	}
	if _, err := s.SessionByNumber(ctx, p.ID, 4); data.ErrorKind(err) != data.KindNotFound || !strings.Contains(err.Error(), "1 sampai 3") {
		t.Errorf("session 4 of 3 = %v", err)
	}
	if err := s.DeleteSession(ctx, 9999, true); data.ErrorKind(err) != data.KindNotFound {
		t.Errorf("deleting a missing session = %v", err)
	}
}

// BenchmarkAttendanceRecap measures the recap matrix of 500 participants × 20 sessions (10,000 marks) from
// the database: the budget is 50 ms.
func BenchmarkAttendanceRecap(b *testing.B) {
	s, err := Open(filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	p, sessions, es := course(b, s, "BENCH", 20, 500)
	statuses := []data.AttendanceStatus{"H", "H", "H", "H", "H", "H", "T", "I", "S", "A", "H", "DL", "H"}
	err = s.batch(ctx, func(tx *batchTx) error {
		for si, x := range sessions {
			for i, e := range es {
				if err := setMarkTx(ctx, tx, &data.Mark{SessionID: x.ID, EnrolmentID: e.ID, Status: statuses[(si*7+i)%len(statuses)]}); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	today := date("2026-12-31")
	b.ResetTimer()
	for b.Loop() {
		r, err := s.AttendanceRecap(ctx, p.ID, today)
		if err != nil || len(r.Rows) != 500 || len(r.Sessions) != 20 {
			b.Fatalf("recap %v", err)
		}
		r.Sort(data.ByRate, 0, false)
	}
}
