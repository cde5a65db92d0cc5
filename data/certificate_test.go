package data

import (
	"crypto/ed25519"
	"crypto/rand"
	"strings"
	"testing"
	"time"
)

func TestNumberPatternFormat(t *testing.T) {
	day := time.Date(2026, 11, 28, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		pattern string
		seq     int
		want    string
	}{
		{"800/{seq}/BKPSDM/{month_roman}/{year}", 7, "800/7/BKPSDM/XI/2026"},
		{"800/{seq:03}/DISDIK/{month_roman}/{year}", 7, "800/007/DISDIK/XI/2026"},
		{"800/{seq:03}/DISDIK/{month_roman}/{year}", 1234, "800/1234/DISDIK/XI/2026"},
		{"B.{seq}/BDA/RSDM.510/{bulan_romawi}/{tahun}", 15, "B.15/BDA/RSDM.510/XI/2026"},
		{"000.8.3.3/{seq}/OR", 3, "000.8.3.3/3/OR"},
		{"{program}/{seq:4}", 12, "PTD-I/2026/0012"},
	}
	for _, tt := range tests {
		got, err := NumberPattern(tt.pattern).Format(tt.seq, day, "PTD-I/2026")
		if err != nil || got != tt.want {
			t.Errorf("%s with %d = %q, %v; want %q", tt.pattern, tt.seq, got, err, tt.want)
		}
	}
	if a, b := NumberPattern("X/{seq:03}/{tahun}").Canonical(), NumberPattern(" X/{seq:3}/{year} ").Canonical(); a != b {
		t.Errorf("canonical forms differ: %q and %q", a, b)
	}
	for _, tt := range []struct{ pattern, code, want string }{
		{"SERT/{seq:03}/{kode_program}", "EPA-I/2026", "SERT/{seq:03}/EPA-I/2026"},
		{"800/{seq}/DISDIK/{bulan_romawi}/{tahun}", "EPA-I/2026", "800/{seq}/DISDIK/{month_roman}/{year}"},
	} {
		if got := NumberPattern(tt.pattern).CounterKey(tt.code); got != tt.want {
			t.Errorf("CounterKey(%s, %s) = %q, want %q (the program written out, the month kept a token)", tt.pattern, tt.code, got, tt.want)
		}
	}
}

func TestNumberPatternErrors(t *testing.T) {
	for _, tt := range []struct{ pattern, want string }{
		{"800/DISDIK/{year}", "tidak memuat {seq}"},
		{"", "kosong"},
		{"800/{seq}/{seq}", "lebih dari sekali"},
		{"800/{urut}/X", "{urut} tidak dikenal"},
		{"800/{seq:xx}/X", "lebar nomor"},
		{"800/{seq/X", "tanpa penutup"},
		{"800/seq}/X", "tanpa pasangan"},
		{"800/{year:02}/{seq}", "hanya {seq}"},
		{"800|{seq}", "tanda |"},
	} {
		err := NumberPattern(tt.pattern).Validate()
		if err == nil || ErrorKind(err) != KindInvalid || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%q: %v, want an invalid error with %q", tt.pattern, err, tt.want)
		}
	}
}

func TestPredicate(t *testing.T) {
	for _, tt := range []struct {
		score float64
		want  string
	}{
		{100, "Sangat Memuaskan"}, {90.01, "Sangat Memuaskan"}, {90, "Memuaskan"}, {90.004, "Memuaskan"},
		{80.01, "Memuaskan"}, {80, "Cukup Memuaskan"}, {70.5, "Cukup Memuaskan"}, {70, "Kurang Memuaskan"},
		{60.01, "Kurang Memuaskan"}, {60, "Tidak Memuaskan"}, {0, "Tidak Memuaskan"},
	} {
		if got := Predicate(tt.score); got != tt.want {
			t.Errorf("Predicate(%v) = %q, want %q", tt.score, got, tt.want)
		}
	}
}

func testProgram() *Program {
	return &Program{Code: "PTD-I/2026", Title: "Pelatihan Pemanfaatan Teknologi Digital dalam Pembelajaran", Kind: "Pelatihan Teknis",
		Batch: 2, BudgetYear: 2026, Organiser: "Dinas Pendidikan Kabupaten Sukamaju", Place: "Aula Dinas Pendidikan",
		StartDate: time.Date(2026, 11, 3, 0, 0, 0, 0, time.UTC), EndDate: time.Date(2026, 11, 5, 0, 0, 0, 0, time.UTC), TotalJP: 30}
}

func TestCertificateTemplateFill(t *testing.T) {
	tpl, err := ParseCertificateTemplate(DefaultCertificateBody("sertifikat"))
	if err != nil {
		t.Fatal(err)
	}
	score := 85.5
	c := &Certificate{HolderName: "Dra. Siti Aminah, M.Pd.", NIP: "198609262015051001", RankCode: "III/b", Position: "Guru Ahli Muda",
		Unit: "SMP Negeri 1 Sukamaju", Role: RoleParticipant, FinalScore: &score}
	lines := tpl.Fill(CertificateValues(testProgram(), c))
	var all []string
	for _, l := range lines {
		all = append(all, l.Label+"="+l.Text)
	}
	text := strings.Join(all, "\n")
	for _, want := range []string{"=Dra. Siti Aminah, M.Pd.", "NIP=19860926 201505 1 001", "Pangkat/Golongan=Penata Muda Tingkat I (III/b)",
		"Angkatan II sebagai Peserta", "3 s.d. 5 November 2026", "30 (tiga puluh) jam pelajaran dan dinyatakan LULUS dengan predikat MEMUASKAN.",
		"di Aula Dinas Pendidikan"} {
		if !strings.Contains(text, want) {
			t.Errorf("filled body lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "Instansi") {
		t.Errorf("an empty agency still has its row:\n%s", text)
	}
	// Without a score the predicate part goes, without a NIP the NIP row goes.
	c.FinalScore, c.NIP = nil, ""
	text = ""
	for _, l := range tpl.Fill(CertificateValues(testProgram(), c)) {
		text += l.Label + "=" + l.Text + "\n"
	}
	if strings.Contains(text, "predikat") || strings.Contains(text, "NIP") || !strings.Contains(text, "jam pelajaran.") {
		t.Errorf("optional parts not dropped:\n%s", text)
	}
}

func TestCertificateTemplateErrors(t *testing.T) {
	for _, tt := range []struct{ body, want string }{
		{"# {nama}\n{nama_lengkap}", "Baris 2 isi sertifikat: isian {nama_lengkap} tidak dikenal"},
		{"Diberikan kepada", "tidak memuat {nama}"},
		{"# {nama}\n[dengan predikat {predikat}", "tanda [ tanpa penutup ]"},
		{"# {nama}\n| Jabatan", "| Label | {isian}"},
		{"# {nama\n", "tanda { tanpa penutup }"},
	} {
		_, err := ParseCertificateTemplate(tt.body)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%q: %v, want %q", tt.body, err, tt.want)
		}
	}
	for _, kind := range []string{"sertifikat", "sttp", "piagam"} {
		if _, err := ParseCertificateTemplate(DefaultCertificateBody(kind)); err != nil {
			t.Errorf("built-in %s body: %v", kind, err)
		}
	}
}

func newKey(t *testing.T) ed25519.PrivateKey {
	_, k, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	return k
}

func TestSignAndVerify(t *testing.T) {
	own, other := newKey(t), newKey(t)
	p := testProgram()
	c := &Certificate{Number: "800/007/DISDIK/XI/2026", HolderName: "Dra. Siti | Aminah, M.Pd.", NIP: "198609262015051001", ParticipantID: 9}
	text := SignClaim(ClaimOf(p, c), own)
	c.Payload = text // the register keeps the signed text it printed
	if len(text) > 260 {
		t.Errorf("signed text is %d characters: too long for a small QR code", len(text))
	}
	register := func(number string) (*Certificate, error) {
		if number == c.Number {
			return c, nil
		}
		return nil, nil
	}
	keys := []TrustedKey{{Public: own.Public().(ed25519.PublicKey), Own: true}}
	check := func(name, text string, keys []TrustedKey, want Verdict) *Verification {
		t.Helper()
		v, err := VerifyCertificate(text, keys, register)
		if err != nil {
			t.Fatal(err)
		}
		if v.Verdict != want {
			t.Errorf("%s: verdict %s (%s), want %s", name, v.Verdict, v.Reason, want)
		}
		return v
	}
	v := check("round trip", text, keys, VerdictValid)
	if v.Claim == nil || v.Claim.Name != c.HolderName || v.Claim.JP != 30 || v.Claim.Holder != c.NIP || !v.Claim.End.Equal(p.EndDate) {
		t.Errorf("claim read back = %+v", v.Claim)
	}
	check("cut short", text[:len(text)-10], keys, VerdictAltered)
	check("cut in half", text[:len(text)/2], keys, VerdictAltered)
	check("empty", "", keys, VerdictAltered)
	// Every single-character change anywhere in the text is caught.
	for i := 0; i < len(text); i++ {
		b := []byte(text)
		if b[i] == 'X' {
			b[i] = 'Y'
		} else {
			b[i] = 'X'
		}
		if v, _ := VerifyCertificate(string(b), keys, register); v.Verdict != VerdictAltered {
			t.Errorf("changing character %d (%q) gives %s (%s)", i, text[i], v.Verdict, v.Reason)
		}
	}
	foreign := SignClaim(ClaimOf(p, c), other)
	check("another office", foreign, keys, VerdictUnknown)
	trusted := append(keys, TrustedKey{Public: other.Public().(ed25519.PublicKey), Label: "BKPSDM Kabupaten Lain"})
	v = check("another office, trusted", foreign, trusted, VerdictValid)
	if v.Signer != "BKPSDM Kabupaten Lain" {
		t.Errorf("signer = %q", v.Signer)
	}
	c.Revoked, c.RevokedReason = true, "terbit ganda"
	v = check("revoked", text, keys, VerdictRevoked)
	if !strings.Contains(v.Reason.String(), "terbit ganda") {
		t.Errorf("revocation reason missing: %s", v.Reason)
	}
	c.Revoked = false
	// A NIP and a name corrected in the participant's record change nothing: the register keeps its text.
	c.NIP = "198609262015051002"
	check("holder's record corrected since", text, keys, VerdictValid)
	// Issued again with the corrected name: the copy printed before still verifies, with a note.
	c.HolderName = "Dra. Siti Aminah, M.Pd."
	c.Earlier, c.Payload = []string{text}, SignClaim(ClaimOf(p, c), own)
	v = check("issued again since", text, keys, VerdictValid)
	if len(v.Notes) == 0 || !strings.Contains(v.Notes[0].String(), "Dra. Siti Aminah, M.Pd.") {
		t.Errorf("no note about the certificate issued again: %v", v.Notes)
	}
	check("the new copy", c.Payload, keys, VerdictValid)
	// A text signed with this key that the register never held for the number (a number given again after
	// an older backup was restored) is not valid.
	someone := *c
	someone.NIP, someone.HolderName = "199001012020121001", "Budi"
	check("someone else's text for the number", SignClaim(ClaimOf(p, &someone), own), keys, VerdictAltered)
	c.Number = "800/008/DISDIK/XI/2026"
	check("not in register", text, keys, VerdictUnknown)
}

// TestVerifyOlderFormatAndMissingField: a PBN1 text printed before role, predicate and issue date were signed
// keeps verifying; a PBN2 text with a field missing or emptied is not valid, and the reason names the field.
func TestVerifyOlderFormatAndMissingField(t *testing.T) {
	own := newKey(t)
	p := testProgram()
	score := 91.5
	c := &Certificate{Number: "800/001/DISDIK/XI/2026", HolderName: "Siti", NIP: "198609262015051001", Role: RoleParticipant,
		FinalScore: &score, IssuedOn: time.Date(2026, 11, 28, 0, 0, 0, 0, time.UTC)}
	c.TakeProgram(p)
	keys := []TrustedKey{{Public: own.Public().(ed25519.PublicKey), Own: true}}
	register := func(string) (*Certificate, error) { return c, nil }

	old := ClaimOf(p, c)
	old.Format = payloadFormatV1
	c.Payload = SignClaim(old, own)
	if !strings.HasPrefix(c.Payload, "PBN1|") || strings.Count(c.Payload, "|") != 9 {
		t.Fatalf("PBN1 text %q", c.Payload)
	}
	if v, _ := VerifyCertificate(c.Payload, keys, register); v.Verdict != VerdictValid {
		t.Errorf("PBN1 text: %s (%s)", v.Verdict, v.Reason)
	}

	c.Payload = SignClaim(ClaimOf(p, c), own)
	v, _ := VerifyCertificate(c.Payload, keys, register)
	if v.Verdict != VerdictValid || v.Claim.Role != RoleParticipant || v.Claim.Predicate != "Sangat Memuaskan" || !v.Claim.Issued.Equal(c.IssuedOn) {
		t.Errorf("PBN2 text: %s (%s), claim %+v", v.Verdict, v.Reason, v.Claim)
	}
	fields := strings.Split(c.Payload, "|")
	for i, name := range claimFields[PayloadFormat][1:11] {
		cut := append(append([]string{}, fields[:i+1]...), fields[i+2:]...)
		emptied := append([]string{}, fields...)
		emptied[i+1] = ""
		for what, text := range map[string]string{"cut out": strings.Join(cut, "|"), "emptied": strings.Join(emptied, "|")} {
			v, _ := VerifyCertificate(text, keys, register)
			if v.Verdict != VerdictAltered || v.Verdict.Label() != "TIDAK SAH: diubah atau dipalsukan" {
				t.Errorf("%s %s: %s", name, what, v.Verdict)
			}
			if what == "emptied" && !strings.Contains(v.Reason.String(), "bagian "+name+" kosong") {
				t.Errorf("%s emptied: reason %q does not name the field", name, v.Reason)
			}
		}
	}
	// A speaker's text carries the role and no predicate.
	c.Role = RoleSpeaker
	if cl := ClaimOf(p, c); cl.Predicate != "" || !strings.Contains(SignClaim(cl, own), "|N|") || !strings.Contains(SignClaim(cl, own), "|-|261128|") {
		t.Errorf("speaker's claim %+v", cl)
	}
}

// TestCertificateTextByRole fills every built-in design for each role: a participant who passed is "dinyatakan
// LULUS", speakers, moderators and the committee are "sebagai …" and never "lulus".
func TestCertificateTextByRole(t *testing.T) {
	score := 85.5
	for _, kind := range []string{"sertifikat", "sttp", "piagam"} {
		tpl, err := ParseCertificateTemplate(DefaultCertificateBody(kind))
		if err != nil {
			t.Fatal(err)
		}
		for _, role := range EnrolmentRoles {
			c := &Certificate{HolderName: "Siti", Role: role}
			p := testProgram()
			if role == RoleParticipant {
				c.FinalScore = &score
			}
			lines := tpl.Fill(CertificateValuesOf(kind, p, c))
			var all []string
			for _, l := range lines {
				all = append(all, l.Text)
			}
			text := strings.Join(all, " ")
			if err := RoleTextError(lines, c); err != nil {
				t.Errorf("%s, %s: %v", kind, role, err)
			}
			switch {
			case role != RoleParticipant:
				if hasWordLulus(text) || !strings.Contains(text, "sebagai "+role.Label()) {
					t.Errorf("%s for a %s: %s", kind, role, text)
				}
			case kind == "piagam":
				if hasWordLulus(text) {
					t.Errorf("piagam calls a participant lulus: %s", text)
				}
			default:
				if !strings.Contains(strings.ToUpper(text), "DINYATAKAN LULUS") || !strings.Contains(text, "dengan predikat MEMUASKAN") {
					t.Errorf("%s for a participant who passed: %s", kind, text)
				}
			}
		}
	}
	// A seminar participant without a score in a program without a pass score only "telah mengikuti".
	tpl, _ := ParseCertificateTemplate(DefaultCertificateBody("sertifikat"))
	for _, l := range tpl.Fill(CertificateValuesOf("sertifikat", testProgram(), &Certificate{HolderName: "Siti", Role: RoleParticipant})) {
		if hasWordLulus(l.Text) {
			t.Errorf("no pass applies, yet: %s", l.Text)
		}
	}
	// A body that writes LULUS itself is refused when saved, and for a speaker when printed.
	d := &CertificateDesign{Kind: "sttp", Body: "# {nama}\n## TELAH MENGIKUTI DAN DINYATAKAN LULUS\n{program}"}
	d.Normalize()
	if err := d.Validate(); err == nil || !strings.Contains(err.Error(), "{keterangan}") {
		t.Errorf("a body with LULUS written in: %v", err)
	}
	bad, _ := ParseCertificateTemplate(d.Body)
	speaker := &Certificate{HolderName: "Dr. Hendra", Role: RoleSpeaker}
	if err := RoleTextError(bad.Fill(CertificateValuesOf("sttp", testProgram(), speaker)), speaker); err == nil || !strings.Contains(err.Error(), "Dr. Hendra") {
		t.Errorf("printing LULUS for a speaker: %v", err)
	}
}
