package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// pembina runs the command line with args ("--db FILE" first, or nothing for the default database) and
// returns its exit code, stdout and stderr. The options before the command are main's; main_test.go at the
// root checks them.
func pembina(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	r := &Runner{Stdout: &out, Stderr: &errOut}
	if len(args) >= 2 && args[0] == "--db" {
		r.DB = args[1]
		args = args[2:]
	}
	if len(args) == 0 || strings.HasPrefix(args[0], "-") {
		t.Fatalf("pembina %q: the command line's tests take --db FILE then the command", args)
	}
	code := r.Run(args)
	assertIndonesian(t, args, errOut.String())
	return code, out.String(), errOut.String()
}

func TestExitCodes(t *testing.T) {
	db := filepath.Join(t.TempDir(), "x.db")
	notDB := filepath.Join(t.TempDir(), "peserta.xlsx")
	os.WriteFile(notDB, []byte("PK\x03\x04 not really"), 0o644)
	tests := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"--db", db, "frobnicate"}, 2, "tidak dikenal"},
		{[]string{"--db", db, "list"}, 2, "sebutkan"},
		{[]string{"--db", db, "list", "cats"}, 2, "tidak dikenal"},
		{[]string{"--db", db, "list", "sessions"}, 2, "--program"},
		{[]string{"--db", db, "list", "sessions", "--program", "NOPE"}, 1, "tidak ditemukan"},
		{[]string{"--db", db, "backup"}, 2, "berkas tujuan"},
		{[]string{"--db", notDB, "list", "programs"}, 1, "bukan basis data Pembina"},
		{[]string{"--db", filepath.Join(t.TempDir(), "missing", "x.db"), "list", "programs"}, 1, "tidak ada"},
		{[]string{"--db", db, "demo", "--size", "9"}, 2, "opsi --size tidak dikenal"},
		{[]string{"--db", db, "help"}, 0, ""},
	}
	for _, tt := range tests {
		code, _, errOut := pembina(t, tt.args...)
		if code != tt.code || !strings.Contains(errOut, tt.want) {
			t.Errorf("pembina %v = %d, %q; want %d with %q", tt.args, code, errOut, tt.code, tt.want)
		}
	}
}
