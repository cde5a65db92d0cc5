package cli

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

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
