// Package storetest opens real Pembina databases in a test's temporary folder, for the tests of every package
// that needs one. Never :memory: (docs/FYNE-NOTES.md: that is one database per pooled connection).
package storetest

import (
	"database/sql"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/pembina/pembina/data/store"
)

// New opens a new, empty Pembina database in t.TempDir() and closes it when the test ends.
func New(t testing.TB) *store.Store {
	t.Helper()
	s, err := store.Open(filepath.Join(t.TempDir(), "pembina.db"))
	if err != nil {
		t.Fatalf("open test database: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// Large opens the large sample database named by PEMBINA_LARGE_DB (made by `pembina --db FILE demo --large`)
// for a measurement over 100,000 participants, and closes it when the test ends; without the variable the
// test is skipped, since building that database takes about 40 s.
func Large(t testing.TB) *store.Store {
	t.Helper()
	path := os.Getenv("PEMBINA_LARGE_DB")
	if path == "" {
		t.Skip("set PEMBINA_LARGE_DB to a database made by demo --large")
	}
	s, err := store.Open(path)
	if err != nil {
		t.Fatalf("open the large database: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// Count runs a query that counts something and returns the count, failing the test when it cannot: tests
// compare what a feature shows with what the database holds.
func Count(t testing.TB, s *store.Store, query string, args ...any) int {
	t.Helper()
	var n int
	if err := DB(t, s).QueryRow(query, args...).Scan(&n); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	return n
}

// DB opens a second connection to the store's database file, for a test that reads back or arranges what no
// store method offers (the store hands out no connection of its own). It sees what the store committed, and
// the store sees what it writes: the participant search follows the triggers' revision counter. It is closed
// when the test ends; one connection serves the whole test.
func DB(t testing.TB, s *store.Store) *sql.DB {
	t.Helper()
	opened.mu.Lock()
	defer opened.mu.Unlock()
	key := connKey{t, s.Path()}
	if db, ok := opened.dbs[key]; ok {
		return db
	}
	db, err := sql.Open("sqlite3", "file:"+filepath.ToSlash(s.Path())+"?_foreign_keys=on&_busy_timeout=5000")
	if err != nil {
		t.Fatalf("open a second connection to %s: %v", s.Path(), err)
	}
	opened.dbs[key] = db
	t.Cleanup(func() {
		opened.mu.Lock()
		delete(opened.dbs, key)
		opened.mu.Unlock()
		db.Close()
	})
	return db
}

type connKey struct {
	t    testing.TB
	path string
}

// opened keeps each test's connection per database, so that a test counting in a loop opens one.
var opened = struct {
	mu  sync.Mutex
	dbs map[connKey]*sql.DB
}{dbs: map[connKey]*sql.DB{}}
