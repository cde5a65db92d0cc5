package data

import (
	"crypto/ed25519"
	"strings"
	"testing"
)

// FuzzVerifyCertificate feeds VerifyCertificate any text a QR reader could hand it: it never panics, never
// errors, and says valid only for the exact text this office signed (white space
// around it, as a scanner may add, aside).
func FuzzVerifyCertificate(f *testing.F) {
	seed := make([]byte, ed25519.SeedSize)
	key := ed25519.NewKeyFromSeed(seed)
	c := &Certificate{Number: "800/007/DISDIK/XI/2026", HolderName: "Dra. Siti | Aminah, M.Pd. 🙂", NIP: "198609262015051001", ParticipantID: 9}
	signed := SignClaim(ClaimOf(testProgram(), c), key)
	c.Payload = signed
	register := func(number string) (*Certificate, error) {
		if number == c.Number {
			return c, nil
		}
		return nil, nil
	}
	keys := []TrustedKey{{Public: key.Public().(ed25519.PublicKey), Own: true}}
	for _, s := range []string{signed, signed[:len(signed)/2], "", "PBN2", "PBN1|||||||||", "PBN2|a|b|c|x|d|e|f|g|h|i|k00000000|AA",
		"PBN2|1|2|3|P|ABC|000000|000000|-1|A|000000|k0000000g|" + signed[len(signed)-86:], "\x00\xff|PBN2|"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		v, err := VerifyCertificate(text, keys, register)
		if err != nil {
			t.Fatalf("VerifyCertificate(%q) returned an error: %v", text, err)
		}
		if v == nil || v.Verdict == "" {
			t.Fatalf("VerifyCertificate(%q) gave no verdict", text)
		}
		if v.Verdict == VerdictValid && strings.TrimSpace(text) != signed {
			t.Errorf("VerifyCertificate(%q) = valid; only the signed text %q is", text, signed)
		}
	})
}
