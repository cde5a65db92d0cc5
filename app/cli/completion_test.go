package cli

import (
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/pembina/pembina/app/report"
	"github.com/pembina/pembina/data"
	"github.com/pembina/pembina/data/sample/sampletest"
	"github.com/pembina/pembina/data/store"
)

// workbookJP writes the year's leadership workbook with the command line and returns each person's JP on the
// JP Pegawai sheet by NIP (and name, for people without one), with the number of SIASN rows.
func workbookJP(t *testing.T, db, year string) (map[string]string, int) {
	t.Helper()
	out := filepath.Join(t.TempDir(), "pimpinan.xlsx")
	if code, _, errOut := pembina(t, "--db", db, "workbook", "--year", year, "--out", out); code != 0 {
		t.Fatalf("workbook: %s", errOut)
	}
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(report.SheetJP)
	if err != nil {
		t.Fatal(err)
	}
	jp := map[string]string{}
	for _, r := range rows[1:] {
		if len(r) > 5 {
			jp[r[0]+"|"+r[1]] = r[5]
		}
	}
	siasn, err := f.GetRows(report.SheetSIASN)
	if err != nil {
		t.Fatal(err)
	}
	return jp, len(siasn) - 1
}

// A program left "Berjalan" after its last session still earns its JP: the workbook's JP Pegawai and SIASN
// sheets say the same as when it was marked Selesai, and the history of one of its people too.
func TestScenarioProgramLeftRunning(t *testing.T) {
	db := filepath.Join(t.TempDir(), "demo.db")
	sampletest.CopyTo(t, db, time.Time{})
	s := openStore(t, db)
	p, err := s.ProgramByCode(ctxT(), sampleCode(t, db, "SKK-I"))
	if err != nil || p.Status != data.StatusFinished || !p.EndDate.Before(data.Day(time.Now())) {
		t.Fatalf("the sample's SKK-I is not a finished program that ended: %+v %v", p, err)
	}
	year := strconv.Itoa(p.EndDate.Year()) // a program counts in the year it ends
	before, siasnBefore := workbookJP(t, db, year)
	if err := s.SetProgramStatus(ctxT(), p.ID, data.StatusRunning); err != nil {
		t.Fatal(err)
	}
	o, err := s.Outcomes(ctxT(), storeScope(p.ID), data.Day(time.Now()))
	if err != nil {
		t.Fatal(err)
	}
	completed := 0
	var person int64
	for _, eo := range o.Enrolments {
		if eo.Completed() {
			completed++
			person = eo.Enrolment.ParticipantID
		}
	}
	if completed == 0 {
		s.Close()
		t.Fatal("nobody completed SKK-I: the scenario proves nothing")
	}
	// The person's history counts the program's JP too.
	history, err := s.ParticipantHistory(ctxT(), person, data.Day(time.Now()))
	s.Close()
	if err != nil {
		t.Fatal(err)
	}
	counted := false
	for _, r := range history {
		if r.ProgramID == p.ID {
			counted = r.EarnedJP() == p.TotalJP
		}
	}
	if !counted {
		t.Errorf("the history of a person who completed %s left running does not count its %d JP: %+v", p.Code, p.TotalJP, history)
	}

	after, siasnAfter := workbookJP(t, db, year)
	if siasnAfter != siasnBefore || len(after) != len(before) {
		t.Errorf("SIASN rows %d → %d, people %d → %d", siasnBefore, siasnAfter, len(before), len(after))
	}
	for k, v := range before {
		if after[k] != v {
			t.Errorf("%s: %s JP when finished, %s when left running", k, v, after[k])
		}
	}

	// Cancelled, its JP go.
	s = openStore(t, db)
	if err := s.SetProgramStatus(ctxT(), p.ID, data.StatusCancelled); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if _, siasn := workbookJP(t, db, year); siasn != siasnBefore-completed {
		t.Errorf("cancelled: %d SIASN rows, want %d", siasn, siasnBefore-completed)
	}
	code, _, errOut := pembina(t, "--db", db, "certificates", "--program", p.Code, "--out", filepath.Join(t.TempDir(), "x.pdf"))
	if code != 1 || !strings.Contains(errOut, "dibatalkan") {
		t.Errorf("certificates of a cancelled program = %d, %q", code, errOut)
	}
}

// A session of today that nobody has been marked for holds certificates back, the message naming it; the
// coordinator's reason with --allow-unmarked issues them anyway.
func TestScenarioTodayUnmarked(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "demo.db")
	sampletest.CopyTo(t, db, time.Time{})
	s := openStore(t, db)
	p, err := s.ProgramByCode(ctxT(), sampleCode(t, db, "WMP-I"))
	if err != nil {
		t.Fatal(err)
	}
	if certs, _ := s.Certificates(ctxT(), p.ID); len(certs) != 0 {
		t.Fatalf("WMP-I already has %d certificates", len(certs))
	}
	x := &data.Session{ProgramID: p.ID, Date: data.Day(time.Now()), Start: "13:00", End: "15:00", TimeZone: "WIB", Topic: "Penutupan dan Rencana Tindak Lanjut", JP: 2}
	if err := s.CreateSession(ctxT(), x); err != nil {
		t.Fatal(err)
	}
	s.Close()

	pdf := filepath.Join(dir, "wmp.pdf")
	code, _, errOut := pembina(t, "--db", db, "certificates", "--program", p.Code, "--out", pdf)
	if code != 1 || strings.Count(errOut, "\n") != 1 || !strings.Contains(errOut, "belum diisi untuk sesi "+strconv.Itoa(x.Number)+" (") ||
		!strings.Contains(errOut, "Penutupan dan Rencana Tindak Lanjut") || !strings.Contains(errOut, "--allow-unmarked") {
		t.Fatalf("certificates with today's session unmarked = %d, %q", code, errOut)
	}
	s = openStore(t, db)
	if certs, _ := s.Certificates(ctxT(), p.ID); len(certs) != 0 {
		t.Errorf("%d numbers given although refused", len(certs))
	}
	s.Close()

	code, out, errOut := pembina(t, "--db", db, "certificates", "--program", p.Code, "--out", pdf,
		"--allow-unmarked", "Sesi penutupan tanpa daftar hadir; disetujui Kepala Bidang")
	if code != 0 || !strings.Contains(out, "sertifikat dicetak") {
		t.Fatalf("with --allow-unmarked = %d\n%s%s", code, out, errOut)
	}
	s = openStore(t, db)
	defer s.Close()
	certs, _ := s.Certificates(ctxT(), p.ID)
	if len(certs) == 0 {
		t.Fatal("no certificate issued with --allow-unmarked")
	}
	// The reason stays with every number it gave, in the register's history.
	changes, err := s.CertificateChanges(ctxT(), p.ID)
	if err != nil {
		t.Fatal(err)
	}
	noted := map[string]bool{}
	for _, ch := range changes {
		if ch.Field == store.IssuedUnmarked && strings.Contains(ch.Reason, "disetujui Kepala Bidang") &&
			strings.Contains(ch.New, "Penutupan dan Rencana Tindak Lanjut") {
			noted[ch.Number] = true
		}
	}
	for _, c := range certs {
		if !noted[c.Number] {
			t.Errorf("certificate %s has no record of being issued with attendance unentered (history %+v)", c.Number, changes)
		}
	}
}

func storeScope(programID int64) store.Scope { return store.Scope{ProgramID: programID} }
