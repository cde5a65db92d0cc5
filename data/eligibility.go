package data

import (
	"fmt"
	"math"
	"time"

	"github.com/pembina/pembina/data/indo"
)

// SessionHeld reports whether a session counts for attendance on day today. A session before today always
// counts (an unmarked participant then counts as absent); a session today counts once attendance has been
// taken for anyone, so a morning recap is not spoilt by the afternoon session; later sessions never count.
func SessionHeld(date, today time.Time, marked bool) bool {
	d, t := Day(date), Day(today)
	switch {
	case d.Before(t):
		return true
	case d.Equal(t):
		return marked
	}
	return false
}

// AttendanceRate is one participant's attendance over the sessions held so far (DOMAIN.md §3): JP attended of
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

// EligibilityState is the outcome of the certificate rules for one enrolment.
type EligibilityState string

// The outcomes.
const (
	Eligible    EligibilityState = "eligible"     // every rule is met (or the coordinator decided so)
	NotEligible EligibilityState = "not eligible" // a rule is not met (or the coordinator decided so)
	Pending     EligibilityState = "pending"      // cannot be decided yet: no session held
)

// Label is the outcome in Indonesian.
func (s EligibilityState) Label() string {
	switch s {
	case Eligible:
		return "Memenuhi syarat"
	case NotEligible:
		return "Belum memenuhi syarat"
	}
	return "Belum dapat dinilai"
}

// ScoreCheck is the pass-score rule of a program with a final score (DOMAIN.md §3: "some programs also need a
// minimum post-test score").
type ScoreCheck struct {
	PassScore float64  // the minimum, 0–100
	Score     *float64 // the enrolment's final score; nil when not entered yet
	Met       bool
}

// Eligibility is whether an enrolment may receive its certificate, with every rule that was checked so that
// the window and the certificate register can say why. Certificates (issue 6) call DecideEligibility; the
// attendance recap shows Attendance and AttendanceMet.
type Eligibility struct {
	State EligibilityState

	// Attendance rule; for speakers, moderators and the committee it is not applied (AttendanceApplies false).
	Attendance        AttendanceRate
	Threshold         float64 // percent
	AttendanceApplies bool
	AttendanceMet     bool
	// Complete is false while the program still has sessions to come: the outcome may change.
	Complete bool

	// Score rule; nil when the program sets no pass score or the role sits no test.
	Score *ScoreCheck

	// Override is the coordinator's decision, which wins over the rules; nil when the rules decide.
	Override       *bool
	OverrideReason string

	// Reasons say in Indonesian why the enrolment is not (yet) eligible, or that the coordinator decided.
	Reasons []string
}

// Eligible reports whether the certificate may be issued.
func (e Eligibility) Eligible() bool { return e.State == Eligible }

// EligibilityInput is what the rules look at for one enrolment.
type EligibilityInput struct {
	Program    *Program
	Enrolment  *Enrolment
	Attendance AttendanceRate
	Complete   bool // no session of the program lies in the future
}

// DecideEligibility applies the certificate rules to one enrolment: a withdrawn participant is not eligible;
// a participant (role peserta) must reach the program's attendance threshold by JP, with I, S and DL counted
// as present only when the program says so; when the program has a pass score, a participant's final score
// must reach it (speakers, moderators and the committee sit no test: neither rule applies to them); a
// coordinator's override, which always carries a reason, wins over all of these.
func DecideEligibility(in EligibilityInput) Eligibility {
	p, e := in.Program, in.Enrolment
	out := Eligibility{Attendance: in.Attendance, Threshold: p.AttendanceThreshold, Complete: in.Complete,
		AttendanceApplies: e.Role == RoleParticipant || e.Role == ""}
	state := Eligible
	fail := func(s EligibilityState, format string, args ...any) {
		if state != NotEligible {
			state = s
		}
		out.Reasons = append(out.Reasons, fmt.Sprintf(format, args...))
	}
	if e.Withdrawn {
		fail(NotEligible, "mengundurkan diri")
	}
	if out.AttendanceApplies {
		r := in.Attendance
		switch {
		case !r.Defined():
			fail(Pending, "belum ada sesi yang terlaksana")
		case r.Meets(p.AttendanceThreshold):
			out.AttendanceMet = true
		default:
			fail(NotEligible, "kehadiran %s, kurang dari batas %s", indo.Percent(r.Rate(), 1),
				indo.Number(p.AttendanceThreshold, 1)+"%")
		}
	} else {
		out.AttendanceMet = true
	}
	if p.PassScore > 0 && out.AttendanceApplies {
		sc := &ScoreCheck{PassScore: p.PassScore, Score: e.FinalScore}
		out.Score = sc
		switch {
		case e.FinalScore == nil:
			fail(NotEligible, "nilai akhir belum diisi (nilai lulus %s)", indo.Number(p.PassScore, 2))
		case scoreHundredths(*e.FinalScore) >= scoreHundredths(p.PassScore): // as printed (RoundScore)
			sc.Met = true
		default:
			fail(NotEligible, "nilai akhir %s, kurang dari nilai lulus %s", FormatScoreValue(*e.FinalScore),
				indo.Number(p.PassScore, 2))
		}
	}
	if e.EligibleOverride != nil {
		out.Override, out.OverrideReason = e.EligibleOverride, e.OverrideReason
		state = NotEligible
		if *e.EligibleOverride {
			state = Eligible
		}
		out.Reasons = append(out.Reasons, "diputuskan koordinator: "+e.OverrideReason)
	}
	out.State = state
	return out
}
