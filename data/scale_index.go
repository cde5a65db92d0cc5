package data

import "math"

// The satisfaction index (indeks kepuasan) puts satisfaction means on 0–100: a 1–4 mean times 25, as the
// public-service satisfaction survey of PermenPANRB 14/2017 does (Scale.ToPercent). Its categories are that
// regulation's intervals, not the 0–100 test-score legend:
//
//	25,00–64,99 Tidak Baik · 65,00–76,60 Kurang Baik · 76,61–88,30 Baik · 88,31–100,00 Sangat Baik
//
// They are the 1–4 legend on another axis: every 1–4 mean as printed (two decimals) falls in the same
// category as its index. Only a mean within half a hundredth of a boundary (3,0642 prints as 3,06 and its
// index 76,605 as 76,61) could read otherwise, which is why a program's satisfaction gets one category,
// decided on the scale its items were answered on (SatisfactionCategory), and the index is printed with it.
var indexLegend = []Band{{25, false, "Tidak Baik"}, {65, false, "Kurang Baik"}, {76.61, false, "Baik"}, {88.31, false, "Sangat Baik"}}

// IndexMin is the lowest satisfaction index of a 1–4 survey (a mean of 1).
const IndexMin = 25

// IndexCategory names the category of a satisfaction index, rounded to the two decimals it is printed with.
func IndexCategory(index float64) string { return bandOf(indexLegend, index) }

// IndexLegendEntries writes the index's categories as printed: "25,00–64,99" Tidak Baik, …
func IndexLegendEntries() []LegendEntry { return legendEntries(indexLegend, 100) }

// IndexLegendText writes the index legend in one line: "25,00–64,99 Tidak Baik · 65,00–76,60 Kurang Baik · …".
func IndexLegendText() string { return legendText(IndexLegendEntries()) }

// SatisfactionCategory is the one category of a satisfaction figure: the category of mean on scale, the
// scale its items were answered on, or, when the items used different scales (scale ""), the category of the
// index. A figure printed as a mean and as an index carries this one category on both.
func SatisfactionCategory(scale Scale, mean, index float64) string {
	if scale.Valid() {
		return scale.Category(mean)
	}
	return IndexCategory(index)
}

// SatisfactionMix averages satisfaction figures on 0–100, each weighing the same (a program's rated items, a
// period's programs, the programs of one kind), and keeps track of the scales they were answered on, so that
// the average gets its one category the same way everywhere: on the shared scale's legend, or on the index's
// when the scales differ (SatisfactionCategory).
type SatisfactionMix struct {
	sum   float64
	n     int
	scale Scale
	mixed bool
}

// Add counts one figure: percent on 0–100, from items answered on scale ("" when they mixed scales). NaN
// figures are left out.
func (m *SatisfactionMix) Add(scale Scale, percent float64) {
	if math.IsNaN(percent) {
		return
	}
	switch {
	case m.n == 0:
		m.scale = scale
	case scale != m.scale:
		m.mixed = true
	}
	m.sum += percent
	m.n++
}

// N is the number of figures added.
func (m *SatisfactionMix) N() int { return m.n }

// Result is the average: its shared scale ("" when the figures mixed scales or none was added), the mean on
// that scale (NaN without one), the index on 0–100 (NaN when nothing was added) and the category.
func (m *SatisfactionMix) Result() (scale Scale, mean, percent float64, category string) {
	mean, percent = math.NaN(), math.NaN()
	if m.n == 0 {
		return "", mean, percent, ""
	}
	percent = m.sum / float64(m.n)
	if !m.mixed && m.scale.Valid() {
		scale = m.scale
		mean = percent / 100 * scale.Max()
	}
	return scale, mean, percent, SatisfactionCategory(scale, mean, percent)
}
