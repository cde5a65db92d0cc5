package store

import (
	"context"
	"fmt"
	"math"
	"time"

	"github.com/pembina/pembina/data"
	"github.com/pembina/pembina/data/indo"
)

// CertificateDecision is the outcome of the certificate rules for one enrolment.
type CertificateDecision struct {
	EnrolmentID int64
	Eligible    bool     // the rules, or the coordinator's override, allow a certificate
	Pending     bool     // cannot be decided yet: no session held
	Rate        float64  // attendance by JP, 0–1; NaN when nothing was held or the rule does not apply
	Reasons     []string // in Indonesian: why not, or that the coordinator decided
}

// CertificateDecisions applies the certificate rules on day today to the given enrolments of program p (as
// Enrolments lists them), in the same order.
//
// It stands in for the attendance issue's data.DecideEligibility and Store.ProgramEligibility until those are
// merged (then it becomes a thin adapter over them, or goes), and reads the marks directly: a session counts
// once it is before today, or today with any mark; a participant (role peserta) must reach the program's
// attendance threshold in JP attended of JP held, with I, S and DL counted as present only when the program
// says so and an unmarked session counted as absent; when the program has a pass score, the enrolment's
// final score must reach it; speakers, moderators and the committee need neither; a withdrawn participant is
// never eligible; the coordinator's override, which always has a reason, wins over all of it.
func (s *Store) CertificateDecisions(ctx context.Context, p *data.Program, rows []EnrolmentRow, today time.Time) ([]CertificateDecision, error) {
	sessions, err := s.Sessions(ctx, p.ID)
	if err != nil {
		return nil, err
	}
	type held struct {
		jp    int
		marks map[int64]*data.Mark
	}
	var done []held
	for _, x := range sessions {
		if data.Day(x.Date).After(data.Day(today)) {
			continue
		}
		marks, err := s.Marks(ctx, x.ID)
		if err != nil {
			return nil, err
		}
		if data.Day(x.Date).Equal(data.Day(today)) && len(marks) == 0 {
			continue
		}
		done = append(done, held{x.JP, marks})
	}
	out := make([]CertificateDecision, len(rows))
	for i, r := range rows {
		e := r.Enrolment
		d := CertificateDecision{EnrolmentID: e.ID, Eligible: true, Rate: math.NaN()}
		fail := func(format string, args ...any) {
			d.Eligible = false
			d.Reasons = append(d.Reasons, fmt.Sprintf(format, args...))
		}
		participant := e.Role == data.RoleParticipant || e.Role == ""
		if e.Withdrawn {
			fail("mengundurkan diri")
		}
		if participant {
			attended, scheduled, sessionsAttended := 0, 0, 0
			for _, h := range done {
				scheduled += h.jp
				if m := h.marks[e.ID]; m != nil && m.Status.Attended(p.ExcusedCountPresent) {
					attended += h.jp
					sessionsAttended++
				}
			}
			if len(done) == 0 {
				d.Pending = true
				fail("belum ada sesi yang terlaksana")
			} else {
				att, sched := attended, scheduled
				if sched == 0 { // only sessions of 0 JP so far: count sessions
					att, sched = sessionsAttended, len(done)
				}
				d.Rate = float64(att) / float64(sched)
				if float64(att)*100 < p.AttendanceThreshold*float64(sched)-1e-9 {
					fail("kehadiran %s, kurang dari batas %s%%", indo.Percent(d.Rate, 1), indo.Number(p.AttendanceThreshold, 1))
				}
			}
			if p.PassScore > 0 {
				switch {
				case e.FinalScore == nil:
					fail("nilai akhir belum diisi (nilai lulus %s)", indo.Number(p.PassScore, 2))
				case *e.FinalScore+1e-9 < p.PassScore:
					fail("nilai akhir %s, kurang dari nilai lulus %s", indo.Number(*e.FinalScore, 2), indo.Number(p.PassScore, 2))
				}
			}
		}
		if e.EligibleOverride != nil {
			d.Eligible, d.Pending = *e.EligibleOverride, false
			d.Reasons = append(d.Reasons, "diputuskan koordinator: "+e.OverrideReason)
		}
		out[i] = d
	}
	return out, nil
}
