package analysis

import (
	"math"
	"testing"

	"github.com/pembina/pembina/data"
)

const eps = 1e-4

func near(a, b float64) bool {
	if math.IsNaN(a) || math.IsNaN(b) {
		return math.IsNaN(a) && math.IsNaN(b)
	}
	return math.Abs(a-b) < eps
}

func sc(id int64, v float64) data.Answer {
	return data.Answer{QuestionID: id, Number: v, HasNumber: true}
}
func ip(id int64, imp, perf float64) data.Answer {
	return data.Answer{QuestionID: id, Number: imp, HasNumber: true, Number2: perf, HasNumber2: true}
}
func tx(id int64, s string) data.Answer { return data.Answer{QuestionID: id, Text: s} }
func mc(id int64, c ...string) data.Answer {
	return data.Answer{QuestionID: id, Choices: c}
}

// surveyForm is a 1–4 form with two sections and a question of most kinds; question 7 is hidden.
func surveyForm() *data.Form {
	return &data.Form{ID: 1, Title: "Uji", Kind: data.FormOrganisation, Scale: data.Scale4, Sections: []*data.Section{
		{ID: 1, Title: "Materi", Questions: []*data.Question{
			{ID: 1, Kind: data.QuestionScale, Text: "Relevansi materi"},
			{ID: 2, Kind: data.QuestionImportancePerf, Text: "Bahan ajar"},
		}},
		{ID: 2, Title: "Layanan", Questions: []*data.Question{
			{ID: 3, Kind: data.QuestionScale, Text: "Panitia"},
			{ID: 4, Kind: data.QuestionSingleChoice, Text: "Sesi favorit", Options: []string{"A", "B", "C"}},
			{ID: 5, Kind: data.QuestionYesNo, Text: "Merekomendasikan?"},
			{ID: 6, Kind: data.QuestionLongText, Text: "Saran"},
			{ID: 7, Kind: data.QuestionScale, Text: "Dihapus", Hidden: true},
			{ID: 8, Kind: data.QuestionMultiChoice, Text: "Media", Options: []string{"X", "Y", "Z"}},
			{ID: 9, Kind: data.QuestionNumber, Text: "Jarak (km)"},
		}},
	}}
}

func surveyResponses() []*data.Response {
	return []*data.Response{
		{ID: 1, Answers: []data.Answer{sc(1, 4), ip(2, 4, 3), sc(3, 4), tx(4, "A"), tx(5, data.Yes), tx(6, "Bagus"), sc(7, 1),
			mc(8, "X", "Y"), sc(9, 10)}},
		{ID: 2, Answers: []data.Answer{sc(1, 3), ip(2, 4, 2), sc(3, 4), tx(4, "B"), tx(5, data.Yes), tx(6, ""), mc(8, "X"), sc(9, 20)}},
		{ID: 3, Answers: []data.Answer{sc(1, 3), ip(2, 3, 4), sc(3, 4), tx(4, "A"), tx(5, data.No), tx(6, "Waktu kurang")}},
		{ID: 4, Answers: []data.Answer{sc(1, 2), ip(2, 3, 3), sc(3, 3), tx(4, "A")}},
	}
}

// The expected values below were worked out by hand from surveyResponses.
func TestFormQuestions(t *testing.T) {
	res := Form(surveyForm(), surveyResponses())
	if res.Responses != 4 || len(res.Questions) != 8 {
		t.Fatalf("responses %d, questions %d; want 4 and 8 (the hidden one left out)", res.Responses, len(res.Questions))
	}
	tests := []struct {
		number   int
		n        int
		mean, sd float64
		category string
		percent  float64
		dist     []int
	}{
		// 4, 3, 3, 2: mean 3; squares of deviations 1+0+0+1 = 2; sd = √(2/3)
		{1, 4, 3, 0.816497, "Kurang Baik", 75, []int{0, 1, 2, 1}},
		// performance 3, 2, 4, 3: mean 3, sd √(2/3)
		{2, 4, 3, 0.816497, "Kurang Baik", 75, []int{0, 1, 2, 1}},
		// 4, 4, 4, 3: mean 3,75; squares 0,0625×3 + 0,5625 = 0,75; sd = √(0,75/3) = 0,5
		{3, 4, 3.75, 0.5, "Sangat Baik", 93.75, []int{0, 0, 1, 3}},
		// A, B, A, A
		{4, 0, math.NaN(), math.NaN(), "", math.NaN(), []int{3, 1, 0}},
		// Ya, Ya, Tidak: share of Ya 2/3; 1,1,0: sd √((1/9+1/9+4/9)/2) = √(1/3)
		{5, 3, 2.0 / 3, 0.577350, "", math.NaN(), []int{2, 1}},
		// texts
		{6, 0, math.NaN(), math.NaN(), "", math.NaN(), nil},
		// multiple choice: X twice, Y once
		{7, 0, math.NaN(), math.NaN(), "", math.NaN(), []int{2, 1, 0}},
		// 10 and 20: mean 15, sd √50
		{8, 2, 15, 7.071068, "", math.NaN(), nil},
	}
	for _, tt := range tests {
		q := res.Questions[tt.number-1]
		if q.Number != tt.number {
			t.Fatalf("question %d numbered %d", tt.number, q.Number)
		}
		if q.Stat.N != tt.n || !near(q.Stat.Mean, tt.mean) || !near(q.Stat.SD, tt.sd) {
			t.Errorf("Q%d stat = %+v, want n %d mean %v sd %v", tt.number, q.Stat, tt.n, tt.mean, tt.sd)
		}
		if q.Category != tt.category || !near(q.Percent, tt.percent) {
			t.Errorf("Q%d category %q %v%%, want %q %v%%", tt.number, q.Category, q.Percent, tt.category, tt.percent)
		}
		if tt.dist != nil {
			if len(q.Distribution) != len(tt.dist) {
				t.Fatalf("Q%d distribution %+v", tt.number, q.Distribution)
			}
			for i, n := range tt.dist {
				if q.Distribution[i].N != n {
					t.Errorf("Q%d bucket %d (%s) = %d, want %d", tt.number, i, q.Distribution[i].Label, q.Distribution[i].N, n)
				}
			}
		}
	}
	q1 := res.Questions[0]
	if q1.Distribution[3].Label != "Sangat Baik" || q1.Distribution[3].Value != 4 || !near(q1.Distribution[2].Share, 0.5) {
		t.Errorf("Q1 buckets %+v", q1.Distribution)
	}
	// importance 4, 4, 3, 3: mean 3,5; squares 0,25×4 = 1; sd √(1/3)
	q2 := res.Questions[1]
	if !near(q2.Importance.Mean, 3.5) || !near(q2.Importance.SD, 0.577350) || q2.ImportanceDistribution[3].N != 2 ||
		q2.ImportanceDistribution[3].Label != "Sangat Penting" {
		t.Errorf("Q2 importance %+v %+v", q2.Importance, q2.ImportanceDistribution)
	}
	if q4 := res.Questions[3]; q4.Answered != 4 || !near(q4.Distribution[0].Share, 0.75) {
		t.Errorf("Q4 answered %d, A share %v", q4.Answered, q4.Distribution[0].Share)
	}
	if q6 := res.Questions[5]; len(q6.Texts) != 2 || q6.Texts[0] != "Bagus" || q6.Texts[1] != "Waktu kurang" || q6.Answered != 2 {
		t.Errorf("Q6 texts %q, answered %d", q6.Texts, q6.Answered)
	}
	if q7 := res.Questions[6]; q7.Answered != 2 || !near(q7.Distribution[0].Share, 1) || !near(q7.Distribution[1].Share, 0.5) {
		t.Errorf("multiple choice: answered %d, buckets %+v", q7.Answered, q7.Distribution)
	}
}

func TestFormSectionsAndMean(t *testing.T) {
	res := Form(surveyForm(), surveyResponses())
	// Materi: Q1 75% and Q2 75% → 3,00; Layanan: Q3 93,75% → 3,75; form: (75 + 75 + 93,75) / 3 = 81,25% → 3,25
	want := []SectionResult{{"Materi", 2, 3, "Kurang Baik", 75}, {"Layanan", 1, 3.75, "Sangat Baik", 93.75}}
	if len(res.Sections) != len(want) {
		t.Fatalf("sections %+v", res.Sections)
	}
	for i, w := range want {
		g := res.Sections[i]
		if g.Title != w.Title || g.Items != w.Items || !near(g.Mean, w.Mean) || g.Category != w.Category || !near(g.Percent, w.Percent) {
			t.Errorf("section %d = %+v, want %+v", i, g, w)
		}
	}
	if res.Items != 3 || !near(res.Mean, 3.25) || res.Category != "Baik" || !near(res.Percent, 81.25) {
		t.Errorf("form: items %d mean %v %s %v%%; want 3 items 3,25 Baik 81,25%%", res.Items, res.Mean, res.Category, res.Percent)
	}
	empty := Form(surveyForm(), nil)
	if empty.Items != 0 || !math.IsNaN(empty.Mean) || empty.Category != "" || empty.IPA != nil {
		t.Errorf("no responses: %+v", empty)
	}
}

func TestIPA(t *testing.T) {
	item := func(n int, imp, perf float64) *QuestionResult {
		return &QuestionResult{Number: n, Question: &data.Question{Kind: data.QuestionImportancePerf},
			Importance: Stat{N: 10, Mean: imp}, Stat: Stat{N: 10, Mean: perf}}
	}
	// importance mean (3,8 + 3,6 + 3,0 + 3,2) / 4 = 3,4; performance (2,9 + 3,6 + 2,8 + 3,5) / 4 = 3,2
	res := IPA([]*QuestionResult{item(1, 3.8, 2.9), item(2, 3.6, 3.6), item(3, 3.0, 2.8), item(4, 3.2, 3.5),
		{Number: 5, Question: &data.Question{Kind: data.QuestionScale}, Stat: Stat{N: 10, Mean: 1}}})
	if res == nil || len(res.Items) != 4 {
		t.Fatalf("IPA = %+v", res)
	}
	if !near(res.Importance, 3.4) || !near(res.Performance, 3.2) || !near(res.Conformity, 3.2/3.4) {
		t.Errorf("lines %v × %v, conformity %v", res.Importance, res.Performance, res.Conformity)
	}
	want := []Quadrant{QuadrantPriority, QuadrantKeep, QuadrantLow, QuadrantExcess}
	for i, q := range want {
		if res.Items[i].Quadrant != q {
			t.Errorf("item %d in %s, want %s", i+1, res.Items[i].Quadrant.Label(), q.Label())
		}
	}
	if it := res.Items[0]; !near(it.Gap, -0.9) || !near(it.Conformity, 2.9/3.8) {
		t.Errorf("item 1 gap %v conformity %v", it.Gap, it.Conformity)
	}
	if got := res.In(QuadrantPriority); len(got) != 1 || got[0].Number != 1 {
		t.Errorf("quadrant I holds %+v", got)
	}
	// On the lines: counts as high on both.
	on := IPA([]*QuestionResult{item(1, 3, 3), item(2, 3, 3)})
	if on.Items[0].Quadrant != QuadrantKeep || on.Items[1].Quadrant != QuadrantKeep {
		t.Errorf("items on the lines: %+v", on.Items)
	}
	if IPA(nil) != nil {
		t.Error("IPA of nothing is not nil")
	}
}

func speakerForm() *data.Form {
	return &data.Form{ID: 2, Kind: data.FormSpeaker, Scale: data.Scale4, Sections: []*data.Section{{ID: 1, Questions: []*data.Question{
		{ID: 11, Kind: data.QuestionScale, Text: "Penguasaan materi"},
		{ID: 12, Kind: data.QuestionScale, Text: "Ketepatan waktu"},
		{ID: 13, Kind: data.QuestionLongText, Text: "Saran"},
	}}}}
}

func speakerResponses() []*data.Response {
	r := func(sp string, a ...data.Answer) *data.Response { return &data.Response{Speaker: sp, Answers: a} }
	return []*data.Response{
		r("Bu Ani", sc(11, 4), sc(12, 4)), r("Bu Ani", sc(11, 4), sc(12, 3)),
		r("Pak Budi", sc(11, 3), sc(12, 3)), r("Pak Budi", sc(11, 3), sc(12, 3)),
		r("Bu Citra", sc(11, 4), sc(12, 3)), r("Bu Citra", sc(11, 4), sc(12, 4)),
		r("Pak Dedi", tx(13, "Suara kurang jelas")),
	}
}

func TestSpeakersRanking(t *testing.T) {
	got := Speakers(speakerForm(), speakerResponses())
	// Ani: Q11 4, Q12 3,5 → (100 + 87,5) / 2 = 93,75% → 3,75; Citra the same; Budi 3,00; Dedi has no rating.
	want := []struct {
		rank    int
		speaker string
		mean    float64
		cat     string
	}{
		{1, "Bu Ani", 3.75, "Sangat Baik"}, {1, "Bu Citra", 3.75, "Sangat Baik"}, {3, "Pak Budi", 3, "Kurang Baik"},
		{0, "Pak Dedi", math.NaN(), ""},
	}
	if len(got) != len(want) {
		t.Fatalf("speakers %+v", got)
	}
	for i, w := range want {
		g := got[i]
		if g.Rank != w.rank || g.Speaker != w.speaker || !near(g.Mean, w.mean) || g.Category != w.cat || g.Responses < 1 {
			t.Errorf("place %d = rank %d %s %v %s, want rank %d %s %v %s", i+1, g.Rank, g.Speaker, g.Mean, g.Category,
				w.rank, w.speaker, w.mean, w.cat)
		}
	}
	if got[0].Questions[1].Stat.Mean != 3.5 {
		t.Errorf("Ani's punctuality = %v, want 3,5", got[0].Questions[1].Stat.Mean)
	}
}

func TestSatisfactionIndex(t *testing.T) {
	survey := Form(surveyForm(), surveyResponses())
	speakers := Form(speakerForm(), speakerResponses())
	// survey items 75, 75, 93,75; speaker items: 4,4,3,3,4,4 → 3,6667 (91,667%) and 4,3,3,3,3,4 → 3,3333 (83,333%)
	// (75 + 75 + 93,75 + 91,6667 + 83,3333) / 5 = 83,75% → 3,35 on 1–4: Baik
	s := SatisfactionIndex([]*FormResult{survey, speakers})
	if s.Forms != 2 || s.Items != 5 || s.Responses != 11 || s.Scale != data.Scale4 || !near(s.Percent, 83.75) ||
		!near(s.Mean, 3.35) || s.Category != "Baik" {
		t.Errorf("satisfaction = %+v", s)
	}
	five := speakerForm()
	five.Scale = data.Scale5
	mixed := SatisfactionIndex([]*FormResult{survey, Form(five, []*data.Response{{Answers: []data.Answer{sc(11, 5), sc(12, 4)}}})})
	// 75, 75, 93,75, 100, 80 → 84,75% on 0–100: Baik; no common scale
	if mixed.Scale != "" || !math.IsNaN(mixed.Mean) || !near(mixed.Percent, 84.75) || mixed.Category != "Baik" {
		t.Errorf("mixed scales = %+v", mixed)
	}
	if none := SatisfactionIndex(nil); !math.IsNaN(none.Percent) || none.Category != "" {
		t.Errorf("no forms = %+v", none)
	}

	// A 1–4 mean of 3,00 is Kurang Baik, and so is its index 75, alone or mixed with a 1–5 form whose items
	// also average 75 on 0–100: mixing scales does not move the category (the 0–100 test legend said Baik).
	threes := Form(speakerForm(), []*data.Response{{Answers: []data.Answer{sc(11, 3), sc(12, 3)}}})
	fives := Form(five, []*data.Response{{Answers: []data.Answer{sc(11, 4), sc(12, 4)}}, {Answers: []data.Answer{sc(11, 4), sc(12, 3)}}})
	one := SatisfactionIndex([]*FormResult{threes})
	both := SatisfactionIndex([]*FormResult{threes, fives})
	if one.Scale != data.Scale4 || !near(one.Mean, 3) || !near(one.Percent, 75) || one.Category != "Kurang Baik" {
		t.Errorf("1–4 mean 3,00 = %+v", one)
	}
	if both.Scale != "" || !near(both.Percent, 75) || both.Category != one.Category {
		t.Errorf("1–4 mean 3,00 with a 1–5 form at 75 = %+v, want the category %s", both, one.Category)
	}
}
