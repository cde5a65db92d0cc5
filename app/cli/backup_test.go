package cli

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pembina/pembina/data/sample/sampletest"
)

func TestBackupCommand(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "a.db")
	sampletest.CopyTo(t, db, time.Time{})
	copyPath := filepath.Join(dir, "copy.db")
	if code, out, e := pembina(t, "--db", db, "backup", copyPath); code != 0 || !strings.Contains(out, copyPath) {
		t.Fatalf("backup = %d %s %s", code, out, e)
	}
	_, a, _ := pembina(t, "--db", db, "list", "participants")
	_, b, _ := pembina(t, "--db", copyPath, "list", "participants")
	if a != b || a == "" {
		t.Error("the backup lists other participants than the original")
	}
	if code, _, _ := pembina(t, "--db", db, "backup", copyPath); code != 1 {
		t.Errorf("backup over an existing file = %d, want 1", code)
	}
}
