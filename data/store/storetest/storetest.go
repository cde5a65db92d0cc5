// Package storetest opens real Pembina databases in a test's temporary folder, for the tests of every package
// that needs one. Never :memory: (FYNE.md: that is one database per pooled connection).
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
