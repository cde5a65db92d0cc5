package store

import (
	"context"
	"database/sql"
	"errors"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/mattn/go-sqlite3"

	"github.com/pembina/pembina/data"
)

// SetMark stores one attendance mark at once (insert or replace), so that a closed window never loses one.
func (s *Store) SetMark(ctx context.Context, m *data.Mark) error {
	if err := m.Validate(); err != nil {
		return err
	}
	return s.tx(ctx, func(tx *sql.Tx) error { return setMarkTx(ctx, tx, m) })
}

// setMarkTx stores a validated mark inside a transaction. A mark for someone not enrolled in the session's
// program is refused.
func setMarkTx(ctx context.Context, tx querier, m *data.Mark) error {
	source := m.Source
	if source == "" {
		source = data.SourceScreen
	}
	var minutes any
	if m.Minutes != nil {
		minutes = *m.Minutes
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO attendance (session_id, enrolment_id, status, time, note, minutes, source)
		VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (session_id, enrolment_id) DO UPDATE SET status = excluded.status,
		time = excluded.time, note = excluded.note, minutes = excluded.minutes, source = excluded.source,
		updated_at = datetime('now')`, m.SessionID, m.EnrolmentID, m.Status, m.Time, m.Note, minutes, source)
	var se sqlite3.Error
	if errors.As(err, &se) && strings.Contains(se.Error(), "not enrolled") {
		return data.Wrap(data.KindInvalid, err, "Peserta ini tidak terdaftar di program sesi tersebut; daftarkan dulu sebelum mencatat kehadirannya")
	}
	return constraintError(err, "", "Sesi atau pendaftaran tidak ditemukan")
}

// ClearMark removes a mark, leaving the participant unmarked for the session.
func (s *Store) ClearMark(ctx context.Context, sessionID, enrolmentID int64) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, "DELETE FROM attendance WHERE session_id = ? AND enrolment_id = ?", sessionID, enrolmentID)
		return storageError(err)
	})
}

// Marks returns a session's marks by enrolment ID.
func (s *Store) Marks(ctx context.Context, sessionID int64) (map[int64]*data.Mark, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT session_id, enrolment_id, status, time, note, minutes, source FROM attendance
		WHERE session_id = ?`, sessionID)
	if err != nil {
		return nil, storageError(err)
	}
	defer rows.Close()
	out := map[int64]*data.Mark{}
	for rows.Next() {
		var m data.Mark
		var minutes sql.NullInt64
		if err := rows.Scan(&m.SessionID, &m.EnrolmentID, &m.Status, &m.Time, &m.Note, &minutes, &m.Source); err != nil {
			return nil, storageError(err)
		}
		if minutes.Valid {
			n := int(minutes.Int64)
			m.Minutes = &n
		}
		out[m.EnrolmentID] = &m
	}
	return out, storageError(rows.Err())
}

// insertMarksTx stores many new marks inside a transaction, a hundred rows per statement: for sample data
// and bulk entry, where one statement per mark would cost most of the time in SQLite's call overhead. Marks
// must be validated and must not exist yet (a duplicate is a conflict and the caller's transaction fails).
func insertMarksTx(ctx context.Context, tx querier, marks []data.Mark) error {
	const perStatement = 100
	for start := 0; start < len(marks); start += perStatement {
		chunk := marks[start:min(len(marks), start+perStatement)]
		args := make([]any, 0, len(chunk)*6)
		for _, m := range chunk {
			source := m.Source
			if source == "" {
				source = data.SourceScreen
			}
			var minutes any
			if m.Minutes != nil {
				minutes = *m.Minutes
			}
			args = append(args, m.SessionID, m.EnrolmentID, m.Status, m.Time, m.Note, minutes, source)
		}
		q := "INSERT INTO attendance (session_id, enrolment_id, status, time, note, minutes, source) VALUES " +
			strings.TrimSuffix(strings.Repeat("(?, ?, ?, ?, ?, ?, ?), ", len(chunk)), ", ")
		if _, err := tx.ExecContext(ctx, q, args...); err != nil {
			return constraintError(err, "Tanda hadir ganda untuk sesi yang sama", "Sesi atau pendaftaran tidak ditemukan")
		}
	}
	return nil
}

// SetMarks stores several marks in one transaction: all of them, or none when one is refused.
func (s *Store) SetMarks(ctx context.Context, marks []*data.Mark) error {
	for _, m := range marks {
		if err := m.Validate(); err != nil {
			return err
		}
	}
	return s.batch(ctx, func(b *batchTx) error {
		for _, m := range marks {
			if err := setMarkTx(ctx, b, m); err != nil {
				return err
			}
		}
		return nil
	})
}

// MarkAllPresent marks every participant of the session's roster who has no mark yet as present (H), in one
// transaction, and returns how many it marked: "Semua hadir", after which the coordinator keys the exceptions.
func (s *Store) MarkAllPresent(ctx context.Context, sessionID int64) (int, error) {
	var n int
	err := s.tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `INSERT INTO attendance (session_id, enrolment_id, status, source)
			SELECT x.id, e.id, 'H', 'screen' FROM session x JOIN enrolment e ON e.program_id = x.program_id
			WHERE x.id = ? AND `+rosterWhere+` AND NOT EXISTS
				(SELECT 1 FROM attendance a WHERE a.session_id = x.id AND a.enrolment_id = e.id)`, sessionID)
		if err != nil {
			return storageError(err)
		}
		affected, err := res.RowsAffected()
		n = int(affected)
		return storageError(err)
	})
	return n, err
}

// rosterWhere selects the enrolments that sign in: participants (not speakers, moderators or the committee)
// who have not withdrawn.
const rosterWhere = "e.role = 'peserta' AND e.status = 'enrolled'"

// RosterRow is one person on a program's attendance roster, with the rank and unit of their enrolment
// snapshot, as sign-in sheets print them.
type RosterRow struct {
	EnrolmentID   int64
	ParticipantID int64
	NIP           string
	FrontTitle    string
	PlainName     string // without titles
	BackTitle     string
	Name          string // with titles
	SortName      string
	RankCode      string
	Position      string
	Unit          string
	Email         string
}

// Roster lists who signs in for a program's sessions, by name: enrolled participants who have not withdrawn.
func (s *Store) Roster(ctx context.Context, programID int64) ([]RosterRow, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT e.id, p.id, COALESCE(p.nip, ''), p.front_title, p.name, p.back_title,
		p.sort_name, e.rank_code, e.position, e.unit, p.email FROM enrolment e JOIN participant p ON p.id = e.participant_id
		WHERE e.program_id = ? AND `+rosterWhere+` ORDER BY p.sort_name, p.id`, programID)
	if err != nil {
		return nil, storageError(err)
	}
	defer rows.Close()
	var out []RosterRow
	for rows.Next() {
		var r RosterRow
		if err := rows.Scan(&r.EnrolmentID, &r.ParticipantID, &r.NIP, &r.FrontTitle, &r.PlainName, &r.BackTitle, &r.SortName,
			&r.RankCode, &r.Position, &r.Unit, &r.Email); err != nil {
			return nil, storageError(err)
		}
		r.Name = data.FullName(r.FrontTitle, r.PlainName, r.BackTitle)
		out = append(out, r)
	}
	return out, storageError(rows.Err())
}

// SessionByNumber returns a program's session by its number (1 for the first), as the command line names it.
func (s *Store) SessionByNumber(ctx context.Context, programID int64, number int) (*data.Session, error) {
	x, err := scanSession(s.db.QueryRowContext(ctx, "SELECT "+sessionColumns+" FROM session WHERE program_id = ? AND position = ?",
		programID, number))
	if err == sql.ErrNoRows {
		var n int
		s.db.QueryRowContext(ctx, "SELECT count(*) FROM session WHERE program_id = ?", programID).Scan(&n)
		if n == 0 {
			return nil, data.Errorf(data.KindNotFound, "Program ini belum memiliki sesi; buat jadwalnya dulu di tab Jadwal & Presensi")
		}
		return nil, data.Errorf(data.KindNotFound, "Sesi %d tidak ada; program ini memiliki sesi 1 sampai %d", number, n)
	}
	return x, storageError(err)
}

// SessionMarkCounts counts the marks of each of a program's sessions, by session ID (sessions without marks
// are absent).
func (s *Store) SessionMarkCounts(ctx context.Context, programID int64) (map[int64]int, error) {
	return countsByID(ctx, s.db, `SELECT x.id, count(a.session_id) FROM session x LEFT JOIN attendance a ON a.session_id = x.id
		WHERE x.program_id = ? GROUP BY x.id`, programID)
}

// programMarks returns every mark of a program's sessions. The marks of a session come as one concatenated
// row ("12:H,13:T,…"): a 500 × 20 recap then costs 20 rows through cgo instead of 10,000, a fifth of the time.
func programMarks(ctx context.Context, q querier, programID int64) ([]data.StatusMark, error) {
	rows, err := q.QueryContext(ctx, `SELECT a.session_id, count(*), group_concat(a.enrolment_id || ':' || a.status)
		FROM attendance a JOIN session x ON x.id = a.session_id WHERE x.program_id = ? GROUP BY a.session_id`, programID)
	if err != nil {
		return nil, storageError(err)
	}
	defer rows.Close()
	var out []data.StatusMark
	for rows.Next() {
		var sessionID int64
		var n int
		var list string
		if err := rows.Scan(&sessionID, &n, &list); err != nil {
			return nil, storageError(err)
		}
		out = slices.Grow(out, n)
		for item := range strings.SplitSeq(list, ",") {
			id, status, _ := strings.Cut(item, ":")
			e, err := strconv.ParseInt(id, 10, 64)
			if err != nil {
				return nil, data.Wrap(data.KindInternal, err, "Tanda hadir sesi %d tidak terbaca: %q", sessionID, item)
			}
			out = append(out, data.StatusMark{SessionID: sessionID, EnrolmentID: e, Status: data.AttendanceStatus(status)})
		}
	}
	return out, storageError(rows.Err())
}

// AttendanceRecap builds the attendance matrix of a program on day today: its roster × its sessions, with
// each participant's rate and each session's counts (data.BuildRecap). It reads in one transaction, so the
// matrix is consistent even while marks are being keyed in.
func (s *Store) AttendanceRecap(ctx context.Context, programID int64, today time.Time) (*data.Recap, error) {
	var r *data.Recap
	err := s.tx(ctx, func(tx *sql.Tx) error {
		p, err := programTx(ctx, tx, programID)
		if err != nil {
			return err
		}
		sessions, err := sessionsTx(ctx, tx, programID)
		if err != nil {
			return err
		}
		rows, err := tx.QueryContext(ctx, `SELECT e.id, p.front_title, p.name, p.back_title, COALESCE(p.nip, ''), p.sort_name
			FROM enrolment e JOIN participant p ON p.id = e.participant_id WHERE e.program_id = ? AND `+rosterWhere+`
			ORDER BY p.sort_name, p.id`, programID)
		if err != nil {
			return storageError(err)
		}
		var people []data.RecapPerson
		for rows.Next() {
			var x data.RecapPerson
			var front, name, back string
			if err := rows.Scan(&x.EnrolmentID, &front, &name, &back, &x.NIP, &x.SortName); err != nil {
				rows.Close()
				return storageError(err)
			}
			x.Name = data.FullName(front, name, back)
			people = append(people, x)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return storageError(err)
		}
		marks, err := programMarks(ctx, tx, programID)
		if err != nil {
			return err
		}
		r = data.BuildRecap(p, sessions, people, marks, today)
		return nil
	})
	return r, err
}

// ImportResult counts what ImportMarks did.
type ImportResult struct {
	Added     int // new marks
	Updated   int // marks of an earlier import that changed
	Unchanged int // marks already stored exactly so (the same file imported again)
	Kept      int // marks keyed in or copied from paper, which an import never overwrites
}

// ImportMarks writes the marks of an online-meeting report for one session in one transaction. A mark that
// is already stored exactly so is left alone, so importing the same file twice changes nothing; a mark keyed
// in on screen or copied from paper is kept, because the coordinator's own decision wins over a report.
func (s *Store) ImportMarks(ctx context.Context, sessionID int64, marks []*data.Mark) (ImportResult, error) {
	var res ImportResult
	for _, m := range marks {
		m.SessionID, m.Source = sessionID, data.SourceImport
		if err := m.Validate(); err != nil {
			return res, err
		}
	}
	err := s.batch(ctx, func(b *batchTx) error {
		res = ImportResult{}
		for _, m := range marks {
			var status, clock, note, source string
			var minutes sql.NullInt64
			err := b.QueryRowContext(ctx, `SELECT status, time, note, minutes, source FROM attendance
				WHERE session_id = ? AND enrolment_id = ?`, sessionID, m.EnrolmentID).Scan(&status, &clock, &note, &minutes, &source)
			switch {
			case err == sql.ErrNoRows:
				res.Added++
			case err != nil:
				return storageError(err)
			case source != data.SourceImport:
				res.Kept++
				continue
			case status == string(m.Status) && clock == m.Time && note == m.Note && sameMinutes(minutes, m.Minutes):
				res.Unchanged++
				continue
			default:
				res.Updated++
			}
			if err := setMarkTx(ctx, b, m); err != nil {
				return err
			}
		}
		return nil
	})
	return res, err
}

func sameMinutes(stored sql.NullInt64, m *int) bool {
	if m == nil {
		return !stored.Valid
	}
	return stored.Valid && int(stored.Int64) == *m
}

// ParticipantByEmail returns the participant with this email address (case ignored), for matching the lines
// of an online-meeting report; nil when there is none or more than one.
func (s *Store) ParticipantByEmail(ctx context.Context, email string) (*data.Participant, error) {
	rows, err := s.db.QueryContext(ctx, "SELECT "+participantColumns+" FROM participant WHERE email = ? COLLATE NOCASE LIMIT 2",
		strings.TrimSpace(email))
	if err != nil {
		return nil, storageError(err)
	}
	defer rows.Close()
	var found []*data.Participant
	for rows.Next() {
		p, err := scanParticipant(rows)
		if err != nil {
			return nil, storageError(err)
		}
		found = append(found, p)
	}
	if err := rows.Err(); err != nil || len(found) != 1 {
		return nil, storageError(err)
	}
	return found[0], nil
}
