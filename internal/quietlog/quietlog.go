// Package quietlog silences the standard logger while the program's packages initialise, and lets main decide
// where log lines go afterwards.
//
// Fyne's lang package looks up the system locale in its init and logs "Fyne error: Error parsing user locale
// C" (three lines on stderr) when LANG is C.UTF-8 or another value that is not a language tag, before main
// runs; the command line promises one line on stderr on failure and nothing on success. Go initialises
// packages in the order of their import paths, each after the packages it imports (the Go specification,
// "Package initialization", since Go 1.21), so this package lives in a module of its own whose path,
// early.pembina/quietlog, sorts before fyne.io: it imports only io and log, is ready as soon as log is, and
// its init runs before any Fyne package's. Main imports it blank and then sets the logger's output itself.
package quietlog

import (
	"io"
	"log"
)

func init() { log.SetOutput(io.Discard) }
