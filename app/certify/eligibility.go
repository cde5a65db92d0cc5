// Package certify is the certificate work that the window and the command line share: who is eligible and
// why, issuing numbers, printing the batch, the register workbook, verifying a QR text, and the public key
// that lets another office verify. It ties the data layer (rules, store) to app/report (the documents) and
// imports no Fyne, so `pembina certificates` and the Sertifikat tab do exactly the same thing.
package certify

import (
	"context"
	"math"
	"time"

	"github.com/pembina/pembina/data"
	"github.com/pembina/pembina/data/store"
)

// Candidate is one enrolment of a program as the Sertifikat tab lists it: who, what the completion rule
// (data.DecideEligibility) says and why, and their certificate when it was issued.
type Candidate struct {
	Enrolment   *data.Enrolment
	NIP         string
	Name        string   // with titles, as the certificate will print it
	Eligible    bool     // the rules, or the coordinator's override, allow a certificate
	Pending     bool     // cannot be decided yet (no session held)
	Rate        float64  // attendance by JP, 0–1; NaN when nothing was held or it does not apply
	Score       *float64 // held against the pass score: the final score, or the post-test's; nil when none
	PostTest    bool     // Score is the post-test's
	Reasons     data.Reasons
	Certificate *data.Certificate // nil until issued
}

// Status says in Indonesian, in a word or two, where the candidate stands.
func (c *Candidate) Status() string {
	switch {
	case c.Certificate != nil && c.Certificate.Revoked:
		return "Dicabut"
	case c.Certificate != nil:
		return "Terbit"
	case c.Eligible:
		return "Memenuhi syarat"
	case c.Pending:
		return "Belum dinilai"
	}
	return "Tidak memenuhi"
}

// Statuses are the values of Status, for the window's translations.
var Statuses = []string{"Dicabut", "Terbit", "Memenuhi syarat", "Belum dinilai", "Tidak memenuhi"}

// Overridden reports whether the coordinator decided for this candidate.
func (c *Candidate) Overridden() bool { return c.Enrolment.EligibleOverride != nil }

// Roll is a program's candidates on one day with where its schedule stands: sessions to come and sessions
// held without attendance entered ("belum diisi"), which hold certificates back.
type Roll struct {
	Candidates []Candidate
	Day        data.ProgramDay
	Ended      bool
}

// Load lists every enrolment of the program, by name, with the completion rule's outcome on day today (read
// in bulk, store.Outcomes) and its certificate, and the program's schedule on that day, all read at one moment
// (store.CertificateRoll).
func Load(ctx context.Context, s *store.Store, p *data.Program, today time.Time) (*Roll, error) {
	read, err := s.CertificateRoll(ctx, p.ID, today)
	if err != nil {
		return nil, err
	}
	rows, o := read.Enrolments, read.Outcomes
	roll := &Roll{}
	if po := o.Programs[p.ID]; po != nil {
		roll.Day, roll.Ended = po.ProgramDay, po.Ended
	}
	issued := make(map[int64]*data.Certificate, len(read.Certificates))
	for _, c := range read.Certificates {
		issued[c.EnrolmentID] = c
	}
	roll.Candidates = make([]Candidate, 0, len(rows))
	for _, r := range rows {
		eo := o.Enrolment(r.ID)
		if eo == nil {
			continue
		}
		el := &eo.Eligibility
		rate := math.NaN()
		if el.AttendanceApplies {
			rate = el.Attendance.Rate()
		}
		roll.Candidates = append(roll.Candidates, Candidate{Enrolment: r.Enrolment, NIP: r.NIP, Name: r.Name,
			Eligible: el.Eligible(), Pending: el.State == data.Pending, Rate: rate, Reasons: el.Reasons,
			Score: el.HeldScore, PostTest: el.HeldPostTest, Certificate: issued[r.ID]})
	}
	return roll, nil
}

// Candidates lists every enrolment of the program with its outcome on day today and its certificate (Load).
func Candidates(ctx context.Context, s *store.Store, p *data.Program, today time.Time) ([]Candidate, error) {
	roll, err := Load(ctx, s, p, today)
	if err != nil {
		return nil, err
	}
	return roll.Candidates, nil
}

// SetOverride records the coordinator's decision for one enrolment (eligible or not) with its reason, or
// clears it when decision is nil, so that the rules decide again.
func SetOverride(ctx context.Context, s *store.Store, enrolmentID int64, decision *bool, reason string) error {
	e, err := s.Enrolment(ctx, enrolmentID)
	if err != nil {
		return err
	}
	e.EligibleOverride, e.OverrideReason = decision, reason
	if decision == nil {
		e.OverrideReason = ""
	}
	return s.UpdateEnrolment(ctx, e)
}
