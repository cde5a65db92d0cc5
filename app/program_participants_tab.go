package app

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/pembina/pembina/data"
	"github.com/pembina/pembina/data/indo"
	"github.com/pembina/pembina/data/nip"
	"github.com/pembina/pembina/data/rank"
	"github.com/pembina/pembina/data/store"
)

// enrolmentTab is the program's Peserta tab: who is enrolled, with the rank, position and unit recorded at
// enrolment, and the ways to enrol: a NIP typed (Enter enrols, and the next NIP can follow), a choice from the
// participant list, a pasted column of NIPs, or an imported file.
type enrolmentTab struct {
	u     *UI
	p     *data.Program
	rows  []store.EnrolmentRow
	table *listTable
	count *widget.Label

	nip     *keyEntry
	role    *widget.Select
	info    *widget.Label
	action  *widget.Button
	found   *data.Participant // the stored person of the typed NIP
	lastNIP string
}

func (u *UI) programParticipantsTab(p *data.Program) fyne.CanvasObject {
	t := &enrolmentTab{u: u, p: p, count: widget.NewLabel("")}
	t.table = newListTable([]column{
		{title: "No.", width: 45, align: fyne.TextAlignTrailing},
		{title: "NIP", width: 185},
		{title: "Nama", width: 220, grow: true},
		{title: "Peran", width: 95},
		{title: "Gol.", width: 60},
		{title: "Jabatan", width: 170, grow: true},
		{title: "Unit kerja", width: 170, grow: true},
	}, func() int { return len(t.rows) }, t.cell)
	t.table.style = func(row, col int) widget.Importance {
		if row < len(t.rows) && t.rows[row].Withdrawn {
			return widget.LowImportance
		}
		return widget.MediumImportance
	}
	t.table.OnSelected = func(id widget.TableCellID) {
		t.table.UnselectAll()
		if id.Row >= 0 && id.Row < len(t.rows) {
			t.editEnrolment(t.rows[id.Row])
		}
	}

	t.nip = newKeyEntry()
	t.nip.SetPlaceHolder(L("Ketik NIP lalu Enter untuk mendaftarkan"))
	t.nip.OnChanged = func(string) { t.nipChanged() }
	t.nip.OnSubmitted = func(string) { t.enrolTyped() }
	roles := make([]string, len(data.EnrolmentRoles))
	for i, r := range data.EnrolmentRoles {
		roles[i] = L(r.Label())
	}
	t.role = widget.NewSelect(roles, nil)
	t.role.SetSelectedIndex(0)
	t.info = widget.NewLabel("")
	t.info.Wrapping = fyne.TextWrapWord
	t.info.Hide()
	t.action = widget.NewButtonWithIcon(L("Daftarkan"), theme.ContentAddIcon(), t.enrolTyped)
	t.action.Importance = widget.HighImportance
	t.action.Disable()

	pick := widget.NewButtonWithIcon(L("Pilih dari daftar"), theme.ListIcon(), func() { u.pickParticipants(p, t.role.SelectedIndex(), t.reload) })
	paste := widget.NewButtonWithIcon(L("Tempel daftar NIP"), theme.ContentPasteIcon(), t.pasteNIPs)
	imp := widget.NewButtonWithIcon(L("Impor dari berkas"), theme.UploadIcon(), func() { u.showImport(p) })
	invite := widget.NewButtonWithIcon(L("Surat undangan…"), theme.MailSendIcon(), func() { u.showInvitations(p) })
	sizedRole := container.NewGridWrap(fyne.NewSize(150, t.role.MinSize().Height), t.role)
	entryRow := container.NewBorder(nil, nil, widget.NewLabel(L("NIP")), container.NewHBox(widget.NewLabel(L("sebagai")), sizedRole, t.action), t.nip)
	buttons := container.NewHBox(t.count, layout.NewSpacer(), pick, paste, imp, invite)
	top := container.NewVBox(entryRow, t.info, buttons)
	t.reload()
	return withCommands(container.NewBorder(container.NewPadded(top), nil, nil, nil, t.table), viewCommands{
		New:    func() { u.win.Canvas().Focus(t.nip) }, // enrol by NIP; the buttons beside offer the other ways
		Export: t.exportEnrolments,
		Reload: t.reload,
		Focus:  func() { u.win.Canvas().Focus(t.nip) },
	})
}

func (t *enrolmentTab) cell(row, col int) string {
	if row >= len(t.rows) {
		return ""
	}
	r := t.rows[row]
	switch col {
	case 0:
		return strconv.Itoa(row + 1)
	case 1:
		return enrolledNIP(r.NIP)
	case 2:
		if r.Withdrawn {
			return r.Name + " (" + L("mundur") + ")"
		}
		return r.Name
	case 3:
		return L(r.Role.Label())
	case 4:
		return r.RankCode
	case 5:
		return r.Position
	case 6:
		return r.Unit
	}
	return ""
}

// reload reads the enrolments again.
func (t *enrolmentTab) reload() {
	t.u.goBackground(func() {
		list, err := t.u.store.Enrolments(context.Background(), t.p.ID)
		fyne.Do(func() {
			if err != nil {
				t.u.showError(err)
				return
			}
			t.rows = list
			active := 0
			for _, r := range list {
				if !r.Withdrawn {
					active++
				}
			}
			text := fmt.Sprintf(L("%s terdaftar"), indo.Int(int64(active)))
			if active != len(list) {
				text += fmt.Sprintf(L(", %s mundur"), indo.Int(int64(len(list)-active)))
			}
			t.count.SetText(text)
			t.table.Refresh()
			t.u.dropPage("programs")
		})
	})
}

func (t *enrolmentTab) enrolled(participantID int64) bool {
	for _, r := range t.rows {
		if r.ParticipantID == participantID {
			return true
		}
	}
	return false
}

func (t *enrolmentTab) selectedRole() data.EnrolmentRole {
	if i := t.role.SelectedIndex(); i >= 0 {
		return data.EnrolmentRoles[i]
	}
	return data.RoleParticipant
}

func (t *enrolmentTab) say(text string, importance widget.Importance) {
	setNote(t.info, text, importance)
}

// nipChanged checks the typed NIP; when it is whole it shows what it encodes and whose it is.
func (t *enrolmentTab) nipChanged() {
	text := strings.TrimSpace(t.nip.Text)
	digits := nip.Clean(text)
	if digits == t.lastNIP {
		return
	}
	t.lastNIP, t.found = digits, nil
	t.action.Disable()
	t.action.SetText(L("Daftarkan"))
	if text == "" {
		t.say("", widget.MediumImportance)
		return
	}
	if len(digits) < 18 && strings.Trim(digits, "0123456789") == "" && !nip.LooksNumeric(text) {
		t.say(fmt.Sprintf(L("%d dari 18 angka"), len(digits)), widget.LowImportance)
		return
	}
	n, err := nip.Parse(text)
	if err != nil {
		t.say(errorText(err), widget.DangerImportance)
		return
	}
	derived := nipSummary(n)
	t.say(derived, widget.MediumImportance)
	t.u.goBackground(func() {
		person, err := t.u.store.ParticipantByNIP(context.Background(), n.Digits)
		fyne.Do(func() {
			if t.lastNIP != n.Digits {
				return
			}
			switch {
			case data.IsKind(err, data.KindNotFound):
				t.say(derived+"\n"+L("Belum ada di data peserta: buat datanya dulu, lalu ia langsung didaftarkan."), widget.WarningImportance)
				t.action.SetText(L("Buat data peserta"))
				t.action.Enable()
			case err != nil:
				t.u.showError(err)
			case t.enrolled(person.ID):
				t.say(derived+"\n"+fmt.Sprintf(L("%s sudah terdaftar di program ini."), person.FullName()), widget.LowImportance)
			default:
				t.found = person
				t.say(derived+"\n"+person.FullName()+" · "+person.Unit+" — "+L("tekan Enter untuk mendaftarkan"), widget.SuccessImportance)
				t.action.Enable()
			}
		})
	})
}

// enrolTyped enrols the person of the typed NIP, or offers to create them first.
func (t *enrolmentTab) enrolTyped() {
	if t.action.Disabled() {
		return
	}
	if t.found == nil {
		t.u.participantDialog(t.nip.Text, func(p *data.Participant) { t.enrol(p) })
		return
	}
	t.enrol(t.found)
}

func (t *enrolmentTab) enrol(p *data.Participant) {
	role := t.selectedRole()
	t.u.goBackground(func() {
		_, err := t.u.store.Enrol(context.Background(), t.p.ID, p.ID, role)
		again := ""
		if err == nil && role == data.RoleParticipant {
			again = t.u.sameCourseNote(t.p, []int64{p.ID})
		}
		fyne.Do(func() {
			if err != nil {
				t.u.showError(err)
				return
			}
			t.nip.SetText("")
			if again != "" {
				t.say(fmt.Sprintf(L("%s didaftarkan sebagai %s."), p.FullName(), strings.ToLower(L(role.Label())))+" "+again, widget.WarningImportance)
			} else {
				t.say(fmt.Sprintf(L("%s didaftarkan sebagai %s."), p.FullName(), strings.ToLower(L(role.Label()))), widget.SuccessImportance)
			}
			t.u.win.Canvas().Focus(t.nip)
			t.reload()
		})
	})
}

// pasteNIPs enrols a column of NIPs copied from a spreadsheet or a letter; the NIPs of people not stored yet and
// the lines that are not NIPs are listed afterwards.
func (t *enrolmentTab) pasteNIPs() {
	text := newKeyMultiLineEntry()
	text.SetPlaceHolder(L("Satu NIP per baris"))
	text.SetMinRowsVisible(10)
	note := widget.NewLabel(L("Tempel kolom NIP dari Excel atau surat. NIP yang belum ada di data peserta akan disebutkan, tidak didaftarkan."))
	note.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustomConfirm(L("Tempel daftar NIP"), L("Daftarkan"), L("Batal"), container.NewBorder(note, nil, nil, nil, text), func(ok bool) {
		if !ok {
			return
		}
		lines := strings.Split(text.Text, "\n")
		role := t.selectedRole()
		t.u.goBackground(func() {
			res, err := t.u.store.EnrolNIPs(context.Background(), t.p.ID, lines, role)
			again := ""
			if err == nil && res.Added > 0 && role == data.RoleParticipant {
				again = t.u.sameCourseNote(t.p, res.Participants)
			}
			fyne.Do(func() {
				if err != nil {
					t.u.showError(err)
					return
				}
				t.reload()
				t.showPasteResult(res, again)
			})
		})
	}, t.u.win)
	d.Resize(fyne.NewSize(560, 480))
	d.Show()
	t.u.win.Canvas().Focus(text)
}

func (t *enrolmentTab) showPasteResult(res store.NIPEnrolment, again string) {
	msg := fmt.Sprintf(L("%s didaftarkan, %s sudah terdaftar sebelumnya."), indo.Int(int64(res.Added)), indo.Int(int64(res.Already)))
	if again != "" {
		msg += "\n\n" + again
	}
	if len(res.Unknown) > 0 {
		msg += "\n\n" + fmt.Sprintf(L("%s NIP belum ada di data peserta (tambahkan lewat Peserta baru atau impor):"), indo.Int(int64(len(res.Unknown)))) +
			"\n" + strings.Join(res.Unknown, "\n")
	}
	if len(res.Invalid) > 0 {
		msg += "\n\n" + L("Baris yang bukan NIP:") + "\n" + strings.Join(res.Invalid, "\n")
	}
	l := widget.NewLabel(msg)
	l.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustom(L("Hasil tempel NIP"), L("Tutup"), container.NewVScroll(l), t.u.win)
	d.Resize(fyne.NewSize(620, 420))
	d.Show()
}

// editEnrolment edits one enrolment: role, withdrawal, and the rank, position, unit and agency recorded at
// enrolment (printed on the certificate); or removes the person from the program.
func (t *enrolmentTab) editEnrolment(r store.EnrolmentRow) {
	e := *r.Enrolment
	roles := make([]string, len(data.EnrolmentRoles))
	for i, role := range data.EnrolmentRoles {
		roles[i] = L(role.Label())
	}
	role := widget.NewSelect(roles, nil)
	role.SetSelected(L(e.Role.Label()))
	ranks := append([]string{L(rankOptions[0])}, rankOptions[1:]...)
	rankChoice := widget.NewSelect(ranks, nil)
	rankChoice.SetSelectedIndex(0)
	if rk, ok := rank.ByCode(e.RankCode); ok {
		rankChoice.SetSelected(rk.Label())
	}
	position, unit, agency := newKeyEntry(), newKeyEntry(), newKeyEntry()
	position.SetText(e.Position)
	unit.SetText(e.Unit)
	agency.SetText(e.Agency)
	withdrawn := widget.NewCheck(L("mengundurkan diri"), nil)
	withdrawn.SetChecked(e.Withdrawn)
	note := widget.NewLabel(L("Pangkat, jabatan, unit kerja dan instansi ini dicatat saat pendaftaran dan dicetak di sertifikat; perubahan di data peserta tidak mengubahnya."))
	note.Wrapping = fyne.TextWrapWord
	note.Importance = widget.LowImportance
	refresh := widget.NewButtonWithIcon(L("Ambil dari data peserta"), theme.ViewRefreshIcon(), func() {
		p, err := t.u.store.Participant(context.Background(), e.ParticipantID)
		if err != nil {
			t.u.showError(err)
			return
		}
		rankChoice.SetSelectedIndex(0)
		if rk, ok := rank.ByCode(p.RankCode); ok {
			rankChoice.SetSelected(rk.Label())
		}
		position.SetText(p.Position)
		unit.SetText(p.Unit)
		agency.SetText(p.Agency)
	})
	form := widget.NewForm(
		widget.NewFormItem(L("Nama"), wrapLabel(r.Name)),
		widget.NewFormItem(L("NIP"), widget.NewLabel(enrolledNIP(r.NIP))),
		widget.NewFormItem(L("Peran"), role),
		widget.NewFormItem(L("Pangkat/Golongan"), rankChoice),
		widget.NewFormItem(L("Jabatan"), position),
		widget.NewFormItem(L("Unit kerja"), unit),
		widget.NewFormItem(L("Instansi"), agency),
		widget.NewFormItem(L("Status"), withdrawn),
	)
	var d dialog.Dialog
	remove := widget.NewButtonWithIcon(L("Hapus dari program"), theme.DeleteIcon(), func() {
		showDangerConfirm(L("Hapus dari program"), fmt.Sprintf(L("Hapus %s dari %s? Tanda hadir dan jawaban evaluasinya di program ini ikut terhapus."), r.Name, t.p.Code),
			func(ok bool) {
				if !ok {
					return
				}
				t.u.doThen(func() error { return t.u.store.Unenrol(context.Background(), e.ID) }, func() {
					d.Hide()
					t.reload()
				})
			}, t.u.win)
	})
	remove.Importance = widget.DangerImportance
	cancel := widget.NewButton(L("Batal"), func() { d.Hide() })
	save := widget.NewButtonWithIcon(L("Simpan"), theme.DocumentSaveIcon(), func() {
		if i := role.SelectedIndex(); i >= 0 {
			e.Role = data.EnrolmentRoles[i]
		}
		e.RankCode = ""
		if i := rankChoice.SelectedIndex(); i > 0 {
			e.RankCode = rank.All()[i-1].Code
		}
		e.Position, e.Unit, e.Agency = strings.TrimSpace(position.Text), strings.TrimSpace(unit.Text), strings.TrimSpace(agency.Text)
		e.Withdrawn = withdrawn.Checked
		t.u.doThen(func() error { return t.u.store.UpdateEnrolment(context.Background(), &e) }, func() {
			d.Hide()
			t.reload()
		})
	})
	save.Importance = widget.HighImportance
	content := container.NewVBox(form, note, container.NewHBox(refresh), widget.NewSeparator(), container.NewHBox(remove, layout.NewSpacer(), cancel, save))
	d = dialog.NewCustomWithoutButtons(L("Pendaftaran"), content, t.u.win)
	d.Resize(fyne.NewSize(640, 520))
	d.Show()
}
