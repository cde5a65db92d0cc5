package cli

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pembina/pembina/data/sample/sampletest"
)

// demoPrograms loads the sample data and returns the code of a finished and of the planned program.
func demoPrograms(t *testing.T, db string) (finished, planned string) {
	t.Helper()
	sampletest.CopyTo(t, db, time.Time{})
	_, out, _ := pembina(t, "--db", db, "list", "programs")
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		f := strings.Split(l, "\t")
		switch f[4] {
		case "finished":
			finished = f[0]
		case "planned":
			planned = f[0]
		}
	}
	if finished == "" || planned == "" {
		t.Fatalf("no finished or planned program in\n%s", out)
	}
	return finished, planned
}

func attendanceLines(t *testing.T, db, program string, session int) [][]string {
	t.Helper()
	code, out, e := pembina(t, "--db", db, "list", "attendance", "--program", program, "--session", fmt.Sprint(session))
	if code != 0 {
		t.Fatalf("list attendance = %d %s", code, e)
	}
	var rows [][]string
	for _, l := range strings.Split(strings.TrimRight(out, "\n"), "\n") {
		rows = append(rows, strings.Split(l, "\t"))
	}
	return rows
}

func TestListAttendance(t *testing.T) {
	db := filepath.Join(t.TempDir(), "a.db")
	finished, planned := demoPrograms(t, db)
	_, enrolled, _ := pembina(t, "--db", db, "list", "participants", "--program", finished)
	rows := attendanceLines(t, db, finished, 1)
	if len(rows) != strings.Count(enrolled, "\n") || len(rows) < 10 {
		t.Fatalf("%d attendance lines for %d enrolled", len(rows), strings.Count(enrolled, "\n"))
	}
	valid := map[string]bool{"H": true, "T": true, "I": true, "S": true, "DL": true, "C": true, "A": true}
	for _, f := range rows {
		if len(f) != 3 || (f[0] != "" && len(f[0]) != 18) || f[1] == "" || !valid[f[2]] {
			t.Errorf("line %q: want NIP, name, a status of the finished session", f)
		}
	}
	for _, f := range attendanceLines(t, db, planned, 1) {
		if len(f) != 3 || f[2] != "" {
			t.Errorf("planned session line %q: the status must be empty", f)
		}
	}
}

func TestSignInSheetCommand(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext is not installed")
	}
	dir := t.TempDir()
	db := filepath.Join(dir, "a.db")
	_, planned := demoPrograms(t, db)
	out := filepath.Join(dir, "hadir.pdf")
	code, stdout, e := pembina(t, "--db", db, "sign-in-sheet", "--program", planned, "--session", "2", "--out", out)
	if code != 0 || !strings.Contains(stdout, "sesi 2") {
		t.Fatalf("sign-in-sheet = %d %s %s", code, stdout, e)
	}
	text, err := exec.Command("pdftotext", "-layout", out, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	first := attendanceLines(t, db, planned, 2)[0]
	for _, want := range []string{"DAFTAR HADIR PESERTA", "TANDA TANGAN", first[1], "Keterangan: Sakit"} {
		if !strings.Contains(string(text), want) {
			t.Errorf("the sheet lacks %q", want)
		}
	}
	all := filepath.Join(dir, "semua.pdf")
	if code, stdout, e := pembina(t, "--db", db, "sign-in-sheet", "--out", all, "--program", planned, "--paper", "f4"); code != 0 || !strings.Contains(stdout, "4 sesi") || !strings.Contains(stdout, "F4") {
		t.Errorf("all sessions = %d %s %s", code, stdout, e)
	}
	if _, err := os.Stat(all); err != nil {
		t.Error(err)
	}
}

func TestImportAttendanceCommand(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "a.db")
	_, planned := demoPrograms(t, db)
	people := attendanceLines(t, db, planned, 1)
	// A Zoom report of session 1 (08:00–11:45, 225 minutes): everyone wrote their NIP into their name; the first
	// two stayed only 30 minutes, the third joined twice, and a guest nobody knows came too.
	var b strings.Builder
	b.WriteString("Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest\n")
	for i, f := range people {
		minutes := 200
		if i < 2 {
			minutes = 30
		}
		if i == 2 {
			fmt.Fprintf(&b, "\"%03d_%s_%s\",,,,%d,Yes\n", i, f[1], f[0], 100)
			minutes = 100
		}
		fmt.Fprintf(&b, "\"%03d_%s_%s\",,,,%d,Yes\n", i, f[1], f[0], minutes)
	}
	b.WriteString("Tamu Undangan,tamu@contoh.id,,,90,Yes\n")
	report := filepath.Join(dir, "zoom.csv")
	os.WriteFile(report, []byte(b.String()), 0o644)

	code, out, e := pembina(t, "--db", db, "import", "attendance", report, "--program", planned, "--session", "1")
	if code != 0 {
		t.Fatalf("import = %d\n%s\n%s", code, out, e)
	}
	for _, want := range []string{fmt.Sprintf("%d peserta cocok", len(people)), "1 tidak cocok", "Tamu Undangan", "Kurang dari 75% lama sesi (169 dari 225 menit)",
		fmt.Sprintf("Disimpan: %d baru", len(people)-2)} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	after := attendanceLines(t, db, planned, 1)
	for i, f := range after {
		want := "H"
		if i < 2 {
			want = ""
		}
		if f[2] != want {
			t.Errorf("%s after the import: %q, want %q", f[1], f[2], want)
		}
	}
	code, out, _ = pembina(t, "--db", db, "import", "attendance", "--program", planned, "--session", "1", report)
	if code != 0 || !strings.Contains(out, fmt.Sprintf("Disimpan: 0 baru, 0 diperbarui, %d sudah sama", len(people)-2)) {
		t.Errorf("second import = %d\n%s", code, out)
	}
	code, out, _ = pembina(t, "--db", db, "import", "attendance", report, "--program", planned, "--session", "1", "--below", "a", "--dry-run")
	if code != 0 || !strings.Contains(out, "ditandai A") || !strings.Contains(out, "belum ada yang disimpan") {
		t.Errorf("dry run = %d\n%s", code, out)
	}
	if got := attendanceLines(t, db, planned, 1)[0][2]; got != "" {
		t.Errorf("a dry run stored %q", got)
	}
	pembina(t, "--db", db, "import", "attendance", report, "--program", planned, "--session", "1", "--below", "A")
	if got := attendanceLines(t, db, planned, 1)[0][2]; got != "A" {
		t.Errorf("--below A stored %q", got)
	}

	bad := filepath.Join(dir, "buruk.csv")
	os.WriteFile(bad, []byte("Nama,Email,Menit\nBudi,,sejam\n"), 0o644)
	tests := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"import", "attendance", bad, "--program", planned, "--session", "1"}, 1, "baris 2 (Budi)"},
		{[]string{"import", "attendance", report, "--program", planned}, 2, "--session"},
		{[]string{"import", "attendance", report, "--program", planned, "--session", "1", "--share", "0"}, 2, "--share"},
		{[]string{"import", "attendance", report, "--program", planned, "--session", "1", "--below", "X"}, 2, "--below"},
		{[]string{"import", "attendance", report, "--program", planned, "--session", "99"}, 1, "Sesi 99 tidak ada"},
		{[]string{"import", "cats", report}, 2, "tidak dikenal"},
		{[]string{"import"}, 2, "attendance"},
		{[]string{"list", "attendance", "--program", planned}, 2, "--session"},
		{[]string{"list", "attendance", "--program", planned, "--session", "9"}, 1, "tidak ada"},
		{[]string{"sign-in-sheet", "--program", planned, "--out", filepath.Join(dir, "x.pdf"), "--paper", "B5"}, 2, "A4 atau F4"},
		{[]string{"sign-in-sheet", "--program", planned}, 2, "--out"},
		{[]string{"sign-in-sheet", "--program", "NOPE", "--out", filepath.Join(dir, "x.pdf")}, 1, "tidak ditemukan"},
		{[]string{"sign-in-sheet", "--program", planned, "--out", filepath.Join(dir, "no", "x.pdf")}, 1, "Folder " + filepath.Join(dir, "no") + " tidak ada"},
	}
	for _, tt := range tests {
		code, _, errOut := pembina(t, append([]string{"--db", db}, tt.args...)...)
		if code != tt.code || !strings.Contains(errOut, tt.want) {
			t.Errorf("pembina %v = %d, %q; want %d with %q", tt.args, code, errOut, tt.code, tt.want)
		}
		if code == 1 && strings.Count(errOut, "\n") != 1 {
			t.Errorf("pembina %v: %q is not one line", tt.args, errOut)
		}
	}
}
