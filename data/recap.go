package data

import (
	"cmp"
	"math"
	"slices"
	"time"
)

// StatusCounts counts the marks of one session (or one participant) by status, with those not marked.
type StatusCounts struct {
	counts   [7]int
	Unmarked int
}

func statusIndex(s AttendanceStatus) int {
	switch s {
	case Present:
		return 0
	case Late:
		return 1
	case Leave:
		return 2
	case Sick:
		return 3
	case Duty:
		return 4
	case Holiday:
		return 5
	case Absent:
		return 6
	}
	return -1
}

// Add counts one mark; "" counts as not marked.
func (c *StatusCounts) Add(s AttendanceStatus) {
	if i := statusIndex(s); i >= 0 {
		c.counts[i]++
	} else {
		c.Unmarked++
	}
}

// Remove takes one mark back, for live counts that follow every key press.
func (c *StatusCounts) Remove(s AttendanceStatus) {
	if i := statusIndex(s); i >= 0 {
		c.counts[i]--
	} else {
		c.Unmarked--
	}
}

// Of is the number of marks with status s.
func (c StatusCounts) Of(s AttendanceStatus) int {
	if i := statusIndex(s); i >= 0 {
		return c.counts[i]
	}
	return c.Unmarked
}

// Attended is the number of marks that count as present under the program's excused rule.
func (c StatusCounts) Attended(excusedCountPresent bool) int {
	n := 0
	for _, s := range AttendanceStatuses {
		if s.Attended(excusedCountPresent) {
			n += c.Of(s)
		}
	}
	return n
}

// Marked is the number of marks of any status.
func (c StatusCounts) Marked() int {
	n := 0
	for _, v := range c.counts {
		n += v
	}
	return n
}

// RecapPerson is one participant of the recap, as the store lists them.
type RecapPerson struct {
	EnrolmentID int64
	Name        string // with titles
	NIP         string
	SortName    string // the name without titles, folded, for sorting
}

// StatusMark is one stored mark, reduced to what the recap needs.
type StatusMark struct {
	SessionID   int64
	EnrolmentID int64
	Status      AttendanceStatus
}

// RecapRow is one participant's line of the recap: a mark per session ("" where none), the rate over the
// sessions held, and whether it meets the program's threshold.
type RecapRow struct {
	RecapPerson
	Marks []AttendanceStatus
	Rate  AttendanceRate
	Met   bool
}

// Recap is the attendance matrix of a program: participants × sessions, with rates per participant and
// counts per session.
type Recap struct {
	Program  *Program
	Sessions []*Session
	Held     []bool // per session: whether it counts on the recap's day (SessionHeld)
	// Unentered is per session whether it is of the recap's day or earlier and nobody has a mark for it
	// ("belum diisi"): not absence, and certificates wait for it.
	Unentered []bool
	Counts    []StatusCounts // per session
	Rows      []RecapRow
	Complete  bool       // every session has been held: none to come, none to enter
	Day       ProgramDay // the schedule on the recap's day
}

// BuildRecap makes the recap of a program on day today from its sessions (in order), its participants and
// their marks. Marks of people or sessions not listed are ignored.
func BuildRecap(p *Program, sessions []*Session, people []RecapPerson, marks []StatusMark, today time.Time) *Recap {
	r := &Recap{Program: p, Sessions: sessions, Held: make([]bool, len(sessions)), Unentered: make([]bool, len(sessions)),
		Counts: make([]StatusCounts, len(sessions)), Rows: make([]RecapRow, len(people))}
	sessionIndex := make(map[int64]int, len(sessions))
	for i, x := range sessions {
		sessionIndex[x.ID] = i
	}
	personIndex := make(map[int64]int, len(people))
	cells := make([]AttendanceStatus, len(people)*len(sessions))
	for i, person := range people {
		personIndex[person.EnrolmentID] = i
		r.Rows[i] = RecapRow{RecapPerson: person, Marks: cells[i*len(sessions) : (i+1)*len(sessions) : (i+1)*len(sessions)]}
	}
	marked := make([]bool, len(sessions))
	for _, m := range marks {
		si, ok := sessionIndex[m.SessionID]
		pi, ok2 := personIndex[m.EnrolmentID]
		if !ok || !ok2 {
			continue
		}
		r.Rows[pi].Marks[si] = m.Status
		marked[si] = true
	}
	for si, x := range sessions {
		r.Held[si] = r.Day.Add(x, today, marked[si])
		r.Unentered[si] = SessionUnentered(x.Date, today, marked[si])
	}
	r.Complete = r.Day.Complete()
	for pi := range r.Rows {
		row := &r.Rows[pi]
		for si, x := range sessions {
			st := row.Marks[si]
			r.Counts[si].Add(st)
			if r.Held[si] {
				row.Rate.Add(x.JP, st, p.ExcusedCountPresent)
			}
		}
		row.Met = row.Rate.Meets(p.AttendanceThreshold)
	}
	return r
}

// HeldCount is the number of sessions held.
func (r *Recap) HeldCount() int {
	n := 0
	for _, h := range r.Held {
		if h {
			n++
		}
	}
	return n
}

// BelowThreshold counts the participants whose rate is defined and below the threshold.
func (r *Recap) BelowThreshold() int {
	n := 0
	for _, row := range r.Rows {
		if row.Rate.Defined() && !row.Met {
			n++
		}
	}
	return n
}

// RecapKey is what the recap can be sorted by.
type RecapKey int

// The sort keys.
const (
	ByName RecapKey = iota
	ByNIP
	ByRate         // the rate the threshold is checked against (JP)
	BySessionsRate // sessions attended of held
	BySession      // the mark of one session, in the order of AttendanceStatuses, unmarked last
)

// Sort orders the rows by key (session is the index for BySession), descending when desc is set; ties keep
// the order by name.
func (r *Recap) Sort(key RecapKey, session int, desc bool) {
	rate := func(x float64) float64 {
		if math.IsNaN(x) {
			return -1
		}
		return x
	}
	markOrder := func(s AttendanceStatus) int {
		if i := statusIndex(s); i >= 0 {
			return i
		}
		return len(AttendanceStatuses)
	}
	slices.SortStableFunc(r.Rows, func(a, b RecapRow) int {
		var c int
		switch key {
		case ByNIP:
			c = cmp.Compare(a.NIP, b.NIP)
		case ByRate:
			c = cmp.Compare(rate(a.Rate.Rate()), rate(b.Rate.Rate()))
		case BySessionsRate:
			c = cmp.Compare(rate(a.Rate.BySessions()), rate(b.Rate.BySessions()))
		case BySession:
			if session >= 0 && session < len(a.Marks) {
				c = cmp.Compare(markOrder(a.Marks[session]), markOrder(b.Marks[session]))
			}
		}
		if c == 0 && key != ByName {
			return cmp.Or(cmp.Compare(a.SortName, b.SortName), cmp.Compare(a.EnrolmentID, b.EnrolmentID))
		}
		if c == 0 {
			c = cmp.Or(cmp.Compare(a.SortName, b.SortName), cmp.Compare(a.EnrolmentID, b.EnrolmentID))
		}
		if desc {
			return -c
		}
		return c
	})
}
