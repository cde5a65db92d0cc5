package store

import (
	"context"
	"database/sql"
	"errors"
	"strings"

	"github.com/mattn/go-sqlite3"

	"github.com/pembina/pembina/data"
)

// SetMark stores one attendance mark at once (insert or replace), so that a closed window never loses one.
func (s *Store) SetMark(ctx context.Context, m *data.Mark) error {
	if err := m.Validate(); err != nil {
		return err
	}
	return s.tx(ctx, func(tx *sql.Tx) error { return SetMarkTx(ctx, tx, m) })
}

// SetMarkTx stores a validated mark inside a transaction. A mark for someone not enrolled in the session's
// program is refused.
func SetMarkTx(ctx context.Context, tx Querier, m *data.Mark) error {
	source := m.Source
	if source == "" {
		source = data.SourceScreen
	}
	var minutes any
	if m.Minutes != nil {
		minutes = *m.Minutes
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO attendance (session_id, enrolment_id, status, time, note, minutes, source)
		VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (session_id, enrolment_id) DO UPDATE SET status = excluded.status,
		time = excluded.time, note = excluded.note, minutes = excluded.minutes, source = excluded.source,
		updated_at = datetime('now')`, m.SessionID, m.EnrolmentID, m.Status, m.Time, m.Note, minutes, source)
	var se sqlite3.Error
	if errors.As(err, &se) && strings.Contains(se.Error(), "not enrolled") {
		return data.Wrap(data.KindInvalid, err, "Peserta ini tidak terdaftar di program sesi tersebut; daftarkan dulu sebelum mencatat kehadirannya")
	}
	return constraintError(err, "", "Sesi atau pendaftaran tidak ditemukan")
}

// ClearMark removes a mark, leaving the participant unmarked for the session.
func (s *Store) ClearMark(ctx context.Context, sessionID, enrolmentID int64) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, "DELETE FROM attendance WHERE session_id = ? AND enrolment_id = ?", sessionID, enrolmentID)
		return storageError(err)
	})
}

// Marks returns a session's marks by enrolment ID.
func (s *Store) Marks(ctx context.Context, sessionID int64) (map[int64]*data.Mark, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT session_id, enrolment_id, status, time, note, minutes, source FROM attendance
		WHERE session_id = ?`, sessionID)
	if err != nil {
		return nil, storageError(err)
	}
	defer rows.Close()
	out := map[int64]*data.Mark{}
	for rows.Next() {
		var m data.Mark
		var minutes sql.NullInt64
		if err := rows.Scan(&m.SessionID, &m.EnrolmentID, &m.Status, &m.Time, &m.Note, &minutes, &m.Source); err != nil {
			return nil, storageError(err)
		}
		if minutes.Valid {
			n := int(minutes.Int64)
			m.Minutes = &n
		}
		out[m.EnrolmentID] = &m
	}
	return out, storageError(rows.Err())
}

// InsertMarksTx stores many new marks inside a transaction, a hundred rows per statement: for sample data
// and bulk entry, where one statement per mark would cost most of the time in SQLite's call overhead. Marks
// must be validated and must not exist yet (a duplicate is a conflict and the caller's transaction fails).
func InsertMarksTx(ctx context.Context, tx Querier, marks []data.Mark) error {
	const perStatement = 100
	for start := 0; start < len(marks); start += perStatement {
		chunk := marks[start:min(len(marks), start+perStatement)]
		args := make([]any, 0, len(chunk)*6)
		for _, m := range chunk {
			source := m.Source
			if source == "" {
				source = data.SourceScreen
			}
			var minutes any
			if m.Minutes != nil {
				minutes = *m.Minutes
			}
			args = append(args, m.SessionID, m.EnrolmentID, m.Status, m.Time, m.Note, minutes, source)
		}
		q := "INSERT INTO attendance (session_id, enrolment_id, status, time, note, minutes, source) VALUES " +
			strings.TrimSuffix(strings.Repeat("(?, ?, ?, ?, ?, ?, ?), ", len(chunk)), ", ")
		if _, err := tx.ExecContext(ctx, q, args...); err != nil {
			return constraintError(err, "Tanda hadir ganda untuk sesi yang sama", "Sesi atau pendaftaran tidak ditemukan")
		}
	}
	return nil
}
