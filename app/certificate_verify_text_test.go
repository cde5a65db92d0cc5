package app

import (
	"crypto/ed25519"
	"crypto/rand"
	"strings"
	"testing"
	"time"

	"github.com/pembina/pembina/data"
	"github.com/pembina/pembina/data/store"
)

// TestVerificationPhrasesHaveEnglish checks every answer of a certificate check (each verdict, each way a text
// can be unreadable, the notes) through data.VerifyCertificate: every phrase it says, and every phrase inside
// one, has English, and the English window shows the answer in English.
func TestVerificationPhrasesHaveEnglish(t *testing.T) {
	en, err := englishTranslations()
	if err != nil {
		t.Fatal(err)
	}
	key := func() ed25519.PrivateKey {
		_, k, err := ed25519.GenerateKey(rand.Reader)
		if err != nil {
			t.Fatal(err)
		}
		return k
	}
	own, office, stranger := key(), key(), key()
	day := time.Date(2026, 11, 28, 0, 0, 0, 0, time.UTC)
	p := &data.Program{Code: "PTD-I/2026", StartDate: day.AddDate(0, 0, -3), EndDate: day.AddDate(0, 0, -1), TotalJP: 30}
	c := &data.Certificate{Number: "800/007/DISDIK/XI/2026", HolderName: "Siti Aminah, S.Pd.", NIP: "198609262015051001",
		Role: data.RoleParticipant, IssuedOn: day}
	text := data.SignClaim(data.ClaimOf(p, c), own)
	keys := []data.TrustedKey{{Public: own.Public().(ed25519.PublicKey), Own: true},
		{Public: office.Public().(ed25519.PublicKey), Label: "BKPSDM Kabupaten Sukamaju"}}
	field := func(text string, i int, value string) string {
		f := strings.Split(text, "|")
		f[i] = value
		return strings.Join(f, "|")
	}
	corrected := *c
	corrected.HolderName, corrected.Earlier = "Siti Aminah, S.Pd., M.Pd.", []string{text}
	corrected.Payload = data.SignClaim(data.ClaimOf(p, &corrected), own)
	someoneElse := *c
	someoneElse.NIP = "199001012015051002"
	someoneElse.Payload = data.SignClaim(data.ClaimOf(p, &someoneElse), own)
	renamed := *c
	renamed.HolderName, renamed.Role = "Siti Aminah", data.RoleSpeaker
	renamed.Payload = data.SignClaim(data.ClaimOf(p, &renamed), own)
	revoked, revokedToday := *c, *c
	revoked.Payload, revoked.Revoked, revoked.RevokedReason = text, true, "terbit ganda"
	revokedToday.Payload, revokedToday.Revoked, revokedToday.RevokedReason, revokedToday.RevokedAt = text, true, "terbit ganda", day
	recorded := *c
	recorded.Payload = text

	cases := []struct {
		name     string
		text     string
		register *data.Certificate
		want     data.Verdict
	}{
		{"valid", text, &recorded, data.VerdictValid},
		{"altered", field(text, 3, "Siti Aminah, S.Pd., M.Pd."), &recorded, data.VerdictAltered},
		{"unknown key", data.SignClaim(data.ClaimOf(p, c), stranger), &recorded, data.VerdictUnknown},
		{"key code changed", field(text, 11, data.KeyID(office.Public().(ed25519.PublicKey))), &recorded, data.VerdictAltered},
		{"another office", data.SignClaim(data.ClaimOf(p, c), office), nil, data.VerdictValid},
		{"not in the register", text, nil, data.VerdictUnknown},
		{"revoked", text, &revoked, data.VerdictRevoked},
		{"revoked on a day", text, &revokedToday, data.VerdictRevoked},
		{"issued again", text, &corrected, data.VerdictValid},
		{"someone else's number", text, &someoneElse, data.VerdictAltered},
		{"recorded otherwise", text, &renamed, data.VerdictAltered},
		{"not a Pembina text", "https://example.org/sertifikat", nil, data.VerdictAltered},
		{"a field missing", field(text, 10, "") + "", nil, data.VerdictAltered},
		{"parts missing", strings.Join(strings.Split(text, "|")[:12], "|"), nil, data.VerdictAltered},
		{"parts missing, older format", "PBN1|800/001|198609262015051001|Siti", nil, data.VerdictAltered},
		{"signature cut", text[:len(text)-10], nil, data.VerdictAltered},
		{"key code damaged", field(text, 11, "kzzzzzzzz"), nil, data.VerdictAltered},
		{"role unknown", field(text, 4, "X"), nil, data.VerdictAltered},
		{"dates damaged", field(text, 6, "26xx01"), nil, data.VerdictAltered},
		{"issue date damaged", field(text, 10, "26xx01"), nil, data.VerdictAltered},
	}
	var missing func(p data.Phrase) []string
	missing = func(p data.Phrase) []string {
		var out []string
		if _, ok := en[p.Text]; !ok {
			out = append(out, p.Text)
		}
		for _, v := range p.Args {
			switch v := v.(type) {
			case data.Phrase:
				out = append(out, missing(v)...)
			case data.Phrases:
				for _, q := range v {
					out = append(out, missing(q)...)
				}
			}
		}
		return out
	}
	reasons := map[string]bool{}
	for _, tc := range cases {
		v, err := data.VerifyCertificate(tc.text, keys, func(string) (*data.Certificate, error) { return tc.register, nil })
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if v.Verdict != tc.want {
			t.Errorf("%s: %s (%s), want %s", tc.name, v.Verdict, v.Reason, tc.want)
		}
		if reasons[v.Reason.String()] {
			t.Errorf("%s: the same reason as another case (%s): the case proves nothing", tc.name, v.Reason)
		}
		reasons[v.Reason.String()] = true
		for _, p := range append([]data.Phrase{v.Reason}, v.Notes...) {
			for _, m := range missing(p) {
				t.Errorf("%s: %q has no English", tc.name, m)
			}
		}
	}
	for _, f := range append(data.ClaimFieldLists(), data.ClaimFieldNames...) {
		if _, ok := en[f]; !ok {
			t.Errorf("field name %q has no English", f)
		}
	}
	for _, f := range append(store.ChangeLabels(), "{{.Field}}: {{.Old}} → {{.New}}") {
		if _, ok := en[f]; !ok {
			t.Errorf("reissue change %q has no English", f)
		}
	}
	if _, ok := en[data.OwnSigner]; !ok {
		t.Errorf("%q has no English", data.OwnSigner)
	}

	if err := applyLanguage("en"); err != nil {
		t.Fatal(err)
	}
	defer applyLanguage("id")
	v, _ := data.VerifyCertificate(field(text, 4, ""), keys, func(string) (*data.Certificate, error) { return &recorded, nil })
	if got, want := phraseText(v.Reason), "The QR text is incomplete or not a Pembina certificate text (the role part is empty)"; got != want {
		t.Errorf("English reason %q, want %q", got, want)
	}
	v, _ = data.VerifyCertificate(text, keys, func(string) (*data.Certificate, error) { return &revokedToday, nil })
	if got := phraseText(v.Reason); got != "This certificate was revoked on 28 November 2026: terbit ganda" {
		t.Errorf("English revocation %q", got)
	}
}

// TestCounterLiftInEnglish: the notice that opening a database lifted a number counter reads in English in the
// English window, with its figures.
func TestCounterLiftInEnglish(t *testing.T) {
	l := store.CounterLift{Prefix: "SERT/{seq:03}/EPA-I/2026", Year: 2026, From: 0, To: 35}
	if !strings.Contains(l.Message(), "dinaikkan dari 0 ke 35") {
		t.Errorf("Indonesian: %s", l.Message())
	}
	if err := applyLanguage("en"); err != nil {
		t.Fatal(err)
	}
	defer applyLanguage("id")
	if got := phraseText(l.Phrase()); !strings.HasPrefix(got, "The certificate number counter SERT/{seq:03}/EPA-I/2026 of 2026 was raised from 0 to 35: numbers up to 35") {
		t.Errorf("English: %s", got)
	}
	letter := store.CounterLift{Prefix: "surat:800/{seq:03}/{month_roman}/{year}", Year: 2026, From: 0, To: 30}
	if got := phraseText(letter.Phrase()); !strings.HasPrefix(got, "The letter number counter 800/{seq:03}/{month_roman}/{year} of 2026 was raised from 0 to 30") {
		t.Errorf("English letter counter: %s", got)
	}
	if got := L("Penghitung nomor"); got != "Number counters" {
		t.Errorf("notice title %q", got)
	}
}
