package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

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
