package store_test

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/pembina/pembina/data"
	"github.com/pembina/pembina/data/sample/sampletest"
	"github.com/pembina/pembina/data/store"
)

// exportStore opens a database file in the test's folder filled with the sample data, and adds extra
// participants named "Zulfa Ekspor <i>" (none enrolled), so that the list is longer than one chunk of
// EachParticipant (500) and has people that can be deleted.
func exportStore(t *testing.T, extra int) *store.Store {
	t.Helper()
	c := context.Background()
	s := sampletest.Open(t, time.Date(2026, 11, 28, 0, 0, 0, 0, time.UTC))
	for i := range extra {
		p := &data.Participant{Name: fmt.Sprintf("Zulfa Ekspor %04d", i), Unit: "SD Negeri Uji Ekspor", Agency: "Dinas Pendidikan",
			EmploymentStatus: "Non-ASN", Position: "Guru Honorer", Email: fmt.Sprintf("zulfa%04d@contoh.sch.id", i)}
		if err := s.CreateParticipant(c, p); err != nil {
			t.Fatal(err)
		}
	}
	return s
}

// listIDs is the participant list's IDs for the filter, in the order the Peserta page shows them.
func listIDs(t *testing.T, s *store.Store, f store.ParticipantFilter) []int64 {
	t.Helper()
	c := context.Background()
	n, err := s.CountParticipants(c, f)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := s.ListParticipants(c, f, 0, n+10)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != n {
		t.Fatalf("list of %+v has %d rows, count %d", f, len(rows), n)
	}
	ids := make([]int64, len(rows))
	for i, r := range rows {
		ids[i] = r.ID
	}
	return ids
}

// Every participant matching the filter is visited once, whole, in the list's order; the count is returned.
func TestEachParticipantVisitsTheListInOrder(t *testing.T) {
	s := exportStore(t, 600)
	c := context.Background()
	units, err := s.Units(c)
	if err != nil || len(units) < 2 {
		t.Fatalf("units %v, %v", units, err)
	}
	// Searches for words the sample holds: a first name, and a word of a position within a unit.
	people, err := s.ListParticipants(c, store.ParticipantFilter{Unit: units[1]}, 0, 5)
	if err != nil || len(people) < 5 {
		t.Fatalf("people of %s: %v, %v", units[1], people, err)
	}
	fifth, err := s.Participant(c, people[4].ID)
	if err != nil {
		t.Fatal(err)
	}
	firstName := strings.Fields(fifth.Name)[0] // without titles
	position := strings.Fields(people[2].Position)[0]
	total := 0
	for _, f := range []store.ParticipantFilter{{}, {Search: firstName}, {Search: "ekspor"}, {Unit: units[0]},
		{Search: position, Unit: units[1]}, {Search: "tidak ada orang bernama ini"}} {
		want := listIDs(t, s, f)
		if len(want) == 0 != (f.Search == "tidak ada orang bernama ini") {
			t.Fatalf("%+v finds %d people", f, len(want))
		}
		var got []int64
		seen := map[int64]bool{}
		n, err := s.EachParticipant(c, f, nil, func(p *data.Participant) error {
			if seen[p.ID] {
				t.Errorf("%+v: participant %d visited twice", f, p.ID)
			}
			seen[p.ID] = true
			got = append(got, p.ID)
			if len(got)%97 == 1 { // every field, as Participant reads it
				stored, err := s.Participant(c, p.ID)
				if err != nil {
					return err
				}
				if !reflect.DeepEqual(p, stored) {
					t.Errorf("%+v: visited %+v, stored %+v", f, p, stored)
				}
			}
			return nil
		})
		if err != nil {
			t.Fatalf("%+v: %v", f, err)
		}
		if n != len(want) || !slices.Equal(got, want) {
			t.Errorf("%+v: returned %d and visited %d people; the list has %d (same order: %v)", f, n, len(got), len(want),
				slices.Equal(got, want))
		}
		if f == (store.ParticipantFilter{}) {
			total = n
		}
	}
	if want := 600; total < want+100 {
		t.Errorf("the whole list has %d people, want the sample's and %d more", total, want)
	}
}

// A search narrows the export to the people the search finds.
func TestEachParticipantSearchNarrows(t *testing.T) {
	s := exportStore(t, 3)
	c := context.Background()
	all, err := s.EachParticipant(c, store.ParticipantFilter{}, nil, func(*data.Participant) error { return nil })
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	n, err := s.EachParticipant(c, store.ParticipantFilter{Search: "ZULFA  ékspor"}, nil, func(p *data.Participant) error {
		names = append(names, p.Name)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"Zulfa Ekspor 0000", "Zulfa Ekspor 0001", "Zulfa Ekspor 0002"}
	if n != 3 || !reflect.DeepEqual(names, want) || all <= n {
		t.Errorf("search found %d of %d: %q; want %q", n, all, names, want)
	}
	// A NIP typed in its printed form finds its owner only.
	var someone *data.Participant
	s.EachParticipant(c, store.ParticipantFilter{}, nil, func(p *data.Participant) error {
		if someone == nil && p.NIP != "" {
			someone = p
		}
		return nil
	})
	if someone == nil {
		t.Fatal("the sample has no NIP")
	}
	var found []int64
	n, err = s.EachParticipant(c, store.ParticipantFilter{Search: someone.PrintedNIP()}, nil, func(p *data.Participant) error {
		found = append(found, p.ID)
		return nil
	})
	if err != nil || n != 1 || len(found) != 1 || found[0] != someone.ID {
		t.Errorf("search by NIP %s: %d, %v, %v", someone.PrintedNIP(), n, found, err)
	}
}

// Progress goes up chunk by chunk and ends at the total.
func TestEachParticipantProgress(t *testing.T) {
	s := exportStore(t, 1200)
	c := context.Background()
	var done, totals []int
	n, err := s.EachParticipant(c, store.ParticipantFilter{}, func(d, total int) {
		done, totals = append(done, d), append(totals, total)
	}, func(*data.Participant) error { return nil })
	if err != nil {
		t.Fatal(err)
	}
	if len(done) < 3 {
		t.Fatalf("progress called %d times for %d people", len(done), n)
	}
	for i := range done {
		if totals[i] != n || (i > 0 && done[i] <= done[i-1]) || done[i] > n {
			t.Fatalf("progress went %v of %v, %d people", done, totals, n)
		}
	}
	if done[len(done)-1] != n {
		t.Errorf("progress ended at %d of %d", done[len(done)-1], n)
	}
	// Nobody to export: no progress and no call.
	calls := 0
	n, err = s.EachParticipant(c, store.ParticipantFilter{Search: "tidak ada orang bernama ini"}, func(int, int) { calls++ },
		func(*data.Participant) error { calls++; return nil })
	if n != 0 || err != nil || calls != 0 {
		t.Errorf("empty search: %d, %v, %d calls", n, err, calls)
	}
}

// Cancelling the context stops the reading at the next chunk, with the context's error.
func TestEachParticipantCancel(t *testing.T) {
	s := exportStore(t, 1200)
	c, cancel := context.WithCancel(context.Background())
	defer cancel()
	visited := 0
	n, err := s.EachParticipant(c, store.ParticipantFilter{}, nil, func(*data.Participant) error {
		visited++
		if visited == 10 {
			cancel()
		}
		return nil
	})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("error %v, want context.Canceled", err)
	}
	if visited > 500 || n != visited {
		t.Errorf("visited %d (returned %d) after cancelling at the 10th; the rest of one chunk at most", visited, n)
	}
	// Cancelled before it starts: nobody.
	visited = 0
	n, err = s.EachParticipant(c, store.ParticipantFilter{}, nil, func(*data.Participant) error { visited++; return nil })
	if err == nil || visited != 0 || n != 0 {
		t.Errorf("cancelled context: %d visited, %d, %v", visited, n, err)
	}
}

// An error from fn stops the reading and is returned as it is.
func TestEachParticipantStopsAtAnError(t *testing.T) {
	s := exportStore(t, 0)
	c := context.Background()
	stop := errors.New("disk full")
	visited := 0
	n, err := s.EachParticipant(c, store.ParticipantFilter{}, nil, func(*data.Participant) error {
		visited++
		if visited == 3 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) || visited != 3 || n != 2 {
		t.Errorf("error %v after %d visits (returned %d); want %v after 3, 2 done", err, visited, n, stop)
	}
}

// Someone deleted while the export runs is left out; the others are all there.
func TestEachParticipantSkipsTheDeleted(t *testing.T) {
	s := exportStore(t, 700)
	c := context.Background()
	ids := listIDs(t, s, store.ParticipantFilter{Search: "ekspor"})
	if len(ids) != 700 {
		t.Fatalf("%d people found", len(ids))
	}
	gone := ids[600] // in the second chunk of 500
	var got []int64
	n, err := s.EachParticipant(c, store.ParticipantFilter{Search: "ekspor"}, nil, func(p *data.Participant) error {
		if len(got) == 0 {
			if err := s.DeleteParticipant(c, gone); err != nil {
				return err
			}
		}
		got = append(got, p.ID)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if want := slices.Delete(slices.Clone(ids), 600, 601); n != len(want) || !slices.Equal(got, want) {
		t.Errorf("visited %d (returned %d) of %d after deleting the 601st", len(got), n, len(ids))
	}
}
