package store

import (
	"context"
	"encoding/json"
	"strings"
	"time"
)

// SameCourseDone is an enrolled participant who already completed the same course (data.CourseKey: title and
// subjects) in another program.
type SameCourseDone struct {
	ParticipantID int64
	Program       string // the code of the program completed before
	End           time.Time
}

// SameCourseCompleted lists, by participant, the given people (nil: those enrolled in the program) who
// completed another program of the same course by day today (the completion rule decides), so that enrolling
// them is warned about: its JP would count only once a year (data.CourseRepeats).
func (s *Store) SameCourseCompleted(ctx context.Context, programID int64, participantIDs []int64, today time.Time) (map[int64]SameCourseDone, error) {
	var title string
	if err := s.db.QueryRowContext(ctx, "SELECT title FROM program WHERE id = ?", programID).Scan(&title); err != nil {
		return nil, storageError(err)
	}
	sel := selection{
		programs:   "lower(trim(p.title)) = ?",
		args:       []any{strings.ToLower(strings.TrimSpace(title))},
		enrolments: "e.participant_id IN (SELECT participant_id FROM enrolment WHERE program_id = ? AND status <> 'withdrawn')",
		eargs:      []any{programID},
	}
	if participantIDs != nil {
		list, _ := json.Marshal(participantIDs) // a JSON array: any number of people in one parameter
		sel.enrolments, sel.eargs = "e.participant_id IN (SELECT value FROM json_each(?))", []any{string(list)}
	}
	o, err := outcomes(ctx, s.db, sel, today)
	if err != nil {
		return nil, err
	}
	out := map[int64]SameCourseDone{}
	this := o.Programs[programID]
	if this == nil {
		return out, nil
	}
	for _, eo := range o.Enrolments {
		po := o.Programs[eo.Enrolment.ProgramID]
		if po == this || po.Course != this.Course || !eo.Completed() {
			continue
		}
		if old, ok := out[eo.Enrolment.ParticipantID]; !ok || po.Program.EndDate.After(old.End) {
			out[eo.Enrolment.ParticipantID] = SameCourseDone{ParticipantID: eo.Enrolment.ParticipantID, Program: po.Program.Code,
				End: po.Program.EndDate}
		}
	}
	return out, nil
}
