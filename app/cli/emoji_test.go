package cli

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pembina/pembina/data/sample/sampletest"
)

// TestEmojiNamePrints gives a participant of a finished program a name typed on a phone and prints the
// program's certificates and sign-in sheet: both are made, the PDFs show the name with the substitute, the
// database keeps the emoji; a destination that cannot take the PDF issues no number, and a reprint draws the
// same numbers.
func TestEmojiNamePrints(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext is not installed")
	}
	dir := t.TempDir()
	db := filepath.Join(dir, "demo.db")
	sampletest.CopyTo(t, db, time.Time{})
	const program, nip = "SKK-I/2026", "197304111998081473"
	{
		s := openStore(t, db)
		p, err := s.ParticipantByNIP(ctxT(), nip)
		if err != nil {
			t.Fatal(err)
		}
		p.Name = "Dadang 😀 Hakim 👨‍👩‍👧"
		if err := s.UpdateParticipant(ctxT(), p); err != nil {
			t.Fatal(err)
		}
		s.Close()
	}
	pdftext := func(path string) string {
		b, err := exec.Command("pdftotext", path, "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		return strings.Join(strings.Fields(string(b)), " ")
	}

	// A destination that cannot take the PDF is refused before any number is given.
	for _, bad := range []string{filepath.Join(dir, "tidak-ada", "s.pdf"), dir, "/dev/null"} {
		code, _, errOut := pembina(t, "--db", db, "certificates", "--program", program, "--out", bad)
		if code != 1 || strings.Count(errOut, "\n") != 1 {
			t.Fatalf("certificates --out %s = %d %q; want 1 with one line", bad, code, errOut)
		}
		if _, list, _ := pembina(t, "--db", db, "list", "certificates", "--program", program); list != "" {
			t.Fatalf("certificates --out %s issued numbers:\n%s", bad, list)
		}
	}
	pdf := filepath.Join(dir, "skk.pdf")
	code, out, errOut := pembina(t, "--db", db, "certificates", "--program", program, "--out", pdf)
	if code != 0 || strings.Contains(out, "(0 nomor baru)") {
		t.Fatalf("certificates = %d %s %s; want new numbers", code, out, errOut)
	}
	_, before, _ := pembina(t, "--db", db, "list", "certificates", "--program", program)
	if !strings.Contains(before, "Dadang 😀 Hakim 👨‍👩‍👧") {
		t.Errorf("the register lost the emoji:\n%s", before)
	}
	// Printing again gives no new number and the same register.
	if code, out, errOut := pembina(t, "--db", db, "certificates", "--program", program, "--out", pdf); code != 0 || !strings.Contains(out, "(0 nomor baru)") {
		t.Fatalf("certificates again = %d %s %s; want no new number", code, out, errOut)
	}
	if _, after, _ := pembina(t, "--db", db, "list", "certificates", "--program", program); after != before {
		t.Errorf("the numbers changed between the prints:\n%s\n%s", before, after)
	}
	if text := pdftext(pdf); !strings.Contains(text, "Dadang � Hakim �") {
		t.Errorf("the certificates lack the name with its substitute")
	}

	sheet := filepath.Join(dir, "hadir.pdf")
	if code, _, e := pembina(t, "--db", db, "sign-in-sheet", "--program", program, "--out", sheet); code != 0 {
		t.Fatalf("sign-in-sheet = %d %s", code, e)
	}
	if text := pdftext(sheet); !strings.Contains(text, "Dadang � Hakim �") {
		t.Errorf("the sign-in sheet lacks the name with its substitute")
	}
	s := openStore(t, db)
	defer s.Close()
	if p, _ := s.ParticipantByNIP(ctxT(), nip); p == nil || p.Name != "Dadang 😀 Hakim 👨‍👩‍👧" {
		t.Errorf("the database lost the emoji: %+v", p)
	}
	if _, err := os.Stat(filepath.Join(dir, "tidak-ada")); err == nil {
		t.Error("the failed print made a folder")
	}
}
