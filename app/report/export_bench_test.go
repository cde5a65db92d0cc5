package report

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/pembina/pembina/data/store"
	"github.com/pembina/pembina/internal/peakmem"
)

// BenchmarkExportParticipants100k saves every participant of the `demo --large` database (100.180 people)
// with Ekspor on the Peserta page: the streamed sheet in the import template's columns, then Keterangan.
// It reports the Go runtime's peak (peak-MB, internal/peakmem), the process's resident high-water mark and
// the file's size.
func BenchmarkExportParticipants100k(b *testing.B) {
	s := largeDatabase(b)
	ctx := context.Background()
	total, err := s.CountParticipants(ctx, store.ParticipantFilter{})
	if err != nil || total < 100_000 {
		b.Fatalf("%d participants, %v", total, err)
	}
	if err := s.PrepareSearch(ctx); err != nil { // the Peserta page loads its index before anyone exports
		b.Fatal(err)
	}
	out := filepath.Join(b.TempDir(), "peserta.xlsx")
	runtime.GC()
	mem := watchMemory()
	cpu := cpuTime()
	var peak float64
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		stop := peakmem.Start()
		n, err := SaveParticipants(ctx, out, s, store.ParticipantFilter{}, nil)
		peak = max(peak, stop())
		if err != nil {
			b.Fatal(err)
		}
		if n != total {
			b.Fatalf("%d of %d people exported", n, total)
		}
	}
	b.StopTimer()
	mem.report(b)
	b.ReportMetric(peak, "peak-MB")
	b.ReportMetric((cpuTime()-cpu).Seconds()/float64(b.N), "cpu-s/op")
	if fi, err := os.Stat(out); err == nil {
		b.ReportMetric(float64(fi.Size())/(1<<20), "file-MB")
	}
}
