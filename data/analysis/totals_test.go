package analysis_test

import (
	"context"
	"math"
	"testing"
	"time"

	"github.com/pembina/pembina/data"
	"github.com/pembina/pembina/data/analysis"
	"github.com/pembina/pembina/data/sample/sampletest"
	"github.com/pembina/pembina/data/store"
)

// same compares two figures that must agree to rounding: NaN with NaN, numbers within 1e-9.
func same(a, b float64) bool {
	return (math.IsNaN(a) && math.IsNaN(b)) || math.Abs(a-b) < 1e-9
}

// The totals path gives what reading every answer gives: the same counts, means, deviations, categories,
// section and form means, quadrants, satisfaction index and response rates, for every form of the sample.
func TestFormFromTotalsEqualsForm(t *testing.T) {
	s := sampletest.Open(t, time.Date(2026, 11, 28, 0, 0, 0, 0, time.UTC))
	ctx := context.Background()
	totals, err := s.EvaluationTotals(ctx, store.Scope{From: time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC), To: time.Date(2100, 1, 1, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	programs, _ := s.Programs(ctx, store.ProgramFilter{})
	rated, forms := 0, 0
	for _, p := range programs {
		rep, err := analysis.Load(ctx, s, p.ID)
		if err != nil {
			t.Fatal(err)
		}
		got := totals[p.ID]
		if len(got) != len(rep.Forms) {
			t.Fatalf("%s: %d attachments in totals, %d in Load", p.Code, len(got), len(rep.Forms))
		}
		var level1 []*analysis.FormResult
		for i, fr := range rep.Forms {
			a := got[i]
			if a.ID != fr.Attachment.ID || a.Responses != len(fr.Responses) {
				t.Fatalf("%s form %d: attachment %d with %d responses, want %d with %d", p.Code, i, a.ID, a.Responses, fr.Attachment.ID, len(fr.Responses))
			}
			if a.Expected != fr.Rate.Expected || a.Responded != fr.Rate.Responded || a.Rate() != fr.Rate.Rate() {
				t.Errorf("%s %s: response rate %d/%d, ResponseRate %d/%d", p.Code, a.FormTitle, a.Responded, a.Expected, fr.Rate.Responded, fr.Rate.Expected)
			}
			r := analysis.FormFromTotals(a.Form, a.Responses, a.Totals)
			want := fr.Result
			forms++
			for j, q := range want.Questions {
				g := r.Questions[j]
				if g.Question.ID != q.Question.ID || g.Number != q.Number {
					t.Fatalf("%s question %d out of order", a.FormTitle, j)
				}
				if !q.IsRated() && q.Question.Kind != data.QuestionNumber {
					continue
				}
				rated++
				if g.Stat.N != q.Stat.N || !same(g.Stat.Mean, q.Stat.Mean) || !same(g.Stat.SD, q.Stat.SD) || g.Category != q.Category ||
					!same(g.Percent, q.Percent) || g.Importance.N != q.Importance.N || !same(g.Importance.Mean, q.Importance.Mean) ||
					g.Answered != q.Answered {
					t.Errorf("%s q%d: totals %+v, answers %+v", a.FormTitle, q.Number, g, q)
				}
			}
			if r.Items != want.Items || !same(r.Mean, want.Mean) || r.Category != want.Category || len(r.Sections) != len(want.Sections) {
				t.Errorf("%s: form mean %v %q (%d items), want %v %q (%d)", a.FormTitle, r.Mean, r.Category, r.Items, want.Mean, want.Category, want.Items)
			}
			for k := range want.Sections {
				if !same(r.Sections[k].Mean, want.Sections[k].Mean) || r.Sections[k].Category != want.Sections[k].Category {
					t.Errorf("%s section %q differs", a.FormTitle, want.Sections[k].Title)
				}
			}
			if (r.IPA == nil) != (want.IPA == nil) || (r.IPA != nil && len(r.IPA.Items) != len(want.IPA.Items)) {
				t.Errorf("%s: quadrants differ", a.FormTitle)
			} else if r.IPA != nil {
				for k, it := range want.IPA.Items {
					if r.IPA.Items[k].Quadrant != it.Quadrant || !same(r.IPA.Items[k].Gap, it.Gap) {
						t.Errorf("%s: item %d in quadrant %d, want %d", a.FormTitle, it.Number, r.IPA.Items[k].Quadrant, it.Quadrant)
					}
				}
			}
			if a.Level == 1 {
				level1 = append(level1, r)
			}
		}
		if got, want := analysis.SatisfactionIndex(level1), rep.Satisfaction; got.Items != want.Items || !same(got.Percent, want.Percent) ||
			got.Category != want.Category || got.Responses != want.Responses {
			t.Errorf("%s: satisfaction %+v, want %+v", p.Code, got, want)
		}
	}
	if forms < 5 || rated < 50 {
		t.Errorf("the sample compared only %d forms, %d rated questions", forms, rated)
	}
}
