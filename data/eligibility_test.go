package data

import (
	"math"
	"strings"
	"testing"
	"time"
)

// rateOf adds held sessions of the given JP with the given marks.
func rateOf(jp []int, marks []AttendanceStatus, excused bool) AttendanceRate {
	var r AttendanceRate
	for i := range jp {
		r.Add(jp[i], marks[i], excused)
	}
	return r
}

func TestAttendanceRate(t *testing.T) {
	const H, T, I, S, DL, C, A, none = Present, Late, Leave, Sick, Duty, Holiday, Absent, AttendanceStatus("")
	tests := []struct {
		name       string
		jp         []int
		marks      []AttendanceStatus
		excused    bool
		byJP       float64 // NaN: undefined
		bySessions float64
		meets80    bool
	}{
		// JP-weighted: missing the 2-JP session keeps 8 of 10 JP (80%, met) although only 2 of 3 sessions.
		{"misses a short session", []int{4, 2, 4}, []AttendanceStatus{H, A, H}, false, 0.8, 2.0 / 3, true},
		{"misses a long session", []int{4, 2, 4}, []AttendanceStatus{A, H, T}, false, 0.6, 2.0 / 3, false},
		{"late counts as present", []int{4, 4, 4, 4, 4}, []AttendanceStatus{T, T, H, T, A}, false, 0.8, 0.8, true},
		// The excused rule: I, S and DL count only when the program says so; C and A never.
		{"sick, excused not counted", []int{4, 2, 4}, []AttendanceStatus{S, H, H}, false, 0.6, 2.0 / 3, false},
		{"sick, excused counted", []int{4, 2, 4}, []AttendanceStatus{S, H, H}, true, 1, 1, true},
		{"leave and duty counted", []int{3, 3, 3, 3}, []AttendanceStatus{I, DL, H, H}, true, 1, 1, true},
		{"annual leave never counts", []int{4, 2, 4}, []AttendanceStatus{C, H, H}, true, 0.6, 2.0 / 3, false},
		{"unmarked counts as absent", []int{4, 2, 4}, []AttendanceStatus{none, H, H}, false, 0.6, 2.0 / 3, false},
		// Sessions without JP (an opening ceremony): the rate falls back to sessions when no JP was held.
		{"only 0-JP sessions held", []int{0, 0}, []AttendanceStatus{H, A}, false, math.NaN(), 0.5, false},
		{"0-JP session missed", []int{0, 4, 4}, []AttendanceStatus{A, H, H}, false, 1, 2.0 / 3, true},
		{"no sessions yet", nil, nil, false, math.NaN(), math.NaN(), false},
		{"79 of 100 JP", []int{79, 21}, []AttendanceStatus{H, A}, false, 0.79, 0.5, false},
	}
	for _, tt := range tests {
		r := rateOf(tt.jp, tt.marks, tt.excused)
		if !sameRate(r.ByJP(), tt.byJP) || !sameRate(r.BySessions(), tt.bySessions) {
			t.Errorf("%s: ByJP %v, BySessions %v; want %v, %v", tt.name, r.ByJP(), r.BySessions(), tt.byJP, tt.bySessions)
		}
		if got := r.Meets(80); got != tt.meets80 {
			t.Errorf("%s: Meets(80) = %v, want %v (%+v)", tt.name, got, tt.meets80, r)
		}
	}
	if r := rateOf([]int{4, 2, 4}, []AttendanceStatus{S, none, I}, false); r.Excused != 2 || r.Unmarked != 1 {
		t.Errorf("excused %d and unmarked %d, want 2 and 1", r.Excused, r.Unmarked)
	}
}

func sameRate(a, b float64) bool {
	if math.IsNaN(a) || math.IsNaN(b) {
		return math.IsNaN(a) && math.IsNaN(b)
	}
	return math.Abs(a-b) < 1e-9
}

func TestSessionHeld(t *testing.T) {
	today := time.Date(2026, 11, 28, 15, 30, 0, 0, time.UTC) // the clock must not matter
	tests := []struct {
		date   string
		marked bool
		want   bool
	}{
		{"2026-11-27", false, true},  // yesterday, forgotten: counts, as absence
		{"2026-11-28", false, false}, // today, not taken yet
		{"2026-11-28", true, true},   // today, taken
		{"2026-11-29", true, false},  // tomorrow never counts
		{"2026-12-01", false, false},
	}
	for _, tt := range tests {
		if got := SessionHeld(day(tt.date), today, tt.marked); got != tt.want {
			t.Errorf("SessionHeld(%s, marked %v) = %v, want %v", tt.date, tt.marked, got, tt.want)
		}
	}
}

func TestDecideEligibility(t *testing.T) {
	const H, A = Present, Absent
	score := func(f float64) *float64 { return &f }
	yes, no := true, false
	good := rateOf([]int{4, 4, 4, 4, 4}, []AttendanceStatus{H, H, H, H, A}, false) // 80%
	poor := rateOf([]int{4, 4, 4, 4, 4}, []AttendanceStatus{H, H, H, A, A}, false) // 60%
	tests := []struct {
		name      string
		threshold float64
		pass      float64
		e         Enrolment
		rate      AttendanceRate
		want      EligibilityState
		reason    string // a part of the reasons
	}{
		{"at the threshold", 80, 0, Enrolment{Role: RoleParticipant}, good, Eligible, ""},
		{"below the threshold", 80, 0, Enrolment{Role: RoleParticipant}, poor, NotEligible, "kehadiran 60%, kurang dari batas 80%"},
		{"lower threshold", 60, 0, Enrolment{Role: RoleParticipant}, poor, Eligible, ""},
		{"no sessions yet", 80, 0, Enrolment{Role: RoleParticipant}, AttendanceRate{}, Pending, "belum ada sesi"},
		{"withdrawn", 80, 0, Enrolment{Role: RoleParticipant, Withdrawn: true}, good, NotEligible, "mengundurkan diri"},
		{"withdrawn before any session", 80, 0, Enrolment{Role: RoleParticipant, Withdrawn: true}, AttendanceRate{}, NotEligible, "mengundurkan diri"},
		{"speaker needs no attendance", 80, 0, Enrolment{Role: RoleSpeaker}, AttendanceRate{}, Eligible, ""},
		{"speaker sits no test", 80, 70, Enrolment{Role: RoleSpeaker}, AttendanceRate{}, Eligible, ""},
		{"committee sits no test", 80, 70, Enrolment{Role: RoleCommittee}, poor, Eligible, ""},
		{"score met", 80, 70, Enrolment{Role: RoleParticipant, FinalScore: score(70)}, good, Eligible, ""},
		{"score missing", 80, 70, Enrolment{Role: RoleParticipant}, good, NotEligible, "nilai akhir belum diisi"},
		{"score too low", 80, 70, Enrolment{Role: RoleParticipant, FinalScore: score(65.5)}, good, NotEligible, "nilai akhir 65,5, kurang dari nilai lulus 70"},
		{"both rules fail", 80, 70, Enrolment{Role: RoleParticipant, FinalScore: score(50)}, poor, NotEligible, "kehadiran 60%"},
		{"override grants", 80, 0, Enrolment{Role: RoleParticipant, EligibleOverride: &yes, OverrideReason: "sakit, tugas pengganti"}, poor, Eligible, "diputuskan koordinator: sakit, tugas pengganti"},
		{"override refuses", 80, 0, Enrolment{Role: RoleParticipant, EligibleOverride: &no, OverrideReason: "plagiat"}, good, NotEligible, "plagiat"},
	}
	for _, tt := range tests {
		p := &Program{AttendanceThreshold: tt.threshold, PassScore: tt.pass}
		e := tt.e
		got := DecideEligibility(EligibilityInput{Program: p, Enrolment: &e, Attendance: tt.rate, Complete: true})
		if got.State != tt.want {
			t.Errorf("%s: state %q, want %q (%v)", tt.name, got.State, tt.want, got.Reasons)
		}
		if got.Eligible() != (tt.want == Eligible) {
			t.Errorf("%s: Eligible() = %v", tt.name, got.Eligible())
		}
		reasons := strings.Join(got.Reasons, "; ")
		if tt.reason != "" && !strings.Contains(reasons, tt.reason) {
			t.Errorf("%s: reasons %q lack %q", tt.name, reasons, tt.reason)
		}
		if tt.want == Eligible && tt.e.EligibleOverride == nil && reasons != "" {
			t.Errorf("%s: eligible with reasons %q", tt.name, reasons)
		}
		if tested := tt.e.Role == RoleParticipant; (tt.pass > 0 && tested) != (got.Score != nil) {
			t.Errorf("%s: score check %+v with pass score %v", tt.name, got.Score, tt.pass)
		}
	}
}

func TestBuildRecap(t *testing.T) {
	const H, T, I, S, A = Present, Late, Leave, Sick, Absent
	p := &Program{AttendanceThreshold: 80}
	sessions := []*Session{
		{ID: 11, Date: day("2026-11-24"), JP: 4},
		{ID: 12, Date: day("2026-11-24"), JP: 2},
		{ID: 13, Date: day("2026-11-25"), JP: 4},
		{ID: 14, Date: day("2026-11-26"), JP: 4}, // today, not taken yet: not counted
		{ID: 15, Date: day("2026-11-27"), JP: 4}, // future, a stray mark: not counted
	}
	people := []RecapPerson{{EnrolmentID: 1, SortName: "ani"}, {EnrolmentID: 2, SortName: "budi"}, {EnrolmentID: 3, SortName: "cici"}}
	marks := []StatusMark{
		{11, 1, H}, {12, 1, A}, {13, 1, T}, // Ani: 8 of 10 JP, 2 of 3 sessions: met
		{11, 2, S}, {12, 2, H}, {13, 2, H}, {15, 2, H}, // Budi: 6 of 10 unless sick counts
		{11, 3, H}, {12, 3, I}, // Cici: session 13 not marked: 4 of 10
		{11, 99, H}, {99, 1, H}, // not in the program: ignored
	}
	today := day("2026-11-26")
	r := BuildRecap(p, sessions, people, marks, today)
	type want struct {
		jp, jpOf, sess, sessOf int
		met                    bool
	}
	check := func(label string, r *Recap, wants []want) {
		t.Helper()
		for i, w := range wants {
			got := r.Rows[i].Rate
			if got.JPAttended != w.jp || got.JPScheduled != w.jpOf || got.SessionsAttended != w.sess ||
				got.SessionsScheduled != w.sessOf || r.Rows[i].Met != w.met {
				t.Errorf("%s row %d: %+v met %v, want %+v", label, i, got, r.Rows[i].Met, w)
			}
		}
	}
	check("excused not counted", r, []want{{8, 10, 2, 3, true}, {6, 10, 2, 3, false}, {4, 10, 1, 3, false}})
	if got := r.HeldCount(); got != 3 || r.Complete {
		t.Errorf("held %d, complete %v; want 3, false", got, r.Complete)
	}
	if got := r.BelowThreshold(); got != 2 {
		t.Errorf("below threshold %d, want 2", got)
	}
	if c := r.Counts[0]; c.Of(H) != 2 || c.Of(S) != 1 || c.Unmarked != 0 || c.Attended(false) != 2 || c.Attended(true) != 3 {
		t.Errorf("session 1 counts %+v", c)
	}
	if c := r.Counts[2]; c.Of(H) != 1 || c.Of(T) != 1 || c.Unmarked != 1 || c.Marked() != 2 {
		t.Errorf("session 3 counts %+v", c)
	}
	if r.Rows[1].Marks[4] != H || r.Counts[4].Of(H) != 1 {
		t.Error("the future session's mark is not shown")
	}

	p.ExcusedCountPresent = true
	r = BuildRecap(p, sessions, people, marks, today)
	check("excused counted", r, []want{{8, 10, 2, 3, true}, {10, 10, 3, 3, true}, {6, 10, 2, 3, false}})

	// Once today's session is taken, it counts for everyone; unmarked people lose its JP.
	marks = append(marks, StatusMark{14, 1, H})
	p.ExcusedCountPresent = false
	r = BuildRecap(p, sessions, people, marks, today)
	check("today taken", r, []want{{12, 14, 3, 4, true}, {6, 14, 2, 4, false}, {4, 14, 1, 4, false}})

	// Before the first session nothing is defined and nobody is flagged.
	r = BuildRecap(p, sessions, people, nil, day("2026-11-01"))
	if r.HeldCount() != 0 || r.BelowThreshold() != 0 || r.Rows[0].Rate.Defined() || r.Rows[0].Met {
		t.Errorf("no sessions held yet: held %d, below %d, %+v", r.HeldCount(), r.BelowThreshold(), r.Rows[0])
	}
	// No sessions at all.
	r = BuildRecap(p, nil, people, nil, today)
	if len(r.Rows) != 3 || len(r.Rows[0].Marks) != 0 || !r.Complete {
		t.Errorf("recap without sessions: %+v", r)
	}
}

func TestRecapSort(t *testing.T) {
	const H, A = Present, Absent
	p := &Program{AttendanceThreshold: 80}
	sessions := []*Session{{ID: 1, Date: day("2026-11-01"), JP: 2}, {ID: 2, Date: day("2026-11-02"), JP: 2}}
	people := []RecapPerson{{EnrolmentID: 1, SortName: "cici", NIP: "3"}, {EnrolmentID: 2, SortName: "ani", NIP: "2"},
		{EnrolmentID: 3, SortName: "budi", NIP: "1"}}
	marks := []StatusMark{{1, 1, H}, {2, 1, H}, {1, 2, A}, {2, 2, A}, {1, 3, H}, {2, 3, A}}
	r := BuildRecap(p, sessions, people, marks, day("2026-12-01"))
	order := func() string {
		var s []string
		for _, row := range r.Rows {
			s = append(s, row.SortName)
		}
		return strings.Join(s, ",")
	}
	tests := []struct {
		key     RecapKey
		session int
		desc    bool
		want    string
	}{
		{ByName, 0, false, "ani,budi,cici"},
		{ByName, 0, true, "cici,budi,ani"},
		{ByNIP, 0, false, "budi,ani,cici"},
		{ByRate, 0, false, "ani,budi,cici"},
		{ByRate, 0, true, "cici,budi,ani"},
		{BySession, 0, false, "budi,cici,ani"}, // H before A, ties by name
		{BySession, 1, false, "cici,ani,budi"},
	}
	for _, tt := range tests {
		r.Sort(tt.key, tt.session, tt.desc)
		if got := order(); got != tt.want {
			t.Errorf("Sort(%d, %d, %v) = %s, want %s", tt.key, tt.session, tt.desc, got, tt.want)
		}
	}
}

// BenchmarkBuildRecap measures the recap computation alone (500 participants × 20 sessions, sorted by rate);
// BenchmarkAttendanceRecap in data/store measures it with the database reads.
func BenchmarkBuildRecap(b *testing.B) {
	p := &Program{AttendanceThreshold: 80}
	var sessions []*Session
	for i := 0; i < 20; i++ {
		sessions = append(sessions, &Session{ID: int64(i + 1), Date: day("2026-11-01").AddDate(0, 0, i), JP: 2 + i%3})
	}
	var people []RecapPerson
	var marks []StatusMark
	for i := 0; i < 500; i++ {
		people = append(people, RecapPerson{EnrolmentID: int64(i + 1), SortName: string(rune('a' + i%26))})
		for _, x := range sessions {
			marks = append(marks, StatusMark{SessionID: x.ID, EnrolmentID: int64(i + 1), Status: AttendanceStatuses[(i+int(x.ID))%7]})
		}
	}
	for b.Loop() {
		r := BuildRecap(p, sessions, people, marks, day("2026-12-31"))
		r.Sort(ByRate, 0, false)
	}
}
