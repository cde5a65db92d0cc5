package store

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/pembina/pembina/data"
)

// issueEnrolments numbers the given enrolments of a program on day with issueTx, in one transaction, without
// deciding eligibility: the numbering tests choose whom to number. IssueCertificates is the operation the
// program offers.
func (s *Store) issueEnrolments(ctx context.Context, programID int64, enrolmentIDs []int64, day time.Time, notes ...IssueNote) (IssueResult, error) {
	var res IssueResult
	err := s.tx(ctx, func(tx *sql.Tx) error {
		p, err := programTx(ctx, tx, programID)
		if err != nil {
			return err
		}
		res, err = issueTx(ctx, tx, p, enrolmentIDs, day, notes)
		return err
	})
	if err == nil && res.Issued > 0 {
		res.Warning = s.counterWarning(ctx)
	}
	return res, err
}

// TestIssueCertificatesDecidesEligibility issues as the window and the command line do: who is eligible is
// decided in the issuing transaction, a session without attendance holds the issue back unless the coordinator
// gives a reason (kept in each certificate's history), a revoked certificate is not replaced, and a second
// issue gives no number.
func TestIssueCertificatesDecidesEligibility(t *testing.T) {
	s := mustOpen(t, tempDB(t))
	ctx := context.Background()
	p, enrolments := certProgram(t, s, "ISSUE-1", 4)
	var sessions []*data.Session
	for _, d := range []string{"2026-11-03", "2026-11-04"} {
		x := &data.Session{ProgramID: p.ID, Date: date(d), Start: "08:00", End: "16:00", TimeZone: "WIB", JP: 8}
		if err := s.CreateSession(ctx, x); err != nil {
			t.Fatal(err)
		}
		sessions = append(sessions, x)
	}
	mark := func(x *data.Session, e int64, st data.AttendanceStatus) {
		t.Helper()
		if err := s.SetMark(ctx, &data.Mark{SessionID: x.ID, EnrolmentID: e, Status: st}); err != nil {
			t.Fatal(err)
		}
	}
	// Enrolments 0 to 2 were present on the first day, 3 absent; nobody is marked for the second day yet.
	for i, e := range enrolments {
		st := data.Present
		if i == 3 {
			st = data.Absent
		}
		mark(sessions[0], e, st)
	}
	today := date("2026-11-06")
	if _, err := s.IssueCertificates(ctx, p.ID, IssueOptions{Today: today}); !errors.Is(err, ErrUnentered) {
		t.Fatalf("issuing with a session not entered: %v", err)
	}
	if n := countCertificates(t, s, p.ID); n != 0 {
		t.Fatalf("%d certificates after a refusal", n)
	}
	got, err := s.IssueCertificates(ctx, p.ID, IssueOptions{Today: today, AllowUnmarked: "daftar hadir hilang"})
	if err != nil {
		t.Fatal(err)
	}
	if got.Issued != 3 || len(got.Certificates) != 3 || got.Program.ID != p.ID || got.Design == nil || got.Institution == nil {
		t.Fatalf("issued %d, batch of %d: %+v", got.Issued, len(got.Certificates), got.IssueResult)
	}
	for _, c := range got.Certificates {
		if c.EnrolmentID == enrolments[3] {
			t.Errorf("the absent participant got %s", c.Number)
		}
	}
	changes, err := s.CertificateChanges(ctx, p.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(changes) != 3 || changes[0].Field != IssuedUnmarked || changes[0].Reason != "daftar hadir hilang" {
		t.Errorf("history: %+v", changes)
	}
	if err := s.RevokeCertificate(ctx, got.Certificates[0].ID, "salah orang"); err != nil {
		t.Fatal(err)
	}
	mark(sessions[1], enrolments[0], data.Present)
	again, err := s.IssueCertificates(ctx, p.ID, IssueOptions{Today: today})
	if err != nil {
		t.Fatal(err)
	}
	if again.Issued != 0 || again.Already != 2 || len(again.Certificates) != 2 {
		t.Errorf("second issue: %+v, %d printed", again.IssueResult, len(again.Certificates))
	}
}

// TestIssueCertificatesRefusesEarlyAndEmpty: sessions still to come hold the issue back (also before the first
// session, when nobody is eligible yet), and a program where nobody is eligible says why instead of issuing
// nothing.
func TestIssueCertificatesRefusesEarlyAndEmpty(t *testing.T) {
	s := mustOpen(t, tempDB(t))
	ctx := context.Background()
	p, enrolments := certProgram(t, s, "ISSUE-2", 2)
	var sessions []*data.Session
	for _, d := range []string{"2026-11-03", "2026-11-05"} {
		x := &data.Session{ProgramID: p.ID, Date: date(d), Start: "08:00", End: "16:00", TimeZone: "WIB", JP: 8}
		if err := s.CreateSession(ctx, x); err != nil {
			t.Fatal(err)
		}
		sessions = append(sessions, x)
	}
	// Before the first session nobody is eligible: the refusal names the sessions to come, not the attendance.
	_, err := s.IssueCertificates(ctx, p.ID, IssueOptions{Today: date("2026-11-01")})
	if data.ErrorKind(err) != data.KindConflict || !strings.Contains(err.Error(), "2 sesi yang belum terlaksana") {
		t.Errorf("before the first session: %v", err)
	}
	for _, e := range enrolments {
		if err := s.SetMark(ctx, &data.Mark{SessionID: sessions[0].ID, EnrolmentID: e, Status: data.Present}); err != nil {
			t.Fatal(err)
		}
	}
	_, err = s.IssueCertificates(ctx, p.ID, IssueOptions{Today: date("2026-11-04")})
	if data.ErrorKind(err) != data.KindConflict || !strings.Contains(err.Error(), "1 sesi yang belum terlaksana") {
		t.Errorf("before the last session: %v", err)
	}
	for _, e := range enrolments {
		if err := s.SetMark(ctx, &data.Mark{SessionID: sessions[1].ID, EnrolmentID: e, Status: data.Absent}); err != nil {
			t.Fatal(err)
		}
	}
	_, err = s.IssueCertificates(ctx, p.ID, IssueOptions{Today: date("2026-11-06")})
	if data.ErrorKind(err) != data.KindInvalid || !strings.Contains(err.Error(), "Tidak ada peserta ISSUE-2 yang memenuhi syarat") {
		t.Errorf("nobody eligible: %v", err)
	}
	if n := countCertificates(t, s, p.ID); n != 0 {
		t.Errorf("%d certificates issued", n)
	}
}

func countCertificates(t *testing.T, s *Store, programID int64) int {
	t.Helper()
	certs, err := s.Certificates(context.Background(), programID)
	if err != nil {
		t.Fatal(err)
	}
	return len(certs)
}
