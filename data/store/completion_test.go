package store_test

import (
	"context"
	"math"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/pembina/pembina/data"
	"github.com/pembina/pembina/data/analysis"
	"github.com/pembina/pembina/data/sample/sampletest"
	"github.com/pembina/pembina/data/store"
)

var sampleDay = time.Date(2026, 11, 28, 0, 0, 0, 0, time.UTC)

// The inputs the store hands the completion rule are the same whichever way they are read: one program (as
// certificates read them) or the whole year (as the workbook and the dashboard do), and the attendance equals
// the recap's (data.BuildRecap over every mark), for every enrolment of the sample data, with pass scores judged
// by final scores and by post-tests, an override and a session of today in the mix.
func TestOutcomesOfOneProgramEqualTheYearAndTheRecap(t *testing.T) {
	s := sampletest.Open(t, sampleDay)
	ctx := context.Background()
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
	total, completed, states := 0, 0, map[data.EligibilityState]int{}
	postTests := 0
	for _, r := range programs {
		one, err := s.Outcomes(ctx, store.Scope{ProgramID: r.ID}, sampleDay)
		if err != nil {
			t.Fatal(err)
		}
		recap, err := s.AttendanceRecap(ctx, r.ID, sampleDay)
		if err != nil {
			t.Fatal(err)
		}
		rates := map[int64]data.AttendanceRate{}
		for _, row := range recap.Rows {
			rates[row.EnrolmentID] = row.Rate
		}
		if po, yo := one.Programs[r.ID], o.Programs[r.ID]; po == nil || yo == nil || po.Complete != recap.Complete ||
			po.Ended != yo.Ended || len(po.Unentered) != len(recap.Day.Unentered) {
			t.Fatalf("%s: program outcome %+v, in the year %+v, recap complete %v", r.Code, po, yo, recap.Complete)
		}
		for _, w := range one.Enrolments {
			got := o.Enrolment(w.Enrolment.ID)
			if got == nil {
				t.Fatalf("%s: enrolment %d has no outcome in the year", r.Code, w.Enrolment.ID)
			}
			total++
			g, e := got.Eligibility, w.Eligibility
			if !reflect.DeepEqual(g, e) {
				t.Errorf("%s enrolment %d: in the year %+v, alone %+v", r.Code, w.Enrolment.ID, g, e)
			}
			if rate, listed := rates[w.Enrolment.ID]; listed && rate != g.Attendance {
				t.Errorf("%s enrolment %d: attendance %+v, recap %+v", r.Code, w.Enrolment.ID, g.Attendance, rate)
			}
			states[g.State]++
			if g.HeldPostTest {
				postTests++
			}
			if g.Completed {
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
	if completed == 0 || states[data.Eligible] == 0 || states[data.NotEligible] == 0 || states[data.Pending] == 0 {
		t.Errorf("sample outcomes too uniform: %v, %d completed", states, completed)
	}
}

// TestPostTestStandsInForTheFinalScore uses the sample's second digital-teaching batch: a pass score of 70 and
// a post-test taken by most participants, no final scores. The store hands the rule each participant's best
// post-test score, computed in SQL; here it is compared with the full analysis of the tests.
func TestPostTestStandsInForTheFinalScore(t *testing.T) {
	s := sampletest.Open(t, sampleDay)
	ctx := context.Background()
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
	decide := func() []store.EnrolmentOutcome {
		o, err := s.Outcomes(ctx, store.Scope{ProgramID: p.ID}, sampleDay)
		if err != nil {
			t.Fatal(err)
		}
		return o.Enrolments
	}
	decisions := decide()
	var passed, failed, untested int
	for _, d := range decisions {
		score, took := post[d.Enrolment.ParticipantID]
		el := d.Eligibility
		switch {
		case !took:
			untested++
			if el.Eligible() || !el.Reasons.Has(data.ReasonScoreMissing) {
				t.Errorf("%d without a post-test: eligible %v, %q", d.Enrolment.ID, el.Eligible(), el.Reasons)
			}
		case score >= 70:
			passed++
			if el.Eligible() != el.AttendanceMet || !el.HeldPostTest || math.Abs(*el.HeldScore-score) > 1e-9 {
				t.Errorf("%d post-test %v, attended %v: eligible %v (%q)", d.Enrolment.ID, score, el.AttendanceMet, el.Eligible(), el.Reasons)
			}
		default:
			failed++
			if el.Eligible() || !strings.Contains(el.Reasons.String(), "nilai post-test") {
				t.Errorf("%d post-test %v: eligible %v (%q)", d.Enrolment.ID, score, el.Eligible(), el.Reasons)
			}
		}
	}
	if passed == 0 {
		t.Errorf("nobody passed the post-test (%d failed, %d untested): the case is not covered", failed, untested)
	}

	// A final score wins over the post-test.
	e := *decisions[0].Enrolment
	low := 50.0
	e.FinalScore = &low
	if err := s.UpdateEnrolment(ctx, &e); err != nil {
		t.Fatal(err)
	}
	for _, d := range decide() {
		if el := d.Eligibility; d.Enrolment.ID == e.ID && (el.Eligible() || el.HeldPostTest || *el.HeldScore != 50 || !strings.Contains(el.Reasons.String(), "nilai akhir 50")) {
			t.Errorf("with a final score of 50: %+v", el)
		}
	}
}

// A unit narrows the bulk outcomes to the people of that unit now.
func TestOutcomesOfOneUnit(t *testing.T) {
	s := sampletest.Open(t, sampleDay)
	ctx := context.Background()
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
