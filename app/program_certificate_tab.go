package app

import (
	"fyne.io/fyne/v2"

	"github.com/pembina/pembina/data"
)

// programCertificateTab is the Sertifikat tab: eligibility, numbering, the batch PDF and verification.
func (u *UI) programCertificateTab(p *data.Program) fyne.CanvasObject {
	return comingSoon("Sertifikat", "Siapa yang memenuhi syarat dan alasannya, penomoran sesuai pola kantor, desain sertifikat, pratinjau, cetak semua dalam satu PDF dan verifikasi kode QR.")
}
