package store

import (
	"context"
	"database/sql"

	"github.com/pembina/pembina/data"
)

const enrolmentColumns = `e.id, e.program_id, e.participant_id, e.role, e.status, e.rank_code, e.position, e.unit, e.agency,
	e.final_score, e.eligible_override, e.override_reason, e.enrolled_at`

func scanEnrolment(row interface{ Scan(...any) error }, extra ...any) (*data.Enrolment, error) {
	var e data.Enrolment
	var status, at string
	var score sql.NullFloat64
	var override sql.NullBool
	dest := append([]any{&e.ID, &e.ProgramID, &e.ParticipantID, &e.Role, &status, &e.RankCode, &e.Position, &e.Unit,
		&e.Agency, &score, &override, &e.OverrideReason, &at}, extra...)
	if err := row.Scan(dest...); err != nil {
		return nil, err
	}
	e.Withdrawn = status == "withdrawn"
	if score.Valid {
		e.FinalScore = &score.Float64
	}
	if override.Valid {
		e.EligibleOverride = &override.Bool
	}
	e.EnrolledAt = instantOf(at)
	return &e, nil
}

// Enrol adds a participant to a program with a snapshot of their current rank, position, unit and agency.
// Enrolling someone twice is a conflict.
func (s *Store) Enrol(ctx context.Context, programID, participantID int64, role data.EnrolmentRole) (*data.Enrolment, error) {
	var e *data.Enrolment
	err := s.tx(ctx, func(tx *sql.Tx) error {
		var err error
		e, err = enrolTx(ctx, tx, programID, participantID, role)
		return err
	})
	return e, err
}

// enrolTx enrols inside tx, for batches (imports, multi-select) that must be one transaction.
func enrolTx(ctx context.Context, tx querier, programID, participantID int64, role data.EnrolmentRole) (*data.Enrolment, error) {
	p, err := scanParticipant(tx.QueryRowContext(ctx, "SELECT "+participantColumns+" FROM participant WHERE id = ?", participantID))
	if err == sql.ErrNoRows {
		return nil, notFound("Peserta", participantID)
	}
	if err != nil {
		return nil, storageError(err)
	}
	e := &data.Enrolment{ProgramID: programID, ParticipantID: participantID, Role: role}
	e.SnapshotFrom(p)
	if err := e.Validate(); err != nil {
		return nil, err
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO enrolment (program_id, participant_id, role, rank_code, position, unit, agency)
		VALUES (?, ?, ?, ?, ?, ?, ?)`, programID, participantID, role, e.RankCode, e.Position, e.Unit, e.Agency)
	if err != nil {
		return nil, constraintError(err, p.FullName()+" sudah terdaftar di program ini", "Program tidak ditemukan")
	}
	if e.ID, err = res.LastInsertId(); err != nil {
		return nil, storageError(err)
	}
	return e, nil
}

// EnrolMany enrols several participants in one transaction, skipping those already enrolled; it returns how
// many were added and how many were already there.
func (s *Store) EnrolMany(ctx context.Context, programID int64, participantIDs []int64, role data.EnrolmentRole) (added, already int, err error) {
	err = s.tx(ctx, func(tx *sql.Tx) error {
		added, already = 0, 0
		for _, id := range participantIDs {
			var n int
			if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM enrolment WHERE program_id = ? AND participant_id = ?",
				programID, id).Scan(&n); err != nil {
				return storageError(err)
			}
			if n > 0 {
				already++
				continue
			}
			if _, err := enrolTx(ctx, tx, programID, id, role); err != nil {
				return err
			}
			added++
		}
		return nil
	})
	return added, already, err
}

// UpdateEnrolment stores changes to an enrolment: role, withdrawal, the snapshot, the final score and an
// eligibility override with its reason.
func (s *Store) UpdateEnrolment(ctx context.Context, e *data.Enrolment) error {
	if err := e.Validate(); err != nil {
		return err
	}
	status := "enrolled"
	if e.Withdrawn {
		status = "withdrawn"
	}
	var override any
	if e.EligibleOverride != nil {
		override = boolInt(*e.EligibleOverride)
	}
	return s.tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE enrolment SET role = ?, status = ?, rank_code = ?, position = ?, unit = ?,
			agency = ?, final_score = ?, eligible_override = ?, override_reason = ? WHERE id = ?`, e.Role, status, e.RankCode,
			e.Position, e.Unit, e.Agency, nullFloat(e.FinalScore), override, e.OverrideReason, e.ID)
		return mustAffect(res, err, "Pendaftaran", e.ID)
	})
}

// Unenrol removes a participant from a program together with their attendance marks and responses. A
// certificate already issued keeps them: that is a conflict (revoke the certificate instead).
func (s *Store) Unenrol(ctx context.Context, enrolmentID int64) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		var certs int
		if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM certificate WHERE enrolment_id = ?", enrolmentID).Scan(&certs); err != nil {
			return storageError(err)
		}
		if certs > 0 {
			return data.Errorf(data.KindConflict, "Peserta ini sudah menerima sertifikat; cabut sertifikatnya, jangan hapus pendaftarannya")
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM response WHERE participant_id = (SELECT participant_id FROM enrolment WHERE id = ?1)
			AND program_form_id IN (SELECT f.id FROM program_form f JOIN enrolment e ON e.program_id = f.program_id WHERE e.id = ?1)`,
			enrolmentID); err != nil {
			return storageError(err)
		}
		res, err := tx.ExecContext(ctx, "DELETE FROM enrolment WHERE id = ?", enrolmentID)
		return mustAffect(res, err, "Pendaftaran", enrolmentID)
	})
}

// Enrolment returns one enrolment.
func (s *Store) Enrolment(ctx context.Context, id int64) (*data.Enrolment, error) {
	e, err := scanEnrolment(s.db.QueryRowContext(ctx, "SELECT "+enrolmentColumns+" FROM enrolment e WHERE e.id = ?", id))
	if err == sql.ErrNoRows {
		return nil, notFound("Pendaftaran", id)
	}
	return e, storageError(err)
}

// EnrolmentRow is an enrolment with the participant's identity, as program lists show it.
type EnrolmentRow struct {
	*data.Enrolment
	NIP       string
	Name      string // with titles
	Sex       string
	BirthDate string
}

// Enrolments lists a program's enrolments by participant name.
func (s *Store) Enrolments(ctx context.Context, programID int64) ([]EnrolmentRow, error) {
	return enrolmentsTx(ctx, s.db, programID)
}

func enrolmentsTx(ctx context.Context, q querier, programID int64) ([]EnrolmentRow, error) {
	rows, err := q.QueryContext(ctx, "SELECT "+enrolmentColumns+`, COALESCE(p.nip, ''), p.front_title, p.name, p.back_title,
		p.sex, COALESCE(p.birth_date, '') FROM enrolment e JOIN participant p ON p.id = e.participant_id WHERE e.program_id = ?
		ORDER BY p.sort_name, p.id`, programID)
	if err != nil {
		return nil, storageError(err)
	}
	defer rows.Close()
	var out []EnrolmentRow
	for rows.Next() {
		var r EnrolmentRow
		var front, name, back string
		if r.Enrolment, err = scanEnrolment(rows, &r.NIP, &front, &name, &back, &r.Sex, &r.BirthDate); err != nil {
			return nil, storageError(err)
		}
		r.Name = data.FullName(front, name, back)
		out = append(out, r)
	}
	return out, storageError(rows.Err())
}

// enrolAllTx enrols many participants in one statement inside a transaction, each with the snapshot of their
// current rank, position, unit and agency, and returns the new enrolment IDs by participant ID. Someone already
// enrolled is a conflict. For sample data and imports of thousands of people.
func enrolAllTx(ctx context.Context, tx querier, programID int64, participantIDs []int64, role data.EnrolmentRole) (map[int64]int64, error) {
	const perStatement = 500
	for start := 0; start < len(participantIDs); start += perStatement {
		chunk := participantIDs[start:min(len(participantIDs), start+perStatement)]
		args := []any{programID, role}
		for _, id := range chunk {
			args = append(args, id)
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO enrolment (program_id, participant_id, role, rank_code, position, unit, agency)
			SELECT ?, id, ?, rank_code, position, unit, agency FROM participant WHERE id IN (`+placeholders(len(chunk))+`)`, args...)
		if err != nil {
			return nil, constraintError(err, "Sebagian peserta sudah terdaftar di program ini", "Program tidak ditemukan")
		}
	}
	rows, err := tx.QueryContext(ctx, "SELECT participant_id, id FROM enrolment WHERE program_id = ?", programID)
	if err != nil {
		return nil, storageError(err)
	}
	defer rows.Close()
	out := make(map[int64]int64, len(participantIDs))
	for rows.Next() {
		var p, e int64
		if err := rows.Scan(&p, &e); err != nil {
			return nil, storageError(err)
		}
		out[p] = e
	}
	for _, id := range participantIDs {
		if _, ok := out[id]; !ok {
			return nil, notFound("Peserta", id)
		}
	}
	return out, storageError(rows.Err())
}
