package report

import (
	"context"
	"fmt"
	"io"
	"math"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/pembina/pembina/data"
	"github.com/pembina/pembina/data/analysis"
	"github.com/pembina/pembina/data/indo"
	"github.com/pembina/pembina/data/store"
)

// The sheets of an opened program's exports.
const (
	SheetEnrolments = "Peserta"
	SheetRecap      = "Rekap Presensi"
	SheetSessions   = "Sesi"
	SheetItems      = "Butir"
	SheetSpeakers   = "Narasumber"
	SheetTests      = "Pre-test & Post-test"
)

// programLines are the Keterangan lines that name a program.
func programLines(p *data.Program) [][2]string {
	place := p.Dates()
	if p.Place != "" {
		place += " · " + p.Place
	}
	return [][2]string{{"Program", p.Code + " · " + p.Title + " " + p.BatchLabel()}, {"Waktu dan tempat", place},
		{"JP program", indo.WithWords(int64(p.TotalJP)) + " jam pelajaran"}}
}

// WriteEnrolments writes the program's Peserta tab: everyone enrolled, by name, with their role and the rank,
// position, unit and agency recorded at enrolment (what the certificates print), NIPs as text, those who
// withdrew marked. The headings are the participant template's where they mean the same, so that the list
// can be imported into another program.
func WriteEnrolments(ctx context.Context, w io.Writer, s *store.Store, programID int64) (int, error) {
	p, err := s.Program(ctx, programID)
	if err != nil {
		return 0, err
	}
	rows, err := s.Enrolments(ctx, programID)
	if err != nil {
		return 0, err
	}
	wb, err := newExport(ctx, w, s, SheetEnrolments)
	if err != nil {
		return 0, err
	}
	defer wb.f.Close()
	cols := []column{
		{"NO", wb.plain, 6}, {"NIP", wb.nip, 21}, {"NAMA", wb.text, 20}, {"L/P", wb.text, 6}, {"PERAN", wb.text, 12},
		{"PANGKAT/GOL", wb.text, 10}, {"JABATAN", wb.text, 16}, {"UNIT KERJA", wb.text, 16}, {"INSTANSI", wb.text, 14},
		{"TANGGAL DAFTAR", wb.date, 12}, {"KETERANGAN", wb.text, 14},
	}
	active := 0
	for _, r := range rows {
		cols[2].fit(50, r.Name)
		cols[6].fit(50, r.Position)
		cols[7].fit(50, r.Unit)
		cols[8].fit(40, r.Agency)
		if !r.Withdrawn {
			active++
		}
	}
	t, err := wb.newTable(SheetEnrolments, cols)
	if err != nil {
		return 0, err
	}
	for i, r := range rows {
		note := ""
		if r.Withdrawn {
			note = "mengundurkan diri"
		}
		if err := t.add(i+1, r.NIP, r.Name, r.Sex, r.Role.Label(), r.RankCode, r.Position, r.Unit, r.Agency,
			data.Day(r.EnrolledAt), note); err != nil {
			return 0, err
		}
	}
	n, err := t.close()
	if err != nil {
		return 0, err
	}
	lines := append(programLines(p),
		[2]string{"Jumlah", fmt.Sprintf("%s terdaftar, %s mengundurkan diri", indo.Int(int64(active)), indo.Int(int64(len(rows)-active)))},
		[2]string{"Pangkat, jabatan, unit kerja, instansi", "seperti dicatat saat pendaftaran (dicetak di sertifikat); perubahan data peserta sesudahnya tidak mengubahnya"})
	if err := wb.notes("DAFTAR PESERTA PROGRAM", lines); err != nil {
		return 0, err
	}
	return n, wb.finishExport("Peserta " + p.Code)
}

// SaveEnrolments writes WriteEnrolments to path.
func SaveEnrolments(ctx context.Context, path string, s *store.Store, programID int64) (int, error) {
	return saveExport(path, func(w io.Writer) (int, error) { return WriteEnrolments(ctx, w, s, programID) })
}

// recapStatus is a participant's standing in the recap, as the Rekap tab words it.
func recapStatus(row data.RecapRow) string {
	switch {
	case !row.Rate.Defined():
		return "Belum dapat dinilai"
	case row.Met:
		return "Memenuhi"
	}
	return "Di bawah batas"
}

// WriteAttendanceRecap writes the program's attendance recap as of today (store.AttendanceRecap, the Rekap
// tab's): per participant, by name, the JP and sessions attended with their rates, whether the attendance
// threshold is met, then the status code of every session (S1, S2, …; "–" for a session held without a
// mark, empty for one not held yet). A second sheet lists the sessions with their counts per status.
func WriteAttendanceRecap(ctx context.Context, w io.Writer, s *store.Store, programID int64, today time.Time) (int, error) {
	r, err := s.AttendanceRecap(ctx, programID, today)
	if err != nil {
		return 0, err
	}
	r.Sort(data.ByName, 0, false)
	p := r.Program
	wb, err := newExport(ctx, w, s, SheetRecap, SheetSessions)
	if err != nil {
		return 0, err
	}
	defer wb.f.Close()
	cols := []column{
		{"NO", wb.plain, 6}, {"NAMA", wb.text, 20}, {"NIP", wb.nip, 21}, {"JP HADIR", wb.integer, 8},
		{"JP TERLAKSANA", wb.integer, 10}, {"KEHADIRAN (JP)", wb.percent, 10}, {"SESI HADIR", wb.integer, 8},
		{"SESI TERLAKSANA", wb.integer, 10}, {"KEHADIRAN (SESI)", wb.percent, 10}, {"STATUS", wb.text, 18},
	}
	first := len(cols)
	center, err := wb.f.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "top"}})
	if err != nil {
		return 0, workbookError(err)
	}
	for _, x := range r.Sessions {
		cols = append(cols, column{fmt.Sprintf("S%d", x.Number), center, 5})
	}
	for _, row := range r.Rows {
		cols[1].fit(44, row.Name)
	}
	t, err := wb.newTableFrozen(SheetRecap, cols, 2) // number and name stay in sight, as on the screen
	if err != nil {
		return 0, err
	}
	values := make([]any, len(cols))
	for i, row := range r.Rows {
		rate := row.Rate
		values = append(values[:0], i+1, row.Name, row.NIP, rate.JPAttended, rate.JPScheduled, rate.ByJP(),
			rate.SessionsAttended, rate.SessionsScheduled, rate.BySessions(), recapStatus(row))
		if !rate.Defined() {
			for k := 3; k < 9; k++ {
				values[k] = nil // nothing held yet: no rate, not a rate of zero
			}
		}
		for si := range r.Sessions {
			switch {
			case row.Marks[si] != "":
				values = append(values, string(row.Marks[si]))
			case r.Held[si]:
				values = append(values, "–")
			default:
				values = append(values, nil)
			}
		}
		if err := t.add(values...); err != nil {
			return 0, err
		}
	}
	status := t.columnRange(first)
	n, err := t.close(func() error {
		return wb.f.SetConditionalFormat(SheetRecap, status, []excelize.ConditionalFormatOptions{
			{Type: "cell", Criteria: "==", Value: `"Memenuhi"`, Format: &wb.good},
			{Type: "cell", Criteria: "==", Value: `"Di bawah batas"`, Format: &wb.bad},
		})
	})
	if err != nil {
		return 0, err
	}
	if err := wb.recapSessions(r); err != nil {
		return 0, err
	}
	rule := "tidak dihitung hadir"
	if p.ExcusedCountPresent {
		rule = "dihitung hadir"
	}
	var codes []string
	for _, st := range data.AttendanceStatuses {
		codes = append(codes, string(st)+" "+st.Label())
	}
	lines := append(programLines(p),
		[2]string{"Keadaan per", indo.Date(today)},
		[2]string{"Sesi", fmt.Sprintf("%d dari %d sesi sudah berlangsung (lembar Sesi)", r.HeldCount(), len(r.Sessions))},
		[2]string{"Batas kehadiran", indo.PercentOf(p.AttendanceThreshold) + " dari JP yang terlaksana"},
		[2]string{"Izin, Sakit, Dinas Luar", rule},
		[2]string{"Di bawah batas", fmt.Sprintf("%d dari %d peserta", r.BelowThreshold(), len(r.Rows))},
		[2]string{"Kode", strings.Join(codes, " · ") + " · – sesi sudah berlangsung tetapi belum diisi (dihitung tidak hadir) · kosong: sesi belum berlangsung"},
		[2]string{"Peserta", "yang mengikuti presensi (peserta, tanpa yang mengundurkan diri)"})
	if err := wb.notes("REKAP KEHADIRAN", lines); err != nil {
		return 0, err
	}
	return n, wb.finishExport("Rekap Presensi " + p.Code)
}

// recapSessions writes the Sesi sheet of the recap: each session with its date, time, topic, speaker and JP,
// whether it has been held, and how many of each status it has.
func (wb *workbook) recapSessions(r *data.Recap) error {
	cols := []column{
		{"SESI", wb.plain, 6}, {"TANGGAL", wb.date, 12}, {"WAKTU", wb.text, 20}, {"TOPIK", wb.text, 16},
		{"NARASUMBER", wb.text, 14}, {"JP", wb.integer, 5}, {"SUDAH BERLANGSUNG", wb.text, 11},
	}
	for _, st := range data.AttendanceStatuses {
		cols = append(cols, column{strings.ToUpper(st.Label()) + " (" + string(st) + ")", wb.integer, 8})
	}
	cols = append(cols, column{"BELUM DIISI", wb.integer, 8})
	for _, x := range r.Sessions {
		cols[2].fit(30, x.TimeLabel())
		cols[3].fit(60, x.Topic)
		cols[4].fit(44, x.Speaker)
	}
	t, err := wb.newTable(SheetSessions, cols)
	if err != nil {
		return err
	}
	for i, x := range r.Sessions {
		values := []any{x.Number, x.Date, x.TimeLabel(), x.Topic, x.Speaker, x.JP, yesNo(r.Held[i])}
		for _, st := range data.AttendanceStatuses {
			values = append(values, r.Counts[i].Of(st))
		}
		var unmarked any = r.Counts[i].Unmarked
		if !r.Held[i] {
			unmarked = nil
		}
		if err := t.add(append(values, unmarked)...); err != nil {
			return err
		}
	}
	_, err = t.close()
	return err
}

// SaveAttendanceRecap writes WriteAttendanceRecap to path.
func SaveAttendanceRecap(ctx context.Context, path string, s *store.Store, programID int64, today time.Time) (int, error) {
	return saveExport(path, func(w io.Writer) (int, error) { return WriteAttendanceRecap(ctx, w, s, programID, today) })
}

// WriteEvaluationResults writes what the program's Evaluasi tab shows as tables (analysis.Load): every rated
// question of every attached form with its mean and category (Butir, as the leadership workbook's Evaluasi),
// the speakers' ranking of the speaker forms (Narasumber) and every participant's pre-test and post-test with
// the normalised gain (Pre-test & Post-test), the last two when the program has them. It returns the number
// of rated questions.
func WriteEvaluationResults(ctx context.Context, w io.Writer, s *store.Store, programID int64) (int, error) {
	rep, err := analysis.Load(ctx, s, programID)
	if err != nil {
		return 0, err
	}
	p := rep.Program
	sheets := []string{SheetItems}
	speakers := 0
	for _, fr := range rep.Forms {
		speakers += len(fr.Speakers)
	}
	if speakers > 0 {
		sheets = append(sheets, SheetSpeakers)
	}
	if len(rep.Tests) > 0 {
		sheets = append(sheets, SheetTests)
	}
	wb, err := newExport(ctx, w, s, sheets...)
	if err != nil {
		return 0, err
	}
	defer wb.f.Close()
	var forms []ratedForm
	for _, fr := range rep.Forms {
		forms = append(forms, ratedForm{p.Code, fr.Form.Title, fr.Attachment.Level, fr.Result})
	}
	n, err := wb.ratedItems(SheetItems, forms)
	if err != nil {
		return 0, err
	}
	if speakers > 0 {
		if err := wb.speakerRanking(rep); err != nil {
			return 0, err
		}
	}
	if len(rep.Tests) > 0 {
		if err := wb.testTakers(rep); err != nil {
			return 0, err
		}
	}
	lines := programLines(p)
	for _, fr := range rep.Forms {
		text := fmt.Sprintf("%s, %s jawaban", data.LevelLabel(fr.Attachment.Level), indo.Int(int64(fr.Result.Responses)))
		if rt := fr.Rate; rt != nil && rt.Expected > 0 && fr.Attachment.Respondent != data.RespondentAnonymous {
			text += fmt.Sprintf(" (%d dari %d peserta, %s)", rt.Responded, rt.Expected, indo.Percent(rt.Rate(), 0))
		}
		lines = append(lines, [2]string{fr.Form.Title, text})
	}
	if len(rep.Forms) == 0 {
		lines = append(lines, [2]string{"Formulir", "belum ada formulir yang dilampirkan"})
	}
	sat := rep.Satisfaction
	if !math.IsNaN(sat.Percent) {
		text := indo.Decimal(sat.Percent, 2) + " dari 100 (" + sat.Category + ")"
		if sat.Scale != "" {
			text = indo.Decimal(sat.Percent, 2) + " dari 100 (" + sat.Category + "; rata-rata " + indo.Decimal(sat.Mean, 2) + " pada skala " + sat.Scale.Label() + ")"
		}
		lines = append(lines, [2]string{"Indeks kepuasan", text})
	}
	for _, tr := range rep.Tests {
		if tr.Paired > 0 {
			lines = append(lines, [2]string{"Hasil belajar", fmt.Sprintf("pre-test %s → post-test %s, N-gain kelas %s %s (%d peserta mengikuti keduanya)",
				indo.Decimal(tr.MeanPre, 1), indo.Decimal(tr.MeanPost, 1), data.FormatScore(tr.ClassNGain, 2), tr.ClassCategory, tr.Paired)})
		}
	}
	var legend []string
	for _, sc := range []data.Scale{data.Scale4, data.Scale5, data.Scale100} {
		var parts []string
		for _, e := range sc.LegendEntries() {
			parts = append(parts, e.Range+" "+e.Label)
		}
		legend = append(legend, "skala "+sc.Label()+": "+strings.Join(parts, "; "))
	}
	lines = append(lines, [2]string{"Kategori", strings.Join(legend, " · ")},
		[2]string{"N-gain", "(post − pre) ÷ (100 − pre): ≥ 0,70 Tinggi; 0,30–0,69 Sedang; < 0,30 Rendah; kosong bila pre-test sudah 100"})
	if err := wb.notes("HASIL EVALUASI PROGRAM", lines); err != nil {
		return 0, err
	}
	return n, wb.finishExport("Hasil Evaluasi " + p.Code)
}

// speakerRanking writes Narasumber: per speaker form, the speakers by rank with their means.
func (wb *workbook) speakerRanking(rep *analysis.Report) error {
	cols := []column{
		{"FORMULIR", wb.text, 16}, {"PERINGKAT", wb.plain, 9}, {"NARASUMBER", wb.text, 20}, {"JUMLAH PENILAIAN", wb.integer, 10},
		{"RATA-RATA", wb.decimal, 9}, {"KATEGORI", wb.text, 12}, {"INDEKS (0–100)", wb.decimal, 9},
	}
	for _, fr := range rep.Forms {
		for _, sp := range fr.Speakers {
			cols[0].fit(40, fr.Form.Title)
			cols[2].fit(50, sp.Speaker)
		}
	}
	t, err := wb.newTable(SheetSpeakers, cols)
	if err != nil {
		return err
	}
	for _, fr := range rep.Forms {
		for _, sp := range fr.Speakers {
			var rank any
			if sp.Rank > 0 {
				rank = sp.Rank
			}
			if err := t.add(fr.Form.Title, rank, sp.Speaker, sp.Responses, sp.Mean, sp.Category, sp.Percent); err != nil {
				return err
			}
		}
	}
	_, err = t.close()
	return err
}

// testTakers writes Pre-test & Post-test: every participant's scores, gain and normalised gain, whether the
// post-test reached the pass score, and what to notice (a decline, a missing test).
func (wb *workbook) testTakers(rep *analysis.Report) error {
	cols := []column{
		{"TES", wb.text, 14}, {"NO", wb.plain, 6}, {"NAMA", wb.text, 20}, {"PRE-TEST", wb.decimal, 9}, {"POST-TEST", wb.decimal, 9},
		{"SELISIH", wb.decimal, 8}, {"N-GAIN", wb.decimal, 8}, {"KATEGORI N-GAIN", wb.text, 10}, {"LULUS", wb.text, 8},
		{"KETERANGAN", wb.text, 16},
	}
	testName := func(tr *analysis.PrePostResult) string {
		var names []string
		for _, f := range []*data.Form{tr.Pre, tr.Post} {
			if f != nil {
				names = append(names, f.Title)
			}
		}
		return strings.Join(names, " / ")
	}
	for _, tr := range rep.Tests {
		cols[0].fit(50, testName(tr))
		for _, tk := range tr.Takers {
			cols[2].fit(44, tk.Name)
		}
	}
	t, err := wb.newTable(SheetTests, cols)
	if err != nil {
		return err
	}
	score := func(v float64, ok bool) any {
		if !ok {
			return nil
		}
		return v
	}
	for _, tr := range rep.Tests {
		for i, tk := range tr.Takers {
			name := tk.Name
			if name == "" {
				name = "(peserta tidak terdaftar lagi)"
			}
			passed := ""
			switch {
			case !tk.HasPost || tr.PassScore <= 0:
			case tk.Passed:
				passed = "Ya"
			default:
				passed = "Tidak"
			}
			var notes []string
			switch {
			case tk.HasPre && tk.HasPost && math.IsNaN(tk.NGain):
				notes = append(notes, "pre-test sudah 100")
			case tk.Declined:
				notes = append(notes, "nilai turun")
			}
			if !tk.HasPre {
				notes = append(notes, "tanpa pre-test")
			}
			if !tk.HasPost {
				notes = append(notes, "tanpa post-test")
			}
			if err := t.add(testName(tr), i+1, name, score(tk.Pre, tk.HasPre), score(tk.Post, tk.HasPost), tk.Gain, tk.NGain,
				tk.Category, passed, strings.Join(notes, ", ")); err != nil {
				return err
			}
		}
	}
	_, err = t.close()
	return err
}

// SaveEvaluationResults writes WriteEvaluationResults to path.
func SaveEvaluationResults(ctx context.Context, path string, s *store.Store, programID int64) (int, error) {
	return saveExport(path, func(w io.Writer) (int, error) { return WriteEvaluationResults(ctx, w, s, programID) })
}
