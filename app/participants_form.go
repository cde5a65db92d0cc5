package app

import (
	"context"
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/pembina/pembina/data"
	"github.com/pembina/pembina/data/nip"
	"github.com/pembina/pembina/data/rank"
)

// Labels of the participant form's fields; data.Participant.Validate names its problems with the same words.
const (
	pNIP, pNIK, pStatus, pName, pFront, pBack = "NIP", "NIK", "Status kepegawaian", "Nama", "Gelar depan", "Gelar belakang"
	pSex, pBirthPlace, pBirthDate, pRank      = "Jenis kelamin", "Tempat lahir", "Tanggal lahir", "Pangkat/Golongan"
	pPosition, pPositionKind, pUnit, pAgency  = "Jabatan", "Jenis jabatan", "Unit kerja", "Instansi"
	pEmail, pPhone, pService                  = "Email", "Telepon", "Status keaktifan"
)

var participantLabels = []string{pNIP, pStatus, pNIK, pFront, pName, pBack, pSex, pBirthPlace, pBirthDate, pRank, pPosition,
	pPositionKind, pUnit, pAgency, pEmail, pPhone, pService}

// participantForm edits one participant. Typing a NIP checks it at once: at 18 digits it shows the birth date,
// TMT, sex and PNS/PPPK it encodes (problems in red, doubts in amber), fills those fields when they are empty,
// and looks for the NIP among the stored people, so that a person is never entered twice.
type participantForm struct {
	u        *UI
	p        data.Participant // as loaded; ID 0 for a new one
	rows     map[string]*formRow
	touched  map[string]bool
	debounce *debouncer

	nip, nik, name, front, back, birthPlace, position, unit, agency, email, phone *keyEntry
	status, sex, rank, positionKind, service                                      *widget.Select
	birth                                                                         *dateField
	derived                                                                       *widget.Label

	summary *widget.Label
	save    *widget.Button
	view    fyne.CanvasObject

	taken    *data.Participant // another stored person with the typed NIP
	auto     map[string]string // values the NIP filled in, replaced when the NIP changes
	lastNIP  string
	ready    bool // set once every widget exists; edits made while building are not reactions
	onSaved  func(*data.Participant)
	existing func(*data.Participant) // a new form's NIP belongs to a stored person
}

var (
	sexOptions  = []string{"Laki-laki", "Perempuan"}
	sexCodes    = []string{"L", "P"}
	rankOptions = func() []string {
		out := []string{"(tidak ada)"}
		for _, r := range rank.All() {
			out = append(out, r.Label())
		}
		return out
	}()
)

func newParticipantForm(u *UI, p *data.Participant, onSaved func(*data.Participant), existing func(*data.Participant)) *participantForm {
	f := &participantForm{u: u, rows: map[string]*formRow{}, touched: map[string]bool{}, auto: map[string]string{},
		debounce: newDebouncer(u, 150*time.Millisecond), onSaved: onSaved, existing: existing}
	if p != nil {
		f.p = *p
	}
	f.build()
	f.nipChanged()
	f.validate()
	return f
}

func (f *participantForm) build() {
	p := &f.p
	fields := fieldMaker{rows: f.rows, changed: f.changed, submit: f.submit}
	entry, choice := fields.entry, fields.choice
	f.nip = entry(pNIP, p.NIP, L("18 angka, misalnya 19860926 201505 1 001"))
	f.derived = widget.NewLabel("")
	f.derived.Wrapping = fyne.TextWrapWord
	f.derived.Importance = widget.SuccessImportance
	f.derived.Hide()
	f.rows[pNIP] = newFormRow(pNIP, container.NewVBox(f.nip, f.derived))
	f.status = choice(pStatus, data.EmploymentStatuses, p.EmploymentStatus)
	f.nik = entry(pNIK, p.NIK, L("16 angka, boleh kosong"))
	f.front = entry(pFront, p.FrontTitle, "Dr., Drs., Hj.")
	f.name = entry(pName, p.Name, L("nama tanpa gelar"))
	f.back = entry(pBack, p.BackTitle, "S.Pd., M.Pd.")
	sex := ""
	for i, c := range sexCodes {
		if p.Sex == c {
			sex = L(sexOptions[i])
		}
	}
	f.sex = choice(pSex, []string{L(sexOptions[0]), L(sexOptions[1])}, sex)
	f.birthPlace = entry(pBirthPlace, p.BirthPlace, "")
	f.birth = newDateField(f.u, func() { f.changed(pBirthDate) })
	f.birth.SetDate(p.BirthDate)
	f.rows[pBirthDate] = newFormRow(pBirthDate, f.birth.box)
	current := L(rankOptions[0])
	if r, ok := rank.ByCode(p.RankCode); ok {
		current = r.Label()
	}
	ranks := append([]string{L(rankOptions[0])}, rankOptions[1:]...)
	f.rank = choice(pRank, ranks, current)
	f.position = entry(pPosition, p.Position, L("misalnya Guru Ahli Pertama"))
	kinds := append([]string{L("(tidak diisi)")}, data.PositionKinds...)
	kind := kinds[0]
	if p.PositionKind != "" {
		kind = p.PositionKind
	}
	f.positionKind = choice(pPositionKind, kinds, kind)
	f.unit = entry(pUnit, p.Unit, L("sekolah, bidang atau seksi"))
	f.agency = entry(pAgency, p.Agency, "")
	f.email = entry(pEmail, p.Email, "")
	f.phone = entry(pPhone, p.Phone, "")
	var services []string
	current = ""
	for _, st := range data.ServiceStatuses {
		services = append(services, L(st.Label()))
		if st == p.Service || p.Service == "" && st == data.ServiceActive {
			current = L(st.Label())
		}
	}
	f.service = choice(pService, services, current)

	f.save = widget.NewButtonWithIcon(L("Simpan"), theme.DocumentSaveIcon(), f.submit)
	f.save.Importance = widget.HighImportance
	f.summary = widget.NewLabel("")
	f.summary.Wrapping = fyne.TextWrapWord
	f.summary.Importance = widget.DangerImportance
	rows := make([]*formRow, len(participantLabels))
	for i, l := range participantLabels {
		rows[i] = f.rows[l]
	}
	f.view = formGrid(rows...)
	f.ready = true
}

// nipSummary says what a NIP encodes, as the form shows it under the NIP.
func nipSummary(n nip.NIP) string {
	parts := []string{fmt.Sprintf(L("lahir %s"), uiDate(n.BirthDate))}
	if n.Kind == nip.PNS {
		parts = append(parts, fmt.Sprintf(L("TMT CPNS %s %d"), uiMonth(time.Month(n.TMTMonth)), n.TMTYear))
	} else {
		parts = append(parts, fmt.Sprintf(L("diangkat %d, kontrak ke-%d"), n.TMTYear, n.Contract))
	}
	parts = append(parts, L(n.Sex.Label()), string(n.Kind))
	return strings.Join(parts, " · ")
}

func (f *participantForm) changed(label string) {
	if !f.ready {
		return
	}
	f.touched[label] = true
	if label == pNIP {
		f.nipChanged()
	}
	f.validate()
}

// nipChanged checks the NIP as it is typed and, once it is whole, fills what it encodes and looks for its owner.
func (f *participantForm) nipChanged() {
	text := strings.TrimSpace(f.nip.Text)
	digits := nip.Clean(text)
	if digits == f.lastNIP {
		return
	}
	f.lastNIP = digits
	f.taken = nil
	f.derived.Hide()
	if text == "" || len(digits) < 18 && strings.Trim(digits, "0123456789") == "" && !nip.LooksNumeric(text) {
		if text != "" {
			f.derived.Importance = widget.LowImportance
			f.derived.SetText(fmt.Sprintf(L("%d dari 18 angka"), len(digits)))
			f.derived.Show()
		}
		return
	}
	n, err := nip.Parse(text)
	if err != nil {
		return // validate shows the problem in red
	}
	f.derived.Importance = widget.SuccessImportance
	f.derived.SetText(nipSummary(n))
	f.derived.Show()
	f.fill(pBirthDate, n.BirthDate.Format("02/01/2006"), func() string { return f.birth.Text }, f.birth.SetText)
	f.fill(pSex, L(n.Sex.Label()), func() string { return f.sex.Selected }, f.sex.SetSelected)
	status := "PNS"
	if n.Kind == nip.PPPK {
		status = "PPPK"
		if f.status.Selected == "PPPK Paruh Waktu" {
			status = f.status.Selected
		}
	}
	f.fill(pStatus, status, func() string { return f.status.Selected }, f.status.SetSelected)
	f.debounce.call(func() { f.lookup(n.Digits) })
}

// fill puts what the NIP says into a field that is empty or still holds what an earlier NIP put there.
func (f *participantForm) fill(label, value string, get func() string, set func(string)) {
	if cur := get(); cur == "" || cur == f.auto[label] {
		f.auto[label] = value
		set(value)
	}
}

// lookup finds, off the UI goroutine, who else has the NIP.
func (f *participantForm) lookup(digits string) {
	other, err := f.u.store.ParticipantByNIP(context.Background(), digits)
	fyne.Do(func() {
		if f.lastNIP != digits || err != nil || other.ID == f.p.ID {
			return
		}
		if f.p.ID == 0 && f.existing != nil {
			f.existing(other)
			return
		}
		f.taken = other
		f.validate()
	})
}

// collect reads the fields into a participant, normalised, with every problem by field label.
func (f *participantForm) collect() (*data.Participant, map[string][]string) {
	p := f.p
	p.NIP, p.NIK, p.Name, p.FrontTitle, p.BackTitle = f.nip.Text, f.nik.Text, f.name.Text, f.front.Text, f.back.Text
	p.EmploymentStatus, p.BirthPlace, p.Position = f.status.Selected, f.birthPlace.Text, f.position.Text
	p.Unit, p.Agency, p.Email, p.Phone = f.unit.Text, f.agency.Text, f.email.Text, f.phone.Text
	p.Sex = ""
	if i := f.sex.SelectedIndex(); i >= 0 {
		p.Sex = sexCodes[i]
	}
	p.RankCode = ""
	if i := f.rank.SelectedIndex(); i > 0 {
		p.RankCode = rank.All()[i-1].Code
	}
	p.Service = data.ServiceActive
	if i := f.service.SelectedIndex(); i >= 0 {
		p.Service = data.ServiceStatuses[i]
	}
	p.PositionKind = ""
	if i := f.positionKind.SelectedIndex(); i > 0 {
		p.PositionKind = data.PositionKinds[i-1]
	}
	problems := map[string][]string{}
	var err error
	if p.BirthDate, err = f.birth.Date(); err != nil {
		problems[pBirthDate] = []string{L("tulis sebagai HH/BB/TTTT, misalnya 26/09/1986")}
	}
	if p.EmploymentStatus == "" && strings.TrimSpace(p.NIP) == "" {
		p.EmploymentStatus = "Non-ASN"
	}
	p.Normalize()
	for label, msgs := range fieldProblems(p.Validate()) {
		if len(problems[label]) == 0 {
			problems[label] = append(problems[label], msgs...)
		}
	}
	if f.taken != nil {
		problems[pNIP] = append(problems[pNIP], fmt.Sprintf(L("sudah dipakai oleh %s (%s); buka data peserta tersebut, jangan membuat data ganda"),
			f.taken.FullName(), f.taken.Unit))
	}
	return &p, problems
}

// validate shows problems and NIP doubts under the fields and enables Simpan when there are no problems.
func (f *participantForm) validate() {
	p, problems := f.collect()
	var missing []string
	shown := map[string]bool{}
	for _, label := range participantLabels {
		shown[label] = true
		msgs := problems[label]
		if len(msgs) > 0 {
			missing = append(missing, L(label))
		}
		row := f.rows[label]
		// A NIP still being typed (digits only, fewer than 18) shows its progress, not an error.
		typing := label == pNIP && len(p.NIP) < 18 && strings.Trim(p.NIP, "0123456789") == "" && !nip.LooksNumeric(f.nip.Text)
		switch {
		case len(msgs) > 0 && !typing && (f.touched[label] || f.p.ID != 0):
			row.show(strings.Join(msgs, "; "), widget.DangerImportance)
		case label == pNIP && len(p.NIPWarnings()) > 0:
			row.show(strings.Join(p.NIPWarnings(), "; "), widget.WarningImportance)
		case label == pStatus && p.EmploymentStatus == "Non-ASN" && p.NIP == "":
			row.show(L("Peserta Non-ASN tidak memakai NIP; isi NIK bila ada."), widget.LowImportance)
		default:
			row.show("", widget.MediumImportance)
		}
	}
	gateSave(f.summary, f.save, missing, problems, shown)
}

func (f *participantForm) submit() {
	if f.save.Disabled() {
		return
	}
	p, problems := f.collect()
	if len(problems) > 0 {
		f.validate()
		return
	}
	f.save.Disable()
	f.u.goBackground(func() {
		ctx := context.Background()
		var err error
		if p.ID == 0 {
			err = f.u.store.CreateParticipant(ctx, p)
		} else {
			err = f.u.store.UpdateParticipant(ctx, p)
		}
		fyne.Do(func() {
			f.save.Enable()
			if err != nil {
				f.u.showError(err)
				return
			}
			f.p = *p
			f.u.dropPage("participants")
			if f.onSaved != nil {
				f.onSaved(p)
			}
		})
	})
}
