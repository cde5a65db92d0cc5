package app

import (
	"context"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/pembina/pembina/app/certify"
	"github.com/pembina/pembina/app/report"
	"github.com/pembina/pembina/data"
	"github.com/pembina/pembina/data/indo"
	"github.com/pembina/pembina/data/nip"
)

// showVerifyDialog is "Verifikasi Sertifikat": the text of a certificate's QR code, typed, pasted or read by
// a scanner (which types it and presses Enter), checked against this database's keys and register.
func (u *UI) showVerifyDialog() {
	text := newKeyEntry()
	text.SetPlaceHolder(L("Pindai kode QR dengan pemindai, atau tempel teksnya di sini"))
	result := container.NewVBox()
	check := func() {
		if strings.TrimSpace(text.Text) == "" {
			return
		}
		v, err := u.store.VerifyCertificate(context.Background(), text.Text)
		if err != nil {
			u.showError(err)
			return
		}
		verdict := widget.NewLabelWithStyle(L(v.Verdict.Label()), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		verdict.SizeName = theme.SizeNameSubHeadingText
		switch v.Verdict {
		case data.VerdictValid:
			verdict.Importance = widget.SuccessImportance
		case data.VerdictRevoked:
			verdict.Importance = widget.WarningImportance
		default:
			verdict.Importance = widget.DangerImportance
		}
		reason := widget.NewLabel(phraseText(v.Reason))
		reason.Wrapping = fyne.TextWrapWord
		result.Objects = []fyne.CanvasObject{verdict, reason}
		if cl := v.Claim; cl != nil {
			holder := cl.Holder
			if len(holder) == 18 {
				holder = "NIP. " + nip.Format(holder)
			}
			details := widget.NewForm()
			items := []struct{ label, value string }{
				{L("Nomor"), cl.Number}, {L("Nama"), cl.Name}, {L("Identitas"), holder}, {L("Program"), cl.ProgramCode},
				{L("Tanggal"), uiDateRange(cl.Start, cl.End)}, {L("JP"), indo.WithWords(int64(cl.JP))},
			}
			if cl.Format == data.PayloadFormat {
				predicate := cl.Predicate
				if predicate == "" {
					predicate = "-"
				}
				items = append(items, []struct{ label, value string }{{L("Peran"), L(cl.Role.Label())}, {L("Predikat"), predicate},
					{L("Tanggal terbit"), uiDate(cl.Issued)}}...)
			}
			for _, it := range items {
				l := widget.NewLabel(it.value)
				l.Wrapping = fyne.TextWrapWord
				details.Append(it.label, l)
			}
			switch v.Signer {
			case "":
			case data.OwnSigner:
				details.Append(L("Penanda tangan digital"), widget.NewLabel(L(v.Signer)))
			default:
				details.Append(L("Penanda tangan digital"), widget.NewLabel(v.Signer))
			}
			result.Objects = append(result.Objects, details)
		}
		for _, n := range v.Notes {
			note := widget.NewLabel(phraseText(n))
			note.Wrapping = fyne.TextWrapWord
			note.Importance = widget.WarningImportance
			result.Objects = append(result.Objects, note)
		}
		result.Refresh()
	}
	text.OnSubmitted = func(string) { check() }
	body := container.NewBorder(
		container.NewVBox(widget.NewLabel(L("Teks kode QR")), container.NewBorder(nil, nil, nil, widget.NewButton(L("Periksa"), check), text)),
		nil, nil, nil,
		container.NewVScroll(result))
	d := dialog.NewCustom(L("Verifikasi Sertifikat"), L("Tutup"), body, u.win)
	d.Resize(fyne.NewSize(680, 520))
	d.Show()
	u.win.Canvas().Focus(text)
}

// exportPublicKey asks where to save this database's public key and writes it there (Sertifikat tab and Pengaturan).
func (u *UI) exportPublicKey() {
	u.dialogs.savePath(report.FileName("Kunci Publik Sertifikat", "", u.now(), ".txt"), func(path string) {
		if err := certify.ExportPublicKey(context.Background(), u.store, path); err != nil {
			removeIfEmpty(path)
			u.showError(err)
			return
		}
		u.showDone(L("Kunci publik diekspor"), L("Kunci publik ditulis ke {{.Path}}. Kirim berkas ini ke kantor lain agar sertifikat kantor ini dapat diverifikasi di Pembina mereka.",
			map[string]any{"Path": path}), path)
	})
}

// trustPublicKey reads another office's exported key and, once the coordinator has confirmed whose it is,
// trusts it.
func (u *UI) trustPublicKey(done func()) {
	u.dialogs.open([]string{".txt"}, func(path string) {
		pub, named, err := certify.ReadPublicKeyFile(path)
		if err != nil {
			u.showError(err)
			return
		}
		label := newKeyEntry()
		label.SetText(named)
		form := widget.NewForm(widget.NewFormItem(L("Kode kunci"), widget.NewLabel(data.KeyID(pub))), widget.NewFormItem(L("Kantor"), label))
		d := dialog.NewCustomConfirm(L("Percayai kunci kantor lain"), L("Percayai"), L("Batal"), form, func(ok bool) {
			if !ok {
				return
			}
			if err := u.store.TrustKey(context.Background(), pub, label.Text); err != nil {
				u.showError(err)
				return
			}
			if done != nil {
				done()
			}
		}, u.win)
		d.Resize(fyne.NewSize(520, 220))
		d.Show()
	})
}

// showKeysDialog lists the keys certificates are verified with here: this database's own, to export, and the
// trusted keys of other offices.
func (u *UI) showKeysDialog() {
	box := container.NewVBox()
	var d *dialog.CustomDialog
	var fill func()
	fill = func() {
		box.Objects = nil
		pub, label, err := u.store.OwnPublicKey(context.Background())
		if err != nil {
			u.showError(err)
			return
		}
		own := widget.NewLabel(L("Kunci basis data ini: {{.ID}} ({{.Label}})", map[string]any{"ID": data.KeyID(pub), "Label": label}))
		own.Wrapping = fyne.TextWrapWord
		box.Add(own)
		box.Add(container.NewHBox(widget.NewButton(L("Ekspor kunci publik…"), u.exportPublicKey),
			widget.NewButton(L("Percayai kunci kantor lain…"), func() { u.trustPublicKey(fill) })))
		box.Add(widget.NewSeparator())
		keys, err := u.store.VerificationKeys(context.Background())
		if err != nil {
			u.showError(err)
			return
		}
		others := 0
		for _, k := range keys {
			if k.Own {
				continue
			}
			others++
			k := k
			l := widget.NewLabel(k.Label + " · " + data.KeyID(k.Public))
			l.Truncation = fyne.TextTruncateEllipsis
			forget := widget.NewButton(L("Lupakan"), func() {
				if err := u.store.ForgetKey(context.Background(), k.ID); err != nil {
					u.showError(err)
				}
				fill()
			})
			box.Add(container.NewBorder(nil, nil, nil, forget, l))
		}
		if others == 0 {
			box.Add(widget.NewLabel(L("Belum ada kunci kantor lain yang dipercaya.")))
		}
		box.Refresh()
	}
	fill()
	note := widget.NewLabel(L("Kode QR setiap sertifikat ditandatangani dengan kunci basis data ini. Kantor lain dapat memeriksa sertifikat kantor ini setelah memercayai kunci publiknya, dan sebaliknya."))
	note.Wrapping = fyne.TextWrapWord
	d = dialog.NewCustom(L("Kunci verifikasi sertifikat"), L("Tutup"), container.NewVBox(note, box), u.win)
	d.Resize(fyne.NewSize(620, 380))
	d.Show()
}
