package store

import (
	"context"
	"database/sql"

	"github.com/pembina/pembina/data"
)

const programFormColumns = "pf.id, pf.program_id, pf.form_id, pf.level, pf.respondent, pf.opens_on, pf.closes_on, pf.position"

func scanProgramForm(row interface{ Scan(...any) error }, extra ...any) (*data.ProgramForm, error) {
	var pf data.ProgramForm
	var opens, closes sql.NullString
	dest := append([]any{&pf.ID, &pf.ProgramID, &pf.FormID, &pf.Level, &pf.Respondent, &opens, &closes, &pf.Position}, extra...)
	if err := row.Scan(dest...); err != nil {
		return nil, err
	}
	pf.OpensOn, pf.ClosesOn = dateOf(opens), dateOf(closes)
	return &pf, nil
}

// AttachForm validates and attaches a form to a program, at the end of its list, setting the ID.
func (s *Store) AttachForm(ctx context.Context, pf *data.ProgramForm) error {
	if err := pf.Validate(); err != nil {
		return err
	}
	return s.tx(ctx, func(tx *sql.Tx) error { return attachFormTx(ctx, tx, pf) })
}

// attachFormTx attaches a validated form inside a transaction. A form without questions cannot be attached.
func attachFormTx(ctx context.Context, q querier, pf *data.ProgramForm) error {
	var questions int
	if err := q.QueryRowContext(ctx, "SELECT count(*) FROM question WHERE form_id = ? AND hidden = 0", pf.FormID).Scan(&questions); err != nil {
		return storageError(err)
	}
	if questions == 0 {
		return data.Errorf(data.KindInvalid, "Formulir ini belum memiliki pertanyaan; lengkapi dulu di halaman Formulir")
	}
	if pf.Position == 0 {
		if err := q.QueryRowContext(ctx, "SELECT COALESCE(max(position), 0) + 1 FROM program_form WHERE program_id = ?",
			pf.ProgramID).Scan(&pf.Position); err != nil {
			return storageError(err)
		}
	}
	res, err := q.ExecContext(ctx, `INSERT INTO program_form (program_id, form_id, level, respondent, opens_on, closes_on, position)
		VALUES (?, ?, ?, ?, ?, ?, ?)`, pf.ProgramID, pf.FormID, pf.Level, pf.Respondent, nullDate(pf.OpensOn),
		nullDate(pf.ClosesOn), pf.Position)
	if err != nil {
		return constraintError(err, "", "Program atau formulir tidak ditemukan")
	}
	pf.ID, err = res.LastInsertId()
	return storageError(err)
}

// UpdateProgramForm stores a changed level, respondent kind or dates. The respondent kind of a form that
// already has responses cannot change: names would be attached to anonymous answers, or lost.
func (s *Store) UpdateProgramForm(ctx context.Context, pf *data.ProgramForm) error {
	if err := pf.Validate(); err != nil {
		return err
	}
	return s.tx(ctx, func(tx *sql.Tx) error {
		var respondent data.Respondent
		var responses int
		err := tx.QueryRowContext(ctx, `SELECT respondent, (SELECT count(*) FROM response WHERE program_form_id = pf.id)
			FROM program_form pf WHERE id = ?`, pf.ID).Scan(&respondent, &responses)
		if err == sql.ErrNoRows {
			return notFound("Formulir program", pf.ID)
		}
		if err != nil {
			return storageError(err)
		}
		if responses > 0 && respondent != pf.Respondent {
			return data.Errorf(data.KindConflict, "Formulir ini sudah memiliki %d jawaban dari responden %s; jenis responden tidak dapat diubah lagi",
				responses, respondent.Label())
		}
		_, err = tx.ExecContext(ctx, "UPDATE program_form SET level = ?, respondent = ?, opens_on = ?, closes_on = ? WHERE id = ?",
			pf.Level, pf.Respondent, nullDate(pf.OpensOn), nullDate(pf.ClosesOn), pf.ID)
		return storageError(err)
	})
}

// DetachForm removes a form from a program. When it has responses, force must be set (the window asks
// first) and they go with it; otherwise it is a conflict naming how many would be lost.
func (s *Store) DetachForm(ctx context.Context, id int64, force bool) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM response WHERE program_form_id = ?", id).Scan(&n); err != nil {
			return storageError(err)
		}
		if n > 0 && !force {
			return data.Errorf(data.KindConflict, "Formulir ini sudah memiliki %d jawaban; melepasnya juga menghapus jawaban tersebut", n)
		}
		res, err := tx.ExecContext(ctx, "DELETE FROM program_form WHERE id = ?", id)
		return mustAffect(res, err, "Formulir program", id)
	})
}

// ProgramForm returns one attachment.
func (s *Store) ProgramForm(ctx context.Context, id int64) (*data.ProgramForm, error) {
	pf, err := scanProgramForm(s.db.QueryRowContext(ctx, "SELECT "+programFormColumns+" FROM program_form pf WHERE pf.id = ?", id))
	if err == sql.ErrNoRows {
		return nil, notFound("Formulir program", id)
	}
	return pf, storageError(err)
}

// ProgramFormRow is an attachment as the Evaluasi tab lists it.
type ProgramFormRow struct {
	*data.ProgramForm
	FormTitle string
	FormKind  data.FormKind
	Responses int
}

// ProgramForms lists the forms attached to a program in their order.
func (s *Store) ProgramForms(ctx context.Context, programID int64) ([]ProgramFormRow, error) {
	return programForms(ctx, s.db, programID)
}

func programForms(ctx context.Context, q querier, programID int64) ([]ProgramFormRow, error) {
	rows, err := q.QueryContext(ctx, "SELECT "+programFormColumns+`, f.title, f.kind,
		(SELECT count(*) FROM response r WHERE r.program_form_id = pf.id)
		FROM program_form pf JOIN form f ON f.id = pf.form_id WHERE pf.program_id = ? ORDER BY pf.level, pf.position, pf.id`, programID)
	if err != nil {
		return nil, storageError(err)
	}
	defer rows.Close()
	var out []ProgramFormRow
	for rows.Next() {
		var r ProgramFormRow
		if r.ProgramForm, err = scanProgramForm(rows, &r.FormTitle, &r.FormKind, &r.Responses); err != nil {
			return nil, storageError(err)
		}
		out = append(out, r)
	}
	return out, storageError(rows.Err())
}

// StandardAttachment is how the standard set attaches a form of the given kind to a program: its level, its
// respondents, and dates around the program's (the pre-test on the first day, reactions and the post-test
// from the last day for a week, the follow-ups three to six months later).
func StandardAttachment(p *data.Program, kind data.FormKind) data.ProgramForm {
	pf := data.ProgramForm{ProgramID: p.ID, Level: kind.DefaultLevel(), Respondent: kind.DefaultRespondent()}
	week := p.EndDate.AddDate(0, 0, 7)
	switch kind {
	case data.FormPreTest:
		pf.OpensOn, pf.ClosesOn = p.StartDate.AddDate(0, 0, -7), p.StartDate
	case data.FormPostTest:
		pf.OpensOn, pf.ClosesOn = p.EndDate, week
	case data.FormFollowUpAlumni, data.FormFollowUpSuperior:
		pf.OpensOn, pf.ClosesOn = p.EndDate.AddDate(0, 3, 0), p.EndDate.AddDate(0, 6, 0)
	default:
		pf.OpensOn, pf.ClosesOn = p.StartDate, week
	}
	return pf
}

// StandardItem is one built-in form of the standard set a program would get, with whether it is attached
// already; the window lists them (StandardSet) before the second click.
type StandardItem struct {
	Key      string
	Form     *data.Form
	Attached bool
	Plan     data.ProgramForm
}

// StandardSet returns the built-in forms still in the database, with the attachment each would get.
func (s *Store) StandardSet(ctx context.Context, programID int64) ([]StandardItem, error) {
	p, err := s.Program(ctx, programID)
	if err != nil {
		return nil, err
	}
	attached := map[int64]bool{}
	rows, err := s.ProgramForms(ctx, programID)
	if err != nil {
		return nil, err
	}
	for _, r := range rows {
		attached[r.FormID] = true
	}
	var out []StandardItem
	for _, key := range data.StandardKeys {
		f, err := s.FormByBuiltin(ctx, key)
		if data.IsKind(err, data.KindNotFound) {
			continue
		}
		if err != nil {
			return nil, err
		}
		plan := StandardAttachment(p, f.Kind)
		plan.FormID = f.ID
		out = append(out, StandardItem{Key: key, Form: f, Attached: attached[f.ID], Plan: plan})
	}
	return out, nil
}

// AttachStandard attaches the built-in forms named by keys that the program does not have yet, in one
// transaction, and returns how many it attached.
func (s *Store) AttachStandard(ctx context.Context, programID int64, keys []string) (int, error) {
	items, err := s.StandardSet(ctx, programID)
	if err != nil {
		return 0, err
	}
	want := map[string]bool{}
	for _, k := range keys {
		want[k] = true
	}
	added := 0
	err = s.tx(ctx, func(tx *sql.Tx) error {
		added = 0
		for _, it := range items {
			if it.Attached || !want[it.Key] {
				continue
			}
			pf := it.Plan
			if err := attachFormTx(ctx, tx, &pf); err != nil {
				return err
			}
			added++
		}
		return nil
	})
	return added, err
}

// ProgramSpeakers lists the distinct speakers of a program's sessions in the order they first teach: the
// speakers a speaker evaluation is answered for.
func (s *Store) ProgramSpeakers(ctx context.Context, programID int64) ([]string, error) {
	return programSpeakers(ctx, s.db, programID)
}

func programSpeakers(ctx context.Context, q querier, programID int64) ([]string, error) {
	out, err := column[string](ctx, q, `SELECT speaker FROM session WHERE program_id = ? AND trim(speaker) <> ''
		GROUP BY speaker ORDER BY min(date || start_time), min(position)`, programID)
	return out, storageError(err)
}
