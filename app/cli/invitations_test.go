package cli

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/pembina/pembina/data/sample/sampletest"
)

func TestInvitationsCommand(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "demo.db")
	sampletest.CopyTo(t, db, time.Time{})
	year := strconv.Itoa(time.Now().Year())
	code := "ptd-i/" + year
	list, err := exec.Command("sqlite3", db, "SELECT p.name FROM enrolment e JOIN participant p ON p.id = e.participant_id JOIN program g ON g.id = e.program_id WHERE g.code = 'PTD-I/"+year+"' AND e.role = 'peserta' AND e.status = 'enrolled'").Output()
	if err != nil {
		t.Fatalf("sqlite3: %v", err)
	}
	names := strings.Split(strings.TrimSpace(string(list)), "\n")
	for _, perUnit := range []bool{false, true} {
		out := filepath.Join(dir, "undangan.pdf")
		args := []string{"--db", db, "invitations", "--program", code, "--out", out}
		want := strconv.Itoa(len(names)) + " surat untuk peserta"
		if perUnit {
			args, want = append(args, "--per-unit"), "surat untuk kepala unit kerja ("+strconv.Itoa(len(names))+" peserta"
		}
		status, stdout, errOut := pembina(t, args...)
		if status != 0 || !strings.Contains(stdout, want) {
			t.Fatalf("invitations %v = %d\n%s\n%s", perUnit, status, stdout, errOut)
		}
		if perUnit && !strings.Contains(stdout, "belum memiliki data kepala") {
			t.Errorf("the units without head are not listed:\n%s", stdout)
		}
		text, err := exec.Command("pdftotext", out, "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		flat := strings.Join(strings.Fields(string(text)), " ")
		for _, n := range names {
			if !strings.Contains(flat, n) {
				t.Errorf("per unit %v: %s is not invited", perUnit, n)
			}
		}
	}

	// A program without participants: exit 1, a clear message, no file.
	empty := filepath.Join(dir, "kosong.pdf")
	if _, err := exec.Command("sqlite3", db, "DELETE FROM enrolment WHERE program_id = (SELECT id FROM program WHERE code = 'BTK-I/"+year+"')").Output(); err != nil {
		t.Fatal(err)
	}
	status, _, errOut := pembina(t, "--db", db, "invitations", "--program", "BTK-I/"+year, "--out", empty)
	if status != 1 || !strings.Contains(errOut, "belum memiliki peserta") {
		t.Errorf("empty program = %d %q", status, errOut)
	}
	if _, err := os.Stat(empty); !os.IsNotExist(err) {
		t.Errorf("a file was written for an empty program")
	}
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"invitations", "--out", empty}, "--program KODE"},
		{[]string{"invitations", "--program", code}, "--out BERKAS.pdf"},
	} {
		status, _, errOut := pembina(t, append([]string{"--db", db}, tt.args...)...)
		if status != 2 || !strings.Contains(errOut, tt.want) {
			t.Errorf("%v = %d %q", tt.args, status, errOut)
		}
	}
}
