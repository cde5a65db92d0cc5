package store

import (
	"context"
	"database/sql"
	"strings"

	"github.com/pembina/pembina/data"
	"github.com/pembina/pembina/data/nip"
)

const participantColumns = `id, nip, nik, employment_status, name, front_title, back_title, sex, birth_place, birth_date,
	rank_code, position, position_kind, unit, agency, email, phone, service`

func scanParticipant(row interface{ Scan(...any) error }) (*data.Participant, error) {
	var p data.Participant
	var n, birth sql.NullString
	if err := row.Scan(&p.ID, &n, &p.NIK, &p.EmploymentStatus, &p.Name, &p.FrontTitle, &p.BackTitle, &p.Sex, &p.BirthPlace,
		&birth, &p.RankCode, &p.Position, &p.PositionKind, &p.Unit, &p.Agency, &p.Email, &p.Phone, &p.Service); err != nil {
		return nil, err
	}
	p.NIP, p.BirthDate = n.String, dateOf(birth)
	return &p, nil
}

// serviceOf is the participant's service status as stored: active when not set (a caller that inserts without
// Normalize).
func serviceOf(p *data.Participant) string {
	if p.Service == "" {
		return string(data.ServiceActive)
	}
	return string(p.Service)
}

// participantSearch is what search matches: NIP, name with titles, position, unit, agency and email.
func participantSearch(p *data.Participant) string {
	return data.SearchKey(strings.Join([]string{p.NIP, p.FrontTitle, p.Name, p.BackTitle, p.Position, p.Unit, p.Agency,
		p.Email}, " "))
}

func duplicateNIP(p *data.Participant) string {
	return "NIP " + nip.Format(p.NIP) + " sudah terdaftar untuk peserta lain; buka data peserta tersebut, jangan membuat data ganda"
}

// CreateParticipant normalises, validates and stores a new participant, setting its ID. A NIP that is already
// stored is a conflict: the same person must not exist twice.
func (s *Store) CreateParticipant(ctx context.Context, p *data.Participant) error {
	p.Normalize()
	if err := p.Validate(); err != nil {
		return err
	}
	return s.tx(ctx, func(tx *sql.Tx) error { return insertParticipant(ctx, tx, p) })
}

// insertParticipant stores an already validated participant inside tx; importers use it to write a whole
// file in one transaction.
func insertParticipant(ctx context.Context, tx querier, p *data.Participant) error {
	res, err := tx.ExecContext(ctx, `INSERT INTO participant (nip, nik, employment_status, name, front_title, back_title, sex,
		birth_place, birth_date, rank_code, position, position_kind, unit, agency, email, phone, service, search, sort_name)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, nullString(p.NIP), p.NIK, p.EmploymentStatus, p.Name,
		p.FrontTitle, p.BackTitle, p.Sex, p.BirthPlace, nullDate(p.BirthDate), p.RankCode, p.Position, p.PositionKind, p.Unit,
		p.Agency, p.Email, p.Phone, serviceOf(p), participantSearch(p), data.SearchKey(p.Name))
	if err != nil {
		return constraintError(err, duplicateNIP(p), "")
	}
	p.ID, err = res.LastInsertId()
	return storageError(err)
}

// UpdateParticipant normalises, validates and stores changes to a participant. Enrolments keep their snapshot.
func (s *Store) UpdateParticipant(ctx context.Context, p *data.Participant) error {
	p.Normalize()
	if err := p.Validate(); err != nil {
		return err
	}
	return s.tx(ctx, func(tx *sql.Tx) error { return updateParticipantTx(ctx, tx, p) })
}

// updateParticipantTx stores an already validated participant inside tx.
func updateParticipantTx(ctx context.Context, tx querier, p *data.Participant) error {
	res, err := tx.ExecContext(ctx, `UPDATE participant SET nip = ?, nik = ?, employment_status = ?, name = ?, front_title = ?,
		back_title = ?, sex = ?, birth_place = ?, birth_date = ?, rank_code = ?, position = ?, position_kind = ?, unit = ?,
		agency = ?, email = ?, phone = ?, service = ?, search = ?, sort_name = ?, updated_at = datetime('now') WHERE id = ?`,
		nullString(p.NIP), p.NIK, p.EmploymentStatus, p.Name, p.FrontTitle, p.BackTitle, p.Sex, p.BirthPlace,
		nullDate(p.BirthDate), p.RankCode, p.Position, p.PositionKind, p.Unit, p.Agency, p.Email, p.Phone, serviceOf(p),
		participantSearch(p), data.SearchKey(p.Name), p.ID)
	if err != nil {
		return constraintError(err, duplicateNIP(p), "")
	}
	return mustAffect(res, nil, "Peserta", p.ID)
}

// DeleteParticipant removes a participant who is enrolled nowhere; someone with a training history is kept.
func (s *Store) DeleteParticipant(ctx context.Context, id int64) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM enrolment WHERE participant_id = ?", id).Scan(&n); err != nil {
			return storageError(err)
		}
		if n > 0 {
			return data.Errorf(data.KindConflict, "Peserta ini terdaftar di %d program; riwayatnya harus tetap ada, jadi data tidak dapat dihapus", n)
		}
		res, err := tx.ExecContext(ctx, "DELETE FROM participant WHERE id = ?", id)
		return mustAffect(res, err, "Peserta", id)
	})
}

// Participant returns one participant.
func (s *Store) Participant(ctx context.Context, id int64) (*data.Participant, error) {
	p, err := scanParticipant(s.db.QueryRowContext(ctx, "SELECT "+participantColumns+" FROM participant WHERE id = ?", id))
	if err == sql.ErrNoRows {
		return nil, notFound("Peserta", id)
	}
	return p, storageError(err)
}

// ParticipantByNIP returns the participant with this NIP, typed in any of its printed forms.
func (s *Store) ParticipantByNIP(ctx context.Context, n string) (*data.Participant, error) {
	digits := nip.Clean(n)
	p, err := scanParticipant(s.db.QueryRowContext(ctx, "SELECT "+participantColumns+" FROM participant WHERE nip = ?", digits))
	if err == sql.ErrNoRows {
		return nil, data.Errorf(data.KindNotFound, "Peserta dengan NIP %s tidak ditemukan", nip.Format(digits))
	}
	return p, storageError(err)
}

// ParticipantFilter narrows the participant list.
type ParticipantFilter struct {
	Search     string             // words in name, NIP, position, unit, agency or email, ignoring case and accents
	Unit       string             // exact unit
	Employment string             // exact employment status (PNS, CPNS, PPPK, …)
	Service    data.ServiceStatus // active, retired or transferred
	// Only, when set, keeps the participants it holds: the JP filters of the Peserta page, computed by the
	// caller with the leadership workbook's functions (data/overview), never by a second count here.
	Only *ParticipantSet
}

// ParticipantSet is a set of participant IDs (a pointer in the filter, so that filters stay comparable).
type ParticipantSet struct {
	Label string // what the set is, for the window: "di bawah target JP 2026"
	IDs   map[int64]bool
}

// plain reports whether the filter keeps everyone (the list is then read page by page from SQLite).
func (f ParticipantFilter) plain() bool {
	return f.Search == "" && f.Unit == "" && f.Employment == "" && f.Service == "" && f.Only == nil
}

// ParticipantRow is a participant as the list shows it.
type ParticipantRow struct {
	ID               int64
	NIP              string
	Name             string // with titles
	EmploymentStatus string
	RankCode         string
	Position         string
	Unit             string
	Service          data.ServiceStatus // filled by People only
}

// CountParticipants counts the participants matching the filter.
func (s *Store) CountParticipants(ctx context.Context, f ParticipantFilter) (int, error) {
	if f.plain() {
		var n int
		err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM participant").Scan(&n)
		return n, storageError(err)
	}
	ix, err := s.participants.current(ctx, s.db)
	if err != nil {
		return 0, err
	}
	return len(ix.match(f)), nil
}

// ListParticipants returns one page of the participants matching the filter, by name. Lists of 100,000 people
// fetch only the pages they show; a search is answered from the in-memory index (participant_search.go).
func (s *Store) ListParticipants(ctx context.Context, f ParticipantFilter, offset, limit int) ([]ParticipantRow, error) {
	const columns = `SELECT id, COALESCE(nip, ''), front_title, name, back_title, employment_status, rank_code, position,
		unit FROM participant`
	if f.plain() {
		rows, err := s.db.QueryContext(ctx, columns+" ORDER BY sort_name, id LIMIT ? OFFSET ?", limit, offset)
		if err != nil {
			return nil, storageError(err)
		}
		return scanParticipantRows(rows, limit)
	}
	ix, err := s.participants.current(ctx, s.db)
	if err != nil {
		return nil, err
	}
	ids := ix.match(f)
	if offset >= len(ids) {
		return []ParticipantRow{}, nil
	}
	ids = ids[offset:min(len(ids), offset+limit)]
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	rows, err := s.db.QueryContext(ctx, columns+" WHERE id IN ("+placeholders(len(ids))+")", args...)
	if err != nil {
		return nil, storageError(err)
	}
	found, err := scanParticipantRows(rows, len(ids))
	if err != nil {
		return nil, err
	}
	byID := make(map[int64]ParticipantRow, len(found))
	for _, r := range found {
		byID[r.ID] = r
	}
	out := make([]ParticipantRow, 0, len(ids))
	for _, id := range ids {
		if r, ok := byID[id]; ok {
			out = append(out, r)
		}
	}
	return out, nil
}

func scanParticipantRows(rows *sql.Rows, capacity int) ([]ParticipantRow, error) {
	defer rows.Close()
	out := make([]ParticipantRow, 0, capacity)
	for rows.Next() {
		var r ParticipantRow
		var front, name, back string
		if err := rows.Scan(&r.ID, &r.NIP, &front, &name, &back, &r.EmploymentStatus, &r.RankCode, &r.Position, &r.Unit); err != nil {
			return nil, storageError(err)
		}
		r.Name = data.FullName(front, name, back)
		out = append(out, r)
	}
	return out, storageError(rows.Err())
}

// Units lists the distinct units of work, for filters and completion.
func (s *Store) Units(ctx context.Context) ([]string, error) {
	out, err := column[string](ctx, s.db, "SELECT DISTINCT unit FROM participant WHERE unit <> '' ORDER BY unit")
	return out, storageError(err)
}

// IsEmpty reports whether the database holds no program and no participant yet, so the window can offer the
// sample data.
func (s *Store) IsEmpty(ctx context.Context) (bool, error) {
	c, err := s.Counts(ctx)
	return c.Programs+c.Participants == 0, err
}

// Counts are how many programs and participants a database holds: what the window, the command line and a
// backup's summary say of a database.
type Counts struct {
	Programs, Participants int
}

// Counts counts the programs and participants of the database.
func (s *Store) Counts(ctx context.Context) (Counts, error) {
	c, err := countsOf(ctx, s.db)
	return c, storageError(err)
}

// countsOf counts the programs and participants of a database, the open one or a backup being inspected.
func countsOf(ctx context.Context, q querier) (Counts, error) {
	var c Counts
	err := q.QueryRowContext(ctx, "SELECT (SELECT count(*) FROM program), (SELECT count(*) FROM participant)").Scan(&c.Programs, &c.Participants)
	return c, err
}
