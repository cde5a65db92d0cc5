package store_test

import (
	"context"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/pembina/pembina/data"
	"github.com/pembina/pembina/data/certrule"
	"github.com/pembina/pembina/data/sample"
	"github.com/pembina/pembina/data/store"
	"github.com/pembina/pembina/data/store/storetest"
)

var sampleDay = time.Date(2026, 11, 28, 0, 0, 0, 0, time.UTC)

// Outcomes decides in bulk what the certificates decide program by program (certrule.Decide, over
// ProgramEligibility): the same attendance, score and outcome for every enrolment of the sample data, with
// pass scores judged by final scores and by post-tests, an override and a session of today in the mix.
func TestOutcomesEqualTheCertificateRules(t *testing.T) {
	s := storetest.New(t)
	ctx := context.Background()
	if _, err := sample.Load(ctx, s, sample.Options{Today: sampleDay}); err != nil {
		t.Fatal(err)
	}
	programs, err := s.Programs(ctx, store.ProgramFilter{IncludeArchived: true})
	if err != nil {
		t.Fatal(err)
	}
	// A pass score with some final scores on one finished program, and the coordinator's decision on another.
	var scored, decided *data.Program
	for _, r := range programs {
		if r.Status == data.StatusFinished && scored == nil {
			scored = r.Program
		} else if r.Status == data.StatusFinished && decided == nil {
			decided = r.Program
		}
	}
	scored.PassScore = 70
	if err := s.UpdateProgram(ctx, scored); err != nil {
		t.Fatal(err)
	}
	rows, _ := s.Enrolments(ctx, scored.ID)
	for i, r := range rows[:6] {
		score := 60 + float64(i)*5
		r.FinalScore = &score
		if err := s.UpdateEnrolment(ctx, r.Enrolment); err != nil {
			t.Fatal(err)
		}
	}
	rows, _ = s.Enrolments(ctx, decided.ID)
	no := false
	rows[0].EligibleOverride, rows[0].OverrideReason = &no, "Tidak mengumpulkan tugas akhir"
	if err := s.UpdateEnrolment(ctx, rows[0].Enrolment); err != nil {
		t.Fatal(err)
	}

	o, err := s.Outcomes(ctx, store.Scope{From: time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC), To: time.Date(2100, 1, 1, 0, 0, 0, 0, time.UTC)}, sampleDay)
	if err != nil {
		t.Fatal(err)
	}
	total, completed, decidedStates := 0, 0, map[data.EligibilityState]int{}
	postTests := 0
	for _, r := range programs {
		want, err := certrule.Decide(ctx, s, r.ID, sampleDay)
		if err != nil {
			t.Fatal(err)
		}
		po := o.Programs[r.ID]
		if po == nil {
			t.Fatalf("%s: no outcome", r.Code)
		}
		for _, w := range want {
			got := o.Enrolment(w.Enrolment.ID)
			if got == nil {
				t.Fatalf("%s: enrolment %d has no outcome", r.Code, w.Enrolment.ID)
			}
			total++
			g, e := got.Eligibility, w.Eligibility
			if g.State != e.State || g.Attendance != e.Attendance || g.Complete != e.Complete || g.AttendanceMet != e.AttendanceMet ||
				strings.Join(g.Reasons, "; ") != strings.Join(e.Reasons, "; ") || got.PostTest != w.PostTest ||
				(got.Score == nil) != (w.Score == nil) || (got.Score != nil && math.Abs(*got.Score-*w.Score) > 1e-9) {
				t.Errorf("%s enrolment %d: bulk %+v (score %v, post-test %v), certrule %+v (score %v, post-test %v)", r.Code,
					w.Enrolment.ID, g, got.Score, got.PostTest, e, w.Score, w.PostTest)
			}
			decidedStates[g.State]++
			if got.PostTest {
				postTests++
			}
			if want := data.Completed(r.Program, w.Enrolment, e); got.Completed != want {
				t.Errorf("%s enrolment %d: Completed %v, want %v", r.Code, w.Enrolment.ID, got.Completed, want)
			}
			if got.Completed {
				completed++
			}
		}
	}
	if postTests == 0 {
		t.Error("no participant was judged by a post-test score")
	}
	if total != len(o.Enrolments) {
		t.Errorf("bulk outcomes cover %d enrolments, the programs have %d", len(o.Enrolments), total)
	}
	// The sample must exercise every outcome for the comparison to mean something.
	if completed == 0 || decidedStates[data.Eligible] == 0 || decidedStates[data.NotEligible] == 0 || decidedStates[data.Pending] == 0 {
		t.Errorf("sample outcomes too uniform: %v, %d completed", decidedStates, completed)
	}
}

// A unit narrows the bulk outcomes to the people of that unit now.
func TestOutcomesOfOneUnit(t *testing.T) {
	s := storetest.New(t)
	ctx := context.Background()
	if _, err := sample.Load(ctx, s, sample.Options{Today: sampleDay}); err != nil {
		t.Fatal(err)
	}
	units, _ := s.Units(ctx)
	all := store.Scope{From: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), To: time.Date(2026, 12, 31, 0, 0, 0, 0, time.UTC)}
	whole, err := s.Outcomes(ctx, all, sampleDay)
	if err != nil {
		t.Fatal(err)
	}
	sum := 0
	for _, u := range units {
		sc := all
		sc.Unit = " " + u + " "
		o, err := s.Outcomes(ctx, sc, sampleDay)
		if err != nil {
			t.Fatal(err)
		}
		for _, eo := range o.Enrolments {
			p, _ := s.Participant(ctx, eo.Enrolment.ParticipantID)
			if p.Unit != u {
				t.Fatalf("unit %q: outcome of someone of %q", u, p.Unit)
			}
		}
		sum += len(o.Enrolments)
	}
	if sum != len(whole.Enrolments) || sum == 0 {
		t.Errorf("units cover %d enrolments, the whole year %d", sum, len(whole.Enrolments))
	}
}
