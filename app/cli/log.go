package cli

import (
	"io"
	"log"
	"os"
	"path/filepath"
	"runtime/debug"
)

// logName is the log file of the command line, in Pembina's data folder.
const logName = "pembina.log"

// logLimit is the size past which the log starts afresh, so that it never grows without bound.
const logLimit = 1 << 20

// SetUpLog decides where log lines (technical causes of errors, panics with their stack) go. PEMBINA_LOG names
// a file, or "-" for stderr. Otherwise the window logs to stderr as Fyne does, and a command (window false)
// appends to pembina.log in Pembina's data folder, so that stderr holds only the one Indonesian line it
// promises.
func SetUpLog(window bool, stderr io.Writer) (closeLog func()) {
	target := os.Getenv("PEMBINA_LOG")
	if target == "" && window {
		target = "-"
	}
	if target == "-" {
		log.SetOutput(stderr)
		return func() {}
	}
	if target == "" {
		dir, err := dataFolder()
		if err != nil {
			log.SetOutput(io.Discard)
			return func() {}
		}
		target = filepath.Join(dir, logName)
	}
	flags := os.O_WRONLY | os.O_CREATE | os.O_APPEND
	if fi, err := os.Stat(target); err == nil && fi.Size() > logLimit {
		flags |= os.O_TRUNC
	}
	f, err := os.OpenFile(target, flags, 0o644)
	if err != nil {
		log.SetOutput(io.Discard)
		return func() {}
	}
	log.SetOutput(f)
	// A fatal error of the Go runtime (out of memory, a panic in another goroutine) cannot be recovered and
	// exits with code 2 whatever Pembina does; its report at least lands in the log too.
	debug.SetCrashOutput(f, debug.CrashOptions{})
	return func() { log.SetOutput(io.Discard); f.Close() }
}
