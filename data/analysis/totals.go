package analysis

import (
	"math"

	"github.com/pembina/pembina/data"
	"github.com/pembina/pembina/data/store"
)

// Totals are one question's numeric answers summed per attached form, as store.EvaluationTotals reads them
// for hundreds of programs at once.
type Totals = store.AnswerTotals

// statOf is the Stat of n values from their sum and sum of squares (sample standard deviation).
func statOf(n int, sum, sumSq float64) Stat {
	switch n {
	case 0:
		return Stat{Mean: math.NaN(), SD: math.NaN()}
	case 1:
		return Stat{N: 1, Mean: sum}
	}
	mean := sum / float64(n)
	v := max(0, (sumSq-float64(n)*mean*mean)/float64(n-1))
	return Stat{N: n, Mean: mean, SD: math.Sqrt(v)}
}

// FormFromTotals gives what Form gives for a form's rated and numeric questions when only the sums of their
// answers are at hand (the leadership workbook and the dashboard read a whole year this way, ten times faster
// than every answer): per scale, importance × performance and number question the count, mean, standard
// deviation, category and percent; the section and form means; the importance-performance quadrants; and
// therefore the same SatisfactionIndex. Distributions, texts, choices and test items need the answers
// themselves and are left empty (their Stat has N 0). responses is the number of responses to the form.
func FormFromTotals(f *data.Form, responses int, totals map[int64]Totals) *FormResult {
	res := &FormResult{Form: f, Scale: f.Scale, Responses: responses}
	if !res.Scale.Valid() {
		res.Scale = data.Scale4
	}
	number := 0
	for _, sec := range f.Sections {
		for _, q := range sec.Questions {
			if q.Hidden {
				continue
			}
			number++
			qr := &QuestionResult{Number: number, Question: q, Section: sec.Title, Stat: Stat{Mean: math.NaN(), SD: math.NaN()},
				Percent: math.NaN(), Difficulty: math.NaN()}
			t := totals[q.ID]
			switch q.Kind {
			case data.QuestionScale:
				qr.Scale, qr.Stat, qr.Answered = f.ScaleOf(q), statOf(t.N, t.Sum, t.SumSq), t.N
			case data.QuestionImportancePerf:
				qr.Scale, qr.Stat, qr.Importance, qr.Answered = f.ScaleOf(q), statOf(t.N2, t.Sum2, t.SumSq2), statOf(t.N, t.Sum, t.SumSq), t.N2
			case data.QuestionNumber:
				qr.Stat, qr.Answered = statOf(t.N, t.Sum, t.SumSq), t.N
			}
			if qr.IsRated() {
				qr.Category, qr.Percent = qr.Scale.Category(qr.Stat.Mean), qr.Scale.ToPercent(qr.Stat.Mean)
			}
			res.Questions = append(res.Questions, qr)
		}
	}
	res.summarise(f)
	return res
}
