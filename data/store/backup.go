package store

import (
	"context"
	"os"
	"path/filepath"

	"github.com/pembina/pembina/data"
)

// Backup writes a consistent copy of the open database to dest (VACUUM INTO), which must not exist yet.
// The copy can be opened like any Pembina database; other writers wait while it is written.
func (s *Store) Backup(ctx context.Context, dest string) error {
	abs, err := filepath.Abs(dest)
	if err != nil {
		return data.Wrap(data.KindInvalid, err, "Lokasi cadangan %q tidak valid", dest)
	}
	if abs == s.path {
		return data.Errorf(data.KindInvalid, "Cadangan tidak boleh menimpa basis data yang sedang dibuka")
	}
	if _, err := os.Stat(abs); err == nil {
		return data.Errorf(data.KindConflict, "Berkas %s sudah ada; pilih nama lain untuk cadangan", abs)
	}
	if di, err := os.Stat(filepath.Dir(abs)); err != nil || !di.IsDir() {
		return data.Errorf(data.KindInvalid, "Folder %s tidak ada", filepath.Dir(abs))
	}
	if _, err := s.db.ExecContext(ctx, "VACUUM INTO ?", abs); err != nil {
		os.Remove(abs)
		return storageError(err)
	}
	return nil
}
