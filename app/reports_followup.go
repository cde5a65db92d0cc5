package app

import (
	"context"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/pembina/pembina/app/report"
	"github.com/pembina/pembina/data/followup"
	"github.com/pembina/pembina/data/indo"
)

// followUpPanel is Tindak lanjut JP on the Laporan page: for a year (and optionally one unit), a nota dinas
// to the head of each unit with active ASN below their JP target, the workbook of everyone below target, and
// the surat panggilan for those with no JP who were enrolled in a program and came to none of it.
type followUpPanel struct {
	u       *UI
	year    *widget.Select
	unit    *widget.SelectEntry
	status  *widget.Label
	letters *widget.Button
	summons *widget.Button
}

func (u *UI) followUpPanel() fyne.CanvasObject {
	fp := &followUpPanel{u: u}
	thisYear := strconv.Itoa(u.now.today().Year())
	fp.year = widget.NewSelect([]string{thisYear, strconv.Itoa(u.now.today().Year() - 1)}, nil)
	fp.year.SetSelected(thisYear)
	fp.unit = widget.NewSelectEntry(nil)
	fp.unit.SetPlaceHolder(L("Semua unit kerja"))
	fp.status = wrapLabel("")
	check := widget.NewButtonWithIcon(L("Periksa"), theme.SearchIcon(), fp.check)
	fp.letters = widget.NewButtonWithIcon(L("Buat nota dinas…"), theme.DocumentSaveIcon(), fp.writeLetters)
	fp.letters.Importance = widget.HighImportance
	fp.summons = widget.NewButtonWithIcon(L("Surat panggilan…"), theme.MailSendIcon(), fp.writeSummons)
	u.goBackground(func() {
		units, err := u.store.Units(context.Background())
		fyne.Do(func() {
			if err == nil {
				fp.unit.SetOptions(units)
			}
		})
	})
	form := widget.NewForm(widget.NewFormItem(L("Tahun"), fp.year), widget.NewFormItem(L("Unit kerja"), fp.unit))
	about := wrapLabel(L("Untuk setiap unit kerja yang memiliki pegawai ASN aktif di bawah target JP: nota dinas kepada kepala unit dengan lampiran nama, NIP, pangkat, jabatan, JP tahun ini, kekurangan JP dan program tiga bulan ke depan yang dapat diikuti, serta satu buku kerja berisi semua pegawai di bawah target. Surat panggilan ditujukan kepada kepala unit bagi pegawai tanpa JP yang terdaftar di suatu program tetapi alpa di semua sesinya."))
	return container.NewVBox(subheading(L("Tindak lanjut JP")), about, form, fp.status,
		container.NewHBox(check, layout.NewSpacer(), fp.summons, fp.letters))
}

// load computes the follow-up of the chosen year and unit.
func (fp *followUpPanel) load(ctx context.Context, progress Progress) (*followup.FollowUp, error) {
	y, _ := strconv.Atoi(fp.year.Selected)
	unit := ""
	if strings.TrimSpace(fp.unit.Text) != "" {
		var err error
		if unit, err = fp.u.store.UnitNamed(ctx, fp.unit.Text); err != nil {
			return nil, err
		}
	}
	return followup.Load(ctx, fp.u.store, y, unit, fp.u.now.today(), func(done, total int) { progress(done, total) })
}

// describe says what the follow-up holds and which units still lack a head.
func describe(f *followup.FollowUp) string {
	people := len(f.Below())
	if people == 0 {
		return fmt.Sprintf(L("Semua pegawai ASN aktif sudah memenuhi target JP tahun %d."), f.Year)
	}
	s := fmt.Sprintf(L("%s pegawai ASN aktif di bawah target JP di %s unit kerja; %s orang tanpa JP alpa di semua sesi program yang diikutinya."),
		indo.Int(int64(people)), indo.Int(int64(len(f.Units))), indo.Int(int64(len(f.Absences()))))
	if missing := f.WithoutHead(); len(missing) > 0 {
		shown := missing
		if len(shown) > 8 {
			shown = shown[:8]
		}
		s += "\n" + fmt.Sprintf(L("%d unit kerja belum memiliki data kepala (surat ditujukan kepada \"Kepala <unit>\"); lengkapi di Pengaturan > Unit kerja: %s"),
			len(missing), strings.Join(shown, "; "))
		if len(missing) > len(shown) {
			s += fmt.Sprintf(L(" dan %d lainnya"), len(missing)-len(shown))
		}
	}
	return s
}

func (fp *followUpPanel) check() {
	var f *followup.FollowUp
	fp.u.runTask(L("Menghitung tindak lanjut JP…"), func(ctx context.Context, progress Progress) (err error) {
		f, err = fp.load(ctx, progress)
		return err
	}, func(err error) {
		if err != nil {
			fp.u.showError(err)
			return
		}
		fp.status.SetText(describe(f))
	})
}

func (fp *followUpPanel) writeLetters() {
	u := fp.u
	u.dialogs.folder(L("Folder untuk nota dinas"), "", func(dir string) {
		var f *followup.FollowUp
		var res *report.FollowUpResult
		u.runTask(L("Membuat nota dinas…"), func(ctx context.Context, progress Progress) (err error) {
			if f, err = fp.load(ctx, progress); err != nil {
				return err
			}
			ls, err := report.LoadLetterSettings(ctx, u.store)
			if err != nil {
				return err
			}
			res, err = report.SaveFollowUp(ctx, u.store, f, ls, dir, u.now.today())
			return err
		}, func(err error) {
			if err != nil {
				u.showError(err)
				return
			}
			fp.status.SetText(describe(f))
			u.showSaved(L("Nota dinas tersimpan"), dir, fmt.Sprintf(L("%s nota dinas dan %s berisi %s pegawai di bawah target."),
				indo.Int(int64(len(res.Letters))), filepath.Base(res.Workbook), indo.Int(int64(res.People))))
		})
	})
}

func (fp *followUpPanel) writeSummons() {
	u := fp.u
	u.dialogs.folder(L("Folder untuk surat panggilan"), "", func(dir string) {
		var f *followup.FollowUp
		var n int
		var path string
		u.runTask(L("Membuat surat panggilan…"), func(ctx context.Context, progress Progress) (err error) {
			if f, err = fp.load(ctx, progress); err != nil {
				return err
			}
			ls, err := report.LoadLetterSettings(ctx, u.store)
			if err != nil {
				return err
			}
			path = filepath.Join(dir, report.SummonsFileName(f.Year))
			n, err = report.SaveSummons(ctx, u.store, f, ls, path, u.now.today())
			return err
		}, func(err error) {
			if err != nil {
				u.showError(err)
				return
			}
			fp.status.SetText(describe(f))
			u.showSaved(L("Surat panggilan tersimpan"), path, fmt.Sprintf(L("%s surat panggilan, satu untuk setiap pegawai."), indo.Int(int64(n))))
		})
	})
}
