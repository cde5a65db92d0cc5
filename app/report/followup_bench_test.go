package report

import (
	"context"
	"os"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/pembina/pembina/data/followup"
	"github.com/pembina/pembina/data/store/storetest"
	"github.com/pembina/pembina/internal/peakmem"
)

// TestFollowUpLarge measures the whole follow-up (load, number, 60-odd letters, the workbook) on the
// 100,000-participant sample: PEMBINA_LARGE_DB=/tmp/large.db (made by `pembina --db /tmp/large.db demo
// --large`). The issue asks for 5 s and 300 MB at most. The command line does the same work (`pembina --db
// COPY followup --year 2026 --out DIR` under /usr/bin/time -v on a copy of that database, 67 letters and
// the workbook of 68,078 people): 2.71, 2.75 and 2.80 s and 229-232 MB at a load average of 1.0-1.2 on the
// 2-core machine, about 4.5 s of CPU.
func TestFollowUpLarge(t *testing.T) {
	s := storetest.Large(t)
	ctx := context.Background()
	runtime.GC()
	var before syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &before)
	stop := peakmem.Start()
	start := time.Now()
	f, err := followup.Load(ctx, s, 2026, "", sampleDay, nil)
	if err != nil {
		t.Fatal(err)
	}
	loaded := time.Since(start)
	ls, err := LoadLetterSettings(ctx, s)
	if err != nil {
		t.Fatal(err)
	}
	res, err := SaveFollowUp(ctx, s, f, ls, t.TempDir(), sampleDay)
	if err != nil {
		t.Fatal(err)
	}
	total := time.Since(start)
	peak := stop()
	var after syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &after)
	cpu := time.Duration(after.Utime.Nano() + after.Stime.Nano() - before.Utime.Nano() - before.Stime.Nano())
	load, _ := os.ReadFile("/proc/loadavg")
	t.Logf("%d people below target in %d units: load %.2f s, total %.2f s wall, %.2f s CPU, peak %.0f MB (load average %s)",
		res.People, res.Units, loaded.Seconds(), total.Seconds(), cpu.Seconds(), peak, strings.Fields(string(load) + " ?")[0])
	if peak > 300 {
		t.Errorf("follow-up held %.0f MB, want at most 300 MB", peak)
	}
	// The wall time means something only on a machine that is not busy with other work.
	if busy := strings.Fields(string(load) + " 0")[0]; total > 5*time.Second {
		if l, _ := strconv.ParseFloat(busy, 64); l <= float64(runtime.NumCPU()) {
			t.Errorf("follow-up took %.2f s, want at most 5 s", total.Seconds())
		} else {
			t.Logf("not judging the wall time: load average %s on %d cores", busy, runtime.NumCPU())
		}
	}
}
