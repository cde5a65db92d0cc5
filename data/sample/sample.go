// Package sample fills an empty database with the case Pembina was conceived around: a regency's Dinas
// Pendidikan running continuous training for its teachers and staff this year. The data is deterministic (a
// fixed seed) and dated around a given day, so the dashboard always has finished, running and planned programs.
package sample

import (
	"context"
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/pembina/pembina/data"
	"github.com/pembina/pembina/data/store"
)

// Options control a load.
type Options struct {
	Today    time.Time             // the day the data is dated around; zero means today
	Progress func(done, total int) // called now and then from the loading goroutine; may be nil
}

// Summary counts what a load wrote.
type Summary struct {
	Programs, Participants, Sessions, Enrolments, Marks int
	Responses                                           int
}

// world is what the loader made so far, for the later steps (attendance, evaluations, certificates).
type world struct {
	rng      *rand.Rand
	today    time.Time
	people   []person
	programs []*plannedProgram
	bench    []*plannedProgram // the large set's programs
	sum      Summary
	progress func(done, total int)
}

type plannedProgram struct {
	*data.Program
	sessions   []*data.Session
	enrolments []*data.Enrolment
}

func newWorld(opt Options, seed uint64) *world {
	today := opt.Today
	if today.IsZero() {
		today = time.Now()
	}
	return &world{rng: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15)), today: data.Day(today), progress: opt.Progress}
}

func (w *world) report(done, total int) {
	if w.progress != nil {
		w.progress(done, total)
	}
}

// Load writes the sample data set into an empty database in one transaction: the institution and its
// signatories, 7 programs (finished, running and planned), about 180 participants, sessions, enrolments and
// attendance for the sessions already held.
func Load(ctx context.Context, s *store.Store, opt Options) (Summary, error) {
	if err := mustBeEmpty(ctx, s); err != nil {
		return Summary{}, err
	}
	w := newWorld(opt, 2026)
	err := s.Load(ctx, func(l *store.Loader) error {
		return w.loadBase(ctx, l)
	})
	if err != nil {
		return Summary{}, fmt.Errorf("sample data: %w", err)
	}
	if err := w.issueCertificates(ctx, s); err != nil {
		return Summary{}, fmt.Errorf("sample data, certificates: %w", err)
	}
	return w.sum, nil
}

func mustBeEmpty(ctx context.Context, s *store.Store) error {
	empty, err := s.IsEmpty(ctx)
	if err != nil {
		return err
	}
	if !empty {
		return data.Errorf(data.KindConflict, "Data contoh hanya dapat dimuat ke basis data yang masih kosong; buat basis data baru untuk mencobanya")
	}
	return nil
}

func (w *world) loadBase(ctx context.Context, l *store.Loader) error {
	w.report(0, 4)
	if err := w.institution(ctx, l); err != nil {
		return err
	}
	if err := w.makePeople(ctx, l); err != nil {
		return err
	}
	w.report(1, 4)
	if err := w.makePrograms(ctx, l); err != nil {
		return err
	}
	w.report(2, 4)
	if err := w.markAttendance(ctx, l); err != nil {
		return err
	}
	if err := w.evaluate(ctx, l); err != nil {
		return err
	}
	w.report(4, 4)
	return nil
}

func (w *world) institution(ctx context.Context, l *store.Loader) error {
	in, err := l.Institution(ctx)
	if err != nil {
		return err
	}
	in.ParentName, in.Name, in.Unit = "PEMERINTAH KABUPATEN SUKAMAJU", "DINAS PENDIDIKAN", "Bidang Pembinaan Ketenagaan"
	in.Address, in.City, in.Phone = "Jl. Raya Sukamaju No. 36, Sukamaju 45311", "Sukamaju", "(0261) 201234"
	in.Email, in.Website, in.TimeZone = "disdik@sukamajukab.go.id", "disdik.sukamajukab.go.id", "WIB"
	head := &data.Signatory{Name: "Asep Saepudin", FrontTitle: "Dr. H.", BackTitle: "M.Pd.", NIP: "197203151998031004",
		Position: "Kepala Dinas Pendidikan", RankCode: "IV/c", Active: true}
	secretary := &data.Signatory{Name: "Euis Komariah", FrontTitle: "Dra. Hj.", BackTitle: "M.M.", NIP: "196811201994032003",
		Position: "Sekretaris", Delegation: "a.n.", OnBehalfOf: "Kepala Dinas Pendidikan", RankCode: "IV/b", Active: true}
	for _, g := range []*data.Signatory{head, secretary} {
		g.Normalize()
		if err := g.Validate(); err != nil {
			return err
		}
		if err := l.AddSignatory(ctx, g); err != nil {
			return err
		}
	}
	in.DefaultSignatoryID = head.ID
	return l.SaveInstitution(ctx, in)
}

func (w *world) makePeople(ctx context.Context, l *store.Loader) error {
	g := newPeople(w.rng, w.today)
	add := func(p person) error {
		p.Normalize()
		if err := p.Validate(); err != nil {
			return fmt.Errorf("participant %s: %w", p.Name, err)
		}
		if err := l.AddParticipant(ctx, p.Participant); err != nil {
			return err
		}
		w.people = append(w.people, p)
		w.sum.Participants++
		return nil
	}
	for i := 0; i < 120; i++ {
		if err := add(g.teacher(i%5 == 0, false)); err != nil {
			return err
		}
	}
	for i := 0; i < 6; i++ {
		if err := add(g.teacher(false, true)); err != nil {
			return err
		}
	}
	for i := 0; i < 24; i++ {
		if err := add(g.head()); err != nil {
			return err
		}
	}
	for i := 0; i < 30; i++ {
		if err := add(g.staff()); err != nil {
			return err
		}
	}
	return nil
}
