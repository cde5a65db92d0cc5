package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"github.com/pembina/pembina/data"
)

// certificateColumns are the register's columns: everything a certificate printed is kept with it at issue
// (migration 006), so nothing here reads the participant's or the program's current data.
const certificateColumns = `c.id, c.enrolment_id, e.participant_id, c.number, c.seq, c.issued_on, c.holder_name,
	c.nip, c.birth_place, c.birth_date, c.rank_code, c.position, c.unit, c.agency, c.role, c.final_score, c.predicate,
	c.status, c.revoked_reason, c.revoked_at, c.payload, c.qr,
	c.program_code, c.program_title, c.program_kind, c.organiser, c.place, c.batch, c.budget_year, c.jp, c.start_date, c.end_date`

const certificateFrom = ` FROM certificate c JOIN enrolment e ON e.id = c.enrolment_id JOIN participant p ON p.id = e.participant_id`

func scanCertificate(row interface{ Scan(...any) error }) (*data.Certificate, error) {
	var c data.Certificate
	var issued, status string
	var birth, revokedAt, start, end sql.NullString
	var score sql.NullFloat64
	if err := row.Scan(&c.ID, &c.EnrolmentID, &c.ParticipantID, &c.Number, &c.Seq, &issued, &c.HolderName, &c.NIP,
		&c.BirthPlace, &birth, &c.RankCode, &c.Position, &c.Unit, &c.Agency, &c.Role, &score, &c.Predicate, &status, &c.RevokedReason,
		&revokedAt, &c.Payload, &c.QR, &c.ProgramCode, &c.ProgramTitle, &c.ProgramKind, &c.Organiser, &c.Place, &c.Batch,
		&c.BudgetYear, &c.JP, &start, &end); err != nil {
		return nil, err
	}
	c.IssuedOn, _ = time.Parse(data.DateLayout, issued)
	c.BirthDate = dateOf(birth)
	c.Start, c.End = dateOf(start), dateOf(end)
	c.Revoked = status == "revoked"
	if revokedAt.Valid {
		c.RevokedAt = instantOf(revokedAt.String)
	}
	if score.Valid {
		c.FinalScore = &score.Float64
	}
	return &c, nil
}

// snapshotQuery reads, for enrolments of one program, what a certificate issued now records of the holder.
const snapshotQuery = `SELECT e.id, e.participant_id, COALESCE(p.nip, ''), p.front_title, p.name, p.back_title, p.birth_place,
	p.birth_date, e.rank_code, e.position, e.unit, e.agency, e.role, e.final_score`

// scanSnapshot reads a row of snapshotQuery into a certificate (the name written with the titles).
func scanSnapshot(row interface{ Scan(...any) error }, extra ...any) (*data.Certificate, error) {
	var c data.Certificate
	var front, name, back string
	var birth sql.NullString
	var score sql.NullFloat64
	if err := row.Scan(append([]any{&c.EnrolmentID, &c.ParticipantID, &c.NIP, &front, &name, &back, &c.BirthPlace, &birth,
		&c.RankCode, &c.Position, &c.Unit, &c.Agency, &c.Role, &score}, extra...)...); err != nil {
		return nil, err
	}
	c.HolderName = data.FullName(front, name, back)
	c.BirthDate = dateOf(birth)
	if score.Valid {
		c.FinalScore = &score.Float64
	}
	c.Predicate = c.PredicateAsPrinted()
	return &c, nil
}

// snapshotColumns sets the columns of a certificate row that record it as printed; snapshotArgs gives their
// values in the same order.
const snapshotColumns = `holder_name = ?, nip = ?, birth_place = ?, birth_date = ?, rank_code = ?, position = ?, unit = ?, agency = ?,
	role = ?, final_score = ?, predicate = ?, program_code = ?, program_title = ?, program_kind = ?, organiser = ?, place = ?,
	batch = ?, budget_year = ?, jp = ?, start_date = ?, end_date = ?`

// snapshotArgs are the values of the snapshot columns of certificate c, in the order of snapshotColumns.
func snapshotArgs(c *data.Certificate) []any {
	var score any
	if c.FinalScore != nil {
		score = *c.FinalScore
	}
	return []any{c.HolderName, c.NIP, c.BirthPlace, nullDate(c.BirthDate), c.RankCode, c.Position, c.Unit, c.Agency, c.Role, score,
		c.Predicate, c.ProgramCode, c.ProgramTitle, c.ProgramKind, c.Organiser, c.Place, c.Batch, c.BudgetYear, c.JP,
		nullDate(c.Start), nullDate(c.End)}
}

// IssueNote is a decision the coordinator took for a whole issue, kept in the history of each certificate it
// numbered: Field names the decision (IssuedUnmarked), Value what it concerned, Reason the coordinator's words.
type IssueNote struct {
	Field, Value, Reason string
}

// IssuedUnmarked is the history field of certificates issued although sessions held up to the issue date had
// no attendance entered; its value names the sessions.
const IssuedUnmarked = "issued_unmarked"

// IssueResult says what IssueCertificates did.
type IssueResult struct {
	Issued  int // new numbers given
	Already int // enrolments that had a certificate already (their number is kept)
	// Warning says what went wrong after the certificates were issued (the counter file could not be written);
	// the certificates stand.
	Warning string
}

// issueTx gives a certificate number to each of the enrolments of program p that has none yet, in a stable
// order (by name, then by participant), with the program's number pattern, the counter of that pattern and the
// issue year, issued on day. Numbers are never reused: the counter only moves forward, and a number that
// another pattern happened to produce already is skipped. Each certificate gets its signed QR text. The
// enrolments must belong to the program; IssueCertificates decides who is eligible. Each note is written into
// the history of every certificate issued: a decision taken for the whole batch (issued although attendance
// was not entered) stays with the numbers it gave.
func issueTx(ctx context.Context, tx *sql.Tx, p *data.Program, enrolmentIDs []int64, day time.Time, notes []IssueNote) (IssueResult, error) {
	var res IssueResult
	day = data.Day(day)
	if day.IsZero() {
		return res, data.Errorf(data.KindInvalid, "Tanggal terbit sertifikat wajib diisi")
	}
	pattern, err := effectivePattern(ctx, tx, p)
	if err != nil {
		return res, err
	}
	if err := pattern.Validate(); err != nil {
		return res, err
	}
	if p.Status == data.StatusCancelled {
		return res, data.Errorf(data.KindConflict, "Program %s dibatalkan; sertifikat tidak diterbitkan untuk program yang dibatalkan. "+
			"Ubah statusnya bila program ternyata terlaksana", p.Code)
	}
	want := make(map[int64]bool, len(enrolmentIDs))
	for _, id := range enrolmentIDs {
		want[id] = true
	}
	rows, err := tx.QueryContext(ctx, snapshotQuery+`, (SELECT count(*) FROM certificate c WHERE c.enrolment_id = e.id)
		FROM enrolment e JOIN participant p ON p.id = e.participant_id WHERE e.program_id = ? ORDER BY p.sort_name, p.id`, p.ID)
	if err != nil {
		return res, storageError(err)
	}
	var todo []*data.Certificate
	for rows.Next() {
		var has int
		x, err := scanSnapshot(rows, &has)
		if err != nil {
			rows.Close()
			return res, storageError(err)
		}
		if !want[x.EnrolmentID] {
			continue
		}
		delete(want, x.EnrolmentID)
		if has > 0 {
			res.Already++
			continue
		}
		todo = append(todo, x)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return res, storageError(err)
	}
	for id := range want {
		return res, data.Errorf(data.KindInvalid, "Pendaftaran %d bukan bagian dari program %s", id, p.Code)
	}
	if len(todo) == 0 {
		return res, nil
	}
	key, err := signingKeyTx(ctx, tx)
	if err != nil {
		return res, err
	}
	// A program numbered by the institution's default keeps that pattern from its first number on, so that a
	// later change of the default gives only other programs' numbers the new form.
	if strings.TrimSpace(p.NumberPattern) == "" {
		if _, err := tx.ExecContext(ctx, "UPDATE program SET number_pattern = ? WHERE id = ?", string(pattern), p.ID); err != nil {
			return res, storageError(err)
		}
		p.NumberPattern = string(pattern)
	}
	canonical, year := pattern.CounterKey(p.Code), day.Year()
	if _, err := tx.ExecContext(ctx, "INSERT INTO number_counter (pattern, year, last_seq) VALUES (?, ?, 0) ON CONFLICT DO NOTHING",
		canonical, year); err != nil {
		return res, storageError(err)
	}
	next, err := tx.PrepareContext(ctx, "UPDATE number_counter SET last_seq = last_seq + 1 WHERE pattern = ? AND year = ? RETURNING last_seq")
	if err != nil {
		return res, storageError(err)
	}
	defer next.Close()
	taken, err := tx.PrepareContext(ctx, "SELECT count(*) FROM certificate WHERE number = ?")
	if err != nil {
		return res, storageError(err)
	}
	defer taken.Close()
	insert, err := tx.PrepareContext(ctx, `INSERT INTO certificate (enrolment_id, number, pattern, year, seq, issued_on, payload,
		holder_name, nip, birth_place, birth_date, rank_code, position, unit, agency, role, final_score, predicate, program_code,
		program_title, program_kind, organiser, place, batch, budget_year, jp, start_date, end_date)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return res, storageError(err)
	}
	defer insert.Close()
	for _, x := range todo {
		if err := ctx.Err(); err != nil {
			return res, storageError(err)
		}
		var seq int
		var number string
		for {
			if err := next.QueryRowContext(ctx, canonical, year).Scan(&seq); err != nil {
				return res, storageError(err)
			}
			if number, err = pattern.Format(seq, day, p.Code); err != nil {
				return res, err
			}
			var n int
			if err := taken.QueryRowContext(ctx, number).Scan(&n); err != nil {
				return res, storageError(err)
			}
			if n == 0 {
				break
			}
		}
		x.Number, x.IssuedOn = number, day
		x.TakeProgram(p)
		payload := data.SignClaim(data.ClaimOf(p, x), key)
		args := append([]any{x.EnrolmentID, number, canonical, year, seq, data.FormatDate(day), payload}, snapshotArgs(x)...)
		inserted, err := insert.ExecContext(ctx, args...)
		if err != nil {
			return res, constraintError(err, "Nomor sertifikat "+number+" sudah dipakai", "Pendaftaran tidak ditemukan")
		}
		if len(notes) > 0 {
			id, err := inserted.LastInsertId()
			if err != nil {
				return res, storageError(err)
			}
			for _, n := range notes {
				if _, err := tx.ExecContext(ctx, `INSERT INTO certificate_change (certificate_id, field, new_value, reason)
					VALUES (?, ?, ?, ?)`, id, n.Field, n.Value, strings.TrimSpace(n.Reason)); err != nil {
					return res, storageError(err)
				}
			}
		}
		res.Issued++
	}
	return res, nil
}

// counterWarning writes the counter file after certificates were issued (see CounterFile) and says, when it
// cannot, what that means; the certificates stand either way.
func (s *Store) counterWarning(ctx context.Context) string {
	if err := s.recordCounters(ctx); err != nil {
		return fmt.Sprintf("Sertifikat diterbitkan, tetapi berkas penghitung nomor %s tidak dapat ditulis (%v); "+
			"tanpa berkas itu nomor dapat terulang bila cadangan lama dipulihkan", CounterFile(s.path), err)
	}
	return ""
}

// Certificates lists a program's certificate register, valid and revoked, by holder name.
func (s *Store) Certificates(ctx context.Context, programID int64) ([]*data.Certificate, error) {
	return certificatesTx(ctx, s.db, programID)
}

func certificatesTx(ctx context.Context, q querier, programID int64) ([]*data.Certificate, error) {
	rows, err := q.QueryContext(ctx, "SELECT "+certificateColumns+certificateFrom+` WHERE e.program_id = ?
		ORDER BY p.sort_name, p.id`, programID)
	if err != nil {
		return nil, storageError(err)
	}
	defer rows.Close()
	var out []*data.Certificate
	for rows.Next() {
		c, err := scanCertificate(rows)
		if err != nil {
			return nil, storageError(err)
		}
		out = append(out, c)
	}
	return out, storageError(rows.Err())
}

// Certificate returns one certificate.
func (s *Store) Certificate(ctx context.Context, id int64) (*data.Certificate, error) {
	c, err := scanCertificate(s.db.QueryRowContext(ctx, "SELECT "+certificateColumns+certificateFrom+" WHERE c.id = ?", id))
	if err == sql.ErrNoRows {
		return nil, notFound("Sertifikat", id)
	}
	return c, storageError(err)
}

// CertificateByNumber returns the certificate with the given number, or nil when the register has none.
func (s *Store) CertificateByNumber(ctx context.Context, number string) (*data.Certificate, error) {
	c, err := scanCertificate(s.db.QueryRowContext(ctx, "SELECT "+certificateColumns+certificateFrom+" WHERE c.number = ?",
		strings.TrimSpace(number)))
	if err == sql.ErrNoRows {
		return nil, nil
	}
	if err != nil {
		return nil, storageError(err)
	}
	c.Earlier, err = column[string](ctx, s.db, "SELECT old_value FROM certificate_change WHERE certificate_id = ? AND field = 'payload' ORDER BY id", c.ID)
	if err != nil {
		return nil, storageError(err)
	}
	return c, nil
}

// RevokeCertificate revokes a certificate with a reason. The number stays in the register, with the reason,
// and is never given again.
func (s *Store) RevokeCertificate(ctx context.Context, id int64, reason string) error {
	reason = strings.Join(strings.Fields(reason), " ")
	if reason == "" {
		return data.Errorf(data.KindInvalid, "Alasan pencabutan wajib diisi")
	}
	return s.tx(ctx, func(tx *sql.Tx) error {
		var status, number string
		err := tx.QueryRowContext(ctx, "SELECT status, number FROM certificate WHERE id = ?", id).Scan(&status, &number)
		if err == sql.ErrNoRows {
			return notFound("Sertifikat", id)
		}
		if err != nil {
			return storageError(err)
		}
		if status == "revoked" {
			return data.Errorf(data.KindConflict, "Sertifikat %s sudah dicabut", number)
		}
		if _, err := tx.ExecContext(ctx, `UPDATE certificate SET status = 'revoked', revoked_reason = ?, revoked_at = datetime('now')
			WHERE id = ?`, reason, id); err != nil {
			return storageError(err)
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO certificate_change (certificate_id, field, old_value, new_value, reason)
			VALUES (?, 'status', 'valid', 'revoked', ?)`, id, reason)
		return storageError(err)
	})
}

// CorrectCertificateName changes the name printed on a certificate (a typo, a title left out), keeping its
// number: the signed QR text is made again with the new name and the change is recorded with its reason.
func (s *Store) CorrectCertificateName(ctx context.Context, id int64, name, reason string) error {
	name = strings.Join(strings.Fields(name), " ")
	reason = strings.Join(strings.Fields(reason), " ")
	var fe data.FieldErrors
	if name == "" {
		fe.Add("Nama", "wajib diisi")
	} else if len([]rune(name)) > 200 {
		fe.Add("Nama", "paling panjang 200 karakter")
	}
	if reason == "" {
		fe.Add("Alasan", "wajib diisi, misalnya salah ketik gelar")
	}
	if err := fe.Err(); err != nil {
		return err
	}
	return s.tx(ctx, func(tx *sql.Tx) error {
		c, err := scanCertificate(tx.QueryRowContext(ctx, "SELECT "+certificateColumns+certificateFrom+" WHERE c.id = ?", id))
		if err == sql.ErrNoRows {
			return notFound("Sertifikat", id)
		}
		if err != nil {
			return storageError(err)
		}
		if c.Revoked {
			return data.Errorf(data.KindConflict, "Sertifikat %s sudah dicabut; sertifikat yang dicabut tidak dikoreksi", c.Number)
		}
		if c.HolderName == name {
			return data.Errorf(data.KindInvalid, "Nama baru sama dengan nama yang tercetak")
		}
		p, err := scanProgram(tx.QueryRowContext(ctx, "SELECT "+programColumns+` FROM program p
			WHERE p.id = (SELECT program_id FROM enrolment WHERE id = ?)`, c.EnrolmentID))
		if err != nil {
			return storageError(err)
		}
		key, err := signingKeyTx(ctx, tx)
		if err != nil {
			return err
		}
		old := c.HolderName
		c.HolderName = name
		payload := data.SignClaim(data.ClaimOf(p, c), key)
		if _, err := tx.ExecContext(ctx, "UPDATE certificate SET holder_name = ?, payload = ?, qr = NULL WHERE id = ?", name, payload, id); err != nil {
			return storageError(err)
		}
		return recordChanges(ctx, tx, id, reason, []change{{field: "holder_name", old: old, new: name}, {field: "payload", old: c.Payload, new: payload}})
	})
}

// SaveCertificateQR keeps the encoded QR modules of certificates (by ID), so that reprints need not encode
// them again. A code is only kept while the certificate's signed text is the one it was made from.
func (s *Store) SaveCertificateQR(ctx context.Context, codes map[int64]CertificateQR) error {
	if len(codes) == 0 {
		return nil
	}
	return s.tx(ctx, func(tx *sql.Tx) error {
		st, err := tx.PrepareContext(ctx, "UPDATE certificate SET qr = ? WHERE id = ? AND payload = ?")
		if err != nil {
			return storageError(err)
		}
		defer st.Close()
		for id, q := range codes {
			if _, err := st.ExecContext(ctx, q.Modules, id, q.Payload); err != nil {
				return storageError(err)
			}
		}
		return nil
	})
}

// CertificateQR is an encoded QR code and the text it was made from.
type CertificateQR struct {
	Payload string
	Modules []byte
}

// CertificateChange is one recorded change of an issued certificate.
type CertificateChange struct {
	CertificateID int64
	Number        string
	At            time.Time
	Field         string // "status", or the field of the snapshot ("holder_name", "nip", …): see Label
	Old, New      string
	Reason        string
}

// Label is the changed field in Indonesian, as the register prints it.
func (ch CertificateChange) Label() string {
	if ch.Field == "status" {
		return "Status"
	}
	if l, ok := changeLabels[ch.Field]; ok {
		return l
	}
	return ch.Field
}

// CertificateChanges lists the changes of a program's certificates, oldest first.
func (s *Store) CertificateChanges(ctx context.Context, programID int64) ([]CertificateChange, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT x.certificate_id, c.number, x.changed_at, x.field, x.old_value, x.new_value, x.reason
		FROM certificate_change x JOIN certificate c ON c.id = x.certificate_id JOIN enrolment e ON e.id = c.enrolment_id
		WHERE e.program_id = ? AND x.field <> 'payload' ORDER BY x.changed_at, x.id`, programID)
	if err != nil {
		return nil, storageError(err)
	}
	defer rows.Close()
	var out []CertificateChange
	for rows.Next() {
		var ch CertificateChange
		var at string
		if err := rows.Scan(&ch.CertificateID, &ch.Number, &at, &ch.Field, &ch.Old, &ch.New, &ch.Reason); err != nil {
			return nil, storageError(err)
		}
		ch.At = instantOf(at)
		out = append(out, ch)
	}
	return out, storageError(rows.Err())
}

// NextCertificateNumber shows the number the program's next certificate would get if issued on day, without
// taking it: for the design editor.
func (s *Store) NextCertificateNumber(ctx context.Context, p *data.Program, day time.Time) (string, error) {
	pattern, err := effectivePattern(ctx, s.db, p)
	if err != nil {
		return "", err
	}
	if err := pattern.Validate(); err != nil {
		return "", err
	}
	var last int
	err = s.db.QueryRowContext(ctx, "SELECT last_seq FROM number_counter WHERE pattern = ? AND year = ?", pattern.CounterKey(p.Code), day.Year()).Scan(&last)
	if err != nil && err != sql.ErrNoRows {
		return "", storageError(err)
	}
	return pattern.Format(last+1, day, p.Code)
}

// VerifyCertificate checks a certificate's QR text against this database: its keys and its register
// (data.VerifyCertificate says how the verdict is reached).
func (s *Store) VerifyCertificate(ctx context.Context, text string) (*data.Verification, error) {
	keys, err := s.VerificationKeys(ctx)
	if err != nil {
		return nil, err
	}
	return data.VerifyCertificate(text, keys, func(number string) (*data.Certificate, error) {
		return s.CertificateByNumber(ctx, number)
	})
}
