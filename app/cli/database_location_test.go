package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pembina/pembina/data/sample/sampletest"
)

func TestRememberedDatabase(t *testing.T) {
	home := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", home)
	t.Setenv("HOME", home)
	t.Setenv("PEMBINA_DB", "")
	office := filepath.Join(t.TempDir(), "kantor.db")
	sampletest.CopyTo(t, office, time.Time{})
	if err := RememberDatabase(office); err != nil {
		t.Fatal(err)
	}
	path, notice, err := DefaultDatabasePath()
	if err != nil || path != office || notice != "" {
		t.Errorf("default = %s, %q, %v; want the remembered %s", path, notice, err, office)
	}
	if code, out, _ := pembina(t, "list", "programs"); code != 0 || strings.Count(out, "\n") < 6 {
		t.Errorf("list without --db = %d, %d lines: not the remembered database", code, strings.Count(out, "\n"))
	}
	os.Remove(office)
	path, notice, _ = DefaultDatabasePath()
	if filepath.Base(path) != "pembina.db" || !strings.Contains(notice, "tidak ditemukan") || !strings.Contains(notice, office) {
		t.Errorf("with the remembered file gone: %s, %q", path, notice)
	}
}
