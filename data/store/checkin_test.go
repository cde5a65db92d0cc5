package store

import (
	"context"
	"testing"

	"github.com/pembina/pembina/data"
)

func TestCheckInKeepsExistingMark(t *testing.T) {
	s := mustOpen(t, tempDB(t))
	ctx := context.Background()
	p := sampleProgram("KLS-1")
	if err := s.CreateProgram(ctx, p); err != nil {
		t.Fatal(err)
	}
	x := &data.Session{ProgramID: p.ID, Date: p.StartDate, Start: "08:00", End: "10:00", TimeZone: "WIB", JP: 2}
	if err := s.CreateSession(ctx, x); err != nil {
		t.Fatal(err)
	}
	who := sampleParticipant()
	if err := s.CreateParticipant(ctx, who); err != nil {
		t.Fatal(err)
	}
	e, err := s.Enrol(ctx, p.ID, who.ID, data.RoleParticipant)
	if err != nil {
		t.Fatal(err)
	}
	first := &data.Mark{SessionID: x.ID, EnrolmentID: e.ID, Status: data.Late, Time: "08:20", Note: "Mode Kelas"}
	held, created, err := s.CheckIn(ctx, first)
	if err != nil || !created || held.Status != data.Late {
		t.Fatalf("first check-in = %+v, %v, %v", held, created, err)
	}
	held, created, err = s.CheckIn(ctx, &data.Mark{SessionID: x.ID, EnrolmentID: e.ID, Status: data.Present})
	if err != nil || created || held.Status != data.Late || held.Time != "08:20" {
		t.Errorf("second check-in = %+v, %v, %v; want the first mark kept", held, created, err)
	}
	if _, _, err := s.CheckIn(ctx, &data.Mark{SessionID: x.ID, EnrolmentID: e.ID, Status: "X"}); data.ErrorKind(err) != data.KindInvalid {
		t.Errorf("a mark with an unknown status = %v, want invalid", err)
	}
	marks, _ := s.Marks(ctx, x.ID)
	if len(marks) != 1 || marks[e.ID].Status != data.Late {
		t.Errorf("marks = %+v", marks)
	}

	// ParticipantAnswered lists the forms and speakers answered.
	org, err := s.FormByBuiltin(ctx, data.BuiltinOrganisation)
	if err != nil {
		t.Fatal(err)
	}
	pf := &data.ProgramForm{ProgramID: p.ID, FormID: org.ID, Level: 1, Respondent: data.RespondentParticipant}
	if err := s.AttachForm(ctx, pf); err != nil {
		t.Fatal(err)
	}
	got, err := s.ParticipantAnswered(ctx, p.ID, who.ID)
	if err != nil || len(got) != 0 {
		t.Fatalf("before answering: %v, %v", got, err)
	}
	r := &data.Response{ProgramFormID: pf.ID, ParticipantID: who.ID, Source: data.ResponsePaper}
	if err := s.SaveResponse(ctx, r, false); err != nil {
		t.Fatal(err)
	}
	got, err = s.ParticipantAnswered(ctx, p.ID, who.ID)
	if err != nil || !got[pf.ID][""] || len(got) != 1 {
		t.Errorf("after answering: %v, %v", got, err)
	}
}
