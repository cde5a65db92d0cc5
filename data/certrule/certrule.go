// Package certrule decides who may have a certificate: the attendance rules of store.ProgramEligibility
// (data.DecideEligibility) and, when the program has a pass score, the score: the final score the coordinator
// entered, or else the post-test score from the program's evaluations (data/analysis). The Sertifikat tab,
// the command line and the sample data all ask it, so they always agree.
package certrule

import (
	"context"
	"math"
	"strings"
	"time"

	"github.com/pembina/pembina/data"
	"github.com/pembina/pembina/data/analysis"
	"github.com/pembina/pembina/data/store"
)

// Decision is one enrolment with the outcome of the certificate rules.
type Decision struct {
	store.EnrolmentEligibility
	Score    *float64 // the score held against the pass score: the final score, or the post-test's; nil when none
	PostTest bool     // Score is the post-test's (no final score was entered)
}

// Eligible reports whether the certificate may be issued.
func (d *Decision) Eligible() bool { return d.Eligibility.Eligible() }

// Rate is the attendance by JP (0–1), NaN when nothing was held yet or the rule does not apply to the role.
func (d *Decision) Rate() float64 {
	if !d.Eligibility.AttendanceApplies {
		return math.NaN()
	}
	return d.Eligibility.Attendance.Rate()
}

// Decide applies the rules on day today to every enrolment of the program, in the order of
// store.Enrolments. A participant without a final score is judged by their best post-test score when the
// program has a pass score and post-tests were taken.
func Decide(ctx context.Context, s *store.Store, programID int64, today time.Time) ([]Decision, error) {
	rows, err := s.ProgramEligibility(ctx, programID, today)
	if err != nil {
		return nil, err
	}
	out := make([]Decision, len(rows))
	var p *data.Program
	missing := false
	for i, r := range rows {
		out[i] = Decision{EnrolmentEligibility: r, Score: r.Enrolment.FinalScore}
		missing = missing || (r.Eligibility.Score != nil && r.Enrolment.FinalScore == nil)
	}
	if !missing {
		return out, nil
	}
	if p == nil {
		if p, err = s.Program(ctx, programID); err != nil {
			return nil, err
		}
	}
	post, err := postTestScores(ctx, s, programID)
	if err != nil || len(post) == 0 {
		return out, err
	}
	for i := range out {
		d := &out[i]
		score, ok := post[d.Enrolment.ParticipantID]
		if d.Eligibility.Score == nil || d.Enrolment.FinalScore != nil || !d.Eligibility.AttendanceApplies || !ok {
			continue
		}
		e := *d.Enrolment
		e.FinalScore = &score
		d.Eligibility = data.DecideEligibility(data.EligibilityInput{Program: p, Enrolment: &e,
			Attendance: d.Eligibility.Attendance, Complete: d.Eligibility.Complete})
		for j, r := range d.Eligibility.Reasons {
			d.Eligibility.Reasons[j] = strings.Replace(r, "nilai akhir", "nilai post-test", 1)
		}
		d.Score, d.PostTest = &score, true
	}
	return out, nil
}

// postTestScores are the program's post-test scores (0–100) by participant: the best when someone took more
// than one post-test.
func postTestScores(ctx context.Context, s *store.Store, programID int64) (map[int64]float64, error) {
	rep, err := analysis.Load(ctx, s, programID)
	if err != nil {
		return nil, err
	}
	out := map[int64]float64{}
	for _, t := range rep.Tests {
		if t.Post == nil {
			continue
		}
		for _, k := range t.Takers {
			if !k.HasPost || k.ParticipantID == 0 || math.IsNaN(k.Post) {
				continue
			}
			if old, ok := out[k.ParticipantID]; !ok || k.Post > old {
				out[k.ParticipantID] = k.Post
			}
		}
	}
	return out, nil
}
