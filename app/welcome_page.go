package app

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/pembina/pembina/assets"
	"github.com/pembina/pembina/data/sample"
)

// welcomePage greets a coordinator on an empty database and offers the sample data or a clean start.
func (u *UI) welcomePage() fyne.CanvasObject {
	icon := canvas.NewImageFromResource(assets.Icon)
	icon.FillMode = canvas.ImageFillContain
	icon.SetMinSize(fyne.NewSize(96, 96))
	title := widget.NewLabelWithStyle(L("Selamat datang di Pembina"), fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	title.SizeName = "headingText"
	intro := widget.NewLabel(L("Pembina membantu koordinator pembinaan ASN mengelola program pelatihan, peserta, presensi, evaluasi, sertifikat dan laporan pimpinan dalam satu berkas, tanpa internet."))
	intro.Wrapping = fyne.TextWrapWord
	intro.Alignment = fyne.TextAlignCenter
	question := widget.NewLabel(L("Basis data ini masih kosong. Ingin mencoba dengan data contoh sebuah Dinas Pendidikan kabupaten, atau mulai dengan data sendiri?"))
	question.Wrapping = fyne.TextWrapWord
	question.Alignment = fyne.TextAlignCenter

	loadSample := widget.NewButton(L("Muat data contoh"), nil)
	loadSample.Importance = widget.HighImportance
	loadSample.OnTapped = func() {
		u.runTask(L("Memuat data contoh"), func(ctx context.Context, progress Progress) error {
			_, err := sample.Load(ctx, u.store, sample.Options{Progress: progress})
			return err
		}, func(err error) {
			if err != nil {
				u.showError(err)
				return
			}
			u.showShell("programs")
		})
	}
	startEmpty := widget.NewButton(L("Mulai dengan data kosong"), func() {
		u.showShell("settings")
		u.showSetup()
	})

	body := container.NewVBox(container.NewCenter(icon), title, intro, widget.NewSeparator(), question,
		container.NewCenter(container.NewHBox(loadSample, startEmpty)))
	return container.NewCenter(container.NewGridWrap(fyne.NewSize(620, 420), body))
}
