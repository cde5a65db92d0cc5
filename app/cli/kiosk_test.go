package cli

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pembina/pembina/data/sample/sampletest"
)

// The kiosk command refuses wrong usage and an unknown program before it opens any window (main_test.go checks
// the form, which needs the window's package).
func TestKioskCommandChecksItsArguments(t *testing.T) {
	db := filepath.Join(t.TempDir(), "demo.db")
	sampletest.CopyTo(t, db, time.Time{})
	for _, c := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"kiosk"}, 2, "--program"},
		{[]string{"kiosk", "--program", "KPP-I/2026", "extra"}, 2, "argumen tidak dikenal"},
		{[]string{"kiosk", "--program", "TIDAK-ADA"}, 1, "TIDAK-ADA"},
	} {
		code, _, errOut := pembina(t, append([]string{"--db", db}, c.args...)...)
		if code != c.code || !strings.Contains(errOut, c.want) {
			t.Errorf("%v = %d %q, want %d with %q", c.args, code, errOut, c.code, c.want)
		}
	}
}
