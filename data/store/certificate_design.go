package store

import (
	"context"
	"database/sql"
	"strings"

	"github.com/pembina/pembina/data"
)

// CertificateDesign returns a program's certificate design. A program made before designs existed gets one
// with the institution's defaults.
func (s *Store) CertificateDesign(ctx context.Context, programID int64) (*data.CertificateDesign, error) {
	var d *data.CertificateDesign
	err := s.tx(ctx, func(tx *sql.Tx) error {
		var err error
		d, err = certificateDesignTx(ctx, tx, programID)
		return err
	})
	return d, err
}

func certificateDesignTx(ctx context.Context, q querier, programID int64) (*data.CertificateDesign, error) {
	var exists int
	if err := q.QueryRowContext(ctx, "SELECT count(*) FROM program WHERE id = ?", programID).Scan(&exists); err != nil {
		return nil, storageError(err)
	}
	if exists == 0 {
		return nil, notFound("Program", programID)
	}
	if _, err := q.ExecContext(ctx, `INSERT INTO certificate_design (program_id, kind, title)
		SELECT ?, certificate_kind, CASE certificate_kind WHEN 'sttp' THEN 'SURAT TANDA TAMAT PELATIHAN'
			WHEN 'piagam' THEN 'PIAGAM PENGHARGAAN' ELSE 'SERTIFIKAT' END FROM institution WHERE id = 1
		ON CONFLICT (program_id) DO NOTHING`, programID); err != nil {
		return nil, storageError(err)
	}
	d := &data.CertificateDesign{ProgramID: programID}
	var issue sql.NullString
	var subjects int
	err := q.QueryRowContext(ctx, `SELECT kind, title, orientation, body, background, signature_mode, subjects_page, place,
		issue_date FROM certificate_design WHERE program_id = ?`, programID).Scan(&d.Kind, &d.Title, &d.Orientation, &d.Body,
		&d.Background, &d.SignatureMode, &subjects, &d.Place, &issue)
	if err != nil {
		return nil, storageError(err)
	}
	d.SubjectsPage, d.IssueDate = subjects == 1, dateOf(issue)
	return d, nil
}

// SaveCertificateDesign validates and stores a program's certificate design.
func (s *Store) SaveCertificateDesign(ctx context.Context, d *data.CertificateDesign) error {
	d.Normalize()
	if err := d.Validate(); err != nil {
		return err
	}
	return s.tx(ctx, func(tx *sql.Tx) error {
		if _, err := certificateDesignTx(ctx, tx, d.ProgramID); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `UPDATE certificate_design SET kind = ?, title = ?, orientation = ?, body = ?,
			background = ?, signature_mode = ?, subjects_page = ?, place = ?, issue_date = ? WHERE program_id = ?`,
			d.Kind, d.Title, d.Orientation, d.Body, d.Background, d.SignatureMode, boolInt(d.SubjectsPage), d.Place,
			nullDate(d.IssueDate), d.ProgramID)
		return storageError(err)
	})
}

// SetProgramCertificateSettings stores what the certificate design editor changes on the program itself: the
// number pattern (empty: the institution's) and the signatory (0: the institution's default).
func (s *Store) SetProgramCertificateSettings(ctx context.Context, programID int64, pattern string, signatoryID int64) error {
	pattern = strings.TrimSpace(pattern)
	if pattern != "" {
		if err := data.NumberPattern(pattern).Validate(); err != nil {
			return err
		}
	}
	return s.tx(ctx, func(tx *sql.Tx) error {
		if err := checkPatternChange(ctx, tx, programID, pattern); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `UPDATE program SET number_pattern = ?, signatory_id = ?, updated_at = datetime('now')
			WHERE id = ?`, pattern, nullID(signatoryID), programID)
		if err != nil {
			return constraintError(err, "", "Penandatangan tidak ditemukan")
		}
		return mustAffect(res, nil, "Program", programID)
	})
}

// effectivePattern is the number pattern a program's certificates use: its own, else the institution's.
func effectivePattern(ctx context.Context, q querier, p *data.Program) (data.NumberPattern, error) {
	if strings.TrimSpace(p.NumberPattern) != "" {
		return data.NumberPattern(p.NumberPattern), nil
	}
	var pattern string
	if err := q.QueryRowContext(ctx, "SELECT number_pattern FROM institution WHERE id = 1").Scan(&pattern); err != nil {
		return "", storageError(err)
	}
	return data.NumberPattern(pattern), nil
}

// NumberPatternOf returns the pattern a program's certificates are numbered by: the program's own or the
// institution's default.
func (s *Store) NumberPatternOf(ctx context.Context, p *data.Program) (data.NumberPattern, error) {
	return effectivePattern(ctx, s.db, p)
}

// checkPatternChange refuses to change the number pattern of a program that has issued certificates: its
// numbers are printed already, and a second form of number within one program would make the register and
// the counters disagree. The pattern compared is the one in effect (the program's, else the institution's).
func checkPatternChange(ctx context.Context, tx querier, programID int64, pattern string) error {
	var code, current string
	var issued int
	err := tx.QueryRowContext(ctx, `SELECT p.code, p.number_pattern, (SELECT count(*) FROM certificate c JOIN enrolment e ON e.id = c.enrolment_id
		WHERE e.program_id = p.id) FROM program p WHERE p.id = ?`, programID).Scan(&code, &current, &issued)
	if err == sql.ErrNoRows || issued == 0 {
		return nil
	}
	if err != nil {
		return storageError(err)
	}
	before, err := effectivePattern(ctx, tx, &data.Program{NumberPattern: current})
	if err != nil {
		return err
	}
	after, err := effectivePattern(ctx, tx, &data.Program{NumberPattern: pattern})
	if err != nil {
		return err
	}
	if before.Canonical() == after.Canonical() {
		return nil
	}
	return data.Errorf(data.KindConflict, "Pola nomor sertifikat program %s tidak dapat diubah menjadi %s: %d sertifikat sudah bernomor dengan pola %s "+
		"dan nomor yang sudah dicetak tidak berubah. Biarkan pola %s; pola lain dapat dipakai program berikutnya",
		code, strings.TrimSpace(string(after)), issued, strings.TrimSpace(string(before)), strings.TrimSpace(string(before)))
}
