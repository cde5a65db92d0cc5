package cli

import (
	"bytes"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pembina/pembina/app/report"
	"github.com/pembina/pembina/data"
	"github.com/pembina/pembina/data/nip"
	"github.com/pembina/pembina/data/sample/sampletest"
)

// sampleCode is the code of the sample program whose code starts with prefix ("EPA-I"): the sample dates its
// programs around today and writes their start year into the code.
func sampleCode(t *testing.T, db, prefix string) string {
	t.Helper()
	status, out, errOut := pembina(t, "--db", db, "list", "programs")
	if status != 0 {
		t.Fatalf("list programs = %d: %s", status, errOut)
	}
	for _, l := range strings.Split(out, "\n") {
		if code, _, _ := strings.Cut(l, "\t"); strings.HasPrefix(code, prefix+"/") {
			return code
		}
	}
	t.Fatalf("the sample has no program %s", prefix)
	return ""
}

// registerNumbers lists a program's certificate numbers with the command line.
func registerNumbers(t *testing.T, db, code string) []string {
	t.Helper()
	status, out, errOut := pembina(t, "--db", db, "list", "certificates", "--program", code)
	if status != 0 {
		t.Fatalf("list certificates %s = %d: %s", code, status, errOut)
	}
	var numbers []string
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		if l != "" {
			numbers = append(numbers, strings.Split(l, "\t")[0])
		}
	}
	return numbers
}

func printCertificates(t *testing.T, db, code string) {
	t.Helper()
	out := filepath.Join(t.TempDir(), "sertifikat.pdf")
	if status, stdout, errOut := pembina(t, "--db", db, "certificates", "--program", code, "--out", out); status != 0 {
		t.Fatalf("certificates %s = %d\n%s%s", code, status, stdout, errOut)
	}
}

// TestScenarioProgramCodeInPattern: two programs under a pattern with {program} each start at 001.
func TestScenarioProgramCodeInPattern(t *testing.T) {
	db := sampletest.Path(t, time.Time{})
	codes := []string{sampleCode(t, db, "EPA-I"), sampleCode(t, db, "WMP-I")}
	s := openStore(t, db)
	for _, code := range codes {
		p, err := s.ProgramByCode(ctxT(), code)
		if err != nil {
			t.Fatal(err)
		}
		if err := s.SetProgramCertificateSettings(ctxT(), p.ID, "SERT/{seq:03}/{program}", 0); err != nil {
			t.Fatal(err)
		}
	}
	s.Close()
	for _, code := range codes {
		printCertificates(t, db, code)
		numbers := registerNumbers(t, db, code)
		seen := map[string]bool{}
		for _, n := range numbers {
			seen[n] = true
		}
		if len(numbers) == 0 || !seen["SERT/001/"+code] || !seen["SERT/002/"+code] {
			t.Errorf("%s numbered %v; want SERT/001/%s, SERT/002/%s, …", code, numbers, code, code)
		}
	}
}

// TestScenarioRestoreOlderBackupThenIssue: numbers printed after a backup are never given again once that
// backup is restored; restore says the counter was lifted.
func TestScenarioRestoreOlderBackupThenIssue(t *testing.T) {
	db := sampletest.Path(t, time.Time{})
	epa, wmp := sampleCode(t, db, "EPA-I"), sampleCode(t, db, "WMP-I")
	backup := filepath.Join(t.TempDir(), "cadangan-lama.db")
	if status, _, errOut := pembina(t, "--db", db, "backup", backup); status != 0 {
		t.Fatal(errOut)
	}
	printCertificates(t, db, epa)
	printed := registerNumbers(t, db, epa)
	if len(printed) == 0 {
		t.Fatal("no certificate printed")
	}
	status, out, errOut := pembina(t, "--db", db, "restore", backup)
	if status != 0 || !strings.Contains(out, "dinaikkan") {
		t.Fatalf("restore = %d, want a line saying the counter was lifted\n%s%s", status, out, errOut)
	}
	if got := registerNumbers(t, db, epa); len(got) != 0 {
		t.Fatalf("the older backup has %d certificates of EPA-I", len(got))
	}
	printCertificates(t, db, wmp)
	printCertificates(t, db, epa)
	old := map[string]bool{}
	for _, n := range printed {
		old[n] = true
	}
	for _, code := range []string{wmp, epa} {
		for _, n := range registerNumbers(t, db, code) {
			if old[n] {
				t.Errorf("%s got %s, a number printed before the restore", code, n)
			}
		}
	}
}

// TestScenarioOlderBackupOpenedDirectly: a coordinator opens an older backup file itself instead of restoring
// it. No counter file lies beside the backup, but the user's counter folder knows what the office's key
// issued since, so the backup's next numbers are new ones and opening it says the counter was lifted.
func TestScenarioOlderBackupOpenedDirectly(t *testing.T) {
	db := sampletest.Path(t, time.Time{})
	epa, wmp := sampleCode(t, db, "EPA-I"), sampleCode(t, db, "WMP-I")
	folder := filepath.Join(t.TempDir(), "nomor")
	run := func(args ...string) (int, string, string) {
		var out, errOut bytes.Buffer
		r := &Runner{DB: args[0], Stdout: &out, Stderr: &errOut, CounterFolder: folder}
		code := r.Run(args[1:])
		assertIndonesian(t, args, errOut.String())
		return code, out.String(), errOut.String()
	}
	backup := filepath.Join(t.TempDir(), "cadangan-lama.db")
	if status, _, errOut := run(db, "backup", backup); status != 0 {
		t.Fatal(errOut)
	}
	if status, out, errOut := run(db, "certificates", "--program", epa, "--out", filepath.Join(t.TempDir(), "s.pdf")); status != 0 {
		t.Fatalf("certificates %s = %d\n%s%s", epa, status, out, errOut)
	}
	printed := map[string]bool{}
	for _, n := range registerNumbers(t, db, epa) {
		printed[n] = true
	}
	if len(printed) == 0 {
		t.Fatal("no certificate printed")
	}
	status, out, errOut := run(backup, "certificates", "--program", wmp, "--out", filepath.Join(t.TempDir(), "s.pdf"))
	if status != 0 || !strings.Contains(errOut, "dinaikkan") {
		t.Fatalf("certificates from the backup = %d, want a line saying the counter was lifted\n%s%s", status, out, errOut)
	}
	got := registerNumbers(t, backup, wmp)
	if len(got) == 0 {
		t.Fatal("the backup printed no certificate")
	}
	for _, n := range got {
		if printed[n] {
			t.Errorf("the backup gave %s, a number printed after it was taken", n)
		}
	}
}

func pdfText(t *testing.T, path string) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext is not installed")
	}
	out, err := exec.Command("pdftotext", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	return strings.Join(strings.Fields(string(out)), " ")
}

// TestScenarioNIPCorrectedThenVerified: a holder's NIP corrected after the certificate was printed leaves it
// SAH, showing the NIP it printed; a reprint shows the snapshot; issuing it again keeps the number, prints the
// new NIP, and the copy printed before still verifies with a note.
func TestScenarioNIPCorrectedThenVerified(t *testing.T) {
	db := sampletest.Path(t, time.Time{})
	ptd := sampleCode(t, db, "PTD-I")
	s := openStore(t, db)
	p, err := s.ProgramByCode(ctxT(), ptd)
	if err != nil {
		t.Fatal(err)
	}
	certs, err := s.Certificates(ctxT(), p.ID)
	if err != nil || len(certs) == 0 {
		t.Fatalf("%d certificates, %v", len(certs), err)
	}
	var cert = certs[0]
	for _, c := range certs {
		if c.NIP != "" {
			cert = c
			break
		}
	}
	oldNIP, printed := cert.NIP, cert.Payload
	if oldNIP == "" {
		t.Fatal("no certificate holder with a NIP in the sample")
	}
	person, err := s.Participant(ctxT(), cert.ParticipantID)
	if err != nil {
		t.Fatal(err)
	}
	newNIP := oldNIP[:17] + string("0123456789"[(int(oldNIP[17]-'0')+1)%10])
	person.NIP = newNIP
	if err := s.UpdateParticipant(ctxT(), person); err != nil {
		t.Fatal(err)
	}
	s.Close()

	status, out, errOut := pembina(t, "--db", db, "verify", printed)
	if status != 0 || !strings.Contains(out, "Hasil: SAH") || !strings.Contains(out, "NIP. "+nip.Format(oldNIP)) {
		t.Fatalf("verify after the NIP was corrected = %d\n%s%s", status, out, errOut)
	}
	if !strings.Contains(out, "Peran: Peserta") || !strings.Contains(out, "Tanggal terbit: ") {
		t.Errorf("verify does not show role and issue date:\n%s", out)
	}
	// The same text with its role field emptied is TIDAK SAH, and says which field.
	fields := strings.Split(printed, "|")
	fields[4] = ""
	status, out, errOut = pembina(t, "--db", db, "verify", strings.Join(fields, "|"))
	if status != 1 || !strings.Contains(out, "TIDAK SAH") || !strings.Contains(errOut, "bagian peran kosong") {
		t.Errorf("a text without its role = %d\n%s%s", status, out, errOut)
	}
	// A reprint shows what was printed, not the corrected record.
	pdf := filepath.Join(t.TempDir(), "ulang.pdf")
	if status, _, errOut := pembina(t, "--db", db, "certificates", "--program", ptd, "--out", pdf); status != 0 {
		t.Fatal(errOut)
	}
	text := pdfText(t, pdf)
	if !strings.Contains(text, nip.Format(oldNIP)) || strings.Contains(text, nip.Format(newNIP)) {
		t.Errorf("the reprint does not show the NIP as printed (%s), or shows the corrected one", nip.Format(oldNIP))
	}

	// Terbitkan ulang: same number, the new NIP, the old copy still SAH with a note.
	if status, _, _ := pembina(t, "--db", db, "certificate-reissue", cert.Number); status != 2 {
		t.Errorf("reissue without a reason = %d, want 2", status)
	}
	status, out, errOut = pembina(t, "--db", db, "certificate-reissue", cert.Number, "--reason", "NIP dikoreksi sesuai SK")
	if status != 0 || !strings.Contains(out, "NIP: "+oldNIP+" → "+newNIP) {
		t.Fatalf("reissue = %d\n%s%s", status, out, errOut)
	}
	if status, _, errOut := pembina(t, "--db", db, "certificate-reissue", cert.Number, "--reason", "lagi"); status != 1 ||
		!strings.Contains(errOut, "tidak ada yang perlu diterbitkan ulang") {
		t.Errorf("reissue with nothing changed = %d, %q", status, errOut)
	}
	s = openStore(t, db)
	again, err := s.CertificateByNumber(ctxT(), cert.Number)
	s.Close()
	if err != nil || again == nil || again.NIP != newNIP || again.ID != cert.ID {
		t.Fatalf("after reissue: %+v, %v", again, err)
	}
	status, out, _ = pembina(t, "--db", db, "verify", printed)
	if status != 0 || !strings.Contains(out, "Hasil: SAH") || !strings.Contains(out, "Catatan: Cetakan ini versi sebelum diterbitkan ulang") {
		t.Errorf("the copy printed before the reissue = %d\n%s", status, out)
	}
	status, out, _ = pembina(t, "--db", db, "verify", again.Payload)
	if status != 0 || !strings.Contains(out, "NIP. "+nip.Format(newNIP)) || strings.Contains(out, "Catatan") {
		t.Errorf("the reissued copy = %d\n%s", status, out)
	}
	if status, _, errOut := pembina(t, "--db", db, "certificates", "--program", ptd, "--out", pdf); status != 0 {
		t.Fatal(errOut)
	}
	if text := pdfText(t, pdf); !strings.Contains(text, nip.Format(newNIP)) {
		t.Errorf("the print after the reissue lacks the corrected NIP")
	}
}

// TestScenarioSpeakerOnSTTP: on the STTP design a speaker is "sebagai Narasumber" and never "LULUS", while the
// participants who passed are "DINYATAKAN LULUS"; read back from the PDFs with pdftotext.
func TestScenarioSpeakerOnSTTP(t *testing.T) {
	db := sampletest.Path(t, time.Time{})
	ptd2 := sampleCode(t, db, "PTD-II")
	s := openStore(t, db)
	p, err := s.ProgramByCode(ctxT(), ptd2)
	if err != nil {
		t.Fatal(err)
	}
	d, err := s.CertificateDesign(ctxT(), p.ID)
	if err != nil {
		t.Fatal(err)
	}
	d.Kind, d.Title, d.Body, d.SubjectsPage = "sttp", data.CertificateTitle("sttp"), "", false
	if err := s.SaveCertificateDesign(ctxT(), d); err != nil {
		t.Fatal(err)
	}
	speaker := &data.Participant{NIP: "197805122003121004", Name: "Hendra Gunawan", FrontTitle: "Dr.", BackTitle: "M.Kom.",
		EmploymentStatus: "PNS", RankCode: "IV/a", Position: "Widyaiswara Ahli Madya", Unit: "BPSDM Provinsi"}
	if err := s.CreateParticipant(ctxT(), speaker); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Enrol(ctxT(), p.ID, speaker.ID, data.RoleSpeaker); err != nil {
		t.Fatal(err)
	}
	s.Close()

	folder := filepath.Join(t.TempDir(), "sttp")
	if status, out, errOut := pembina(t, "--db", db, "certificates", "--program", ptd2, "--out", folder, "--split"); status != 0 {
		t.Fatalf("certificates = %d\n%s%s", status, out, errOut)
	}
	s = openStore(t, db)
	certs, err := s.Certificates(ctxT(), p.ID)
	s.Close()
	if err != nil {
		t.Fatal(err)
	}
	speakers, passed := 0, 0
	for _, c := range certs {
		text := pdfText(t, filepath.Join(folder, report.CertificateFileName(c)))
		if c.Role == data.RoleSpeaker {
			speakers++
			if !strings.Contains(text, "sebagai Narasumber") || strings.Contains(strings.ToUpper(text), "LULUS") {
				t.Errorf("the speaker's STTP reads: %s", text)
			}
			continue
		}
		passed++
		if !strings.Contains(text, "TELAH MENGIKUTI DAN DINYATAKAN LULUS") || strings.Contains(text, "sebagai Peserta") {
			t.Errorf("%s's STTP reads: %s", c.HolderName, text)
		}
	}
	if speakers != 1 || passed == 0 {
		t.Errorf("%d speakers and %d participants printed", speakers, passed)
	}
}

// TestScenarioCancelledProgramRefused: no certificate is issued for a cancelled program.
func TestScenarioCancelledProgramRefused(t *testing.T) {
	db := sampletest.Path(t, time.Time{})
	epa := sampleCode(t, db, "EPA-I")
	s := openStore(t, db)
	p, err := s.ProgramByCode(ctxT(), epa)
	if err != nil {
		t.Fatal(err)
	}
	p.Status = data.StatusCancelled
	if err := s.UpdateProgram(ctxT(), p); err != nil {
		t.Fatal(err)
	}
	s.Close()
	out := filepath.Join(t.TempDir(), "batal.pdf")
	status, _, errOut := pembina(t, "--db", db, "certificates", "--program", epa, "--out", out)
	if status != 1 || !strings.Contains(errOut, "dibatalkan") {
		t.Errorf("certificates for a cancelled program = %d, %q", status, errOut)
	}
	if got := registerNumbers(t, db, epa); len(got) != 0 {
		t.Errorf("numbers given: %v", got)
	}
}
