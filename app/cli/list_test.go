package cli

import (
	"path/filepath"
	"strings"
	"testing"
)

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

	code, out, _ = pembina(t, "--db", db, "list", "sessions", "--program", running)
	lines = strings.Split(strings.TrimSpace(out), "\n")
	if code != 0 || len(lines) < 2 {
		t.Fatalf("list sessions = %d\n%s", code, out)
	}
	if f := strings.Split(lines[0], "\t"); len(f) != 6 || f[0] != "1" || f[2] != "08:00" {
		t.Errorf("session line %q: want number, date, start, end, JP, topic", lines[0])
	}
}

func TestListAttendance(t *testing.T) {
	db := filepath.Join(t.TempDir(), "a.db")
	finished, planned := demoPrograms(t, db)
	_, enrolled, _ := pembina(t, "--db", db, "list", "participants", "--program", finished)
	rows := attendanceLines(t, db, finished, 1)
	if len(rows) != strings.Count(enrolled, "\n") || len(rows) < 10 {
		t.Fatalf("%d attendance lines for %d enrolled", len(rows), strings.Count(enrolled, "\n"))
	}
	valid := map[string]bool{"H": true, "T": true, "I": true, "S": true, "DL": true, "C": true, "A": true}
	for _, f := range rows {
		if len(f) != 3 || (f[0] != "" && len(f[0]) != 18) || f[1] == "" || !valid[f[2]] {
			t.Errorf("line %q: want NIP, name, a status of the finished session", f)
		}
	}
	for _, f := range attendanceLines(t, db, planned, 1) {
		if len(f) != 3 || f[2] != "" {
			t.Errorf("planned session line %q: the status must be empty", f)
		}
	}
}
