package classroom

import (
	"context"

	"github.com/pembina/pembina/data"
)

// Person is one participant in the laptop's live list.
type Person struct {
	EnrolmentID   int64
	ParticipantID int64
	Name          string
	Unit          string
	Mark          *data.Mark // this session's mark, nil when unmarked (or when no session is served)
	Answered      int        // forms (per speaker) answered of those open now
	Of            int
}

// Present reports whether the participant is marked present (H or T).
func (p *Person) Present() bool {
	return p.Mark != nil && (p.Mark.Status == data.Present || p.Mark.Status == data.Late)
}

// Done reports whether the participant answered every form open now.
func (p *Person) Done() bool { return p.Of > 0 && p.Answered >= p.Of }

// State is the participant's line in the live list: answered, checked in, or not yet.
func (p *Person) State() string {
	switch {
	case p.Done():
		return "Sudah mengisi"
	case p.Present():
		return "Sudah hadir"
	case p.Mark != nil:
		return p.Mark.Status.Label()
	}
	return "Belum"
}

// Status is the live list: everyone on the roster with counts.
type Status struct {
	People    []Person
	CheckedIn int // marked H or T
	Answered  int // answered every open form (checked in or not)
	NotYet    int // neither marked present nor done
	Forms     int // forms (per speaker) open now for participants
}

// Status reads the roster, the session's marks and the responses to the forms open today, with the same
// store functions the window uses.
func (s *Server) Status(ctx context.Context) (*Status, error) {
	roster, err := s.st.Roster(ctx, s.program.ID)
	if err != nil {
		return nil, err
	}
	var marks map[int64]*data.Mark
	if s.session != nil {
		if marks, err = s.st.Marks(ctx, s.session.ID); err != nil {
			return nil, err
		}
	}
	rows, err := s.st.ProgramForms(ctx, s.program.ID)
	if err != nil {
		return nil, err
	}
	today := data.Day(s.cfg.Now())
	answered := map[int64]int{}
	st := &Status{}
	for _, pf := range rows {
		if !pf.IsOpen(today) || !answersParticipants(pf.ProgramForm) {
			continue
		}
		of := 1
		if pf.FormKind == data.FormSpeaker {
			of = len(s.speakers)
		}
		st.Forms += of
		if pf.Respondent == data.RespondentAnonymous {
			s.mu.Lock()
			for k := range s.anon {
				if k.programFormID == pf.ID {
					answered[k.participantID]++
				}
			}
			s.mu.Unlock()
			continue
		}
		rate, err := s.st.ResponseRate(ctx, pf.ID)
		if err != nil {
			return nil, err
		}
		for _, r := range rate.Respondents {
			answered[r.ParticipantID] += min(r.Done, of)
		}
	}
	for _, r := range roster {
		p := Person{EnrolmentID: r.EnrolmentID, ParticipantID: r.ParticipantID, Name: r.Name, Unit: r.Unit,
			Mark: marks[r.EnrolmentID], Answered: answered[r.ParticipantID], Of: st.Forms}
		if p.Present() {
			st.CheckedIn++
		}
		if p.Done() {
			st.Answered++
		}
		if !p.Present() && !p.Done() {
			st.NotYet++
		}
		st.People = append(st.People, p)
	}
	return st, nil
}
