package store

import (
	"context"
	"database/sql"

	"github.com/pembina/pembina/data"
)

// CreateSubject adds a subject at the end of its program's list, setting its ID and position.
func (s *Store) CreateSubject(ctx context.Context, sub *data.Subject) error {
	if err := sub.Validate(); err != nil {
		return err
	}
	return s.tx(ctx, func(tx *sql.Tx) error { return insertSubject(ctx, tx, sub) })
}

// insertSubject stores a validated subject inside a transaction; without a position it goes last.
func insertSubject(ctx context.Context, tx querier, sub *data.Subject) error {
	if sub.Position == 0 {
		if err := tx.QueryRowContext(ctx, "SELECT COALESCE(max(position), 0) + 1 FROM subject WHERE program_id = ?",
			sub.ProgramID).Scan(&sub.Position); err != nil {
			return storageError(err)
		}
	}
	res, err := tx.ExecContext(ctx, "INSERT INTO subject (program_id, position, name, jp) VALUES (?, ?, ?, ?)",
		sub.ProgramID, sub.Position, sub.Name, sub.JP)
	if err != nil {
		return constraintError(err, "", "Program tidak ditemukan")
	}
	sub.ID, err = res.LastInsertId()
	return storageError(err)
}

// UpdateSubject stores changes to a subject.
func (s *Store) UpdateSubject(ctx context.Context, sub *data.Subject) error {
	if err := sub.Validate(); err != nil {
		return err
	}
	return s.tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, "UPDATE subject SET position = ?, name = ?, jp = ? WHERE id = ?",
			sub.Position, sub.Name, sub.JP, sub.ID)
		return mustAffect(res, err, "Mata pelatihan", sub.ID)
	})
}

// DeleteSubject removes a subject; sessions that taught it keep their topic.
func (s *Store) DeleteSubject(ctx context.Context, id int64) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, "DELETE FROM subject WHERE id = ?", id)
		return mustAffect(res, err, "Mata pelatihan", id)
	})
}

// Subjects lists a program's subjects in order.
func (s *Store) Subjects(ctx context.Context, programID int64) ([]*data.Subject, error) {
	return subjectsTx(ctx, s.db, programID)
}

func subjectsTx(ctx context.Context, q querier, programID int64) ([]*data.Subject, error) {
	rows, err := q.QueryContext(ctx, "SELECT id, program_id, position, name, jp FROM subject WHERE program_id = ? ORDER BY position, id", programID)
	if err != nil {
		return nil, storageError(err)
	}
	defer rows.Close()
	var out []*data.Subject
	for rows.Next() {
		var sub data.Subject
		if err := rows.Scan(&sub.ID, &sub.ProgramID, &sub.Position, &sub.Name, &sub.JP); err != nil {
			return nil, storageError(err)
		}
		out = append(out, &sub)
	}
	return out, storageError(rows.Err())
}
