package store

import (
	"context"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/pembina/pembina/data"
)

// BackupSummary is what a backup file holds, for the confirmation before a restore.
type BackupSummary struct {
	Path          string
	Modified      time.Time
	Size          int64
	SchemaVersion int
	Programs      int
	Participants  int
}

// InspectBackup checks, without changing it, that path is a whole Pembina database this version can open
// (the full integrity_check, not the quick one), and counts what it holds.
func InspectBackup(ctx context.Context, path string) (*BackupSummary, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, data.Wrap(data.KindInvalid, err, "Lokasi cadangan %q tidak valid", path)
	}
	existing, err := checkFile(abs)
	if err != nil {
		return nil, err
	}
	if !existing {
		if _, err := os.Stat(abs); err != nil {
			return nil, data.Errorf(data.KindNotFound, "Berkas cadangan %s tidak ada", abs)
		}
		return nil, notPembina(abs, "berkasnya kosong")
	}
	version, err := inspect(abs)
	if err != nil {
		return nil, err
	}
	if version == 0 {
		return nil, notPembina(abs, "berkas ini basis data SQLite kosong")
	}
	db, err := sql.Open("sqlite3", dsn(abs, readOnlyParams(abs)))
	if err != nil {
		return nil, damagedBy(abs, err)
	}
	defer db.Close()
	if err := integrityCheck(ctx, db, abs); err != nil {
		return nil, err
	}
	sum := &BackupSummary{Path: abs, SchemaVersion: version}
	if fi, err := os.Stat(abs); err == nil {
		sum.Modified, sum.Size = fi.ModTime(), fi.Size()
	}
	c, err := countsOf(ctx, db)
	if err != nil {
		return nil, damagedBy(abs, err)
	}
	sum.Programs, sum.Participants = c.Programs, c.Participants
	return sum, nil
}

// readOnlyParams opens a file read-only; without a -wal beside it also immutable, so that SQLite creates no
// -wal or -shm next to a backup it only reads.
func readOnlyParams(path string) string {
	params := "mode=ro"
	if _, err := os.Stat(path + "-wal"); errors.Is(err, os.ErrNotExist) {
		params += "&immutable=1"
	}
	return params
}

// integrityCheck runs SQLite's full integrity_check and the foreign key check on db.
func integrityCheck(ctx context.Context, db *sql.DB, path string) error {
	lines, err := column[string](ctx, db, "PRAGMA integrity_check")
	if err != nil {
		return damagedBy(path, err)
	}
	var problems []string
	for _, line := range lines {
		if line != "ok" && len(problems) < 3 {
			problems = append(problems, line)
		}
	}
	if len(problems) > 0 {
		return damagedBy(path, errors.New(strings.Join(problems, "; ")))
	}
	var table string
	err = db.QueryRowContext(ctx, "SELECT \"table\" FROM pragma_foreign_key_check LIMIT 1").Scan(&table)
	if err == nil {
		return damaged(path, "rujukan yang putus di tabel "+table)
	}
	if err != sql.ErrNoRows {
		return damagedBy(path, err)
	}
	return nil
}

// IntegrityCheck runs the full integrity_check on a database file without changing it; nil means whole.
func IntegrityCheck(ctx context.Context, path string) error {
	db, err := sql.Open("sqlite3", dsn(path, readOnlyParams(path)))
	if err != nil {
		return damagedBy(path, err)
	}
	defer db.Close()
	return integrityCheck(ctx, db, path)
}

// asideName is where Restore keeps the file it replaces: pembina.sebelum-pemulihan-20261128-153012.db.
func asideName(path string, now time.Time) string {
	ext := filepath.Ext(path)
	stem := strings.TrimSuffix(path, ext) + ".sebelum-pemulihan-" + now.Format("20060102-150405")
	name := stem + ext
	for n := 2; ; n++ {
		if _, err := os.Stat(name); os.IsNotExist(err) {
			return name
		}
		name = stem + "-" + strconv.Itoa(n) + ext
	}
}

// Restore replaces the database file at dest with a copy of the backup src. No store may have dest open.
// The backup is checked first (InspectBackup), then copied beside dest and checked again with integrity_check;
// only then is the current file (with a -wal it may have) renamed aside and the copy put in its place. It
// returns where the replaced file was kept ("" when dest did not exist). On any failure dest is as it was.
func Restore(ctx context.Context, src, dest string) (aside string, err error) {
	dest, err = filepath.Abs(dest)
	if err != nil {
		return "", data.Wrap(data.KindInvalid, err, "Lokasi basis data %q tidak valid", dest)
	}
	sum, err := InspectBackup(ctx, src)
	if err != nil {
		return "", err
	}
	if sum.Path == dest {
		return "", data.Errorf(data.KindInvalid, "Cadangan yang dipilih adalah basis data yang sedang dipakai; pilih berkas cadangan lain")
	}
	if di, err := os.Stat(filepath.Dir(dest)); err != nil || !di.IsDir() {
		return "", data.Errorf(data.KindInvalid, "Folder %s tidak ada", filepath.Dir(dest))
	}
	tmp := dest + ".pemulihan"
	removeDatabase(tmp)
	if err := copyDatabase(ctx, sum.Path, tmp); err != nil {
		removeDatabase(tmp)
		return "", err
	}
	if err := IntegrityCheck(ctx, tmp); err != nil {
		removeDatabase(tmp)
		return "", err
	}
	if _, err := os.Stat(dest); err == nil {
		aside = asideName(dest, time.Now())
		if err := moveDatabase(dest, aside); err != nil {
			removeDatabase(tmp)
			return "", data.Wrap(data.KindInternal, err, "Basis data %s tidak dapat disisihkan (%v); tutup program lain yang membukanya lalu coba lagi", dest, err)
		}
	}
	if err := os.Rename(tmp, dest); err != nil {
		if aside != "" {
			moveDatabase(aside, dest)
		}
		removeDatabase(tmp)
		return "", data.Wrap(data.KindInternal, err, "Cadangan tidak dapat dipasang sebagai %s: %v", dest, err)
	}
	return aside, nil
}

// RestoreAndOpen restores src over dest (see Restore) and opens the result, migrating an older backup
// forward, with the options o. When the restored file cannot be opened, the replaced file is put back.
func RestoreAndOpen(ctx context.Context, src, dest string, o Options) (s *Store, aside string, err error) {
	aside, err = Restore(ctx, src, dest)
	if err != nil {
		return nil, "", err
	}
	s, err = OpenWith(dest, o)
	if err != nil {
		abs, _ := filepath.Abs(dest)
		removeDatabase(abs)
		if aside != "" {
			moveDatabase(aside, abs)
		}
		return nil, "", err
	}
	return s, aside, nil
}

// copyDatabase writes a consistent copy of the database at src to dest (VACUUM INTO), reading src only,
// and flushes it to disk.
func copyDatabase(ctx context.Context, src, dest string) error {
	db, err := sql.Open("sqlite3", dsn(src, readOnlyParams(src)))
	if err != nil {
		return damagedBy(src, err)
	}
	defer db.Close()
	if _, err := db.ExecContext(ctx, "VACUUM INTO ?", dest); err != nil {
		return storageError(err)
	}
	f, err := os.OpenFile(dest, os.O_RDWR, 0)
	if err != nil {
		return data.Wrap(data.KindInternal, err, "Salinan %s tidak dapat dibuka: %v", dest, err)
	}
	defer f.Close()
	if err := f.Sync(); err != nil {
		return data.Wrap(data.KindInternal, err, "Salinan %s tidak dapat ditulis ke disk: %v", dest, err)
	}
	return nil
}

// moveDatabase renames a closed database and its -wal (which may hold committed changes) to dest; the -shm
// is only an index SQLite rebuilds, so it is removed.
func moveDatabase(src, dest string) error {
	if err := os.Rename(src, dest); err != nil {
		return err
	}
	if _, err := os.Stat(src + "-wal"); err == nil {
		if err := os.Rename(src+"-wal", dest+"-wal"); err != nil {
			os.Rename(dest, src)
			return err
		}
	}
	os.Remove(src + "-shm")
	return nil
}

// Move copies the open database to dest (which must not exist; its folder must), opens the copy, closes s
// and deletes the old file. On failure s stays open and in use and dest is removed.
func Move(ctx context.Context, s *Store, dest string) (*Store, error) {
	abs, err := filepath.Abs(dest)
	if err != nil {
		return nil, data.Wrap(data.KindInvalid, err, "Lokasi %q tidak valid", dest)
	}
	if !strings.EqualFold(filepath.Ext(abs), ".db") {
		return nil, data.Errorf(data.KindInvalid, "Nama berkas basis data harus berakhiran .db")
	}
	if err := s.Backup(ctx, abs); err != nil {
		return nil, err
	}
	// The counter file goes with the database (a new file holds the counters the copy has anyway).
	if b, err := os.ReadFile(CounterFile(s.path)); err == nil {
		if err := os.WriteFile(CounterFile(abs), b, 0o644); err != nil {
			removeDatabase(abs)
			return nil, data.Wrap(data.KindInternal, err, "Berkas penghitung nomor tidak dapat disalin ke %s: %v", filepath.Dir(abs), err)
		}
	}
	moved, err := OpenWith(abs, s.options)
	if err != nil {
		removeDatabase(abs)
		os.Remove(CounterFile(abs))
		return nil, err
	}
	old := s.path
	if err := s.Close(); err != nil {
		moved.Close()
		removeDatabase(abs)
		os.Remove(CounterFile(abs))
		return nil, data.Wrap(data.KindInternal, err, "Basis data lama tidak dapat ditutup: %v", err)
	}
	// The copy is open and whole; a failure to delete the old file leaves a stale copy, not lost data.
	removeDatabase(old)
	os.Remove(CounterFile(old))
	return moved, nil
}
