package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// The kiosk command refuses wrong usage and a form that is not attached before it opens any window.
func TestKioskCommandChecksItsArguments(t *testing.T) {
	db := filepath.Join(t.TempDir(), "demo.db")
	if code, _, errOut := pembina(t, "--db", db, "demo"); code != 0 {
		t.Fatal(errOut)
	}
	for _, c := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"kiosk"}, 2, "--program"},
		{[]string{"kiosk", "--program", "KPP-I/2026", "extra"}, 2, "argumen tidak dikenal"},
		{[]string{"kiosk", "--program", "TIDAK-ADA"}, 1, "TIDAK-ADA"},
		{[]string{"kiosk", "--program", "KPP-I/2026", "--form", "999"}, 1, "formulir 999 tidak terlampir pada program KPP-I/2026; yang terlampir; 1 Evaluasi Penyelenggaraan"},
	} {
		code, _, errOut := pembina(t, append([]string{"--db", db}, c.args...)...)
		if code != c.code || !strings.Contains(errOut, c.want) {
			t.Errorf("%v = %d %q, want %d with %q", c.args, code, errOut, c.code, c.want)
		}
	}
}
