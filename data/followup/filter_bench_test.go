package followup

import (
	"context"
	"testing"
	"time"

	"github.com/pembina/pembina/data"
	"github.com/pembina/pembina/data/overview"
	"github.com/pembina/pembina/data/store"
	"github.com/pembina/pembina/data/store/storetest"
)

// TestPesertaFilterLarge measures the Peserta page's filters on the 100,000-participant sample
// (PEMBINA_LARGE_DB=/tmp/large.db, made by `pembina --db /tmp/large.db demo --large`): computing this year's
// JP set once (overview.Load, as the workbook does), then each filter change, which counts the matches and
// fetches the first page of 200 from the store's in-memory index.
func TestPesertaFilterLarge(t *testing.T) {
	s := storetest.Large(t)
	ctx := context.Background()
	start := time.Now()
	o, err := overview.Load(ctx, s, overview.Year(2026), time.Date(2026, 11, 28, 0, 0, 0, 0, time.UTC), nil)
	if err != nil {
		t.Fatal(err)
	}
	set := JPSet(o, JPBelow)
	jpTime := time.Since(start)
	if err := s.PrepareSearch(ctx); err != nil {
		t.Fatal(err)
	}
	units, _ := s.Units(ctx)
	filters := []store.ParticipantFilter{
		{Only: set},
		{Only: set, Unit: units[0]},
		{Only: set, Unit: units[1], Employment: "PNS", Service: data.ServiceActive},
		{Search: "guru", Only: set, Service: data.ServiceActive},
	}
	var worst time.Duration
	for _, f := range filters {
		start := time.Now()
		n, err := s.CountParticipants(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		rows, err := s.ListParticipants(ctx, f, 0, 200)
		if err != nil {
			t.Fatal(err)
		}
		d := time.Since(start)
		worst = max(worst, d)
		t.Logf("%d matches (%d on the first page) in %.1f ms", n, len(rows), float64(d.Microseconds())/1000)
	}
	t.Logf("JP set of %d people in %.2f s; slowest filter change %.1f ms", len(set.IDs), jpTime.Seconds(), float64(worst.Microseconds())/1000)
	if worst > 300*time.Millisecond {
		t.Errorf("a filter change took %v, want under 300 ms", worst)
	}
}
