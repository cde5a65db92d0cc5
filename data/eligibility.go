package data

import (
	"math"
	"time"
)

// SessionHeld reports whether a session counts for attendance on day today: it is today or earlier and its
// attendance has been entered for anyone (marked). A participant without a mark on a held session then counts
// as absent. A session of today or earlier that nobody has a mark for is not held but unentered
// (SessionUnentered, "belum diisi"): attendance not yet keyed in is not absence. Later sessions never count.
func SessionHeld(date, today time.Time, marked bool) bool {
	return marked && !Day(date).After(Day(today))
}

// SessionUnentered reports whether a session of today or earlier has no attendance entered at all: the recap
// shows it as "belum diisi", and certificates are not issued until it is entered (or the coordinator says why
// not).
func SessionUnentered(date, today time.Time, marked bool) bool {
	return !marked && !Day(date).After(Day(today))
}

// SessionOver reports whether a session is over on day today: it was on an earlier day, or it is today and its
// attendance has been taken. A program whose last session is over has ended (ProgramTimes.Ended).
func SessionOver(date, today time.Time, marked bool) bool {
	d, t := Day(date), Day(today)
	return d.Before(t) || d.Equal(t) && marked
}

// AttendanceRate is one participant's attendance over the sessions held so far (docs/domain.md §3): JP attended of
// JP scheduled, and sessions attended of sessions held.
type AttendanceRate struct {
	JPAttended, JPScheduled             int
	SessionsAttended, SessionsScheduled int
	Unmarked                            int // sessions held without a mark for this participant (counted as absent)
	Excused                             int // I, S or DL marks (counted as present only when the program says so)
}

// Add counts one held session of jp JP with the participant's mark ("" when unmarked).
func (r *AttendanceRate) Add(jp int, status AttendanceStatus, excusedCountPresent bool) {
	r.JPScheduled += jp
	r.SessionsScheduled++
	switch {
	case status == "":
		r.Unmarked++
	case status.Attended(excusedCountPresent):
		r.JPAttended += jp
		r.SessionsAttended++
	}
	if status == Leave || status == Sick || status == Duty {
		r.Excused++
	}
}

// Defined reports whether any session has been held, so that a rate exists.
func (r AttendanceRate) Defined() bool { return r.SessionsScheduled > 0 }

// ByJP is the share (0–1) of scheduled JP attended; NaN when nothing was held.
func (r AttendanceRate) ByJP() float64 { return share(r.JPAttended, r.JPScheduled) }

// BySessions is the share (0–1) of held sessions attended; NaN when nothing was held.
func (r AttendanceRate) BySessions() float64 { return share(r.SessionsAttended, r.SessionsScheduled) }

// Rate is the share the threshold is checked against: by JP, or by sessions when the sessions held so far
// carry no JP at all (an opening ceremony of 0 JP); NaN when nothing was held.
func (r AttendanceRate) Rate() float64 {
	if r.JPScheduled > 0 {
		return r.ByJP()
	}
	return r.BySessions()
}

// Meets reports whether the rate reaches threshold (a percentage). Exactly at the threshold meets it; the
// comparison is done on whole numbers so that 4 of 5 sessions is 80% and never 79,999…%.
func (r AttendanceRate) Meets(threshold float64) bool {
	if !r.Defined() {
		return false
	}
	att, sched := r.JPAttended, r.JPScheduled
	if sched == 0 {
		att, sched = r.SessionsAttended, r.SessionsScheduled
	}
	return float64(att)*100 >= threshold*float64(sched)-1e-9
}

func share(a, b int) float64 {
	if b == 0 {
		return math.NaN()
	}
	return float64(a) / float64(b)
}
