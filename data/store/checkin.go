package store

import (
	"context"
	"database/sql"

	"github.com/pembina/pembina/data"
)

// CheckIn stores a participant's own check-in mark (Mode Kelas) unless the session already has a mark for
// them: a mark the coordinator keyed, or an earlier check-in, is kept as it is. It returns the mark that holds
// after the call and whether it is the new one. The read and the insert are one transaction, so a check-in and
// the coordinator's "tandai manual" at the same moment cannot both win.
func (s *Store) CheckIn(ctx context.Context, m *data.Mark) (held *data.Mark, created bool, err error) {
	if err := m.Validate(); err != nil {
		return nil, false, err
	}
	err = s.tx(ctx, func(tx *sql.Tx) error {
		var old data.Mark
		var minutes sql.NullInt64
		err := tx.QueryRowContext(ctx, `SELECT session_id, enrolment_id, status, time, note, minutes, source FROM attendance
			WHERE session_id = ? AND enrolment_id = ?`, m.SessionID, m.EnrolmentID).Scan(&old.SessionID, &old.EnrolmentID,
			&old.Status, &old.Time, &old.Note, &minutes, &old.Source)
		switch {
		case err == nil:
			if minutes.Valid {
				n := int(minutes.Int64)
				old.Minutes = &n
			}
			held = &old
			return nil
		case err != sql.ErrNoRows:
			return storageError(err)
		}
		if err := setMarkTx(ctx, tx, m); err != nil {
			return err
		}
		held, created = m, true
		return nil
	})
	if err != nil {
		return nil, false, err
	}
	return held, created, nil
}

// ParticipantAnswered tells which of a program's attached forms a participant has answered, by program form
// ID, with the speakers judged (the empty speaker for other forms): one query for a participant's whole
// list of forms in Mode Kelas, where SpeakersJudged would take one per form.
func (s *Store) ParticipantAnswered(ctx context.Context, programID, participantID int64) (map[int64]map[string]bool, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT r.program_form_id, r.speaker FROM response r
		JOIN program_form pf ON pf.id = r.program_form_id WHERE pf.program_id = ? AND r.participant_id = ?`, programID, participantID)
	if err != nil {
		return nil, storageError(err)
	}
	defer rows.Close()
	out := map[int64]map[string]bool{}
	for rows.Next() {
		var id int64
		var speaker string
		if err := rows.Scan(&id, &speaker); err != nil {
			return nil, storageError(err)
		}
		if out[id] == nil {
			out[id] = map[string]bool{}
		}
		out[id][speaker] = true
	}
	return out, storageError(rows.Err())
}
