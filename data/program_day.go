package data

import (
	"strings"
	"time"

	"github.com/pembina/pembina/data/indo"
)

// ProgramDay is where a program's schedule stands on one day, session by session: which sessions are held
// (SessionHeld), which are of today or earlier but have no attendance entered (SessionUnentered), which lie
// ahead, and so whether the outcome of the completion rule is final (Complete) and whether the program has
// ended (Ended). The attendance recap and the store's bulk outcomes both count sessions through it.
type ProgramDay struct {
	Sessions     int
	HeldSessions int
	HeldJP       int
	Future       int        // sessions after the day
	Over         int        // sessions over (SessionOver)
	Unentered    []*Session // sessions of the day or earlier that nobody has a mark for, in the order added
}

// Add counts one session of the program, marked when anyone has a mark for it, and reports whether it is held.
func (d *ProgramDay) Add(x *Session, today time.Time, marked bool) bool {
	d.Sessions++
	if SessionOver(x.Date, today, marked) {
		d.Over++
	}
	switch {
	case SessionHeld(x.Date, today, marked):
		d.HeldSessions++
		d.HeldJP += x.JP
		return true
	case SessionUnentered(x.Date, today, marked):
		d.Unentered = append(d.Unentered, x)
	default:
		d.Future++
	}
	return false
}

// Complete reports whether every session is held: none to come, none to enter; the outcome is then final.
func (d *ProgramDay) Complete() bool { return d.Future == 0 && len(d.Unentered) == 0 }

// Ended reports whether the program has ended on day today: its end date has passed, or it has sessions and
// the last of them is over. An ended program's JP count for those who completed it, whatever its status.
func (d *ProgramDay) Ended(p *Program, today time.Time) bool {
	return p.EndDate.Before(Day(today)) && !p.EndDate.IsZero() || d.Sessions > 0 && d.Over == d.Sessions
}

// UnenteredLabel names sessions without attendance in Indonesian, for messages: "sesi 3 (Sabtu, 28 November
// 2026, Evaluasi dan Penutupan)", several joined with "; ".
func UnenteredLabel(sessions []*Session) string {
	parts := make([]string, len(sessions))
	for i, x := range sessions {
		what := indo.DateWithDay(x.Date)
		if t := strings.TrimSpace(x.Topic); t != "" {
			what += ", " + t
		}
		parts[i] = "sesi " + indo.Plain(int64(x.Number)) + " (" + what + ")"
	}
	return strings.Join(parts, "; ")
}
