package importer

import (
	"context"
	"path/filepath"
	"runtime/debug"
	"testing"
	"time"

	"github.com/pembina/pembina/data/store/storetest"
	"github.com/pembina/pembina/internal/badfiles"
	"github.com/pembina/pembina/internal/peakmem"
)

// commandMemoryLimit is the soft memory limit main.go gives every command, under which the largest lists are
// measured here as the command line reads them.
const commandMemoryLimit = 320 << 20

// planLargest reads and plans the list at path as `pembina import participants FILE --dry-run` does, under
// the command line's soft memory limit, and returns the plan's invalid rows, the most memory the Go runtime
// held (peakmem) and the time it took.
func planLargest(tb testing.TB, path string) (invalid int, mb float64, took time.Duration) {
	tb.Helper()
	s := storetest.New(tb)
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(commandMemoryLimit))
	debug.FreeOSMemory() // what writing the file left must not count
	stop := peakmem.Start()
	start := time.Now()
	f, err := ReadParticipants(path)
	if err != nil {
		tb.Fatal(err)
	}
	p, err := f.Plan(context.Background(), s, f.Mapping(), 0, nil)
	if err != nil {
		tb.Fatal(err)
	}
	took, mb = time.Since(start), stop()
	if p.Valid()+p.Invalid != badfiles.InvalidListRows {
		tb.Fatalf("plan: %s", p.Summary())
	}
	return p.Invalid, mb, took
}

// TestLargestInvalidListMemory plans the largest list the readers accept, 199,990 rows every one invalid
// (badfiles.InvalidList), as CSV: every row gets its problems, and reading and planning stay well within the
// 400 MB budget of limits.go. It peaked at 567 MB before Plan read one row at a time (participants_file.go
// read) and about 310 MB after; it fails above 380 MB. Skipped under -short and the race detector, whose
// shadow memory would break the budget.
func TestLargestInvalidListMemory(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("199,990 rows: a few seconds, and the race detector's memory would break the budget")
	}
	path := filepath.Join(t.TempDir(), "tidak-valid.csv")
	if err := badfiles.InvalidList(path, badfiles.InvalidListRows); err != nil {
		t.Fatal(err)
	}
	invalid, mb, took := planLargest(t, path)
	t.Logf("%d invalid rows planned in %v at %.0f MB", invalid, took.Round(time.Millisecond), mb)
	if invalid != badfiles.InvalidListRows {
		t.Errorf("%d of %d rows invalid, want all", invalid, badfiles.InvalidListRows)
	}
	if mb > 380 {
		t.Errorf("planning 199,990 invalid rows peaked at %.0f MB, over 380 MB", mb)
	}
}

// BenchmarkLargestListMemory reads and plans the largest list the readers accept, every row invalid and every
// row valid, as .xlsx and .csv, under the command line's soft memory limit, and reports the most memory the
// Go runtime held (peak-MB) and the time (s/list). The binary's resident size is about 20 MB more (measured
// with /usr/bin/time -v on `go run ./internal/badfiles/writebad -invalid DIR`'s files).
func BenchmarkLargestListMemory(b *testing.B) {
	dir := b.TempDir()
	for _, c := range []struct {
		name  string
		write func(string, int) error
	}{{"tidak-valid.csv", badfiles.InvalidList}, {"tidak-valid.xlsx", badfiles.InvalidList}, {"valid.csv", badfiles.ValidList}, {"valid.xlsx", badfiles.ValidList}} {
		path := filepath.Join(dir, c.name)
		if err := c.write(path, badfiles.InvalidListRows); err != nil {
			b.Fatal(err)
		}
		b.Run(c.name, func(b *testing.B) {
			worst, total := 0.0, time.Duration(0)
			for i := 0; i < b.N; i++ {
				_, mb, took := planLargest(b, path)
				worst, total = max(worst, mb), total+took
			}
			b.ReportMetric(worst, "peak-MB")
			b.ReportMetric(total.Seconds()/float64(b.N), "s/list")
		})
	}
}
