package store

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/pembina/pembina/data"
)

func date(s string) time.Time {
	t, err := time.Parse(data.DateLayout, s)
	if err != nil {
		panic(err)
	}
	return t
}

func sampleProgram(code string) *data.Program {
	return &data.Program{Code: code, Title: "Pelatihan Pemanfaatan Teknologi Digital dalam Pembelajaran",
		Kind: "Pelatihan Teknis", BudgetYear: 2026, StartDate: date("2026-11-03"), EndDate: date("2026-11-05"), TotalJP: 24,
		Organiser: "Dinas Pendidikan", Place: "Aula Dinas", AttendanceThreshold: 80}
}

func sampleParticipant() *data.Participant {
	return &data.Participant{NIP: "NIP. 19690309 199403 2 001", Name: "Siti Aminah", FrontTitle: "Dra.", BackTitle: "M.Pd.",
		RankCode: "Pembina (IV/a)", Position: "Guru Ahli Madya", Unit: "SMP Negeri 1 Sumedang", Agency: "Dinas Pendidikan"}
}

func TestProgramCRUDAndRules(t *testing.T) {
	s := mustOpen(t, tempDB(t))
	ctx := context.Background()
	p := sampleProgram("PTD-2026-I")
	if err := s.CreateProgram(ctx, p); err != nil {
		t.Fatal(err)
	}
	got, err := s.ProgramByCode(ctx, "ptd-2026-i")
	if err != nil || got.ID != p.ID || got.Status != data.StatusPlanned || got.Batch != 1 || !got.EndDate.Equal(p.EndDate) {
		t.Fatalf("ProgramByCode = %+v, %v", got, err)
	}
	got.Title = "Pelatihan TIK"
	got.PassScore = 70
	if err := s.UpdateProgram(ctx, got); err != nil {
		t.Fatal(err)
	}
	again, _ := s.Program(ctx, p.ID)
	if again.Title != "Pelatihan TIK" || again.PassScore != 70 {
		t.Errorf("after update: %+v", again)
	}
	rows, err := s.Programs(ctx, ProgramFilter{Search: "tik"})
	if err != nil || len(rows) != 1 {
		t.Errorf("search tik = %d rows, %v", len(rows), err)
	}

	bad := []struct {
		name  string
		edit  func(*data.Program)
		field string
		kind  data.Kind
	}{
		{"ends before it starts", func(p *data.Program) { p.EndDate = date("2026-11-01") }, "Tanggal selesai", data.KindInvalid},
		{"zero JP", func(p *data.Program) { p.TotalJP = 0 }, "Jumlah JP", data.KindInvalid},
		{"negative JP", func(p *data.Program) { p.TotalJP = -4 }, "Jumlah JP", data.KindInvalid},
		{"duplicate code", func(p *data.Program) { p.Code = "PTD-2026-I" }, "sudah dipakai", data.KindConflict},
		{"no title", func(p *data.Program) { p.Title = "  " }, "Nama program", data.KindInvalid},
		{"unknown kind", func(p *data.Program) { p.Kind = "Rapat" }, "Jenis", data.KindInvalid},
		{"threshold above 100", func(p *data.Program) { p.AttendanceThreshold = 120 }, "Batas kehadiran", data.KindInvalid},
		{"pattern without seq", func(p *data.Program) { p.NumberPattern = "800/BKPSDM/2026" }, "{seq}", data.KindInvalid},
	}
	for _, tt := range bad {
		t.Run(tt.name, func(t *testing.T) {
			p := sampleProgram("OTHER")
			tt.edit(p)
			err := s.CreateProgram(ctx, p)
			if err == nil || data.ErrorKind(err) != tt.kind || !strings.Contains(err.Error(), tt.field) {
				t.Errorf("CreateProgram = %v (kind %s), want %s about %q", err, data.ErrorKind(err), tt.kind, tt.field)
			}
		})
	}
}

func TestParticipantCRUD(t *testing.T) {
	s := mustOpen(t, tempDB(t))
	ctx := context.Background()
	p := sampleParticipant()
	if err := s.CreateParticipant(ctx, p); err != nil {
		t.Fatal(err)
	}
	got, err := s.ParticipantByNIP(ctx, "19690309 199403 2 001")
	if err != nil {
		t.Fatal(err)
	}
	if got.NIP != "196903091994032001" || got.RankCode != "IV/a" || got.Sex != "P" || got.EmploymentStatus != "PNS" ||
		data.FormatDate(got.BirthDate) != "1969-03-09" || got.FullName() != "Dra. Siti Aminah, M.Pd." {
		t.Errorf("stored participant = %+v", got)
	}
	twin := sampleParticipant()
	twin.Name = "Siti A."
	if err := s.CreateParticipant(ctx, twin); data.ErrorKind(err) != data.KindConflict || !strings.Contains(err.Error(), "sudah terdaftar") {
		t.Errorf("twin by NIP = %v, want a conflict", err)
	}
	bad := []struct {
		name  string
		p     data.Participant
		field string
	}{
		{"no name", data.Participant{NIP: "198609262015051001"}, "Nama"},
		{"NIP with letters", data.Participant{Name: "A", NIP: "19860926201505100X"}, "NIP"},
		{"NIP of 17 digits", data.Participant{Name: "A", NIP: "19860926201505100"}, "18 digit"},
		{"NIP of 19 digits", data.Participant{Name: "A", NIP: "1986092620150510011"}, "18 digit"},
		{"30 February", data.Participant{Name: "A", NIP: "198602302015051001"}, "tanggal lahir"},
		{"sex digit 3", data.Participant{Name: "A", NIP: "198609262015053001"}, "digit ke-15"},
		{"serial 000", data.Participant{Name: "A", NIP: "198609262015051000"}, "Excel"},
		{"non-ASN with NIP", data.Participant{Name: "A", NIP: "198609262015051001", EmploymentStatus: "Non-ASN"}, "Non-ASN"},
		{"PPPK NIP as PNS", data.Participant{Name: "A", NIP: "200012312024211001", EmploymentStatus: "PNS"}, "PPPK"},
		{"unknown rank", data.Participant{Name: "A", RankCode: "Kepala"}, "Pangkat"},
		{"bad email", data.Participant{Name: "A", Email: "budi@"}, "Email"},
		{"short NIK", data.Participant{Name: "A", NIK: "1234"}, "NIK"},
	}
	for _, tt := range bad {
		t.Run(tt.name, func(t *testing.T) {
			p := tt.p
			err := s.CreateParticipant(ctx, &p)
			if data.ErrorKind(err) != data.KindInvalid || !strings.Contains(err.Error(), tt.field) {
				t.Errorf("CreateParticipant = %v, want invalid about %q", err, tt.field)
			}
		})
	}
	nonASN := &data.Participant{Name: "Rina Marlina", Unit: "SD Swasta Harapan"}
	if err := s.CreateParticipant(ctx, nonASN); err != nil || nonASN.EmploymentStatus != "Non-ASN" {
		t.Errorf("non-ASN without NIP: %v, status %q", err, nonASN.EmploymentStatus)
	}
	got.Unit = "SMA Negeri 2 Sumedang"
	if err := s.UpdateParticipant(ctx, got); err != nil {
		t.Fatal(err)
	}
	if n, _ := s.CountParticipants(ctx, ParticipantFilter{Search: "sma negeri 2"}); n != 1 {
		t.Errorf("search by new unit found %d", n)
	}
	if err := s.DeleteParticipant(ctx, nonASN.ID); err != nil {
		t.Errorf("delete unenrolled participant: %v", err)
	}
}

func TestSearchIgnoresCaseAndAccents(t *testing.T) {
	s := mustOpen(t, tempDB(t))
	ctx := context.Background()
	for _, p := range []*data.Participant{
		{Name: "José Ramírez", Unit: "SMK Négeri 1"},
		{Name: "Ádi Nugroho", NIP: "198609262015051001"},
		{Name: "Budi Santoso", Unit: "SD 100% Ceria_1"},
	} {
		if err := s.CreateParticipant(ctx, p); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		q    string
		want int
	}{
		{"jose", 1}, {"RAMIREZ", 1}, {"josé ramírez", 1}, {"adi", 1}, {"negeri", 1}, {"smk 1", 1},
		{"19860926", 1}, {"19860926 201505", 1}, {"nugroho 1986", 1}, {"ceria_1", 1}, {"1986 nugroho", 1}, {"zzz", 0}, {"", 3},
	}
	for _, tt := range tests {
		n, err := s.CountParticipants(ctx, ParticipantFilter{Search: tt.q})
		if err != nil || n != tt.want {
			t.Errorf("search %q = %d, %v; want %d", tt.q, n, err, tt.want)
		}
		rows, err := s.ListParticipants(ctx, ParticipantFilter{Search: tt.q}, 0, 50)
		if err != nil || len(rows) != tt.want {
			t.Errorf("list %q = %d rows, %v; want %d", tt.q, len(rows), err, tt.want)
		}
	}
}

func TestEnrolmentSnapshotAndDeleteRules(t *testing.T) {
	s := mustOpen(t, tempDB(t))
	ctx := context.Background()
	p := sampleProgram("SNAP-1")
	s.CreateProgram(ctx, p)
	person := sampleParticipant()
	s.CreateParticipant(ctx, person)
	e, err := s.Enrol(ctx, p.ID, person.ID, data.RoleParticipant)
	if err != nil {
		t.Fatal(err)
	}
	if e.RankCode != "IV/a" || e.Unit != "SMP Negeri 1 Sumedang" {
		t.Errorf("snapshot = %+v", e)
	}
	if _, err := s.Enrol(ctx, p.ID, person.ID, data.RoleParticipant); data.ErrorKind(err) != data.KindConflict {
		t.Errorf("second enrolment = %v, want a conflict", err)
	}
	// Promotion after the program: the enrolment keeps the old rank.
	person.RankCode, person.Unit = "IV/b", "Dinas Pendidikan"
	if err := s.UpdateParticipant(ctx, person); err != nil {
		t.Fatal(err)
	}
	rows, err := s.Enrolments(ctx, p.ID)
	if err != nil || len(rows) != 1 || rows[0].RankCode != "IV/a" || rows[0].Name != "Dra. Siti Aminah, M.Pd." {
		t.Fatalf("Enrolments = %+v, %v", rows, err)
	}
	x := &data.Session{ProgramID: p.ID, Date: p.StartDate, Start: "08:00", End: "12:00", TimeZone: "WIB", JP: 4}
	if err := s.CreateSession(ctx, x); err != nil {
		t.Fatal(err)
	}
	if _, err := s.db.Exec("INSERT INTO attendance (session_id, enrolment_id, status) VALUES (?, ?, 'H')", x.ID, e.ID); err != nil {
		t.Fatal(err)
	}
	err = s.DeleteProgram(ctx, p.ID)
	if data.ErrorKind(err) != data.KindConflict || !strings.Contains(err.Error(), "arsipkan") {
		t.Errorf("DeleteProgram with attendance = %v, want a conflict suggesting archiving", err)
	}
	if err := s.SetProgramArchived(ctx, p.ID, true); err != nil {
		t.Fatal(err)
	}
	if rows, _ := s.Programs(ctx, ProgramFilter{}); len(rows) != 0 {
		t.Errorf("archived program still listed")
	}
	if rows, _ := s.Programs(ctx, ProgramFilter{IncludeArchived: true}); len(rows) != 1 || rows[0].Participants != 1 || rows[0].Sessions != 1 {
		t.Errorf("archived program with counts: %+v", rows)
	}
	if err := s.DeleteParticipant(ctx, person.ID); data.ErrorKind(err) != data.KindConflict {
		t.Errorf("deleting an enrolled participant = %v, want a conflict", err)
	}
	if err := s.DeleteSession(ctx, x.ID, false); data.ErrorKind(err) != data.KindConflict {
		t.Errorf("deleting a session with attendance = %v, want a conflict", err)
	}
	if err := s.DeleteSession(ctx, x.ID, true); err != nil {
		t.Errorf("forced delete: %v", err)
	}
	empty := sampleProgram("EMPTY-1")
	s.CreateProgram(ctx, empty)
	s.CreateSubject(ctx, &data.Subject{ProgramID: empty.ID, Name: "Literasi Digital", JP: 8})
	if err := s.DeleteProgram(ctx, empty.ID); err != nil {
		t.Errorf("deleting a program with only subjects: %v", err)
	}
}

func TestAttendanceMustMatchProgram(t *testing.T) {
	s := mustOpen(t, tempDB(t))
	ctx := context.Background()
	a, b := sampleProgram("A"), sampleProgram("B")
	s.CreateProgram(ctx, a)
	s.CreateProgram(ctx, b)
	person := sampleParticipant()
	s.CreateParticipant(ctx, person)
	e, _ := s.Enrol(ctx, a.ID, person.ID, data.RoleParticipant)
	x := &data.Session{ProgramID: b.ID, Date: b.StartDate, Start: "08:00", End: "09:00", TimeZone: "WIB", JP: 1}
	s.CreateSession(ctx, x)
	if _, err := s.db.Exec("INSERT INTO attendance (session_id, enrolment_id, status) VALUES (?, ?, 'H')", x.ID, e.ID); err == nil {
		t.Error("a mark for someone not enrolled in the session's program was stored")
	}
}

func TestSessionsSubjectsSignatoriesInstitution(t *testing.T) {
	s := mustOpen(t, tempDB(t))
	ctx := context.Background()
	p := sampleProgram("S-1")
	s.CreateProgram(ctx, p)
	sub := &data.Subject{ProgramID: p.ID, Name: "Literasi Digital", JP: 8}
	if err := s.CreateSubject(ctx, sub); err != nil || sub.Position != 1 {
		t.Fatalf("CreateSubject: %v, position %d", err, sub.Position)
	}
	for i, day := range []string{"2026-11-03", "2026-11-04"} {
		x := &data.Session{ProgramID: p.ID, Date: date(day), Start: "08:00", End: "15:30", TimeZone: "WIB", Topic: "Sesi",
			SubjectID: sub.ID, Speaker: "Dr. Hendra", JP: 8}
		if err := s.CreateSession(ctx, x); err != nil || x.Number != i+1 {
			t.Fatalf("CreateSession: %v, number %d", err, x.Number)
		}
	}
	badSession := &data.Session{ProgramID: p.ID, Date: date("2026-11-03"), Start: "10:00", End: "09:00", TimeZone: "WIB"}
	if err := s.CreateSession(ctx, badSession); data.ErrorKind(err) != data.KindInvalid {
		t.Errorf("session ending before it starts = %v", err)
	}
	list, _ := s.Sessions(ctx, p.ID)
	if len(list) != 2 || list[1].TimeLabel() != "08.00 – 15.30 WIB" {
		t.Errorf("Sessions = %+v", list)
	}
	g := &data.Signatory{Name: "Asep Sunandar", BackTitle: "S.Pd., M.M.", NIP: "197005121995031002", Position: "Kepala Dinas Pendidikan", Active: true}
	if err := s.CreateSignatory(ctx, g); err != nil {
		t.Fatal(err)
	}
	in, _ := s.Institution(ctx)
	in.Name, in.City, in.DefaultSignatoryID = "DINAS PENDIDIKAN", "Sumedang", g.ID
	if err := s.SaveInstitution(ctx, in); err != nil {
		t.Fatal(err)
	}
	who, err := s.ProgramSignatory(ctx, p.ID)
	if err != nil || who == nil || who.ID != g.ID || who.PositionLines()[0] != "KEPALA DINAS PENDIDIKAN," {
		t.Errorf("ProgramSignatory = %+v, %v", who, err)
	}
	in.TimeZone = "GMT"
	if err := s.SaveInstitution(ctx, in); data.ErrorKind(err) != data.KindInvalid {
		t.Errorf("time zone GMT accepted: %v", err)
	}
	if err := s.SetSetting(ctx, "language", "en"); err != nil {
		t.Fatal(err)
	}
	if v, _ := s.Setting(ctx, "language", "id"); v != "en" {
		t.Errorf("setting = %q", v)
	}
}

// TestSearchIndexFollowsChanges checks that the in-memory search index reloads after inserts, updates and
// deletes, including writes made through another connection of the same file.
func TestSearchIndexFollowsChanges(t *testing.T) {
	path := tempDB(t)
	s := mustOpen(t, path)
	ctx := context.Background()
	count := func(q string) int {
		n, err := s.CountParticipants(ctx, ParticipantFilter{Search: q})
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	p := &data.Participant{Name: "Wawan Hermawan"}
	s.CreateParticipant(ctx, p)
	if got := count("wawan"); got != 1 {
		t.Fatalf("after insert: %d", got)
	}
	p.Name = "Wawan Setiawan"
	s.UpdateParticipant(ctx, p)
	if count("hermawan") != 0 || count("setiawan") != 1 {
		t.Error("search still sees the old name after an update")
	}
	other := mustOpen(t, path)
	other.CreateParticipant(ctx, &data.Participant{Name: "Wawan Kusumah"})
	if got := count("wawan"); got != 2 {
		t.Errorf("a participant added by another connection is not found: %d", got)
	}
	s.DeleteParticipant(ctx, p.ID)
	if got := count("setiawan"); got != 0 {
		t.Errorf("a deleted participant is still found")
	}
	rows, _ := s.ListParticipants(ctx, ParticipantFilter{Search: "wawan"}, 0, 10)
	if len(rows) != 1 || rows[0].Name != "Wawan Kusumah" {
		t.Errorf("list = %+v", rows)
	}
}

func TestBulkEnrolAndMarks(t *testing.T) {
	s := mustOpen(t, tempDB(t))
	ctx := context.Background()
	p := sampleProgram("BULK-1")
	s.CreateProgram(ctx, p)
	var ids []int64
	for i := 0; i < 130; i++ {
		q := &data.Participant{Name: fmt.Sprintf("Peserta %d", i), RankCode: "III/a", Unit: "SD 1"}
		if err := s.CreateParticipant(ctx, q); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, q.ID)
	}
	var sessions []*data.Session
	for d := 0; d < 2; d++ {
		x := &data.Session{ProgramID: p.ID, Date: p.StartDate.AddDate(0, 0, d), Start: "08:00", End: "12:00", TimeZone: "WIB", JP: 4}
		s.CreateSession(ctx, x)
		sessions = append(sessions, x)
	}
	err := s.batch(ctx, func(b *batchTx) error {
		enrolled, err := enrolAllTx(ctx, b, p.ID, ids, data.RoleParticipant)
		if err != nil {
			return err
		}
		if len(enrolled) != len(ids) {
			t.Errorf("%d enrolments for %d people", len(enrolled), len(ids))
		}
		var marks []data.Mark
		for _, id := range ids {
			for _, x := range sessions {
				marks = append(marks, data.Mark{SessionID: x.ID, EnrolmentID: enrolled[id], Status: data.Present})
			}
		}
		return insertMarksTx(ctx, b, marks)
	})
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := s.Enrolments(ctx, p.ID)
	if len(rows) != 130 || rows[0].RankCode != "III/a" {
		t.Errorf("enrolments = %d, snapshot rank %q", len(rows), rows[0].RankCode)
	}
	marks, _ := s.Marks(ctx, sessions[1].ID)
	if len(marks) != 130 {
		t.Errorf("marks in session 2 = %d", len(marks))
	}
	err = s.batch(ctx, func(b *batchTx) error {
		_, err := enrolAllTx(ctx, b, p.ID, ids[:1], data.RoleParticipant)
		return err
	})
	if data.ErrorKind(err) != data.KindConflict {
		t.Errorf("enrolling again = %v, want a conflict", err)
	}
	err = s.batch(ctx, func(b *batchTx) error {
		return insertMarksTx(ctx, b, []data.Mark{{SessionID: sessions[0].ID, EnrolmentID: rows[0].ID, Status: data.Absent}})
	})
	if data.ErrorKind(err) != data.KindConflict {
		t.Errorf("a second mark for the same session = %v, want a conflict", err)
	}
}
