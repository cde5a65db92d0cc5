package certrule_test

import (
	"context"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/pembina/pembina/data"
	"github.com/pembina/pembina/data/analysis"
	"github.com/pembina/pembina/data/certrule"
	"github.com/pembina/pembina/data/sample"
	"github.com/pembina/pembina/data/store"
	"github.com/pembina/pembina/data/store/storetest"
)

var today = time.Date(2026, 11, 28, 0, 0, 0, 0, time.UTC)

// TestPostTestStandsInForTheFinalScore uses the sample's second digital-teaching batch: a pass score of 70 and
// a post-test taken by most participants, no final scores.
func TestPostTestStandsInForTheFinalScore(t *testing.T) {
	s := storetest.New(t)
	ctx := context.Background()
	if _, err := sample.Load(ctx, s, sample.Options{Today: today}); err != nil {
		t.Fatal(err)
	}
	p, _ := s.ProgramByCode(ctx, "PTD-II/2026")
	if p.PassScore != 70 {
		t.Fatalf("pass score %v: the sample changed", p.PassScore)
	}
	rep, err := analysis.Load(ctx, s, p.ID)
	if err != nil {
		t.Fatal(err)
	}
	post := map[int64]float64{}
	for _, tt := range rep.Tests {
		for _, k := range tt.Takers {
			if k.HasPost {
				post[k.ParticipantID] = math.Max(post[k.ParticipantID], k.Post)
			}
		}
	}
	decisions, err := certrule.Decide(ctx, s, p.ID, today)
	if err != nil {
		t.Fatal(err)
	}
	var passed, failed, untested int
	for _, d := range decisions {
		score, took := post[d.Enrolment.ParticipantID]
		attended := d.Eligibility.AttendanceMet
		reasons := strings.Join(d.Eligibility.Reasons, "; ")
		switch {
		case !took:
			untested++
			if d.Eligible() || !strings.Contains(reasons, "nilai akhir belum diisi") {
				t.Errorf("%d without a post-test: eligible %v, %q", d.Enrolment.ID, d.Eligible(), reasons)
			}
		case score >= 70:
			passed++
			if d.Eligible() != attended || !d.PostTest || *d.Score != score {
				t.Errorf("%d post-test %v, attended %v: eligible %v (%q)", d.Enrolment.ID, score, attended, d.Eligible(), reasons)
			}
		default:
			failed++
			if d.Eligible() || !strings.Contains(reasons, "nilai post-test") {
				t.Errorf("%d post-test %v: eligible %v (%q)", d.Enrolment.ID, score, d.Eligible(), reasons)
			}
		}
	}
	if passed == 0 {
		t.Errorf("nobody passed the post-test (%d failed, %d untested): the case is not covered", failed, untested)
	}
	t.Logf("%d passed, %d failed, %d without a post-test", passed, failed, untested)

	// A final score wins over the post-test.
	d := decisions[0]
	e := *d.Enrolment
	low := 50.0
	e.FinalScore = &low
	if err := s.UpdateEnrolment(ctx, &e); err != nil {
		t.Fatal(err)
	}
	again, _ := certrule.Decide(ctx, s, p.ID, today)
	if again[0].Eligible() || again[0].PostTest || *again[0].Score != 50 || !strings.Contains(strings.Join(again[0].Eligibility.Reasons, ";"), "nilai akhir 50") {
		t.Errorf("with a final score of 50: %+v", again[0])
	}

	// A speaker needs no score.
	people, _ := s.ListParticipants(ctx, store.ParticipantFilter{}, 0, 200)
	enrolled := map[int64]bool{}
	for _, d := range decisions {
		enrolled[d.Enrolment.ParticipantID] = true
	}
	for _, person := range people {
		if !enrolled[person.ID] {
			if _, err := s.Enrol(ctx, p.ID, person.ID, data.RoleSpeaker); err != nil {
				t.Fatal(err)
			}
			break
		}
	}
	again, _ = certrule.Decide(ctx, s, p.ID, today)
	speakers := 0
	for _, d := range again {
		if d.Enrolment.Role == data.RoleSpeaker {
			speakers++
			if !d.Eligible() || d.Score != nil || !math.IsNaN(d.Rate()) {
				t.Errorf("speaker: eligible %v, score %v, rate %v, %q", d.Eligible(), d.Score, d.Rate(), d.Eligibility.Reasons)
			}
		}
	}
	if speakers != 1 {
		t.Errorf("%d speakers", speakers)
	}
}
