package app

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/pembina/pembina/data/indo"
	"github.com/pembina/pembina/data/store"
)

// tab is Pengaturan's tab of the database file and its backups: open another, create a new one, move it; the
// backup folder, the automatic backup on close, a backup now, and a restore from any backup.
func (d *database) tab() fyne.CanvasObject {
	u := d.u
	ctx := context.Background()
	path := widget.NewLabel(u.store.Path())
	path.Wrapping = fyne.TextWrapBreak
	path.Selectable = true
	size := widget.NewLabel(L("menghitung…"))
	u.goBackground(func() {
		text := databaseFacts(u.store)
		fyne.Do(func() { size.SetText(text) })
	})
	fileButtons := container.NewGridWithColumns(2,
		widget.NewButtonWithIcon(L("Buka basis data lain…"), theme.FolderOpenIcon(), d.openDialog),
		widget.NewButtonWithIcon(L("Buat basis data baru…"), theme.ContentAddIcon(), d.newDialog),
		widget.NewButtonWithIcon(L("Pindahkan…"), theme.MailForwardIcon(), d.moveDialog),
		widget.NewButtonWithIcon(L("Buka foldernya"), theme.FolderIcon(), func() { u.openFolder(filepath.Dir(u.store.Path())) }),
	)
	fileCard := widget.NewCard(L("Berkas basis data"), L("Semua data Pembina tersimpan dalam satu berkas ini."),
		container.NewVBox(path, size, fileButtons))

	dir, err := u.store.BackupFolder(ctx)
	if err != nil {
		u.showError(err)
	}
	folder := widget.NewLabel(dir)
	folder.Wrapping = fyne.TextWrapBreak
	folder.Selectable = true
	changeFolder := widget.NewButtonWithIcon(L("Ganti folder…"), theme.FolderOpenIcon(), func() {
		u.dialogs.folder(L("Folder cadangan"), dir, func(p string) {
			if err := u.store.SetSetting(context.Background(), store.SettingBackupFolder, p); err != nil {
				u.showError(err)
				return
			}
			u.refreshSettings()
		})
	})
	openFolder := widget.NewButtonWithIcon(L("Buka foldernya"), theme.FolderIcon(), func() {
		os.MkdirAll(dir, 0o755)
		u.openFolder(dir)
	})
	onExit, _ := u.store.BackupOnExit(ctx)
	auto := widget.NewCheck(fmt.Sprintf(L("Cadangkan otomatis setiap kali Pembina ditutup (%d cadangan terakhir disimpan)"), store.AutoBackupKeep), nil)
	auto.SetChecked(onExit)
	auto.OnChanged = func(b bool) {
		v := "0"
		if b {
			v = "1"
		}
		if err := u.store.SetSetting(context.Background(), store.SettingBackupOnExit, v); err != nil {
			u.showError(err)
		}
	}
	backupNow := widget.NewButtonWithIcon(L("Cadangkan sekarang…"), theme.DocumentSaveIcon(), d.backupNowDialog)
	backupNow.Importance = widget.HighImportance
	restoreOther := widget.NewButtonWithIcon(L("Pulihkan dari berkas…"), theme.HistoryIcon(), d.restoreDialog)

	list := container.NewVBox()
	backups, err := store.AutoBackups(dir, u.store.Path())
	if err != nil {
		u.showError(err)
	}
	if len(backups) == 0 {
		empty := hintLabel(L("Belum ada cadangan otomatis. Yang pertama dibuat saat Pembina ditutup."))
		list.Add(empty)
	}
	for _, b := range backups {
		when := uiDateWithDay(b.Time) + " " + b.Time.Format("15.04")
		label := widget.NewLabel(when + " · " + fileSize(b.Size))
		label.Truncation = fyne.TextTruncateEllipsis
		p := b.Path
		restore := widget.NewButtonWithIcon(L("Pulihkan"), theme.HistoryIcon(), func() { d.restoreFrom(p) })
		list.Add(container.NewBorder(nil, nil, nil, restore, label))
	}
	restoreNote := hintLabel(L("Memulihkan mengganti data sekarang dengan isi cadangan, setelah Anda mengonfirmasi. Berkas yang sekarang disimpan dulu di sampingnya, jadi tidak ada yang hilang."))
	backupCard := widget.NewCard(L("Cadangan"), "", container.NewVBox(
		widget.NewForm(widget.NewFormItem(L("Folder cadangan"), container.NewBorder(nil, nil, nil,
			container.NewHBox(changeFolder, openFolder), folder))),
		auto,
		container.NewHBox(backupNow, restoreOther),
		widget.NewSeparator(),
		widget.NewLabelWithStyle(L("Cadangan otomatis terakhir"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		list,
		restoreNote,
	))
	keyCard := widget.NewCard(L("Kunci verifikasi sertifikat"),
		L("Kirim kunci publik ke kantor lain agar Pembina mereka dapat memeriksa sertifikat kantor ini, juga tanpa internet."),
		container.NewHBox(
			widget.NewButtonWithIcon(L("Ekspor kunci publik…"), theme.DocumentSaveIcon(), u.exportPublicKey),
			widget.NewButtonWithIcon(L("Kunci verifikasi…"), theme.AccountIcon(), u.showKeysDialog)))
	return container.NewVScroll(container.NewPadded(container.NewVBox(fileCard, backupCard, keyCard)))
}

// databaseFacts is a line about the database: its size and what it holds.
func databaseFacts(s *store.Store) string {
	var size int64
	for _, suffix := range []string{"", "-wal"} {
		if fi, err := os.Stat(s.Path() + suffix); err == nil {
			size += fi.Size()
		}
	}
	c, _ := s.Counts(context.Background())
	return fmt.Sprintf(L("%s · %s program · %s peserta"), fileSize(size), indo.Int(int64(c.Programs)), indo.Int(int64(c.Participants)))
}

// fileSize writes a size the way Indonesian text does: "2,1 MB", "840 KB".
func fileSize(n int64) string {
	switch {
	case n >= 1<<30:
		return indo.Decimal(float64(n)/(1<<30), 1) + " GB"
	case n >= 1<<20:
		return indo.Decimal(float64(n)/(1<<20), 1) + " MB"
	case n >= 1<<10:
		return indo.Int(n>>10) + " KB"
	}
	return indo.Int(n) + " B"
}

// openFolder shows a folder in the system's file manager.
func (u *UI) openFolder(dir string) {
	if err := u.app.OpenURL(&url.URL{Scheme: "file", Path: filepath.ToSlash(dir)}); err != nil {
		u.showError(err)
	}
}
