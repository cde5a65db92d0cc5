// Package overview answers leadership's questions about a period (a year, a date range, optionally one unit
// kerja): what programs ran and how they went, who came, who reached the 20 JP a year every civil servant is
// entitled to, what participants thought and how much they learned. The leadership workbook and the
// dashboard both present what Load computes, so that the two never disagree; the evaluation summary of one
// program takes its key figures from LoadProgram, the same computation narrowed to one program.
//
// Everything is read in bulk (store.Outcomes, store.EvaluationTotals): a year of the 100,000-participant
// sample takes about a second.
package overview

import (
	"context"
	"errors"
	"math"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/pembina/pembina/data"
	"github.com/pembina/pembina/data/analysis"
	"github.com/pembina/pembina/data/indo"
	"github.com/pembina/pembina/data/store"
)

// Period is what an overview covers: the programs that end between From and To (inclusive), whose JP count
// in that period, and, with Unit, only the people of that unit kerja.
type Period struct {
	From, To time.Time
	Unit     string
}

// Year is the calendar year y: 1 January to 31 December.
func Year(y int) Period {
	return Period{From: time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC), To: time.Date(y, 12, 31, 0, 0, 0, 0, time.UTC)}
}

// WholeYear returns the year when the period is exactly one calendar year.
func (p Period) WholeYear() (int, bool) {
	y := p.From.Year()
	return y, p.From.Equal(Year(y).From) && p.To.Equal(Year(y).To)
}

// Validate checks the period's dates.
func (p Period) Validate() error {
	switch {
	case p.From.IsZero() || p.To.IsZero():
		return data.Errorf(data.KindInvalid, "Periode memerlukan tanggal awal dan tanggal akhir")
	case p.To.Before(p.From):
		return data.Errorf(data.KindInvalid, "Tanggal akhir periode (%s) tidak boleh sebelum tanggal awal (%s)", indo.Date(p.To), indo.Date(p.From))
	case p.To.Sub(p.From) > 10*366*24*time.Hour:
		return data.Errorf(data.KindInvalid, "Periode paling panjang 10 tahun")
	}
	return nil
}

// Label names the period in Indonesian: "Tahun 2026", "1 Januari s.d. 30 Juni 2026", with the unit after it.
func (p Period) Label() string {
	s := "Periode " + indo.DateRange(p.From, p.To)
	if y, ok := p.WholeYear(); ok {
		s = "Tahun " + indo.Plain(int64(y))
	}
	if u := strings.TrimSpace(p.Unit); u != "" {
		s += " · Unit kerja " + u
	}
	return s
}

// Scope is the store's selection for the period.
func (p Period) Scope() store.Scope { return store.Scope{From: p.From, To: p.To, Unit: p.Unit} }

// FormLine is one attached form of a program with its results on the rated questions.
type FormLine struct {
	*store.AttachmentTotals
	Result *analysis.FormResult
}

// ProgramLine is one program of the period with its figures. Counts are of participants (role peserta, not
// withdrawn), of the period's unit when it names one; evaluations are the whole program's.
type ProgramLine struct {
	Program      *data.Program
	Enrolled     int // participants
	Attended     int // of them, present at one session at least
	Eligible     int // meeting the certificate rules today
	Completed    int // eligible in an ended program: their JP count (data.Eligibility.Completed)
	Repeats      int // of them, a course the person completed earlier in the year: their JP count once
	Certified    int // holding a valid certificate
	Uncertified  int // eligible enrolments of any role in an ended program without a valid certificate
	JPAttended   int // over the participants and the sessions held
	JPHeld       int
	HeldSessions int
	Sessions     int
	Ended        bool            // the program has ended (its last session is over or its end date passed)
	Unentered    []*data.Session // sessions held up to the day without attendance entered ("belum diisi")

	Forms        []*FormLine
	Responses    int // to every attached form
	Expected     int // summed over the level-1 forms answered by participants
	Responded    int
	Satisfaction analysis.Satisfaction
	Tests        []*analysis.PrePostResult
	NGain        float64 // the class's normalised gain of the first pre/post pair taken by someone; NaN without
	NGainClass   string
}

// AttendanceRate is JP attended over JP held, over the participants; NaN before any session was held.
func (l *ProgramLine) AttendanceRate() float64 { return ratio(l.JPAttended, l.JPHeld) }

// Unfinished reports whether the program has ended but is still marked planned or running: its JP count
// already, and the coordinator is asked to set it Selesai.
func (l *ProgramLine) Unfinished() bool {
	return l.Ended && (l.Program.Status == data.StatusPlanned || l.Program.Status == data.StatusRunning)
}

// ResponseRate is the share of participants who answered the level-1 forms; NaN when none is attached.
func (l *ProgramLine) ResponseRate() float64 { return ratio(l.Responded, l.Expected) }

// Person is one participant with their JP in the period.
type Person struct {
	store.ParticipantRow
	JP       int // from the programs they completed (data.TrainingRecord.EarnedJP), a course once a year
	Programs int // programs completed that earned JP
	Repeats  int // completions of a course already counted this year
	// Target is the yearly JP target of the person's employment status (store.JPTargets); 0 when it has none.
	Target int
}

// Employee reports whether the person is in the denominator of the "mencapai 20 JP" figures: an active ASN
// (not retired, not transferred) whose employment status has a JP target.
func (p *Person) Employee() bool {
	return p.Target > 0 && (p.Service == "" || p.Service == data.ServiceActive)
}

// Reached reports whether the person reached their status's JP target in the period.
func (p *Person) Reached() bool { return p.Target > 0 && p.JP >= p.Target }

// Shortfall is how many JP the person still lacks to reach their target, 0 once reached or without one.
func (p *Person) Shortfall() int { return max(0, p.Target-p.JP) }

// UnitLine is one unit kerja: its people, its employees and how many of them reached the 20 JP.
type UnitLine struct {
	Unit      string // "" for people without a unit
	People    int
	Employees int
	Trained   int // people who completed a program
	Reached   int // employees at 20 JP or more
	JP        int
}

// ReachedShare is the share of the unit's employees at 20 JP; NaN without employees.
func (u UnitLine) ReachedShare() float64 { return ratio(u.Reached, u.Employees) }

// MonthLine is one month of the period: the programs that ended in it and their participants.
type MonthLine struct {
	Year         int
	Month        time.Month
	Programs     int
	Participants int
}

// Label is "Jan 2026".
func (m MonthLine) Label() string { return indo.Month(m.Month)[:3] + " " + indo.Plain(int64(m.Year)) }

// KindLine is one kind of program (Pelatihan Teknis, Workshop/Lokakarya, …) in the period.
type KindLine struct {
	Kind         string
	Programs     int
	Participants int
	// Satisfaction is the mean of the kind's programs' satisfaction indexes on 0–100, each program weighing
	// the same (NaN without answers), with its one category (data.SatisfactionMix).
	Satisfaction         float64
	SatisfactionCategory string
}

// Figures are the period's key figures: the dashboard shows them, the workbook's Ringkasan sheet lists and
// charts them.
type Figures struct {
	Period Period
	Today  time.Time

	Programs    int
	ByStatus    []int // per data.ProgramStatuses
	Enrolled    int   // participants' enrolments
	Completions int   // of them, completed
	Trained     int   // people who completed a program
	JP          int   // JP earned, summed over the people
	ProgramJP   int   // JP of the programs that ended, whatever their status, unless cancelled (as a person's JP count)
	Certified   int
	Employees   int // ASN among the people
	Reached     int // employees at 20 JP or more

	// Satisfaction is the mean of the programs' satisfaction indexes, each program weighing the same: on
	// SatisfactionScale when every program used one scale, otherwise only as a percentage.
	Satisfaction         float64
	SatisfactionPercent  float64
	SatisfactionScale    data.Scale
	SatisfactionCategory string
	SatisfactionPrograms int

	// NGain is the mean of the programs' class normalised gains (ProgramLine.NGain), each program weighing the
	// same as in Satisfaction; NaN when no program has a pre/post pair. NGainCategory is its category.
	NGain         float64
	NGainCategory string
	NGainPrograms int

	Months []MonthLine
	Kinds  []KindLine
}

// ReachedShare is the share of employees at 20 JP; NaN without employees.
func (f *Figures) ReachedShare() float64 { return ratio(f.Reached, f.Employees) }

// Status is the number of programs with status s.
func (f *Figures) Status(s data.ProgramStatus) int {
	for i, x := range data.ProgramStatuses {
		if x == s && i < len(f.ByStatus) {
			return f.ByStatus[i]
		}
	}
	return 0
}

// Overview is everything Load computes for a period.
type Overview struct {
	Figures
	Programs     []*ProgramLine // by end date, then code
	People       []*Person      // every participant (of the unit), by name
	Units        []UnitLine     // by name, people without a unit last
	Outcomes     *store.Outcomes
	Certificates []store.CertificateRow
	Targets      data.JPTargets // the yearly JP target per employment status
	// Repeats are the completed enrolments of a course the person completed earlier in the year, with the
	// enrolment that counted (store.Outcomes.Repeats): their JP count once.
	Repeats map[int64]int64

	people map[int64]*Person
	lines  map[int64]*ProgramLine
	totals map[int64][]*store.AttachmentTotals
	tests  map[int64][]*analysis.FormReport // the tests' responses, by program
	// noEvaluations leaves the evaluations unread (LoadJP).
	noEvaluations bool
}

// Person returns a participant of the overview by ID, or nil.
func (o *Overview) Person(id int64) *Person { return o.people[id] }

// Program returns a program line by program ID, or nil.
func (o *Overview) Program(id int64) *ProgramLine { return o.lines[id] }

// Progress reports how far Load is: done of total steps.
type Progress func(done, total int)

// Load computes the overview of a period on day today (attendance and eligibility as they stand that day).
func Load(ctx context.Context, s *store.Store, p Period, today time.Time, progress Progress) (*Overview, error) {
	return load(ctx, s, p, today, progress, true)
}

// LoadJP is Load without the evaluations: the people's JP, the program lines' sessions and certificates, but
// no satisfaction or learning gain (those figures stay empty). The JP follow-up needs only who reached their
// target; on a year of 100,000 people the evaluations' answers are a third of a second of reading and
// megabytes held.
func LoadJP(ctx context.Context, s *store.Store, p Period, today time.Time, progress Progress) (*Overview, error) {
	return load(ctx, s, p, today, progress, false)
}

func load(ctx context.Context, s *store.Store, p Period, today time.Time, progress Progress, evaluations bool) (*Overview, error) {
	if err := p.Validate(); err != nil {
		return nil, err
	}
	o := &Overview{people: map[int64]*Person{}, noEvaluations: !evaluations}
	o.Period, o.Today = p, data.Day(today)
	var people []store.ParticipantRow
	err := o.read(ctx, s, p.Scope(), progress, func() error {
		var err error
		people, err = s.People(ctx, p.Unit)
		return err
	}, func() (err error) {
		o.Targets, err = s.JPTargets(ctx)
		return err
	})
	if err != nil {
		return nil, err
	}
	for _, r := range people {
		person := &Person{ParticipantRow: r, Target: o.Targets.For(r.EmploymentStatus)}
		o.People = append(o.People, person)
		o.people[r.ID] = person
	}
	o.combine(p.Unit != "")
	o.sum()
	return o, nil
}

// LoadProgram computes one program's line as the period's overview would (the evaluation summary's key
// figures), on day today.
func LoadProgram(ctx context.Context, s *store.Store, programID int64, today time.Time) (*ProgramLine, error) {
	o := &Overview{people: map[int64]*Person{}}
	o.Today = data.Day(today)
	if err := o.read(ctx, s, store.Scope{ProgramID: programID}, nil); err != nil {
		return nil, err
	}
	o.combine(false)
	if len(o.Programs) == 0 {
		return nil, data.Errorf(data.KindNotFound, "Program %d tidak ditemukan", programID)
	}
	return o.Programs[0], nil
}

// read runs the bulk reads of the scope side by side (SQLite serves readers on several connections at once),
// with more reads of the caller's.
func (o *Overview) read(ctx context.Context, s *store.Store, sc store.Scope, progress Progress, more ...func() error) error {
	var mu sync.Mutex
	done, total := 0, 3+len(more)
	if !o.noEvaluations {
		total++
	}
	step := func() {
		mu.Lock()
		done++
		if progress != nil {
			progress(done, total)
		}
		mu.Unlock()
	}
	reads := append([]func() error{
		func() (err error) { o.Outcomes, err = s.Outcomes(ctx, sc, o.Today); return },
		func() (err error) { o.Certificates, err = s.CertificatesInScope(ctx, sc); return },
	}, more...)
	if !o.noEvaluations {
		reads = append(reads, func() (err error) { o.totals, err = s.EvaluationTotals(ctx, sc); return })
	}
	errs := make([]error, len(reads))
	var wg sync.WaitGroup
	for i, read := range reads {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = read()
			step()
		}()
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return firstError(errs)
	}
	// The tests' answers are read whole: the gain is per participant.
	o.tests = map[int64][]*analysis.FormReport{}
	for id, attached := range o.totals {
		for _, a := range attached {
			if !a.Form.IsTest() || a.Responses == 0 {
				continue
			}
			responses, err := s.Responses(ctx, a.ID)
			if err != nil {
				return err
			}
			o.tests[id] = append(o.tests[id], &analysis.FormReport{Attachment: a.ProgramFormRow, Form: a.Form, Responses: responses})
		}
	}
	step()
	return nil
}

func firstError(errs []error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// combine turns what read read into program lines and the people's JP; with unitOnly, programs that nobody of
// the unit took part in are left out.
func (o *Overview) combine(unitOnly bool) {
	certified := map[int64]bool{}
	for _, c := range o.Certificates {
		if !c.Revoked {
			certified[c.EnrolmentID] = true
		}
	}
	lines := map[int64]*ProgramLine{}
	for id, po := range o.Outcomes.Programs {
		lines[id] = &ProgramLine{Program: po.Program, HeldSessions: po.HeldSessions, Sessions: po.Sessions, NGain: math.NaN(),
			Satisfaction: analysis.SatisfactionIndex(nil), Ended: po.Ended, Unentered: po.Unentered}
	}
	o.Repeats = o.Outcomes.Repeats()
	touched := map[int64]bool{} // programs with someone of the unit
	for i := range o.Outcomes.Enrolments {
		eo := &o.Outcomes.Enrolments[i]
		e, l := eo.Enrolment, lines[eo.Enrolment.ProgramID]
		ended := o.Outcomes.Programs[e.ProgramID].Ended && l.Program.Status != data.StatusCancelled
		touched[e.ProgramID] = true
		if e.Withdrawn {
			continue
		}
		if ended && eo.Eligibility.Eligible() && !certified[e.ID] {
			l.Uncertified++
		}
		if e.Role != data.RoleParticipant {
			continue
		}
		l.Enrolled++
		rate := eo.Eligibility.Attendance
		l.JPAttended += rate.JPAttended
		l.JPHeld += rate.JPScheduled
		if rate.SessionsAttended > 0 {
			l.Attended++
		}
		if eo.Eligibility.Eligible() {
			l.Eligible++
		}
		if certified[e.ID] {
			l.Certified++
		}
		if eo.Completed() {
			l.Completed++
			person := o.people[e.ParticipantID]
			if _, repeat := o.Repeats[e.ID]; repeat {
				l.Repeats++
				if person != nil {
					person.Repeats++
				}
				continue
			}
			if person != nil {
				person.JP += l.Program.TotalJP
				person.Programs++
			}
		}
	}
	for id, attached := range o.totals {
		l := lines[id]
		if l == nil {
			continue
		}
		var level1 []*analysis.FormResult
		for _, a := range attached {
			fl := &FormLine{AttachmentTotals: a, Result: analysis.FormFromTotals(a.Form, a.Responses, a.Totals)}
			l.Forms = append(l.Forms, fl)
			l.Responses += a.Responses
			if a.Level == 1 {
				level1 = append(level1, fl.Result)
				if a.Respondent != data.RespondentSuperior {
					l.Expected += a.Expected
					l.Responded += a.Responded
				}
			}
		}
		l.Satisfaction = analysis.SatisfactionIndex(level1)
		if tests := o.tests[id]; len(tests) > 0 {
			l.Tests = analysis.PairTests(tests, l.Program.PassScore, nil)
			for _, t := range l.Tests {
				if t.Paired > 0 && !math.IsNaN(t.ClassNGain) {
					l.NGain, l.NGainClass = t.ClassNGain, t.ClassCategory
					break
				}
			}
		}
	}
	o.lines = map[int64]*ProgramLine{}
	o.tests = nil // the tests' answers are summed up now; a year's would weigh tens of megabytes
	for id, l := range lines {
		if unitOnly && !touched[id] {
			continue
		}
		o.Programs = append(o.Programs, l)
		o.lines[id] = l
	}
	sort.Slice(o.Programs, func(i, j int) bool {
		a, b := o.Programs[i].Program, o.Programs[j].Program
		if !a.EndDate.Equal(b.EndDate) {
			return a.EndDate.Before(b.EndDate)
		}
		return a.Code < b.Code
	})
}

// sum computes the key figures and the units from the lines and the people.
func (o *Overview) sum() {
	f := &o.Figures
	f.ByStatus = make([]int, len(data.ProgramStatuses))
	f.Programs = len(o.Programs)
	months := map[[2]int]*MonthLine{}
	for y, m := o.Period.From.Year(), o.Period.From.Month(); y < o.Period.To.Year() || (y == o.Period.To.Year() && m <= o.Period.To.Month()); {
		ml := MonthLine{Year: y, Month: m}
		f.Months = append(f.Months, ml)
		if m == time.December {
			y, m = y+1, time.January
		} else {
			m++
		}
	}
	for i := range f.Months {
		months[[2]int{f.Months[i].Year, int(f.Months[i].Month)}] = &f.Months[i]
	}
	kinds := map[string]*KindLine{}
	var sat data.SatisfactionMix
	kindSat := map[string]*data.SatisfactionMix{}
	var gains float64
	for _, l := range o.Programs {
		p := l.Program
		if !math.IsNaN(l.NGain) {
			gains += l.NGain
			f.NGainPrograms++
		}
		for i, s := range data.ProgramStatuses {
			if p.Status == s {
				f.ByStatus[i]++
			}
		}
		f.Enrolled += l.Enrolled
		f.Completions += l.Completed
		f.Certified += l.Certified
		if l.Ended && p.Status != data.StatusCancelled {
			f.ProgramJP += p.TotalJP
		}
		if ml := months[[2]int{p.EndDate.Year(), int(p.EndDate.Month())}]; ml != nil {
			ml.Programs++
			ml.Participants += l.Enrolled
		}
		k := kinds[p.Kind]
		if k == nil {
			k = &KindLine{Kind: p.Kind}
			kinds[p.Kind] = k
		}
		k.Programs++
		k.Participants += l.Enrolled
		sat.Add(l.Satisfaction.Scale, l.Satisfaction.Percent)
		if kindSat[p.Kind] == nil {
			kindSat[p.Kind] = &data.SatisfactionMix{}
		}
		kindSat[p.Kind].Add(l.Satisfaction.Scale, l.Satisfaction.Percent)
	}
	for name, kl := range kinds {
		_, _, kl.Satisfaction, kl.SatisfactionCategory = kindSat[name].Result()
	}
	for _, k := range data.ProgramKinds {
		if kl := kinds[k.Name]; kl != nil {
			f.Kinds = append(f.Kinds, *kl)
			delete(kinds, k.Name)
		}
	}
	for _, kl := range kinds { // kinds no longer offered, kept by old programs
		f.Kinds = append(f.Kinds, *kl)
	}
	f.NGain = math.NaN()
	if f.NGainPrograms > 0 {
		f.NGain = gains / float64(f.NGainPrograms)
		f.NGainCategory = data.GainCategory(f.NGain)
	}
	f.SatisfactionPrograms = sat.N()
	f.SatisfactionScale, f.Satisfaction, f.SatisfactionPercent, f.SatisfactionCategory = sat.Result()

	units := map[string]*UnitLine{}
	for _, person := range o.People {
		u := units[person.Unit]
		if u == nil {
			u = &UnitLine{Unit: person.Unit}
			units[person.Unit] = u
		}
		u.People++
		u.JP += person.JP
		f.JP += person.JP
		if person.Programs > 0 {
			u.Trained++
			f.Trained++
		}
		if person.Employee() {
			u.Employees++
			f.Employees++
			if person.Reached() {
				u.Reached++
				f.Reached++
			}
		}
	}
	for _, u := range units {
		o.Units = append(o.Units, *u)
	}
	sort.Slice(o.Units, func(i, j int) bool {
		a, b := o.Units[i].Unit, o.Units[j].Unit
		if (a == "") != (b == "") {
			return b == ""
		}
		return strings.ToLower(a) < strings.ToLower(b)
	})
}

func ratio(a, b int) float64 {
	if b == 0 {
		return math.NaN()
	}
	return float64(a) / float64(b)
}
