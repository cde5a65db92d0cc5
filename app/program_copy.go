package app

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"github.com/pembina/pembina/data"
	"github.com/pembina/pembina/data/indo"
	"github.com/pembina/pembina/data/store"
)

// copyProgramDialog asks for the first day of the next batch of p and proposes its code and batch number
// (store.ProposeBatchCopy), then copies the program with its subjects and sessions shifted to the new dates.
func (u *UI) copyProgramDialog(p *data.Program) {
	ctx := context.Background()
	subjects, err := u.store.Subjects(ctx, p.ID)
	if err != nil {
		u.showError(err)
		return
	}
	sessions, err := u.store.Sessions(ctx, p.ID)
	if err != nil {
		u.showError(err)
		return
	}
	code := newKeyEntry()
	batch := newKeyEntry()
	codeEdited := false
	problem := widget.NewLabel("")
	problem.Wrapping = fyne.TextWrapWord
	problem.Importance = widget.DangerImportance
	ends := widget.NewLabel("")
	var copyButton *widget.Button
	var start *dateField

	check := func() (store.BatchCopy, bool) {
		c := store.BatchCopy{Code: strings.TrimSpace(code.Text)}
		d, err := start.Date()
		n, ok := intOf(batch.Text)
		c.StartDate, c.Batch = d, n
		var msgs []string
		switch {
		case err != nil:
			msgs = append(msgs, L("Tanggal mulai: tulis sebagai HH/BB/TTTT"))
		case d.IsZero():
			msgs = append(msgs, L("Tanggal mulai wajib diisi"))
		default:
			ends.SetText(L("Selesai") + " " + uiDate(d.Add(p.EndDate.Sub(p.StartDate))))
		}
		if c.Code == "" {
			msgs = append(msgs, L("Kode wajib diisi"))
		}
		if !ok || n < 1 {
			msgs = append(msgs, L("Angkatan harus angka 1 atau lebih"))
		}
		problem.SetText(strings.Join(msgs, "; "))
		if len(msgs) > 0 {
			copyButton.Disable()
		} else {
			copyButton.Enable()
		}
		return c, len(msgs) == 0
	}
	propose := func() {
		d, err := start.Date()
		if err != nil || d.IsZero() {
			check()
			return
		}
		u.goBackground(func() {
			proposal, err := u.store.ProposeBatchCopy(context.Background(), p, d)
			fyne.Do(func() {
				if err != nil {
					u.showError(err)
					return
				}
				if !codeEdited {
					code.SetText(proposal.Code)
					codeEdited = false
				}
				batch.SetText(strconv.Itoa(proposal.Batch))
				check()
			})
		})
	}
	start = newDateField(u, propose)
	code.OnChanged = func(string) { codeEdited = true; check() }
	batch.OnChanged = func(string) { check() }

	what := fmt.Sprintf(L("Disalin: data program, %s mata pelatihan dan %s sesi (tanggalnya digeser mengikuti tanggal mulai baru), desain sertifikat dan formulir evaluasi. Peserta, presensi dan sertifikat tidak disalin."),
		indo.Int(int64(len(subjects))), indo.Int(int64(len(sessions))))
	info := widget.NewLabel(what)
	info.Wrapping = fyne.TextWrapWord
	info.Importance = widget.LowImportance
	form := widget.NewForm(
		widget.NewFormItem(L("Program asal"), wrapLabel(p.Code+" · "+p.Title+" · "+p.BatchLabel())),
		widget.NewFormItem(L("Tanggal mulai"), container.NewBorder(nil, nil, nil, ends, start.box)),
		widget.NewFormItem(L("Kode"), code),
		widget.NewFormItem(L("Angkatan"), batch),
	)
	var d dialog.Dialog
	cancel := widget.NewButton(L("Batal"), func() { d.Hide() })
	copyButton = widget.NewButton(L("Salin"), func() {
		c, ok := check()
		if !ok {
			return
		}
		copyButton.Disable()
		u.goBackground(func() {
			created, err := u.store.CopyProgram(context.Background(), p.ID, c)
			fyne.Do(func() {
				if err != nil {
					copyButton.Enable()
					problem.SetText(errorText(err))
					return
				}
				d.Hide()
				u.dropPage("programs")
				u.openProgram(created.ID)
			})
		})
	})
	copyButton.Importance = widget.HighImportance
	content := container.NewVBox(form, info, problem, container.NewHBox(layout.NewSpacer(), cancel, copyButton))
	d = dialog.NewCustomWithoutButtons(L("Salin untuk angkatan berikutnya"), content, u.win)
	d.Resize(fyne.NewSize(640, 420))
	// The next batch usually follows a week after this one ends, and not in the past.
	next := p.EndDate
	if today := u.now.today(); today.After(next) {
		next = today
	}
	start.SetDate(next.AddDate(0, 0, 7))
	d.Show()
}
