package app

import (
	"fmt"
	"os"
	"runtime/debug"
	"time"
)

// Version is Pembina's version; it must equal Version in FyneApp.toml, which `fyne package` writes into the
// packages (TestVersionMatchesFyneApp keeps the two equal).
const Version = "0.1.0"

// commit is set by the Makefile (-X github.com/pembina/pembina/app.commit=…): builds with -buildvcs=false,
// as in CI, carry no VCS information of their own.
var commit string

// buildCommit returns the commit the binary was built from ("8cc8c8e", "8cc8c8e+" with uncommitted
// changes), or "" when the build carries none.
func buildCommit() string {
	if commit != "" {
		return commit
	}
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return ""
	}
	var rev string
	var modified bool
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			modified = s.Value == "true"
		}
	}
	if len(rev) > 7 {
		rev = rev[:7]
	}
	if rev != "" && modified {
		rev += "+"
	}
	return rev
}

// traceStart is when the process started; trace lines say how long after it they happen.
var traceStart time.Time

// trace writes one line on stderr when PEMBINA_STARTUP_TRACE is set: the time to the first frame, the pages
// shown (the end-to-end smoke test reads them).
func trace(format string, args ...any) {
	if os.Getenv("PEMBINA_STARTUP_TRACE") == "" || traceStart.IsZero() {
		return
	}
	fmt.Fprintf(os.Stderr, "pembina: %s (%d ms)\n", fmt.Sprintf(format, args...), time.Since(traceStart).Milliseconds())
}
