package store_test

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/pembina/pembina/data"
	"github.com/pembina/pembina/data/store"
)

// TestRecordLetters records letters about more people than one statement of the store takes, in an order
// that is not the participants', with a person twice: every letter is numbered in turn, and each person's
// history lists exactly the letters about them, newest first.
func TestRecordLetters(t *testing.T) {
	s := exportStore(t, 300)
	c := context.Background()
	ids := listIDs(t, s, store.ParticipantFilter{})
	if len(ids) < 450 {
		t.Fatalf("the sample with 300 extra people has %d participants; the test needs more than one statement's 400", len(ids))
	}
	day := time.Date(2026, 12, 6, 0, 0, 0, 0, time.UTC)
	everyone := slices.Clone(ids)
	slices.Reverse(everyone)
	everyone = append(everyone, everyone[7]) // twice in one letter: recorded once
	first, last := ids[0], ids[len(ids)-1]
	letters := []*data.LetterRecord{
		{Kind: data.LetterFollowUp, Date: day, Unit: "Semua", Subject: "Semua pegawai", People: everyone},
		{Kind: data.LetterFollowUp, Date: day, Unit: "Dua", Subject: "Dua pegawai", People: []int64{last, first}},
		{Kind: data.LetterFollowUp, Date: day, Unit: "Kosong", Subject: "Tanpa pegawai"},
	}
	if err := s.RecordLetters(c, letters); err != nil {
		t.Fatal(err)
	}
	for i, l := range letters {
		if want := []string{"800/001/XII/2026", "800/002/XII/2026", "800/003/XII/2026"}[i]; l.Number != want || l.ID == 0 {
			t.Errorf("letter %d: number %q, id %d; want %s and an id", i, l.Number, l.ID, want)
		}
	}
	subjects := func(id int64) string {
		t.Helper()
		got, err := s.ParticipantLetters(c, id)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, l := range got {
			out = append(out, l.Subject)
		}
		return strings.Join(out, "; ")
	}
	for _, id := range []int64{first, last} {
		if got := subjects(id); got != "Dua pegawai; Semua pegawai" {
			t.Errorf("participant %d's letters: %q", id, got)
		}
	}
	for _, id := range ids[1 : len(ids)-1] {
		if got := subjects(id); got != "Semua pegawai" {
			t.Fatalf("participant %d's letters: %q, want the one letter about everyone", id, got)
		}
	}

	// A person who does not exist stops the whole record: no number is taken, nothing is recorded.
	bad := []*data.LetterRecord{{Kind: data.LetterFollowUp, Date: day, Subject: "Salah", People: append(slices.Clone(ids), 99_999_999)}}
	err := s.RecordLetters(c, bad)
	if err == nil || !strings.Contains(data.ErrorMessage(err), "Peserta 99999999 tidak ditemukan") {
		t.Fatalf("a letter about participant 99999999: %v", err)
	}
	if got := subjects(first); got != "Dua pegawai; Semua pegawai" {
		t.Errorf("after the failed record, participant %d's letters: %q", first, got)
	}
	next := []*data.LetterRecord{{Kind: data.LetterFollowUp, Date: day, Subject: "Berikutnya", People: []int64{first}}}
	if err := s.RecordLetters(c, next); err != nil {
		t.Fatal(err)
	}
	if next[0].Number != "800/004/XII/2026" {
		t.Errorf("the letter after the failed record is %s, want 800/004/XII/2026", next[0].Number)
	}
}
