package sampletest

import (
	"context"
	"testing"
	"time"

	"github.com/pembina/pembina/data"
	"github.com/pembina/pembina/data/sample"
	"github.com/pembina/pembina/data/store"
	"github.com/pembina/pembina/data/store/storetest"
)

var day = time.Date(2026, 11, 28, 0, 0, 0, 0, time.UTC)

// A copy holds what a load of the sample writes, and each test's copy is its own: a program added to one is
// not in the next.
func TestCopyIsTheSampleAndItsOwn(t *testing.T) {
	ctx := context.Background()
	fresh := storetest.New(t)
	sum, err := sample.Load(ctx, fresh, sample.Options{Today: day})
	if err != nil {
		t.Fatal(err)
	}
	want, err := fresh.Counts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if want.Programs != sum.Programs || want.Participants != sum.Participants {
		t.Fatalf("a load wrote %+v, the database counts %+v", sum, want)
	}

	first := Open(t, day)
	if got, err := first.Counts(ctx); err != nil || got != want {
		t.Fatalf("the copy counts %+v, %v; a load %+v", got, err, want)
	}
	p := &data.Program{Code: "SALINAN-1", Title: "Program Salinan", Kind: "Pelatihan Teknis", BudgetYear: 2026,
		StartDate: day, EndDate: day, TotalJP: 4, Organiser: "Dinas", Place: "Aula", AttendanceThreshold: 80}
	if err := first.CreateProgram(ctx, p); err != nil {
		t.Fatal(err)
	}
	second := Open(t, day)
	if got, _ := second.Counts(ctx); got != want {
		t.Errorf("the second copy counts %+v after the first gained a program; want %+v", got, want)
	}
	if first.Path() == second.Path() {
		t.Errorf("both copies are %s", first.Path())
	}
	programs, err := second.Programs(ctx, store.ProgramFilter{IncludeArchived: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range programs {
		if r.Code == p.Code {
			t.Errorf("the second copy has the first copy's program %s", p.Code)
		}
	}
}

// BenchmarkLoad and BenchmarkCopy compare what a test paid for the sample before (a load into a new
// database) with what it pays now (a copy of the file, opened).
func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		s := storetest.New(b)
		if _, err := sample.Load(context.Background(), s, sample.Options{Today: day}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkCopy(b *testing.B) {
	Open(b, day) // the one load, outside the measured loop
	for b.Loop() {
		Open(b, day)
	}
}
