package app

import (
	"time"

	"github.com/pembina/pembina/data"
)

// clock is the window's time: the day the pages count attendance, eligibility and the JP year on, and the
// time of day a late arrival is marked with. It is a field of the UI (Options.Now) rather than a package
// variable so that a test fixes the day for its own window only, and tests can run in parallel.
type clock func() time.Time

// today is the clock's date at midnight UTC, the form data's dates take (data.Day).
func (c clock) today() time.Time { return data.Day(c()) }
