package report

import (
	"math"
	"runtime/debug"
)

// memoryLimit is the Go memory the biggest documents are written within: the leadership workbook and the JP
// follow-up of a year of 100,000 people each hold about 100 MB of live data while they are written, and by
// default Go lets the heap grow to twice the live data between collections. The soft limit keeps the whole
// process under 300 MB, at the price of a few more collections.
const memoryLimit = 200 << 20

// limitMemory sets memoryLimit for the work that follows and returns what lifts it again; a limit set by
// someone else (GOMEMLIMIT, or another document being written) is left alone.
func limitMemory() (lift func()) {
	if debug.SetMemoryLimit(-1) != math.MaxInt64 {
		return func() {}
	}
	debug.SetMemoryLimit(memoryLimit)
	return func() { debug.SetMemoryLimit(math.MaxInt64) }
}
