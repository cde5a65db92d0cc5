package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pembina/pembina/data"
)

// TestPictureFileIsMeasuredBeforeReading: a picture file beyond data.MaxImageBytes (here 3 GB that take no
// room), a folder or a named pipe chosen as logo or certificate background is refused before it is read.
func TestPictureFileIsMeasuredBeforeReading(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "logo.png")
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	f.Truncate(3 << 30)
	f.Close()
	folder := filepath.Join(dir, "folder.png")
	os.Mkdir(folder, 0o755)
	for path, want := range map[string]string{big: "logo.png terlalu besar (3.072 MB, paling besar 8 MB)", folder: "bukan berkas gambar"} {
		if _, err := readPictureBytes(path); err == nil || !strings.Contains(data.ErrorMessage(err), want) {
			t.Errorf("readPictureBytes(%s) = %v, want %q", filepath.Base(path), err, want)
		}
		if _, err := readImageFile(path); err == nil || !strings.Contains(data.ErrorMessage(err), want) {
			t.Errorf("readImageFile(%s) = %v, want %q", filepath.Base(path), err, want)
		}
	}
}
