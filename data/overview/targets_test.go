package overview

import (
	"context"
	"testing"

	"github.com/pembina/pembina/data"
)

// TestTargetsAndService: only active ASN whose status has a target are in the denominator of "mencapai
// 20 JP"; a person who reached the PNS target but whose status's target was raised no longer has.
func TestTargetsAndService(t *testing.T) {
	s := loaded(t)
	ctx := context.Background()
	before, err := Load(ctx, s, Year(2026), sampleDay, nil)
	if err != nil {
		t.Fatal(err)
	}
	var reached, other *Person
	for _, p := range before.People {
		switch {
		case reached == nil && p.EmploymentStatus == "PNS" && p.Reached():
			reached = p
		case other == nil && p.EmploymentStatus == "PNS" && !p.Reached():
			other = p
		}
	}
	if reached == nil || other == nil {
		t.Fatal("the sample has no PNS at 20 JP, or none below")
	}
	person, _ := s.Participant(ctx, other.ID)
	person.Service = data.ServiceRetired
	if err := s.UpdateParticipant(ctx, person); err != nil {
		t.Fatal(err)
	}
	after, err := Load(ctx, s, Year(2026), sampleDay, nil)
	if err != nil {
		t.Fatal(err)
	}
	if after.Employees != before.Employees-1 || after.Reached != before.Reached || after.Person(other.ID).Employee() {
		t.Errorf("retired person: employees %d → %d, reached %d → %d", before.Employees, after.Employees, before.Reached, after.Reached)
	}
	if err := s.SetJPTargets(ctx, data.JPTargets{"PNS": reached.JP + 1}); err != nil {
		t.Fatal(err)
	}
	raised, err := Load(ctx, s, Year(2026), sampleDay, nil)
	if err != nil {
		t.Fatal(err)
	}
	if p := raised.Person(reached.ID); p.Reached() || p.Shortfall() != 1 || raised.Reached >= after.Reached {
		t.Errorf("target %d JP: %s with %d JP reached %v (shortfall %d); reached %d → %d", reached.JP+1, p.Name, p.JP,
			p.Reached(), p.Shortfall(), after.Reached, raised.Reached)
	}
}
