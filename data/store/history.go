package store

import (
	"context"
	"database/sql"
	"time"

	"github.com/pembina/pembina/data"
)

// ParticipantHistory lists every program a participant is or was enrolled in, newest first, with what the JP
// rule (data.TrainingRecord.EarnedJP) needs: whether the person completed each program and whether it has
// ended, decided on day today by the completion rule, as Outcomes decides it for everyone at once. data.JPByYear turns the
// history into JP per year.
func (s *Store) ParticipantHistory(ctx context.Context, participantID int64, today time.Time) ([]data.TrainingRecord, error) {
	var out []data.TrainingRecord
	err := s.tx(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT e.id, p.id, p.code, p.title, p.kind, p.organiser, p.batch, p.status,
			p.start_date, p.end_date, p.total_jp, e.role, e.status FROM enrolment e JOIN program p ON p.id = e.program_id
			WHERE e.participant_id = ? ORDER BY p.end_date DESC, p.start_date DESC, p.code`, participantID)
		if err != nil {
			return storageError(err)
		}
		var programs int
		for rows.Next() {
			var r data.TrainingRecord
			var start, end sql.NullString
			var status string
			if err := rows.Scan(&r.EnrolmentID, &r.ProgramID, &r.Code, &r.Title, &r.Kind, &r.Organiser, &r.Batch, &r.Status,
				&start, &end, &r.ProgramJP, &r.Role, &status); err != nil {
				rows.Close()
				return storageError(err)
			}
			r.StartDate, r.EndDate, r.Withdrawn = dateOf(start), dateOf(end), status == "withdrawn"
			programs++
			out = append(out, r)
		}
		rows.Close()
		if err := rows.Err(); err != nil || programs == 0 {
			return storageError(err)
		}
		o, err := outcomes(ctx, tx, selection{
			programs:   "p.id IN (SELECT program_id FROM enrolment WHERE participant_id = ?)",
			args:       []any{participantID},
			enrolments: "e.participant_id = ?", eargs: []any{participantID},
		}, today)
		if err != nil {
			return err
		}
		for i := range out {
			if eo := o.Enrolment(out[i].EnrolmentID); eo != nil {
				out[i].Completed = eo.Completed()
				out[i].Ended = o.Programs[out[i].ProgramID].Ended
				out[i].Course = o.Programs[out[i].ProgramID].Course
			}
		}
		return nil
	})
	return out, err
}
