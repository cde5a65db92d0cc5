// Package cli is Pembina's command line: `pembina [--db FILE] COMMAND …` does from a script what the window
// does, on the same database and through the same functions (app/certify, app/report, app/importer, the
// store). Each command is a file of its own (certificates.go, …) with its test beside it, listed in the table
// of commands.go. Exit codes: 0 success, 1 the work failed (one Indonesian line on stderr, the technical cause
// in the log), 2 wrong usage (one line with the command's usage).
//
// The package links no Fyne: the one command that opens a window, kiosk, calls Runner.Kiosk, which main wires
// to package app.
package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"runtime/debug"
	"slices"
	"strings"
	"time"

	"github.com/pembina/pembina/data"
	"github.com/pembina/pembina/data/store"
)

// Runner runs one command. main fills it from its flags; tests make their own.
type Runner struct {
	// DB is the database file (--db or PEMBINA_DB); "" for the default one (DefaultDatabasePath).
	DB     string
	Stdout io.Writer
	Stderr io.Writer
	// Now is the clock the commands work by (the day certificates are issued, the period figures are for, the
	// session Mode Kelas opens); nil for time.Now.
	Now func() time.Time
	// Kiosk opens the full-screen kiosk of program p's form formID (0: the attached form open today) and
	// returns when it is closed. The window lives in package app, which this package does not link; nil
	// refuses the kiosk command.
	Kiosk func(ctx context.Context, s *store.Store, p *data.Program, formID int64) error
	// CounterFolder is where the highest certificate and letter numbers are also kept per office signing key
	// (store.Options.CounterFolder; CounterFolder() gives the user's); "" keeps them beside the database only.
	CounterFolder string

	// commands is the table the runner knows; nil for commandTable().
	commands []command
}

// command is a subcommand of the command line, one line of the table in commands.go.
type command struct {
	name    string
	usage   string // the synopsis after "pembina [--db FILE] "
	summary string // one line, Indonesian
	run     func(c *cli, args []string) error
	// ownStore marks a command that works on the database file itself, unopened (restore replaces a file
	// that may no longer open); c.store is nil for it.
	ownStore bool
}

// cli is what a command gets: the open database and where to write.
type cli struct {
	ctx    context.Context
	dbPath string
	store  *store.Store
	stdout io.Writer
	stderr io.Writer
	kiosk  func(ctx context.Context, s *store.Store, p *data.Program, formID int64) error
	clock  func() time.Time // Runner.Now
	opts   store.Options    // how the database is opened (Runner.CounterFolder)
}

// usageError marks wrong usage (exit code 2) as opposed to work that failed (exit code 1).
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error { return usageError{fmt.Sprintf(format, args...)} }

// now is the time by Runner.Now, else by the wall clock.
func (c *cli) now() time.Time {
	if c.clock != nil {
		return c.clock()
	}
	return time.Now()
}

func (r *Runner) table() []command {
	if r.commands != nil {
		return r.commands
	}
	return commandTable()
}

// Run runs the command args[0] with its arguments and returns the exit code: 0 success, 1 the work failed, 2
// wrong usage. "help" prints the usage. The database is opened here, after the command is known, so that a
// mistyped command touches no file; restore gets the file unopened.
func (r *Runner) Run(args []string) (code int) {
	defer CatchPanic(args, r.Stderr, &code)
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		r.PrintUsage()
		return 0
	}
	var cmd command
	var ok bool
	for _, c := range r.table() {
		if c.name == args[0] {
			cmd, ok = c, true
		}
	}
	if !ok {
		fmt.Fprintf(r.Stderr, "pembina: perintah %q tidak dikenal; lihat daftar perintah dengan pembina help\n", args[0])
		return 2
	}
	if slices.ContainsFunc(args[1:], isHelpFlag) {
		printCommandUsage(r.Stdout, cmd, args[1:])
		return 0
	}
	path, notice := r.DB, ""
	if path == "" {
		var err error
		if path, notice, err = DefaultDatabasePath(); err != nil {
			return Failed(r.Stderr, err)
		}
	}
	ctx, stop := interruptible(r.Stderr)
	defer stop()
	c := &cli{ctx: ctx, dbPath: path, stdout: r.Stdout, stderr: r.Stderr, kiosk: r.Kiosk, clock: r.Now,
		opts: store.Options{CounterFolder: r.CounterFolder}}
	if !cmd.ownStore {
		if notice != "" {
			fmt.Fprintf(r.Stderr, "pembina: %s\n", notice)
		}
		s, err := OpenStore(path, c.opts, r.Stderr)
		if err != nil {
			return Failed(r.Stderr, err)
		}
		defer s.Close()
		c.store = s
	}
	return finish(cmd, cmd.run(c, args[1:]), r.Stdout, r.Stderr)
}

// OpenStore opens the database at path with the options o for the window or a command, and says on stderr
// what opening it did: the copy kept before a migration, counters lifted, a counter notice.
func OpenStore(path string, o store.Options, stderr io.Writer) (*store.Store, error) {
	s, err := store.OpenWith(path, o)
	if err != nil {
		return nil, err
	}
	if s.BackupPath != "" {
		fmt.Fprintf(stderr, "pembina: basis data diperbarui; salinan sebelum pembaruan: %s\n", s.BackupPath)
	}
	for _, l := range s.CounterLifts {
		fmt.Fprintf(stderr, "pembina: %s\n", l.Message())
	}
	if s.CounterNotice != "" {
		fmt.Fprintf(stderr, "pembina: %s\n", s.CounterNotice)
	}
	return s, nil
}

// CatchPanic, deferred, turns a panic into failed work: exit code 1 in *code, one Indonesian line on stderr,
// the stack in the log.
func CatchPanic(args []string, stderr io.Writer, code *int) {
	if r := recover(); r != nil {
		log.Printf("pembina %s: panic: %v\n%s", strings.Join(args, " "), r, debug.Stack())
		fmt.Fprintln(stderr, "pembina: pekerjaan dihentikan karena kesalahan di dalam Pembina; tidak ada yang disimpan setengah jalan. "+
			"Laporkan ke pengembang beserta berkas log "+logName+".")
		*code = 1
	}
}

// isHelpFlag reports whether arg asks for help (-h, -help, --help): it is never a file or a value, so that
// `backup --help` prints backup's usage rather than writing a backup named --help.
func isHelpFlag(arg string) bool { return arg == "-h" || arg == "-help" || arg == "--help" }

// printCommandUsage writes the usage of cmd to w, for `pembina COMMAND --help`; for import, of the kind args
// names, when it names one.
func printCommandUsage(w io.Writer, cmd command, args []string) {
	usage, summary := cmd.usage, cmd.summary
	if cmd.name == "import" && len(args) > 0 {
		if k, ok := importKinds()[args[0]]; ok {
			usage, summary = "import "+k.usage, k.summary
		}
	}
	fmt.Fprintf(w, "pemakaian: pembina [--db BERKAS] %s\n%s\n", usage, summary)
}

// finish turns a command's error into its exit code and message; -h or --help, read among the options,
// prints the command's usage.
func finish(cmd command, err error, stdout, stderr io.Writer) int {
	if err == nil {
		return 0
	}
	if errors.Is(err, errHelp) {
		printCommandUsage(stdout, cmd, nil)
		return 0
	}
	var ue usageError
	if errors.As(err, &ue) {
		msg, usage := strings.TrimSpace(ue.msg), "pembina [--db BERKAS] "+cmd.usage
		if i := strings.Index(msg, "\n"); i >= 0 { // usage lines the command added itself: the first, more precise one
			if own := strings.SplitN(msg[i+1:], "\n", 2)[0]; strings.HasPrefix(own, "pembina ") {
				usage = own
			}
			msg = msg[:i]
		}
		fmt.Fprintf(stderr, "pembina %s: %s; pemakaian: %s\n", cmd.name, oneLine(data.ErrorMessage(errors.New(msg))), usage)
		return 2
	}
	return Failed(stderr, err)
}

// Failed writes failed work as the one Indonesian line the command line promises (data.ErrorMessage), keeps
// the technical cause in the log (data.ErrorDetail), and returns exit code 1.
func Failed(stderr io.Writer, err error) int {
	if d := data.ErrorDetail(err); d != "" {
		log.Printf("pembina: %s (%s)", data.ErrorMessage(err), d)
	}
	fmt.Fprintf(stderr, "pembina: %s\n", oneLine(data.ErrorMessage(err)))
	return 1
}

// PrintUsage writes `pembina help` to stdout: the window's line, then one per command.
func (r *Runner) PrintUsage() {
	w := r.Stdout
	fmt.Fprintln(w, "Pembina: pengelolaan program pembinaan ASN.")
	fmt.Fprintln(w, "")
	fmt.Fprintln(w, "pemakaian:")
	fmt.Fprintln(w, "  pembina [--db BERKAS] [--lang id|en] [--page HALAMAN]")
	fmt.Fprintln(w, "                                                  buka jendela Pembina (halaman: dashboard, programs,")
	fmt.Fprintln(w, "                                                  participants, forms, reports, settings)")
	for _, c := range r.table() {
		fmt.Fprintf(w, "  pembina [--db BERKAS] %-40s %s\n", c.usage, c.summary)
	}
	fmt.Fprintln(w, "")
	fmt.Fprintln(w, "--db atau PEMBINA_DB memilih berkas basis data; tanpa keduanya dipakai pembina.db di folder data pengguna.")
	fmt.Fprintln(w, "Kode keluar: 0 berhasil, 1 pekerjaan gagal, 2 pemakaian salah.")
}

// oneLine keeps an error to the one line the command line promises.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// tsv writes one tab-separated line; tabs and line breaks inside values become spaces.
func tsv(w io.Writer, fields ...string) {
	for i, f := range fields {
		fields[i] = strings.Map(func(r rune) rune {
			if r == '\t' || r == '\n' || r == '\r' {
				return ' '
			}
			return r
		}, f)
	}
	fmt.Fprintln(w, strings.Join(fields, "\t"))
}
