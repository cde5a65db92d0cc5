package cli

import (
	"flag"
	"fmt"
	"regexp"
	"sort"
	"strings"
	"time"

	"github.com/pembina/pembina/data"
)

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

// FlagMessage says in Indonesian which option of fs was wrong and what it takes; the flag package's English
// never reaches the user.
func FlagMessage(fs *flag.FlagSet, err error) string {
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
