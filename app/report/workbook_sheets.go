package report

import (
	"cmp"
	"context"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/pembina/pembina/data"
	"github.com/pembina/pembina/data/analysis"
	"github.com/pembina/pembina/data/overview"
	"github.com/pembina/pembina/data/rank"
	"github.com/pembina/pembina/data/store"
)

// programs writes the Program sheet: one row per program of the period with its dates, kind, JP and figures.
func (wb *workbook) programs(_ context.Context) (int, error) {
	cols := []column{
		{"KODE", wb.text, 10}, {"NAMA PROGRAM", wb.text, 20}, {"JENIS", wb.text, 12}, {"ANGKATAN", wb.plain, 9},
		{"TANGGAL MULAI", wb.date, 12}, {"TANGGAL SELESAI", wb.date, 12}, {"STATUS", wb.text, 10}, {"JP", wb.integer, 6},
		{"PESERTA", wb.integer, 9}, {"HADIR MINIMAL 1 SESI", wb.integer, 10}, {"KEHADIRAN (JP)", wb.percent, 10},
		{"MEMENUHI SYARAT", wb.integer, 10}, {"BERSERTIFIKAT", wb.integer, 13}, {"RESPONS EVALUASI", wb.percent, 10},
		{"INDEKS KEPUASAN (0–100)", wb.decimal, 10}, {"KATEGORI KEPUASAN", wb.text, 12}, {"N-GAIN KELAS", wb.decimal, 9},
		{"KATEGORI N-GAIN", wb.text, 9},
	}
	for _, l := range wb.o.Programs {
		cols[0].fit(24, l.Program.Code)
		cols[1].fit(60, l.Program.Title)
		cols[2].fit(34, l.Program.Kind)
	}
	t, err := wb.newTable(SheetPrograms, cols)
	if err != nil {
		return 0, err
	}
	for _, l := range wb.o.Programs {
		p := l.Program
		category := l.Satisfaction.Category
		if math.IsNaN(l.Satisfaction.Percent) {
			category = ""
		}
		if err := t.add(p.Code, p.Title, p.Kind, p.Batch, p.StartDate, p.EndDate, p.Status.Label(), p.TotalJP, l.Enrolled,
			l.Attended, l.AttendanceRate(), l.Eligible, l.Certified, l.ResponseRate(), l.Satisfaction.Percent, category,
			l.NGain, l.NGainClass); err != nil {
			return 0, err
		}
	}
	return t.close()
}

// people writes JP Pegawai: every participant (of the unit) with their JP in the period, the programs they
// completed, whether they reached 20 JP (coloured by conditional formatting), their employment status, rank
// and unit. Positions are left out: the Peserta page has them, and a year of 100,000 people writes faster
// without them.
func (wb *workbook) people(ctx context.Context) (int, error) {
	jpTitle := "JP PERIODE INI"
	if y, ok := wb.o.Period.WholeYear(); ok {
		jpTitle = "JP " + strconv.Itoa(y)
	}
	cols := []column{
		{"NIP", wb.nip, 20}, {"NAMA", wb.text, 20}, {"STATUS KEPEGAWAIAN", wb.text, 12}, {"PANGKAT/GOLONGAN", wb.text, 14},
		{"UNIT KERJA", wb.text, 14}, {jpTitle, wb.integer, 8}, {"PROGRAM DISELESAIKAN", wb.integer, 12},
		{"MENCAPAI " + strings.ToUpper(wb.o.Targets.Phrase()), wb.text, 10}, {"KEKURANGAN JP", wb.integer, 11}, {"CATATAN", wb.text, 12},
	}
	for _, p := range wb.o.People {
		cols[1].fit(44, p.Name)
		cols[4].fit(40, p.Unit)
		if p.Repeats > 0 {
			cols[9].fit(70, repeatNote(p.Repeats))
		}
	}
	cols[3].fit(36, "Penata Muda Tingkat I (III/b)")
	t, err := wb.newTable(SheetJP, cols)
	if err != nil {
		return 0, err
	}
	for i, p := range wb.o.People {
		reached, short := "Non-ASN", any(nil)
		switch {
		case p.Employee():
			reached = yesNo(p.Reached())
			short = p.Shortfall()
		case p.Target > 0: // retired or transferred: out of the figures
			reached = p.Service.Label()
		case p.EmploymentStatus != "Non-ASN":
			reached = "Tanpa target"
		}
		note := any(nil)
		if p.Repeats > 0 {
			note = repeatNote(p.Repeats)
		}
		if err := t.add(p.NIP, p.Name, p.EmploymentStatus, rankLabel(p.RankCode), p.Unit, p.JP, p.Programs, reached, short, note); err != nil {
			return 0, err
		}
		if i%10000 == 0 {
			if err := ctx.Err(); err != nil {
				return 0, err
			}
		}
	}
	yes, no := wb.good, wb.bad
	return t.close(func() error {
		return wb.f.SetConditionalFormat(SheetJP, t.columnRange(8), []excelize.ConditionalFormatOptions{
			{Type: "cell", Criteria: "==", Value: `"Ya"`, Format: &yes},
			{Type: "cell", Criteria: "==", Value: `"Belum"`, Format: &no},
		})
	})
}

// repeatNote marks a person who completed a course again in the period: its JP count once (data.CourseRepeats).
func repeatNote(n int) string {
	return fmt.Sprintf("Menyelesaikan kursus yang sama %d kali lagi; JP-nya dihitung sekali setahun", n)
}

// rankLabels are the ranks as lists write them, "Penata Muda Tingkat I (III/b)", by code: made once, not
// once for each of 100,000 people.
var rankLabels = func() map[string]string {
	m := map[string]string{}
	for _, r := range rank.All() {
		m[r.Code] = r.Label()
	}
	return m
}()

// rankLabel writes a rank as "Penata Muda Tingkat I (III/b)", or the code as stored when it is not known.
func rankLabel(code string) string {
	if l, ok := rankLabels[code]; ok {
		return l
	}
	return code
}

// units writes Unit Kerja: per unit its people, its employees, how many completed a program and how many
// reached 20 JP, with the share as a data bar.
func (wb *workbook) units(_ context.Context) (int, error) {
	cols := []column{
		{"UNIT KERJA", wb.text, 14}, {"PESERTA TERDATA", wb.integer, 10}, {"PEGAWAI ASN", wb.integer, 10},
		{"MENYELESAIKAN PROGRAM", wb.integer, 13}, {"MENCAPAI " + strings.ToUpper(wb.o.Targets.Phrase()), wb.integer, 10},
		{"PERSENTASE MENCAPAI " + strings.ToUpper(wb.o.Targets.Phrase()), wb.percent, 12},
		{"JUMLAH JP", wb.integer, 10}, {"RATA-RATA JP PER ORANG", wb.decimal, 10},
	}
	for _, u := range wb.o.Units {
		cols[0].fit(50, u.Unit)
	}
	t, err := wb.newTable(SheetUnits, cols)
	if err != nil {
		return 0, err
	}
	for _, u := range wb.o.Units {
		name := u.Unit
		if name == "" {
			name = "(tanpa unit kerja)"
		}
		if err := t.add(name, u.People, u.Employees, u.Trained, u.Reached, u.ReachedShare(), u.JP,
			share(u.JP, u.People)); err != nil {
			return 0, err
		}
	}
	return t.close(func() error {
		return wb.f.SetConditionalFormat(SheetUnits, t.columnRange(6), []excelize.ConditionalFormatOptions{
			{Type: "data_bar", Criteria: "=", MinType: "num", MinValue: "0", MaxType: "num", MaxValue: "1", BarColor: "63BE7B", BarSolid: true},
		})
	})
}

// attendance writes Presensi: a tidy table of every mark (program, session, date, NIP, name, status),
// by program, session and name. The marks are read as three small numbers each and the rest looked up among
// the sessions and people already read: a year of 200,000 marks takes a few megabytes.
func (wb *workbook) attendance(ctx context.Context, s *store.Store, sc store.Scope, progress func(done, total int)) (int, error) {
	sessions, err := s.ScopeSessions(ctx, sc)
	if err != nil {
		return 0, err
	}
	marks, err := s.ScopeMarks(ctx, sc)
	if err != nil {
		return 0, err
	}
	programOrder := make(map[int64]int, len(wb.o.Programs))
	for i, l := range wb.o.Programs {
		programOrder[l.Program.ID] = i
	}
	personOrder := make(map[int64]int, len(wb.o.People))
	for i, p := range wb.o.People {
		personOrder[p.ID] = i
	}
	type row struct {
		key    uint64 // program, session number, person: the order of the sheet
		mark   store.MarkKey
		person int
	}
	rows := make([]row, 0, len(marks))
	for _, m := range marks {
		x := sessions[m.SessionID]
		person, known := personOrder[m.ParticipantID]
		if x == nil || !known {
			continue
		}
		prog, ok := programOrder[x.ProgramID]
		if !ok {
			continue
		}
		rows = append(rows, row{uint64(prog)<<40 | uint64(min(max(x.Number, 0), 1<<16-1))<<24 | uint64(person), m, person})
	}
	marks = nil
	slices.SortFunc(rows, func(a, b row) int { return cmp.Compare(a.key, b.key) })

	cols := []column{
		{"KODE PROGRAM", wb.text, 10}, {"SESI", wb.plain, 6}, {"TANGGAL", wb.date, 12}, {"NIP", wb.nip, 20},
		{"NAMA", wb.text, 20}, {"STATUS", wb.text, 12},
	}
	for _, l := range wb.o.Programs {
		cols[0].fit(24, l.Program.Code)
	}
	for _, p := range wb.o.People {
		cols[4].fit(44, p.Name)
	}
	t, err := wb.newTable(SheetAttendance, cols)
	if err != nil {
		return 0, err
	}
	labels := map[data.AttendanceStatus]string{}
	for _, st := range data.AttendanceStatuses {
		labels[st] = st.Label()
	}
	for i, r := range rows {
		x, p := sessions[r.mark.SessionID], wb.o.People[r.person]
		if err := t.add(wb.o.Programs[r.key>>40].Program.Code, x.Number, x.Date, p.NIP, p.Name, labels[r.mark.Status]); err != nil {
			return 0, err
		}
		if i%10000 == 0 {
			progress(i, len(rows))
			if err := ctx.Err(); err != nil {
				return 0, err
			}
		}
	}
	return t.close()
}

// evaluation writes Evaluasi: per program, attached form and rated question the number of answers, the mean
// and its category (and the importance of a pair).
func (wb *workbook) evaluation(_ context.Context) (int, error) {
	var forms []ratedForm
	for _, l := range wb.o.Programs {
		for _, fl := range l.Forms {
			forms = append(forms, ratedForm{l.Program.Code, fl.FormTitle, fl.Level, fl.Result})
		}
	}
	return wb.ratedItems(SheetEvaluation, forms)
}

// ratedForm is one attached form with its results, as a sheet of rated questions lists it.
type ratedForm struct {
	code, title string // the program's code and the form's title
	level       int
	result      *analysis.FormResult
}

// ratedItems writes a sheet of the rated questions with answers of forms (the leadership workbook's Evaluasi,
// a program's evaluation export): per question the number of answers, the mean and its category, the
// importance of a pair and the index on 0–100.
func (wb *workbook) ratedItems(sheet string, forms []ratedForm) (int, error) {
	cols := []column{
		{"KODE PROGRAM", wb.text, 10}, {"FORMULIR", wb.text, 16}, {"LEVEL", wb.plain, 7}, {"BAGIAN", wb.text, 12},
		{"NO", wb.plain, 5}, {"PERTANYAAN", wb.text, 30}, {"SKALA", wb.text, 7}, {"JUMLAH JAWABAN", wb.integer, 9},
		{"RATA-RATA", wb.decimal, 9}, {"KATEGORI", wb.text, 12}, {"RATA-RATA HARAPAN", wb.decimal, 9}, {"INDEKS (0–100)", wb.decimal, 9},
	}
	for _, fm := range forms {
		cols[0].fit(24, fm.code)
		cols[1].fit(40, fm.title)
		for _, q := range fm.result.Questions {
			cols[3].fit(36, q.Section)
			cols[5].fit(70, q.Question.Text)
		}
	}
	t, err := wb.newTable(sheet, cols)
	if err != nil {
		return 0, err
	}
	for _, fm := range forms {
		for _, q := range fm.result.Questions {
			if !q.IsRated() || q.Stat.N == 0 {
				continue
			}
			importance := math.NaN()
			if q.Question.Kind == data.QuestionImportancePerf {
				importance = q.Importance.Mean
			}
			if err := t.add(fm.code, fm.title, fm.level, q.Section, q.Number, q.Question.Text, q.Scale.Label(),
				q.Stat.N, q.Stat.Mean, q.Category, importance, q.Percent); err != nil {
				return 0, err
			}
		}
	}
	return t.close()
}

// certificates writes Sertifikat: the certificate register of the period's programs, valid and revoked.
func (wb *workbook) certificates(_ context.Context) (int, error) {
	cols := []column{
		{"NO", wb.plain, 6}, {"NOMOR SERTIFIKAT", wb.text, 18}, {"NAMA", wb.text, 20}, {"NIP", wb.nip, 20},
		{"UNIT KERJA", wb.text, 14}, {"KODE PROGRAM", wb.text, 10}, {"PROGRAM", wb.text, 20}, {"TANGGAL TERBIT", wb.date, 12},
		{"STATUS", wb.text, 9}, {"KETERANGAN", wb.text, 14},
	}
	titles := map[int64]*data.Program{}
	for _, l := range wb.o.Programs {
		titles[l.Program.ID] = l.Program
	}
	for _, c := range wb.o.Certificates {
		cols[1].fit(40, c.Number)
		cols[2].fit(44, c.HolderName)
		cols[4].fit(40, c.Unit)
		cols[9].fit(50, c.RevokedReason)
		if p := titles[c.ProgramID]; p != nil {
			cols[5].fit(24, p.Code)
			cols[6].fit(50, p.Title)
		}
	}
	t, err := wb.newTable(SheetCertificates, cols)
	if err != nil {
		return 0, err
	}
	for i, c := range wb.o.Certificates {
		code, title := "", ""
		if p := titles[c.ProgramID]; p != nil {
			code, title = p.Code, p.Title
		}
		status := "Berlaku"
		if c.Revoked {
			status = "Dicabut"
		}
		if err := t.add(i+1, c.Number, c.HolderName, c.NIP, c.Unit, code, title, c.IssuedOn, status, c.RevokedReason); err != nil {
			return 0, err
		}
	}
	return t.close()
}

// siasn writes SIASN: one row per completed enrolment, in the columns of SIASN's training-history entry
// (riwayat kursus: namaKursus, institusiPenyelenggara, jenisDiklatId, jumlahJam, nomorSertipikat, tahunKursus,
// tanggalKursus, tanggalSelesaiKursus; docs/domain.md §2) with the person's NIP and name, dates written dd-mm-yyyy
// as text, so that the operator can type or paste them into SIASN as they are.
func (wb *workbook) siasn(_ context.Context) (int, error) {
	cols := []column{
		{"NIP (nipBaru)", wb.nip, 20}, {"NAMA", wb.text, 20}, {"NAMA KURSUS (namaKursus)", wb.text, 26},
		{"PENYELENGGARA (institusiPenyelenggara)", wb.text, 20}, {"JENIS DIKLAT (jenisDiklatId)", wb.plain, 14},
		{"NAMA JENIS DIKLAT", wb.text, 16}, {"JUMLAH JAM (jumlahJam)", wb.integer, 12}, {"NOMOR SERTIFIKAT (nomorSertipikat)", wb.text, 20},
		{"TAHUN (tahunKursus)", wb.plain, 10}, {"TANGGAL MULAI (tanggalKursus)", wb.text, 14},
		{"TANGGAL SELESAI (tanggalSelesaiKursus)", wb.text, 14}, {"CATATAN", wb.text, 24},
	}
	numbers := map[int64]string{}
	for _, c := range wb.o.Certificates {
		if !c.Revoked {
			numbers[c.EnrolmentID] = c.Number
			cols[7].fit(40, c.Number)
		}
	}
	organiser := func(p *data.Program) string {
		if p.Organiser != "" {
			return p.Organiser
		}
		return wb.in.Name
	}
	for _, l := range wb.o.Programs {
		cols[2].fit(60, wb.siasnTitle(l.Program))
		cols[3].fit(50, organiser(l.Program))
	}
	for _, p := range wb.o.People {
		if p.Programs > 0 {
			cols[1].fit(44, p.Name)
		}
	}
	cols[11].fit(60, noCertificateNote)
	t, err := wb.newTable(SheetSIASN, cols)
	if err != nil {
		return 0, err
	}
	// What a program contributes to its rows is written once per program, not once per row.
	type course struct {
		title, organiser, kindName, start, end string
		kind, jp, year                         int
	}
	courses := map[int64]*course{}
	for _, eo := range completedByProgram(wb.o) {
		person := wb.o.Person(eo.Enrolment.ParticipantID)
		if !siasnPerson(person) {
			continue
		}
		c := courses[eo.Enrolment.ProgramID]
		if c == nil {
			p := wb.o.Program(eo.Enrolment.ProgramID).Program
			kind := data.SIASNKind(p)
			c = &course{wb.siasnTitle(p), organiser(p), data.SIASNKinds[kind], p.StartDate.Format("02-01-2006"),
				p.EndDate.Format("02-01-2006"), kind, p.TotalJP, p.EndDate.Year()}
			courses[eo.Enrolment.ProgramID] = c
		}
		number := numbers[eo.Enrolment.ID]
		var notes []string
		if number == "" {
			notes = append(notes, noCertificateNote)
		}
		if counted, repeat := wb.o.Repeats[eo.Enrolment.ID]; repeat {
			first := wb.o.Program(wb.o.Outcomes.Enrolment(counted).Enrolment.ProgramID).Program
			notes = append(notes, fmt.Sprintf("Kursus yang sama sudah diselesaikan tahun ini (%s); JP tidak dihitung lagi", first.Code))
		}
		note := strings.Join(notes, "; ")
		if err := t.add(person.NIP, person.Name, c.title, c.organiser, c.kind, c.kindName, c.jp, number,
			c.year, c.start, c.end, note); err != nil {
			return 0, err
		}
	}
	return t.close()
}

// noCertificateNote marks a SIASN row without a certificate number: SIASN asks for one, so the certificate
// is to be issued (or its number looked up) before the row is typed in.
const noCertificateNote = "Belum ada nomor sertifikat: terbitkan sertifikatnya dulu"

// siasnPerson reports whether a person has a place in SIASN: an ASN with a NIP.
func siasnPerson(p *overview.Person) bool {
	return p != nil && p.NIP != "" && p.EmploymentStatus != "Non-ASN"
}

// siasnTitle is the course name SIASN records: the title, with the batch ("Pelatihan … Angkatan II") only for a
// course that runs in more than one batch.
func (wb *workbook) siasnTitle(p *data.Program) string {
	if p.Batch > 1 || store.Batched(wb.batched, p.Title) {
		return p.Title + " " + p.BatchLabel()
	}
	return p.Title
}

// completedByProgram lists the completed enrolments of the overview's people, in the order of the programs
// (by end date), then of the people (by name).
func completedByProgram(o *overview.Overview) []*store.EnrolmentOutcome {
	order := make(map[int64]int, len(o.Programs))
	for i, l := range o.Programs {
		order[l.Program.ID] = i
	}
	person := make(map[int64]int, len(o.People))
	for i, p := range o.People {
		person[p.ID] = i
	}
	var out []*store.EnrolmentOutcome
	for i := range o.Outcomes.Enrolments {
		eo := &o.Outcomes.Enrolments[i]
		_, known := person[eo.Enrolment.ParticipantID]
		if _, listed := order[eo.Enrolment.ProgramID]; eo.Completed() && known && listed {
			out = append(out, eo)
		}
	}
	slices.SortFunc(out, func(a, b *store.EnrolmentOutcome) int {
		return cmp.Or(cmp.Compare(order[a.Enrolment.ProgramID], order[b.Enrolment.ProgramID]),
			cmp.Compare(person[a.Enrolment.ParticipantID], person[b.Enrolment.ParticipantID]))
	})
	return out
}
