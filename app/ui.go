// Package app is Pembina's desktop window (Fyne): the sidebar of pages, the program tabs, dialogs and the
// kiosk. It holds no rules of its own: it calls the data layer, app/report and app/importer, and runs their
// long work off the UI goroutine behind a progress dialog.
package app

import (
	"context"
	"fmt"
	"os"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/pembina/pembina/assets"
	"github.com/pembina/pembina/data"
	"github.com/pembina/pembina/data/followup"
	"github.com/pembina/pembina/data/store"
)

// AppID identifies Pembina to the operating system; preferences and storage hang on it.
const AppID = "id.pembina.desktop"

// UI is the running window and what it shows.
type UI struct {
	app   fyne.App
	win   fyne.Window
	store *store.Store

	now     clock       // the window's time (Options.Now)
	dialogs fileDialogs // the file and folder dialogs; tests answer them

	pages   []*page
	current int
	// participantsJP selects a JP filter on the Peserta page once it is built (the dashboard's links).
	participantsJP func(followup.JPFilter)
	nav            *widget.List
	content        *fyne.Container // holds the current page
	root           *fyne.Container // sidebar and content, or the welcome page

	// busy counts work running off the UI goroutine (queries, loads, exports); tests wait on it.
	busy sync.WaitGroup

	// serial makes background work wait in queued until WaitIdle runs it on the caller's goroutine. Fyne's
	// test driver runs fyne.Do callbacks on whichever goroutine calls it, so tests run everything on one
	// goroutine to stay deterministic and free of races; the real window always uses goroutines.
	serial  bool
	queueMu sync.Mutex
	queued  []func()
	// held keeps the background work asked for before the window's first frame (the first page's figures,
	// read from a database of any size), started once the frame is up: on a laptop's two cores the reading
	// would otherwise compete with drawing the first frame. nil once released.
	held *[]func()

	db *database // the database file: open, switch, move, backup, restore, close (window_database.go)

	// The menu and Pengaturan (window_menu.go, settings_page.go).
	settings settingsState // kept across a language switch
	opened   bool          // the content is a view opened from the page (setPageView), not the page
	tasks    int           // runTask jobs running (UI goroutine only)
}

// page is one entry of the sidebar.
type page struct {
	key   string        // stable name, for the command line and tests: "programs"
	title string        // Indonesian source string
	icon  fyne.Resource // sidebar icon
	build func(u *UI) fyne.CanvasObject
	view  fyne.CanvasObject // built on first visit, dropped when the language changes
}

// Options configure Run.
type Options struct {
	Language  string    // "id" (default) or "en"; overrides the stored setting
	Page      string    // the page to open on ("programs"); the dashboard when empty
	StartedAt time.Time // when the process started; with PEMBINA_STARTUP_TRACE set, the time to the first frame is logged

	Notice            string            // shown once the window is up, e.g. that the database used last is missing
	OnDatabaseChanged func(path string) // called when the window moved to another database file, to open it next time

	Now func() time.Time // the clock the pages take today from; time.Now when nil (tests fix the day)

	holdBackground bool // Run's: background work waits for the first frame (see UI.held)
}

// Run opens the main window on the store and blocks until it is closed. The window may move to another
// database (Berkas > Buka); whichever it uses last is backed up (when the coordinator keeps that on) and
// closed before Run returns.
func Run(s *store.Store, opt Options) error {
	traceStart = opt.StartedAt
	a := fyneapp.NewWithID(AppID)
	a.SetIcon(assets.Icon)
	opt.holdBackground = true
	u, err := New(a, s, opt)
	if err != nil {
		return err
	}
	saved := loadGeometry(a.Preferences())
	if saved != nil {
		u.win.Resize(saved.Size)
	}
	a.Lifecycle().SetOnStarted(func() {
		if os.Getenv("PEMBINA_STARTUP_TRACE") != "" && !opt.StartedAt.IsZero() {
			fmt.Fprintf(os.Stderr, "pembina: first frame after %d ms\n", time.Since(opt.StartedAt).Milliseconds())
		}
		u.placeWindow(saved)
		u.hookEscape()
		u.releaseHeld()
	})
	u.win.ShowAndRun()
	u.db.shutdown()
	return nil
}

// New builds the main window on an existing Fyne app without showing it.
func New(a fyne.App, s *store.Store, opt Options) (*UI, error) { return newUI(a, s, opt, false) }

func newUI(a fyne.App, s *store.Store, opt Options, serial bool) (*UI, error) {
	code := opt.Language
	if code == "" {
		code, _ = s.Setting(context.Background(), "language", "id")
	}
	if err := applyLanguage(code); err != nil {
		return nil, err
	}
	u := bareUI(a, s, opt)
	u.serial = serial
	if opt.holdBackground {
		u.held = &[]func(){}
	}
	a.Settings().SetTheme(appTheme{theme.DefaultTheme()})
	u.win = a.NewWindow("Pembina")
	u.win.SetIcon(assets.Icon)
	u.win.Resize(fyne.NewSize(1200, 760))
	u.win.SetMaster()
	u.pages = []*page{
		{key: "dashboard", title: "Beranda", icon: theme.HomeIcon(), build: (*UI).dashboardPage},
		{key: "programs", title: "Program", icon: theme.FolderIcon(), build: (*UI).programsPage},
		{key: "participants", title: "Peserta", icon: theme.AccountIcon(), build: (*UI).participantsPage},
		{key: "forms", title: "Formulir", icon: theme.DocumentIcon(), build: (*UI).formsPage},
		{key: "reports", title: "Laporan", icon: theme.DocumentPrintIcon(), build: (*UI).reportsPage},
		{key: "settings", title: "Pengaturan", icon: theme.SettingsIcon(), build: (*UI).settingsPage},
	}
	u.refreshMenu()
	u.db.start(opt.Notice)
	handleDialogKeys(u.win, nil)
	u.content = container.NewStack()
	u.root = container.NewStack()
	u.win.SetContent(u.root)
	empty, err := s.IsEmpty(context.Background())
	if err != nil {
		return nil, err
	}
	// Open only probes large files; read every page once the window is up, off the UI goroutine (not competing
	// with the first frame), and say so if one is damaged.
	u.goBackground(func() {
		if !u.serial {
			time.Sleep(3 * time.Second)
		}
		if err := s.Check(context.Background()); err != nil {
			fyne.Do(func() { u.showError(err) })
		}
	})
	if empty {
		u.root.Objects = []fyne.CanvasObject{u.welcomePage()}
	} else {
		start := "dashboard"
		if opt.Page != "" {
			start = opt.Page
		}
		u.showShell(start)
	}
	return u, nil
}

// bareUI is a UI on the store with its clock and file dialogs and no window yet.
func bareUI(a fyne.App, s *store.Store, opt Options) *UI {
	u := &UI{app: a, store: s, now: clock(opt.Now)}
	if u.now == nil {
		u.now = time.Now
	}
	u.dialogs = windowDialogs(u)
	u.db = &database{u: u, onChanged: opt.OnDatabaseChanged}
	return u
}

// Window returns the main window.
func (u *UI) Window() fyne.Window { return u.win }

// showShell replaces whatever the window shows with the sidebar and the page named key.
func (u *UI) showShell(key string) {
	u.nav = widget.NewList(
		func() int { return len(u.pages) },
		func() fyne.CanvasObject {
			return container.NewHBox(widget.NewIcon(theme.HomeIcon()), widget.NewLabel("Pengaturan Lanjutan"))
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			box := o.(*fyne.Container)
			box.Objects[0].(*widget.Icon).SetResource(u.pages[id].icon)
			box.Objects[1].(*widget.Label).SetText(L(u.pages[id].title))
		})
	u.nav.OnSelected = func(id widget.ListItemID) { u.show(id) }
	title := widget.NewLabelWithStyle("Pembina", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	sidebar := container.NewBorder(container.NewVBox(container.NewPadded(title), widget.NewSeparator()), nil, nil, nil, u.nav)
	split := container.NewHSplit(sidebar, u.content)
	split.Offset = 0.16
	u.root.Objects = []fyne.CanvasObject{split}
	u.root.Refresh()
	u.Navigate(key)
}

// Navigate shows the page with the given key and selects it in the sidebar; an unknown key shows the
// dashboard.
func (u *UI) Navigate(key string) {
	target := 0
	for i, p := range u.pages {
		if p.key == key {
			target = i
		}
	}
	if u.nav != nil {
		u.nav.Select(target) // calls show through OnSelected
	}
}

func (u *UI) show(i int) {
	p := u.pages[i]
	if p.view == nil {
		p.view = p.build(u)
	}
	u.current = i
	u.content.Objects = []fyne.CanvasObject{p.view}
	u.content.Refresh()
	u.opened = false
	trace("halaman %s", p.key)
}

// CurrentPage returns the key of the page shown.
func (u *UI) CurrentPage() string { return u.pages[u.current].key }

// setPageView replaces the content of the current page, for drill-downs such as opening a program; the
// sidebar entry brings the page's list back.
func (u *UI) setPageView(o fyne.CanvasObject) {
	u.content.Objects = []fyne.CanvasObject{o}
	u.content.Refresh()
	u.opened = true
}

// reloadPages drops every built page, so that data changed elsewhere (a sample load, a restore, a language
// switch) shows, and shows the current page again.
func (u *UI) reloadPages() {
	for _, p := range u.pages {
		p.view = nil
	}
	if u.nav != nil {
		u.nav.Refresh()
		u.show(u.current)
	}
}

// SetLanguage switches the interface language, stores the choice and rebuilds the pages, keeping the page
// that is open.
func (u *UI) SetLanguage(code string) error {
	if err := applyLanguage(code); err != nil {
		return err
	}
	if err := u.store.SetSetting(context.Background(), "language", code); err != nil {
		return err
	}
	u.refreshMenu()
	u.reloadPages()
	return nil
}

// showError shows a failure in a dialog: the sentence the data layer wrote for coordinators, and the technical
// text behind it (the operating system's or SQLite's English) folded away under "Detail", for whoever helps.
func (u *UI) showError(err error) {
	if err == nil {
		return
	}
	title := L("Tidak dapat dilanjutkan")
	if data.ErrorKind(err) == data.KindInternal {
		title = L("Terjadi kesalahan")
	}
	sentence := errorText(err)
	msg := widget.NewLabel(sentence)
	msg.Wrapping = fyne.TextWrapWord
	body := container.NewVBox(msg)
	if detail := errorDetail(err, sentence); detail != "" {
		text := widget.NewLabel(detail)
		text.Wrapping = fyne.TextWrapWord
		text.Importance = widget.LowImportance
		body.Add(widget.NewAccordion(widget.NewAccordionItem(L("Detail"), text)))
	}
	d := dialog.NewCustom(title, L("Tutup"), container.NewVScroll(body), u.win)
	d.Resize(fyne.NewSize(520, 240))
	d.Show()
}

// WaitIdle blocks until no background work is running (in serial mode: runs the queued work, and what it
// queues in turn, until none is left).
func (u *UI) WaitIdle() {
	for u.serial {
		u.queueMu.Lock()
		if len(u.queued) == 0 {
			u.queueMu.Unlock()
			break
		}
		fn := u.queued[0]
		u.queued = u.queued[1:]
		u.queueMu.Unlock()
		fn()
	}
	u.busy.Wait()
}

// goBackground runs fn off the UI goroutine, counted in busy. fn must touch widgets only through fyne.Do.
func (u *UI) goBackground(fn func()) {
	if u.serial {
		u.queueMu.Lock()
		u.queued = append(u.queued, fn)
		u.queueMu.Unlock()
		return
	}
	u.queueMu.Lock()
	if u.held != nil {
		*u.held = append(*u.held, fn)
		u.queueMu.Unlock()
		return
	}
	u.queueMu.Unlock()
	u.busy.Add(1)
	go func() {
		defer u.busy.Done()
		fn()
	}()
}

// releaseHeld starts the background work held until the first frame.
func (u *UI) releaseHeld() {
	u.queueMu.Lock()
	var held []func()
	if u.held != nil {
		held = *u.held
	}
	u.held = nil
	u.queueMu.Unlock()
	for _, fn := range held {
		u.goBackground(fn)
	}
}

// hintButton is a small "?" button that shows a screen's how-to in a dialog, so the explanation is at hand
// without taking rows from the list it explains.
func (u *UI) hintButton(title, text string) *widget.Button {
	b := widget.NewButtonWithIcon("", theme.QuestionIcon(), func() {
		l := widget.NewLabel(text)
		l.Wrapping = fyne.TextWrapWord
		d := dialog.NewCustom(title, L("Tutup"), l, u.win)
		d.Resize(fyne.NewSize(480, 0))
		d.Show()
	})
	b.Importance = widget.LowImportance
	return b
}

// showDangerConfirm is dialog.ShowConfirm for what cannot be undone (deleting, detaching, revoking): the
// confirming button is in the danger colour, so it does not look like an ordinary "yes".
func showDangerConfirm(title, message string, callback func(bool), parent fyne.Window) {
	d := dialog.NewConfirm(title, message, callback, parent)
	d.SetConfirmImportance(widget.DangerImportance)
	d.Show()
}
