package analysis

import (
	"context"

	"github.com/pembina/pembina/data"
	"github.com/pembina/pembina/data/store"
)

// Satisfaction is a program's satisfaction index: the mean of its level-1 rated questions (scale questions
// and the performance of pairs), each question weighing the same, also on 0–100.
type Satisfaction struct {
	Forms     int        // level-1 forms with rated answers
	Items     int        // rated questions with answers
	Responses int        // responses to those forms
	Scale     data.Scale // the forms' scale; "" when they use different scales (then only Percent is given)
	Mean      float64    // on Scale; NaN when Scale is "" or nothing was rated
	Category  string     // data.SatisfactionCategory: on Scale's legend, or the index's when the scales differ
	Percent   float64    // the satisfaction index on 0–100 (data.Scale.ToPercent of each item)
}

// SatisfactionIndex combines the results of a program's level-1 forms.
func SatisfactionIndex(results []*FormResult) Satisfaction {
	s := Satisfaction{}
	var mix data.SatisfactionMix
	for _, r := range results {
		n := 0
		for _, q := range r.Questions {
			if q.IsRated() && q.Stat.N > 0 {
				mix.Add(q.Scale, q.Percent)
				n++
			}
		}
		if n > 0 {
			s.Forms++
			s.Responses += r.Responses
		}
		s.Items += n
	}
	s.Scale, s.Mean, s.Percent, s.Category = mix.Result()
	return s
}

// FormReport is one attached form with its responses analysed.
type FormReport struct {
	Attachment store.ProgramFormRow
	Form       *data.Form
	Rate       *store.ResponseRate
	Result     *FormResult
	Speakers   []SpeakerResult // for a speaker form
	Responses  []*data.Response
}

// Report is everything a program's evaluations say.
type Report struct {
	Program      *data.Program
	Forms        []*FormReport
	Tests        []*PrePostResult
	Satisfaction Satisfaction
}

// Find returns the report of one attachment, or nil.
func (r *Report) Find(programFormID int64) *FormReport {
	for _, f := range r.Forms {
		if f.Attachment.ID == programFormID {
			return f
		}
	}
	return nil
}

// Load reads a program's attached forms and their responses and analyses them: each form, each speaker of
// a speaker form, the pre-test and post-test pairs and the satisfaction index. A pre-test pairs with the
// post-test of the same item bank, or with the only post-test when there is one of each.
func Load(ctx context.Context, s *store.Store, programID int64) (*Report, error) {
	p, err := s.Program(ctx, programID)
	if err != nil {
		return nil, err
	}
	attached, err := s.ProgramForms(ctx, programID)
	if err != nil {
		return nil, err
	}
	rep := &Report{Program: p}
	names := map[int64]string{}
	var level1 []*FormResult
	for _, a := range attached {
		f, err := s.Form(ctx, a.FormID)
		if err != nil {
			return nil, err
		}
		responses, err := s.Responses(ctx, a.ID)
		if err != nil {
			return nil, err
		}
		rate, err := s.ResponseRate(ctx, a.ID)
		if err != nil {
			return nil, err
		}
		for _, r := range rate.Respondents {
			names[r.ParticipantID] = r.Name
		}
		fr := &FormReport{Attachment: a, Form: f, Rate: rate, Result: Form(f, responses), Responses: responses}
		if f.Kind == data.FormSpeaker {
			fr.Speakers = Speakers(f, responses)
		}
		if a.Level == 1 {
			level1 = append(level1, fr.Result)
		}
		rep.Forms = append(rep.Forms, fr)
	}
	rep.Satisfaction = SatisfactionIndex(level1)
	rep.Tests = pairTests(rep.Forms, p.PassScore, names)
	return rep, nil
}

func pairTests(forms []*FormReport, passScore float64, names map[int64]string) []*PrePostResult {
	var pres, posts []*FormReport
	for _, f := range forms {
		switch f.Form.Kind {
		case data.FormPreTest:
			pres = append(pres, f)
		case data.FormPostTest:
			posts = append(posts, f)
		}
	}
	usedPost := map[*FormReport]bool{}
	var out []*PrePostResult
	for _, pre := range pres {
		var match *FormReport
		for _, post := range posts {
			if !usedPost[post] && pre.Form.ItemBank != "" && pre.Form.ItemBank == post.Form.ItemBank {
				match = post
				break
			}
		}
		if match == nil && len(pres) == 1 && len(posts) == 1 {
			match = posts[0]
		}
		if match != nil {
			usedPost[match] = true
			out = append(out, PrePost(pre.Form, pre.Responses, match.Form, match.Responses, passScore, names))
		} else {
			out = append(out, PrePost(pre.Form, pre.Responses, nil, nil, passScore, names))
		}
	}
	for _, post := range posts {
		if !usedPost[post] {
			out = append(out, PrePost(nil, nil, post.Form, post.Responses, passScore, names))
		}
	}
	return out
}

// PairTests pairs the pre-tests and post-tests among forms as Load does (by item bank, or the only pair) and
// compares each pair; forms other than tests are ignored. Callers that read only the tests of many programs
// (the leadership workbook) use it instead of Load.
func PairTests(forms []*FormReport, passScore float64, names map[int64]string) []*PrePostResult {
	return pairTests(forms, passScore, names)
}
