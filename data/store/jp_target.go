package store

import (
	"context"
	"database/sql"
	"strconv"

	"github.com/pembina/pembina/data"
)

// jpTargetKey is the setting that holds the yearly JP target of one employment status.
func jpTargetKey(status string) string { return "jp_target." + status }

// JPTargets returns the yearly JP target of every employment status: what Pengaturan saved, and
// data.DefaultJPTargets for a status never set.
func (s *Store) JPTargets(ctx context.Context) (data.JPTargets, error) {
	out := data.DefaultJPTargets()
	rows, err := s.db.QueryContext(ctx, "SELECT key, value FROM setting WHERE key LIKE 'jp\\_target.%' ESCAPE '\\'")
	if err != nil {
		return nil, storageError(err)
	}
	defer rows.Close()
	for rows.Next() {
		var key, value string
		if err := rows.Scan(&key, &value); err != nil {
			return nil, storageError(err)
		}
		jp, err := strconv.Atoi(value)
		status := key[len(jpTargetKey("")):]
		if _, known := out[status]; err != nil || !known {
			continue // a value no build writes: the default stays
		}
		out[status] = jp
	}
	return out, storageError(rows.Err())
}

// SetJPTargets validates and stores the yearly JP targets (statuses not named keep theirs), in one transaction.
func (s *Store) SetJPTargets(ctx context.Context, t data.JPTargets) error {
	if err := t.Validate(); err != nil {
		return err
	}
	return s.tx(ctx, func(tx *sql.Tx) error {
		for status, jp := range t {
			if _, err := tx.ExecContext(ctx, `INSERT INTO setting (key, value) VALUES (?, ?)
				ON CONFLICT (key) DO UPDATE SET value = excluded.value`, jpTargetKey(status), strconv.Itoa(jp)); err != nil {
				return storageError(err)
			}
		}
		return nil
	})
}
