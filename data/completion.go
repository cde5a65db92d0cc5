package data

import (
	"strings"

	"github.com/pembina/pembina/data/indo"
)

// This file holds the one completion rule: whether one enrolment may have its certificate, whether its
// program's JP count for the person, and why not. Certificates, the JP of the person's history, the
// leadership workbook, the dashboard and the evaluation summary all ask DecideEligibility; the store only
// supplies its inputs, in bulk (store.Outcomes).

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

// ReasonCode is why an enrolment is not (yet) eligible, or that the coordinator decided.
type ReasonCode int

// The reasons.
const (
	ReasonWithdrawn       ReasonCode = iota + 1 // the participant withdrew
	ReasonNothingHeld                           // no session held (entered) yet: pending
	ReasonAttendanceBelow                       // Rate below Threshold
	ReasonScoreMissing                          // no final score and no post-test, where a pass score applies
	ReasonScoreBelow                            // Score below PassScore (the post-test's when PostTest)
	ReasonOverride                              // the coordinator decided: Granted, with Note
)

// ReasonCodes are every reason, in the order DecideEligibility gives them.
var ReasonCodes = []ReasonCode{ReasonWithdrawn, ReasonNothingHeld, ReasonAttendanceBelow, ReasonScoreMissing,
	ReasonScoreBelow, ReasonOverride}

// Reason is one reason with its arguments. It is turned into text only where it is shown: Template for the
// window, which translates it, String for Indonesian documents and messages.
type Reason struct {
	Code      ReasonCode
	Rate      float64 // attendance, 0–1 (ReasonAttendanceBelow)
	Threshold float64 // percent (ReasonAttendanceBelow)
	Score     float64 // ReasonScoreBelow
	PassScore float64 // ReasonScoreMissing, ReasonScoreBelow
	PostTest  bool    // Score is the best post-test's: no final score was entered
	Granted   bool    // ReasonOverride: the coordinator decided eligible
	Note      string  // ReasonOverride: the coordinator's reason
}

// Template is the reason's Indonesian text with {{.Name}} placeholders, and their values, so that the window
// translates the text (its source strings are Indonesian) and fills in the figures.
func (r Reason) Template() (string, map[string]any) {
	switch r.Code {
	case ReasonWithdrawn:
		return "mengundurkan diri", nil
	case ReasonNothingHeld:
		return "belum ada sesi yang terlaksana", nil
	case ReasonAttendanceBelow:
		return "kehadiran {{.Rate}}, kurang dari batas {{.Threshold}}",
			map[string]any{"Rate": indo.Percent(r.Rate, 1), "Threshold": indo.PercentOf(r.Threshold)}
	case ReasonScoreMissing:
		return "nilai akhir belum diisi (nilai lulus {{.PassScore}})", map[string]any{"PassScore": indo.Number(r.PassScore, 2)}
	case ReasonScoreBelow:
		args := map[string]any{"Score": FormatScoreValue(r.Score), "PassScore": indo.Number(r.PassScore, 2)}
		if r.PostTest {
			return "nilai post-test {{.Score}}, kurang dari nilai lulus {{.PassScore}}", args
		}
		return "nilai akhir {{.Score}}, kurang dari nilai lulus {{.PassScore}}", args
	case ReasonOverride:
		if r.Granted {
			return "diputuskan koordinator memenuhi syarat: {{.Note}}", map[string]any{"Note": r.Note}
		}
		return "diputuskan koordinator tidak memenuhi syarat: {{.Note}}", map[string]any{"Note": r.Note}
	}
	return "alasan tidak dikenal", nil
}

// String is the reason in Indonesian, figures filled in.
func (r Reason) String() string {
	text, args := r.Template()
	return Phrase{Text: text, Args: args}.String()
}

// Group is the reason without its figures, in Indonesian, for counting the reasons of many enrolments
// ("12 kehadiran di bawah batas").
func (r Reason) Group() string {
	switch r.Code {
	case ReasonAttendanceBelow:
		return "kehadiran di bawah batas"
	case ReasonScoreMissing:
		return "nilai akhir belum diisi"
	case ReasonScoreBelow:
		if r.PostTest {
			return "nilai post-test di bawah nilai lulus"
		}
		return "nilai akhir di bawah nilai lulus"
	case ReasonOverride:
		if r.Granted {
			return "diputuskan memenuhi syarat oleh koordinator"
		}
		return "diputuskan tidak memenuhi syarat oleh koordinator"
	}
	text, _ := r.Template()
	return text
}

// Reasons is the reasons of one enrolment.
type Reasons []Reason

// String joins the reasons in Indonesian with "; ".
func (rs Reasons) String() string {
	parts := make([]string, len(rs))
	for i, r := range rs {
		parts[i] = r.String()
	}
	return strings.Join(parts, "; ")
}

// Has reports whether a reason with code c is among them.
func (rs Reasons) Has(c ReasonCode) bool {
	for _, r := range rs {
		if r.Code == c {
			return true
		}
	}
	return false
}

// ScoreCheck is the pass-score rule of a program with a pass score (docs/domain.md §3: "some programs also need a
// minimum post-test score").
type ScoreCheck struct {
	PassScore float64  // the minimum, 0–100
	Score     *float64 // the final score, or the best post-test's when none was entered; nil when neither
	PostTest  bool     // Score is the post-test's
	Met       bool
}

// Eligibility is the outcome of the completion rule for one enrolment, with every rule that was checked so
// that the window and the certificate register can say why.
type Eligibility struct {
	State EligibilityState

	// Attendance rule; for speakers, moderators and the committee it is not applied (AttendanceApplies false).
	Attendance        AttendanceRate
	Threshold         float64 // percent
	AttendanceApplies bool
	AttendanceMet     bool
	// Complete is false while the program still has sessions to come or to enter: the outcome may change.
	Complete bool

	// Score rule; nil when the program sets no pass score or the role sits no test.
	Score *ScoreCheck
	// HeldScore is the score shown beside the outcome: the final score, or the post-test's (HeldPostTest)
	// where it stands in for a missing one under a pass score; nil when none or the role sits no test.
	HeldScore    *float64
	HeldPostTest bool

	// Override is the coordinator's decision, which wins over the rules; nil when the rules decide.
	Override       *bool
	OverrideReason string

	// Reasons say why the enrolment is not (yet) eligible, or that the coordinator decided.
	Reasons Reasons

	// Completed is whether the program's JP count for the person: eligible, as a participant (peserta), not
	// withdrawn, and the program has ended and was not cancelled.
	Completed bool
}

// Eligible reports whether the certificate may be issued.
func (e Eligibility) Eligible() bool { return e.State == Eligible }

// EligibilityInput is everything the rule looks at for one enrolment; the store supplies it in bulk.
type EligibilityInput struct {
	Program    *Program
	Enrolment  *Enrolment
	Attendance AttendanceRate // over the sessions held (SessionHeld)
	Complete   bool           // every session of the program is held: none to come, none to enter
	Ended      bool           // the program has ended: its last session is over or its end date has passed
	PostTest   *float64       // the participant's best post-test score (0–100); nil when they took none
}

// Participant reports whether the enrolment's role is peserta, to whom the attendance and score rules and
// the JP apply; speakers, moderators and the committee (narasumber, moderator, panitia) are exempt from the
// rules and earn no development hours by serving a program.
func (e *Enrolment) Participant() bool { return e.Role == RoleParticipant || e.Role == "" }

// DecideEligibility is the completion rule for one enrolment:
//   - a withdrawn participant is not eligible;
//   - a participant (peserta) must reach the program's attendance threshold by JP over the sessions held, with
//     I, S and DL counted as present only when the program says so; before any session is held the outcome
//     is pending;
//   - when the program has a pass score, a participant's final score must reach it; without a final score
//     their best post-test score stands in;
//   - speakers, moderators and the committee sit neither rule;
//   - a coordinator's override, which always carries a reason, wins over all of these.
//
// The program's JP count for the person (Completed) when they are eligible as a participant, not withdrawn,
// and the program has ended — whatever its status says, unless it was cancelled: the status is the
// coordinator's word for planning, and a program left "Berjalan" after its last session still earns its JP.
func DecideEligibility(in EligibilityInput) Eligibility {
	p, e := in.Program, in.Enrolment
	participant := e.Participant()
	out := Eligibility{Attendance: in.Attendance, Threshold: p.AttendanceThreshold, Complete: in.Complete,
		AttendanceApplies: participant}
	state := Eligible
	fail := func(s EligibilityState, r Reason) {
		if state != NotEligible {
			state = s
		}
		out.Reasons = append(out.Reasons, r)
	}
	if e.Withdrawn {
		fail(NotEligible, Reason{Code: ReasonWithdrawn})
	}
	if participant {
		r := in.Attendance
		switch {
		case !r.Defined():
			fail(Pending, Reason{Code: ReasonNothingHeld})
		case r.Meets(p.AttendanceThreshold):
			out.AttendanceMet = true
		default:
			fail(NotEligible, Reason{Code: ReasonAttendanceBelow, Rate: r.Rate(), Threshold: p.AttendanceThreshold})
		}
	} else {
		out.AttendanceMet = true
	}
	switch {
	case participant && p.PassScore > 0:
		sc := &ScoreCheck{PassScore: p.PassScore, Score: e.FinalScore}
		if sc.Score == nil && in.PostTest != nil {
			sc.Score, sc.PostTest = in.PostTest, true
		}
		out.Score, out.HeldScore, out.HeldPostTest = sc, sc.Score, sc.PostTest
		switch {
		case sc.Score == nil:
			fail(NotEligible, Reason{Code: ReasonScoreMissing, PassScore: p.PassScore})
		case scoreHundredths(*sc.Score) >= scoreHundredths(p.PassScore): // as printed (RoundScore)
			sc.Met = true
		default:
			fail(NotEligible, Reason{Code: ReasonScoreBelow, Score: *sc.Score, PassScore: p.PassScore, PostTest: sc.PostTest})
		}
	case p.PassScore <= 0:
		out.HeldScore = e.FinalScore
	}
	if e.EligibleOverride != nil {
		out.Override, out.OverrideReason = e.EligibleOverride, e.OverrideReason
		state = NotEligible
		if *e.EligibleOverride {
			state = Eligible
		}
		out.Reasons = append(out.Reasons, Reason{Code: ReasonOverride, Granted: *e.EligibleOverride, Note: e.OverrideReason})
	}
	out.State = state
	out.Completed = state == Eligible && participant && !e.Withdrawn && in.Ended && p.Status != StatusCancelled
	return out
}

// StatusTally is one enrolment's marks of one status over the sessions held, summed: how many sessions and
// how many JP they carried. The store sums marks this way in SQL when it decides eligibility for thousands of
// enrolments at once, instead of handing every mark to Go.
type StatusTally struct {
	Status   AttendanceStatus
	Sessions int
	JP       int
}

// RateFromTallies is the AttendanceRate that AttendanceRate.Add gives for one enrolment over the sessions held
// (heldSessions of them, carrying heldJP), from the enrolment's marks on those sessions summed per status.
// Held sessions without a mark count as unmarked (absent), as Add counts them.
func RateFromTallies(heldJP, heldSessions int, tallies []StatusTally, excusedCountPresent bool) AttendanceRate {
	r := AttendanceRate{JPScheduled: heldJP, SessionsScheduled: heldSessions}
	marked := 0
	for _, t := range tallies {
		marked += t.Sessions
		if t.Status.Attended(excusedCountPresent) {
			r.JPAttended += t.JP
			r.SessionsAttended += t.Sessions
		}
		if t.Status == Leave || t.Status == Sick || t.Status == Duty {
			r.Excused += t.Sessions
		}
	}
	r.Unmarked = max(0, heldSessions-marked)
	return r
}
