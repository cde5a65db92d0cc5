package importer

import (
	"context"
	"errors"
	"fmt"
	"hash/maphash"
	"strings"
	"time"

	"github.com/pembina/pembina/app/participantcols"
	"github.com/pembina/pembina/data"
	"github.com/pembina/pembina/data/indo"
	"github.com/pembina/pembina/data/store"
)

// RowStatus is what an import will do with a row.
type RowStatus int

// The outcomes of a row.
const (
	RowNew       RowStatus = iota // a person not stored yet
	RowUpdated                    // a stored person some of whose fields change
	RowUnchanged                  // a stored person the row tells nothing new about
	RowInvalid                    // a row that cannot be stored; Problems say why
)

// Label is the outcome in Indonesian.
func (s RowStatus) Label() string {
	switch s {
	case RowNew:
		return "Baru"
	case RowUpdated:
		return "Diperbarui"
	case RowUnchanged:
		return "Tidak berubah"
	}
	return "Tidak valid"
}

// ParticipantRow is one data row of the file and what the import will do with it.
type ParticipantRow struct {
	Line        int // the row number as the spreadsheet shows it
	Status      RowStatus
	Participant *data.Participant // what will be stored: the file's values over the stored ones
	Existing    *data.Participant // the stored person the row matched, nil for a new one
	Changes     []string          // for an update: the fields that change, by label
	Problems    []Problem         // why the row is invalid
	Warnings    []Problem         // what was set aside; the row is still stored
	Enrolled    bool              // with a program: the person is already enrolled in it
}

// Name is the row's person as lists show them, with titles; for an invalid row without a name, "".
func (r *ParticipantRow) Name() string {
	if r.Participant == nil {
		return ""
	}
	return r.Participant.FullName()
}

// ParticipantPlan is what importing a participant list would do, row by row, before anything is written.
type ParticipantPlan struct {
	File      *ParticipantFile
	Mapping   []participantcols.Field
	ProgramID int64 // 0: no enrolment
	Rows      []ParticipantRow
	Footer    int // 1-based row where a footer (totals, signatures) stopped the reading; 0 when none

	New, Updated, Unchanged, Invalid int
	ToEnrol, AlreadyEnrolled         int // with a program: valid rows to enrol, and those enrolled already
}

// Valid is the number of rows that would be written or kept.
func (p *ParticipantPlan) Valid() int { return p.New + p.Updated + p.Unchanged }

// CheckMapping refuses a mapping without a name column or with one field on two columns.
func CheckMapping(columns []Column, mapping []participantcols.Field) error {
	seen := map[participantcols.Field]string{}
	for i, f := range mapping {
		if f == participantcols.FieldNone {
			continue
		}
		heading := fmt.Sprintf("kolom %d", i+1)
		if i < len(columns) && columns[i].Heading != "" {
			heading = columns[i].Heading
		}
		if other, ok := seen[f]; ok {
			return data.Errorf(data.KindInvalid, "Kolom %q dan %q sama-sama dipetakan ke %s; pilih satu", other, heading, f.Label())
		}
		seen[f] = heading
	}
	if _, ok := seen[participantcols.FieldName]; !ok {
		return data.Errorf(data.KindInvalid, "Tidak ada kolom yang dipetakan ke Nama; pilih kolom yang berisi nama peserta")
	}
	return nil
}

// Plan checks every row against the rules and the database without writing: the NIP rules (with the Excel
// number trap called out), a name, the rank normalised or flagged, duplicates inside the file, and for each
// valid row whether it is a new person, an update of a stored one (matched on NIP; without a NIP, on name plus
// NIK or birth date) or nothing new. With programID, it also tells who is enrolled already. progress, if not
// nil, is called as rows are checked.
func (f *ParticipantFile) Plan(ctx context.Context, s *store.Store, mapping []participantcols.Field, programID int64, progress func(done, total int)) (*ParticipantPlan, error) {
	if err := CheckMapping(f.Columns, mapping); err != nil {
		return nil, err
	}
	heading := func(field participantcols.Field) string {
		h, _ := columnHeading(f.Columns, mapping, field)
		return h
	}
	lines, footer := f.dataRows(mapping)
	if len(lines) == 0 {
		return nil, data.Errorf(data.KindInvalid, "%s tidak berisi peserta: di bawah judul kolom (baris %d) tidak ada baris data; isi daftarnya di bawah judul kolom",
			baseName(f.Path), f.Header+1)
	}
	plan := &ParticipantPlan{File: f, Mapping: mapping, ProgramID: programID, Footer: footer, Rows: make([]ParticipantRow, len(lines))}
	var nips, names []string
	var raw rawRow
	for i, r := range lines {
		f.read(r, mapping, &raw)
		p, problems, warnings := f.parse(&raw, heading)
		plan.Rows[i] = ParticipantRow{Line: raw.line, Participant: p, Problems: problems, Warnings: warnings}
		if p.NIP != "" {
			nips = append(nips, p.NIP)
		} else if len(problems) == 0 && p.Name != "" {
			names = append(names, data.SearchKey(p.Name))
		}
	}
	if err := ctx.Err(); err != nil {
		return nil, cancelled(err)
	}
	byNIP, err := s.ParticipantsByNIP(ctx, nips)
	if err != nil {
		return nil, err
	}
	byName, err := s.ParticipantsWithoutNIP(ctx, names)
	if err != nil {
		return nil, err
	}
	enrolled := map[int64]bool{}
	if programID != 0 {
		if enrolled, err = s.EnrolledParticipants(ctx, programID); err != nil {
			return nil, err
		}
	}
	// first holds, by identity, the line of its first row and a hash of that row's cells (rowHash) to tell a
	// row pasted twice from two rows of one person; the joined cells themselves cost 30 MB for 160,000 rows.
	type firstRow struct {
		line int
		hash uint64
	}
	first := make(map[string]firstRow, len(nips)+len(names))
	seed := maphash.MakeSeed()
	for i := range plan.Rows {
		if i%500 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, cancelled(err)
			}
			if progress != nil {
				progress(i, len(plan.Rows))
			}
		}
		row := &plan.Rows[i]
		p := row.Participant
		if len(row.Problems) == 0 {
			row.Existing = match(p, byNIP, byName, heading, &row.Problems)
		}
		if len(row.Problems) == 0 {
			id, fp := identity(p), rowHash(seed, f.sheet.Rows[row.Line-1])
			if earlier, ok := first[id]; ok {
				msg := "NIP ini sudah ada di baris %d; hapus salah satu baris"
				column := heading(participantcols.FieldNIP)
				if p.NIP == "" {
					msg, column = "peserta ini sudah ada di baris %d (nama dan data lahir sama); hapus salah satu baris", heading(participantcols.FieldName)
				}
				if earlier.hash == fp {
					msg = "baris ini sama persis dengan baris %d; hapus salah satunya"
				}
				row.Problems = append(row.Problems, Problem{Column: column, Message: fmt.Sprintf(msg, earlier.line)})
			} else {
				first[id] = firstRow{row.Line, fp}
			}
		}
		if len(row.Problems) == 0 {
			merged := merge(row.Existing, p)
			merged.Normalize()
			if err := merged.Validate(); err != nil {
				row.Problems = append(row.Problems, validationProblems(err, f.Columns, mapping)...)
			}
			row.Participant = merged
		}
		switch {
		case len(row.Problems) > 0:
			row.Status = RowInvalid
			plan.Invalid++
			continue
		case row.Existing == nil:
			row.Status = RowNew
			plan.New++
		default:
			row.Changes = changes(row.Existing, row.Participant)
			if len(row.Changes) > 0 {
				row.Status = RowUpdated
				plan.Updated++
			} else {
				row.Status = RowUnchanged
				plan.Unchanged++
			}
		}
		if programID != 0 {
			if row.Existing != nil && enrolled[row.Existing.ID] {
				row.Enrolled = true
				plan.AlreadyEnrolled++
			} else {
				plan.ToEnrol++
			}
		}
	}
	if programID != 0 {
		if err := plan.warnSameCourse(ctx, s, f.Columns, mapping); err != nil {
			return nil, err
		}
	}
	messages := interner{}
	for i := range plan.Rows {
		plan.Rows[i].locate(messages)
	}
	if progress != nil {
		progress(len(plan.Rows), len(plan.Rows))
	}
	return plan, nil
}

// locate gives the row's problems and warnings its line, marks the problems as the errors they are, and
// shares their messages through messages.
func (r *ParticipantRow) locate(messages interner) {
	for i := range r.Problems {
		r.Problems[i].Line, r.Problems[i].Error = r.Line, true
		r.Problems[i].Message = messages.intern(r.Problems[i].Message)
	}
	for i := range r.Warnings {
		r.Warnings[i].Line = r.Line
		r.Warnings[i].Message = messages.intern(r.Warnings[i].Message)
	}
}

// maxInterned is the most distinct messages an interner keeps: the messages that repeat (a golongan that
// does not fit the status, "harus 16 angka") are among the first rows' few dozen, and the ones naming a
// row's own value never repeat, so keeping them would only cost a map entry each.
const maxInterned = 4096

// interner shares one string among the equal problem messages of a plan: each row builds its own, and a
// list of 199,990 invalid rows held 15 MB of copies of a few dozen texts.
type interner map[string]string

func (m interner) intern(s string) string {
	if t, ok := m[s]; ok {
		return t
	}
	if len(m) < maxInterned {
		m[s] = s
	}
	return s
}

// rowHash is a hash of a row's cells, with a separator after each, so that two rows hash alike only when
// their cells are the same (but for a 64-bit collision, which would only change which of two duplicate
// messages a duplicate row gets).
func rowHash(seed maphash.Seed, cells []string) uint64 {
	var h maphash.Hash
	h.SetSeed(seed)
	for _, c := range cells {
		h.WriteString(c)
		h.WriteByte(0x1f)
	}
	return h.Sum64()
}

// warnSameCourse warns on the rows of stored people about to be enrolled who already completed the same
// course in another program (store.SameCourseCompleted): their JP would count only once a year.
func (plan *ParticipantPlan) warnSameCourse(ctx context.Context, s *store.Store, columns []Column, mapping []participantcols.Field) error {
	var ids []int64
	for _, row := range plan.Rows {
		if row.Existing != nil && !row.Enrolled && row.Status != RowInvalid {
			ids = append(ids, row.Existing.ID)
		}
	}
	if len(ids) == 0 {
		return nil
	}
	done, err := s.SameCourseCompleted(ctx, plan.ProgramID, ids, time.Now())
	if err != nil {
		return err
	}
	column, _ := columnHeading(columns, mapping, participantcols.FieldName)
	for i := range plan.Rows {
		row := &plan.Rows[i]
		if row.Existing == nil || row.Enrolled {
			continue
		}
		if d, ok := done[row.Existing.ID]; ok {
			row.Warnings = append(row.Warnings, Problem{Column: column, Message: fmt.Sprintf("sudah menuntaskan kursus yang sama "+
				"(%s); bila didaftarkan lagi, JP-nya hanya dihitung sekali setahun", d.Program)})
		}
	}
	return nil
}

// identity is what makes two rows of one file the same person: the NIP, or without one the folded name with
// the NIK and birth date.
func identity(p *data.Participant) string {
	if p.NIP != "" {
		return p.NIP
	}
	return "name:" + data.SearchKey(p.Name) + "|" + p.NIK + "|" + data.FormatDate(p.BirthDate)
}

// match finds the stored person a row is about: by NIP, or for a row without one, the only stored person
// without a NIP with the same name whose NIK and birth date do not contradict the row's. Several such people
// are a problem: the row must say which one (NIK or birth date).
func match(p *data.Participant, byNIP map[string]*data.Participant, byName map[string][]*data.Participant,
	heading func(participantcols.Field) string, problems *[]Problem) *data.Participant {
	if p.NIP != "" {
		return byNIP[p.NIP]
	}
	if p.Name == "" {
		return nil
	}
	var found []*data.Participant
	for _, c := range byName[data.SearchKey(p.Name)] {
		if p.NIK != "" && c.NIK != "" && p.NIK != c.NIK {
			continue
		}
		if !p.BirthDate.IsZero() && !c.BirthDate.IsZero() && !p.BirthDate.Equal(c.BirthDate) {
			continue
		}
		found = append(found, c)
	}
	if len(found) > 1 {
		*problems = append(*problems, Problem{Column: heading(participantcols.FieldName), Message: fmt.Sprintf("ada %d peserta tanpa NIP bernama %s; "+
			"isi NIK atau tanggal lahir agar jelas siapa yang dimaksud", len(found), p.Name)})
		return nil
	}
	if len(found) == 1 {
		return found[0]
	}
	return nil
}

// participantTexts are the text fields of a participant by the label a preview names them with, for merging
// a row over a stored person and telling what changes.
var participantTexts = []struct {
	label string
	field func(*data.Participant) *string
}{
	{"NIP", func(p *data.Participant) *string { return &p.NIP }},
	{"NIK", func(p *data.Participant) *string { return &p.NIK }},
	{"Status kepegawaian", func(p *data.Participant) *string { return &p.EmploymentStatus }},
	{"Nama", func(p *data.Participant) *string { return &p.Name }},
	{"Gelar depan", func(p *data.Participant) *string { return &p.FrontTitle }},
	{"Gelar belakang", func(p *data.Participant) *string { return &p.BackTitle }},
	{"Jenis kelamin", func(p *data.Participant) *string { return &p.Sex }},
	{"Tempat lahir", func(p *data.Participant) *string { return &p.BirthPlace }},
	{"Pangkat/Golongan", func(p *data.Participant) *string { return &p.RankCode }},
	{"Jabatan", func(p *data.Participant) *string { return &p.Position }},
	{"Jenis jabatan", func(p *data.Participant) *string { return &p.PositionKind }},
	{"Unit kerja", func(p *data.Participant) *string { return &p.Unit }},
	{"Instansi", func(p *data.Participant) *string { return &p.Agency }},
	{"Email", func(p *data.Participant) *string { return &p.Email }},
	{"Telepon", func(p *data.Participant) *string { return &p.Phone }},
}

// merge lays the file's non-empty values over the stored person: a list that leaves a column empty, or lacks
// it, never erases what is stored.
func merge(existing, file *data.Participant) *data.Participant {
	if existing == nil {
		c := *file
		return &c
	}
	m := *existing
	for _, t := range participantTexts {
		if v := *t.field(file); v != "" && !(t.label == "Telepon" && phoneDigits(v) == phoneDigits(m.Phone)) {
			*t.field(&m) = v // a phone number typed with other dashes or spaces is the same number: kept as stored
		}
	}
	if !file.BirthDate.IsZero() {
		m.BirthDate = file.BirthDate
	}
	if file.Service != "" {
		m.Service = file.Service
	}
	return &m
}

// phoneDigits is a phone number without what separates its digits.
func phoneDigits(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' || r == '+' {
			return r
		}
		return -1
	}, s)
}

// changes lists, by label, the fields in which after differs from before.
func changes(before, after *data.Participant) []string {
	var out []string
	for _, t := range participantTexts {
		if *t.field(before) != *t.field(after) {
			out = append(out, t.label)
		}
	}
	if !before.BirthDate.Equal(after.BirthDate) {
		out = append(out, "Tanggal lahir")
	}
	if after.Service != "" && before.Service != after.Service {
		out = append(out, "Status keaktifan")
	}
	return out
}

// validationFields tells which column a field error of data.Participant.Validate belongs to.
var validationFields = map[string][]participantcols.Field{
	"NIP": {participantcols.FieldNIP}, "NIK": {participantcols.FieldNIK}, "Nama": {participantcols.FieldName}, "Jenis kelamin": {participantcols.FieldSex},
	"Tanggal lahir": {participantcols.FieldBirthDate, participantcols.FieldBirth}, "Pangkat/Golongan": {participantcols.FieldRank}, "Email": {participantcols.FieldEmail},
	"Status kepegawaian": {participantcols.FieldStatus, participantcols.FieldNIP}, "Jenis jabatan": {participantcols.FieldPositionKind},
}

// columnHeading is the heading of the column mapped to field, or the field's label when none is (ok false).
func columnHeading(columns []Column, mapping []participantcols.Field, field participantcols.Field) (string, bool) {
	for i, m := range mapping {
		if m == field && i < len(columns) && columns[i].Heading != "" {
			return columns[i].Heading, true
		}
	}
	return field.Label(), false
}

// validationProblems turns the field errors of data.Participant.Validate into problems named by the file's
// column headings.
func validationProblems(err error, columns []Column, mapping []participantcols.Field) []Problem {
	var fe data.FieldErrors
	if !errors.As(err, &fe) {
		return []Problem{{Message: data.ErrorMessage(err)}}
	}
	out := make([]Problem, 0, len(fe))
	for _, e := range fe {
		column := e.Field
		for _, field := range validationFields[e.Field] {
			if h, ok := columnHeading(columns, mapping, field); ok {
				column = h
				break
			}
		}
		out = append(out, Problem{Column: column, Message: e.Message})
	}
	return out
}

// cancelled says in Indonesian that the user stopped the work, keeping the cause for errors.Is.
func cancelled(err error) error {
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return data.Wrap(data.KindConflict, err, "Impor dibatalkan; tidak ada yang disimpan")
	}
	return err
}

// Summary is the plan in one Indonesian sentence: "40 baris: 35 baru, 3 diperbarui, 1 tidak berubah, 1 tidak
// valid".
func (p *ParticipantPlan) Summary() string {
	s := fmt.Sprintf("%s baris: %s baru, %s diperbarui, %s tidak berubah, %s tidak valid", indo.Int(int64(len(p.Rows))),
		indo.Int(int64(p.New)), indo.Int(int64(p.Updated)), indo.Int(int64(p.Unchanged)), indo.Int(int64(p.Invalid)))
	if p.ProgramID != 0 {
		s += fmt.Sprintf("; %s akan didaftarkan ke program, %s sudah terdaftar", indo.Int(int64(p.ToEnrol)), indo.Int(int64(p.AlreadyEnrolled)))
	}
	return s
}

// ErrPlanOutdated marks an Apply refused because the database changed after the plan was made (another import
// stored the same person in the meantime): nothing was written, and a new plan of the same file applies.
var ErrPlanOutdated = store.ErrPlanOutdated

// ParticipantResult counts what Apply wrote.
type ParticipantResult struct {
	Added, Updated, Unchanged, Enrolled, Skipped int
}

// Apply writes the plan in one transaction: new people added, changed people updated and, with a program, the
// rows' people enrolled as participants with their rank, position and unit of today as the snapshot. When
// any row is invalid nothing is written, unless skipInvalid is set: then the valid rows are written and the
// invalid ones counted as skipped. A cancelled ctx or any failure leaves the database as it was.
func (p *ParticipantPlan) Apply(ctx context.Context, s *store.Store, skipInvalid bool, progress func(done, total int)) (ParticipantResult, error) {
	if p.Invalid > 0 && !skipInvalid {
		return ParticipantResult{}, data.Errorf(data.KindInvalid, "%s baris tidak valid; tidak ada yang disimpan. Perbaiki berkasnya, atau lewati baris yang tidak valid",
			indo.Int(int64(p.Invalid)))
	}
	if p.Invalid > 0 && p.Invalid == len(p.Rows) {
		return ParticipantResult{}, data.Errorf(data.KindInvalid, "semua %s baris tidak valid; tidak ada yang disimpan. Perbaiki berkasnya lalu impor lagi",
			indo.Int(int64(p.Invalid)))
	}
	rows := make([]store.PersonRow, len(p.Rows))
	for i := range p.Rows {
		row := &p.Rows[i]
		action := store.PersonKeep
		switch row.Status {
		case RowInvalid:
			action = store.PersonSkip
		case RowNew:
			action = store.PersonAdd
		case RowUpdated:
			action = store.PersonUpdate
		}
		rows[i] = store.PersonRow{Line: row.Line, Action: action, Participant: row.Participant, Enrol: !row.Enrolled}
	}
	applied, err := s.ApplyParticipants(ctx, p.ProgramID, rows, progress)
	if err != nil {
		return ParticipantResult{}, cancelled(err)
	}
	return ParticipantResult(applied), nil
}
