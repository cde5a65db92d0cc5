package cli

import (
	"bytes"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	_ "github.com/mattn/go-sqlite3"

	"github.com/pembina/pembina/app/importer"
	"github.com/pembina/pembina/data"
	"github.com/pembina/pembina/data/sample/sampletest"
)

// englishPhrases are texts of Go, the operating system, SQLite, the flag package and Fyne that must never
// reach a coordinator on stderr.
var englishPhrases = []string{"no such file", "is a directory", "not a directory", "permission denied", "parse error",
	"malformed", "database is locked", "index ", "already exists", "flag provided", "for flag", "needs an argument",
	"Fyne error", "panic", "goroutine", "invalid argument", "unexpected EOF", "not a valid zip", "constraint failed",
	"context canceled", "runtime error", "nil pointer", "migration ", "help requested"}

// assertIndonesian fails the test when stderr holds one of englishPhrases.
func assertIndonesian(t *testing.T, args []string, stderr string) {
	t.Helper()
	for _, p := range englishPhrases {
		if strings.Contains(stderr, p) {
			t.Errorf("pembina %q: stderr says %q in English: %q", args, p, stderr)
		}
	}
}

// hostileFiles writes the odd inputs of the table into dir and returns their paths by name.
func hostileFiles(t *testing.T, dir string) map[string]string {
	t.Helper()
	p := map[string]string{
		"missing":   filepath.Join(dir, "tidak-ada.xlsx"),
		"folder":    filepath.Join(dir, "folder.xlsx"),
		"notzip":    filepath.Join(dir, "bukan-zip.xlsx"),
		"demo":      filepath.Join(dir, "demo.db"),
		"malformed": filepath.Join(dir, "rusak.db"),
		"migration": filepath.Join(dir, "migrasi.db"),
		"dbfolder":  filepath.Join(dir, "basis-data"),
		"binary":    filepath.Join(dir, "acak.csv"),
	}
	p["link"] = filepath.Join(dir, "tautan.pdf")
	// A "key" of 3 GB that takes no room: reading it whole peaked at 6.3 GB.
	p["bigkey"] = filepath.Join(dir, "kunci-besar.txt")
	if f, err := os.Create(p["bigkey"]); err == nil {
		f.Truncate(3 << 30)
		f.Close()
	}
	os.WriteFile(filepath.Join(dir, "hadir.pdf"), nil, 0o644)
	os.Symlink("hadir.pdf", p["link"])
	os.Mkdir(p["folder"], 0o755)
	os.Mkdir(p["dbfolder"], 0o755)
	os.WriteFile(p["notzip"], []byte("PK\x03\x04 bukan zip"), 0o644)
	random := make([]byte, 4096)
	for i := range random {
		random[i] = byte(i*7919 + i/13)
	}
	os.WriteFile(p["binary"], random, 0o644)
	sampletest.CopyTo(t, p["demo"], time.Time{})
	b, err := os.ReadFile(p["demo"])
	if err != nil {
		t.Fatal(err)
	}
	// A damaged file: the header intact, pages in the middle overwritten.
	bad := bytes.Clone(b)
	for i := 8192; i < len(bad)-8192; i += 4096 {
		copy(bad[i:i+64], bytes.Repeat([]byte{0xA5}, 64))
	}
	os.WriteFile(p["malformed"], bad, 0o644)
	// A file whose version says migration 3 is still to run although its index exists.
	os.WriteFile(p["migration"], b, 0o644)
	db, err := sql.Open("sqlite3", p["migration"])
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec("PRAGMA user_version = 2"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	return p
}

// TestHostileInputs runs the command line on inputs a coordinator's files and fingers produce: each gets its
// exit code and an Indonesian line naming the problem, nothing in English.
func TestHostileInputs(t *testing.T) {
	dir := t.TempDir()
	p := hostileFiles(t, dir)
	db := p["demo"]
	tests := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"--db", db, "import", "participants", p["missing"]}, 1, "tidak-ada.xlsx tidak ditemukan"},
		{[]string{"--db", db, "import", "participants", p["folder"]}, 1, "folder"},
		{[]string{"--db", db, "import", "participants", p["notzip"]}, 1, "bukan-zip.xlsx"},
		{[]string{"--db", db, "import", "responses", p["missing"], "--program", "PTD-I/2026"}, 1, "tidak ditemukan"},
		{[]string{"--db", db, "import", "attendance", p["folder"], "--program", "PTD-I/2026", "--session", "1"}, 1, "folder"},
		{[]string{"--db", p["dbfolder"], "list", "programs"}, 1, "folder"},
		{[]string{"--db", filepath.Join(p["missing"], "x.db"), "list", "programs"}, 1, "tidak ada"},
		{[]string{"--db", p["malformed"], "list", "participants"}, 1, "rusak"},
		{[]string{"--db", p["migration"], "list", "programs"}, 1, "basis data"},
		{[]string{"--db", db, "list", "attendance", "--program", "PTD-I/2026", "--session", "abc"}, 2, `nilai "abc" untuk opsi --session tidak valid; opsi ini memerlukan nomor sesi berupa bilangan bulat`},
		{[]string{"--db", db, "list", "attendance", "--program", "PTD-I/2026", "--session"}, 2, "opsi --session memerlukan nilai"},
		{[]string{"--db", db, "certificates", "--program", "PTD-I/2026", "--split=kadang"}, 2, `nilai "kadang" untuk opsi --split tidak valid; opsi ini memerlukan true atau false`},
		{[]string{"--db", db, "list", "programs", "--tahun", "2026"}, 2, "opsi --tahun tidak dikenal; opsi yang ada: --program, --session"},
		{[]string{"--db", db, "\x1b[31mlist"}, 2, "tidak dikenal"},
		{[]string{"--db", db, "sign-in-sheet", "--program", "PTD-I/2026", "--out", p["folder"]}, 1, "folder"},
		{[]string{"--db", db, "sign-in-sheet", "--program", "PTD-I/2026", "--out", "/dev/null"}, 1, "/dev/null bukan berkas biasa"},
		{[]string{"--db", db, "summary", "--program", "PTD-I/2026", "--out", "/dev/null"}, 2, "--out BERKAS.pdf"},
		{[]string{"--db", db, "sign-in-sheet", "--program", "PTD-I/2026", "--out", p["link"]}, 0, ""},
		{[]string{"--db", db, "summary", "--program", "PTD-I/2026", "--out", filepath.Join(p["missing"], "a.pdf")}, 1, "tidak"},
		{[]string{"--db", db, "workbook", "--year", "2026", "--out", filepath.Join(p["missing"], "a.xlsx")}, 1, "tidak"},
		{[]string{"--db", db, "backup", p["folder"]}, 1, "folder.xlsx adalah folder, bukan berkas"},
		{[]string{"--db", db, "backup", "/dev/null"}, 1, "/dev/null bukan berkas biasa"},
		{[]string{"--db", db, "backup", p["link"]}, 1, "sudah ada"},
		{[]string{"--db", db, "sign-in-sheet", "--program", "PTD-I/2026", "--out", "/proc/hadir.pdf"}, 1, "hadir.pdf tidak dapat dibuat di folder /proc"},
		{[]string{"--db", db, "key", "trust", p["missing"]}, 1, "Berkas " + p["missing"] + " tidak ditemukan"},
		{[]string{"--db", db, "key", "trust", p["folder"]}, 1, "adalah folder"},
		{[]string{"--db", db, "key", "trust", p["bigkey"]}, 1, "terlalu besar untuk sebuah kunci publik"},
		{[]string{"--db", db, "restore", p["binary"]}, 1, "acak.csv"},
		{[]string{"--db", db, "verify", "😀\x00\x1b"}, 1, "TIDAK"},
		{[]string{"--db", db, "list", "programs"}, 0, ""},
	}
	defer func() {
		if fi, err := os.Lstat(p["link"]); err != nil || fi.Mode()&os.ModeSymlink == 0 {
			t.Error("saving to a symbolic link replaced the link")
		}
		if fi, err := os.Stat(filepath.Join(dir, "hadir.pdf")); err != nil || fi.Size() == 0 {
			t.Error("saving to a symbolic link did not write its target")
		}
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			if strings.HasPrefix(e.Name(), ".") {
				t.Errorf("a temporary file was left: %s", e.Name())
			}
		}
	}()
	for _, tt := range tests {
		code, _, errOut := pembina(t, tt.args...)
		if code != tt.code || !strings.Contains(errOut, tt.want) {
			t.Errorf("pembina %q = %d, %q; want %d with %q", tt.args, code, errOut, tt.code, tt.want)
		}
		if lines := strings.Count(errOut, "\n"); (code != 0 && lines != 1) || (code == 0 && errOut != "") {
			t.Errorf("pembina %q wrote %d lines on stderr: %q", tt.args, lines, errOut)
		}
	}
}

// TestListFiltersByProgram: --program narrows `list forms` to the forms attached to the program, and `list
// programs` to the program.
func TestListFiltersByProgram(t *testing.T) {
	db := filepath.Join(t.TempDir(), "a.db")
	sampletest.CopyTo(t, db, time.Time{})
	_, all, _ := pembina(t, "--db", db, "list", "forms")
	total := strings.Count(all, "\n")
	s := openStore(t, db)
	defer s.Close()
	narrowed := false
	for _, code := range []string{"PTD-I/2026", "SKK-I/2026", "BTK-I/2026"} {
		_, some, e := pembina(t, "--db", db, "list", "forms", "--program", code)
		p, _ := s.ProgramByCode(ctxT(), code)
		pfs, _ := s.ProgramForms(ctxT(), p.ID)
		want := map[string]bool{}
		for _, pf := range pfs {
			want[strconv.FormatInt(pf.FormID, 10)] = true
		}
		got := map[string]bool{}
		for _, l := range strings.Split(strings.TrimSpace(some), "\n") {
			if l != "" {
				got[strings.Split(l, "\t")[0]] = true
			}
		}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("list forms --program %s = %v (%s), want the attached forms %v", code, got, e, want)
		}
		narrowed = narrowed || len(got) < total
	}
	if !narrowed {
		t.Errorf("no program narrowed the %d forms", total)
	}
	if _, one, _ := pembina(t, "--db", db, "list", "programs", "--program", "PTD-I/2026"); strings.Count(one, "\n") != 1 || !strings.HasPrefix(one, "PTD-I/2026\t") {
		t.Errorf("list programs --program = %q", one)
	}
}

// TestControlCharactersAreStripped: a name with terminal escapes imported from a list is stored and listed
// without them, and an emoji stays.
func TestControlCharactersAreStripped(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "a.db")
	list := filepath.Join(dir, "daftar.csv")
	os.WriteFile(list, []byte("NIP,NAMA,UNIT KERJA\n198609262015051001,\"Budi \x1b[31mSantoso\x1b[0m 😀\",\"SD\x07 Negeri\x1b 1\"\n"), 0o644)
	if code, out, e := pembina(t, "--db", db, "import", "participants", list); code != 0 {
		t.Fatalf("import = %d %s %s", code, out, e)
	}
	_, out, _ := pembina(t, "--db", db, "list", "participants")
	if strings.ContainsAny(out, "\x1b\x07\x00") || !strings.Contains(out, "Budi [31mSantoso[0m 😀\t") || !strings.Contains(out, "SD Negeri 1") {
		t.Errorf("list participants = %q", out)
	}
}

// TestRacingImports: a plan made before another import stored the same person is refused as outdated with
// "coba lagi" (not as a duplicate NIP), and the command line plans again and succeeds.
func TestRacingImports(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "a.db")
	list := filepath.Join(dir, "daftar.csv")
	os.WriteFile(list, []byte("NIP,NAMA,UNIT KERJA\n198609262015051001,Budi Santoso,SD Negeri 1\n196903091994032001,Siti Aminah,SMP Negeri 2\n"), 0o644)
	other := filepath.Join(dir, "lain.csv")
	os.WriteFile(other, []byte("NIP,NAMA,UNIT KERJA\n198609262015051001,Budi Santoso,SD Negeri 1\n"), 0o644)
	s := openStore(t, db)
	defer s.Close()
	f, err := importer.ReadParticipants(list)
	if err != nil {
		t.Fatal(err)
	}
	stale := func(wantNew int) *importer.ParticipantPlan {
		plan, err := f.Plan(ctxT(), s, f.Mapping(), 0, nil)
		if err != nil || plan.New != wantNew {
			t.Fatalf("plan: %v, %+v", err, plan)
		}
		return plan
	}
	first := stale(2)
	// The other import runs between planning and writing.
	if code, _, e := pembina(t, "--db", db, "import", "participants", other); code != 0 {
		t.Fatal(e)
	}
	_, err = first.Apply(ctxT(), s, false, nil)
	if !errors.Is(err, importer.ErrPlanOutdated) || !strings.Contains(data.ErrorMessage(err), "Coba lagi") || strings.Contains(data.ErrorMessage(err), "sudah terdaftar") {
		t.Fatalf("apply after the other import = %v; want an outdated plan that says to try again", err)
	}
	if _, out, _ := pembina(t, "--db", db, "list", "participants"); strings.Count(out, "\n") != 1 {
		t.Fatalf("the refused apply wrote something:\n%s", out)
	}
	// The command line's apply plans again and writes.
	s.Close()
	s = openStore(t, db)
	second := stale(1)
	if code, _, e := pembina(t, "--db", db, "import", "participants", list); code != 0 {
		t.Fatal(e)
	}
	res, err := applyParticipants(&cli{ctx: ctxT(), store: s}, f, second, 0, false)
	if err != nil || res.Added+res.Updated+res.Unchanged != 2 {
		t.Errorf("applyParticipants with an outdated plan = %+v, %v; want it planned again and written", res, err)
	}
}

// TestPanicIsFailedWork: a panic inside a command is caught at the top: exit 1, one Indonesian line, the
// stack in the log.
func TestPanicIsFailedWork(t *testing.T) {
	var errOut bytes.Buffer
	r := &Runner{DB: filepath.Join(t.TempDir(), "a.db"), Stdout: io.Discard, Stderr: &errOut,
		commands: append(commandTable(), command{name: "uji-panik", usage: "uji-panik", run: func(c *cli, args []string) error {
			var m map[string]int
			m["x"]++ // a nil map: a runtime panic as a bug would cause
			return nil
		}})}
	code := r.Run([]string{"uji-panik"})
	if code != 1 || strings.Count(errOut.String(), "\n") != 1 || !strings.Contains(errOut.String(), "kesalahan di dalam Pembina") {
		t.Errorf("a panicking command = %d %q; want 1 and one Indonesian line", code, errOut.String())
	}
}

// TestHelpFlag: -h, -help or --help after a command prints its usage (of the kind, for import) on stdout and
// exits 0 without opening the database or taking the flag for a file: backup --help wrote a backup named
// --help, and a flag set's own "flag: help requested" reached stderr.
func TestHelpFlag(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "a.db")
	t.Chdir(dir)
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"backup", "--help"}, "pemakaian: pembina [--db BERKAS] backup BERKAS\n"},
		{[]string{"import", "participants", "-h"}, "pembina [--db BERKAS] import participants BERKAS [--program KODE]"},
		{[]string{"import", "--help"}, "pembina [--db BERKAS] import JENIS BERKAS"},
		{[]string{"certificates", "--program", "P", "-help"}, "pembina [--db BERKAS] certificates --program KODE"},
		{[]string{"list", "-h"}, "pembina [--db BERKAS] list JENIS"},
	} {
		code, out, errOut := pembina(t, append([]string{"--db", db}, tt.args...)...)
		if code != 0 || errOut != "" || !strings.Contains(out, tt.want) {
			t.Errorf("pembina %q = %d %q %q; want 0 and the usage %q", tt.args, code, out, errOut, tt.want)
		}
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 0 {
		t.Errorf("asking for help wrote %v", entries)
	}
}
