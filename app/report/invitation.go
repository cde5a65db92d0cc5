package report

import (
	"context"
	"io"
	"sort"
	"strings"
	"time"

	"github.com/pembina/pembina/app/report/pdf"
	"github.com/pembina/pembina/data"
	"github.com/pembina/pembina/data/indo"
	"github.com/pembina/pembina/data/store"
)

// Invitation is what the surat undangan of a program needs: the program and its sessions (day and time), its
// participants (role peserta, not withdrawn) with the unit they were enrolled from, the units' heads, the
// letter settings, the program's signatory and the body template.
type Invitation struct {
	Program   *data.Program
	Sessions  []*data.Session
	People    []store.EnrolmentRow
	Heads     map[string]*data.Unit // by lower-case name (store.UnitHeads)
	Settings  *LetterSettings
	Signatory *data.Signatory
	Body      string
	Dress     string // Pakaian; data.DefaultDressCode when empty
}

// LoadInvitation reads a program's invitation. A program without participants is an invalid-kind error: no
// letter, no file.
func LoadInvitation(ctx context.Context, s *store.Store, programID int64) (*Invitation, error) {
	p, err := s.Program(ctx, programID)
	if err != nil {
		return nil, err
	}
	inv := &Invitation{Program: p}
	rows, err := s.Enrolments(ctx, programID)
	if err != nil {
		return nil, err
	}
	for _, r := range rows {
		if r.Role == data.RoleParticipant && !r.Withdrawn {
			inv.People = append(inv.People, r)
		}
	}
	if len(inv.People) == 0 {
		return nil, data.Errorf(data.KindInvalid, "Program %s belum memiliki peserta: daftarkan peserta di tab Peserta dulu. Tidak ada surat undangan yang dibuat.", p.Code)
	}
	if inv.Sessions, err = s.Sessions(ctx, programID); err != nil {
		return nil, err
	}
	if inv.Heads, err = s.UnitHeads(ctx); err != nil {
		return nil, err
	}
	if inv.Settings, err = LoadLetterSettings(ctx, s); err != nil {
		return nil, err
	}
	if inv.Signatory, err = s.ProgramSignatory(ctx, programID); err != nil && !data.IsKind(err, data.KindNotFound) {
		return nil, err
	}
	if inv.Body, err = s.Setting(ctx, store.InvitationBodyKey, data.DefaultInvitationBody); err != nil {
		return nil, err
	}
	return inv, nil
}

// InvitationUnit is one unit kerja's share of an invitation: its head (or the name alone) and its people.
type InvitationUnit struct {
	Unit   *data.Unit
	People []store.EnrolmentRow
}

// Units groups the participants by the unit they were enrolled from, by name, people without a unit last.
func (inv *Invitation) Units() []*InvitationUnit {
	var out []*InvitationUnit
	byName := map[string]*InvitationUnit{}
	for _, r := range inv.People {
		key := strings.ToLower(strings.TrimSpace(r.Unit))
		u := byName[key]
		if u == nil {
			u = &InvitationUnit{Unit: inv.Heads[key]}
			if u.Unit == nil || key == "" {
				u.Unit = &data.Unit{Name: strings.TrimSpace(r.Unit)}
			}
			byName[key] = u
			out = append(out, u)
		}
		u.People = append(u.People, r)
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i].Unit.Name, out[j].Unit.Name
		if (a == "") != (b == "") {
			return b == ""
		}
		return strings.ToLower(a) < strings.ToLower(b)
	})
	return out
}

// Days is the program's day or days as an invitation writes them: "Senin, 12 Januari 2027", or
// "Senin s.d. Rabu, 12 s.d. 14 Januari 2027".
func (inv *Invitation) Days() string {
	p := inv.Program
	if !p.EndDate.After(p.StartDate) {
		return indo.DateWithDay(p.StartDate)
	}
	return indo.Days[p.StartDate.Weekday()] + " s.d. " + indo.Days[p.EndDate.Weekday()] + ", " + indo.DateRange(p.StartDate, p.EndDate)
}

// Time is when the first session begins, "08.00 WIB s.d. selesai"; "" without sessions (the row is left out).
func (inv *Invitation) Time() string {
	if len(inv.Sessions) == 0 {
		return ""
	}
	first := inv.Sessions[0]
	for _, s := range inv.Sessions[1:] {
		if s.Date.Before(first.Date) || (s.Date.Equal(first.Date) && s.Start < first.Start) {
			first = s
		}
	}
	zone := first.TimeZone
	if zone == "" {
		zone = inv.Program.TimeZone
	}
	return indo.TimeRange(first.Start, "", zone) + " s.d. selesai"
}

// values are the placeholders of one letter: invitees is {peserta}, unit and name the addressee's.
func (inv *Invitation) values(invitees string, count int, unit, name string) map[string]string {
	p := inv.Program
	organiser := strings.TrimSpace(p.Organiser)
	if organiser == "" && inv.Settings.Institution != nil {
		organiser = inv.Settings.Institution.Name
	}
	dress := strings.TrimSpace(inv.Dress)
	if dress == "" {
		dress = data.DefaultDressCode
	}
	in := ""
	if inv.Settings.Institution != nil {
		in = inv.Settings.Institution.Name
	}
	return map[string]string{"program": p.Title, "kode": p.Code, "tanggal": inv.Days(), "waktu": inv.Time(), "tempat": p.Place,
		"pakaian": dress, "penyelenggara": organiser, "jp": indo.Plain(int64(p.TotalJP)), "peserta": invitees,
		"jumlah": indo.Int(int64(count)), "unit": unit, "nama": name, "instansi": in}
}

// InvitationColumns are the columns of a unit letter's lampiran.
var InvitationColumns = []string{"NO", "NAMA", "NIP", "PANGKAT/GOL", "JABATAN", "UNIT KERJA"}

// InvitationSubject is the Hal of every invitation.
const InvitationSubject = "Undangan"

// unitLetter is the letter to a unit's head with its people as lampiran.
func (inv *Invitation) unitLetter(u *InvitationUnit, number string, day time.Time) *Letter {
	rows := make([][]string, len(u.People))
	for i, r := range u.People {
		nipText := "-"
		if r.NIP != "" {
			nipText = formatNIP(r.NIP)
		}
		rows[i] = []string{indo.Plain(int64(i + 1)), r.Name, nipText, rankShort(r.RankCode), dashIfEmpty(r.Position), dashIfEmpty(r.Unit)}
	}
	c := InvitationColumns
	cols := []pdf.Column{{Title: c[0], Width: 7, Align: "C"}, {Title: c[1], Width: 36, Align: "L"}, {Title: c[2], Width: 35, Align: "C"}, {Title: c[3], Width: 26, Align: "L"}, {Title: c[4], Width: 32, Align: "L"}, {Title: c[5], Width: 29, Align: "L"}}
	name := unitLabel(u.Unit.Name)
	invitees := "pegawai Saudara sebanyak " + indo.WithWords(int64(len(u.People))) + " orang sebagaimana tercantum dalam lampiran surat ini"
	return &Letter{Form: Outgoing, Institution: inv.Settings.Institution, Date: day, Number: number, Nature: "Penting",
		Attachment: "1 (satu) lembar", Subject: InvitationSubject, To: u.Unit.Addressee(), Signatory: inv.Signatory,
		Body: data.FillLetterBody(inv.Body, inv.values(invitees, len(u.People), name, u.Unit.Addressee())),
		Appendix: &LetterAppendix{Title: "DAFTAR PESERTA " + strings.ToUpper(inv.Program.Title),
			Lines: []string{inv.Program.Code + " · " + inv.Days(), "Unit kerja: " + name}, Columns: cols, Rows: rows}}
}

// personLetter is the letter to one participant.
func (inv *Invitation) personLetter(r store.EnrolmentRow, number string, day time.Time) *Letter {
	to := r.Name
	if pos := strings.TrimSpace(r.Position); pos != "" {
		to += "\n" + pos
	}
	if unit := strings.TrimSpace(r.Unit); unit != "" {
		to += "\n" + unit
	}
	return &Letter{Form: Outgoing, Institution: inv.Settings.Institution, Date: day, Number: number, Nature: "Penting",
		Subject: InvitationSubject, To: to, Signatory: inv.Signatory,
		Body: data.FillLetterBody(inv.Body, inv.values("Saudara", 1, unitLabel(r.Unit), r.Name))}
}

func unitLabel(name string) string {
	if strings.TrimSpace(name) == "" {
		return "(tanpa unit kerja)"
	}
	return name
}

func dashIfEmpty(s string) string {
	if strings.TrimSpace(s) == "" {
		return "-"
	}
	return s
}

// InvitationResult says what SaveInvitations wrote.
type InvitationResult struct {
	Letters     int
	People      int
	Numbers     []string
	WithoutHead []string // units whose letter went to "Kepala <unit>" (per unit only)
}

// SaveInvitations numbers and records the invitations of a program (one per unit head with the people as
// lampiran when perUnit, else one per participant), dated day, then writes them into one PDF at path. Every
// participant is in exactly one letter.
func SaveInvitations(ctx context.Context, s *store.Store, inv *Invitation, path string, perUnit bool, day time.Time) (*InvitationResult, error) {
	if len(inv.People) == 0 {
		return nil, data.Errorf(data.KindInvalid, "Program %s belum memiliki peserta: tidak ada surat undangan yang dibuat.", inv.Program.Code)
	}
	if err := CheckDestination(path); err != nil {
		return nil, err
	}
	res := &InvitationResult{People: len(inv.People)}
	var records []*data.LetterRecord
	var units []*InvitationUnit
	if perUnit {
		units = inv.Units()
		for _, u := range units {
			ids := make([]int64, len(u.People))
			for i, r := range u.People {
				ids[i] = r.ParticipantID
			}
			records = append(records, &data.LetterRecord{Kind: data.LetterInvitation, Date: day, Unit: u.Unit.Name,
				Addressee: u.Unit.Addressee(), Subject: InvitationSubject + " " + inv.Program.Code, ProgramID: inv.Program.ID, People: ids})
			if !u.Unit.HasHead() {
				res.WithoutHead = append(res.WithoutHead, unitLabel(u.Unit.Name))
			}
		}
	} else {
		for _, r := range inv.People {
			records = append(records, &data.LetterRecord{Kind: data.LetterInvitation, Date: day, Unit: r.Unit, Addressee: r.Name,
				Subject: InvitationSubject + " " + inv.Program.Code, ProgramID: inv.Program.ID, People: []int64{r.ParticipantID}})
		}
	}
	if err := s.RecordLetters(ctx, records); err != nil {
		return nil, err
	}
	letters := make([]*Letter, len(records))
	for i, rec := range records {
		res.Numbers = append(res.Numbers, rec.Number)
		if perUnit {
			letters[i] = inv.unitLetter(units[i], rec.Number, day)
		} else {
			letters[i] = inv.personLetter(inv.People[i], rec.Number, day)
		}
	}
	res.Letters = len(letters)
	err := saveFile(path, func(w io.Writer) error {
		return WriteLetters(w, inv.Settings.Paper, "Surat Undangan "+inv.Program.Code, letters)
	})
	if err != nil {
		return nil, err
	}
	return res, nil
}
