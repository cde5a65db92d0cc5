package sample

import (
	"context"
	"math"
	"testing"

	"github.com/pembina/pembina/data"
	"github.com/pembina/pembina/data/analysis"
	"github.com/pembina/pembina/data/store"
	"github.com/pembina/pembina/data/store/storetest"
)

func TestSampleEvaluations(t *testing.T) {
	s := storetest.New(t)
	ctx := context.Background()
	sum, err := Load(ctx, s, Options{Today: today})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Responses < 500 {
		t.Errorf("only %d responses", sum.Responses)
	}
	programs, _ := s.Programs(ctx, store.ProgramFilter{})
	var withTests, withFollowUp, finished int
	for _, p := range programs {
		rep, err := analysis.Load(ctx, s, p.ID)
		if err != nil {
			t.Fatal(err)
		}
		levels := map[int]int{}
		for _, f := range rep.Forms {
			levels[f.Attachment.Level] += f.Result.Responses
			if p.Status == data.StatusRunning && f.Result.Responses > 0 {
				t.Errorf("%s is still running but %s has responses", p.Code, f.Form.Title)
			}
			if f.Form.Kind == data.FormSpeaker && p.Status == data.StatusFinished && len(f.Speakers) < 2 {
				t.Errorf("%s: %d speakers judged", p.Code, len(f.Speakers))
			}
			if p.Status == data.StatusFinished && f.Rate.Rate() < 0.5 {
				t.Errorf("%s %s: response rate %v", p.Code, f.Form.Title, f.Rate.Rate())
			}
		}
		switch p.Status {
		case data.StatusFinished:
			finished++
			if levels[1] == 0 {
				t.Errorf("finished %s has no level-1 responses", p.Code)
			}
			sat := rep.Satisfaction
			if sat.Scale != data.Scale4 || sat.Mean < 2.6 || sat.Mean > 3.9 || sat.Category == "" {
				t.Errorf("%s satisfaction %+v", p.Code, sat)
			}
			if levels[2] > 0 {
				withTests++
				tr := rep.Tests[0]
				if tr.Paired < 20 || tr.ClassNGain < 0.2 || tr.MeanPost <= tr.MeanPre || math.IsNaN(tr.PassShare) || len(tr.Items) != 10 {
					t.Errorf("%s tests: paired %d, %v → %v, g %v, pass %v", p.Code, tr.Paired, tr.MeanPre, tr.MeanPost, tr.ClassNGain, tr.PassShare)
				}
			}
			if levels[3] > 0 {
				withFollowUp++
			}
		case data.StatusRunning:
			if len(rep.Forms) == 0 {
				t.Errorf("running %s has no forms for the kiosk", p.Code)
			}
		}
	}
	if finished < 3 || withTests < 2 || withFollowUp != 1 {
		t.Errorf("finished %d, with tests %d, with a follow-up %d", finished, withTests, withFollowUp)
	}
}
