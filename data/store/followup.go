package store

import (
	"context"
	"strings"
)

// ParticipantPositions returns every participant's position (jabatan) by ID: People leaves it out, and the JP
// follow-up's lampiran prints it for the people below target.
func (s *Store) ParticipantPositions(ctx context.Context) (map[int64]string, error) {
	rows, err := s.db.QueryContext(ctx, "SELECT id, position FROM participant WHERE position <> ''")
	if err != nil {
		return nil, storageError(err)
	}
	defer rows.Close()
	out := map[int64]string{}
	for rows.Next() {
		var id int64
		var pos string
		if err := rows.Scan(&id, &pos); err != nil {
			return nil, storageError(err)
		}
		out[id] = pos
	}
	return out, storageError(rows.Err())
}

// EnrolledIn returns, for each of the programs, the participants enrolled in it (not withdrawn): the
// follow-up says who is already registered for a coming program.
func (s *Store) EnrolledIn(ctx context.Context, programIDs []int64) (map[int64]map[int64]bool, error) {
	out := map[int64]map[int64]bool{}
	if len(programIDs) == 0 {
		return out, nil
	}
	args := make([]any, len(programIDs))
	for i, id := range programIDs {
		args[i] = id
	}
	rows, err := s.db.QueryContext(ctx, `SELECT program_id, participant_id FROM enrolment WHERE status = 'enrolled' AND program_id IN (?`+
		strings.Repeat(", ?", len(programIDs)-1)+")", args...)
	if err != nil {
		return nil, storageError(err)
	}
	defer rows.Close()
	for rows.Next() {
		var program, person int64
		if err := rows.Scan(&program, &person); err != nil {
			return nil, storageError(err)
		}
		if out[program] == nil {
			out[program] = map[int64]bool{}
		}
		out[program][person] = true
	}
	return out, storageError(rows.Err())
}
