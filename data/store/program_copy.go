package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"github.com/pembina/pembina/data"
)

// NextBatch returns the batch number a new batch of the program titled title would get in budget year year:
// one more than the highest batch of that title in that year, or 1 when the year has none (batches count
// within a budget year).
func (s *Store) NextBatch(ctx context.Context, title string, year int) (int, error) {
	var n int
	err := s.db.QueryRowContext(ctx, "SELECT COALESCE(max(batch), 0) + 1 FROM program WHERE title = ? COLLATE NOCASE AND budget_year = ?",
		strings.TrimSpace(title), year).Scan(&n)
	return n, storageError(err)
}

// BatchCopy is what a copy for the next batch changes; everything else is taken from the program copied.
type BatchCopy struct {
	Code      string    // the new program's code; must be free
	Batch     int       // angkatan
	StartDate time.Time // the new first day; the end date and every session move by the same number of days
}

// ProposeBatchCopy suggests the code and batch of a copy of p starting on start: the next batch of its title
// in start's year, and p's code with the batch and year replaced (data.NextBatchCode).
func (s *Store) ProposeBatchCopy(ctx context.Context, p *data.Program, start time.Time) (BatchCopy, error) {
	batch, err := s.NextBatch(ctx, p.Title, start.Year())
	if err != nil {
		return BatchCopy{}, err
	}
	return BatchCopy{Code: data.NextBatchCode(p.Code, p.Batch, batch, p.BudgetYear, start.Year()), Batch: batch, StartDate: start}, nil
}

// CopyProgram makes the next batch of a program in one transaction: the program's fields with a new code,
// batch and dates (status Rencana, not archived, budget year of the new start), its subjects, its sessions
// shifted by the same number of days, its certificate design and the forms attached to it (open and close
// dates shifted too). Participants, attendance, responses and certificates are not copied.
func (s *Store) CopyProgram(ctx context.Context, sourceID int64, c BatchCopy) (*data.Program, error) {
	src, err := s.Program(ctx, sourceID)
	if err != nil {
		return nil, err
	}
	if c.StartDate.IsZero() {
		return nil, data.Errorf(data.KindInvalid, "Tanggal mulai angkatan baru wajib diisi")
	}
	shift := int(data.Day(c.StartDate).Sub(src.StartDate).Hours() / 24)
	p := *src
	p.ID = 0
	p.Code, p.Batch = c.Code, c.Batch
	p.StartDate, p.EndDate = src.StartDate.AddDate(0, 0, shift), src.EndDate.AddDate(0, 0, shift)
	p.BudgetYear = p.StartDate.Year()
	p.Status, p.Archived = data.StatusPlanned, false
	p.Normalize()
	if err := p.Validate(); err != nil {
		return nil, err
	}
	err = s.tx(ctx, func(tx *sql.Tx) error {
		if err := insertProgram(ctx, tx, &p); err != nil {
			return err
		}
		subjects, err := copySubjects(ctx, tx, src.ID, p.ID)
		if err != nil {
			return err
		}
		if err := copySessions(ctx, tx, src.ID, p.ID, shift, subjects); err != nil {
			return err
		}
		if err := copyRow(ctx, tx, "certificate_design", src.ID, p.ID, shift, true); err != nil {
			return err
		}
		return copyRow(ctx, tx, "program_form", src.ID, p.ID, shift, false)
	})
	if err != nil {
		return nil, err
	}
	return &p, nil
}

// copySubjects copies a program's subjects and returns the new subject ID of each old one.
func copySubjects(ctx context.Context, tx *sql.Tx, from, to int64) (map[int64]int64, error) {
	rows, err := tx.QueryContext(ctx, "SELECT id, position, name, jp FROM subject WHERE program_id = ? ORDER BY position, id", from)
	if err != nil {
		return nil, storageError(err)
	}
	var subjects []data.Subject
	for rows.Next() {
		var sub data.Subject
		if err := rows.Scan(&sub.ID, &sub.Position, &sub.Name, &sub.JP); err != nil {
			rows.Close()
			return nil, storageError(err)
		}
		subjects = append(subjects, sub)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, storageError(err)
	}
	ids := map[int64]int64{}
	for _, sub := range subjects {
		old := sub.ID
		sub.ProgramID = to
		if err := insertSubject(ctx, tx, &sub); err != nil {
			return nil, err
		}
		ids[old] = sub.ID
	}
	return ids, nil
}

func copySessions(ctx context.Context, tx *sql.Tx, from, to int64, shift int, subjects map[int64]int64) error {
	rows, err := tx.QueryContext(ctx, "SELECT "+sessionColumns+" FROM session WHERE program_id = ? ORDER BY position, id", from)
	if err != nil {
		return storageError(err)
	}
	var sessions []*data.Session
	for rows.Next() {
		x, err := scanSession(rows)
		if err != nil {
			rows.Close()
			return storageError(err)
		}
		sessions = append(sessions, x)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return storageError(err)
	}
	for _, x := range sessions {
		x.ID, x.ProgramID = 0, to
		x.Date = x.Date.AddDate(0, 0, shift)
		x.SubjectID = subjects[x.SubjectID]
		if err := insertSession(ctx, tx, x); err != nil {
			return err
		}
	}
	return nil
}

// copyRow copies the rows of table that belong to program from to program to, whatever columns later
// migrations add: every column but id and program_id is copied, and date columns that say when something
// happens in the program's life (opens_on, closes_on) move by shift days. With replace, the target's row
// (made by insertProgram) is replaced; issue_date is left empty, as the new batch has not issued anything.
func copyRow(ctx context.Context, tx *sql.Tx, table string, from, to int64, shift int, replace bool) error {
	names, err := column[string](ctx, tx, "SELECT name FROM pragma_table_info(?)", table)
	if err != nil {
		return storageError(err)
	}
	var cols, values []string
	for _, name := range names {
		switch name {
		case "id":
			continue
		case "program_id":
			values = append(values, "?1")
		case "issue_date":
			values = append(values, "NULL")
		case "opens_on", "closes_on":
			values = append(values, fmt.Sprintf("date(%s, ?2)", name))
		default:
			values = append(values, name)
		}
		cols = append(cols, name)
	}
	verb := "INSERT"
	if replace {
		verb = "INSERT OR REPLACE"
	}
	q := fmt.Sprintf("%s INTO %s (%s) SELECT %s FROM %s WHERE program_id = ?3", verb, table, strings.Join(cols, ", "),
		strings.Join(values, ", "), table)
	if !replace {
		q += " ORDER BY id"
	}
	_, err = tx.ExecContext(ctx, q, to, fmt.Sprintf("%+d days", shift), from)
	return constraintError(err, "", "")
}
