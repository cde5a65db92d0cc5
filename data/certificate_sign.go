package data

import (
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"strconv"
	"strings"
	"time"
)

// The QR code of a certificate carries a compact signed text, readable by any QR app and checkable offline by
// any Pembina that knows the signing office's public key:
//
//	PBN2|800/007/DISDIK/XI/2026|198609262015051001|Dr. Siti Aminah, S.Pd.|P|PTD-I/2026|261103|261105|30|M|261128|k7c1f09a2|<signature>
//
// fields: format, number, NIP (or "#" and the participant's number), name as printed, role (P peserta,
// N narasumber, M moderator, T panitia), program code, first and last day (yymmdd), JP, predicate (SM Sangat
// Memuaskan, M Memuaskan, CM Cukup Memuaskan, KM Kurang Memuaskan, TM Tidak Memuaskan, "-" none), issue date
// (yymmdd), the key's ID (k and 8 hex digits: a hint to find the key, not signed) and the Ed25519 signature
// (base64url, 86 characters) over the fields before the key ID joined by "|". A "|" or "%" inside a field is
// written %7C or %25. Role and predicate are codes and dates have six digits so that the text stays within
// the QR version the older format needed (57 modules for most names): a larger code costs a first print of
// 1,000 certificates a tenth more time. Certificates printed before role, predicate and issue date were
// signed are "PBN1" texts (8-digit dates, no role, predicate or issue date); they keep verifying.

// PayloadFormat is the first field of every signed text this version writes.
const PayloadFormat = "PBN2"

// payloadFormatV1 is the first signed format, still verified.
const payloadFormatV1 = "PBN1"

// roleCodes are the roles as the signed text writes them.
var roleCodes = map[EnrolmentRole]string{RoleParticipant: "P", RoleSpeaker: "N", RoleModerator: "M", RoleCommittee: "T"}

// predicateCodes are the predicates as the signed text writes them: the initials.
var predicateCodes = map[string]string{"Sangat Memuaskan": "SM", "Memuaskan": "M", "Cukup Memuaskan": "CM",
	"Kurang Memuaskan": "KM", "Tidak Memuaskan": "TM"}

// codeOf finds the key of a code in one of the code maps.
func codeOf[K comparable](codes map[K]string, code string) (K, bool) {
	for k, v := range codes {
		if v == code {
			return k, true
		}
	}
	var zero K
	return zero, false
}

// shortDate is the date layout of PBN2 texts.
const shortDate = "060102"

// noPredicate stands in the signed text for a certificate without a predicate, so that an empty field always
// means a field cut out.
const noPredicate = "-"

// CertificateClaim is what a certificate's QR code asserts.
type CertificateClaim struct {
	Format      string // PayloadFormat, or "PBN1" for a certificate printed before role, predicate and date were signed
	Number      string
	Holder      string // NIP, or "#" and the participant's number
	Name        string
	Role        EnrolmentRole // PBN2
	ProgramCode string
	Start, End  time.Time
	JP          int
	Predicate   string    // PBN2; "" for none
	Issued      time.Time // PBN2
}

// ClaimOf is the claim of certificate c, taken from what c recorded at issue (its snapshot); p supplies the
// program's part only for a certificate that recorded none.
func ClaimOf(p *Program, c *Certificate) CertificateClaim {
	p = c.ProgramAsPrinted(p)
	role := c.Role
	if role == "" {
		role = RoleParticipant
	}
	return CertificateClaim{Format: PayloadFormat, Number: c.Number, Holder: c.IdentityKey(), Name: c.HolderName, Role: role,
		ProgramCode: p.Code, Start: p.StartDate, End: p.EndDate, JP: p.TotalJP, Predicate: c.PredicateAsPrinted(), Issued: c.IssuedOn}
}

var payloadEscaper = strings.NewReplacer("%", "%25", "|", "%7C", "\n", " ", "\r", " ")
var payloadUnescaper = strings.NewReplacer("%7C", "|", "%7c", "|", "%25", "%")

// message is the signed part of the text.
func (c CertificateClaim) message() string {
	if c.Format == payloadFormatV1 {
		fields := []string{payloadFormatV1, c.Number, c.Holder, c.Name, c.ProgramCode, c.Start.Format("20060102"),
			c.End.Format("20060102"), strconv.Itoa(c.JP)}
		for i := 1; i < 5; i++ {
			fields[i] = payloadEscaper.Replace(fields[i])
		}
		return strings.Join(fields, "|")
	}
	predicate := noPredicate
	if c.Predicate != "" {
		if predicate = predicateCodes[c.Predicate]; predicate == "" {
			predicate = c.Predicate // a label this version does not know, written out
		}
	}
	esc := payloadEscaper.Replace
	return strings.Join([]string{PayloadFormat, esc(c.Number), esc(c.Holder), esc(c.Name), roleCodes[c.Role], esc(c.ProgramCode),
		c.Start.Format(shortDate), c.End.Format(shortDate), strconv.Itoa(c.JP), esc(predicate), c.Issued.Format(shortDate)}, "|")
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

// claimFields names the fields of each format, in order, as a coordinator would call them.
var claimFields = map[string][]string{
	payloadFormatV1: {"format", "nomor", "NIP", "nama", "kode program", "tanggal mulai", "tanggal selesai", "JP", "kode kunci", "tanda tangan"},
	PayloadFormat: {"format", "nomor", "NIP", "nama", "peran", "kode program", "tanggal mulai", "tanggal selesai", "JP", "predikat",
		"tanggal terbit", "kode kunci", "tanda tangan"},
}

// ClaimFieldNames are the names of the fields of the current format, for the window's translations.
var ClaimFieldNames = claimFields[PayloadFormat]

// ClaimFieldLists are the fields of each format listed in one phrase, as a text with parts missing names them,
// for the window's translations.
func ClaimFieldLists() []string {
	return []string{strings.Join(claimFields[PayloadFormat], ", "), strings.Join(claimFields[payloadFormatV1], ", ")}
}

// UnreadableClaim is ParseSignedClaim's error: the text is not a whole Pembina certificate text, and Reason
// says in a phrase what is wrong with it.
type UnreadableClaim struct{ Reason Phrase }

func (e *UnreadableClaim) Error() string { return e.Reason.String() }

// ParseSignedClaim takes a signed text apart. A text that is cut short, has a field too many or too few, has a
// field left empty, or is not a Pembina certificate text is an invalid-kind error naming what is wrong (an
// UnreadableClaim in its chain).
func ParseSignedClaim(text string) (*SignedClaim, error) {
	sc, why := parseSignedClaim(text)
	if why != nil {
		reason := Phrase{Text: "Teks QR tidak utuh atau bukan teks sertifikat Pembina ({{.Why}})", Args: map[string]any{"Why": *why}}
		return nil, Wrap(KindInvalid, &UnreadableClaim{Reason: reason}, "%s", reason)
	}
	return sc, nil
}

// parseSignedClaim is ParseSignedClaim, saying what is wrong as a phrase.
func parseSignedClaim(text string) (*SignedClaim, *Phrase) {
	text = strings.TrimSpace(text)
	bad := func(why string, args ...any) (*SignedClaim, *Phrase) {
		p := Phrase{Text: why}
		if len(args) > 0 {
			p.Args = map[string]any{}
			for i := 0; i+1 < len(args); i += 2 {
				p.Args[args[i].(string)] = args[i+1]
			}
		}
		return nil, &p
	}
	fields := strings.Split(text, "|")
	names, ok := claimFields[fields[0]]
	if !ok {
		return bad("tidak diawali {{.Format}} atau {{.Older}}", "Format", PayloadFormat, "Older", payloadFormatV1)
	}
	if len(fields) != len(names) {
		return bad("jumlah bagiannya {{.Got}}, seharusnya {{.Want}}: {{.Fields}}", "Got", len(fields), "Want", len(names),
			"Fields", Phrase{Text: strings.Join(names, ", ")})
	}
	for i, f := range fields {
		if strings.TrimSpace(f) == "" {
			return bad("bagian {{.Field}} kosong", "Field", Phrase{Text: names[i]})
		}
	}
	n := len(fields)
	sig, err := base64.RawURLEncoding.Strict().DecodeString(fields[n-1])
	if err != nil || len(sig) != ed25519.SignatureSize {
		return bad("tanda tangan digitalnya terpotong atau rusak")
	}
	keyID := fields[n-2]
	if len(keyID) != 9 || keyID[0] != 'k' {
		return bad("kode kuncinya rusak")
	}
	if _, err := hex.DecodeString(keyID[1:]); err != nil {
		return bad("kode kuncinya rusak")
	}
	un := payloadUnescaper.Replace
	c := CertificateClaim{Format: fields[0], Number: un(fields[1]), Holder: un(fields[2]), Name: un(fields[3])}
	rest := fields[4:]
	if c.Format == PayloadFormat {
		role, ok := codeOf(roleCodes, fields[4])
		if !ok {
			return bad("peran {{.Code}} tidak dikenal", "Code", fields[4])
		}
		c.Role = role
		rest = fields[5:]
	}
	c.ProgramCode = un(rest[0])
	layout := "20060102"
	if c.Format == PayloadFormat {
		layout = shortDate
	}
	start, err1 := time.Parse(layout, rest[1])
	end, err2 := time.Parse(layout, rest[2])
	jp, err3 := strconv.Atoi(rest[3])
	if err1 != nil || err2 != nil || err3 != nil {
		return bad("tanggal atau JP-nya rusak")
	}
	c.Start, c.End, c.JP = start, end, jp
	if c.Format == PayloadFormat {
		switch p := un(rest[4]); {
		case p == noPredicate:
		case predicateCodes[p] != "": // written out: see message
			c.Predicate = p
		default:
			if c.Predicate, ok = codeOf(predicateCodes, p); !ok {
				c.Predicate = p
			}
		}
		if c.Issued, err = time.Parse(shortDate, rest[5]); err != nil {
			return bad("tanggal terbitnya rusak")
		}
	}
	return &SignedClaim{KeyID: keyID, Signature: sig, message: strings.Join(fields[:n-2], "|"), Claim: c}, nil
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
	Reason  Phrase            // why
	Signer  string            // whose key signed: OwnSigner or the trusted office's label
	// From the register, when the certificate is this office's own:
	Certificate *Certificate
	Notes       []Phrase // e.g. a name corrected since this copy was printed
}

// OwnSigner is the Signer of a certificate signed with this database's own key.
const OwnSigner = "basis data ini"

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
		var bad *UnreadableClaim
		if !errors.As(err, &bad) {
			return nil, err
		}
		return &Verification{Verdict: VerdictAltered, Reason: bad.Reason}, nil
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
		v.Verdict, v.Reason = VerdictAltered, Phrase{Text: "Tanda tangan digital tidak cocok dengan isinya: teks telah diubah atau dipalsukan"}
		return v, nil
	case signer == nil:
		v.Verdict = VerdictUnknown
		v.Reason = Phrase{Text: "Ditandatangani dengan kunci {{.Key}} yang tidak dikenal basis data ini: sertifikat kantor lain " +
			"yang kunci publiknya belum dipercaya, atau palsu. Impor kunci publik kantor penerbitnya untuk memeriksanya",
			Args: map[string]any{"Key": sc.KeyID}}
		return v, nil
	case signer != hinted:
		v.Verdict, v.Reason = VerdictAltered, Phrase{Text: "Kode kunci pada teks telah diubah"}
		return v, nil
	}
	if !signer.Own {
		v.Verdict, v.Signer = VerdictValid, signer.Label
		v.Reason = Phrase{Text: "Tanda tangan digital cocok dengan kunci publik {{.Office}} yang dipercaya basis data ini",
			Args: map[string]any{"Office": signer.Label}}
		v.Notes = append(v.Notes, Phrase{Text: "Status pencabutan hanya dapat diperiksa di basis data kantor penerbitnya"})
		return v, nil
	}
	v.Signer = OwnSigner
	c, err := register(sc.Claim.Number)
	if err != nil {
		return nil, err
	}
	if c == nil {
		v.Verdict = VerdictUnknown
		v.Reason = Phrase{Text: "Ditandatangani kunci basis data ini, tetapi nomor {{.Number}} tidak ada di register " +
			"(basis data mungkin dipulihkan dari cadangan yang lebih lama)", Args: map[string]any{"Number": sc.Claim.Number}}
		return v, nil
	}
	v.Certificate = c
	if c.Revoked {
		v.Verdict = VerdictRevoked
		v.Reason = Phrase{Text: "Sertifikat ini dicabut: {{.Reason}}", Args: map[string]any{"Reason": c.RevokedReason}}
		if !c.RevokedAt.IsZero() {
			v.Reason = Phrase{Text: "Sertifikat ini dicabut pada {{.Date}}: {{.Reason}}",
				Args: map[string]any{"Date": c.RevokedAt, "Reason": c.RevokedReason}}
		}
		return v, nil
	}
	// The text is compared with what the register recorded at issue (its signed text), never with the
	// holder's or the program's current data: a NIP or a title corrected later changes neither.
	recorded := c.RecordedClaim()
	if differs := recorded.Differences(sc.Claim); len(differs) > 0 {
		for _, earlier := range c.Earlier {
			if old, err := ParseSignedClaim(earlier); err == nil && old.message == sc.message {
				v.Verdict = VerdictValid
				v.Reason = Phrase{Text: "Tanda tangan digital cocok; sertifikat ini telah diterbitkan ulang dengan nomor yang sama"}
				v.Notes = append(v.Notes, Phrase{Text: "Cetakan ini versi sebelum diterbitkan ulang; yang berlaku kini memuat {{.Differences}}",
					Args: map[string]any{"Differences": differs}})
				return v, nil
			}
		}
		v.Verdict = VerdictAltered
		if recorded.Holder != sc.Claim.Holder {
			v.Reason = Phrase{Text: "Nomor {{.Number}} di register milik orang lain", Args: map[string]any{"Number": c.Number}}
		} else {
			v.Reason = Phrase{Text: "Isi teks berbeda dengan yang tercatat di register untuk nomor {{.Number}}: {{.Differences}}",
				Args: map[string]any{"Number": c.Number, "Differences": differs}}
		}
		return v, nil
	}
	v.Verdict = VerdictValid
	v.Reason = Phrase{Text: "Tanda tangan digital cocok dan sertifikat tercatat berlaku di register"}
	return v, nil
}

// RecordedClaim is what the register recorded for c at issue: its signed text taken apart, or for a
// certificate without one the claim of its snapshot.
func (c *Certificate) RecordedClaim() CertificateClaim {
	if sc, err := ParseSignedClaim(c.Payload); err == nil {
		return sc.Claim
	}
	return ClaimOf(&Program{}, c)
}

// Differences lists the fields in which other says something else than c, each as a phrase "NIP
// 198609262015051001" with c's value. Fields a PBN1 text lacks are not compared.
func (c CertificateClaim) Differences(other CertificateClaim) Phrases {
	var out Phrases
	add := func(text string, mine, theirs any) {
		if mine != theirs {
			if mine == "" {
				mine = Phrase{Text: "(kosong)"}
			}
			out = append(out, Phrase{Text: text, Args: map[string]any{"Value": mine}})
		}
	}
	holder := "NIP {{.Value}}"
	if strings.HasPrefix(c.Holder, "#") {
		holder = "identitas {{.Value}}"
	}
	add(holder, c.Holder, other.Holder)
	add("nama {{.Value}}", c.Name, other.Name)
	add("kode program {{.Value}}", c.ProgramCode, other.ProgramCode)
	if !c.Start.Equal(other.Start) || !c.End.Equal(other.End) {
		out = append(out, Phrase{Text: "tanggal {{.Start}} s.d. {{.End}}", Args: map[string]any{"Start": c.Start, "End": c.End}})
	}
	add("JP {{.Value}}", strconv.Itoa(c.JP), strconv.Itoa(other.JP))
	if c.Format == PayloadFormat && other.Format == PayloadFormat {
		if c.Role != other.Role {
			out = append(out, Phrase{Text: "peran {{.Value}}", Args: map[string]any{"Value": Phrase{Text: c.Role.Label()}}})
		}
		add("predikat {{.Value}}", c.Predicate, other.Predicate)
		if !c.Issued.Equal(other.Issued) {
			out = append(out, Phrase{Text: "tanggal terbit {{.Value}}", Args: map[string]any{"Value": c.Issued}})
		}
	}
	return out
}
