package data

import (
	"math"
	"slices"
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

func TestSessionHeldUnenteredOver(t *testing.T) {
	today := time.Date(2026, 11, 28, 15, 30, 0, 0, time.UTC) // the clock must not matter
	tests := []struct {
		date                  string
		marked                bool
		held, unentered, over bool
	}{
		{"2026-11-27", false, false, true, true},  // yesterday, not entered: "belum diisi", not absence
		{"2026-11-27", true, true, false, true},   // yesterday, entered
		{"2026-11-28", false, false, true, false}, // today, not taken yet
		{"2026-11-28", true, true, false, true},   // today, taken
		{"2026-11-29", true, false, false, false}, // tomorrow never counts, even with a stray mark
		{"2026-12-01", false, false, false, false},
	}
	for _, tt := range tests {
		d := day(tt.date)
		if SessionHeld(d, today, tt.marked) != tt.held || SessionUnentered(d, today, tt.marked) != tt.unentered ||
			SessionOver(d, today, tt.marked) != tt.over {
			t.Errorf("%s marked %v: held %v unentered %v over %v, want %v %v %v", tt.date, tt.marked, SessionHeld(d, today, tt.marked),
				SessionUnentered(d, today, tt.marked), SessionOver(d, today, tt.marked), tt.held, tt.unentered, tt.over)
		}
	}
}

// TestDecideEligibility runs the one completion rule over every reason it gives, and over when the JP count.
func TestDecideEligibility(t *testing.T) {
	const H, A = Present, Absent
	score := func(f float64) *float64 { return &f }
	yes, no := true, false
	good := rateOf([]int{4, 4, 4, 4, 4}, []AttendanceStatus{H, H, H, H, A}, false) // 80%
	poor := rateOf([]int{4, 4, 4, 4, 4}, []AttendanceStatus{H, H, H, A, A}, false) // 60%
	participant := Enrolment{Role: RoleParticipant}
	tests := []struct {
		name      string
		threshold float64
		pass      float64
		status    ProgramStatus
		ended     bool
		e         Enrolment
		post      *float64
		rate      AttendanceRate
		want      EligibilityState
		completed bool
		reasons   []ReasonCode
		text      string // the reasons in Indonesian
	}{
		{"at the threshold", 80, 0, StatusFinished, true, participant, nil, good, Eligible, true, nil, ""},
		{"below the threshold", 80, 0, StatusFinished, true, participant, nil, poor, NotEligible, false,
			[]ReasonCode{ReasonAttendanceBelow}, "kehadiran 60,0%, kurang dari batas 80,0%"},
		{"lower threshold", 60, 0, StatusFinished, true, participant, nil, poor, Eligible, true, nil, ""},
		{"no sessions held yet", 80, 0, StatusRunning, false, participant, nil, AttendanceRate{}, Pending, false,
			[]ReasonCode{ReasonNothingHeld}, "belum ada sesi yang terlaksana"},
		{"withdrawn", 80, 0, StatusFinished, true, Enrolment{Role: RoleParticipant, Withdrawn: true}, nil, good, NotEligible, false,
			[]ReasonCode{ReasonWithdrawn}, "mengundurkan diri"},
		{"withdrawn before any session", 80, 0, StatusRunning, false, Enrolment{Role: RoleParticipant, Withdrawn: true}, nil,
			AttendanceRate{}, NotEligible, false, []ReasonCode{ReasonWithdrawn, ReasonNothingHeld}, "mengundurkan diri; belum ada sesi yang terlaksana"},
		{"speaker needs no attendance", 80, 0, StatusFinished, true, Enrolment{Role: RoleSpeaker}, nil, AttendanceRate{}, Eligible, false, nil, ""},
		{"moderator sits no test", 80, 70, StatusFinished, true, Enrolment{Role: RoleModerator}, nil, AttendanceRate{}, Eligible, false, nil, ""},
		{"committee sits no test", 80, 70, StatusFinished, true, Enrolment{Role: RoleCommittee}, nil, poor, Eligible, false, nil, ""},
		{"score met", 80, 70, StatusFinished, true, Enrolment{Role: RoleParticipant, FinalScore: score(70)}, nil, good, Eligible, true, nil, ""},
		{"score missing", 80, 70, StatusFinished, true, participant, nil, good, NotEligible, false,
			[]ReasonCode{ReasonScoreMissing}, "nilai akhir belum diisi (nilai lulus 70)"},
		{"score too low", 80, 70, StatusFinished, true, Enrolment{Role: RoleParticipant, FinalScore: score(65.5)}, nil, good, NotEligible, false,
			[]ReasonCode{ReasonScoreBelow}, "nilai akhir 65,5, kurang dari nilai lulus 70"},
		{"post-test stands in", 80, 70, StatusFinished, true, participant, score(80), good, Eligible, true, nil, ""},
		{"post-test too low", 80, 70, StatusFinished, true, participant, score(55), good, NotEligible, false,
			[]ReasonCode{ReasonScoreBelow}, "nilai post-test 55, kurang dari nilai lulus 70"},
		{"final score wins over the post-test", 80, 70, StatusFinished, true, Enrolment{Role: RoleParticipant, FinalScore: score(60)},
			score(90), good, NotEligible, false, []ReasonCode{ReasonScoreBelow}, "nilai akhir 60, kurang"},
		{"both rules fail", 80, 70, StatusFinished, true, Enrolment{Role: RoleParticipant, FinalScore: score(50)}, nil, poor, NotEligible, false,
			[]ReasonCode{ReasonAttendanceBelow, ReasonScoreBelow}, "kehadiran 60,0%, kurang dari batas 80,0%; nilai akhir 50, kurang dari nilai lulus 70"},
		{"override grants", 80, 0, StatusFinished, true, Enrolment{Role: RoleParticipant, EligibleOverride: &yes, OverrideReason: "sakit, tugas pengganti"},
			nil, poor, Eligible, true, []ReasonCode{ReasonAttendanceBelow, ReasonOverride}, "diputuskan koordinator memenuhi syarat: sakit, tugas pengganti"},
		{"override refuses", 80, 0, StatusFinished, true, Enrolment{Role: RoleParticipant, EligibleOverride: &no, OverrideReason: "plagiat"},
			nil, good, NotEligible, false, []ReasonCode{ReasonOverride}, "diputuskan koordinator tidak memenuhi syarat: plagiat"},
		// When the JP count: once the program has ended, whatever its status, unless it was cancelled.
		{"ended, left running", 80, 0, StatusRunning, true, participant, nil, good, Eligible, true, nil, ""},
		{"not ended yet", 80, 0, StatusRunning, false, participant, nil, good, Eligible, false, nil, ""},
		{"finished early on paper, not ended", 80, 0, StatusFinished, false, participant, nil, good, Eligible, false, nil, ""},
		{"cancelled", 80, 0, StatusCancelled, true, participant, nil, good, Eligible, false, nil, ""},
	}
	seen := map[ReasonCode]bool{}
	for _, tt := range tests {
		p := &Program{AttendanceThreshold: tt.threshold, PassScore: tt.pass, Status: tt.status}
		e := tt.e
		got := DecideEligibility(EligibilityInput{Program: p, Enrolment: &e, Attendance: tt.rate, Complete: true, Ended: tt.ended, PostTest: tt.post})
		if got.State != tt.want || got.Eligible() != (tt.want == Eligible) || got.Completed != tt.completed {
			t.Errorf("%s: state %q completed %v, want %q %v (%v)", tt.name, got.State, got.Completed, tt.want, tt.completed, got.Reasons)
		}
		var codes []ReasonCode
		for _, r := range got.Reasons {
			codes = append(codes, r.Code)
			seen[r.Code] = true
		}
		if !slices.Equal(codes, tt.reasons) {
			t.Errorf("%s: reasons %v, want %v", tt.name, codes, tt.reasons)
		}
		if text := got.Reasons.String(); !strings.Contains(text, tt.text) || tt.text == "" && text != "" {
			t.Errorf("%s: reasons %q, want %q", tt.name, text, tt.text)
		}
		if tested := tt.e.Role == RoleParticipant; (tt.pass > 0 && tested) != (got.Score != nil) {
			t.Errorf("%s: score check %+v with pass score %v", tt.name, got.Score, tt.pass)
		}
		if tt.post != nil && tt.e.FinalScore == nil && (!got.HeldPostTest || *got.HeldScore != *tt.post) {
			t.Errorf("%s: held score %v (post-test %v)", tt.name, got.HeldScore, got.HeldPostTest)
		}
	}
	for _, c := range ReasonCodes {
		if !seen[c] {
			t.Errorf("reason %d is never given by the table", c)
		}
	}
}

// TestReasonTemplates: every reason has an Indonesian template whose placeholders its arguments fill, so that
// the window's translation gets them all.
func TestReasonTemplates(t *testing.T) {
	for _, c := range ReasonCodes {
		for _, r := range []Reason{{Code: c, Rate: 0.5, Threshold: 80, Score: 1, PassScore: 2, Note: "x"}, {Code: c, PostTest: true, Granted: true}} {
			text, args := r.Template()
			if strings.Contains(r.String(), "{{") || text == "alasan tidak dikenal" || r.Group() == "" {
				t.Errorf("reason %d: %q, template %q %v", c, r.String(), text, args)
			}
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
	if got := r.HeldCount(); got != 3 || r.Complete || !r.Unentered[3] || r.Unentered[2] || r.Unentered[4] || len(r.Day.Unentered) != 1 {
		t.Errorf("held %d, complete %v, unentered %v; want 3, false, only today's", got, r.Complete, r.Unentered)
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

	// A day later, with the 26th still not entered: it is "belum diisi", not absence for everyone; the 27th,
	// taken for Budi, counts. Every session is over, so the program has ended, but it is not complete.
	r = BuildRecap(p, sessions, people, marks[:len(marks)-1], day("2026-11-27"))
	check("a session not entered", r, []want{{8, 14, 2, 4, false}, {10, 14, 3, 4, false}, {4, 14, 1, 4, false}})
	if !r.Unentered[3] || r.Complete || !r.Day.Ended(p, day("2026-11-27")) || len(r.Day.Unentered) != 1 || r.Day.Unentered[0].ID != 14 {
		t.Errorf("unentered %v, complete %v, ended %v", r.Unentered, r.Complete, r.Day.Ended(p, day("2026-11-27")))
	}

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

func TestSIASNKind(t *testing.T) {
	tests := []struct {
		kind, competency string
		want             int
	}{
		{"Pelatihan Teknis", "Teknis", 3},
		{"Pelatihan Teknis", "Manajerial", 5}, // the competency kind decides a general training
		{"Coaching", "Sosial Kultural", 6},
		{"E-learning", "Teknis", 3},
		{"Workshop/Lokakarya", "Manajerial", 4}, // a form SIASN names keeps its code
		{"Bimbingan Teknis", "Teknis", 8},
		{"Seminar/Konferensi", "Sosial Kultural", 9},
		{"Pelatihan Struktural Kepemimpinan", "Manajerial", 1},
		{"Magang", "Teknis", 10},
		{"Bentuk lama", "Manajerial", 5},
	}
	for _, tt := range tests {
		if got := SIASNKind(&Program{Kind: tt.kind, CompetencyKind: tt.competency}); got != tt.want {
			t.Errorf("%s, %s: %d, want %d", tt.kind, tt.competency, got, tt.want)
		}
	}
}
