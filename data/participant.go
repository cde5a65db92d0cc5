package data

import (
	"net/mail"
	"slices"
	"strings"
	"time"

	"github.com/pembina/pembina/data/nip"
	"github.com/pembina/pembina/data/rank"
)

// EmploymentStatuses are the kinds of employment a participant can have.
var EmploymentStatuses = []string{"PNS", "CPNS", "PPPK", "PPPK Paruh Waktu", "Non-ASN"}

// PositionKinds are the kinds of position (jenis jabatan) of docs/domain.md §1.
var PositionKinds = []string{"JPT Utama", "JPT Madya", "JPT Pratama", "Administrator", "Pengawas", "Pelaksana",
	"Fungsional Ahli Pertama", "Fungsional Ahli Muda", "Fungsional Ahli Madya", "Fungsional Ahli Utama",
	"Fungsional Pemula", "Fungsional Terampil", "Fungsional Mahir", "Fungsional Penyelia"}

// Participant is a person who takes part in programs: usually a civil servant identified by NIP, sometimes a
// non-ASN person without one.
type Participant struct {
	ID               int64
	NIP              string // 18 digits, or "" (non-ASN, or unknown)
	NIK              string // 16 digits, optional
	EmploymentStatus string // one of EmploymentStatuses
	Name             string // without titles
	FrontTitle       string // "Dr.", "Drs.", "Hj."
	BackTitle        string // "S.Pd., M.Pd."
	Sex              string // "L", "P" or ""
	BirthPlace       string
	BirthDate        time.Time
	RankCode         string // rank.Rank code
	Position         string // jabatan, free text
	PositionKind     string // one of PositionKinds, or ""
	Unit             string // unit kerja: a school, a section
	Agency           string // instansi
	Email            string
	Phone            string
	Service          ServiceStatus // active unless retired or transferred; "" reads as active
}

// FullName is the name with academic titles.
func (p *Participant) FullName() string { return FullName(p.FrontTitle, p.Name, p.BackTitle) }

// PrintedNIP is the NIP in its 8-6-1-3 form, or "-" when there is none.
func (p *Participant) PrintedNIP() string {
	if p.NIP == "" {
		return "-"
	}
	return nip.Format(p.NIP)
}

// Normalize cleans what was typed or imported and fills what the NIP tells: the NIP reduced to digits, the
// rank spelling turned into its code, and birth date, sex and employment status from the NIP when empty.
// Values that are already set are never overwritten; Validate reports conflicts instead.
func (p *Participant) Normalize() {
	trim(&p.Name, &p.FrontTitle, &p.BackTitle, &p.BirthPlace, &p.Position, &p.PositionKind, &p.Unit, &p.Agency,
		&p.Email, &p.Phone, &p.EmploymentStatus)
	p.NIK = strings.Join(strings.Fields(p.NIK), "")
	if p.Service == "" {
		p.Service = ServiceActive
	}
	if strings.TrimSpace(p.NIP) == "" {
		p.NIP = ""
	} else {
		p.NIP = nip.Clean(p.NIP)
	}
	if code, ok := rank.Normalize(p.RankCode); ok {
		p.RankCode = code
	}
	switch strings.ToUpper(p.Sex) {
	case "L", "LAKI-LAKI", "LAKI LAKI", "PRIA", "M", "MALE":
		p.Sex = "L"
	case "P", "PEREMPUAN", "WANITA", "F", "FEMALE":
		p.Sex = "P"
	case "":
		p.Sex = ""
	}
	n, err := nip.Parse(p.NIP)
	if err != nil {
		if p.EmploymentStatus == "" && p.NIP == "" {
			p.EmploymentStatus = "Non-ASN"
		}
		return
	}
	if p.BirthDate.IsZero() {
		p.BirthDate = n.BirthDate
	}
	if p.Sex == "" {
		p.Sex = string(n.Sex)
	}
	if p.EmploymentStatus == "" {
		p.EmploymentStatus = string(n.Kind)
	}
}

// Validate checks every field; the message names each field that breaks a rule and says what to do.
func (p *Participant) Validate() error {
	var fe FieldErrors
	if p.Name == "" {
		fe.Add("Nama", "wajib diisi")
	} else if len([]rune(p.Name)) > 200 {
		fe.Add("Nama", "paling panjang 200 karakter")
	}
	if !oneOf(p.EmploymentStatus, EmploymentStatuses) {
		fe.Add("Status kepegawaian", "pilih PNS, CPNS, PPPK, PPPK Paruh Waktu atau Non-ASN")
	}
	if p.NIP != "" {
		n, err := nip.Parse(p.NIP)
		switch {
		case err != nil:
			fe.Add("NIP", "%s", err)
		default:
			if p.EmploymentStatus == "Non-ASN" {
				fe.Add("Status kepegawaian", "peserta Non-ASN tidak memiliki NIP; kosongkan NIP atau ganti statusnya")
			} else if isPPPK := strings.HasPrefix(p.EmploymentStatus, "PPPK"); isPPPK != (n.Kind == nip.PPPK) {
				fe.Add("Status kepegawaian", "NIP %s adalah NIP %s, sedangkan status diisi %s", n.Printed(), n.Kind, p.EmploymentStatus)
			}
			if p.Sex != "" && p.Sex != string(n.Sex) {
				fe.Add("Jenis kelamin", "NIP menunjukkan %s", strings.ToLower(n.Sex.Label()))
			}
			if !p.BirthDate.IsZero() && !p.BirthDate.Equal(n.BirthDate) {
				fe.Add("Tanggal lahir", "NIP menunjukkan lahir %s", n.BirthDate.Format("02-01-2006"))
			}
		}
	}
	if !slices.Contains(ServiceStatuses, p.Service) {
		fe.Add("Status keaktifan", "pilih Aktif, Pensiun atau Pindah")
	}
	if p.NIK != "" && (len(p.NIK) != 16 || strings.Trim(p.NIK, "0123456789") != "") {
		fe.Add("NIK", "harus 16 angka")
	}
	if p.Sex != "" && p.Sex != "L" && p.Sex != "P" {
		fe.Add("Jenis kelamin", "isi L (laki-laki) atau P (perempuan)")
	}
	if _, ok := rank.ByCode(p.RankCode); p.RankCode != "" && !ok {
		fe.Add("Pangkat/Golongan", "%q tidak dikenal; pilih dari daftar, misalnya III/b", p.RankCode)
	} else if fits, reason := rank.FitsStatus(p.RankCode, p.EmploymentStatus); !fits {
		fe.Add("Pangkat/Golongan", "%s", reason)
	}
	if p.PositionKind != "" && !oneOf(p.PositionKind, PositionKinds) {
		fe.Add("Jenis jabatan", "%q tidak dikenal", p.PositionKind)
	}
	if p.Email != "" && !ValidEmail(p.Email) {
		fe.Add("Email", "%q bukan alamat email yang benar", p.Email)
	}
	if !p.BirthDate.IsZero() && (p.BirthDate.Year() < 1900 || p.BirthDate.After(time.Now())) {
		fe.Add("Tanggal lahir", "tidak wajar")
	}
	return fe.Err()
}

// ValidEmail reports whether s is one plain email address (no display name, no angle brackets).
func ValidEmail(s string) bool {
	a, err := mail.ParseAddress(s)
	return err == nil && a.Address == s
}

// NIPWarnings returns the plausibility doubts of the participant's NIP (none when it is empty or invalid).
func (p *Participant) NIPWarnings() []string {
	n, err := nip.Parse(p.NIP)
	if err != nil {
		return nil
	}
	return n.Warnings
}

// EnrolmentRole is what a person did in a program; the certificate says "sebagai Peserta" and so on.
type EnrolmentRole string

// The roles.
const (
	RoleParticipant EnrolmentRole = "peserta"
	RoleSpeaker     EnrolmentRole = "narasumber"
	RoleModerator   EnrolmentRole = "moderator"
	RoleCommittee   EnrolmentRole = "panitia"
)

// EnrolmentRoles lists the roles.
var EnrolmentRoles = []EnrolmentRole{RoleParticipant, RoleSpeaker, RoleModerator, RoleCommittee}

// Label is the role with a capital, as certificates print it.
func (r EnrolmentRole) Label() string {
	if r == "" {
		return ""
	}
	return strings.ToUpper(string(r[:1])) + string(r[1:])
}

// Enrolment joins a participant to a program. Rank, position, unit and agency are copied at enrolment and kept:
// the certificate shows them as they were at the time of the program.
type Enrolment struct {
	ID               int64
	ProgramID        int64
	ParticipantID    int64
	Role             EnrolmentRole
	Withdrawn        bool
	RankCode         string
	Position         string
	Unit             string
	Agency           string
	FinalScore       *float64 // nil: no final score
	EligibleOverride *bool    // nil: eligibility follows the rules; otherwise the coordinator's decision
	OverrideReason   string
	EnrolledAt       time.Time
}

// Validate checks the enrolment.
func (e *Enrolment) Validate() error {
	var fe FieldErrors
	valid := false
	for _, r := range EnrolmentRoles {
		valid = valid || e.Role == r
	}
	if !valid {
		fe.Add("Peran", "pilih peserta, narasumber, moderator atau panitia")
	}
	if _, ok := rank.ByCode(e.RankCode); e.RankCode != "" && !ok {
		fe.Add("Pangkat/Golongan", "%q tidak dikenal", e.RankCode)
	}
	if e.FinalScore != nil && (*e.FinalScore < 0 || *e.FinalScore > 100) {
		fe.Add("Nilai akhir", "harus antara 0 dan 100")
	}
	if e.EligibleOverride != nil && strings.TrimSpace(e.OverrideReason) == "" {
		fe.Add("Alasan", "keputusan kelulusan manual wajib disertai alasan")
	}
	return fe.Err()
}

// SnapshotFrom copies the participant's current rank, position, unit and agency into the enrolment.
func (e *Enrolment) SnapshotFrom(p *Participant) {
	e.RankCode, e.Position, e.Unit, e.Agency = p.RankCode, p.Position, p.Unit, p.Agency
}
