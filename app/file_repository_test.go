package app

import (
	"io"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/storage/repository"
)

// TestSaveDialogDoesNotEmptyTheFile: through lazyWriteRepository, the writer Fyne's save dialog opens leaves
// an existing document as it was until something is written (Pembina's saves only take its path), does not
// make a new file, and does not block on a named pipe; writing still replaces the file.
func TestSaveDialogDoesNotEmptyTheFile(t *testing.T) {
	orig, err := repository.ForScheme("file")
	if err != nil {
		t.Fatal(err)
	}
	full, ok := orig.(fileRepository)
	if !ok {
		t.Fatalf("the driver's file repository %T lacks an operation the wrapper forwards", orig)
	}
	repository.Register("file", lazyWriteRepository{full})
	t.Cleanup(func() { repository.Register("file", orig) })

	dir := t.TempDir()
	doc := filepath.Join(dir, "laporan.pdf")
	os.WriteFile(doc, []byte("laporan lama"), 0o644)
	fresh := filepath.Join(dir, "baru.pdf")
	pipe := filepath.Join(dir, "pipa.pdf")
	if err := syscall.Mkfifo(pipe, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{doc, fresh, pipe} {
		done := make(chan error)
		go func() {
			w, err := storage.Writer(storage.NewFileURI(path))
			if err == nil {
				err = w.Close()
			}
			done <- err
		}()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("open and close %s: %v", filepath.Base(path), err)
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("opening %s for writing blocked", filepath.Base(path))
		}
	}
	if b, _ := os.ReadFile(doc); string(b) != "laporan lama" {
		t.Errorf("the document picked in the save dialog holds %q", b)
	}
	if _, err := os.Stat(fresh); !os.IsNotExist(err) {
		t.Errorf("a writer never written to made %s: %v", fresh, err)
	}
	w, err := storage.Writer(storage.NewFileURI(doc))
	if err != nil {
		t.Fatal(err)
	}
	io.WriteString(w, "baru")
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(doc); string(b) != "baru" {
		t.Errorf("after writing, the document holds %q", b)
	}
}
