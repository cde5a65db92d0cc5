package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// pembina runs the command line with args and returns its exit code, stdout and stderr.
func pembina(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := run(args, &out, &errOut)
	assertIndonesian(t, args, errOut.String())
	return code, out.String(), errOut.String()
}

func TestDemoAndList(t *testing.T) {
	db := filepath.Join(t.TempDir(), "demo.db")
	code, out, errOut := pembina(t, "--db", db, "demo")
	if code != 0 || !strings.Contains(out, "Data contoh dimuat") {
		t.Fatalf("demo = %d\n%s\n%s", code, out, errOut)
	}
	code, _, errOut = pembina(t, "--db", db, "demo")
	if code != 1 || strings.Count(errOut, "\n") != 1 || !strings.Contains(errOut, "kosong") {
		t.Errorf("second demo = %d, %q; want exit 1 with one line", code, errOut)
	}

	code, out, _ = pembina(t, "--db", db, "list", "programs")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if code != 0 || len(lines) < 6 {
		t.Fatalf("list programs = %d, %d lines", code, len(lines))
	}
	var running string
	for _, l := range lines {
		f := strings.Split(l, "\t")
		if len(f) != 5 || len(f[2]) != 10 || len(f[3]) != 10 {
			t.Errorf("program line %q: want code, title, start, end, status", l)
		}
		if f[4] == "running" {
			running = f[0]
		}
	}
	if running == "" {
		t.Fatal("no running program listed")
	}

	code, out, _ = pembina(t, "--db", db, "list", "participants")
	lines = strings.Split(strings.TrimSpace(out), "\n")
	if code != 0 || len(lines) < 150 {
		t.Fatalf("list participants = %d, %d lines", code, len(lines))
	}
	for _, l := range lines {
		f := strings.Split(l, "\t")
		if len(f) != 4 || (f[0] != "" && len(f[0]) != 18) || f[1] == "" {
			t.Errorf("participant line %q: want NIP (18 digits or empty), name, rank, unit", l)
		}
	}

	t.Setenv("PEMBINA_DB", db)
	code, out, _ = pembina(t, "list", "sessions", "--program", running)
	lines = strings.Split(strings.TrimSpace(out), "\n")
	if code != 0 || len(lines) < 2 {
		t.Fatalf("list sessions = %d\n%s", code, out)
	}
	if f := strings.Split(lines[0], "\t"); len(f) != 6 || f[0] != "1" || f[2] != "08:00" {
		t.Errorf("session line %q: want number, date, start, end, JP, topic", lines[0])
	}
}

func TestExitCodes(t *testing.T) {
	db := filepath.Join(t.TempDir(), "x.db")
	notDB := filepath.Join(t.TempDir(), "peserta.xlsx")
	os.WriteFile(notDB, []byte("PK\x03\x04 not really"), 0o644)
	tests := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"--db", db, "frobnicate"}, 2, "tidak dikenal"},
		{[]string{"--db", db, "list"}, 2, "sebutkan"},
		{[]string{"--db", db, "list", "cats"}, 2, "tidak dikenal"},
		{[]string{"--db", db, "list", "sessions"}, 2, "--program"},
		{[]string{"--db", db, "list", "sessions", "--program", "NOPE"}, 1, "tidak ditemukan"},
		{[]string{"--db", db, "backup"}, 2, "berkas tujuan"},
		{[]string{"--db", notDB, "list", "programs"}, 1, "bukan basis data Pembina"},
		{[]string{"--db", filepath.Join(t.TempDir(), "missing", "x.db"), "list", "programs"}, 1, "tidak ada"},
		{[]string{"--nope"}, 2, "opsi --nope tidak dikenal"},
		{[]string{"--db", db, "demo", "--size", "9"}, 2, "opsi --size tidak dikenal"},
		{[]string{"--db", db, "help"}, 0, ""},
	}
	for _, tt := range tests {
		code, _, errOut := pembina(t, tt.args...)
		if code != tt.code || !strings.Contains(errOut, tt.want) {
			t.Errorf("pembina %v = %d, %q; want %d with %q", tt.args, code, errOut, tt.code, tt.want)
		}
	}
}

func TestBackupCommand(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "a.db")
	if code, _, e := pembina(t, "--db", db, "demo"); code != 0 {
		t.Fatal(e)
	}
	copyPath := filepath.Join(dir, "copy.db")
	if code, out, e := pembina(t, "--db", db, "backup", copyPath); code != 0 || !strings.Contains(out, copyPath) {
		t.Fatalf("backup = %d %s %s", code, out, e)
	}
	_, a, _ := pembina(t, "--db", db, "list", "participants")
	_, b, _ := pembina(t, "--db", copyPath, "list", "participants")
	if a != b || a == "" {
		t.Error("the backup lists other participants than the original")
	}
	if code, _, _ := pembina(t, "--db", db, "backup", copyPath); code != 1 {
		t.Errorf("backup over an existing file = %d, want 1", code)
	}
}

func TestRestoreCommand(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "a.db")
	if code, _, e := pembina(t, "--db", db, "demo"); code != 0 {
		t.Fatal(e)
	}
	backup := filepath.Join(dir, "cadangan.db")
	if code, _, e := pembina(t, "--db", db, "backup", backup); code != 0 {
		t.Fatal(e)
	}
	_, before, _ := pembina(t, "--db", db, "list", "participants")

	// The database is damaged beyond opening: restore must still work, as it never opens the damaged file.
	raw, _ := os.ReadFile(db)
	os.WriteFile(db, raw[:len(raw)/2+7], 0o644)
	if code, _, _ := pembina(t, "--db", db, "list", "participants"); code != 1 {
		t.Fatal("the damaged file opened")
	}
	code, out, errOut := pembina(t, "--db", db, "restore", backup)
	if code != 0 || !strings.Contains(out, "dipulihkan") || !strings.Contains(out, "180 peserta") || !strings.Contains(out, "sebelum-pemulihan") {
		t.Fatalf("restore = %d\n%s\n%s", code, out, errOut)
	}
	if _, after, _ := pembina(t, "--db", db, "list", "participants"); after != before {
		t.Error("the restored database lists other participants")
	}
	aside, _ := filepath.Glob(filepath.Join(dir, "a.sebelum-pemulihan-*.db"))
	if len(aside) != 1 {
		t.Fatalf("kept aside: %v", aside)
	}
	if kept, _ := os.ReadFile(aside[0]); len(kept) != len(raw)/2+7 {
		t.Error("the kept-aside file is not the damaged one byte for byte")
	}

	tests := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"--db", db, "restore"}, 2, "berkas cadangan"},
		{[]string{"--db", db, "restore", filepath.Join(dir, "tidak-ada.db")}, 1, "tidak ada"},
		{[]string{"--db", db, "restore", aside[0]}, 1, "rusak"},
	}
	for _, tt := range tests {
		code, _, errOut := pembina(t, tt.args...)
		if code != tt.code || !strings.Contains(errOut, tt.want) {
			t.Errorf("pembina %v = %d, %q; want %d with %q", tt.args, code, errOut, tt.code, tt.want)
		}
	}
}

func TestRememberedDatabase(t *testing.T) {
	home := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", home)
	t.Setenv("HOME", home)
	t.Setenv("PEMBINA_DB", "")
	office := filepath.Join(t.TempDir(), "kantor.db")
	if code, _, e := pembina(t, "--db", office, "demo"); code != 0 {
		t.Fatal(e)
	}
	if err := rememberDatabase(office); err != nil {
		t.Fatal(err)
	}
	path, notice, err := defaultDatabasePath()
	if err != nil || path != office || notice != "" {
		t.Errorf("default = %s, %q, %v; want the remembered %s", path, notice, err, office)
	}
	if code, out, _ := pembina(t, "list", "programs"); code != 0 || strings.Count(out, "\n") < 6 {
		t.Errorf("list without --db = %d, %d lines: not the remembered database", code, strings.Count(out, "\n"))
	}
	os.Remove(office)
	path, notice, _ = defaultDatabasePath()
	if filepath.Base(path) != "pembina.db" || !strings.Contains(notice, "tidak ditemukan") || !strings.Contains(notice, office) {
		t.Errorf("with the remembered file gone: %s, %q", path, notice)
	}
}
