package app

import (
	"context"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/pembina/pembina/data"
	"github.com/pembina/pembina/data/store"
)

// lettersTab is the Surat tab of Pengaturan: the letter number pattern and the bodies of the nota dinas of the
// JP follow-up, of the surat panggilan and of a program's surat undangan, which every office words after its own Tata Naskah Dinas.
func (u *UI) lettersTab() fyne.CanvasObject {
	pattern := newKeyEntry()
	pattern.SetPlaceHolder(example(data.DefaultLetterPattern))
	followUp := newKeyMultiLineEntry()
	followUp.Wrapping = fyne.TextWrapWord
	followUp.SetMinRowsVisible(10)
	summons := newKeyMultiLineEntry()
	summons.Wrapping = fyne.TextWrapWord
	summons.SetMinRowsVisible(10)
	invitation := newKeyMultiLineEntry()
	invitation.Wrapping = fyne.TextWrapWord
	invitation.SetMinRowsVisible(10)
	load := func(t *store.LetterTexts) {
		pattern.SetText(t.Pattern)
		followUp.SetText(t.FollowUp)
		summons.SetText(t.Summons)
		invitation.SetText(t.Invitation)
	}
	u.goBackground(func() {
		t, err := u.store.LetterTexts(context.Background())
		fyne.Do(func() {
			if err != nil {
				u.showError(err)
				return
			}
			load(t)
		})
	})
	save := widget.NewButtonWithIcon(L("Simpan"), theme.DocumentSaveIcon(), func() {
		t := &store.LetterTexts{Pattern: pattern.Text, FollowUp: followUp.Text, Summons: summons.Text, Invitation: invitation.Text}
		u.goBackground(func() {
			err := u.store.SaveLetterTexts(context.Background(), t)
			fyne.Do(func() {
				if err != nil {
					u.showError(err)
					return
				}
				dialog.ShowInformation(L("Surat"), L("Pengaturan surat disimpan."), u.win)
			})
		})
	})
	save.Importance = widget.HighImportance
	reset := widget.NewButton(L("Kembalikan isi bawaan"), func() {
		followUp.SetText(data.DefaultFollowUpBody)
		summons.SetText(data.DefaultSummonsBody)
		invitation.SetText(data.DefaultInvitationBody)
	})
	help := wrapLabel(L("Paragraf dipisahkan baris kosong. Baris \"| Label | isi\" menjadi rincian bertitik dua. Bagian dalam [kurung siku] hanya dicetak bila semua isiannya terisi. Nomor surat memakai pola seperti nomor sertifikat ({seq:03}, {month_roman}, {year}); urutannya tidak pernah dipakai ulang."))
	help.Importance = widget.LowImportance
	placeholders := func(names []string) *widget.Label {
		l := wrapLabel(L("Isian: ") + "{" + strings.Join(names, "}, {") + "}")
		l.Importance = widget.LowImportance
		return l
	}
	body := container.NewVBox(help,
		widget.NewForm(widget.NewFormItem(L("Pola nomor surat"), pattern)),
		subheading(L("Nota dinas tindak lanjut JP")), placeholders(data.FollowUpPlaceholders), followUp,
		subheading(L("Surat panggilan")), placeholders(data.SummonsPlaceholders), summons,
		subheading(L("Surat undangan")), placeholders(data.InvitationPlaceholders), invitation,
		container.NewHBox(layout.NewSpacer(), reset, save))
	return container.NewVScroll(container.NewPadded(body))
}
