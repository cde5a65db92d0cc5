package store

import (
	"context"
	"database/sql"
	"sort"
	"strings"

	"github.com/pembina/pembina/data"
)

// UnitList returns every unit kerja: those saved with their heads and those found only in participants' unit
// field (ID 0, no head yet), by name ignoring case. The list in Pengaturan starts filled this way.
func (s *Store) UnitList(ctx context.Context) ([]*data.Unit, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, name, head_name, head_nip, head_position, address FROM unit`)
	if err != nil {
		return nil, storageError(err)
	}
	defer rows.Close()
	var out []*data.Unit
	have := map[string]bool{}
	for rows.Next() {
		u := &data.Unit{}
		if err := rows.Scan(&u.ID, &u.Name, &u.HeadName, &u.HeadNIP, &u.HeadPosition, &u.Address); err != nil {
			return nil, storageError(err)
		}
		out = append(out, u)
		have[strings.ToLower(u.Name)] = true
	}
	if err := rows.Err(); err != nil {
		return nil, storageError(err)
	}
	found, err := s.Units(ctx)
	if err != nil {
		return nil, err
	}
	for _, name := range found {
		if !have[strings.ToLower(name)] {
			have[strings.ToLower(name)] = true
			out = append(out, &data.Unit{Name: name})
		}
	}
	sort.Slice(out, func(i, j int) bool { return strings.ToLower(out[i].Name) < strings.ToLower(out[j].Name) })
	return out, nil
}

// SaveUnits validates and stores units by name (ignoring case): a unit saved before is updated, a new one
// added. All or nothing, in one transaction; the error names the row (1-based) that failed.
func (s *Store) SaveUnits(ctx context.Context, units []*data.Unit) error {
	for i, u := range units {
		if err := u.Validate(); err != nil {
			if len(units) == 1 {
				return err
			}
			return data.Wrap(data.KindInvalid, err, "Unit kerja baris %d (%s): %v", i+1, u.Name, err)
		}
	}
	return s.tx(ctx, func(tx *sql.Tx) error {
		stmt, err := tx.PrepareContext(ctx, `INSERT INTO unit (name, head_name, head_nip, head_position, address)
			VALUES (?, ?, ?, ?, ?) ON CONFLICT (name) DO UPDATE SET name = excluded.name, head_name = excluded.head_name,
			head_nip = excluded.head_nip, head_position = excluded.head_position, address = excluded.address RETURNING id`)
		if err != nil {
			return storageError(err)
		}
		defer stmt.Close()
		for _, u := range units {
			if err := stmt.QueryRowContext(ctx, u.Name, u.HeadName, u.HeadNIP, u.HeadPosition, u.Address).Scan(&u.ID); err != nil {
				return storageError(err)
			}
		}
		return nil
	})
}

// UnitHeads returns the saved units by their lower-case name, for addressing letters.
func (s *Store) UnitHeads(ctx context.Context) (map[string]*data.Unit, error) {
	list, err := s.UnitList(ctx)
	if err != nil {
		return nil, err
	}
	out := make(map[string]*data.Unit, len(list))
	for _, u := range list {
		out[strings.ToLower(u.Name)] = u
	}
	return out, nil
}
