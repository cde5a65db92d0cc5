package report

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

func TestClassroomSheetReadsBack(t *testing.T) {
	sheet := ClassroomSheet{Program: "Pelatihan Komunikasi Pelayanan Publik · Angkatan I",
		Session: "Sesi 4 · 6 Desember 2026 · 13.00 – 16.15 WIB", URL: "http://192.168.137.1:8787/abcdefghij/"}
	var buf bytes.Buffer
	if err := WriteClassroomSheet(&buf, sheet); err != nil {
		t.Fatal(err)
	}
	text, pages := pdfText(t, buf.Bytes())
	flat := strings.Join(strings.Fields(text), " ")
	for _, want := range []string{"Pindai untuk presensi dan evaluasi", "Angkatan I", "Sesi 4", sheet.URL, "NIP"} {
		if !strings.Contains(flat, want) {
			t.Errorf("sheet lacks %q:\n%s", want, text)
		}
	}
	if pages != 1 {
		t.Errorf("%d pages, want 1", pages)
	}
	for _, tool := range []string{"pdftoppm", "zbarimg"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s is not installed (poppler-utils, zbar-tools); `make deps` installs both", tool)
		}
	}
	dir := t.TempDir()
	pdfPath := filepath.Join(dir, "s.pdf")
	os.WriteFile(pdfPath, buf.Bytes(), 0o644)
	if out, err := exec.Command("pdftoppm", "-r", "72", "-gray", "-png", pdfPath, filepath.Join(dir, "page")).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v %s", err, out)
	}
	pngs, _ := filepath.Glob(filepath.Join(dir, "page*.png"))
	out, err := exec.Command("zbarimg", "--quiet", "--raw", pngs[0]).Output()
	if err != nil {
		t.Fatalf("zbarimg found no code: %v", err)
	}
	if got := strings.TrimSpace(string(out)); got != sheet.URL {
		t.Errorf("QR reads %q, want %q", got, sheet.URL)
	}
}

func TestClassroomGuideOnePage(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteClassroomGuide(&buf); err != nil {
		t.Fatal(err)
	}
	text, pages := pdfText(t, buf.Bytes())
	flat := strings.Join(strings.Fields(text), " ")
	for _, want := range []string{"Hotspot seluler", "router saku", "Private networks", "isolasi klien"} {
		if !strings.Contains(flat, want) {
			t.Errorf("guide lacks %q", want)
		}
	}
	if pages != 1 {
		t.Errorf("guide has %d pages, want 1", pages)
	}
}
