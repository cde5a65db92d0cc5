package app

import (
	"fyne.io/fyne/v2"

	"github.com/pembina/pembina/data"
)

// programReportTab is the program's Laporan tab: its evaluation summary PDF.
func (u *UI) programReportTab(p *data.Program) fyne.CanvasObject {
	return comingSoon("Laporan", "Laporan evaluasi program dalam PDF untuk dilampirkan pada surat resmi.")
}
