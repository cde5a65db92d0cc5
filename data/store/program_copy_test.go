package store

import (
	"context"
	"strings"
	"testing"

	"github.com/pembina/pembina/data"
)

func TestSaveProgramWithSubjects(t *testing.T) {
	s := mustOpen(t, tempDB(t))
	ctx := context.Background()
	p := sampleProgram("PTD-I/2026")
	subjects := []data.Subject{{Name: "Literasi Digital", JP: 10}, {Name: "Konten Ajar", JP: 10}}
	err := s.SaveProgram(ctx, p, subjects)
	if !data.IsKind(err, data.KindInvalid) || !strings.Contains(err.Error(), "(20)") || !strings.Contains(err.Error(), "(24)") {
		t.Fatalf("20 JP of subjects for a 24 JP program: %v", err)
	}
	if rows, _ := s.Programs(ctx, ProgramFilter{}); len(rows) != 0 {
		t.Fatal("a refused program was stored")
	}
	subjects[1].JP = 14
	if err := s.SaveProgram(ctx, p, subjects); err != nil || p.ID == 0 {
		t.Fatalf("save: %v (id %d)", err, p.ID)
	}
	got, _ := s.Subjects(ctx, p.ID)
	if len(got) != 2 || got[1].Name != "Konten Ajar" || got[1].Position != 2 {
		t.Fatalf("subjects = %+v", got)
	}
	// Edit: drop the first, rename the second, add a third; a session taught by the dropped one keeps its topic.
	x := &data.Session{ProgramID: p.ID, Date: p.StartDate, Start: "08:00", End: "10:00", TimeZone: "WIB", Topic: "Literasi", SubjectID: got[0].ID, JP: 2}
	if err := s.CreateSession(ctx, x); err != nil {
		t.Fatal(err)
	}
	edited := []data.Subject{{ID: got[1].ID, Name: "Konten Ajar Interaktif", JP: 14}, {Name: "Asesmen", JP: 10}}
	if err := s.SaveProgram(ctx, p, edited); err != nil {
		t.Fatal(err)
	}
	got, _ = s.Subjects(ctx, p.ID)
	if len(got) != 2 || got[0].ID != edited[0].ID || got[0].Name != "Konten Ajar Interaktif" || got[1].Name != "Asesmen" || got[1].Position != 2 {
		t.Fatalf("after edit: %+v", got)
	}
	if again, _ := s.Session(ctx, x.ID); again.SubjectID != 0 || again.Topic != "Literasi" {
		t.Errorf("session after its subject went: %+v", again)
	}
	// A code in use is a conflict naming the code; dates out of order are invalid.
	other := sampleProgram("PTD-I/2026")
	if err := s.SaveProgram(ctx, other, nil); !data.IsKind(err, data.KindConflict) || !strings.Contains(err.Error(), "PTD-I/2026") {
		t.Errorf("duplicate code: %v", err)
	}
	other.Code = "PTD-X"
	other.EndDate = other.StartDate.AddDate(0, 0, -1)
	if err := s.SaveProgram(ctx, other, nil); !data.IsKind(err, data.KindInvalid) || !strings.Contains(err.Error(), "Tanggal selesai") {
		t.Errorf("end before start: %v", err)
	}
}

func TestCopyProgramForNextBatch(t *testing.T) {
	s := mustOpen(t, tempDB(t))
	ctx := context.Background()
	p := sampleProgram("PTD-I/2026")
	p.Status = data.StatusFinished
	subjects := []data.Subject{{Name: "Literasi Digital", JP: 12}, {Name: "Konten Ajar", JP: 12}}
	if err := s.SaveProgram(ctx, p, subjects); err != nil {
		t.Fatal(err)
	}
	stored, _ := s.Subjects(ctx, p.ID)
	for i, d := range []string{"2026-11-03", "2026-11-04", "2026-11-05"} {
		x := &data.Session{ProgramID: p.ID, Date: date(d), Start: "08:00", End: "12:00", TimeZone: "WIB", Topic: "Sesi",
			SubjectID: stored[i%2].ID, JP: 8}
		if err := s.CreateSession(ctx, x); err != nil {
			t.Fatal(err)
		}
	}
	person := sampleParticipant()
	if err := s.CreateParticipant(ctx, person); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Enrol(ctx, p.ID, person.ID, data.RoleParticipant); err != nil {
		t.Fatal(err)
	}
	if _, err := s.db.ExecContext(ctx, "UPDATE certificate_design SET title = 'STTP KHUSUS', issue_date = '2026-11-06' WHERE program_id = ?", p.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.db.ExecContext(ctx, `INSERT INTO form (title, kind) VALUES ('Evaluasi', 'organisation');
		INSERT INTO program_form (program_id, form_id, level, opens_on, closes_on) VALUES (?, last_insert_rowid(), 1, '2026-11-05', '2026-11-12')`, p.ID); err != nil {
		t.Fatal(err)
	}

	proposal, err := s.ProposeBatchCopy(ctx, p, date("2027-02-01"))
	if err != nil || proposal.Batch != 1 || proposal.Code != "PTD-I/2027" {
		t.Fatalf("proposal into 2027 = %+v, %v", proposal, err)
	}
	proposal, err = s.ProposeBatchCopy(ctx, p, date("2026-12-07"))
	if err != nil || proposal.Batch != 2 || proposal.Code != "PTD-II/2026" {
		t.Fatalf("proposal in 2026 = %+v, %v", proposal, err)
	}
	c, err := s.CopyProgram(ctx, p.ID, proposal)
	if err != nil {
		t.Fatal(err)
	}
	if c.Code != "PTD-II/2026" || c.Batch != 2 || c.Status != data.StatusPlanned || !c.StartDate.Equal(date("2026-12-07")) ||
		!c.EndDate.Equal(date("2026-12-09")) || c.TotalJP != p.TotalJP || c.Title != p.Title || c.Place != p.Place {
		t.Errorf("copy = %+v", c)
	}
	newSubjects, _ := s.Subjects(ctx, c.ID)
	if len(newSubjects) != 2 || newSubjects[0].Name != "Literasi Digital" || newSubjects[0].ID == stored[0].ID {
		t.Errorf("copied subjects = %+v", newSubjects)
	}
	sessions, _ := s.Sessions(ctx, c.ID)
	wantDates := []string{"2026-12-07", "2026-12-08", "2026-12-09"}
	if len(sessions) != 3 {
		t.Fatalf("%d sessions copied", len(sessions))
	}
	for i, x := range sessions {
		if data.FormatDate(x.Date) != wantDates[i] || x.SubjectID != newSubjects[i%2].ID || x.Number != i+1 {
			t.Errorf("session %d = %+v, want date %s and the copied subject", i, x, wantDates[i])
		}
	}
	if rows, _ := s.Enrolments(ctx, c.ID); len(rows) != 0 {
		t.Errorf("participants were copied: %d", len(rows))
	}
	var title string
	var issue any
	s.db.QueryRowContext(ctx, "SELECT title, issue_date FROM certificate_design WHERE program_id = ?", c.ID).Scan(&title, &issue)
	if title != "STTP KHUSUS" || issue != nil {
		t.Errorf("certificate design copied as %q, issue date %v", title, issue)
	}
	var opens, closes string
	s.db.QueryRowContext(ctx, "SELECT opens_on, closes_on FROM program_form WHERE program_id = ?", c.ID).Scan(&opens, &closes)
	if opens != "2026-12-09" || closes != "2026-12-16" {
		t.Errorf("form dates copied as %s to %s", opens, closes)
	}
	// The next proposal counts the copy; copying to a code in use is a conflict and writes nothing.
	if again, _ := s.ProposeBatchCopy(ctx, c, date("2026-12-20")); again.Batch != 3 || again.Code != "PTD-III/2026" {
		t.Errorf("third batch proposal = %+v", again)
	}
	if _, err := s.CopyProgram(ctx, p.ID, proposal); !data.IsKind(err, data.KindConflict) {
		t.Errorf("copy onto a used code: %v", err)
	}
	if rows, _ := s.Programs(ctx, ProgramFilter{}); len(rows) != 2 {
		t.Errorf("%d programs after a refused copy", len(rows))
	}
}

func TestParticipantHistory(t *testing.T) {
	s := mustOpen(t, tempDB(t))
	ctx := context.Background()
	person := sampleParticipant()
	if err := s.CreateParticipant(ctx, person); err != nil {
		t.Fatal(err)
	}
	// add makes a one-day program with one session of all its JP, the person enrolled and marked so.
	add := func(code, start string, jp int, status data.ProgramStatus, withdrawn bool, mark data.AttendanceStatus) *data.Enrolment {
		p := sampleProgram(code)
		p.Title += " " + strings.TrimRight(code, "0123456789") // B and B2 are the same course, the others differ
		p.StartDate, p.EndDate, p.TotalJP, p.Status = date(start), date(start), jp, status
		p.BudgetYear = p.StartDate.Year()
		if err := s.CreateProgram(ctx, p); err != nil {
			t.Fatal(err)
		}
		x := &data.Session{ProgramID: p.ID, Date: p.StartDate, Start: "08:00", End: "16:00", TimeZone: "WIB", JP: jp}
		if err := s.CreateSession(ctx, x); err != nil {
			t.Fatal(err)
		}
		e, err := s.Enrol(ctx, p.ID, person.ID, data.RoleParticipant)
		if err != nil {
			t.Fatal(err)
		}
		if mark != "" {
			if err := s.SetMark(ctx, &data.Mark{SessionID: x.ID, EnrolmentID: e.ID, Status: mark}); err != nil {
				t.Fatal(err)
			}
		}
		if withdrawn {
			e.Withdrawn = true
			if err := s.UpdateEnrolment(ctx, e); err != nil {
				t.Fatal(err)
			}
		}
		return e
	}
	add("A", "2025-05-01", 12, data.StatusFinished, false, data.Present)
	add("B", "2026-03-01", 16, data.StatusFinished, false, data.Late)
	add("C", "2026-06-01", 8, data.StatusFinished, true, data.Present)
	add("D", "2026-12-01", 8, data.StatusPlanned, false, "")
	// E was finished but the person was away: it earns nothing, until the coordinator decides otherwise.
	e := add("E", "2026-04-01", 6, data.StatusFinished, false, data.Absent)
	today := date("2026-11-28")
	records, err := s.ParticipantHistory(ctx, person.ID, today)
	if err != nil || len(records) != 5 {
		t.Fatalf("history = %d records, %v", len(records), err)
	}
	if records[0].Code != "D" || records[4].Code != "A" || !records[1].Withdrawn || records[3].ProgramJP != 16 || !records[3].Completed || records[2].Completed {
		t.Errorf("history order or fields: %+v", records)
	}
	years := data.JPByYear(records)
	if len(years) != 2 || years[0].Year != 2026 || years[0].JP != 16 || years[0].Programs != 1 || years[0].Pending != 1 || years[1].JP != 12 {
		t.Errorf("JP by year = %+v", years)
	}

	yes := true
	e.EligibleOverride, e.OverrideReason = &yes, "Tugas pengganti diselesaikan"
	if err := s.UpdateEnrolment(ctx, e); err != nil {
		t.Fatal(err)
	}
	records, _ = s.ParticipantHistory(ctx, person.ID, today)
	if years = data.JPByYear(records); years[0].JP != 22 || years[0].Programs != 2 {
		t.Errorf("after the coordinator's decision, 2026 = %+v; want 22 JP from 2 programs", years[0])
	}

	// The same course (title and subjects) completed again in the year: its JP count once.
	b2 := add("B2", "2026-09-01", 16, data.StatusFinished, false, data.Present)
	records, _ = s.ParticipantHistory(ctx, person.ID, today)
	years = data.JPByYear(records)
	for _, r := range records {
		if r.EnrolmentID == b2.ID && (r.RepeatOf == 0 || r.EarnedJP() != 0 || !r.Completed) {
			t.Errorf("B2 repeats B: %+v", r)
		}
	}
	if years[0].JP != 22 || years[0].Programs != 2 {
		t.Errorf("with the course repeated, 2026 = %+v; want 22 JP from 2 programs", years[0])
	}
}

func TestEnrolNIPs(t *testing.T) {
	s := mustOpen(t, tempDB(t))
	ctx := context.Background()
	p := sampleProgram("X")
	if err := s.CreateProgram(ctx, p); err != nil {
		t.Fatal(err)
	}
	person := sampleParticipant()
	if err := s.CreateParticipant(ctx, person); err != nil {
		t.Fatal(err)
	}
	lines := []string{"NIP. 19690309 199403 2 001", "", "198609262015051001", "1.98609E+17", "196903091994032001"}
	res, err := s.EnrolNIPs(ctx, p.ID, lines, data.RoleParticipant)
	if err != nil {
		t.Fatal(err)
	}
	if res.Added != 1 || res.Already != 0 || len(res.Unknown) != 1 || res.Unknown[0] != "19860926 201505 1 001" ||
		len(res.Invalid) != 1 || !strings.Contains(res.Invalid[0], "Teks") {
		t.Errorf("EnrolNIPs = %+v", res)
	}
	res, _ = s.EnrolNIPs(ctx, p.ID, lines[:1], data.RoleParticipant)
	if res.Added != 0 || res.Already != 1 {
		t.Errorf("second time = %+v", res)
	}
	byNIP, err := s.ParticipantsByNIP(ctx, []string{"196903091994032001", "198609262015051001"})
	if err != nil || len(byNIP) != 1 || byNIP["196903091994032001"].Name != "Siti Aminah" {
		t.Errorf("ParticipantsByNIP = %v, %v", byNIP, err)
	}
}
