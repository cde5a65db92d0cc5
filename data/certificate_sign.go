package data

import (
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"strconv"
	"strings"
	"time"

	"github.com/pembina/pembina/data/indo"
)

// The QR code of a certificate carries a compact signed text, readable by any QR app and checkable offline by
// any Pembina that knows the signing office's public key:
//
//	PBN1|800/007/DISDIK/XI/2026|198609262015051001|Dr. Siti Aminah, S.Pd.|PTD-I/2026|20261103|20261105|30|k7c1f09a2|<signature>
//
// fields: format, number, NIP (or "#" and the participant's number), name as printed, program code, first and
// last day, JP, the key's ID (k and 8 hex digits: a hint to find the key, not signed) and the Ed25519
// signature (base64url, 86 characters) over the fields before the key ID joined by "|". A "|" or "%" inside
// a field is written %7C or %25.

// PayloadFormat is the first field of every signed text this version writes.
const PayloadFormat = "PBN1"

// CertificateClaim is what a certificate's QR code asserts.
type CertificateClaim struct {
	Number      string
	Holder      string // NIP, or "#" and the participant's number
	Name        string
	ProgramCode string
	Start, End  time.Time
	JP          int
}

// ClaimOf is the claim of certificate c of program p.
func ClaimOf(p *Program, c *Certificate) CertificateClaim {
	return CertificateClaim{Number: c.Number, Holder: c.IdentityKey(), Name: c.HolderName, ProgramCode: p.Code,
		Start: p.StartDate, End: p.EndDate, JP: p.TotalJP}
}

var payloadEscaper = strings.NewReplacer("%", "%25", "|", "%7C", "\n", " ", "\r", " ")
var payloadUnescaper = strings.NewReplacer("%7C", "|", "%7c", "|", "%25", "%")

// message is the signed part of the text.
func (c CertificateClaim) message() string {
	fields := []string{PayloadFormat, c.Number, c.Holder, c.Name, c.ProgramCode, c.Start.Format("20060102"),
		c.End.Format("20060102"), strconv.Itoa(c.JP)}
	for i := 1; i < 5; i++ {
		fields[i] = payloadEscaper.Replace(fields[i])
	}
	return strings.Join(fields, "|")
}

// KeyID names a public key in a few characters: "k" and the first 8 hex digits of its SHA-256.
func KeyID(pub ed25519.PublicKey) string {
	sum := sha256.Sum256(pub)
	return "k" + hex.EncodeToString(sum[:4])
}

// SignClaim writes the signed text of a claim with the office's private key.
func SignClaim(c CertificateClaim, key ed25519.PrivateKey) string {
	msg := c.message()
	sig := ed25519.Sign(key, []byte(msg))
	return msg + "|" + KeyID(key.Public().(ed25519.PublicKey)) + "|" + base64.RawURLEncoding.EncodeToString(sig)
}

// SignedClaim is a signed text taken apart; ParseSignedClaim checks its form, VerifySignedClaim its signature.
type SignedClaim struct {
	Claim     CertificateClaim
	KeyID     string
	Signature []byte
	message   string
}

// ParseSignedClaim takes a signed text apart. A text that is cut short, has a field too many or too few, or is
// not a Pembina certificate text is an invalid-kind error.
func ParseSignedClaim(text string) (*SignedClaim, error) {
	text = strings.TrimSpace(text)
	bad := func(why string) error {
		return Errorf(KindInvalid, "Teks QR tidak utuh atau bukan teks sertifikat Pembina (%s)", why)
	}
	fields := strings.Split(text, "|")
	if len(fields) == 0 || fields[0] != PayloadFormat {
		return nil, bad("tidak diawali " + PayloadFormat)
	}
	if len(fields) != 10 {
		return nil, bad("jumlah bagiannya " + strconv.Itoa(len(fields)) + ", seharusnya 10")
	}
	sig, err := base64.RawURLEncoding.Strict().DecodeString(fields[9])
	if err != nil || len(sig) != ed25519.SignatureSize {
		return nil, bad("tanda tangan digitalnya terpotong atau rusak")
	}
	if len(fields[8]) != 9 || fields[8][0] != 'k' {
		return nil, bad("kode kuncinya rusak")
	}
	if _, err := hex.DecodeString(fields[8][1:]); err != nil {
		return nil, bad("kode kuncinya rusak")
	}
	start, err1 := time.Parse("20060102", fields[5])
	end, err2 := time.Parse("20060102", fields[6])
	jp, err3 := strconv.Atoi(fields[7])
	if err1 != nil || err2 != nil || err3 != nil {
		return nil, bad("tanggal atau JP-nya rusak")
	}
	sc := &SignedClaim{KeyID: fields[8], Signature: sig, message: strings.Join(fields[:8], "|"),
		Claim: CertificateClaim{Number: payloadUnescaper.Replace(fields[1]), Holder: payloadUnescaper.Replace(fields[2]),
			Name: payloadUnescaper.Replace(fields[3]), ProgramCode: payloadUnescaper.Replace(fields[4]), Start: start, End: end, JP: jp}}
	return sc, nil
}

// VerifiedBy reports whether pub signed the text.
func (sc *SignedClaim) VerifiedBy(pub ed25519.PublicKey) bool {
	return len(pub) == ed25519.PublicKeySize && ed25519.Verify(pub, []byte(sc.message), sc.Signature)
}

// Verdict is the answer of a certificate check.
type Verdict string

// The verdicts of VerifyCertificate.
const (
	VerdictValid   Verdict = "valid"   // signed by this office (or a trusted one) and not revoked
	VerdictAltered Verdict = "altered" // the signature does not match: changed, cut or forged
	VerdictRevoked Verdict = "revoked" // authentic, but revoked in this office's register
	VerdictUnknown Verdict = "unknown" // signed with a key this database does not know
)

// Label is the verdict in Indonesian, as the window and the command line print it.
func (v Verdict) Label() string {
	switch v {
	case VerdictValid:
		return "SAH"
	case VerdictAltered:
		return "TIDAK SAH: diubah atau dipalsukan"
	case VerdictRevoked:
		return "DICABUT"
	}
	return "TIDAK DIKENAL oleh basis data ini"
}

// Verification is the full answer of a certificate check: the verdict, what the text claims, and what the
// register says about it.
type Verification struct {
	Verdict Verdict
	Claim   *CertificateClaim // nil when the text could not be read
	Reason  string            // why, in Indonesian
	Signer  string            // whose key signed: "basis data ini" or the trusted office's label
	// From the register, when the certificate is this office's own:
	Certificate *Certificate
	Notes       []string // e.g. a name corrected since this copy was printed
}

// TrustedKey is a public key that verifies certificates; Own is this database's key (it can sign).
type TrustedKey struct {
	ID     int64
	Public ed25519.PublicKey
	Label  string
	Own    bool
}

// VerifyCertificate checks a QR text against the keys this database knows. register looks a number up in
// this office's certificate register and returns nil when it is not there. The answer is valid (signed by a
// known key, and for this office's own certificates present and not revoked), altered (the text was changed,
// cut short or forged), revoked, or unknown (signed by a key this database does not know: another office's
// certificate whose key has not been trusted, or a forgery).
func VerifyCertificate(text string, keys []TrustedKey, register func(number string) (*Certificate, error)) (*Verification, error) {
	sc, err := ParseSignedClaim(text)
	if err != nil {
		return &Verification{Verdict: VerdictAltered, Reason: ErrorMessage(err)}, nil
	}
	v := &Verification{Claim: &sc.Claim}
	var hinted, signer *TrustedKey
	for i := range keys {
		if KeyID(keys[i].Public) == sc.KeyID {
			hinted = &keys[i]
		}
	}
	if hinted != nil && sc.VerifiedBy(hinted.Public) {
		signer = hinted
	} else {
		for i := range keys {
			if sc.VerifiedBy(keys[i].Public) {
				signer = &keys[i]
				break
			}
		}
	}
	switch {
	case signer == nil && hinted != nil:
		v.Verdict, v.Reason = VerdictAltered, "Tanda tangan digital tidak cocok dengan isinya: teks telah diubah atau dipalsukan"
		return v, nil
	case signer == nil:
		v.Verdict = VerdictUnknown
		v.Reason = "Ditandatangani dengan kunci " + sc.KeyID + " yang tidak dikenal basis data ini: sertifikat kantor lain " +
			"yang kunci publiknya belum dipercaya, atau palsu. Impor kunci publik kantor penerbitnya untuk memeriksanya"
		return v, nil
	case signer != hinted:
		v.Verdict, v.Reason = VerdictAltered, "Kode kunci pada teks telah diubah"
		return v, nil
	}
	if !signer.Own {
		v.Verdict, v.Signer = VerdictValid, signer.Label
		v.Reason = "Tanda tangan digital cocok dengan kunci publik " + signer.Label + " yang dipercaya basis data ini"
		v.Notes = append(v.Notes, "Status pencabutan hanya dapat diperiksa di basis data kantor penerbitnya")
		return v, nil
	}
	v.Signer = "basis data ini"
	c, err := register(sc.Claim.Number)
	if err != nil {
		return nil, err
	}
	if c == nil {
		v.Verdict = VerdictUnknown
		v.Reason = "Ditandatangani kunci basis data ini, tetapi nomor " + sc.Claim.Number + " tidak ada di register " +
			"(basis data mungkin dipulihkan dari cadangan yang lebih lama)"
		return v, nil
	}
	v.Certificate = c
	if c.IdentityKey() != sc.Claim.Holder {
		v.Verdict, v.Reason = VerdictAltered, "Nomor "+c.Number+" di register milik orang lain"
		return v, nil
	}
	if c.Revoked {
		v.Verdict = VerdictRevoked
		v.Reason = "Sertifikat ini dicabut"
		if !c.RevokedAt.IsZero() {
			v.Reason += " pada " + indo.Date(c.RevokedAt)
		}
		v.Reason += ": " + c.RevokedReason
		return v, nil
	}
	v.Verdict = VerdictValid
	v.Reason = "Tanda tangan digital cocok dan sertifikat tercatat berlaku di register"
	if c.HolderName != sc.Claim.Name {
		v.Notes = append(v.Notes, "Nama di register telah dikoreksi menjadi "+c.HolderName+"; cetakan ini masih memuat nama lama")
	}
	return v, nil
}
