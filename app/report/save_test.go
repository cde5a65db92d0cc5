package report

import (
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/pembina/pembina/data"
)

// leftovers lists the hidden temporary files saveFile left in dir.
func leftovers(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") || strings.HasSuffix(e.Name(), ".tmp") {
			out = append(out, e.Name())
		}
	}
	return out
}

func writeText(s string) func(io.Writer) error {
	return func(w io.Writer) error { _, err := io.WriteString(w, s); return err }
}

func TestSaveWritesThroughSymbolicLinks(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "asli.pdf")
	os.WriteFile(target, []byte("lama"), 0o600)
	link := filepath.Join(dir, "tautan.pdf")
	if err := os.Symlink("asli.pdf", link); err != nil {
		t.Fatal(err)
	}
	chain := filepath.Join(dir, "tautan2.pdf")
	os.Symlink(link, chain)
	if err := saveFile(chain, writeText("baru")); err != nil {
		t.Fatal(err)
	}
	for _, l := range []string{link, chain} {
		if fi, err := os.Lstat(l); err != nil || fi.Mode()&os.ModeSymlink == 0 {
			t.Errorf("%s is no longer a link", l)
		}
	}
	if b, _ := os.ReadFile(target); string(b) != "baru" {
		t.Errorf("the link's target holds %q, want the new text", b)
	}
	if fi, _ := os.Stat(target); fi.Mode().Perm() != 0o600 {
		t.Errorf("the target's permissions became %v, want them kept", fi.Mode().Perm())
	}
	// A link to a file that does not exist yet makes that file.
	dangling := filepath.Join(dir, "nanti.pdf")
	os.Symlink(filepath.Join(dir, "belum-ada.pdf"), dangling)
	if err := saveFile(dangling, writeText("x")); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "belum-ada.pdf")); string(b) != "x" {
		t.Errorf("the dangling link's target holds %q", b)
	}
	if left := leftovers(t, dir); len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}
}

func TestSaveRefusesWhatIsNotARegularFile(t *testing.T) {
	dir := t.TempDir()
	folder := filepath.Join(dir, "folder.pdf")
	os.Mkdir(folder, 0o755)
	pipe := filepath.Join(dir, "pipa.pdf")
	if err := syscall.Mkfifo(pipe, 0o644); err != nil {
		t.Fatal(err)
	}
	loop := filepath.Join(dir, "putar.pdf")
	os.Symlink(loop, loop)
	nowhere := filepath.Join(dir, "ke-mana.pdf")
	os.Symlink(filepath.Join("hilang", "x.pdf"), nowhere)
	cases := []struct{ path, want string }{
		{nowhere, "ke-mana.pdf adalah tautan (symlink) ke " + filepath.Join(dir, "hilang", "x.pdf") + ", tetapi folder " + filepath.Join(dir, "hilang") + " tidak ada"},
		{folder, "adalah folder, bukan berkas"},
		{pipe, "bukan berkas biasa"},
		{"/dev/null", "bukan berkas biasa"},
		{loop, "berputar-putar"},
		{filepath.Join(dir, "tidak-ada", "x.pdf"), "tidak-ada tidak ada; buat foldernya dulu"},
	}
	for _, c := range cases {
		err := saveFile(c.path, writeText("x"))
		if err == nil || !strings.Contains(data.ErrorMessage(err), c.want) {
			t.Errorf("save to %s = %v, want %q", c.path, err, c.want)
		}
		if err := CheckDestination(c.path); err == nil || !strings.Contains(data.ErrorMessage(err), c.want) {
			t.Errorf("CheckDestination(%s) = %v, want %q", c.path, err, c.want)
		}
	}
	if fi, err := os.Lstat("/dev/null"); err != nil || fi.Mode()&os.ModeCharDevice == 0 {
		t.Errorf("/dev/null is no longer a device: %v %v", fi, err)
	}
	if fi, _ := os.Lstat(pipe); fi.Mode()&os.ModeNamedPipe == 0 {
		t.Error("the pipe was replaced")
	}
	if fi, _ := os.Lstat(nowhere); fi.Mode()&os.ModeSymlink == 0 {
		t.Error("the link to a missing folder was replaced")
	}
	// The Mode Kelas sheet and guide, which the window wrote with a bare os.Create, save the same way.
	for _, save := range []func(string) error{SaveClassroomGuide, func(p string) error { return SaveClassroomSheet(p, ClassroomSheet{}) }} {
		for _, c := range cases[1:4] {
			if err := save(c.path); err == nil || !strings.Contains(data.ErrorMessage(err), c.want) {
				t.Errorf("classroom save to %s = %v, want %q", c.path, err, c.want)
			}
		}
	}
	if left := leftovers(t, dir); len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}
}

func TestSaveRemovesItsTemporaryFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "laporan.pdf")
	os.WriteFile(path, []byte("lama"), 0o644)
	for _, fail := range []error{errors.New("gagal"), data.Wrap(data.KindConflict, context.Canceled, "Dibatalkan")} {
		if err := saveFile(path, func(w io.Writer) error { io.WriteString(w, "setengah"); return fail }); err != fail {
			t.Errorf("save = %v, want %v", err, fail)
		}
	}
	func() {
		defer func() { recover() }()
		saveFile(path, func(w io.Writer) error { panic("di tengah jalan") })
	}()
	if b, _ := os.ReadFile(path); string(b) != "lama" {
		t.Errorf("the old file holds %q after failed saves", b)
	}
	// Interrupted: the command line removes the temporary file of a save that is still writing.
	started, release := make(chan struct{}), make(chan struct{})
	done := make(chan error)
	go func() {
		done <- saveFile(path, func(w io.Writer) error { close(started); <-release; return errors.New("berhenti") })
	}()
	<-started
	if left := leftovers(t, dir); len(left) != 1 {
		t.Fatalf("while saving: %v, want one temporary file", left)
	}
	RemovePendingFiles()
	if left := leftovers(t, dir); len(left) > 0 {
		t.Errorf("after RemovePendingFiles: %v", left)
	}
	close(release)
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("the save did not end")
	}
	if left := leftovers(t, dir); len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}
}
