// Package peakmem measures the most memory a piece of work makes the Go runtime hold, for benchmarks that have
// a memory budget (1,000 certificates in 150 MB).
package peakmem

import (
	"runtime/metrics"
	"sync/atomic"
	"time"
)

// Start samples the memory the Go runtime holds from the operating system (heap, stacks, everything mapped,
// less what it has released back: about the process's resident size) every millisecond until the returned
// function is called; that returns the highest value seen, in MB.
func Start() (stop func() float64) {
	var peak atomic.Uint64
	done, finished := make(chan struct{}), make(chan struct{})
	sample := []metrics.Sample{{Name: "/memory/classes/total:bytes"}, {Name: "/memory/classes/heap/released:bytes"}}
	go func() {
		defer close(finished)
		for {
			metrics.Read(sample)
			if v := sample[0].Value.Uint64() - sample[1].Value.Uint64(); v > peak.Load() {
				peak.Store(v)
			}
			select {
			case <-done:
				return
			case <-time.After(time.Millisecond):
			}
		}
	}()
	return func() float64 {
		close(done)
		<-finished
		return float64(peak.Load()) / (1 << 20)
	}
}
