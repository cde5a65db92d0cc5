package store

import (
	"context"
	"database/sql"

	"github.com/pembina/pembina/data"
)

// ParticipantHistory lists every program a participant is or was enrolled in, newest first, with what the JP
// rule (data.TrainingRecord.EarnedJP) needs. data.JPByYear turns it into JP per year.
func (s *Store) ParticipantHistory(ctx context.Context, participantID int64) ([]data.TrainingRecord, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT e.id, p.id, p.code, p.title, p.kind, p.organiser, p.batch, p.status,
		p.start_date, p.end_date, p.total_jp, e.role, e.status FROM enrolment e JOIN program p ON p.id = e.program_id
		WHERE e.participant_id = ? ORDER BY p.end_date DESC, p.start_date DESC, p.code`, participantID)
	if err != nil {
		return nil, storageError(err)
	}
	defer rows.Close()
	var out []data.TrainingRecord
	for rows.Next() {
		var r data.TrainingRecord
		var start, end sql.NullString
		var status string
		if err := rows.Scan(&r.EnrolmentID, &r.ProgramID, &r.Code, &r.Title, &r.Kind, &r.Organiser, &r.Batch, &r.Status,
			&start, &end, &r.ProgramJP, &r.Role, &status); err != nil {
			return nil, storageError(err)
		}
		r.StartDate, r.EndDate, r.Withdrawn = dateOf(start), dateOf(end), status == "withdrawn"
		out = append(out, r)
	}
	return out, storageError(rows.Err())
}
