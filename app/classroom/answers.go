package classroom

import (
	"html/template"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/pembina/pembina/data"
	"github.com/pembina/pembina/data/indo"
)

// fieldOf and field2Of name the form fields of a question's answer: "q<ID>", and "q<ID>k" for the performance (kenyataan) half of a pair.
func fieldOf(q *data.Question) string  { return "q" + strconv.FormatInt(q.ID, 10) }
func field2Of(q *data.Question) string { return fieldOf(q) + "k" }

// missingAnswer is the note of a required question left unanswered.
const missingAnswer = "Wajib dijawab."

// problemSummary is the box above a form sent back: the required questions left unanswered by number, each a
// link to its question, then the other problems by question.
type problemSummary struct {
	Missing []int
	Others  []string
}

func summarise(f *data.Form, problems map[int64]string) problemSummary {
	var sum problemSummary
	for i, q := range f.Visible() {
		switch msg := problems[q.ID]; msg {
		case "":
		case missingAnswer:
			sum.Missing = append(sum.Missing, i+1)
		default:
			sum.Others = append(sum.Others, data.QuestionRef(i+1, q)+": "+msg)
		}
	}
	return sum
}

// readAnswers turns the posted fields into a response, with a message per question whose field holds
// something the question cannot take (a changed option value, a word in a number) or that is required and
// empty. Fields of no visible question are ignored.
func readAnswers(f *data.Form, v url.Values) (*data.Response, map[int64]string) {
	r := &data.Response{}
	problems := map[int64]string{}
	for _, q := range f.Visible() {
		a := data.Answer{QuestionID: q.ID}
		number := func(name string) (float64, bool, bool) {
			s := strings.TrimSpace(v.Get(name))
			if s == "" {
				return 0, false, true
			}
			x, err := indo.ParseDecimal(s)
			return x, err == nil, err == nil
		}
		ok := true
		switch q.Kind {
		case data.QuestionScale, data.QuestionNumber:
			a.Number, a.HasNumber, ok = number(fieldOf(q))
		case data.QuestionImportancePerf:
			var ok2 bool
			a.Number, a.HasNumber, ok = number(fieldOf(q))
			a.Number2, a.HasNumber2, ok2 = number(field2Of(q))
			ok = ok && ok2
		case data.QuestionYesNo:
			switch s := v.Get(fieldOf(q)); s {
			case "", data.Yes, data.No:
				a.Text = s
			default:
				ok = false
			}
		case data.QuestionSingleChoice, data.QuestionTestItem, data.QuestionMultiChoice:
			for _, s := range v[fieldOf(q)] {
				k, err := strconv.Atoi(s)
				if err != nil || k < 0 || k >= len(q.Options) {
					ok = false
					break
				}
				if q.Kind == data.QuestionMultiChoice {
					a.Choices = append(a.Choices, q.Options[k])
				} else {
					a.Text = q.Options[k]
				}
			}
		case data.QuestionShortText, data.QuestionLongText:
			a.Text = strings.TrimSpace(v.Get(fieldOf(q)))
		}
		switch {
		case !ok:
			problems[q.ID] = "Jawaban ini tidak dapat dibaca; pilih atau tulis lagi jawabannya."
			continue
		case !a.Answered(q.Kind):
			if q.Required {
				problems[q.ID] = missingAnswer
			}
			continue
		}
		if err := data.CheckAnswer(f, q, &a); err != nil {
			problems[q.ID] = sentence(err.Error())
			continue
		}
		r.Answers = append(r.Answers, a)
	}
	return r, problems
}

// formView is a form as the form page shows it.
type formView struct {
	Action, Title, Description, Speaker string
	N, Sig                              string
	Anonymous, Replace                  bool
	Errors                              []string
	Summary                             problemSummary
	Step, Steps                         int           // the section shown, of how many: one at a time on a phone
	Shown                               []sectionView // the section shown (every section of a form without them)
	Carry                               []carried     // the answers of the other sections, as hidden fields
	Sections                            []sectionView
	Questions                           template.HTML // Sections rendered already, for a blank form
}

// carried is one hidden field holding an answer given in another section.
type carried struct{ Name, Value string }

// StepNumber is the section shown, counted from 1.
func (fv *formView) StepNumber() int { return fv.Step + 1 }

// Last reports whether the section shown is the last one: its button sends the form.
func (fv *formView) Last() bool { return fv.Step >= fv.Steps-1 }

type sectionView struct {
	Title     string
	Questions []questionView
}

type questionView struct {
	Number         int
	Text           string
	Required       bool
	Kind           string // row (scale points), pair, list (options), text, long, number
	Field, Field2  string
	Value, Value2  string
	Hint           string
	Label1, Label2 string
	Choices        []choiceView
	Choices2       []choiceView
	Error          string
}

type choiceView struct {
	Name, Type, Value, Word string
	Checked                 bool
}

// formView builds the form page, filled in with the posted values when a submission is shown again.
func (s *Server) formView(f *data.Form, e entry, ticket string, posted url.Values, problems map[int64]string, step int) *formView {
	fv := &formView{Action: s.href("isi", e), Title: f.Title, Description: f.Description, Speaker: e.speaker,
		Sig: s.signature(ticket, e), Anonymous: e.pf.Respondent == data.RespondentAnonymous, Replace: e.done}
	if e.n >= 0 {
		fv.N = strconv.Itoa(e.n)
		fv.Action = s.Path() + "isi/" + strconv.FormatInt(e.pf.ID, 10) // n travels as a signed hidden field
	}
	choices := func(name, typ string, values, words []string) []choiceView {
		out := make([]choiceView, len(values))
		for i := range values {
			out[i] = choiceView{Name: name, Type: typ, Value: values[i], Word: words[i], Checked: slices.Contains(posted[name], values[i])}
		}
		return out
	}
	points := func(sc data.Scale, words []string) ([]string, []string) {
		var values []string
		for p := 1; p <= sc.Points(); p++ {
			values = append(values, strconv.Itoa(p))
		}
		if len(words) != len(values) {
			words = make([]string, len(values))
		}
		return values, words
	}
	number := 0
	for _, sec := range f.Sections {
		sv := sectionView{Title: sec.Title}
		for _, q := range sec.Questions {
			if q.Hidden {
				continue
			}
			number++
			qv := questionView{Number: number, Text: q.Text, Required: q.Required, Field: fieldOf(q),
				Value: posted.Get(fieldOf(q)), Error: problems[q.ID]}
			sc := f.ScaleOf(q)
			switch q.Kind {
			case data.QuestionScale:
				if sc.Points() == 0 {
					qv.Kind, qv.Hint = "number", "Nilai 0 sampai 100"
					break
				}
				qv.Kind = "row"
				values, words := points(sc, f.PointLabels(q))
				qv.Choices = choices(fieldOf(q), "radio", values, words)
			case data.QuestionImportancePerf:
				qv.Label1, qv.Label2 = "Seberapa penting bagi Anda?", "Seberapa baik terlaksana?"
				if sc.Points() == 0 {
					qv.Kind, qv.Hint = "pair100", "Nilai 0 sampai 100"
					qv.Field2, qv.Value2 = field2Of(q), posted.Get(field2Of(q))
					break
				}
				qv.Kind, qv.Label1, qv.Label2 = "pair", "Seberapa penting bagi Anda?", "Seberapa baik terlaksana?"
				values, words := points(sc, sc.ImportanceLabels())
				qv.Choices = choices(fieldOf(q), "radio", values, words)
				values, words = points(sc, f.PointLabels(q))
				qv.Choices2 = choices(field2Of(q), "radio", values, words)
			case data.QuestionYesNo:
				qv.Kind = "list"
				qv.Choices = choices(fieldOf(q), "radio", []string{data.Yes, data.No}, []string{data.Yes, data.No})
			case data.QuestionSingleChoice, data.QuestionTestItem, data.QuestionMultiChoice:
				qv.Kind = "list"
				typ := "radio"
				if q.Kind == data.QuestionMultiChoice {
					typ, qv.Hint = "checkbox", "Boleh memilih lebih dari satu."
				}
				values := make([]string, len(q.Options))
				for i := range values {
					values[i] = strconv.Itoa(i)
				}
				qv.Choices = choices(fieldOf(q), typ, values, q.Options)
			case data.QuestionLongText:
				qv.Kind = "long"
			case data.QuestionNumber:
				qv.Kind = "number"
			default:
				qv.Kind = "text"
			}
			sv.Questions = append(sv.Questions, qv)
		}
		if len(sv.Questions) > 0 {
			fv.Sections = append(fv.Sections, sv)
		}
	}
	fv.Steps, fv.Shown = 1, fv.Sections
	if len(fv.Sections) > 1 {
		fv.Steps, fv.Step = len(fv.Sections), min(max(step, 0), len(fv.Sections)-1)
		fv.Shown = fv.Sections[fv.Step : fv.Step+1]
		shown := map[string]bool{}
		for _, q := range sectionsOf(f)[fv.Step] {
			shown[fieldOf(q)], shown[field2Of(q)] = true, true
		}
		for _, q := range f.Visible() {
			for _, name := range []string{fieldOf(q), field2Of(q)} {
				if shown[name] {
					continue
				}
				for _, v := range posted[name] {
					fv.Carry = append(fv.Carry, carried{name, v})
				}
			}
		}
	}
	return fv
}

// sectionsOf returns the visible questions of each section that has any, as the form page shows them.
func sectionsOf(f *data.Form) [][]*data.Question {
	var out [][]*data.Question
	for _, sec := range f.Sections {
		var qs []*data.Question
		for _, q := range sec.Questions {
			if !q.Hidden {
				qs = append(qs, q)
			}
		}
		if len(qs) > 0 {
			out = append(out, qs)
		}
	}
	return out
}

// sentence starts a message with a capital and ends it with a full stop.
func sentence(s string) string {
	r := []rune(strings.TrimSpace(s))
	if len(r) == 0 {
		return ""
	}
	return strings.ToUpper(string(r[0])) + strings.TrimSuffix(string(r[1:]), ".") + "."
}
