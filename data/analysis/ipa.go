package analysis

import (
	"math"

	"github.com/pembina/pembina/data"
)

// Quadrant is a cell of the importance-performance chart (Martilla and James), as Indonesian evaluation
// reports number them.
type Quadrant int

// The quadrants.
const (
	QuadrantPriority Quadrant = 1 // important, performing below average: fix first
	QuadrantKeep     Quadrant = 2 // important and performing well: keep it up
	QuadrantLow      Quadrant = 3 // less important, performing below average: low priority
	QuadrantExcess   Quadrant = 4 // less important, performing well: possibly overdone
)

// Label names the quadrant in Indonesian: "Kuadran I – Prioritas Utama".
func (q Quadrant) Label() string {
	switch q {
	case QuadrantPriority:
		return "Kuadran I – Prioritas Utama"
	case QuadrantKeep:
		return "Kuadran II – Pertahankan Prestasi"
	case QuadrantLow:
		return "Kuadran III – Prioritas Rendah"
	case QuadrantExcess:
		return "Kuadran IV – Berlebihan"
	}
	return ""
}

// Quadrants lists the quadrants in order.
var Quadrants = []Quadrant{QuadrantPriority, QuadrantKeep, QuadrantLow, QuadrantExcess}

// IPAItem is one importance × performance question placed on the chart.
type IPAItem struct {
	Number      int
	Question    *data.Question
	Importance  float64 // mean harapan
	Performance float64 // mean kenyataan
	Gap         float64 // Performance − Importance; negative means expectations are not met
	Conformity  float64 // tingkat kesesuaian: Performance ÷ Importance (0–1 and above)
	Quadrant    Quadrant
}

// IPAResult is the importance-performance analysis of a form: the chart's cross lines are the means of the
// item means, and each item falls in a quadrant.
type IPAResult struct {
	Importance  float64 // mean of the items' importance means (the vertical line)
	Performance float64 // mean of the items' performance means (the horizontal line)
	Conformity  float64 // Performance ÷ Importance
	Items       []IPAItem
}

// IPA places the importance × performance questions that have both halves answered. An item exactly on a
// line counts as high (important, or performing well). It returns nil when there is no such question.
func IPA(questions []*QuestionResult) *IPAResult {
	var items []IPAItem
	var sumI, sumP float64
	for _, q := range questions {
		if q.Question.Kind != data.QuestionImportancePerf || q.Importance.N == 0 || q.Stat.N == 0 {
			continue
		}
		it := IPAItem{Number: q.Number, Question: q.Question, Importance: q.Importance.Mean, Performance: q.Stat.Mean}
		it.Gap = it.Performance - it.Importance
		it.Conformity = ratio(it.Performance, it.Importance)
		items = append(items, it)
		sumI += it.Importance
		sumP += it.Performance
	}
	if len(items) == 0 {
		return nil
	}
	res := &IPAResult{Importance: sumI / float64(len(items)), Performance: sumP / float64(len(items)), Items: items}
	res.Conformity = ratio(res.Performance, res.Importance)
	for i := range res.Items {
		it := &res.Items[i]
		high, good := it.Importance >= res.Importance, it.Performance >= res.Performance
		switch {
		case high && !good:
			it.Quadrant = QuadrantPriority
		case high && good:
			it.Quadrant = QuadrantKeep
		case !high && !good:
			it.Quadrant = QuadrantLow
		default:
			it.Quadrant = QuadrantExcess
		}
	}
	return res
}

// In returns the items of one quadrant, in question order.
func (r *IPAResult) In(q Quadrant) []IPAItem {
	var out []IPAItem
	for _, it := range r.Items {
		if it.Quadrant == q {
			out = append(out, it)
		}
	}
	return out
}

func ratio(a, b float64) float64 {
	if b == 0 {
		return math.NaN()
	}
	return a / b
}
