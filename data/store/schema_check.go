package store

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"
)

// expectedSchemas caches, per schema version, the tables and columns (and guards) a database at that version
// must have.
var expectedSchemas sync.Map // int → map[string][]string

// expectedSchema is the schema the migrations build up to version: they are run on an empty in-memory
// database, so that the list can never fall behind the migrations.
func expectedSchema(version int) (map[string][]string, error) {
	if s, ok := expectedSchemas.Load(version); ok {
		return s.(map[string][]string), nil
	}
	db, err := sql.Open("sqlite3", fmt.Sprintf("file:expected-schema-%d?mode=memory&cache=private", version))
	if err != nil {
		return nil, err
	}
	defer db.Close()
	db.SetMaxOpenConns(1) // one in-memory database per connection: keep to one
	for v := 0; v < version; v++ {
		if _, err := db.Exec(migrations[v]); err != nil {
			return nil, fmt.Errorf("migration %d: %w", v+1, err)
		}
	}
	schema, err := schemaOf(db)
	if err != nil {
		return nil, err
	}
	expectedSchemas.Store(version, schema)
	return schema, nil
}

// guardKey is the key of schemaOf's map under which it lists the unique indexes and triggers: what keeps
// the data right rather than fast (one person per NIP, one response per participant, the revision counter that
// tells a racing import its plan is outdated, attendance only within the program). A file without one of them
// opens and reads, and then quietly lets in what it was there to keep out. It cannot be a table's name (SQLite
// names cannot start with a space unquoted, and the migrations quote none).
const guardKey = " guards"

// schemaOf lists the tables of db (SQLite's own left out) with their columns, and under guardKey its unique
// indexes and triggers ("indeks unik participant_nip", "pemicu participant_rev_insert").
func schemaOf(db *sql.DB) (map[string][]string, error) {
	tables, err := tableNames(context.Background(), db)
	if err != nil {
		return nil, err
	}
	guards, err := column[string](context.Background(), db, "SELECT CASE type WHEN 'trigger' THEN 'pemicu ' ELSE 'indeks unik ' END || name "+
		"FROM sqlite_schema WHERE type = 'trigger' OR (type = 'index' AND sql LIKE 'CREATE UNIQUE INDEX%')")
	if err != nil {
		return nil, err
	}
	schema := map[string][]string{guardKey: guards}
	for _, t := range tables {
		cols, err := db.Query("SELECT name FROM pragma_table_info(?)", t)
		if err != nil {
			return nil, err
		}
		var names []string
		for cols.Next() {
			var name string
			if err := cols.Scan(&name); err != nil {
				cols.Close()
				return nil, err
			}
			names = append(names, name)
		}
		cols.Close()
		if err := cols.Err(); err != nil {
			return nil, err
		}
		schema[t] = names
	}
	return schema, nil
}

// checkSchema compares the tables and columns, unique indexes and triggers of db with what its schema version
// (from the migration record, PRAGMA user_version) must have; it returns what is missing, in Indonesian, or ""
// when nothing is. Extra ones are allowed: a damaged file lacks, it does not add. Plain indexes only make
// reading faster and are not checked.
func checkSchema(db *sql.DB, version int) (string, error) {
	want, err := expectedSchema(version)
	if err != nil {
		return "", err
	}
	got, err := schemaOf(db)
	if err != nil {
		return "", err
	}
	var missing []string
	for table, cols := range want {
		have, ok := got[table]
		if table == guardKey {
			for _, g := range cols {
				if !slices.Contains(have, g) {
					missing = append(missing, g)
				}
			}
			continue
		}
		if !ok {
			missing = append(missing, "tabel "+table)
			continue
		}
		for _, c := range cols {
			if !slices.Contains(have, c) {
				missing = append(missing, "kolom "+table+"."+c)
			}
		}
	}
	if len(missing) == 0 {
		return "", nil
	}
	sort.Strings(missing)
	more := ""
	if len(missing) > 5 {
		more = fmt.Sprintf(" dan %d lainnya", len(missing)-5)
		missing = missing[:5]
	}
	return fmt.Sprintf("skema versi %d tidak lengkap: %s%s tidak ada", version, strings.Join(missing, ", "), more), nil
}
