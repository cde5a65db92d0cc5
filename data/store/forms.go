package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/pembina/pembina/data"
)

// builtinFormsVersion is the set of built-in forms this build installs. Each database records the version it
// received (setting "builtin_forms"), so every form is installed once: a coordinator who edits or deletes a
// built-in form does not get it back on the next start. Version 1 also installed the sample data's pre-test
// and post-test; version 2 installs the generic forms only (data.StandardKeys).
const builtinFormsVersion = "2"

// installBuiltinForms adds the built-in forms to a database that has not received them yet, new or migrated.
// It runs on open rather than in a migration because the forms are Go values checked by Form.Validate and
// shared with the tests and the sample data; the version marker gives it a migration's run-once behaviour.
// A database that received version 1 loses the sample tests no program uses; a test attached to a program
// (and so possibly answered) stays, an ordinary form labelled as sample.
func (s *Store) installBuiltinForms(ctx context.Context) error {
	v, err := s.Setting(ctx, "builtin_forms", "")
	if err != nil || v == builtinFormsVersion {
		return err
	}
	return s.tx(ctx, func(tx *sql.Tx) error {
		if v == "1" {
			if _, err := tx.ExecContext(ctx, `DELETE FROM form WHERE builtin IN (?, ?)
				AND NOT EXISTS (SELECT 1 FROM program_form WHERE program_form.form_id = form.id)`,
				data.BuiltinPreTest, data.BuiltinPostTest); err != nil {
				return storageError(err)
			}
		}
		for _, f := range data.BuiltinForms() {
			if v == "1" || data.IsSampleTest(f.Builtin) {
				continue // version 1 installed the generic forms already; the tests are sample data
			}
			var n int
			if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM form WHERE builtin = ?", f.Builtin).Scan(&n); err != nil {
				return storageError(err)
			}
			if n > 0 {
				continue
			}
			f.Normalize()
			if err := f.Validate(); err != nil {
				return fmt.Errorf("built-in form %s: %w", f.Builtin, err)
			}
			if err := insertForm(ctx, tx, f); err != nil {
				return err
			}
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO setting (key, value) VALUES ('builtin_forms', ?)
			ON CONFLICT (key) DO UPDATE SET value = excluded.value`, builtinFormsVersion)
		return storageError(err)
	})
}

func jsonList(list []string) string {
	if len(list) == 0 {
		return "[]"
	}
	b, _ := json.Marshal(list)
	return string(b)
}

func listOf(s string) []string {
	var out []string
	json.Unmarshal([]byte(s), &out)
	return out
}

// CreateForm normalises, validates and stores a new form with its sections and questions, setting their IDs.
func (s *Store) CreateForm(ctx context.Context, f *data.Form) error {
	f.Normalize()
	if err := f.Validate(); err != nil {
		return err
	}
	return s.tx(ctx, func(tx *sql.Tx) error { return insertForm(ctx, tx, f) })
}

// insertForm stores an already validated form inside a transaction (importers make forms and their responses
// in one), setting the IDs of the form, its sections and questions.
func insertForm(ctx context.Context, q querier, f *data.Form) error {
	res, err := q.ExecContext(ctx, `INSERT INTO form (title, kind, scale, description, builtin, item_bank) VALUES (?, ?, ?, ?, ?, ?)`,
		f.Title, f.Kind, f.Scale, f.Description, f.Builtin, f.ItemBank)
	if err != nil {
		return constraintError(err, "", "")
	}
	if f.ID, err = res.LastInsertId(); err != nil {
		return storageError(err)
	}
	pos := 0
	for i, sec := range f.Sections {
		if err := insertSection(ctx, q, f.ID, i, sec); err != nil {
			return err
		}
		for _, qu := range sec.Questions {
			pos++
			if err := insertQuestion(ctx, q, f.ID, sec.ID, pos, qu); err != nil {
				return err
			}
		}
	}
	return nil
}

func insertSection(ctx context.Context, q querier, formID int64, pos int, sec *data.Section) error {
	res, err := q.ExecContext(ctx, "INSERT INTO form_section (form_id, position, title) VALUES (?, ?, ?)", formID, pos, sec.Title)
	if err != nil {
		return storageError(err)
	}
	sec.ID, err = res.LastInsertId()
	for _, qu := range sec.Questions {
		qu.SectionID = sec.ID
	}
	return storageError(err)
}

func insertQuestion(ctx context.Context, q querier, formID, sectionID int64, pos int, qu *data.Question) error {
	res, err := q.ExecContext(ctx, `INSERT INTO question (form_id, section_id, position, kind, text, scale, labels, options,
		correct, points, required, hidden, item_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, formID, nullID(sectionID),
		pos, qu.Kind, qu.Text, qu.Scale, jsonList(qu.Labels), jsonList(qu.Options), qu.Correct, qu.Points,
		boolInt(qu.Required), boolInt(qu.Hidden), qu.ItemKey)
	if err != nil {
		return constraintError(err, "", "")
	}
	qu.ID, err = res.LastInsertId()
	qu.SectionID = sectionID
	return storageError(err)
}

// Form returns a form with its sections and questions in order.
func (s *Store) Form(ctx context.Context, id int64) (*data.Form, error) {
	return loadForm(ctx, s.db, id)
}

// formTx reads a form inside a transaction.
func formTx(ctx context.Context, q querier, id int64) (*data.Form, error) {
	return loadForm(ctx, q, id)
}

func loadForm(ctx context.Context, q querier, id int64) (*data.Form, error) {
	f := &data.Form{}
	err := q.QueryRowContext(ctx, "SELECT id, title, kind, scale, description, builtin, item_bank FROM form WHERE id = ?", id).
		Scan(&f.ID, &f.Title, &f.Kind, &f.Scale, &f.Description, &f.Builtin, &f.ItemBank)
	if err == sql.ErrNoRows {
		return nil, notFound("Formulir", id)
	}
	if err != nil {
		return nil, storageError(err)
	}
	rows, err := q.QueryContext(ctx, "SELECT id, title FROM form_section WHERE form_id = ? ORDER BY position, id", id)
	if err != nil {
		return nil, storageError(err)
	}
	byID := map[int64]*data.Section{}
	for rows.Next() {
		sec := &data.Section{}
		if err := rows.Scan(&sec.ID, &sec.Title); err != nil {
			rows.Close()
			return nil, storageError(err)
		}
		byID[sec.ID] = sec
		f.Sections = append(f.Sections, sec)
	}
	rows.Close()
	rows, err = q.QueryContext(ctx, `SELECT id, COALESCE(section_id, 0), kind, text, scale, labels, options, correct, points,
		required, hidden, item_key FROM question WHERE form_id = ? ORDER BY position, id`, id)
	if err != nil {
		return nil, storageError(err)
	}
	defer rows.Close()
	var loose *data.Section // questions whose section was deleted
	for rows.Next() {
		qu := &data.Question{}
		var labels, options string
		if err := rows.Scan(&qu.ID, &qu.SectionID, &qu.Kind, &qu.Text, &qu.Scale, &labels, &options, &qu.Correct, &qu.Points,
			&qu.Required, &qu.Hidden, &qu.ItemKey); err != nil {
			return nil, storageError(err)
		}
		qu.Labels, qu.Options = listOf(labels), listOf(options)
		sec := byID[qu.SectionID]
		if sec == nil {
			if loose == nil {
				loose = &data.Section{}
				f.Sections = append([]*data.Section{loose}, f.Sections...)
			}
			sec = loose
		}
		sec.Questions = append(sec.Questions, qu)
	}
	return f, storageError(rows.Err())
}

// FormByBuiltin returns the built-in form with the given key (data.BuiltinOrganisation, …).
func (s *Store) FormByBuiltin(ctx context.Context, key string) (*data.Form, error) {
	return formByBuiltinTx(ctx, s.db, key)
}

// formByBuiltinTx finds a built-in form inside a transaction.
func formByBuiltinTx(ctx context.Context, q querier, key string) (*data.Form, error) {
	var id int64
	err := q.QueryRowContext(ctx, "SELECT id FROM form WHERE builtin = ? ORDER BY id LIMIT 1", key).Scan(&id)
	if err == sql.ErrNoRows {
		return nil, data.Errorf(data.KindNotFound, "Formulir bawaan %q sudah dihapus dari basis data ini", key)
	}
	if err != nil {
		return nil, storageError(err)
	}
	return loadForm(ctx, q, id)
}

// FormRow is a form as the Formulir page lists it.
type FormRow struct {
	ID        int64
	Title     string
	Kind      data.FormKind
	Scale     data.Scale
	Builtin   string
	Questions int // visible
	Programs  int // attachments
	Responses int
}

// Forms lists every form: built-in ones first, then by title.
func (s *Store) Forms(ctx context.Context) ([]FormRow, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT f.id, f.title, f.kind, f.scale, f.builtin,
		(SELECT count(*) FROM question q WHERE q.form_id = f.id AND q.hidden = 0),
		(SELECT count(*) FROM program_form pf WHERE pf.form_id = f.id),
		(SELECT count(*) FROM response r JOIN program_form pf ON pf.id = r.program_form_id WHERE pf.form_id = f.id)
		FROM form f ORDER BY f.builtin = '', f.id`)
	if err != nil {
		return nil, storageError(err)
	}
	defer rows.Close()
	var out []FormRow
	for rows.Next() {
		var r FormRow
		if err := rows.Scan(&r.ID, &r.Title, &r.Kind, &r.Scale, &r.Builtin, &r.Questions, &r.Programs, &r.Responses); err != nil {
			return nil, storageError(err)
		}
		out = append(out, r)
	}
	return out, storageError(rows.Err())
}

// AnswerCountCap is where AnswerCounts stops counting: a question with that many answers is locked all the
// same, and counting millions of answers would keep the editor waiting.
const AnswerCountCap = 10000

// AnswerCounts returns how many answers each question of a form has, up to AnswerCountCap; questions without
// answers are absent. The form editor locks the questions that have some.
func (s *Store) AnswerCounts(ctx context.Context, formID int64) (map[int64]int, error) {
	return answerCounts(ctx, s.db, formID)
}

func answerCounts(ctx context.Context, q querier, formID int64) (map[int64]int, error) {
	return countsByID(ctx, q, `SELECT q.id, (SELECT count(*) FROM (SELECT 1 FROM answer a WHERE a.question_id = q.id LIMIT ?))
		FROM question q WHERE q.form_id = ?`, AnswerCountCap, formID)
}

// SaveForm stores an edited form: its fields, sections and questions as given (new ones have ID 0; those
// left out are deleted; order is the order given). A question that already has answers can be hidden,
// moved or relabelled, but not deleted or changed in meaning (data.MeaningChanges): that is a conflict
// naming the question. The kind of a form with responses cannot change either.
func (s *Store) SaveForm(ctx context.Context, f *data.Form) error {
	f.Normalize()
	if err := f.Validate(); err != nil {
		return err
	}
	return s.tx(ctx, func(tx *sql.Tx) error {
		old, err := loadForm(ctx, tx, f.ID)
		if err != nil {
			return err
		}
		counts, err := answerCounts(ctx, tx, f.ID)
		if err != nil {
			return err
		}
		if len(counts) > 0 && old.Kind != f.Kind {
			return data.Errorf(data.KindConflict, "Formulir ini sudah memiliki jawaban, jadi jenisnya tidak dapat diubah dari %s menjadi %s; salin formulirnya bila perlu jenis lain",
				old.Kind.Label(), f.Kind.Label())
		}
		kept := map[int64]*data.Question{}
		for i, q := range f.Questions() {
			if q.ID == 0 {
				continue
			}
			prev := old.Question(q.ID)
			if prev == nil {
				return data.Errorf(data.KindInvalid, "Pertanyaan %d bukan bagian dari formulir ini; muat ulang formulirnya", i+1)
			}
			kept[q.ID] = q
			if n := counts[q.ID]; n > 0 {
				if changes := data.MeaningChanges(old, prev, f, q); len(changes) > 0 {
					return data.Errorf(data.KindConflict, "%s sudah dijawab %d kali, jadi %s tidak dapat diubah; sembunyikan pertanyaan ini dan buat pertanyaan baru",
						data.QuestionRef(i+1, q), n, strings.Join(changes, ", "))
				}
			}
		}
		for i, q := range old.Questions() {
			if kept[q.ID] == nil && counts[q.ID] > 0 {
				return data.Errorf(data.KindConflict, "%s sudah dijawab %d kali dan tidak dapat dihapus; sembunyikan saja",
					data.QuestionRef(i+1, q), counts[q.ID])
			}
		}
		if _, err := tx.ExecContext(ctx, "UPDATE form SET title = ?, kind = ?, scale = ?, description = ?, item_bank = ? WHERE id = ?",
			f.Title, f.Kind, f.Scale, f.Description, f.ItemBank, f.ID); err != nil {
			return storageError(err)
		}
		for _, q := range old.Questions() {
			if kept[q.ID] == nil {
				if _, err := tx.ExecContext(ctx, "DELETE FROM question WHERE id = ?", q.ID); err != nil {
					return storageError(err)
				}
			}
		}
		keptSections := map[int64]bool{}
		for _, sec := range f.Sections {
			keptSections[sec.ID] = true
		}
		pos := 0
		for i, sec := range f.Sections {
			if sec.ID == 0 || old.SectionByID(sec.ID) == nil {
				sec.ID = 0
				if err := insertSection(ctx, tx, f.ID, i, sec); err != nil {
					return err
				}
			} else if _, err := tx.ExecContext(ctx, "UPDATE form_section SET position = ?, title = ? WHERE id = ?", i, sec.Title, sec.ID); err != nil {
				return storageError(err)
			}
			for _, q := range sec.Questions {
				pos++
				if q.ID == 0 {
					if err := insertQuestion(ctx, tx, f.ID, sec.ID, pos, q); err != nil {
						return err
					}
					continue
				}
				q.SectionID = sec.ID
				if _, err := tx.ExecContext(ctx, `UPDATE question SET section_id = ?, position = ?, kind = ?, text = ?, scale = ?,
					labels = ?, options = ?, correct = ?, points = ?, required = ?, hidden = ?, item_key = ? WHERE id = ?`,
					sec.ID, pos, q.Kind, q.Text, q.Scale, jsonList(q.Labels), jsonList(q.Options), q.Correct, q.Points,
					boolInt(q.Required), boolInt(q.Hidden), q.ItemKey, q.ID); err != nil {
					return storageError(err)
				}
			}
		}
		for _, sec := range old.Sections {
			if sec.ID != 0 && !keptSections[sec.ID] {
				if _, err := tx.ExecContext(ctx, "DELETE FROM form_section WHERE id = ?", sec.ID); err != nil {
					return storageError(err)
				}
			}
		}
		return nil
	})
}

// CopyForm stores a copy of a form, titled "Salinan …", with the same sections, questions, item bank and item
// keys (so a copied pre-test still pairs with its post-test), and returns it.
func (s *Store) CopyForm(ctx context.Context, id int64) (*data.Form, error) {
	var c *data.Form
	err := s.tx(ctx, func(tx *sql.Tx) error {
		f, err := loadForm(ctx, tx, id)
		if err != nil {
			return err
		}
		c = f.Copy()
		c.Title = "Salinan " + f.Title
		if r := []rune(c.Title); len(r) > 200 {
			c.Title = string(r[:200])
		}
		c.Normalize()
		return insertForm(ctx, tx, c)
	})
	return c, err
}

// DeleteForm removes a form that no program uses; one attached to a program is a conflict (detach it first).
func (s *Store) DeleteForm(ctx context.Context, id int64) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM program_form WHERE form_id = ?", id).Scan(&n); err != nil {
			return storageError(err)
		}
		if n > 0 {
			return data.Errorf(data.KindConflict, "Formulir ini dipakai di %d program; lepaskan dari program tersebut dulu, atau biarkan saja", n)
		}
		res, err := tx.ExecContext(ctx, "DELETE FROM form WHERE id = ?", id)
		return mustAffect(res, err, "Formulir", id)
	})
}
