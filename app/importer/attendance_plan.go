package importer

import (
	"context"
	"fmt"
	"math"
	"sort"
	"strings"
	"time"

	"github.com/pembina/pembina/data"
	"github.com/pembina/pembina/data/indo"
	"github.com/pembina/pembina/data/store"
)

// DefaultPresentShare is the share of a session's length someone must have been online to count as present
// when nobody chose another (75%).
const DefaultPresentShare = 0.75

// Ways a meeting line was matched to a participant.
const (
	ByEmail = "email"
	ByNIP   = "NIP"
	ByName  = "nama"
	ByHand  = "manual"
)

// AttendancePerson is one participant of the program found in a meeting report, with the minutes of all their
// connections summed.
type AttendancePerson struct {
	EnrolmentID int64
	Name        string // as enrolled, with titles
	NIP         string
	Minutes     int
	Rows        []int  // the report's lines that were theirs
	MatchedBy   string // ByEmail, ByNIP, ByName or ByHand
	// Status is the mark to store: H when the minutes reach the share of the session's length, otherwise ""
	// (nothing stored) until the coordinator decides.
	Status  data.AttendanceStatus
	Decided bool       // the coordinator chose Status; a new share leaves it alone
	Current *data.Mark // the mark stored already, nil when none
}

// UnmatchedAttendee is a person of the report (their lines grouped) who could not be matched to a participant of
// the program: the coordinator matches them by hand or leaves them out.
type UnmatchedAttendee struct {
	Name    string
	Email   string
	NIP     string
	Minutes int
	Rows    []int
	Reason  string // why not matched, in Indonesian
}

// AttendancePlan is a meeting report matched against a session's roster, ready to be reviewed and applied.
// Nothing is written until Apply.
type AttendancePlan struct {
	Program   *data.Program
	Session   *data.Session
	File      *AttendanceFile
	Share     float64 // 0–1
	People    []*AttendancePerson
	Unmatched []*UnmatchedAttendee
	Warnings  []string
	Roster    []store.RosterRow
}

// SessionMinutes is the session's length by its schedule.
func (a *AttendancePlan) SessionMinutes() int {
	return clockMinutes(a.Session.End) - clockMinutes(a.Session.Start)
}

// Need is the minutes online that count as present: the share of the session's length, rounded up.
func (a *AttendancePlan) Need() int {
	return int(math.Ceil(a.Share*float64(a.SessionMinutes()) - 1e-9))
}

func clockMinutes(s string) int {
	t, err := time.Parse("15:04", s)
	if err != nil {
		return 0
	}
	return t.Hour()*60 + t.Minute()
}

// SetShare changes the share (0 < share ≤ 1) and proposes again the status of everyone the coordinator has
// not decided on.
func (a *AttendancePlan) SetShare(share float64) error {
	if share <= 0 || share > 1 || math.IsNaN(share) {
		return data.Errorf(data.KindInvalid, "Batas hadir harus antara 1 dan 100 persen dari lama sesi")
	}
	a.Share = share
	for _, p := range a.People {
		if !p.Decided {
			p.Status = a.propose(p.Minutes)
		}
	}
	return nil
}

func (a *AttendancePlan) propose(minutes int) data.AttendanceStatus {
	if minutes >= a.Need() {
		return data.Present
	}
	return ""
}

// Decide sets the mark of a matched person whose minutes fell short (or overrides a proposal); "" stores
// nothing for them.
func (a *AttendancePlan) Decide(i int, status data.AttendanceStatus) {
	a.People[i].Status, a.People[i].Decided = status, true
}

// MatchByHand joins an unmatched line to a participant of the roster; their minutes add to any lines already
// matched to that participant.
func (a *AttendancePlan) MatchByHand(u int, enrolmentID int64) error {
	if u < 0 || u >= len(a.Unmatched) {
		return data.Errorf(data.KindNotFound, "Baris laporan tidak ditemukan")
	}
	var who *store.RosterRow
	for i := range a.Roster {
		if a.Roster[i].EnrolmentID == enrolmentID {
			who = &a.Roster[i]
		}
	}
	if who == nil {
		return data.Errorf(data.KindInvalid, "Peserta yang dipilih tidak terdaftar di program ini")
	}
	line := a.Unmatched[u]
	a.Unmatched = append(a.Unmatched[:u], a.Unmatched[u+1:]...)
	p := a.person(who, ByHand, nil)
	p.Minutes += line.Minutes
	p.Rows = append(p.Rows, line.Rows...)
	if !p.Decided {
		p.Status = a.propose(p.Minutes)
	}
	return nil
}

// person returns the entry of a roster member, making it when they have none yet.
func (a *AttendancePlan) person(r *store.RosterRow, by string, current map[int64]*data.Mark) *AttendancePerson {
	for _, p := range a.People {
		if p.EnrolmentID == r.EnrolmentID {
			return p
		}
	}
	p := &AttendancePerson{EnrolmentID: r.EnrolmentID, Name: r.Name, NIP: r.NIP, MatchedBy: by}
	if current != nil {
		p.Current = current[r.EnrolmentID]
	}
	a.People = append(a.People, p)
	sort.SliceStable(a.People, func(i, j int) bool { return a.People[i].Name < a.People[j].Name })
	return p
}

// Marks are the marks Apply would store: one per matched person with a status.
func (a *AttendancePlan) Marks() []*data.Mark {
	var out []*data.Mark
	for _, p := range a.People {
		if p.Status == "" {
			continue
		}
		minutes := p.Minutes
		out = append(out, &data.Mark{SessionID: a.Session.ID, EnrolmentID: p.EnrolmentID, Status: p.Status, Minutes: &minutes,
			Source: data.SourceImport})
	}
	return out
}

// Undecided counts the matched people whose minutes fell short and who have no status yet.
func (a *AttendancePlan) Undecided() int {
	n := 0
	for _, p := range a.People {
		if p.Status == "" && !p.Decided {
			n++
		}
	}
	return n
}

// Apply stores the marks in one transaction (store.ImportMarks): a second import of the same file changes
// nothing, and marks keyed in on screen or from paper are kept.
func (a *AttendancePlan) Apply(ctx context.Context, s *store.Store) (store.ImportResult, error) {
	return s.ImportMarks(ctx, a.Session.ID, a.Marks())
}

// Plan matches the report's lines to the session's roster: by email, then by NIP (a NIP column, or one
// written into the meeting name), then by name with titles, case, punctuation and a Zoom number prefix ignored
// (a name that starts with exactly one participant's full name also matches: "Budi Santoso SDN 1"). The
// minutes of someone who joined several times are summed. share is the part of the session's length that
// counts as present (DefaultPresentShare when 0).
func (rep *AttendanceFile) Plan(ctx context.Context, s *store.Store, session *data.Session, share float64, today time.Time) (*AttendancePlan, error) {
	if share == 0 {
		share = DefaultPresentShare
	}
	p, err := s.Program(ctx, session.ProgramID)
	if err != nil {
		return nil, err
	}
	roster, err := s.Roster(ctx, p.ID)
	if err != nil {
		return nil, err
	}
	if len(roster) == 0 {
		return nil, data.Errorf(data.KindInvalid, "Program %s belum memiliki peserta terdaftar; daftarkan pesertanya dulu, lalu impor laporan rapat", p.Code)
	}
	current, err := s.Marks(ctx, session.ID)
	if err != nil {
		return nil, err
	}
	a := &AttendancePlan{Program: p, Session: session, File: rep, Roster: roster}
	if err := a.SetShare(share); err != nil {
		return nil, err
	}
	m := newMatcher(roster)
	unmatched := map[string]*UnmatchedAttendee{}
	var order []string
	for _, line := range rep.Lines {
		r, by, reason := m.match(line)
		if r != nil {
			pp := a.person(r, by, current)
			pp.Minutes += line.Minutes
			pp.Rows = append(pp.Rows, line.Row)
			continue
		}
		key := line.Email
		if key == "" {
			key = strings.Join(nameCandidates(line.Name), "|")
		}
		if key == "" {
			key = line.Name
		}
		u, ok := unmatched[key]
		if !ok {
			u = &UnmatchedAttendee{Name: line.Name, Email: line.Email, NIP: line.NIP, Reason: reason}
			if reason == "" {
				u.Reason = outsider(ctx, s, line)
			}
			unmatched[key] = u
			order = append(order, key)
		}
		u.Minutes += line.Minutes
		u.Rows = append(u.Rows, line.Row)
	}
	for _, k := range order {
		a.Unmatched = append(a.Unmatched, unmatched[k])
	}
	for _, pp := range a.People {
		pp.Status = a.propose(pp.Minutes)
	}
	a.Warnings = warnings(rep, session, today)
	return a, nil
}

// outsider explains a line nobody on the roster matched: a person Pembina knows who is not in this program
// (their mark would be refused), or someone unknown.
func outsider(ctx context.Context, s *store.Store, line AttendanceLine) string {
	var known *data.Participant
	if line.Email != "" {
		known, _ = s.ParticipantByEmail(ctx, line.Email)
	}
	if known == nil && line.NIP != "" {
		known, _ = s.ParticipantByNIP(ctx, line.NIP)
	}
	if known != nil {
		return fmt.Sprintf("%s: tercatat di Pembina, bukan peserta program ini", known.FullName())
	}
	return "email, NIP dan nama tidak cocok dengan peserta program"
}

func warnings(rep *AttendanceFile, x *data.Session, today time.Time) []string {
	var w []string
	if !rep.Start.IsZero() {
		day := data.Day(rep.Start)
		// Zoom writes month/day; an export made with a day/month locale reads as another date: either may match.
		swapped := time.Date(day.Year(), time.Month(day.Day()), int(day.Month()), 0, 0, 0, 0, time.UTC)
		if !day.Equal(x.Date) && !(day.Day() <= 12 && swapped.Equal(x.Date)) {
			w = append(w, fmt.Sprintf("Laporan ini dari rapat tanggal %s, sedangkan sesi %d dijadwalkan %s; pastikan sesinya benar",
				indo.Date(day), x.Number, indo.Date(x.Date)))
		}
	}
	if !today.IsZero() && data.Day(x.Date).After(data.Day(today)) {
		w = append(w, fmt.Sprintf("Sesi %d dijadwalkan %s, belum berlangsung", x.Number, indo.Date(x.Date)))
	}
	return w
}

// matcher finds roster members by email, NIP and folded name.
type matcher struct {
	roster  []store.RosterRow
	byEmail map[string][]int
	byNIP   map[string]int
	byName  map[string][]int
	keys    [][]string // each member's folded name, in words
}

func newMatcher(roster []store.RosterRow) *matcher {
	m := &matcher{roster: roster, byEmail: map[string][]int{}, byNIP: map[string]int{}, byName: map[string][]int{},
		keys: make([][]string, len(roster))}
	for i, r := range roster {
		if e := strings.ToLower(strings.TrimSpace(r.Email)); e != "" {
			m.byEmail[e] = append(m.byEmail[e], i)
		}
		if r.NIP != "" {
			m.byNIP[r.NIP] = i
		}
		k := personKey(r.PlainName)
		m.keys[i] = strings.Fields(k)
		m.byName[k] = append(m.byName[k], i)
	}
	return m
}

// match returns the roster member of a line and how it was found, or nil with a reason when the line is
// ambiguous ("" when simply unknown).
func (m *matcher) match(line AttendanceLine) (*store.RosterRow, string, string) {
	if ids := m.byEmail[line.Email]; line.Email != "" && len(ids) == 1 {
		return &m.roster[ids[0]], ByEmail, ""
	}
	if i, ok := m.byNIP[line.NIP]; line.NIP != "" && ok {
		return &m.roster[i], ByNIP, ""
	}
	reason := ""
	for _, key := range nameCandidates(line.Name) {
		ids := m.byName[key]
		if len(ids) == 1 {
			return &m.roster[ids[0]], ByName, ""
		}
		if len(ids) > 1 {
			reason = fmt.Sprintf("nama ini dimiliki %d peserta; pilih orangnya", len(ids))
			continue
		}
		// A name that starts with exactly one member's full name of two words or more: "Budi Santoso SDN 1".
		words := strings.Fields(key)
		var found []int
		for i, k := range m.keys {
			if len(k) >= 2 && len(k) < len(words) && equalWords(words[:len(k)], k) {
				found = append(found, i)
			}
		}
		if len(found) == 1 {
			return &m.roster[found[0]], ByName, ""
		}
		if len(found) > 1 {
			reason = fmt.Sprintf("nama ini cocok dengan %d peserta; pilih orangnya", len(found))
		}
	}
	return nil, "", reason
}

func equalWords(a, b []string) bool {
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return len(a) == len(b)
}
