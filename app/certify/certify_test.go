package certify

import (
	"context"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/pembina/pembina/data"
	"github.com/pembina/pembina/data/sample/sampletest"
	"github.com/pembina/pembina/data/store"
	"github.com/pembina/pembina/data/store/storetest"
)

var today = time.Date(2026, 11, 28, 0, 0, 0, 0, time.UTC)

func day(s string) time.Time {
	t, _ := time.Parse(data.DateLayout, s)
	return t
}

// TestEligibilityRules builds a program of four sessions (2, 4, 4 and 6 JP, the last one in the future unless
// done) with participants marked as its table says, and checks who is eligible and why.
func TestEligibilityRules(t *testing.T) {
	s := storetest.New(t)
	ctx := context.Background()
	p := &data.Program{Code: "R", Title: "Aturan", Kind: "Pelatihan Teknis", BudgetYear: 2026, StartDate: day("2026-11-02"),
		EndDate: day("2026-11-05"), TotalJP: 16, AttendanceThreshold: 80}
	if err := s.CreateProgram(ctx, p); err != nil {
		t.Fatal(err)
	}
	jps := []int{2, 4, 4, 6}
	var sessions []*data.Session
	for i, jp := range jps {
		x := &data.Session{ProgramID: p.ID, Date: p.StartDate.AddDate(0, 0, i), Start: "08:00", End: "12:00", TimeZone: "WIB", JP: jp}
		if err := s.CreateSession(ctx, x); err != nil {
			t.Fatal(err)
		}
		sessions = append(sessions, x)
	}
	score := func(f float64) *float64 { return &f }
	people := []struct {
		name   string
		marks  []data.AttendanceStatus // "" unmarked
		role   data.EnrolmentRole
		score  *float64
		gone   bool
		yes    *bool
		reason string
	}{
		{name: "A semua hadir", marks: []data.AttendanceStatus{"H", "H", "T", "H"}},                    // 16/16
		{name: "B izin sekali", marks: []data.AttendanceStatus{"H", "H", "I", "H"}},                    // 12/16 = 75% < 80
		{name: "C sakit sesi pendek", marks: []data.AttendanceStatus{"S", "H", "H", "H"}},              // 14/16 = 87,5%
		{name: "D tidak ditandai", marks: []data.AttendanceStatus{"H", "H", "H", ""}},                  // 10/16 = 62,5%
		{name: "E narasumber", marks: []data.AttendanceStatus{"", "", "", ""}, role: data.RoleSpeaker}, // rule does not apply
		{name: "F mundur", marks: []data.AttendanceStatus{"H", "H", "H", "H"}, gone: true},
		{name: "G diputuskan", marks: []data.AttendanceStatus{"A", "A", "H", "H"}, yes: new(bool), reason: "x"},
	}
	*people[6].yes = true
	people[6].reason = "tugas pengganti disetujui kepala bidang"
	want := []struct {
		eligible bool
		rate     float64
		reason   string
	}{
		{true, 1, ""}, {false, 0.75, "kehadiran 75,0%, kurang dari batas 80,0%"}, {true, 0.875, ""},
		{false, 0.625, "kehadiran 62,5%, kurang dari batas 80,0%"}, {true, math.NaN(), ""}, {false, 1, "mengundurkan diri"},
		{true, 10.0 / 16, "diputuskan koordinator memenuhi syarat: tugas pengganti disetujui kepala bidang"},
	}
	for _, person := range people {
		pp := &data.Participant{Name: person.name, EmploymentStatus: "Non-ASN"}
		if err := s.CreateParticipant(ctx, pp); err != nil {
			t.Fatal(err)
		}
		role := person.role
		if role == "" {
			role = data.RoleParticipant
		}
		e, err := s.Enrol(ctx, p.ID, pp.ID, role)
		if err != nil {
			t.Fatal(err)
		}
		for j, m := range person.marks {
			if m != "" {
				if err := s.SetMark(ctx, &data.Mark{SessionID: sessions[j].ID, EnrolmentID: e.ID, Status: m}); err != nil {
					t.Fatal(err)
				}
			}
		}
		e.Withdrawn, e.FinalScore, e.EligibleOverride, e.OverrideReason = person.gone, person.score, person.yes, person.reason
		if err := s.UpdateEnrolment(ctx, e); err != nil {
			t.Fatal(err)
		}
	}
	check := func(label string, at time.Time, want func(i int) (bool, float64, string)) {
		t.Helper()
		cands, err := Candidates(ctx, s, p, at)
		if err != nil {
			t.Fatal(err)
		}
		for i, c := range cands {
			eligible, rate, reason := want(i)
			if c.Eligible != eligible || !(c.Rate == rate || math.IsNaN(c.Rate) && math.IsNaN(rate)) || !strings.Contains(c.Reasons.String(), reason) {
				t.Errorf("%s: %s eligible %v rate %v reasons %q; want %v %v %q", label, c.Name, c.Eligible, c.Rate, c.Reasons, eligible, rate, reason)
			}
		}
	}
	check("after the last session", day("2026-11-06"), func(i int) (bool, float64, string) {
		return want[i].eligible, want[i].rate, want[i].reason
	})
	// On the third day, marked already: three sessions held (10 JP), the fourth not yet.
	check("on the third day", day("2026-11-04"), func(i int) (bool, float64, string) {
		switch i {
		case 1: // I on 4 JP of 10
			return false, 0.6, "kehadiran 60,0%"
		case 2: // S on 2 JP of 10
			return true, 0.8, ""
		case 4:
			return true, math.NaN(), ""
		case 5:
			return false, 1, "mengundurkan diri"
		case 6:
			return true, 0.4, "diputuskan koordinator"
		}
		return true, 1, ""
	})
	// A pass score: nobody has a final score yet.
	p.PassScore = 70
	s.UpdateProgram(ctx, p)
	cands, _ := Candidates(ctx, s, p, day("2026-11-06"))
	if cands[0].Eligible || !strings.Contains(cands[0].Reasons[0].String(), "nilai akhir belum diisi (nilai lulus 70)") {
		t.Errorf("without a final score: %v %q", cands[0].Eligible, cands[0].Reasons)
	}
	if !cands[4].Eligible {
		t.Error("the pass score applies to a speaker")
	}
	e := cands[0].Enrolment
	e.FinalScore = score(69.99)
	s.UpdateEnrolment(ctx, e)
	cands, _ = Candidates(ctx, s, p, day("2026-11-06"))
	if cands[0].Eligible || !strings.Contains(cands[0].Reasons[0].String(), "nilai akhir 69,99, kurang dari nilai lulus 70") {
		t.Errorf("below the pass score: %q", cands[0].Reasons)
	}
	e.FinalScore = score(70)
	s.UpdateEnrolment(ctx, e)
	if cands, _ = Candidates(ctx, s, p, day("2026-11-06")); !cands[0].Eligible {
		t.Errorf("at the pass score: %q", cands[0].Reasons)
	}
	// Issuing refuses while a session is to come.
	if _, err := Issue(ctx, s, p, day("2026-11-04")); data.ErrorKind(err) != data.KindConflict || !strings.Contains(err.Error(), "1 sesi") {
		t.Errorf("issuing before the last session: %v", err)
	}
}

func loaded(t *testing.T) (*store.Store, *data.Program) {
	t.Helper()
	s := sampletest.Open(t, today)
	p, err := s.ProgramByCode(context.Background(), "PTD-II/2026")
	if err != nil {
		t.Fatal(err)
	}
	return s, p
}

func pdfPages(t *testing.T, path string) (string, int) {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext (poppler-utils) is not installed; make deps installs it")
	}
	text, err := exec.Command("pdftotext", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	info, _ := exec.Command("pdfinfo", path).Output()
	pages := 0
	for _, l := range strings.Split(string(info), "\n") {
		if strings.HasPrefix(l, "Pages:") {
			pages = atoi(strings.TrimSpace(strings.TrimPrefix(l, "Pages:")))
		}
	}
	return string(text), pages
}

func atoi(s string) int {
	n := 0
	for _, r := range s {
		n = n*10 + int(r-'0')
	}
	return n
}

// TestPrintReadBack prints a sample program: one page per eligible participant, each name and number in the
// text, the QR codes kept in the register; a reprint gives the same numbers.
func TestPrintReadBack(t *testing.T) {
	s, p := loaded(t)
	ctx := context.Background()
	cands, _ := Candidates(ctx, s, p, today)
	eligible := 0
	for _, c := range cands {
		if c.Eligible {
			eligible++
		}
	}
	if eligible == 0 || eligible == len(cands) {
		t.Fatalf("%d of %d eligible: the sample should have both", eligible, len(cands))
	}
	out := filepath.Join(t.TempDir(), "ptd2.pdf")
	var last [2]int
	res, err := Print(ctx, s, p, out, false, today, func(done, total int) { last = [2]int{done, total} })
	if err != nil {
		t.Fatal(err)
	}
	if res.Issued != eligible || res.Printed != eligible || last[0] != last[1] || last[1] != 2*eligible {
		t.Errorf("result %+v, last progress %v, for %d eligible", res, last, eligible)
	}
	text, pages := pdfPages(t, out)
	if pages != eligible {
		t.Errorf("%d pages for %d eligible participants", pages, eligible)
	}
	flat := strings.Join(strings.Fields(text), " ")
	certs, _ := s.Certificates(ctx, p.ID)
	for _, c := range certs {
		if !strings.Contains(flat, c.HolderName) || !strings.Contains(flat, "Nomor: "+c.Number) {
			t.Errorf("%s / %s missing from the PDF", c.HolderName, c.Number)
		}
		if len(c.QR) == 0 {
			t.Errorf("the QR code of %s was not kept", c.Number)
		}
	}
	again, err := Print(ctx, s, p, out, false, today, nil)
	if err != nil || again.Issued != 0 || again.Printed != eligible {
		t.Errorf("reprint: %+v, %v", again, err)
	}
	reprinted, _ := s.Certificates(ctx, p.ID)
	for i := range certs {
		if certs[i].Number != reprinted[i].Number {
			t.Errorf("reprint changed %s to %s", certs[i].Number, reprinted[i].Number)
		}
	}

	// Correct one name: same number, new QR text, change recorded; reprint just that one.
	c := certs[0]
	if err := s.CorrectCertificateName(ctx, c.ID, c.HolderName+", M.Pd.", "gelar kedua terlewat"); err != nil {
		t.Fatal(err)
	}
	one := filepath.Join(t.TempDir(), "satu.pdf")
	if err := PrintOne(ctx, s, p, c.ID, one); err != nil {
		t.Fatal(err)
	}
	text, pages = pdfPages(t, one)
	if pages != 1 || !strings.Contains(strings.Join(strings.Fields(text), " "), c.HolderName+", M.Pd.") || !strings.Contains(text, c.Number) {
		t.Errorf("reprint of the corrected certificate: %d pages\n%s", pages, text)
	}

	// Revoke another: it is no longer printed, and the register says why.
	if err := s.RevokeCertificate(ctx, certs[1].ID, "data ganda"); err != nil {
		t.Fatal(err)
	}
	res, _ = Print(ctx, s, p, out, false, today, nil)
	if res.Printed != eligible-1 {
		t.Errorf("after revoking one, %d printed", res.Printed)
	}
	register := filepath.Join(t.TempDir(), "register.xlsx")
	if err := WriteRegister(ctx, s, p, register); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(register)
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := f.GetRows("Register Sertifikat")
	if len(rows) != 5+eligible || rows[4][1] != "NOMOR SERTIFIKAT" {
		t.Fatalf("register has %d rows, header %v", len(rows), rows[4])
	}
	found := false
	for _, r := range rows[5:] {
		if r[1] == certs[1].Number {
			found = r[6] == "Dicabut" && strings.Contains(r[7], "data ganda")
		}
		if len(r[3]) != 0 && len(strings.ReplaceAll(r[3], " ", "")) != 18 {
			t.Errorf("NIP %q not written as text", r[3])
		}
	}
	if !found {
		t.Error("the revoked certificate is not marked in the register")
	}
	history, _ := f.GetRows("Riwayat Perubahan")
	if len(history) != 3 {
		t.Errorf("history has %d rows, want a heading, a correction and a revocation", len(history))
	}
}

func TestPrintSplitAndNobodyEligible(t *testing.T) {
	s, p := loaded(t)
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "per-peserta")
	res, err := Print(ctx, s, p, dir, true, today, nil)
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.pdf"))
	if len(files) != res.Printed || res.Printed == 0 {
		t.Errorf("%d files for %d certificates", len(files), res.Printed)
	}
	planned, _ := s.ProgramByCode(ctx, "BTK-I/2026")
	out := filepath.Join(t.TempDir(), "btk.pdf")
	if _, err := Print(ctx, s, planned, out, false, today, nil); data.ErrorKind(err) != data.KindConflict || !strings.Contains(err.Error(), "sesi yang belum terlaksana") {
		t.Errorf("planned program, sessions to come: %v", err)
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("a file was written for nobody")
	}
	// A cancelled print leaves nothing behind, and the numbers already given stay.
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	other, _ := s.ProgramByCode(ctx, "WMP-I/2026")
	out = filepath.Join(t.TempDir(), "batal.pdf")
	if _, err := Print(cctx, s, other, out, false, today, nil); err == nil {
		t.Error("a cancelled print succeeded")
	}
	if entries, _ := os.ReadDir(filepath.Dir(out)); len(entries) != 0 {
		t.Errorf("a cancelled print left %d files", len(entries))
	}
}

func TestPublicKeyFile(t *testing.T) {
	a, b := storetest.New(t), storetest.New(t)
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "kunci.txt")
	if err := ExportPublicKey(ctx, a, path); err != nil {
		t.Fatal(err)
	}
	label, err := TrustPublicKeyFile(ctx, b, path, "BKPSDM Kabupaten Contoh")
	if err != nil || label != "BKPSDM Kabupaten Contoh" {
		t.Fatalf("trust = %q, %v", label, err)
	}
	keys, _ := b.VerificationKeys(ctx)
	pub, _, _ := a.OwnPublicKey(ctx)
	// b's own key (every database has one from the start) and a's, trusted.
	if len(keys) != 2 || !keys[0].Own || !keys[1].Public.Equal(pub) || keys[1].Own {
		t.Errorf("keys after trusting: %+v", keys)
	}
	bad := filepath.Join(t.TempDir(), "rusak.txt")
	os.WriteFile(bad, []byte("pembina-ed25519:abc\n"), 0o644)
	if _, err := TrustPublicKeyFile(ctx, b, bad, "x"); err == nil || !strings.Contains(err.Error(), "rusak") {
		t.Errorf("a cut key: %v", err)
	}
	os.WriteFile(bad, []byte("hello"), 0o644)
	if _, err := TrustPublicKeyFile(ctx, b, bad, "x"); err == nil || !strings.Contains(err.Error(), "bukan kunci publik") {
		t.Errorf("not a key: %v", err)
	}
}
