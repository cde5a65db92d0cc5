package importer

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/pembina/pembina/data"
	"github.com/pembina/pembina/data/indo"
)

// ladder is a scale's answer words from the lowest point up; each step lists the spellings met in Google Forms
// exports, Indonesian and English, already folded with data.SearchKey.
type ladder [][]string

// ladders are the answer scales survey forms use. A column is read with the one ladder that holds all its
// words, so that "tidak setuju" is point 2 of Sangat Tidak Setuju … Sangat Setuju and point 1 of Tidak
// Setuju … Sangat Setuju.
var ladders = []ladder{
	{{"tidak baik", "sangat tidak baik", "buruk", "very poor", "bad"}, {"kurang baik", "kurang", "poor", "not good"},
		{"baik", "good"}, {"sangat baik", "very good", "excellent"}},
	{{"tidak baik", "sangat kurang", "sangat tidak baik", "sangat buruk", "very poor", "very bad", "bad"},
		{"kurang baik", "kurang", "buruk", "poor", "not good"}, {"cukup", "cukup baik", "fair", "average"},
		{"baik", "good"}, {"sangat baik", "very good", "excellent"}},
	{{"sangat tidak setuju", "strongly disagree"}, {"tidak setuju", "disagree"}, {"setuju", "agree"},
		{"sangat setuju", "strongly agree"}},
	{{"tidak setuju", "disagree"}, {"kurang setuju", "somewhat disagree"}, {"setuju", "agree"}, {"sangat setuju", "strongly agree"}},
	{{"sangat tidak setuju", "strongly disagree"}, {"tidak setuju", "disagree"},
		{"ragu ragu", "netral", "cukup setuju", "kurang setuju", "neutral", "neither agree nor disagree"},
		{"setuju", "agree"}, {"sangat setuju", "strongly agree"}},
	{{"tidak puas", "sangat tidak puas", "very dissatisfied"}, {"kurang puas", "dissatisfied"}, {"puas", "satisfied"},
		{"sangat puas", "very satisfied"}},
	{{"sangat tidak puas", "very dissatisfied"}, {"tidak puas", "dissatisfied"}, {"cukup puas", "netral", "neutral"},
		{"puas", "satisfied"}, {"sangat puas", "very satisfied"}},
	{{"tidak penting", "sangat tidak penting", "not important"}, {"kurang penting", "slightly important"},
		{"penting", "important"}, {"sangat penting", "very important"}},
	{{"tidak penting", "sangat tidak penting", "not important"}, {"kurang penting", "slightly important"},
		{"cukup penting", "moderately important"}, {"penting", "important"}, {"sangat penting", "very important"}},
}

// index returns the 0-based step of a folded word, or -1.
func (l ladder) index(word string) int {
	for i, step := range l {
		for _, w := range step {
			if w == word {
				return i
			}
		}
	}
	return -1
}

// labels are the ladder's first spellings with capitals, for the questions of a new form.
func (l ladder) labels() []string {
	out := make([]string, len(l))
	for i, step := range l {
		words := strings.Fields(step[0])
		for j, w := range words {
			words[j] = strings.ToUpper(w[:1]) + w[1:]
		}
		out[i] = strings.ReplaceAll(strings.Join(words, " "), "Ragu Ragu", "Ragu-ragu")
	}
	return out
}

// leadingNumber reads answers written as a number, alone or with its word: "4", "4 - Sangat Baik",
// "Sangat Baik (4)", "3,5".
var leadingNumber = regexp.MustCompile(`^\s*(-?\d+(?:[.,]\d+)?)(?:\s*[-–—.:)]\s*.*|\s+.*)?$`)
var trailingNumber = regexp.MustCompile(`\((-?\d+(?:[.,]\d+)?)\)\s*$`)

// number reads a cell that holds a number, as typed or with its label.
func number(cell string) (float64, bool) {
	s := strings.TrimSpace(cell)
	if s == "" {
		return 0, false
	}
	if v, err := indo.ParseDecimal(s); err == nil {
		return v, true
	}
	if m := leadingNumber.FindStringSubmatch(s); m != nil {
		if v, err := indo.ParseDecimal(m[1]); err == nil {
			return v, true
		}
	}
	if m := trailingNumber.FindStringSubmatch(s); m != nil {
		if v, err := indo.ParseDecimal(m[1]); err == nil {
			return v, true
		}
	}
	return 0, false
}

// scaleReader turns a column's cells into points of a question's scale, by number or by word.
type scaleReader struct {
	scale  data.Scale
	own    []string // the question's own words per point, folded
	ladder ladder   // the ladder holding the column's words, when one does
}

// newScaleReader prepares reading a column of answers to a question on sc with the given words per point.
func newScaleReader(sc data.Scale, words []string, cells []string) *scaleReader {
	r := &scaleReader{scale: sc}
	for _, w := range words {
		r.own = append(r.own, data.SearchKey(w))
	}
	if sc.Points() > 0 {
		r.ladder = bestLadder(cells, sc.Points())
	}
	return r
}

// bestLadder returns the ladder of n steps that holds the most of the cells' words (the first of equals).
func bestLadder(cells []string, n int) ladder {
	words := map[string]bool{}
	for _, c := range cells {
		if _, ok := number(c); !ok && strings.TrimSpace(c) != "" {
			words[data.SearchKey(c)] = true
		}
	}
	var best ladder
	bestN := 0
	for _, l := range ladders {
		if n > 0 && len(l) != n {
			continue
		}
		k := 0
		for w := range words {
			if l.index(w) >= 0 {
				k++
			}
		}
		if k > bestN {
			best, bestN = l, k
		}
	}
	return best
}

// read returns the point of a cell, or an error message that names the allowed values.
func (r *scaleReader) read(cell string) (float64, string) {
	if v, ok := number(cell); ok {
		if !r.scale.Contains(v) {
			if r.scale == data.Scale100 {
				return 0, "nilai " + quote(cell) + " di luar skala 0–100"
			}
			return 0, "nilai " + quote(cell) + " di luar skala; isi bilangan bulat " + r.scale.Label()
		}
		return v, ""
	}
	key := data.SearchKey(cell)
	for i, w := range r.own {
		if w == key {
			return r.scale.Min() + float64(i), ""
		}
	}
	if r.ladder != nil {
		if i := r.ladder.index(key); i >= 0 {
			return r.scale.Min() + float64(i), ""
		}
	}
	for _, l := range ladders {
		if len(l) == r.scale.Points() {
			if i := l.index(key); i >= 0 {
				return r.scale.Min() + float64(i), ""
			}
		}
	}
	if r.scale.Points() == 0 {
		return 0, "jawaban " + quote(cell) + " bukan angka 0–100"
	}
	return 0, "jawaban " + quote(cell) + " tidak dikenal; isi angka " + r.scale.Label() + " atau kata skala seperti Sangat Baik, Baik, Kurang Baik, Tidak Baik"
}

// quote writes a cell's value in a message, shortened when long.
func quote(s string) string { return quoteN(s, 40) }

// quoteN writes s in quotes, cut at n characters.
func quoteN(s string, n int) string {
	s = strings.TrimSpace(s)
	if r := []rune(s); len(r) > n {
		s = string(r[:n]) + "…"
	}
	return strconv.Quote(s)
}
