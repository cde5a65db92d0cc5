package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/pembina/pembina/data"
)

// Globals are the options before the command: pembina [--db BERKAS] [--lang id|en] [--page HALAMAN] PERINTAH.
type Globals struct {
	DB      string   // --db, else PEMBINA_DB; "" for the default database
	Lang    string   // --lang, the window's language
	Page    string   // --page, the window's first page
	Command []string // the command and its arguments; none for the window
}

// ParseGlobals reads the options before the command. Its error is wrong usage, one Indonesian line.
func ParseGlobals(args []string) (Globals, error) {
	fs := flag.NewFlagSet("pembina", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	var g Globals
	fs.StringVar(&g.DB, "db", os.Getenv("PEMBINA_DB"), "")
	fs.StringVar(&g.Lang, "lang", "", "")
	fs.StringVar(&g.Page, "page", "", "")
	if err := fs.Parse(args); errors.Is(err, flag.ErrHelp) {
		return Globals{Command: []string{"help"}}, nil // pembina --help is pembina help
	} else if err != nil {
		return g, usagef("%s; lihat pembina help", flagMessage(fs, err))
	}
	g.Command = fs.Args()
	return g, nil
}

// flagTakes says what each option of the command line takes, in the words of the usage lines.
var flagTakes = map[string]string{
	"db":      "nama berkas basis data",
	"lang":    "kode bahasa: id atau en",
	"page":    "nama halaman: dashboard, programs, participants, forms, reports atau settings",
	"program": "kode program, misalnya PTD-I/2026",
	"session": "nomor sesi berupa bilangan bulat, misalnya 2",
	"form":    "nomor formulir berupa bilangan bulat (lihat pembina list forms)",
	"out":     "nama berkas atau folder tujuan",
	"paper":   "ukuran kertas: A4 atau F4",
	"year":    "tahun empat angka, misalnya 2026",
	"from":    "tanggal TTTT-BB-HH, misalnya 2026-01-01",
	"to":      "tanggal TTTT-BB-HH, misalnya 2026-12-31",
	"unit":    "nama unit kerja",
	"addr":    "alamat HOST:PORT, misalnya 0.0.0.0:8080",
	"share":   "persen antara 1 dan 100, misalnya 75",
	"below":   "kode kehadiran: H, T, I, S, DL, C atau A",
	"label":   "nama pemilik kunci",
	"speaker": "nama narasumber",
}

// invalidValue matches the flag package's complaint about a value ("invalid value "abc" for flag -session:
// parse error", "invalid boolean value "x" for -split: parse error").
var invalidValue = regexp.MustCompile(`^invalid (?:boolean )?value "(.*)" for (?:flag )?-(\S+): `)

// flagMessage says in Indonesian which option of fs was wrong and what it takes; the flag package's English
// never reaches the user.
func flagMessage(fs *flag.FlagSet, err error) string {
	msg := err.Error()
	switch {
	case strings.HasPrefix(msg, "flag provided but not defined: "):
		name := strings.TrimLeft(strings.TrimPrefix(msg, "flag provided but not defined: "), "-")
		return fmt.Sprintf("opsi --%s tidak dikenal%s", name, knownFlags(fs))
	case strings.HasPrefix(msg, "flag needs an argument: "):
		name := strings.TrimLeft(strings.TrimPrefix(msg, "flag needs an argument: "), "-")
		return fmt.Sprintf("opsi --%s memerlukan nilai: %s", name, takes(fs, name))
	case invalidValue.MatchString(msg):
		m := invalidValue.FindStringSubmatch(msg)
		return fmt.Sprintf("nilai %q untuk opsi --%s tidak valid; opsi ini memerlukan %s", m[1], m[2], takes(fs, m[2]))
	case strings.HasPrefix(msg, "bad flag syntax: "):
		return fmt.Sprintf("penulisan opsi %q salah; tulis --NAMA NILAI atau --NAMA=NILAI", strings.TrimPrefix(msg, "bad flag syntax: "))
	}
	return "opsi tidak dapat dibaca: " + data.ErrorMessage(err)
}

// takes says what the option name of fs takes: from flagTakes, else from its type.
func takes(fs *flag.FlagSet, name string) string {
	if t, ok := flagTakes[name]; ok {
		return t
	}
	if fs != nil {
		if f := fs.Lookup(name); f != nil {
			if g, ok := f.Value.(flag.Getter); ok {
				switch g.Get().(type) {
				case bool:
					return "true atau false (atau tanpa nilai)"
				case int, int64, uint, uint64:
					return "bilangan bulat"
				case float64:
					return "angka"
				case time.Duration:
					return "lama waktu, misalnya 30s atau 5m"
				}
			}
		}
	}
	return "sebuah nilai"
}

// knownFlags lists the options fs knows, for the message about one it does not.
func knownFlags(fs *flag.FlagSet) string {
	if fs == nil {
		return ""
	}
	var names []string
	fs.VisitAll(func(f *flag.Flag) { names = append(names, "--"+f.Name) })
	if len(names) == 0 {
		return "; perintah ini tidak memakai opsi"
	}
	sort.Strings(names)
	return "; opsi yang ada: " + strings.Join(names, ", ")
}

// errHelp is what parse returns for -h or --help: the command's usage goes to stdout, exit code 0.
var errHelp = errors.New("help requested")

// options are the options of one command: a flag.FlagSet that prints nothing, whose options may come before
// or after the positional arguments ("FILE --dry-run" as well as "--dry-run FILE"), and whose mistakes are
// usage errors in one set of Indonesian messages: the flag package's (flagMessage), a missing option
// ("sebutkan program dengan --program KODE"), the positional arguments ("sebutkan berkas …", "argumen tidak
// dikenal: …").
type options struct {
	*flag.FlagSet
	checks []func() error // the declared requirements, checked in order after the positional arguments
}

func newOptions(name string) *options {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	return &options{FlagSet: fs}
}

// need declares the text option name and requires it: missing or blank, the usage error is "sebutkan " +
// what, e.g. "program dengan --program KODE".
func (o *options) need(name, what string) *string {
	v := o.String(name, "", "")
	o.checks = append(o.checks, func() error {
		if strings.TrimSpace(*v) == "" {
			return usagef("sebutkan %s", what)
		}
		return nil
	})
	return v
}

// program declares the required --program KODE.
func (o *options) program() *string { return o.need("program", "program dengan --program KODE") }

// out declares the required --out BERKAS.ext, refused unless its name ends in ext (any case): missing, it asks
// for the file; given with another ending (--out /dev/null, a folder), it names what was given and the ending.
func (o *options) out(ext string) *string {
	v := o.String("out", "", "")
	o.checks = append(o.checks, func() error {
		switch {
		case strings.TrimSpace(*v) == "":
			return usagef("sebutkan berkas tujuan dengan --out BERKAS%s", ext)
		case !strings.HasSuffix(strings.ToLower(*v), ext):
			return usagef("--out %s: nama berkas tujuan harus berakhiran %s, misalnya laporan%s", *v, ext, ext)
		}
		return nil
	})
	return v
}

// session declares --session N, a session's number; required, 0 is refused as missing.
func (o *options) session(required bool) *int {
	v := o.Int("session", 0, "")
	o.checks = append(o.checks, func() error {
		switch {
		case *v < 0:
			return usagef("--session harus nomor sesi (1, 2, …)")
		case required && *v == 0:
			return usagef("sebutkan sesi dengan --session N (nomor sesi)")
		}
		return nil
	})
	return v
}

// parse reads args and checks them: the positional arguments, then the declared requirements in the order
// they were declared. what names the one positional argument the command takes ("berkas cadangan"); "" when it
// takes none. The positional argument is returned, "" when none.
func (o *options) parse(args []string, what string) (string, error) {
	var pos []string
	for {
		if err := o.Parse(args); errors.Is(err, flag.ErrHelp) {
			return "", errHelp
		} else if err != nil {
			return "", usagef("%s", flagMessage(o.FlagSet, err))
		}
		if o.NArg() == 0 {
			break
		}
		pos = append(pos, o.Arg(0))
		args = o.Args()[1:]
	}
	arg, err := oneArg(pos, what)
	if err != nil {
		return "", err
	}
	for _, check := range o.checks {
		if err := check(); err != nil {
			return "", err
		}
	}
	return arg, nil
}

// oneArg checks the positional arguments of a command that takes one, named by what ("berkas cadangan"), or
// none when what is "".
func oneArg(args []string, what string) (string, error) {
	switch {
	case what == "" && len(args) > 0:
		return "", usagef("argumen tidak dikenal: %s", strings.Join(args, " "))
	case what == "":
		return "", nil
	case len(args) == 0:
		return "", usagef("sebutkan %s", what)
	case len(args) > 1:
		return "", usagef("sebutkan satu %s saja; diberikan %d: %s", what, len(args), strings.Join(args, ", "))
	}
	return args[0], nil
}

// parseYear reads --year: a year between 2000 and 2100.
func parseYear(s string) (int, error) {
	y, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil || y < 2000 || y > 2100 {
		return 0, usagef("--year harus tahun antara 2000 dan 2100, misalnya 2026")
	}
	return y, nil
}

// names lists the keys of m sorted, joined by "|", for a usage line ("participants|responses").
func names[V any](m map[string]V) string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return strings.Join(keys, "|")
}
