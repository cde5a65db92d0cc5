package analysis

import (
	"context"
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/pembina/pembina/data"
	"github.com/pembina/pembina/data/store"
	"github.com/pembina/pembina/data/store/storetest"
)

const benchResponses, benchQuestions = 2000, 30

// benchForm has 30 questions: 20 scale, 5 importance × performance, 2 single choice, 1 yes/no, 2 long text.
func benchForm(kind data.FormKind) *data.Form {
	f := &data.Form{Title: "Benchmark", Kind: kind, Scale: data.Scale4}
	for s := 0; s < 3; s++ {
		sec := &data.Section{ID: int64(s + 1), Title: fmt.Sprintf("Bagian %d", s+1)}
		for i := 0; i < benchQuestions/3; i++ {
			n := s*benchQuestions/3 + i
			q := &data.Question{ID: int64(n + 1), Text: fmt.Sprintf("Pertanyaan %d", n+1), Kind: data.QuestionScale}
			switch {
			case n >= 20 && n < 25:
				q.Kind = data.QuestionImportancePerf
			case n == 25 || n == 26:
				q.Kind, q.Options = data.QuestionSingleChoice, []string{"Pagi", "Siang", "Sore", "Malam"}
			case n == 27:
				q.Kind = data.QuestionYesNo
			case n >= 28:
				q.Kind = data.QuestionLongText
			}
			sec.Questions = append(sec.Questions, q)
		}
		f.Sections = append(f.Sections, sec)
	}
	return f
}

func benchAnswers(rng *rand.Rand, f *data.Form) []data.Answer {
	var out []data.Answer
	for _, q := range f.Questions() {
		a := data.Answer{QuestionID: q.ID}
		switch q.Kind {
		case data.QuestionScale:
			a.Number, a.HasNumber = float64(1+rng.IntN(4)), true
		case data.QuestionImportancePerf:
			a.Number, a.HasNumber, a.Number2, a.HasNumber2 = float64(3+rng.IntN(2)), true, float64(1+rng.IntN(4)), true
		case data.QuestionSingleChoice:
			a.Text = q.Options[rng.IntN(len(q.Options))]
		case data.QuestionYesNo:
			a.Text = []string{data.Yes, data.No}[rng.IntN(2)]
		case data.QuestionLongText:
			if rng.IntN(3) == 0 {
				a.Text = "Materi sangat bermanfaat, tetapi waktu praktik perlu ditambah."
			}
		}
		out = append(out, a)
	}
	return out
}

func benchSet(kind data.FormKind, speakers int) (*data.Form, []*data.Response) {
	rng := rand.New(rand.NewPCG(1, 2))
	f := benchForm(kind)
	responses := make([]*data.Response, benchResponses)
	for i := range responses {
		responses[i] = &data.Response{ParticipantID: int64(i + 1), Answers: benchAnswers(rng, f)}
		if speakers > 0 {
			responses[i].Speaker = fmt.Sprintf("Narasumber %d", i%speakers+1)
		}
	}
	return f, responses
}

// BenchmarkForm analyses 2,000 responses × 30 questions (per question, per section, the form and the
// importance-performance quadrants). The issue asks for 100 ms or less.
func BenchmarkForm(b *testing.B) {
	f, responses := benchSet(data.FormOrganisation, 0)
	b.ResetTimer()
	for b.Loop() {
		if r := Form(f, responses); r.Responses != benchResponses {
			b.Fatal(r.Responses)
		}
	}
}

// BenchmarkSpeakers analyses 2,000 speaker-form responses × 30 questions across 10 speakers, with the ranking.
func BenchmarkSpeakers(b *testing.B) {
	f, responses := benchSet(data.FormSpeaker, 10)
	b.ResetTimer()
	for b.Loop() {
		if r := Speakers(f, responses); len(r) != 10 {
			b.Fatal(len(r))
		}
	}
}

// BenchmarkPrePost scores 2,000 pre-tests and 2,000 post-tests of 30 items and compares them.
func BenchmarkPrePost(b *testing.B) {
	rng := rand.New(rand.NewPCG(3, 4))
	mk := func(kind data.FormKind, base int64) (*data.Form, []*data.Response) {
		f := &data.Form{Kind: kind, Scale: data.Scale100, Sections: []*data.Section{{}}}
		for i := 0; i < benchQuestions; i++ {
			f.Sections[0].Questions = append(f.Sections[0].Questions, &data.Question{ID: base + int64(i), Kind: data.QuestionTestItem,
				Text: fmt.Sprintf("Soal %d", i), Options: []string{"a", "b", "c", "d"}, Correct: "a", Points: 1, ItemKey: fmt.Sprint(i)})
		}
		var rs []*data.Response
		for p := 0; p < benchResponses; p++ {
			r := &data.Response{ParticipantID: int64(p + 1)}
			for _, q := range f.Questions() {
				r.Answers = append(r.Answers, data.Answer{QuestionID: q.ID, Text: q.Options[rng.IntN(4)]})
			}
			rs = append(rs, r)
		}
		return f, rs
	}
	pre, preR := mk(data.FormPreTest, 1000)
	post, postR := mk(data.FormPostTest, 2000)
	b.ResetTimer()
	for b.Loop() {
		if r := PrePost(pre, preR, post, postR, 70, nil); r.Paired != benchResponses {
			b.Fatal(r.Paired)
		}
	}
}

// BenchmarkLoad reads a program with 2,000 responses × 30 questions from SQLite and analyses it, as the
// Evaluasi tab does when it opens.
func BenchmarkLoad(b *testing.B) {
	s := storetest.New(b)
	ctx := context.Background()
	f, responses := benchSet(data.FormOrganisation, 0)
	for _, sec := range f.Sections {
		sec.ID = 0
		for _, q := range sec.Questions {
			q.ID = 0
		}
	}
	if err := s.CreateForm(ctx, f); err != nil {
		b.Fatal(err)
	}
	p := &data.Program{Code: "B", Title: "Benchmark", Kind: "Pelatihan Teknis", StartDate: time.Date(2026, 1, 5, 0, 0, 0, 0, time.UTC),
		EndDate: time.Date(2026, 1, 7, 0, 0, 0, 0, time.UTC), TotalJP: 20}
	if err := s.CreateProgram(ctx, p); err != nil {
		b.Fatal(err)
	}
	pf := &data.ProgramForm{ProgramID: p.ID, FormID: f.ID, Level: 1, Respondent: data.RespondentAnonymous}
	if err := s.AttachForm(ctx, pf); err != nil {
		b.Fatal(err)
	}
	questions := f.Questions()
	err := s.Load(ctx, func(tx *store.Loader) error {
		for _, r := range responses {
			r.ParticipantID, r.ProgramFormID, r.Source = 0, pf.ID, data.ResponseImport
			for i := range r.Answers {
				r.Answers[i].QuestionID = questions[i].ID
			}
			if err := tx.AddResponse(ctx, r); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		rep, err := Load(ctx, s, p.ID)
		if err != nil || rep.Forms[0].Result.Responses != benchResponses {
			b.Fatal(err)
		}
	}
}
