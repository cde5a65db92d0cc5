package store_test

import (
	"context"
	"strings"
	"testing"

	"github.com/pembina/pembina/data"
	"github.com/pembina/pembina/data/store/storetest"
)

// TestJPTargets: a new database has the defaults (20 JP for every ASN status, none for Non-ASN); a saved
// target is read back and the others keep theirs; an impossible target is refused with the status named.
func TestJPTargets(t *testing.T) {
	s := storetest.New(t)
	ctx := context.Background()
	got, err := s.JPTargets(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for status, want := range map[string]int{"PNS": 20, "CPNS": 20, "PPPK": 20, "PPPK Paruh Waktu": 20, "Non-ASN": 0} {
		if got.For(status) != want {
			t.Errorf("default %s = %d, want %d", status, got.For(status), want)
		}
	}
	if err := s.SetJPTargets(ctx, data.JPTargets{"PPPK": 12, "Non-ASN": 8}); err != nil {
		t.Fatal(err)
	}
	got, err = s.JPTargets(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if got.For("PPPK") != 12 || got.For("Non-ASN") != 8 || got.For("PNS") != 20 {
		t.Errorf("after saving: %v", got)
	}
	err = s.SetJPTargets(ctx, data.JPTargets{"CPNS": -1})
	if !data.IsKind(err, data.KindInvalid) || !strings.Contains(err.Error(), "Target JP CPNS") {
		t.Errorf("negative target: %v", err)
	}
	if err := s.SetJPTargets(ctx, data.JPTargets{"Honorer": 10}); err == nil {
		t.Error("an unknown status was accepted")
	}
}

// TestParticipantService: a participant is active unless marked otherwise, and the mark is kept.
func TestParticipantService(t *testing.T) {
	s := storetest.New(t)
	ctx := context.Background()
	p := &data.Participant{NIP: "198609262015051001", Name: "Budi Santoso"}
	if err := s.CreateParticipant(ctx, p); err != nil {
		t.Fatal(err)
	}
	got, err := s.Participant(ctx, p.ID)
	if err != nil || got.Service != data.ServiceActive {
		t.Fatalf("new participant: %v %v", got, err)
	}
	got.Service = data.ServiceRetired
	if err := s.UpdateParticipant(ctx, got); err != nil {
		t.Fatal(err)
	}
	if again, _ := s.Participant(ctx, p.ID); again.Service != data.ServiceRetired {
		t.Errorf("service = %q, want retired", again.Service)
	}
	got.Service = "cuti"
	if err := s.UpdateParticipant(ctx, got); err == nil || !strings.Contains(err.Error(), "Status keaktifan") {
		t.Errorf("unknown service: %v", err)
	}
	for in, want := range map[string]data.ServiceStatus{"": data.ServiceActive, "Pensiun": data.ServiceRetired, " mutasi ": data.ServiceTransferred} {
		if got, ok := data.ParseServiceStatus(in); !ok || got != want {
			t.Errorf("ParseServiceStatus(%q) = %q, %v", in, got, ok)
		}
	}
}
