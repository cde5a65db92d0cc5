package data

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

// Completed reports whether an enrolment completed its program, so that the program's JP count towards the
// person's yearly development hours (TrainingRecord.EarnedJP): the program is finished (Selesai), the person
// took part as a participant (peserta), and the certificate rules (DecideEligibility: attendance threshold
// under the program's excused rule, the pass score, the coordinator's override) say eligible.
func Completed(p *Program, e *Enrolment, el Eligibility) bool {
	return p.Status == StatusFinished && !e.Withdrawn && (e.Role == RoleParticipant || e.Role == "") && el.Eligible()
}
