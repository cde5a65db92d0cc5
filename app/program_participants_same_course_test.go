package app

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/pembina/pembina/data"
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

// Pasting NIPs warns only about the pasted people who already completed the course, not about those enrolled
// earlier who did (the paste result counted everyone in the program who repeated the course).
func TestPasteNIPsWarnsOnlyOfThePastedRepeaters(t *testing.T) {
	u, s := newTestUIOnSampleDay(t)
	ctx := context.Background()
	first, second := programCalled(t, s, "PTD-I/2026"), programCalled(t, s, "PTD-II/2026")
	if before, _ := s.SameCourseCompleted(ctx, second.ID, nil, sampleDay); len(before) == 0 {
		t.Fatal("nobody in PTD-II completed PTD-I: the case proves nothing")
	}
	o, err := s.Outcomes(ctx, store.Scope{ProgramID: first.ID}, sampleDay)
	if err != nil {
		t.Fatal(err)
	}
	completed := map[int64]bool{}
	for _, eo := range o.Enrolments {
		if eo.Completed() {
			completed[eo.Enrolment.ParticipantID] = true
		}
	}
	enrolled, _ := s.EnrolledParticipants(ctx, second.ID)
	var fresh, repeater *data.Participant
	rows, _ := s.ListParticipants(ctx, store.ParticipantFilter{}, 0, 500)
	for _, r := range rows {
		if enrolled[r.ID] || r.NIP == "" {
			continue
		}
		p, _ := s.Participant(ctx, r.ID)
		switch {
		case completed[r.ID] && repeater == nil:
			repeater = p
		case !completed[r.ID] && fresh == nil:
			fresh = p
		}
	}
	if fresh == nil || repeater == nil {
		t.Fatalf("no one outside PTD-II who did (%v) or did not (%v) complete PTD-I", repeater, fresh)
	}
	openParticipantsTab(t, u, second)
	paste := func(p *data.Participant) string {
		t.Helper()
		test.Tap(findButton(t, u, "Tempel daftar NIP"))
		u.WaitIdle()
		entries(u, "Satu NIP per baris")[0].SetText(p.PrintedNIP())
		test.Tap(dialogButton(t, u, "Daftarkan"))
		u.WaitIdle()
		text := test.RenderObjectToMarkup(u.win.Canvas().Overlays().Top())
		u.win.Canvas().Overlays().Top().Hide()
		return text
	}
	if got := paste(fresh); !strings.Contains(got, "1 didaftarkan") || strings.Contains(got, "kursus yang sama") {
		t.Errorf("pasting someone new to the course: %s", got)
	}
	if got := paste(repeater); !strings.Contains(got, "1 peserta sudah menuntaskan kursus yang sama (PTD-I/2026)") {
		t.Errorf("pasting someone who completed PTD-I: %s", got)
	}
}
