package store

import (
	"context"
	"database/sql"

	"github.com/pembina/pembina/data"
)

const signatoryColumns = `id, name, front_title, back_title, nip, position, delegation, on_behalf_of, rank_code, signature, active`

func scanSignatory(row interface{ Scan(...any) error }) (*data.Signatory, error) {
	var g data.Signatory
	err := row.Scan(&g.ID, &g.Name, &g.FrontTitle, &g.BackTitle, &g.NIP, &g.Position, &g.Delegation, &g.OnBehalfOf,
		&g.RankCode, &g.Signature, &g.Active)
	return &g, err
}

// CreateSignatory validates and stores a new signatory, setting its ID.
func (s *Store) CreateSignatory(ctx context.Context, g *data.Signatory) error {
	g.Normalize()
	if err := g.Validate(); err != nil {
		return err
	}
	return s.tx(ctx, func(tx *sql.Tx) error { return insertSignatory(ctx, tx, g) })
}

func insertSignatory(ctx context.Context, q querier, g *data.Signatory) error {
	res, err := q.ExecContext(ctx, `INSERT INTO signatory (name, front_title, back_title, nip, position, delegation,
		on_behalf_of, rank_code, signature, active) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, g.Name, g.FrontTitle, g.BackTitle,
		g.NIP, g.Position, g.Delegation, g.OnBehalfOf, g.RankCode, g.Signature, boolInt(g.Active))
	if err != nil {
		return storageError(err)
	}
	g.ID, err = res.LastInsertId()
	return err
}

// UpdateSignatory validates and stores changes to a signatory.
func (s *Store) UpdateSignatory(ctx context.Context, g *data.Signatory) error {
	g.Normalize()
	if err := g.Validate(); err != nil {
		return err
	}
	return s.tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE signatory SET name = ?, front_title = ?, back_title = ?, nip = ?, position = ?,
			delegation = ?, on_behalf_of = ?, rank_code = ?, signature = ?, active = ? WHERE id = ?`, g.Name, g.FrontTitle,
			g.BackTitle, g.NIP, g.Position, g.Delegation, g.OnBehalfOf, g.RankCode, g.Signature, boolInt(g.Active), g.ID)
		return mustAffect(res, err, "Penandatangan", g.ID)
	})
}

// DeleteSignatory removes a signatory; programs that named them fall back to the institution's default.
func (s *Store) DeleteSignatory(ctx context.Context, id int64) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, "DELETE FROM signatory WHERE id = ?", id)
		return mustAffect(res, err, "Penandatangan", id)
	})
}

// Signatory returns one signatory.
func (s *Store) Signatory(ctx context.Context, id int64) (*data.Signatory, error) {
	g, err := scanSignatory(s.db.QueryRowContext(ctx, "SELECT "+signatoryColumns+" FROM signatory WHERE id = ?", id))
	if err == sql.ErrNoRows {
		return nil, notFound("Penandatangan", id)
	}
	return g, storageError(err)
}

// Signatories lists every signatory, active ones first, by name.
func (s *Store) Signatories(ctx context.Context) ([]*data.Signatory, error) {
	rows, err := s.db.QueryContext(ctx, "SELECT "+signatoryColumns+" FROM signatory ORDER BY active DESC, name")
	if err != nil {
		return nil, storageError(err)
	}
	defer rows.Close()
	var out []*data.Signatory
	for rows.Next() {
		g, err := scanSignatory(rows)
		if err != nil {
			return nil, storageError(err)
		}
		out = append(out, g)
	}
	return out, storageError(rows.Err())
}

// ProgramSignatory returns who signs a program's documents: the program's own signatory, else the
// institution's default; nil when neither is set.
func (s *Store) ProgramSignatory(ctx context.Context, programID int64) (*data.Signatory, error) {
	return programSignatoryTx(ctx, s.db, programID)
}

func programSignatoryTx(ctx context.Context, q querier, programID int64) (*data.Signatory, error) {
	g, err := scanSignatory(q.QueryRowContext(ctx, `SELECT `+signatoryColumns+` FROM signatory WHERE id =
		COALESCE((SELECT signatory_id FROM program WHERE id = ?), (SELECT default_signatory_id FROM institution WHERE id = 1))`, programID))
	if err == sql.ErrNoRows {
		return nil, nil
	}
	return g, storageError(err)
}

// mustAffect turns "no row changed" into a not-found error.
func mustAffect(res sql.Result, err error, what string, id any) error {
	if err != nil {
		return storageError(err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return notFound(what, id)
	}
	return nil
}
