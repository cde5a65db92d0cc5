// Package store keeps Pembina's data in one SQLite file: it opens the file safely (refusing anything that is not
// a Pembina database and leaving such a file untouched), migrates it forward with a backup first, and offers
// create, read, update, delete and list for every entity. Each exported method is one transaction.
package store

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/binary"
	"errors"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"github.com/mattn/go-sqlite3"

	"github.com/pembina/pembina/data"
)

// ApplicationID marks a SQLite file as Pembina's ("PBNA"), so that another program's database is recognised
// and left alone.
const ApplicationID = 0x50424E41

// pragmas go in the DSN so that every pooled connection gets them (docs/FYNE-NOTES.md).
const pragmas = "_foreign_keys=on&_journal_mode=WAL&_busy_timeout=5000&_synchronous=NORMAL&_txlock=immediate"

// Store is an open Pembina database.
type Store struct {
	db   *sql.DB
	path string
	// BackupPath is the copy written before migrating an existing file, or "" when no migration ran.
	BackupPath string
	// CounterLifts are the certificate number counters Open raised from the counter file (see CounterFile):
	// numbers this database had issued before it was replaced by an older backup. The window and the
	// command line say so.
	CounterLifts []CounterLift
	// CounterNotice says, when not empty, that the counter file could not be read (Open goes on without it).
	CounterNotice string

	participants *participantIndex
	options      Options
}

// Options are what Open may be told beyond the file.
type Options struct {
	// CounterFolder is a folder of the user's own (Pembina's application data) where the highest certificate
	// and letter numbers are also kept, one file per database signing key (see userCounterFile). A backup or
	// copy of the database opened directly, rather than restored over it, has no counter file beside it but
	// the same key, so the numbers it printed are not given again either. "" keeps the counters beside the
	// database only (tests, and a user without an application data folder).
	CounterFolder string
}

// Open opens the Pembina database at path, creating it when the file does not exist (its folder must).
// A file that is not a Pembina database, is damaged, read-only or from a newer Pembina is refused with a
// clear message and left byte for byte untouched. Before a migration changes an existing database, a copy is
// written beside it.
func Open(path string) (*Store, error) { return OpenWith(path, Options{}) }

// OpenWith opens the database at path as Open does, with the options o (kept for the stores Move and a
// reopen make from this one; see Options).
func OpenWith(path string, o Options) (*Store, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, data.Wrap(data.KindInvalid, err, "Lokasi basis data %q tidak valid", path)
	}
	existing, err := checkFile(abs)
	if err != nil {
		return nil, err
	}
	version := 0
	if existing {
		if version, err = inspect(abs); err != nil {
			return nil, err
		}
	}
	s := &Store{path: abs, participants: newParticipantIndex(), options: o}
	if existing && version > 0 && version < len(migrations) {
		s.BackupPath = backupName(abs, version)
		if err := vacuumInto(abs, s.BackupPath); err != nil {
			return nil, err
		}
	}
	db, err := sql.Open("sqlite3", dsn(abs, ""))
	if err != nil {
		return nil, data.Wrap(data.KindInternal, err, "Basis data %s tidak dapat dibuka", abs)
	}
	s.db = db
	err = s.migrate(context.Background())
	if err == nil {
		err = s.installBuiltinForms(context.Background())
	}
	if err == nil {
		// The signing key is made with the database, not at its first certificate, so that every backup
		// carries it and the user's counter file of that key (Options.CounterFolder) protects even a backup
		// taken before anything was issued.
		err = s.tx(context.Background(), func(tx *sql.Tx) error {
			_, err := signingKeyTx(context.Background(), tx)
			return err
		})
	}
	if err == nil {
		s.CounterLifts, s.CounterNotice, err = s.liftCounters(context.Background())
	}
	if err == nil && o.CounterFolder != "" {
		// The user's counter file learns at once what this database has issued (one written by an older Pembina
		// has no such file yet), so that a backup opened directly tomorrow is lifted too. A failure is not fatal:
		// the next issue writes it again and says so when it cannot.
		_ = s.recordCounters(context.Background())
	}
	if err != nil {
		db.Close()
		if !existing {
			removeDatabase(abs)
		}
		return nil, err
	}
	return s, nil
}

// Options returns what the store was opened with, to open another database the same way.
func (s *Store) Options() Options { return s.options }

// Close closes the database.
func (s *Store) Close() error { return s.db.Close() }

// Path returns the absolute path of the database file.
func (s *Store) Path() string { return s.path }

func dsn(path, extra string) string {
	u := url.URL{Scheme: "file", Path: filepath.ToSlash(path)}
	q := pragmas
	if extra != "" {
		q = extra
	}
	// Windows paths ("C:/...") need a leading slash in a file URI; url.URL adds none for a relative-looking path.
	p := u.String()
	if !strings.HasPrefix(filepath.ToSlash(path), "/") {
		p = "file:" + filepath.ToSlash(path)
	}
	return p + "?" + q
}

var sqliteHeader = []byte("SQLite format 3\x00")

// checkFile tells whether a database exists at path and refuses files Pembina must not touch.
func checkFile(path string) (existing bool, err error) {
	fi, err := os.Stat(path)
	switch {
	case errors.Is(err, os.ErrNotExist):
		dir := filepath.Dir(path)
		if di, derr := os.Stat(dir); derr != nil || !di.IsDir() {
			return false, data.Errorf(data.KindInvalid, "Folder %s tidak ada; buat foldernya dulu atau pilih lokasi lain", dir)
		}
		return false, nil
	case err != nil:
		return false, data.Wrap(data.KindInternal, err, "Berkas %s tidak dapat dibaca: %v", path, err)
	case fi.IsDir():
		return false, data.Errorf(data.KindInvalid, "%s adalah folder, bukan berkas basis data", path)
	case fi.Mode().Perm()&0o222 == 0:
		return false, data.Errorf(data.KindInvalid, "Berkas basis data %s hanya-baca (read-only); ubah izinnya atau salin ke folder lain lalu buka salinannya", path)
	case fi.Size() == 0:
		return false, nil
	}
	f, err := os.Open(path)
	if err != nil {
		return false, data.Wrap(data.KindInternal, err, "Berkas %s tidak dapat dibaca: %v", path, err)
	}
	defer f.Close()
	head := make([]byte, 100)
	n, _ := io.ReadFull(f, head)
	if n < len(sqliteHeader) || !bytes.Equal(head[:len(sqliteHeader)], sqliteHeader) {
		return false, notPembina(path, "isinya bukan basis data SQLite")
	}
	if n < 100 || fi.Size()%512 != 0 || truncated(head, fi.Size()) {
		return false, damaged(path, "berkasnya terpotong")
	}
	return true, nil
}

// truncated compares the file size with the size the SQLite header records (valid only when its change
// counter matches the version-valid-for field).
func truncated(head []byte, size int64) bool {
	pageSize := int64(binary.BigEndian.Uint16(head[16:18]))
	if pageSize == 1 {
		pageSize = 65536
	}
	pages := int64(binary.BigEndian.Uint32(head[28:32]))
	if !bytes.Equal(head[24:28], head[92:96]) || pages == 0 {
		return false
	}
	return pages*pageSize > size
}

// inspect reads an existing database without changing it and returns its schema version (see inspectFile).
// Without a -wal beside the file, inspectFile reads it immutable, without locks; another Pembina closing the
// same file meanwhile writes its last changes into it (the checkpoint), and for that moment a sound file can
// read as damaged ("wrong # of entries in index"; two commands run together hit it about once in 150 opens).
// A refusal is therefore trusted only when the file did not change while it was checked; otherwise the check
// runs again, at most three times.
func inspect(path string) (int, error) {
	for try := 1; ; try++ {
		before := stampOf(path)
		version, err := inspectCheck(path)
		if err == nil || try == 3 || stampOf(path) == before {
			return version, err
		}
	}
}

// inspectCheck is inspectFile; a test swaps it to change the file during a check.
var inspectCheck = inspectFile

// fileStamp is what changes when another process writes to a database file: its size and time, and whether a
// -wal is beside it.
type fileStamp struct {
	size, modified int64
	wal            bool
}

func stampOf(path string) fileStamp {
	var st fileStamp
	if fi, err := os.Stat(path); err == nil {
		st.size, st.modified = fi.Size(), fi.ModTime().UnixNano()
	}
	_, err := os.Stat(path + "-wal")
	st.wal = err == nil
	return st
}

// inspectFile reads an existing database once without changing it and returns its schema version.
func inspectFile(path string) (int, error) {
	// immutable=1 keeps SQLite from creating -wal and -shm files beside a file that may not be ours; it is only
	// safe when no WAL file holds changes the main file lacks.
	params := "mode=ro&_query_only=1"
	if _, err := os.Stat(path + "-wal"); errors.Is(err, os.ErrNotExist) {
		params += "&immutable=1"
	}
	db, err := sql.Open("sqlite3", dsn(path, params))
	if err != nil {
		return 0, damagedBy(path, err)
	}
	defer db.Close()
	var appID, version, tables int
	if err := db.QueryRow("PRAGMA application_id").Scan(&appID); err != nil {
		return 0, damagedBy(path, err)
	}
	if err := db.QueryRow("PRAGMA user_version").Scan(&version); err != nil {
		return 0, damagedBy(path, err)
	}
	if err := db.QueryRow("SELECT count(*) FROM sqlite_schema").Scan(&tables); err != nil {
		return 0, damagedBy(path, err)
	}
	switch {
	case tables == 0 && appID == 0:
		return 0, nil // an empty SQLite file: it becomes a Pembina database
	case appID != ApplicationID:
		return 0, notPembina(path, "berkas ini basis data program lain")
	case version > len(migrations):
		return 0, data.Errorf(data.KindConflict, "Basis data %s dibuat oleh Pembina versi yang lebih baru (skema %d, versi ini mengenal sampai %d); perbarui Pembina untuk membukanya", path, version, len(migrations))
	}
	if err := probeTables(db); err != nil {
		return 0, damagedBy(path, err)
	}
	if version > 0 {
		missing, err := checkSchema(db, version)
		if err != nil {
			return 0, damagedBy(path, err)
		}
		if missing != "" {
			return 0, damaged(path, missing)
		}
	}
	if fi, err := os.Stat(path); err == nil && fi.Size() <= quickCheckLimit {
		var check string
		if err := db.QueryRow("PRAGMA quick_check").Scan(&check); err != nil {
			return 0, damagedBy(path, err)
		}
		if check != "ok" {
			return 0, damagedBy(path, errors.New(check))
		}
	}
	return version, nil
}

// quickCheckLimit is the largest file Open checks page by page (PRAGMA quick_check reads the whole file: about
// 80 ms for 32 MB, half a second for the 180 MB benchmark database). Larger files get probeTables at open and
// Check later, so that the window opens in well under a second.
const quickCheckLimit = 32 << 20

// probeTables reads the schema and the first row of every table: the root pages, where a damaged or truncated
// file usually shows first.
func probeTables(db *sql.DB) error {
	tables, err := tableNames(context.Background(), db)
	if err != nil {
		return err
	}
	for _, t := range tables {
		var one int
		err := db.QueryRow(`SELECT 1 FROM "` + strings.ReplaceAll(t, `"`, `""`) + `" LIMIT 1`).Scan(&one)
		if err != nil && err != sql.ErrNoRows {
			return err
		}
	}
	return nil
}

// Check reads every page of the open database (PRAGMA quick_check) and reports damage as an error; the window
// runs it in the background on large files that Open only probed, and before a backup is trusted.
func (s *Store) Check(ctx context.Context) error {
	var check string
	if err := s.db.QueryRowContext(ctx, "PRAGMA quick_check").Scan(&check); err != nil {
		return storageError(err)
	}
	if check != "ok" {
		return data.Errorf(data.KindInternal, "Basis data %s rusak (%s); pulihkan dari cadangan", s.path, check)
	}
	return nil
}

func notPembina(path, why string) error {
	return data.Errorf(data.KindInvalid, "%s bukan basis data Pembina (%s); berkas tidak diubah. Pilih berkas .db Pembina atau buat basis data baru", path, why)
}

// damaged refuses a damaged file for a reason in Indonesian, which the message names.
func damaged(path, why string) error {
	return data.Errorf(data.KindInvalid, "Basis data %s rusak dan tidak dapat dibuka (%s); berkas tidak diubah. Pulihkan dari cadangan", path, why)
}

// damagedBy refuses a file that SQLite found damaged: its English ("database disk image is malformed", the
// lines of quick_check) is the cause, kept for the log and Detail; the message names the file.
func damagedBy(path string, cause error) error {
	return data.Wrap(data.KindInvalid, cause, "Basis data %s rusak dan tidak dapat dibuka; berkas tidak diubah. Pulihkan dari cadangan", path)
}

// removeDatabase deletes a database that Open itself created and could not finish, with its WAL files.
func removeDatabase(path string) {
	for _, suffix := range []string{"", "-wal", "-shm", "-journal"} {
		os.Remove(path + suffix)
	}
}

// tx runs fn in one transaction: committed when fn returns nil, rolled back otherwise.
func (s *Store) tx(ctx context.Context, fn func(*sql.Tx) error) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return storageError(err)
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return err
	}
	if err := tx.Commit(); err != nil {
		return storageError(err)
	}
	return nil
}

// storageError turns a low-level SQLite failure into a domain error a coordinator can act on.
func storageError(err error) error {
	if err == nil {
		return nil
	}
	var de *data.Error
	if errors.As(err, &de) {
		return err
	}
	if errors.Is(err, context.Canceled) {
		return data.Wrap(data.KindConflict, err, "Dibatalkan; tidak ada yang disimpan")
	}
	var se sqlite3.Error
	if errors.As(err, &se) {
		switch se.Code {
		case sqlite3.ErrFull:
			return data.Wrap(data.KindInternal, err, "Disk penuh: basis data tidak dapat ditulis; kosongkan ruang disk lalu coba lagi")
		case sqlite3.ErrReadonly:
			return data.Wrap(data.KindInternal, err, "Basis data hanya-baca: perubahan tidak dapat disimpan")
		case sqlite3.ErrCorrupt, sqlite3.ErrNotADB:
			return data.Wrap(data.KindInternal, err, "Basis data rusak; pulihkan dari cadangan")
		case sqlite3.ErrBusy, sqlite3.ErrLocked:
			return data.Wrap(data.KindConflict, err, "Basis data sedang dipakai proses lain; coba lagi sebentar lagi")
		case sqlite3.ErrIoErr, sqlite3.ErrCantOpen:
			return data.Wrap(data.KindInternal, err, "Basis data tidak dapat ditulis atau dibuka (%v); periksa ruang disk dan izin folder", se.ExtendedCode)
		}
	}
	if msg := data.ErrorMessage(err); msg != err.Error() {
		return data.Wrap(data.KindInternal, err, "%s", msg) // a known SQLite or disk error, in words
	}
	if errors.As(err, &se) {
		// SQLite's own words are English; they go to the log (data.ErrorDetail), the code to the user.
		return data.Wrap(data.KindInternal, err, "Kesalahan basis data yang tidak terduga (kode SQLite %d); rinciannya tercatat di log", se.ExtendedCode)
	}
	return data.Wrap(data.KindInternal, err, "Kesalahan basis data: %v", err)
}

// constraintError maps a constraint violation to a conflict or invalid error with the given messages; other
// errors go through storageError.
func constraintError(err error, unique, foreign string) error {
	var se sqlite3.Error
	if errors.As(err, &se) && se.Code == sqlite3.ErrConstraint {
		switch se.ExtendedCode {
		case sqlite3.ErrConstraintUnique, sqlite3.ErrConstraintPrimaryKey:
			if unique != "" {
				return data.Wrap(data.KindConflict, err, "%s", unique)
			}
		case sqlite3.ErrConstraintForeignKey:
			if foreign != "" {
				return data.Wrap(data.KindConflict, err, "%s", foreign)
			}
		}
		return data.Wrap(data.KindInvalid, err, "Data tidak memenuhi aturan basis data (ganda, kosong atau masih dipakai); periksa isiannya")
	}
	return storageError(err)
}

func notFound(what string, id any) error {
	return data.Errorf(data.KindNotFound, "%s %v tidak ditemukan", what, id)
}
