package importer

import (
	"runtime/debug"
	"strings"
	"testing"
	"time"

	"github.com/pembina/pembina/data"
	"github.com/pembina/pembina/internal/badfiles"
	"github.com/pembina/pembina/internal/peakmem"
)

// TestHostileFilesRefused reads every hostile file of internal/badfiles as a participant list and as a
// survey export: each is refused with an invalid-kind error carrying its reason, never read or half read, and
// within the memory budget (BenchmarkHostileFilesMemory reports the figures).
func TestHostileFilesRefused(t *testing.T) {
	dir := t.TempDir()
	for _, c := range badfiles.Cases() {
		t.Run(c.Name, func(t *testing.T) {
			if c.Slow && (testing.Short() || raceEnabled) {
				t.Skip("slow")
			}
			path, err := c.Write(dir)
			if err != nil {
				t.Fatal(err)
			}
			debug.FreeOSMemory() // what the previous file left must not count against this one
			stop := peakmem.Start()
			start := time.Now()
			_, err = ReadParticipants(path)
			took, mb := time.Since(start), stop()
			if !data.IsKind(err, data.KindInvalid) || !strings.Contains(err.Error(), c.Want) {
				t.Errorf("ReadParticipants = %v, want an invalid-kind error with %q", err, c.Want)
			}
			t.Logf("refused in %v at %.0f MB: %v", took.Round(time.Millisecond), mb, err)
			// The budget of limits.go, which the race detector's shadow memory would break.
			if !raceEnabled && mb > 400 {
				t.Errorf("refusing %s peaked at %.0f MB, over the 400 MB budget", c.Name, mb)
			}
			if took > 30*time.Second {
				t.Errorf("refusing %s took %v; a refusal must come in seconds", c.Name, took)
			}
			if c.ParticipantsOnly || c.Slow { // the slow ones are refused by Open, which both readers share
				return
			}
			if _, err := ReadResponses(path); !data.IsKind(err, data.KindInvalid) || !strings.Contains(err.Error(), c.Want) {
				t.Errorf("ReadResponses = %v, want %q", err, c.Want)
			}
		})
	}
}

// BenchmarkHostileFilesMemory opens every hostile file and reports the most memory and time any refusal
// took (peak-MB, worst-s); it fails above 400 MB.
func BenchmarkHostileFilesMemory(b *testing.B) {
	dir := b.TempDir()
	var paths []string
	for _, c := range badfiles.Cases() {
		path, err := c.Write(dir)
		if err != nil {
			b.Fatal(err)
		}
		paths = append(paths, path)
	}
	b.ResetTimer()
	worstMB, worstS := 0.0, 0.0
	worst := ""
	for i := 0; i < b.N; i++ {
		for _, path := range paths {
			debug.FreeOSMemory() // what the previous file left must not count against this one
			stop := peakmem.Start()
			start := time.Now()
			_, err := ReadParticipants(path)
			took := time.Since(start).Seconds()
			mb := stop()
			if err == nil {
				b.Fatalf("%s was read", path)
			}
			if mb > worstMB {
				worstMB, worst = mb, path
			}
			worstS = max(worstS, took)
		}
	}
	b.ReportMetric(worstMB, "peak-MB")
	b.ReportMetric(worstS, "worst-s")
	b.Logf("most memory: %s (%.0f MB)", worst, worstMB)
	if worstMB > 400 {
		b.Fatalf("%s peaked at %.0f MB", worst, worstMB)
	}
}
