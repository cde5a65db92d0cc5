package store

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/pembina/pembina/data"
)

// certProgram makes a program with n participants named so that their order by name is known: the
// participant made i-th (from 0) is called "Peserta <letter>" with letters running backwards, so creation
// order and name order differ.
func certProgram(t *testing.T, s *Store, code string, n int) (*data.Program, []int64) {
	t.Helper()
	ctx := context.Background()
	p := sampleProgram(code)
	p.NumberPattern = "800/{seq:03}/DISDIK/{month_roman}/{year}"
	if err := s.CreateProgram(ctx, p); err != nil {
		t.Fatal(err)
	}
	var enrolments []int64
	for i := 0; i < n; i++ {
		person := &data.Participant{Name: fmt.Sprintf("Peserta %s %03d", code, n-i), EmploymentStatus: "Non-ASN"}
		if err := s.CreateParticipant(ctx, person); err != nil {
			t.Fatal(err)
		}
		e, err := s.Enrol(ctx, p.ID, person.ID, data.RoleParticipant)
		if err != nil {
			t.Fatal(err)
		}
		enrolments = append(enrolments, e.ID)
	}
	return p, enrolments
}

func TestIssueCertificatesNumbersByNameOnce(t *testing.T) {
	s := mustOpen(t, tempDB(t))
	ctx := context.Background()
	p, enrolments := certProgram(t, s, "PTD-I", 5)
	day := date("2026-11-28")
	res, err := s.issueEnrolments(ctx, p.ID, enrolments[:3], day)
	if err != nil || res.Issued != 3 {
		t.Fatalf("issue = %+v, %v", res, err)
	}
	certs, _ := s.Certificates(ctx, p.ID)
	want := map[string]string{"Peserta PTD-I 003": "800/001/DISDIK/XI/2026", "Peserta PTD-I 004": "800/002/DISDIK/XI/2026",
		"Peserta PTD-I 005": "800/003/DISDIK/XI/2026"}
	for _, c := range certs {
		if want[c.HolderName] != c.Number {
			t.Errorf("%s got %s, want %s (numbers follow the names)", c.HolderName, c.Number, want[c.HolderName])
		}
		if !strings.HasPrefix(c.Payload, data.PayloadFormat+"|"+c.Number+"|#") {
			t.Errorf("payload %q", c.Payload)
		}
	}
	// Issuing again (a reprint) keeps every number and gives the rest the next ones.
	res, err = s.issueEnrolments(ctx, p.ID, enrolments, day)
	if err != nil || res.Issued != 2 || res.Already != 3 {
		t.Fatalf("second issue = %+v, %v", res, err)
	}
	again, _ := s.Certificates(ctx, p.ID)
	for _, c := range again {
		if w, ok := want[c.HolderName]; ok && c.Number != w {
			t.Errorf("reprint changed %s's number to %s", c.HolderName, c.Number)
		}
	}
	if again[0].Number != "800/004/DISDIK/XI/2026" || again[1].Number != "800/005/DISDIK/XI/2026" {
		t.Errorf("new numbers %s, %s", again[0].Number, again[1].Number)
	}

	// Revoking keeps the number; a revoked number is never given again.
	if err := s.RevokeCertificate(ctx, again[0].ID, "  "); data.ErrorKind(err) != data.KindInvalid {
		t.Errorf("revoking without a reason: %v", err)
	}
	if err := s.RevokeCertificate(ctx, again[0].ID, "Peserta ternyata tidak hadir"); err != nil {
		t.Fatal(err)
	}
	if err := s.RevokeCertificate(ctx, again[0].ID, "lagi"); data.ErrorKind(err) != data.KindConflict {
		t.Errorf("revoking twice: %v", err)
	}
	other, more := certProgram(t, s, "PTD-II", 1)
	if _, err := s.issueEnrolments(ctx, other.ID, more, day); err != nil {
		t.Fatal(err)
	}
	c2, _ := s.Certificates(ctx, other.ID)
	if c2[0].Number != "800/006/DISDIK/XI/2026" {
		t.Errorf("a second program with the same pattern got %s, want 800/006/…", c2[0].Number)
	}
	revoked, _ := s.Certificate(ctx, again[0].ID)
	if !revoked.Revoked || revoked.Number != "800/004/DISDIK/XI/2026" || revoked.RevokedReason != "Peserta ternyata tidak hadir" {
		t.Errorf("revoked = %+v", revoked)
	}

	// A new year starts the counter again.
	_, later := certProgram(t, s, "PTD-III", 1)
	p3, _ := s.ProgramByCode(ctx, "PTD-III")
	if _, err := s.issueEnrolments(ctx, p3.ID, later, date("2027-01-05")); err != nil {
		t.Fatal(err)
	}
	c3, _ := s.Certificates(ctx, p3.ID)
	if c3[0].Number != "800/001/DISDIK/I/2027" {
		t.Errorf("first number of 2027 = %s", c3[0].Number)
	}
	if n, _ := s.NextCertificateNumber(ctx, p3, date("2027-02-01")); n != "800/002/DISDIK/II/2027" {
		t.Errorf("next number = %s", n)
	}

	// An enrolment of another program is refused, nothing is written.
	if _, err := s.issueEnrolments(ctx, p.ID, []int64{later[0]}, day); data.ErrorKind(err) != data.KindInvalid {
		t.Errorf("foreign enrolment: %v", err)
	}
}

func TestIssueSkipsNumberAnotherPatternTook(t *testing.T) {
	s := mustOpen(t, tempDB(t))
	ctx := context.Background()
	a, ea := certProgram(t, s, "A", 1)
	b, eb := certProgram(t, s, "B", 2)
	s.SetProgramCertificateSettings(ctx, a.ID, "{seq}/X", 0)
	s.SetProgramCertificateSettings(ctx, b.ID, "{seq:01}/X", 0) // another pattern producing the same strings
	day := date("2026-11-28")
	if _, err := s.issueEnrolments(ctx, a.ID, ea, day); err != nil {
		t.Fatal(err)
	}
	if _, err := s.issueEnrolments(ctx, b.ID, eb, day); err != nil {
		t.Fatal(err)
	}
	certs, _ := s.Certificates(ctx, b.ID)
	if certs[0].Number != "2/X" || certs[1].Number != "3/X" {
		t.Errorf("numbers %s, %s: 1/X is taken and must be skipped", certs[0].Number, certs[1].Number)
	}
}

func TestIssueRefusesPatternWithoutSeq(t *testing.T) {
	s := mustOpen(t, tempDB(t))
	ctx := context.Background()
	p, e := certProgram(t, s, "A", 1)
	if err := s.SetProgramCertificateSettings(ctx, p.ID, "800/DISDIK/2026", 0); err == nil || !strings.Contains(err.Error(), "{seq}") {
		t.Errorf("saving a pattern without {seq}: %v", err)
	}
	s.db.Exec("UPDATE program SET number_pattern = '800/DISDIK/{year}' WHERE id = ?", p.ID) // as an older version could have stored
	if _, err := s.issueEnrolments(ctx, p.ID, e, date("2026-11-28")); err == nil || !strings.Contains(err.Error(), "{seq}") {
		t.Errorf("issuing with a pattern without {seq}: %v", err)
	}
	if certs, _ := s.Certificates(ctx, p.ID); len(certs) != 0 {
		t.Errorf("%d certificates written", len(certs))
	}
}

// TestIssueConcurrently issues from several goroutines at once, for programs sharing one pattern and for the
// same program twice: no number is given twice, none is skipped, each enrolment has one certificate.
func TestIssueConcurrently(t *testing.T) {
	s := mustOpen(t, tempDB(t))
	ctx := context.Background()
	const programs, each = 6, 15
	type job struct {
		id         int64
		enrolments []int64
	}
	var jobs []job
	for i := 0; i < programs; i++ {
		p, e := certProgram(t, s, fmt.Sprintf("P%d", i), each)
		jobs = append(jobs, job{p.ID, e})
	}
	day := date("2026-11-28")
	var wg sync.WaitGroup
	errs := make(chan error, programs*3)
	for round := 0; round < 3; round++ {
		for _, j := range jobs {
			wg.Add(1)
			go func(j job, round int) {
				defer wg.Done()
				// Each program is issued three times at once, in halves and whole.
				ids := j.enrolments
				if round == 0 {
					ids = ids[:each/2]
				}
				if _, err := s.issueEnrolments(ctx, j.id, ids, day); err != nil {
					errs <- err
				}
			}(j, round)
		}
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	seen := map[string]bool{}
	seqs := map[int]bool{}
	total := 0
	for _, j := range jobs {
		certs, err := s.Certificates(ctx, j.id)
		if err != nil {
			t.Fatal(err)
		}
		if len(certs) != each {
			t.Errorf("program %d has %d certificates, want %d", j.id, len(certs), each)
		}
		for _, c := range certs {
			if seen[c.Number] {
				t.Errorf("number %s given twice", c.Number)
			}
			seen[c.Number] = true
			seqs[c.Seq] = true
			total++
		}
	}
	for i := 1; i <= total; i++ {
		if !seqs[i] {
			t.Errorf("sequence %d skipped", i)
		}
	}
}

func TestCorrectNameKeepsNumberAndRecordsChange(t *testing.T) {
	s := mustOpen(t, tempDB(t))
	ctx := context.Background()
	p, e := certProgram(t, s, "A", 2)
	if _, err := s.issueEnrolments(ctx, p.ID, e, date("2026-11-28")); err != nil {
		t.Fatal(err)
	}
	certs, _ := s.Certificates(ctx, p.ID)
	c := certs[0]
	s.SaveCertificateQR(ctx, map[int64]CertificateQR{c.ID: {Payload: c.Payload, Modules: []byte{1, 2, 3}}})
	if got, _ := s.Certificate(ctx, c.ID); len(got.QR) != 3 {
		t.Fatalf("QR not kept: %v", got.QR)
	}
	old := c.Payload
	if err := s.CorrectCertificateName(ctx, c.ID, "Drs. Peserta A 002, M.Si.", ""); data.ErrorKind(err) != data.KindInvalid {
		t.Errorf("correction without a reason: %v", err)
	}
	if err := s.CorrectCertificateName(ctx, c.ID, "Drs. Peserta A 002, M.Si.", "gelar belum ditulis"); err != nil {
		t.Fatal(err)
	}
	got, _ := s.Certificate(ctx, c.ID)
	if got.Number != c.Number || got.HolderName != "Drs. Peserta A 002, M.Si." || got.Payload == old || got.QR != nil {
		t.Errorf("after correction: number %s name %s, payload changed %v, QR %v", got.Number, got.HolderName, got.Payload != old, got.QR)
	}
	if v, _ := s.VerifyCertificate(ctx, got.Payload); v.Verdict != data.VerdictValid {
		t.Errorf("corrected certificate verifies as %s: %s", v.Verdict, v.Reason)
	}
	if v, _ := s.VerifyCertificate(ctx, old); v.Verdict != data.VerdictValid || len(v.Notes) == 0 {
		t.Errorf("the old print verifies as %s with notes %v, want valid with a note", v.Verdict, v.Notes)
	}
	changes, _ := s.CertificateChanges(ctx, p.ID)
	if len(changes) != 1 || changes[0].Old != c.HolderName || changes[0].Reason != "gelar belum ditulis" {
		t.Errorf("changes = %+v", changes)
	}
	if err := s.RevokeCertificate(ctx, c.ID, "terbit ganda"); err != nil {
		t.Fatal(err)
	}
	if v, _ := s.VerifyCertificate(ctx, got.Payload); v.Verdict != data.VerdictRevoked {
		t.Errorf("revoked certificate verifies as %s", v.Verdict)
	}
	if err := s.CorrectCertificateName(ctx, c.ID, "X", "y"); data.ErrorKind(err) != data.KindConflict {
		t.Errorf("correcting a revoked certificate: %v", err)
	}
}

func TestVerifyAcrossDatabases(t *testing.T) {
	ctx := context.Background()
	ours, theirs := mustOpen(t, tempDB(t)), mustOpen(t, tempDB(t))
	p, e := certProgram(t, theirs, "LAIN", 1)
	if _, err := theirs.issueEnrolments(ctx, p.ID, e, date("2026-11-28")); err != nil {
		t.Fatal(err)
	}
	certs, _ := theirs.Certificates(ctx, p.ID)
	// Our database holds the same number (both offices use the default pattern): still unknown here.
	q, f := certProgram(t, ours, "KAMI", 1)
	ours.issueEnrolments(ctx, q.ID, f, date("2026-11-28"))
	v, err := ours.VerifyCertificate(ctx, certs[0].Payload)
	if err != nil || v.Verdict != data.VerdictUnknown {
		t.Fatalf("another office's certificate: %v, %v", v, err)
	}
	pub, label, err := theirs.OwnPublicKey(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if label == "" {
		label = "Kantor lain"
	}
	if err := ours.TrustKey(ctx, pub, label); err != nil {
		t.Fatal(err)
	}
	if err := ours.TrustKey(ctx, pub, label); data.ErrorKind(err) != data.KindConflict {
		t.Errorf("trusting twice: %v", err)
	}
	own, _, _ := ours.OwnPublicKey(ctx)
	if err := ours.TrustKey(ctx, own, "kami"); data.ErrorKind(err) != data.KindConflict {
		t.Errorf("trusting our own key: %v", err)
	}
	if v, _ := ours.VerifyCertificate(ctx, certs[0].Payload); v.Verdict != data.VerdictValid || v.Signer != label {
		t.Errorf("after trusting: %s by %q (%s)", v.Verdict, v.Signer, v.Reason)
	}
	again, _, _ := theirs.OwnPublicKey(ctx)
	if !again.Equal(pub) {
		t.Error("the key pair changed between calls")
	}
}

func TestCertificateDesignRoundTrip(t *testing.T) {
	s := mustOpen(t, tempDB(t))
	ctx := context.Background()
	p := sampleProgram("D")
	s.CreateProgram(ctx, p)
	d, err := s.CertificateDesign(ctx, p.ID)
	if err != nil || d.Kind != "sertifikat" || d.Title != "SERTIFIKAT" || d.Orientation != "landscape" {
		t.Fatalf("default design = %+v, %v", d, err)
	}
	d.Kind, d.Title, d.Orientation, d.SubjectsPage, d.IssueDate = "sttp", "", "portrait", true, date("2026-12-01")
	if err := s.SaveCertificateDesign(ctx, d); err != nil {
		t.Fatal(err)
	}
	got, _ := s.CertificateDesign(ctx, p.ID)
	if got.Title != "SURAT TANDA TAMAT PELATIHAN" || got.Orientation != "portrait" || !got.SubjectsPage || !got.IssueDate.Equal(date("2026-12-01")) {
		t.Errorf("saved design = %+v", got)
	}
	got.Background = []byte("\x89PNG\r\n\x1a\nrusak")
	if err := s.SaveCertificateDesign(ctx, got); err == nil || !strings.Contains(err.Error(), "latar") {
		t.Errorf("corrupt background: %v", err)
	}
	got.Background, got.Body = nil, "Diberikan kepada {nama_lengkap}"
	if err := s.SaveCertificateDesign(ctx, got); err == nil || !strings.Contains(err.Error(), "{nama_lengkap}") {
		t.Errorf("unknown placeholder: %v", err)
	}
}

// TestCertificateIsASnapshot: correcting the person (a Non-ASN given a NIP, a name) and the program after issue
// changes neither the register's record nor its verification; a PBN1 text printed before role, predicate and
// issue date were signed keeps verifying.
func TestCertificateIsASnapshot(t *testing.T) {
	s := mustOpen(t, tempDB(t))
	ctx := context.Background()
	p, e := certProgram(t, s, "PTD-I", 2)
	if _, err := s.issueEnrolments(ctx, p.ID, e, date("2026-11-28")); err != nil {
		t.Fatal(err)
	}
	certs, _ := s.Certificates(ctx, p.ID)
	c := certs[0]
	if c.ProgramTitle != p.Title || c.JP != p.TotalJP || c.ProgramCode != "PTD-I" || c.NIP != "" || !strings.Contains(c.Payload, "|#") {
		t.Fatalf("snapshot at issue %+v", c)
	}
	person, _ := s.Participant(ctx, c.ParticipantID)
	person.NIP, person.EmploymentStatus, person.Name = "199001012020121001", "PNS", "Nama Baru"
	if err := s.UpdateParticipant(ctx, person); err != nil {
		t.Fatal(err)
	}
	p, _ = s.ProgramByCode(ctx, "PTD-I")
	p.Title, p.TotalJP = "Judul Dikoreksi", p.TotalJP+6
	if err := s.UpdateProgram(ctx, p); err != nil {
		t.Fatal(err)
	}
	after, _ := s.Certificate(ctx, c.ID)
	if after.NIP != "" || after.HolderName != c.HolderName || after.ProgramTitle != c.ProgramTitle || after.JP != c.JP {
		t.Errorf("the record changed with the person or the program: %+v", after)
	}
	if v := data.CertificateValues(p, after); v["program"] != c.ProgramTitle || !strings.HasPrefix(v["jp"], fmt.Sprint(c.JP)) {
		t.Errorf("a reprint would show %q, %q", v["program"], v["jp"])
	}
	if v, err := s.VerifyCertificate(ctx, c.Payload); err != nil || v.Verdict != data.VerdictValid {
		t.Errorf("after the corrections: %v (%v)", v, err)
	}

	// Issued again: the new NIP, title and JP; the number stays, and the first copy still verifies.
	res, err := s.ReissueCertificate(ctx, c.ID, "NIP diberikan setelah diangkat PNS")
	// name, NIP, the birth date the NIP gives, title and JP
	if err != nil || res.Number != c.Number || len(res.Changes) != 5 || res.Changes[1].String() != "NIP: – → 199001012020121001" {
		t.Fatalf("reissue = %+v, %v", res, err)
	}
	again, _ := s.Certificate(ctx, c.ID)
	if again.NIP != person.NIP || again.ProgramTitle != "Judul Dikoreksi" || again.Number != c.Number || again.Payload == c.Payload {
		t.Errorf("after reissue %+v", again)
	}
	for _, text := range []string{c.Payload, again.Payload} {
		if v, _ := s.VerifyCertificate(ctx, text); v.Verdict != data.VerdictValid {
			t.Errorf("%s: %s (%s)", text[:40], v.Verdict, v.Reason)
		}
	}
	if _, err := s.ReissueCertificate(ctx, c.ID, " "); data.ErrorKind(err) != data.KindInvalid {
		t.Errorf("reissue without a reason: %v", err)
	}

	// A certificate printed by an older version carries a PBN1 text: it still verifies.
	other := certs[1]
	key, err := signingKeyTx(ctx, s.db)
	if err != nil {
		t.Fatal(err)
	}
	old := data.ClaimOf(p, other)
	old.Format = "PBN1"
	v1 := data.SignClaim(old, key)
	if _, err := s.db.Exec("UPDATE certificate SET payload = ? WHERE id = ?", v1, other.ID); err != nil {
		t.Fatal(err)
	}
	if v, _ := s.VerifyCertificate(ctx, v1); v.Verdict != data.VerdictValid || !strings.HasPrefix(v1, "PBN1|") {
		t.Errorf("PBN1 text: %s (%s)", v.Verdict, v.Reason)
	}
}
