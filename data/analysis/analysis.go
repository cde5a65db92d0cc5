// Package analysis says what evaluation responses mean (docs/domain.md §4): per question the number of answers,
// mean, standard deviation, distribution and category; per section and per form; per speaker with a ranking;
// importance × performance quadrants; the text answers; pre-test and post-test scores with Hake's normalised
// gain per participant and for the class, the share at or above the pass score and the difficulty of each
// item; and a program's satisfaction index.
//
// The functions on forms and responses are pure: they take data.Form and data.Response values and return
// results, so the window, the evaluation summary PDF and the leadership workbook compute the same figures.
// Load reads a whole program from the store and analyses every form attached to it.
//
// Undefined figures (a mean without answers, the gain of someone whose pre-test was already perfect) are NaN;
// data.FormatScore and indo.Decimal print them as "–".
package analysis

import (
	"math"
	"sort"

	"github.com/pembina/pembina/data"
)

// Stat summarises numbers: how many, their mean and their sample standard deviation (n − 1; 0 for a single
// value). Mean and SD are NaN when N is 0.
type Stat struct {
	N        int
	Mean, SD float64
}

// accumulator gathers a Stat with Welford's method: one pass, no stored values, numerically stable.
type accumulator struct {
	n        int
	mean, m2 float64
}

func (a *accumulator) add(v float64) {
	a.n++
	d := v - a.mean
	a.mean += d / float64(a.n)
	a.m2 += d * (v - a.mean)
}

func (a *accumulator) stat() Stat {
	switch a.n {
	case 0:
		return Stat{N: 0, Mean: math.NaN(), SD: math.NaN()}
	case 1:
		return Stat{N: 1, Mean: a.mean, SD: 0}
	}
	return Stat{N: a.n, Mean: a.mean, SD: math.Sqrt(a.m2 / float64(a.n-1))}
}

// Bucket is one bar of a distribution: a scale point (Value), a category band or an option (Label), with how
// many answers fell in it and their share of the answers.
type Bucket struct {
	Label string
	Value float64 // the scale point; NaN for options and bands
	N     int
	Share float64
}

// QuestionResult is what the answers to one question say.
type QuestionResult struct {
	Number   int // 1-based among the form's visible questions
	Question *data.Question
	Section  string
	Scale    data.Scale // for scale and importance × performance questions

	// Stat holds the answers of a scale question, the performance (kenyataan) of a pair, the numbers of a
	// number question, the share of Ya (as 1 and 0) of a yes/no question and the points of a test item.
	Stat       Stat
	Importance Stat   // the importance (harapan) of a pair
	Category   string // Stat.Mean's category on the scale's legend
	Percent    float64

	Distribution           []Bucket // per point (0–100: per band), option, or Ya/Tidak
	ImportanceDistribution []Bucket // a pair's importance per point

	Texts []string // text answers in the order given, empty ones left out

	Answered   int     // responses that answered the question
	Correct    int     // test item: responses with the correct option
	Difficulty float64 // test item: Correct ÷ responses to the form (the item's p-value); NaN without responses
}

// IsRated reports whether the question gives a rating that counts towards section, form and satisfaction
// means: a scale question or the performance half of a pair.
func (r *QuestionResult) IsRated() bool {
	return r.Question.Kind == data.QuestionScale || r.Question.Kind == data.QuestionImportancePerf
}

// SectionResult is the mean of a section's rated questions.
type SectionResult struct {
	Title    string
	Items    int     // rated questions with answers
	Mean     float64 // mean of their means, on the form's scale; NaN when Items is 0
	Category string
	Percent  float64
}

// FormResult is what the responses to one form say.
type FormResult struct {
	Form      *data.Form
	Scale     data.Scale
	Responses int
	Questions []*QuestionResult
	Sections  []SectionResult
	Items     int     // rated questions with answers
	Mean      float64 // mean of the rated questions' means on the form's scale (each item weighs the same)
	Category  string
	Percent   float64 // Mean on 0–100 (data.Scale.ToPercent)
	IPA       *IPAResult
}

// ratedMean averages item means given on 0–100 and returns the average on scale sc, its category and percent.
func ratedMean(percents []float64, sc data.Scale) (mean float64, category string, percent float64) {
	if len(percents) == 0 {
		return math.NaN(), "", math.NaN()
	}
	var sum float64
	for _, p := range percents {
		sum += p
	}
	percent = sum / float64(len(percents))
	mean = percent / 100 * sc.Max()
	return mean, sc.Category(mean), percent
}

// qacc gathers the answers to one question.
type qacc struct {
	res        *QuestionResult
	perf, imp  accumulator
	points     []int // per scale point or band
	impPoints  []int
	options    []int
	optIndex   map[string]int
	yes, no    int
	answered   int
	correct    int
	discrete   bool
	scaleMin   int
	legendLows []data.Band
}

func newQacc(f *data.Form, q *data.Question, number int, section string) *qacc {
	a := &qacc{res: &QuestionResult{Number: number, Question: q, Section: section}}
	switch q.Kind {
	case data.QuestionScale, data.QuestionImportancePerf:
		sc := f.ScaleOf(q)
		a.res.Scale = sc
		if n := sc.Points(); n > 0 {
			a.discrete, a.scaleMin = true, int(sc.Min())
			a.points = make([]int, n)
			a.impPoints = make([]int, n)
		} else {
			a.legendLows = sc.Legend()
			a.points = make([]int, len(a.legendLows))
			a.impPoints = make([]int, len(a.legendLows))
		}
	case data.QuestionSingleChoice, data.QuestionMultiChoice, data.QuestionTestItem:
		a.options = make([]int, len(q.Options))
		a.optIndex = make(map[string]int, len(q.Options))
		for i, o := range q.Options {
			a.optIndex[o] = i
		}
	}
	return a
}

// bin returns the bucket of a scale value: its point, or its legend band on 0–100.
func (a *qacc) bin(v float64) int {
	if a.discrete {
		i := int(v) - a.scaleMin
		if i < 0 || i >= len(a.points) {
			return -1
		}
		return i
	}
	i := 0
	for j, b := range a.legendLows {
		if v > b.Lo || (!b.Above && v == b.Lo) {
			i = j
		}
	}
	return i
}

func (a *qacc) add(ans *data.Answer) {
	q := a.res.Question
	switch q.Kind {
	case data.QuestionScale, data.QuestionNumber:
		if !ans.HasNumber {
			return
		}
		a.perf.add(ans.Number)
		if a.points != nil {
			if i := a.bin(ans.Number); i >= 0 {
				a.points[i]++
			}
		}
	case data.QuestionImportancePerf:
		if ans.HasNumber {
			a.imp.add(ans.Number)
			if i := a.bin(ans.Number); i >= 0 {
				a.impPoints[i]++
			}
		}
		if !ans.HasNumber2 {
			return
		}
		a.perf.add(ans.Number2)
		if i := a.bin(ans.Number2); i >= 0 {
			a.points[i]++
		}
	case data.QuestionYesNo:
		switch ans.Text {
		case data.Yes:
			a.yes++
			a.perf.add(1)
		case data.No:
			a.no++
			a.perf.add(0)
		default:
			return
		}
	case data.QuestionSingleChoice:
		i, ok := a.optIndex[ans.Text]
		if !ok {
			return
		}
		a.options[i]++
	case data.QuestionMultiChoice:
		counted := false
		for _, c := range ans.Choices {
			if i, ok := a.optIndex[c]; ok {
				a.options[i]++
				counted = true
			}
		}
		if !counted {
			return
		}
	case data.QuestionTestItem:
		i, ok := a.optIndex[ans.Text]
		if !ok {
			return
		}
		a.options[i]++
		if ans.Text == q.Correct {
			a.correct++
			a.perf.add(q.Points)
		} else {
			a.perf.add(0)
		}
	case data.QuestionShortText, data.QuestionLongText:
		if ans.Text == "" {
			return
		}
		a.res.Texts = append(a.res.Texts, ans.Text)
	}
	a.answered++
}

func buckets(counts []int, total int, label func(i int) (string, float64)) []Bucket {
	out := make([]Bucket, len(counts))
	for i, n := range counts {
		l, v := label(i)
		out[i] = Bucket{Label: l, Value: v, N: n, Share: share(n, total)}
	}
	return out
}

func share(n, total int) float64 {
	if total == 0 {
		return math.NaN()
	}
	return float64(n) / float64(total)
}

func (a *qacc) finish(f *data.Form, responses int) *QuestionResult {
	r, q := a.res, a.res.Question
	r.Answered = a.answered
	r.Stat = a.perf.stat()
	r.Category, r.Percent, r.Difficulty = "", math.NaN(), math.NaN()
	switch q.Kind {
	case data.QuestionScale, data.QuestionImportancePerf:
		r.Category = r.Scale.Category(r.Stat.Mean)
		r.Percent = r.Scale.ToPercent(r.Stat.Mean)
		label := func(words []string) func(i int) (string, float64) {
			return func(i int) (string, float64) {
				if !a.discrete {
					return a.legendLows[i].Label, math.NaN()
				}
				w := ""
				if i < len(words) {
					w = words[i]
				}
				return w, float64(a.scaleMin + i)
			}
		}
		r.Distribution = buckets(a.points, r.Stat.N, label(f.PointLabels(q)))
		if q.Kind == data.QuestionImportancePerf {
			r.Importance = a.imp.stat()
			r.ImportanceDistribution = buckets(a.impPoints, r.Importance.N, label(r.Scale.ImportanceLabels()))
		}
	case data.QuestionYesNo:
		r.Distribution = []Bucket{{Label: data.Yes, Value: math.NaN(), N: a.yes, Share: share(a.yes, a.answered)},
			{Label: data.No, Value: math.NaN(), N: a.no, Share: share(a.no, a.answered)}}
	case data.QuestionSingleChoice, data.QuestionMultiChoice, data.QuestionTestItem:
		r.Distribution = buckets(a.options, a.answered, func(i int) (string, float64) { return q.Options[i], math.NaN() })
		if q.Kind == data.QuestionTestItem {
			r.Correct = a.correct
			r.Difficulty = share(a.correct, responses)
		}
	}
	return r
}

// Form analyses the responses to one form. Hidden questions are left out, as they are from the form itself.
func Form(f *data.Form, responses []*data.Response) *FormResult {
	res := &FormResult{Form: f, Scale: f.Scale, Responses: len(responses)}
	if !res.Scale.Valid() {
		res.Scale = data.Scale4
	}
	accs := map[int64]*qacc{}
	var order []*qacc
	number := 0
	for _, sec := range f.Sections {
		for _, q := range sec.Questions {
			if q.Hidden {
				continue
			}
			number++
			a := newQacc(f, q, number, sec.Title)
			accs[q.ID] = a
			order = append(order, a)
		}
	}
	for _, r := range responses {
		for i := range r.Answers {
			if a := accs[r.Answers[i].QuestionID]; a != nil {
				a.add(&r.Answers[i])
			}
		}
	}
	for _, a := range order {
		res.Questions = append(res.Questions, a.finish(f, len(responses)))
	}
	res.summarise(f)
	return res
}

// summarise fills in what follows from the question results: the number of rated items, the form's mean,
// each section's mean and the importance-performance quadrants.
func (res *FormResult) summarise(f *data.Form) {
	var all []float64
	bySection := map[string][]float64{}
	for _, qr := range res.Questions {
		if qr.IsRated() && qr.Stat.N > 0 {
			all = append(all, qr.Percent)
			bySection[qr.Section] = append(bySection[qr.Section], qr.Percent)
		}
	}
	res.Items = len(all)
	res.Mean, res.Category, res.Percent = ratedMean(all, res.Scale)
	for _, sec := range f.Sections {
		items := bySection[sec.Title]
		if len(items) == 0 {
			continue
		}
		sr := SectionResult{Title: sec.Title, Items: len(items)}
		sr.Mean, sr.Category, sr.Percent = ratedMean(items, res.Scale)
		res.Sections = append(res.Sections, sr)
		delete(bySection, sec.Title) // two sections with one title are reported once
	}
	res.IPA = IPA(res.Questions)
}

// SpeakerResult is the judgement of one speaker on a speaker form.
type SpeakerResult struct {
	Rank      int // 1 for the best mean; equal means (to two decimals) share a rank
	Speaker   string
	Responses int
	Mean      float64 // mean of the rated questions' means, on the form's scale
	Category  string
	Percent   float64
	Questions []*QuestionResult
}

// Speakers analyses a speaker form per speaker (response.Speaker) and ranks them by mean, best first;
// speakers without rated answers come last, unranked (Rank 0).
func Speakers(f *data.Form, responses []*data.Response) []SpeakerResult {
	groups := map[string][]*data.Response{}
	var names []string
	for _, r := range responses {
		if _, ok := groups[r.Speaker]; !ok {
			names = append(names, r.Speaker)
		}
		groups[r.Speaker] = append(groups[r.Speaker], r)
	}
	out := make([]SpeakerResult, 0, len(names))
	for _, name := range names {
		fr := Form(f, groups[name])
		out = append(out, SpeakerResult{Speaker: name, Responses: fr.Responses, Mean: fr.Mean, Category: fr.Category,
			Percent: fr.Percent, Questions: fr.Questions})
	}
	rounded := func(v float64) float64 { return math.Round(v*100) / 100 }
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i].Mean, out[j].Mean
		switch {
		case math.IsNaN(a) || math.IsNaN(b):
			return !math.IsNaN(a) && math.IsNaN(b)
		case rounded(a) != rounded(b):
			return a > b
		}
		return out[i].Speaker < out[j].Speaker
	})
	for i := range out {
		switch {
		case math.IsNaN(out[i].Mean):
			out[i].Rank = 0
		case i > 0 && rounded(out[i].Mean) == rounded(out[i-1].Mean):
			out[i].Rank = out[i-1].Rank
		default:
			out[i].Rank = i + 1
		}
	}
	return out
}
