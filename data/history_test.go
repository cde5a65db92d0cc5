package data

import (
	"strings"
	"testing"
	"time"
)

// day parses a date of the tests in this package.
func day(s string) time.Time {
	t, err := time.Parse(DateLayout, s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestEarnedJPAndJPByYear(t *testing.T) {
	rec := func(end string, jp int, status ProgramStatus, role EnrolmentRole, withdrawn, completed bool) TrainingRecord {
		return TrainingRecord{EndDate: day(end), ProgramJP: jp, Status: status, Role: role, Withdrawn: withdrawn, Completed: completed,
			Ended: end < "2026-11-28"}
	}
	records := []TrainingRecord{
		rec("2025-03-10", 12, StatusFinished, RoleParticipant, false, true),
		rec("2025-08-01", 6, StatusFinished, RoleParticipant, false, true),
		rec("2026-01-02", 24, StatusFinished, RoleParticipant, false, true), // began 29-12-2025, counts for 2026
		rec("2026-05-05", 30, StatusFinished, RoleParticipant, true, false), // withdrawn
		rec("2026-06-05", 16, StatusFinished, RoleSpeaker, false, false),    // a speaker earns nothing (the rule says so)
		rec("2026-07-05", 8, StatusCancelled, RoleParticipant, false, false),
		rec("2026-12-20", 16, StatusPlanned, RoleParticipant, false, false),
		rec("2024-02-02", 20, StatusFinished, RoleParticipant, false, true),
		// Finished but not completed (attendance below the threshold, or the pass score missed): since the JP
		// rule follows the certificate rules, this program no longer counts; before, every finished program did.
		rec("2026-09-09", 10, StatusFinished, RoleParticipant, false, false),
		// Left running after its last session: the rule says completed, so its JP count.
		rec("2026-10-10", 4, StatusRunning, RoleParticipant, false, true),
	}
	wantEarned := []int{12, 6, 24, 0, 0, 0, 0, 20, 0, 4}
	for i, r := range records {
		if got := r.EarnedJP(); got != wantEarned[i] {
			t.Errorf("record %d EarnedJP = %d, want %d", i, got, wantEarned[i])
		}
	}
	got := JPByYear(records)
	want := []YearJP{{Year: 2026, JP: 28, Programs: 2, Pending: 1}, {Year: 2025, JP: 18, Programs: 2}, {Year: 2024, JP: 20, Programs: 1}}
	if len(got) != len(want) {
		t.Fatalf("JPByYear = %+v, want %+v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("year %d = %+v, want %+v", i, got[i], want[i])
		}
	}
	reached := []bool{true, false, true}
	short := []int{0, 2, 0}
	for i, y := range got {
		if y.Reached() != reached[i] || y.Shortfall() != short[i] {
			t.Errorf("%d: reached %v shortfall %d, want %v %d", y.Year, y.Reached(), y.Shortfall(), reached[i], short[i])
		}
	}
	if len(JPByYear(nil)) != 0 {
		t.Error("no records should give no years")
	}
}

func TestNextBatchCode(t *testing.T) {
	tests := []struct {
		code                       string
		from, to, fromYear, toYear int
		want                       string
	}{
		{"PTD-I/2026", 1, 2, 2026, 2026, "PTD-II/2026"},
		{"PTD-2026-I", 1, 2, 2026, 2026, "PTD-2026-II"},
		{"BIMTEK-III", 3, 4, 2026, 2026, "BIMTEK-IV"},
		{"ptd-ii/2026", 2, 3, 2026, 2026, "ptd-III/2026"},
		{"PTD-II/2026", 2, 1, 2026, 2027, "PTD-I/2027"},
		{"PTD-I/2026", 1, 1, 2026, 2027, "PTD-I/2027"},
		{"LAT.2026.1", 1, 2, 2026, 2026, "LAT.2026.2"},
		{"BIMTEK/2026", 1, 2, 2026, 2026, "BIMTEK/2026-II"},
		{"I-PTD-I", 1, 2, 2026, 2026, "I-PTD-II"},
		{"PKP-IX 2026", 9, 10, 2026, 2026, "PKP-X 2026"},
	}
	for _, tt := range tests {
		if got := NextBatchCode(tt.code, tt.from, tt.to, tt.fromYear, tt.toYear); got != tt.want {
			t.Errorf("NextBatchCode(%q, %d→%d, %d→%d) = %q, want %q", tt.code, tt.from, tt.to, tt.fromYear, tt.toYear, got, tt.want)
		}
	}
}

func TestSubjectJPError(t *testing.T) {
	subjects := []Subject{{Name: "A", JP: 6}, {Name: "B", JP: 8}, {Name: "C", JP: 10}}
	if err := SubjectJPError(24, subjects); err != nil {
		t.Errorf("24 of 24: %v", err)
	}
	if err := SubjectJPError(30, nil); err != nil {
		t.Errorf("no subjects: %v", err)
	}
	err := SubjectJPError(30, subjects)
	if !IsKind(err, KindInvalid) || !contains(err.Error(), "(24)") || !contains(err.Error(), "(30)") {
		t.Errorf("24 of 30: %v", err)
	}
}

func contains(s, sub string) bool { return strings.Contains(s, sub) }

func TestSplitTitles(t *testing.T) {
	tests := []struct{ in, front, name, back string }{
		{"Dr. H. Asep Saepudin, M.Pd.", "Dr. H.", "Asep Saepudin", "M.Pd."},
		{"Siti Aminah, S.Pd., M.Pd.", "", "Siti Aminah", "S.Pd., M.Pd."},
		{"  Dra.  Hj. Euis   Komariah, M.M. ", "Dra. Hj.", "Euis Komariah", "M.M."},
		{"Moh. Rizki Pratama", "", "Moh. Rizki Pratama", ""},
		{"Drs Ujang Suryana", "Drs", "Ujang Suryana", ""},
		{"H Sutrisno", "", "H Sutrisno", ""},
		{"dr. Rina Marlina, Sp.A.", "dr.", "Rina Marlina", "Sp.A."},
		{"Budi", "", "Budi", ""},
		{"Dr.", "", "Dr.", ""},
	}
	for _, tt := range tests {
		f, n, b := SplitTitles(tt.in)
		if f != tt.front || n != tt.name || b != tt.back {
			t.Errorf("SplitTitles(%q) = %q, %q, %q; want %q, %q, %q", tt.in, f, n, b, tt.front, tt.name, tt.back)
		}
	}
	if f, b := SplitTitleWords("Dr. S.Pd., M.Pd."); f != "Dr." || b != "S.Pd., M.Pd." {
		t.Errorf("SplitTitleWords = %q, %q", f, b)
	}
}

func TestNormalizeEmploymentStatus(t *testing.T) {
	tests := []struct {
		in, want string
		ok       bool
	}{
		{"pns", "PNS", true}, {"P3K", "PPPK", true}, {"Honorer", "Non-ASN", true}, {"PPPK Paruh Waktu", "PPPK Paruh Waktu", true},
		{"Non-ASN", "Non-ASN", true}, {"", "", true}, {"pensiunan", "", false}, {"CPNS", "CPNS", true},
	}
	for _, tt := range tests {
		if got, ok := NormalizeEmploymentStatus(tt.in); got != tt.want || ok != tt.ok {
			t.Errorf("NormalizeEmploymentStatus(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

// The same course completed twice in a year counts once; in another year, or another course, it counts again.
func TestCourseRepeats(t *testing.T) {
	course := CourseKey("Pelatihan Teknologi Digital", []string{"Pengantar", "Praktik Aplikasi"})
	if other := CourseKey(" pelatihan  teknologi DIGITAL ", []string{"praktik aplikasi", "Pengantar"}); other != course {
		t.Errorf("the same course spelt otherwise: %q, %q", course, other)
	}
	if CourseKey("Pelatihan Teknologi Digital", []string{"Pengantar"}) == course {
		t.Error("other subjects make another course")
	}
	records := []TrainingRecord{
		{EnrolmentID: 1, EndDate: day("2026-03-01"), ProgramJP: 20, Role: RoleParticipant, Completed: true, Ended: true, Course: course},
		{EnrolmentID: 2, EndDate: day("2026-09-01"), ProgramJP: 20, Role: RoleParticipant, Completed: true, Ended: true, Course: course},
		{EnrolmentID: 3, EndDate: day("2025-09-01"), ProgramJP: 20, Role: RoleParticipant, Completed: true, Ended: true, Course: course},
		{EnrolmentID: 4, EndDate: day("2026-10-01"), ProgramJP: 8, Role: RoleParticipant, Completed: true, Ended: true, Course: "other"},
	}
	years := JPByYear(records)
	if years[0].JP != 28 || years[0].Programs != 2 || years[1].JP != 20 {
		t.Errorf("JP by year %+v", years)
	}
	if records[1].RepeatOf != 1 || records[0].RepeatOf != 0 || records[2].RepeatOf != 0 || records[1].EarnedJP() != 0 {
		t.Errorf("repeats %+v", records)
	}
}
