package store

import (
	"cmp"
	"context"
	"database/sql"
	"slices"
	"strings"
	"time"

	"github.com/pembina/pembina/data"
)

// People lists every participant, or only those of one unit kerja (compared ignoring case), by name: the
// leadership workbook judges everyone against the 20 JP, including those who took part in nothing. Position
// is left empty: nothing that lists 100,000 people shows it.
func (s *Store) People(ctx context.Context, unit string) ([]ParticipantRow, error) {
	q := `SELECT id, COALESCE(nip, ''), front_title, name, back_title, employment_status, rank_code, unit, sort_name,
		service FROM participant`
	var args []any
	if unit = strings.TrimSpace(unit); unit != "" {
		q += " WHERE unit = ? COLLATE NOCASE"
		args = append(args, unit)
	}
	// Sorted here rather than by SQLite: in name order it would visit the table in random order through the
	// index, 15 times slower for 100,000 people.
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, storageError(err)
	}
	defer rows.Close()
	var all []ParticipantRow
	var keys []string
	for rows.Next() {
		var r ParticipantRow
		var front, name, back, key string
		if err := rows.Scan(&r.ID, &r.NIP, &front, &name, &back, &r.EmploymentStatus, &r.RankCode, &r.Unit, &key, &r.Service); err != nil {
			return nil, storageError(err)
		}
		r.Name = data.FullName(front, name, back)
		all = append(all, r)
		keys = append(keys, key)
	}
	if err := rows.Err(); err != nil {
		return nil, storageError(err)
	}
	order := make([]int32, len(all))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(a, b int32) int { return cmp.Or(cmp.Compare(keys[a], keys[b]), cmp.Compare(all[a].ID, all[b].ID)) })
	out := make([]ParticipantRow, len(all))
	for i, k := range order {
		out[i] = all[k]
	}
	return out, nil
}

// UnitNamed returns the unit kerja as stored that matches name ignoring case and surrounding spaces, or a
// not-found error that suggests the units containing it.
func (s *Store) UnitNamed(ctx context.Context, name string) (string, error) {
	name = strings.TrimSpace(name)
	var unit string
	err := s.db.QueryRowContext(ctx, "SELECT unit FROM participant WHERE unit = ? COLLATE NOCASE LIMIT 1", name).Scan(&unit)
	if err == nil {
		return unit, nil
	}
	if err != sql.ErrNoRows {
		return "", storageError(err)
	}
	units, err := s.Units(ctx)
	if err != nil {
		return "", err
	}
	var close []string
	key := data.SearchKey(name)
	for _, u := range units {
		if key != "" && strings.Contains(data.SearchKey(u), key) && len(close) < 5 {
			close = append(close, u)
		}
	}
	if len(close) > 0 {
		return "", data.Errorf(data.KindNotFound, "Unit kerja %q tidak ditemukan; mungkin maksudnya: %s", name, strings.Join(close, "; "))
	}
	return "", data.Errorf(data.KindNotFound, "Unit kerja %q tidak ditemukan; tulis nama unit persis seperti di data peserta", name)
}

// CertificateRow is one certificate of the register with its program and holder, as the leadership workbook
// lists it.
type CertificateRow struct {
	ID            int64
	EnrolmentID   int64
	ProgramID     int64
	ParticipantID int64
	Number        string
	IssuedOn      time.Time
	HolderName    string // as printed, with titles
	NIP           string
	Unit          string // of the enrolment
	Revoked       bool
	RevokedReason string
}

// CertificatesInScope reads the certificate register of the programs in the scope (of the scope's unit only,
// when it names one), by program then holder: valid and revoked certificates of every role. Certificates
// reads one program's register with each certificate's QR code and signed text; the workbook and the
// dashboard need a year's register in one query and none of that.
func (s *Store) CertificatesInScope(ctx context.Context, sc Scope) ([]CertificateRow, error) {
	where, args := sc.programsWhere()
	if w, a := sc.peopleWhere("e.participant_id"); w != "" {
		where += " AND " + w
		args = append(args, a...)
	}
	rows, err := s.db.QueryContext(ctx, `SELECT c.id, c.enrolment_id, e.program_id, e.participant_id, c.number, c.issued_on,
		c.holder_name, COALESCE(pp.nip, ''), e.unit, c.status = 'revoked', c.revoked_reason
		FROM program p CROSS JOIN enrolment e ON e.program_id = p.id CROSS JOIN certificate c ON c.enrolment_id = e.id
		JOIN participant pp ON pp.id = e.participant_id
		WHERE `+where+" ORDER BY p.end_date, p.code, pp.sort_name, pp.id", args...)
	if err != nil {
		return nil, storageError(err)
	}
	defer rows.Close()
	var out []CertificateRow
	for rows.Next() {
		var c CertificateRow
		var issued string
		if err := rows.Scan(&c.ID, &c.EnrolmentID, &c.ProgramID, &c.ParticipantID, &c.Number, &issued, &c.HolderName, &c.NIP,
			&c.Unit, &c.Revoked, &c.RevokedReason); err != nil {
			return nil, storageError(err)
		}
		c.IssuedOn, _ = time.Parse(data.DateLayout, issued)
		out = append(out, c)
	}
	return out, storageError(rows.Err())
}

// MarkKey is one attendance mark reduced to what identifies it: the tidy attendance table of the leadership
// workbook looks up the session and the person among what it has read already.
type MarkKey struct {
	SessionID     int64
	ParticipantID int64
	Status        data.AttendanceStatus
}

// ScopeMarks reads every attendance mark of the programs in the scope (of the scope's unit only, when it names
// one), in no particular order. Three small columns a mark keep a year of 200,000 marks to a few megabytes
// and a fraction of a second.
func (s *Store) ScopeMarks(ctx context.Context, sc Scope) ([]MarkKey, error) {
	where, args := sc.programsWhere()
	if w, a := sc.peopleWhere("e.participant_id"); w != "" {
		where += " AND " + w
		args = append(args, a...)
	}
	rows, err := s.db.QueryContext(ctx, `SELECT a.session_id, e.participant_id, a.status FROM program p
		CROSS JOIN session x ON x.program_id = p.id CROSS JOIN attendance a ON a.session_id = x.id
		CROSS JOIN enrolment e ON e.id = a.enrolment_id WHERE `+where, args...)
	if err != nil {
		return nil, storageError(err)
	}
	defer rows.Close()
	var out []MarkKey
	var status sql.RawBytes
	for rows.Next() {
		var m MarkKey
		if err := rows.Scan(&m.SessionID, &m.ParticipantID, &status); err != nil {
			return nil, storageError(err)
		}
		m.Status = statusOf(status)
		out = append(out, m)
	}
	return out, storageError(rows.Err())
}

// statusOf returns the status constant for a stored code without allocating a string for every mark.
func statusOf(b []byte) data.AttendanceStatus {
	for _, st := range data.AttendanceStatuses {
		if string(b) == string(st) {
			return st
		}
	}
	return data.AttendanceStatus(b)
}

// ScopeSessions reads the sessions of the programs in the scope, by ID.
func (s *Store) ScopeSessions(ctx context.Context, sc Scope) (map[int64]*data.Session, error) {
	where, args := sc.programsWhere()
	rows, err := s.db.QueryContext(ctx, "SELECT "+prefixed("x.", sessionColumns)+` FROM program p
		CROSS JOIN session x ON x.program_id = p.id WHERE `+where, args...)
	if err != nil {
		return nil, storageError(err)
	}
	defer rows.Close()
	out := map[int64]*data.Session{}
	for rows.Next() {
		x, err := scanSession(rows)
		if err != nil {
			return nil, storageError(err)
		}
		out[x.ID] = x
	}
	return out, storageError(rows.Err())
}

// SessionRow is a session with its program, for lists across programs.
type SessionRow struct {
	*data.Session
	ProgramCode   string
	ProgramTitle  string
	ProgramStatus data.ProgramStatus
}

// SessionsBetween lists the sessions of every program that is not cancelled held between two days
// (inclusive), by date and time: this week's sessions on the dashboard.
func (s *Store) SessionsBetween(ctx context.Context, from, to time.Time) ([]SessionRow, error) {
	rows, err := s.db.QueryContext(ctx, "SELECT "+prefixed("x.", sessionColumns)+`, p.code, p.title, p.status
		FROM session x JOIN program p ON p.id = x.program_id WHERE x.date BETWEEN ? AND ? AND p.status <> 'cancelled'
		ORDER BY x.date, x.start_time, p.code`, data.FormatDate(from), data.FormatDate(to))
	if err != nil {
		return nil, storageError(err)
	}
	defer rows.Close()
	var out []SessionRow
	for rows.Next() {
		var r SessionRow
		var err error
		if r.Session, err = scanSession(&withExtra{rows, []any{&r.ProgramCode, &r.ProgramTitle, &r.ProgramStatus}}); err != nil {
			return nil, storageError(err)
		}
		out = append(out, r)
	}
	return out, storageError(rows.Err())
}

// withExtra scans a row's leading columns with scan and its trailing ones into extra.
type withExtra struct {
	row   interface{ Scan(...any) error }
	extra []any
}

func (w *withExtra) Scan(dest ...any) error { return w.row.Scan(append(dest, w.extra...)...) }

// OpenForm is an attached form that still takes responses, with its program and its response count.
type OpenForm struct {
	ProgramFormRow
	ProgramCode  string
	ProgramTitle string
	Expected     int // enrolled participants
}

// OpenForms lists the attached forms of programs that are not cancelled which take responses on day today
// (data.ProgramForm.IsOpen), closing soonest first. A form without a closing date counts only during its
// program and the month after it, so that an old program's form left open does not stay on the list forever.
func (s *Store) OpenForms(ctx context.Context, today time.Time) ([]OpenForm, error) {
	day := data.FormatDate(data.Day(today))
	monthAgo := data.FormatDate(data.Day(today).AddDate(0, -1, 0))
	rows, err := s.db.QueryContext(ctx, "SELECT "+programFormColumns+`, f.title, f.kind,
		(SELECT count(*) FROM response r WHERE r.program_form_id = pf.id), p.code, p.title,
		(SELECT count(*) FROM enrolment e WHERE e.program_id = p.id AND e.status = 'enrolled' AND e.role = 'peserta')
		FROM program_form pf JOIN form f ON f.id = pf.form_id JOIN program p ON p.id = pf.program_id
		WHERE p.status <> 'cancelled' AND (pf.opens_on IS NULL OR pf.opens_on <= ?1) AND (pf.closes_on IS NULL OR pf.closes_on >= ?1)
		AND (pf.closes_on IS NOT NULL OR p.end_date >= ?2)
		ORDER BY pf.closes_on IS NULL, pf.closes_on, p.code, pf.position`, day, monthAgo)
	if err != nil {
		return nil, storageError(err)
	}
	defer rows.Close()
	var out []OpenForm
	for rows.Next() {
		var r OpenForm
		if r.ProgramForm, err = scanProgramForm(rows, &r.FormTitle, &r.FormKind, &r.Responses, &r.ProgramCode, &r.ProgramTitle, &r.Expected); err != nil {
			return nil, storageError(err)
		}
		out = append(out, r)
	}
	return out, storageError(rows.Err())
}
