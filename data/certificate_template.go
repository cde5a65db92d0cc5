package data

import (
	"sort"
	"strings"
	"time"

	"github.com/pembina/pembina/data/indo"
	"github.com/pembina/pembina/data/nip"
	"github.com/pembina/pembina/data/rank"
)

// A certificate body is a small template a coordinator can edit in the window. Each line is one of:
//
//	# {nama}                    the holder's name: large and bold, shrunk or wrapped to fit
//	## TELAH MENGIKUTI          a heading: bold
//	| Jabatan | {jabatan}       a row of the identity block: label, colon, value (left out when the value is empty)
//	anything else               a paragraph, centred and wrapped
//
// {placeholders} are filled per holder (CertificatePlaceholders lists them); a part in [square brackets] is
// printed only when every placeholder inside it has a value, as in "[ dengan predikat {predikat}]". A line
// that ends up empty is left out.

// CertificatePlaceholders are the placeholders a body template may use, with what each is filled with.
var CertificatePlaceholders = []struct{ Name, Meaning string }{
	{"nama", "nama dengan gelar"},
	{"nip", "NIP dalam bentuk cetak (19860926 201505 1 001)"},
	{"ttl", "tempat dan tanggal lahir"},
	{"pangkat", "pangkat/golongan saat program"},
	{"jabatan", "jabatan saat program"},
	{"unit_kerja", "unit kerja saat program"},
	{"instansi", "instansi saat program"},
	{"peran", "peran: Peserta, Narasumber, Moderator, Panitia"},
	{"program", "nama program"},
	{"jenis_program", "jenis program, misalnya Pelatihan Teknis"},
	{"angkatan", "angkatan, misalnya Angkatan II"},
	{"penyelenggara", "penyelenggara"},
	{"tempat", "tempat program"},
	{"tanggal", "tanggal program, misalnya 3 s.d. 5 November 2026"},
	{"jp", "JP dengan angka dan huruf, misalnya 30 (tiga puluh)"},
	{"nilai", "nilai akhir, bila ada"},
	{"predikat", "predikat kelulusan dari nilai akhir, bila ada"},
	{"keterangan", "TELAH MENGIKUTI DAN DINYATAKAN LULUS bagi peserta yang lulus, selainnya TELAH MENGIKUTI"},
	{"lulus", "dinyatakan LULUS bagi peserta yang lulus; kosong untuk narasumber, moderator dan panitia"},
	{"sebagai", "sebagai Narasumber, sebagai Moderator atau sebagai Panitia; kosong untuk peserta"},
	{"tahun", "tahun anggaran program"},
}

// DefaultCertificateBody is the built-in body of a certificate kind. The words that depend on
// the holder's role come from placeholders: only a participant who passed is "dinyatakan LULUS"; speakers,
// moderators and the committee are named "sebagai Narasumber/Moderator/Panitia".
func DefaultCertificateBody(kind string) string {
	identity := "Diberikan kepada:\n# {nama}\n| NIP | {nip}\n| Pangkat/Golongan | {pangkat}\n| Jabatan | {jabatan}\n" +
		"| Unit Kerja | {unit_kerja}\n| Instansi | {instansi}\n"
	switch kind {
	case "sttp":
		return identity + "## {keterangan}\n" +
			"{program} {angkatan}[ {sebagai}] yang diselenggarakan oleh {penyelenggara}[ di {tempat}] pada tanggal {tanggal} " +
			"sebanyak {jp} jam pelajaran[ dengan predikat {predikat}]."
	case "piagam":
		return "Diberikan kepada:\n# {nama}\n[NIP. {nip}]\n[{jabatan}][, {unit_kerja}]\n" +
			"## SEBAGAI TANDA PENGHARGAAN\natas peran sertanya sebagai {peran} dalam {program} {angkatan} " +
			"yang diselenggarakan oleh {penyelenggara}[ di {tempat}] pada tanggal {tanggal}."
	}
	return identity + "## TELAH MENGIKUTI\n" +
		"{program} {angkatan} sebagai {peran} yang diselenggarakan oleh {penyelenggara}[ di {tempat}] pada tanggal {tanggal} " +
		"sebanyak {jp} jam pelajaran[ dan {lulus}][ dengan predikat {predikat}]."
}

// CertificateLineKind says how a line of the body is printed.
type CertificateLineKind int

// The kinds of body line.
const (
	LineParagraph CertificateLineKind = iota
	LineName
	LineHeading
	LineIdentity
)

// CertificateLine is one line of a body: a template line before Fill, printed text after.
type CertificateLine struct {
	Kind  CertificateLineKind
	Label string // identity rows: "Jabatan"
	Text  string
}

// CertificateTemplate is a parsed body.
type CertificateTemplate []CertificateLine

// ParseCertificateTemplate reads a body template, or says in Indonesian which line is wrong and why.
func ParseCertificateTemplate(body string) (CertificateTemplate, error) {
	known := map[string]bool{}
	for _, p := range CertificatePlaceholders {
		known[p.Name] = true
	}
	var t CertificateTemplate
	hasName := false
	for i, raw := range strings.Split(strings.ReplaceAll(body, "\r\n", "\n"), "\n") {
		line := strings.TrimSpace(raw)
		if line == "" {
			continue
		}
		var l CertificateLine
		switch {
		case strings.HasPrefix(line, "##"):
			l = CertificateLine{Kind: LineHeading, Text: strings.TrimSpace(line[2:])}
		case strings.HasPrefix(line, "#"):
			l = CertificateLine{Kind: LineName, Text: strings.TrimSpace(line[1:])}
		case strings.HasPrefix(line, "|"):
			cells := strings.SplitN(strings.TrimPrefix(line, "|"), "|", 2)
			if len(cells) != 2 || strings.TrimSpace(cells[0]) == "" {
				return nil, Errorf(KindInvalid, "Baris %d isi sertifikat: baris identitas ditulis | Label | {isian}, misalnya | Jabatan | {jabatan}", i+1)
			}
			l = CertificateLine{Kind: LineIdentity, Label: strings.TrimSpace(cells[0]), Text: strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(cells[1]), "|"))}
		default:
			l = CertificateLine{Kind: LineParagraph, Text: line}
		}
		depth := 0
		for j := 0; j < len(l.Text); j++ {
			switch l.Text[j] {
			case '[':
				depth++
				if depth > 1 {
					return nil, Errorf(KindInvalid, "Baris %d isi sertifikat: tanda [ ] tidak boleh bersarang", i+1)
				}
			case ']':
				depth--
				if depth < 0 {
					return nil, Errorf(KindInvalid, "Baris %d isi sertifikat: tanda ] tanpa pasangan [", i+1)
				}
			case '{':
				end := strings.IndexByte(l.Text[j:], '}')
				if end < 0 {
					return nil, Errorf(KindInvalid, "Baris %d isi sertifikat: tanda { tanpa penutup }", i+1)
				}
				name := l.Text[j+1 : j+end]
				if !known[name] {
					return nil, Errorf(KindInvalid, "Baris %d isi sertifikat: isian {%s} tidak dikenal; yang dapat dipakai: %s", i+1, name, placeholderList())
				}
				hasName = hasName || name == "nama"
				j += end
			case '}':
				return nil, Errorf(KindInvalid, "Baris %d isi sertifikat: tanda } tanpa pasangan {", i+1)
			}
		}
		if depth != 0 {
			return nil, Errorf(KindInvalid, "Baris %d isi sertifikat: tanda [ tanpa penutup ]", i+1)
		}
		t = append(t, l)
	}
	if !hasName {
		return nil, Errorf(KindInvalid, "Isi sertifikat tidak memuat {nama}; tanpa nama pemegangnya sertifikat tidak berarti. Tambahkan baris # {nama}")
	}
	return t, nil
}

func placeholderList() string {
	names := make([]string, len(CertificatePlaceholders))
	for i, p := range CertificatePlaceholders {
		names[i] = "{" + p.Name + "}"
	}
	sort.Strings(names)
	return strings.Join(names, " ")
}

// Fill replaces the placeholders with values and drops what has nothing to show: a [part] with an empty
// placeholder, an identity row with an empty value, a line left empty.
func (t CertificateTemplate) Fill(values map[string]string) []CertificateLine {
	out := make([]CertificateLine, 0, len(t))
	for _, l := range t {
		text := fillText(l.Text, values)
		if strings.TrimSpace(text) == "" {
			continue
		}
		out = append(out, CertificateLine{Kind: l.Kind, Label: l.Label, Text: strings.Join(strings.Fields(text), " ")})
	}
	return out
}

// fillText fills one line; an optional [part] survives only when each of its placeholders has a value.
func fillText(s string, values map[string]string) string {
	var b strings.Builder
	for s != "" {
		open := strings.IndexByte(s, '[')
		if open < 0 {
			b.WriteString(substitute(s, values, nil))
			break
		}
		b.WriteString(substitute(s[:open], values, nil))
		end := strings.IndexByte(s[open:], ']')
		if end < 0 { // ParseCertificateTemplate refuses this; print what is there
			b.WriteString(substitute(s[open:], values, nil))
			break
		}
		empty := false
		part := substitute(s[open+1:open+end], values, &empty)
		if !empty {
			b.WriteString(part)
		}
		s = s[open+end+1:]
	}
	return b.String()
}

func substitute(s string, values map[string]string, empty *bool) string {
	var b strings.Builder
	for {
		open := strings.IndexByte(s, '{')
		if open < 0 {
			b.WriteString(s)
			return b.String()
		}
		end := strings.IndexByte(s[open:], '}')
		if end < 0 {
			b.WriteString(s)
			return b.String()
		}
		b.WriteString(s[:open])
		v := strings.TrimSpace(values[s[open+1:open+end]])
		if v == "" && empty != nil {
			*empty = true
		}
		b.WriteString(v)
		s = s[open+end+1:]
	}
}

// Certificate is one entry of the certificate register together with what its page prints about the holder:
// the identity and the rank, position, unit and agency of the enrolment snapshot.
type Certificate struct {
	ID            int64
	EnrolmentID   int64
	ParticipantID int64
	Number        string
	Seq           int
	IssuedOn      time.Time
	HolderName    string // as printed, with titles; a correction changes it, never the number
	NIP           string // digits, or ""
	BirthPlace    string
	BirthDate     time.Time
	RankCode      string
	Position      string
	Unit          string
	Agency        string
	Role          EnrolmentRole
	FinalScore    *float64
	Revoked       bool
	RevokedReason string
	RevokedAt     time.Time
	Predicate     string   // as printed; "" for none (a certificate recorded before predicates were kept: see PredicateAsPrinted)
	Payload       string   // the signed text in the QR code
	QR            []byte   // the QR code's modules, encoded once (see store.SaveCertificateQR); nil until then
	Earlier       []string // the signed texts it carried before it was issued again, oldest first

	// The program as printed on it (zero for a certificate recorded before programs were kept with it).
	ProgramCode, ProgramTitle, ProgramKind string
	Organiser, Place                       string
	Batch, BudgetYear, JP                  int
	Start, End                             time.Time
}

// ProgramAsPrinted is program p as certificate c printed it: p with the title, code, kind, batch, organiser,
// place, dates, JP and budget year recorded at issue, so that a program corrected later does not change a
// reprint. A certificate that recorded nothing gives p itself.
func (c *Certificate) ProgramAsPrinted(p *Program) *Program {
	if c.ProgramCode == "" {
		return p
	}
	copied := *p
	copied.Code, copied.Title, copied.Kind, copied.Organiser, copied.Place = c.ProgramCode, c.ProgramTitle, c.ProgramKind, c.Organiser, c.Place
	copied.Batch, copied.BudgetYear, copied.TotalJP, copied.StartDate, copied.EndDate = c.Batch, c.BudgetYear, c.JP, c.Start, c.End
	return &copied
}

// PredicateAsPrinted is the predicate the certificate shows: the recorded one, or for a participant with a
// final score and no recorded predicate the one of that score. Speakers, moderators and the committee have none.
func (c *Certificate) PredicateAsPrinted() string {
	if c.Role != RoleParticipant && c.Role != "" {
		return ""
	}
	if c.Predicate != "" {
		return c.Predicate
	}
	if c.FinalScore != nil {
		return Predicate(*c.FinalScore)
	}
	return ""
}

// TakeProgram records program p on the certificate as it stands now (at issue, or when issued again).
func (c *Certificate) TakeProgram(p *Program) {
	c.ProgramCode, c.ProgramTitle, c.ProgramKind, c.Organiser, c.Place = p.Code, p.Title, p.Kind, p.Organiser, p.Place
	c.Batch, c.BudgetYear, c.JP, c.Start, c.End = p.Batch, p.BudgetYear, p.TotalJP, p.StartDate, p.EndDate
}

// IdentityKey is how the certificate names its holder in file names and in the QR text: the NIP, or "#" and
// the participant's number in this database for someone without one.
func (c *Certificate) IdentityKey() string {
	if c.NIP != "" {
		return c.NIP
	}
	return "#" + indo.Plain(c.ParticipantID)
}

// StatusLabel is the certificate's status in Indonesian.
func (c *Certificate) StatusLabel() string {
	if c.Revoked {
		return "Dicabut"
	}
	return "Berlaku"
}

// CertificateValues are the placeholder values of one certificate of program p, for a design of no particular
// kind (CertificateValuesOf says what the kind changes).
func CertificateValues(p *Program, c *Certificate) map[string]string {
	return CertificateValuesOf("", p, c)
}

// PassApplies reports whether the holder of c is "dinyatakan LULUS" on a certificate of the given kind: a
// participant, on an STTP (a training's graduation document) or in a program with a pass score or a final
// score. Speakers, moderators and the committee never are.
func PassApplies(kind string, p *Program, c *Certificate) bool {
	if c.Role != RoleParticipant && c.Role != "" {
		return false
	}
	return kind == "sttp" || p.PassScore > 0 || c.FinalScore != nil
}

// CertificateValuesOf are the placeholder values of one certificate of program p on a design of the given kind,
// taken from what the certificate recorded at issue.
func CertificateValuesOf(kind string, p *Program, c *Certificate) map[string]string {
	p = c.ProgramAsPrinted(p)
	v := map[string]string{
		"nama":          c.HolderName,
		"jabatan":       c.Position,
		"unit_kerja":    c.Unit,
		"instansi":      c.Agency,
		"peran":         c.Role.Label(),
		"program":       p.Title,
		"jenis_program": p.Kind,
		"angkatan":      p.BatchLabel(),
		"penyelenggara": p.Organiser,
		"tempat":        p.Place,
		"tanggal":       p.Dates(),
		"jp":            indo.WithWords(int64(p.TotalJP)),
		"tahun":         indo.Plain(int64(p.BudgetYear)),
	}
	if c.NIP != "" {
		v["nip"] = nip.Format(c.NIP)
	}
	if c.RankCode != "" {
		if r, ok := rank.ByCode(c.RankCode); ok {
			v["pangkat"] = r.Label()
		} else {
			v["pangkat"] = c.RankCode
		}
	}
	switch {
	case c.BirthPlace != "" && !c.BirthDate.IsZero():
		v["ttl"] = c.BirthPlace + ", " + indo.Date(c.BirthDate)
	case !c.BirthDate.IsZero():
		v["ttl"] = indo.Date(c.BirthDate)
	}
	if c.FinalScore != nil && (c.Role == RoleParticipant || c.Role == "") {
		v["nilai"] = FormatScoreValue(*c.FinalScore)
	}
	if pr := c.PredicateAsPrinted(); pr != "" {
		v["predikat"] = strings.ToUpper(pr)
	}
	if v["peran"] == "" {
		v["peran"] = RoleParticipant.Label()
	}
	v["keterangan"] = "TELAH MENGIKUTI"
	if PassApplies(kind, p, c) {
		v["lulus"] = "dinyatakan LULUS"
		v["keterangan"] = "TELAH MENGIKUTI DAN DINYATAKAN LULUS"
	}
	if c.Role != RoleParticipant && c.Role != "" {
		v["sebagai"] = "sebagai " + v["peran"]
	}
	return v
}

// RoleTextError refuses filled lines that call a speaker, a moderator or the committee "lulus": a body
// written with the word itself instead of {keterangan} or {lulus}.
func RoleTextError(lines []CertificateLine, c *Certificate) error {
	if c.Role == RoleParticipant || c.Role == "" {
		return nil
	}
	for _, l := range lines {
		if hasWordLulus(l.Text) {
			return Errorf(KindInvalid, "Isi sertifikat menyebut %s (%s) LULUS, padahal narasumber, moderator dan panitia tidak dinyatakan lulus. "+
				"Di desain sertifikat ganti kata LULUS dengan {keterangan} atau [ dan {lulus}]", c.HolderName, c.Role.Label())
		}
	}
	return nil
}

// hasWordLulus reports whether text has the word "lulus" in any case, outside {placeholders}.
func hasWordLulus(text string) bool {
	for _, w := range strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !(r >= 'a' && r <= 'z') && r != '{' && r != '}' && r != '_'
	}) {
		if w == "lulus" {
			return true
		}
	}
	return false
}
