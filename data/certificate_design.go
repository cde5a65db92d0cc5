package data

import (
	_ "image/jpeg" // backgrounds and signatures come as JPEG too
	_ "image/png"
	"math"
	"strings"
	"time"
)

// CertificateDesign is how one program's certificates look: kind and title, paper orientation, the body text
// (a template, see CertificateTemplate), an optional full-page background, how the signature is applied,
// whether a second page lists the subjects, and where and when they are signed.
type CertificateDesign struct {
	ProgramID     int64
	Kind          string    // "sertifikat", "sttp" or "piagam" (CertificateKinds)
	Title         string    // "SERTIFIKAT", "SURAT TANDA TAMAT PELATIHAN", "PIAGAM PENGHARGAAN"
	Orientation   string    // "landscape" or "portrait"
	Body          string    // the template; empty means DefaultCertificateBody
	Background    []byte    // PNG or JPEG printed under the whole page; nil for a plain page with a border
	SignatureMode string    // "none" (wet signature), "image" (the signatory's scan) or "box" (room for a BSrE signature)
	SubjectsPage  bool      // a second page lists the subjects with their JP
	Place         string    // where it is signed; empty means the institution's city
	IssueDate     time.Time // the date printed and used for the number; zero means the day of issue
}

// IssuedOn is the date the program's new certificates carry when issued on day today: the design's, or today.
func (d *CertificateDesign) IssuedOn(today time.Time) time.Time {
	if !d.IssueDate.IsZero() {
		return d.IssueDate
	}
	return Day(today)
}

// Orientations of a certificate page.
var Orientations = []string{"landscape", "portrait"}

// SignatureModes of a certificate design, in the order the window offers them.
var SignatureModes = []string{"none", "image", "box"}

// SignatureModeLabel says in Indonesian what a signature mode puts on the page.
func SignatureModeLabel(mode string) string {
	switch mode {
	case "image":
		return "Gambar tanda tangan hasil pindai"
	case "box":
		return "Kotak untuk tanda tangan elektronik (BSrE)"
	}
	return "Ruang kosong untuk tanda tangan basah"
}

// CertificateKindLabel is a certificate kind as the window lists it.
func CertificateKindLabel(kind string) string {
	switch kind {
	case "sttp":
		return "STTP (Surat Tanda Tamat Pelatihan)"
	case "piagam":
		return "Piagam Penghargaan"
	}
	return "Sertifikat"
}

// Normalize trims the texts and fills what may be left empty.
func (d *CertificateDesign) Normalize() {
	trim(&d.Kind, &d.Orientation, &d.SignatureMode, &d.Place)
	d.Title = strings.Join(strings.Fields(d.Title), " ")
	d.Body = CleanText(d.Body)
	if d.Kind == "" {
		d.Kind = "sertifikat"
	}
	if d.Title == "" {
		d.Title = CertificateTitle(d.Kind)
	}
	if d.Orientation == "" {
		d.Orientation = "landscape"
	}
	if d.SignatureMode == "" {
		d.SignatureMode = "none"
	}
	if len(d.Background) == 0 {
		d.Background = nil
	}
}

// Validate checks the design; the message names each field that breaks a rule.
func (d *CertificateDesign) Validate() error {
	var fe FieldErrors
	valid := false
	for _, k := range CertificateKinds {
		valid = valid || d.Kind == k.Code
	}
	if !valid {
		fe.Add("Jenis", "pilih Sertifikat, STTP atau Piagam Penghargaan")
	}
	if d.Title == "" {
		fe.Add("Judul", "wajib diisi, misalnya SERTIFIKAT")
	} else if len([]rune(d.Title)) > 80 {
		fe.Add("Judul", "paling panjang 80 karakter")
	}
	if !oneOf(d.Orientation, Orientations) {
		fe.Add("Orientasi", "pilih mendatar (landscape) atau tegak (portrait)")
	}
	if !oneOf(d.SignatureMode, SignatureModes) {
		fe.Add("Tanda tangan", "pilih ruang kosong, gambar tanda tangan atau kotak tanda tangan elektronik")
	}
	if d.Body != "" {
		if _, err := ParseCertificateTemplate(d.Body); err != nil {
			fe.Add("Isi sertifikat", "%s", SentenceOf(err))
		} else if hasWordLulus(d.Body) {
			fe.Add("Isi sertifikat", "menulis kata LULUS langsung, sehingga narasumber, moderator dan panitia juga disebut lulus; "+
				"ganti dengan {keterangan} (judul) atau [ dan {lulus}] (kalimat), yang hanya terisi bagi peserta yang lulus")
		}
	}
	if len(d.Background) > 0 {
		if err := CheckImage(d.Background, "latar sertifikat"); err != nil {
			fe.Add("Gambar latar", "%s", SentenceOf(err))
		}
	}
	if len([]rune(d.Place)) > 100 {
		fe.Add("Tempat", "paling panjang 100 karakter")
	}
	return fe.Err()
}

// BodyTemplate is the design's template, or the built-in one when the design has none.
func (d *CertificateDesign) BodyTemplate() string {
	if strings.TrimSpace(d.Body) == "" {
		return DefaultCertificateBody(d.Kind)
	}
	return d.Body
}

// Predicates are the graduation predicates for programs with a final score (docs/domain.md §4), highest first: a
// score above Above earns Label. The bounds are the usual ones, not a regulation: change them here.
var Predicates = []struct {
	Above float64
	Label string
}{
	{90, "Sangat Memuaskan"},
	{80, "Memuaskan"},
	{70, "Cukup Memuaskan"},
	{60, "Kurang Memuaskan"},
	{-1, "Tidak Memuaskan"},
}

// Predicate returns the graduation predicate of a final score: 90,01–100 Sangat Memuaskan, 80,01–90
// Memuaskan, 70,01–80 Cukup Memuaskan, 60,01–70 Kurang Memuaskan, up to 60 Tidak Memuaskan. It is decided
// on the score as printed (RoundScore): 90,004 prints as 90 and is Memuaskan, 90,005 prints as 90,01 and is
// Sangat Memuaskan.
func Predicate(score float64) string {
	hundredths := scoreHundredths(score)
	for _, p := range Predicates {
		if hundredths > int64(math.Round(p.Above*100)) {
			return p.Label
		}
	}
	return Predicates[len(Predicates)-1].Label
}
