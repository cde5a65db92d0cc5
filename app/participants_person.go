package app

import (
	"context"
	"fmt"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/pembina/pembina/data"
	"github.com/pembina/pembina/data/indo"
	"github.com/pembina/pembina/data/nip"
)

// openParticipant shows one participant's page: the form to edit them and their training history.
func (u *UI) openParticipant(id int64) {
	p, err := u.store.Participant(context.Background(), id)
	if err != nil {
		u.showError(err)
		return
	}
	u.participantPage(p, "")
}

// newParticipant shows the page for a new participant, with the NIP already typed when one is given.
func (u *UI) newParticipant(nipText string) {
	u.participantPage(&data.Participant{NIP: nipText}, "")
}

// participantPage shows p (ID 0: a new participant) with a notice line when one is given.
func (u *UI) participantPage(p *data.Participant, notice string) {
	back := widget.NewButtonWithIcon(L("Daftar peserta"), theme.NavigateBackIcon(), func() {
		u.Navigate("participants")
		u.show(u.current)
	})
	title := L("Peserta baru")
	if p.ID != 0 {
		title = p.FullName()
	}
	form := newParticipantForm(u, p, func(saved *data.Participant) {
		u.participantPage(saved, L("Tersimpan."))
	}, func(existing *data.Participant) {
		u.participantPage(existing, fmt.Sprintf(L("NIP %s sudah terdaftar atas nama %s; data yang ada dibuka agar tidak tercatat dua kali."),
			existing.PrintedNIP(), existing.FullName()))
	})
	top := container.NewVBox(container.NewBorder(nil, nil, back, nil, heading(title)))
	if notice != "" {
		n := widget.NewLabel(notice)
		n.Wrapping = fyne.TextWrapWord
		n.Importance = widget.SuccessImportance
		if p.ID != 0 && notice != L("Tersimpan.") {
			n.Importance = widget.WarningImportance
		}
		top.Add(n)
	}
	actions := []fyne.CanvasObject{layout.NewSpacer(), form.save}
	if p.ID != 0 {
		remove := widget.NewButtonWithIcon(L("Hapus peserta"), theme.DeleteIcon(), func() { u.deleteParticipant(p) })
		remove.Importance = widget.DangerImportance
		actions = append([]fyne.CanvasObject{remove}, actions...)
	}
	left := container.NewBorder(nil, container.NewVBox(widget.NewSeparator(), form.summary, container.NewHBox(actions...)), nil, nil,
		container.NewVScroll(container.NewPadded(form.view)))
	var body fyne.CanvasObject = left
	if p.ID != 0 {
		split := container.NewHSplit(left, container.NewPadded(u.historyPanel(p)))
		split.Offset = 0.45
		body = split
	}
	u.setPageView(container.NewBorder(container.NewPadded(top), nil, nil, nil, body))
	u.win.Canvas().Focus(form.nip)
	if p.ID != 0 {
		u.win.Canvas().Focus(form.name)
	}
}

func (u *UI) deleteParticipant(p *data.Participant) {
	showDangerConfirm(L("Hapus peserta"), fmt.Sprintf(L("Hapus data %s? Peserta yang pernah terdaftar di program tidak dapat dihapus."), p.FullName()), func(ok bool) {
		if !ok {
			return
		}
		u.doThen(func() error { return u.store.DeleteParticipant(context.Background(), p.ID) }, func() {
			u.dropPage("participants")
			u.Navigate("participants")
			u.show(u.current)
		})
	}, u.win)
}

// historyPanel lists every program the participant attended and the JP per year against the 20 JP a year
// every civil servant is entitled to (docs/domain.md §2), counting the JP of the finished programs the person
// completed (data.TrainingRecord.EarnedJP).
func (u *UI) historyPanel(p *data.Participant) fyne.CanvasObject {
	var records []data.TrainingRecord
	years := container.NewVBox()
	table := newListTable([]column{
		{title: "Tahun", width: 64},
		{title: "JP", width: 40, align: fyne.TextAlignTrailing},
		{title: "Program", width: 190, grow: true},
		{title: "Tanggal", width: 150},
		{title: "Peran", width: 85},
	}, func() int { return len(records) }, func(row, col int) string {
		if row >= len(records) {
			return ""
		}
		r := records[row]
		switch col {
		case 0:
			return strconv.Itoa(r.Year())
		case 1:
			if jp := r.EarnedJP(); jp > 0 {
				return strconv.Itoa(jp)
			}
			return "–"
		case 2:
			return r.Code + " · " + r.Title
		case 3:
			return uiDateRange(r.StartDate, r.EndDate)
		case 4:
			if r.Withdrawn {
				return L("Mundur")
			}
			return L(r.Role.Label())
		}
		return ""
	})
	table.style = func(row, col int) widget.Importance {
		if row < len(records) && records[row].EarnedJP() == 0 {
			return widget.LowImportance
		}
		return widget.MediumImportance
	}
	table.OnSelected = func(id widget.TableCellID) {
		table.UnselectAll()
		if id.Row >= 0 && id.Row < len(records) {
			u.Navigate("programs")
			u.openProgram(records[id.Row].ProgramID)
		}
	}
	note := widget.NewLabel(fmt.Sprintf(L("JP dihitung dari program yang selesai dan diikuti sampai tuntas sebagai peserta (memenuhi batas kehadiran dan nilai lulus). Setiap ASN berhak atas paling sedikit %d JP pengembangan kompetensi per tahun."), data.AnnualJPTarget))
	note.Wrapping = fyne.TextWrapWord
	note.Importance = widget.LowImportance
	panel := container.NewBorder(container.NewVBox(subheading(L("Riwayat pelatihan")), note, years), nil, nil, nil, table)
	u.goBackground(func() {
		list, err := u.store.ParticipantHistory(context.Background(), p.ID, u.now.today())
		var letters []*data.LetterRecord
		if err == nil {
			letters, err = u.store.ParticipantLetters(context.Background(), p.ID)
		}
		target := 0
		if err == nil {
			var targets data.JPTargets
			targets, err = u.store.JPTargets(context.Background())
			target = targets.For(p.EmploymentStatus)
		}
		fyne.Do(func() {
			if err != nil {
				u.showError(err)
				return
			}
			records = list
			table.Refresh()
			years.RemoveAll()
			if len(list) == 0 {
				years.Add(widget.NewLabel(L("Belum pernah mengikuti program.")))
			}
			for _, y := range data.JPByYear(list) {
				years.Add(yearLine(y, target))
			}
			for _, l := range letters {
				years.Add(letterLine(l))
			}
			panel.Refresh()
		})
	})
	return panel
}

// letterLine writes a letter sent about the participant (a nota dinas of the JP follow-up, a surat
// panggilan): what it was, its number and date, and whom it went to.
func letterLine(l *data.LetterRecord) fyne.CanvasObject {
	w := widget.NewLabel(fmt.Sprintf(L("%s %s, %s, kepada %s"), L(l.Kind.Label()), l.Number, indo.Date(l.Date), l.Addressee))
	w.Wrapping = fyne.TextWrapWord
	w.Importance = widget.WarningImportance
	return w
}

// yearLine writes one year of JP: the target of the person's employment status (store.JPTargets) reached
// (green) or the shortfall (red), with programs not finished yet; without a target (Non-ASN) neither.
func yearLine(y data.YearJP, target int) fyne.CanvasObject {
	text := fmt.Sprintf(L("%d: %s JP"), y.Year, indo.Int(int64(y.JP)))
	if y.Programs > 0 {
		text = fmt.Sprintf(L("%d: %s JP dari %s program"), y.Year, indo.Int(int64(y.JP)), indo.Int(int64(y.Programs)))
	}
	l := widget.NewLabel("")
	l.Wrapping = fyne.TextWrapWord
	switch {
	case target <= 0:
		l.Importance = widget.MediumImportance
	case y.JP >= target:
		text += " · " + fmt.Sprintf(L("mencapai %d JP"), target)
		l.Importance = widget.SuccessImportance
	default:
		text += " · " + fmt.Sprintf(L("kurang %d JP untuk mencapai %d JP"), target-y.JP, target)
		l.Importance = widget.DangerImportance
	}
	if y.Pending > 0 {
		text += " · " + fmt.Sprintf(L("%d program belum selesai"), y.Pending)
	}
	l.SetText(text)
	return l
}

// participantDialog creates a participant in a dialog, for the program's Peserta tab; saved gets the stored
// participant, or the stored person whose NIP was typed.
func (u *UI) participantDialog(nipText string, saved func(*data.Participant)) {
	var d dialog.Dialog
	form := newParticipantForm(u, &data.Participant{NIP: nipText}, func(p *data.Participant) {
		d.Hide()
		saved(p)
	}, func(existing *data.Participant) {
		d.Hide()
		saved(existing)
	})
	cancel := widget.NewButton(L("Batal"), func() { d.Hide() })
	content := container.NewBorder(nil, container.NewVBox(form.summary, container.NewHBox(layout.NewSpacer(), cancel, form.save)), nil, nil,
		container.NewVScroll(form.view))
	d = dialog.NewCustomWithoutButtons(L("Peserta baru"), content, u.win)
	d.Resize(fyne.NewSize(720, 640))
	d.Show()
	u.win.Canvas().Focus(form.name)
}

// enrolledNIP formats a NIP for lists, "–" for none.
func enrolledNIP(s string) string {
	if s == "" {
		return "–"
	}
	return nip.Format(s)
}
