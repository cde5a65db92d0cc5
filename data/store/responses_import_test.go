package store

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/pembina/pembina/data"
)

// imported is a response of participant (0: anonymous) to the first question of newForm, at the given time.
func imported(key string, participant int64, at time.Time, point float64, line int) ImportedResponse {
	return ImportedResponse{Response: &data.Response{Source: data.ResponseImport, ImportKey: key, ParticipantID: participant,
		SubmittedAt: at, Answers: []data.Answer{{Number: point, HasNumber: true}}}, Line: line, Questions: []int{0}, Timed: !at.IsZero()}
}

// TestImportResponsesOutcomes writes a file's responses into a form stored in the same batch, then a second
// file: a row imported before is skipped, a later response replaces the stored one, an earlier one loses to
// it, and the attachment found is read whole (its opening and closing dates too).
func TestImportResponsesOutcomes(t *testing.T) {
	s := mustOpen(t, tempDB(t))
	ctx := context.Background()
	p, _, _ := course(t, s, "RI", 1, 3)
	people, err := s.EnrolledPeople(ctx, p.ID)
	if err != nil || len(people) != 3 {
		t.Fatalf("EnrolledPeople = %d, %v", len(people), err)
	}
	noon := time.Date(2026, 11, 2, 12, 0, 0, 0, time.UTC)
	f := newForm()
	first := &ResponseBatch{Program: p, Form: f, NewForm: true, Responses: []ImportedResponse{
		imported("gf:a", people[0].ID, noon, 4, 2), imported("gf:b", people[1].ID, noon, 3, 3), imported("gf:c", 0, time.Time{}, 5, 4)}}
	var calls int
	res, err := s.ImportResponses(ctx, first, func(done, total int) { calls++ })
	if err != nil {
		t.Fatal(err)
	}
	if !res.FormCreated || !res.Attached || f.ID == 0 || res.ProgramForm.FormID != f.ID || calls == 0 {
		t.Fatalf("first batch: %+v (form %d, %d progress calls)", res, f.ID, calls)
	}
	for i, o := range res.Outcomes {
		if o != ResponseImported {
			t.Errorf("first batch, response %d: outcome %d, want imported", i, o)
		}
	}
	// The attachment the first batch made gets dates; the second batch finds it with them.
	pf := res.ProgramForm
	pf.OpensOn, pf.ClosesOn = date("2026-11-02"), date("2026-11-09")
	if err := s.UpdateProgramForm(ctx, pf); err != nil {
		t.Fatal(err)
	}
	second := &ResponseBatch{Program: p, Form: f, Responses: []ImportedResponse{
		imported("gf:a", people[0].ID, noon, 4, 2),                 // the same row again
		imported("gf:d", people[1].ID, noon.Add(time.Hour), 5, 3),  // later than the stored one
		imported("gf:e", people[0].ID, noon.Add(-time.Hour), 1, 4), // earlier than the stored one
		imported("gf:f", people[2].ID, noon, 2, 5)}}                // new
	res, err = s.ImportResponses(ctx, second, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := []ResponseOutcome{ResponseAlreadyImported, ResponseReplaced, ResponseKeptStored, ResponseImported}
	for i, o := range res.Outcomes {
		if o != want[i] {
			t.Errorf("second batch, response %d: outcome %d, want %d", i, o, want[i])
		}
	}
	if res.Attached || res.FormCreated || res.ProgramForm.ID != pf.ID {
		t.Errorf("second batch made a form or an attachment: %+v", res)
	}
	if !res.ProgramForm.OpensOn.Equal(pf.OpensOn) || !res.ProgramForm.ClosesOn.Equal(pf.ClosesOn) {
		t.Errorf("attachment found: opens %v closes %v, want %v and %v", res.ProgramForm.OpensOn, res.ProgramForm.ClosesOn,
			pf.OpensOn, pf.ClosesOn)
	}
	stored, err := s.Responses(ctx, pf.ID)
	if err != nil {
		t.Fatal(err)
	}
	points := map[int64]float64{}
	for _, r := range stored {
		points[r.ParticipantID] = r.Answers[0].Number
	}
	if len(stored) != 4 || points[people[0].ID] != 4 || points[people[1].ID] != 5 || points[people[2].ID] != 2 || points[0] != 5 {
		t.Errorf("stored %d responses with points %v", len(stored), points)
	}
}

// TestImportResponsesAllOrNothing fails a batch on its last response: nothing is stored, not even the new
// form, whose ID is 0 again; a cancelled context writes nothing either.
func TestImportResponsesAllOrNothing(t *testing.T) {
	s := mustOpen(t, tempDB(t))
	ctx := context.Background()
	p, _, _ := course(t, s, "RN", 1, 1)
	before, _ := s.Forms(ctx)
	f := newForm()
	bad := imported("gf:b", 0, time.Time{}, 3, 7)
	bad.Answers = append(bad.Answers, data.Answer{Number: 2, HasNumber: true})
	bad.Questions = append(bad.Questions, 0) // the same question twice
	batch := &ResponseBatch{Program: p, Form: f, NewForm: true, Anonymous: true,
		Responses: []ImportedResponse{imported("gf:a", 0, time.Time{}, 4, 6), bad}}
	_, err := s.ImportResponses(ctx, batch, nil)
	if err == nil || f.ID != 0 || !strings.Contains(err.Error(), "baris 7") || !strings.Contains(err.Error(), "dua kali") {
		t.Fatalf("ImportResponses = %v (form ID %d), want an error naming row 7 and the form's ID 0", err, f.ID)
	}
	after, _ := s.Forms(ctx)
	if len(after) != len(before) {
		t.Errorf("%d forms after a failed batch, want %d", len(after), len(before))
	}
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	batch.Responses = batch.Responses[:1]
	if _, err := s.ImportResponses(cancelled, batch, nil); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: %v", err)
	}
	if after, _ := s.Forms(ctx); len(after) != len(before) {
		t.Errorf("%d forms after a cancelled batch, want %d", len(after), len(before))
	}
}
