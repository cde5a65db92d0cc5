package store

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/pembina/pembina/data"
)

// TestApplyParticipants writes a list's plan as one operation: a new person added, a stored one updated, one
// kept, an invalid row skipped, and everyone valid not enrolled yet enrolled; a row whose NIP another import
// stored since the plan was made undoes the whole list, naming the row, and so does a cancelled ctx.
func TestApplyParticipants(t *testing.T) {
	s := mustOpen(t, tempDB(t))
	ctx := context.Background()
	p := sampleProgram("IMPOR-1")
	if err := s.CreateProgram(ctx, p); err != nil {
		t.Fatal(err)
	}
	person := func(nip, name string) *data.Participant {
		x := &data.Participant{NIP: nip, Name: name, Unit: "SMP Negeri 1 Sukamaju"}
		x.Normalize()
		return x
	}
	stored, kept := person("198609262015051001", "Dewi Lestari"), person("198609262015052002", "Budi Santoso")
	for _, x := range []*data.Participant{stored, kept} {
		if err := s.CreateParticipant(ctx, x); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.Enrol(ctx, p.ID, kept.ID, data.RoleParticipant); err != nil {
		t.Fatal(err)
	}
	changed := *stored
	changed.Unit = "SMP Negeri 2 Sukamaju"
	rows := []PersonRow{
		{Line: 2, Action: PersonAdd, Participant: person("199001012020121003", "Citra Ayu"), Enrol: true},
		{Line: 3, Action: PersonUpdate, Participant: &changed, Enrol: true},
		{Line: 4, Action: PersonKeep, Participant: kept},
		{Line: 5, Action: PersonSkip, Participant: &data.Participant{}},
	}

	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := s.ApplyParticipants(cancelled, p.ID, rows, nil); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: %v", err)
	}
	if n, _ := s.CountParticipants(ctx, ParticipantFilter{}); n != 2 {
		t.Fatalf("%d participants after a cancelled apply, want 2", n)
	}

	var last int
	got, err := s.ApplyParticipants(ctx, p.ID, rows, func(done, total int) { last = done })
	if err != nil {
		t.Fatal(err)
	}
	want := PeopleApplied{Added: 1, Updated: 1, Unchanged: 1, Enrolled: 2, Skipped: 1}
	if got != want || last != len(rows) {
		t.Errorf("applied %+v (progress at %d), want %+v", got, last, want)
	}
	if again, _ := s.Participant(ctx, stored.ID); again.Unit != "SMP Negeri 2 Sukamaju" {
		t.Errorf("the update was not stored: %q", again.Unit)
	}
	enrolled, err := s.Enrolments(ctx, p.ID)
	if err != nil || len(enrolled) != 3 {
		t.Errorf("%d enrolled (%v), want 3", len(enrolled), err)
	}

	// The same new person again: the plan is older than the database.
	late := []PersonRow{{Line: 7, Action: PersonAdd, Participant: person("198001012005011004", "Eko Prasetyo")},
		{Line: 9, Action: PersonAdd, Participant: person("199001012020121003", "Citra Ayu")}}
	_, err = s.ApplyParticipants(ctx, 0, late, nil)
	if !errors.Is(err, ErrPlanOutdated) || !strings.Contains(data.ErrorMessage(err), "Baris 9") {
		t.Errorf("outdated plan: %v", err)
	}
	if n, _ := s.CountParticipants(ctx, ParticipantFilter{}); n != 3 {
		t.Errorf("%d participants after a refused list, want 3", n)
	}
}
