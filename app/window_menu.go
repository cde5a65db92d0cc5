package app

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/pembina/pembina/assets"
)

// viewCommands are the context commands of the menu that a page, or a view opened from it (a program's
// tabs), offers. A nil func means the view has none: the menu item then says what it will do there instead
// of doing nothing.
type viewCommands struct {
	New    func() // Ctrl+N: a new record of what the view shows (a program, a participant, a signatory)
	Search func() // Ctrl+F: focus the view's search; without it the first search box of the view gets focus
	Print  func() // Ctrl+P: print the view's document (a sign-in sheet, certificates, a report)
	Export func() // Ctrl+E: export what the view shows (a workbook)
	Reload func() // reads what the view shows from the database again; a program's tab runs it each time it is shown
	Focus  func() // puts the keyboard on the view's main control when Ctrl+PageDown/PageUp shows it
}

// commander is implemented by a view that offers context commands. A page plugs in by returning
// withCommands(view, viewCommands{...}) from its build function, or by implementing commands() on its own
// widget. Commanders nested deeper (the selected tab of a program) override the ones around them.
type commander interface{ commands() viewCommands }

// commandView gives any view context commands.
type commandView struct {
	widget.BaseWidget
	content fyne.CanvasObject
	cmds    viewCommands
}

// withCommands wraps view so that the menu's context commands reach it.
func withCommands(view fyne.CanvasObject, c viewCommands) fyne.CanvasObject {
	v := &commandView{content: view, cmds: c}
	v.ExtendBaseWidget(v)
	return v
}

func (v *commandView) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(v.content)
}
func (v *commandView) commands() viewCommands { return v.cmds }

// command names one of the context commands.
type command int

const (
	cmdNew command = iota
	cmdSearch
	cmdPrint
	cmdExport
)

func (c viewCommands) get(cmd command) func() {
	return [...]func(){c.New, c.Search, c.Print, c.Export}[cmd]
}

// currentView is what the content area shows (a page or a view opened from it), or nil on the welcome page.
func (u *UI) currentView() fyne.CanvasObject {
	if u.nav == nil || len(u.content.Objects) == 0 {
		return nil
	}
	return u.content.Objects[0]
}

// contextCommands merges the commands of every commander on the visible path of the current view.
func (u *UI) contextCommands() viewCommands {
	var out viewCommands
	walkVisible(u.currentView(), func(o fyne.CanvasObject) bool {
		if c, ok := o.(commander); ok {
			cmds := c.commands()
			for _, f := range []struct {
				dst *func()
				src func()
			}{{&out.New, cmds.New}, {&out.Search, cmds.Search}, {&out.Print, cmds.Print}, {&out.Export, cmds.Export}} {
				if f.src != nil {
					*f.dst = f.src
				}
			}
		}
		return true
	})
	return out
}

// walkVisible calls visit for o and what it shows, outside in: the children of containers, the content of
// scrolls and splits, and only the selected tab of tab containers. visit returns false to stop.
func walkVisible(o fyne.CanvasObject, visit func(fyne.CanvasObject) bool) bool {
	if o == nil || !o.Visible() {
		return true
	}
	if !visit(o) {
		return false
	}
	switch x := o.(type) {
	case *commandView:
		return walkVisible(x.content, visit)
	case *fyne.Container:
		for _, c := range x.Objects {
			if !walkVisible(c, visit) {
				return false
			}
		}
	case *container.Scroll:
		return walkVisible(x.Content, visit)
	case *container.Split:
		return walkVisible(x.Leading, visit) && walkVisible(x.Trailing, visit)
	case *container.AppTabs:
		if t := x.Selected(); t != nil {
			return walkVisible(t.Content, visit)
		}
	case *container.DocTabs:
		if t := x.Selected(); t != nil {
			return walkVisible(t.Content, visit)
		}
	case *widget.Card:
		return walkVisible(x.Content, visit)
	}
	return true
}

// runCommand runs a context command of the current view, or explains what it will do there.
func (u *UI) runCommand(cmd command) {
	if f := u.contextCommands().get(cmd); f != nil {
		f()
		return
	}
	if cmd == cmdSearch && u.focusFirstSearch() {
		return
	}
	dialog.ShowInformation(L(commandTitles[cmd]), u.commandHint(cmd), u.win)
}

// focusFirstSearch puts the cursor in the first search box of the current view ("Cari …").
func (u *UI) focusFirstSearch() bool {
	prefix := strings.ToLower(L("Cari"))
	var found *keyEntry
	walkVisible(u.currentView(), func(o fyne.CanvasObject) bool {
		if e, ok := o.(*keyEntry); ok && !e.Disabled() && strings.HasPrefix(strings.ToLower(e.PlaceHolder), prefix) {
			found = e
			return false
		}
		return true
	})
	if found == nil {
		return false
	}
	u.win.Canvas().Focus(found)
	return true
}

var commandTitles = [...]string{"Baru", "Cari", "Cetak", "Ekspor"}

// commandHint says what a context command will do on the current page once the page offers it.
func (u *UI) commandHint(cmd command) string {
	if u.nav == nil {
		return L("Pilih dulu Muat data contoh atau Mulai dengan data kosong; perintah ini bekerja pada halaman yang dibuka sesudahnya.")
	}
	key := u.CurrentPage()
	if u.opened && key == "programs" { // a program's tabs
		switch cmd {
		case cmdNew:
			return L("Pada program yang dibuka, Baru (Ctrl+N) mendaftarkan peserta di tab Peserta, menambah sesi di Jadwal & Presensi dan melampirkan formulir di Evaluasi.")
		case cmdPrint:
			return L("Pada program yang dibuka, Cetak (Ctrl+P) mencetak dokumen tab yang terbuka: daftar hadir di Jadwal & Presensi, formulir kertas di Evaluasi, sertifikat di Sertifikat dan laporan evaluasi di Laporan.")
		case cmdExport:
			return L("Pada program yang dibuka, Ekspor (Ctrl+E) menyimpan isi tab yang terbuka ke Excel: peserta di Peserta, rekap kehadiran di Jadwal & Presensi, hasil evaluasi di Evaluasi dan Laporan, register sertifikat di Sertifikat.")
		}
	}
	hints := map[string][4]string{
		"programs": {
			"",
			"",
			L("Dokumen dicetak dari program yang dibuka: pilih sebuah program, lalu Cetak (Ctrl+P) di tab Jadwal & Presensi, Evaluasi, Sertifikat atau Laporan."),
			"",
		},
		"participants": {
			"",
			"",
			L("Halaman Peserta tidak memiliki dokumen untuk dicetak. Ekspor (Ctrl+E) menyimpan daftar peserta ke Excel; riwayat diklat seseorang tampil saat datanya dibuka."),
			"",
		},
	}
	if h := hints[key][cmd]; h != "" {
		return h
	}
	switch cmd {
	case cmdNew:
		return L("Halaman ini tidak membuat data baru. Baru (Ctrl+N) bekerja di halaman Program, Peserta, Formulir dan di Pengaturan (penandatangan baru).")
	case cmdSearch:
		return L("Halaman ini tidak memiliki kotak pencarian. Cari (Ctrl+F) menuju kotak pencarian di halaman Program dan Peserta.")
	case cmdPrint:
		return L("Halaman ini tidak memiliki dokumen untuk dicetak. Daftar hadir, formulir, sertifikat dan laporan evaluasi dicetak dari program yang dibuka; formulir kosong dari halaman Formulir.")
	default:
		return L("Halaman ini tidak memiliki data untuk diekspor. Ekspor (Ctrl+E) bekerja di halaman Program, Peserta dan Laporan, dan di tab program yang dibuka.")
	}
}

func shortcut(key fyne.KeyName, mod fyne.KeyModifier) fyne.Shortcut {
	return &desktop.CustomShortcut{KeyName: key, Modifier: mod}
}

// mainMenu builds the menu bar: Berkas, Halaman and Bantuan. Shortcuts live on menu items because
// canvas shortcuts do not fire while an Entry has focus (docs/FYNE-NOTES.md); menu shortcuts always do.
func (u *UI) mainMenu() *fyne.MainMenu {
	ctrl := fyne.KeyModifierShortcutDefault
	item := func(label string, key fyne.KeyName, mod fyne.KeyModifier, action func()) *fyne.MenuItem {
		it := fyne.NewMenuItem(label, func() {
			// Menu shortcuts fire even behind a progress dialog: nothing starts while a long job runs.
			if u.tasks == 0 {
				action()
			}
		})
		if key != "" {
			it.Shortcut = shortcut(key, mod)
		}
		return it
	}
	quit := item(L("Keluar"), fyne.KeyQ, ctrl, u.quit)
	quit.IsQuit = true
	file := fyne.NewMenu(L("Berkas"),
		item(L("Baru"), fyne.KeyN, ctrl, func() { u.runCommand(cmdNew) }),
		item(L("Basis data baru…"), "", 0, u.db.newDialog),
		item(L("Buka basis data…"), fyne.KeyO, ctrl, u.db.openDialog),
		fyne.NewMenuItemSeparator(),
		item(L("Cetak…"), fyne.KeyP, ctrl, func() { u.runCommand(cmdPrint) }),
		item(L("Ekspor…"), fyne.KeyE, ctrl, func() { u.runCommand(cmdExport) }),
		fyne.NewMenuItemSeparator(),
		item(L("Cadangkan sekarang…"), fyne.KeyB, ctrl, u.db.backupNowDialog),
		item(L("Pulihkan dari cadangan…"), "", 0, u.db.restoreDialog),
		fyne.NewMenuItemSeparator(),
		item(L("Verifikasi Sertifikat…"), fyne.KeyV, ctrl|fyne.KeyModifierShift, u.showVerifyDialog),
		fyne.NewMenuItemSeparator(),
		quit,
	)
	pages := fyne.NewMenu(L("Halaman"), item(L("Cari di halaman ini"), fyne.KeyF, ctrl, func() { u.runCommand(cmdSearch) }),
		fyne.NewMenuItemSeparator())
	for i, p := range u.pages {
		key := p.key
		pages.Items = append(pages.Items, item(L(p.title), fyne.KeyName(string(rune('1'+i))), ctrl, func() { u.goToPage(key) }))
	}
	pages.Items = append(pages.Items, fyne.NewMenuItemSeparator(),
		item(L("Tab berikutnya"), fyne.KeyPageDown, ctrl, func() { u.switchTab(1, false) }),
		item(L("Tab sebelumnya"), fyne.KeyPageUp, ctrl, func() { u.switchTab(-1, false) }),
		item(L("Subtab berikutnya"), fyne.KeyPageDown, ctrl|fyne.KeyModifierShift, func() { u.switchTab(1, true) }),
		item(L("Subtab sebelumnya"), fyne.KeyPageUp, ctrl|fyne.KeyModifierShift, func() { u.switchTab(-1, true) }))
	help := fyne.NewMenu(L("Bantuan"),
		item(L("Panduan"), "", 0, u.showGuide),
		item(L("Pintasan papan ketik"), "", 0, u.showShortcuts),
		item(L("Panduan Mode Kelas"), "", 0, u.showClassroomGuide),
		item(L("Tentang Pembina"), "", 0, u.showAbout),
	)
	return fyne.NewMainMenu(file, pages, help)
}

// refreshMenu rebuilds the menu in the interface language.
func (u *UI) refreshMenu() { u.win.SetMainMenu(u.mainMenu()) }

// goToPage opens a page from the menu; on the welcome page there is none yet.
func (u *UI) goToPage(key string) {
	if u.nav == nil {
		dialog.ShowInformation(L("Halaman"), u.commandHint(cmdNew), u.win)
		return
	}
	u.Navigate(key)
	u.show(u.current) // back to the page's list when a view was opened from it
}

// quit is Berkas > Keluar: the same as the window's close button.
func (u *UI) quit() { u.db.closeWindow() }

// showAbout is Bantuan > Tentang Pembina: the version, the commit and the database in use.
func (u *UI) showAbout() {
	icon := canvas.NewImageFromResource(assets.Icon)
	icon.FillMode = canvas.ImageFillContain
	icon.SetMinSize(fyne.NewSize(72, 72))
	name := widget.NewLabelWithStyle("Pembina", fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	name.SizeName = theme.SizeNameHeadingText
	version := L("Versi") + " " + Version
	if c := buildCommit(); c != "" {
		version += " (" + c + ")"
	}
	intro := widget.NewLabel(L("Pembina membantu koordinator pembinaan ASN mengelola program pelatihan, peserta, presensi, evaluasi, sertifikat dan laporan pimpinan dalam satu berkas, tanpa internet."))
	intro.Wrapping = fyne.TextWrapWord
	intro.Alignment = fyne.TextAlignCenter
	db := widget.NewLabel(L("Basis data") + ": " + u.store.Path())
	db.Wrapping = fyne.TextWrapBreak
	db.Alignment = fyne.TextAlignCenter
	body := container.NewVBox(container.NewCenter(icon), name,
		widget.NewLabelWithStyle(version, fyne.TextAlignCenter, fyne.TextStyle{}), intro, db)
	d := dialog.NewCustom(L("Tentang Pembina"), L("Tutup"), body, u.win)
	d.Resize(fyne.NewSize(520, 380))
	d.Show()
}

// showShortcuts lists the keyboard shortcuts.
func (u *UI) showShortcuts() {
	rows := [][2]string{
		{"Ctrl+N", L("Baru: data baru di halaman yang terbuka")},
		{"Ctrl+F", L("Cari di halaman ini")},
		{"Ctrl+P", L("Cetak dokumen yang terbuka")},
		{"Ctrl+E", L("Ekspor yang tampil ke Excel")},
		{"Ctrl+O", L("Buka basis data lain")},
		{"Ctrl+B", L("Cadangkan sekarang")},
		{"Ctrl+Shift+V", L("Verifikasi Sertifikat")},
		{"Ctrl+1 … Ctrl+6", L("Beranda, Program, Peserta, Formulir, Laporan, Pengaturan")},
		{"Ctrl+PgDn / Ctrl+PgUp", L("Tab berikutnya / sebelumnya, misalnya tab program yang dibuka")},
		{"Ctrl+Shift+PgDn / PgUp", L("Subtab berikutnya / sebelumnya, misalnya Presensi di Jadwal & Presensi")},
		{"Esc / Enter", L("Batal / tombol utama di jendela dialog")},
		{"Ctrl+Q", L("Keluar")},
		{"Tab / Shift+Tab", L("Pindah ke isian berikutnya / sebelumnya")},
	}
	form := widget.NewForm()
	for _, r := range rows {
		form.Append(r[0], widget.NewLabel(r[1]))
	}
	d := dialog.NewCustom(L("Pintasan papan ketik"), L("Tutup"), form, u.win)
	d.Resize(fyne.NewSize(680, 560))
	d.Show()
}
