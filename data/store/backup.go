package store

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

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
	if fi, err := os.Stat(abs); err == nil {
		switch {
		case fi.IsDir():
			return data.Errorf(data.KindInvalid, "%s adalah folder, bukan berkas; tulis nama berkas cadangannya, misalnya %s", abs, filepath.Join(abs, "cadangan.db"))
		case !fi.Mode().IsRegular():
			return data.Errorf(data.KindInvalid, "%s bukan berkas biasa (perangkat, pipa atau soket); Pembina tidak menimpanya. Pilih nama berkas lain", abs)
		}
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

// AutoBackupKeep is how many automatic backups of one database a backup folder keeps.
const AutoBackupKeep = 10

// Setting keys for the backup preferences; they live in the database, so a moved or restored database keeps
// its own.
const (
	SettingBackupFolder = "backup_folder"  // "" means DefaultBackupFolder
	SettingBackupOnExit = "backup_on_exit" // "0" turns the automatic backup off; on by default
)

// DefaultBackupFolder is where automatic backups go unless the coordinator chose another folder: a folder
// "cadangan" beside the database file.
func DefaultBackupFolder(dbPath string) string {
	return filepath.Join(filepath.Dir(dbPath), "cadangan")
}

// BackupFolder returns the folder chosen for this database's backups, or the default one.
func (s *Store) BackupFolder(ctx context.Context) (string, error) {
	dir, err := s.Setting(ctx, SettingBackupFolder, "")
	if err != nil || dir != "" {
		return dir, err
	}
	return DefaultBackupFolder(s.path), nil
}

// BackupOnExit reports whether the window backs this database up when it closes.
func (s *Store) BackupOnExit(ctx context.Context) (bool, error) {
	v, err := s.Setting(ctx, SettingBackupOnExit, "1")
	return v != "0", err
}

// BackupFile is one backup in a folder.
type BackupFile struct {
	Path string
	Time time.Time // when it was written: from the name of an automatic backup, else the file's time
	Size int64
}

// autoName is the name of an automatic backup of the database named base ("pembina") written at t:
// pembina-20261128-153012.db, with -2, -3 … when two are written within one second.
func autoName(base string, t time.Time, n int) string {
	name := base + "-" + t.Format("20060102-150405")
	if n > 1 {
		name += "-" + strconv.Itoa(n)
	}
	return name + ".db"
}

// autoPattern matches the automatic backups of the database named base, and only those: a backup the
// coordinator named differently is never deleted by the rotation.
func autoPattern(base string) *regexp.Regexp {
	return regexp.MustCompile(`^` + regexp.QuoteMeta(base) + `-(\d{8}-\d{6})(?:-(\d+))?\.db$`)
}

func baseName(dbPath string) string {
	return strings.TrimSuffix(filepath.Base(dbPath), filepath.Ext(dbPath))
}

// AutoBackups lists the automatic backups of the database at dbPath found in dir, newest first. A folder
// that does not exist has none.
func AutoBackups(dir, dbPath string) ([]BackupFile, error) {
	entries, err := os.ReadDir(dir)
	if os.IsNotExist(err) {
		return nil, nil
	}
	if err != nil {
		return nil, data.Wrap(data.KindInternal, err, "Folder cadangan %s tidak dapat dibaca: %v", dir, err)
	}
	re := autoPattern(baseName(dbPath))
	type found struct {
		BackupFile
		seq int
	}
	var list []found
	for _, e := range entries {
		m := re.FindStringSubmatch(e.Name())
		if m == nil || e.IsDir() {
			continue
		}
		t, err := time.ParseInLocation("20060102-150405", m[1], time.Local)
		if err != nil {
			continue
		}
		seq := 1
		if m[2] != "" {
			seq, _ = strconv.Atoi(m[2])
		}
		var size int64
		if fi, err := e.Info(); err == nil {
			size = fi.Size()
		}
		list = append(list, found{BackupFile{Path: filepath.Join(dir, e.Name()), Time: t, Size: size}, seq})
	}
	sort.Slice(list, func(i, j int) bool {
		if !list[i].Time.Equal(list[j].Time) {
			return list[i].Time.After(list[j].Time)
		}
		return list[i].seq > list[j].seq
	})
	out := make([]BackupFile, len(list))
	for i, f := range list {
		out[i] = f.BackupFile
	}
	return out, nil
}

// AutoBackupResult says what AutoBackup did.
type AutoBackupResult struct {
	Path      string   // the backup holding the current data: the new file, or the newest one when nothing changed
	Unchanged bool     // the newest backup already held exactly this data, so no file was added
	Removed   []string // older automatic backups deleted to keep AutoBackupKeep
}

// AutoBackup writes an automatic backup of the database into dir (created when missing), named after the
// database and the time, then deletes this database's oldest automatic backups beyond keep. When the newest
// backup already holds the same data (VACUUM INTO writes the same bytes for the same content), the new copy
// is dropped, so that opening and closing Pembina ten times without a change does not push real history out.
func (s *Store) AutoBackup(ctx context.Context, dir string, keep int, now time.Time) (AutoBackupResult, error) {
	var res AutoBackupResult
	if keep < 1 {
		keep = 1
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return res, data.Wrap(data.KindInternal, err, "Folder cadangan %s tidak dapat dibuat: %v", dir, err)
	}
	before, err := AutoBackups(dir, s.path)
	if err != nil {
		return res, err
	}
	base := baseName(s.path)
	var path string
	for n := 1; ; n++ {
		path = filepath.Join(dir, autoName(base, now, n))
		if _, err := os.Stat(path); os.IsNotExist(err) {
			break
		}
	}
	if err := s.Backup(ctx, path); err != nil {
		return res, err
	}
	res.Path = path
	if len(before) > 0 && sameFile(before[0].Path, path) {
		os.Remove(path)
		res.Path, res.Unchanged = before[0].Path, true
		return res, nil
	}
	all, err := AutoBackups(dir, s.path)
	if err != nil {
		return res, err
	}
	for _, old := range all[min(keep, len(all)):] {
		if old.Path == path {
			continue
		}
		if err := os.Remove(old.Path); err != nil {
			return res, data.Wrap(data.KindInternal, err, "Cadangan lama %s tidak dapat dihapus: %v", old.Path, err)
		}
		res.Removed = append(res.Removed, old.Path)
	}
	return res, nil
}

// sameFile reports whether two files hold the same bytes.
func sameFile(a, b string) bool {
	fa, err := os.Open(a)
	if err != nil {
		return false
	}
	defer fa.Close()
	fb, err := os.Open(b)
	if err != nil {
		return false
	}
	defer fb.Close()
	ia, erra := fa.Stat()
	ib, errb := fb.Stat()
	if erra != nil || errb != nil || ia.Size() != ib.Size() {
		return false
	}
	bufA, bufB := make([]byte, 1<<16), make([]byte, 1<<16)
	for {
		na, ea := io.ReadFull(fa, bufA)
		nb, eb := io.ReadFull(fb, bufB)
		if na != nb || !bytes.Equal(bufA[:na], bufB[:nb]) {
			return false
		}
		if ea != nil || eb != nil {
			return (ea == io.EOF || ea == io.ErrUnexpectedEOF) && (eb == io.EOF || eb == io.ErrUnexpectedEOF)
		}
	}
}

// ManualBackupName is the name suggested for a backup the coordinator asks for: it does not match the
// automatic backups' pattern, so the rotation never deletes it.
func ManualBackupName(dbPath string, now time.Time) string {
	return fmt.Sprintf("%s-cadangan-%s.db", baseName(dbPath), now.Format("20060102-1504"))
}
