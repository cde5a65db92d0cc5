package cli

import (
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/pembina/pembina/data/sample/sampletest"
)

func TestBriefCommand(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "demo.db")
	sampletest.CopyTo(t, db, time.Time{})
	year := strconv.Itoa(time.Now().Year())
	out := filepath.Join(dir, "ringkasan.pdf")
	code, stdout, errOut := pembina(t, "--db", db, "brief", "--year", year, "--out", out)
	if code != 0 || !strings.Contains(stdout, "Ringkasan pimpinan Tahun "+year+" ditulis ke "+out) {
		t.Fatalf("brief = %d\n%s\n%s", code, stdout, errOut)
	}
	text, err := exec.Command("pdftotext", "-layout", out, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(text), "RINGKASAN PIMPINAN") || !strings.Contains(string(text), "Temuan") {
		t.Errorf("brief text:\n%s", text)
	}
	if info, _ := exec.Command("pdfinfo", out).Output(); !regexp.MustCompile(`Pages:\s+[12]\n`).Match(info) {
		t.Errorf("pdfinfo: %s", info)
	}
	code, stdout, errOut = pembina(t, "--db", db, "brief", "--year", year, "--from", "01-07-"+year, "--to", "30-09-"+year,
		"--unit", "bidang pembinaan ketenagaan", "--out", out)
	if code != 0 || !strings.Contains(stdout, "1 Juli s.d. 30 September "+year+" · Unit kerja Bidang Pembinaan Ketenagaan") {
		t.Errorf("brief of a unit = %d\n%s\n%s", code, stdout, errOut)
	}
	for _, tt := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"brief", "--year", year}, 2, "--out BERKAS.pdf"},
		{[]string{"brief", "--year", year, "--out", filepath.Join(dir, "x.xlsx")}, 2, "--out BERKAS.pdf"},
		{[]string{"brief", "--out", out}, 2, "sebutkan --year"},
		{[]string{"brief", "--year", year, "--unit", "Unit Yang Tidak Ada", "--out", out}, 1, "Unit Yang Tidak Ada"},
	} {
		code, _, errOut := pembina(t, append([]string{"--db", db}, tt.args...)...)
		if code != tt.code || !strings.Contains(errOut, tt.want) {
			t.Errorf("%v = %d %q, want %d with %q", tt.args, code, errOut, tt.code, tt.want)
		}
	}
}
