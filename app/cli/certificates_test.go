package cli

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pembina/pembina/app/report"
	"github.com/pembina/pembina/data"
	"github.com/pembina/pembina/data/sample/sampletest"
)

func TestCertificatesCommands(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "demo.db")
	sampletest.CopyTo(t, db, time.Time{})
	// The sample has issued the first finished program's certificates.
	code, out, _ := pembina(t, "--db", db, "list", "certificates", "--program", "PTD-I/2026")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if code != 0 || len(lines) < 20 {
		t.Fatalf("list certificates = %d, %d lines", code, len(lines))
	}
	for i, l := range lines {
		f := strings.Split(l, "\t")
		if len(f) != 4 || !strings.HasPrefix(f[0], "800/") || f[2] == "" || f[3] != "valid" {
			t.Errorf("line %d %q: want number, NIP, name, valid", i+1, l)
		}
	}
	if code, _, _ := pembina(t, "--db", db, "list", "certificates"); code != 2 {
		t.Errorf("list certificates without --program = %d, want 2", code)
	}

	pdf := filepath.Join(dir, "ptd.pdf")
	code, out, errOut := pembina(t, "--db", db, "certificates", "--program", "PTD-I/2026", "--out", pdf)
	if code != 0 || !strings.Contains(out, indoCount(len(lines))+" sertifikat dicetak") {
		t.Fatalf("certificates = %d\n%s%s", code, out, errOut)
	}
	if _, err := exec.LookPath("pdfinfo"); err == nil {
		info, _ := exec.Command("pdfinfo", pdf).Output()
		if !strings.Contains(string(info), "Pages:") {
			t.Errorf("pdfinfo: %s", info)
		}
	}
	folder := filepath.Join(dir, "satu-per-orang")
	if code, _, errOut := pembina(t, "--db", db, "certificates", "--program", "PTD-I/2026", "--out", folder, "--split"); code != 0 {
		t.Fatal(errOut)
	}
	files, _ := filepath.Glob(filepath.Join(folder, "*.pdf"))
	if len(files) != len(lines) {
		t.Errorf("--split wrote %d files for %d certificates", len(files), len(lines))
	}
	first := strings.Split(lines[0], "\t")
	name := report.CertificateFileName(&data.Certificate{NIP: first[1], HolderName: first[2]})
	if _, err := os.Stat(filepath.Join(folder, name)); err != nil || !strings.HasPrefix(name, first[1]+"_") {
		t.Errorf("no file %s: %v", name, err)
	}

	// A planned program has nobody eligible yet: exit 1, one line naming the sessions to come, no file.
	none := filepath.Join(dir, "btk.pdf")
	code, _, errOut = pembina(t, "--db", db, "certificates", "--program", "BTK-I/2026", "--out", none)
	if code != 1 || strings.Count(errOut, "\n") != 1 || !strings.Contains(errOut, "sesi yang belum terlaksana") {
		t.Errorf("no eligible participant = %d, %q", code, errOut)
	}
	if _, err := os.Stat(none); err == nil {
		t.Error("a PDF was written although nobody is eligible")
	}
	if code, _, _ := pembina(t, "--db", db, "certificates", "--program", "PTD-I/2026"); code != 2 {
		t.Errorf("certificates without --out = %d, want 2", code)
	}

	// Verify: the register's own text, a changed one, one cut short, and one from another database.
	var payload string
	{
		s := openStore(t, db)
		p, _ := s.ProgramByCode(ctxT(), "PTD-I/2026")
		certs, _ := s.Certificates(ctxT(), p.ID)
		payload = certs[0].Payload
		s.Close()
	}
	if code, out, _ := pembina(t, "--db", db, "verify", payload); code != 0 || !strings.Contains(out, "Hasil: SAH") {
		t.Errorf("verify own = %d\n%s", code, out)
	}
	changed := strings.Replace(payload, "|30|", "|32|", 1)
	if code, out, errOut := pembina(t, "--db", db, "verify", changed); code != 1 || !strings.Contains(out, "diubah atau dipalsukan") || strings.Count(errOut, "\n") != 1 {
		t.Errorf("verify changed = %d\n%s%s", code, out, errOut)
	}
	if code, _, _ := pembina(t, "--db", db, "verify", payload[:len(payload)/2]); code != 1 {
		t.Errorf("verify cut = %d", code)
	}
	// Another office's database: loaded anew, since a copy of the sample would share its signing key.
	other := filepath.Join(dir, "other.db")
	if code, _, errOut := pembina(t, "--db", other, "demo"); code != 0 {
		t.Fatal(errOut)
	}
	if code, out, _ := pembina(t, "--db", other, "verify", payload); code != 1 || !strings.Contains(out, "TIDAK DIKENAL") {
		t.Errorf("verify in another database = %d\n%s", code, out)
	}
	key := filepath.Join(dir, "kunci.txt")
	if code, _, errOut := pembina(t, "--db", db, "key", "export", "--out", key); code != 0 {
		t.Fatal(errOut)
	}
	if code, _, errOut := pembina(t, "--db", other, "key", "trust", key); code != 0 {
		t.Fatal(errOut)
	}
	if code, out, _ := pembina(t, "--db", other, "verify", payload); code != 0 || !strings.Contains(out, "DINAS PENDIDIKAN") {
		t.Errorf("verify after trusting the key = %d\n%s", code, out)
	}
	if code, _, _ := pembina(t, "--db", db, "verify"); code != 2 {
		t.Errorf("verify without text = %d", code)
	}

	register := filepath.Join(dir, "register.xlsx")
	if code, _, errOut := pembina(t, "--db", db, "certificate-register", "--program", "PTD-I/2026", "--out", register); code != 0 {
		t.Fatal(errOut)
	}
	if fi, err := os.Stat(register); err != nil || fi.Size() < 1000 {
		t.Errorf("register: %v", err)
	}
}
