// Package followup computes the JP follow-up (tindak lanjut JP): for each unit kerja, its active ASN below
// their yearly JP target, so that the office can ask the unit's head to send them to training. The people
// are those of the leadership workbook's JP Pegawai sheet marked "Belum": both come from overview.Load, never
// from a second computation. Beside them it finds the coming programs that would fit (starting within the
// next three months, the soonest whose JP covers the shortfall), and the people with no JP at all who were
// invited to a program of the year and came to none of its sessions (every mark A), for a surat panggilan.
package followup

import (
	"context"
	"sort"
	"strings"
	"time"

	"github.com/pembina/pembina/data"
	"github.com/pembina/pembina/data/indo"
	"github.com/pembina/pembina/data/overview"
	"github.com/pembina/pembina/data/store"
)

// Horizon is how far ahead coming programs are looked for.
const Horizon = 3 // months

// Person is one employee below target, with what the lampiran prints beside the workbook's figures.
type Person struct {
	*overview.Person
	Position string
	Plans    []Plan // coming programs that would fit
}

// Plan is a coming program suggested for a person; Enrolled when they are registered already.
type Plan struct {
	Program  *data.Program
	Enrolled bool
}

// Label is "PTD-I/2026 (20 JP, 12 Januari 2027)", with "terdaftar" when enrolled.
func (p Plan) Label() string {
	s := p.Program.Code + " (" + p.Program.Title + ", " + indo.Plain(int64(p.Program.TotalJP)) + " JP, mulai " + indo.Date(p.Program.StartDate)
	if p.Enrolled {
		s += ", sudah terdaftar"
	}
	return s + ")"
}

// Absence is a person with 0 JP who was enrolled in a program of the year and whose every mark is A.
type Absence struct {
	Person   *Person
	Program  *data.Program
	Sessions int // sessions held, all marked A
}

// Unit is one unit kerja with employees below target.
type Unit struct {
	Unit      *data.Unit // the saved unit with its head, or the name alone (HasHead false)
	Employees int        // active ASN with a target
	Reached   int
	People    []*Person // below target, in the workbook's order (by name)
	Absences  []*Absence
}

// Name is the unit's name, "(tanpa unit kerja)" for people without one.
func (u *Unit) Name() string {
	if u.Unit.Name == "" {
		return "(tanpa unit kerja)"
	}
	return u.Unit.Name
}

// Shortfall is the JP the unit's people still lack, summed.
func (u *Unit) Shortfall() int {
	n := 0
	for _, p := range u.People {
		n += p.Shortfall()
	}
	return n
}

// FollowUp is the follow-up of a year (optionally one unit).
type FollowUp struct {
	Year     int
	Today    time.Time
	Overview *overview.Overview // the year's JP, without the evaluations (overview.LoadJP)
	Units    []*Unit            // with people below target, by name, people without a unit last
	Upcoming []*data.Program
}

// Below lists everyone below target, unit by unit.
func (f *FollowUp) Below() []*Person {
	var out []*Person
	for _, u := range f.Units {
		out = append(out, u.People...)
	}
	return out
}

// WithoutHead lists the units whose letter goes to "Kepala <unit>" because no head is recorded.
func (f *FollowUp) WithoutHead() []string {
	var out []string
	for _, u := range f.Units {
		if !u.Unit.HasHead() {
			out = append(out, u.Name())
		}
	}
	return out
}

// Absences lists the people for a surat panggilan, unit by unit.
func (f *FollowUp) Absences() []*Absence {
	var out []*Absence
	for _, u := range f.Units {
		out = append(out, u.Absences...)
	}
	return out
}

// Load computes the follow-up of year (of one unit when unit is not empty) on day today.
func Load(ctx context.Context, s *store.Store, year int, unit string, today time.Time, progress overview.Progress) (*FollowUp, error) {
	period := overview.Year(year)
	period.Unit = unit
	o, err := overview.LoadJP(ctx, s, period, today, progress)
	if err != nil {
		return nil, err
	}
	f := &FollowUp{Year: year, Today: data.Day(today), Overview: o}
	heads, err := s.UnitHeads(ctx)
	if err != nil {
		return nil, err
	}
	positions, err := s.ParticipantPositions(ctx)
	if err != nil {
		return nil, err
	}
	if err := f.upcoming(ctx, s); err != nil {
		return nil, err
	}
	enrolled, err := s.EnrolledIn(ctx, programIDs(f.Upcoming))
	if err != nil {
		return nil, err
	}
	units := map[string]*Unit{}
	for _, p := range o.People {
		if !p.Employee() {
			continue
		}
		key := strings.ToLower(p.Unit)
		u := units[key]
		if u == nil {
			u = &Unit{Unit: heads[key]}
			if u.Unit == nil {
				u.Unit = &data.Unit{Name: p.Unit}
			}
			units[key] = u
		}
		u.Employees++
		if p.Reached() {
			u.Reached++
			continue
		}
		u.People = append(u.People, &Person{Person: p, Position: positions[p.ID], Plans: f.plans(p, enrolled)})
	}
	byID := map[int64]*Person{}
	for key, u := range units {
		if len(u.People) == 0 {
			delete(units, key)
			continue
		}
		for _, p := range u.People {
			byID[p.ID] = p
		}
		f.Units = append(f.Units, u)
	}
	sort.Slice(f.Units, func(i, j int) bool {
		a, b := f.Units[i].Unit.Name, f.Units[j].Unit.Name
		if (a == "") != (b == "") {
			return b == ""
		}
		return strings.ToLower(a) < strings.ToLower(b)
	})
	f.absences(byID, units)
	// The enrolments' outcomes and the certificates are summed up now; for 100,000 people they weigh tens of
	// megabytes that the letters and the workbook, written next, would carry along.
	o.Outcomes, o.Certificates = nil, nil
	return f, nil
}

// upcoming finds the programs planned or running that start after today and within Horizon months.
func (f *FollowUp) upcoming(ctx context.Context, s *store.Store) error {
	rows, err := Upcoming(ctx, s, f.Today)
	for _, r := range rows {
		f.Upcoming = append(f.Upcoming, r.Program)
	}
	return err
}

// Upcoming lists the programs planned or running that start after today and within Horizon months, by start
// date then code, with their enrolled counts: the follow-up suggests them and the leadership brief lists them.
func Upcoming(ctx context.Context, s *store.Store, today time.Time) ([]store.ProgramRow, error) {
	rows, err := s.Programs(ctx, store.ProgramFilter{})
	if err != nil {
		return nil, err
	}
	today = data.Day(today)
	until := today.AddDate(0, Horizon, 0)
	var out []store.ProgramRow
	for _, r := range rows {
		p := r.Program
		if (p.Status == data.StatusPlanned || p.Status == data.StatusRunning) && p.StartDate.After(today) && !p.StartDate.After(until) {
			out = append(out, r)
		}
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i].Program, out[j].Program
		if !a.StartDate.Equal(b.StartDate) {
			return a.StartDate.Before(b.StartDate)
		}
		return a.Code < b.Code
	})
	return out, nil
}

// plans are the coming programs a person is enrolled in, or else the soonest whose JP covers the shortfall
// (or the soonest one, when none covers it alone).
func (f *FollowUp) plans(p *overview.Person, enrolled map[int64]map[int64]bool) []Plan {
	var out []Plan
	for _, prog := range f.Upcoming {
		if enrolled[prog.ID][p.ID] {
			out = append(out, Plan{Program: prog, Enrolled: true})
		}
	}
	if len(out) > 0 || len(f.Upcoming) == 0 {
		return out
	}
	for _, prog := range f.Upcoming {
		if prog.TotalJP >= p.Shortfall() {
			return []Plan{{Program: prog}}
		}
	}
	return []Plan{{Program: f.Upcoming[0]}}
}

// absences finds, among the people below target with no JP, those enrolled as participants in a program of
// the year who came to none of its held sessions: every held session marked A (none unmarked or excused).
func (f *FollowUp) absences(byID map[int64]*Person, units map[string]*Unit) {
	for i := range f.Overview.Outcomes.Enrolments {
		eo := &f.Overview.Outcomes.Enrolments[i]
		e := eo.Enrolment
		p := byID[e.ParticipantID]
		if p == nil || p.JP != 0 || e.Withdrawn || e.Role != data.RoleParticipant {
			continue
		}
		r := eo.Eligibility.Attendance
		if r.SessionsScheduled == 0 || r.SessionsAttended > 0 || r.Unmarked > 0 || r.Excused > 0 {
			continue
		}
		line := f.Overview.Program(e.ProgramID)
		if line == nil {
			continue
		}
		u := units[strings.ToLower(p.Unit)]
		u.Absences = append(u.Absences, &Absence{Person: p, Program: line.Program, Sessions: r.SessionsScheduled})
	}
	order := map[*Person]int{}
	for _, u := range units {
		for i, p := range u.People {
			order[p] = i
		}
	}
	for _, u := range units {
		sort.SliceStable(u.Absences, func(i, j int) bool { return order[u.Absences[i].Person] < order[u.Absences[j].Person] })
	}
}

func programIDs(ps []*data.Program) []int64 {
	out := make([]int64, len(ps))
	for i, p := range ps {
		out[i] = p.ID
	}
	return out
}
