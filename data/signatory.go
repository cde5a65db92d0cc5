package data

import (
	"strings"

	"github.com/pembina/pembina/data/nip"
	"github.com/pembina/pembina/data/rank"
)

// Delegations are the prefixes used when an official signs in another's stead: Plt. (pelaksana tugas),
// Plh. (pelaksana harian), a.n. (atas nama).
var Delegations = []string{"", "Plt.", "Plh.", "a.n."}

// Signatory is an official who signs certificates, sign-in sheets and reports.
type Signatory struct {
	ID         int64
	Name       string
	FrontTitle string // "Dr."
	BackTitle  string // "S.Pd., M.Si."
	NIP        string
	Position   string // "Kepala Dinas Pendidikan"
	Delegation string // one of Delegations
	OnBehalfOf string // with a.n.: the office signed for
	RankCode   string
	Signature  []byte // scanned signature image, optional
	Active     bool
}

// FullName is the name with academic titles as printed under a signature.
func (s *Signatory) FullName() string { return FullName(s.FrontTitle, s.Name, s.BackTitle) }

// PositionLines are the lines above the signature: "a.n. KEPALA DINAS PENDIDIKAN," then "SEKRETARIS,", or
// "Plt. KEPALA DINAS PENDIDIKAN,"; positions are written in capitals and end with a comma. "a.n." names the
// office signed for, never the signer's own position: a signatory saved before Validate required the office
// prints only the position rather than "a.n. SEKRETARIS,".
func (s *Signatory) PositionLines() []string {
	pos := strings.ToUpper(strings.TrimSpace(s.Position))
	switch s.Delegation {
	case "a.n.":
		if office := strings.TrimSpace(s.OnBehalfOf); office != "" {
			return []string{"a.n. " + strings.ToUpper(office) + ",", pos + ","}
		}
	case "Plt.", "Plh.":
		return []string{s.Delegation + " " + pos + ","}
	}
	return []string{pos + ","}
}

// Normalize trims the fields and reduces the NIP to its digits. The office signed for is kept only with
// "a.n.", the one delegation that prints it.
func (s *Signatory) Normalize() {
	trim(&s.Name, &s.FrontTitle, &s.BackTitle, &s.Position, &s.OnBehalfOf)
	if s.Delegation != "a.n." {
		s.OnBehalfOf = ""
	}
	if strings.TrimSpace(s.NIP) != "" {
		s.NIP = nip.Clean(s.NIP)
	}
	if code, ok := rank.Normalize(s.RankCode); ok {
		s.RankCode = code
	}
}

// Validate checks the signatory.
func (s *Signatory) Validate() error {
	var fe FieldErrors
	if s.Name == "" {
		fe.Add("Nama", "wajib diisi")
	}
	if s.Position == "" {
		fe.Add("Jabatan", "wajib diisi, misalnya Kepala Dinas Pendidikan")
	}
	if s.NIP != "" {
		if _, err := nip.Parse(s.NIP); err != nil {
			fe.Add("NIP", "%s", err)
		}
	}
	valid := false
	for _, d := range Delegations {
		valid = valid || s.Delegation == d
	}
	if !valid {
		fe.Add("Status penandatangan", "pilih kosong, Plt., Plh. atau a.n.")
	}
	if s.Delegation == "a.n." && s.OnBehalfOf == "" {
		fe.Add("Atas nama", "wajib diisi bila menandatangani a.n.: jabatan yang diwakili, misalnya Kepala Dinas Pendidikan")
	}
	if _, ok := rank.ByCode(s.RankCode); s.RankCode != "" && !ok {
		fe.Add("Pangkat/Golongan", "%q tidak dikenal", s.RankCode)
	}
	if len(s.Signature) > 0 {
		if err := CheckImage(s.Signature, "berkas gambarnya"); err != nil {
			fe.Add("Tanda tangan", "%s", SentenceOf(err))
		}
	}
	return fe.Err()
}

// FullName joins front titles, name and back titles as Indonesian documents print them:
// "Dr. Siti Aminah, S.Pd., M.Pd.".
func FullName(front, name, back string) string {
	s := strings.TrimSpace(name)
	if f := strings.TrimSpace(front); f != "" {
		s = f + " " + s
	}
	if b := strings.TrimSpace(back); b != "" {
		s += ", " + b
	}
	return s
}

func trim(fields ...*string) {
	for _, f := range fields {
		*f = CleanLine(*f)
	}
}
