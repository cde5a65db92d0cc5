package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestImportUsage(t *testing.T) {
	db := filepath.Join(t.TempDir(), "x.db")
	empty := filepath.Join(t.TempDir(), "kosong.csv")
	os.WriteFile(empty, nil, 0o644)
	tests := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"import"}, 2, "participants"},
		{[]string{"import", "cats", "x.csv"}, 2, "tidak dikenal"},
		{[]string{"import", "participants"}, 2, "sebutkan berkas"},
		{[]string{"import", "participants", "a.csv", "b.csv"}, 2, "satu berkas"},
		{[]string{"import", "participants", "a.csv", "--nope"}, 2, "opsi --nope tidak dikenal"},
		{[]string{"import", "participants", empty}, 1, "kosong"},
		{[]string{"import", "participants", filepath.Join(t.TempDir(), "tidak-ada.xlsx")}, 1, "tidak ditemukan"},
		{[]string{"import", "participants", empty, "--program", "NOPE"}, 1, "NOPE"},
	}
	for _, tt := range tests {
		code, _, errOut := pembina(t, append([]string{"--db", db}, tt.args...)...)
		if code != tt.code || !strings.Contains(errOut, tt.want) {
			t.Errorf("pembina %v = %d, %q; want %d with %q", tt.args, code, errOut, tt.code, tt.want)
		}
	}
}
