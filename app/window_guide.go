package app

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// guideSection is one step of the coordinator's year in Bantuan > Panduan: a title and a few lines, Indonesian
// source strings translated like every other text of the window.
type guideSection struct {
	title string
	lines []string
}

// coordinatorGuide follows a coordinator's year with Pembina, in the order the work comes.
var coordinatorGuide = []guideSection{
	{"1. Pengaturan", []string{
		"Isi Pengaturan > Identitas instansi (kop surat dan logo) dan Penandatangan sebelum mencetak apa pun: daftar hadir, sertifikat dan laporan memakainya.",
		"Nilai bawaan menentukan batas kehadiran, skala evaluasi dan pola nomor sertifikat program baru. Pengaturan awal… mengulang langkah-langkah ini.",
	}},
	{"2. Program", []string{
		"Program > Program baru (Ctrl+N): kode, nama, angkatan, tanggal, jumlah JP, batas kehadiran dan nilai lulus.",
		"Salin untuk angkatan berikutnya membuat angkatan baru dengan jadwal dan formulir yang sama.",
	}},
	{"3. Peserta", []string{
		"Di tab Peserta sebuah program: ketik NIP lalu Enter, pilih dari daftar, tempel daftar NIP, atau impor berkas Excel dari unit kerja.",
		"Data peserta (pangkat, jabatan, unit) disalin ke pendaftaran, sehingga sertifikat memuat keadaan saat pelatihan.",
	}},
	{"4. Jadwal dan presensi", []string{
		"Tab Jadwal & Presensi: buat sesi (Buat sesi per hari), cetak daftar hadir, lalu isi presensi dengan huruf H, T, I, S, D, C atau A.",
		"Rekap menunjukkan siapa di bawah batas kehadiran. Laporan rapat daring (Zoom) dapat diimpor; Mode Kelas membiarkan peserta presensi dari ponsel.",
	}},
	{"5. Evaluasi", []string{
		"Tab Evaluasi: Lampirkan set standar (penyelenggaraan, narasumber, pasca pelatihan); buat pre-test dan post-test di halaman Formulir untuk materi program.",
		"Jawaban masuk lewat mode kios di laptop ini, Mode Kelas, formulir kertas yang diketik ulang, atau impor Google Forms.",
	}},
	{"6. Sertifikat", []string{
		"Tab Sertifikat menunjukkan siapa memenuhi syarat (kehadiran dan nilai). Terbitkan & cetak semua memberi nomor dan kode QR yang dapat diverifikasi.",
		"Berkas > Verifikasi Sertifikat (Ctrl+Shift+V) memeriksa sertifikat dari mana saja; sertifikat yang salah dapat dicabut atau dicetak ulang.",
	}},
	{"7. Laporan", []string{
		"Tab Laporan sebuah program menyimpan Laporan Evaluasi Program (PDF) untuk surat resmi.",
		"Halaman Laporan menyusun buku kerja pimpinan setahun: capaian 20 JP per pegawai, unit kerja, presensi, evaluasi, sertifikat dan kolom SIASN.",
	}},
	{"8. Cadangan", []string{
		"Setiap kali jendela ditutup Pembina menyimpan cadangan otomatis; Berkas > Cadangkan sekarang (Ctrl+B) menyimpan salinan yang tidak terhapus.",
		"Simpan salinan di luar laptop (flashdisk atau server kantor). Berkas > Pulihkan dari cadangan mengembalikannya.",
	}},
}

// showGuide is Bantuan > Panduan: the coordinator's year in short steps.
func (u *UI) showGuide() {
	box := container.NewVBox()
	for _, sec := range coordinatorGuide {
		box.Add(subheading(L(sec.title)))
		for _, l := range sec.lines {
			t := widget.NewLabel("• " + L(l))
			t.Wrapping = fyne.TextWrapWord
			box.Add(t)
		}
	}
	rect := canvas.NewRectangle(color.Transparent)
	rect.SetMinSize(fyne.NewSize(640, 420))
	d := dialog.NewCustom(L("Panduan"), L("Tutup"), container.NewStack(rect, container.NewVScroll(box)), u.win)
	d.Show()
}
