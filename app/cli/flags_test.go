package cli

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestOneWordingForWrongUsage: every command says a missing --program, an unknown argument, a wrong option
// and a missing or extra file the same way, on one line with the usage of the command (of the kind, for
// import), and takes its options before or after the file.
func TestOneWordingForWrongUsage(t *testing.T) {
	db := filepath.Join(t.TempDir(), "kosong.db")
	const noProgram = "sebutkan program dengan --program KODE; pemakaian: pembina "
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"certificates", "--out", "a.pdf"}, "pembina certificates: " + noProgram + "[--db BERKAS] certificates --program KODE"},
		{[]string{"certificate-register", "--out", "a.xlsx"}, noProgram},
		{[]string{"sign-in-sheet", "--out", "a.pdf"}, noProgram},
		{[]string{"invitations", "--out", "a.pdf"}, noProgram},
		{[]string{"summary", "--out", "a.pdf"}, noProgram},
		{[]string{"kiosk"}, noProgram},
		{[]string{"serve"}, noProgram},
		{[]string{"import", "responses", "a.csv"}, "pembina import: " + noProgram + "import responses BERKAS --program KODE"},
		{[]string{"import", "attendance", "a.csv", "--session", "1"}, "pembina import: " + noProgram + "import attendance BERKAS --program KODE"},
		{[]string{"certificate-register", "--program", "P"}, "sebutkan berkas tujuan dengan --out BERKAS.xlsx"},
		{[]string{"summary", "--program", "P", "--out", "a.xlsx"}, "--out a.xlsx: nama berkas tujuan harus berakhiran .pdf, misalnya laporan.pdf"},
		{[]string{"summary", "--program", "P", "--out", "/dev/null"}, "--out /dev/null: nama berkas tujuan harus berakhiran .pdf"},
		{[]string{"workbook", "--year", "2026", "--out", "laporan"}, "--out laporan: nama berkas tujuan harus berakhiran .xlsx"},
		{[]string{"certificates", "--program", "P", "--out", "a.pdf", "lagi"}, "argumen tidak dikenal: lagi; pemakaian"},
		{[]string{"demo", "besar"}, "argumen tidak dikenal: besar; pemakaian: pembina [--db BERKAS] demo [--large]"},
		{[]string{"list", "programs", "lagi"}, "argumen tidak dikenal: lagi"},
		{[]string{"list", "programs", "--session", "-1"}, "--session harus nomor sesi (1, 2, …)"},
		{[]string{"import", "participants", "a.csv", "b.csv"}, "sebutkan satu berkas daftar peserta (.xlsx atau .csv) saja; diberikan 2: a.csv, b.csv; pemakaian: pembina import participants BERKAS"},
		{[]string{"import", "attendance", "--program", "P", "--session", "1"}, "sebutkan berkas laporan peserta; pemakaian: pembina import attendance"},
		{[]string{"import", "attendance", "a.csv", "--program", "P"}, "sebutkan sesi dengan --session N (nomor sesi)"},
		{[]string{"key", "trust", "--label", "Kantor"}, "sebutkan berkas kunci publik"},
		{[]string{"key", "export", "--label", "Kantor"}, "opsi --label tidak dikenal; opsi yang ada: --out"},
		{[]string{"certificate-reissue", "--reason", "NIP dikoreksi"}, "sebutkan nomor sertifikat"},
		{[]string{"certificate-reissue", "A/1", "B/2", "--reason", "x"}, "sebutkan satu nomor sertifikat saja; diberikan 2: A/1, B/2"},
		{[]string{"certificate-reissue", "A/1"}, `sebutkan alasannya dengan --reason`},
		{[]string{"backup"}, "sebutkan berkas tujuan"},
		{[]string{"backup", "a.db", "b.db"}, "sebutkan satu berkas tujuan saja"},
		{[]string{"workbook", "--year", "99", "--out", "a.xlsx"}, "--year harus tahun antara 2000 dan 2100"},
		{[]string{"followup", "--year", "99", "--out", "x"}, "--year harus tahun antara 2000 dan 2100"},
		{[]string{"verify"}, "sebutkan teks kode QR (dalam tanda kutip)"},
	}
	for _, tt := range tests {
		code, _, errOut := pembina(t, append([]string{"--db", db}, tt.args...)...)
		if code != 2 || !strings.Contains(errOut, tt.want) || strings.Count(errOut, "\n") != 1 {
			t.Errorf("pembina %q = %d, %q; want 2 with %q on one line", tt.args, code, errOut, tt.want)
		}
	}
	// Options after the positional argument, and before it: the same command.
	for _, args := range [][]string{
		{"certificate-reissue", "A/1", "--reason", "NIP dikoreksi"},
		{"certificate-reissue", "--reason", "NIP dikoreksi", "A/1"},
	} {
		code, _, errOut := pembina(t, append([]string{"--db", db}, args...)...)
		if code != 1 || !strings.Contains(errOut, "Nomor sertifikat A/1 tidak ada di register") {
			t.Errorf("pembina %q = %d, %q; want 1: the number looked up", args, code, errOut)
		}
	}
}
