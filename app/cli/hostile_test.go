package cli

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/pembina/pembina/data/sample/sampletest"
	"github.com/pembina/pembina/internal/badfiles"
)

// TestImportRefusesHostileFiles runs every hostile file of internal/badfiles through the three import
// commands: each exits 1 with one Indonesian line on stderr that says why, and nothing is written.
func TestImportRefusesHostileFiles(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "p.db")
	sampletest.CopyTo(t, db, time.Time{})
	program := runningProgram(t, db)
	_, before, _ := pembina(t, "--db", db, "list", "participants")
	for _, c := range badfiles.Cases() {
		if c.Slow {
			continue // the importer's own test reads them; here the wiring is what is checked
		}
		path, err := c.Write(dir)
		if err != nil {
			t.Fatal(err)
		}
		commands := [][]string{
			{"import", "participants", path},
			{"import", "responses", path, "--program", program},
			{"import", "attendance", path, "--program", program, "--session", "1"},
		}
		if c.ParticipantsOnly {
			commands = commands[:1]
		}
		for _, args := range commands {
			code, _, errOut := pembina(t, append([]string{"--db", db}, args...)...)
			if code != 1 || strings.Count(errOut, "\n") != 1 || !strings.Contains(errOut, c.Want) {
				t.Errorf("%s %s = %d %q; want exit 1 and one line with %q", args[1], c.Name, code, errOut, c.Want)
			}
		}
	}
	if _, after, _ := pembina(t, "--db", db, "list", "participants"); after != before {
		t.Error("a refused import changed the participants")
	}
}

// TestImportCSVLineEndsAndEmptyLists: CR, LF and CRLF line ends read the same people; a list with only its
// heading, and --skip-invalid when every row is invalid, exit 1 with the reason.
func TestImportCSVLineEndsAndEmptyLists(t *testing.T) {
	dir := t.TempDir()
	for i, end := range []string{"\n", "\r\n", "\r"} {
		db := filepath.Join(dir, "p"+string(rune('a'+i))+".db")
		list := filepath.Join(dir, "daftar.csv")
		rows := []string{"NIP,NAMA,UNIT KERJA", "198609262015051001,Budi Santoso,SD Negeri 1", "196903091994032001,Siti Aminah,\"SMP Negeri 2,\r\nSukamaju\""}
		os.WriteFile(list, []byte(strings.Join(rows, end)+end), 0o644)
		code, out, errOut := pembina(t, "--db", db, "import", "participants", list)
		if code != 0 || !strings.Contains(out, "2 peserta baru") {
			t.Errorf("line end %q: %d\n%s%s", end, code, out, errOut)
		}
	}
	db := filepath.Join(dir, "q.db")
	headingOnly := filepath.Join(dir, "judul.csv")
	os.WriteFile(headingOnly, []byte("NIP;NAMA;UNIT KERJA\r\n"), 0o644)
	if code, _, errOut := pembina(t, "--db", db, "import", "participants", headingOnly); code != 1 || !strings.Contains(errOut, "tidak ada baris data") {
		t.Errorf("heading only = %d %q", code, errOut)
	}
	invalid := filepath.Join(dir, "salah.csv")
	os.WriteFile(invalid, []byte("NIP;NAMA\n12345;Budi\n;\t\n1.98609E+17;Siti\n"), 0o644)
	for _, extra := range [][]string{nil, {"--dry-run"}} {
		args := append([]string{"--db", db, "import", "participants", invalid, "--skip-invalid"}, extra...)
		if code, _, errOut := pembina(t, args...); code != 1 || !strings.Contains(errOut, "semua 2 baris tidak valid") {
			t.Errorf("%v = %d %q", extra, code, errOut)
		}
	}
}

// runningProgram returns the code of a sample program with sessions.
func runningProgram(t *testing.T, db string) string {
	t.Helper()
	_, programs, _ := pembina(t, "--db", db, "list", "programs")
	for _, l := range strings.Split(strings.TrimSpace(programs), "\n") {
		if f := strings.Split(l, "\t"); f[4] == "running" || f[4] == "done" {
			return f[0]
		}
	}
	t.Fatal("no running program in the sample")
	return ""
}

// TestImportResponsesRecognisesAndChooses: a participant list is no evaluation export (exit 1 with the
// reason); --form with --new-form is wrong usage; --new-form makes a new form; without either the chosen form
// and its share are printed.
func TestImportResponsesRecognisesAndChooses(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "p.db")
	sampletest.CopyTo(t, db, time.Time{})
	program := runningProgram(t, db)
	list := filepath.Join(dir, "peserta.csv")
	os.WriteFile(list, []byte("NO,NIP,NAMA,UNIT KERJA\n1,198609262015051001,Budi Santoso,SD Negeri 1\n"), 0o644)
	if code, _, errOut := pembina(t, "--db", db, "import", "responses", list, "--program", program); code != 1 ||
		!strings.Contains(errOut, "bukan ekspor jawaban evaluasi") {
		t.Errorf("participant list as responses = %d %q", code, errOut)
	}
	export := filepath.Join(dir, "Survei Asrama.csv")
	os.WriteFile(export, []byte("Timestamp,Nama Lengkap,Kebersihan kamar asrama,Kenyamanan tempat tidur,Kualitas makanan\r\n"+
		"2026/11/20 8:01:02 AM GMT+7,Peserta Baru,Sangat Baik,Baik,Cukup\r\n"), 0o644)
	if code, _, errOut := pembina(t, "--db", db, "import", "responses", export, "--program", program, "--form", "1", "--new-form"); code != 2 {
		t.Errorf("--form with --new-form = %d %q", code, errOut)
	}
	code, out, errOut := pembina(t, "--db", db, "import", "responses", export, "--program", program, "--dry-run")
	if code != 0 || !strings.Contains(out, "formulir baru dibuat dari kolom berkas") || !strings.Contains(out, "kolom pertanyaan (") {
		t.Errorf("without a form = %d\n%s%s", code, out, errOut)
	}
	code, out, errOut = pembina(t, "--db", db, "import", "responses", export, "--program", program, "--new-form")
	if code != 0 || !strings.Contains(out, "(--new-form)") || !strings.Contains(out, "Formulir baru dibuat dari kolom berkas: ID") {
		t.Errorf("--new-form = %d\n%s%s", code, out, errOut)
	}
}

// TestImportRefusesNamedPipe: a named pipe given as the file to import is refused at once; opening it would
// wait for a writer for ever.
func TestImportRefusesNamedPipe(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "p.db")
	sampletest.CopyTo(t, db, time.Time{})
	pipe := filepath.Join(dir, "daftar.csv")
	if err := syscall.Mkfifo(pipe, 0o644); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	program := runningProgram(t, db)
	for _, args := range [][]string{
		{"import", "participants", pipe},
		{"import", "responses", pipe, "--program", program},
		{"import", "attendance", pipe, "--program", program, "--session", "1"},
	} {
		code, _, errOut := pembina(t, append([]string{"--db", db}, args...)...)
		if code != 1 || !strings.Contains(errOut, "bukan berkas biasa") {
			t.Errorf("%s of a named pipe = %d %q; want exit 1 saying it is not a regular file", args[1], code, errOut)
		}
	}
}
