package data

import (
	"math"
	"strings"

	"github.com/pembina/pembina/data/indo"
)

// Scale is an answer scale of docs/domain.md §4: "1-4", "1-5" or "0-100".
type Scale string

// The scales.
const (
	Scale4   Scale = "1-4"
	Scale5   Scale = "1-5"
	Scale100 Scale = "0-100"
)

// Valid reports whether s is one of the three scales.
func (s Scale) Valid() bool { return s == Scale4 || s == Scale5 || s == Scale100 }

// Min is the lowest value of the scale.
func (s Scale) Min() float64 {
	if s == Scale100 {
		return 0
	}
	return 1
}

// Max is the highest value of the scale.
func (s Scale) Max() float64 {
	switch s {
	case Scale5:
		return 5
	case Scale100:
		return 100
	}
	return 4
}

// Points is the number of answer points of a discrete scale (4 or 5), or 0 for 0–100.
func (s Scale) Points() int {
	switch s {
	case Scale4:
		return 4
	case Scale5:
		return 5
	}
	return 0
}

// Contains reports whether v is an answer the scale allows: a whole point of 1–4 or 1–5, any number in 0–100.
func (s Scale) Contains(v float64) bool {
	if math.IsNaN(v) || v < s.Min() || v > s.Max() {
		return false
	}
	return s == Scale100 || v == math.Trunc(v)
}

// Label is the scale as the window writes it: "1–4".
func (s Scale) Label() string { return strings.ReplaceAll(string(s), "-", "–") }

// DefaultLabels are the words printed under each point of a discrete scale, lowest first (none for 0–100).
func (s Scale) DefaultLabels() []string {
	switch s {
	case Scale4:
		return []string{"Tidak Baik", "Kurang Baik", "Baik", "Sangat Baik"}
	case Scale5:
		return []string{"Tidak Baik", "Kurang Baik", "Cukup", "Baik", "Sangat Baik"}
	}
	return nil
}

// ImportanceLabels are the words for the importance (harapan) half of an importance × performance pair.
func (s Scale) ImportanceLabels() []string {
	switch s {
	case Scale4:
		return []string{"Tidak Penting", "Kurang Penting", "Penting", "Sangat Penting"}
	case Scale5:
		return []string{"Tidak Penting", "Kurang Penting", "Cukup Penting", "Penting", "Sangat Penting"}
	}
	return nil
}

// Band is one category of a scale's legend: values from Lo (inclusive, or exclusive when Above is set) up to
// the next band's Lo.
type Band struct {
	Lo    float64
	Above bool // the band starts just above Lo ("di atas 4,35"), as the 1–5 legend is written
	Label string
}

// Legend returns the categories of docs/domain.md §4, lowest first. Every report prints it.
//   - 1–4 (public-service survey style): [1; 2,60) Tidak Baik, [2,60; 3,07) Kurang Baik, [3,07; 3,54) Baik,
//     [3,54; 4] Sangat Baik;
//   - 1–5: up to 1,80 Tidak Baik, above 1,80 Kurang Baik, above 2,60 Cukup, above 3,40 Baik, above 4,35 Sangat Baik;
//   - 0–100: the satisfaction index's intervals (PermenPANRB 14/2017, IndexCategory) from 0: [0; 65) Tidak Baik,
//     [65; 76,61) Kurang Baik, [76,61; 88,31) Baik, [88,31; 100] Sangat Baik. A rated answer on 0–100 is
//     satisfaction on the index's own axis, so it takes the index's categories, never the test-score legend
//     (Sangat Kurang … Sangat Baik, for nilai): mixing 1–4 and 0–100 forms then never moves a category.
func (s Scale) Legend() []Band {
	switch s {
	case Scale5:
		return []Band{{1, false, "Tidak Baik"}, {1.80, true, "Kurang Baik"}, {2.60, true, "Cukup"}, {3.40, true, "Baik"},
			{4.35, true, "Sangat Baik"}}
	case Scale100:
		return append([]Band{{0, false, indexLegend[0].Label}}, indexLegend[1:]...)
	}
	return []Band{{1, false, "Tidak Baik"}, {2.60, false, "Kurang Baik"}, {3.07, false, "Baik"}, {3.54, false, "Sangat Baik"}}
}

// Category names the band a mean falls in. The mean is first rounded to the two decimals reports print, so
// that a printed "3,07" is always Baik and never a Kurang Baik 3,0689.
func (s Scale) Category(mean float64) string { return bandOf(s.Legend(), mean) }

// bandOf names the band of legend that v, rounded to two decimals, falls in; "" for NaN. Values below the
// first band belong to it.
func bandOf(legend []Band, v float64) string {
	if math.IsNaN(v) {
		return ""
	}
	m := math.Round(v*100) / 100
	label := legend[0].Label
	for _, b := range legend[1:] {
		if m > b.Lo || (!b.Above && m == b.Lo) {
			label = b.Label
		}
	}
	return label
}

// LegendEntry is one category of a legend as printed: its range with two decimals and its name.
type LegendEntry struct {
	Range string // "2,60–3,06"
	Label string // "Kurang Baik"
}

// LegendEntries writes each band's range with the two decimals means are printed with, lowest first.
func (s Scale) LegendEntries() []LegendEntry { return legendEntries(s.Legend(), s.Max()) }

// legendEntries writes the ranges of legend, whose last band ends at max, with two decimals.
func legendEntries(legend []Band, max float64) []LegendEntry {
	out := make([]LegendEntry, len(legend))
	const decimals = 2
	const step = 0.01
	for i, b := range legend {
		lo := b.Lo
		if b.Above {
			lo += step
		}
		hi := max
		if i+1 < len(legend) {
			next := legend[i+1]
			hi = next.Lo
			if !next.Above {
				hi -= step
			}
		}
		out[i] = LegendEntry{Range: indo.Decimal(lo, decimals) + "–" + indo.Decimal(hi, decimals), Label: b.Label}
	}
	return out
}

// LegendText writes the legend in one line for reports: "1,00–2,59 Tidak Baik · 2,60–3,06 Kurang Baik · …".
func (s Scale) LegendText() string { return legendText(s.LegendEntries()) }

func legendText(entries []LegendEntry) string {
	parts := make([]string, len(entries))
	for i, e := range entries {
		parts[i] = e.Range + " " + e.Label
	}
	return strings.Join(parts, " · ")
}

// ToPercent puts a mean on the 0–100 axis of the satisfaction index (IndexCategory) as PermenPANRB 14/2017
// does (a 1–4 mean times 25): mean ÷ maximum × 100.
func (s Scale) ToPercent(mean float64) float64 { return mean / s.Max() * 100 }

// Gain categories of Hake's normalised gain (docs/domain.md §4).
const (
	GainHigh   = "Tinggi" // g ≥ 0,70
	GainMedium = "Sedang" // 0,30 ≤ g < 0,70
	GainLow    = "Rendah" // g < 0,30, negative gains included
)

// NormalisedGain is Hake's g = (post − pre) / (max − pre). It is undefined (ok false) when pre is already the
// maximum: nothing was left to learn. A post below the pre gives a negative g, which callers flag.
func NormalisedGain(pre, post, max float64) (g float64, ok bool) {
	if pre >= max {
		return 0, false
	}
	return (post - pre) / (max - pre), true
}

// GainCategory names a normalised gain: Tinggi, Sedang or Rendah.
func GainCategory(g float64) string {
	switch {
	case g >= 0.70:
		return GainHigh
	case g >= 0.30:
		return GainMedium
	}
	return GainLow
}

// FormatScore writes a score or mean with the given decimals in Indonesian ("3,45"), or "–" for NaN.
func FormatScore(v float64, decimals int) string {
	if math.IsNaN(v) {
		return "–"
	}
	return indo.Decimal(v, decimals)
}
