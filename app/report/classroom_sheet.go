package report

import (
	"io"
	"strconv"

	"github.com/pembina/pembina/app/report/pdf"
)

// ClassroomSheet is the page taped to the classroom door in Mode Kelas: the QR code of the address
// participants open, the address in letters for phones that cannot scan, and what to do.
type ClassroomSheet struct {
	Program string // title and batch
	Session string // "Sesi 2 · 7 Desember 2026 · 08.00 – 09.30 WIB", or ""
	URL     string
}

// GuideSection is one part of the Mode Kelas network guide.
type GuideSection struct {
	Title string
	Lines []string
}

// ClassroomGuide is the one-page guide to Mode Kelas's network, shown in the window (Bantuan) and printed
// (WriteClassroomGuide). Mode Kelas needs no internet: the phones only have to reach the laptop.
var ClassroomGuide = []GuideSection{
	{"Yang dibutuhkan", []string{
		"Laptop koordinator dan ponsel peserta berada di satu jaringan Wi-Fi. Internet tidak diperlukan.",
		"Dua cara yang berjalan tanpa internet: hotspot laptop sendiri, atau router saku (pocket router / MiFi) tanpa kartu SIM.",
	}},
	{"Cara 1: hotspot laptop (Windows)", []string{
		"Buka Pengaturan Windows > Jaringan & Internet > Hotspot seluler, nyalakan, lalu catat nama dan kata sandi jaringannya.",
		"Di Mode Kelas pilih alamat laptop pada hotspot itu (biasanya 192.168.137.1).",
		"Hotspot laptop umumnya menampung sekitar 8 ponsel; untuk kelas besar pakai cara 2.",
	}},
	{"Cara 2: router saku", []string{
		"Nyalakan router, sambungkan laptop dan ponsel peserta ke Wi-Fi router itu.",
		"Di Mode Kelas pilih alamat laptop pada jaringan itu (misalnya 192.168.8.100 atau 192.168.0.x).",
		"Router saku biasa melayani 30 sampai 60 ponsel.",
	}},
	{"Saat Windows Firewall bertanya", []string{
		"Pertama kali Mode Kelas dimulai, Windows dapat menampilkan \"Windows Defender Firewall has blocked some features\".",
		"Centang \"Private networks\" (jaringan pribadi) lalu pilih Allow access. Jaringan hotspot atau router harus berstatus Private, bukan Public.",
		"Bila ponsel tetap tidak dapat membuka alamatnya: Pengaturan > Jaringan & Internet > Wi-Fi > nama jaringan > Jenis profil jaringan: Private.",
	}},
	{"Bila Wi-Fi kantor memisahkan perangkat", []string{
		"Banyak Wi-Fi kantor dan Wi-Fi tamu memakai isolasi klien (client isolation / AP isolation): ponsel tidak dapat menghubungi laptop walaupun satu jaringan.",
		"Tandanya: alamat tidak terbuka di ponsel, padahal di laptop sendiri terbuka. Jangan pakai Wi-Fi itu; pakai hotspot laptop atau router saku.",
	}},
	{"Di kelas", []string{
		"Tampilkan layar Mode Kelas di proyektor: kode QR, alamat, dan kode presensi yang berganti setiap 3 menit.",
		"Peserta memindai kode QR (atau mengetik alamatnya), mengisi NIP dan kode, lalu mengisi evaluasi di ponselnya.",
		"Peserta tanpa ponsel ditandai dengan tombol Tandai hadir pada daftar di layar koordinator.",
		"Menutup jendela Mode Kelas menghentikan server; ponsel tidak dapat mengirim apa pun lagi.",
	}},
}

// WriteClassroomSheet writes the door sheet: "Pindai untuk presensi dan evaluasi", the program, a large QR
// code and the address.
func WriteClassroomSheet(w io.Writer, s ClassroomSheet) error {
	qr, err := pdf.EncodeQR(s.URL)
	if err != nil {
		return err
	}
	doc := pdf.New(pdf.A4, "P", "Mode Kelas: "+s.Program)
	doc.AddPage()
	width := 170.0
	doc.SetFont(pdf.Font, "B", 26)
	doc.MultiCell(width, 12, "Pindai untuk presensi dan evaluasi", "", "C", false)
	doc.Ln(3)
	doc.SetFont(pdf.Font, "", 14)
	doc.MultiCell(width, 7, s.Program, "", "C", false)
	if s.Session != "" {
		doc.MultiCell(width, 7, s.Session, "", "C", false)
	}
	side := 130.0
	y := doc.GetY() + 6
	pdf.DrawQR(doc, qr, 20+(width-side)/2, y, side)
	doc.SetY(y + side + 6)
	doc.SetFont(pdf.Font, "", 12)
	doc.MultiCell(width, 6, "Tidak dapat memindai? Ketik alamat ini di peramban ponsel:", "", "C", false)
	doc.SetFont(pdf.Font, "B", 20)
	doc.MultiCell(width, 10, s.URL, "", "C", false)
	doc.Ln(4)
	doc.SetFont(pdf.Font, "", 12)
	for i, step := range []string{
		"Sambungkan ponsel ke Wi-Fi yang disebut koordinator (internet tidak diperlukan).",
		"Pindai kode QR di atas atau ketik alamatnya.",
		"Ketik NIP Anda dan kode yang tampil di layar koordinator, lalu isi evaluasinya.",
	} {
		doc.MultiCell(width, 6.5, strconv.Itoa(i+1)+". "+step, "", "L", false)
	}
	return pdf.Finish(doc, w)
}

// WriteClassroomGuide writes ClassroomGuide on one page.
func WriteClassroomGuide(w io.Writer) error {
	doc := pdf.New(pdf.A4, "P", "Panduan jaringan Mode Kelas")
	doc.AddPage()
	width := 170.0
	doc.SetFont(pdf.Font, "B", 16)
	doc.MultiCell(width, 8, "Panduan jaringan Mode Kelas", "", "L", false)
	doc.Ln(2)
	for _, sec := range ClassroomGuide {
		doc.SetFont(pdf.Font, "B", 11)
		doc.MultiCell(width, 6, sec.Title, "", "L", false)
		doc.SetFont(pdf.Font, "", 10)
		for _, l := range sec.Lines {
			doc.MultiCell(width, 5, "•  "+l, "", "L", false)
		}
		doc.Ln(2)
	}
	return pdf.Finish(doc, w)
}

// SaveClassroomSheet writes the sheet's PDF to path, as every document is saved (saveFile).
func SaveClassroomSheet(path string, s ClassroomSheet) error {
	return saveFile(path, func(w io.Writer) error { return WriteClassroomSheet(w, s) })
}

// SaveClassroomGuide writes the guide's PDF to path, as every document is saved (saveFile).
func SaveClassroomGuide(path string) error {
	return saveFile(path, WriteClassroomGuide)
}
