package app

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/pembina/pembina/data/indo"
	"github.com/pembina/pembina/data/rank"
)

// openParticipant shows one participant's details.
func (u *UI) openParticipant(id int64) {
	p, err := u.store.Participant(context.Background(), id)
	if err != nil {
		u.showError(err)
		return
	}
	rankLabel := p.RankCode
	if r, ok := rank.ByCode(p.RankCode); ok {
		rankLabel = r.Label()
	}
	birth := p.BirthPlace
	if !p.BirthDate.IsZero() {
		if birth != "" {
			birth += ", "
		}
		birth += indo.Date(p.BirthDate)
	}
	form := widget.NewForm(
		widget.NewFormItem(L("Nama"), wrapLabel(p.FullName())),
		widget.NewFormItem(L("NIP"), widget.NewLabel(p.PrintedNIP())),
		widget.NewFormItem(L("Status kepegawaian"), widget.NewLabel(p.EmploymentStatus)),
		widget.NewFormItem(L("Tempat/tanggal lahir"), widget.NewLabel(birth)),
		widget.NewFormItem(L("Pangkat/Golongan"), widget.NewLabel(rankLabel)),
		widget.NewFormItem(L("Jabatan"), wrapLabel(p.Position)),
		widget.NewFormItem(L("Unit kerja"), wrapLabel(p.Unit)),
		widget.NewFormItem(L("Instansi"), wrapLabel(p.Agency)),
		widget.NewFormItem(L("Email"), widget.NewLabel(p.Email)),
		widget.NewFormItem(L("Telepon"), widget.NewLabel(p.Phone)),
	)
	d := dialog.NewCustom(L("Data peserta"), L("Tutup"), form, u.win)
	d.Resize(fyne.NewSize(560, 480))
	d.Show()
}
