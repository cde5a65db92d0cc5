package classroom

import (
	"context"
	"fmt"
	"net/http"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/pembina/pembina/data/store/storetest"
)

// loadRound has clients phones, started at the same moment, each check in, open the 30-item form and send
// it, against the fixture's server on 127.0.0.1. It returns the time of every action (a check-in or a
// submission includes following its redirect, as a phone does).
func loadRound(t testing.TB, f *fixture, clients int) []time.Duration {
	t.Helper()
	code := f.srv.Code()
	answers := allAnswers(f.bigForm, "3")
	var (
		mu    sync.Mutex
		times []time.Duration
		wg    sync.WaitGroup
		fails []string
	)
	start := make(chan struct{})
	for i := range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			p := f.phone()
			defer p.c.CloseIdleConnections()
			<-start
			timed := func(what string, do func() int, want int) bool {
				t0 := time.Now()
				status := do()
				d := time.Since(t0)
				mu.Lock()
				defer mu.Unlock()
				times = append(times, d)
				if status != want {
					fails = append(fails, fmt.Sprintf("phone %d %s = %d", i, what, status))
					return false
				}
				return true
			}
			if !timed("check-in", func() int { s, _ := p.checkIn(t, nipOf(i), code); return s }, http.StatusOK) {
				return
			}
			var hidden = map[string][]string{}
			if !timed("open form", func() int {
				h := p.open(t, f.big, "")
				hidden = h
				return http.StatusOK
			}, http.StatusOK) {
				return
			}
			timed("submit", func() int { s, _ := p.send(t, f.big, hidden, answers); return s }, http.StatusOK)
		}()
	}
	close(start)
	wg.Wait()
	for _, msg := range fails {
		t.Error(msg)
	}
	return times
}

func percentile(times []time.Duration, p float64) time.Duration {
	s := slices.Clone(times)
	slices.Sort(s)
	if len(s) == 0 {
		return 0
	}
	return s[min(len(s)-1, int(float64(len(s))*p))]
}

// TestLoad60PhonesAllStored: sixty phones at the same moment, every check-in and every 30-item response
// stored. The time is logged; BenchmarkClassroom60Phones reports it.
func TestLoad60PhonesAllStored(t *testing.T) {
	f := newFixture(t, 60)
	times := loadRound(t, f, 60)
	if n := storetest.Count(t, f.st, "SELECT count(*) FROM attendance WHERE session_id = ?", f.session.ID); n != 60 {
		t.Errorf("%d marks stored, want 60", n)
	}
	if n := storetest.Count(t, f.st, "SELECT count(*) FROM response WHERE program_form_id = ?", f.big); n != 60 {
		t.Errorf("%d responses stored, want 60", n)
	}
	if n := storetest.Count(t, f.st, "SELECT count(*) FROM answer a JOIN response r ON r.id = a.response_id WHERE r.program_form_id = ?", f.big); n != 1800 {
		t.Errorf("%d answers stored, want 1800", n)
	}
	t.Logf("%d actions: p50 %v, p95 %v, max %v", len(times), percentile(times, 0.5), percentile(times, 0.95), percentile(times, 1))
}

// BenchmarkClassroom60Phones measures rounds of sixty phones checking in and sending a 30-item form at the
// same moment (later rounds replace the earlier responses and keep the marks, as a phone sending again does).
// Traffic goes to 127.0.0.1 only.
//
// It also measures what the window feels: the reads of the attendance grid (roster and marks) and of the
// live list (Status), every 20 ms, while no phone is busy and while the rounds run.
func BenchmarkClassroom60Phones(b *testing.B) {
	f := newFixture(b, 60)
	ctx := context.Background()
	windowRead := func() time.Duration {
		t0 := time.Now()
		if _, err := f.st.Roster(ctx, f.program.ID); err != nil {
			b.Fatal(err)
		}
		if _, err := f.st.Marks(ctx, f.session.ID); err != nil {
			b.Fatal(err)
		}
		if _, err := f.srv.Status(ctx); err != nil {
			b.Fatal(err)
		}
		return time.Since(t0)
	}
	var idle []time.Duration
	for range 25 {
		idle = append(idle, windowRead())
		time.Sleep(20 * time.Millisecond)
	}
	var busy []time.Duration
	stop, done := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(done)
		for {
			select {
			case <-stop:
				return
			case <-time.After(20 * time.Millisecond):
				busy = append(busy, windowRead())
			}
		}
	}()
	var all []time.Duration
	b.ResetTimer()
	for b.Loop() {
		all = append(all, loadRound(b, f, 60)...)
	}
	b.StopTimer()
	close(stop)
	<-done
	b.ReportMetric(float64(percentile(idle, 0.95).Microseconds())/1000, "window-read-idle-p95-ms")
	b.ReportMetric(float64(percentile(busy, 0.95).Microseconds())/1000, "window-read-busy-p95-ms")
	// Everything stored, once: a mark per phone, the latest response per phone with its 30 answers.
	if n := storetest.Count(b, f.st, "SELECT count(*) FROM attendance WHERE session_id = ?", f.session.ID); n != 60 {
		b.Errorf("%d marks stored, want 60", n)
	}
	if n := storetest.Count(b, f.st, "SELECT count(*) FROM response WHERE program_form_id = ?", f.big); n != 60 {
		b.Errorf("%d responses stored, want 60", n)
	}
	if n := storetest.Count(b, f.st, "SELECT count(*) FROM answer a JOIN response r ON r.id = a.response_id WHERE r.program_form_id = ?", f.big); n != 1800 {
		b.Errorf("%d answers stored, want 1800", n)
	}
	b.ReportMetric(float64(percentile(all, 0.5).Microseconds())/1000, "p50-ms")
	b.ReportMetric(float64(percentile(all, 0.95).Microseconds())/1000, "p95-ms")
	b.ReportMetric(float64(percentile(all, 1).Microseconds())/1000, "max-ms")
}
