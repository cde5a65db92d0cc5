package store

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/pembina/pembina/data"
)

func numbers(t *testing.T, s *Store, programID int64) []string {
	t.Helper()
	certs, err := s.Certificates(context.Background(), programID)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, c := range certs {
		out = append(out, c.Number)
	}
	return out
}

func TestNumberSequenceRunsPerPrefix(t *testing.T) {
	s := mustOpen(t, tempDB(t))
	ctx := context.Background()
	day := date("2026-11-28")
	// With {program} in the pattern each program starts at 1.
	a, ea := certProgram(t, s, "EPA-I", 3)
	b, eb := certProgram(t, s, "EPA-II", 2)
	for _, p := range []*data.Program{a, b} {
		if err := s.SetProgramCertificateSettings(ctx, p.ID, "SERT/{seq:03}/{program}", 0); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.issueEnrolments(ctx, a.ID, ea, day); err != nil {
		t.Fatal(err)
	}
	if _, err := s.issueEnrolments(ctx, b.ID, eb, day); err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(numbers(t, s, b.ID), " "); got != "SERT/001/EPA-II SERT/002/EPA-II" {
		t.Errorf("second program under {program}: %s, want SERT/001/EPA-II SERT/002/EPA-II", got)
	}
	if got := numbers(t, s, a.ID)[2]; got != "SERT/003/EPA-I" {
		t.Errorf("first program's third number %s", got)
	}
	// Without the program code, programs share one sequence through the year, across months.
	c, ec := certProgram(t, s, "BTK-I", 2)
	d, ed := certProgram(t, s, "BTK-II", 1)
	if _, err := s.issueEnrolments(ctx, c.ID, ec, date("2026-03-10")); err != nil {
		t.Fatal(err)
	}
	if _, err := s.issueEnrolments(ctx, d.ID, ed, date("2026-11-10")); err != nil {
		t.Fatal(err)
	}
	if got := numbers(t, s, d.ID)[0]; got != "800/003/DISDIK/XI/2026" {
		t.Errorf("shared pattern in another month: %s, want 800/003/DISDIK/XI/2026", got)
	}
	b, _ = s.ProgramByCode(ctx, "EPA-II")
	if n, _ := s.NextCertificateNumber(ctx, b, day); n != "SERT/003/EPA-II" {
		t.Errorf("next number of the second program %s", n)
	}
}

func TestPatternChangeAfterIssueRefused(t *testing.T) {
	s := mustOpen(t, tempDB(t))
	ctx := context.Background()
	p, e := certProgram(t, s, "PTD-I", 2)
	if err := s.SetProgramCertificateSettings(ctx, p.ID, "SERT/{seq}/{year}", 0); err != nil {
		t.Fatalf("before any number the pattern may change: %v", err)
	}
	if _, err := s.issueEnrolments(ctx, p.ID, e, date("2026-11-28")); err != nil {
		t.Fatal(err)
	}
	err := s.SetProgramCertificateSettings(ctx, p.ID, "B.{seq}/{year}", 0)
	if data.ErrorKind(err) != data.KindConflict || !strings.Contains(err.Error(), "2 sertifikat sudah bernomor") {
		t.Errorf("changing the pattern after issue: %v", err)
	}
	if err := s.SetProgramCertificateSettings(ctx, p.ID, " SERT/{seq}/{tahun} ", 0); err != nil {
		t.Errorf("the same pattern written another way: %v", err)
	}
	p, _ = s.ProgramByCode(ctx, "PTD-I")
	p.NumberPattern = "X/{seq}"
	if err := s.UpdateProgram(ctx, p); data.ErrorKind(err) != data.KindConflict {
		t.Errorf("program form changing the pattern after issue: %v", err)
	}

	// A program numbered by the institution's default keeps it when the default changes later.
	q, eq := certProgram(t, s, "PTD-II", 1)
	s.SetProgramCertificateSettings(ctx, q.ID, "", 0)
	if _, err := s.issueEnrolments(ctx, q.ID, eq, date("2026-11-28")); err != nil {
		t.Fatal(err)
	}
	in, _ := s.Institution(ctx)
	old := in.NumberPattern
	in.NumberPattern = "NEW/{seq}"
	if err := s.SaveInstitution(ctx, in); err != nil {
		t.Fatal(err)
	}
	q, _ = s.ProgramByCode(ctx, "PTD-II")
	if got, _ := s.NumberPatternOf(ctx, q); string(got) != old {
		t.Errorf("after the default changed the program numbers by %q, want its own %q", got, old)
	}
}

func TestIssueRefusedForCancelledProgram(t *testing.T) {
	s := mustOpen(t, tempDB(t))
	ctx := context.Background()
	p, e := certProgram(t, s, "PTD-I", 1)
	p.Status = data.StatusCancelled
	if err := s.UpdateProgram(ctx, p); err != nil {
		t.Fatal(err)
	}
	_, err := s.issueEnrolments(ctx, p.ID, e, date("2026-11-28"))
	if data.ErrorKind(err) != data.KindConflict || !strings.Contains(err.Error(), "dibatalkan") {
		t.Errorf("issue for a cancelled program: %v", err)
	}
}

// TestRestoreOlderBackupLiftsCounter restores a backup made before numbers were printed: the counter file
// beside the database lifts the counter on open, so the next number is not one already handed out.
func TestRestoreOlderBackupLiftsCounter(t *testing.T) {
	ctx := context.Background()
	path := tempDB(t)
	s := mustOpen(t, path)
	p, e := certProgram(t, s, "PTD-I", 4)
	if _, err := s.issueEnrolments(ctx, p.ID, e[:1], date("2026-11-28")); err != nil {
		t.Fatal(err)
	}
	atBackup := map[string]bool{}
	for _, n := range numbers(t, s, p.ID) {
		atBackup[n] = true
	}
	backup := filepath.Join(t.TempDir(), "lama.db")
	if err := s.Backup(ctx, backup); err != nil {
		t.Fatal(err)
	}
	if _, err := s.issueEnrolments(ctx, p.ID, e[1:3], date("2026-11-28")); err != nil {
		t.Fatal(err)
	}
	printed := numbers(t, s, p.ID)
	s.Close()
	if b, err := os.ReadFile(CounterFile(path)); err != nil || !strings.Contains(string(b), `"terakhir": 3`) {
		t.Fatalf("counter file: %s, %v", b, err)
	}

	r, _, err := RestoreAndOpen(ctx, backup, path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if len(r.CounterLifts) != 1 || r.CounterLifts[0].From != 1 || r.CounterLifts[0].To != 3 {
		t.Fatalf("lifts = %+v", r.CounterLifts)
	}
	if msg := r.CounterLifts[0].Message(); !strings.Contains(msg, "dinaikkan dari 1 ke 3") {
		t.Errorf("message %q", msg)
	}
	if _, err := r.issueEnrolments(ctx, p.ID, e, date("2026-11-28")); err != nil {
		t.Fatal(err)
	}
	got := numbers(t, r, p.ID)
	for _, n := range got {
		for _, old := range printed {
			if n == old && !atBackup[old] { // printed after the backup: gone from the register, never given again
				t.Errorf("number %s given again after the restore (register %v)", n, got)
			}
		}
	}
	if len(got) != 4 {
		t.Errorf("register after the restore %v", got)
	}
	// Opening again lifts nothing more.
	r.Close()
	again := mustOpen(t, path)
	if len(again.CounterLifts) != 0 {
		t.Errorf("second open lifted %+v", again.CounterLifts)
	}

	// A damaged counter file does not stop the database from opening; it is said.
	again.Close()
	os.WriteFile(CounterFile(path), []byte("{rusak"), 0o644)
	damaged := mustOpen(t, path)
	if !strings.Contains(damaged.CounterNotice, "tidak terbaca") {
		t.Errorf("notice %q", damaged.CounterNotice)
	}
}

// TestMoveTakesCounterFile: moving the database takes its counter file along.
func TestMoveTakesCounterFile(t *testing.T) {
	ctx := context.Background()
	path := tempDB(t)
	s := mustOpen(t, path)
	p, e := certProgram(t, s, "PTD-I", 1)
	if _, err := s.issueEnrolments(ctx, p.ID, e, date("2026-11-28")); err != nil {
		t.Fatal(err)
	}
	dest := filepath.Join(t.TempDir(), "pindah.db")
	moved, err := Move(ctx, s, dest)
	if err != nil {
		t.Fatal(err)
	}
	defer moved.Close()
	if b, err := os.ReadFile(CounterFile(dest)); err != nil || !strings.Contains(string(b), `"terakhir": 1`) {
		t.Errorf("counter file at the new place: %s, %v", b, err)
	}
	if _, err := os.Stat(CounterFile(path)); !os.IsNotExist(err) {
		t.Errorf("the old counter file is left behind: %v", err)
	}
}

// TestBackupOpenedDirectlyLiftsCounter opens an older backup itself (Berkas > Buka basis data on a file in
// the backup folder) rather than restoring it: no counter file lies beside it, but the user's counter file of
// its signing key knows the numbers printed since, so they are not given again.
func TestBackupOpenedDirectlyLiftsCounter(t *testing.T) {
	ctx := context.Background()
	folder := filepath.Join(t.TempDir(), "nomor")
	path := tempDB(t)
	s, err := OpenWith(path, Options{CounterFolder: folder})
	if err != nil {
		t.Fatal(err)
	}
	p, e := certProgram(t, s, "PTD-I", 4)
	if _, err := s.issueEnrolments(ctx, p.ID, e[:1], date("2026-11-28")); err != nil {
		t.Fatal(err)
	}
	backup := filepath.Join(t.TempDir(), "cadangan.db")
	if err := s.Backup(ctx, backup); err != nil {
		t.Fatal(err)
	}
	if _, err := s.issueEnrolments(ctx, p.ID, e[1:3], date("2026-11-28")); err != nil {
		t.Fatal(err)
	}
	s.Close()

	old, err := OpenWith(backup, Options{CounterFolder: folder})
	if err != nil {
		t.Fatal(err)
	}
	defer old.Close()
	if len(old.CounterLifts) != 1 || old.CounterLifts[0].From != 1 || old.CounterLifts[0].To != 3 {
		t.Fatalf("lifts on opening the backup = %+v", old.CounterLifts)
	}
	if _, err := old.issueEnrolments(ctx, p.ID, e[1:2], date("2026-11-28")); err != nil {
		t.Fatal(err)
	}
	if got := numbers(t, old, p.ID); len(got) != 2 || !slices.Contains(got, "800/004/DISDIK/XI/2026") {
		t.Errorf("register of the backup after a new issue %v, want 800/001 and 800/004/DISDIK/XI/2026", got)
	}
	// The numbers the backup gave are known to the original too, through the same folder.
	again, err := OpenWith(path, Options{CounterFolder: folder})
	if err != nil {
		t.Fatal(err)
	}
	defer again.Close()
	if len(again.CounterLifts) != 1 || again.CounterLifts[0].To != 4 {
		t.Errorf("lifts on opening the original after the backup issued = %+v", again.CounterLifts)
	}
}

// TestOpenTeachesTheCounterFolder: a database that issued numbers without the folder (an older Pembina, or
// the command line with another user's folder) records them there the first time it is opened with it, so
// that an older backup opened directly afterwards is lifted too, even one taken before the first certificate
// (the database has its signing key from the start).
func TestOpenTeachesTheCounterFolder(t *testing.T) {
	ctx := context.Background()
	path := tempDB(t)
	s := mustOpen(t, path)
	p, e := certProgram(t, s, "PTD-I", 3)
	backup := filepath.Join(t.TempDir(), "cadangan.db")
	if err := s.Backup(ctx, backup); err != nil {
		t.Fatal(err)
	}
	if _, err := s.issueEnrolments(ctx, p.ID, e[:2], date("2026-11-28")); err != nil {
		t.Fatal(err)
	}
	s.Close()
	folder := t.TempDir()
	taught, err := OpenWith(path, Options{CounterFolder: folder})
	if err != nil {
		t.Fatal(err)
	}
	taught.Close()
	old, err := OpenWith(backup, Options{CounterFolder: folder})
	if err != nil {
		t.Fatal(err)
	}
	defer old.Close()
	if len(old.CounterLifts) != 1 || old.CounterLifts[0].From != 0 || old.CounterLifts[0].To != 2 {
		t.Errorf("lifts on opening the backup = %+v", old.CounterLifts)
	}
	// A database that issued nothing writes nothing into the folder.
	empty, err := OpenWith(tempDB(t), Options{CounterFolder: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer empty.Close()
	if files, _ := os.ReadDir(empty.Options().CounterFolder); len(files) != 0 {
		t.Errorf("an empty database wrote %d files into the counter folder", len(files))
	}
}

// TestLetterCounterLiftNamesLetters: a lifted letter counter is told as the letter counter with the pattern
// Pengaturan shows, not as a certificate counter carrying the internal "surat:" mark.
func TestLetterCounterLiftNamesLetters(t *testing.T) {
	l := CounterLift{Prefix: letterCounterPrefix + "800/{seq:03}/{month_roman}/{year}", Year: 2026, From: 0, To: 30}
	msg := l.Message()
	if !strings.HasPrefix(msg, "Penghitung nomor surat 800/{seq:03}/{month_roman}/{year} tahun 2026 dinaikkan dari 0 ke 30") ||
		strings.Contains(msg, "surat:") || strings.Contains(msg, "sertifikat") {
		t.Errorf("letter lift: %s", msg)
	}
	c := CounterLift{Prefix: "SERT/{seq:03}/EPA-I/2026", Year: 2026, From: 0, To: 35}
	if !strings.HasPrefix(c.Message(), "Penghitung nomor sertifikat SERT/{seq:03}/EPA-I/2026 tahun 2026") {
		t.Errorf("certificate lift: %s", c.Message())
	}
}
