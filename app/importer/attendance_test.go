package importer

import (
	"context"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"

	"github.com/pembina/pembina/data"
	"github.com/pembina/pembina/data/store"
	"github.com/pembina/pembina/data/store/storetest"
)

func TestParseMinutes(t *testing.T) {
	tests := []struct {
		in   string
		want int
		ok   bool
	}{
		{"85", 85, true}, {" 120 ", 120, true}, {"85,5", 86, true}, {"85.4", 85, true}, {"1:25:00", 85, true}, {"1:25", 85, true},
		{"0:04:40", 5, true}, {"85 menit", 85, true}, {"1 jam 25 menit", 85, true}, {"1 hr 5 min", 65, true}, {"45 min", 45, true},
		{"0", 0, true}, {"", 0, false}, {"abc", 0, false}, {"-5", 0, false}, {"satu jam", 0, false}, {"1:75", 0, false},
		{"85 menit lebih", 0, false}, {"NaN", 0, false},
	}
	for _, tt := range tests {
		got, ok := parseMinutes(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("parseMinutes(%q) = %d, %v; want %d, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestPersonKeyAndNIPInText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Dra. Hj. Siti Aminah, M.Pd.", "siti aminah"},
		{"SITI AMINAH", "siti aminah"},
		{"015_Siti Aminah", "siti aminah"},
		{"Dr. Ir. H. Budi Santoso S.Pd M.Si", "budi santoso"},
		{"Andréa Kusuma (HP)", "andrea kusuma"},
		{"Prof. Dr. Hendra", "hendra"},
	}
	for _, tt := range tests {
		if got := personKey(tt.in); got != tt.want {
			t.Errorf("personKey(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	if got := nameCandidates("HP Samsung (Rina Marlina)"); strings.Join(got, "|") != "rina marlina|hp samsung" {
		t.Errorf("nameCandidates = %q", got)
	}
	for in, want := range map[string]string{
		"Budi_198609262015051001":       "198609262015051001",
		"Budi 19860926 201505 1 001 SD": "198609262015051001",
		"Budi 198609262015051000":       "", // serial 000: not a NIP
		"Budi 0812345678901234567":      "",
		"Budi":                          "",
	} {
		if got := nipInText(in); got != want {
			t.Errorf("nipInText(%q) = %q, want %q", in, got, want)
		}
	}
}

// webinar is a program with one 2-hour session (08:00–10:00 on 24 November 2026) and five participants, plus
// someone enrolled in another program.
type webinar struct {
	s        *store.Store
	session  *data.Session
	people   map[string]int64 // enrolment IDs by short name
	outsider *data.Participant
}

func newWebinar(t *testing.T) *webinar {
	t.Helper()
	ctx := context.Background()
	s := storetest.New(t)
	w := &webinar{s: s, people: map[string]int64{}}
	day := time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC)
	newProgram := func(code string) *data.Program {
		p := &data.Program{Code: code, Title: "Webinar Implementasi Kurikulum Merdeka", Kind: "Seminar/Konferensi", StartDate: day,
			EndDate: day, TotalJP: 3, AttendanceThreshold: 80, Delivery: "daring"}
		if err := s.CreateProgram(ctx, p); err != nil {
			t.Fatal(err)
		}
		return p
	}
	p, other := newProgram("WEB-1"), newProgram("WEB-2")
	w.session = &data.Session{ProgramID: p.ID, Date: day, Start: "08:00", End: "10:00", TimeZone: "WIB", JP: 3}
	if err := s.CreateSession(ctx, w.session); err != nil {
		t.Fatal(err)
	}
	add := func(key string, prog *data.Program, person *data.Participant) *data.Participant {
		if err := s.CreateParticipant(ctx, person); err != nil {
			t.Fatal(err)
		}
		e, err := s.Enrol(ctx, prog.ID, person.ID, data.RoleParticipant)
		if err != nil {
			t.Fatal(err)
		}
		w.people[key] = e.ID
		return person
	}
	add("siti", p, &data.Participant{Name: "Siti Aminah", FrontTitle: "Dra. Hj.", BackTitle: "M.Pd.", NIP: "196903091994032001", Email: "siti.aminah@guru.id"})
	add("budi", p, &data.Participant{Name: "Budi Santoso", NIP: "198609262015051001"})
	add("rina", p, &data.Participant{Name: "Rina Marlina", BackTitle: "S.Pd.", EmploymentStatus: "Non-ASN"})
	add("andrea", p, &data.Participant{Name: "Andréa Kusuma", EmploymentStatus: "Non-ASN", Email: "andrea@sekolah.id"})
	add("dewi1", p, &data.Participant{Name: "Dewi Lestari", EmploymentStatus: "Non-ASN"})
	add("dewi2", p, &data.Participant{Name: "Dewi Lestari", EmploymentStatus: "Non-ASN", Unit: "SD 2"})
	w.outsider = add("joko", other, &data.Participant{Name: "Joko Susilo", EmploymentStatus: "Non-ASN", Email: "joko@guru.id"})
	return w
}

const zoomReport = `Meeting ID,Topic,Start Time,End Time,User Email,Duration (Minutes),Participants
81234567890,Webinar Kurikulum Merdeka,11/24/2026 07:55:00 AM,11/24/2026 10:02:00 AM,panitia@disdik.go.id,127,9

Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest,Recording Consent,In Waiting Room
Panitia Disdik,panitia@disdik.go.id,11/24/2026 07:55:00 AM,11/24/2026 10:02:00 AM,127,No,Y,No
Bu Siti,SITI.AMINAH@guru.id,11/24/2026 07:58:00 AM,11/24/2026 09:00:00 AM,62,Yes,Y,No
Bu Siti,siti.aminah@guru.id,11/24/2026 09:05:00 AM,11/24/2026 10:00:00 AM,55,Yes,Y,No
012_Budi_198609262015051001,,11/24/2026 08:00:00 AM,11/24/2026 09:30:00 AM,90,Yes,Y,No
HP Samsung (Rina Marlina),,11/24/2026 08:10:00 AM,11/24/2026 09:10:00 AM,60,Yes,Y,No
Andréa Kusuma SDN 3 Sukamaju,,11/24/2026 08:01:00 AM,11/24/2026 10:00:00 AM,119,Yes,Y,No
Dewi Lestari,,11/24/2026 08:01:00 AM,11/24/2026 10:00:00 AM,119,Yes,Y,No
Joko,joko@guru.id,11/24/2026 08:01:00 AM,11/24/2026 10:00:00 AM,119,Yes,Y,No
iPhone,,11/24/2026 08:20:00 AM,11/24/2026 08:30:00 AM,10,Yes,Y,No
iPhone,,11/24/2026 08:40:00 AM,11/24/2026 08:45:00 AM,5,Yes,Y,No
`

func TestZoomReportMatchesAndSums(t *testing.T) {
	w := newWebinar(t)
	ctx := context.Background()
	path := write(t, "participants_81234567890.csv", []byte(zoomReport))
	a, err := planAttendance(ctx, w.s, path, w.session, 0, w.session.Date)
	if err != nil {
		t.Fatal(err)
	}
	if a.File.Kind != "zoom" || a.File.Topic != "Webinar Kurikulum Merdeka" || a.Need() != 90 || len(a.Warnings) != 0 {
		t.Errorf("report %q %q, need %d, warnings %v", a.File.Kind, a.File.Topic, a.Need(), a.Warnings)
	}
	got := map[int64]*AttendancePerson{}
	for _, p := range a.People {
		got[p.EnrolmentID] = p
	}
	tests := []struct {
		who     string
		minutes int
		by      string
		status  data.AttendanceStatus
		rows    string
	}{
		{"siti", 117, ByEmail, data.Present, "6,7"}, // two connections summed; email in capitals
		{"budi", 90, ByNIP, data.Present, "8"},      // exactly 75% of 120 minutes
		{"rina", 60, ByName, "", "9"},               // the original name in parentheses; short: coordinator decides
		{"andrea", 119, ByEmail, data.Present, "10"},
	}
	for _, tt := range tests {
		p := got[w.people[tt.who]]
		if tt.who == "andrea" {
			tt.by = ByName // no email in the report: the name that starts with hers
		}
		if p == nil {
			t.Errorf("%s not matched", tt.who)
			continue
		}
		var rows []string
		for _, r := range p.Rows {
			rows = append(rows, strconv.Itoa(r))
		}
		if p.Minutes != tt.minutes || p.MatchedBy != tt.by || p.Status != tt.status || strings.Join(rows, ",") != tt.rows {
			t.Errorf("%s: %d min by %s, status %q, rows %v; want %d by %s, %q, rows %s", tt.who, p.Minutes, p.MatchedBy, p.Status,
				rows, tt.minutes, tt.by, tt.status, tt.rows)
		}
	}
	if len(a.People) != 4 {
		t.Errorf("%d people matched, want 4", len(a.People))
	}
	reasons := map[string]string{}
	for _, u := range a.Unmatched {
		reasons[u.Name] = u.Reason
		if u.Name == "iPhone" && (u.Minutes != 15 || len(u.Rows) != 2) {
			t.Errorf("iPhone lines not grouped: %+v", u)
		}
	}
	if len(a.Unmatched) != 4 || !strings.Contains(reasons["Dewi Lestari"], "2 peserta") ||
		!strings.Contains(reasons["Joko"], "Joko Susilo: tercatat di Pembina, bukan peserta program ini") || !strings.Contains(reasons["iPhone"], "tidak cocok") {
		t.Errorf("unmatched: %v", reasons)
	}
	if a.Undecided() != 1 {
		t.Errorf("undecided %d, want Rina", a.Undecided())
	}

	// The coordinator matches the phone to Dewi (the first), leaves Rina late, and lowers the share.
	for i, u := range a.Unmatched {
		if u.Name == "iPhone" {
			if err := a.MatchByHand(i, w.people["dewi1"]); err != nil {
				t.Fatal(err)
			}
			break
		}
	}
	if err := a.MatchByHand(0, w.outsider.ID); err == nil {
		t.Error("matched a line to someone not on the roster")
	}
	for i, p := range a.People {
		if p.EnrolmentID == w.people["rina"] {
			a.Decide(i, data.Late)
		}
	}
	if err := a.SetShare(0.5); err != nil {
		t.Fatal(err)
	}
	if err := a.SetShare(1.5); err == nil {
		t.Error("a share of 150% was accepted")
	}
	res, err := a.Apply(ctx, w.s)
	if err != nil || res.Added != 4 {
		t.Fatalf("Apply = %+v, %v", res, err)
	}
	marks, _ := w.s.Marks(ctx, w.session.ID)
	want := map[string]data.AttendanceStatus{"siti": "H", "budi": "H", "rina": "T", "andrea": "H", "dewi1": "A"}
	for who, st := range want {
		m := marks[w.people[who]]
		if who == "dewi1" {
			if m != nil {
				t.Errorf("Dewi (15 minutes of 60 needed, not decided) was marked %q", m.Status)
			}
			continue
		}
		if m == nil || m.Status != st || m.Source != data.SourceImport || m.Minutes == nil {
			t.Errorf("%s: %+v, want %s from the import", who, m, st)
		}
	}

	// The same file again changes nothing.
	again, err := planAttendance(ctx, w.s, path, w.session, 0, w.session.Date)
	if err != nil {
		t.Fatal(err)
	}
	for i, p := range again.People {
		if p.EnrolmentID == w.people["rina"] {
			again.Decide(i, data.Late)
		}
	}
	res, err = again.Apply(ctx, w.s)
	if err != nil || res.Added != 0 || res.Updated != 0 || res.Unchanged != 4 {
		t.Errorf("second import = %+v, %v; want 4 unchanged", res, err)
	}
}

func TestPlainListsAndEncodings(t *testing.T) {
	w := newWebinar(t)
	ctx := context.Background()
	utf16, _ := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().Bytes([]byte("Nama\tEmail\tMenit\r\nAndréa Kusuma\t\t100\r\n"))
	cp1252, _ := charmap.Windows1252.NewEncoder().Bytes([]byte("Nama;Durasi (menit)\nAndréa Kusuma;1 jam 40 menit\n"))
	tests := []struct {
		name    string
		content []byte
		kind    string
	}{
		{"daftar.csv", []byte("NAMA;EMAIL;MENIT;NIP\r\nDra. Siti Aminah;;95;\r\nBudi;;100;19860926 201505 1 001\r\nAndréa Kusuma;;100;\r\n"), "list"},
		{"tanpa-judul.csv", []byte("Siti Aminah,siti.aminah@guru.id,95\nBudi Santoso,,100\nAndrea Kusuma,,100\n"), "list"},
		{"unicode.txt", utf16, "list"},
		{"windows.csv", cp1252, "list"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := planAttendance(ctx, w.s, write(t, tt.name, tt.content), w.session, 0, time.Time{})
			if err != nil {
				t.Fatal(err)
			}
			if a.File.Kind != tt.kind {
				t.Errorf("kind %q", a.File.Kind)
			}
			found := false
			for _, p := range a.People {
				if p.EnrolmentID == w.people["andrea"] {
					found = p.Minutes == 100 && p.Status == data.Present
				}
			}
			if !found || len(a.Unmatched) != 0 {
				t.Errorf("Andréa not matched with 100 minutes: %+v, unmatched %+v", a.People, a.Unmatched)
			}
		})
	}
}

func TestBadMeetingReports(t *testing.T) {
	w := newWebinar(t)
	ctx := context.Background()
	tests := []struct {
		name    string
		content []byte
		want    []string
	}{
		{"kolom.csv", []byte("No,Nama Sekolah,Kecamatan\n1,SDN 1,Cibeureum\n"),
			[]string{"tidak dikenali", `"Nama Sekolah"`, "Nama, Email, Menit"}},
		{"durasi.csv", []byte("Name (Original Name),User Email,Duration (Minutes)\nSiti,,abc\nBudi,,\nRina,,60\nAni,,satu jam\n"),
			[]string{"3 baris bermasalah", "baris 2 (Siti): kolom Duration (Minutes) berisi \"abc\"", "baris 3 (Budi): kolom Duration (Minutes) kosong",
				"baris 5 (Ani)", "belum ada yang disimpan"}},
		{"kosong-nama.csv", []byte("Nama,Email,Menit\n,,60\n"), []string{"baris 2: nama dan email kosong"}},
		{"judul-saja.csv", []byte("Nama,Email,Menit\n"), []string{"tidak memuat satu pun peserta"}},
		{"gambar.csv", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), []string{"bukan berkas .xlsx atau .csv"}},
		{"baris-kosong.csv", []byte("Nama,Email,Menit\n\nSiti,,60\n\nBudi,,x\n"), []string{"baris 5 (Budi)"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := planAttendance(ctx, w.s, write(t, tt.name, tt.content), w.session, 0, time.Time{})
			if data.ErrorKind(err) != data.KindInvalid {
				t.Fatalf("error = %v, want invalid", err)
			}
			for _, want := range tt.want {
				if !strings.Contains(err.Error(), want) {
					t.Errorf("%q lacks %q", err, want)
				}
			}
		})
	}
	if marks, _ := w.s.Marks(ctx, w.session.ID); len(marks) != 0 {
		t.Errorf("bad reports left %d marks", len(marks))
	}
}

func TestMeetingWarnings(t *testing.T) {
	w := newWebinar(t)
	report := strings.Replace(zoomReport, "11/24/2026 07:55:00 AM,11/24/2026 10:02:00 AM,panitia", "11/17/2026 07:55:00 AM,11/17/2026 10:02:00 AM,panitia", 1)
	a, err := planAttendance(context.Background(), w.s, write(t, "lama.csv", []byte(report)), w.session, 0, time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	all := strings.Join(a.Warnings, "; ")
	if !strings.Contains(all, "rapat tanggal 17 November 2026, sedangkan sesi 1 dijadwalkan 24 November 2026") || !strings.Contains(all, "belum berlangsung") {
		t.Errorf("warnings %q", all)
	}
	// A day/month export of the right day is not a mismatch.
	report = strings.Replace(zoomReport, "11/24/2026 07:55:00 AM,11/24/2026 10:02:00 AM,panitia", "24/11/2026 07:55,24/11/2026 10:02,panitia", 1)
	a, _ = planAttendance(context.Background(), w.s, write(t, "dm.csv", []byte(report)), w.session, 0, time.Time{})
	if len(a.Warnings) != 0 {
		t.Errorf("day/month date warned: %v", a.Warnings)
	}
}

func TestMeetingReportAsWorkbook(t *testing.T) {
	w := newWebinar(t)
	f := excelize.NewFile()
	rows := [][]any{
		{"Laporan Webinar Kurikulum Merdeka"},
		{},
		{"Nama", "Email", "NIP", "Durasi (menit)"},
		{"Siti", "", "196903091994032001", 100},
		{"Budi Santoso", "", "", 45.6},
		{"Budi Santoso", "", "", 60},
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		f.SetSheetRow("Sheet1", cell, &r)
	}
	path := filepath.Join(t.TempDir(), "hadir.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	a, err := planAttendance(context.Background(), w.s, path, w.session, 0, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	got := map[int64]int{}
	for _, p := range a.People {
		got[p.EnrolmentID] = p.Minutes
	}
	if got[w.people["siti"]] != 100 || got[w.people["budi"]] != 106 || len(a.Unmatched) != 0 {
		t.Errorf("minutes %v, unmatched %+v", got, a.Unmatched)
	}
	// The same NIP typed into a number cell has lost its last digits: refused with what to do.
	f.SetCellDefault("Sheet1", "C4", "1.96903091994032E+17") // as Excel stores it
	f.SaveAs(path)
	_, err = planAttendance(context.Background(), w.s, path, w.session, 0, time.Time{})
	if err == nil || !strings.Contains(err.Error(), "baris 4 (Siti): NIP tersimpan sebagai angka") {
		t.Errorf("numeric NIP = %v", err)
	}
}

// planAttendance reads a meeting report and plans it against the session, as the window and the command
// line do.
func planAttendance(ctx context.Context, s *store.Store, path string, session *data.Session, share float64, today time.Time) (*AttendancePlan, error) {
	f, err := ReadAttendance(path)
	if err != nil {
		return nil, err
	}
	return f.Plan(ctx, s, session, share, today)
}
