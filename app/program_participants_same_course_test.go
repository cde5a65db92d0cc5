package app

import (
	"context"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/pembina/pembina/data/store"
)

// Enrolling someone in a batch of a course they already completed says so: its JP count once a year.
func TestEnrolWarnsOfTheSameCourse(t *testing.T) {
	u, s := newTestUIOnSampleDay(t)
	ctx := context.Background()
	first, second := programCalled(t, s, "PTD-I/2026"), programCalled(t, s, "PTD-II/2026")
	o, err := s.Outcomes(ctx, store.Scope{ProgramID: first.ID}, sampleDay)
	if err != nil {
		t.Fatal(err)
	}
	enrolled, _ := s.EnrolledParticipants(ctx, second.ID)
	var nip, name string
	for _, eo := range o.Enrolments {
		if p, _ := s.Participant(ctx, eo.Enrolment.ParticipantID); eo.Completed() && p.NIP != "" && !enrolled[p.ID] {
			nip, name = p.PrintedNIP(), p.FullName()
			break
		}
	}
	if nip == "" {
		t.Fatal("nobody completed PTD-I without being in PTD-II")
	}
	openParticipantsTab(t, u, second)
	entry := entries(u, "Ketik NIP lalu Enter untuk mendaftarkan")[0]
	test.Type(entry, nip)
	u.WaitIdle()
	entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	u.WaitIdle()
	if !labelContaining(u, name+" didaftarkan sebagai peserta.") || !labelContaining(u, "sudah menuntaskan kursus yang sama (PTD-I/2026)") {
		t.Error("no warning that the course was completed before")
	}
}
