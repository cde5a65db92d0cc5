package store

import (
	"archive/zip"
	"bytes"
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pembina/pembina/data"
)

func tempDB(t *testing.T) string { return filepath.Join(t.TempDir(), "pembina.db") }

func mustOpen(t *testing.T, path string) *Store {
	t.Helper()
	s, err := Open(path)
	if err != nil {
		t.Fatalf("Open(%s): %v", path, err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func TestOpenCreatesSchema(t *testing.T) {
	path := tempDB(t)
	s := mustOpen(t, path)
	var version, appID int
	var fk int
	var journal string
	if err := s.db.QueryRow("PRAGMA user_version").Scan(&version); err != nil {
		t.Fatal(err)
	}
	s.db.QueryRow("PRAGMA application_id").Scan(&appID)
	s.db.QueryRow("PRAGMA foreign_keys").Scan(&fk)
	s.db.QueryRow("PRAGMA journal_mode").Scan(&journal)
	if version != SchemaVersion() || appID != ApplicationID || fk != 1 || journal != "wal" {
		t.Errorf("version %d, application_id %x, foreign_keys %d, journal %s", version, appID, fk, journal)
	}
	for _, table := range []string{"setting", "institution", "signatory", "program", "certificate_design", "subject",
		"session", "participant", "enrolment", "attendance", "form", "form_section", "question", "program_form",
		"response", "answer", "number_counter", "certificate", "certificate_change", "signing_key"} {
		var strict int
		err := s.db.QueryRow("SELECT strict FROM pragma_table_list WHERE name = ?", table).Scan(&strict)
		if err != nil || strict != 1 {
			t.Errorf("table %s: strict=%d err=%v", table, strict, err)
		}
	}
	if s.BackupPath != "" {
		t.Errorf("a new database made a backup %s", s.BackupPath)
	}
	if err := s.Check(context.Background()); err != nil {
		t.Errorf("Check on a new database: %v", err)
	}
	s.Close()
	again := mustOpen(t, path)
	if again.BackupPath != "" {
		t.Errorf("reopening an up-to-date database made a backup %s", again.BackupPath)
	}
}

func writeFile(t *testing.T, name string, content []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, content, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func xlsxBytes(t *testing.T) []byte {
	var b bytes.Buffer
	z := zip.NewWriter(&b)
	w, _ := z.Create("[Content_Types].xml")
	w.Write([]byte("<Types/>"))
	z.Close()
	return b.Bytes()
}

// validDatabase returns the bytes of a real Pembina database with one program in it.
func validDatabase(t *testing.T) []byte {
	t.Helper()
	path := tempDB(t)
	s := mustOpen(t, path)
	p := sampleProgram("A-1")
	if err := s.CreateProgram(context.Background(), p); err != nil {
		t.Fatal(err)
	}
	s.db.Exec("PRAGMA wal_checkpoint(TRUNCATE)")
	s.Close()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// alteredDatabase returns a copy of a database file changed by stmt (run with foreign keys off), as a damaged
// or hand-edited Pembina file would be.
func alteredDatabase(t *testing.T, content []byte, stmt string) []byte {
	t.Helper()
	path := tempDB(t)
	os.WriteFile(path, content, 0o644)
	db, err := sql.Open("sqlite3", path)
	if err != nil {
		t.Fatal(err)
	}
	db.SetMaxOpenConns(1)
	if _, err := db.Exec("PRAGMA foreign_keys = off; " + stmt); err != nil {
		t.Fatalf("%s: %v", stmt, err)
	}
	db.Exec("PRAGMA wal_checkpoint(TRUNCATE)")
	db.Close()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestOpenRefusesAndLeavesFileUntouched(t *testing.T) {
	good := validDatabase(t)
	otherApp := func() []byte {
		path := tempDB(t)
		db, _ := sql.Open("sqlite3", path)
		db.Exec("CREATE TABLE notes (body TEXT)")
		db.Close()
		b, _ := os.ReadFile(path)
		return b
	}()
	newer := func() []byte {
		path := tempDB(t)
		os.WriteFile(path, good, 0o644)
		db, _ := sql.Open("sqlite3", path)
		db.Exec("PRAGMA user_version = 999")
		db.Close()
		b, _ := os.ReadFile(path)
		return b
	}()
	noTable := alteredDatabase(t, good, "DROP TABLE attendance")
	noColumn := alteredDatabase(t, good, "ALTER TABLE participant DROP COLUMN phone")
	noUnique := alteredDatabase(t, good, "DROP INDEX participant_nip")
	noTrigger := alteredDatabase(t, good, "DROP TRIGGER participant_rev_update")
	corrupt := append([]byte(nil), good...)
	for i := 4096; i < len(corrupt) && i < 4096*3; i++ {
		corrupt[i] = 0xA5
	}
	tests := []struct {
		name    string
		content []byte
		want    string
	}{
		{"text.db", []byte("NIP;NAMA\n198609262015051001;Budi\n"), "bukan basis data Pembina"},
		{"peserta.xlsx", xlsxBytes(t), "bukan basis data Pembina"},
		{"truncated.db", good[:len(good)/2], "rusak"},
		{"short.db", good[:50], "rusak"},
		{"corrupt.db", corrupt, "rusak"},
		{"other.db", otherApp, "program lain"},
		{"newer.db", newer, "versi yang lebih baru"},
		{"no-table.db", noTable, "tabel attendance tidak ada"},
		{"no-column.db", noColumn, "kolom participant.phone tidak ada"},
		{"no-unique-index.db", noUnique, "indeks unik participant_nip tidak ada"},
		{"no-trigger.db", noTrigger, "pemicu participant_rev_update tidak ada"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := writeFile(t, tt.name, tt.content)
			s, err := Open(path)
			if err == nil {
				s.Close()
				t.Fatalf("Open accepted %s", tt.name)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q does not say %q", err, tt.want)
			}
			after, _ := os.ReadFile(path)
			if !bytes.Equal(after, tt.content) {
				t.Errorf("%s was changed by Open", tt.name)
			}
			entries, _ := os.ReadDir(filepath.Dir(path))
			if len(entries) != 1 {
				t.Errorf("Open left files beside %s: %v", tt.name, entries)
			}
		})
	}
}

func TestOpenReadOnlyFile(t *testing.T) {
	path := writeFile(t, "ro.db", validDatabase(t))
	if err := os.Chmod(path, 0o444); err != nil {
		t.Fatal(err)
	}
	_, err := Open(path)
	if err == nil || !strings.Contains(err.Error(), "hanya-baca") || data.ErrorKind(err) != data.KindInvalid {
		t.Fatalf("Open(read-only) = %v, want a read-only message", err)
	}
}

func TestOpenMissingFolder(t *testing.T) {
	_, err := Open(filepath.Join(t.TempDir(), "tidak-ada", "pembina.db"))
	if err == nil || !strings.Contains(err.Error(), "tidak ada") {
		t.Fatalf("Open in a missing folder = %v", err)
	}
}

func TestOpenEmptyFileBecomesDatabase(t *testing.T) {
	path := writeFile(t, "empty.db", nil)
	s := mustOpen(t, path)
	if ok, err := s.IsEmpty(context.Background()); err != nil || !ok {
		t.Errorf("IsEmpty = %v, %v", ok, err)
	}
}

func TestMigrationWritesBackupFirst(t *testing.T) {
	path := writeFile(t, "old.db", validDatabase(t))
	before, _ := os.ReadFile(path)
	saved := migrations
	migrations = append(append([]string(nil), migrations...), "CREATE TABLE extra (x TEXT) STRICT;")
	t.Cleanup(func() { migrations = saved })

	s := mustOpen(t, path)
	if s.BackupPath == "" {
		t.Fatal("no backup before migrating")
	}
	backup, err := Open(s.BackupPath)
	if err == nil {
		// the backup is at the old version, which this (patched) build migrates again; that is fine, but it must
		// hold the program the old file had
		p, perr := backup.ProgramByCode(context.Background(), "A-1")
		if perr != nil || p.Title == "" {
			t.Errorf("backup lacks the program: %v", perr)
		}
		backup.Close()
	} else {
		t.Fatalf("backup cannot be opened: %v", err)
	}
	var version int
	s.db.QueryRow("PRAGMA user_version").Scan(&version)
	if version != len(migrations) {
		t.Errorf("version = %d, want %d", version, len(migrations))
	}
	if len(before) == 0 {
		t.Fatal("empty original")
	}
}

func TestBackupCommand(t *testing.T) {
	s := mustOpen(t, tempDB(t))
	ctx := context.Background()
	if err := s.CreateProgram(ctx, sampleProgram("B-1")); err != nil {
		t.Fatal(err)
	}
	dest := filepath.Join(t.TempDir(), "cadangan.db")
	if err := s.Backup(ctx, dest); err != nil {
		t.Fatal(err)
	}
	copy := mustOpen(t, dest)
	if _, err := copy.ProgramByCode(ctx, "B-1"); err != nil {
		t.Errorf("backup lacks the program: %v", err)
	}
	if err := s.Backup(ctx, dest); data.ErrorKind(err) != data.KindConflict {
		t.Errorf("backup over an existing file = %v, want a conflict", err)
	}
	if err := s.Backup(ctx, filepath.Join(t.TempDir(), "x", "y.db")); err == nil {
		t.Error("backup into a missing folder succeeded")
	}
}

func TestBackupNameNeverReusesAFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "pembina.db")
	first := backupName(path, 1)
	if err := os.WriteFile(first, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	second := backupName(path, 1)
	if second == first {
		t.Fatalf("a second backup in the same second would overwrite %s", first)
	}
}

// TestOpenWithoutAPlainIndex: an index that only makes reading faster is not part of the check; a file
// without one opens.
func TestOpenWithoutAPlainIndex(t *testing.T) {
	path := writeFile(t, "tanpa-indeks.db", alteredDatabase(t, validDatabase(t), "DROP INDEX participant_unit"))
	s, err := Open(path)
	if err != nil {
		t.Fatalf("Open without a plain index = %v", err)
	}
	s.Close()
}
