package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pembina/pembina/data/sample/sampletest"
)

func TestRestoreCommand(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "a.db")
	sampletest.CopyTo(t, db, time.Time{})
	backup := filepath.Join(dir, "cadangan.db")
	if code, _, e := pembina(t, "--db", db, "backup", backup); code != 0 {
		t.Fatal(e)
	}
	_, before, _ := pembina(t, "--db", db, "list", "participants")

	// The database is damaged beyond opening: restore must still work, as it never opens the damaged file.
	raw, _ := os.ReadFile(db)
	os.WriteFile(db, raw[:len(raw)/2+7], 0o644)
	if code, _, _ := pembina(t, "--db", db, "list", "participants"); code != 1 {
		t.Fatal("the damaged file opened")
	}
	code, out, errOut := pembina(t, "--db", db, "restore", backup)
	if code != 0 || !strings.Contains(out, "dipulihkan") || !strings.Contains(out, "180 peserta") || !strings.Contains(out, "sebelum-pemulihan") {
		t.Fatalf("restore = %d\n%s\n%s", code, out, errOut)
	}
	if _, after, _ := pembina(t, "--db", db, "list", "participants"); after != before {
		t.Error("the restored database lists other participants")
	}
	aside, _ := filepath.Glob(filepath.Join(dir, "a.sebelum-pemulihan-*.db"))
	if len(aside) != 1 {
		t.Fatalf("kept aside: %v", aside)
	}
	if kept, _ := os.ReadFile(aside[0]); len(kept) != len(raw)/2+7 {
		t.Error("the kept-aside file is not the damaged one byte for byte")
	}

	tests := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"--db", db, "restore"}, 2, "berkas cadangan"},
		{[]string{"--db", db, "restore", filepath.Join(dir, "tidak-ada.db")}, 1, "tidak ada"},
		{[]string{"--db", db, "restore", aside[0]}, 1, "rusak"},
	}
	for _, tt := range tests {
		code, _, errOut := pembina(t, tt.args...)
		if code != tt.code || !strings.Contains(errOut, tt.want) {
			t.Errorf("pembina %v = %d, %q; want %d with %q", tt.args, code, errOut, tt.code, tt.want)
		}
	}
}
