// Package sampletest gives each test its own copy of the sample database. Loading the sample writes about 180
// participants, their programs, attendance and responses in one transaction (0.2 s, about 1 s under -race);
// many tests of a package read it, so a test binary loads it once per day it is dated around, keeps the file's
// bytes, and writes a copy into each test's t.TempDir(). A test changes its copy freely; the rows a case needs
// beyond the sample are built by the test, never assumed. Copies share what the load made, the certificate
// signing key included: a test that needs another office's database loads the sample anew.
package sampletest

import (
	"context"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/pembina/pembina/data/sample"
	"github.com/pembina/pembina/data/store"
)

// build is one load of the sample, shared by every test of the binary that asks for the same day.
type build struct {
	once  sync.Once
	bytes []byte
	err   error
}

var (
	mu     sync.Mutex
	builds = map[time.Time]*build{}
)

// Open opens a copy of the sample database dated around today (sample.Options.Today; zero means the real
// today) in t.TempDir() and closes it when the test ends.
func Open(t testing.TB, today time.Time) *store.Store {
	t.Helper()
	path := Path(t, today)
	s, err := store.Open(path)
	if err != nil {
		t.Fatalf("open the copy of the sample database: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// Path writes a copy of the sample database dated around today into t.TempDir() and returns its path, for
// tests that open the file themselves (the command line's --db).
func Path(t testing.TB, today time.Time) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "pembina.db")
	CopyTo(t, path, today)
	return path
}

// CopyTo writes a copy of the sample database dated around today at path, which must not exist yet.
func CopyTo(t testing.TB, path string, today time.Time) {
	t.Helper()
	b := sampleBytes(t, today)
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatalf("copy the sample database: %v", err)
	}
}

// sampleBytes returns the sample database dated around today, loading it on the first call for that day.
func sampleBytes(t testing.TB, today time.Time) []byte {
	t.Helper()
	key := today
	if key.IsZero() {
		key = time.Now() // the real today, as sample.Load would take it
	}
	key = time.Date(key.Year(), key.Month(), key.Day(), 0, 0, 0, 0, time.UTC)
	mu.Lock()
	b, ok := builds[key]
	if !ok {
		b = &build{}
		builds[key] = b
	}
	mu.Unlock()
	b.once.Do(func() { b.bytes, b.err = load(today) })
	if b.err != nil {
		t.Fatalf("load the sample database: %v", b.err)
	}
	return b.bytes
}

// load fills a database in a temporary folder with the sample and returns the bytes of one consolidated file
// (the store's backup, VACUUM INTO: no write-ahead log beside it), removing the folder.
func load(today time.Time) ([]byte, error) {
	dir, err := os.MkdirTemp("", "pembina-sample-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	s, err := store.Open(filepath.Join(dir, "sample.db"))
	if err != nil {
		return nil, err
	}
	defer s.Close()
	ctx := context.Background()
	if _, err := sample.Load(ctx, s, sample.Options{Today: today}); err != nil {
		return nil, err
	}
	copyPath := filepath.Join(dir, "copy.db")
	if err := s.Backup(ctx, copyPath); err != nil {
		return nil, err
	}
	return os.ReadFile(copyPath)
}
