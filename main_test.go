package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pembina/pembina/data/sample/sampletest"
)

// pembina runs the program with args and returns its exit code, stdout and stderr.
func pembina(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := run(args, &out, &errOut)
	return code, out.String(), errOut.String()
}

// TestOptionsBeforeTheCommand: main reads --db (or PEMBINA_DB), --lang and --page, refuses a wrong option with
// one Indonesian line and exit code 2, and hands the rest to the command line.
func TestOptionsBeforeTheCommand(t *testing.T) {
	db := filepath.Join(t.TempDir(), "demo.db")
	tests := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"--nope"}, 2, "pembina: opsi --nope tidak dikenal; opsi yang ada: --db, --lang, --page; lihat pembina help\n"},
		{[]string{"--db"}, 2, "opsi --db memerlukan nilai: nama berkas basis data"},
		{[]string{"---db", db}, 2, "penulisan opsi"},
		{[]string{"--db", db, "frobnicate"}, 2, `perintah "frobnicate" tidak dikenal`},
		{[]string{"--db", db, "--lang", "en", "demo"}, 0, ""},
	}
	for _, tt := range tests {
		code, _, errOut := pembina(t, tt.args...)
		if code != tt.code || !strings.Contains(errOut, tt.want) || (code != 0 && strings.Count(errOut, "\n") != 1) {
			t.Errorf("pembina %q = %d, %q; want %d with %q on one line", tt.args, code, errOut, tt.code, tt.want)
		}
	}
	for _, help := range [][]string{{"help"}, {"--help"}, {"-h"}, {"--db", db, "-help"}} {
		if code, out, errOut := pembina(t, help...); code != 0 || errOut != "" || !strings.Contains(out, "pembina [--db BERKAS] backup BERKAS") {
			t.Errorf("%q = %d %q\n%s", help, code, errOut, out)
		}
	}
	t.Setenv("PEMBINA_DB", db)
	if code, out, errOut := pembina(t, "list", "programs"); code != 0 || strings.Count(out, "\n") < 6 {
		t.Errorf("list programs with PEMBINA_DB = %d, %q, %q: not the demo database", code, out, errOut)
	}
}

// TestKioskChecksTheFormBeforeTheWindow: main's kiosk refuses a form that is not attached to the program before it
// opens any window.
func TestKioskChecksTheFormBeforeTheWindow(t *testing.T) {
	db := filepath.Join(t.TempDir(), "demo.db")
	sampletest.CopyTo(t, db, time.Time{})
	code, _, errOut := pembina(t, "--db", db, "kiosk", "--program", "KPP-I/2026", "--form", "999")
	if want := "formulir 999 tidak terlampir pada program KPP-I/2026; yang terlampir; 1 Evaluasi Penyelenggaraan"; code != 1 || !strings.Contains(errOut, want) {
		t.Errorf("kiosk with form 999 = %d %q, want 1 with %q", code, errOut, want)
	}
}

// TestMain runs the real main when PEMBINA_TEST_ARGS is set, so that a test can start this binary as the
// command line with its own environment (LANG) and see everything it writes, the output of package
// initialisation included. Every test runs under LANG=C.
func TestMain(m *testing.M) {
	if a, ok := os.LookupEnv("PEMBINA_TEST_ARGS"); ok {
		os.Args = append([]string{"pembina"}, strings.Split(a, "\x1f")...)
		main()
	}
	os.Setenv("LANG", "C")
	os.Exit(m.Run())
}

// TestStderrUnderAnyLanguage starts the command line as its own process under LANG=C, C.UTF-8, POSIX,
// en_US.UTF-8 and none: success writes nothing on stderr, failure exactly one Indonesian line, whatever Fyne thinks of the
// locale while the packages initialise.
func TestStderrUnderAnyLanguage(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "a.db")
	sampletest.CopyTo(t, db, time.Time{})
	for _, lang := range []string{"C", "C.UTF-8", "POSIX", "", "xx_YY.UTF-8", "id_ID.UTF-8", "en_US.UTF-8"} {
		for _, c := range []struct {
			args []string
			code int
			want string
		}{
			{[]string{"--db", db, "list", "programs"}, 0, ""},
			{[]string{"--db", db, "list", "sessions", "--program", "TIDAK-ADA"}, 1, `pembina: Program dengan kode "TIDAK-ADA" tidak ditemukan`},
			{[]string{"--db", db, "list", "sessions", "--session", "x"}, 2, `pembina list: nilai "x" untuk opsi --session tidak valid`},
		} {
			cmd := exec.Command(os.Args[0])
			cmd.Env = []string{"PEMBINA_TEST_ARGS=" + strings.Join(c.args, "\x1f"), "PEMBINA_LOG=" + filepath.Join(dir, "log.txt"),
				"HOME=" + dir, "PATH=" + os.Getenv("PATH")}
			if lang != "" {
				cmd.Env = append(cmd.Env, "LANG="+lang)
			}
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			err := cmd.Run()
			code := 0
			if ee, ok := err.(*exec.ExitError); ok {
				code = ee.ExitCode()
			} else if err != nil {
				t.Fatal(err)
			}
			got := stderr.String()
			if code != c.code || (code == 0 && got != "") || (code != 0 && (strings.Count(got, "\n") != 1 || !strings.HasPrefix(got, c.want))) {
				t.Errorf("LANG=%q pembina %q = %d with stderr %q; want %d and one line only on failure, %q", lang, c.args, code, got, c.code, c.want)
			}
		}
	}
}

// TestNoUserFolder: without HOME (nor XDG_CONFIG_HOME) and without --db there is no default database; the
// command line says so in one Indonesian line, not in Go's English ("neither $XDG_CONFIG_HOME nor $HOME are
// defined").
func TestNoUserFolder(t *testing.T) {
	dir := t.TempDir()
	cmd := exec.Command(os.Args[0])
	cmd.Env = []string{"PEMBINA_TEST_ARGS=list\x1fprograms", "PEMBINA_LOG=" + filepath.Join(dir, "log.txt"), "PATH=" + os.Getenv("PATH")}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	err := cmd.Run()
	ee, ok := err.(*exec.ExitError)
	got := stderr.String()
	if !ok || ee.ExitCode() != 1 || strings.Count(got, "\n") != 1 || !strings.Contains(got, "Folder data pengguna tidak ditemukan") ||
		strings.Contains(got, "neither") {
		t.Errorf("without HOME: %v, stderr %q; want exit 1 and one Indonesian line", err, got)
	}
}
