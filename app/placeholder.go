package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// comingSoon is a page or tab that is not built yet: it says, in the interface language, what will come
// there, so that no panel is ever empty.
func comingSoon(title, what string) fyne.CanvasObject {
	heading := widget.NewLabelWithStyle(L(title), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	heading.SizeName = theme.SizeNameSubHeadingText
	body := widget.NewLabel(L(what))
	body.Wrapping = fyne.TextWrapWord
	note := widget.NewLabelWithStyle(L("Bagian ini sedang disiapkan dan hadir pada versi berikutnya."), fyne.TextAlignLeading, fyne.TextStyle{Italic: true})
	note.Importance = widget.LowImportance
	return container.NewPadded(container.NewVBox(container.NewHBox(widget.NewIcon(theme.InfoIcon()), heading), body, note))
}

func (u *UI) dashboardPage() fyne.CanvasObject {
	return comingSoon("Beranda", "Angka tahun ini (program menurut status, orang yang dilatih, JP yang diberikan, pegawai yang mencapai 20 JP, kepuasan rata-rata), sesi pekan ini, dan daftar hal yang perlu ditindaklanjuti.")
}

func (u *UI) formsPage() fyne.CanvasObject {
	return comingSoon("Formulir", "Templat evaluasi dan tes: Evaluasi Penyelenggaraan, Evaluasi Narasumber, Pre-test dan Post-test, Evaluasi Pasca Pelatihan untuk alumni dan atasan, serta formulir buatan sendiri.")
}

func (u *UI) reportsPage() fyne.CanvasObject {
	return comingSoon("Laporan", "Buku kerja Excel untuk rapat pimpinan (capaian 20 JP, partisipasi per unit, kepuasan, peningkatan hasil belajar) dan laporan evaluasi program dalam PDF.")
}
