package app

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/pembina/pembina/data"
	"github.com/pembina/pembina/data/indo"
	"github.com/pembina/pembina/data/store"
)

// database is the window's database file over its life: opening another or a new one, moving it, backing it
// up now or when the window closes, restoring a backup, and closing it. It swaps the store the pages read
// (u.store); what the window shows around a switch (its pages, the welcome page) stays the UI's.
type database struct {
	u         *UI
	onChanged func(path string) // Options.OnDatabaseChanged
	backedUp  bool              // the backup on close is done
}

// start sets up what the window needs of its database: the title with the database's name, the backup on
// close, the notice from the command line and what opening did to the number counters.
func (d *database) start(notice string) {
	u := d.u
	d.updateTitle()
	u.win.SetCloseIntercept(d.closeWindow)
	if notice != "" {
		dialog.ShowInformation(L("Perhatian"), notice, u.win)
	}
	d.showCounterNotice()
}

// counterNotice is what opening the database did to the certificate and letter number counters (store.CounterLifts),
// or "" when nothing needs saying.
func counterNotice(s *store.Store) string {
	var lines []string
	for _, l := range s.CounterLifts {
		lines = append(lines, phraseText(l.Phrase()))
	}
	if s.CounterNotice != "" {
		lines = append(lines, s.CounterNotice)
	}
	return strings.Join(lines, "\n\n")
}

// showCounterNotice tells the coordinator when opening lifted a number counter: a restored older backup
// would otherwise give again numbers already printed.
func (d *database) showCounterNotice() {
	u := d.u
	if n := counterNotice(u.store); n != "" {
		label := widget.NewLabel(n)
		label.Wrapping = fyne.TextWrapWord
		dlg := dialog.NewCustom(L("Penghitung nomor"), L("Tutup"), label, u.win)
		dlg.Resize(fyne.NewSize(600, 260))
		dlg.Show()
	}
}

// updateTitle shows the database's file name in the title bar, so a coordinator with two offices' files
// always sees which one is open.
func (d *database) updateTitle() { d.u.win.SetTitle("Pembina – " + filepath.Base(d.u.store.Path())) }

// fileNameChars are the characters a file name Pembina suggests may hold: safe on every system.
var fileNameChars = regexp.MustCompile(`^[\p{L}\p{N} ._()-]+$`)

// askLocation asks for a folder and a file name for a new file (a database, a backup), refusing names of
// files that exist: Pembina never writes over a file.
func (d *database) askLocation(title, confirm, dir, name string, chosen func(path string)) {
	u := d.u
	folder := widget.NewLabel(dir)
	folder.Wrapping = fyne.TextWrapBreak
	choose := widget.NewButton(L("Pilih folder…"), nil)
	file := newKeyEntry()
	file.SetText(name)
	file.Validator = func(s string) error {
		s = strings.TrimSpace(s)
		switch {
		case s == "":
			return fmt.Errorf("%s", L("tulis nama berkas"))
		case !fileNameChars.MatchString(s):
			return fmt.Errorf("%s", L("pakai huruf, angka, spasi, titik, tanda hubung atau garis bawah saja"))
		case !strings.EqualFold(filepath.Ext(s), ".db"):
			return fmt.Errorf("%s", L("nama berkas harus berakhiran .db"))
		}
		if _, err := os.Stat(filepath.Join(folder.Text, s)); err == nil {
			return fmt.Errorf("%s", L("berkas ini sudah ada; pilih nama lain"))
		}
		return nil
	}
	choose.OnTapped = func() {
		u.dialogs.folder(L("Pilih folder"), folder.Text, func(p string) {
			folder.SetText(p)
			file.Validate()
		})
	}
	items := []*widget.FormItem{
		widget.NewFormItem(L("Folder"), container.NewBorder(nil, nil, nil, choose, folder)),
		widget.NewFormItem(L("Nama berkas"), file),
	}
	dlg := dialog.NewForm(title, confirm, L("Batal"), items, func(ok bool) {
		if ok {
			chosen(filepath.Join(folder.Text, strings.TrimSpace(file.Text)))
		}
	}, u.win)
	dlg.Resize(fyne.NewSize(640, 260))
	dlg.Show()
}

// switchTo moves the window to another database. The pages are taken down first and the background
// work they started is waited for, so that nothing queries a store while it is replaced; job then runs off
// the UI goroutine behind a progress dialog with the store in use and returns the store to use afterwards:
// the new one, or (with an error) the old one still open or opened again. done gets job's error.
func (d *database) switchTo(title string, job func(ctx context.Context, old *store.Store) (*store.Store, error), done func(error)) {
	u := d.u
	key := ""
	if u.nav != nil {
		key = u.CurrentPage()
	}
	for _, p := range u.pages {
		p.view = nil
	}
	u.nav = nil
	wait := widget.NewLabel(title)
	u.root.Objects = []fyne.CanvasObject{container.NewCenter(wait)}
	u.root.Refresh()
	u.WaitIdle()
	old := u.store
	var next *store.Store
	u.runTask(title, func(ctx context.Context, _ Progress) error {
		var err error
		next, err = job(ctx, old)
		return err
	}, func(err error) {
		if next == nil { // the job could not keep any store open: try the old file once more
			var reopenErr error
			if next, reopenErr = store.OpenWith(old.Path(), old.Options()); reopenErr != nil {
				u.showError(err)
				u.root.Objects = []fyne.CanvasObject{container.NewCenter(wrapLabel(errorText(reopenErr)))}
				u.root.Refresh()
				return
			}
		}
		changed := next.Path() != old.Path()
		u.store = next
		if changed { // Open only probes large files: read every page now, as newUI does at start
			u.goBackground(func() {
				if err := next.Check(context.Background()); err != nil {
					fyne.Do(func() { u.showError(err) })
				}
			})
		}
		u.settings = settingsState{tab: u.settings.tab} // the edits belonged to the other database
		d.updateTitle()
		u.showHome(key)
		if changed && d.onChanged != nil {
			d.onChanged(next.Path())
		}
		if err != nil {
			u.showError(err)
		}
		if done != nil {
			done(err)
		}
	})
}

// showHome shows the welcome page on an empty database, else the sidebar with the page named key (the
// settings when key is empty: that is where the database was switched from).
func (u *UI) showHome(key string) {
	empty, err := u.store.IsEmpty(context.Background())
	if err != nil {
		u.showError(err)
	}
	if empty {
		u.nav = nil
		u.root.Objects = []fyne.CanvasObject{u.welcomePage()}
		u.root.Refresh()
		return
	}
	if key == "" {
		key = "settings"
	}
	u.showShell(key)
}

// autoBackup writes the automatic backup of a store when the coordinator keeps it on and the database holds
// data. It returns a line for the coordinator about the backup, "" when none was due.
func autoBackup(ctx context.Context, s *store.Store, now time.Time) (string, error) {
	on, err := s.BackupOnExit(ctx)
	if err != nil || !on {
		return "", err
	}
	empty, err := s.IsEmpty(ctx)
	if err != nil || empty {
		return "", err
	}
	dir, err := s.BackupFolder(ctx)
	if err != nil {
		return "", err
	}
	res, err := s.AutoBackup(ctx, dir, store.AutoBackupKeep, now)
	if err != nil {
		return "", err
	}
	if res.Unchanged {
		return fmt.Sprintf(L("Tidak ada perubahan sejak cadangan %s"), res.Path), nil
	}
	return fmt.Sprintf(L("Cadangan otomatis ditulis ke %s"), res.Path), nil
}

// closeStore backs a store up (see autoBackup) and closes it.
func closeStore(s *store.Store, now time.Time) (string, error) {
	defer s.Close()
	return autoBackup(context.Background(), s, now)
}

// logLine writes one line on stderr, for whoever started Pembina from a terminal (and the smoke test); the
// UI tests keep quiet.
func (d *database) logLine(msg string) {
	if msg != "" && !d.u.serial {
		fmt.Fprintf(os.Stderr, "pembina: %s\n", strings.Join(strings.Fields(msg), " "))
	}
}

// closeWindow is what closing the window does (its close button, Berkas > Keluar, Ctrl+Q): the automatic
// backup runs behind a progress dialog while the window is still there, so that a failure is seen and the
// coordinator decides whether to close without it; then the window closes and Run returns.
func (d *database) closeWindow() {
	u := d.u
	if u.tasks > 0 { // a job is running behind its progress dialog, which says so; close once it is done
		return
	}
	if g, ok := u.currentGeometry(); ok {
		storeGeometry(u.app.Preferences(), g)
	}
	s := u.store
	u.runTask(L("Mencadangkan sebelum menutup"), func(ctx context.Context, _ Progress) error {
		msg, err := autoBackup(ctx, s, u.now())
		d.logLine(msg)
		return err
	}, func(err error) {
		if err == nil {
			d.backedUp = true
			u.win.Close()
			return
		}
		msg := errorText(err) + "\n\n" + L("Tutup Pembina tanpa cadangan?")
		dialog.ShowConfirm(L("Cadangan otomatis gagal"), msg, func(ok bool) {
			if ok {
				d.backedUp = true // the coordinator chose to close without one
				u.win.Close()
			}
		}, u.win)
	})
}

// shutdown runs when the window has gone: it waits for background work, then closes the database, backing it
// up first when the window did not (the window was closed by the system rather than by the coordinator).
func (d *database) shutdown() {
	u := d.u
	u.WaitIdle()
	if d.backedUp {
		u.store.Close()
		return
	}
	msg, err := closeStore(u.store, u.now())
	if err != nil {
		msg = errorText(err)
	}
	d.logLine(msg)
}

// open moves the window to the Pembina database at path (created when it does not exist). The old
// database is backed up and closed only once the new one is open; a file Pembina refuses leaves everything
// as it was.
func (d *database) open(path string) {
	u := d.u
	if abs, err := filepath.Abs(path); err == nil && abs == u.store.Path() {
		return
	}
	d.switchTo(L("Membuka basis data"), func(ctx context.Context, old *store.Store) (*store.Store, error) {
		next, err := store.OpenWith(path, old.Options())
		if err != nil {
			return old, err
		}
		if _, err := closeStore(old, u.now()); err != nil {
			// The old file is closed; its backup failed. Say so, but the new database is open and fine.
			return next, data.Wrap(data.KindInternal, err, "%s: %s", L("Basis data baru dibuka, tetapi cadangan otomatis yang lama gagal"), err)
		}
		return next, nil
	}, func(err error) {
		if err == nil {
			d.showCounterNotice()
		}
	})
}

// openDialog is Berkas > Buka basis data.
func (d *database) openDialog() {
	d.u.dialogs.openIn(L("Buka basis data Pembina"), []string{".db"}, filepath.Dir(d.u.store.Path()), d.open)
}

// newDialog is Berkas > Basis data baru: a new, empty database in a folder of the coordinator's choice.
func (d *database) newDialog() {
	d.askLocation(L("Basis data baru"), L("Buat"), filepath.Dir(d.u.store.Path()), "pembina-baru.db", d.open)
}

// moveDialog moves the database file to another folder or name (Pengaturan > Basis data).
func (d *database) moveDialog() {
	path := d.u.store.Path()
	d.askLocation(L("Pindahkan basis data"), L("Pindahkan"), filepath.Dir(path), filepath.Base(path), d.move)
}

// move copies the database to dest, opens the copy and deletes the old file.
func (d *database) move(dest string) {
	u := d.u
	d.switchTo(L("Memindahkan basis data"), func(ctx context.Context, old *store.Store) (*store.Store, error) {
		moved, err := store.Move(ctx, old, dest)
		if err != nil {
			return old, err
		}
		return moved, nil
	}, func(err error) {
		if err == nil {
			dialog.ShowInformation(L("Basis data dipindahkan"), fmt.Sprintf(L("Basis data sekarang berada di %s."), u.store.Path()), u.win)
		}
	})
}

// backupNowDialog is Berkas > Cadangkan sekarang: a backup under a name the rotation never deletes, in the
// backup folder unless the coordinator picks another (a USB stick).
func (d *database) backupNowDialog() {
	u := d.u
	dir, err := u.store.BackupFolder(context.Background())
	if err != nil {
		u.showError(err)
		return
	}
	os.MkdirAll(dir, 0o755)
	d.askLocation(L("Cadangkan sekarang"), L("Cadangkan"), dir, store.ManualBackupName(u.store.Path(), u.now()), d.backupTo)
}

// backupTo writes a backup of the database to path.
func (d *database) backupTo(path string) {
	u := d.u
	s := u.store
	u.runTask(L("Mencadangkan"), func(ctx context.Context, _ Progress) error {
		return s.Backup(ctx, path)
	}, func(err error) {
		if err != nil {
			u.showError(err)
			return
		}
		dialog.ShowInformation(L("Cadangan dibuat"), fmt.Sprintf(L("Cadangan ditulis ke %s."), path), u.win)
		u.refreshSettings()
	})
}

// restoreDialog is Berkas > Pulihkan dari cadangan.
func (d *database) restoreDialog() {
	dir, _ := d.u.store.BackupFolder(context.Background())
	d.u.dialogs.openIn(L("Pilih berkas cadangan"), []string{".db"}, dir, d.restoreFrom)
}

// restoreFrom checks the backup at path, asks for confirmation with what it holds, then replaces the
// database with it; the current file is kept aside first.
func (d *database) restoreFrom(path string) {
	u := d.u
	var sum *store.BackupSummary
	u.runTask(L("Memeriksa cadangan"), func(ctx context.Context, _ Progress) error {
		var err error
		sum, err = store.InspectBackup(ctx, path)
		return err
	}, func(err error) {
		if err != nil {
			u.showError(err)
			return
		}
		msg := fmt.Sprintf(L("Basis data %s akan diganti dengan isi cadangan %s (%s, %s program, %s peserta)."),
			u.store.Path(), sum.Path, uiDate(sum.Modified)+" "+sum.Modified.Format("15.04"),
			indo.Int(int64(sum.Programs)), indo.Int(int64(sum.Participants))) + "\n\n" +
			L("Berkas yang sekarang tidak dihapus: berkas itu disimpan dulu di sampingnya dengan nama …sebelum-pemulihan-…db.") + "\n\n" +
			L("Lanjutkan pemulihan?")
		label := widget.NewLabel(msg)
		label.Wrapping = fyne.TextWrapWord
		dlg := dialog.NewCustomConfirm(L("Pulihkan dari cadangan?"), L("Pulihkan"), L("Batal"), label, func(ok bool) {
			if ok {
				d.restore(sum.Path)
			}
		}, u.win)
		dlg.SetConfirmImportance(widget.DangerImportance)
		dlg.Resize(fyne.NewSize(600, 300))
		dlg.Show()
	})
}

// restore replaces the database with the backup at path without asking.
func (d *database) restore(path string) {
	u := d.u
	var aside string
	d.switchTo(L("Memulihkan dari cadangan"), func(ctx context.Context, old *store.Store) (*store.Store, error) {
		dest := old.Path()
		old.Close()
		restored, kept, err := store.RestoreAndOpen(ctx, path, dest, old.Options())
		if err != nil {
			return nil, err // the file is as it was: switchTo opens it again
		}
		aside = kept
		return restored, nil
	}, func(err error) {
		if err == nil {
			msg := fmt.Sprintf(L("Data dipulihkan dari %s. Berkas sebelumnya disimpan sebagai %s."), path, aside)
			if n := counterNotice(u.store); n != "" {
				msg += "\n\n" + n
			}
			label := widget.NewLabel(msg)
			label.Wrapping = fyne.TextWrapWord
			dlg := dialog.NewCustom(L("Basis data dipulihkan"), L("Tutup"), label, u.win)
			dlg.Resize(fyne.NewSize(600, 260))
			dlg.Show()
		}
	})
}
