package store

import (
	"context"
	"database/sql"

	"github.com/pembina/pembina/data"
)

const sessionColumns = "id, program_id, position, date, start_time, end_time, time_zone, topic, subject_id, speaker, jp"

func scanSession(row interface{ Scan(...any) error }) (*data.Session, error) {
	var x data.Session
	var date sql.NullString
	var subject sql.NullInt64
	if err := row.Scan(&x.ID, &x.ProgramID, &x.Number, &date, &x.Start, &x.End, &x.TimeZone, &x.Topic, &subject,
		&x.Speaker, &x.JP); err != nil {
		return nil, err
	}
	x.Date, x.SubjectID = dateOf(date), subject.Int64
	return &x, nil
}

// CreateSession validates and adds a session; without a number it goes last.
func (s *Store) CreateSession(ctx context.Context, x *data.Session) error {
	if err := x.Validate(); err != nil {
		return err
	}
	return s.tx(ctx, func(tx *sql.Tx) error { return insertSession(ctx, tx, x) })
}

// insertSession stores a validated session inside a transaction; without a number it goes last.
func insertSession(ctx context.Context, tx querier, x *data.Session) error {
	if x.Number == 0 {
		if err := tx.QueryRowContext(ctx, "SELECT COALESCE(max(position), 0) + 1 FROM session WHERE program_id = ?",
			x.ProgramID).Scan(&x.Number); err != nil {
			return storageError(err)
		}
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO session (program_id, position, date, start_time, end_time, time_zone, topic,
		subject_id, speaker, jp) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, x.ProgramID, x.Number, data.FormatDate(x.Date),
		x.Start, x.End, x.TimeZone, x.Topic, nullID(x.SubjectID), x.Speaker, x.JP)
	if err != nil {
		return constraintError(err, "", "Program atau mata pelatihan tidak ditemukan")
	}
	x.ID, err = res.LastInsertId()
	return storageError(err)
}

// UpdateSession validates and stores changes to a session.
func (s *Store) UpdateSession(ctx context.Context, x *data.Session) error {
	if err := x.Validate(); err != nil {
		return err
	}
	return s.tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE session SET position = ?, date = ?, start_time = ?, end_time = ?, time_zone = ?,
			topic = ?, subject_id = ?, speaker = ?, jp = ? WHERE id = ?`, x.Number, data.FormatDate(x.Date), x.Start, x.End,
			x.TimeZone, x.Topic, nullID(x.SubjectID), x.Speaker, x.JP, x.ID)
		if err != nil {
			return constraintError(err, "", "Mata pelatihan tidak ditemukan")
		}
		return mustAffect(res, nil, "Sesi", x.ID)
	})
}

// DeleteSession removes a session. When attendance has been recorded for it, force must be set (the window
// asks first); otherwise it is a conflict naming the number of marks that would go.
func (s *Store) DeleteSession(ctx context.Context, id int64, force bool) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		var marks int
		if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM attendance WHERE session_id = ?", id).Scan(&marks); err != nil {
			return storageError(err)
		}
		if marks > 0 && !force {
			return data.Errorf(data.KindConflict, "Sesi ini sudah memiliki %d tanda hadir; hapus juga tanda hadirnya?", marks)
		}
		var programID int64
		if err := tx.QueryRowContext(ctx, "SELECT program_id FROM session WHERE id = ?", id).Scan(&programID); err == sql.ErrNoRows {
			return notFound("Sesi", id)
		} else if err != nil {
			return storageError(err)
		}
		res, err := tx.ExecContext(ctx, "DELETE FROM session WHERE id = ?", id)
		if err := mustAffect(res, err, "Sesi", id); err != nil {
			return err
		}
		// The numbers stay 1, 2, 3, …: the command line and the sign-in sheets name sessions by number.
		return renumberSessions(ctx, tx, programID, nil)
	})
}

// Session returns one session.
func (s *Store) Session(ctx context.Context, id int64) (*data.Session, error) {
	x, err := scanSession(s.db.QueryRowContext(ctx, "SELECT "+sessionColumns+" FROM session WHERE id = ?", id))
	if err == sql.ErrNoRows {
		return nil, notFound("Sesi", id)
	}
	return x, storageError(err)
}

// Sessions lists a program's sessions by number.
func (s *Store) Sessions(ctx context.Context, programID int64) ([]*data.Session, error) {
	return sessionsTx(ctx, s.db, programID)
}

func sessionsTx(ctx context.Context, q querier, programID int64) ([]*data.Session, error) {
	rows, err := q.QueryContext(ctx, "SELECT "+sessionColumns+" FROM session WHERE program_id = ? ORDER BY position, date, start_time, id", programID)
	if err != nil {
		return nil, storageError(err)
	}
	defer rows.Close()
	var out []*data.Session
	for rows.Next() {
		x, err := scanSession(rows)
		if err != nil {
			return nil, storageError(err)
		}
		out = append(out, x)
	}
	return out, storageError(rows.Err())
}
