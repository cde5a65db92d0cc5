package sample

import (
	"context"
	"testing"
	"time"

	"github.com/pembina/pembina/data"
	"github.com/pembina/pembina/data/nip"
	"github.com/pembina/pembina/data/store"
	"github.com/pembina/pembina/data/store/storetest"
)

var today = time.Date(2026, 11, 28, 0, 0, 0, 0, time.UTC)

func TestLoad(t *testing.T) {
	s := storetest.New(t)
	ctx := context.Background()
	sum, err := Load(ctx, s, Options{Today: today})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Programs < 6 || sum.Participants < 150 || sum.Marks == 0 {
		t.Errorf("summary = %+v", sum)
	}
	programs, err := s.Programs(ctx, store.ProgramFilter{})
	if err != nil {
		t.Fatal(err)
	}
	statuses := map[data.ProgramStatus]int{}
	kinds := map[string]bool{}
	for _, p := range programs {
		statuses[p.Status]++
		kinds[p.Kind] = true
		if p.BudgetYear != 2026 {
			t.Errorf("%s is in %d, want the current year", p.Code, p.BudgetYear)
		}
		if p.Participants == 0 || p.Sessions == 0 {
			t.Errorf("%s has %d participants and %d sessions", p.Code, p.Participants, p.Sessions)
		}
	}
	if statuses[data.StatusFinished] < 3 || statuses[data.StatusRunning] != 1 || statuses[data.StatusPlanned] != 1 {
		t.Errorf("statuses = %v", statuses)
	}
	if len(kinds) < 6 {
		t.Errorf("only %d kinds of program", len(kinds))
	}

	rows, _ := s.ListParticipants(ctx, store.ParticipantFilter{}, 0, 1000)
	var pns, pppk, nonASN int
	for _, r := range rows {
		switch r.EmploymentStatus {
		case "PNS":
			pns++
		case "PPPK":
			pppk++
		case "Non-ASN":
			nonASN++
		}
		if r.NIP == "" {
			continue
		}
		n, err := nip.ParseAt(r.NIP, today)
		if err != nil {
			t.Errorf("%s: %v", r.Name, err)
		} else if len(n.Warnings) > 0 {
			t.Errorf("%s: NIP warnings %v", r.Name, n.Warnings)
		}
		p, _ := s.Participant(ctx, r.ID)
		if err := p.Validate(); err != nil {
			t.Errorf("%s: %v", r.Name, err)
		}
	}
	if pns == 0 || pppk == 0 || nonASN == 0 {
		t.Errorf("PNS %d, PPPK %d, non-ASN %d", pns, pppk, nonASN)
	}

	// Attendance: a realistic mix on the finished programs, none for sessions still to come.
	var byStatus = map[data.AttendanceStatus]int{}
	for _, p := range programs {
		sessions, _ := s.Sessions(ctx, p.ID)
		for _, x := range sessions {
			marks, _ := s.Marks(ctx, x.ID)
			if !x.Date.Before(today) && len(marks) > 0 {
				t.Errorf("%s session %d on %s already has marks", p.Code, x.Number, data.FormatDate(x.Date))
			}
			for _, m := range marks {
				byStatus[m.Status]++
			}
		}
	}
	for _, st := range []data.AttendanceStatus{data.Present, data.Late, data.Leave, data.Sick, data.Absent} {
		if byStatus[st] == 0 {
			t.Errorf("no %s marks in %v", st, byStatus)
		}
	}
	if _, err := Load(ctx, s, Options{Today: today}); data.ErrorKind(err) != data.KindConflict {
		t.Errorf("second load = %v, want a conflict", err)
	}
}

func TestLoadIsDeterministic(t *testing.T) {
	names := func() []string {
		s := storetest.New(t)
		if _, err := Load(context.Background(), s, Options{Today: today}); err != nil {
			t.Fatal(err)
		}
		rows, _ := s.ListParticipants(context.Background(), store.ParticipantFilter{}, 0, 5)
		var out []string
		for _, r := range rows {
			out = append(out, r.NIP+r.Name)
		}
		return out
	}
	a, b := names(), names()
	for i := range a {
		if a[i] != b[i] {
			t.Fatalf("two loads differ: %q vs %q", a[i], b[i])
		}
	}
}
