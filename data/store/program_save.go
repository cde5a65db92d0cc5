package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/pembina/pembina/data"
)

// SaveProgram creates (ID 0) or updates a program together with its list of subjects in one transaction, as
// the program form edits them: subjects keep the given order, those with an ID are updated, those without are
// added and stored ones missing from the list are removed (sessions that taught them keep their topic). The
// subjects' JP must add up to the program's (data.SubjectJPError).
func (s *Store) SaveProgram(ctx context.Context, p *data.Program, subjects []data.Subject) error {
	p.Normalize()
	var fe data.FieldErrors
	if err := p.Validate(); err != nil {
		fe = append(fe, fieldErrors(err)...)
	}
	for i := range subjects {
		subjects[i].Name = strings.TrimSpace(subjects[i].Name)
		if err := subjects[i].Validate(); err != nil {
			for _, f := range fieldErrors(err) {
				fe.Add("Mata pelatihan", "baris %d, %s: %s", i+1, strings.ToLower(f.Field), f.Message)
			}
		}
	}
	if err := data.SubjectJPError(p.TotalJP, subjects); err != nil && len(fe) == 0 {
		fe = append(fe, fieldErrors(err)...)
	}
	if err := fe.Err(); err != nil {
		return err
	}
	return s.tx(ctx, func(tx *sql.Tx) error {
		if p.ID == 0 {
			if err := insertProgram(ctx, tx, p); err != nil {
				return err
			}
		} else if err := updateProgram(ctx, tx, p); err != nil {
			return err
		}
		return syncSubjects(ctx, tx, p.ID, subjects)
	})
}

// fieldErrors returns the field problems inside a validation error, or the error as one problem.
func fieldErrors(err error) data.FieldErrors {
	var fe data.FieldErrors
	if errors.As(err, &fe) {
		return fe
	}
	return data.FieldErrors{{Message: err.Error(), Format: "%v", Args: []any{err}}}
}

func updateProgram(ctx context.Context, tx querier, p *data.Program) error {
	if err := checkPatternChange(ctx, tx, p.ID, p.NumberPattern); err != nil {
		return err
	}
	res, err := tx.ExecContext(ctx, `UPDATE program SET code = ?, title = ?, kind = ?, competency_kind = ?, delivery = ?,
		batch = ?, budget_year = ?, organiser = ?, place = ?, start_date = ?, end_date = ?, total_jp = ?, status = ?,
		archived = ?, time_zone = ?, attendance_threshold = ?, excused_count_present = ?, pass_score = ?, signatory_id = ?,
		number_pattern = ?, description = ?, search = ?, updated_at = datetime('now') WHERE id = ?`,
		p.Code, p.Title, p.Kind, p.CompetencyKind, p.Delivery, p.Batch, p.BudgetYear, p.Organiser, p.Place,
		data.FormatDate(p.StartDate), data.FormatDate(p.EndDate), p.TotalJP, p.Status, boolInt(p.Archived), p.TimeZone,
		p.AttendanceThreshold, boolInt(p.ExcusedCountPresent), nullPass(p.PassScore), nullID(p.SignatoryID),
		p.NumberPattern, p.Description, programSearch(p), p.ID)
	if err != nil {
		return constraintError(err, "Kode program "+p.Code+" sudah dipakai program lain; pilih kode lain", "Penandatangan tidak ditemukan")
	}
	return mustAffect(res, nil, "Program", p.ID)
}

func syncSubjects(ctx context.Context, tx *sql.Tx, programID int64, subjects []data.Subject) error {
	keep := []any{programID}
	for _, sub := range subjects {
		if sub.ID != 0 {
			keep = append(keep, sub.ID)
		}
	}
	q := "DELETE FROM subject WHERE program_id = ?"
	if len(keep) > 1 {
		q += fmt.Sprintf(" AND id NOT IN (%s)", placeholders(len(keep)-1))
	}
	if _, err := tx.ExecContext(ctx, q, keep...); err != nil {
		return storageError(err)
	}
	for i := range subjects {
		sub := &subjects[i]
		sub.ProgramID, sub.Position = programID, i+1
		if sub.ID == 0 {
			if err := insertSubject(ctx, tx, sub); err != nil {
				return err
			}
			continue
		}
		res, err := tx.ExecContext(ctx, "UPDATE subject SET position = ?, name = ?, jp = ? WHERE id = ? AND program_id = ?",
			sub.Position, sub.Name, sub.JP, sub.ID, programID)
		if err := mustAffect(res, err, "Mata pelatihan", sub.ID); err != nil {
			return err
		}
	}
	return nil
}
