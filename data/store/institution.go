package store

import (
	"context"
	"database/sql"

	"github.com/pembina/pembina/data"
)

// Institution returns the institution settings.
func (s *Store) Institution(ctx context.Context) (*data.Institution, error) {
	return institutionTx(ctx, s.db)
}

func institutionTx(ctx context.Context, q querier) (*data.Institution, error) {
	var in data.Institution
	var sig sql.NullInt64
	err := q.QueryRowContext(ctx, `SELECT parent_name, name, unit, address, city, phone, email, website, time_zone, logo,
		default_signatory_id, attendance_threshold, excused_count_present, default_scale, certificate_kind, number_pattern
		FROM institution WHERE id = 1`).Scan(&in.ParentName, &in.Name, &in.Unit, &in.Address, &in.City, &in.Phone, &in.Email,
		&in.Website, &in.TimeZone, &in.Logo, &sig, &in.AttendanceThreshold, &in.ExcusedCountPresent, &in.DefaultScale,
		&in.CertificateKind, &in.NumberPattern)
	if err != nil {
		return nil, storageError(err)
	}
	in.DefaultSignatoryID = sig.Int64
	return &in, nil
}

// SaveInstitution validates and stores the institution settings.
func (s *Store) SaveInstitution(ctx context.Context, in *data.Institution) error {
	if err := in.Validate(); err != nil {
		return err
	}
	return s.tx(ctx, func(tx *sql.Tx) error { return saveInstitution(ctx, tx, in) })
}

func saveInstitution(ctx context.Context, q querier, in *data.Institution) error {
	_, err := q.ExecContext(ctx, `UPDATE institution SET parent_name = ?, name = ?, unit = ?, address = ?, city = ?,
		phone = ?, email = ?, website = ?, time_zone = ?, logo = ?, default_signatory_id = ?, attendance_threshold = ?,
		excused_count_present = ?, default_scale = ?, certificate_kind = ?, number_pattern = ?, updated_at = datetime('now')
		WHERE id = 1`, in.ParentName, in.Name, in.Unit, in.Address, in.City, in.Phone, in.Email, in.Website, in.TimeZone,
		in.Logo, nullID(in.DefaultSignatoryID), in.AttendanceThreshold, boolInt(in.ExcusedCountPresent), in.DefaultScale,
		in.CertificateKind, in.NumberPattern)
	return constraintError(err, "", "Penandatangan bawaan tidak ditemukan")
}

// Setting returns an application setting, or def when it was never set.
func (s *Store) Setting(ctx context.Context, key, def string) (string, error) {
	var v string
	err := s.db.QueryRowContext(ctx, "SELECT value FROM setting WHERE key = ?", key).Scan(&v)
	if err == sql.ErrNoRows {
		return def, nil
	}
	if err != nil {
		return def, storageError(err)
	}
	return v, nil
}

// SetSetting stores an application setting.
func (s *Store) SetSetting(ctx context.Context, key, value string) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, "INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value", key, value)
		return storageError(err)
	})
}
