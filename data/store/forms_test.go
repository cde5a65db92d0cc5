package store

import (
	"context"
	"strings"
	"testing"

	"github.com/pembina/pembina/data"
)

func TestBuiltinFormsInstalledOnce(t *testing.T) {
	path := tempDB(t)
	s := mustOpen(t, path)
	ctx := context.Background()
	rows, err := s.Forms(ctx)
	if err != nil {
		t.Fatal(err)
	}
	kinds := map[data.FormKind]int{}
	for _, r := range rows {
		kinds[r.Kind]++
		if r.Builtin == "" || r.Questions == 0 {
			t.Errorf("form %+v is not a complete built-in form", r)
		}
	}
	for _, k := range []data.FormKind{data.FormOrganisation, data.FormSpeaker, data.FormFollowUpAlumni, data.FormFollowUpSuperior} {
		if kinds[k] != 1 {
			t.Errorf("%d built-in forms of kind %s", kinds[k], k)
		}
	}
	// Tests are made per program: the sample data's tests are not in a new database.
	if kinds[data.FormPreTest] != 0 || kinds[data.FormPostTest] != 0 {
		t.Errorf("a new database holds %d pre-tests and %d post-tests", kinds[data.FormPreTest], kinds[data.FormPostTest])
	}
	var pre, post *data.Form
	for _, f := range data.BuiltinForms() {
		switch f.Builtin {
		case data.BuiltinPreTest:
			pre = f
		case data.BuiltinPostTest:
			post = f
		}
	}
	if pre.ItemBank == "" || pre.ItemBank != post.ItemBank || len(pre.Questions()) != len(post.Questions()) || pre.TotalPoints() != 100 {
		t.Errorf("pre-test and post-test do not share an item bank: %q %q", pre.ItemBank, post.ItemBank)
	}
	org, _ := s.FormByBuiltin(ctx, data.BuiltinOrganisation)
	if q := org.Questions()[0]; q.Kind != data.QuestionImportancePerf {
		t.Errorf("organisation form starts with %s", q.Kind)
	}
	// A deleted built-in form does not come back when the database is opened again.
	if err := s.DeleteForm(ctx, org.ID); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s = mustOpen(t, path)
	if _, err := s.FormByBuiltin(ctx, data.BuiltinOrganisation); !data.IsKind(err, data.KindNotFound) {
		t.Errorf("deleted built-in form came back: %v", err)
	}
	after, _ := s.Forms(ctx)
	if len(after) != len(rows)-1 {
		t.Errorf("%d forms after reopening, want %d", len(after), len(rows)-1)
	}
}

func newForm() *data.Form {
	return &data.Form{Title: "Evaluasi Bimtek", Kind: data.FormOther, Scale: data.Scale5, Sections: []*data.Section{
		{Title: "Umum", Questions: []*data.Question{
			{Kind: data.QuestionScale, Text: "Materi bermanfaat", Required: true},
			{Kind: data.QuestionSingleChoice, Text: "Sesi terbaik", Options: []string{"Pagi", "Siang"}, Required: true},
			{Kind: data.QuestionLongText, Text: "Saran"},
		}},
	}}
}

func TestFormEditingRules(t *testing.T) {
	s := mustOpen(t, tempDB(t))
	ctx := context.Background()
	f := newForm()
	if err := s.CreateForm(ctx, f); err != nil {
		t.Fatal(err)
	}
	// Reordering, a new section and a new question are saved as given.
	f.Sections = append(f.Sections, &data.Section{Title: "Tambahan", Questions: []*data.Question{
		{Kind: data.QuestionYesNo, Text: "Ikut lagi?", Required: true}}})
	qs := f.Sections[0].Questions
	qs[0], qs[1] = qs[1], qs[0]
	if err := s.SaveForm(ctx, f); err != nil {
		t.Fatal(err)
	}
	got, _ := s.Form(ctx, f.ID)
	if len(got.Sections) != 2 || got.Questions()[0].Text != "Sesi terbaik" || got.Questions()[3].Text != "Ikut lagi?" ||
		got.Questions()[1].Scale != "" || got.ScaleOf(got.Questions()[1]) != data.Scale5 {
		t.Fatalf("after save: %+v", got.Questions())
	}

	// Answer the scale and choice questions, then try to change them.
	p := sampleProgram("EV-1")
	s.CreateProgram(ctx, p)
	pf := &data.ProgramForm{ProgramID: p.ID, FormID: f.ID, Level: 1, Respondent: data.RespondentAnonymous}
	if err := s.AttachForm(ctx, pf); err != nil {
		t.Fatal(err)
	}
	choice, scale := got.Questions()[0], got.Questions()[1]
	r := &data.Response{ProgramFormID: pf.ID, Source: data.ResponseApp, Answers: []data.Answer{
		{QuestionID: scale.ID, Number: 5, HasNumber: true}, {QuestionID: choice.ID, Text: "pagi"},
		{QuestionID: got.Questions()[3].ID, Text: "ya"}}}
	if err := s.SaveResponse(ctx, r, false); err != nil {
		t.Fatal(err)
	}
	counts, _ := s.AnswerCounts(ctx, f.ID)
	if counts[scale.ID] != 1 || counts[got.Questions()[2].ID] != 0 {
		t.Errorf("answer counts %v", counts)
	}

	tests := []struct {
		name string
		edit func(f *data.Form)
		want string
	}{
		{"delete answered", func(f *data.Form) { f.Sections[0].Questions = f.Sections[0].Questions[1:] }, "tidak dapat dihapus"},
		{"change kind", func(f *data.Form) { f.Questions()[1].Kind = data.QuestionNumber }, "jenis pertanyaan"},
		{"change form scale", func(f *data.Form) { f.Scale = data.Scale4 }, "skala"},
		{"rewrite text", func(f *data.Form) { f.Questions()[1].Text = "Narasumber menarik" }, "teks pertanyaan"},
		{"rename option", func(f *data.Form) { f.Questions()[0].Options = []string{"Pagi hari", "Siang"} }, "pilihan jawaban"},
		{"change form kind", func(f *data.Form) { f.Kind = data.FormSpeaker }, "jenisnya tidak dapat diubah"},
	}
	for _, tt := range tests {
		edited, _ := s.Form(ctx, f.ID)
		tt.edit(edited)
		err := s.SaveForm(ctx, edited)
		if data.ErrorKind(err) != data.KindConflict || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: %v, want a conflict about %q", tt.name, err, tt.want)
		}
	}
	// Safe edits: a typo fix, a new option at the end, hiding, labels, required, deleting an unanswered question.
	edited, _ := s.Form(ctx, f.ID)
	edited.Questions()[1].Text = "Materi bermanfaaat."
	edited.Questions()[1].Labels = []string{"1", "2", "3", "4", "5"}
	edited.Questions()[0].Options = append(edited.Questions()[0].Options, "Sore")
	edited.Questions()[0].Hidden = true
	edited.Questions()[1].Required = false
	edited.Sections[0].Questions = edited.Sections[0].Questions[:2] // drops Saran, never answered
	if err := s.SaveForm(ctx, edited); err != nil {
		t.Fatalf("safe edits refused: %v", err)
	}
	again, _ := s.Form(ctx, f.ID)
	if len(again.Questions()) != 3 || !again.Questions()[0].Hidden || len(again.Questions()[0].Options) != 3 ||
		again.Questions()[1].Required || len(again.Visible()) != 2 {
		t.Errorf("after safe edits: %+v", again.Questions())
	}

	// Copy, and delete rules.
	c, err := s.CopyForm(ctx, f.ID)
	if err != nil || c.ID == f.ID || c.Title != "Salinan Evaluasi Bimtek" || len(c.Questions()) != 3 {
		t.Fatalf("copy = %+v, %v", c, err)
	}
	if err := s.DeleteForm(ctx, f.ID); data.ErrorKind(err) != data.KindConflict {
		t.Errorf("deleting an attached form = %v", err)
	}
	if err := s.DeleteForm(ctx, c.ID); err != nil {
		t.Errorf("deleting the copy: %v", err)
	}
	if err := s.DetachForm(ctx, pf.ID, false); data.ErrorKind(err) != data.KindConflict {
		t.Errorf("detaching a form with responses = %v", err)
	}
	if err := s.DetachForm(ctx, pf.ID, true); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteForm(ctx, f.ID); err != nil {
		t.Errorf("deleting a detached form: %v", err)
	}
}

func TestFormValidation(t *testing.T) {
	s := mustOpen(t, tempDB(t))
	tests := []struct {
		name string
		edit func(f *data.Form)
		want string
	}{
		{"no title", func(f *data.Form) { f.Title = " " }, "Judul formulir"},
		{"empty question", func(f *data.Form) { f.Questions()[0].Text = "" }, "Pertanyaan 1: teks pertanyaan wajib diisi"},
		{"one option", func(f *data.Form) { f.Questions()[1].Options = []string{"Pagi"} }, "Pertanyaan 2: isi paling sedikit dua pilihan"},
		{"duplicate option", func(f *data.Form) { f.Questions()[1].Options = []string{"Pagi", "pagi "} }, "tertulis dua kali"},
		{"labels", func(f *data.Form) { f.Questions()[0].Labels = []string{"a", "b"} }, "setiap titik skala (5)"},
		{"test item without key", func(f *data.Form) {
			q := f.Questions()[1]
			q.Kind, q.Points = data.QuestionTestItem, 10
		}, "pilih kunci jawaban"},
		{"test item key not an option", func(f *data.Form) {
			q := f.Questions()[1]
			q.Kind, q.Points, q.Correct = data.QuestionTestItem, 10, "Malam"
		}, "tidak ada di antara pilihan"},
	}
	for _, tt := range tests {
		f := newForm()
		tt.edit(f)
		err := s.CreateForm(context.Background(), f)
		if data.ErrorKind(err) != data.KindInvalid || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: %v, want %q", tt.name, err, tt.want)
		}
	}
}

func TestResponsesAndRate(t *testing.T) {
	s := mustOpen(t, tempDB(t))
	ctx := context.Background()
	p := sampleProgram("EV-2")
	s.CreateProgram(ctx, p)
	for i, speaker := range []string{"Bu Ani", "Pak Budi", "Bu Ani"} {
		x := &data.Session{ProgramID: p.ID, Date: p.StartDate.AddDate(0, 0, i), Start: "08:00", End: "10:00", TimeZone: "WIB",
			Topic: "Sesi", Speaker: speaker, JP: 2}
		if err := s.CreateSession(ctx, x); err != nil {
			t.Fatal(err)
		}
	}
	var people []int64
	for i, n := range []string{"198609262015051001", "199009132025242014", ""} {
		pp := &data.Participant{NIP: n, Name: []string{"Budi Santoso", "Rina Wati", "Cecep"}[i]}
		if err := s.CreateParticipant(ctx, pp); err != nil {
			t.Fatal(err)
		}
		s.Enrol(ctx, p.ID, pp.ID, data.RoleParticipant)
		people = append(people, pp.ID)
	}
	if n, err := s.AttachStandard(ctx, p.ID, data.BuiltinKeys); err != nil || n != 4 {
		t.Fatalf("standard set attached %d: %v", n, err)
	}
	if n, _ := s.AttachStandard(ctx, p.ID, data.BuiltinKeys); n != 0 {
		t.Errorf("second standard set attached %d more", n)
	}
	list, _ := s.ProgramForms(ctx, p.ID)
	var speakerForm, orgForm ProgramFormRow
	for _, r := range list {
		switch r.FormKind {
		case data.FormSpeaker:
			speakerForm = r
		case data.FormOrganisation:
			orgForm = r
		case data.FormPreTest:
			if r.Level != 2 || !r.ClosesOn.Equal(p.StartDate) {
				t.Errorf("pre-test attached %+v", r.ProgramForm)
			}
		case data.FormFollowUpSuperior:
			if r.Level != 3 || r.Respondent != data.RespondentSuperior || !r.OpensOn.Equal(p.EndDate.AddDate(0, 3, 0)) {
				t.Errorf("superior follow-up attached %+v", r.ProgramForm)
			}
		}
	}
	sf, _ := s.Form(ctx, speakerForm.FormID)
	answers := func(v float64) []data.Answer {
		var out []data.Answer
		for _, q := range sf.Visible() {
			if q.Kind == data.QuestionScale {
				out = append(out, data.Answer{QuestionID: q.ID, Number: v, HasNumber: true})
			}
		}
		return out
	}
	// A missing required answer, a value off the scale, a missing speaker.
	bad := &data.Response{ProgramFormID: speakerForm.ID, ParticipantID: people[0], Speaker: "Bu Ani", Source: data.ResponseApp,
		Answers: answers(4)[1:]}
	if err := s.SaveResponse(ctx, bad, false); data.ErrorKind(err) != data.KindInvalid || !strings.Contains(err.Error(), "wajib dijawab") {
		t.Errorf("missing required answer: %v", err)
	}
	bad.Answers = answers(5)
	if err := s.SaveResponse(ctx, bad, false); err == nil || !strings.Contains(err.Error(), "di luar skala") {
		t.Errorf("answer 5 on 1–4: %v", err)
	}
	bad.Answers, bad.Speaker = answers(4), ""
	if err := s.SaveResponse(ctx, bad, false); err == nil || !strings.Contains(err.Error(), "Narasumber") {
		t.Errorf("no speaker: %v", err)
	}
	for _, sp := range []string{"Bu Ani", "Pak Budi"} {
		r := &data.Response{ProgramFormID: speakerForm.ID, ParticipantID: people[0], Speaker: sp, Source: data.ResponsePaper, Answers: answers(4)}
		if err := s.SaveResponse(ctx, r, false); err != nil {
			t.Fatal(err)
		}
	}
	r := &data.Response{ProgramFormID: speakerForm.ID, ParticipantID: people[1], Speaker: "Bu Ani", Source: data.ResponseApp, Answers: answers(3)}
	if err := s.SaveResponse(ctx, r, false); err != nil {
		t.Fatal(err)
	}
	again := &data.Response{ProgramFormID: speakerForm.ID, ParticipantID: people[1], Speaker: "Bu Ani", Source: data.ResponseApp, Answers: answers(2)}
	if err := s.SaveResponse(ctx, again, false); data.ErrorKind(err) != data.KindConflict {
		t.Errorf("second response for the same speaker = %v", err)
	}
	if err := s.SaveResponse(ctx, again, true); err != nil {
		t.Errorf("replacing: %v", err)
	}
	rate, err := s.ResponseRate(ctx, speakerForm.ID)
	if err != nil {
		t.Fatal(err)
	}
	// Two speakers; Budi judged both, Rina one, Cecep none: Budi and Rina responded, only Budi rated every
	// speaker, and the leadership figures count the same.
	if rate.Expected != 3 || rate.Responded != 2 || rate.Completed != 1 || rate.Responses != 3 || len(rate.Speakers) != 2 ||
		len(rate.Missing()) != 2 {
		t.Errorf("rate = %+v, missing %+v", rate, rate.Missing())
	}
	totals, err := s.EvaluationTotals(ctx, Scope{ProgramID: p.ID})
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range totals[p.ID] {
		if a.ID == speakerForm.ID && (a.Expected != 3 || a.Responded != 2) {
			t.Errorf("EvaluationTotals counts %d of %d responded to the speaker form, want 2 of 3", a.Responded, a.Expected)
		}
	}
	if m := rate.Missing(); m[0].Name != "Cecep" || m[0].Done != 0 || m[1].Name != "Rina Wati" || m[1].Done != 1 || m[1].Of != 2 {
		t.Errorf("missing %+v", m)
	}
	responses, _ := s.Responses(ctx, speakerForm.ID)
	if len(responses) != 3 || len(responses[2].Answers) != 9 || responses[2].Answers[0].Number != 2 {
		t.Errorf("responses read back: %d", len(responses))
	}
	// An anonymous organisation form keeps no name.
	of, _ := s.Form(ctx, orgForm.FormID)
	orgForm.Respondent = data.RespondentAnonymous
	if err := s.UpdateProgramForm(ctx, orgForm.ProgramForm); err != nil {
		t.Fatal(err)
	}
	var oa []data.Answer
	for _, q := range of.Visible() {
		switch q.Kind {
		case data.QuestionImportancePerf:
			oa = append(oa, data.Answer{QuestionID: q.ID, Number: 4, HasNumber: true, Number2: 3, HasNumber2: true})
		case data.QuestionYesNo:
			oa = append(oa, data.Answer{QuestionID: q.ID, Text: "Y"})
		}
	}
	anon := &data.Response{ProgramFormID: orgForm.ID, ParticipantID: people[2], RespondentName: "Cecep", Source: data.ResponseApp, Answers: oa}
	if err := s.SaveResponse(ctx, anon, false); err != nil {
		t.Fatal(err)
	}
	list2, _ := s.ResponseList(ctx, orgForm.ID)
	if len(list2) != 1 || list2[0].ParticipantID != 0 || list2[0].Name != "" {
		t.Errorf("anonymous response kept a name: %+v", list2[0].Response)
	}
	orgForm.Respondent = data.RespondentParticipant
	if err := s.UpdateProgramForm(ctx, orgForm.ProgramForm); data.ErrorKind(err) != data.KindConflict {
		t.Errorf("changing the respondent kind after responses = %v", err)
	}
	orate, _ := s.ResponseRate(ctx, orgForm.ID)
	if orate.Expected != 3 || orate.Responded != 1 || len(orate.Respondents) != 0 {
		t.Errorf("anonymous rate %+v", orate)
	}
}

// An anonymous form's respondents are the fewest people who could have given its responses.
func TestAnonymousResponded(t *testing.T) {
	tests := []struct{ expected, responses, of, want int }{
		{20, 0, 2, 0},
		{20, 1, 2, 1}, // one speaker rated: one person responded
		{20, 30, 2, 15},
		{20, 31, 2, 16},
		{20, 100, 2, 20},
		{20, 12, 1, 12},
	}
	for _, tt := range tests {
		if got := anonymousResponded(tt.expected, tt.responses, tt.of); got != tt.want {
			t.Errorf("anonymousResponded(%d, %d, %d) = %d, want %d", tt.expected, tt.responses, tt.of, got, tt.want)
		}
	}
}

// A database that received the first set of built-in forms (the sample tests among them) loses the tests no
// program uses; a test attached to a program, and answered, stays with its responses.
func TestSampleTestsLeaveOlderDatabases(t *testing.T) {
	path := tempDB(t)
	s := mustOpen(t, path)
	ctx := context.Background()
	var pre, post *data.Form
	for _, f := range data.BuiltinForms() {
		if data.IsSampleTest(f.Builtin) {
			if err := s.CreateForm(ctx, f); err != nil {
				t.Fatal(err)
			}
			if f.Builtin == data.BuiltinPreTest {
				pre = f
			} else {
				post = f
			}
		}
	}
	p := sampleProgram("OLD-1")
	if err := s.CreateProgram(ctx, p); err != nil {
		t.Fatal(err)
	}
	pf := &data.ProgramForm{ProgramID: p.ID, FormID: pre.ID, Level: 2, Respondent: data.RespondentAnonymous}
	if err := s.AttachForm(ctx, pf); err != nil {
		t.Fatal(err)
	}
	q := pre.Questions()[0]
	r := &data.Response{ProgramFormID: pf.ID, Source: data.ResponsePaper, Answers: []data.Answer{{QuestionID: q.ID, Text: q.Options[0]}}}
	if err := s.SaveResponse(ctx, r, false); err != nil {
		t.Fatal(err)
	}
	if err := s.SetSetting(ctx, "builtin_forms", "1"); err != nil {
		t.Fatal(err)
	}
	s.Close()

	s = mustOpen(t, path)
	if _, err := s.Form(ctx, post.ID); !data.IsKind(err, data.KindNotFound) {
		t.Errorf("the unused sample post-test stays: %v", err)
	}
	if f, err := s.Form(ctx, pre.ID); err != nil || f.Builtin != data.BuiltinPreTest {
		t.Errorf("the answered pre-test is gone: %v", err)
	}
	if rate, err := s.ResponseRate(ctx, pf.ID); err != nil || rate.Responses != 1 {
		t.Errorf("the pre-test's response: %+v, %v", rate, err)
	}
	forms, _ := s.Forms(ctx)
	if len(forms) != len(data.StandardKeys)+1 {
		t.Errorf("%d forms after the upgrade, want the %d generic ones and the answered test", len(forms), len(data.StandardKeys))
	}
}
