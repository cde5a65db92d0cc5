package app

import (
	"sync"
	"time"
)

// debouncer runs a function once typing pauses, so that search-as-you-type queries the database once per
// pause rather than once per key. The function runs off the UI goroutine and is counted in UI.busy.
type debouncer struct {
	u     *UI
	delay time.Duration
	mu    sync.Mutex
	timer *time.Timer
	gen   int
}

func newDebouncer(u *UI, delay time.Duration) *debouncer { return &debouncer{u: u, delay: delay} }

// call schedules fn after the delay, cancelling any call still waiting.
func (d *debouncer) call(fn func()) {
	if d.u.serial {
		d.u.goBackground(fn)
		return
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	d.gen++
	gen := d.gen
	if d.timer != nil && d.timer.Stop() {
		d.u.busy.Done() // the waiting call will not run
	}
	d.u.busy.Add(1)
	d.timer = time.AfterFunc(d.delay, func() {
		defer d.u.busy.Done()
		d.mu.Lock()
		current := gen == d.gen
		d.mu.Unlock()
		if current {
			fn()
		}
	})
}
