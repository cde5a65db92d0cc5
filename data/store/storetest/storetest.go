// Package storetest opens real Pembina databases in a test's temporary folder, for the tests of every package
// that needs one. Never :memory: (docs/FYNE-NOTES.md: that is one database per pooled connection).
package storetest

import (
	"path/filepath"
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

// Count runs a query that counts something and returns the count, failing the test when it cannot: tests
// compare what a feature shows with what the database holds.
func Count(t testing.TB, s *store.Store, query string, args ...any) int {
	t.Helper()
	var n int
	if err := s.DB().QueryRow(query, args...).Scan(&n); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	return n
}
