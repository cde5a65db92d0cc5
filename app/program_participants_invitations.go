package app

import (
	"context"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/pembina/pembina/app/report"
	"github.com/pembina/pembina/data"
	"github.com/pembina/pembina/data/indo"
)

// The two ways of inviting, as the dialog offers them.
var (
	invitePerPerson = "Satu surat per peserta"
	invitePerUnit   = "Satu surat per kepala unit kerja, nama peserta sebagai lampiran"
)

// showInvitations asks how to address the program's surat undangan and what to wear, then where to save them,
// and writes them (numbered from the letter register) off the UI goroutine. A program without participants
// is told so at once, with no file.
func (u *UI) showInvitations(p *data.Program) {
	ctx := context.Background()
	inv, err := report.LoadInvitation(ctx, u.store, p.ID)
	if err != nil {
		u.showError(err)
		return
	}
	mode := widget.NewRadioGroup([]string{L(invitePerPerson), L(invitePerUnit)}, nil)
	mode.Required = true
	mode.SetSelected(L(invitePerPerson))
	dress := newKeyEntry()
	dress.SetText(data.DefaultDressCode)
	info := widget.NewLabel(fmt.Sprintf(L("%s peserta dari %s unit kerja. Hari, tanggal, waktu dan tempat diambil dari program dan jadwalnya."),
		indo.Int(int64(len(inv.People))), indo.Int(int64(len(inv.Units())))))
	info.Wrapping = fyne.TextWrapWord
	items := []*widget.FormItem{widget.NewFormItem(L("Surat"), mode), widget.NewFormItem(L("Pakaian"), dress),
		widget.NewFormItem("", info)}
	d := dialog.NewForm(L("Surat undangan")+" "+p.Code, L("Buat surat…"), L("Batal"), items, func(ok bool) {
		if !ok {
			return
		}
		inv.Dress = strings.TrimSpace(dress.Text)
		u.saveInvitations(p, inv, mode.Selected == L(invitePerUnit))
	}, u.win)
	d.Resize(fyne.NewSize(640, 320))
	d.Show()
}

func (u *UI) saveInvitations(p *data.Program, inv *report.Invitation, perUnit bool) {
	u.dialogs.savePath(report.FileName("Surat Undangan", p.Code, u.now(), ".pdf"), func(path string) {
		if path == "" {
			return
		}
		if !strings.HasSuffix(strings.ToLower(path), ".pdf") {
			path += ".pdf"
		}
		var res *report.InvitationResult
		u.runTask(L("Membuat surat undangan…"), func(ctx context.Context, _ Progress) error {
			var err error
			res, err = report.SaveInvitations(ctx, u.store, inv, path, perUnit, u.now.today())
			return err
		}, func(err error) {
			if err != nil {
				u.showError(err)
				return
			}
			details := []string{fmt.Sprintf(L("%s surat untuk %s peserta, nomor %s s.d. %s."), indo.Int(int64(res.Letters)),
				indo.Int(int64(res.People)), res.Numbers[0], res.Numbers[len(res.Numbers)-1])}
			if len(res.WithoutHead) > 0 {
				details = append(details, fmt.Sprintf(L("Unit kerja tanpa data kepala (surat ditujukan ke Kepala <unit>; lengkapi di Pengaturan > Unit kerja): %s"),
					strings.Join(res.WithoutHead, "; ")))
			}
			u.showSaved(L("Surat undangan tersimpan"), path, details...)
		})
	})
}
