package app

import (
	"fyne.io/fyne/v2"

	"github.com/pembina/pembina/data"
)

// programScheduleTab is the Jadwal & Presensi tab: sessions, attendance, the recap and sign-in sheets.
func (u *UI) programScheduleTab(p *data.Program) fyne.CanvasObject {
	return comingSoon("Jadwal & Presensi", "Sesi dengan tanggal, jam, zona waktu, topik, narasumber dan JP; pencatatan kehadiran per sesi dengan papan ketik; rekap kehadiran; daftar hadir PDF; impor laporan peserta Zoom.")
}
