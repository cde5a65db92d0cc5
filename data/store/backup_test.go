package store_test

import (
	"bytes"
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	_ "github.com/mattn/go-sqlite3"

	"github.com/pembina/pembina/data"
	"github.com/pembina/pembina/data/sample"
	"github.com/pembina/pembina/data/sample/sampletest"
	"github.com/pembina/pembina/data/store"
)

var ctx = context.Background()

// loaded opens a database at dir/name filled with the sample data; the caller closes it.
func loaded(t *testing.T, dir, name string) *store.Store {
	t.Helper()
	path := filepath.Join(dir, name)
	sampletest.CopyTo(t, path, time.Date(2026, 11, 28, 0, 0, 0, 0, time.UTC))
	s, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// rowCounts counts the rows of every table, so that a restored database can be compared with the original.
func rowCounts(t *testing.T, s *store.Store) map[string]int {
	t.Helper()
	rows, err := s.TestDB().Query("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
	if err != nil {
		t.Fatal(err)
	}
	var tables []string
	for rows.Next() {
		var n string
		rows.Scan(&n)
		tables = append(tables, n)
	}
	rows.Close()
	counts := map[string]int{}
	for _, tb := range tables {
		var n int
		if err := s.TestDB().QueryRow(`SELECT count(*) FROM "` + tb + `"`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		counts[tb] = n
	}
	return counts
}

func sameCounts(t *testing.T, what string, got, want map[string]int) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("%s: %d tables, want %d", what, len(got), len(want))
	}
	for tb, n := range want {
		if got[tb] != n {
			t.Errorf("%s: table %s has %d rows, want %d", what, tb, got[tb], n)
		}
	}
}

func TestBackupRestoreRoundTrip(t *testing.T) {
	dir := t.TempDir()
	s := loaded(t, dir, "pembina.db")
	want := rowCounts(t, s)
	if want["participant"] < 150 || want["attendance"] == 0 {
		t.Fatalf("sample data too small: %v", want)
	}
	backup := filepath.Join(dir, "cadangan.db")
	if err := s.Backup(ctx, backup); err != nil {
		t.Fatal(err)
	}
	sum, err := store.InspectBackup(ctx, backup)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Programs != want["program"] || sum.Participants != want["participant"] || sum.SchemaVersion != store.SchemaVersion() {
		t.Errorf("summary %+v, want %d programs and %d participants", sum, want["program"], want["participant"])
	}

	// Work after the backup, which the restore takes back but the kept-aside file still holds.
	if err := s.CreateSignatory(ctx, &data.Signatory{Name: "Tambahan", Position: "Kepala Bidang"}); err != nil {
		t.Fatal(err)
	}
	if err := s.SetSetting(ctx, "language", "en"); err != nil {
		t.Fatal(err)
	}
	changed := rowCounts(t, s)
	path := s.Path()
	s.Close()

	restored, aside, err := store.RestoreAndOpen(ctx, backup, path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer restored.Close()
	if err := store.IntegrityCheck(ctx, path); err != nil {
		t.Errorf("restored file fails integrity_check: %v", err)
	}
	sameCounts(t, "restored", rowCounts(t, restored), want)
	if !strings.Contains(filepath.Base(aside), "pembina.sebelum-pemulihan-") || filepath.Dir(aside) != dir {
		t.Errorf("kept aside as %s", aside)
	}
	old, err := store.Open(aside)
	if err != nil {
		t.Fatalf("the kept-aside file does not open: %v", err)
	}
	sameCounts(t, "kept aside", rowCounts(t, old), changed)
	old.Close()
	if _, err := os.Stat(path + ".pemulihan"); !os.IsNotExist(err) {
		t.Error("the temporary copy was left behind")
	}
}

func TestRestoreRefusesBadBackups(t *testing.T) {
	dir := t.TempDir()
	s := loaded(t, dir, "pembina.db")
	good := filepath.Join(dir, "good.db")
	if err := s.Backup(ctx, good); err != nil {
		t.Fatal(err)
	}
	path := s.Path()
	s.Close()
	before, _ := os.ReadFile(path)

	raw, _ := os.ReadFile(good)
	corrupt := append([]byte(nil), raw...)
	page := 4096
	for i := 5 * page; i < 6*page; i++ { // a b-tree page in the middle: garbage the checks must notice
		corrupt[i] = 0x5a
	}
	notDB := []byte("NIP,Nama\n198609262015051001,Budi\n")
	noTable := filepath.Join(dir, "tanpa-tabel-src.db")
	os.WriteFile(noTable, raw, 0o644)
	if db, err := sql.Open("sqlite3", noTable); err == nil {
		db.SetMaxOpenConns(1)
		if _, err := db.Exec("PRAGMA foreign_keys = off; DROP TABLE certificate_change"); err != nil {
			t.Fatal(err)
		}
		db.Close()
	}
	missingTable, _ := os.ReadFile(noTable)
	cases := []struct {
		name    string
		content []byte
		want    string
	}{
		{"rusak.db", corrupt, "rusak"},
		{"terpotong.db", raw[:len(raw)/2+100], "rusak"},
		{"peserta.csv", notDB, "bukan basis data Pembina"},
		{"kosong.db", nil, "bukan basis data Pembina"},
		{"tanpa-tabel.db", missingTable, "tabel certificate_change tidak ada"},
	}
	for _, c := range cases {
		src := filepath.Join(dir, c.name)
		os.WriteFile(src, c.content, 0o644)
		_, err := store.Restore(ctx, src, path)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("restore from %s: %v, want an error saying %q", c.name, err, c.want)
		}
		if after, _ := os.ReadFile(path); !bytes.Equal(after, before) {
			t.Fatalf("restore from %s changed the database", c.name)
		}
	}
	if _, err := store.Restore(ctx, filepath.Join(dir, "nope.db"), path); err == nil || !strings.Contains(err.Error(), "tidak ada") {
		t.Errorf("restore from a missing file: %v", err)
	}
	if _, err := store.Restore(ctx, path, path); err == nil {
		t.Error("restoring a database over itself was accepted")
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.Contains(e.Name(), "sebelum-pemulihan") || strings.HasSuffix(e.Name(), ".pemulihan") {
			t.Errorf("a refused restore left %s", e.Name())
		}
	}
}

func TestAutoBackupKeepsTheLastTen(t *testing.T) {
	dir := t.TempDir()
	s := loaded(t, dir, "pembina.db")
	defer s.Close()
	folder := store.DefaultBackupFolder(s.Path())
	// Files the rotation must leave alone: a backup the coordinator named, and another database's backup.
	os.MkdirAll(folder, 0o755)
	manual := filepath.Join(folder, store.ManualBackupName(s.Path(), time.Now()))
	other := filepath.Join(folder, "arsip-20200101-000000.db")
	os.WriteFile(manual, []byte("x"), 0o644)
	os.WriteFile(other, []byte("x"), 0o644)

	start := time.Date(2026, 11, 28, 15, 30, 0, 0, time.Local)
	var written []string
	for i := 0; i < 13; i++ {
		s.SetSetting(ctx, "test", strconv.Itoa(i)) // each backup holds different data
		res, err := s.AutoBackup(ctx, folder, store.AutoBackupKeep, start.Add(time.Duration(i)*time.Minute))
		if err != nil {
			t.Fatal(err)
		}
		if res.Unchanged {
			t.Fatalf("backup %d reported unchanged", i)
		}
		written = append(written, res.Path)
		if i >= 10 && len(res.Removed) != 1 {
			t.Errorf("backup %d removed %v, want the oldest one", i, res.Removed)
		}
	}
	list, err := store.AutoBackups(folder, s.Path())
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 10 {
		t.Fatalf("%d automatic backups kept, want 10", len(list))
	}
	for i, b := range list {
		if want := written[12-i]; b.Path != want {
			t.Errorf("backup %d is %s, want %s (newest first)", i, filepath.Base(b.Path), filepath.Base(want))
		}
	}
	for _, f := range append(written[:3], manual, other) {
		_, err := os.Stat(f)
		if kept := err == nil; kept != (f == manual || f == other) {
			t.Errorf("%s kept = %v", filepath.Base(f), kept)
		}
	}

	// Nothing changed since the last backup: no new file, nothing rotated away.
	res, err := s.AutoBackup(ctx, folder, store.AutoBackupKeep, start.Add(time.Hour))
	if err != nil || !res.Unchanged || res.Path != written[12] || len(res.Removed) != 0 {
		t.Errorf("unchanged backup = %+v, %v", res, err)
	}
	// Two changes within one second get two names.
	at := start.Add(2 * time.Hour)
	s.SetSetting(ctx, "test", "a")
	r1, _ := s.AutoBackup(ctx, folder, store.AutoBackupKeep, at)
	s.SetSetting(ctx, "test", "b")
	r2, err := s.AutoBackup(ctx, folder, store.AutoBackupKeep, at)
	if err != nil || r1.Path == r2.Path || !strings.HasSuffix(r2.Path, "-2.db") {
		t.Errorf("same-second backups: %s and %s (%v)", r1.Path, r2.Path, err)
	}
	list, _ = store.AutoBackups(folder, s.Path())
	if len(list) != 10 || list[0].Path != r2.Path || list[1].Path != r1.Path {
		t.Errorf("after same-second backups the newest are %v", list[:2])
	}
	for _, b := range list {
		if err := store.IntegrityCheck(ctx, b.Path); err != nil {
			t.Errorf("%s: %v", b.Path, err)
		}
	}
}

func TestMoveDatabase(t *testing.T) {
	dir := t.TempDir()
	s := loaded(t, dir, "pembina.db")
	want := rowCounts(t, s)
	oldPath := s.Path()
	target := filepath.Join(t.TempDir(), "kantor.db")
	if _, err := store.Move(ctx, s, filepath.Join(dir, "kantor.txt")); err == nil {
		t.Error("moving to a name without .db was accepted")
	}
	moved, err := store.Move(ctx, s, target)
	if err != nil {
		t.Fatal(err)
	}
	defer moved.Close()
	if moved.Path() != target {
		t.Errorf("moved to %s", moved.Path())
	}
	sameCounts(t, "moved", rowCounts(t, moved), want)
	for _, suffix := range []string{"", "-wal", "-shm"} {
		if _, err := os.Stat(oldPath + suffix); !os.IsNotExist(err) {
			t.Errorf("the old %s is still there", filepath.Base(oldPath+suffix))
		}
	}
	other := loaded(t, dir, "lain.db")
	defer other.Close()
	if _, err := store.Move(ctx, other, target); err == nil {
		t.Error("moving over an existing database was accepted")
	}
	if _, err := other.Programs(ctx, store.ProgramFilter{}); err != nil {
		t.Errorf("a refused move left the store unusable: %v", err)
	}
}

// BenchmarkAutoBackup measures the backup on close of the sample database: a new backup, then one with
// nothing changed (the copy compared with the newest and dropped).
func BenchmarkAutoBackup(b *testing.B) {
	dir := b.TempDir()
	s, err := store.Open(filepath.Join(dir, "pembina.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	if _, err := sample.Load(ctx, s, sample.Options{}); err != nil {
		b.Fatal(err)
	}
	folder := filepath.Join(dir, "cadangan")
	at := time.Date(2026, 11, 28, 8, 0, 0, 0, time.Local)
	b.Run("changed", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			s.SetSetting(ctx, "bench", strconv.Itoa(i))
			if _, err := s.AutoBackup(ctx, folder, store.AutoBackupKeep, at.Add(time.Duration(i)*time.Second)); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("unchanged", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			res, err := s.AutoBackup(ctx, folder, store.AutoBackupKeep, at.Add(time.Hour))
			if err != nil || !res.Unchanged {
				b.Fatal(res, err)
			}
		}
	})
}

// BenchmarkRestore measures a restore of the sample database over itself: check, copy, check, swap, open.
func BenchmarkRestore(b *testing.B) {
	dir := b.TempDir()
	s, err := store.Open(filepath.Join(dir, "pembina.db"))
	if err != nil {
		b.Fatal(err)
	}
	if _, err := sample.Load(ctx, s, sample.Options{}); err != nil {
		b.Fatal(err)
	}
	backup := filepath.Join(dir, "cadangan.db")
	s.Backup(ctx, backup)
	path := s.Path()
	s.Close()
	for i := 0; i < b.N; i++ {
		restored, aside, err := store.RestoreAndOpen(ctx, backup, path, store.Options{})
		if err != nil {
			b.Fatal(err)
		}
		restored.Close()
		os.Remove(aside)
	}
}
