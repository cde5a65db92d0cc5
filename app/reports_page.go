package app

import "fyne.io/fyne/v2"

// reportsPage is Laporan: the leadership workbook and the program summaries.
func (u *UI) reportsPage() fyne.CanvasObject {
	return comingSoon("Laporan", "Buku kerja Excel untuk rapat pimpinan (capaian 20 JP, partisipasi per unit, kepuasan, peningkatan hasil belajar) dan laporan evaluasi program dalam PDF.")
}
