// Command pembina is Pembina: the desktop program for coordinators of civil-servant training (Program
// Pembinaan ASN) and, with a subcommand, the same work from the command line. main.go does the wiring: flags,
// the database, then the window or a command.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"runtime/debug"
	"sort"
	"strings"
	"time"

	_ "early.pembina/quietlog" // first of all packages to initialise: keeps Fyne's locale warnings off stderr

	"github.com/pembina/pembina/app"
	"github.com/pembina/pembina/data"
	"github.com/pembina/pembina/data/store"
)

// processStart is when the program started, for the time-to-first-frame measurement.
var processStart = time.Now()

func main() {
	closeLog := setUpLog(os.Args[1:], os.Stderr)
	code := run(os.Args[1:], os.Stdout, os.Stderr)
	closeLog()
	os.Exit(code)
}

// command is a subcommand of the command line; each lives in a file of its own (commands_*.go) and registers
// itself in commands.
type command struct {
	usage   string // the synopsis after "pembina [--db FILE] "
	summary string // one line, Indonesian
	run     func(c *cli, args []string) error
	// ownStore marks a command that works on the database file itself, unopened (restore replaces a file
	// that may no longer open); c.store is nil for it.
	ownStore bool
}

var commands = map[string]command{}

// cli is what a command gets: the open database and where to write.
type cli struct {
	ctx    context.Context
	dbPath string
	store  *store.Store
	stdout io.Writer
	stderr io.Writer

	session int // --session N of `list`, for the kinds that take it
}

// usageError marks wrong usage (exit code 2) as opposed to work that failed (exit code 1).
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error { return usageError{fmt.Sprintf(format, args...)} }

// run is the whole program with its exit code: 0 success, 1 the work failed, 2 wrong usage. A panic is caught
// here and reported as failed work in one Indonesian line, its stack kept in the log.
func run(args []string, stdout, stderr io.Writer) (code int) {
	defer func() {
		if r := recover(); r != nil {
			log.Printf("pembina %s: panic: %v\n%s", strings.Join(args, " "), r, debug.Stack())
			fmt.Fprintln(stderr, "pembina: pekerjaan dihentikan karena kesalahan di dalam Pembina; tidak ada yang disimpan setengah jalan. "+
				"Laporkan ke pengembang beserta berkas log "+logName+".")
			code = 1
		}
	}()
	fs := flag.NewFlagSet("pembina", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	dbPath := fs.String("db", os.Getenv("PEMBINA_DB"), "")
	language := fs.String("lang", "", "")
	startPage := fs.String("page", "", "")
	if err := fs.Parse(args); err != nil {
		fmt.Fprintf(stderr, "pembina: %s; lihat pembina help\n", flagMessage(fs, err))
		return 2
	}
	rest := fs.Args()
	var cmd command
	if len(rest) > 0 {
		if rest[0] == "help" || rest[0] == "-h" || rest[0] == "--help" {
			printUsage(stdout)
			return 0
		}
		var ok bool
		if cmd, ok = commands[rest[0]]; !ok {
			fmt.Fprintf(stderr, "pembina: perintah %q tidak dikenal; lihat daftar perintah dengan pembina help\n", rest[0])
			return 2
		}
	}
	path, notice := *dbPath, ""
	if path == "" {
		var err error
		if path, notice, err = defaultDatabasePath(); err != nil {
			return failed(stderr, err)
		}
	}
	if cmd.ownStore {
		ctx, stop := interruptible(stderr)
		defer stop()
		return finish(rest[0], cmd, cmd.run(&cli{ctx: ctx, dbPath: path, stdout: stdout, stderr: stderr}, rest[1:]), stderr)
	}
	if notice != "" && len(rest) > 0 {
		fmt.Fprintf(stderr, "pembina: %s\n", notice)
	}
	s, err := store.Open(path)
	if err != nil {
		return failed(stderr, err)
	}
	defer s.Close()
	if s.BackupPath != "" {
		fmt.Fprintf(stderr, "pembina: basis data diperbarui; salinan sebelum pembaruan: %s\n", s.BackupPath)
	}
	for _, l := range s.CounterLifts {
		fmt.Fprintf(stderr, "pembina: %s\n", l.Message())
	}
	if s.CounterNotice != "" {
		fmt.Fprintf(stderr, "pembina: %s\n", s.CounterNotice)
	}
	if len(rest) == 0 {
		opt := app.Options{Language: *language, Page: *startPage, StartedAt: processStart, Notice: notice,
			OnDatabaseChanged: func(p string) {
				if err := rememberDatabase(p); err != nil {
					fmt.Fprintf(stderr, "pembina: %v\n", err)
				}
			}}
		if err := app.Run(s, opt); err != nil {
			return failed(stderr, err)
		}
		return 0
	}
	ctx, stop := interruptible(stderr)
	defer stop()
	c := &cli{ctx: ctx, dbPath: path, store: s, stdout: stdout, stderr: stderr}
	return finish(rest[0], cmd, cmd.run(c, rest[1:]), stderr)
}

// finish turns a command's error into its exit code and message.
func finish(name string, cmd command, err error, stderr io.Writer) int {
	if err == nil {
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
		fmt.Fprintf(stderr, "pembina %s: %s; pemakaian: %s\n", name, oneLine(data.ErrorMessage(errors.New(msg))), usage)
		return 2
	}
	return failed(stderr, err)
}

// failed writes failed work as the one Indonesian line the command line promises (data.ErrorMessage), keeps
// the technical cause in the log (data.ErrorDetail), and returns exit code 1.
func failed(stderr io.Writer, err error) int {
	if d := data.ErrorDetail(err); d != "" {
		log.Printf("pembina: %s (%s)", data.ErrorMessage(err), d)
	}
	fmt.Fprintf(stderr, "pembina: %s\n", oneLine(data.ErrorMessage(err)))
	return 1
}

func printUsage(w io.Writer) {
	fmt.Fprintln(w, "Pembina: pengelolaan program pembinaan ASN.")
	fmt.Fprintln(w, "")
	fmt.Fprintln(w, "pemakaian:")
	fmt.Fprintln(w, "  pembina [--db BERKAS] [--lang id|en] [--page HALAMAN]")
	fmt.Fprintln(w, "                                                  buka jendela Pembina (halaman: dashboard, programs,")
	fmt.Fprintln(w, "                                                  participants, forms, reports, settings)")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  pembina [--db BERKAS] %-40s %s\n", commands[n].usage, commands[n].summary)
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
