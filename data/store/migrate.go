package store

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/pembina/pembina/data"
)

//go:embed migrations/*.sql
var migrationFS embed.FS

// migrations are the schema changes in order; migration i (0-based) brings user_version from i to i+1.
// They only ever move forward: a released file is never edited, a change is a new file.
var migrations = loadMigrations()

func loadMigrations() []string {
	names, err := fs.Glob(migrationFS, "migrations/*.sql")
	if err != nil {
		panic(err)
	}
	sort.Strings(names)
	out := make([]string, len(names))
	for i, n := range names {
		b, err := migrationFS.ReadFile(n)
		if err != nil {
			panic(err)
		}
		if want := fmt.Sprintf("%03d_", i+1); !strings.HasPrefix(filepath.Base(n), want) {
			panic("migration " + n + " is out of sequence, want prefix " + want)
		}
		out[i] = string(b)
	}
	return out
}

// SchemaVersion is the schema version this build of Pembina writes.
func SchemaVersion() int { return len(migrations) }

// migrate applies the migrations the file lacks, each in its own transaction together with its user_version.
func (s *Store) migrate(ctx context.Context) error {
	var version int
	if err := s.db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		return storageError(err)
	}
	for v := version; v < len(migrations); v++ {
		err := s.tx(ctx, func(tx *sql.Tx) error {
			if _, err := tx.ExecContext(ctx, migrations[v]); err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d; PRAGMA application_id = %d", v+1, ApplicationID)); err != nil {
				return err
			}
			return nil
		})
		if err != nil {
			se := storageError(err)
			return data.Wrap(data.ErrorKind(se), err, "Basis data tidak dapat diperbarui ke versi %d (perubahan dibatalkan, berkas tetap seperti semula): %s", v+1, data.SentenceOf(se))
		}
	}
	return nil
}

// backupName is where the copy before a migration goes: beside the file, named after the old version and the
// time, with a counter when a copy of that second exists already (a migration retried at once).
func backupName(path string, version int) string {
	ext := filepath.Ext(path)
	base := fmt.Sprintf("%s.sebelum-migrasi-v%d-%s", strings.TrimSuffix(path, ext), version, time.Now().Format("20060102-150405"))
	name := base + ext
	for i := 2; ; i++ {
		if _, err := os.Stat(name); os.IsNotExist(err) {
			return name
		}
		name = fmt.Sprintf("%s-%d%s", base, i, ext)
	}
}

// vacuumInto writes a consistent copy of the database at src to dest without changing src.
func vacuumInto(src, dest string) error {
	db, err := sql.Open("sqlite3", dsn(src, "mode=ro"))
	if err != nil {
		return data.Wrap(data.KindInternal, err, "Cadangan tidak dapat dibuat: %v", err)
	}
	defer db.Close()
	if _, err := db.Exec("VACUUM INTO ?", dest); err != nil {
		return data.Wrap(data.KindInternal, err, "Cadangan %s tidak dapat ditulis: %v", dest, err)
	}
	return nil
}
