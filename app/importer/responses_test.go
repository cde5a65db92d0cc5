package importer

import (
	"bytes"
	"context"
	"encoding/csv"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/pembina/pembina/data"
	"github.com/pembina/pembina/data/store"
	"github.com/pembina/pembina/data/store/storetest"
)

// fixture is a program with five enrolled participants, two sessions with speakers, and the built-in
// organisation and speaker forms attached.
type fixture struct {
	s       *store.Store
	program *data.Program
	people  []*data.Participant
	org     *data.Form
	orgPF   *data.ProgramForm
	speaker *data.Form
	spPF    *data.ProgramForm
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	ctx := context.Background()
	s := storetest.New(t)
	p := &data.Program{Code: "PTD-I", Title: "Pelatihan Teknologi Digital", Kind: "Pelatihan Teknis",
		StartDate: time.Date(2026, 11, 18, 0, 0, 0, 0, time.UTC), EndDate: time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC), TotalJP: 30}
	if err := s.CreateProgram(ctx, p); err != nil {
		t.Fatal(err)
	}
	for i, sp := range []string{"Dr. Hendra Gunawan, M.Kom.", "Rina Kartika, S.Kom., M.T."} {
		x := &data.Session{ProgramID: p.ID, Date: p.StartDate.AddDate(0, 0, i), Start: "08:00", End: "12:00", TimeZone: "WIB",
			Topic: "Sesi", Speaker: sp, JP: 4}
		if err := s.CreateSession(ctx, x); err != nil {
			t.Fatal(err)
		}
	}
	fx := &fixture{s: s, program: p}
	for _, pp := range []*data.Participant{
		{NIP: "198609262015051001", Name: "Budi Santoso", Email: "budi.santoso@guru.sd.belajar.id"},
		{NIP: "196903091994032001", Name: "Siti Aminah", FrontTitle: "Dra. Hj.", BackTitle: "M.Pd.", Email: "siti@guru.smp.belajar.id"},
		{NIP: "200012312024211001", Name: "Agus Salim", Email: "agus@sukamajukab.go.id"},
		{Name: "Dewi Lestari", EmploymentStatus: "Non-ASN"},
		{Name: "Dewi Lestari", EmploymentStatus: "Non-ASN", Email: "dewi.l@gmail.com"}, // a namesake
	} {
		if err := s.CreateParticipant(ctx, pp); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Enrol(ctx, p.ID, pp.ID, data.RoleParticipant); err != nil {
			t.Fatal(err)
		}
		fx.people = append(fx.people, pp)
	}
	if _, err := s.AttachStandard(ctx, p.ID, []string{data.BuiltinOrganisation, data.BuiltinSpeaker}); err != nil {
		t.Fatal(err)
	}
	rows, _ := s.ProgramForms(ctx, p.ID)
	for _, r := range rows {
		f, _ := s.Form(ctx, r.FormID)
		if f.Kind == data.FormOrganisation {
			fx.org, fx.orgPF = f, r.ProgramForm
		} else {
			fx.speaker, fx.spPF = f, r.ProgramForm
		}
	}
	return fx
}

// gfCSV writes rows as Google Forms exports CSV: comma-separated, quoted where needed, CRLF.
func gfCSV(t *testing.T, name string, rows [][]string) string {
	t.Helper()
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.UseCRLF = true
	w.WriteAll(rows)
	return write(t, name, b.Bytes())
}

// orgHeader is the heading of a Google Form built like the organisation form: a grid "Harapan" and a grid
// "Kenyataan" over the items, then the other questions.
func orgHeader(f *data.Form) []string {
	h := []string{"Timestamp", "Email Address", "Nama Lengkap", "NIP"}
	for _, part := range []string{"Harapan", "Kenyataan"} {
		for _, q := range f.Visible() {
			if q.Kind == data.QuestionImportancePerf {
				h = append(h, part+" ["+q.Text+"]")
			}
		}
	}
	return append(h, "Apakah Anda akan menyarankan pelatihan ini kepada rekan kerja?",
		"Hal yang paling bermanfaat dari pelatihan ini", "Saran perbaikan penyelenggaraan", "Berapa kali Anda ikut pelatihan tahun ini?")
}

func orgRow(stamp, email, name, nipCell string, imp, perf []string, yes, useful, advice string) []string {
	row := []string{stamp, email, name, nipCell}
	for i := 0; i < 8; i++ {
		row = append(row, imp[i%len(imp)])
	}
	for i := 0; i < 8; i++ {
		row = append(row, perf[i%len(perf)])
	}
	return append(row, yes, useful, advice, "2")
}

func responsePlan(t *testing.T, fx *fixture, path string, f *data.Form, pf *data.ProgramForm, skip bool) *ResponsePlan {
	t.Helper()
	rf, err := ReadResponses(path)
	if err != nil {
		t.Fatal(err)
	}
	target, err := OpenTarget(context.Background(), fx.s, fx.program, f, pf)
	if err != nil {
		t.Fatal(err)
	}
	cols := rf.MapTo(f)
	return rf.Plan(target, cols, skip)
}

func TestImportGoogleFormsCSV(t *testing.T) {
	fx := newFixture(t)
	ctx := context.Background()
	huge := strings.Repeat("Pelatihan sangat bermanfaat. ", 600) // 17.400 characters, 17.399 without the last space
	rows := [][]string{orgHeader(fx.org),
		orgRow("2026/11/20 9:15:32 AM GMT+7", "", "Budi", "19860926 201505 1 001", []string{"Sangat Penting"},
			[]string{"Baik", "Kurang Baik"}, "Ya", "", ""),
		orgRow("2026/11/20 9:20:00 AM GMT+7", "SITI@guru.smp.belajar.id", "Siti", "", []string{"4"}, []string{"Sangat Baik"}, "Ya",
			"Praktik membuat kuis, diskusi kelompok", "Bagus, tapi\n\"waktu\" praktik kurang"),
		orgRow("2026/11/20 9:25:10 AM GMT+7", "", "Agus Salim, S.Kom.", "", []string{"Very important"}, []string{"Very Good", "Good"},
			"Yes", huge, ""),
		orgRow("2026/11/20 9:30:00 AM GMT+7", "tamu@example.com", "Orang Lain", "", []string{"Penting"}, []string{"3"}, "Tidak", "", ""),
		orgRow("2026/11/20 10:05:00 AM GMT+7", "", "Budi Santoso", "198609262015051001", []string{"Penting"}, []string{"Sangat Baik"},
			"Ya", "", "Konsumsi diperbaiki"),
		orgRow("2026/11/20 10:06:00 AM GMT+7", "", "Dewi Lestari", "", []string{"Penting"}, []string{"Baik"}, "Ya", "", ""),
	}
	path := gfCSV(t, "Evaluasi Penyelenggaraan (Jawaban).csv", rows)
	p := responsePlan(t, fx, path, fx.org, fx.orgPF, false)
	if err := p.Err(); err != nil {
		t.Fatalf("plan refused: %v\n%v", err, p.Problems)
	}
	// Six rows: Budi twice (the later wins), Siti by email, Agus by name without titles, a guest and a Dewi who
	// has a namesake stay anonymous.
	if p.Responses() != 5 || p.Matched() != 3 || len(p.Unmatched) != 2 || len(p.Superseded) != 1 {
		t.Fatalf("responses %d, matched %d, unmatched %+v, superseded %+v", p.Responses(), p.Matched(), p.Unmatched, p.Superseded)
	}
	if s := p.Superseded[0]; s.Line != 2 || s.By != 6 || s.Who != "Budi Santoso" {
		t.Errorf("superseded %+v", s)
	}
	if u := p.Unmatched[1]; u.Name != "Dewi Lestari" || !strings.Contains(u.Reason, "lebih dari satu") {
		t.Errorf("namesake %+v", u)
	}
	warnings := problemsText(p.Warnings())
	for _, want := range []string{"Berapa kali Anda ikut pelatihan tahun ini?\": dilewati: tidak ada pertanyaan yang cocok",
		"Baris 4, kolom \"Hal yang paling bermanfaat dari pelatihan ini\": jawaban dipendekkan dari 17.399 menjadi 10.000"} {
		if !strings.Contains(warnings, want) {
			t.Errorf("warnings lack %q:\n%s", want, warnings)
		}
	}
	res, err := p.Apply(ctx, fx.s, nil)
	if err != nil {
		t.Fatal(err)
	}
	if res.Imported != 5 || res.FormCreated || res.Attached {
		t.Errorf("result %+v", res)
	}
	stored, _ := fx.s.Responses(ctx, fx.orgPF.ID)
	if len(stored) != 5 {
		t.Fatalf("%d responses stored", len(stored))
	}
	budi := findResponse(stored, fx.people[0].ID)
	first := fx.org.Visible()[0]
	a := budi.Answer(first.ID)
	if a == nil || a.Number != 3 || a.Number2 != 4 || budi.SubmittedAt.Format("15:04") != "03:05" {
		t.Errorf("Budi's later answer: %+v at %v (want importance 3, performance 4, 03:05 UTC)", a, budi.SubmittedAt)
	}
	siti := findResponse(stored, fx.people[1].ID)
	if got := siti.Answer(fx.org.Visible()[10].ID); got == nil || got.Text != "Bagus, tapi\n\"waktu\" praktik kurang" {
		t.Errorf("quoted comma and newline: %+v", got)
	}
	agus := findResponse(stored, fx.people[2].ID)
	if a := agus.Answer(first.ID); a == nil || a.Number != 4 || a.Number2 != 4 {
		t.Errorf("English labels: %+v", a)
	}
	if got := agus.Answer(fx.org.Visible()[9].ID); len([]rune(got.Text)) != data.MaxTextAnswer {
		t.Errorf("huge answer kept %d characters", len([]rune(got.Text)))
	}
	anon := findResponse(stored, 0)
	if anon.RespondentName != "Orang Lain" && anon.RespondentName != "Dewi Lestari" {
		t.Errorf("unmatched row kept as %+v", anon)
	}

	// The same file again adds nothing.
	again, err := responsePlan(t, fx, path, fx.org, fx.orgPF, false).Apply(ctx, fx.s, nil)
	if err != nil || again.Imported != 0 || again.AlreadyImported != 5 {
		t.Errorf("second import = %+v, %v", again, err)
	}
	// Another file: Siti answered again later (replaces her stored response); Agus's row is older than his
	// stored one (the stored one is kept).
	rows3 := [][]string{rows[0], orgRow("2026/11/21 8:00:00 AM GMT+7", "siti@guru.smp.belajar.id", "Siti Aminah", "", []string{"3"},
		[]string{"2"}, "Tidak", "", ""), orgRow("2026/11/19 8:00:00 AM GMT+7", "", "Agus Salim", "200012312024211001", []string{"3"},
		[]string{"2"}, "Tidak", "", "")}
	third, err := responsePlan(t, fx, gfCSV(t, "lagi.csv", rows3), fx.org, fx.orgPF, false).Apply(ctx, fx.s, nil)
	if err != nil || third.Imported != 1 || third.Replaced != 1 || third.KeptStored != 1 || third.AlreadyImported != 0 {
		t.Errorf("later file = %+v, %v", third, err)
	}
	stored, _ = fx.s.Responses(ctx, fx.orgPF.ID)
	if len(stored) != 5 || findResponse(stored, fx.people[1].ID).Answer(first.ID).Number2 != 2 ||
		findResponse(stored, fx.people[2].ID).Answer(first.ID).Number2 != 4 {
		t.Errorf("after the later file: %d responses", len(stored))
	}
}

func got0(f *data.Form, text string) *data.Question {
	for _, q := range f.Questions() {
		if q.Text == text {
			return q
		}
	}
	return &data.Question{}
}

func problemsText(ps []Problem) string {
	var b strings.Builder
	for _, p := range ps {
		b.WriteString(p.String() + "\n")
	}
	return b.String()
}

func findResponse(rs []*data.Response, participant int64) *data.Response {
	for _, r := range rs {
		if r.ParticipantID == participant {
			return r
		}
	}
	return &data.Response{}
}

func TestImportBadValues(t *testing.T) {
	fx := newFixture(t)
	ctx := context.Background()
	rows := [][]string{orgHeader(fx.org),
		orgRow("2026/11/20 9:15:32", "", "Budi Santoso", "", []string{"Penting"}, []string{"5"}, "Ya", "", ""),
		orgRow("2026/11/20 9:16:00", "", "Siti Aminah", "", []string{"Penting"}, []string{"Lumayan"}, "Ya", "", ""),
		orgRow("2026/11/20 9:17:00", "", "Agus Salim", "", []string{"Penting"}, []string{"Baik"}, "Mungkin", "", ""),
		orgRow("2026/11/20 9:18:00", "", "Dewi Lestari", "", []string{""}, []string{"Baik"}, "", "", ""),
	}
	path := gfCSV(t, "salah.csv", rows)
	p := responsePlan(t, fx, path, fx.org, fx.orgPF, false)
	err := p.Err()
	if data.ErrorKind(err) != data.KindInvalid {
		t.Fatalf("plan with bad values: %v", err)
	}
	msg := err.Error() + "\n" + problemsText(p.Errors())
	for _, want := range []string{"salah.csv memiliki 17 kesalahan; tidak ada yang diimpor. Baris 2, kolom \"Kenyataan [Kesesuaian materi dengan kebutuhan pekerjaan]\": nilai \"5\" di luar skala; isi bilangan bulat 1–4",
		"Baris 3, kolom \"Kenyataan [Kesesuaian materi dengan kebutuhan pekerjaan]\": jawaban \"Lumayan\" tidak dikenal"} {
		if !strings.Contains(msg, want) {
			t.Errorf("error lacks %q:\n%s", want, msg)
		}
	}
	if !strings.Contains(problemsText(p.Errors()), "Baris 4, kolom \"Apakah Anda akan menyarankan pelatihan ini kepada rekan kerja?\": jawaban \"Mungkin\" bukan Ya atau Tidak") {
		t.Errorf("yes/no error missing:\n%s", problemsText(p.Errors()))
	}
	// Empty required answers are a warning: the response is kept without them.
	if !strings.Contains(problemsText(p.Warnings()), "Baris 5, kolom \"Harapan [Kesesuaian materi dengan kebutuhan pekerjaan]\": jawaban wajib kosong") {
		t.Errorf("empty required answer not reported:\n%s", problemsText(p.Warnings()))
	}
	if _, err := p.Apply(ctx, fx.s, nil); err == nil {
		t.Fatal("a plan with errors was applied")
	}
	if stored, _ := fx.s.Responses(ctx, fx.orgPF.ID); len(stored) != 0 {
		t.Fatalf("%d responses written by a refused import", len(stored))
	}
	// Skipping the rows with errors imports the rest.
	skip := responsePlan(t, fx, path, fx.org, fx.orgPF, true)
	res, err := skip.Apply(ctx, fx.s, nil)
	if err != nil || res.Imported != 1 || len(res.Skipped) != 3 {
		t.Fatalf("skipping = %+v, %v", res, err)
	}
}

func TestImportDuplicateColumnsAndRows(t *testing.T) {
	fx := newFixture(t)
	h := orgHeader(fx.org)
	h = append(h, "Saran perbaikan penyelenggaraan", "Nama Lengkap")
	row := orgRow("2026/11/20 9:15:32", "", "Budi Santoso", "", []string{"Penting"}, []string{"Baik"}, "Ya", "", "pertama")
	row = append(row, "kedua", "Orang Lain")
	anon := orgRow("", "", "", "", []string{"Penting"}, []string{"Baik"}, "Ya", "", "")
	path := gfCSV(t, "ganda.csv", [][]string{h, row, anon, anon})
	p := responsePlan(t, fx, path, fx.org, fx.orgPF, false)
	if err := p.Err(); err != nil {
		t.Fatal(err)
	}
	w := problemsText(p.Warnings())
	for _, want := range []string{"kolom ganda; pertanyaannya sudah diisi dari kolom \"Saran perbaikan penyelenggaraan\"",
		"kolom ganda; yang dipakai kolom \"Nama Lengkap\"", "Baris 4: sama persis dengan baris 3; dilewati"} {
		if !strings.Contains(w, want) {
			t.Errorf("warnings lack %q:\n%s", want, w)
		}
	}
	res, err := p.Apply(context.Background(), fx.s, nil)
	if err != nil || res.Imported != 2 {
		t.Fatalf("imported %+v, %v", res, err)
	}
	stored, _ := fx.s.Responses(context.Background(), fx.orgPF.ID)
	if got := findResponse(stored, fx.people[0].ID).Answer(fx.org.Visible()[10].ID); got == nil || got.Text != "pertama" {
		t.Errorf("the first of two same-named columns was not used: %+v", got)
	}
}

func TestImportWithoutFormInfersKinds(t *testing.T) {
	fx := newFixture(t)
	ctx := context.Background()
	h := []string{"Stempel waktu", "Alamat email", "Nama", "Unit Kerja", "Materi pelatihan bermanfaat", "Pelayanan panitia",
		"Sesi yang paling disukai", "Media yang Anda pakai", "Apakah materi sesuai dengan tugas Anda?", "Saran", "Usia",
		"Harapan [Ruang kelas nyaman]", "Kenyataan [Ruang kelas nyaman]", "Penilaian [Narasumber menguasai materi]",
		"Penilaian [Narasumber tepat waktu]"}
	rows := [][]string{h,
		{"20/11/2026 9.15.32", "budi.santoso@guru.sd.belajar.id", "Budi", "SD 1", "5", "Sangat Baik", "Pagi", "Laptop, Ponsel", "Ya",
			"Lebih banyak praktik", "34", "Sangat Penting", "Baik", "Sangat Setuju", "Setuju"},
		{"20/11/2026 9.20.00", "", "Siti Aminah", "SMP 1", "4", "Cukup", "Siang", "Laptop", "Tidak", "", "51", "Penting", "Kurang Baik",
			"Setuju", "Setuju"},
		{"20/11/2026 9.30.00", "", "Agus", "Dinas", "4", "Baik", "Pagi", "Ponsel", "Ya", "Mantap,\nterima kasih", "28", "Sangat Penting",
			"Sangat Baik", "Tidak Setuju", "Sangat Setuju"},
		{"20/11/2026 9.40.00", "", "Tamu", "", "3", "Baik", "Pagi", "Laptop, Ponsel", "Ya", "", "45", "Penting", "Baik",
			"Sangat Tidak Setuju", "Setuju"},
	}
	rf, err := ReadResponses(gfCSV(t, "Survei Hari Pertama.csv", rows))
	if err != nil {
		t.Fatal(err)
	}
	f, cols := rf.Infer(NewFormTitle(rf))
	// Three questions on 1–4 (the pair and the agreement grid), two on 1–5: the form is on 1–4.
	if f.Title != "Impor Survei Hari Pertama" || f.Scale != data.Scale4 || f.ScaleOf(got0(f, "Materi pelatihan bermanfaat")) != data.Scale5 {
		t.Errorf("form %q on %s", f.Title, f.Scale)
	}
	want := map[string]data.QuestionKind{
		"Materi pelatihan bermanfaat": data.QuestionScale, "Pelayanan panitia": data.QuestionScale,
		"Sesi yang paling disukai": data.QuestionSingleChoice, "Media yang Anda pakai": data.QuestionMultiChoice,
		"Apakah materi sesuai dengan tugas Anda?": data.QuestionYesNo, "Saran": data.QuestionLongText, "Usia": data.QuestionNumber,
		"Ruang kelas nyaman": data.QuestionImportancePerf, "Narasumber menguasai materi": data.QuestionScale,
	}
	got := map[string]*data.Question{}
	for _, q := range f.Questions() {
		got[q.Text] = q
	}
	for text, kind := range want {
		if q := got[text]; q == nil || q.Kind != kind {
			t.Errorf("%q inferred as %+v, want %s", text, q, kind)
		}
	}
	if len(f.Questions()) != 10 || got["Unit Kerja"] != nil {
		t.Errorf("%d questions: %+v", len(f.Questions()), f.Questions())
	}
	if q := got["Narasumber menguasai materi"]; f.ScaleOf(q) != data.Scale4 || q.Labels[3] != "Sangat Setuju" {
		t.Errorf("agreement grid: %s %q", f.ScaleOf(q), q.Labels)
	}
	if q := got["Pelayanan panitia"]; len(q.Labels) != 0 {
		t.Errorf("default labels kept: %q", q.Labels)
	}
	if !got["Materi pelatihan bermanfaat"].Required || got["Saran"].Required {
		t.Error("required flags not inferred from empty answers")
	}
	target, _ := OpenTarget(ctx, fx.s, fx.program, f, nil)
	target.NewForm = true
	p := rf.Plan(target, cols, false)
	if err := p.Err(); err != nil {
		t.Fatalf("%v\n%s", err, problemsText(p.Problems))
	}
	res, err := p.Apply(ctx, fx.s, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !res.FormCreated || !res.Attached || res.Form.ID == 0 || res.Imported != 4 || res.ProgramForm.Level != 1 ||
		res.ProgramForm.Respondent != data.RespondentParticipant {
		t.Fatalf("result %+v", res)
	}
	stored, _ := fx.s.Form(ctx, res.Form.ID)
	if len(stored.Questions()) != 10 {
		t.Errorf("stored form has %d questions", len(stored.Questions()))
	}
	responses, _ := fx.s.Responses(ctx, res.ProgramForm.ID)
	siti := findResponse(responses, fx.people[1].ID)
	if siti.SubmittedAt.Format("2006-01-02 15:04") != "2026-11-20 02:20" {
		t.Errorf("Indonesian timestamp read as %v", siti.SubmittedAt)
	}
	media := siti.Answer(got["Media yang Anda pakai"].ID)
	if media == nil || len(media.Choices) != 1 || media.Choices[0] != "Laptop" {
		t.Errorf("multiple choice: %+v", media)
	}
	if a := siti.Answer(got["Pelayanan panitia"].ID); a == nil || a.Number != 3 {
		t.Errorf("Cukup on 1–5 = %+v", a)
	}
	if a := siti.Answer(got["Ruang kelas nyaman"].ID); a == nil || a.Number != 3 || a.Number2 != 2 { // Penting, Kurang Baik
		t.Errorf("pair: %+v", a)
	}
}

func TestImportXLSXSpeakerForm(t *testing.T) {
	fx := newFixture(t)
	ctx := context.Background()
	x := excelize.NewFile()
	sh := x.GetSheetName(0)
	head := []any{"Timestamp", "NIP", "Nama", "Narasumber"}
	for _, q := range fx.speaker.Visible() {
		head = append(head, q.Text)
	}
	x.SetSheetRow(sh, "A1", &head)
	put := func(row int, serial float64, nipValue any, name, speaker string, v any) {
		vals := []any{serial, nipValue, name, speaker}
		for _, q := range fx.speaker.Visible() {
			if q.Kind == data.QuestionScale {
				vals = append(vals, v)
			} else {
				vals = append(vals, "Sip")
			}
		}
		cell, _ := excelize.CoordinatesToCellName(1, row)
		x.SetSheetRow(sh, cell, &vals)
	}
	// 46346,375 is 20 November 2026 09:00 in Excel's count of days.
	put(2, 46346.375, "198609262015051001", "Budi", "dr. hendra gunawan, m.kom.", 4)
	put(3, 46346.38, 1.98609262015051e17, "Budi Santoso", "Rina Kartika, S.Kom., M.T.", 3) // NIP mangled into a number
	put(4, 46346.39, "", "Siti Aminah", "Pak Joko", "Sangat Baik")
	var b bytes.Buffer
	x.Write(&b)
	path := write(t, "narasumber.xlsx", b.Bytes())
	p := responsePlan(t, fx, path, fx.speaker, fx.spPF, false)
	if err := p.Err(); err != nil {
		t.Fatalf("%v\n%s", err, problemsText(p.Problems))
	}
	w := problemsText(p.Warnings())
	if !strings.Contains(w, "tersimpan sebagai angka di Excel") || !strings.Contains(w, "narasumber \"Pak Joko\" tidak ada di jadwal") {
		t.Errorf("warnings:\n%s", w)
	}
	res, err := p.Apply(ctx, fx.s, nil)
	if err != nil || res.Imported != 3 {
		t.Fatalf("%+v %v", res, err)
	}
	stored, _ := fx.s.Responses(ctx, fx.spPF.ID)
	speakers := map[string]bool{}
	for _, r := range stored {
		speakers[r.Speaker] = true
		if r.ParticipantID == 0 {
			t.Errorf("response for %s not matched", r.Speaker)
		}
	}
	if !speakers["Dr. Hendra Gunawan, M.Kom."] || !speakers["Pak Joko"] || len(stored) != 3 {
		t.Errorf("speakers %v", speakers)
	}
	if got := stored[0].SubmittedAt.UTC().Format("2006-01-02 15:04"); got != "2026-11-20 02:00" {
		t.Errorf("Excel serial timestamp = %s", got)
	}

	// Without a speaker column: an error, unless one speaker is chosen for the whole file.
	x2 := excelize.NewFile()
	head2 := []any{"Timestamp", "Nama"}
	row2 := []any{"2026-11-20 09:00:00", "Agus Salim"}
	for _, q := range fx.speaker.Visible() {
		head2 = append(head2, q.Text)
		row2 = append(row2, "4")
	}
	x2.SetSheetRow("Sheet1", "A1", &head2)
	x2.SetSheetRow("Sheet1", "A2", &row2)
	b.Reset()
	x2.Write(&b)
	path2 := write(t, "satu-narasumber.xlsx", b.Bytes())
	p2 := responsePlan(t, fx, path2, fx.speaker, fx.spPF, false)
	if err := p2.Err(); err == nil || !strings.Contains(err.Error(), "kolom Narasumber") {
		t.Errorf("no speaker column: %v", err)
	}
	rf, _ := ReadResponses(path2)
	target, _ := OpenTarget(ctx, fx.s, fx.program, fx.speaker, fx.spPF)
	target.Speaker = "Rina Kartika, S.Kom., M.T."
	if res, err := rf.Plan(target, rf.MapTo(fx.speaker), false).Apply(ctx, fx.s, nil); err != nil || res.Imported != 1 {
		t.Errorf("with a chosen speaker: %+v %v", res, err)
	}
}

func TestTimestamps(t *testing.T) {
	wib := zoneOf("WIB")
	no := func(int) bool { return false }
	tests := []struct {
		cells []string
		want  []string // UTC, "" for unreadable
	}{
		{[]string{"2026/11/20 9:15:32 AM GMT+7", "2026/11/20 1:05:00 PM GMT+8"}, []string{"2026-11-20 02:15:32", "2026-11-20 05:05:00"}},
		{[]string{"20/11/2026 9.15.32", "3/12/2026 14:00:00"}, []string{"2026-11-20 02:15:32", "2026-12-03 07:00:00"}},
		{[]string{"11/20/2026 9:15:32", "12/3/2026 14:00:00"}, []string{"2026-11-20 02:15:32", "2026-12-03 07:00:00"}},
		{[]string{"2026-11-20T09:15:32+07:00", "kemarin", ""}, []string{"2026-11-20 02:15:32", "", ""}},
		{[]string{"31/06/2026 10:00"}, []string{""}},
	}
	for _, tt := range tests {
		got, ok := readTimestamps(tt.cells, no, wib)
		for i, w := range tt.want {
			g := ""
			if ok[i] {
				g = got[i].Format("2006-01-02 15:04:05")
			}
			if g != w {
				t.Errorf("%q = %q, want %q", tt.cells[i], g, w)
			}
		}
	}
}

func TestPersonKey(t *testing.T) {
	for in, want := range map[string]string{
		"Dra. Hj. Siti Aminah, M.Pd.": "siti aminah",
		"SITI AMINAH":                 "siti aminah",
		"H. Agus Salim S.Kom":         "agus salim",
		"Dr Hendra":                   "hendra",
		"Hj":                          "",
	} {
		if got := personKey(in); got != want {
			t.Errorf("personKey(%q) = %q, want %q", in, got, want)
		}
	}
}

var _ = filepath.Join
