package data

import (
	"strings"
	"testing"
)

func answerForm() *Form {
	return &Form{Title: "Uji", Kind: FormOther, Scale: Scale4, Sections: []*Section{{Questions: []*Question{
		{ID: 1, Kind: QuestionScale, Text: "Materi", Required: true},
		{ID: 2, Kind: QuestionYesNo, Text: "Ikut lagi?"},
		{ID: 3, Kind: QuestionSingleChoice, Text: "Sesi", Options: []string{"Pagi", "Siang"}},
		{ID: 4, Kind: QuestionTestItem, Text: "LMS?", Options: []string{"Learning Management System", "Lain"},
			Correct: "Learning Management System", Points: 10},
		{ID: 5, Kind: QuestionMultiChoice, Text: "Media", Options: []string{"Laptop", "Ponsel"}},
		{ID: 6, Kind: QuestionScale, Text: "Nilai", Scale: Scale100},
		{ID: 7, Kind: QuestionShortText, Text: "Dihapus", Hidden: true},
	}}}}
}

func TestCheckAnswer(t *testing.T) {
	f := answerForm()
	tests := []struct {
		q        int
		in       Answer
		want     Answer
		errorHas string
	}{
		{1, Answer{Number: 4, HasNumber: true}, Answer{Number: 4, HasNumber: true}, ""},
		{1, Answer{Number: 5, HasNumber: true}, Answer{}, "di luar skala; isi bilangan bulat 1–4"},
		{1, Answer{Number: 2.5, HasNumber: true}, Answer{}, "di luar skala"},
		{2, Answer{Text: "y"}, Answer{Text: Yes, Number: 1, HasNumber: true}, ""},
		{2, Answer{Text: "TIDAK"}, Answer{Text: No, HasNumber: true}, ""},
		{2, Answer{Text: "mungkin"}, Answer{}, "bukan Ya atau Tidak"},
		{3, Answer{Text: "pagi "}, Answer{Text: "Pagi"}, ""},
		{3, Answer{Text: "Malam"}, Answer{}, "tidak ada di antara pilihan (Pagi; Siang)"},
		{4, Answer{Text: "learning management system"}, Answer{Text: "Learning Management System", Number: 10, HasNumber: true}, ""},
		{4, Answer{Text: "Lain"}, Answer{Text: "Lain", HasNumber: true}, ""},
		{5, Answer{Choices: []string{"ponsel", "Laptop", "Ponsel"}}, Answer{Choices: []string{"Ponsel", "Laptop"}}, ""},
		{6, Answer{Number: 87.5, HasNumber: true}, Answer{Number: 87.5, HasNumber: true}, ""},
		{6, Answer{Number: 101, HasNumber: true}, Answer{}, "di luar skala 0–100"},
	}
	for _, tt := range tests {
		q := f.Question(int64(tt.q))
		a := tt.in
		err := CheckAnswer(f, q, &a)
		switch {
		case tt.errorHas != "":
			if err == nil || !strings.Contains(err.Error(), tt.errorHas) {
				t.Errorf("Q%d %+v: error %v, want %q", tt.q, tt.in, err, tt.errorHas)
			}
		case err != nil:
			t.Errorf("Q%d %+v: %v", tt.q, tt.in, err)
		case a.Text != tt.want.Text || a.Number != tt.want.Number || a.HasNumber != tt.want.HasNumber ||
			strings.Join(a.Choices, "|") != strings.Join(tt.want.Choices, "|"):
			t.Errorf("Q%d %+v normalised to %+v, want %+v", tt.q, tt.in, a, tt.want)
		}
	}
}

func TestResponseValidate(t *testing.T) {
	f := answerForm()
	// On the laptop a required question must be answered; on paper and in imports a blank stays blank.
	r := &Response{Source: ResponseApp, Answers: []Answer{{QuestionID: 2, Text: "ya"}}}
	if err := r.Validate(f); err == nil || !strings.Contains(err.Error(), "Pertanyaan 1 (Materi): wajib dijawab") {
		t.Errorf("missing required answer: %v", err)
	}
	for _, src := range []string{ResponsePaper, ResponseImport} {
		r.Source = src
		if err := r.Validate(f); err != nil {
			t.Errorf("%s response with a blank required answer: %v", src, err)
		}
	}
	bad := &Response{Source: ResponseApp, Answers: []Answer{{QuestionID: 1, Number: 3, HasNumber: true},
		{QuestionID: 7, Text: "x"}, {QuestionID: 99, Text: "x"}, {QuestionID: 1, Number: 2, HasNumber: true}}}
	err := bad.Validate(f)
	for _, want := range []string{"sudah disembunyikan", "pertanyaan 99 bukan bagian", "dijawab dua kali"} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("validate = %v, want %q", err, want)
		}
	}
	speaker := answerForm()
	speaker.Kind = FormSpeaker
	if err := (&Response{Source: ResponseApp, Answers: []Answer{{QuestionID: 1, Number: 3, HasNumber: true}}}).Validate(speaker); err == nil ||
		!strings.Contains(err.Error(), "Narasumber") {
		t.Errorf("speaker form without a speaker: %v", err)
	}
	score, ok := (&Response{Answers: []Answer{{QuestionID: 4, Text: "Learning Management System"}}}).Score(f)
	if !ok || score != 100 {
		t.Errorf("score = %v, %v", score, ok)
	}
}

func TestMeaningChanges(t *testing.T) {
	f := answerForm()
	q := func(id int64) *Question { c := *f.Question(id); return &c }
	tests := []struct {
		name string
		edit func(*Question)
		want string
	}{
		{"typo fix", func(x *Question) { x.Text = "Materii" }, ""},
		{"case and punctuation", func(x *Question) { x.Text = "MATERI." }, ""},
		{"rewrite", func(x *Question) { x.Text = "Narasumber" }, "teks pertanyaan"},
		{"kind", func(x *Question) { x.Kind = QuestionNumber }, "jenis pertanyaan"},
		{"labels and required are free", func(x *Question) { x.Labels = []string{"a", "b", "c", "d"}; x.Required = false }, ""},
	}
	for _, tt := range tests {
		edited := q(1)
		tt.edit(edited)
		got := strings.Join(MeaningChanges(f, f.Question(1), f, edited), ", ")
		if (tt.want == "") != (got == "") || !strings.Contains(got, tt.want) {
			t.Errorf("%s: changes %q, want %q", tt.name, got, tt.want)
		}
	}
	appended := q(3)
	appended.Options = append(appended.Options, "Sore")
	if c := MeaningChanges(f, f.Question(3), f, appended); len(c) != 0 {
		t.Errorf("appending a choice: %v", c)
	}
	item := q(4)
	item.Correct = "Lain"
	if c := MeaningChanges(f, f.Question(4), f, item); len(c) != 1 || c[0] != "kunci jawaban" {
		t.Errorf("changing the key: %v", c)
	}
}
