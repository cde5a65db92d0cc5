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

func TestFollowUpCommand(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "demo.db")
	sampletest.CopyTo(t, db, time.Time{})
	year := strconv.Itoa(time.Now().Year())
	out := filepath.Join(dir, "tindak lanjut")
	if err := os.Mkdir(out, 0o755); err != nil {
		t.Fatal(err)
	}
	code, stdout, errOut := pembina(t, "--db", db, "followup", "--year", year, "--unit", "smp negeri 1 situraja", "--out", out)
	if code != 0 || !strings.Contains(stdout, "Tindak lanjut JP tahun "+year+": 1 nota dinas untuk 1 unit kerja") ||
		!strings.Contains(stdout, "Kepala <unit>") || !strings.Contains(stdout, "SMP Negeri 1 Situraja") {
		t.Fatalf("followup = %d\n%s\n%s", code, stdout, errOut)
	}
	letter := filepath.Join(out, "nota-dinas-JP-"+year+"-SMP Negeri 1 Situraja.pdf")
	if _, err := exec.LookPath("pdftotext"); err == nil {
		text, err := exec.Command("pdftotext", letter, "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		flat := strings.Join(strings.Fields(string(text)), " ")
		for _, want := range []string{"NOTA DINAS", "Kepala SMP Negeri 1 Situraja", "DAFTAR PEGAWAI YANG BELUM MEMENUHI TARGET"} {
			if !strings.Contains(flat, want) {
				t.Errorf("letter lacks %q:\n%s", want, flat)
			}
		}
	}
	if _, err := os.Stat(filepath.Join(out, "kekurangan-JP-"+year+".xlsx")); err != nil {
		t.Errorf("workbook: %v", err)
	}

	empty := filepath.Join(dir, "kosong")
	os.Mkdir(empty, 0o755)
	for _, tt := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"followup", "--year", year}, 2, "--out FOLDER"},
		{[]string{"followup", "--out", out}, 2, "--year harus tahun"},
		{[]string{"followup", "--year", year, "--out", filepath.Join(dir, "tidak-ada")}, 1, "tidak ada"},
		{[]string{"followup", "--year", year, "--out", db}, 1, db + " bukan folder; nota dinas dan daftarnya ditulis ke sebuah folder"},
		{[]string{"followup", "--year", year, "--unit", "Unit Fiktif", "--out", out}, 1, "Unit Fiktif"},
		// A database without employees: nobody below target.
		{[]string{"--db", filepath.Join(dir, "baru.db"), "followup", "--year", year, "--out", empty}, 1, "tidak ada berkas yang ditulis"},
	} {
		args := tt.args
		if args[0] != "--db" {
			args = append([]string{"--db", db}, args...)
		}
		code, _, errOut := pembina(t, args...)
		if code != tt.code || !strings.Contains(errOut, tt.want) {
			t.Errorf("%v = %d %q, want %d and %q", tt.args, code, errOut, tt.code, tt.want)
		}
	}
	if entries, _ := os.ReadDir(empty); len(entries) != 0 {
		t.Errorf("%d files written for a year without anyone below target", len(entries))
	}
}
