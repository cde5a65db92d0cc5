package report

import (
	"context"
	"io"

	"github.com/pembina/pembina/app/report/pdf"
	"github.com/pembina/pembina/data"
	"github.com/pembina/pembina/data/store"
)

// LoadSignInSheets gathers what the sign-in sheets of a program need from the database: the institution, the
// roster, the officer who signs (the program's signatory, else the institution's default), and the sessions
// with their marks. session is the session's number, or 0 for every session.
func LoadSignInSheets(ctx context.Context, s *store.Store, p *data.Program, session int, paper pdf.Paper) (*SignInSheets, error) {
	in, err := s.Institution(ctx)
	if err != nil {
		return nil, err
	}
	var sessions []*data.Session
	if session > 0 {
		x, err := s.SessionByNumber(ctx, p.ID, session)
		if err != nil {
			return nil, err
		}
		sessions = []*data.Session{x}
	} else if sessions, err = s.Sessions(ctx, p.ID); err != nil {
		return nil, err
	}
	roster, err := s.Roster(ctx, p.ID)
	if err != nil {
		return nil, err
	}
	g, err := s.ProgramSignatory(ctx, p.ID)
	if err != nil {
		return nil, err
	}
	signIn := &SignInSheets{Institution: in, Program: p, Signatory: g, Paper: paper}
	for _, r := range roster {
		signIn.People = append(signIn.People, SignInPerson{EnrolmentID: r.EnrolmentID, Name: r.Name, NIP: r.NIP, RankCode: r.RankCode, Unit: r.Unit})
	}
	for _, x := range sessions {
		marks, err := s.Marks(ctx, x.ID)
		if err != nil {
			return nil, err
		}
		statuses := make(map[int64]data.AttendanceStatus, len(marks))
		for id, m := range marks {
			statuses[id] = m.Status
		}
		signIn.Sessions = append(signIn.Sessions, SignInSession{Session: x, Marks: statuses})
	}
	return signIn, nil
}

// SaveSignInSheets writes the sheets to a PDF file. It writes beside the file first and renames at the end,
// so a failure never leaves half a PDF where an older, complete one was.
func SaveSignInSheets(path string, signIn *SignInSheets) error {
	return saveFile(path, func(w io.Writer) error { return WriteSignInSheets(w, signIn) })
}
