package report

import (
	"context"
	"io"
	"strconv"

	"github.com/pembina/pembina/app/participantcols"
	"github.com/pembina/pembina/data"
	"github.com/pembina/pembina/data/indo"
	"github.com/pembina/pembina/data/store"
)

// The sheets of the list exports.
const (
	SheetProgramList = "Program"
	SheetPeople      = "Peserta" // the participant template's sheet name: the export imports as the template does
)

// WritePrograms writes the programs of the Program page as filtered (search, year, status, kind, archive),
// newest first as the page lists them, and returns how many.
func WritePrograms(ctx context.Context, w io.Writer, s *store.Store, f store.ProgramFilter) (int, error) {
	rows, err := s.Programs(ctx, f)
	if err != nil {
		return 0, err
	}
	wb, err := newExport(ctx, w, s, SheetProgramList)
	if err != nil {
		return 0, err
	}
	defer wb.f.Close()
	cols := []column{
		{"KODE", wb.text, 10}, {"NAMA PROGRAM", wb.text, 20}, {"ANGKATAN", wb.plain, 9}, {"JENIS", wb.text, 12},
		{"JENIS KOMPETENSI", wb.text, 12}, {"MODA", wb.text, 8}, {"TAHUN ANGGARAN", wb.plain, 9}, {"PENYELENGGARA", wb.text, 14},
		{"TEMPAT", wb.text, 12}, {"TANGGAL MULAI", wb.date, 12}, {"TANGGAL SELESAI", wb.date, 12}, {"JP", wb.integer, 6},
		{"PESERTA", wb.integer, 9}, {"SESI", wb.integer, 6}, {"STATUS", wb.text, 10},
	}
	for _, r := range rows {
		cols[0].fit(24, r.Code)
		cols[1].fit(60, r.Title)
		cols[3].fit(34, r.Kind)
		cols[7].fit(40, r.Organiser)
		cols[8].fit(40, r.Place)
	}
	t, err := wb.newTable(SheetProgramList, cols)
	if err != nil {
		return 0, err
	}
	for _, r := range rows {
		status := r.Status.Label()
		if r.Archived {
			status += " (arsip)"
		}
		if err := t.add(r.Code, r.Title, r.Batch, r.Kind, r.CompetencyKind, r.Delivery, r.BudgetYear, r.Organiser, r.Place,
			r.StartDate, r.EndDate, r.TotalJP, r.Participants, r.Sessions, status); err != nil {
			return 0, err
		}
	}
	n, err := t.close()
	if err != nil {
		return 0, err
	}
	year, archived := "", "tidak ikut"
	if f.Year != 0 {
		year = strconv.Itoa(f.Year)
	}
	if f.IncludeArchived {
		archived = "ikut"
	}
	if err := wb.notes("DAFTAR PROGRAM", [][2]string{
		{"Pencarian", orAll(f.Search)}, {"Tahun anggaran", orAll(year)}, {"Status", orAll(f.Status.Label())},
		{"Jenis", orAll(f.Kind)}, {"Program diarsipkan", archived}, {"Jumlah", indo.Int(int64(n)) + " program"},
		{"Peserta", "terdaftar sebagai peserta, tanpa yang mengundurkan diri"},
	}); err != nil {
		return 0, err
	}
	return n, wb.finishExport("Daftar Program")
}

// SavePrograms writes WritePrograms to path.
func SavePrograms(ctx context.Context, path string, s *store.Store, f store.ProgramFilter) (int, error) {
	return saveExport(path, func(w io.Writer) (int, error) { return WritePrograms(ctx, w, s, f) })
}

// peopleWidths are the widths of the participant export's columns, by the field each holds: the sheet is
// streamed, so they are set before any value is seen.
var peopleWidths = map[participantcols.Field]float64{
	participantcols.FieldNumber: 7, participantcols.FieldNIP: 21, participantcols.FieldName: 30, participantcols.FieldFrontTitle: 10,
	participantcols.FieldBackTitle: 14, participantcols.FieldSex: 6, participantcols.FieldBirthPlace: 16, participantcols.FieldBirthDate: 12,
	participantcols.FieldStatus: 14, participantcols.FieldRank: 10, participantcols.FieldPosition: 30, participantcols.FieldPositionKind: 20,
	participantcols.FieldUnit: 32, participantcols.FieldAgency: 26, participantcols.FieldEmail: 28, participantcols.FieldPhone: 16, participantcols.FieldNIK: 20,
}

// personValue is what the participant export writes in the column of field for p, the n-th of the list.
// ok is false for a field it does not know.
func personValue(p *data.Participant, field participantcols.Field, n int) (v any, ok bool) {
	switch field {
	case participantcols.FieldNumber:
		return n, true
	case participantcols.FieldNIP:
		return p.NIP, true
	case participantcols.FieldNIK:
		return p.NIK, true
	case participantcols.FieldName:
		return p.Name, true
	case participantcols.FieldFrontTitle:
		return p.FrontTitle, true
	case participantcols.FieldBackTitle:
		return p.BackTitle, true
	case participantcols.FieldSex:
		return p.Sex, true
	case participantcols.FieldBirthPlace:
		return p.BirthPlace, true
	case participantcols.FieldBirthDate:
		return p.BirthDate, true
	case participantcols.FieldStatus:
		return p.EmploymentStatus, true
	case participantcols.FieldRank:
		return p.RankCode, true
	case participantcols.FieldPosition:
		return p.Position, true
	case participantcols.FieldPositionKind:
		return p.PositionKind, true
	case participantcols.FieldUnit:
		return p.Unit, true
	case participantcols.FieldAgency:
		return p.Agency, true
	case participantcols.FieldEmail:
		return p.Email, true
	case participantcols.FieldPhone:
		return p.Phone, true
	}
	return nil, false
}

// WriteParticipants writes the participants matching the Peserta page's search, by name, in the columns of
// the participant import template (participantcols.TemplateHeadings), so that the export can be edited and
// imported again: every field, names and titles apart, ranks as codes, NIP, NIK and phone numbers as text,
// birth dates as dates. The sheet is streamed: 100,000 people take a few seconds and little memory.
// progress gets done of total people; cancelling ctx stops the work.
func WriteParticipants(ctx context.Context, w io.Writer, s *store.Store, f store.ParticipantFilter, progress func(done, total int)) (int, error) {
	wb, err := newExport(ctx, w, s, SheetPeople)
	if err != nil {
		return 0, err
	}
	defer wb.f.Close()
	headings := participantcols.TemplateHeadings()
	fields := make([]participantcols.Field, len(headings))
	cols := make([]column, len(headings))
	for i, h := range headings {
		fields[i] = participantcols.MatchHeading(h)
		style := wb.text
		switch fields[i] {
		case participantcols.FieldNIP, participantcols.FieldNIK, participantcols.FieldPhone:
			style = wb.nip
		case participantcols.FieldBirthDate:
			style = wb.date
		case participantcols.FieldNumber:
			style = wb.plain
		}
		cols[i] = column{h, style, peopleWidths[fields[i]]}
	}
	t, err := wb.newTableFrozen(SheetPeople, cols, 3) // NO, NIP and NAMA stay in sight
	if err != nil {
		return 0, err
	}
	values := make([]any, len(fields))
	n, err := s.EachParticipant(ctx, f, progress, func(p *data.Participant) error {
		for i, field := range fields {
			v, ok := personValue(p, field, t.rows+1)
			if !ok {
				return data.Errorf(data.KindInternal, "Kolom templat %s tidak dapat diekspor", headings[i])
			}
			values[i] = v
		}
		return t.add(values...)
	})
	if ctx.Err() != nil {
		return 0, cancelled(ctx.Err())
	}
	if err != nil {
		return 0, err
	}
	if _, err := t.close(); err != nil {
		return 0, err
	}
	if err := wb.notes("DAFTAR PESERTA", [][2]string{
		{"Pencarian", orAll(f.Search)}, {"Unit kerja", orAll(f.Unit)}, {"Jumlah", indo.Int(int64(n)) + " peserta"},
		{"Impor kembali", "Kolom lembar Peserta sama dengan templat impor peserta: ubah datanya, lalu impor lewat Peserta > Impor daftar. " +
			"Peserta dikenali dari NIP-nya (tanpa NIP: dari nama dan data lahir), jadi datanya diperbarui, tidak dibuat dua kali."},
		{"NIP, NIK, NO HP", "berformat Teks: jangan diubah ke Angka, karena Excel hanya menyimpan 15 digit"},
	}); err != nil {
		return 0, err
	}
	return n, wb.finishExport("Daftar Peserta")
}

// SaveParticipants writes WriteParticipants to path.
func SaveParticipants(ctx context.Context, path string, s *store.Store, f store.ParticipantFilter, progress func(done, total int)) (int, error) {
	return saveExport(path, func(w io.Writer) (int, error) { return WriteParticipants(ctx, w, s, f, progress) })
}
