package sample

import (
	"context"
	"fmt"
	"time"

	"github.com/pembina/pembina/data"
	"github.com/pembina/pembina/data/store"
)

// Large sizes of the benchmark set.
const (
	LargeParticipants  = 100_000
	LargePrograms      = 2_000
	largeSessionsEach  = 5
	largeEnrolledEach  = 100
	largeProgressEvery = 2_000
	largeYearsBack     = 4
)

// LoadLarge writes the sample data set plus a benchmark set on top of it: 100,000 more participants, 2,000
// more programs over the last five years, each with 5 sessions and 100 participants, and their 1,000,000
// attendance marks. Everything is one transaction.
func LoadLarge(ctx context.Context, s *store.Store, opt Options) (Summary, error) {
	if err := mustBeEmpty(ctx, s); err != nil {
		return Summary{}, err
	}
	w := newWorld(opt, 2026)
	progress := w.progress
	w.progress = nil
	total := LargeParticipants + LargePrograms
	err := s.Load(ctx, func(l *store.Loader) error {
		if err := w.loadBase(ctx, l); err != nil {
			return err
		}
		w.progress = progress
		return w.loadBulk(ctx, l, total)
	})
	if err != nil {
		return Summary{}, fmt.Errorf("large sample data: %w", err)
	}
	return w.sum, nil
}

func (w *world) loadBulk(ctx context.Context, l *store.Loader, total int) error {
	g := newPeople(w.rng, w.today)
	for _, p := range w.people {
		g.nips[p.NIP] = true
	}
	ids := make([]int64, 0, LargeParticipants)
	for i := 0; i < LargeParticipants; i++ {
		var p person
		switch r := i % 20; {
		case r < 12:
			p = g.teacher(r%4 == 0, false)
		case r < 14:
			p = g.head()
		case r < 19:
			p = g.staff()
		default:
			p = g.teacher(false, true)
		}
		p.Normalize()
		if err := l.AddParticipant(ctx, p.Participant); err != nil {
			return err
		}
		ids = append(ids, p.ID)
		w.sum.Participants++
		if i%largeProgressEvery == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
			w.report(i, total)
		}
	}
	first := time.Date(w.today.Year()-largeYearsBack, 1, 6, 0, 0, 0, 0, time.UTC)
	span := int(w.today.AddDate(0, 0, -7).Sub(first).Hours() / 24)
	marks := make([]data.Mark, 0, largeEnrolledEach*largeSessionsEach)
	for i := 0; i < LargePrograms; i++ {
		plan := plans[i%len(plans)]
		start := first.AddDate(0, 0, i*span/LargePrograms)
		p := &data.Program{Code: fmt.Sprintf("BENCH-%04d", i+1), Title: plan.title, Kind: plan.kind,
			CompetencyKind: plan.competency, Delivery: plan.delivery, Batch: 1 + i/len(plans)%20, BudgetYear: start.Year(),
			Organiser: "Dinas Pendidikan Kabupaten Sukamaju", Place: plan.place, StartDate: start,
			EndDate: start.AddDate(0, 0, largeSessionsEach-1), TotalJP: largeSessionsEach * 4, Status: data.StatusFinished,
			AttendanceThreshold: 80, TimeZone: "WIB"}
		p.Normalize()
		if err := l.AddProgram(ctx, p); err != nil {
			return err
		}
		w.sum.Programs++
		pp := &plannedProgram{Program: p}
		w.bench = append(w.bench, pp)
		for d := 0; d < largeSessionsEach; d++ {
			x := &data.Session{ProgramID: p.ID, Number: d + 1, Date: start.AddDate(0, 0, d), Start: "08:00", End: "11:30",
				TimeZone: "WIB", Topic: plan.topics[d%len(plan.topics)], Speaker: speakers[(i+d)%len(speakers)], JP: 4}
			if err := l.AddSession(ctx, x); err != nil {
				return err
			}
			pp.sessions = append(pp.sessions, x)
			w.sum.Sessions++
		}
		offset := w.rng.IntN(len(ids) - largeEnrolledEach)
		chosen := ids[offset : offset+largeEnrolledEach]
		enrolled, err := l.EnrolAll(ctx, p.ID, chosen, data.RoleParticipant)
		if err != nil {
			return err
		}
		w.sum.Enrolments += len(chosen)
		marks = marks[:0]
		for k, participantID := range chosen {
			pp.enrolments = append(pp.enrolments, &data.Enrolment{ID: enrolled[participantID], ProgramID: p.ID,
				ParticipantID: participantID, Role: data.RoleParticipant})
			for _, x := range pp.sessions {
				marks = append(marks, data.Mark{SessionID: x.ID, EnrolmentID: enrolled[participantID],
					Status: w.status(k%17 == 3), Source: data.SourceImport})
			}
		}
		if err := l.AddMarks(ctx, marks); err != nil {
			return err
		}
		w.sum.Marks += len(marks)
		if i%100 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
			w.report(LargeParticipants+i, total)
		}
	}
	if err := w.evaluateBulk(ctx, l); err != nil {
		return err
	}
	w.report(total, total)
	return nil
}
