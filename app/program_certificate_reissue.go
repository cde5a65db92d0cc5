package app

import (
	"context"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/pembina/pembina/data"
)

// reissueCertificate is Terbitkan ulang: the chosen certificate is issued again with what the participant's
// record and the program say now (a NIP corrected, a Non-ASN given a NIP, a title fixed), keeping its number,
// with a reason. A certificate is otherwise a record of what it printed: a correction elsewhere changes neither
// its reprint nor its verification.
func (t *certificateTab) reissueCertificate() {
	c := t.current()
	if c == nil || c.Certificate == nil || c.Certificate.Revoked {
		return
	}
	cert := c.Certificate
	reason := newKeyEntry()
	reason.SetPlaceHolder(L("Alasan, misalnya: NIP dikoreksi sesuai SK"))
	note := widget.NewLabel(L("Sertifikat memuat data saat diterbitkan. Terbitkan ulang mengambil data peserta dan program sekarang; nomornya tetap, perubahan dicatat di register, dan cetakan lama tetap dapat diverifikasi dengan catatan."))
	note.Wrapping = fyne.TextWrapWord
	form := widget.NewForm(widget.NewFormItem(L("Nomor"), widget.NewLabel(cert.Number)),
		widget.NewFormItem(L("Nama tercetak"), widget.NewLabel(cert.HolderName)), widget.NewFormItem(L("Alasan"), reason))
	d := dialog.NewCustomConfirm(L("Terbitkan ulang sertifikat"), L("Terbitkan ulang"), L("Batal"), container.NewVBox(form, note),
		func(ok bool) {
			if !ok {
				return
			}
			res, err := t.u.store.ReissueCertificate(context.Background(), cert.ID, reason.Text)
			if err != nil {
				t.u.showError(err)
				return
			}
			t.load()
			dialog.ShowConfirm(L("Sertifikat diterbitkan ulang"), changeLines(res.Changes)+"\n\n"+L("Cetak ulang sertifikat ini sekarang?"),
				func(yes bool) {
					if yes {
						t.printOne(cert.ID, cert.Number)
					}
				}, t.u.win)
		}, t.u.win)
	d.Resize(fyne.NewSize(600, 320))
	d.Show()
}

// changeLines lists the changes of a reissue in the window's language, one a line.
func changeLines(changes data.Phrases) string {
	lines := make([]string, len(changes))
	for i, c := range changes {
		lines[i] = phraseText(c)
	}
	return strings.Join(lines, "\n")
}
