package app

import "fyne.io/fyne/v2"

// dashboardPage is Beranda.
func (u *UI) dashboardPage() fyne.CanvasObject {
	return comingSoon("Beranda", "Angka tahun ini (program menurut status, orang yang dilatih, JP yang diberikan, pegawai yang mencapai 20 JP, kepuasan rata-rata), sesi pekan ini, dan daftar hal yang perlu ditindaklanjuti.")
}
