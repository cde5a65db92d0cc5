package sample

import (
	"context"
	"testing"

	"github.com/pembina/pembina/data"
	"github.com/pembina/pembina/data/store/storetest"
)

func TestSampleHasIssuedCertificates(t *testing.T) {
	s := storetest.New(t)
	ctx := context.Background()
	if _, err := Load(ctx, s, Options{Today: today}); err != nil {
		t.Fatal(err)
	}
	p, err := s.ProgramByCode(ctx, "PTD-I/2026")
	if err != nil {
		t.Fatal(err)
	}
	certs, _ := s.Certificates(ctx, p.ID)
	rows, _ := s.Enrolments(ctx, p.ID)
	if len(certs) == 0 || len(certs) >= len(rows) {
		t.Fatalf("%d certificates for %d enrolments: want the eligible ones, not everyone", len(certs), len(rows))
	}
	for _, c := range certs {
		if v, err := s.VerifyCertificate(ctx, c.Payload); err != nil || v.Verdict != data.VerdictValid {
			t.Errorf("%s verifies as %v (%v)", c.Number, v, err)
		}
		if !c.IssuedOn.Equal(p.EndDate.AddDate(0, 0, 3)) {
			t.Errorf("%s issued on %s", c.Number, c.IssuedOn)
		}
	}
	in, _ := s.Institution(ctx)
	if err := data.CheckImage(in.Logo, "logo"); err != nil {
		t.Errorf("sample emblem: %v", err)
	}
	others, _ := s.ProgramByCode(ctx, "PTD-II/2026")
	if c, _ := s.Certificates(ctx, others.ID); len(c) != 0 {
		t.Errorf("another program has %d certificates already", len(c))
	}
}
