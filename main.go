// Command pembina is Pembina: the desktop program for coordinators of civil-servant training (Program
// Pembinaan ASN) and, with a subcommand, the same work from the command line (package app/cli). main.go does
// the wiring: the flags before the command, then the window on the open database, or the command.
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"time"

	_ "early.pembina/quietlog" // first of all packages to initialise: keeps Fyne's locale warnings off stderr

	"github.com/pembina/pembina/app"
	"github.com/pembina/pembina/app/cli"
	"github.com/pembina/pembina/data"
	"github.com/pembina/pembina/data/store"
)

// processStart is when the program started, for the time-to-first-frame measurement.
var processStart = time.Now()

// commandMemoryLimit is the soft memory limit of a command (debug.SetMemoryLimit) unless GOMEMLIMIT sets one:
// the garbage collector then works harder instead of letting the heap double past what is live. Importing a
// list of 199,990 people (dry run) peaked at 434 MB without it and 345 MB with it, writing them at 406 and
// 349 MB in about the same time; a list of as many invalid rows, the largest the readers accept, at 517 and
// 402 MB (its rows and their problems are about 200 MB live). Since the importer plans one row at a time, the
// largest list of internal/badfiles (InvalidList, 199,990 rows of 15 columns) peaks at 336-345 MB, with 242 MB
// live at most (590-652 MB before). The window, whose textures and caches are not Go heap, keeps Go's default.
const commandMemoryLimit = 320 << 20

func main() {
	g, err := cli.ParseGlobals(os.Args[1:])
	if err == nil && len(g.Command) > 0 && os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(commandMemoryLimit)
	}
	closeLog := cli.SetUpLog(err == nil && len(g.Command) == 0, os.Stderr)
	code := run(os.Args[1:], os.Stdout, os.Stderr)
	closeLog()
	os.Exit(code)
}

// run is the whole program with its exit code: 0 success, 1 the work failed, 2 wrong usage. A panic is caught
// here and reported as failed work in one Indonesian line, its stack kept in the log.
func run(args []string, stdout, stderr io.Writer) (code int) {
	defer cli.CatchPanic(args, stderr, &code)
	g, err := cli.ParseGlobals(args)
	if err != nil {
		fmt.Fprintf(stderr, "pembina: %s\n", err)
		return 2
	}
	if len(g.Command) > 0 {
		r := &cli.Runner{DB: g.DB, Stdout: stdout, Stderr: stderr, Kiosk: kiosk(stderr), CounterFolder: cli.CounterFolder()}
		return r.Run(g.Command)
	}
	path, notice := g.DB, ""
	if path == "" {
		var err error
		if path, notice, err = cli.DefaultDatabasePath(); err != nil {
			return cli.Failed(stderr, err)
		}
	}
	s, err := cli.OpenStore(path, store.Options{CounterFolder: cli.CounterFolder()}, stderr)
	if err != nil {
		return cli.Failed(stderr, err)
	}
	defer s.Close()
	opt := app.Options{Language: g.Lang, Page: g.Page, StartedAt: processStart, Notice: notice,
		OnDatabaseChanged: func(p string) {
			if err := cli.RememberDatabase(p); err != nil {
				fmt.Fprintf(stderr, "pembina: %v\n", err)
			}
		}}
	if err := app.Run(s, opt); err != nil {
		return cli.Failed(stderr, err)
	}
	return 0
}

// kiosk is the window of `pembina kiosk`: the kiosk of program p's form formID (0: the attached form open
// today), full screen, without the coordinator's window.
func kiosk(stderr io.Writer) func(ctx context.Context, s *store.Store, p *data.Program, formID int64) error {
	return func(ctx context.Context, s *store.Store, p *data.Program, formID int64) error {
		r, err := app.KioskForm(ctx, s, p, formID, time.Now())
		if err != nil {
			return err
		}
		if !app.KioskPINSet(ctx, s) {
			fmt.Fprintln(stderr, "pembina: belum ada PIN kios, jadi siapa pun dapat keluar dari mode kios; atur PIN di Pengaturan > Mode kios")
		}
		return app.RunKiosk(s, app.Options{StartedAt: processStart}, p, r)
	}
}
