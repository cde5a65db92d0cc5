package store

import (
	"context"
	"database/sql"
	"strings"

	"github.com/pembina/pembina/data"
)

const programColumns = `p.id, p.code, p.title, p.kind, p.competency_kind, p.delivery, p.batch, p.budget_year, p.organiser,
	p.place, p.start_date, p.end_date, p.total_jp, p.status, p.archived, p.time_zone, p.attendance_threshold,
	p.excused_count_present, p.pass_score, p.signatory_id, p.number_pattern, p.description`

func scanProgram(row interface{ Scan(...any) error }, extra ...any) (*data.Program, error) {
	var p data.Program
	var start, end sql.NullString
	var pass sql.NullFloat64
	var sig sql.NullInt64
	dest := append([]any{&p.ID, &p.Code, &p.Title, &p.Kind, &p.CompetencyKind, &p.Delivery, &p.Batch, &p.BudgetYear,
		&p.Organiser, &p.Place, &start, &end, &p.TotalJP, &p.Status, &p.Archived, &p.TimeZone, &p.AttendanceThreshold,
		&p.ExcusedCountPresent, &pass, &sig, &p.NumberPattern, &p.Description}, extra...)
	if err := row.Scan(dest...); err != nil {
		return nil, err
	}
	p.StartDate, p.EndDate = dateOf(start), dateOf(end)
	p.PassScore, p.SignatoryID = pass.Float64, sig.Int64
	return &p, nil
}

func programSearch(p *data.Program) string {
	return data.SearchKey(strings.Join([]string{p.Code, p.Title, p.Kind, p.Organiser, p.Place}, " "))
}

func nullPass(f float64) any {
	if f == 0 {
		return nil
	}
	return f
}

// CreateProgram validates and stores a new program, setting its ID. A code already in use is a conflict.
func (s *Store) CreateProgram(ctx context.Context, p *data.Program) error {
	p.Normalize()
	if err := p.Validate(); err != nil {
		return err
	}
	return s.tx(ctx, func(tx *sql.Tx) error { return insertProgram(ctx, tx, p) })
}

// insertProgram stores an already normalised and validated program inside a transaction, with its certificate
// design taken from the institution's defaults.
func insertProgram(ctx context.Context, tx querier, p *data.Program) error {
	res, err := tx.ExecContext(ctx, `INSERT INTO program (code, title, kind, competency_kind, delivery, batch, budget_year,
		organiser, place, start_date, end_date, total_jp, status, archived, time_zone, attendance_threshold,
		excused_count_present, pass_score, signatory_id, number_pattern, description, search)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		p.Code, p.Title, p.Kind, p.CompetencyKind, p.Delivery, p.Batch, p.BudgetYear, p.Organiser, p.Place,
		data.FormatDate(p.StartDate), data.FormatDate(p.EndDate), p.TotalJP, p.Status, boolInt(p.Archived), p.TimeZone,
		p.AttendanceThreshold, boolInt(p.ExcusedCountPresent), nullPass(p.PassScore), nullID(p.SignatoryID),
		p.NumberPattern, p.Description, programSearch(p))
	if err != nil {
		return constraintError(err, "Kode program "+p.Code+" sudah dipakai program lain; pilih kode lain", "Penandatangan tidak ditemukan")
	}
	p.ID, err = res.LastInsertId()
	if err != nil {
		return storageError(err)
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO certificate_design (program_id, kind, title)
		SELECT ?, certificate_kind, CASE certificate_kind WHEN 'sttp' THEN 'SURAT TANDA TAMAT PELATIHAN'
			WHEN 'piagam' THEN 'PIAGAM PENGHARGAAN' ELSE 'SERTIFIKAT' END FROM institution WHERE id = 1`, p.ID)
	return storageError(err)
}

// UpdateProgram validates and stores changes to a program.
func (s *Store) UpdateProgram(ctx context.Context, p *data.Program) error {
	p.Normalize()
	if err := p.Validate(); err != nil {
		return err
	}
	return s.tx(ctx, func(tx *sql.Tx) error { return updateProgram(ctx, tx, p) })
}

// ProgramDependants counts what hangs on a program and would be lost with it.
type ProgramDependants struct {
	Enrolments, Attendance, Responses, Certificates int
}

// Any reports whether anything hangs on the program.
func (d ProgramDependants) Any() bool {
	return d.Enrolments+d.Attendance+d.Responses+d.Certificates > 0
}

func programDependants(ctx context.Context, q querier, id int64) (ProgramDependants, error) {
	var d ProgramDependants
	err := q.QueryRowContext(ctx, `SELECT
		(SELECT count(*) FROM enrolment WHERE program_id = ?1),
		(SELECT count(*) FROM attendance a JOIN session s ON s.id = a.session_id WHERE s.program_id = ?1),
		(SELECT count(*) FROM response r JOIN program_form f ON f.id = r.program_form_id WHERE f.program_id = ?1),
		(SELECT count(*) FROM certificate c JOIN enrolment e ON e.id = c.enrolment_id WHERE e.program_id = ?1)`, id).
		Scan(&d.Enrolments, &d.Attendance, &d.Responses, &d.Certificates)
	return d, storageError(err)
}

// ProgramDependants tells what hangs on a program, so the window can say why it cannot be deleted.
func (s *Store) ProgramDependants(ctx context.Context, id int64) (ProgramDependants, error) {
	return programDependants(ctx, s.db, id)
}

// DeleteProgram removes a program with its subjects, sessions and forms attached, but only when no participant,
// attendance mark, response or certificate hangs on it; otherwise it is a conflict and the program should be
// archived instead.
func (s *Store) DeleteProgram(ctx context.Context, id int64) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		d, err := programDependants(ctx, tx, id)
		if err != nil {
			return err
		}
		if d.Any() {
			return data.Errorf(data.KindConflict, "Program tidak dapat dihapus karena sudah memiliki %d peserta, %d tanda hadir, "+
				"%d jawaban evaluasi dan %d sertifikat; arsipkan program ini sebagai gantinya", d.Enrolments, d.Attendance,
				d.Responses, d.Certificates)
		}
		res, err := tx.ExecContext(ctx, "DELETE FROM program WHERE id = ?", id)
		return mustAffect(res, err, "Program", id)
	})
}

// SetProgramArchived archives a program (hidden from lists by default, kept whole) or brings it back.
func (s *Store) SetProgramArchived(ctx context.Context, id int64, archived bool) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, "UPDATE program SET archived = ?, updated_at = datetime('now') WHERE id = ?", boolInt(archived), id)
		return mustAffect(res, err, "Program", id)
	})
}

// SetProgramStatus changes a program's status.
func (s *Store) SetProgramStatus(ctx context.Context, id int64, status data.ProgramStatus) error {
	if status.Label() == string(status) {
		return data.Errorf(data.KindInvalid, "Status program %q tidak dikenal", status)
	}
	return s.tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, "UPDATE program SET status = ?, updated_at = datetime('now') WHERE id = ?", status, id)
		return mustAffect(res, err, "Program", id)
	})
}

// Program returns one program.
func (s *Store) Program(ctx context.Context, id int64) (*data.Program, error) {
	return programTx(ctx, s.db, id)
}

// ProgramByCode returns the program with the given code (as typed, case-insensitive).
func (s *Store) ProgramByCode(ctx context.Context, code string) (*data.Program, error) {
	p, err := scanProgram(s.db.QueryRowContext(ctx, "SELECT "+programColumns+" FROM program p WHERE p.code = ? COLLATE NOCASE",
		strings.TrimSpace(code)))
	if err == sql.ErrNoRows {
		return nil, data.Errorf(data.KindNotFound, "Program dengan kode %q tidak ditemukan", code)
	}
	return p, storageError(err)
}

// ProgramFilter narrows the program list. Zero values do not filter.
type ProgramFilter struct {
	Search          string // words matched in code, title, kind, organiser and place, ignoring case and accents
	Year            int    // budget year
	Status          data.ProgramStatus
	Kind            string
	IncludeArchived bool
}

// ProgramRow is a program as lists show it, with its counts.
type ProgramRow struct {
	*data.Program
	Participants int // enrolled, not withdrawn
	Sessions     int
}

// Programs lists programs matching the filter, newest first.
func (s *Store) Programs(ctx context.Context, f ProgramFilter) ([]ProgramRow, error) {
	var where []string
	var args []any
	for _, word := range strings.Fields(data.SearchKey(f.Search)) {
		where = append(where, `p.search LIKE ? ESCAPE '\'`)
		args = append(args, likePattern(word))
	}
	if f.Year != 0 {
		where = append(where, "p.budget_year = ?")
		args = append(args, f.Year)
	}
	if f.Status != "" {
		where = append(where, "p.status = ?")
		args = append(args, f.Status)
	}
	if f.Kind != "" {
		where = append(where, "p.kind = ?")
		args = append(args, f.Kind)
	}
	if !f.IncludeArchived {
		where = append(where, "p.archived = 0")
	}
	q := "SELECT " + programColumns + `,
		(SELECT count(*) FROM enrolment e WHERE e.program_id = p.id AND e.status = 'enrolled'),
		(SELECT count(*) FROM session x WHERE x.program_id = p.id)
		FROM program p`
	if len(where) > 0 {
		q += " WHERE " + strings.Join(where, " AND ")
	}
	q += " ORDER BY p.start_date DESC, p.code"
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, storageError(err)
	}
	defer rows.Close()
	var out []ProgramRow
	for rows.Next() {
		var r ProgramRow
		if r.Program, err = scanProgram(rows, &r.Participants, &r.Sessions); err != nil {
			return nil, storageError(err)
		}
		out = append(out, r)
	}
	return out, storageError(rows.Err())
}

// ProgramYears lists the budget years that have programs, newest first, for the year filter.
func (s *Store) ProgramYears(ctx context.Context) ([]int, error) {
	out, err := column[int](ctx, s.db, "SELECT DISTINCT budget_year FROM program ORDER BY budget_year DESC")
	return out, storageError(err)
}
