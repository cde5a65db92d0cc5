package app

import (
	"sync/atomic"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/pembina/pembina/data/sample/sampletest"
)

// TestBackgroundWaitsForTheFirstFrame: the window Run opens keeps the work its first page asks for (the
// dashboard's figures) until the first frame is up, so that reading them does not compete with drawing it; the
// work then runs.
func TestBackgroundWaitsForTheFirstFrame(t *testing.T) {
	a := test.NewTempApp(t)
	s := sampletest.Open(t, sampleDay)
	u, err := newUI(a, s, Options{Language: "id", holdBackground: true}, false)
	if err != nil {
		t.Fatal(err)
	}
	var ran atomic.Bool
	u.goBackground(func() { ran.Store(true) })
	time.Sleep(50 * time.Millisecond)
	u.WaitIdle()
	if ran.Load() {
		t.Fatal("background work ran before the first frame")
	}
	u.queueMu.Lock()
	held := len(*u.held)
	u.queueMu.Unlock()
	if held < 2 {
		t.Fatalf("%d pieces of work held, want the dashboard's and the test's", held)
	}
	u.releaseHeld()
	u.WaitIdle()
	if !ran.Load() {
		t.Fatal("the held work did not run once the first frame was up")
	}
	u.goBackground(func() { ran.Store(false) })
	u.WaitIdle()
	if ran.Load() {
		t.Fatal("work asked for after the first frame was held")
	}
}
