package importer

import (
	"math"
	"strings"

	"github.com/pembina/pembina/data"
	"github.com/pembina/pembina/data/indo"
)

// Infer makes a new form from the question columns, for an import without a form: grid questions become
// sections, a pair of grids that ask the importance and the performance of the same rows becomes
// importance × performance questions, and each question's kind is inferred from its answers (see
// inferQuestion). A question is required when every row answered it. The columns come back mapped to the
// new form's questions.
func (rf *ResponseFile) Infer(title string) (*data.Form, []ResponseColumn) {
	cols := append([]ResponseColumn(nil), rf.Columns...)
	f := &data.Form{Title: title, Kind: data.FormOther, Scale: data.Scale4}
	// Pairs: rows asked both as importance and as performance.
	parts := map[string]map[Part]int{}
	for i, c := range cols {
		if c.Role == RoleQuestion && c.Row != "" {
			if p := partOf(c.Title); p != PartWhole {
				k := questionKey(c.Row)
				if parts[k] == nil {
					parts[k] = map[Part]int{}
				}
				if _, dup := parts[k][p]; !dup {
					parts[k][p] = i
				}
			}
		}
	}
	paired := func(c ResponseColumn) (imp, perf int, ok bool) {
		if c.Row == "" {
			return 0, 0, false
		}
		p := parts[questionKey(c.Row)]
		imp, okI := p[PartImportance]
		perf, okP := p[PartPerformance]
		return imp, perf, okI && okP && partOf(c.Title) != PartWhole
	}
	var current *data.Section
	section := func(title string) *data.Section {
		if current == nil || current.Title != title {
			current = &data.Section{Title: title}
			f.Sections = append(f.Sections, current)
		}
		return current
	}
	scales := map[data.Scale]int{}
	var questions []*data.Question
	for i := range cols {
		c := &cols[i]
		if c.Role != RoleQuestion {
			continue
		}
		imp, perf, ok := paired(*c)
		if ok {
			if i != min(imp, perf) {
				continue // the pair's second column, mapped with the first
			}
			q := &data.Question{Kind: data.QuestionImportancePerf, Text: c.Row}
			// Each half is read on its own words (Penting … / Baik …); the pair takes the longer scale.
			q.Scale = data.Scale4
			for _, col := range []int{imp, perf} {
				if sc, _ := inferScale(rf.column(col)); sc == data.Scale5 {
					q.Scale = data.Scale5
				}
			}
			q.Required = rf.full(imp) && rf.full(perf)
			scales[q.Scale]++
			s := section("Harapan dan Kenyataan")
			s.Questions = append(s.Questions, q)
			questions = append(questions, q)
			cols[imp].Question, cols[imp].Part = len(questions)-1, PartImportance
			cols[perf].Question, cols[perf].Part = len(questions)-1, PartPerformance
			continue
		}
		text, sec := c.Header, ""
		if c.Row != "" {
			text, sec = c.Row, c.Title
		}
		q := inferQuestion(text, rf.column(i))
		q.Required = rf.full(i) && len(rf.Rows) > 0
		if q.Scale != "" {
			scales[q.Scale]++
		}
		s := section(sec)
		s.Questions = append(s.Questions, q)
		questions = append(questions, q)
		c.Question, c.Part = len(questions)-1, PartWhole
	}
	best := 0
	for _, sc := range []data.Scale{data.Scale4, data.Scale5, data.Scale100} {
		if scales[sc] > best {
			f.Scale, best = sc, scales[sc]
		}
	}
	for _, q := range questions {
		if len(q.Labels) > 0 && equalFold(q.Labels, f.ScaleOf(q).DefaultLabels()) {
			q.Labels = nil
		}
	}
	return f, cols
}

func equalFold(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if data.SearchKey(a[i]) != data.SearchKey(b[i]) {
			return false
		}
	}
	return true
}

func (rf *ResponseFile) column(col int) []string {
	out := make([]string, len(rf.Rows))
	for r := range rf.Rows {
		out[r] = rf.Cell(r, col)
	}
	return out
}

func (rf *ResponseFile) full(col int) bool {
	for r := range rf.Rows {
		if rf.Cell(r, col) == "" {
			return false
		}
	}
	return true
}

var yesNoWords = map[string]bool{"ya": true, "tidak": true, "yes": true, "no": true, "y": true, "t": true}

// scoreWords in a heading say that numbers up to 100 are a 0–100 rating rather than a count.
var scoreWords = []string{"nilai", "skor", "score", "skala", "0 100", "persen", "rating"}

// inferScale reads a column as a scale: whole numbers 1–4 or 1–5, or the words of one ladder (with numbers
// in its range). It returns "" when the column is not a scale, and the ladder's words when it used one.
func inferScale(cells []string) (data.Scale, []string) {
	var nums []float64
	var words []string
	for _, c := range cells {
		if c == "" {
			continue
		}
		if v, ok := number(c); ok {
			nums = append(nums, v)
		} else {
			words = append(words, c)
		}
	}
	if len(nums)+len(words) == 0 {
		return "", nil
	}
	lo, hi, whole := math.Inf(1), math.Inf(-1), true
	for _, v := range nums {
		lo, hi = math.Min(lo, v), math.Max(hi, v)
		whole = whole && v == math.Trunc(v)
	}
	if len(words) == 0 {
		switch {
		case whole && lo >= 1 && hi <= 4:
			return data.Scale4, nil
		case whole && lo >= 1 && hi <= 5:
			return data.Scale5, nil
		}
		return "", nil
	}
	for _, n := range []int{4, 5} {
		l := bestLadder(words, n)
		if l == nil {
			continue
		}
		all := true
		for _, w := range words {
			all = all && l.index(data.SearchKey(w)) >= 0
		}
		if all && (len(nums) == 0 || (whole && lo >= 1 && hi <= float64(n))) {
			if n == 4 {
				return data.Scale4, l.labels()
			}
			return data.Scale5, l.labels()
		}
	}
	return "", nil
}

// inferQuestion guesses a question's kind from its answers: a scale when every answer is a number of a
// scale or a known scale word; yes/no for Ya and Tidak; a 0–100 scale for numbers up to 100 under a heading
// that says so, a number question for other numbers; a multiple choice when answers are lists ("A, B") of a
// few options; a single choice when few distinct answers repeat; text otherwise (long when any answer is
// long or has several lines).
func inferQuestion(text string, cells []string) *data.Question {
	q := &data.Question{Text: text}
	var vals []string
	for _, c := range cells {
		if c != "" {
			vals = append(vals, c)
		}
	}
	if len(vals) == 0 {
		q.Kind = data.QuestionShortText
		return q
	}
	if sc, labels := inferScale(vals); sc != "" {
		q.Kind, q.Scale, q.Labels = data.QuestionScale, sc, labels
		return q
	}
	yesNo, numeric := true, true
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, v := range vals {
		yesNo = yesNo && yesNoWords[data.SearchKey(v)]
		n, err := indo.ParseDecimal(v)
		numeric = numeric && err == nil
		if err == nil {
			lo, hi = math.Min(lo, n), math.Max(hi, n)
		}
	}
	switch {
	case yesNo:
		q.Kind = data.QuestionYesNo
		return q
	case numeric:
		q.Kind = data.QuestionNumber
		key := data.SearchKey(text)
		for _, w := range scoreWords {
			if strings.Contains(key, w) && lo >= 0 && hi <= 100 {
				q.Kind, q.Scale = data.QuestionScale, data.Scale100
			}
		}
		return q
	}
	// Checkbox answers come joined with ", ".
	var parts []string
	seenPart := map[string]bool{}
	listed, total := false, 0
	for _, v := range vals {
		ps := strings.Split(v, ", ")
		listed = listed || len(ps) > 1
		for _, p := range ps {
			p = strings.TrimSpace(p)
			total++
			if p != "" && !seenPart[data.SearchKey(p)] {
				seenPart[data.SearchKey(p)] = true
				parts = append(parts, p)
			}
		}
	}
	if listed && len(parts) >= 2 && len(parts) <= 8 && total >= 2*len(parts) {
		q.Kind, q.Options = data.QuestionMultiChoice, parts
		return q
	}
	var distinct []string
	seen := map[string]bool{}
	long := false
	for _, v := range vals {
		long = long || len([]rune(v)) > 100 || strings.Contains(v, "\n")
		if k := data.SearchKey(v); !seen[k] {
			seen[k] = true
			distinct = append(distinct, v)
		}
	}
	if !long && len(distinct) >= 2 && len(distinct) <= 6 && len(vals) >= 2*len(distinct) {
		q.Kind, q.Options = data.QuestionSingleChoice, distinct
		return q
	}
	q.Kind = data.QuestionShortText
	if long {
		q.Kind = data.QuestionLongText
	}
	return q
}
