package store

import (
	"context"
	"database/sql"
	"sort"
	"strconv"

	"github.com/pembina/pembina/data"
)

// renumberSessions gives a program's sessions the numbers 1, 2, 3, … in the order of ids, or, when ids is nil,
// in their current order.
func renumberSessions(ctx context.Context, q querier, programID int64, ids []int64) error {
	if ids == nil {
		sessions, err := sessionsTx(ctx, q, programID)
		if err != nil {
			return err
		}
		for _, x := range sessions {
			ids = append(ids, x.ID)
		}
	}
	for i, id := range ids {
		if _, err := q.ExecContext(ctx, "UPDATE session SET position = ? WHERE id = ? AND program_id = ?", i+1, id, programID); err != nil {
			return storageError(err)
		}
	}
	return nil
}

// MoveSession moves a session delta places up (negative) or down (positive) in its program's order and
// renumbers the sessions; moving past either end stops there.
func (s *Store) MoveSession(ctx context.Context, id int64, delta int) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		var programID int64
		if err := tx.QueryRowContext(ctx, "SELECT program_id FROM session WHERE id = ?", id).Scan(&programID); err == sql.ErrNoRows {
			return notFound("Sesi", id)
		} else if err != nil {
			return storageError(err)
		}
		sessions, err := sessionsTx(ctx, tx, programID)
		if err != nil {
			return err
		}
		ids := make([]int64, len(sessions))
		from := 0
		for i, x := range sessions {
			ids[i] = x.ID
			if x.ID == id {
				from = i
			}
		}
		to := min(max(from+delta, 0), len(ids)-1)
		moved := ids[from]
		ids = append(ids[:from], ids[from+1:]...)
		ids = append(ids[:to], append([]int64{moved}, ids[to:]...)...)
		return renumberSessions(ctx, tx, programID, ids)
	})
}

// SortSessionsByDate renumbers a program's sessions in the order of their date and start time.
func (s *Store) SortSessionsByDate(ctx context.Context, programID int64) error {
	return s.tx(ctx, func(tx *sql.Tx) error { return sortSessionsByDate(ctx, tx, programID) })
}

func sortSessionsByDate(ctx context.Context, q querier, programID int64) error {
	sessions, err := sessionsTx(ctx, q, programID)
	if err != nil {
		return err
	}
	sort.SliceStable(sessions, func(i, j int) bool {
		a, b := sessions[i], sessions[j]
		if !a.Date.Equal(b.Date) {
			return a.Date.Before(b.Date)
		}
		return a.Start < b.Start
	})
	ids := make([]int64, len(sessions))
	for i, x := range sessions {
		ids[i] = x.ID
	}
	return renumberSessions(ctx, q, programID, ids)
}

// GenerateOptions shape the sessions GenerateSessions makes.
type GenerateOptions struct {
	Start, End string // "08:00" and "16:00" when empty
	TimeZone   string // the program's when empty
}

// GenerateSessions makes one session for every day of the program's date range that has none yet, with
// the given times, "Hari ke-N" as topic, and the program's JP not yet scheduled spread over them
// (data.SpreadJP); then numbers all sessions by date. It returns the sessions made.
func (s *Store) GenerateSessions(ctx context.Context, programID int64, opt GenerateOptions) ([]*data.Session, error) {
	if opt.Start == "" {
		opt.Start = "08:00"
	}
	if opt.End == "" {
		opt.End = "16:00"
	}
	var made []*data.Session
	err := s.tx(ctx, func(tx *sql.Tx) error {
		made = nil
		p, err := programTx(ctx, tx, programID)
		if err != nil {
			return err
		}
		existing, err := sessionsTx(ctx, tx, programID)
		if err != nil {
			return err
		}
		taken := map[string]bool{}
		scheduled := 0
		for _, x := range existing {
			taken[data.FormatDate(x.Date)] = true
			scheduled += x.JP
		}
		var days []int
		for d, i := p.StartDate, 0; !d.After(p.EndDate); d, i = d.AddDate(0, 0, 1), i+1 {
			if !taken[data.FormatDate(d)] {
				days = append(days, i)
			}
		}
		if len(days) == 0 {
			return data.Errorf(data.KindConflict, "Setiap hari program (%s) sudah memiliki sesi; tambahkan sesi satu per satu", p.Dates())
		}
		zone := opt.TimeZone
		if zone == "" {
			zone = p.TimeZone
		}
		jp := data.SpreadJP(p.TotalJP-scheduled, len(days))
		for k, i := range days {
			x := &data.Session{ProgramID: programID, Number: len(existing) + k + 1, Date: p.StartDate.AddDate(0, 0, i),
				Start: opt.Start, End: opt.End, TimeZone: zone, Topic: "Hari ke-" + strconv.Itoa(i+1), JP: jp[k]}
			if err := x.Validate(); err != nil {
				return err
			}
			if err := insertSession(ctx, tx, x); err != nil {
				return err
			}
			made = append(made, x)
		}
		if err := sortSessionsByDate(ctx, tx, programID); err != nil {
			return err
		}
		for _, x := range made {
			if err := tx.QueryRowContext(ctx, "SELECT position FROM session WHERE id = ?", x.ID).Scan(&x.Number); err != nil {
				return storageError(err)
			}
		}
		return nil
	})
	return made, err
}

// programTx reads a program inside a transaction.
func programTx(ctx context.Context, q querier, id int64) (*data.Program, error) {
	p, err := scanProgram(q.QueryRowContext(ctx, "SELECT "+programColumns+" FROM program p WHERE p.id = ?", id))
	if err == sql.ErrNoRows {
		return nil, notFound("Program", id)
	}
	return p, storageError(err)
}
